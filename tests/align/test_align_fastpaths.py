"""`bead_cost_fn` (the DP's one-call bead costs) gives exactly `bead_cost`'s floats."""

from __future__ import annotations

import random

import pytest

from tqa.align import cost as cost_module
from tqa.align.anchors import EMPTY, Features, features, merge
from tqa.align.cost import PARAGRAPHS, SENTENCES, Params, bead_cost, bead_cost_fn

_KEYS = ["n:5", "n:1.5", "m:3", "p:zlnsk", "A:EU", "q", "@", "c:mnst", "c:prtn", "?"]


def _random_features(rng: random.Random) -> Features:
    counts = {k: rng.randint(1, 3) for k in rng.sample(_KEYS, rng.randint(0, 5))}
    anchors = tuple(sorted(counts.items()))
    weight = sum({"n": 1.0, "m": 0.5, "p": 0.6, "A": 0.8, "q": 0.3, "@": 0.4, "?": 0.8}.get(k[0], 0.0) * c
                 for k, c in anchors)
    return Features(rng.randint(0, 400), anchors, weight, rng.random() < 0.9)


@pytest.mark.parametrize("params", [PARAGRAPHS, SENTENCES, Params(penalty={"1-1": 0.3, "1-0": 2.0, "0-1": 2.5, "2-1": 1.0, "1-2": 1.5},
                                                                   length_cap=0.5)])
@pytest.mark.parametrize("kind", ["1-1", "2-1", "1-2", "1-0", "0-1"])
def test_bead_cost_fn_is_bead_cost(params, kind):
    rng = random.Random(kind)
    fn = bead_cost_fn(kind, params)
    items = [_random_features(rng) for _ in range(60)] + [EMPTY]
    texts = ["Зеленський заявив 5 березня: «Ми отримаємо 1,5 млрд».", "Zelenskyy said on March 5: \"We will get 1.5 "
             "billion\".", "Операції міністерства тривають?", "Ministry operations continue?", ""]
    items += [features(t, "uk") for t in texts] + [features(t, "en") for t in texts]
    items += [merge(a, b) for a, b in zip(items, items[1:])]
    for a in items:
        for b in items[::7]:
            assert fn(a, b) == bead_cost(kind, a, b, params)  # the same float, not merely close
            assert fn(b, a) == bead_cost(kind, b, a, params)


def test_length_table_is_bounded(monkeypatch):
    monkeypatch.setattr(cost_module, "_LENGTHS", {})
    monkeypatch.setattr(cost_module, "_LENGTHS_MAX", 10)
    fn = bead_cost_fn("1-1", SENTENCES)
    for n in range(40):
        a, b = Features(n, (), 0.0), Features(n + 3, (), 0.0)
        assert fn(a, b) == bead_cost("1-1", a, b, SENTENCES)
    assert all(len(table) <= 10 for table in cost_module._LENGTHS.values())
