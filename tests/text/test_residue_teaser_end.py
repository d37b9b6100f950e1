"""The end test before `tqa.text.residue._teaser_whole` skips only texts whose last stamp cannot end them."""

from __future__ import annotations

import itertools
import random
import re
from re import _parser as P  # type: ignore[attr-defined]

from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.text import residue as R
from tqa.text.months import MONTHS_EN, UK_MONTHS_GENITIVE


class _All:
    def search(self, text: str) -> bool:
        return True


def _slow(text: str) -> bool:
    saved = R._TEASER_END
    R._TEASER_END = _All()
    try:
        return R._teaser_whole(text)
    finally:
        R._TEASER_END = saved


def test_span_holds_the_longest_ending() -> None:
    width = P.parse(R._TEASER_END.pattern, R._TEASER_END.flags).getwidth()
    assert width[1] <= R._TEASER_END_SPAN
    assert R._TEASER_END.flags & re.I  # (the same IGNORECASE as `_TEASER_STAMP`: the same characters match)
    assert R._TEASER_STAMP.flags & re.I


_VIEWS = ["views", "view", "переглядів", "перегляди", "перегляд", "просмотров", "просмотра", "просмотр"]
_EN = [*MONTHS_EN, *(m[:3] for m in MONTHS_EN), "Sept"]
_DATES = (
    ["02.03.26", "2.3.2026"]
    + [f"1 {m}" for m in UK_MONTHS_GENITIVE]
    + [f"12 {m}{dot}" for m in _EN for dot in ("", ".")]
    + [f"{m}{dot} 3" for m in _EN for dot in ("", ".")]
    + [f"3 {m}, 2024{tail}" for m in ("березня", "May") for tail in ("", " р.", " року", " рік", "р.")]
)


def _variants(s: str) -> list[str]:
    return [s, s.upper(), s.lower(), s.title()]


def test_every_stamp_ending_passes() -> None:
    stamps = []
    for date in _DATES:
        for v in _variants(date):
            stamps += [f"{v}, 15:55", f"14:05, {v}", f"14:05 • {v}"]
    stamps += [f"15:55 • 1 234 {w}" for view in _VIEWS for w in _variants(view)]
    stamps += [f"02.03.26, 15:55 • 5350 {w}" for view in _VIEWS for w in _variants(view)]
    stamps += ["15:55", "9:05"]
    for stamp in stamps:
        m = R._TEASER_STAMP.fullmatch(stamp)
        assert m, stamp
        assert R._TEASER_END.search(stamp[-R._TEASER_END_SPAN :]), stamp
        text = "Мер міста заявив про нові плани" + stamp
        assert R._teaser_whole(text) == _slow(text)
    assert R._teaser_whole("Зеленський зустрівся з Байденом02.03.26, 15:55 • 5350 views")


_PIECES = ["Headline words", "as an ally", "02.03.26", ", ", "15:55", " • ", "5350 views", "перегляди", "1 березня",
           "March", "Mar.", "2024 р.", "року", ".", "?", "!", "said", "at 10:30", "The meeting", "Sept 3", " ", "", "K"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10).map("".join))
def test_same_answer_without_the_end_test(text: str) -> None:
    assert R._teaser_whole(text) == _slow(text)


def test_random_texts() -> None:
    rng = random.Random(11)
    for a, b in itertools.product(range(40), range(20)):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 8))) + " " * (b % 3)
        assert R._teaser_whole(text) == _slow(text), (a, text)
    assert not R._teaser_whole("The talks started at 10:30 and ended late.")
