"""Translation metrics against a reference (BLEU, chrF++, TER) computed with sacrebleu, with its signatures.

`tqa score` reports them at corpus and segment level; `tqa check --ref` uses chrF per segment to flag possible
mistranslations and omissions. sacrebleu is imported only here, when a metric is used.
"""

from tqa.metrics.base import Metric, MetricResult, SegmentScore
from tqa.metrics.sacre import BleuMetric, ChrfMetric, TerMetric, default_metrics, score_corpus

__all__ = [
    "BleuMetric",
    "ChrfMetric",
    "Metric",
    "MetricResult",
    "SegmentScore",
    "TerMetric",
    "default_metrics",
    "score_corpus",
]
