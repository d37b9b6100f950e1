"""A machine-draft term for the paragraph aligner (Bleualign-style): when the source has been machine-translated
(`tqa check --mt-url`), a bead whose English is similar to the draft of its source paragraphs gets cheaper, and one
whose English shares nothing with it dearer.

Similarity is a chrF-style character n-gram F-score (n = 1…4, β = 2, spaces removed) computed on precomputed
n-gram counts, so the term costs microseconds per cell (sacrebleu's chrF is used for the reported scores, not here).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

__all__ = ["char_fscore", "draft_term"]

_ORDERS = (1, 2, 3, 4)
WEIGHT = 4.0  # nats between a draft-identical and a draft-unrelated bead
NEUTRAL = 0.35  # similarity at which the term is zero (unrelated English paragraphs score ~0.15–0.25)


def _ngrams(text: str) -> tuple[Counter, ...]:
    t = "".join(text.lower().split())
    return tuple(Counter(t[i : i + n] for i in range(len(t) - n + 1)) for n in _ORDERS)


def _fscore(hyp: tuple[Counter, ...], ref: tuple[Counter, ...], beta: float = 2.0) -> float:
    scores = []
    for h, r in zip(hyp, ref):
        hn, rn = sum(h.values()), sum(r.values())
        if not hn or not rn:
            continue
        match = sum((h & r).values())
        p, rc = match / hn, match / rn
        if p + rc == 0:
            scores.append(0.0)
        else:
            b2 = beta * beta
            scores.append((1 + b2) * p * rc / (b2 * p + rc))
    return sum(scores) / len(scores) if scores else 0.0


def char_fscore(hypothesis: str, reference: str) -> float:
    return _fscore(_ngrams(hypothesis), _ngrams(reference))


def draft_term(draft: Sequence[str], target: Sequence[str]) -> Callable[[int, int, int, int], float]:
    """extra(s0, s1, t0, t1) for `tqa.align.dp.align`: WEIGHT × (NEUTRAL − similarity of the target paragraphs
    [t0, t1) to the drafts of source paragraphs [s0, s1))."""
    dgrams = [_ngrams(d) for d in draft]
    tgrams = [_ngrams(t) for t in target]
    cache: dict[tuple[int, int, int, int], float] = {}

    def joined(grams: list[tuple[Counter, ...]], a: int, b: int) -> tuple[Counter, ...]:
        if b - a == 1:
            return grams[a]
        return tuple(sum((grams[k][o] for k in range(a, b)), Counter()) for o in range(len(_ORDERS)))

    def extra(s0: int, s1: int, t0: int, t1: int) -> float:
        key = (s0, s1, t0, t1)
        value = cache.get(key)
        if value is None:
            if s1 > len(dgrams) or not any(draft[s0:s1]):
                value = 0.0
            else:
                sim = _fscore(joined(tgrams, t0, t1), joined(dgrams, s0, s1))
                value = WEIGHT * (NEUTRAL - sim)
            cache[key] = value
        return value

    return extra
