"""The cheap guards in front of the English number extractor's searches skip only searches that cannot match."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.text.numbers import en

_WORDS = [
    "noon", "Midday", "MIDNIGHT", "half", "Half past", "doubled", "TRIPLED", "halved", "twofold", "entirely", "Fully",
    "Monday", "Sun", "Sat.", "www.", "WWW.", "https://x.y/1", "@unn", "#war", "5", "17:00", "3 p.m.", "one", "Twenty",
    "fourth", "with", "both", "month", "ſ", "İ", "K", "2,5", "$1.5bn", "March 1", "1 March", "a dozen", "percent",
]
_TEXTS = st.lists(st.sampled_from(_WORDS + [" ", ", ", ". ", "-"]), max_size=14).map("".join)


@pytest.mark.parametrize(
    ("rx", "words"),
    [(en._NOON_RE, en._NOON_WORDS), (en._HALF_PAST_RE, en._HALF_WORDS), (en._TIMES_WORD_RE, en._TIMES_WORDS),
     (en._WHOLLY_RE, en._WHOLLY_WORDS)],
)
@settings(max_examples=200, deadline=None)
@given(text=_TEXTS)
def test_guard_words_cover_every_match(rx, words, text: str) -> None:
    if rx.search(text):
        assert en._mentions(en.words_en.lowered(text), words)


@settings(max_examples=200, deadline=None)
@given(text=_TEXTS)
def test_weekday_and_url_guards(text: str) -> None:
    if en._WEEKDAY_RE.search(text):
        assert en._may_have_weekday(text)
    if en._URL_RE.search(text):
        assert en._may_have_url(text, en.words_en.lowered(text))


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS)
def test_same_values_without_the_guards(text: str) -> None:
    guarded = en.extract_en.__wrapped__(text)
    saved = en._mentions, en._may_have_weekday, en._may_have_url
    en._mentions = lambda low, words: True
    en._may_have_weekday = lambda t: True
    en._may_have_url = lambda t, low: True
    try:
        unguarded = en.extract_en.__wrapped__(text)
    finally:
        en._mentions, en._may_have_weekday, en._may_have_url = saved
    assert guarded == unguarded


_RESIDUE_TAILS = st.sampled_from(
    ["Story text", " - DW - 09.02.2023", " | Ukrinform", " – BBC News Україна", " - Deutsche Welle ", "DW", " 12.03.24",
     "$43.230.13", " ", ".", "|", "1.234.56", "Reuters"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_RESIDUE_TAILS, max_size=6).map("".join))
def test_source_tag_guard_skips_only_non_matches(text: str) -> None:
    from tqa.text import residue

    expected = residue._SOURCE_TAG_END.search(text)
    got = residue._source_tag_end(text)
    assert (got.span() if got else None) == (expected.span() if expected else None)
