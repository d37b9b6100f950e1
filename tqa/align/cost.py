"""Cost terms of the aligner, as small functions (all costs are in nats, lower is better).

A bead (1-1, 1-0, 0-1, 2-1, 1-2) costs

    penalty(kind) + length(ls, lt) + anchors(src, tgt)

* ``penalty`` — −log P(kind) relative to 1-1 (Gale & Church's priors, re-weighted for agency copy: paragraphs are
  split in English more often than they are dropped);
* ``length`` — Gale & Church's length term, −log P(|δ| ≥ observed) with
  δ = (lt − c·ls) / sqrt(s² · (ls + lt/c) / 2). Indels (1-0, 0-1) carry no length term: an omitted or added
  paragraph is exactly what the QA tool must report, so its cost must not grow with its length. For the same reason
  a paragraph 1-1 bead's length term is capped (`Params.length_cap`, 2 nats below the cost of a 1-0 + 0-1 pair): a
  partially translated paragraph is one pair with a length problem, not a lost and an added paragraph;
* ``anchors`` — ½ × the weight of anchors found on one side only, minus the weight of anchors found on both sides
  (see `tqa.align.anchors`). Over a whole path Σ unmatched = W − 2·matched, so this is a bonus of 2 per matched
  unit of weight; it is what lets numbers and names decide between paragraphs of similar length.

Length parameters, measured on WMT22 uk→en (generaltest2022 src vs ref A, 2,018 segments; see
``benchmarks/align_wmt23.py --stats``): English characters per Ukrainian character c = 1.086 (mean of ratios 1.099,
median 1.088), s² = var((lt − c·ls)/√ls) = 2.43 (2.0–2.75 across length buckets, so the √ls scaling holds). WMT23
news paragraphs (514 pairs) give c = 1.071, s² = 1.96.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from tqa.align.anchors import Features, matched_weight

__all__ = ["PARAGRAPHS", "SENTENCES", "Params", "bead_cost", "confidence", "length_cost", "score_from_cost"]

KINDS = ("1-1", "1-0", "0-1", "2-1", "1-2")


@dataclass(frozen=True, slots=True)
class Params:
    mean: float = 1.086  # English chars per Ukrainian char
    variance: float = 2.43  # s² per Ukrainian char
    penalty: dict[str, float] = field(default_factory=dict)
    residue_cost: float = 0.05  # a recognised residue line left unaligned
    unmatched_weight: float = 0.5
    matched_bonus: float = 1.0
    # The most a 1-1 bead's length term may cost (None: no cap), see `bead_cost`.
    length_cap: float | None = None


# Paragraphs. A split-off attribution line (1-2) still wins over 1-1 + 0-1 through its length and the attribution
# anchor; a higher glue penalty keeps short added or unrecognised lines from being glued to a neighbour. Chosen on
# the WMT23 news benchmark (benchmarks/align_wmt23.py): glue 2.8 → 5.0 raised recovery over all perturbations from
# 97.9 % to 98.9 % (added paragraphs 93.8 % → 96.9 %).
#
# A 1-1 bead's length term is capped at the cost of the indel pair (1-0 + 0-1) plus `CAP_MARGIN` (< 0): a partially
# translated paragraph (a sentence dropped or added) then stays one 1-1 pair — the sentence aligner inside it
# exposes the lost or added sentence, and the number rules see both sides — instead of becoming a lost plus an added
# paragraph (8.4 nats) or a lost paragraph plus a glued neighbour (1-0 + 1-2: 9.2 nats and more). Without the cap a
# 300-character paragraph that lost a third of its text costs ~15 nats as 1-1. Paragraphs with nothing in common
# and very different lengths are paired too; the omission rules still report them (short/long translation, omitted
# or added sentences). Chosen on benchmarks/omission_recall.py (WMT23 news, paragraphs of 1–3 segments, one sentence
# dropped): reported on the right paragraph 33 % without the cap; with margin +0.5 / −1 / −2 / −3: 89 / 91 / 92 / 92 %
# and perturbations causing a false 501/503 nearby 2.4 / 0.9 / 0.3 / 0.3 %; benchmarks/align_wmt23.py unchanged.
CAP_MARGIN = -2.0
PARAGRAPHS = Params(
    penalty={"1-1": 0.0, "1-0": 4.2, "0-1": 4.2, "2-1": 5.0, "1-2": 5.0}, length_cap=4.2 + 4.2 + CAP_MARGIN
)
# Sentences: splitting and merging sentences is routine in translation; dropping one is rare.
SENTENCES = Params(penalty={"1-1": 0.0, "1-0": 4.6, "0-1": 4.6, "2-1": 2.3, "1-2": 2.3})

_SQRT2 = math.sqrt(2.0)


def _neg_log_tail(x: float) -> float:
    """−log P(|Z| ≥ x) for a standard normal Z."""
    if x < 8.0:
        return -math.log(math.erfc(x / _SQRT2))
    return 0.5 * x * x + math.log(x) + 0.2258  # asymptotic: log(√(2π)/2) = 0.2258


def length_cost(ls: int, lt: int, p: Params) -> float:
    if ls == 0 and lt == 0:
        return 0.0
    c = p.mean
    delta = (lt - c * ls) / math.sqrt(p.variance * (ls + lt / c) / 2.0)
    return _neg_log_tail(abs(delta))


def anchor_cost(src: Features, tgt: Features, p: Params) -> float:
    if not src.anchors or not tgt.anchors:
        if not src.anchors and not tgt.anchors:
            return 0.0
        m = bonus = 0.0  # one side has no anchors: what matched_weight returns then, without the call
    else:
        m, bonus = matched_weight(src, tgt)
    return p.unmatched_weight * (src.weight + tgt.weight - 2.0 * m) - p.matched_bonus * (m + bonus)


def bead_cost(kind: str, src: Features, tgt: Features, p: Params) -> float:
    cost = p.penalty[kind] + anchor_cost(src, tgt, p)
    if kind != "1-0" and kind != "0-1":
        length = length_cost(src.length, tgt.length, p)
        if kind == "1-1" and p.length_cap is not None and length > p.length_cap:
            length = p.length_cap
        cost += length
    return cost


def score_from_cost(cost: float, scale: float = 4.0) -> float:
    """A confidence in [0, 1]: 1 for a bead at or below the cost of a perfect 1-1, e^(−cost/scale) above it."""
    if cost <= 0.0:
        return 1.0
    return math.exp(-cost / scale)


# A 2-1 / 1-2 bead's prior penalty is high to keep short lines from being glued, but a split that the lengths and
# anchors support is not doubtful: its confidence is computed with this smaller penalty instead.
GLUE_DOUBT = 1.0


def confidence(kind: str, cost: float, p: Params, residue: bool = False) -> float:
    """`Alignment.score` of a bead found by the DP: `score_from_cost` of its cost, with the 2-1 / 1-2 prior replaced
    by `GLUE_DOUBT`. A 1-1 bead scores 1 when its lengths agree and no anchor is unmatched; an omission or addition
    scores about e^(−penalty/4) ≈ 0.35 (less with unmatched anchors); a recognised residue line ≈ 0.99."""
    if not residue and (kind == "2-1" or kind == "1-2"):
        cost = cost - p.penalty[kind] + GLUE_DOUBT
    return score_from_cost(cost)
