"""The Ukrainian month pre-check of `tqa.align.anchors._months` skips only texts where the pattern cannot match."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.align import anchors as A
from tqa.text.months import UK_MONTH_FORMS


def test_every_form_starts_with_its_stem() -> None:
    assert len(A._UK_MONTH_STEMS) == 12
    for form, n in UK_MONTH_FORMS.items():
        assert form.startswith(A._UK_MONTH_STEMS[n - 1]), form
    # the stems are the longest common prefixes (a longer one would miss a form)
    for n, stem in enumerate(A._UK_MONTH_STEMS, 1):
        forms = [f for f, k in UK_MONTH_FORMS.items() if k == n]
        assert len({f[len(stem) : len(stem) + 1] for f in forms}) > 1, stem


def test_ignorecase_matches_stem_letters_only_by_case_fold() -> None:
    letters = set("".join(A._UK_MONTH_STEMS))
    rx = {p: re.compile(p, A._UK_MONTH_RE.flags) for p in letters}
    assert A._UK_MONTH_RE.flags & re.I and isinstance(A._UK_MONTH_RE, re.Pattern)
    for i in range(0x110000):
        c = chr(i)
        for p, r in rx.items():
            if r.fullmatch(c):
                assert c.casefold() == p, (hex(i), p)
    # (str.lower would not do: U+1C80 is matched to "в" but lower-cases to itself)
    assert rx["в"].fullmatch("\u1c80") and "\u1c80".lower() != "в" and "\u1c80".casefold() == "в"


def _slow(text: str) -> dict[str, int] | str:
    out: dict[str, int] = {}
    try:
        for m in A._UK_MONTH_RE.finditer(text):
            A._add(out, "m:" + str(A._UK_MONTH[m.group(0).casefold()]))
    except KeyError as e:  # pragma: no cover (every match's case fold is a key)
        return f"KeyError {e}"
    return out


def _fast(text: str) -> dict[str, int] | str:
    out: dict[str, int] = {}
    try:
        A._months(text, "uk", out)
    except KeyError as e:
        return f"KeyError {e}"
    return out


_PIECES = [*UK_MONTH_FORMS, *(f.upper() for f in UK_MONTH_FORMS), *(f.capitalize() for f in UK_MONTH_FORMS),
           "ᲀересня", "жоᲄня", "ЛИСТОПАДᲁ", "груᲁня", "ᲃерпня", "1", " ", ",", "-", "_", "у", "до", "та", "слово",
           "ї", "Ї", "січ", "трав", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10).map(" ".join) | st.lists(st.sampled_from(_PIECES),
                                                                                  max_size=6).map("".join))
def test_same_months_as_the_plain_search(text: str) -> None:
    assert _fast(text) == _slow(text)


def test_examples() -> None:
    assert _fast("1 березня та у ЖОВТНІ") == {"m:3": 1, "m:10": 1}
    # a variant letter (U+1C80 for "в", U+1C81 for "д"): the month all the same (it once raised KeyError)
    assert _fast("ᲀересня") == _slow("ᲀересня") == {"m:9": 1}
    assert _fast("5 груᲁня") == {"m:12": 1}
    assert _fast("Президент заявив це вчора") == {}
    assert _fast("березняк") == {}  # (a stem inside a longer word: searched, no match)
    rng = random.Random(7)
    alphabet = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГЕІЛСТ ᲀᲁᲂᲃᲄᲅ1_-"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.5:
            form = rng.choice(list(UK_MONTH_FORMS))
            at = rng.randint(0, len(text))
            text = text[:at] + form + text[at:]
        assert _fast(text) == _slow(text), text
