"""Property-based tests: a value written the Ukrainian way and the English way extracts to the same value; no
input makes the extractors or the comparison raise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tqa.text.numbers import compare_pair, extract_en, extract_uk
from tqa.text.numbers.uk import MONTHS_UK
from tqa.text.numbers.values import MONTHS_EN

MONTHS_GEN = list(MONTHS_UK)  # genitive month names, January first
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def uk_int(n: int, sep: str) -> str:
    s = str(n)
    if n < 10000 and sep == "":
        return s
    groups = []
    while s:
        groups.append(s[-3:])
        s = s[:-3]
    return (sep or " ").join(reversed(groups))


def en_int(n: int) -> str:
    return f"{n:,}"


amounts = st.one_of(
    st.integers(min_value=2, max_value=999_999_999).map(lambda n: (n, 0)),
    st.tuples(st.integers(min_value=0, max_value=99_999), st.integers(min_value=1, max_value=99)).map(
        lambda t: (t[0], t[1])
    ),
)
separators = st.sampled_from(["", " ", "\u00a0", "\u2009", "\u202f"])


def render(whole: int, frac: int, sep: str) -> tuple[str, str, float]:
    if frac:
        f = str(frac).rstrip("0") or "0"
        return f"{uk_int(whole, sep)},{f}", f"{en_int(whole)}.{f}", float(f"{whole}.{f}")
    return uk_int(whole, sep), en_int(whole), float(whole)


def amounts_of(values):
    return [round(v.amount, 6) for v in values if v.amount is not None and v.kind != "weekday"]


@SETTINGS
@given(amounts, separators, st.sampled_from(["осіб", "будинків", "тонн", "км"]))
def test_quantities_round_trip(amount, sep, noun):
    uk, en, value = render(*amount, sep)
    en_noun = {"осіб": "people", "будинків": "houses", "тонн": "tonnes", "км": "km"}[noun]
    source = f"Загалом {uk} {noun} за рік."
    target = f"In total, {en} {en_noun} in a year."
    assert amounts_of(extract_uk(source)) == [round(value, 6)]
    assert amounts_of(extract_en(target)) == [round(value, 6)]
    assert compare_pair((source,), (target,)) == ()


@SETTINGS
@given(amounts, separators, st.sampled_from(["UAH", "USD", "EUR"]), st.booleans())
def test_money_round_trip(amount, sep, currency, symbol_first):
    uk, en, value = render(*amount, sep)
    uk_word = {"UAH": "грн", "USD": "доларів", "EUR": "євро"}[currency]
    en_text = {"UAH": f"UAH {en}", "USD": f"${en}", "EUR": f"€{en}"}[currency]
    if not symbol_first:
        en_text = f"{en} " + {"UAH": "hryvnias", "USD": "dollars", "EUR": "euros"}[currency]
    source = f"Виплатили {uk} {uk_word}."
    target = f"They paid {en_text}."
    (s,) = extract_uk(source)
    (t,) = extract_en(target)
    assert (s.kind, s.unit, round(s.amount, 6)) == ("money", currency, round(value, 6))
    assert (t.kind, t.unit, round(t.amount, 6)) == ("money", currency, round(value, 6))
    assert compare_pair((source,), (target,)) == ()


@SETTINGS
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=9),
    st.sampled_from([(10**3, "тис.", "thousand"), (10**6, "млн", "million"), (10**9, "млрд", "billion"),
                     (10**6, "мільйона", "mn"), (10**9, "мільярдів", "bn")]),
)
def test_scaled_round_trip(whole, tenth, scale):
    mult, uk_word, en_word = scale
    uk = f"{whole},{tenth}" if tenth else str(whole)
    en = f"{whole}.{tenth}" if tenth else str(whole)
    source = f"Сума становить {uk} {uk_word} гривень."
    target = f"The sum is UAH {en} {en_word}."
    (s,) = extract_uk(source)
    (t,) = extract_en(target)
    assert round(s.amount) == round(t.amount) == round((whole + tenth / 10) * mult)
    assert compare_pair((source,), (target,)) == ()


@SETTINGS
@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=9))
def test_percent_round_trip(whole, tenth):
    uk = f"{whole},{tenth}%" if tenth else f"{whole}%"
    en = f"{whole}.{tenth}%" if tenth else f"{whole} percent"
    source = f"Показник зріс на {uk}."
    target = f"The figure rose by {en}."
    (s,) = extract_uk(source)
    (t,) = extract_en(target)
    assert s.kind == t.kind == "percent" and round(s.amount, 6) == round(t.amount, 6)
    assert compare_pair((source,), (target,)) == ()


@SETTINGS
@given(st.integers(min_value=1, max_value=28), st.integers(min_value=1, max_value=12), st.booleans(),
       st.sampled_from([None, 2022, 2025, 2026]))
def test_dates_round_trip(day, month, numeric, year):
    if numeric:
        source = f"Це сталося {day:02d}.{month:02d}.{year or 2024}."
        year = year or 2024
    else:
        source = f"Це сталося {day} {MONTHS_GEN[month - 1]}" + (f" {year} року." if year else ".")
    target = f"It happened on {MONTHS_EN[month - 1]} {day}" + (f", {year}." if year else ".")
    (s,) = extract_uk(source)
    (t,) = extract_en(target)
    assert (s.day, s.month, s.year) == (t.day, t.month, t.year) == (day, month, year)
    assert compare_pair((source,), (target,)) == ()


@SETTINGS
@given(st.integers(min_value=0, max_value=23), st.sampled_from([0, 15, 30, 45]), st.booleans())
def test_times_round_trip(hour, minute, dotted):
    source = f"Початок о {hour:02d}{'.' if dotted else ':'}{minute:02d}."
    h12 = hour % 12 or 12
    suffix = "a.m." if hour < 12 else "p.m."
    target = f"It starts at {h12}:{minute:02d} {suffix}." if minute else f"It starts at {h12} {suffix}."
    (s,) = extract_uk(source)
    (t,) = extract_en(target)
    assert s.kind == t.kind == "time"
    assert hour in s.hours and hour in t.hours
    assert compare_pair((source,), (target,)) == ()


_ALPHABET = st.sampled_from(
    list("0123456789 ,.:-–—/%$€₴°№+()'’\n\u00a0\u2009\u202f")
    + ["тис.", "млн", "млрд", "грн", "року", "березня", "о ", "пів", "п'ять", "двадцять", "-го", "km", "p.m.",
       "March", "million", "twenty-", "half a", "Sunday, ", "неділю, ", "VIII місце", "UAH", "bn", "e", "а", "x"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_extractors_never_raise_on_number_like_junk(text):
    for v in extract_uk(text) + extract_en(text):
        assert 0 <= v.start <= v.end <= len(text)
        assert text[v.start : v.end] == v.text
    compare_pair((text,), (text[::-1],))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_extractors_never_raise_on_any_text(text):
    extract_uk(text)
    extract_en(text)
    compare_pair((text,), (text,))
