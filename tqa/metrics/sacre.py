"""BLEU, chrF++ and TER through sacrebleu, configured as sacrebleu's command line configures them, so the figures
and signatures equal ``sacrebleu REF -i HYP -m bleu chrf ter --chrf-word-order 2`` (segment level: the CLI's
``--sentence-level``, which turns on BLEU's effective order)."""

from __future__ import annotations

from collections.abc import Sequence

from tqa.metrics.base import Metric, MetricResult


class _Sacre(Metric):
    def _make(self, *, sentence: bool):
        raise NotImplementedError

    def corpus(self, hypotheses: Sequence[str], references: Sequence[str]) -> tuple[float, str, str]:
        metric = self._make(sentence=False)
        result = metric.corpus_score(list(hypotheses), [list(references)])
        return result.score, str(metric.get_signature()), str(result)

    def _sentence_metric(self):
        metric = self.__dict__.get("_sentence")
        if metric is None:
            metric = self.__dict__["_sentence"] = self._make(sentence=True)
        return metric

    def sentence(self, hypothesis: str, reference: str) -> float:
        return self._sentence_metric().sentence_score(hypothesis, [reference]).score

    def sentence_signature(self) -> str:
        return str(self._sentence_metric().get_signature())


class BleuMetric(_Sacre):
    name = "BLEU"

    def _make(self, *, sentence: bool):
        from sacrebleu.metrics import BLEU

        return BLEU(effective_order=sentence)


class ChrfMetric(_Sacre):
    """chrF++ by default (word order 2); `word_order=0` gives plain chrF."""

    def __init__(self, word_order: int = 2) -> None:
        self.word_order = word_order
        self.name = "chrF2++" if word_order == 2 else ("chrF2" if word_order == 0 else f"chrF2+{word_order}")

    def _make(self, *, sentence: bool):
        from sacrebleu.metrics import CHRF

        return CHRF(word_order=self.word_order)


class TerMetric(_Sacre):
    name = "TER"
    higher_is_better = False

    def _make(self, *, sentence: bool):
        from sacrebleu.metrics import TER

        return TER()


def default_metrics() -> list[Metric]:
    return [BleuMetric(), ChrfMetric(2), TerMetric()]


def score_corpus(
    hypotheses: Sequence[str], references: Sequence[str], *, segments: bool = True, metrics: Sequence[Metric] | None = None
) -> list[MetricResult]:
    return [m.score(hypotheses, references, segments=segments) for m in (metrics or default_metrics())]
