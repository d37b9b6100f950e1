"""4xx: web-page residue in the English copy (category ``boilerplate``).

The text patterns live in `tqa.text.residue`; this module adds what only the story can tell:

* the aligner's verdict (`AlignedPair.residue` on unpaired paragraphs, e.g. ``repeated-headline``);
* a paragraph repeating an earlier one of the same copy (a page headline pasted twice) that the source does not
  repeat;
* a short title-like or label line (``Join the discussion:``) with no source counterpart, next to other page residue
  at the top or the bottom of the copy (a rubric or navigation line that no vocabulary lists);
* whether the source carries the same residue ("mirrored": ``- DW - 09.02.2023`` in both headlines, ``Read also``
  lines on both pages) — reported at ``info`` severity, since it came with the page rather than the translation.

`story_residue(aligned_story)` computes this once per story; the omission and addition checks use it too, so that
residue never counts as an omitted or added paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from tqa.checks.base import Context, Rule, register
from tqa.model import AlignedPair, AlignedStory, Finding, Fix, Segment, Severity
from tqa.patterns import compile as re_compile
from tqa.text.residue import _spans, classify_residue, is_lead_in, looks_title_like

__all__ = [
    "CreditLine",
    "GluedResidue",
    "PageChrome",
    "ReadAlsoLine",
    "RepeatedHeadline",
    "StoryResidue",
    "story_residue",
]

_LABELS = {
    "exchange-rate-widget": "an exchange-rate widget",
    "view-counter": "a view counter",
    "dateline": "a dateline with the agency's name",
    "timestamp": "a date/time stamp",
    "teaser": "a related-news teaser",
    "navigation": "a navigation or rubric line",
    "read-also": "a 'Read also' link line",
    "photo-credit": "a photo credit or caption label",
    "copyright": "a copyright footer",
    "social-prompt": "a subscribe/share prompt",
    "advertisement": "an advertising label",
    "source-tag": "a source or agency tag",
    "byline": "an author, translator or editor byline",
    "page-info": "page information (reading time, comment count)",
    "repeated-headline": "a repeated headline",
}

_MIN_REPEAT_WORDS = 4
_MIN_REPEAT_CHARS = 20


def _label(kind: str) -> str:
    return _LABELS.get(kind, f"page residue ({kind})")


def _excerpt(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _repeat_key(text: str) -> str | None:
    words = re.findall(r"\w+", text.lower())
    if len(words) < _MIN_REPEAT_WORDS or len(text) < _MIN_REPEAT_CHARS:
        return None
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class StoryResidue:
    """Residue facts for one aligned story. Keys are paragraph indices of the source or target document."""

    source: dict[int, str] = field(default_factory=dict)  # whole-paragraph residue kind
    target: dict[int, str] = field(default_factory=dict)
    target_spans: dict[int, tuple[tuple[int, int, str], ...]] = field(default_factory=dict)
    mirrored: frozenset[int] = frozenset()  # target paragraphs whose residue the source carries too
    mirrored_spans: frozenset[tuple[int, int]] = frozenset()  # (target paragraph, span start)
    repeats: dict[int, int] = field(default_factory=dict)  # target paragraph → the earlier paragraph it repeats

    def source_kind(self, segment: Segment) -> str | None:
        return self.source.get(segment.paragraph)

    def target_kind(self, segment: Segment) -> str | None:
        return self.target.get(segment.paragraph)


def _repeats(paragraphs: tuple[Segment, ...], kinds: dict[int, str]) -> dict[int, int]:
    seen: dict[str, int] = {}
    out: dict[int, int] = {}
    for p in paragraphs:
        if kinds.get(p.paragraph, "repeated-headline") != "repeated-headline":
            continue
        key = _repeat_key(p.text)
        if key is None:
            continue
        if key in seen:
            out[p.paragraph] = seen[key]
        else:
            seen[key] = p.paragraph
    return out


_LABEL_LINE = re_compile(r"^[^\W\d_][\w'’ -]{0,30}[:：](?:\s+\S.*)?$")


def _short_page_line(text: str) -> bool:
    """An unmatched line that has the shape of page chrome: title-like (≤ 5 words, no final punctuation, no sentence
    verbs) or a short label line (``Listen to the story:``, ``Follow the topic: war``)."""
    t = text.strip()
    if is_lead_in(t):
        return False
    if looks_title_like(t, max_words=5):
        return True
    words = t.split()
    return (
        1 <= len(words) <= 5
        and len(t) <= 60
        and t[0].isupper()
        and t[-1] not in ".!?…"
        and bool(_LABEL_LINE.match(t))
    )


def _contextual_navigation(story: AlignedStory, kinds_src: dict[int, str], kinds_tgt: dict[int, str]) -> None:
    """Title-like unpaired lines next to page residue before the first or after the last content pair."""
    content = [
        pr.index
        for pr in story.pairs
        if pr.source
        and pr.target
        and any(p.paragraph not in kinds_src for p in pr.source)
        and any(p.paragraph not in kinds_tgt for p in pr.target)
    ]
    if not content:
        return
    first, last = content[0], content[-1]
    for side, kinds, doc in (
        ("target", kinds_tgt, story.story.target),
        ("source", kinds_src, story.story.source),
    ):
        candidates: list[Segment] = []
        for pr in story.pairs:
            if first <= pr.index <= last:
                continue
            mine = pr.target if side == "target" else pr.source
            other = pr.source if side == "target" else pr.target
            if other or len(mine) != 1:
                continue
            seg = mine[0]
            if seg.paragraph not in kinds and _short_page_line(seg.text):
                candidates.append(seg)
        n = len(doc.paragraphs)
        changed = True
        while changed and candidates:
            changed = False
            for seg in list(candidates):
                i = seg.paragraph
                if (i > 0 and i - 1 in kinds) or (i + 1 < n and i + 1 in kinds):
                    kinds[i] = "navigation"
                    candidates.remove(seg)
                    changed = True


def _translated_residue(story: AlignedStory, kinds_src: dict[int, str], kinds_tgt: dict[int, str]) -> set[int]:
    """Unpaired English paragraphs that translate an unpaired source residue line next to them without its marker
    (``Читайте також: X`` → ``X``; a photo caption without ``Фото:``): they take the source line's kind."""
    from tqa.checks.omission import length_z  # the uk→en length model (omission imports this module)

    out: set[int] = set()
    used: set[int] = set()
    pairs = story.pairs
    for pr in pairs:
        if pr.source or len(pr.target) != 1 or pr.target[0].paragraph in kinds_tgt:
            continue
        tgt = pr.target[0]
        best: tuple[float, int, Segment] | None = None
        for j in (pr.index - 1, pr.index + 1):
            if not 0 <= j < len(pairs) or j in used:
                continue
            other = pairs[j]
            if other.target or len(other.source) != 1 or other.source[0].paragraph not in kinds_src:
                continue
            text = other.source[0].text
            marker = text.find(":", 0, 30)  # "Читайте також: X" translated as "X"
            z = min(abs(length_z(len(text), len(tgt.text))),
                    abs(length_z(max(len(text) - marker - 1, 1), len(tgt.text))) if marker > 0 else 99.0)
            if z <= 3.0 and (best is None or z < best[0]):
                best = (z, j, other.source[0])
        if best is not None:
            used.add(best[1])
            kinds_tgt[tgt.paragraph] = kinds_src[best[2].paragraph]
            out.add(tgt.paragraph)
    return out


def _compute(story: AlignedStory) -> StoryResidue:
    src_doc, tgt_doc = story.story.source, story.story.target
    document_mode = story.story.mode != "aligned"
    kinds_src: dict[int, str] = {}
    kinds_tgt: dict[int, str] = {}
    classify = classify_residue
    for p in src_doc.paragraphs:
        k = classify(p.text)
        if k:
            kinds_src[p.paragraph] = k
    # the glued spans of every target paragraph whose own kind is None or "teaser" (filtered below, once the story
    # context has settled the kinds: the same spans, computed in this loop)
    spans_of: dict[int, tuple[tuple[int, int, str], ...]] = {}
    for p in tgt_doc.paragraphs:
        text = p.text
        k = classify(text)
        if k:
            kinds_tgt[p.paragraph] = k
        if k is None or k == "teaser":
            sp = _spans(text)  # residue_spans(p.text) as the cached tuple (no list copy)
            if sp:
                spans_of[p.paragraph] = sp
    # the aligner's verdict on unpaired paragraphs
    for pr in story.pairs:
        if pr.residue:
            if pr.target and not pr.source:
                for p in pr.target:
                    kinds_tgt.setdefault(p.paragraph, pr.residue)
            elif pr.source and not pr.target:
                for p in pr.source:
                    kinds_src.setdefault(p.paragraph, pr.residue)
    repeats: dict[int, int] = {}
    src_repeats: dict[int, int] = {}
    if document_mode:
        src_repeats = _repeats(src_doc.paragraphs, kinds_src)
        for i in src_repeats:
            kinds_src[i] = "repeated-headline"
        repeats = _repeats(tgt_doc.paragraphs, kinds_tgt)
        for i in repeats:
            kinds_tgt[i] = "repeated-headline"
        # the aligner's repeated headlines: name the earlier paragraph too
        for i, k in kinds_tgt.items():
            if k == "repeated-headline" and i not in repeats:
                key = _repeat_key(tgt_doc.paragraphs[i].text) if i < len(tgt_doc.paragraphs) else None
                for q in tgt_doc.paragraphs[:i]:
                    if key is not None and _repeat_key(q.text) == key:
                        repeats[i] = q.paragraph
                        break
        _contextual_navigation(story, kinds_src, kinds_tgt)
        translated = _translated_residue(story, kinds_src, kinds_tgt)
    else:
        translated = set()

    # residue glued inside target paragraphs that are not residue as a whole (a teaser keeps its glued stamp)
    spans_tgt: dict[int, tuple[tuple[int, int, str], ...]] = {}
    for i, sp in spans_of.items():
        k = kinds_tgt.get(i)
        if k is None or k == "teaser":
            spans_tgt[i] = sp

    if not kinds_tgt and not spans_tgt:
        # no residue in the target: nothing below can be mirrored (both loops run over target residue only)
        return StoryResidue(kinds_src, kinds_tgt, spans_tgt, frozenset(), frozenset(), repeats)

    # mirrored residue: the source has the same kind in the same pair, or (document mode) at least as many
    # (the last pair holding a paragraph wins, as in a loop; `paragraphs.target` is what the `target` property reads)
    pair_of_tgt: dict[int, AlignedPair] = {p.paragraph: pr for pr in story.pairs for p in pr.paragraphs.target}
    src_count: dict[str, int] = {}
    for k in kinds_src.values():
        src_count[k] = src_count.get(k, 0) + 1
    src_span_count: dict[str, int] = {}
    src_span_kinds_by_para: dict[int, set[str]] = {}
    if spans_tgt and not document_mode:
        # (only the glued-span loop below reads these, and without document mode it reads no counts and only the
        # kinds of the source paragraphs paired with a glued target span: computed for those, the same way)
        src_by_number = {p.paragraph: p for p in src_doc.paragraphs}

        def src_span_kinds(number: int) -> set[str] | tuple[()]:
            ks = src_span_kinds_by_para.get(number)
            if ks is None:
                p = src_by_number.get(number)
                if p is None:
                    return ()
                ks = {k for _s, _e, k in _spans(p.text)}
                if number in kinds_src:
                    ks.add(kinds_src[number])
                src_span_kinds_by_para[number] = ks
            return ks
    elif spans_tgt:  # (only the glued-span loop below reads these)
        for p in src_doc.paragraphs:
            sp = _spans(p.text)  # residue_spans(p.text) as the cached tuple, read once for both tables
            ks = {k for _s, _e, k in sp}
            if p.paragraph in kinds_src:
                ks.add(kinds_src[p.paragraph])
            src_span_kinds_by_para[p.paragraph] = ks
            for _s, _e, k in sp:
                src_span_count[k] = src_span_count.get(k, 0) + 1

    mirrored: set[int] = set()
    seen_kind: dict[str, int] = {}
    for i in sorted(kinds_tgt):
        k = kinds_tgt[i]
        seen_kind[k] = seen_kind.get(k, 0) + 1
        pr = pair_of_tgt.get(i)
        same_pair = bool(pr) and any(kinds_src.get(s.paragraph) == k for s in pr.source)
        if same_pair or i in translated or (document_mode and seen_kind[k] <= src_count.get(k, 0)):
            mirrored.add(i)
    mirrored_spans: set[tuple[int, int]] = set()
    seen_span: dict[str, int] = {}
    for i in sorted(spans_tgt):
        pr = pair_of_tgt.get(i)
        for s, _e, k in spans_tgt[i]:
            seen_span[k] = seen_span.get(k, 0) + 1
            if document_mode:
                same_pair = bool(pr) and any(k in src_span_kinds_by_para.get(sp.paragraph, ()) for sp in pr.source)
            else:
                same_pair = bool(pr) and any(k in src_span_kinds(sp.paragraph) for sp in pr.source)
            if same_pair or (document_mode and seen_span[k] <= src_span_count.get(k, 0)):
                mirrored_spans.add((i, s))
    return StoryResidue(
        kinds_src, kinds_tgt, spans_tgt, frozenset(mirrored), frozenset(mirrored_spans), repeats
    )


# The last story's facts, as one (story, facts) tuple swapped atomically: the rules of one story share them.
_CACHE: list[tuple[AlignedStory, StoryResidue] | None] = [None]


def story_residue(story: AlignedStory) -> StoryResidue:
    """The residue facts of `story` (computed once per story object; the result depends only on the story)."""
    cached = _CACHE[0]
    if cached is not None and cached[0] is story:
        return cached[1]
    result = _compute(story)
    _CACHE[0] = (story, result)
    return result


_MIRROR_NOTE = " (the source page carries the same element: it came with the page, not with the translation)"


def _has_whole_residue(story: AlignedStory) -> bool:
    """The story gate of the whole-paragraph rules: their `check` returns at once when this is False."""
    return bool(story_residue(story).target)


def _has_glued_residue(story: AlignedStory) -> bool:
    """The story gate of TQA402: its `check` returns at once when this is False."""
    return bool(story_residue(story).target_spans)


class _WholeParagraphRule(Rule):
    kinds: frozenset[str] = frozenset()
    on_residue = True
    story_gate = staticmethod(_has_whole_residue)

    def _wanted(self, kind: str, seg: Segment, facts: StoryResidue) -> bool:
        return kind in self.kinds

    def check(self, pair: AlignedPair, ctx: Context) -> Iterable[Finding]:
        facts = story_residue(ctx.story)  # (the engine calls this rule only in stories its story gate lets through)
        if not facts.target:
            return ()  # no whole-paragraph residue in this story (most stories): nothing to report
        return self._check(pair, facts)

    def _check(self, pair: AlignedPair, facts: StoryResidue) -> Iterator[Finding]:
        for seg in pair.target:
            kind = facts.target_kind(seg)
            if kind is None or not self._wanted(kind, seg, facts):
                continue
            mirrored = seg.paragraph in facts.mirrored
            yield self.finding(
                self._message(kind, seg, facts) + (_MIRROR_NOTE if mirrored else ""),
                target=seg,
                fix=Fix("remove the line", ""),
                severity=Severity.INFO if mirrored else None,
                context=f"{kind}|{seg.text}",
            )

    def _message(self, kind: str, seg: Segment, facts: StoryResidue) -> str:
        return f"web-page residue in the English copy, {_label(kind)}: '{_excerpt(seg.text)}'; remove it"


_PAGE_CHROME_KINDS = frozenset(
    {
        "exchange-rate-widget",
        "view-counter",
        "dateline",
        "timestamp",
        "navigation",
        "social-prompt",
        "advertisement",
        "source-tag",
    }
)
_OTHER_KINDS = frozenset({"teaser", "read-also", "photo-credit", "copyright", "repeated-headline"})


@register
class PageChrome(_WholeParagraphRule):
    """## What it does
    Finds paragraphs of the English copy that are web-page chrome rather than story text: exchange-rate widgets
    (`$43.230.13`), view counters (`• 126 views`), a dateline with the agency's name (`Kyiv • UNN`), date/time
    stamps (`02.03.26, 15:55`, `31 minutes ago`), rubric and navigation lines, subscribe/share prompts, advertising
    labels, page-title source tags, page labels and bylines (`Share:`, `Source: Ukrinform`, `Author: …`, `Tags: …`,
    `Reading time: 2 min`, `Comments (0)`) and an agency's name alone on a line. Residue that the source page
    carries too is reported as info.

    ## Why is this bad?
    Copy taken from a web page brings the page's widgets along; published as is, the story opens with currency
    rates and counters that no reader of the English text should see.

    ## Example
    Source: Уряд ухвалив постанову про підтримку фермерів прифронтових громад.
    Bad: $41.870.05¶The government adopted a resolution to support farmers in frontline communities.
    Bad: Odesa • UNN¶The government adopted a resolution to support farmers in frontline communities.
    Good: The government adopted a resolution to support farmers in frontline communities.
    """

    code = "TQA401"
    name = "page-chrome"
    category = "boilerplate"
    severity = Severity.WARNING

    def _wanted(self, kind: str, seg: Segment, facts: StoryResidue) -> bool:
        if kind == "teaser":  # reported by TQA402 on its glued stamp, unless no stamp could be located
            return not facts.target_spans.get(seg.paragraph)
        return kind in _PAGE_CHROME_KINDS or kind not in _OTHER_KINDS


@register
class GluedResidue(Rule):
    """## What it does
    Finds web-page residue glued inside a paragraph: a related-news teaser's date, time and view count stuck to the
    end of a sentence (`…as an ally02.03.26, 15:55 • 5350 views`), a page-title source tag after a headline
    (`- DW - 09.02.2023`), an inline view counter (`• 126 views`, `👁 2 341`, `Views: 1,204`), a `Read also:` tail,
    a `Source: …` or `Photo: …` label after the last sentence. Only the glued piece is flagged, with a fix that
    removes it.

    ## Why is this bad?
    The glued piece is invisible in a quick read of the paragraph but ends up in print; its numbers also confuse
    every comparison of figures with the source.

    ## Example
    Source: Міністр наголосив, що ціни на пальне стабілізуються до кінця місяця.
    Bad: The minister stressed that fuel prices would stabilise by the end of the month14.05.25, 09:12 • 2214 views
    Good: The minister stressed that fuel prices would stabilise by the end of the month.
    """

    code = "TQA402"
    name = "glued-residue"
    category = "boilerplate"
    severity = Severity.WARNING
    on_residue = True
    story_gate = staticmethod(_has_glued_residue)

    def check(self, pair: AlignedPair, ctx: Context) -> Iterable[Finding]:
        facts = story_residue(ctx.story)  # (the engine calls this rule only in stories its story gate lets through)
        if not facts.target_spans:
            return ()  # no glued residue in this story: nothing to report
        return self._check(pair, facts)

    def _check(self, pair: AlignedPair, facts: StoryResidue) -> Iterator[Finding]:
        for seg in pair.target:
            spans = facts.target_spans.get(seg.paragraph, ())
            whole = facts.target_kind(seg)
            for start, end, kind in spans:
                mirrored = (seg.paragraph, start) in facts.mirrored_spans
                piece = seg.text[start:end].strip()
                msg = f"{_label(kind)} glued into the paragraph: '{_excerpt(piece)}'; remove it"
                if kind == "teaser" and whole == "teaser" and not pair.source and not mirrored:
                    head = seg.text[:start].strip()
                    if head:
                        msg += f" (the text before it, '{_excerpt(head, 60)}', looks like the teaser's headline " \
                               "and has no counterpart in the source)"
                if mirrored:
                    msg += _MIRROR_NOTE
                yield self.finding(
                    msg,
                    target=seg.sub_span(start, end),
                    fix=Fix(f"remove {_label(kind)}", ""),
                    severity=Severity.INFO if mirrored else None,
                    context=f"{kind}|{seg.text}",
                )


@register
class RepeatedHeadline(_WholeParagraphRule):
    """## What it does
    Finds a paragraph of the English copy that repeats an earlier one word for word when the source does not
    repeat it — typically the page headline pasted a second time above the story body.

    ## Why is this bad?
    The reader sees the same headline twice; an editor has to spot and delete it by hand.

    ## Example
    Source: Уряд продовжив програму пільгової іпотеки до кінця року¶Кабінет міністрів ухвалив відповідне рішення в середу.
    Bad: Government extends affordable mortgage programme until end of year¶Government extends affordable mortgage programme until end of year¶The Cabinet of Ministers adopted the decision on Wednesday.
    Good: Government extends affordable mortgage programme until end of year¶The Cabinet of Ministers adopted the decision on Wednesday.
    """

    code = "TQA403"
    name = "repeated-headline"
    category = "boilerplate"
    severity = Severity.WARNING
    kinds = frozenset({"repeated-headline"})

    def _message(self, kind: str, seg: Segment, facts: StoryResidue) -> str:
        earlier = facts.repeats.get(seg.paragraph)
        where = f" (paragraph {earlier + 1})" if earlier is not None else ""
        return f"paragraph repeats an earlier one{where}: '{_excerpt(seg.text)}'; remove the duplicate"


@register
class ReadAlsoLine(_WholeParagraphRule):
    """## What it does
    Finds `Read also:` / `See also:` lines (links to other stories of the site) in the English copy.

    ## Why is this bad?
    The link line belongs to the web page's layout: pasted into the story it interrupts the text with a headline
    of another story. Lines that the source carries too are reported as info.

    ## Example
    Source: Кабінет міністрів ухвалив відповідне рішення в середу.
    Bad: The Cabinet of Ministers adopted the decision on Wednesday.¶Read also: Bread prices rise in Kyiv region
    Good: The Cabinet of Ministers adopted the decision on Wednesday.
    """

    code = "TQA404"
    name = "read-also-line"
    category = "boilerplate"
    severity = Severity.WARNING
    kinds = frozenset({"read-also"})


@register
class CreditLine(_WholeParagraphRule):
    """## What it does
    Finds photo credits and caption labels (`Photo: …`, `Photo by …`, `Photo caption,`) and copyright footers
    (`© …`, `All rights reserved`) standing as paragraphs of the English copy.

    ## Why is this bad?
    Credits and footers are page furniture: inside the story text they read as stray sentences. Lines that the
    source carries too are reported as info.

    ## Example
    Source: Кабінет міністрів ухвалив відповідне рішення в середу.
    Bad: Photo: Cabinet of Ministers press service¶The Cabinet of Ministers adopted the decision on Wednesday.
    Bad: The Cabinet of Ministers adopted the decision on Wednesday.¶© 2025 All rights reserved
    Good: The Cabinet of Ministers adopted the decision on Wednesday.
    """

    code = "TQA405"
    name = "credit-line"
    category = "boilerplate"
    severity = Severity.WARNING
    kinds = frozenset({"photo-credit", "copyright"})
