"""Fast paths of speed pass 4, round 6, against their slow paths: the memo of number keys (`value_keys`), the
slot-setting `Located` builder, positions with the segment lengths summed once, `_located`."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.text.numbers import compare
from tqa.text.numbers.compare import Located, make_located
from tqa.text.numbers.en import extract_en
from tqa.text.numbers.values import _number_keys_memo, _value_keys, make_value, value_keys

_KINDS = st.sampled_from(["quantity", "money", "percent", "ordinal", "year", "date", "time", "id", "weekday"])
_AMOUNTS = st.one_of(st.none(), st.floats(allow_nan=False), st.integers(-10**6, 10**6),
                     st.sampled_from([0.0, -0.0, 1.0, -1.0, 1700.0, 1.7e3, 2.5, 19.04]))
_UNITS = st.one_of(st.none(), st.sampled_from(["km", "USD", "UAH", "C", "F", "times"]))
_SMALL = st.one_of(st.none(), st.integers(0, 2100))
_ALTS = st.one_of(st.just(()), st.tuples(st.sampled_from([("d", 1, 3), ("t", 19, 4), ("n", 19.04), ("n", 1.0)])))


def _same(fast, slow) -> None:
    assert fast == slow and repr(fast) == repr(slow)
    for f, s in zip(fast, slow):  # (element types too: 1 and 1.0 are equal but print differently)
        assert sorted(map(repr, f)) == sorted(map(repr, s))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_KINDS, _AMOUNTS, _UNITS, _SMALL, _SMALL, _SMALL, st.just(()), _SMALL, _SMALL, _ALTS),
                min_size=1, max_size=6))
def test_value_keys_memo_equals_the_computation(calls):
    _number_keys_memo.clear()
    for args in calls + calls:  # (the second round reads the memo)
        _same(value_keys(*args), _value_keys(*args))


def test_value_keys_memo_signed_zero_and_int_amounts():
    _number_keys_memo.clear()
    for amount in (0.0, -0.0, 5.0, 5, True, 1.0):
        for kind in ("quantity", "money", "percent", "ordinal"):
            args = (kind, amount, "USD", None, None, None, (), None, None, ())
            _same(value_keys(*args), _value_keys(*args))
    assert ("quantity", 0.0, "USD") in _number_keys_memo  # (the memo was used: the test can fail)


def test_located_builder_equals_the_dataclass_constructor():
    v = make_value(*(["quantity", 0, 1, "1", 1.0] + [None] * 18))
    for seg, res in ((0, False), (3, True)):
        fast, slow = make_located(v, seg, res), Located(v, seg, res)
        assert type(fast) is Located
        for f in dataclasses.fields(Located):
            assert getattr(fast, f.name) == getattr(slow, f.name)
        assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
        with pytest.raises(dataclasses.FrozenInstanceError):
            fast.segment = 1  # type: ignore[misc]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 500), max_size=5), st.lists(st.tuples(st.integers(-2, 7), st.integers(0, 400)),
                                                            max_size=6), st.integers(0, 5))
def test_positions_equal_the_per_value_sums(lengths, spots, n):
    locs = [Located(make_value(*(["quantity", start, start + 1, "1", 1.0] + [None] * 18)), seg)
            for seg, start in spots]
    for lens in (lengths, None, []):
        assert compare._positions(locs, n, lens) == [compare._position(x, n, lens) for x in locs]


def _located_slow(texts, per_text):
    from tqa.text.residue import residue_spans

    out = []
    for i, values in enumerate(per_text):
        spans = residue_spans(texts[i]) if values else []
        for v in values:
            out.append(Located(v, i, any(s < v.end and v.start < e for s, e, *_ in spans)))
    return out


def test_located_equals_the_slow_path_with_and_without_residue():
    texts = (
        "The army received 12 tanks and 300 drones on March 3.",
        "Prices rose by 5% in 2022.Putin said the talks failed02.03.26, 15:55 • 5350 views",
        "No numbers here.",
        "Kyiv • 126 views • 3 comments on 40 km of road",
    )
    per_text = [extract_en(t) for t in texts]
    fast, slow = compare._located(texts, per_text), _located_slow(texts, per_text)
    assert fast == slow and repr(fast) == repr(slow)
    assert len(fast) >= 5
