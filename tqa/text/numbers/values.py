"""Typed numeric values found in text, and the tables both extractors share (units, currencies, months).

A `Value` is one number as the text means it: a quantity (with an optional unit), money (with a currency), a
percentage, a date, a time of day, a year, an ordinal, or an identifier (``T-72``, ``COVID-19``). Values are
compared through their *keys*: ``keys`` are strict (kind, amount and unit or currency must agree) and ``loose`` keys
are the fall-back readings (the bare amount; the other readings of an ambiguous token such as ``19.04``, which may be
19 April, 19:04 or 19.04). Two values match when their key sets intersect.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace

from tqa.text.months import MONTHS_EN

__all__ = [
    "CURRENCY_NAMES",
    "KINDS",
    "MONTHS_EN",
    "UNIT_FAMILY",
    "Value",
    "convert",
    "fmt_amount",
    "nk",
]

KINDS = ("quantity", "money", "percent", "date", "time", "year", "ordinal", "id", "weekday")

# Canonical unit → (family, factor to the family's base unit). Families with more than one measuring system are the
# ones where a unit change is a translation defect (km → miles, °C → °F).
UNIT_FAMILY: dict[str, tuple[str, float]] = {
    "km": ("length", 1000.0),
    "m": ("length", 1.0),
    "cm": ("length", 0.01),
    "mm": ("length", 0.001),
    "mi": ("length", 1609.344),
    "ft": ("length", 0.3048),
    "in": ("length", 0.0254),
    "yd": ("length", 0.9144),
    "nmi": ("length", 1852.0),
    "kg": ("mass", 1.0),
    "g": ("mass", 0.001),
    "t": ("mass", 1000.0),
    "lb": ("mass", 0.45359237),
    "oz": ("mass", 0.028349523125),
    "ha": ("area", 10000.0),
    "km2": ("area", 1e6),
    "m2": ("area", 1.0),
    "acre": ("area", 4046.8564224),
    "sqmi": ("area", 2589988.110336),
    "l": ("volume", 1.0),
    "gal": ("volume", 3.785411784),
    "m3": ("volume", 1000.0),
    "km/h": ("speed", 1.0),
    "mph": ("speed", 1.609344),
    "knot": ("speed", 1.852),
    "C": ("temperature", 1.0),
    "F": ("temperature", 1.0),
    "W": ("power", 1.0),
    "kW": ("power", 1e3),
    "MW": ("power", 1e6),
    "GW": ("power", 1e9),
    "kWh": ("energy", 1e3),
    "MWh": ("energy", 1e6),
    "GWh": ("energy", 1e9),
    "s": ("duration", 1.0),
    "min": ("duration", 60.0),
    "h": ("duration", 3600.0),
    "day": ("duration", 86400.0),
    "week": ("duration", 604800.0),
    "month": ("duration", 2629800.0),
    "yr": ("duration", 31557600.0),
    "times": ("ratio", 1.0),
}

UNIT_LABEL = {"mi": "miles", "C": "°C", "F": "°F", "yr": "years", "h": "hours", "min": "minutes", "lb": "pounds"}

CURRENCY_NAMES = {
    "UAH": "hryvnias",
    "USD": "dollars",
    "EUR": "euros",
    "GBP": "pounds",
    "RUB": "rubles",
    "PLN": "zlotys",
    "CZK": "crowns",
    "CHF": "francs",
    "CNY": "yuan",
    "JPY": "yen",
    "KOP": "kopecks",
    "CENT": "cents",
}


SCALE_NAMES = {10**3: "thousand", 10**5: "lakh", 10**6: "million", 10**7: "crore", 10**9: "billion",
               10**12: "trillion"}


def nk(x: float) -> float:
    """A float normalised for use in keys (10 significant digits, so 1.7 * 1000 == 1700)."""
    if x == 0:
        return 0.0
    return float(f"{x:.10g}")


def fmt_amount(x: float) -> str:
    """A readable English rendering of an amount: 1700 → "1,700", 2.5 → "2.5", 1.5e9 → "1.5 billion"."""
    ax = abs(x)
    sign = "-" if x < 0 else ""
    if not math.isfinite(ax):
        return str(x)
    for scale in (10**12, 10**9, 10**6):
        if scale <= ax < scale * 1000 and nk(ax / scale * 1000) == int(nk(ax / scale * 1000)):
            m = nk(ax / scale)
            body = f"{int(m)}" if m == int(m) else f"{m:.3f}".rstrip("0").rstrip(".")
            return f"{sign}{body} {SCALE_NAMES[scale]}"
    if ax == int(ax):
        return f"{sign}{int(ax):,}"
    if ax < 1000:
        return f"{sign}{ax:.6f}".rstrip("0").rstrip(".")
    return f"{sign}{ax:,.6f}".rstrip("0").rstrip(".")


def convert(amount: float, unit_from: str, unit_to: str) -> float | None:
    """`amount` in `unit_from` expressed in `unit_to` (same family only), else None."""
    a = UNIT_FAMILY.get(unit_from)
    b = UNIT_FAMILY.get(unit_to)
    if not a or not b or a[0] != b[0]:
        return None
    if a[0] == "temperature":
        if unit_from == unit_to:
            return amount
        return amount * 9 / 5 + 32 if unit_from == "C" else (amount - 32) * 5 / 9
    return amount * a[1] / b[1]


@dataclass(frozen=True, slots=True)
class Value:
    """One number found in a text.

    ``start``/``end`` are offsets in the text given to the extractor; ``text`` is what they cover. ``amount`` holds the
    numeric value with any scale word applied (``1,5 млрд`` → 1.5e9); dates use ``day``/``month``/``year``; times
    use ``hour``/``minute`` (``hours`` lists every hour the token may mean: ``at 6`` → 6 or 18). ``digits`` is the
    digit string as written without separators (for transposition and decimal-shift diagnoses), ``scale`` the
    multiplier a scale word contributed, ``words`` is True when the number is written in words, ``fmt`` names a
    format defect of the written form (``decimal-comma``, ``space-thousands``), ``foreign`` is the (start, end) of
    a Cyrillic unit or currency token next to an English number (``грн``), ``weekday`` the day of the week (0 is
    Monday) named next to a date (``у неділю, 1 березня``, ``Sunday, March 1``) or by a ``weekday`` value itself;
    ``parts`` are the two numbers a token like ``10,12`` or ``4.2022`` may also be (a list, a month and a year).
    """

    kind: str
    start: int
    end: int
    text: str
    amount: float | None = None
    unit: str | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    hour: int | None = None
    minute: int | None = None
    hours: tuple[int, ...] = ()
    meridiem: str | None = None
    digits: str = ""
    scale: int = 1
    words: bool = False
    approx: bool = False
    fmt: str = ""
    foreign: tuple[int, int] | None = None
    weekday: int | None = None
    parts: tuple[float, ...] = ()
    keys: frozenset = field(default=frozenset(), compare=False)
    loose: frozenset = field(default=frozenset(), compare=False)

    # -- construction helpers ---------------------------------------------------------------------------------------

    def with_keys(self, extra_loose: tuple = ()) -> Value:
        """This value with its strict and loose keys computed from its fields (plus `extra_loose` readings)."""
        keys, loose = value_keys(self.kind, self.amount, self.unit, self.year, self.day, self.month, self.hours,
                                 self.hour, self.minute, extra_loose)
        return replace(self, keys=keys, loose=loose)

    # -- views ------------------------------------------------------------------------------------------------------

    @property
    def kind_class(self) -> str:
        """Kinds that may be compared with each other: numbers (quantity, money, percent, ordinal), dates, times."""
        if self.kind in ("quantity", "money", "percent", "ordinal"):
            return "number"
        if self.kind == "year":
            return "date"
        return self.kind

    @property
    def all_keys(self) -> frozenset:
        return self.keys | self.loose

    @property
    def is_negative(self) -> bool:
        return self.amount is not None and self.amount < 0

    def describe(self) -> str:
        """A short normalised rendering for messages: ``1.5 billion UAH``, ``March 2``, ``17:00``, ``2.5%``."""
        k = self.kind
        if k == "date":
            if self.day is not None and self.month:
                s = f"{MONTHS_EN[self.month - 1]} {self.day}"
                return f"{s}, {self.year}" if self.year else s
            if self.month and self.year:
                return f"{MONTHS_EN[self.month - 1]} {self.year}"
            return self.text
        if k == "time":
            return f"{self.hour:02d}:{self.minute or 0:02d}" if self.hour is not None else self.text
        if k == "year":
            return str(self.year)
        if self.amount is None:
            return self.text
        body = fmt_amount(self.amount)
        if k == "percent":
            return f"{body}%"
        if k == "money" and self.unit:
            return f"{body} {self.unit}"
        if k == "quantity" and self.unit and self.unit != "times":
            return f"{body} {UNIT_LABEL.get(self.unit, self.unit)}"
        return body


def _value_maker():
    """A function building a `Value` from all its fields in field order, like ``Value(*fields)`` but about twice as
    fast: it sets each slot through its descriptor (exact: the generated ``__init__`` of a frozen dataclass with
    slots does nothing else — no defaults are involved when every field is given, and there is no __post_init__)."""
    names = [f.name for f in fields(Value)]
    ns = {"_new": object.__new__, "_Value": Value}
    for i, n in enumerate(names):
        ns[f"_set{i}"] = Value.__dict__[n].__set__
    src = (f"def make_value({', '.join(names)}):\n    v = _new(_Value)\n"
           + "".join(f"    _set{i}(v, {n})\n" for i, n in enumerate(names)) + "    return v\n")
    exec(src, ns)  # noqa: S102 - generated from the dataclass's own field names
    return ns["make_value"]


make_value = _value_maker()


def is_int(x: float) -> bool:
    return math.isfinite(x) and x == int(x)


_NUMBER_KINDS = frozenset(("quantity", "money", "percent", "ordinal"))
# (kind, amount, unit) -> the keys of a number value without extra readings; bounded (no entry added when full)
_number_keys_memo: dict = {}
_NUMBER_KEYS_MEMO_SIZE = 4096


def value_keys(kind: str, amount: float | None, unit: str | None, year: int | None, day: int | None,
               month: int | None, hours: tuple[int, ...], hour: int | None, minute: int | None,
               extra_loose: tuple = ()) -> tuple[frozenset, frozenset]:
    """The strict and loose match keys of a value with these fields (`Value.with_keys`; the extractors call it
    directly to build each `Value` once)."""
    if not extra_loose and kind in _NUMBER_KINDS and type(amount) is float and (unit is None or type(unit) is str):
        # memo of the number kinds: their keys are built from kind, nk(amount) and unit alone (the other fields are
        # not read), and equal floats give the same nk; the frozensets are immutable, so sharing them is safe
        memo_key = (kind, amount, unit)
        r = _number_keys_memo.get(memo_key)
        if r is None:
            r = _value_keys(kind, amount, unit, year, day, month, hours, hour, minute, extra_loose)
            if len(_number_keys_memo) < _NUMBER_KEYS_MEMO_SIZE:
                _number_keys_memo[memo_key] = r
        return r
    return _value_keys(kind, amount, unit, year, day, month, hours, hour, minute, extra_loose)


def _value_keys(kind: str, amount: float | None, unit: str | None, year: int | None, day: int | None,
                month: int | None, hours: tuple[int, ...], hour: int | None, minute: int | None,
                extra_loose: tuple = ()) -> tuple[frozenset, frozenset]:
    """`value_keys` computed (its slow path, without the memo)."""
    k = kind
    if k == "quantity" and amount is not None and not extra_loose:
        # (the commonest case, built directly: one element each, as below)
        a = nk(amount)
        return frozenset(((("q", a, unit)),)), frozenset(((("n", abs(a))),))
    keys: set = set()
    loose: set = set(extra_loose)
    if k in ("quantity", "money", "percent", "ordinal") and amount is not None:
        a = nk(amount)
        if k == "money":
            keys.add(("m", a, unit))
        elif k == "percent":
            keys.add(("p", a))
        elif k == "ordinal":
            keys.add(("n", a))
        else:
            keys.add(("q", a, unit))
        loose.add(("n", abs(a)))  # (= nk(abs(a)): `a` is already nk-normalised, and nk is idempotent and odd)
    elif k == "year" and year is not None:
        keys.add(("y", year))
        loose.add(("n", float(year)))
    elif k == "date":
        if day is not None and month is not None:
            keys.add(("d", day, month))
        elif month is not None and year is not None:
            keys.add(("my", month, year))
            loose.add(("y", year))
    elif k == "time":
        for h in hours or ((hour,) if hour is not None else ()):
            keys.add(("t", h, minute or 0))
            if not minute:
                loose.add(("n", float(h)))
    elif k == "id" and amount is not None:
        keys.add(("n", nk(amount)))
    return frozenset(keys), frozenset(loose)
