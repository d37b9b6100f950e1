"""Ukrainian number extraction: every form the issue lists, read to a typed value."""

from __future__ import annotations

import re

import pytest

from tqa.text.numbers import extract_uk


def one(text: str):
    values = [v for v in extract_uk(text) if v.kind != "weekday"]
    assert len(values) == 1, [(v.kind, v.text) for v in values]
    return values[0]


@pytest.mark.parametrize(
    "text, amount",
    [
        ("5 350 будинків", 5350),
        ("1 200 000 людей", 1_200_000),
        ("1\u00a0200\u00a0000 людей", 1_200_000),  # no-break spaces
        ("5\u2009350 будинків", 5350),  # thin space
        ("5\u202f350 будинків", 5350),  # narrow no-break space
        ("ставка 2,5 пункту", 2.5),
        ("1700 осіб", 1700),
    ],
)
def test_integers_and_decimals(text, amount):
    v = one(text)
    assert v.kind == "quantity"
    assert v.amount == pytest.approx(amount)


def test_text_and_offsets_cover_the_number():
    text = "Загинули 1 200 000 людей"
    v = one(text)
    assert text[v.start : v.end] == v.text == "1 200 000"


@pytest.mark.parametrize(
    "text, amount, unit",
    [
        ("вночі -12°C", -12, "C"),
        ("мінус 5 градусів", -5, "C"),
        ("на відстані 30 км", 30, "km"),
        ("вантаж 25 кг", 25, "kg"),
        ("потужність 500 МВт", 500, "MW"),
        ("площа 40 гектарів", 40, "ha"),
        ("у 1,5 раза", 1.5, "times"),
    ],
)
def test_signs_and_units(text, amount, unit):
    v = one(text)
    assert v.amount == pytest.approx(amount)
    assert v.unit == unit


def test_dash_between_numbers_is_a_range_not_a_sign():
    values = extract_uk("3-4 години")
    assert [v.amount for v in values] == [3, 4]
    assert all(v.unit == "h" for v in values)  # the unit is shared by both ends


@pytest.mark.parametrize(
    "text, expected",
    [
        ("у 2015–2017 роках", [("year", 2015), ("year", 2017)]),
        ("у 1932-33 роках", [("year", 1932), ("year", 1933)]),
        ("з 1 по 15 грудня", [("date", (1, 12)), ("date", (15, 12))]),
        ("5-10 млн грн", [("money", 5e6), ("money", 1e7)]),
        ("від 3 до 5 тисяч гривень", [("money", 3000), ("money", 5000)]),
    ],
)
def test_ranges_share_their_attributes(text, expected):
    got = []
    for v in extract_uk(text):
        if v.kind == "date":
            got.append(("date", (v.day, v.month)))
        elif v.kind == "year":
            got.append(("year", v.year))
        else:
            got.append((v.kind, v.amount))
    assert got == expected


@pytest.mark.parametrize("text", ["зросла на 5%", "зросла на 5 відсотків", "зросла на 5 відсотка", "5 процентів"])
def test_percent(text):
    v = one(text)
    assert (v.kind, v.amount) == ("percent", 5)


@pytest.mark.parametrize(
    "text, amount",
    [
        ("5 тис. осіб", 5000),
        ("5 тисяч осіб", 5000),
        ("2 млн осіб", 2e6),
        ("2 мільйона осіб", 2e6),
        ("3 мільйони осіб", 3e6),
        ("1,5 млрд", 1.5e9),
        ("7 мільярдів", 7e9),
        ("2 трлн", 2e12),
        ("пів мільярда", 0.5e9),
        ("півтора мільйона", 1.5e6),
        ("тисяч 100", 100_000),  # the scale word put first: "about a hundred thousand"
    ],
)
def test_scale_words_in_every_form(text, amount):
    v = one(text)
    assert v.amount == pytest.approx(amount)


@pytest.mark.parametrize(
    "text, amount, currency",
    [
        ("5 350 грн", 5350, "UAH"),
        ("100 гривень", 100, "UAH"),
        ("₴250", 250, "UAH"),
        ("UAH 5,2 млрд", 5.2e9, "UAH"),
        ("$500", 500, "USD"),
        ("50$", 50, "USD"),
        ("200 дол.", 200, "USD"),
        ("1,5 млрд доларів", 1.5e9, "USD"),
        ("€10", 10, "EUR"),
        ("100 євро", 100, "EUR"),
        ("50 коп.", 50, "KOP"),
        ("5000 крон", 5000, "CZK"),
    ],
)
def test_money(text, amount, currency):
    v = one(text)
    assert v.kind == "money"
    assert v.amount == pytest.approx(amount)
    assert v.unit == currency


@pytest.mark.parametrize(
    "text, day, month, year",
    [
        ("1 березня", 1, 3, None),
        ("24-го лютого", 24, 2, None),
        ("02.03.2026", 2, 3, 2026),
        ("02.03.26", 2, 3, 2026),
        ("2026-03-02", 2, 3, 2026),
        ("15 грудня 2024 року", 15, 12, 2024),
    ],
)
def test_dates(text, day, month, year):
    v = one(text)
    assert v.kind == "date"
    assert (v.day, v.month, v.year) == (day, month, year)


def test_month_and_year_is_a_year():
    v = one("у січні 2025 року")
    assert (v.kind, v.year) == ("year", 2025)


@pytest.mark.parametrize("text", ["у 2025 році", "2025 року", "2025 р.", "з 2014-го року", "у 1937-му"])
def test_years_are_not_quantities(text):
    assert one(text).kind == "year"


@pytest.mark.parametrize(
    "text, hours, minute",
    [
        ("о 17:00", (17,), 0),
        ("о 17.00", (17,), 0),
        ("о 17 годині", (17,), 0),
        ("о 7 вечора", (19,), 0),
        ("о 6-ій вечора", (18,), 0),
        ("о 4 ранку", (4,), 0),
        ("пів на сьому", (6, 18), 30),
        ("о пів на восьму вечора", (19,), 30),
    ],
)
def test_times(text, hours, minute):
    v = one(text)
    assert v.kind == "time"
    assert v.hours == hours and v.minute == minute


def test_bare_number_after_o_may_be_a_time():
    v = one("прийду о 8")
    assert ("t", 8, 0) in v.all_keys and ("t", 20, 0) in v.all_keys


def test_dotted_pair_keeps_every_reading():
    v = one("З 19.04 вівторка")
    assert v.kind == "date" and (v.day, v.month) == (19, 4)
    assert ("n", 19.04) in v.all_keys  # informal copy also types decimals with a dot


@pytest.mark.parametrize("text, amount", [("21-му столітті", 21), ("64-ї бригади", 64), ("VIII місце", 8)])
def test_ordinals(text, amount):
    v = one(text)
    assert v.kind == "ordinal" and v.amount == amount


@pytest.mark.parametrize(
    "text, amount",
    [
        ("п'ять", 5),
        ("п’ять", 5),
        ("двадцять п'ять осіб", 25),
        ("трьох дітей", 3),
        ("сотня бійців", 100),
        ("троє", 3),
        ("двох тисяч", 2000),
        ("сто двадцять три тисячі", 123_000),
        ("другого типу", 2),
    ],
)
def test_number_words_in_their_case_forms(text, amount):
    v = one(text)
    assert v.words
    assert v.amount == pytest.approx(amount)


@pytest.mark.parametrize("text", ["тисячі людей вийшли", "сотні людей", "десятки загиблих", "мільйони гривень"])
def test_vague_plurals_are_not_numbers(text):
    assert not [v for v in extract_uk(text) if v.kind != "weekday"]


@pytest.mark.parametrize("text", ["танки Т-72", "COVID-19", "винищувачі F-16", "Су-25"])
def test_identifiers(text):
    assert one(text).kind == "id"


def test_phone_numbers_are_not_amounts():
    assert not [v for v in extract_uk("тел. +380 44 123 45 67") if v.kind not in ("id",)]
    assert all(v.kind == "id" for v in extract_uk("за тел.729 725 522 498 168"))


def test_weekday_is_attached_to_its_date():
    values = extract_uk("У неділю, 1 березня, відбулася нарада")
    date = next(v for v in values if v.kind == "date")
    assert date.weekday == 6


def test_idiom_number_is_not_reportable():
    v = one("повернулися на 180 градусів")
    assert v.words  # "turned around": a counterpart only


def test_no_number_no_values_and_cheap():
    assert extract_uk("Президент провів нараду з міністрами.") == ()
    assert extract_uk("") == ()


def test_deterministic_and_cached():
    text = "У 2024 році 5 тис. осіб отримали по 6 500 грн"
    assert extract_uk(text) == extract_uk(text)


@pytest.mark.parametrize(
    "text, amounts",
    [
        ("Вночі очікується до 12 градусів морозу.", [-12.0]),
        ("Вночі 5 градусів нижче нуля.", [-5.0]),
        ("Вдень до 12 градусів тепла.", [12.0]),
        ("Вдень 3 градуси вище нуля.", [3.0]),
        ("Вночі від 3 до 8 градусів морозу.", [-3.0, -8.0]),
        ("Вночі від +2 до 3 градусів морозу.", [2.0, -3.0]),
        ("Вночі мінус 5, вдень плюс 3.", [-5.0, 3.0]),
        ("Обласний центр розташований за 12 градусів на північ.", [12.0]),
    ],
)
def test_frost_and_warmth_words_give_the_sign(text, amounts):
    assert [v.amount for v in extract_uk(text)] == amounts


def test_frost_word_is_part_of_the_value_text():
    (v,) = extract_uk("До 12 градусів морозу вночі.")
    assert v.text == "12 градусів морозу" and v.unit == "C"


@pytest.mark.parametrize(
    "text, approx",
    [("майже 2,47 млрд євро", True), ("більш ніж 300 осіб", True), ("до 12 градусів", True), ("300 осіб", False)],
)
def test_hedge_words_mark_the_value_approximate(text, approx):
    assert extract_uk(text)[0].approx is approx


# -- the guards in front of the Ukrainian extractor's searches (speed) skip only searches that cannot match --------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tqa.text.numbers import _scan, uk  # noqa: E402

_PIECES = ["www.", "WWW.", "Www", "https://", "x.ua", "@unn", "a@b.ua", "#війна", "#", "@", "://", "ſ", "K", "İ",
           "на 180 градусів", "24/7", "на 100% впевнений", "тел. 044 123 45 67", "+380", "-", "5", " ", ", ", "у",
           "понеділок", "ПОНЕДІЛКА", "неділю", "п'ятницю", "п’ятниці", "сто", "три", "XX століття", ".", "Середу",
           "середою", "суботи", "четвергом", "вівторка", "ʼ", "`", "′", "‘", "місто", "двох", "ДВАДЦЯТЬ", "п`ять",
           "(044) 123-45-67", "call", "Tel"]
_UK_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=_UK_TEXTS)
def test_uk_guards_cover_every_match(text: str) -> None:
    if _scan.URL_RE.search(text):
        assert uk._may_have_url(text)
    if _scan.PHONE_RE.search(text) or uk._IDIOM_RE.search(text):
        assert uk.DIGIT_RE.search(text)
    assert [m.span() for m in uk._WEEKDAY_FOLDED.finditer(text)] == [m.span() for m in uk._WEEKDAY_RE.finditer(text)]

    if uk._WEEKDAY_RE.search(text):
        assert uk._may_have_weekday(uk.lowered(text))
    if _scan.PHONE_RE.search(text):
        assert _scan.may_have_phone(text, uk.lowered(text))
    # the apostrophe normalisation and the trie-shaped number-word pre-check are the plain forms, faster
    assert uk.words_uk.normalise_apostrophes(text) == text.translate(uk.words_uk._APOS)
    flat = re.compile(uk.words_uk.PRECHECK_PATTERN, re.IGNORECASE)
    assert uk.words_uk.has_number_word(text) == (flat.search(text) is not None)
    # the pre-test in `_word_tokens` (one findall) says "no number word" exactly when its token loop would find none
    t = uk.words_uk.normalise_apostrophes(text)
    loop = any(m.group(0).lower() in uk.words_uk.ALL_WORDS for m in uk._WORD_TOKEN_RE.finditer(t))
    assert loop == (not uk.words_uk.ALL_WORDS.isdisjoint(map(str.lower, uk._WORD_TOKEN_RE.findall(t))))


def test_weekday_stems_start_every_weekday_form():
    assert all(any(form.startswith(stem) for stem in uk._WEEKDAY_STEMS) for form in uk.WEEKDAYS_UK)


def test_value_text_is_the_callers_text_with_typographic_apostrophes():
    # the extractor reads apostrophes normalised (’ ʼ ` ′ ‘ → '), but a value's text is what its offsets cover
    for text in ("п’ять тисяч гривень", "0-гомлн’", "дев`ять осіб"):
        values = extract_uk(text)
        assert values, text
        for v in values:
            assert v.text == text[v.start : v.end]
    assert extract_uk("п’ять тисяч гривень")[0].text.startswith("п’ять")


def test_a_month_with_a_variant_letter_is_read_not_a_crash():
    # IGNORECASE matches U+1C81 (a variant of "д") in "грудня"; the month table is read by case fold (it once raised
    # KeyError, reported as TQA901 on the whole story)
    [v] = extract_uk("Це сталося 5 груᲁня 2022 року.")
    assert (v.kind, v.day, v.month, v.year) == ("date", 5, 12, 2022)
