"""6xx (agency calques): Ukrainian agency formulas copied word for word into English.

* ``передає УНН`` → ``reports UNN`` (verb before subject; English: ``UNN reports``);
* ``з посиланням на`` → ``with reference to`` (English: ``citing``);
* a headline attributed with a dash, ``… – ЗМІ`` → ``... - media`` (English: ``..., media report`` or
  ``..., according to ISW``);
* ``за інформацією / за даними / за словами X`` → ``according to the information / data / words of X`` (English:
  ``according to X``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from tqa.checks.base import Context, Rule, register
from tqa.model import AlignedPair, Finding, Fix, Segment, Severity
from tqa.patterns import compile as re_compile
from tqa.text import speech

__all__ = ["AccordingToTheInformationOf", "DashHeadlineAttribution", "InvertedAttribution", "WithReferenceTo"]

# Present-tense verbs that English does not put before the subject (``says`` and past tenses — ``said the
# minister`` — are idiomatic inversions and are not reported).
_INVERTED_VERBS = (
    "reports|writes|informs|informed|notes|emphasizes|emphasises|stresses|adds|explains|states|clarifies|specifies|"
    "reminds|underlines|underscores|summarizes|summarises|indicates|points out|highlights|concludes|cites|quotes|"
    "claims|believes|assures|warns|recalls|announces|transmits|conveys"
)
_INVERTED = re_compile(
    r"(?P<pre>[,;]\s*[\"”’']?|[\"”’'][,.]?)\s+(?P<clause>(?:" + _INVERTED_VERBS + r")\s+[^\"”“«»\n]+?)"
    r"(?P<end>[.!?…]+|$)(?=\s|$|[\"”’])"
)


# The family's gate (exact): cheap necessary conditions for each pattern in a target paragraph, then the pattern.
# TQA601: "About "/"On " (`_about_this`), or a match of `_INVERTED_HINT` (a necessary part of `_INVERTED`); TQA602
# and TQA604: their own patterns, tried only when the lower-cased text holds "reference" or "nk" (link), or "accord" (letters whose
# re.IGNORECASE matches are exactly their ASCII cases); TQA603: a paragraph without final punctuation (`_FINAL_PUNCT`)
# holding a dash between spaces (the start of `_HEADLINE_TAIL`).
# What every `_INVERTED` match starts with, as one pattern that opens with a character class (re scans for it in C):
# either `pre` alternative fits `[,;"”’'][,."”’']?\s*["”’']?`, then the same white space, verb and white space.
_INVERTED_HINT = re_compile(r"[,;\"”’'][,.\"”’']?\s*[\"”’']?\s+(?:" + _INVERTED_VERBS + r")\s")
# TQA601's two pre-checks as one search that opens with a character class (re scans for it in C): it matches exactly
# where "About " or "On " starts or `_INVERTED_HINT` matches (each branch's look-behind re-reads the character taken).
_TQA601_HINT = re_compile(
    r"[AO,;\"”’'](?:(?<=A)bout |(?<=O)n |(?<=[,;\"”’'])[,.\"”’']?\s*[\"”’']?\s+(?:" + _INVERTED_VERBS + r")\s)"
)
_FINAL_PUNCT = re_compile(r"[.!?…:;,\"”’)]$")  # TQA603: headlines carry none
_FINAL_CHARS = frozenset(".!?…:;,\"”’)")  # the same test on rstripped text: its last character is one of these
_SPACED_DASH = re_compile(r"\s[-\u2013\u2014]\s")


def _calque_anchor(pair: AlignedPair) -> bool:
    for seg in pair.paragraphs.target:
        if _calque_text(seg.text):
            return True
    return False


@functools.lru_cache(maxsize=16384)
def _calque_text(text: str) -> bool:
    """The gate's test of one target paragraph (pure, cached by text: MT outputs of one source repeat paragraphs)."""
    # ("About " in text or "On " in text or _INVERTED_HINT.search(text), as one search: see `_TQA601_HINT`)
    if _TQA601_HINT.search(text):  # (every `_INVERTED` match holds an `_INVERTED_HINT` match)
        return True
    low = text.lower()
    if ("reference" in low or "nk" in low) and _WITH_REFERENCE.search(text):
        return True
    if "accord" in low and _ACCORDING_OF.search(text):
        return True
    if text.rstrip()[-1:] not in _FINAL_CHARS and _SPACED_DASH.search(text):
        return True
    return False


@register
class InvertedAttribution(Rule):
    """## What it does
    Finds an attribution with the verb before its subject — `reports UNN`, `writes the publication`, `informs
    the ministry` — the word order of Ukrainian `передає УНН`, `пише видання`, `інформує міністерство`.

    ## Why is this bad?
    English agency style is subject first (`UNN reports`, `the publication writes`, `the ministry said`);
    inverted present-tense attributions read as translationese. (`said the minister` is idiomatic and is not
    reported.)

    ## Example
    Source: Ракету перехопили над Києвом, передає УНН.
    Bad: The missile was intercepted over Kyiv, reports UNN.
    Good: The missile was intercepted over Kyiv, UNN reports.
    """

    code = "TQA601"
    name = "inverted-attribution"
    category = "terminology"
    severity = Severity.WARNING

    gate = staticmethod(_calque_anchor)

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        for seg in pair.target:
            about = list(self._about_this(seg))
            yield from about
            for m in _INVERTED.finditer(seg.text):
                if any(f.target.start <= seg.span.start + m.start("clause") < f.target.end for f in about):
                    continue  # "About this, informs X": reported once, as a whole
                body = m.group("clause")
                clause = speech.parse_en_clause(body)
                if clause is None or clause.order != "verb-subject":
                    continue
                if clause.subject.lower() in ("it", "that", "this", "he", "she", "they", "we", "i", "you"):
                    continue  # "notes it", "reports that" are not inversions
                english = speech.english_order(clause)
                start = m.start("clause")
                end = m.end("clause")
                yield self.finding(
                    f"verb before subject in the attribution '{body}' (Ukrainian word order); English: '{english}'",
                    target=seg.sub_span(start, end),
                    fix=Fix("put the subject first", english),
                    context=seg.text[max(0, start - 40): end + 2],
                )


    def _about_this(self, seg: Segment) -> Iterator[Finding]:
        """``About this informs the General Staff…`` (Про це повідомляє Генштаб): the Ukrainian sentence opening
        with the topic and the verb before its subject."""
        # Exact pre-check: _ABOUT_THIS is case-sensitive and every match contains "About " or "On " (its lead);
        # the lookbehinds make the full search costly on every paragraph.
        if "About " not in seg.text and "On " not in seg.text:
            return
        for m in _ABOUT_THIS.finditer(seg.text):
            body = m.group("clause")
            clause = speech.parse_en_clause(body)
            if clause is None:
                continue
            if clause.order == "verb-subject":
                if clause.subject.lower() in ("it", "that", "this"):
                    continue
                subject = clause.subject
                if subject.lower() in _OBJECT_TO_SUBJECT:
                    subject = _OBJECT_TO_SUBJECT[subject.lower()]
                verb = speech.plain_reporting_verb(clause.verb)
                if verb in ("writes", "wrote"):
                    verb = {"writes": "reports", "wrote": "reported"}[verb]
                english = f"{subject} {verb} this" + (f" {clause.tail}" if clause.tail else "")
            elif clause.order == "passive" and not clause.subject:
                english = f"this {clause.text}"  # "About this is stated in the report" → "This is stated in…"
            else:
                continue
            english = english[:1].upper() + english[1:]
            start, end = m.start("lead"), m.end("clause")
            yield self.finding(
                f"'{m.group('lead')} {body}' follows Ukrainian word order (Про це пише/повідомляє X); English: "
                f"'{english}'",
                target=seg.sub_span(start, end),
                fix=Fix("put the subject first", english),
                context=seg.text[start: end + 2],
            )


_ABOUT_THIS = re_compile(
    r"(?:^|(?<=[.!?…]\s)|(?<=[.!?…][\"”’]\s))(?P<lead>(?:About|On) (?:this|it|that)),?\s+"
    r"(?P<clause>[^\"”“«».!?…\n]+?)\s*(?=[.!?…]|$)"
)
_OBJECT_TO_SUBJECT = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "I"}


_WITH_REFERENCE = re_compile(r"\bwith (?:a )?(?:reference|references|a link|link|links) to\b", re.I)
_UK_CITING = re_compile(r"посиланн\w*\s+на|посилаючись\s+на", re.I)


@register
class WithReferenceTo(Rule):
    """## What it does
    Finds `with reference to` (or `with a link to`) translating `з посиланням на` — the agency formula for citing
    a source.

    ## Why is this bad?
    In English `with reference to` means "concerning"; a news source is introduced with `citing`.

    ## Example
    Source: Про це пише Reuters з посиланням на джерела в уряді.
    Bad: Reuters writes about this with reference to sources in the government.
    Good: Reuters reports this, citing sources in the government.
    """

    code = "TQA602"
    name = "with-reference-to"
    category = "terminology"
    severity = Severity.WARNING

    gate = staticmethod(_calque_anchor)

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        hits = [(seg, m) for seg in pair.target for m in _WITH_REFERENCE.finditer(seg.text)]
        if not hits:
            return
        sources = [pair.source_text]
        for other in (ctx.previous(pair), ctx.next(pair)):
            if other is not None:
                sources.append(other.source_text)
        if not any(_UK_CITING.search(s) for s in sources):
            return
        for seg, m in hits:
            yield self.finding(
                f"'{m.group(0)}' for 'з посиланням на'; English cites a source with 'citing'",
                target=seg.sub_span(m.start(), m.end()),
                fix=Fix("use 'citing'", "citing"),
                context=seg.text[max(0, m.start() - 40): m.end() + 40],
            )


_HEADLINE_TAIL = re_compile(r"\s(?P<dash>[-\u2013\u2014])\s+(?P<x>[^-\u2013\u2014\d\"“”«»'‘’:;.!?]{1,40})$")
_UK_HEADLINE_TAIL = re_compile(r"\s[-\u2013\u2014]\s+(?P<y>[^-\u2013\u2014\d\"“”«»:;.!?]{1,40})$")
_PREPOSITION = re_compile(r"\b(?:from|by|on|about|with|for|in|to|at|into|over|after|before|against|and)\b", re.I)
_NAME_WORD = re_compile(r"^(?:[A-Z][\w'’.-]*|of|the|de|von|van|al)$")


def _is_name(x: str) -> bool:
    words = x.split()
    return 1 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words) and words[0][0].isupper()


# Nouns naming a body that English uses with "the" (the General Staff, the Ministry of Defense, the Kremlin).
_INSTITUTION_NOUNS = frozenset({
    "staff", "ministry", "office", "service", "administration", "council", "committee", "government", "cabinet",
    "command", "forces", "army", "navy", "police", "court", "bank", "agency", "guard", "bureau", "department",
    "parliament", "house", "pentagon", "kremlin", "commission", "directorate", "inspectorate", "prosecutor's",
    "headquarters", "secretariat", "embassy", "mission", "center", "centre", "institute", "fund", "foundation",
})


def _with_article(x: str) -> str:
    """A headline speaker as English writes it after `according to`: a body takes "the" (``General Staff`` → ``the
    General Staff``); names, acronyms (ISW, NATO) and plurals (analysts) take none; a singular common noun takes
    "a"/"an" (``expert`` → ``an expert``)."""
    words = x.split()
    low = [w.lower() for w in words]
    if low[0] in ("the", "a", "an") or x.isupper():
        return x
    if any(w in _INSTITUTION_NOUNS for w in low):
        return "the " + x
    if x[:1].islower() and len(words) == 1 and not low[0].endswith("s"):
        return ("an " if low[0][0] in "aeiou" else "a ") + x
    return x


@register
class DashHeadlineAttribution(Rule):
    """## What it does
    Finds a headline attributed with a trailing dash — `... - media`, `... - ISW`, `... – Zaluzhnyi` — the
    Ukrainian headline formula `…, – ЗМІ`.

    ## Why is this bad?
    English headlines attribute with a comma and a verb (`..., media report`, `..., Zaluzhnyi says`) or with
    `according to`; a dangling `- media` reads as a stray fragment or a page-title suffix.

    ## Example
    Source: Путін може запропонувати Ірану лише «словесну підтримку» – ЗМІ
    Bad: Putin can only offer "verbal support" to Iran - media
    Good: Putin can only offer "verbal support" to Iran, media report
    """

    code = "TQA603"
    name = "dash-headline-attribution"
    category = "terminology"
    severity = Severity.WARNING

    gate = staticmethod(_calque_anchor)

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        for seg in pair.target:
            text = seg.text.rstrip()
            if _FINAL_PUNCT.search(text):
                continue  # headlines carry no final punctuation
            m = _HEADLINE_TAIL.search(text)
            if not m:
                continue
            x = m.group("x").strip()
            head = text[: m.start()]
            if len(head.split()) < 3 or len(text.split()) > 30 or len(x.split()) > 4:
                continue
            if _PREPOSITION.search(x):
                continue  # "- analysis from an expert", "- a look at the front": a subtitle, not a speaker
            cats = speech.en_speaker_categories(x.split()[-1])
            speaker_noun = bool(cats) and (speech.is_person_category(cats[0]) or cats[0] == "publication")
            source_has_tail = any(_UK_HEADLINE_TAIL.search(s.text.rstrip()) for s in pair.source)
            if not (speaker_noun or (_is_name(x) and source_has_tail)):
                continue
            if x.lower() in ("media", "the media", "mass media"):
                replacement = ", media report"
            else:
                replacement = f", according to {_with_article(x)}"
            start = m.start()
            yield self.finding(
                f"headline attributed with a dash ('{m.group('dash')} {x}', Ukrainian headline style)",
                target=seg.sub_span(start, m.end()),
                source=next((s for s in pair.source), None),
                fix=Fix("attribute the headline English style", replacement),
                context=text,
            )


_ACCORDING_OF = re_compile(
    r"\b(?P<head>according to)\s+(?P<the>the\s+)?(?P<adj>(?:[a-z]+\s+){0,2}?)"
    r"(?P<noun>information|info|data|words)\s+of\b",
    re.I,
)
_ADJ_OK = re_compile(r"^(?:latest|preliminary|updated|official|new|recent|operational|initial|final|current)$", re.I)



@register
class AccordingToTheInformationOf(Rule):
    """## What it does
    Finds `according to the information of X`, `according to the data of X`, `according to the words of X` — the
    Ukrainian source formulas `за інформацією X`, `за даними X`, `за словами X` copied word for word.

    ## Why is this bad?
    English attributes with `according to X` (or `according to X's data`, `data from X`); `the information of`
    reads as translationese, and `the words of` is not how English introduces reported speech.

    ## Example
    Source: За інформацією Національного антикорупційного бюро, підозру вручили 12 березня.
    Bad: According to the information of the National Anti-Corruption Bureau, the notice of suspicion was served on March 12.
    Good: According to the National Anti-Corruption Bureau, the notice of suspicion was served on March 12.
    """

    code = "TQA604"
    name = "according-to-the-information-of"
    category = "terminology"
    severity = Severity.WARNING

    gate = staticmethod(_calque_anchor)

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        for seg in pair.target:
            for m in _ACCORDING_OF.finditer(seg.text):
                adj = m.group("adj").split()
                if adj and not all(_ADJ_OK.match(a) for a in adj):
                    continue  # "according to the Ministry of …": a name, not the formula
                head = m.group("head")
                if adj:
                    the = "the " if m.group("the") else ""
                    replacement = f"{head} {the}{' '.join(adj)} {m.group('noun').lower()} from"
                else:
                    replacement = head
                yield self.finding(
                    f"'{m.group(0)}' copies the Ukrainian formula (за інформацією / за даними / за словами X); "
                    f"English: '{replacement} X'",
                    target=seg.sub_span(m.start(), m.end()),
                    fix=Fix(f"use '{replacement} X'", replacement),
                    context=seg.text[max(0, m.start() - 20): m.end() + 60],
                )
