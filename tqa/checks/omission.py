"""5xx: omissions and additions, read from the alignment (categories ``omission`` and ``addition``).

* TQA501 a source paragraph with no counterpart (1-0) — error;
* TQA502 a source sentence with no counterpart inside an aligned paragraph (a 1-0 sentence alignment, confirmed by
  the paragraph lengths) — error;
* TQA503 an English paragraph with no counterpart (0-1) that is not page residue — warning;
* TQA504 / TQA505 an aligned pair whose length ratio is far outside the usual range for uk→en — warning.

Page residue never counts: residue paragraphs and glued residue are left out (see `tqa.checks.residue`).

The length model (fitted on WMT22 + WMT23 uk→en sources and human references, 3,844 segments, see
``benchmarks/residue_wmt.py``): the log of the English/Ukrainian character ratio has mean ≈ 0.085 (ratio ≈ 1.09)
and variance ≈ 0.0064 + 1.76 / L for a source of L characters (short segments are much noisier). A pair is flagged
when its z-score is beyond −4 (and the ratio below 0.70) or beyond +4.5 (and the ratio above 1.6), and only for
sources of at least 80 characters: the human references then have no flagged pair.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence

from tqa.checks.base import Context, Rule, register
from tqa.checks.residue import StoryResidue, story_residue
from tqa.model import AlignedPair, AlignedStory, Alignment, Segment, Severity, Span
from tqa.text.residue import classify_residue, is_lead_in, strip_residue
from tqa.text.speech import lone_en_attribution

__all__ = [
    "AddedParagraph",
    "LongTranslation",
    "OmittedParagraph",
    "OmittedSentence",
    "ShortTranslation",
    "length_z",
]

LOG_RATIO_MEAN = 0.085
LOG_RATIO_VAR_FLOOR = 0.0064
LOG_RATIO_VAR_PER_CHAR = 1.76
RATIO_MIN_SOURCE_CHARS = 80
Z_SHORT = -4.0
Z_LONG = 4.5
RATIO_SHORT = 0.70
RATIO_LONG = 1.6
CROSSED_MIN_SOURCE_CHARS = 40
Z_CROSSED = 3.0  # a crossed 1-0 + 0-1 couple this far from the usual length is one partially translated pair

_LETTER = re.compile(r"[^\W\d_]")


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def length_z(source_chars: int, target_chars: int) -> float:
    """How far the English length is from the usual uk→en length, in standard deviations (negative: shorter)."""
    if source_chars <= 0:
        return 0.0
    sd = math.sqrt(LOG_RATIO_VAR_FLOOR + LOG_RATIO_VAR_PER_CHAR / source_chars)
    return (math.log(max(target_chars, 1) / source_chars) - LOG_RATIO_MEAN) / sd


def _excerpt(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _point(span: Span, at_end: bool) -> Span:
    if at_end:
        return Span(span.end_line, span.end_column, span.end_line, span.end_column, "", span.end, span.end)
    return Span(span.line, span.column, span.line, span.column, "", span.start, span.start)


def _insertion_point(pair: AlignedPair, ctx: Context) -> Span | None:
    """Where the missing text would go in the English copy: after the previous translated paragraph (or before the
    next one)."""
    pairs = ctx.story.pairs
    for i in range(pair.index - 1, -1, -1):
        if pairs[i].target:
            return _point(pairs[i].target[-1].span, True)
    for i in range(pair.index + 1, len(pairs)):
        if pairs[i].target:
            return _point(pairs[i].target[0].span, False)
    return None


def _is_source_residue(seg: Segment, facts: StoryResidue) -> bool:
    return facts.source_kind(seg) is not None or not strip_residue(seg.text).strip()


def _content_chars(segments: Sequence[Segment], kinds: dict[int, str]) -> int:
    return sum(len(strip_residue(s.text)) for s in segments if s.paragraph not in kinds)


def _reportable_source(seg: Segment, facts: StoryResidue) -> bool:
    """A source paragraph whose loss is worth reporting: story text, not residue, not a bare lead-in."""
    return not (_is_source_residue(seg, facts) or is_lead_in(seg.text) or _letters(seg.text) < 3)


def _reportable_target(seg: Segment, facts: StoryResidue) -> bool:
    """An English paragraph whose addition is worth reporting: story text, not residue, not a lead-in or a
    separator."""
    if facts.target_kind(seg) is not None or is_lead_in(seg.text):
        return False
    content = strip_residue(seg.text)
    return _letters(content) >= 20 and len(content.split()) >= 3


def _is_unpaired_content(pair: AlignedPair, facts: StoryResidue) -> str | None:
    """"source" for a 1-0 pair of story text, "target" for a 0-1 pair of story text, else None."""
    if pair.residue:
        return None
    if len(pair.source) == 1 and not pair.target and _reportable_source(pair.source[0], facts):
        return "source"
    if len(pair.target) == 1 and not pair.source and _reportable_target(pair.target[0], facts):
        return "target"
    return None


def _is_residue_pair(pair: AlignedPair, facts: StoryResidue) -> bool:
    if pair.residue:
        return True
    return all(_is_source_residue(s, facts) for s in pair.source) and all(
        facts.target_kind(t) is not None for t in pair.target
    )


def _compute_crossed(story: AlignedStory, facts: StoryResidue) -> dict[int, int]:
    partners: dict[int, int] = {}
    pending: tuple[int, str] | None = None
    for pr in story.pairs:
        side = _is_unpaired_content(pr, facts)
        if side is None:
            if not _is_residue_pair(pr, facts):
                pending = None
            continue
        if pending is not None and pending[1] != side:
            partners[pending[0]] = pr.index
            partners[pr.index] = pending[0]
            pending = None
        else:
            pending = (pr.index, side)
    return partners


_CROSSED_CACHE: list[tuple[AlignedStory, dict[int, int]] | None] = [None]


def crossed_partner(pair: AlignedPair, ctx: Context) -> AlignedPair | None:
    """For an unpaired source paragraph (1-0) next to an unpaired English paragraph (0-1) — with only page residue
    between them — the other one. The aligner splits a 1-1 pair whose lengths differ too much into 1-0 + 0-1; such
    a crossed couple is read as one pair (a partial omission or addition), not as a lost and an added paragraph."""
    story = ctx.story
    cached = _CROSSED_CACHE[0]
    if cached is None or cached[0] is not story:
        cached = (story, _compute_crossed(story, story_residue(story)))
        _CROSSED_CACHE[0] = cached
    partners = cached[1]
    i = partners.get(pair.index)
    return story.pairs[i] if i is not None else None


def _virtual_pair(pair: AlignedPair, ctx: Context) -> AlignedPair:
    """The pair itself, or for a crossed 1-0 pair the 1-1 pair it forms with its 0-1 partner."""
    partner = crossed_partner(pair, ctx)
    if partner is None or not pair.source:
        return pair
    return AlignedPair(pair.index, Alignment(pair.source, partner.target, 0.0), (), None)


def _crossed_is_partial(pair: AlignedPair, ctx: Context) -> bool:
    """A crossed couple whose lengths explain the split (reported as a short/long translation instead)."""
    partner = crossed_partner(pair, ctx)
    if partner is None:
        return False
    src = pair if pair.source else partner
    virtual = _virtual_pair(src, ctx)
    rf = _ratio_facts(virtual, story_residue(ctx.story), 1)
    return rf is not None and abs(rf[2]) >= Z_CROSSED


@register
class OmittedParagraph(Rule):
    """## What it does
    Finds a source paragraph that has no counterpart in the English copy.

    ## Why is this bad?
    A whole paragraph of the story is missing from the translation: a fact, a quote or a figure the agency
    published in Ukrainian never reaches the English reader.

    ## Example
    Source: Уряд виділив 2 млрд грн на ремонт шкіл.¶Кошти спрямують до 120 громад у шести областях.¶Роботи мають завершити до вересня.
    Bad: The government allocated UAH 2 billion for school repairs.¶The work is to be completed by September.
    Good: The government allocated UAH 2 billion for school repairs.¶The funds will go to 120 communities in six regions.¶The work is to be completed by September.
    """

    code = "TQA501"
    name = "omitted-paragraph"
    category = "omission"
    severity = Severity.ERROR

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator:
        if pair.target or not pair.source or _crossed_is_partial(pair, ctx):
            return
        facts = story_residue(ctx.story)
        for seg in pair.source:
            if not _reportable_source(seg, facts):
                continue
            yield self.finding(
                f"source paragraph {seg.paragraph + 1} has no translation: «{_excerpt(seg.text)}»",
                source=seg,
                target=_insertion_point(pair, ctx),
                context=seg.text,
            )


# -- sentences -----------------------------------------------------------------------------------------------------


_NUMBER = re.compile(r"\d+(?:[\s\u00a0\u202f,.]\d{3})*(?:[.,]\d+)?")


def _numbers(text: str) -> frozenset[str]:
    """Numbers by value, cheaply: thousands separators dropped, decimal comma read as a point."""
    out = set()
    for m in _NUMBER.finditer(text):
        raw = m.group()
        raw = re.sub(r"[\s\u00a0\u202f](?=\d{3})", "", raw)
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw):
            raw = raw.replace(",", "")
        out.add(raw.replace(",", "."))
    return frozenset(out)


def _dp_sentences(src: Sequence[Segment], tgt: Sequence[Segment]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """A small Gale–Church alignment of the sentences of one paragraph pair (1-1, 1-0, 0-1, 2-1, 1-2), used only
    when the aligner gave no sentence alignment."""
    n, m = len(src), len(tgt)
    ls = [max(len(s.text), 1) for s in src]
    lt = [max(len(t.text), 1) for t in tgt]
    ns = [_numbers(s.text) for s in src]
    nt = [_numbers(t.text) for t in tgt]
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    skip = 12.0  # the price of leaving a sentence unaligned

    def c(a: int, b: int, na: frozenset[str] = frozenset(), nb: frozenset[str] = frozenset()) -> float:
        # length term plus number anchors: numbers found on one side only cost, numbers on both sides help
        return length_z(a, b) ** 2 + 1.5 * len(na ^ nb) - 1.0 * len(na & nb)

    for i in range(n + 1):
        for j in range(m + 1):
            base = cost[i][j]
            if base == inf:
                continue
            moves = []
            if i < n and j < m:
                moves.append((1, 1, c(ls[i], lt[j], ns[i], nt[j])))
            if i < n:
                moves.append((1, 0, skip + 0.75 * len(ns[i])))
            if j < m:
                moves.append((0, 1, skip + 0.75 * len(nt[j])))
            if i + 1 < n and j < m:
                moves.append((2, 1, c(ls[i] + ls[i + 1], lt[j], ns[i] | ns[i + 1], nt[j]) + 1.0))
            if i < n and j + 1 < m:
                moves.append((1, 2, c(ls[i], lt[j] + lt[j + 1], ns[i], nt[j] | nt[j + 1]) + 1.0))
            for di, dj, step in moves:
                if base + step < cost[i + di][j + dj]:
                    cost[i + di][j + dj] = base + step
                    back[i + di][j + dj] = (di, dj)
    out = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]  # type: ignore[misc]
        out.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    out.reverse()
    return out


def _sentence_alignments(pair: AlignedPair) -> list[Alignment]:
    """The pair's sentence alignments; when the aligner did not align sentences (no alignments, or one n-m block
    with three or more sentences on a side), a small length-based alignment of our own."""
    sents = list(pair.sentences)
    unaligned = not sents or (len(sents) == 1 and (len(sents[0].source) > 2 or len(sents[0].target) > 2))
    if not unaligned:
        return sents
    src = [s for p in pair.source for s in p.sentences]
    tgt = [t for p in pair.target for t in p.sentences]
    if not src or not tgt:
        return sents
    if len(src) > 60 or len(tgt) > 60:
        return sents
    return [
        Alignment(tuple(src[i] for i in a), tuple(tgt[j] for j in b), 1.0) for a, b in _dp_sentences(src, tgt)
    ]


def omitted_sentences(pair: AlignedPair, facts: StoryResidue) -> list[tuple[Alignment, int]]:
    """Source sentences of an aligned paragraph pair left without translation, confirmed by the paragraph lengths
    (the English paragraph fits the source without them better than with them): (alignment, its index)."""
    if not pair.source or not pair.target:
        return []
    alignments = _sentence_alignments(pair)
    cands: list[tuple[Alignment, int]] = []
    for k, al in enumerate(alignments):
        if al.target or not al.source:
            continue
        text = " ".join(s.text for s in al.source)
        if classify_residue(text) or _letters(strip_residue(text)) < 20 or is_lead_in(text):
            continue
        cands.append((al, k))
    if not cands:
        return []
    s_chars = _content_chars(pair.source, facts.source)
    t_chars = _content_chars(pair.target, facts.target)
    o_chars = sum(len(s.text) for al, _k in cands for s in al.source)
    if s_chars - o_chars <= 0:
        return []
    z_with = length_z(s_chars, t_chars)
    z_without = length_z(s_chars - o_chars, t_chars)
    if z_with < -1.0 and abs(z_without) < abs(z_with):
        return cands
    return []


@register
class OmittedSentence(Rule):
    """## What it does
    Finds a source sentence left without translation inside an otherwise translated paragraph (a 1-0 sentence
    alignment that the paragraph lengths confirm).

    ## Why is this bad?
    Partial omissions are the hardest to see: the paragraph is there, reads well, and one sentence — often a
    figure or a qualification — is simply gone.

    ## Example
    Source: Уряд виділив 2 млрд грн на ремонт шкіл. Кошти спрямують до 120 громад у шести областях, які найбільше постраждали від обстрілів. Роботи мають завершити до вересня.
    Bad: The government allocated UAH 2 billion for school repairs. The work is to be completed by September.
    Good: The government allocated UAH 2 billion for school repairs. The funds will go to 120 communities in six regions that suffered most from the shelling. The work is to be completed by September.
    """

    code = "TQA502"
    name = "omitted-sentence"
    category = "omission"
    severity = Severity.ERROR

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator:
        facts = story_residue(ctx.story)
        found = omitted_sentences(pair, facts)
        if not found:
            return
        alignments = _sentence_alignments(pair)
        for al, k in found:
            prev_t = next((alignments[i].target[-1] for i in range(k - 1, -1, -1) if alignments[i].target), None)
            if prev_t is not None:
                where = _point(prev_t.span, True)
            else:
                where = _point(pair.target[0].span, False)
            text = " ".join(s.text for s in al.source)
            yield self.finding(
                f"source sentence has no translation: «{_excerpt(text)}»",
                source=al.source[0].span if len(al.source) == 1 else al.source[0],
                target=where,
                context=text,
            )


# -- additions -----------------------------------------------------------------------------------------------------


@register
class AddedParagraph(Rule):
    """## What it does
    Finds an English paragraph with no counterpart in the source that is not web-page residue.

    ## Why is this bad?
    Text the source does not have is either misplaced copy from another story, an editor's addition that needs a
    check, or a sign that the alignment of the story is off.

    ## Example
    Source: Уряд виділив 2 млрд грн на ремонт шкіл.
    Bad: The government allocated UAH 2 billion for school repairs.¶The opposition called the decision a pre-election gift to the regions.
    Good: The government allocated UAH 2 billion for school repairs.
    """

    code = "TQA503"
    name = "added-paragraph"
    category = "addition"
    severity = Severity.WARNING

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator:
        if pair.source or not pair.target or pair.residue or _crossed_is_partial(pair, ctx):
            return
        facts = story_residue(ctx.story)
        for seg in pair.target:
            if not _reportable_target(seg, facts):
                continue
            if lone_en_attribution(seg.text) is not None:
                continue  # a split-off attribution line: TQA201 (detached-attribution) reports it
            yield self.finding(
                f"English paragraph has no counterpart in the source: «{_excerpt(seg.text)}»",
                target=seg,
                context=seg.text,
            )


# -- length ratio --------------------------------------------------------------------------------------------------


def _ratio_facts(
    pair: AlignedPair, facts: StoryResidue, min_chars: int = RATIO_MIN_SOURCE_CHARS
) -> tuple[int, int, float] | None:
    if not pair.source or not pair.target:
        return None
    s_chars = _content_chars(pair.source, facts.source)
    t_chars = _content_chars(pair.target, facts.target)
    if s_chars < min_chars or t_chars == 0 and all(p.paragraph in facts.target for p in pair.target):
        return None
    return s_chars, t_chars, length_z(s_chars, t_chars)


def _target_span(pair: AlignedPair, ctx: Context) -> Span | Segment:
    tgt = [p for p in pair.target]
    if len(tgt) == 1:
        return tgt[0]
    a, b = tgt[0].span, tgt[-1].span
    text = ctx.story.story.target.text[a.start : b.end]
    return Span(a.line, a.column, b.end_line, b.end_column, text, a.start, b.end)


def _usual_range(s_chars: int) -> tuple[float, float]:
    sd = math.sqrt(LOG_RATIO_VAR_FLOOR + LOG_RATIO_VAR_PER_CHAR / s_chars)
    return math.exp(LOG_RATIO_MEAN - 2 * sd), math.exp(LOG_RATIO_MEAN + 2 * sd)


@register
class ShortTranslation(Rule):
    """## What it does
    Finds an aligned pair whose English is far shorter than the usual uk→en length (a partial omission), reporting
    the character ratio. Sources under 80 characters are skipped: short segments vary too much.

    ## Why is this bad?
    English runs about 1.09 times the length of the Ukrainian in characters; a paragraph that comes out at half of
    that has almost certainly lost a clause, a list item or a quote.

    ## Example
    Source: За словами голови обласної військової адміністрації, унаслідок нічної атаки пошкоджено дві підстанції, житловий будинок і склад агропідприємства, а також загорівся автомобіль.
    Bad: According to the head of the regional military administration, two substations were damaged.
    Good: According to the head of the regional military administration, the night attack damaged two substations, a residential building and a warehouse of an agricultural company, and a car caught fire.
    """

    code = "TQA504"
    name = "short-translation"
    category = "omission"
    severity = Severity.WARNING

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator:
        facts = story_residue(ctx.story)
        pair, crossed = _virtual_pair(pair, ctx), crossed_partner(pair, ctx) is not None
        rf = _ratio_facts(pair, facts, CROSSED_MIN_SOURCE_CHARS if crossed else RATIO_MIN_SOURCE_CHARS)
        if rf is None:
            return
        s_chars, t_chars, z = rf
        ratio = t_chars / s_chars
        if z > (-Z_CROSSED if crossed else Z_SHORT) or (ratio > RATIO_SHORT and not crossed):
            return
        if omitted_sentences(pair, facts):
            return  # TQA502 names the missing sentence
        lo, hi = _usual_range(s_chars)
        yield self.finding(
            f"English is much shorter than the source (length ratio {ratio:.2f}; usual {lo:.2f}–{hi:.2f} for "
            f"{s_chars} source characters): part of the text may be missing",
            target=_target_span(pair, ctx),
            source=pair.source[0] if len(pair.source) == 1 else None,
            context=pair.source_text,
        )


@register
class LongTranslation(Rule):
    """## What it does
    Finds an aligned pair whose English is far longer than the usual uk→en length (a partial addition), reporting
    the character ratio. Sources under 80 characters are skipped.

    ## Why is this bad?
    Text far beyond what the source says is added material — a sentence from a neighbouring paragraph, an
    explanation the editor did not ask for, or MT repeating itself.

    ## Example
    Source: Уряд виділив два мільярди гривень на ремонт шкіл і лікарень у прифронтових громадах.
    Bad: The government allocated two billion hryvnias for the repair of schools and hospitals in frontline communities. The decision was criticised by the opposition, which called it a pre-election gift, and by several mayors, who said the money would come too late for the new school year to start on time.
    Good: The government allocated two billion hryvnias for the repair of schools and hospitals in frontline communities.
    """

    code = "TQA505"
    name = "long-translation"
    category = "addition"
    severity = Severity.WARNING

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator:
        facts = story_residue(ctx.story)
        pair, crossed = _virtual_pair(pair, ctx), crossed_partner(pair, ctx) is not None
        rf = _ratio_facts(pair, facts, CROSSED_MIN_SOURCE_CHARS if crossed else RATIO_MIN_SOURCE_CHARS)
        if rf is None:
            return
        s_chars, t_chars, z = rf
        ratio = t_chars / s_chars
        if z < (Z_CROSSED if crossed else Z_LONG) or (ratio < RATIO_LONG and not crossed):
            return
        lo, hi = _usual_range(s_chars)
        yield self.finding(
            f"English is much longer than the source (length ratio {ratio:.2f}; usual {lo:.2f}–{hi:.2f} for "
            f"{s_chars} source characters): text may have been added",
            target=_target_span(pair, ctx),
            source=pair.source[0] if len(pair.source) == 1 else None,
            context=pair.source_text,
        )
