"""Fast paths of speed pass 4 against their slow paths: the slot-setting `Value` builder, the separator-dropping
digit string."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.text.numbers._scan import SPACES, digits_of
from tqa.text.numbers.values import Value, make_value


def _digits_slow(s: str) -> str:
    return "".join(c for c in s if c.isdigit()).lstrip("0") or "0"


_FIELD_VALUES = st.tuples(*[st.one_of(st.none(), st.integers(), st.text(max_size=3), st.floats(allow_nan=False),
                                      st.frozensets(st.integers(), max_size=2))
                            for _ in dataclasses.fields(Value)])


@settings(max_examples=200, deadline=None)
@given(_FIELD_VALUES)
def test_make_value_equals_the_dataclass_constructor(args):
    fast, slow = make_value(*args), Value(*args)
    assert type(fast) is Value
    for f in dataclasses.fields(Value):  # (keys/loose are compare=False: check every field itself)
        assert getattr(fast, f.name) == getattr(slow, f.name), f.name
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)


def test_make_value_is_still_frozen():
    v = make_value(*(["quantity", 0, 1, "1", 1.0] + [None] * 18))
    with pytest.raises(dataclasses.FrozenInstanceError):
        v.amount = 2.0  # type: ignore[misc]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789,." + SPACES + "٣५²x-", max_size=12))
def test_digits_of_equals_the_plain_digit_filter(s):
    assert digits_of(s) == _digits_slow(s)


def test_digits_of_enumerated():
    for s in ("1,500", "0,25", "2.5", "1 200 000", "5\u00a0350", "007", "0.0", ",", "", "1²", "٣,٤", "12-3"):
        assert digits_of(s) == _digits_slow(s), s




def test_right_context_guard_without_a_space():
    """`_classify_right` runs the scale/percent/currency/unit matches right after a number only when the next
    character is one of the pattern's first characters: a match that does not start with a space starts its word
    there (the optional space matched nothing)."""
    import random

    from tqa.text.numbers import en
    from tqa.text.numbers._scan import SPACES

    pats = ((en._SCALE_RE, en._SCALE_FIRST), (en._PCT_RE, en._PCT_FIRST), (en._CUR_RE, en._CUR_FIRST),
            (en._UNIT_RE, en._UNIT_FIRST))
    tails = ["", " ", "m", "n", "s", "bn", "km", "ercent", "illion", "sterling", ".", "²", "-old", "h", "t"]
    rnd = random.Random(5)
    samples = [chr(i) + rnd.choice(tails) for i in range(1, 0x3000)] + [chr(i) for i in range(0x2100, 0x2200)]
    samples += ["5%", "5$", "€", "₴", "°C", "°F", "℃", "km", "Km", "KM", "ſ", "\u212am", "mln", "тис.", "млн", "грн",
                "Swiss francs", "US$", "pp", "p.p.", "bn", "tn", "kg", "m²", "ha", "gal"]
    hits = 0
    for s in samples:
        for rx, first in pats:
            m = rx.match("5" + s, 1)
            if m is not None and s[0] not in SPACES:
                hits += 1
                assert s[0] in first, (rx.pattern[:30], s)
    assert hits > 20
    # and the guarded _classify_right gives what an unguarded reading gives on such texts
    for text, unit, kind in (("5km away", "km", "quantity"), ("5% more", None, "percent"), ("$5bn", "USD", "money"),
                             ("5th place", None, "ordinal"), ("5€ each", "EUR", "money"), ("5-fold", "times", "quantity")):
        (v,) = en.extract_en(text)
        assert (v.unit, v.kind) == (unit, kind), (text, v)
