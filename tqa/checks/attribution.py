"""2xx: attribution markers — who said the quoted words, and where the English says it.

Ukrainian agency copy attributes a quote after it with a dash (``«…», – пише видання.``), often as a paragraph of its
own after a long quote; copied literally, the English gets a stray ``- the publication writes.`` line or a dash glued
inside a paragraph. These rules compare the English with the Ukrainian attribution (`tqa.text.speech`).
"""

from __future__ import annotations

from collections.abc import Iterator

from tqa.checks.base import Context, Rule, register
from tqa.model import AlignedPair, AlignedStory, Finding, Fix, Segment, Severity, Span
from tqa.patterns import compile as re_compile
from tqa.text import speech
from tqa.text.speech import EnClause

__all__ = ["AttributionMissing", "AttributionSpeaker", "DetachedAttribution", "join_attribution"]

_OPEN_QUOTE_START = re_compile(r"^\s*[«„“\"]")


_TRAILING = re_compile(r"(?P<p1>[.,!?…:;]*)\s*(?P<q>[\"”»’']?)(?P<p2>[.,!?…:;]*)\s*$")


def join_attribution(
    quote_text: str, attribution: str, final: str, *, add_quotes: bool, style: tuple[str, str] = ('"', '"')
) -> tuple[int, str]:
    """Join an attribution to the end of the text it attributes, English style.

    Returns ``(cut, replacement)``: ``quote_text[cut:]`` plus the detached attribution are to be replaced by
    `replacement`. The quote's final period becomes a comma inside the closing quotation mark (``them." / - the
    publication writes.`` → ``them," the publication writes.``); ``?``/``!``/``…`` stay. An opening quotation mark the
    English never closed is closed; when `add_quotes` is set and the English has no quotation marks, the whole text is
    put in quotation marks (``cut`` is 0 then).
    """
    open_q, close_q = style
    body = quote_text.rstrip()
    m = _TRAILING.search(body)
    assert m is not None  # the pattern matches the empty string
    core = body[: m.start()]
    punct = (m.group("p1") + m.group("p2")).replace(",", "").replace(";", "").replace(":", "")
    keep = punct[-1] if punct and punct[-1] in "?!…" else ","
    if punct.endswith("..."):
        keep = "..."
    marks = sum(speech.quote_counts(core).values())
    if m.group("q"):
        cut, joined = m.start(), core + keep + m.group("q")
    elif marks % 2 == 1:
        cut, joined = m.start(), core + keep + close_q  # close the quote the English opened
    elif add_quotes and not speech.has_double_quotes(core):
        cut = len(core) - len(core.lstrip())
        joined = core[:cut] + open_q + core[cut:] + keep + close_q
    else:
        cut, joined = m.start(), core + keep
    return cut, joined[cut:] + " " + attribution + final


def _span_between(doc_text: str, first: Segment, start_in_first: int, last: Segment) -> Span:
    """A span from `start_in_first` inside paragraph `first` to the end of paragraph `last` (several lines)."""
    head = first.sub_span(start_in_first, start_in_first)
    start, end = head.start, last.span.end
    return Span(head.line, head.column, last.span.end_line, last.span.end_column, doc_text[start:end], start, end)


class _StoryIndex:
    """Which pair holds each target paragraph, and which target paragraphs are page residue."""

    def __init__(self, story: AlignedStory) -> None:
        self.pair_of: dict[int, AlignedPair] = {}
        self.residue: set[int] = set()
        # target paragraphs whose pair's source has a Ukrainian attribution (`_first_source_attribution` is not None)
        self.attributed: set[int] = set()
        find = speech.find_uk_attributions
        pair_of, residue, attributed_set = self.pair_of, self.residue, self.attributed  # (local names: one loop)
        for pair in story.pairs:
            paragraphs = pair.paragraphs
            target = paragraphs.target
            if not target:
                continue
            attributed = False
            for seg in paragraphs.source:
                if find(seg.text):
                    attributed = True
                    break
            is_residue = pair.residue is not None
            for seg in target:
                i = seg.paragraph
                pair_of[i] = pair
                if is_residue:
                    residue.add(i)
                if attributed:
                    attributed_set.add(i)
                else:
                    attributed_set.discard(i)  # (the last pair holding a paragraph decides, as in `pair_of`)

    def source_text(self, paragraph: int) -> str:
        pair = self.pair_of.get(paragraph)
        return pair.source_text if pair else ""


@register
class DetachedAttribution(Rule):
    """## What it does
    Finds an attribution clause torn from its quote: a paragraph that is only a dash and an attribution
    (`- the publication writes.`, `– the message says.`, `- reported Ukrenergo.`) after the quoted paragraph, or
    the same dash glued inside a paragraph (`...queue schedules - the statement reads.`, `...," – said Maryna.`),
    or an attribution line that lost its dash too (`the head of the RMA Oleh Syniehubov reported.` after the quote
    paragraph, where the Ukrainian attributes the quote with a dash). The fix joins it to the quote in English
    style, subject first, closing the quotation marks the source has.

    ## Why is this bad?
    Ukrainian puts the attribution after the quote with a dash (`«…», – пише видання.`), often as a line of its
    own after a long quote. Copied literally into English it becomes a stray line (or a dash) that English readers
    cannot attach to the quote; English writes `"...to protect them," the publication writes.`

    ## Example
    Source: «Росія не допоможе Ірану військами, бо угода не передбачає взаємної оборони», – пише видання.
    Bad: "Russia will not help Iran with troops, because the agreement does not provide for mutual defence." ¶ - the publication writes.
    Good: "Russia will not help Iran with troops, because the agreement does not provide for mutual defence," the publication writes.
    """

    code = "TQA201"
    name = "detached-attribution"
    category = "attribution"
    severity = Severity.ERROR
    scope = "document"

    def check_document(self, story: AlignedStory, ctx: Context) -> Iterator[Finding]:
        index = _StoryIndex(story)
        target = story.story.target
        style = speech.english_quote_style(target.text)
        previous: Segment | None = None
        attributed = index.attributed
        dash_clause_possible = speech.en_dash_clause_possible
        residue = index.residue
        for para in target.paragraphs:
            text = para.text
            if para.paragraph in residue or not text.strip():
                continue
            # (an ASCII text without "-" has none of `speech.DASHES`: `dash_clause_possible` is False, not called)
            if (text.isascii() and "-" not in text or not dash_clause_possible(text)) and (
                previous is None or para.paragraph not in attributed and previous.paragraph not in attributed
            ):
                # exact: a lone attribution and a glued one both need a dash (`en_dash_clause_possible`); one without
                # a dash needs a source attribution in this pair or the previous one (`_detached_without_dash`)
                previous = para
                continue
            clause = speech.lone_en_attribution(para.text)
            if clause is None and previous is not None and _detached_without_dash(para, previous, index):
                clause = speech.bare_en_attribution(para.text)
            if clause is not None:
                yield self._lone(para, previous, clause, index, target.text, style)
                previous = para
                continue
            yield from self._glued(para, index, style)
            previous = para

    def _lone(
        self,
        para: Segment,
        previous: Segment | None,
        clause: EnClause,
        index: _StoryIndex,
        doc_text: str,
        style: tuple[str, str],
    ) -> Finding:
        english = speech.english_order(clause)
        final = para.text.rstrip(" \"”’'")[-1:]
        final = final if final in "?!" else "."
        src = index.source_text(para.paragraph)
        if previous is None:
            return self.finding(
                f"attribution '{para.text.strip()}' stands alone with no quote before it",
                target=para,
                source=_first_source_attribution(index, para),
                context=para.text,
            )
        prev_src = index.source_text(previous.paragraph)
        same_pair = index.pair_of.get(previous.paragraph) is index.pair_of.get(para.paragraph)
        quote_src = prev_src if not same_pair else src
        add = bool(_OPEN_QUOTE_START.match(quote_src))  # the source opens a quote where this passage starts
        cut, replacement = join_attribution(previous.text, english, final, add_quotes=add, style=style)
        span = _span_between(doc_text, previous, cut, para)
        return self.finding(
            f"attribution '{para.text.strip()}' is detached from the quote before it; English puts it after the "
            f"quote: '… {english}{final}'",
            target=span,
            source=_first_source_attribution(index, para) or _first_source_attribution(index, previous),
            fix=Fix("join the attribution to the quote", replacement),
            context=previous.text[-80:] + "|" + para.text,
        )

    def _glued(self, para: Segment, index: _StoryIndex, style: tuple[str, str]) -> Iterator[Finding]:
        found = speech.find_en_dash_attributions(para.text)
        if not found:
            return
        src = index.source_text(para.paragraph)
        src_atts = speech.find_uk_attributions(src) if src else ()
        for att in found:
            open_before = sum(speech.quote_counts(att.before).values()) % 2 == 1
            if not (att.quote_closed or open_before or src_atts):
                continue
            english = speech.english_order(att.clause)
            final = att.final if att.final in ("?", "!") else "."
            add = bool(_OPEN_QUOTE_START.match(src)) and not speech.has_double_quotes(para.text)
            cut, replacement = join_attribution(att.before, english, final, add_quotes=add, style=style)
            span = para.sub_span(cut, att.end)
            dash_clause = para.text[att.dash: att.end].strip()
            yield self.finding(
                f"attribution '{dash_clause}' is joined with a dash (Ukrainian style); English puts it after the "
                f"quote: '… {english}{final}'",
                target=span,
                source=_first_source_attribution(index, para),
                fix=Fix("attach the attribution English style", replacement),
                context=para.text[max(0, att.dash - 60): att.end],
            )


_CLOSING_QUOTE_END = re_compile(r"[\"”»’'][.,]?\s*$|[.,!?…][\"”»’']\s*$")


def _detached_without_dash(para: Segment, previous: Segment, index: _StoryIndex) -> bool:
    """Could `para` — a paragraph that is only an attribution clause, with no dash (``the head of the RMA reported.``)
    — be the attribution of the quote in `previous`? The Ukrainian attributes a quote there with a dash, and the
    English paragraph before ends a quotation (or the Ukrainian one opens it, when the English lost its marks)."""
    # The source test comes first: both tests are pure and their conjunction is the same in either order, but the
    # source one is cheap (Ukrainian attributions are cached by text, and most pairs have none) while the English
    # clause parser is not.
    if para.paragraph not in index.attributed and previous.paragraph not in index.attributed:
        return False  # (both `_first_source_attribution` would be None)
    if speech.bare_en_attribution(para.text) is None:
        return False
    if _CLOSING_QUOTE_END.search(previous.text):
        return True
    return bool(_OPEN_QUOTE_START.match(index.source_text(previous.paragraph)))


def _first_source_attribution(index: _StoryIndex, para: Segment) -> Span | None:
    pair = index.pair_of.get(para.paragraph)
    if pair is None:
        return None
    for seg in pair.source:
        for att in speech.find_uk_attributions(seg.text):
            return seg.sub_span(att.start, att.end)
    return None



# -- attribution against the source ------------------------------------------------------------------------------


def _neighbour_lone_targets(pair: AlignedPair, ctx: Context) -> list[Segment]:
    """Lone attribution paragraphs right after this pair's target (an aligner may leave them in a pair of their
    own): they carry its attribution."""
    other = ctx.next(pair)
    if other is None:
        return []
    return [seg for seg in other.target if speech.lone_en_attribution(seg.text) is not None]


def _source_attributions(pair: AlignedPair) -> list[tuple[Segment, speech.UkAttribution]]:
    return [(seg, att) for seg in pair.source for att in speech.find_uk_attributions(seg.text)]


def _source_attributes(pair: AlignedPair) -> bool:
    """The gate of TQA202/203 (exact): TQA202 needs a Ukrainian attribution in the pair's source; TQA203 too, or,
    for a pair without source, in the previous pair's (such pairs always pass)."""
    source = pair.paragraphs.source
    if not source:
        return True
    find = speech.find_uk_attributions
    for seg in source:
        if find(seg.text):
            return True
    return False


@register
class AttributionMissing(Rule):
    """## What it does
    Finds a quote whose Ukrainian attribution (`«…», – пише видання.`, `– заявив міністр`, `– йдеться у
    повідомленні`, `– додають аналітики`) has no counterpart in the English: no speech verb, no `according to`,
    no attribution line after it.

    ## Why is this bad?
    Without the attribution the quoted words read as the agency's own statement; for news copy that is a factual
    error (who said it is part of the news).

    ## Example
    Source: «Ми не дозволимо росії зламати енергосистему», – заявив міністр енергетики.
    Bad: "We will not let Russia break the power system."
    Good: "We will not let Russia break the power system," the energy minister said.
    """

    code = "TQA202"
    name = "attribution-missing"
    category = "attribution"
    severity = Severity.ERROR

    gate = staticmethod(_source_attributes)

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        atts = _source_attributions(pair)
        if not atts:
            return
        texts = [seg.text for seg in pair.target] + [seg.text for seg in _neighbour_lone_targets(pair, ctx)]
        if any(speech.en_has_attribution(t) for t in texts):
            return
        if any(speech.find_en_dash_attributions(t) for t in texts):
            return
        seg, att = atts[0]
        clause = seg.text[att.start: att.end].strip()
        target = pair.target[-1]
        yield self.finding(
            f"the source attributes this quote ('{clause}'); the translation has no attribution",
            target=target,
            source=seg.sub_span(att.start, att.end),
            context=clause + "|" + target.text[-80:],
        )


def _target_clauses(pair: AlignedPair) -> list[tuple[Segment, int, int, EnClause]]:
    """English attribution clauses of the pair's target: lone lines, dash-glued clauses and inline
    ``"…," X said`` clauses, with their offsets inside the paragraph."""
    out: list[tuple[Segment, int, int, EnClause]] = []
    for seg in pair.target:
        lone = speech.lone_en_attribution(seg.text)
        if lone is not None:
            out.append((seg, 0, len(seg.text), lone))
            continue
        for att in speech.find_en_dash_attributions(seg.text):
            out.append((seg, att.dash, att.end, att.clause))
        for start, end, clause in speech.find_en_inline_attributions(seg.text):
            out.append((seg, start, end, clause))
    return out


@register
class AttributionSpeaker(Rule):
    """## What it does
    Finds an English attribution that names another kind of speaker than the Ukrainian one: the source says
    `– наголошують аналітики` (analysts) and the English says `researchers emphasize`.

    ## Why is this bad?
    Analysts, researchers, officials and the publication itself are different sources; swapping them misreports who
    said what. Names and pronouns are not compared, only the common speaker nouns (analysts, experts, researchers,
    journalists, officials, heads of administrations and their synonyms — head, chief, governor —, mayors,
    spokespeople and press services, prosecutors, courts, the ministry, the military, police, residents…).

    ## Example
    Source: «Росія може лише допомагати режиму рятувати себе», – наголошують аналітики.
    Bad: "Russia can only help the regime save itself," researchers emphasize.
    Good: "Russia can only help the regime save itself," analysts emphasize.
    """

    code = "TQA203"
    name = "attribution-speaker"
    category = "attribution"
    severity = Severity.WARNING

    gate = staticmethod(_source_attributes)

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        clauses = _target_clauses(pair)
        if not clauses:
            return
        source_pair = pair
        if not pair.source:
            prev = ctx.previous(pair)
            if prev is None or not prev.source:
                return
            source_pair = prev
        atts = _source_attributions(source_pair)
        cats = {a.category for _, a in atts}
        if len(atts) == 0 or None in cats or len(cats) != 1:
            return
        (src_cat,) = cats
        if not speech.is_person_category(src_cat):
            return
        src_seg, src_att = atts[0]
        src_all = " ".join(s.text for s in source_pair.source)
        tgt_all = " ".join(s.text for s in pair.target)
        for seg, start, end, clause in clauses:
            subject = clause.subject or clause.tail
            tcats = speech.en_speaker_categories(subject)
            if not tcats:
                continue
            if any(speech.speaker_categories_compatible(src_cat, c) for c in tcats):
                continue
            tcat = tcats[0]
            if not speech.is_person_category(tcat):
                continue
            # the English names the source's speaker somewhere, or the Ukrainian mentions the English one: the
            # clauses may pair differently than we think — stay quiet
            if src_cat in speech.en_speaker_categories(tgt_all):
                continue
            if speech.uk_mentions_category(src_all, tcat):
                continue
            uk_clause = src_seg.text[src_att.start: src_att.end].strip()
            yield self.finding(
                f"the source attributes this to {src_cat}s ('{uk_clause}'); the translation names "
                f"'{subject}' ({tcat})",
                target=seg.sub_span(start, end),
                source=src_seg.sub_span(src_att.start, src_att.end),
                context=uk_clause + "|" + seg.text[start:end],
            )
