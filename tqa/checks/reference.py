"""Comparison with outside material: a reference translation (`tqa check --ref`) and a machine-translation draft
(`tqa check --mt-url`). Both use sentence-level chrF (sacrebleu, imported only when such material is given).

Thresholds were set on WMT22 uk→en (10 MT systems against the human reference, segments of 40+ characters):
chrF below 15 marks 0.2–1 % of segments of the good systems — mostly real departures, some free paraphrases.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from tqa.checks.base import Context, Rule, register
from tqa.model import AlignedStory, Document, Finding, Severity, Story

REFERENCE_THRESHOLD = 15.0
DRAFT_THRESHOLD = 15.0
MIN_CHARS = 40


@functools.lru_cache(maxsize=1)
def _chrf():
    from sacrebleu.metrics import CHRF

    return CHRF()


def chrf(hypothesis: str, reference: str) -> float:
    return _chrf().sentence_score(hypothesis, [reference]).score


def reference_by_source_paragraph(story: Story) -> dict[int, str]:
    """Source paragraph index → the reference text that translates it."""
    ref = story.reference
    if ref is None:
        return {}
    if story.mode == "aligned":
        return {i: p.text for i, p in enumerate(ref.paragraphs) if i < len(story.source.paragraphs)}
    from tqa.align import align_story

    aligned = align_story(Story(story.source, _as_target(ref), mode="document"))
    out: dict[int, str] = {}
    for pair in aligned.pairs:
        if pair.source and pair.target:
            text = pair.target_text
            for seg in pair.source:
                out[seg.paragraph] = text
    return out


def _as_target(doc: Document) -> Document:
    return doc if doc.language == "en" else Document(doc.path, "en", doc.text, doc.paragraphs, doc.encoding,
                                                    doc.first_line)


class _ChrfRule(Rule):
    scope = "document"
    severity = Severity.WARNING
    threshold = 15.0
    what = ""

    def material(self, story: Story) -> dict[int, str]:
        raise NotImplementedError

    def check_document(self, aligned: AlignedStory, ctx: Context) -> Iterator[Finding]:
        material = self.material(aligned.story)
        if not material:
            return
        for pair in aligned.pairs:
            if not pair.source or not pair.target or pair.residue is not None:
                continue
            texts = [material[s.paragraph] for s in pair.source if s.paragraph in material]
            if not texts:
                continue
            other = " ".join(dict.fromkeys(texts))
            target = pair.target_text
            if len(target) < MIN_CHARS or len(other) < MIN_CHARS:
                continue
            score = chrf(target, other)
            if score < self.threshold:
                yield self.finding(
                    f"the translation departs strongly from the {self.what} (chrF {score:.1f} < {self.threshold:g}):"
                    f" possible mistranslation or omission; {self.what}: {_clip(other)}",
                    target=pair.target[0] if len(pair.target) == 1 else _joined(pair),
                    source=pair.source[0],
                )


def _joined(pair):
    first, last = pair.target[0].span, pair.target[-1].span
    from tqa.model import Span

    text = " ".join(s.text for s in pair.target)
    return Span(first.line, first.column, last.end_line, last.end_column, text, first.start, last.end)


def _clip(text: str, n: int = 100) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= n else f'"{text[: n - 1]}…"'


@register
class LowChrfAgainstReference(_ChrfRule):
    """## What it does
    With a reference translation (`tqa check --ref REF.en`), flags a paragraph whose chrF against the reference
    paragraph that translates the same source is very low (below 15).

    ## Why is this bad?
    A copy that shares almost no character n-grams with an independent human translation of the same source is
    likely a mistranslation, a different paragraph, or a heavy omission. Free paraphrases can score low too: the
    finding is a warning for a person to look at, not a verdict.

    ## Example
    (needs a reference file: `tqa check --ref REF.en SOURCE.uk TARGET.en`)
    Source: Укренерго закликає споживачів не вмикати одночасно кілька потужних електроприладів увечері.
    Reference: Ukrenergo urges consumers not to switch on several powerful appliances at once in the evening.
    Bad: Fighting continued near Bakhmut and Avdiivka overnight, officials said.
    Good: Ukrenergo calls on consumers not to turn on several powerful appliances at the same time in the evening.
    """

    code = "TQA591"
    name = "low-chrf-vs-reference"
    category = "omission"
    threshold = REFERENCE_THRESHOLD
    what = "reference"

    def material(self, story: Story) -> dict[int, str]:
        return reference_by_source_paragraph(story)


@register
class DepartsFromDraft(_ChrfRule):
    """## What it does
    With a machine-translation draft (`tqa check --mt-url URL`, a LibreTranslate-compatible service), flags a
    paragraph whose chrF against the draft of its source paragraph is very low (below 15).

    ## Why is this bad?
    Agency copy is usually close to a literal rendering of the source; a paragraph that shares almost nothing with
    a machine draft of its source often translates something else (a neighbouring paragraph, an older version of
    the story) or leaves most of the source out.

    ## Example
    (needs a translation service: `tqa check --mt-url http://localhost:5000 SOURCE.uk TARGET.en`)
    Source: Укренерго закликає споживачів не вмикати одночасно кілька потужних електроприладів.
    Draft: Ukrenergo calls on consumers not to turn on several powerful electrical appliances at the same time.
    Bad: Fighting continued near Bakhmut and Avdiivka overnight, officials said.
    Good: Ukrenergo urges consumers not to switch on several powerful appliances simultaneously.
    """

    code = "TQA592"
    name = "departs-from-mt-draft"
    category = "omission"
    threshold = DRAFT_THRESHOLD
    what = "machine draft"

    def material(self, story: Story) -> dict[int, str]:
        if not story.draft:
            return {}
        return {i: t for i, t in enumerate(story.draft) if t}
