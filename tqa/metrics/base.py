"""A small base class for metrics (the sacrebleu shape): corpus score, segment scores, and a signature that says
how the figure was produced."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SegmentScore:
    index: int  # 0-based segment number
    score: float


@dataclass(frozen=True, slots=True)
class MetricResult:
    name: str  # "BLEU", "chrF2++", "TER"
    score: float
    signature: str
    detail: str  # sacrebleu's own one-line rendering, e.g. "BLEU = 45.91 77.8/57.1/… (BP = 1.000 …)"
    segments: tuple[SegmentScore, ...] = ()
    higher_is_better: bool = True
    segment_signature: str = ""

    def to_dict(self, *, segments: bool = True) -> dict[str, object]:
        out: dict[str, object] = {
            "name": self.name,
            "score": round(self.score, 4),
            "signature": self.signature,
            "detail": self.detail,
            "higher_is_better": self.higher_is_better,
        }
        if segments:
            out["segment_signature"] = self.segment_signature
            out["segments"] = [round(s.score, 4) for s in self.segments]
        return out


class Metric:
    """Subclasses set `name` and implement `corpus` and `sentence`."""

    name: str = ""
    higher_is_better: bool = True

    def corpus(self, hypotheses: Sequence[str], references: Sequence[str]) -> tuple[float, str, str]:
        """(score, signature, detail) over the whole corpus."""
        raise NotImplementedError

    def sentence(self, hypothesis: str, reference: str) -> float:
        raise NotImplementedError

    def sentence_signature(self) -> str:
        return ""

    def score(self, hypotheses: Sequence[str], references: Sequence[str], *, segments: bool = True) -> MetricResult:
        if len(hypotheses) != len(references):
            raise ValueError(f"{len(hypotheses)} hypotheses but {len(references)} references")
        value, signature, detail = self.corpus(hypotheses, references)
        segs = (
            tuple(SegmentScore(i, self.sentence(h, r)) for i, (h, r) in enumerate(zip(hypotheses, references)))
            if segments
            else ()
        )
        return MetricResult(
            self.name, value, signature, detail, segs, self.higher_is_better,
            self.sentence_signature() if segments else "",
        )
