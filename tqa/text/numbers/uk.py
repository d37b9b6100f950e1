"""Ukrainian number extraction: digits (``5 350``, ``1 200 000``, ``2,5``), signs (``-12°C``, ``мінус 5``), ranges
(``3-4``, ``2015–2017``, ``з 1 по 15 грудня``), percentages, scale words in every case form (``тис.``, ``мільйона``,
``пів мільярда``), money (``грн``, ``₴``, ``$``, ``дол.``, ``євро``…), units (``км``, ``кг``, ``МВт``, ``°C``), dates
(``1 березня``, ``02.03.2026``, ``02.03.26``, ``у січні 2025 року``), times (``17:00``, ``17.00``, ``о 17 годині``,
``о 7 вечора``), ordinals (``21-му``, ``2014-го``), identifiers (``Т-72``, ``COVID-19``) and numbers written as
words (``двадцять п'ять``, ``трьох``, ``троє``, ``сотня``).

`extract_uk(text)` returns a tuple of `Value`s in text order; it never raises on any input.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re

from tqa.patterns import compile as re_compile
from tqa.text.fold import FoldedPattern, lowered
from tqa.text.months import UK_MONTHS_GENITIVE, UK_MONTHS_LOCATIVE, UK_MONTHS_NOMINATIVE
from tqa.text.numbers import words_uk
from tqa.text.numbers._scan import (
    DIGIT_RE,
    DASH,
    NUM_RE,
    URL_RE,
    Tok,
    alt_readings_dotted,
    attach_weekdays,
    digits_of,
    digits_of_value,
    elliptic_dates,
    masked as _masked,
    phone_spans,
    parse_grouped,
    propagate_ranges,
    to_value,
)
from tqa.text.numbers.values import Value, nk

__all__ = ["MONTHS_UK", "extract_uk"]

_I = re.IGNORECASE
_FAST = True  # the exact shortcuts below (tests turn them off to compare with the plain path)

MONTHS_UK = UK_MONTHS_GENITIVE
_MONTHS_LOC = {**UK_MONTHS_LOCATIVE, **UK_MONTHS_NOMINATIVE}

_CURRENCY = [
    (r"грн\.?|гривен\w*|гривн\w*|гривень|₴|UAH", "UAH"),
    (r"дол\.?(?:\s?США)?|долар\w*|\$|USD|у\.\s?о\.", "USD"),
    (r"євро|€|EUR", "EUR"),
    (r"коп\.?|копій\w*|копійк\w*", "KOP"),
    (r"руб\.?|рубл\w*|₽|RUB", "RUB"),
    (r"крон\w*|CZK", "CZK"),
    (r"злот\w*|PLN", "PLN"),
    (r"фунт\w*\s+стерлінг\w*|GBP|£", "GBP"),
    (r"юан\w*|CNY", "CNY"),
    (r"франк\w*|CHF", "CHF"),
    (r"єн(?:и|а)?|JPY", "JPY"),
    (r"цент\w*", "CENT"),
]
_CUR_RE = re_compile(r"[ \u00a0\u2009\u202f]?(" + "|".join(f"(?:{p})" for p, _ in _CURRENCY) + r")(?![\w])", _I)


@functools.cache  # compiled on first use (a unit or currency word next to a number), not at import
def _cur_parts() -> list[tuple[re.Pattern, str]]:
    return [(re_compile(rf"^(?:{p})$", _I), code) for p, code in _CURRENCY]


_CUR_PREFIX_RE = re_compile(r"(\$|€|£|₴|UAH|USD|EUR)[ \u00a0]?$")

_UNITS = [
    (r"км/год|км/г", "km/h"),
    (r"кв\.\s?км|км²|км2|квадратн\w+ кілометр\w*", "km2"),
    (r"км|кілометр\w*", "km"),
    (r"см|сантиметр\w*", "cm"),
    (r"мм|міліметр\w*", "mm"),
    (r"метр\w*|м(?![\w.²])", "m"),
    (r"кг|кілограм\w*", "kg"),
    (r"тонн\w*|т(?![\w.])", "t"),
    (r"грам\w*|г(?![\w.])", "g"),
    (r"га|гектар\w*", "ha"),
    (r"літр\w*|л(?![\w.])", "l"),
    (r"°\s?[CС]|градус\w*(?:\s+(?:за\s+)?Цельсі\w+)?|°", "C"),
    (r"МВт[·\-]?год", "MWh"),
    (r"кВт[·\-]?год", "kWh"),
    (r"ГВт[·\-]?год", "GWh"),
    (r"МВт|мегават\w*", "MW"),
    (r"кВт|кіловат\w*", "kW"),
    (r"ГВт|гігават\w*", "GW"),
    (r"миль|милі|миля", "mi"),
    (r"хв\.?|хвилин\w*", "min"),
    (r"сек\.?|секунд\w*", "s"),
    (r"год\.?|годин\w*", "h"),
    (r"діб|доби|дн(?:і|ів|я|ями)|день", "day"),
    (r"тижн\w*|тиждень", "week"),
    (r"місяц\w*|місяць", "month"),
    (r"рок(?:и|ів|у|ами)|рік|літ", "yr"),
    (r"раз(?:и|ів|а)?", "times"),
]
_UNIT_RE = re_compile(r"[ \u00a0\u2009\u202f]?(" + "|".join(f"(?:{p})" for p, _ in _UNITS) + r")(?![\w])", _I)


@functools.cache  # compiled on first use (a unit or currency word next to a number), not at import
def _unit_parts() -> list[tuple[re.Pattern, str]]:
    return [(re_compile(rf"^(?:{p})$", _I), code) for p, code in _UNITS]



_PCT_RE = re_compile(r"[ \u00a0\u2009\u202f]?(%|відс\.|відсот\w*|процент\w*|в\.\s?п\.|п\.\s?п\.)", _I)
_SCALE_RE = re_compile(
    r"[ \u00a0\u2009\u202f]?(тис\.?|тисяч\w*|млн\.?|мільйон\w*|млрд\.?|мрд\.?|мільярд\w*|трлн\.?|трильйон\w*)"
    r"(?![\w])",
    _I,
)
_MONTH_RE = re_compile(
    r"[ \u00a0\u2009\u202f]?(" + "|".join(MONTHS_UK) + r")(?![\w])"
    r"(?:[ \u00a0](\d{4})(?![\d])(?:[ \u00a0]?(?:року|р\.|рік|році))?)?",
    _I,
)
_YEAR_WORD_RE = re_compile(
    r"(?:-?(?:го|му|й|ий|ому|ого|м))?[ \u00a0]?(?:року|році|рік|роках|роки|років|р\.|рр\.|р(?![\w]))", _I
)
_YEAR_AFTER_MONTH_RE = re_compile(
    r"(?:^|\s)(?:" + "|".join(_MONTHS_LOC) + r"|" + "|".join(MONTHS_UK) + r")[ \u00a0]$", _I
)
_HOUR_RE = re_compile(r"[ \u00a0]?(годин[іиау]?|год\.?)(?![\w])", _I)
_DAYPART_RE = re_compile(r"[ \u00a0]?(ранку|зранку|вечора|ввечері|ночі|вночі|дня|пополудні)(?![\w])", _I)
_TIME_PREFIX_RE = re_compile(r"(?:^|[\s(\"«„“])(?:о|об|до|після|з|із|зі|від|близько|біля|к)[ \u00a0]$", _I)
_AT_PREFIX_RE = re_compile(r"(?:^|[\s(\"«„“])(?:о|об)[ \u00a0]$", _I)
_SUFFIX_RE = re_compile(
    r"[-‑](?:й|го|му|ї|ий|ого|ому|та|тя|тє|ть|х|ти|ма|ми|ою|ої|ій|і|е|у|м|ю|ша|ше|ве|ге|ня)(?![\w])", _I
)
_ADJ_RE = re_compile(r"[-‑]([а-яіїєґ']{3,})", _I)
# the stems of adjectives after a number ("5-річний", "10-відсотковий"), compiled on first use (a rare path)
_ADJ_UNIT_STEMS = (
    (r"^(?:річн|літн)", "yr"),
    (r"^відсотк", "%"),
    (r"^кілометр", "km"),
    (r"^метров", "m"),
    (r"^тонн", "t"),
    (r"^денн", "day"),
    (r"^годин", "h"),
    (r"^хвилин", "min"),
    (r"^місячн", "month"),
    (r"^тисячн", "k"),
    (r"^мільйонн", "M"),
)


@functools.cache
def _adj_units() -> list[tuple[re.Pattern, str]]:
    return [(re_compile(p, _I), code) for p, code in _ADJ_UNIT_STEMS]


_ID_LEFT_RE = re_compile(r"(?:[A-Za-zА-Яа-яІіЇїЄєҐґ][-‑]?|[A-Za-zА-Яа-яІіЇїЄєҐґ]\d*[-‑/])$")
_MINUS_LEFT_RE = re_compile(r"(?:^|[\s(])мінус[ \u00a0]$", _I)
# after a temperature: "морозу" / "нижче нуля" (below zero), "тепла" / "вище нуля" (above zero)
_FROST_RE = re_compile(r"[ \u00a0]+(?:(морозу|нижче[ \u00a0]+нуля)|(тепла|вище[ \u00a0]+нуля))(?![\w])", _I)
_DATE3_RE = re_compile(r"(?<![\w.,/])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\w]|[.,/]\d)")
_ISO_RE = re_compile(r"(?<![\w.])(\d{4})-(\d{2})-(\d{2})(?![\w])")
_TIME_RE = re_compile(r"(?<![\w.,:])([01]?\d|2[0-4])[:](\d{2})(?::\d{2})?(?![\w:])")
# every digit-separator-digit triple's separator (each match keeps the next digit for the next: none is missed)
_DIGIT_SEP_RE = re_compile(r"\d([./:-])(?=\d)")
_MY_RE = re_compile(r"(?<![\w.,/])(\d{1,2})[./]((?:19|20)\d{2})(?![\w]|[.,]\d)")
_APPROX_RE = re_compile(
    r"(?:близько|приблизно|майже|понад|більше|менше|щонайменше|орієнтовно|протягом|впродовж|за|до|"
    r"більш[ \u00a0](?:ніж|як)|не[ \u00a0](?:менше|більше|менш|більш)[ \u00a0](?:ніж|як))[ \u00a0]$", _I
)
_RANGE_CONNECTOR = re_compile(r"\s?[-–—‒]\s?|\s+(?:до|по|і|й|та|або|чи)\s+|,\s", _I)
_WORD_TOKEN_RE = words_uk.WORD_TOKEN_RE
# set phrases whose number has no counterpart in a good translation ("повернувся на 180 градусів" → "turned around")
_IDIOM_RE = re_compile(
    r"на\s+180\s+градус\w*|на\s+(?:всі\s+)?100(?:\s*%|\s+відсот\w*)?(?=\s+(?:впевнен|згод))|24/7", _I
)
WEEKDAYS_UK = {}
for _i, _forms_ in enumerate((
    ("понеділок", "понеділка", "понеділку", "понеділком"),
    ("вівторок", "вівторка", "вівторку", "вівторком"),
    ("середа", "середу", "середи", "середі", "середою"),
    ("четвер", "четверга", "четвергу", "четвергом"),
    ("п'ятниця", "п'ятницю", "п'ятниці", "п'ятницею"),
    ("субота", "суботу", "суботи", "суботі", "суботою"),
    ("неділя", "неділю", "неділі", "неділею"),
)):
    for _f in _forms_:
        WEEKDAYS_UK[_f] = _i
_WEEKDAY_RE = re_compile(r"(?<![\w'])(" + "|".join(WEEKDAYS_UK) + r")(?![\w'])", _I)
_WEEKDAY_FOLDED = FoldedPattern(_WEEKDAY_RE)  # the same matches, searched in the lower-cased text (tqa.text.fold)
# every weekday form above starts with its day's common prefix: a lower-cased text without them holds no weekday name
_WEEKDAY_STEMS = tuple(os.path.commonprefix([f for f, d in WEEKDAYS_UK.items() if d == i]) for i in range(7))


def _may_have_weekday(low: str | None) -> bool:
    """False only when `_WEEKDAY_FOLDED` finds nothing; `low` is ``lowered(text)`` (None: unknown)."""
    if low is None:
        return True
    for s in _WEEKDAY_STEMS:
        if s in low:
            return True
    return False
_ROMAN_AFTER = (
    r"[ \u00a0](?:місц|столітт|ст\.|сторіччя|тисячоліття|кварт|півріччя|етап|тур\b|"
    r"турі|скликанн|з'їзд|сесі|ступен|груп|категорі|рівн|світов|міжнародн|всеукраїнськ|форум|чемпіонат|олімпіад|"
    r"фестивал|конкурс|конференці|розряд|клас\b|класу|корпус|округ)"
)
_ROMAN_RE = re_compile(r"(?<![\w'])([IVXLCDMІХСМ]{1,7})(?=" + _ROMAN_AFTER + ")")
# every _ROMAN_RE match ends with a numeral letter followed by _ROMAN_AFTER (no look-behind: `re` skips to those letters)
_ROMAN_PRE_RE = re_compile("[IVXLCDMІХСМ]" + _ROMAN_AFTER)
_ROMAN_VAL = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_HALF_HOUR_RE = re_compile(
    r"(?<![\w'])(?:(?:о|об)\s+)?(?:пів|пол|половин[аіиу])\s+(?:на\s+)?([\w']+)(?:\s+(?:годин[уи]|ранку|вечора))?", _I
)
_INVERTED_SCALE_RE = re_compile(r"(?:^|\s)(тисяч|тисячі|мільйонів|мільйони|мільярдів|мільярди)[ \u00a0]$", _I)


def _code(parts: list[tuple[re.Pattern, str]], s: str) -> str | None:
    s = s.strip()
    for pat, code in parts:
        if pat.match(s):
            return code
    return None


def _parse_number(s: str, tok: Tok) -> bool:
    """Fill `tok.amount`/`digits`/`alts` from the digit string `s`; False if `s` is not a number."""
    s_clean = s
    if any(c in s for c in " \u00a0\u2009\u202f"):
        tok.amount = parse_grouped(s_clean)
        tok.digits = digits_of(s_clean)
        return True
    if "," in s and "." in s:
        return False
    parts = re.split(r"[.,]", s)
    sep = "," if "," in s else ("." if "." in s else "")
    if len(parts) == 1:
        tok.amount = float(s)
        tok.digits = digits_of(s)
        return True
    if len(parts) > 2:
        if all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3:
            tok.amount = float("".join(parts))
            tok.digits = digits_of(s)
            return True
        return False
    a, b = parts
    tok.digits = digits_of(s)
    tok.parts = (float(a), float(b))
    if sep == ",":
        tok.amount = float(f"{a}.{b}")
        if len(b) == 3 and len(a) <= 3 and a != "0":
            tok.alts.append(("n", float(a + b)))
        return True
    # a dot: a decimal (informal copy), a time (17.00), a date (19.04) or thousands (1.500)
    tok.amount = float(f"{a}.{b}")
    tok.alts.extend(alt_readings_dotted(a, b))
    if len(b) == 3 and len(a) <= 3 and a != "0":
        tok.alts.append(("n", float(a + b)))
    return True


def _classify_right(text: str, tok: Tok) -> None:
    """Read what follows the number: scale, percent, currency, month, year word, unit, hour."""
    pos = tok.num_end
    m = _SCALE_RE.match(text, pos)
    if m:
        scale = words_uk.scale_of(m.group(1))
        if scale:
            tok.scale = scale
            tok.amount = (tok.amount or 0) * scale
            pos = m.end()
            tok.bare = False
    m = _PCT_RE.match(text, pos)
    if m:
        tok.kind = "percent"
        tok.end = m.end()
        tok.bare = False
        return
    m = _CUR_RE.match(text, pos)
    if m:
        tok.kind = "money"
        tok.unit = _code(_cur_parts(), m.group(1))
        tok.end = m.end()
        tok.bare = False
        return
    if tok.scale > 1:
        tok.end = pos
        m = _UNIT_RE.match(text, pos)
        if m:
            tok.unit = _code(_unit_parts(), m.group(1))
            tok.end = m.end()
        return
    amount = tok.amount
    is_int = amount is not None and amount == int(amount) and "," not in text[tok.start : tok.num_end]
    if is_int and "." not in text[tok.start : tok.num_end]:
        m = _MONTH_RE.match(text, pos)
        if m and 1 <= amount <= 31:
            tok.kind = "date"
            tok.day = int(amount)
            tok.month = MONTHS_UK[m.group(1).casefold()]
            if m.group(2):
                tok.year = int(m.group(2))
            tok.end = m.end()
            tok.bare = False
            return
        if 1000 <= amount <= 2100 and len(text[tok.start : tok.num_end]) == 4:
            m = _YEAR_WORD_RE.match(text, pos)
            left = text[max(0, tok.start - 14) : tok.start]
            if m or _YEAR_AFTER_MONTH_RE.search(left) or _SUFFIX_RE.match(text, pos):
                tok.kind = "year"
                tok.year = int(amount)
                tok.end = m.end() if m else pos
                tok.bare = not m
                return
        left = text[max(0, tok.start - 12) : tok.start]
        if amount <= 23:
            m = _HOUR_RE.match(text, pos)
            if m and _TIME_PREFIX_RE.search(left) and not _APPROX_RE.search(left[-10:]) or (
                m and _AT_PREFIX_RE.search(left)
            ):
                # "о 17 годині", "до 18 години", "з 9 години"
                _set_time(tok, int(amount), 0, None)
                tok.alts.append(("q", nk(amount), "h"))
                tok.end = m.end()
                tok.bare = False
                m2 = _DAYPART_RE.match(text, tok.end)
                if m2:
                    _apply_daypart(tok, m2.group(1))
                    tok.end = m2.end()
                return
            m = _DAYPART_RE.match(text, pos)
            if m and amount <= 12 and (m.group(1).lower() != "дня" or _TIME_PREFIX_RE.search(left)):
                # "о 7 вечора", "4 ранку"; "2 дня" only after a time preposition (else it may be "2 days")
                _set_time(tok, int(amount), 0, None)
                _apply_daypart(tok, m.group(1))
                tok.end = m.end()
                tok.bare = False
                return
    m = _SUFFIX_RE.match(text, pos)
    if m:
        suffix = m.group(0)[1:].lower()
        tok.end = m.end()
        tok.bare = False
        if suffix == "х" and amount is not None and amount % 10 == 0:
            tok.kind = "ordinal"  # decade: "90-х", "1990-х"
            if amount < 100:
                tok.alts.append(("n", 1900.0 + amount))
            return
        tok.kind = "ordinal" if suffix not in ("ти", "х", "ма", "ми", "ох") else "quantity"
        if amount is None or amount != int(amount):
            return
        m2 = _MONTH_RE.match(text, tok.end)
        if m2 and 1 <= amount <= 31:
            # "24-го лютого"
            tok.kind, tok.day, tok.month = "date", int(amount), MONTHS_UK[m2.group(1).casefold()]
            tok.year = int(m2.group(2)) if m2.group(2) else None
            tok.end = m2.end()
            return
        left = text[max(0, tok.start - 12) : tok.start]
        if amount <= 23 and _TIME_PREFIX_RE.search(left):
            m2 = _DAYPART_RE.match(text, tok.end)
            m3 = _HOUR_RE.match(text, tok.end)
            if m2 or m3 or _AT_PREFIX_RE.search(left):
                # "о 6-ій вечора", "о 12-ій годині", "об 11-й"
                _set_time(tok, int(amount), 0, None)
                if m3:
                    tok.end = m3.end()
                    m2 = _DAYPART_RE.match(text, tok.end)
                if m2:
                    _apply_daypart(tok, m2.group(1))
                    tok.end = m2.end()
                elif 1 <= amount <= 12 and not m3:
                    tok.hours = (int(amount), int(amount) + 12)
        return
    m = _ADJ_RE.match(text, pos)
    if m:
        word = m.group(1)
        tok.end = m.end()
        tok.bare = False
        for pat, code in _adj_units():
            if pat.match(word):
                if code == "%":
                    tok.kind = "percent"
                elif code == "k":
                    tok.amount = (tok.amount or 0) * 1000
                    tok.scale = 1000
                elif code == "M":
                    tok.amount = (tok.amount or 0) * 10**6
                    tok.scale = 10**6
                else:
                    tok.unit = code
                break
        return
    m = _UNIT_RE.match(text, pos)
    if m:
        code = _code(_unit_parts(), m.group(1))
        unit_text = m.group(1)
        # "м." followed by a capital is "місто" (city); "т." is an abbreviation
        if code in ("m", "t", "g", "l") and len(unit_text) == 1:
            nxt = text[m.end() : m.end() + 2]
            if nxt[:1] == "." or (nxt[:1] == " " and nxt[1:2].isupper()):
                return
        tok.unit = code
        tok.end = m.end()
        tok.bare = False
        if code == "C":
            m2 = _FROST_RE.match(text, tok.end)
            if m2:
                # "12 градусів морозу" is -12 °C, "12 градусів тепла" +12 °C (how Ukrainian weather copy writes the sign)
                tok.end = m2.end()
                if m2.group(1) and tok.amount and tok.amount > 0:
                    tok.amount = -tok.amount


def _frost_ranges(text: str, toks: list[Tok]) -> None:
    """"від 3 до 8 градусів морозу": the frost word after the range gives both ends their minus."""
    for a, b in zip(toks, toks[1:]):
        if a.unit != "C" or b.unit != "C" or not a.amount or not b.amount or a.amount <= 0 or b.amount >= 0:
            continue
        m = _FROST_RE.search(text, b.num_end, b.end)
        if m and m.group(1) and _RANGE_CONNECTOR.fullmatch(text[a.end : b.start]):
            if text[max(0, a.start - 6) : a.start].rstrip().lower().endswith(("+", "плюс")):
                continue
            a.amount = -a.amount


def _set_time(tok: Tok, hour: int, minute: int, meridiem: str | None) -> None:
    tok.kind = "time"
    tok.hour = hour % 24 if hour != 24 else 0
    tok.minute = minute
    tok.hours = (tok.hour,)
    tok.meridiem = meridiem


def _apply_daypart(tok: Tok, part: str) -> None:
    part = part.lower()
    h = tok.hour or 0
    if part in ("вечора", "ввечері", "пополудні") or (part == "дня" and h < 12 and h <= 6):
        if h < 12:
            h += 12
        tok.meridiem = "pm"
    elif part in ("ночі", "вночі"):
        # "о 2 ночі" is 2:00, "об 11 ночі" is 23:00, "о 12 ночі" midnight
        h = 0 if h == 12 else (h + 12 if 8 <= h < 12 else h)
    elif part in ("ранку", "зранку"):
        tok.meridiem = "am"
    tok.hour = h
    tok.hours = (h,)


def _classify_left(text: str, tok: Tok) -> bool:
    """Read what precedes the number; False if the token is not a number of the text (part of an identifier)."""
    left = text[max(0, tok.start - 16) : tok.start]
    if left and (left[-1].isalpha() or (_ID_LEFT_RE.search(left) and not left.endswith(" "))):
        if left[-1] in DASH and (len(left) < 2 or left[-2] in " (\u00a0"):
            pass  # a sign: " -12"
        elif left[-1] == "№":
            pass
        else:
            tok.kind = "id"
            return True
    m = _CUR_PREFIX_RE.search(left)
    if m and tok.kind in ("quantity", "money"):
        code = _code(_cur_parts(), m.group(1))
        tok.kind = "money"
        tok.unit = tok.unit or code
        tok.start -= len(m.group(0))
        tok.prefixed = True
    if left.endswith(("-", "−")) and tok.kind in ("quantity", "money", "percent") and tok.amount:
        before = left[:-1]
        if not before or before[-1] in " (\u00a0":
            tok.amount = -tok.amount
            tok.start -= 1
    elif _MINUS_LEFT_RE.search(left) and tok.amount:
        tok.amount = -tok.amount
    if _APPROX_RE.search(left):
        tok.approx = True
    m = _INVERTED_SCALE_RE.search(left)
    if m and tok.amount and tok.kind == "quantity":
        # "тисяч 100" — the scale word put first: "about 100 thousand"
        scale = words_uk.scale_of(m.group(1)) or 1
        tok.amount *= scale
        tok.scale = scale
        tok.approx = True
        tok.bare = False
    return True


def _at_time(text: str, tok: Tok) -> None:
    """ "о 8", "об 11" — a bare small number after "о" is a time of day (8:00 or 20:00)."""
    if tok.kind != "quantity" or not tok.bare or tok.amount is None:
        return
    a = tok.amount
    if a == int(a) and 0 <= a <= 24 and _AT_PREFIX_RE.search(text[max(0, tok.start - 5) : tok.start]):
        h = int(a)
        tok.alts.extend([("t", h, 0)] + ([("t", (h + 12) % 24, 0)] if 1 <= h <= 12 else []))


def _word_tokens(text: str, taken: list[tuple[int, int]], checked: bool = False) -> list[Tok]:
    # (`checked`: the caller knows `words_uk.has_number_word_token(text)`: a word of the text is a number word)
    out: list[Tok] = []
    known = words_uk.ALL_WORDS
    if not checked and known.isdisjoint(map(str.lower, _WORD_TOKEN_RE.findall(text))):
        return out  # exact: no token is a number word, so `matches` below would be empty (one C-level pass instead)
    matches = [
        m
        for m in _WORD_TOKEN_RE.finditer(text)
        if m.group(0).lower() in known and not _inside(m.start(), taken)
    ]
    i = 0
    while i < len(matches):
        run = [matches[i]]
        j = i + 1
        while j < len(matches) and text[run[-1].end() : matches[j].start()] in (" ", "\u00a0"):
            run.append(matches[j])
            j += 1
        words = [m.group(0) for m in run]
        parsed = words_uk.parse_words(words)
        if parsed is None:
            i += 1
            continue
        value, scale, used = parsed
        start, end = run[0].start(), run[used - 1].end()
        tok = Tok(start=start, end=end, num_end=end, amount=float(value), words=True, scale=scale)
        tok.digits = digits_of_value(value)
        if scale > 1:
            tok.bare = False
        _classify_right(text, tok)
        out.append(tok)
        i += used
    return out


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    for s, e in spans:
        if s <= pos < e:
            return True
    return False


@functools.lru_cache(maxsize=8192)
def extract_uk(text: str) -> tuple[Value, ...]:
    """Every number in a Ukrainian text, as typed values in text order."""
    if not isinstance(text, str) or not text:
        return ()
    t = words_uk.normalise_apostrophes(text)
    has_digit = DIGIT_RE.search(t) is not None
    if _FAST:
        low = lowered(t)
        # the word scans of `_extract` run where the stem pre-check matches and find only whole number words
        words = words_uk.has_number_word_token(t, low) and words_uk.has_number_word(t)
        if not has_digit and not words and not _may_have_weekday(low) and not _ROMAN_PRE_RE.search(t):
            # exact: without a digit or a number word, `_extract` finds only Roman numerals and weekday names
            return ()
    else:
        low = words = ...
    if not has_digit and not (words is True or words_uk.has_number_word(t)) and not _ROMAN_RE.search(t):
        return ()
    try:
        values = _extract(t, has_digit, low, words)
    except (ValueError, OverflowError, IndexError):  # never let a malformed number lose the run
        return ()
    if t is not text and values:
        # the apostrophes were normalised one character for one, so offsets hold; `text` is the caller's own text
        values = tuple(v if v.text == text[v.start : v.end] else dataclasses.replace(v, text=text[v.start : v.end])
                       for v in values)
    return values


def _half_hours(t: str, toks: list[Tok], taken: list[tuple[int, int]], *, digits: bool, low: str | None = None) -> None:
    """ "пів на сьому", "пів сьомого", "о пів на 8": half past the previous hour. `low`: ``lowered(t)`` (None: unknown)."""
    if low is not None and "пів" not in low and "пол" not in low:
        return  # exact: every match holds "пів"/"пол" (IGNORECASE: in the lower-cased text, see tqa.text.fold)
    for m in _HALF_HOUR_RE.finditer(t):
        w = m.group(1)
        if _inside(m.start(), taken) or w.isdigit() != digits:
            continue
        info = words_uk.lookup(w)
        h = int(w) if digits else (int(info[0]) if info and info[1] in ("o", "u", "t") else None)
        if h is None or not 1 <= h <= 24:
            continue
        tok = Tok(m.start(), m.end(), m.end(), bare=False, approx=True, words=not digits)
        _set_time(tok, (h - 1) % 24, 30, None)
        tail = m.group(0).lower()
        hours = [tok.hour]
        if digits and " на " not in tail:
            hours.append(h % 24)  # "пів 10" is read both ways in speech: 9:30, and by some 10:30
        if tail.endswith("вечора"):
            hours = [x + 12 if x < 12 else x for x in hours]
        elif not tail.endswith("ранку"):
            hours += [x + 12 for x in hours if 1 <= x <= 11]
        tok.hour = hours[0]
        tok.hours = tuple(dict.fromkeys(hours))
        toks.append(tok)
        taken.append((tok.start, tok.end))


def _roman(s: str) -> int | None:
    s = s.translate(str.maketrans("ІХСМ", "IXCM"))
    total = 0
    prev = 0
    for ch in reversed(s):
        v = _ROMAN_VAL.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if total > 0 else None


def _may_have_url(text: str) -> bool:
    """False only when URL_RE cannot match: it needs "://", "@", "#" or "www." (IGNORECASE: only w/W fold to w)."""
    return "://" in text or "@" in text or "#" in text or "w" in text or "W" in text


def _extract(t: str, has_digit: bool, low=..., words=...) -> tuple[Value, ...]:
    # (`has_digit`: DIGIT_RE.search(t); `low`: lowered(t); `words`: words_uk.has_number_word_token(t, low) — computed
    # once by extract_uk; `...`: not known, the slow path: compute `low`, and run the word scans on every text)
    taken: list[tuple[int, int]] = [(m.start(), m.end()) for m in URL_RE.finditer(t)] if _may_have_url(t) else []
    toks: list[Tok] = []
    fast = words is not ...
    if not fast:
        low = lowered(t)
    if has_digit:  # (every telephone and idiom pattern holds a digit)
        taken += phone_spans(t, low)  # (exact: see phone_spans)
        # fast: the patterns below each need a digit, a separator and a digit ("\d[./]\d": DATE3, MY; "\d-\d": ISO;
        # "\d:\d": TIME), and every idiom holds "180", "100" or "24/7" (digits match only themselves, IGNORECASE too)
        seps = set(_DIGIT_SEP_RE.findall(t)) if fast else set("./-:")
        if not fast or "180" in t or "100" in t or "24/7" in t:
            idioms = [(m.start(), m.end()) for m in _IDIOM_RE.finditer(t)]
        else:
            idioms = []
        dotted = "." in seps or "/" in seps
        for m in _DATE3_RE.finditer(t) if dotted else ():
            if _inside(m.start(), taken):
                continue
            d, mo, y = int(m.group(1)), int(m.group(3)), m.group(4)
            if 1 <= d <= 31 and 1 <= mo <= 12:
                year = int(y) if len(y) == 4 else 2000 + int(y)
                tok = Tok(m.start(), m.end(), m.end(), kind="date", day=d, month=mo, year=year, bare=False)
                if mo <= 12 and d <= 12 and m.group(2) == "/":
                    tok.alts.append(("d", mo, d))
                m2 = _YEAR_WORD_RE.match(t, m.end())
                if m2:
                    tok.end = m2.end()
                toks.append(tok)
                taken.append((m.start(), tok.end))
        for m in _ISO_RE.finditer(t) if "-" in seps else ():
            if _inside(m.start(), taken):
                continue
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= d <= 31 and 1 <= mo <= 12:
                toks.append(Tok(m.start(), m.end(), m.end(), kind="date", day=d, month=mo, year=y, bare=False))
                taken.append((m.start(), m.end()))
        for m in _MY_RE.finditer(t) if dotted else ():
            if _inside(m.start(), taken):
                continue
            mo, y = int(m.group(1)), int(m.group(2))
            if 1 <= mo <= 12:
                tok = Tok(m.start(), m.end(), m.end(), kind="date", month=mo, year=y, bare=False)
                tok.alts.append(("n", nk(float(f"{m.group(1)}.{m.group(2)}"))))
                toks.append(tok)
                taken.append((m.start(), m.end()))
        for m in _TIME_RE.finditer(t) if ":" in seps else ():
            if _inside(m.start(), taken):
                continue
            tok = Tok(m.start(), m.end(), m.end())
            _set_time(tok, int(m.group(1)), int(m.group(2)), None)
            if int(m.group(2)) > 59:
                continue
            tok.bare = False
            m2 = _DAYPART_RE.match(t, m.end()) or _HOUR_RE.match(t, m.end())
            if m2:
                if m2.re is _DAYPART_RE:
                    _apply_daypart(tok, m2.group(1))
                tok.end = m2.end()
            toks.append(tok)
            taken.append((m.start(), tok.end))
        _half_hours(t, toks, taken, digits=True, low=low if fast else None)
        for m in NUM_RE.finditer(_masked(t, taken)):
            if _inside(m.start(), taken) or _inside(m.end() - 1, taken):
                continue
            s = m.group(0)
            tok = Tok(m.start(), m.end(), m.end())
            if not _parse_number(s, tok):
                continue
            if s.count(" ") + s.count("\u00a0") >= 4 or s.count("\u2009") + s.count("\u202f") >= 4:
                tok.kind = "id"  # "729 725 522 498": a telephone or account number, not an amount
            elif not _classify_left(t, tok):
                continue
            if _inside(tok.start, idioms):
                tok.words = True
            if tok.kind != "id":
                if "." in s and tok.alts and not any(c in s for c in " ,"):
                    _dotted_primary(t, tok, s)
                if tok.kind not in ("time", "date"):
                    _classify_right(t, tok)
                if tok.kind == "quantity" and tok.bare and tok.amount is not None:
                    a = tok.amount
                    if a == int(a) and 1900 <= a <= 2100 and len(s) == 4:
                        tok.kind, tok.year = "year", int(a)
                    else:
                        _at_time(t, tok)
            toks.append(tok)
            taken.append((tok.start, tok.end))
    if words if fast else words_uk.has_number_word(t):
        # (fast: no word of the text is a number word ⇒ both find nothing: `_half_hours` reads a number word after
        # "пів" (a whole word: [\w']+ after a space, up to a non-word character) and `_word_tokens` only those)
        _half_hours(t, toks, taken, digits=False, low=low if fast else None)
        toks.extend(_word_tokens(t, taken, checked=fast))
    if not fast or _ROMAN_PRE_RE.search(t):  # (exact: see _ROMAN_PRE_RE)
        for m in _ROMAN_RE.finditer(t):
            r = _roman(m.group(1))
            if r and not _inside(m.start(), taken):
                toks.append(Tok(m.start(), m.end(), m.end(), kind="ordinal", amount=float(r), words=True, bare=False,
                                digits=str(r)))
    toks.sort(key=lambda k: k.start)
    propagate_ranges(t, toks, _RANGE_CONNECTOR)
    _frost_ranges(t, toks)
    elliptic_dates(toks)
    if _may_have_weekday(low):  # (no weekday name: attach_weekdays finds nothing and changes nothing)
        toks.extend(attach_weekdays(t, toks, _WEEKDAY_FOLDED, WEEKDAYS_UK))
    toks.sort(key=lambda k: k.start)
    return tuple(to_value(t, k) for k in toks)


def _dotted_primary(t: str, tok: Tok, s: str) -> None:
    """Choose the main reading of "a.b": a time after "о"/"з"/"до" (о 17.00), a date (19.04), else a decimal."""
    a, _, b = s.partition(".")
    ai, bi = int(a), int(b)
    left = t[max(0, tok.start - 12) : tok.start]
    if len(b) == 2 and ai <= 24 and bi <= 59 and _TIME_PREFIX_RE.search(left) and (bi in (0, 15, 30, 45) or bi > 12):
        keep = [x for x in tok.alts if x != ("t", ai, bi)]
        _set_time(tok, ai, bi, None)
        tok.alts = keep + [("t", ai, bi)]
        m = _HOUR_RE.match(t, tok.num_end) or _DAYPART_RE.match(t, tok.num_end)
        if m:
            tok.end = m.end()
        tok.bare = False
    elif len(b) == 2 and 1 <= ai <= 31 and 1 <= bi <= 12 and (a.startswith("0") or b.startswith("0") or ai > 12):
        tok.kind, tok.day, tok.month = "date", ai, bi
        tok.alts = [x for x in tok.alts if x != ("d", ai, bi)]
        tok.bare = False
