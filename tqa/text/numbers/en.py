"""English number extraction: ``5,350``, ``2.5``, ``UAH 5.2 billion``, ``$500 thousand``, ``$500,000``, ``$1.5bn``,
``1.5 times``, ``March 1``, ``Sunday, March 1``, ``1 March 2026``, ``5 p.m.``, ``4:15 a.m.``, ``17:00``, ``noon``,
``twenty-five``, ``a dozen``, ``half a billion``, ordinals (``21st``), identifiers (``F-16``) — and the Ukrainian
habits that leak into English copy, read as the translator meant them but marked in ``Value.fmt``/``Value.foreign``:
a decimal comma (``37,7``), a space as thousands separator (``5 350``), ``грн``/``тис.``/``млн`` next to a number.

`extract_en(text)` returns a tuple of `Value`s in text order; it never raises on any input.
"""

from __future__ import annotations

import functools
import operator
import re

from tqa.patterns import compile as re_compile
from tqa.text.numbers import words_en
from tqa.text.numbers._scan import (
    DIGIT_RE,
    NUM_RE,
    SPACES,
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
from tqa.text.fold import FoldedPattern
from tqa.text.months import EN_MONTH_NUMBER, MONTHS_EN
from tqa.text.numbers.values import Value, nk

__all__ = ["MONTH_NUMBER", "extract_en"]

_I = re.IGNORECASE
_SP = r"[ \u00a0\u2009\u202f]"

MONTH_NUMBER: dict[str, int] = dict(EN_MONTH_NUMBER)
_MONTH_ALT = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# "March 1", "Sunday, March 1st", "March 1, 2026"; "May" only as a month before a day number
_DATE_MD_RE = re_compile(
    rf"\b({_MONTH_ALT})\.?{_SP}(\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?![\d\w%]|[.,]\d|{_SP}?(?:%|percent|per cent|million|billion|thousand|bn|mn|mln|km|kg|people|years?|times)\b)"
    rf"(?:,?{_SP}((?:19|20)\d{{2}})(?![\d]))?",
    _I,
)
# the same search in lower-cased text (`tqa.text.fold`: the pattern with its month names in lower case)
_DATE_MD_FOLDED = FoldedPattern(re_compile(_DATE_MD_RE.pattern.replace(_MONTH_ALT, _MONTH_ALT.lower()), _I))
_ORDINAL_DAY_RE = re_compile(r"\d{1,2}(?:st|nd|rd|th)\b", _I)
# "1 March", "1st of March 2026". _DATE_DM_PLAIN is the readable form; _DATE_DM_RE and _ISO_RE put their first digit
# before the look-behind so that `re` scans for digits (exact: "(?<!X)\d" at p is "\d(?<!X\d)" at p+1, and
# \d{1,2} is \d\d? with the same greedy order; a test compares the forms)
_DATE_DM_PLAIN = (
    rf"(?<![\w.,$€£])(\d{{1,2}})(?:st|nd|rd|th)?{_SP}(?:of{_SP})?({_MONTH_ALT})\b\.?"
    rf"(?:,?{_SP}((?:19|20)\d{{2}})(?![\d]))?"
)
_DATE_DM_RE = re_compile(_DATE_DM_PLAIN.replace(r"(?<![\w.,$€£])(\d{1,2})", r"(\d(?<![\w.,$€£]\d)\d?)", 1))
_DATE3_RE = re_compile(r"(?<![\w.,/])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\w]|[.,/]\d)")
_ISO_PLAIN = r"(?<![\w.])(\d{4})-(\d{2})-(\d{2})(?![\w])"
_ISO_RE = re_compile(r"(\d(?<![\w.]\d)\d{3})-(\d{2})-(\d{2})(?![\w])")
_TIME_AMPM_RE = re_compile(r"(?<![\w.,:])(\d{1,2})(?:[:.](\d{2}))?" + _SP + r"?([ap])(?:\.\s?m\.|\.\s?m\b|m\b)", _I)
_TIME_RE = re_compile(r"(?<![\w.,:])([01]?\d|2[0-4]):(\d{2})(?::\d{2})?(?![\w:])")
_OCLOCK_RE = re_compile(r"(?<![\w.,])(\d{1,2})" + _SP + r"?o['’]clock\b", _I)
_NOON_RE = re_compile(r"(?<![\w.,:])(?:12" + _SP + r")?(noon|midday|midnight)\b", _I)
_NOON_WORDS = ("noon", "midday", "midnight")  # _NOON_RE matches only where one occurs (see _mentions)
_SPACED_TIME_RE = re_compile(r"(?<![\w.,:])([01]?\d|2[0-4]):" + _SP + r"(\d{2})(?![\w:])")
# "entirely", "fully": how English renders "на 100%" (a counterpart only, never reported)
WEEKDAYS_EN = {d.lower(): i for i, d in enumerate(
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))}
WEEKDAYS_EN.update({k[:3]: v for k, v in list(WEEKDAYS_EN.items())})
_WEEKDAY_RE = re_compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b\.?"
)
_WEEKDAY_STEMS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # case-sensitive, as _WEEKDAY_RE
_SPLIT_THOUSANDS_RE = re_compile(r"(?<![\w.,])\d{1,3}(?:, 0\d\d)+(?![\d])")
# "half past six"; British "half six" / "half 12" (also how machine translation renders "пів 12")
_HALF_PAST_RE = re_compile(
    r"\bhalf (?:past )?(\d{1,2}|[a-z]+)\b(?!\s*(?:of|a|an|the|percent|%|million|billion|thousand|hours?|years?|"
    r"days?|months?|weeks?|minutes?|dozen|hundred)\b)",
    _I,
)
_HALF_WORDS = ("half",)
_IDIOM_RE = re_compile(r"\b24/7\b")
_NINE_ELEVEN_RE = re_compile(r"(?<![\w/])9/11(?![\w/])")
# multiplicatives: "doubled" for "зросли у 2 рази"; counterparts only
_TIMES_WORD_RE = re_compile(
    r"\b(?:(doubl|tripl|quadrupl)(?:e|ed|es|ing)|(halv)(?:e|ed|es|ing)|(two|three|four|five|six|seven|eight|nine|ten)fold)\b",
    _I,
)
_TIMES_WORDS = ("doubl", "tripl", "quadrupl", "halv", "fold")
_TIMES_VALUE = {"doubl": 2, "tripl": 3, "quadrupl": 4, "halv": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_WHOLLY_RE = re_compile(r"\b(?:entirely|fully|completely|totally|wholly)\b", _I)
_WHOLLY_WORDS = ("entirely", "fully", "completely", "totally", "wholly")

_CURRENCY = [
    (r"hryvnias?|hryvnyas?|hryvnas?|hryvnia|hryvni|UAH|₴", "UAH"),
    (r"US\$|\$|dollars?|USD|bucks", "USD"),
    (r"euros?|€|EUR", "EUR"),
    (r"kopecks?|kopiykas?|kopiyok", "KOP"),
    (r"rubles?|roubles?|RUB|₽", "RUB"),
    (r"crowns?|korunas?|koruna|kroner|kronor|krona|krone|CZK", "CZK"),
    (r"zlotys?|zloty|PLN", "PLN"),
    (r"pounds?(?:\s+sterling)?|£|GBP", "GBP"),
    (r"yuan|CNY|renminbi", "CNY"),
    (r"(?:Swiss\s+)?francs?|CHF", "CHF"),
    (r"yen|JPY", "JPY"),
    (r"cents?", "CENT"),
    # Ukrainian left in the English copy
    (r"грн\.?|гривень|гривні|гривня", "UAH"),
    (r"дол\.?|доларів", "USD"),
]


@functools.cache  # compiled on first use (a unit or currency word next to a number), not at import
def _cur_parts() -> list[tuple[re.Pattern, str]]:
    return [(re_compile(rf"^(?:{p})$", _I), code) for p, code in _CURRENCY]


_CUR_RE = re_compile(_SP + r"?(" + "|".join(f"(?:{p})" for p, _ in _CURRENCY) + r")(?![\w])", _I)
_CUR_PREFIX_RE = re_compile(r"(US\$|\$|€|£|₴|UAH|USD|EUR|GBP|CZK|PLN|RUB|CHF|грн\.?)" + _SP + r"?$")
_CYRILLIC_RE = re_compile(r"[А-Яа-яІіЇїЄєҐґ]")

_SCALE_RE = re_compile(
    _SP + r"?(thousands?|millions?|billions?|trillions?|lakhs?|crores?|mln|mn|bln|bn|trn|tn|k|m|b"
    r"|тис\.?|тисяч|млн\.?|млрд\.?|трлн\.?)(?![\w])",
)
_SCALE_VALUE = {
    "thousand": 10**3, "thousands": 10**3, "k": 10**3, "тис": 10**3, "тис.": 10**3, "тисяч": 10**3,
    "million": 10**6, "millions": 10**6, "mln": 10**6, "mn": 10**6, "m": 10**6, "млн": 10**6, "млн.": 10**6,
    "billion": 10**9, "billions": 10**9, "bln": 10**9, "bn": 10**9, "b": 10**9, "млрд": 10**9, "млрд.": 10**9,
    "trillion": 10**12, "trillions": 10**12, "trn": 10**12, "tn": 10**12, "трлн": 10**12, "трлн.": 10**12,
    "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7,
}
_PCT_RE = re_compile(_SP + r"?(%|per\s?cent\b|pct\b|percentage points?\b|p\.p\.|pp\b)", _I)

_UNITS = [
    (r"km/h|kph|kmh|kilomet(?:er|re)s?\s+(?:per|an|a)\s+hour", "km/h"),
    (r"mph|miles?\s+(?:per|an)\s+hour", "mph"),
    (r"knots?", "knot"),
    (r"sq\.?\s?km|square\s+kilomet(?:er|re)s?|km²|km2", "km2"),
    (r"square\s+miles?|sq\.?\s?mi", "sqmi"),
    (r"square\s+met(?:er|re)s?|sq\.?\s?m|m²|m2", "m2"),
    (r"cubic\s+met(?:er|re)s?|m³|m3", "m3"),
    (r"nautical\s+miles?", "nmi"),
    (r"kilomet(?:er|re)s?|km", "km"),
    (r"centimet(?:er|re)s?|cm", "cm"),
    (r"millimet(?:er|re)s?|mm", "mm"),
    (r"met(?:er|re)s?", "m"),
    (r"miles?", "mi"),
    (r"feet|foot|ft", "ft"),
    (r"inch(?:es)?", "in"),
    (r"yards?", "yd"),
    (r"kilograms?|kilos?|kg", "kg"),
    (r"grams?|g", "g"),
    (r"tonnes?|tons?|t", "t"),
    (r"lbs?|ounces?|oz", "lb"),
    (r"hectares?|ha", "ha"),
    (r"acres?", "acre"),
    (r"lit(?:er|re)s?|l", "l"),
    (r"gallons?|gal", "gal"),
    (r"°\s?F|degrees?\s+Fahrenheit|Fahrenheit", "F"),
    (r"°\s?C|degrees?(?:\s+(?:Celsius|centigrade|C))?|℃", "C"),
    (r"MWh|megawatt[\s-]hours?", "MWh"),
    (r"kWh|kilowatt[\s-]hours?", "kWh"),
    (r"GWh|gigawatt[\s-]hours?", "GWh"),
    (r"MW|megawatts?", "MW"),
    (r"kW|kilowatts?", "kW"),
    (r"GW|gigawatts?", "GW"),
    (r"seconds?|secs?", "s"),
    (r"minutes?|mins?", "min"),
    (r"hours?|hrs?|h", "h"),
    (r"days?", "day"),
    (r"weeks?", "week"),
    (r"months?", "month"),
    (r"years?|yrs?", "yr"),
    (r"times|fold", "times"),
    # Ukrainian units left in the English copy
    (r"км", "km"),
    (r"кг", "kg"),
]


@functools.cache  # compiled on first use (a unit or currency word next to a number), not at import
def _unit_parts() -> list[tuple[re.Pattern, str]]:
    return [(re_compile(rf"^(?:{p})$", _I), code) for p, code in _UNITS]


_UNIT_RE = re_compile(_SP + r"?(" + "|".join(f"(?:{p})" for p, _ in _UNITS) + r")(?![\w²³])", _I)
_ADJ_RE = re_compile(
    r"[-‑](year|month|week|day|hour|minute|kilomet(?:er|re)|km|met(?:er|re)|mile|ton|tonne|percent|fold|times)"
    r"(?:s)?(?:[-‑]old)?\b",
    _I,
)
_ADJ_UNIT = {"year": "yr", "month": "month", "week": "week", "day": "day", "hour": "h", "minute": "min",
             "kilometer": "km", "kilometre": "km", "km": "km", "meter": "m", "metre": "m", "mile": "mi", "ton": "t",
             "tonne": "t", "fold": "times", "times": "times"}
_BELOW_ZERO_RE = re_compile(r"\s+below\s+(?:zero|freezing)\b", _I)
_ORD_RE = re_compile(r"(?:st|nd|rd|th)(?![\w])", _I)
_DECADE_RE = re_compile(r"['’]?s(?![\w])")
_ID_LEFT_RE = re_compile(r"[A-Za-zА-Яа-яІіЇїЄєҐґ][-‑/]?$|[A-Za-z]\d+[-‑/]$")
_NUMERO_RE = re_compile(r"(?:^|[\s(])(?:No|no|Nr|nr|№)\.?$")
_NUMERO_NUM_RE = re_compile(r"\b(?:No|Nr|№)\.?(\d+)\b")
_MINUS_LEFT_RE = re_compile(r"(?:^|[\s(])minus" + _SP + r"$", _I)
_AT_PREFIX_RE = re_compile(r"(?:^|[\s(])(?:at|by|until|till|from|after|before|around|about|since|to)" + _SP + r"$", _I)
_APPROX_WORDS = ("about", "around", "nearly", "almost", "over", "more than", "less than", "up to", "at least", "some",
                 "approximately", "roughly")
_APPROX_RE = re_compile("(?:" + "|".join(_APPROX_WORDS) + ")" + _SP + r"$", _I)
_RANGE_CONNECTOR = re_compile(r"\s?[-–—‒]\s?|\s+(?:to|and|or|through|till|until)\s+", _I)
_URL_RE = re_compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|[#@][^\W\d][\w.]*", _I)
# Pre-checks that start with a digit (so `re` skips to digits instead of trying a lookbehind at every position); each
# matches wherever its pattern does, so without a match the pattern's scan is skipped:
# _DATE3_RE holds d[./]d{1,2}[./]d; _TIME_AMPM_RE holds a digit, maybe [:.]dd, maybe a space, a/p, then "." or "m"
_DATE3_PRE_RE = re_compile(r"\d[./]\d{1,2}[./]\d")
_TIME_AMPM_PRE_RE = re_compile(r"\d(?:[:.]\d\d)?" + _SP + r"?[aApP][.mM]")
# either pre-check (their alternation: no match, neither matches anywhere; one search where most texts have neither)
_DATE3_OR_AMPM_PRE_RE = re_compile(r"\d(?:[./]\d{1,2}[./]\d|(?:[:.]\d\d)?" + _SP + r"?[aApP][.mM])")

# Cheap exact guards. Each *_WORDS tuple above lists words one of which every match of its pattern contains
# (case-insensitively — keep them in step with the patterns); they are looked up in ``low = words_en.lowered(text)``,
# None when plain lower-casing cannot stand in for IGNORECASE (then the pattern runs). Most paragraphs have none.


# every alternative of _MONTH_ALT starts with one of these (_DATE_DM_RE, case-sensitive, needs one)
_MONTH_STEMS = tuple(name[:3] for name in MONTHS_EN)  # "Jan" … "Dec"
_MONTH_STEMS_LOW = tuple(s.lower() for s in _MONTH_STEMS)  # (_DATE_MD_FOLDED's month names, lower case)
# a _DATE_MD_RE match starts at most this far before its day number: the longest month name, ".", a space
_MD_REACH = max(len(a) for a in _MONTH_ALT[3:-1].split("|")) + 2
_WORD_RUN_RE = re_compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")
_OCLOCK_WORDS = ("clock",)
# Plain substring guards in `_extract` (case-sensitive patterns or literal characters every match holds): ISO dates
# and the phone's dash groups hold "-", clock times ":", split thousands ", 0", "No"/"Nr"/"№" numbers, "9/11", "24/7".


_START = operator.attrgetter("start")  # (the sort key of tokens: their start offset)


def _mentions(low: str | None, words: tuple[str, ...]) -> bool:
    """False only when no word of `words` occurs in the lower-cased text."""
    if low is None:
        return True
    for w in words:
        if w in low:
            return True
    return False


# One search for any of the literal stems (= a substring test per stem; `re` scans only for their capital letters)
_WEEKDAY_STEM_RE = re_compile("|".join(_WEEKDAY_STEMS))
_MONTH_STEM_RE = re_compile("|".join(_MONTH_STEMS))
_MONTH_STEM_LOW_RE = re_compile("|".join(_MONTH_STEMS_LOW))


def _may_have_weekday(text: str) -> bool:
    """False only when no stem of `_WEEKDAY_STEMS` occurs in `text` (case-sensitive)."""
    return _WEEKDAY_STEM_RE.search(text) is not None


def _may_have_month(text: str) -> bool:
    """False only when no stem of `_MONTH_STEMS` occurs in `text` (case-sensitive)."""
    return _MONTH_STEM_RE.search(text) is not None


def _may_have_url(text: str, low: str | None) -> bool:
    """`_URL_RE` needs "://", "www." (any case), "@" or "#"."""
    return "@" in text or "#" in text or "://" in text or low is None or "www." in low


def _code(parts: list[tuple[re.Pattern, str]], s: str) -> str | None:
    s = s.strip()
    for pat, code in parts:
        if pat.match(s):
            return code
    return None


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    for s, e in spans:
        if s <= pos < e:
            return True
    return False


def _parse_number(s: str, tok: Tok) -> bool:
    if s.isdecimal():  # digits only (NUM_RE's \d is Unicode Nd, = isdecimal): what the last lines below do
        tok.digits = digits_of(s)
        tok.amount = float(s)
        return True
    if any(c in s for c in " \u00a0\u2009\u202f"):
        tok.amount = parse_grouped(s)
        tok.digits = digits_of(s)
        tok.fmt = "space-thousands"
        return True
    if "," in s and "." in s:
        head, _, frac = s.rpartition(".")
        if all(len(g) == 3 for g in head.split(",")[1:]) and "." not in head:
            tok.amount = float(head.replace(",", "") + "." + frac)
            tok.digits = digits_of(s)
            return True
        return False
    tok.digits = digits_of(s)
    if "," in s:
        groups = s.split(",")
        if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3 and groups[0] != "0":
            tok.amount = float("".join(groups))
            return True
        if len(groups) == 2:
            tok.amount = float(f"{groups[0]}.{groups[1]}")
            tok.fmt = "decimal-comma"
            tok.parts = (float(groups[0]), float(groups[1]))
            return True
        return False
    if "." in s:
        groups = s.split(".")
        if len(groups) > 2:
            if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
                tok.amount = float("".join(groups))
                return True
            return False
        a, b = groups
        tok.amount = float(s)
        tok.parts = (float(a), float(b))
        tok.alts.extend(x for x in alt_readings_dotted(a, b) if x[0] == "t" or (x[0] == "d" and len(b) == 2))
        if len(b) == 3 and len(a) <= 3 and a != "0":
            tok.alts.append(("n", float(a + b)))
        return True
    tok.amount = float(s)
    return True


def _set_time(tok: Tok, hour: int, minute: int, meridiem: str | None) -> None:
    tok.kind = "time"
    tok.minute = minute
    tok.meridiem = meridiem
    if meridiem == "pm":
        h = hour % 12 + 12
        tok.hours = (h,)
    elif meridiem == "am":
        h = hour % 12
        tok.hours = (h,)
    else:
        h = hour % 24
        tok.hours = (h, h + 12) if 1 <= h <= 11 else (h,)
    tok.hour = h


def _classify_left(text: str, tok: Tok) -> bool:
    left = text[max(0, tok.start - 16) : tok.start]
    if left and (left[-1].isalpha() or (not left.endswith(" ") and _ID_LEFT_RE.search(left))):  # (cheap test first)
        if _NUMERO_RE.search(left):
            pass  # "No29", "No.29"
        elif left[-1] in "-−" and (len(left) < 2 or left[-2] in " (\u00a0"):
            pass
        else:
            tok.kind = "id"
            return True
    m = _CUR_PREFIX_RE.search(left) if _before_space(left) in _CUR_PREFIX_LAST else None  # (exact: see there)
    if m:
        tok.kind = "money"
        tok.unit = _code(_cur_parts(), m.group(1))
        tok.start -= len(m.group(0))
        tok.prefixed = True
        if _CYRILLIC_RE.search(m.group(1)):
            tok.foreign = (tok.start, tok.start + len(m.group(1)))
        left = text[max(0, tok.start - 16) : tok.start]
    if left.endswith(("-", "−")) and tok.amount:
        before = left[:-1]
        if not before or before[-1] in " (\u00a0":
            tok.amount = -tok.amount
            tok.start -= 1
    elif (_word_then_space(left, _MINUS_LAST) and _ends_before_space(left, _MINUS_ENDS) and _MINUS_LEFT_RE.search(left)
          and tok.amount):
        tok.amount = -tok.amount
    if _word_then_space(left, _APPROX_LAST) and _ends_before_space(left, _APPROX_ENDS) and _APPROX_RE.search(left):
        tok.approx = True
    return True


# Exact pre-tests of the three searches above, on the end of `left`: _CUR_PREFIX_RE needs one of its alternatives'
# last characters (case-sensitive), maybe followed by one space; _MINUS_LEFT_RE and _APPROX_RE need a word ending in
# one of these letters and one space (IGNORECASE matches no other character to them but ſ to s). (`$` also matches
# before a final newline: one is dropped first.)
_SP_CHARS = frozenset(SPACES)
_CUR_PREFIX_LAST = frozenset("$€£₴HDRPKNBFн.")
_MINUS_LAST = frozenset("sSſ")
_APPROX_LAST = frozenset("tdyrnoeTDYRNOE")


def _before_space(left: str) -> str:
    """The last character of `left` before one trailing space, if there is one."""
    if left[-1:] == "\n":
        left = left[:-1]
    return left[-2:-1] if left[-1:] in _SP_CHARS else left[-1:]


def _word_then_space(left: str, last: frozenset[str]) -> bool:
    """False only when `left` does not end with a character of `last` and one space."""
    if left[-1:] == "\n":
        left = left[:-1]
    return left[-1:] in _SP_CHARS and left[-2:-1] in last


# A match of _APPROX_RE / _MINUS_LEFT_RE ends with its word's last two letters and one space (and maybe the final
# newline): in an ASCII `left`, where IGNORECASE equals lower-casing, those two characters lower-cased are one of these
_APPROX_ENDS = frozenset(w[-2:] for w in _APPROX_WORDS)
_MINUS_ENDS = frozenset(("us",))


def _ends_before_space(left: str, ends: frozenset[str]) -> bool:
    """False only when an ASCII `left` does not end with one of `ends` (any case), one space and maybe a newline."""
    if not left.isascii():
        return True
    if left[-1:] == "\n":
        left = left[:-1]
    return left[-3:-1].lower() in ends


# What may follow a number for any pattern of `_classify_right` to match there: a letter (the scale, percent,
# currency, ordinal, decade and unit words — IGNORECASE folds letters only to letters), one of these symbols, or a
# space and then a letter or one of _RIGHT_AFTER_SPACE (only the scale, percent, currency and unit patterns allow a
# space first).
_RIGHT_START = frozenset("%$€£₴₽'’-‑°℃" + SPACES)
_RIGHT_AFTER_SPACE = frozenset("%$€£₴₽°℃")
# The first characters of _SCALE_RE's words (case-sensitive) and of _PCT_RE's alternatives (IGNORECASE: only "P" is
# also "p"); tests re-derive both from the patterns
_SCALE_FIRST = frozenset("tmblckтм")
_PCT_FIRST = frozenset("%pP")
# the same for _CUR_RE and _UNIT_RE (IGNORECASE: with every character `re` folds to one of them, e.g. ſ, K, İ)
_CUR_FIRST = frozenset("$BCDEFGHJKPRSUYZbcdefghjkprsuyz£ſГДгдᲁ€₴₽\u212a")
_UNIT_FIRST = frozenset("ACDFGHIKLMNOSTWYacdfghiklmnostwy°İıſКк℃\u212a")


def _classify_right(text: str, tok: Tok) -> None:
    pos = tok.num_end
    c = text[pos : pos + 1]
    if not c.isalpha() and (
        c not in _RIGHT_START
        or (c in SPACES and not (c2 := text[pos + 1 : pos + 2]).isalpha() and c2 not in _RIGHT_AFTER_SPACE)
    ):
        tok.end = pos  # exact: no pattern below can match here (see _RIGHT_START), and this is all they leave
        return
    # `after`: where the word of the scale, percent, currency and unit patterns must start — after a space here, else
    # here (their optional space then matches nothing); each pattern runs only if it is one of its first characters
    after = text[pos + 1 : pos + 2] if c in _SP_CHARS else c
    m = _SCALE_RE.match(text, pos) if after in _SCALE_FIRST else None
    if m:
        word = m.group(1)
        lw = word.lower()
        ok = True
        if lw in ("m", "b"):
            ok = tok.prefixed  # "$5m", "€3b"; after a plain number "5 m" is metres
        elif lw == "k":
            ok = not m.group(0)[:1].isspace()  # "500k"
        if ok:
            tok.scale = _SCALE_VALUE.get(lw, _SCALE_VALUE.get(word, 1))
            tok.amount = (tok.amount or 0) * tok.scale
            if _CYRILLIC_RE.search(word):
                tok.foreign = (m.end() - len(word), m.end())
            pos = m.end()
            tok.bare = False
    m = _PCT_RE.match(text, pos) if after in _PCT_FIRST or pos != tok.num_end else None
    if m:
        tok.kind = "percent"
        tok.end = m.end()
        tok.bare = False
        return
    m = _CUR_RE.match(text, pos) if after in _CUR_FIRST or pos != tok.num_end else None
    if m and not (tok.kind == "money" and tok.prefixed):
        word = m.group(1)
        code = _code(_cur_parts(), word)
        if code == "CENT" and tok.prefixed:
            pass
        else:
            tok.kind = "money"
            tok.unit = tok.unit or code
            tok.end = m.end()
            tok.bare = False
            if _CYRILLIC_RE.search(word):
                tok.foreign = _union(tok.foreign, (m.end() - len(word), m.end()))
            return
    tok.end = pos
    if tok.kind == "money":
        return
    amount = tok.amount
    # (exact: _ORD_RE, _DECADE_RE and _ADJ_RE start with a letter, a quote or a hyphen, never with a space)
    at_space = text[pos : pos + 1] in _SP_CHARS
    if not at_space and tok.scale == 1 and amount is not None and amount == int(amount):
        m = _ORD_RE.match(text, pos)
        if m:
            tok.kind = "ordinal"
            tok.end = m.end()
            tok.bare = False
            return
        m = _DECADE_RE.match(text, pos)
        if m and amount % 10 == 0 and amount >= 10:
            tok.kind = "ordinal"
            tok.end = m.end()
            tok.bare = False
            if amount < 100:
                tok.alts.append(("n", 1900.0 + amount))
            return
    m = None if at_space else _ADJ_RE.match(text, pos)
    if m:
        word = m.group(1).lower()
        tok.end = m.end()
        tok.bare = False
        if word == "percent":
            tok.kind = "percent"
        else:
            tok.unit = _ADJ_UNIT.get(word)
        return
    m = _UNIT_RE.match(text, pos) if after in _UNIT_FIRST or pos != tok.num_end else None
    if m:
        unit_text = m.group(1)
        code = _code(_unit_parts(), unit_text)
        if len(unit_text) <= 2 and unit_text.lower() in ("m", "g", "t", "l", "h") and m.group(0)[:1] in " \u00a0":
            # "5 m" is fine, but "5 g" / "5 t" / "a 5 h" rarely are units in news copy: require no space for these
            if unit_text.lower() not in ("m",):
                return
        if unit_text.lower() in ("m",) and text[m.end() : m.end() + 1] == ".":
            return
        tok.unit = code
        tok.end = m.end()
        tok.bare = False
        if _CYRILLIC_RE.search(unit_text):
            tok.foreign = _union(tok.foreign, (m.end() - len(unit_text), m.end()))
        if code in ("C", "F"):
            m2 = _BELOW_ZERO_RE.match(text, tok.end)
            if m2 and tok.amount and tok.amount > 0:
                tok.amount = -tok.amount
                tok.end = m2.end()


def _union(a: tuple[int, int] | None, b: tuple[int, int]) -> tuple[int, int]:
    return b if a is None else (min(a[0], b[0]), max(a[1], b[1]))


def _word_tokens(text: str, taken: list[tuple[int, int]], folded: str | None = ...,  # type: ignore[assignment]
                 matches: list | None = None) -> list[Tok]:
    # (`folded`: words_en.lowered(text) when the caller has it — text.lower(), or None where that cannot stand in for
    # IGNORECASE; `matches`: list(words_en.iter_number_words(text, folded)) when the caller has it)
    if folded is ...:
        folded = words_en.lowered(text)
    out: list[Tok] = []
    low = folded if folded is not None else text.lower()
    # tokens: words and "a"/"an"/"and" around number words
    for m in words_en.iter_number_words(text, folded) if matches is None else matches:
        if _inside(m.start(), taken):
            continue
        start = m.start()
        # "a dozen", "a hundred", "half a billion": include a leading "a"/"an"
        pre = low[max(0, start - 3) : start]
        tokens_start = start
        if pre.endswith(("a ", "an ")) and (len(pre) < 3 or not pre[-3].isalpha() or pre.endswith("an ")):
            cand = start - (3 if pre.endswith("an ") else 2)
            if cand == 0 or not low[cand - 1].isalpha():
                if low[start:].startswith(("hundred", "thousand", "million", "billion", "trillion", "dozen")):
                    tokens_start = cand
        toks_txt: list[str] = []
        spans: list[tuple[int, int]] = []
        continues = words_en.continues
        for w in _WORD_RUN_RE.finditer(text[tokens_start : tokens_start + 80]):
            if toks_txt and text[tokens_start + spans[-1][1] : tokens_start + w.start()].strip(" \u00a0"):
                break
            word = w.group(0).lower()
            toks_txt.append(word)
            spans.append((w.start(), w.end()))
            if len(toks_txt) >= 8 or not continues(word):
                break  # (exact: parse_words reads no token after one outside words_en.CONTINUING)
        parsed = words_en.parse_words(toks_txt)
        if parsed is None:
            continue
        value, scale, used, ordinal = parsed
        if used == 0:
            continue
        end = tokens_start + spans[used - 1][1]
        if _inside(end - 1, taken) or any(s <= tokens_start < e for s, e in taken):
            continue
        tok = Tok(tokens_start, end, end, amount=float(value), words=True, scale=scale)
        tok.digits = digits_of_value(value)
        tok.kind = "ordinal" if ordinal else "quantity"
        if scale > 1:
            tok.bare = False
        if not ordinal:
            _classify_left(text, tok)
            if tok.kind != "id":
                _classify_right(text, tok)
            else:
                tok.kind = "quantity"
        out.append(tok)
        taken.append((tokens_start, tok.end))
    return out


@functools.lru_cache(maxsize=8192)
def extract_en(text: str) -> tuple[Value, ...]:
    """Every number in an English text, as typed values in text order."""
    if not isinstance(text, str) or not text:
        return ()
    low = words_en.lowered(text)
    first_digit = DIGIT_RE.search(text)
    # Without a digit, only number words (WORD_RE: "half past six" holds one too), noon/midnight, "entirely",
    # weekday names and "doubled"/"twofold" make values; the word search is the exact one, not the loose pre-check.
    # (`words_from`: where the number-word scan of `_extract` may start — no match before the first one.)
    words_from = 0 if first_digit is not None else words_en.first_number_word(text, low)
    if (
        first_digit is None
        and words_from is None
        and not (_mentions(low, _NOON_WORDS) and _NOON_RE.search(text))
        and not (_mentions(low, _WHOLLY_WORDS) and _WHOLLY_RE.search(text))
        and not (_may_have_weekday(text) and _WEEKDAY_RE.search(text))
        and not (_mentions(low, _TIMES_WORDS) and _TIMES_WORD_RE.search(text))
    ):
        return ()
    try:
        return _extract(text, low, first_digit, words_from)
    except (ValueError, OverflowError, IndexError):
        return ()


def _extract(t: str, low: str | None = None, first_digit: re.Match | None | type(...) = ...,
             words_from: int | None = 0) -> tuple[Value, ...]:
    # (`low`: words_en.lowered(t); the guards around the searches below only skip searches that cannot match;
    # `first_digit`: DIGIT_RE.search(t) when the caller has it; `words_from`: no number word (WORD_RE match)
    # starts before it — None: there is none)
    if first_digit is ...:
        first_digit = DIGIT_RE.search(t)
    has_digit = first_digit is not None
    taken: list[tuple[int, int]] = []
    if _may_have_url(t, low):
        taken += [(m.start(), m.end()) for m in _URL_RE.finditer(t)]
    if has_digit:  # (every telephone pattern holds a digit)
        taken += phone_spans(t, low)
    toks: list[Tok] = []

    def add(tok: Tok) -> None:
        toks.append(tok)
        taken.append((tok.start, tok.end))

    for m in _NOON_RE.finditer(t) if _mentions(low, _NOON_WORDS) else ():
        tok = Tok(m.start(), m.end(), m.end(), bare=False, words=True)
        _set_time(tok, 0 if m.group(1).lower() == "midnight" else 12, 0, None)
        tok.hours = (tok.hour,)
        add(tok)
    for m in _HALF_PAST_RE.finditer(t) if _mentions(low, _HALF_WORDS) else ():
        w = m.group(1).lower()
        if _inside(m.start(), taken):
            continue
        parsed = words_en.parse_words([w]) if not w.isdigit() else (float(w), 1, 1, False)
        if parsed and 1 <= parsed[0] <= 12 and parsed[0] == int(parsed[0]):
            tok = Tok(m.start(), m.end(), m.end(), bare=False, words=not w.isdigit())
            _set_time(tok, int(parsed[0]), 30, None)
            add(tok)
    if has_digit:
        # Every match of the digit-led patterns below starts at a digit, so their scans start at the first digit
        # (exact: `re` still sees the text before `pos` for lookbehinds and \b)
        d0 = first_digit.start()
        either = _DATE3_OR_AMPM_PRE_RE.search(t, d0) is not None
        for m in _DATE3_RE.finditer(t, d0) if either and _DATE3_PRE_RE.search(t, d0) else ():
            if _inside(m.start(), taken):
                continue
            a, b, y = int(m.group(1)), int(m.group(3)), m.group(4)
            year = int(y) if len(y) == 4 else 2000 + int(y)
            if m.group(2) == "/" and 1 <= a <= 12 and 1 <= b <= 31:
                tok = Tok(m.start(), m.end(), m.end(), kind="date", day=b, month=a, year=year, bare=False)
                if b <= 12:
                    tok.alts.append(("d", a, b))
                add(tok)
            elif 1 <= a <= 31 and 1 <= b <= 12:
                tok = Tok(m.start(), m.end(), m.end(), kind="date", day=a, month=b, year=year, bare=False)
                tok.fmt = "numeric-date"
                add(tok)
        for m in _ISO_RE.finditer(t, d0) if "-" in t else ():
            if _inside(m.start(), taken):
                continue
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= d <= 31 and 1 <= mo <= 12:
                add(Tok(m.start(), m.end(), m.end(), kind="date", day=d, month=mo, year=y, bare=False))
        # = _DATE_MD_FOLDED.finditer(t, low) = _DATE_MD_RE.finditer(t) (same offsets; text maybe lower-cased), from
        # where a month name before the first digit could start, and only where a month stem occurs
        md_from = max(0, d0 - _MD_REACH)
        if low is None:
            md = _DATE_MD_FOLDED.icase.finditer(t, md_from)
            dm = _DATE_DM_RE.finditer(t, d0) if _may_have_month(t) else ()  # (case-sensitive: a capitalised stem)
        elif _MONTH_STEM_LOW_RE.search(low, md_from):
            md = _DATE_MD_FOLDED.folded.finditer(low, md_from)
            dm = _DATE_DM_RE.finditer(t, d0) if _may_have_month(t) else ()
        else:
            # (a month-day match from md_from starts with a stem at or after md_from; a day-month match from d0 holds a
            # capitalised stem after d0 >= md_from, which is a lower-case stem there in low = t.lower())
            md = dm = ()
        for matches, order in ((md, "md"), (dm, "dm")):
            for m in matches:
                if _inside(m.start(), taken) or _inside(m.end() - 1, taken):
                    continue
                if order == "md":
                    mon, day = t[m.start(1) : m.end(1)], int(m.group(2))  # the month as written
                else:
                    day, mon = int(m.group(1)), m.group(2)
                month = MONTH_NUMBER.get(mon.lower().rstrip("."))
                if not month or not 1 <= day <= 31:
                    continue
                if order == "md" and mon.lower() in ("may", "march") and mon[0].islower():
                    if not _ORDINAL_DAY_RE.match(m.group(0)[len(mon) + 1 :].strip()):
                        continue  # "may 5" is a verb; "may 5th" is a date
                year = int(m.group(3)) if m.group(3) else None
                add(Tok(m.start(), m.end(), m.end(), kind="date", day=day, month=month, year=year, bare=False))
        for m in _TIME_AMPM_RE.finditer(t, d0) if either and _TIME_AMPM_PRE_RE.search(t, d0) else ():
            if _inside(m.start(), taken):
                continue
            h, mi = int(m.group(1)), int(m.group(2) or 0)
            if not 1 <= h <= 12 or mi > 59:
                continue
            tok = Tok(m.start(), m.end(), m.end(), bare=False)
            _set_time(tok, h, mi, "am" if m.group(3).lower() == "a" else "pm")
            add(tok)
        for m in _TIME_RE.finditer(t, d0) if ":" in t else ():
            if _inside(m.start(), taken) or int(m.group(2)) > 59:
                continue
            tok = Tok(m.start(), m.end(), m.end(), bare=False)
            _set_time(tok, int(m.group(1)), int(m.group(2)), None)
            add(tok)
        for m in _SPACED_TIME_RE.finditer(t, d0) if ":" in t else ():
            if _inside(m.start(), taken) or int(m.group(2)) > 59:
                continue
            tok = Tok(m.start(), m.end(), m.end(), bare=False, fmt="spaced-time")
            _set_time(tok, int(m.group(1)), int(m.group(2)), None)
            add(tok)
        for m in _OCLOCK_RE.finditer(t, d0) if _mentions(low, _OCLOCK_WORDS) else ():
            if _inside(m.start(), taken) or not 0 <= int(m.group(1)) <= 24:
                continue
            tok = Tok(m.start(), m.end(), m.end(), bare=False)
            _set_time(tok, int(m.group(1)), 0, None)
            add(tok)
        for m in _SPLIT_THOUSANDS_RE.finditer(t, d0) if ", 0" in t else ():
            if _inside(m.start(), taken):
                continue
            s = m.group(0)
            tok = Tok(m.start(), m.end(), m.end(), amount=float(s.replace(", ", "")), fmt="split-number")
            tok.digits = digits_of(s)
            _classify_left(t, tok)
            _classify_right(t, tok)
            add(tok)
        for m in _NUMERO_NUM_RE.finditer(t) if "No" in t or "Nr" in t or "№" in t else ():
            if not _inside(m.start(1), taken):
                tok = Tok(m.start(1), m.end(1), m.end(1), amount=float(m.group(1)), digits=digits_of(m.group(1)))
                add(tok)
        for m in _NINE_ELEVEN_RE.finditer(t) if "9/11" in t else ():
            if not _inside(m.start(), taken):
                add(Tok(m.start(), m.end(), m.end(), kind="date", day=11, month=9, bare=False))
        for m in _IDIOM_RE.finditer(t) if "24/7" in t else ():
            add(Tok(m.start(), m.end(), m.end(), kind="id", amount=24.0, words=True, bare=False))
        for m in NUM_RE.finditer(_masked(t, taken), d0):  # (masking only turns digits into NULs)
            if _inside(m.start(), taken) or _inside(m.end() - 1, taken):
                continue
            s = m.group(0)
            tok = Tok(m.start(), m.end(), m.end())
            if not _parse_number(s, tok):
                continue
            if len(s) > 4 and (s.count(" ") + s.count("\u00a0") >= 4 or s.count("\u2009") + s.count("\u202f") >= 4):
                tok.kind = "id"  # a telephone or account number (4 spaces need 5 characters: a match starts with a digit)
            else:
                _classify_left(t, tok)
            if tok.kind != "id":
                _classify_right(t, tok)
                if tok.kind == "quantity" and tok.bare and tok.amount is not None:
                    a = tok.amount
                    if a == int(a) and 1800 <= a <= 2100 and len(s) == 4:
                        tok.kind, tok.year = "year", int(a)
                    elif "." in s and len(s) == 5 and s[2] == "." and tok.alts and any(x[0] == "d" for x in tok.alts):
                        # "02.03", "19.04": a numeric date copied from the Ukrainian (day.month)
                        d, mo = int(s[:2]), int(s[3:])
                        if s[0] == "0" or s[3] == "0":
                            tok.kind, tok.day, tok.month, tok.fmt = "date", d, mo, "numeric-date"
                            tok.alts = [x for x in tok.alts if x != ("d", d, mo)] + [("n", nk(a))]
                    elif a == int(a) and 0 <= a <= 24 and _AT_PREFIX_RE.search(t[max(0, tok.start - 8) : tok.start]):
                        h = int(a)
                        tok.alts.extend([("t", h, 0)] + ([("t", (h + 12) % 24, 0)] if 1 <= h <= 12 else []))
            add(tok)
    for m in _TIMES_WORD_RE.finditer(t) if _mentions(low, _TIMES_WORDS) else ():
        if not _inside(m.start(), taken):
            key = (m.group(1) or m.group(2) or m.group(3)).lower()
            add(Tok(m.start(), m.end(), m.end(), amount=float(_TIMES_VALUE[key]), unit="times", words=True, bare=False))
    for m in _WHOLLY_RE.finditer(t) if _mentions(low, _WHOLLY_WORDS) else ():
        add(Tok(m.start(), m.end(), m.end(), kind="percent", amount=100.0, words=True, bare=False))
    # = `if words_en.has_number_word(t, low): toks.extend(_word_tokens(t, taken, low))`, with the number-word scan
    # first: _word_tokens reads only these matches (none: it adds nothing), and a match that holds a pre-check match
    # proves the pre-check (PRECHECK_RE has no look-behind, and its only \b, at the window's end, holds in the text
    # too: a match ends with a letter before WORD_RE's closing \b). Only "zero" holds no pre-check match.
    word_matches = list(words_en.iter_number_words(t, low, words_from)) if words_from is not None else []
    if word_matches and (
        any(words_en.PRECHECK_RE.search(t, m.start(), m.end()) for m in word_matches)
        or words_en.has_number_word(t, low)
    ):
        toks.extend(_word_tokens(t, taken, low, word_matches))
    toks.sort(key=_START)
    propagate_ranges(t, toks, _RANGE_CONNECTOR)
    elliptic_dates(toks)
    if _may_have_weekday(t):  # (no weekday name: attach_weekdays finds nothing and changes nothing)
        toks.extend(attach_weekdays(t, toks, _WEEKDAY_RE, WEEKDAYS_EN))
    toks.sort(key=_START)
    return tuple(to_value(t, k) for k in toks)
