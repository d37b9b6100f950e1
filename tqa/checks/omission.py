"""5xx: omissions and additions, read from the alignment (categories ``omission`` and ``addition``).

* TQA501 a source paragraph with no counterpart (1-0) — error;
* TQA502 a source sentence with no counterpart inside an aligned paragraph (a 1-0 sentence alignment, confirmed by
  the paragraph lengths) — error;
* TQA503 an English paragraph with no counterpart (0-1) that is not page residue — warning;
* TQA504 / TQA505 an aligned pair whose length ratio is far outside the usual range for uk→en — warning;
* TQA506 an English sentence with no counterpart inside an aligned paragraph (a 0-1 sentence alignment, confirmed by
  the paragraph lengths or by names and figures the source does not have) — warning.

A source sentence that only says where the story comes from (``Про це повідомила пресслужба ВАКС.``, ``…, передає
УНН.``, ``Про це йдеться у повідомленні.``) is not omitted when the English paragraph carries an attribution: English
folds it into the sentence (``…, the HACC press service said.``). Numbers of a sentence that TQA502 reports are not
reported again by TQA301 (`in_omitted_sentence`).

Page residue never counts: residue paragraphs and glued residue are left out (see `tqa.checks.residue`).

The length model (fitted on WMT22 + WMT23 uk→en sources and human references, 3,844 segments, see
``benchmarks/residue_wmt.py``): the log of the English/Ukrainian character ratio has mean ≈ 0.085 (ratio ≈ 1.09)
and variance ≈ 0.0064 + 1.76 / L for a source of L characters (short segments are much noisier). A pair is flagged
when its z-score is beyond −4 (and the ratio below 0.70) or beyond +4.5 (and the ratio above 1.6), and only for
sources of at least 80 characters: the human references then have no flagged pair.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator, Sequence

from tqa.checks.base import Context, Rule, register, select_rules
from tqa.checks.residue import StoryResidue, story_residue
from tqa.model import AlignedPair, AlignedStory, Alignment, Segment, Severity, Span
from tqa.patterns import compile as re_compile
from tqa.text.residue import classify_residue, is_lead_in, strip_residue
from tqa.text.speech import en_has_attribution, lone_en_attribution, uk_speech_verb

__all__ = [
    "AddedParagraph",
    "AddedSentence",
    "LongTranslation",
    "OmittedParagraph",
    "OmittedSentence",
    "ShortTranslation",
    "added_sentences",
    "en_attribution_chars",
    "folded_formulas",
    "in_omitted_sentence",
    "is_attribution_formula",
    "length_z",
    "omitted_sentences",
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

_sqrt, _log = math.sqrt, math.log
_LETTER = re_compile(r"[^\W\d_]")


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def length_z(source_chars: int, target_chars: int) -> float:
    """How far the English length is from the usual uk→en length, in standard deviations (negative: shorter)."""
    if source_chars <= 0:
        return 0.0
    sd = _sqrt(LOG_RATIO_VAR_FLOOR + LOG_RATIO_VAR_PER_CHAR / source_chars)
    return (_log((target_chars if target_chars > 1 else 1) / source_chars) - LOG_RATIO_MEAN) / sd  # (max(t, 1))


def _memo(ctx: Context, key: tuple, compute):
    """``compute()`` once per story (`Context.memo`), shared by the rules of this family and by the numbers rules."""
    memo = getattr(ctx, "memo", None)
    return memo(key, compute) if memo is not None else compute()


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


def _content_chars(
    segments: Sequence[Segment], kinds: dict[int, str], glued: dict[int, tuple] | None = None
) -> int:
    """The characters of the segments' story text: residue paragraphs (`kinds`) count 0, glued residue is left out.
    `glued`, when given, is `StoryResidue.target_spans` and `kinds` is `StoryResidue.target`: a target paragraph in
    neither has no residue at all (`_compute` puts every paragraph that `classify_residue` names in `target`, and the
    glued spans of every other paragraph, when it has any, in `target_spans`), so `strip_residue` leaves its text as
    it is — its length is read without the cached call."""
    if len(segments) == 1:  # (most pairs: the same sum without the generator)
        seg = segments[0]
        i = seg.paragraph
        if i in kinds:
            return 0
        if glued is not None and i not in glued:
            return len(seg.text)  # (exact: see above)
        return len(strip_residue(seg.text))
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
            # (with nothing pending, whether the pair is residue changes nothing: it is not asked)
            if pending is not None and not _is_residue_pair(pr, facts):
                pending = None
            continue
        if pending is not None and pending[1] != side:
            partners[pending[0]] = pr.index
            partners[pr.index] = pending[0]
            pending = None
        else:
            pending = (pr.index, side)
    return partners


def crossed_partner(pair: AlignedPair, ctx: Context) -> AlignedPair | None:
    """For an unpaired source paragraph (1-0) next to an unpaired English paragraph (0-1) — with only page residue
    between them — the other one. The aligner splits a 1-1 pair whose lengths differ too much and that share no
    anchor into 1-0 + 0-1; such a crossed couple is read as one pair (a partial omission or addition), not as a lost
    and an added paragraph."""
    story = ctx.story
    partners = _memo(ctx, ("omission.crossed",), lambda: _compute_crossed(story, story_residue(story)))
    i = partners.get(pair.index)
    return story.pairs[i] if i is not None else None


def _virtual_pair(pair: AlignedPair, ctx: Context) -> AlignedPair:
    """The pair itself, or for a crossed 1-0 pair the 1-1 pair it forms with its 0-1 partner (with its sentences
    aligned)."""
    partner = crossed_partner(pair, ctx)
    if partner is None or not pair.source:
        return pair

    def build() -> AlignedPair:
        from tqa.align.story import align_sentences

        story = ctx.story.story
        sentences = align_sentences(pair.source, partner.target, story.source.language or "uk",
                                    story.target.language or "en", 0.0)
        return AlignedPair(pair.index, Alignment(pair.source, partner.target, 0.0), sentences, None)

    return _memo(ctx, ("omission.virtual", pair.index), build)


def _crossed_is_partial(pair: AlignedPair, ctx: Context) -> bool:
    """A crossed couple whose lengths explain the split (reported as a short/long translation instead)."""
    partner = crossed_partner(pair, ctx)
    if partner is None:
        return False
    src = pair if pair.source else partner
    virtual = _virtual_pair(src, ctx)
    rf = _ratio_facts(virtual, story_residue(ctx.story), 1)
    return rf is not None and abs(rf[2]) >= Z_CROSSED


# -- gates (`Rule.gate`): exact pre-checks, evaluated once per pair for the rules that share them ---------------------


def _gate_paragraphs(pair: AlignedPair) -> bool:
    """TQA501 / TQA503 flag only a pair with one side empty (a 1-0 or a 0-1 paragraph pair)."""
    paragraphs = pair.paragraphs
    return not paragraphs.source or not paragraphs.target


def _gate_sentences(pair: AlignedPair) -> bool:
    """TQA502 / TQA506 read the sentence alignments of `_checked_pair`: for a pair with both sides that is the pair
    itself, and `_sentence_alignments` has an unmatched sentence (the only candidates) only when the aligner's
    alignments have one (`_reassign_by_anchors` only swaps sentences between them) or when it re-aligns them itself;
    a 0-1 pair has no source (nothing omitted, nothing added against nothing); a 1-0 pair may be read together with
    a crossed 0-1 partner, which the gate cannot see: it passes."""
    paragraphs = pair.paragraphs  # (read once: `source`/`target` are properties)
    if not paragraphs.target:
        return bool(paragraphs.source)
    if not paragraphs.source:
        return False
    sents = pair.sentences
    if not sents or (len(sents) == 1 and (len(sents[0].source) > 2 or len(sents[0].target) > 2)):
        return True  # `_sentence_alignments` aligns the sentences itself
    for al in sents:
        if not al.source or not al.target:
            return True
    return False


def _gate_length(pair: AlignedPair) -> bool:
    """TQA504 / TQA505 judge `_length_facts`: a pair with both sides is never crossed, so it is judged itself and
    needs at least RATIO_MIN_SOURCE_CHARS characters of source content (content is a part of the text); a 0-1 pair
    has no source; a 1-0 pair may be read with a crossed partner: it passes."""
    paragraphs = pair.paragraphs  # (read once: `source`/`target` are properties)
    source = paragraphs.source
    if not paragraphs.target:
        return bool(source)
    if not source:
        return False
    if len(source) == 1:
        return len(source[0].text) >= RATIO_MIN_SOURCE_CHARS
    total = 0
    for seg in source:
        total += len(seg.text)
    return total >= RATIO_MIN_SOURCE_CHARS


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
    gate = staticmethod(_gate_paragraphs)

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


_NUMBER = re_compile(r"\d+(?:[\s\u00a0\u202f,.]\d{3})*(?:[.,]\d+)?")


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
    """The pair's sentence alignments, with unmatched sentences re-assigned by anchors (`_reassign_by_anchors`);
    when the aligner did not align sentences (no alignments, or one n-m block with three or more sentences on a
    side), a small length-based alignment of our own."""
    sents = list(pair.sentences)
    unaligned = not sents or (len(sents) == 1 and (len(sents[0].source) > 2 or len(sents[0].target) > 2))
    if not unaligned:
        return _reassign_by_anchors(sents)
    src = [s for p in pair.source for s in p.sentences]
    tgt = [t for p in pair.target for t in p.sentences]
    if not src or not tgt:
        return sents
    if len(src) > 60 or len(tgt) > 60:
        return sents
    return [
        Alignment(tuple(src[i] for i in a), tuple(tgt[j] for j in b), 1.0) for a, b in _dp_sentences(src, tgt)
    ]


REASSIGN_MARGIN = 1.0  # anchor weight (a number, or two names) by which the unmatched sentence must fit better


def _reassign_by_anchors(alignments: list[Alignment]) -> list[Alignment]:
    """Which of two neighbouring sentences is the lost (or added) one? The sentence aligner decides mostly by length,
    and a translation that folds an attribution into a sentence (``…, the ministry said.``) or condenses it can
    mislead it: it then pairs the English with the wrong neighbour and leaves the translated sentence "unmatched".
    When an unmatched sentence shares clearly more anchors — numbers, names, acronyms — with the neighbouring pair's
    other side than that pair's own sentence does, the two swap places."""
    if len(alignments) < 2 or all(al.source and al.target for al in alignments):
        return alignments
    from tqa.align.anchors import features, matched_weight, merge

    out = list(alignments)
    for k, al in enumerate(out):
        added = not al.source
        if (al.source and al.target) or len(al.source if al.source else al.target) != 1:
            continue
        lone = al.target[0] if added else al.source[0]
        for j in (k - 1, k + 1):
            if not 0 <= j < len(out):
                continue
            nb = out[j]
            own = nb.target if added else nb.source
            other = nb.source if added else nb.target
            if len(own) != 1 or not other:
                continue
            lang_lone, lang_other = ("en", "uk") if added else ("uk", "en")
            against = merge(*(features(x.text, lang_other) for x in other))
            mine = matched_weight(features(lone.text, lang_lone), against)[0]
            theirs = matched_weight(features(own[0].text, lang_lone), against)[0]
            if mine >= theirs + REASSIGN_MARGIN:
                # the lone sentence takes the pair's place (k) and the pair's own sentence becomes the lone one (j):
                # both sides stay in reading order, as the two alignments are neighbours
                if added:
                    out[k], out[j] = Alignment(other, (lone,), nb.score), Alignment((), own, al.score)
                else:
                    out[k], out[j] = Alignment((lone,), other, nb.score), Alignment(own, (), al.score)
                break
    return out


# -- attribution formulas -------------------------------------------------------------------------------------------

_WORD = re_compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
# How a Ukrainian attribution-only sentence opens: «Про це повідомила…», «Про що йдеться…», «Це підтвердили…»,
# «Таку інформацію оприлюднили…», «Як повідомляє…», or directly with the verb: «Передає УНН.».
_UK_FORMULA_OPENERS = (
    "про це", "про що", "це ", "цю інформацію", "таку інформацію", "такі дані", "ці дані", "таку заяву", "цю заяву",
    "відповідн", "інформацію про це", "як повідом", "як переда", "як пише", "як інформу", "як йдеться", "як ідеться",
    "як зазнач", "як заяв",
)
ATTRIBUTION_MAX_WORDS = 22


@functools.lru_cache(maxsize=16384)  # asked of every source sentence by several rules
def is_attribution_formula(text: str) -> bool:
    """A Ukrainian sentence that only attributes the story: «Про це повідомила пресслужба ВАКС.», «Про це в Telegram
    написав очільник ОВА Максим Козицький.», «Про це йдеться у повідомленні регулятора.», «Передає УНН.» — a speech
    verb, an opening that points back at the text before it (or the verb itself), and no more than a short clause."""
    words = _WORD.findall(text)
    if not words or len(words) > ATTRIBUTION_MAX_WORDS:
        return False
    if not any(uk_speech_verb(w) for w in words[:8]):
        return False
    low = " ".join(w.lower() for w in words) + " "
    return low.startswith(_UK_FORMULA_OPENERS) or uk_speech_verb(words[0])


_EN_SPEECH_PARTICIPLE = (
    r"(?:reported|stated|said|announced|written|noted|posted|published|mentioned|confirmed|declared|told|informed"
    r"|emphasi[sz]ed|stressed|added)"
)
_EN_ATTRIBUTION_ONLY = re_compile(
    # «This was reported by the press service.», «This was stated by the minister during a briefing.»
    r"^\W*(?:this|that|it|these|such information|the information|the news)\s+(?:was|were|is|has been|had been)\s+"
    r"(?:\w+ly\s+)?" + _EN_SPEECH_PARTICIPLE + r"\b"
    # «As reported by UNN.»
    r"|^\W*as\s+" + _EN_SPEECH_PARTICIPLE + r"\s+(?:by|in|on)\b"
    # «UNN reports.», «The press service of the court said this.»
    r"|\b(?:reports?|reported|says?|said|writes|wrote|informs?|stated|announced|noted)(?:\s+(?:this|so|that|it))?"
    r"\W*$",
    re.I,
)


def _is_en_attribution_sentence(text: str, opening: bool = False) -> bool:
    """An English sentence that only attributes: «This was reported by the HACC press service.», «UNN reports.»;
    with `opening`, any sentence that opens like one («This was stated by the commander-in-chief … during a call with
    …», however long)."""
    words = _WORD.findall(text)
    m = _EN_ATTRIBUTION_ONLY.search(text.strip())
    if m is None:
        return False
    if opening and m.start() == 0:
        return True
    if not 0 < len(words) <= 16 or re.search(r"\d", text):
        return False
    # a sentence ending in a speech verb is attribution-only when the verb's subject is short («UNN reports.»)
    return m.start() == 0 or len(words) <= 8


# A person named in full: two or three capitalised Ukrainian words in a row (Денис Шмигаль, Максим Козицький).
_UK_PERSON = re_compile(r"(?<![^\W\d_])[А-ЯІЇЄҐ][а-яіїєґ'’ʼ-]+(?:\s+[А-ЯІЇЄҐ][а-яіїєґ'’ʼ-]+){1,2}")


def _folded(formula: str, english: str) -> bool:
    """Is the Ukrainian attribution `formula` folded into the `english` paragraph: the English attributes and, if the
    formula names a person in full, it names that person too (institutions are translated — Міненерго, ВАКС — and
    cannot be compared; a person's name is transliterated and can)."""
    if not en_has_attribution(english):
        return False
    people = _UK_PERSON.findall(formula)
    if not people:
        return True
    from tqa.align.anchors import features
    from tqa.text.translit import name_key

    en = features(english, "en").counts
    return any("p:" + name_key(w) in en for person in people for w in person.split())


@functools.lru_cache(maxsize=16384)
def _uk_attributes(text: str) -> bool:
    return any(uk_speech_verb(w) for w in _WORD.findall(text))


Z_NEIGHBOUR = 1.0  # a neighbouring sentence pair this far from the usual length may own an unmatched sentence


def _owned_by_neighbour(alignments: Sequence[Alignment], k: int) -> bool:
    """Is the unmatched English sentence of alignment `k` (0-1) more likely a piece of a neighbouring sentence pair
    than an added sentence? The sentence aligner pairs at most two sentences with one, so when a source sentence is
    translated by three English sentences (or runs on without a space after its full stops, «…це точно.я думаю…»,
    and is not split), the rest comes out unmatched — next to a pair whose English is far too short for its source.
    Such a neighbour, whose lengths fit better with the run of unmatched English sentences that `k` belongs to, owns
    them. (The mirror case — a lost source sentence next to a pair whose English is long — is not read this way: an
    English sentence that absorbed a lost one's place is what a partial omission looks like.)"""

    def unmatched(al: Alignment) -> bool:
        return not al.source and bool(al.target)

    lo = hi = k
    while lo > 0 and unmatched(alignments[lo - 1]):
        lo -= 1
    while hi + 1 < len(alignments) and unmatched(alignments[hi + 1]):
        hi += 1
    extra = sum(len(t.text) for al in alignments[lo : hi + 1] for t in al.target)
    for j in (lo - 1, hi + 1):
        if not 0 <= j < len(alignments):
            continue
        nb = alignments[j]
        if not nb.source or not nb.target:
            continue
        s = sum(len(x.text) for x in nb.source)
        t = sum(len(x.text) for x in nb.target)
        z0 = length_z(s, t)
        if z0 < -Z_NEIGHBOUR and abs(length_z(s, t + extra)) < abs(z0):
            return True
    return False


_EN_VERB = (
    r"(?:said|says|say|reported|reports|report|writes|wrote|noted|notes|stated|states|announced|announces|added|adds"
    r"|informed|informs|explained|explains|stressed|emphasi[sz]ed|told\s+[^,.;]{1,40})"
)
# «…, the State Emergency Service (SES) reports.», «…, the regulator said after a monetary policy meeting.»
_EN_TRAILING_CLAUSE = re_compile(r",\s+[^,;]{0,80}?\b" + _EN_VERB + r"\b[^,;.!?]{0,80}[.!?]?\s*$", re.I)
# «According to the ministry, …», «As the press service reported, …»
_EN_LEADING_CLAUSE = re_compile(r"^\W*(?:according to|as\s+[^,;]{1,60}?\b" + _EN_VERB + r")\b[^,;]{0,80},", re.I)


def en_attribution_chars(text: str) -> int:
    """The length of the attribution clauses of an English paragraph — a trailing «…, the regulator said after the
    meeting.» or a leading «According to the ministry, …» in any of its sentences (0 if none)."""
    from tqa.text.segment import split_sentences

    total = 0
    for a, b in split_sentences(text, "en") or ((0, len(text)),):
        sentence = text[a:b]
        for pattern in (_EN_TRAILING_CLAUSE, _EN_LEADING_CLAUSE):
            m = pattern.search(sentence)
            if m is not None:
                total += m.end() - m.start()
    return total


def folded_formulas(
    pair: AlignedPair, facts: StoryResidue, alignments: Sequence[Alignment] | None = None
) -> list[Segment]:
    """The source's attribution formulas (`is_attribution_formula`) that the English folds into a clause of another
    sentence (``…, the regulator said.``) — unless the sentence alignment pairs them with an English attribution
    sentence of their own («This was reported by …»): then they are translated as sentences."""
    if not pair.source or not pair.target:
        return []
    formulas = [s for p in pair.source if p.paragraph not in facts.source for s in p.sentences
                if is_attribution_formula(s.text)]
    if not formulas:
        return []
    if alignments is None:
        alignments = _sentence_alignments(pair)
    translated = {s for al in alignments if any(_is_en_attribution_sentence(t.text, opening=True) for t in al.target)
                  for s in al.source}
    english = pair.target_text
    return [s for s in formulas if s not in translated and _folded(s.text, english)]


def omitted_sentences(pair: AlignedPair, facts: StoryResidue) -> list[tuple[Alignment, int]]:
    """Source sentences of an aligned paragraph pair left without translation, confirmed by the paragraph lengths
    (the English paragraph is shorter than usual with them and fits the source better without them): (alignment,
    its index).

    When the English paragraph attributes (``…, the regulator said.``), the source's attribution formulas
    (`is_attribution_formula`: ``Про це йдеться у повідомленні регулятора.``) are folded into that clause: they are
    never reported themselves, and the lengths are compared without them and without the English attribution clause
    (`en_attribution_chars`) — a condensed or an expanded attribution must not "confirm" or hide a lost sentence."""
    if not pair.source or not pair.target:
        return []
    alignments = _sentence_alignments(pair)
    folded = folded_formulas(pair, facts, alignments)
    cands: list[tuple[Alignment, int]] = []
    for k, al in enumerate(alignments):
        if al.target or not al.source:
            continue
        text = " ".join(s.text for s in al.source)
        if classify_residue(text) or _letters(strip_residue(text)) < 20 or is_lead_in(text):
            continue
        if all(s in folded for s in al.source):
            continue  # folded into an English sentence: «…, the press service said.»
        cands.append((al, k))
    if not cands:
        return []
    s_chars = _content_chars(pair.source, facts.source)
    t_chars = _content_chars(pair.target, facts.target)
    if folded:  # compare the content without the attributions on both sides
        s_chars -= sum(len(s.text) for s in folded)
        t_chars -= min(en_attribution_chars(pair.target_text), t_chars // 2)
    o_chars = sum(len(s.text) for al, _k in cands for s in al.source)
    if s_chars - o_chars <= 0:
        return []
    z_with = length_z(s_chars, t_chars)
    z_without = length_z(s_chars - o_chars, t_chars)
    if z_with < -1.0 and abs(z_without) < abs(z_with):
        return cands
    return []


def _checked_pair(pair: AlignedPair, ctx: Context) -> AlignedPair | None:
    """The pair whose sentences TQA502 / TQA506 read: the pair itself, or for the source side of a crossed couple
    that is one partial translation (`_crossed_is_partial`) the 1-1 pair the couple forms; None for residue."""
    if pair.residue is not None:
        return None
    if pair.source and not pair.target:
        return _virtual_pair(pair, ctx) if _crossed_is_partial(pair, ctx) else None
    return pair


def _reported_omissions(pair: AlignedPair, ctx: Context) -> tuple[AlignedPair | None, list[tuple[Alignment, int]]]:
    """(the checked pair, its `omitted_sentences`), once per pair and story."""

    def compute():
        checked = _checked_pair(pair, ctx)
        return checked, (omitted_sentences(checked, story_residue(ctx.story)) if checked is not None else [])

    return _memo(ctx, ("omission.omitted", pair.index), compute)


def _selected(ctx: Context, rule: type[Rule]) -> bool:
    return _memo(ctx, ("omission.selected", rule.code),
                 lambda: rule in select_rules(ctx.config.select, ctx.config.ignore))


def in_omitted_sentence(pair: AlignedPair, ctx: Context, segment: int, offset: int) -> bool:
    """Does the number at offset `offset` of the pair's source paragraph `pair.source[segment]` belong to a source
    sentence that TQA502 (omitted-sentence) reports — it stands inside that sentence, or the sentence has the same
    number (numbers are compared by value, so which of two equal numbers is "the missing one" is arbitrary)? The
    numbers rules call this so that the figures of a lost sentence are reported once, by TQA502, not again one by one
    as missing numbers. False when TQA502 is not selected."""
    if segment >= len(pair.source) or not _selected(ctx, OmittedSentence):
        return False
    omitted = [s for al, _k in _reported_omissions(pair, ctx)[1] for s in al.source]
    if not omitted:
        return False
    seg = pair.source[segment]
    at = seg.span.start + offset
    if any(s.span.start <= at < s.span.end for s in omitted):
        return True
    m = _NUMBER.match(seg.text, offset)
    if m is None:
        return False
    value = _numbers(m.group())
    return any(value & _numbers(s.text) for s in omitted)


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
    gate = staticmethod(_gate_sentences)

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator:
        checked, found = _reported_omissions(pair, ctx)
        if not found or checked is None:
            return
        pair = checked
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
    gate = staticmethod(_gate_paragraphs)

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


Z_ADDED = 1.0  # an unmatched English sentence counts when the paragraph is this much longer than usual with it …
Z_ADDED_NEW_FACTS = 0.5  # … or this much when the sentence names people, places or figures the source does not have
_EVIDENCE = ("n:", "p:", "A:")  # anchor kinds that are facts: numbers, names, acronyms


_SENTENCE_START = re_compile(r"^(\W*)([A-Z])(?=[a-z])")


def _new_facts(sentences: Sequence[str], source: str) -> int:
    """How many numbers, names and acronyms of the English `sentences` the Ukrainian `source` does not have (the
    capital that starts a sentence does not make a name: «Officials declined…»)."""
    from tqa.align.anchors import features

    src = features(source, "uk").counts
    text = " ".join(_SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).lower(), x) for x in sentences)
    return sum(1 for k, _c in features(text, "en").anchors if k.startswith(_EVIDENCE) and k not in src)


def _translates_source(al: Alignment, alignments: Sequence[Alignment], pair: AlignedPair) -> bool:
    """Does the unmatched English sentence carry a number, month, name or acronym of the source that the rest of the
    English paragraph does not? Then it translates part of the source (a long source sentence rendered as several
    English ones, wordily), whatever the sentence aligner made of it."""
    from tqa.align.anchors import features, merge

    src = features(pair.source_text, "uk").counts
    if not src:
        return False
    rest = merge(*(features(t.text, "en") for other in alignments if other is not al for t in other.target))
    rest_counts = rest.counts if rest is not None else {}
    mine = features(" ".join(_SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).lower(), t.text)
                             for t in al.target), "en")
    return any(k.startswith(_EVIDENCE + ("m:",)) and src.get(k, 0) > rest_counts.get(k, 0) for k, _c in mine.anchors)


def added_sentences(pair: AlignedPair, facts: StoryResidue) -> list[tuple[Alignment, int]]:
    """English sentences of an aligned paragraph pair with no counterpart in the source (0-1 sentence alignments),
    confirmed by the paragraph lengths — the English is longer than usual with them and fits better without them —
    with a lower bar for sentences carrying numbers or names the source lacks (and, for sources under 80 characters,
    whose lengths vary too much, only those): (alignment, its index). Residue, lead-ins and attribution-only sentences
    (``This was reported by UNN.``, when the source attributes) are left out."""
    if not pair.source or not pair.target:
        return []
    alignments = _sentence_alignments(pair)
    if any(al.source and not al.target for al in alignments):
        # unmatched sentences on both sides: the sentence alignment crossed (one source sentence the aligner could
        # not pair with three English ones, say) — lengths decide, through TQA502 / TQA504 / TQA505
        return []
    cands: list[tuple[Alignment, int]] = []
    src_attributes: bool | None = None
    for k, al in enumerate(alignments):
        if al.source or not al.target:
            continue
        if any(t.paragraph in facts.target for t in al.target):
            continue
        text = " ".join(t.text for t in al.target)
        if classify_residue(text) or _letters(strip_residue(text)) < 20 or is_lead_in(text):
            continue
        if lone_en_attribution(text) is not None:
            continue
        if _is_en_attribution_sentence(text):
            if src_attributes is None:
                src_attributes = _uk_attributes(pair.source_text)
            if src_attributes:
                continue  # the source's attribution, split off as a sentence of its own
        if _owned_by_neighbour(alignments, k) or _translates_source(al, alignments, pair):
            continue
        cands.append((al, k))
    if not cands:
        return []
    s_chars = _content_chars(pair.source, facts.source)
    t_chars = _content_chars(pair.target, facts.target)
    if s_chars <= 0:
        return []
    z_with = length_z(s_chars, t_chars)
    out = []
    source_text = pair.source_text
    for al, k in cands:
        a_chars = sum(len(strip_residue(t.text)) for t in al.target)
        if t_chars - a_chars <= 0:
            continue
        z_without = length_z(s_chars, t_chars - a_chars)
        if abs(z_without) >= abs(z_with):
            continue
        new_facts = _new_facts([t.text for t in al.target], source_text)
        if not new_facts and s_chars < RATIO_MIN_SOURCE_CHARS:
            continue  # lengths of short sources vary too much to confirm anything on their own
        if z_with > (Z_ADDED_NEW_FACTS if new_facts else Z_ADDED):
            out.append((al, k))
    return out


def _reported_additions(pair: AlignedPair, ctx: Context) -> list[tuple[Alignment, int]]:
    def compute():
        checked = _checked_pair(pair, ctx)
        return added_sentences(checked, story_residue(ctx.story)) if checked is not None else []

    return _memo(ctx, ("omission.added", pair.index), compute)


@register
class AddedSentence(Rule):
    """## What it does
    Finds an English sentence with no counterpart in the source inside an otherwise matching paragraph (a 0-1
    sentence alignment that the paragraph lengths — or names and figures the source does not have — confirm).

    ## Why is this bad?
    A sentence the Ukrainian story does not have is either an editor's addition that needs checking, text pasted
    from another story, or a translation engine inventing facts; inside a paragraph it is easy to miss.

    ## Example
    Source: Уряд виділив 2 млрд грн на ремонт шкіл у прифронтових громадах. Роботи мають завершити до вересня.
    Bad: The government allocated UAH 2 billion for school repairs in frontline communities. The opposition called the decision a pre-election gift to the regions. The work is to be completed by September.
    Good: The government allocated UAH 2 billion for school repairs in frontline communities. The work is to be completed by September.
    """

    code = "TQA506"
    name = "added-sentence"
    category = "addition"
    severity = Severity.WARNING
    gate = staticmethod(_gate_sentences)

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator:
        for al, _k in _reported_additions(pair, ctx):
            text = " ".join(t.text for t in al.target)
            first, last = al.target[0], al.target[-1]
            if len(al.target) == 1:
                where: Span | Segment = first
            else:
                text_all = ctx.story.story.target.text[first.span.start : last.span.end]
                where = Span(first.span.line, first.span.column, last.span.end_line, last.span.end_column, text_all,
                             first.span.start, last.span.end)
            yield self.finding(
                f"English sentence has no counterpart in the source: «{_excerpt(text)}»",
                target=where,
                source=pair.source[0] if len(pair.source) == 1 else None,
                context=text,
            )


# -- length ratio --------------------------------------------------------------------------------------------------


def _length_facts(pair: AlignedPair, ctx: Context, facts: StoryResidue):
    """The pair the length rules judge (a lost-plus-added paragraph pair read as one), whether it is such a crossed
    pair, and its (source chars, target chars, z) or None — shared by TQA504 and TQA505 (computed once per pair)."""
    paragraphs = pair.paragraphs  # (read once: `source`/`target` are properties)
    if paragraphs.source and paragraphs.target:
        # a pair with both sides is never crossed (only 1-0 and 0-1 pairs have partners): it is judged itself
        key = ("omission.length", pair.index)
        cache = getattr(ctx, "cache", None)  # `Context.memo`'s own dict, read directly (no closure, no KeyError)
        if cache is None:
            return _memo(ctx, key, lambda: (pair, False, _ratio_facts(pair, facts, RATIO_MIN_SOURCE_CHARS)))
        found = cache.get(key)  # (a stored value is a tuple, never None)
        if found is None:
            found = cache[key] = (pair, False, _ratio_facts(pair, facts, RATIO_MIN_SOURCE_CHARS))
        return found
    crossed = crossed_partner(pair, ctx) is not None
    pair = _virtual_pair(pair, ctx)
    return pair, crossed, _ratio_facts(pair, facts, CROSSED_MIN_SOURCE_CHARS if crossed else RATIO_MIN_SOURCE_CHARS)


def _ratio_facts(
    pair: AlignedPair, facts: StoryResidue, min_chars: int = RATIO_MIN_SOURCE_CHARS
) -> tuple[int, int, float] | None:
    # (`facts` is `story_residue` of the pair's story, always: `_content_chars` may read its target tables)
    paragraphs = pair.paragraphs  # (read once: `source`/`target` are properties)
    source, target = paragraphs.source, paragraphs.target
    if not source or not target:
        return None
    s_chars = _content_chars(source, facts.source)
    t_chars = _content_chars(target, facts.target, facts.target_spans)
    if s_chars < min_chars or t_chars == 0 and all(p.paragraph in facts.target for p in target):
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
    gate = staticmethod(_gate_length)

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator:
        facts = story_residue(ctx.story)
        pair, crossed, rf = _length_facts(pair, ctx, facts)
        if rf is None:
            return
        s_chars, t_chars, z = rf
        folded = sum(len(x.text) for x in folded_formulas(pair, facts))
        if folded:  # «Про це йдеться у повідомленні …» → «…, the regulator said»: compare without them
            s_chars -= folded
            t_chars -= min(en_attribution_chars(pair.target_text), t_chars // 2)
            if s_chars < (CROSSED_MIN_SOURCE_CHARS if crossed else RATIO_MIN_SOURCE_CHARS):
                return
            z = length_z(s_chars, t_chars)
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
    the character ratio. Sources under 80 characters are skipped; an added sentence of its own is TQA506's.

    ## Why is this bad?
    Text far beyond what the source says is added material — a sentence from a neighbouring paragraph, an
    explanation the editor did not ask for, or MT repeating itself.

    ## Example
    Source: Уряд виділив два мільярди гривень на ремонт шкіл і лікарень у прифронтових громадах.
    Bad: The government allocated two billion hryvnias for the repair of schools and hospitals in frontline communities, a decision that the opposition criticised as a pre-election gift and that several mayors said would come too late for the new school year to start on time.
    Good: The government allocated two billion hryvnias for the repair of schools and hospitals in frontline communities.
    """

    code = "TQA505"
    name = "long-translation"
    category = "addition"
    severity = Severity.WARNING
    gate = staticmethod(_gate_length)

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator:
        facts = story_residue(ctx.story)
        pair, crossed, rf = _length_facts(pair, ctx, facts)
        if rf is None:
            return
        s_chars, t_chars, z = rf
        ratio = t_chars / s_chars
        if z < (Z_CROSSED if crossed else Z_LONG) or (ratio < RATIO_LONG and not crossed):
            return
        if added_sentences(pair, facts):
            return  # TQA506 names the added sentence
        lo, hi = _usual_range(s_chars)
        yield self.finding(
            f"English is much longer than the source (length ratio {ratio:.2f}; usual {lo:.2f}–{hi:.2f} for "
            f"{s_chars} source characters): text may have been added",
            target=_target_span(pair, ctx),
            source=pair.source[0] if len(pair.source) == 1 else None,
            context=pair.source_text,
        )
