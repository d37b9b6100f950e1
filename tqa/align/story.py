"""Story alignment: source paragraphs ↔ target paragraphs, then sentences inside each aligned paragraph group.

Document mode (`Story.mode == "document"`):

1. page residue is recognised first — every paragraph goes through `tqa.text.residue.classify_residue`, and a target
   paragraph identical to an earlier target paragraph is a ``repeated-headline`` when the source repeats no
   paragraph; residue can only come out unaligned (0-1 for the English copy, 1-0 for the source) and the pair
   carries the residue kind in `AlignedPair.residue`;
2. paragraphs are aligned by the banded Gale–Church DP of `tqa.align.dp` (1-1, 1-0, 0-1, 2-1, 1-2) with length and
   anchor costs (`tqa.align.cost`, `tqa.align.anchors`); a 2-1 (1-2) bead next to an unpaired target (source)
   paragraph is re-split into two 1-1 beads when the sentence alignment prefers that (`resplit_glued`): a lead
   that lost a sentence must not pull the headline's translation into its bead, leaving the headline "untranslated";
3. inside each paragraph group the sentences are aligned by the same DP with sentence priors; a group of one
   sentence on each side is a single 1-1 without running the DP.

Aligned mode (`Story.mode == "aligned"`): record i ↔ record i (1-1, score 1.0); an empty record stays in its pair
(so every paragraph, empty or not, is in exactly one pair; its sentences are aligned 1-0 / 0-1); sentence alignment
as above. If the counts ever differ, the extra records come out 1-0 / 0-1.

Every pair's `Alignment.score` is a confidence in [0, 1] derived from the bead cost; pairs are in reading order and
`AlignedPair.index` is the pair's position.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from tqa.align import dp
from tqa.align.anchors import EMPTY, Features, features, merge
from tqa.align.cost import PARAGRAPHS, SENTENCES, Params, bead_cost, confidence
from tqa.model import AlignedPair, AlignedStory, Alignment, Segment, Story
from tqa.patterns import compile as re_compile
from tqa.text import residue as _residue

__all__ = [
    "REPEATED_HEADLINE",
    "align_paragraphs",
    "align_sentences",
    "align_story",
    "resplit_glued",
    "residue_kinds",
]

REPEATED_HEADLINE = "repeated-headline"


def align_story(story: Story) -> AlignedStory:
    """Align a story's paragraphs and sentences (see the module docstring)."""
    if story.mode == "aligned":
        return _align_records(story)
    return _align_document(story)


# --- residue -----------------------------------------------------------------------------------------------------

_NORM_WS = re_compile(r"\s+")


def _dup_key(text: str) -> str:
    return _NORM_WS.sub(" ", text).strip(" \t.,;:!?…–—-\"'«»“”").lower()


def _classify(text: str) -> str | None:
    if not text.strip():
        return None
    return _classify_with(_residue.classify_residue, text)


@functools.lru_cache(maxsize=16384)
def _classify_with(classify, text: str) -> str | None:
    # Keyed by the function too, so that a replaced classifier (tests, plug-ins) never sees stale answers.
    try:
        return classify(text)
    except Exception:  # another module's bug must not stop alignment
        return None


def residue_kinds(source: Sequence[Segment], target: Sequence[Segment]) -> tuple[list[str | None], list[str | None]]:
    """The residue kind of every source and target paragraph (None for real text)."""
    src = [_classify(p.text) for p in source]
    tgt = [_classify(p.text) for p in target]
    src_keys = [_dup_key(p.text) for p in source]
    source_repeats = len(set(k for k in src_keys if k)) < len([k for k in src_keys if k])
    if not source_repeats:
        seen: set[str] = set()
        for j, p in enumerate(target):
            key = _dup_key(p.text)
            if not key or not any(c.isalpha() for c in key):
                continue
            if key in seen and tgt[j] is None:
                tgt[j] = REPEATED_HEADLINE
            seen.add(key)
    return src, tgt


# --- document mode -----------------------------------------------------------------------------------------------


def _features(segments: Sequence[Segment], language: str) -> list[Features]:
    return [features(s.text, language) for s in segments]


def align_paragraphs(
    source: Sequence[Segment],
    target: Sequence[Segment],
    source_language: str = "uk",
    target_language: str = "en",
    src_residue: Sequence[bool] | None = None,
    tgt_residue: Sequence[bool] | None = None,
    params: Params = PARAGRAPHS,
    extra=None,
) -> dp.Result:
    """The paragraph DP on segments (exposed for tests and benchmarks: `Result.cells` counts the cells visited).
    `extra` is an optional additional bead cost (see `tqa.align.draft`)."""
    return dp.align(
        _features(source, source_language), _features(target, target_language), params, src_residue, tgt_residue,
        extra=extra,
    )


def _align_document(story: Story) -> AlignedStory:
    sp, tp = story.source.paragraphs, story.target.paragraphs
    slang, tlang = story.source.language or "uk", story.target.language or "en"
    skinds, tkinds = residue_kinds(sp, tp)
    extra = None
    if story.draft and len(story.draft) == len(sp):
        from tqa.align.draft import draft_term

        extra = draft_term(story.draft, [t.text for t in tp])
    result = align_paragraphs(
        sp, tp, slang, tlang, [k is not None for k in skinds], [k is not None for k in tkinds], extra=extra
    )
    beads = resplit_glued(list(result.beads), sp, tp, slang, tlang, skinds, tkinds, extra)
    pairs: list[AlignedPair] = []
    for bead in beads:
        src = tuple(sp[bead.s0 : bead.s1])
        tgt = tuple(tp[bead.t0 : bead.t1])
        kind = None
        if not src and tkinds[bead.t0] is not None:
            kind = tkinds[bead.t0]
        elif not tgt and skinds[bead.s0] is not None:
            kind = skinds[bead.s0]
        score = confidence(bead.kind, bead.cost, PARAGRAPHS, residue=kind is not None)
        sentences = align_sentences(src, tgt, slang, tlang, score)
        pairs.append(AlignedPair(len(pairs), Alignment(src, tgt, score), sentences, kind))
    return AlignedStory(story, tuple(pairs))


# --- re-splitting glued beads -------------------------------------------------------------------------------------


def _sentence_cost(source: Sequence[Segment], target: Sequence[Segment], slang: str, tlang: str) -> float:
    """The cost of the best sentence alignment of a paragraph group (indels of every sentence if one side is empty)."""
    ss, ts = _sentences_of(source), _sentences_of(target)
    fs, ft = _features(ss, slang), _features(ts, tlang)
    if not fs or not ft:
        return sum(bead_cost("1-0", f, EMPTY, SENTENCES) for f in fs) + sum(
            bead_cost("0-1", EMPTY, f, SENTENCES) for f in ft
        )
    return dp.align(fs, ft, SENTENCES).total


def resplit_glued(
    beads: list[dp.Bead],
    sp: Sequence[Segment],
    tp: Sequence[Segment],
    slang: str = "uk",
    tlang: str = "en",
    skinds: Sequence[str | None] | None = None,
    tkinds: Sequence[str | None] | None = None,
    extra=None,
) -> list[dp.Bead]:
    """Second opinion on a 2-1 bead next to an unpaired target paragraph (0-1), or a 1-2 bead next to an unpaired
    source paragraph (1-0): the two 1-1 beads of the other reading replace them when the sentence alignment finds
    them cheaper. A paragraph that gained a sentence (or lost one) is longer (shorter) than usual; the paragraph DP
    may then prefer gluing its neighbour to it and leaving the neighbour's translation alone — a false "added
    paragraph" next to the real addition. Sentences see what paragraph lengths cannot: the neighbour's sentences
    match the lone paragraph one for one."""
    out: list[dp.Bead] = []
    i = 0
    n = len(beads)

    def real(kinds: Sequence[str | None] | None, k: int) -> bool:
        return kinds is None or kinds[k] is None

    while i < n:
        b = beads[i]
        done = False
        for j in (i + 1, i - 1):
            if done or not 0 <= j < n or (j == i - 1 and (not out or out[-1] is not beads[j])):
                continue
            c = beads[j]
            if b.kind == "2-1" and c.kind == "0-1" and real(tkinds, c.t0):
                s_mid = b.s0 + 1
                if j > i:  # [s1 s2]→t, ∅→t'  ⇒  s1→t, s2→t'
                    alt = ((b.s0, s_mid, b.t0, b.t1), (s_mid, b.s1, c.t0, c.t1))
                else:  # ∅→t', [s1 s2]→t  ⇒  s1→t', s2→t
                    alt = ((b.s0, s_mid, c.t0, c.t1), (s_mid, b.s1, b.t0, b.t1))
            elif b.kind == "1-2" and c.kind == "1-0" and real(skinds, c.s0):
                t_mid = b.t0 + 1
                if j > i:  # s→[t1 t2], s'→∅  ⇒  s→t1, s'→t2
                    alt = ((b.s0, b.s1, b.t0, t_mid), (c.s0, c.s1, t_mid, b.t1))
                else:  # s'→∅, s→[t1 t2]  ⇒  s'→t1, s→t2
                    alt = ((c.s0, c.s1, b.t0, t_mid), (b.s0, b.s1, t_mid, b.t1))
            else:
                continue
            glued = _sentence_cost(sp[b.s0 : b.s1], tp[b.t0 : b.t1], slang, tlang) + _sentence_cost(
                sp[c.s0 : c.s1], tp[c.t0 : c.t1], slang, tlang
            )
            split = sum(_sentence_cost(sp[a0:a1], tp[c0:c1], slang, tlang) for a0, a1, c0, c1 in alt)
            if split >= glued:
                continue
            new = []
            for a0, a1, c0, c1 in alt:
                cost = bead_cost("1-1", merge(*_features(sp[a0:a1], slang)), merge(*_features(tp[c0:c1], tlang)),
                                 PARAGRAPHS)
                if extra is not None:
                    cost += extra(a0, a1, c0, c1)
                new.append(dp.Bead(a0, a1, c0, c1, cost))
            if j < i:
                out.pop()
                out.extend(new)
                i += 1
            else:
                out.extend(new)
                i += 2
            done = True
        if not done:
            out.append(b)
            i += 1
    return out


# --- sentences ---------------------------------------------------------------------------------------------------


def _sentences_of(paragraphs: Sequence[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for p in paragraphs:
        if p.sentences:
            out.extend(p.sentences)
        elif p.text.strip():  # a paragraph built without sentence segments: treat it as one sentence
            out.append(p)
    return out


def align_sentences(
    source: Sequence[Segment],
    target: Sequence[Segment],
    source_language: str = "uk",
    target_language: str = "en",
    score: float = 1.0,
) -> tuple[Alignment, ...]:
    """Sentence alignments inside one paragraph group; every sentence is in exactly one alignment. `score` is used
    where nothing is left to decide (one sentence on each side, or one side empty)."""
    if len(source) == 1 and len(target) == 1 and len(source[0].sentences) == 1 and len(target[0].sentences) == 1:
        # the commonest pair (one one-sentence paragraph on each side): what the general path below returns
        return (Alignment(source[0].sentences, target[0].sentences, score),)
    ss, ts = _sentences_of(source), _sentences_of(target)
    if not ss and not ts:
        return ()
    if not ts:
        return tuple(Alignment((s,), (), score) for s in ss)
    if not ss:
        return tuple(Alignment((), (t,), score) for t in ts)
    if len(ss) == 1 and len(ts) == 1:
        return (Alignment((ss[0],), (ts[0],), score),)
    beads = _sentence_beads(
        tuple([features(s.text, source_language) for s in ss]), tuple([features(t.text, target_language) for t in ts])
    )
    return tuple(Alignment(tuple(ss[s0:s1]), tuple(ts[t0:t1]), score) for s0, s1, t0, t1, score in beads)


@functools.lru_cache(maxsize=8192)
def _sentence_beads(fs: tuple[Features, ...], ft: tuple[Features, ...]) -> tuple[tuple[int, int, int, int, float], ...]:
    """(s0, s1, t0, t1, confidence) of every bead of the sentence DP: a pure function of the feature values (the
    DP reads nothing else), cached by them — MT systems often write the same sentences, and the source is the same
    for every system."""
    return tuple(
        [(s0, s1, t0, t1, confidence(f"{s1 - s0}-{t1 - t0}", cost, SENTENCES))  # f"…" = Bead.kind
         for s0, s1, t0, t1, cost in dp.plain_path(fs, ft, SENTENCES)]
    )


# --- aligned (record) mode ---------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _record_kinds(classify, texts: tuple[str, ...]) -> tuple[str | None, ...]:
    """`_classify` of every text: a source file checked against several targets is classified once (keyed by the
    texts themselves and by the classifier, as `_classify_with`)."""
    return tuple(_classify_with(classify, text) if text.strip() else None for text in texts)


@functools.lru_cache(maxsize=8)
def _not_real_records(kinds: tuple[str | None, ...], texts: tuple[str, ...]) -> tuple[bool, ...]:
    """Per source record: residue or blank (`_align_records` then asks what the target record is)."""
    return tuple([kind is not None or not text.strip() for kind, text in zip(kinds, texts)])


def _align_records(story: Story) -> AlignedStory:
    sp, tp = story.source.paragraphs, story.target.paragraphs
    slang, tlang = story.source.language or "uk", story.target.language or "en"
    s_texts = tuple([p.text for p in sp])
    s_kinds = _record_kinds(_residue.classify_residue, s_texts)
    s_not_real = _not_real_records(s_kinds, s_texts)
    pairs: list[AlignedPair] = []
    append = pairs.append
    both = min(len(sp), len(tp))
    new_alignment, new_pair = Alignment, AlignedPair  # (local names: the loop runs once per record)
    for i, s_par, t_par in zip(range(both), sp, tp):
        # record i on both sides (every record of a well-formed file): the general loop below, specialised
        # A record is residue only if nothing real is paired with it: residue on one side and nothing (or residue)
        # on the other. (With real source text the kind is None whatever the target:
        # the target's own kind is asked only beside residue or a blank, and a blank target takes the source's, None.)
        kind = None
        if s_not_real[i]:
            if t_par.text.strip():
                kind = _classify(t_par.text)
            else:
                kind = s_kinds[i]
        s_sents = s_par.sentences
        t_sents = t_par.sentences
        if len(s_sents) == 1 and len(t_sents) == 1:
            # one one-sentence record on each side (most records): what align_sentences' first test returns
            append(new_pair(i, new_alignment((s_par,), (t_par,), 1.0), (new_alignment(s_sents, t_sents, 1.0),), kind))
        else:
            s = (s_par,)
            t = (t_par,)
            append(new_pair(i, new_alignment(s, t, 1.0), align_sentences(s, t, slang, tlang, 1.0), kind))
    for i in range(both, max(len(sp), len(tp))):
        s = (sp[i],) if i < len(sp) else ()
        t = (tp[i],) if i < len(tp) else ()
        s_text = s[0].text if s else ""
        t_text = t[0].text if t else ""
        kind = None
        s_kind = s_kinds[i] if s else None
        if t_text.strip():
            if not s_text.strip() or s_kind is not None:
                kind = _classify(t_text)
        else:
            kind = s_kind
        append(AlignedPair(i, Alignment(s, t, 1.0), align_sentences(s, t, slang, tlang, 1.0), kind))
    return AlignedStory(story, tuple(pairs))
