"""The Ukrainian extractor's exact shortcuts (speed pass 4, round 4) against its plain path (`uk._FAST = False`):
the whole-word number-word test that replaces the loose stem pre-check in front of the word scans, the Roman-numeral
and weekday tests in front of `_extract`, the "пів"/"пол" test in front of the half-hour search and the
digit-separator test in front of the date and time patterns."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.text.fold import lowered
from tqa.text.numbers import uk, words_uk

_ROOT = Path(__file__).resolve().parents[2]
_FOLD_SPECIALS = "\u0130\u0131\u017f\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u212a"


def _slow(text: str):
    uk._FAST = False
    try:
        return uk.extract_uk.__wrapped__(text)
    finally:
        uk._FAST = True


def _fast(text: str):
    return uk.extract_uk.__wrapped__(text)


def _same(text: str) -> None:
    assert repr(_fast(text)) == repr(_slow(text)), text


def _token_test(text: str) -> bool:
    """The plain test: a word of the text (the extractor's own word pattern), lower-cased, is a number-word form."""
    return any(m.group(0).lower() in words_uk.ALL_WORDS for m in uk._WORD_TOKEN_RE.finditer(text))


# pieces: number words in many forms (some upper-case, some glued to letters, digits, apostrophes), words that only
# contain a stem ("місто", "стадіон", "половинчастий"), "половина" (a number word with no stem of the loose pre-check),
# weekday names, Roman numerals with and without their nouns, half hours, dates and times, IGNORECASE specials
_PIECES = sorted(set(list(words_uk.ALL_WORDS)[::7])) + [
    "місто", "стадіон", "половина", "ПОЛОВИНУ", "половинчастий", "Сто", "СТО", "сто'", "'сто", "x'сто", "сто'ять",
    "5сто", "_сто", "сто5", "п'ять", "П'ЯТЬ", "п’ять", "дев`ять", "у неділю", "Неділя", "п'ятницю", "в середу",
    "XX століття", "ІІ місце", "IV ", "V", "І", " тур", " клас", "XXI", "пів на сьому", "о пів на 8", "Пів 10",
    "пол", "пів", "ПІВ", "половини п'ятої", "пів сьомого вечора", "02.03.2026", "2023-01-02", "17:00", "12/1999",
    "5/2022", "1.2:3", "на 180 градусів", "на 100% впевнений", "24/7", "о 17 годині", "1 березня", "тис.", "млн",
    "5 350", "3-4", "-", ":", ".", "/", ",", " ", " ", " ", "\u00a0", "\n", "(", "«", "»", "—", "ſ", "K", "İ",
    "ı", "ᲀ", "ᲂ", "пᲂв", "Ⅰ", "www.", "@unn", "#сто", "тел. 044 123 45 67", "5", "12", "2022", "добу", "двічі",
    "вдвоє", "обидва", "сотню", "десяток", "дюжину", "півтора", "півмільйона", "тисячі", "мільйонів", "першого",
    "третьої", "двохсот", "одна", "дві", "три", "Два", "ТРИ", "сім'я", "семи", "сімома",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=10).map(lambda ps: " ".join(ps) if len(ps) % 2 else "".join(ps))


@settings(max_examples=1500, deadline=None)
@given(text=_TEXTS)
def test_fast_paths_give_the_plain_values(text: str) -> None:
    _same(text)


@settings(max_examples=800, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("стоп'ів IVXМС5.:-/ \u00a0") + ["ſ", "K", "ᲀ", "İ"]), max_size=30))
def test_fast_paths_on_odd_characters(text: str) -> None:
    _same(text)


@pytest.mark.parametrize("text", [
    "Половина учасників прийшла о 17:00.",  # a number word without a loose stem, beside a digit
    "Половина учасників прийшла.",
    "У неділю в місті було тихо.",  # a weekday and a loose stem ("сто" in "місті"? no: "міст"), no number
    "У неділю на стадіоні.",  # a weekday and a loose stem ("ста"), no number: the plain path reports the weekday
    "У неділю.",  # a weekday, no stem
    "XX століття",
    "Команда посіла ІІ місце у неділю.",
    "пів на сьому вечора",
    "Зустріч о пів на 8 у середу.",
    "Сто'ять там п'ять осіб, двоє з них — діти.",
    "5сто та _сто",
    "ſто осіб",  # a fold special: the plain IGNORECASE searches
    "Kиїв, 02.03.2026, 17:00, на 180 градусів",
])
def test_fast_paths_on_chosen_texts(text: str) -> None:
    _same(text)


def _corpus_texts() -> list[str]:
    out: list[str] = []
    for folder in ("corpora", "tests"):
        for f in sorted((_ROOT / folder).glob("**/*.txt")):
            out.extend(line.strip() for line in f.read_text(encoding="utf-8", errors="replace").splitlines()
                       if line.strip())
    data = _ROOT.parent / "shared" / "data"
    for f in (data / "wmt22-uk-en" / "generaltest2022.uk-en.src.uk", data / "wmt23-uk-en" / "generaltest2023.uk-en.src.uk"):
        if f.is_file():
            out.extend(line.strip() for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
    return out


def test_fast_paths_on_the_corpora():
    texts = _corpus_texts()
    assert texts
    for t in texts:
        _same(t)


# -- the pieces, each against the test it stands in for -------------------------------------------------------------


def test_lower_case_keeps_length_and_letters_for_every_character():
    # what `has_number_word_token` relies on: outside fold's specials (where `lowered` is None), lower-casing a
    # character gives one character, a letter (a character of the word pattern) exactly when it was one
    letter = re.compile(r"[^\W\d_]")
    specials = set(_FOLD_SPECIALS)
    for i in range(sys.maxunicode + 1):
        c = chr(i)
        if c in specials:
            continue
        low = c.lower()
        assert len(low) == 1, hex(i)
        assert bool(letter.match(c)) == bool(letter.match(low)), hex(i)
        assert (low == "'") == (c == "'"), hex(i)
    assert all(lowered("a" + c) is None for c in _FOLD_SPECIALS)


def test_word_form_pattern_is_built_from_the_word_tables():
    assert uk._WORD_TOKEN_RE is words_uk.WORD_TOKEN_RE
    assert words_uk._WORD_FORM_RE.pattern == words_uk._word_form_pattern(
        set(words_uk.UK_NUMBER_WORDS) | set(words_uk.SCALE_WORDS) | set(words_uk._HALF_GLUED))
    for w in words_uk.ALL_WORDS:
        for text in (w, f"«{w}»", f"5{w}", f"x {w}, y", w.upper(), f"'{w}"):
            assert words_uk.has_number_word_token(text, lowered(text)), text
            assert _token_test(text)
        for text in (f"ж{w}", f"{w}ж", f"ж'{w}", f"{w}'ж"):
            assert not words_uk.has_number_word_token(text, lowered(text)), text
            assert not _token_test(text), text


@settings(max_examples=1500, deadline=None)
@given(text=_TEXTS)
def test_word_form_search_is_the_token_test(text: str) -> None:
    t = words_uk.normalise_apostrophes(text)
    expected = _token_test(t)
    assert words_uk.has_number_word_token(t, lowered(t)) == expected
    assert words_uk.has_number_word_token(t, None) == expected


@settings(max_examples=1500, deadline=None)
@given(text=_TEXTS)
def test_pre_checks_hold_wherever_their_patterns_match(text: str) -> None:
    t = words_uk.normalise_apostrophes(text)
    if uk._ROMAN_RE.search(t):
        assert uk._ROMAN_PRE_RE.search(t)
    low = lowered(t)
    if uk._HALF_HOUR_RE.search(t) and low is not None:
        assert "пів" in low or "пол" in low
    seps = set(uk._DIGIT_SEP_RE.findall(t))
    if uk._DATE3_RE.search(t) or uk._MY_RE.search(t):
        assert "." in seps or "/" in seps
    if uk._ISO_RE.search(t):
        assert "-" in seps
    if uk._TIME_RE.search(t):
        assert ":" in seps
    if uk._IDIOM_RE.search(t):
        assert "180" in t or "100" in t or "24/7" in t


def test_digit_separator_scan_misses_no_triple():
    assert set(uk._DIGIT_SEP_RE.findall("1.2:3-4/5")) == set("./:-")
    assert set(uk._DIGIT_SEP_RE.findall("1. 2 : 3")) == set()
