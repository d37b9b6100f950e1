"""English number extraction, and the Ukrainian habits it reads as the translator meant them."""

from __future__ import annotations

import pytest

from tqa.text.numbers import extract_en


def one(text: str):
    values = [v for v in extract_en(text) if v.kind != "weekday"]
    assert len(values) == 1, [(v.kind, v.text) for v in values]
    return values[0]


@pytest.mark.parametrize(
    "text, kind, amount, unit",
    [
        ("5,350 houses", "quantity", 5350, None),
        ("2.5 points", "quantity", 2.5, None),
        ("UAH 5.2 billion", "money", 5.2e9, "UAH"),
        ("$500 thousand", "money", 500_000, "USD"),
        ("$500,000", "money", 500_000, "USD"),
        ("$1.5bn", "money", 1.5e9, "USD"),
        ("€3 mn", "money", 3e6, "EUR"),
        ("EUR 2 bn", "money", 2e9, "EUR"),
        ("5,000 hryvnias", "money", 5000, "UAH"),
        ("1.5 times", "quantity", 1.5, "times"),
        ("100 km", "quantity", 100, "km"),
        ("62 miles", "quantity", 62, "mi"),
        ("-12°C", "quantity", -12, "C"),
        ("12 degrees below zero", "quantity", -12, "C"),
        ("a 16-year-old girl", "quantity", 16, "yr"),
        ("by 5%", "percent", 5, None),
        ("by 5 percent", "percent", 5, None),
        ("the 21st century", "ordinal", 21, None),
    ],
)
def test_numbers(text, kind, amount, unit):
    v = one(text)
    assert (v.kind, v.unit) == (kind, unit)
    assert v.amount == pytest.approx(amount)


@pytest.mark.parametrize(
    "text, day, month, year",
    [
        ("on March 1", 1, 3, None),
        ("on March 1st", 1, 3, None),
        ("Sunday, March 1", 1, 3, None),
        ("March 2, 2026", 2, 3, 2026),
        ("1 March 2026", 1, 3, 2026),
        ("the 1st of March", 1, 3, None),
        ("on Sept. 5", 5, 9, None),
    ],
)
def test_dates(text, day, month, year):
    v = one(text)
    assert v.kind == "date"
    assert (v.day, v.month, v.year) == (day, month, year)


def test_weekday_attached():
    date = next(v for v in extract_en("On Friday, May 14, the court ruled.") if v.kind == "date")
    assert date.weekday == 4


def test_may_as_a_verb_is_not_a_month():
    assert not [v for v in extract_en("prices may 5 times exceed") if v.kind == "date"]


@pytest.mark.parametrize(
    "text, hours, minute",
    [
        ("at 5 p.m.", (17,), 0),
        ("at 5pm", (17,), 0),
        ("at 4:15 a.m.", (4,), 15),
        ("at 12 p.m.", (12,), 0),
        ("at 12 a.m.", (0,), 0),
        ("at 17:00", (17,), 0),
        ("at 5:30", (5, 17), 30),  # no a.m./p.m.: either
        ("at 6 o'clock", (6, 18), 0),
        ("at noon", (12,), 0),
        ("at half past six", (6, 18), 30),
    ],
)
def test_times(text, hours, minute):
    v = one(text)
    assert v.kind == "time"
    assert (v.hours, v.minute) == (hours, minute)


@pytest.mark.parametrize(
    "text, amount",
    [
        ("three", 3),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("half a billion", 0.5e9),
        ("one hundred and five", 105),
        ("one and a half million", 1.5e6),
        ("a thousand", 1000),
        ("two thousand", 2000),
    ],
)
def test_number_words(text, amount):
    v = one(text)
    assert v.words and v.amount == pytest.approx(amount)


@pytest.mark.parametrize("text", ["millions of people", "dozens of drones", "hundreds of homes"])
def test_vague_plurals(text):
    assert not extract_en(text)


def test_range_shares_scale_and_currency():
    values = extract_en("$5-10 million")
    assert [(v.kind, v.unit, v.amount) for v in values] == [("money", "USD", 5e6), ("money", "USD", 1e7)]
    days = extract_en("December 1-15")
    assert [(v.day, v.month) for v in days] == [(1, 12), (15, 12)]


def test_ukrainian_habits_are_read_and_marked():
    v = one("a temperature of 37,7")
    assert v.amount == pytest.approx(37.7) and v.fmt == "decimal-comma"
    v = one("5 350 houses")
    assert v.amount == 5350 and v.fmt == "space-thousands"
    v = one("a fine of 5 350 грн")
    assert v.kind == "money" and v.unit == "UAH" and v.foreign is not None
    v = one("until 02.03")
    assert v.kind == "date" and (v.day, v.month) == (2, 3) and v.fmt == "numeric-date"
    v = one("at 5: 30")
    assert v.kind == "time" and v.fmt == "spaced-time"
    v = one("paid 5, 000 CZK")
    assert v.amount == 5000 and v.fmt == "split-number"


def test_plain_english_formats_are_not_marked():
    for text in ("5,350", "2.5", "March 2", "5:30 p.m.", "UAH 5,350"):
        assert all(not v.fmt and v.foreign is None for v in extract_en(text)), text


@pytest.mark.parametrize("text", ["F-16 jets", "COVID-19", "a T-72 tank"])
def test_identifiers(text):
    assert one(text).kind == "id"


def test_digits_glued_to_letters_are_names():
    assert extract_en("the G7 summit and the MH17 crash") == ()


def test_numero_is_a_number():
    assert one("Hall No29").kind == "quantity"


def test_no_numbers():
    assert extract_en("The president met the ministers.") == ()


# -- the substring guards in front of the extractor's rarer searches (speed) skip only searches that cannot match --

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tqa.text.numbers import _scan, en  # noqa: E402

_PIECES = [
    "No", "No.", "Nr", "№", "no", "9/11", "24/7", "9", "/", "11", "24", "7", ", 0", "5, 000", "1", "12", "2023", "-",
    "2023-01-02", ":", ": ", "12:30", "5: 30", "o'clock", "O’CLOCK", "clock", "+", "+380", "tel", "TEL.", "тел.",
    "Phone", "call", "044", "123-45-67", "(044)", "March", "MARCH", "march", "may", "May", "Sept.", "dec", "Dec",
    "1st", "of", "31", "ſ", "İ", "K", " ", "  ", "\u00a0", ",", ".", "02.03.26", "1/2/2023", "5.6.", "4:15", "p.m.",
    "a.m", "PM", "pm", "6", " am ", "(", ")", "%", "$", "€", "°C", "’s", "'s", "th", "bn", "km", "‑year", "тис.",
    "September", "sept.", "Sept", "december", "\n", "5th",
]
_GUARD_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=_GUARD_TEXTS)
def test_rare_pattern_guards_cover_every_match(text: str) -> None:
    low = en.words_en.lowered(text)
    if en._ISO_RE.search(text):
        assert "-" in text
    if en._TIME_RE.search(text) or en._SPACED_TIME_RE.search(text):
        assert ":" in text
    if en._OCLOCK_RE.search(text):
        assert en._mentions(low, en._OCLOCK_WORDS)
    if en._SPLIT_THOUSANDS_RE.search(text):
        assert ", 0" in text
    if en._NUMERO_NUM_RE.search(text):
        assert "No" in text or "Nr" in text or "№" in text
    if en._NINE_ELEVEN_RE.search(text):
        assert "9/11" in text
    if en._IDIOM_RE.search(text):
        assert "24/7" in text
    if _scan.PHONE_RE.search(text):
        assert _scan.may_have_phone(text, low)
    if en._DATE3_RE.search(text):
        assert en._DATE3_PRE_RE.search(text)
    if en._TIME_AMPM_RE.search(text):
        assert en._TIME_AMPM_PRE_RE.search(text)
    first = en.DIGIT_RE.search(text)
    for pattern in (en._DATE3_RE, en._ISO_RE, en._DATE_DM_RE, en._TIME_AMPM_RE, en._TIME_RE, en._SPACED_TIME_RE,
                    en._OCLOCK_RE, en._SPLIT_THOUSANDS_RE, _scan.NUM_RE):
        # the digit-led patterns are scanned from the first digit on: the same matches
        whole = [m.span() for m in pattern.finditer(text)]
        assert whole == ([m.span() for m in pattern.finditer(text, first.start())] if first else [])
    if en._DATE_DM_RE.search(text):
        assert en._may_have_month(text)
    folded = [m.span() for m in en._DATE_MD_FOLDED.finditer(text, low)]
    assert folded == [m.span() for m in en._DATE_MD_RE.finditer(text)]
    if folded:  # the month-day search starts near the first digit, and only where a month stem occurs
        assert low is None or en._mentions(low, en._MONTH_STEMS_LOW)
        start = max(0, first.start() - en._MD_REACH)
        assert folded == [m.span() for m in en._DATE_MD_RE.finditer(text, start)]


_NO_DIGIT = st.lists(st.sampled_from([
    "often", "with", "month", "money", "someone", "tenth", "half", "half past six", "halfway", "twenty", "tens",
    "noon", "entirely", "Monday", "doubled", "second-hand", "fifty-fifty", "a dozen", "the", "Ten", "ſ", "K", " ", "-",
    ", ", ". ",
]), max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=_NO_DIGIT)
def test_texts_the_extractor_turns_away_hold_no_value(text: str) -> None:
    # extract_en returns () without reading a text with no digit, no number word, no noon/"entirely"/weekday/"doubled"
    low = en.words_en.lowered(text)
    turned_away = (
        not en.DIGIT_RE.search(text)
        and not en.words_en.has_number_word_match(text, low)
        and not en._NOON_RE.search(text)
        and not en._WHOLLY_RE.search(text)
        and not en._WEEKDAY_RE.search(text)
        and not en._TIMES_WORD_RE.search(text)
    )
    if turned_away:
        assert en._extract(text, low) == ()
        assert extract_en(text) == ()
    else:
        assert extract_en(text) == en._extract(text, low)


_RIGHT_PIECES = ["5", "12", " ", "\u00a0", "%", "$", "€", "£", "₴", "₽", "'", "’", "-", "‑", "°", "℃", "s", "th", "km",
                 "K", "ſ", "м", "тис.", "грн", "bn", "m", ".", ",", ")", "x", "2", "year", "old", "per cent", "US$"]


@settings(max_examples=600, deadline=None)
@given(rest=st.lists(st.sampled_from(_RIGHT_PIECES), max_size=6).map("".join), prefixed=st.booleans(),
       kind=st.sampled_from(["quantity", "money"]))
def test_right_context_fast_path_changes_nothing(rest: str, prefixed: bool, kind: str) -> None:
    # `_classify_right` returns early where no right-context pattern can match: the same token as the full path
    text = "7" + rest

    def tok() -> _scan.Tok:
        return _scan.Tok(0, 1, 1, kind=kind, amount=7.0, prefixed=prefixed, digits="7")

    fast, slow = tok(), tok()
    en._classify_right(text, fast)
    saved = en._RIGHT_START, en._RIGHT_AFTER_SPACE
    en._RIGHT_START = en._RIGHT_AFTER_SPACE = frozenset(map(chr, range(0x3000)))  # every character: no early return
    try:
        en._classify_right(text, slow)
    finally:
        en._RIGHT_START, en._RIGHT_AFTER_SPACE = saved
    assert fast == slow


_WORDISH = st.lists(st.sampled_from([
    "one", "once", "On", "ONE", "seven", "seventeen", "seventy", "seventh", "seventieth", "twenty", "-", "five", "first",
    "hundred", "hundredth", "thousand", "million", "half", "dozen", "both", "pair", "couple", "zero", "ten", "tens",
    "teen", "th", "ſix", "K", "İ", "1", "_", "x", " ", ", ", "’", "a", "and",
]), max_size=12).map("".join)


@settings(max_examples=600, deadline=None)
@given(text=_WORDISH)
def test_trie_word_pattern_matches_like_the_flat_alternation(text: str) -> None:
    import re

    flat = re.compile(en.words_en.WORD_ALTERNATION, re.IGNORECASE)
    assert [m.span() for m in en.words_en.WORD_RE.finditer(text)] == [m.span() for m in flat.finditer(text)]
    low = en.words_en.lowered(text)
    assert [m.span() for m in en.words_en.iter_number_words(text, low)] == [m.span() for m in flat.finditer(text)]


_LEFT_PIECES = ["US$", "$", "€", "UAH", "USD", "грн", "грн.", "minus", "MINUS", "minuſ", "about", "ABOUT", "nearly",
                "more than", "up to", "some", " ", "\u00a0", "\u2009", "\n", "-", "(", "x", "No", "at", "over", "s",
                "t", "H", ".", "н"]


@settings(max_examples=600, deadline=None)
@given(left=st.lists(st.sampled_from(_LEFT_PIECES), max_size=5).map("".join))
@example(left="minus \n")
@example(left="about\u00a0\n")
@example(left="$\n")
@example(left="at USD \n")
def test_left_context_pre_tests_change_nothing(left: str) -> None:
    # the currency-prefix, "minus" and "about" searches run only where the end of the left context allows them
    text = left + "7"

    def tok() -> _scan.Tok:
        return _scan.Tok(len(left), len(text), len(text), amount=7.0, digits="7")

    fast, slow = tok(), tok()
    en._classify_left(text, fast)
    saved = en._before_space, en._word_then_space
    en._before_space, en._word_then_space = (lambda left: "$"), (lambda left, last: True)  # always search
    try:
        en._classify_left(text, slow)
    finally:
        en._before_space, en._word_then_space = saved
    assert fast == slow
