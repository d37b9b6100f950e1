"""tqa.text.fold: a lower-case IGNORECASE pattern searched in the lower-cased text finds the same matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.text.fold import FoldedPattern, lowered

PATTERNS = [
    re.compile(r"(?:one|two|first|th\b|ty-|illion)", re.IGNORECASE),
    re.compile(r"\b(?:сім|п'ят|тисяч|мільйон|вісім)\w*", re.IGNORECASE),
    re.compile(r"all rights reserved|(?:всі|усі) права захищен[іо]|\bis (?:required|mandatory)\b", re.IGNORECASE),
]


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@pytest.mark.parametrize("rx", PATTERNS)
@pytest.mark.parametrize(
    "text",
    ["ONE Two thrEE", "Сім ТИСЯЧ п'ятсот", "All Rights Reserved.", "fourth MONTH", "nothing here", "Kelvin K ſix",
     "dotless ı and İstanbul first", "ᲀісім"],
)
def test_same_matches_as_ignorecase(rx: re.Pattern[str], text: str) -> None:
    folded = FoldedPattern(rx)
    assert _spans(folded.finditer(text)) == _spans(rx.finditer(text))
    assert (folded.search(text) is None) == (rx.search(text) is None)


def test_lowered_refuses_texts_where_lower_case_differs() -> None:
    assert lowered("Kyiv Ukrinform") == "kyiv ukrinform"
    assert lowered("İstanbul") is None  # lower case is longer: offsets would shift
    assert lowered("ſix") is None  # IGNORECASE matches ſ to s
    assert lowered("ᲀісім") is None  # and ᲀ to в


def test_rejects_patterns_that_are_not_lower_case() -> None:
    with pytest.raises(ValueError):
        FoldedPattern(re.compile(r"One", re.IGNORECASE))
    with pytest.raises(ValueError):
        FoldedPattern(re.compile(r"one"))  # not IGNORECASE
    with pytest.raises(ValueError):
        FoldedPattern(re.compile(r"\W+one", re.IGNORECASE))  # \W lower-cases to \w


_CHARS = st.sampled_from(
    list("oneONEtwhTWHfirsFIRSlyLY -'’сімСІМтисячТИСЯЧпятПЯТ.") + list("\u0130\u0131\u017f\u1c80\u212a")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CHARS, max_size=30).map("".join), st.sampled_from(PATTERNS))
def test_same_matches_on_any_text(text: str, rx: re.Pattern[str]) -> None:
    assert _spans(FoldedPattern(rx).finditer(text)) == _spans(rx.finditer(text))


# -- LazyPattern ---------------------------------------------------------------------------------------------------


def test_lazy_pattern_compiles_on_first_use_and_matches_like_re():
    from tqa.text.fold import LazyPattern

    lazy = LazyPattern(r"(?P<n>\d+)\s*views?", re.IGNORECASE)
    assert lazy._compiled is None  # nothing compiled at definition
    eager = re.compile(lazy.pattern, lazy.flags)
    text = "12 Views • 3 view, none here, 45views"
    assert lazy.search(text).span() == eager.search(text).span()
    assert lazy._compiled is not None
    assert lazy.match(text).group("n") == "12"
    assert lazy.match("x 12 views") is None
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.findall(text) == eager.findall(text) == ["12", "3", "45"]
    assert lazy.sub("#", text) == eager.sub("#", text)
    assert lazy.fullmatch("7 views") is not None and lazy.fullmatch("7 views!") is None
