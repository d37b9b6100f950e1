"""Shared machinery of the two extractors: the mutable token a scanner fills in, digit-string parsing, range
propagation and the conversion of tokens to `Value`s."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from tqa.patterns import compile as re_compile
from tqa.text.numbers.values import Value, make_value, nk, value_keys

SPACES = " \u00a0\u2009\u202f"
DIGIT_RE = re_compile(r"\d")  # any Unicode digit: the extractors' digit test


@functools.lru_cache(maxsize=8192)
def has_digit(text: str) -> bool:
    """``re.search(r"\\d", text) is not None`` (Unicode digits: the extractors' own test), cached by text: the number
    rules ask it of every paragraph several times (their gates, TQA307, the story's years)."""
    return DIGIT_RE.search(text) is not None

# one number as written: space-grouped thousands (Ukrainian), comma/dot groups, plain digits with a fraction.
# NUM_PATTERN_PLAIN is the readable form; NUM_RE is the same pattern with the first digit of every alternative moved
# to the front, so `re` skips to digits instead of trying the look-behinds at every position. Exact: both branches
# start with a digit, so "(?<![\w])(?<!\d[.,])\d" at p is "\d(?<!\w\d)(?<!\d[.,]\d)" (the look-behinds now end with
# that digit), \d{1,3} is \d\d{0,2} and \d+ is \d\d* with the same greedy order of tries (a test compares the two).
NUM_PATTERN_PLAIN = (
    r"(?<![\w])(?<!\d[.,])(?:\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:,\d+)?(?![\d])|\d+(?:[.,]\d+)*)(?![\w]|[.,]\d)"
    r"|(?<![\w])(?<!\d[.,])\d+(?:[.,]\d+)*(?=[A-Za-zА-Яа-яІіЇїЄєҐґ$€£₴%°])"
)
NUM_RE = re_compile(
    r"\d(?<!\w\d)(?<!\d[.,]\d)"
    r"(?:(?:\d{0,2}(?:[ \u00a0\u2009\u202f]\d{3})+(?:,\d+)?(?![\d])|\d*(?:[.,]\d+)*)(?![\w]|[.,]\d)"
    r"|\d*(?:[.,]\d+)*(?=[A-Za-zА-Яа-яІіЇїЄєҐґ$€£₴%°]))"
)
URL_RE = re_compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|[#@][^\W\d][\w.]*", re.IGNORECASE)
# telephone numbers: international, dash-grouped, or after "тел."/"phone"
PHONE_RE = re_compile(
    r"\+\d[\d \u00a0\-()]{6,}\d|(?<![\w.,])\(?\d{2,3}\)?(?:-\d{2,4}){2,}(?![\w])"
    r"|(?:тел\.?|телефон\w*|tel\.?|phone|call)[:\s]*[\d \u00a0\-()+]{6,}\d",
    re.IGNORECASE,
)
# Pre-checks of PHONE_RE, one per alternative, each matching inside every match of its alternative: "+" and a digit;
# a digit, maybe ")", then "-", 2-4 digits, "-" and a digit; a keyword (IGNORECASE; looked up in the lower-cased text)
_PHONE_PLUS_RE = re_compile(r"\+\d")
_PHONE_DASHES_RE = re_compile(r"\d\)?-\d{2,4}-\d")
_PHONE_WORDS = ("тел", "tel", "phone", "call")


# PHONE_RE's keyword alternative alone, lower-case (searched in the lower-cased text: `tqa.text.fold`)
_PHONE_KW_RE = re_compile(r"(?:тел\.?|телефон\w*|tel\.?|phone|call)[:\s]*[\d \u00a0\-()+]{6,}\d")


def phone_spans(text: str, low: str | None) -> list[tuple[int, int]]:
    """The spans of ``PHONE_RE.finditer(text)``; `low` is ``tqa.text.fold.lowered(text)`` (None: unknown). Where
    neither the "+" nor the dash pre-check matches anywhere, the first two alternatives match nowhere, so the
    keyword alternative alone finds the same matches (in the lower-cased text: same offsets)."""
    if ("+" in text and _PHONE_PLUS_RE.search(text)) or ("-" in text and _PHONE_DASHES_RE.search(text)) or low is None:
        return [(m.start(), m.end()) for m in PHONE_RE.finditer(text)]
    for w in _PHONE_WORDS:
        if w in low:
            return [(m.start(), m.end()) for m in _PHONE_KW_RE.finditer(low)]
    return []


def may_have_phone(text: str, low: str | None) -> bool:
    """False only when ``PHONE_RE.search(text)`` is None; `low` is ``tqa.text.fold.lowered(text)`` (None: unknown)."""
    if "+" in text and _PHONE_PLUS_RE.search(text):
        return True
    if "-" in text and _PHONE_DASHES_RE.search(text):
        return True
    if low is None:
        return True
    for w in _PHONE_WORDS:
        if w in low:
            return True
    return False


DASH = "-–—‒−"


def trie_alternation(words) -> str:
    """A regex group matching exactly the literal `words`, written as a trie: ``one|once`` → ``on(?:ce|e)``. `re`
    tries alternatives one by one; a trie tries a few first letters instead of every word."""

    def build(suffixes: list[str]) -> str:
        groups: dict[str, list[str]] = {}
        for w in suffixes:
            if w:
                groups.setdefault(w[0], []).append(w[1:])
        alts = [re.escape(c) + build(rest) for c, rest in sorted(groups.items())]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in suffixes:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if "" in suffixes else "")

    return build(sorted(set(words)))


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    num_end: int  # end of the number itself (before any unit or suffix)
    kind: str = "quantity"
    amount: float | None = None
    digits: str = ""
    unit: str | None = None
    scale: int = 1
    day: int | None = None
    month: int | None = None
    year: int | None = None
    hour: int | None = None
    minute: int | None = None
    hours: tuple[int, ...] = ()
    meridiem: str | None = None
    words: bool = False
    bare: bool = True  # nothing after the number was consumed (no unit, scale, month…)
    prefixed: bool = False  # a currency symbol or code came before the number
    approx: bool = False
    fmt: str = ""
    foreign: tuple[int, int] | None = None
    weekday: int | None = None
    parts: tuple[float, ...] = ()
    alts: list = field(default_factory=list)


def masked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the given spans blanked out (same length), so later patterns cannot run into them."""
    if not spans:
        return text
    n = len(text)
    for s, e in spans:  # (each span replaced by as many NULs, clipped to the text: slices, not a list of characters)
        s = max(0, s)
        e = min(e, n)
        if s < e:
            text = text[:s] + "\x00" * (e - s) + text[e:]
    return text


_SEPARATORS = str.maketrans("", "", ",." + SPACES)


def digits_of(s: str) -> str:
    """The digit string of a written number without separators or leading zeros: "1,500" → "1500",
    "0,25" → "25", "2.5" → "25"."""
    if s.isdecimal():  # (every character a digit: the join keeps them all)
        return s.lstrip("0") or "0"
    d = s.translate(_SEPARATORS)
    if d.isdecimal():  # (exact: only separators, none a digit, were dropped; the rest are digits, all kept below)
        return d.lstrip("0") or "0"
    return "".join(c for c in s if c.isdigit()).lstrip("0") or "0"


def digits_of_value(x: float) -> str:
    """The digit string of a number's plain decimal rendering: 1.5e6 → "15", 25 → "25"."""
    text = f"{x:f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))
    return digits_of(text)


def parse_grouped(s: str) -> float:
    """A space-grouped number with an optional decimal comma: "1 200 000" → 1200000, "5 350,5" → 5350.5."""
    body, _, frac = s.partition(",")
    whole = "".join(c for c in body if c.isdigit())
    return float(f"{whole}.{frac}") if frac else float(whole)


def propagate_ranges(text: str, toks: list[Tok], connector: re.Pattern) -> None:
    """Share unit, currency, scale, percent and month between the two ends of a range or a pair ("3-4 тис.",
    "$5-10 million", "з 1 по 15 грудня", "March 1-3", "5 and 10 percent")."""
    if len(toks) < 2:
        return  # (no pair: the loop below does nothing)
    pairs = list(zip(toks, toks[1:]))
    for a, b in pairs[::-1] + pairs:
        between = text[a.end : b.start]
        if len(between) > 12 or not connector.fullmatch(between):
            continue
        if (
            a.kind == "year"
            and a.year
            and b.kind in ("quantity", "year")
            and b.amount is not None
            and b.amount == int(b.amount)
            and 0 <= b.amount < 100
            and not b.words
            and not b.prefixed
            and text[b.start : b.num_end].isdigit()
            and len(text[b.start : b.num_end]) == 2
        ):
            # "1932-33 роках", "2015-16": the second year abbreviated
            y = a.year // 100 * 100 + int(b.amount)
            if y <= a.year:
                y += 100
            b.kind, b.year, b.amount, b.unit = "year", y, float(y), None
            continue
        if a.kind in ("time", "id") or b.kind in ("time", "id"):
            continue
        if b.kind == "date" and a.bare and a.kind == "quantity" and a.amount is not None and b.day is not None:
            if 1 <= a.amount <= 31 and a.amount == int(a.amount) and a.scale == 1:
                a.kind, a.day, a.month, a.year = "date", int(a.amount), b.month, b.year
                continue
        if a.kind == "date" and a.day is not None and b.bare and b.kind == "quantity" and b.amount is not None:
            if 1 <= b.amount <= 31 and b.amount == int(b.amount) and b.amount > a.day and not b.prefixed:
                b.kind, b.day, b.month, b.year = "date", int(b.amount), a.month, a.year
                continue
        if b.kind == "year" and a.kind == "quantity" and a.bare and a.amount and 1000 <= a.amount <= 2100:
            a.kind, a.year = "year", int(a.amount)
            continue
        for x, y in ((a, b), (b, a)):
            if x.kind in ("money", "percent") and y.kind == "quantity" and y.unit is None:
                y.kind = x.kind
                if x.kind == "money":
                    y.unit = x.unit
            elif x.kind == "quantity" and x.unit and y.kind == "quantity" and y.unit is None and y.bare:
                y.unit = x.unit
        if a.bare and a.scale == 1 and b.scale > 1 and a.amount is not None and b.amount is not None:
            if 0 < a.amount <= b.amount / b.scale:
                a.amount *= b.scale
                a.scale = b.scale


def attach_weekdays(text: str, toks: list[Tok], weekday_re: re.Pattern, lookup: dict[str, int]) -> list[Tok]:
    """Weekday names as `weekday` tokens, and the weekday attached to a date right next to it ("у неділю,
    1 березня", "Sunday, March 1", "March 1 (Sunday)")."""
    out: list[Tok] = []
    dates = [t for t in toks if t.kind == "date" and t.day is not None]
    for m in weekday_re.finditer(text):
        wd = lookup.get(m.group(1).lower().replace("’", "'").replace("ʼ", "'"))
        if wd is None:
            continue
        out.append(Tok(m.start(), m.end(), m.end(), kind="weekday", words=True, bare=False, weekday=wd))
        for d in dates:
            gap_after = text[m.end() : d.start]
            gap_before = text[d.end : m.start()]
            if (0 <= d.start - m.end() <= 4 and not gap_after.strip(" ,\u00a0")) or (
                0 <= m.start() - d.end <= 6 and not gap_before.strip(" ,(–—-\u00a0").lower().strip("уві ")
            ):
                d.weekday = wd
    return out


def elliptic_dates(toks: list[Tok]) -> None:
    """A bare day number in a text that names a month may be a date with the month left out ("10 лютого та в ніч
    проти 11" → "February 10 and the night of February 11"): give it those readings."""
    months = []
    for t in toks:
        if t.kind == "date" and t.month and t.day and t.month not in months:
            months.append(t.month)
    if not months or len(months) > 2:
        return
    for t in toks:
        if t.kind == "quantity" and t.bare and not t.words and t.amount is not None and not t.prefixed:
            a = t.amount
            if a == int(a) and 1 <= a <= 31:
                t.alts.extend(("d", int(a), m) for m in months)


def to_value(text: str, t: Tok) -> Value:
    alts = t.alts
    if alts and (t.kind in ("money", "percent") or t.unit or t.scale > 1):
        alts = [a for a in alts if a[0] not in ("d", "t")]
    kind = t.kind
    amount = t.amount if kind not in ("date", "time", "year") else (float(t.year) if kind == "year" else None)
    # the keys `Value.with_keys` would add, computed before the one construction (no dataclasses.replace)
    keys, loose = value_keys(kind, amount, t.unit, t.year, t.day, t.month, t.hours, t.hour, t.minute, tuple(alts))
    # positional, in `Value`'s field order (`make_value`: = Value(*fields), faster; a guard test checks the order)
    return make_value(
        kind, t.start, t.end, text[t.start : t.end], amount, t.unit, t.day, t.month, t.year, t.hour, t.minute,
        t.hours, t.meridiem, t.digits, t.scale, t.words, t.approx, t.fmt, t.foreign, t.weekday,
        t.parts if kind in ("quantity", "date") and t.scale == 1 else (),
        keys, loose,
    )


def alt_readings_dotted(a: str, b: str) -> list:
    """Other readings of "a.b" (two digit groups): a date (day.month), a time (hh.mm), a decimal."""
    alts: list = []
    ai, bi = int(a), int(b)
    if len(b) == 2 and 0 <= ai <= 24 and 0 <= bi <= 59:
        alts.append(("t", ai, bi))
        if bi == 0:
            alts.append(("n", float(ai)))
    if 1 <= ai <= 31 and 1 <= bi <= 12 and len(b) <= 2:
        alts.append(("d", ai, bi))
    alts.append(("n", nk(float(f"{a}.{b}"))))
    return alts
