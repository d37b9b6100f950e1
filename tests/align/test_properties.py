"""Invariants on random edits of the test story: every paragraph in exactly one pair, in reading order; residue
lines unaligned; deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tqa.align import align_story

EXTRA = [
    "The regional administration added that repair crews would work through the weekend.",
    "• 4021 views",
    "Let us recall",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    keep=st.lists(st.booleans(), min_size=8, max_size=8),
    inserts=st.lists(st.tuples(st.integers(0, 8), st.sampled_from(EXTRA)), max_size=4),
    merge_at=st.one_of(st.none(), st.integers(0, 6)),
)
def test_partition_invariants(align, uk, en, keep, inserts, merge_at) -> None:
    target = [t for t, k in zip(en, keep) if k]
    if merge_at is not None and merge_at + 1 < len(target):
        target[merge_at : merge_at + 2] = [target[merge_at] + " " + target[merge_at + 1]]
    for pos, text in sorted(inserts, reverse=True):
        target.insert(min(pos, len(target)), text)
    aligned = align(uk, target)  # the fixture asserts the partition invariants
    for p in aligned.pairs:
        if p.residue is not None:
            assert p.kind in ("0-1", "1-0")
        if any(t.text == "• 4021 views" for t in p.target):
            assert p.kind == "0-1" and p.residue is not None
    assert align_story(aligned.story).pairs == aligned.pairs
