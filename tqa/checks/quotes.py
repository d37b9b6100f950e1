"""700–719: quotation marks — Ukrainian marks left in the English, unbalanced marks, a quote that lost its marks.

English quotes with "…" or “…” (nested: ‘…’ / '…'); Ukrainian with «…» (nested „…“). Apostrophes (don't, Kyiv's,
O'Brien) are never counted as quotation marks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from tqa.checks.base import Context, Rule, register
from tqa.model import AlignedPair, Finding, Fix, Segment, Severity
from tqa.patterns import compile as re_compile
from tqa.text import speech
from tqa.text.translit import name_similarity

__all__ = ["QuotationMarksDropped", "UkrainianQuotationMarks", "UnbalancedQuotationMarks"]


_ANGLE_SPAN = re_compile(r"«([^«»]*(?:«[^«»]*»[^«»]*)*)»|„([^„“”\n]*)([“”])")
_ANY_FOREIGN = re_compile(r"[«»„]")


@functools.lru_cache(maxsize=8192)
def _source_has_double_quote(text: str) -> bool:
    """``speech.DOUBLE_QUOTE_RE.search(text) is not None``, cached by text (pure)."""
    return speech.DOUBLE_QUOTE_RE.search(text) is not None


def _any_double_quote(pair: AlignedPair) -> bool:
    """The family's gate (exact): TQA701 needs « » or „ in the target, TQA702 an unbalanced target (a target with no
    double quotation mark is balanced), TQA703 a quoted span in the source (« „ “ or "); all are `speech.DOUBLE_QUOTES`."""
    search = speech.DOUBLE_QUOTE_RE.search  # (speech.has_double_quotes)
    paragraphs = pair.paragraphs
    for seg in paragraphs.source:
        if _source_has_double_quote(seg.text):  # (the same search, cached: a source is checked against many targets)
            return True
    for seg in paragraphs.target:
        text = seg.text
        # an ASCII text (isascii is O(1)) can hold only the ASCII mark of DOUBLE_QUOTES, '"' (tested)
        if ('"' in text) if text.isascii() else search(text):
            return True
    return False




def _english_quoted(inner: str, open_q: str, close_q: str) -> str:
    """Inner text with nested Ukrainian marks turned into English nested marks."""
    nested_open, nested_close = ("\u2018", "\u2019") if open_q == "\u201c" else ("'", "'")
    inner = re.sub(r"«([^«»]*)»", lambda m: nested_open + m.group(1) + nested_close, inner)
    inner = re.sub(r"„([^„“”]*)[“”]", lambda m: nested_open + m.group(1) + nested_close, inner)
    return open_q + inner + close_q


@register
class UkrainianQuotationMarks(Rule):
    """## What it does
    Finds Ukrainian quotation marks (`«…»`, `„…“`) left in the English copy, and offers English ones (moving the
    comma after a quotation inside the closing mark: `«…», said X` → `"…," said X`).

    ## Why is this bad?
    English quotes with "…" or “…”; guillemets and low-high quotes mark the text as an unedited translation
    and break the house style (and search for the quoted words).

    ## Example
    Source: Компанія «Укренерго» попередила про нові відключення.
    Bad: The company «Ukrenergo» warned of new outages.
    Good: The company "Ukrenergo" warned of new outages.
    """

    code = "TQA701"
    name = "ukrainian-quotation-marks"
    category = "typography"
    severity = Severity.WARNING

    gate = staticmethod(_any_double_quote)

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        for seg in pair.target:
            text = seg.text
            if not _ANY_FOREIGN.search(text):
                continue
            open_q, close_q = speech.english_quote_style(ctx.raw_story.target.text)
            covered: set[int] = set()
            for m in _ANGLE_SPAN.finditer(text):
                inner = m.group(1) if m.group(1) is not None else m.group(2)
                end = m.end()
                if _comma_goes_inside(text, m.end(), inner):
                    # «…», said X → "…," said X: English puts the comma inside the closing mark
                    inner = inner.rstrip(" .") + ","
                    end += 1
                replacement = _english_quoted(inner, open_q, close_q)
                covered.update(range(m.start(), m.end()))
                yield self.finding(
                    f"Ukrainian quotation marks in the English: '{m.group(0)[:60]}'; use {open_q}…{close_q}",
                    target=seg.sub_span(m.start(), end),
                    fix=Fix(f"use English quotation marks {open_q}…{close_q}", replacement),
                    context=m.group(0),
                )
            for m in _ANY_FOREIGN.finditer(text):
                if m.start() in covered:
                    continue
                ch = m.group(0)
                replacement = close_q if ch == "»" else open_q
                yield self.finding(
                    f"Ukrainian quotation mark '{ch}' in the English",
                    target=seg.sub_span(m.start(), m.end()),
                    fix=Fix(f"use the English quotation mark {replacement}", replacement),
                    context=text[max(0, m.start() - 40): m.end() + 40],
                )


_AFTER_COMMA = re_compile(r",\s*(?P<clause>[^.!?…\"“”«»\n]{1,120}?)\s*(?:[.!?…]|$)")


def _comma_goes_inside(text: str, end: int, inner: str) -> bool:
    """Is the comma right after a quoted span (at `end`) the comma of a quotation — English puts it inside the
    closing mark? A quotation of four words or more, or one followed by an attribution (``«Так», said he``); a name
    in quotation marks (``«Ukrenergo», which…``) keeps its comma outside."""
    if not text.startswith(",", end):
        return False
    if len(re.findall(r"\w+", inner)) >= 4:
        return True
    m = _AFTER_COMMA.match(text, end)
    return bool(m) and speech.parse_en_clause(m.group("clause")) is not None


def _pairs_with_neighbour(seg: Segment, paragraphs: tuple[Segment, ...]) -> bool:
    """A quote that spans paragraphs: English reopens every paragraph of a long quote and closes only the last
    (the next paragraph starts with a quotation mark), and copy split into lines (or segments) may open a quote on
    one line and close it on another (a neighbour is unbalanced too)."""
    i = seg.paragraph
    nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
    prev = paragraphs[i - 1] if i > 0 else None
    if nxt is not None and re.match(r"^\s*[\"“«„]", nxt.text):
        return True
    return any(n is not None and not speech.double_quote_balanced(n.text) for n in (prev, nxt))


@register
class UnbalancedQuotationMarks(Rule):
    """## What it does
    Finds a paragraph whose double quotation marks do not pair up (an opening mark never closed, or a closing mark
    never opened) while the source paragraph's marks do.

    ## Why is this bad?
    An unclosed quote makes the reader guess where the quoted words end — and whether the following text is still
    the speaker's or the agency's. (A multi-paragraph quote that reopens on the next paragraph is English style and
    is not reported; neither is a paragraph whose source is unbalanced the same way.)

    ## Example
    Source: «Ми відновимо всі зруйновані підстанції до зими», – сказав він.
    Bad: "We will restore all the destroyed substations by winter, he said.
    Good: "We will restore all the destroyed substations by winter," he said.
    """

    code = "TQA702"
    name = "unbalanced-quotation-marks"
    category = "typography"
    severity = Severity.WARNING

    gate = staticmethod(_any_double_quote)

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        if not speech.double_quote_balanced(pair.source_text):
            return
        if speech.double_quote_balanced(pair.target_text):
            return
        paragraphs = ctx.raw_story.target.paragraphs
        for seg in pair.target:
            if speech.double_quote_balanced(seg.text) or _pairs_with_neighbour(seg, paragraphs):
                continue
            counts = speech.quote_counts(seg.text)
            if sum(counts.values()) % 2 == 0:
                message = (
                    "quotation marks in this paragraph face the wrong way (a closing mark before its opening one, "
                    "or a space on the wrong side of a mark); the source's are paired"
                )
            else:
                detail = (
                    f"{counts['straight']} straight" if counts["straight"] else f"{counts['open']} opening, "
                    f"{counts['close']} closing"
                )
                message = f"unbalanced quotation marks in this paragraph ({detail}); the source's are balanced"
            yield self.finding(
                message,
                target=seg,
                source=pair.source[0] if len(pair.source) == 1 else None,
                context=seg.text,
            )
            return


_MIN_QUOTE_WORDS = 4
# A quoted span right after one of these nouns is a name or a title (English drops or italicises its marks):
# закон «Про …», компанія «…», операція «…», фільм «…», ініціатива «…».
_NAMING_NOUN = re_compile(
    r"\b(?:закон\w*|законопроєкт\w*|постанов\w*|указ\w*|програм\w*|операці\w*|проєкт\w*|проект\w*|ініціатив\w*|"
    r"фільм\w*|книг\w*|серіал\w*|пісн\w*|альбом\w*|парті\w*|компані\w*|фонд\w*|організаці\w*|асоціаці\w*|"
    r"телеканал\w*|газет\w*|журнал\w*|видання|кампані\w*|акці\w*|марафон\w*|конкурс\w*|фестивал\w*|преміі?\w*|"
    r"орден\w*|медал\w*|рух\w*|блок\w*|платформ\w*|центр\w*|інститут\w*|університет\w*|музе\w*|театр\w*|"
    r"завод\w*|підприємств\w*|гурт\w*|клуб\w*|товариств\w*|спілк\w*|об'єднанн\w*|об’єднанн\w*|бригад\w*|"
    r"батальйон\w*|полк\w*|угрупован\w*|формат\w*|тов|пат|ат|нак|кп|го|пп|бф)\s*$",
    re.I,
)


def _name_like(text: str, start: int, inner: str) -> bool:
    words = re.findall(r"[\w'’]+", inner)
    if words and words[0].lower() == "про":  # a law's title: «Про внесення змін до …»
        return True
    if words and all(w[:1].isupper() or w.isdigit() for w in words):
        return True
    return _NAMING_NOUN.search(text[max(0, start - 40): start]) is not None


@functools.lru_cache(maxsize=4096)  # asked of every quoted source paragraph (sources repeat across targets)
def _real_quotes(text: str) -> tuple[tuple[int, int, str], ...]:
    """Quoted spans that are quotations rather than names or titles: four words or more (and not after a naming
    noun such as закон, компанія, операція), or followed by a dash attribution."""
    atts = speech.find_uk_attributions(text)
    out = []
    for start, end, inner in speech.find_quoted_spans(text):
        words = re.findall(r"\w+", inner)
        attributed = any(0 <= a.start - end <= 3 for a in atts)
        if attributed and words or len(words) >= _MIN_QUOTE_WORDS and not _name_like(text, start, inner):
            out.append((start, end, inner))
    return tuple(out)


@register
class QuotationMarksDropped(Rule):
    """## What it does
    Finds a quotation in the source (`«…»`, `"…"`, of four words or more, or attributed with a dash) that the English
    renders without any quotation marks.

    ## Why is this bad?
    The reader can no longer tell the speaker's words from the agency's text. Turning direct speech into indirect
    speech can be a deliberate choice: when the English reports it (`X said they had…`, `…, according to X`) and
    names the source's speaker, nothing is reported; without the speaker it is only an info.

    ## Example
    Source: «Ми відновимо всі зруйновані підстанції до зими», – сказав міністр.
    Bad: We will restore all the destroyed substations by winter, the minister said.
    Good: "We will restore all the destroyed substations by winter," the minister said.
    """

    code = "TQA703"
    name = "quotation-marks-dropped"
    category = "typography"
    severity = Severity.WARNING

    gate = staticmethod(_any_double_quote)

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        if not pair.source or not pair.target:
            return
        quotes = [(seg, q) for seg in pair.source for q in _real_quotes(seg.text)]
        if not quotes:
            return
        if any(speech.has_quotation(seg.text) for seg in pair.target):
            return
        seg, (start, end, inner) = quotes[0]
        target = pair.target[0] if len(pair.target) == 1 else None
        severity = None
        message = f"the source quotes '{inner[:60]}'; the translation has no quotation marks"
        target_text = pair.target_text
        if speech.en_reported_speech(target_text):
            # turned into reported speech ("X said they had…", "…, according to X"): a legitimate choice when the
            # English keeps the speaker; otherwise worth a look only
            if _speaker_kept(pair.source_text, target_text):
                return
            severity = Severity.INFO
            message += " (it is reported as indirect speech; check that the speaker is kept)"
        yield self.finding(
            message,
            target=target or pair.target[0],
            source=seg.sub_span(start, end),
            severity=severity,
            context=inner,
        )


_CAPITALISED = re_compile(r"\b[A-ZА-ЯІЇЄҐ][\w'’-]{2,}")


def _speaker_kept(source: str, target: str) -> bool:
    """Does the English name the speaker the Ukrainian gives outside its quotation marks — a speaker of a compatible
    category (начальник ОВА ~ governor) or the same name (Синєгубов ~ Syniehubov)?"""
    src = speech.mask_quoted(source)
    atts = speech.find_uk_attributions(source)
    if atts:
        src = " ".join(a.clause for a in atts)
        uk_cats = {a.category for a in atts if a.category}  # the speaker itself (начальник ОВА: head)
    else:
        uk_cats = speech.uk_speaker_categories(src)
    tgt = speech.mask_quoted(target)
    en_cats = speech.en_speaker_categories(tgt)
    for cat in uk_cats:
        if any(speech.speaker_categories_compatible(cat, c) for c in en_cats):
            return True
    en_names = {m.group(0) for m in _CAPITALISED.finditer(tgt)}
    for m in _CAPITALISED.finditer(src):
        word = m.group(0)
        if not re.match(r"[А-ЯІЇЄҐ]", word) or speech.uk_speech_verb(word):
            continue
        if any(name_similarity(word, en) >= 0.8 for en in en_names):
            return True
    return False
