"""The model's classes with their cheaper __init__ (tqa.model._fast_init) behave as plain frozen dataclasses."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle

import pytest

from tqa.model import AlignedPair, Alignment, Segment, Span


def _reference(cls: type) -> type:
    """The same fields as a dataclass with the generated __init__ (what the model had before)."""
    fields = [(f.name, f.type, dataclasses.field(default=f.default, compare=f.compare, repr=f.repr))
              if f.default is not dataclasses.MISSING else (f.name, f.type) for f in dataclasses.fields(cls)]
    return dataclasses.make_dataclass(cls.__name__, fields, frozen=True, slots=True)


def _examples():
    span = Span(1, 2, 1, 9, "Текст.", 4, 11)
    sent = Segment("source", 0, 0, "Текст.", span)
    para = Segment("source", 0, None, "Текст.", span, (sent,))
    al = Alignment((para,), (), 0.5)
    return [
        (Span, (1, 2, 1, 9, "Текст.", 4, 11), {}),
        (Span, (3, 1, 3, 5, "text"), {}),
        (Span, (), {"line": 1, "column": 1, "end_line": 2, "end_column": 1, "text": "a\n", "end": 2}),
        (Segment, ("source", 0, 0, "Текст.", span), {}),
        (Segment, ("target", 3, None, "Text.", span), {"sentences": (sent,)}),
        (Alignment, ((para,), ()), {}),
        (Alignment, ((para,), (sent,), 0.25), {}),
        (AlignedPair, (0, al), {}),
        (AlignedPair, (), {"index": 2, "paragraphs": al, "sentences": (al,), "residue": "views"}),
    ]


@pytest.mark.parametrize("cls,args,kwargs", _examples())
def test_same_behaviour_as_generated_init(cls, args, kwargs):
    ref = _reference(cls)
    ours, theirs = cls(*args, **kwargs), ref(*args, **kwargs)
    assert dataclasses.astuple(ours) == dataclasses.astuple(theirs)
    assert repr(ours) == repr(theirs)
    assert inspect.signature(cls.__init__) == inspect.signature(ref.__init__)
    # equality and hashing follow the fields' compare flags
    first_name = dataclasses.fields(ours)[0].name
    assert ours == cls(*args, **kwargs) and hash(ours) == hash(cls(*args, **kwargs))
    assert [f.name for f in dataclasses.fields(ours)] == [f.name for f in dataclasses.fields(theirs)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(ours, dataclasses.fields(ours)[0].name, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        delattr(ours, first_name)
    assert not hasattr(ours, "__dict__")
    first = dataclasses.fields(ours)[0].name
    changed = dataclasses.replace(ours, **{first: getattr(ours, first)})
    assert changed == ours and changed is not ours
    assert dataclasses.asdict(ours) == dataclasses.asdict(theirs)
    assert pickle.loads(pickle.dumps(ours)) == ours
    assert copy.deepcopy(ours) == ours


def test_wrong_calls_fail_as_before():
    with pytest.raises(TypeError):
        Span(1, 2, 3)  # missing arguments
    with pytest.raises(TypeError):
        Span(1, 2, 3, 4, "x", 0, 0, 9)  # too many
    with pytest.raises(TypeError):
        Alignment((), (), 1.0, source=())  # given twice
    with pytest.raises(TypeError):
        AlignedPair(0, Alignment((), ()), nope=1)


def test_compare_false_fields_ignored():
    assert Span(1, 1, 1, 2, "x", 0, 1) == Span(1, 1, 1, 2, "x", 7, 8)
    assert hash(Span(1, 1, 1, 2, "x", 0, 1)) == hash(Span(1, 1, 1, 2, "x", 7, 8))
    assert Span(1, 1, 1, 2, "x") != Span(1, 1, 1, 3, "x")
