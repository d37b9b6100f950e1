"""The English attribution pattern of `tqa.align.anchors`, grouped by first letter, finds what the flat alternation
finds."""

from __future__ import annotations

import random
import re
import string
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.align import anchors as A

_FLAT = re.compile(r"\b(?:" + "|".join(A._EN_ATTRIBUTION_WORDS) + r")\b", re.I)
_CORPORA = Path(__file__).resolve().parents[2] / "corpora"


def _same(text: str) -> None:
    a, b = A._EN_ATTRIBUTION.search(text), _FLAT.search(text)
    assert (a and a.span()) == (b and b.span()), text
    assert [m.span() for m in A._EN_ATTRIBUTION.finditer(text)] == [m.span() for m in _FLAT.finditer(text)], text
    assert (A._EN_ATTRIBUTION_FOLDED.search(text) is None) == (b is None), text


def test_words_and_the_grouping() -> None:
    assert len(A._EN_ATTRIBUTION_WORDS) == 31 and all(w[0].isascii() and w[0].isalpha() for w in A._EN_ATTRIBUTION_WORDS)
    firsts = {w[0] for w in A._EN_ATTRIBUTION_WORDS}
    # no character is matched by two different first letters, even with IGNORECASE
    rx = {f: re.compile(f, re.I) for f in firsts}
    for i in range(0x110000):
        c = chr(i)
        assert sum(1 for r in rx.values() if r.fullmatch(c)) <= 1, hex(i)
    for word in ("said", "SAYS", "Say", "according  to", "emphasized", "Emphasises", "cited", "informs"):
        _same(f"He {word} it")
        assert A._EN_ATTRIBUTION.search(f"He {word} it")
    assert not A._EN_ATTRIBUTION.search("the sayings were unsaid")


def test_corpora_lines() -> None:
    files = sorted(_CORPORA.rglob("*.txt"))
    assert files
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            _same(line)


_PIECES = [*A._EN_ATTRIBUTION_WORDS, "according to", "According\nto", "reportedly", "says", "sayz", "ſaid", "SAİD",
           "K", " ", ".", "-", "_", "1", "un", "ed", "s", "a"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join) | st.lists(st.sampled_from(_PIECES),
                                                                           max_size=8).map(" ".join))
def test_same_matches(text: str) -> None:
    _same(text)


def test_random_strings() -> None:
    rng = random.Random(3)
    alphabet = string.ascii_letters[:30] + " .\n" + "saidwrotnce"
    for _ in range(3000):
        _same("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))))
