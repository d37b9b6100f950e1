"""6xx (agency calques): Ukrainian agency formulas copied word for word into English.

* ``передає УНН`` → ``reports UNN`` (verb before subject; English: ``UNN reports``);
* ``з посиланням на`` → ``with reference to`` (English: ``citing``);
* a headline attributed with a dash, ``… – ЗМІ`` → ``... - media`` (English: ``..., media report`` or
  ``..., according to ISW``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqa.checks.base import Context, Rule, register
from tqa.model import AlignedPair, Finding, Fix, Severity
from tqa.text import speech

__all__ = ["DashHeadlineAttribution", "InvertedAttribution", "WithReferenceTo"]

# Present-tense verbs that English does not put before the subject (``says`` and past tenses — ``said the
# minister`` — are idiomatic inversions and are not reported).
_INVERTED_VERBS = (
    "reports|writes|informs|informed|notes|emphasizes|emphasises|stresses|adds|explains|states|clarifies|specifies|"
    "reminds|underlines|underscores|summarizes|summarises|indicates|points out|highlights|concludes|cites|quotes|"
    "claims|believes|assures|warns|recalls|announces"
)
_INVERTED = re.compile(
    r"(?P<pre>[,;]\s*[\"”’']?|[\"”’'][,.]?)\s+(?P<clause>(?:" + _INVERTED_VERBS + r")\s+[^\"”“«»\n]+?)"
    r"(?P<end>[.!?…]+|$)(?=\s|$|[\"”’])"
)


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

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        for seg in pair.target:
            for m in _INVERTED.finditer(seg.text):
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


_WITH_REFERENCE = re.compile(r"\bwith (?:a )?(?:reference|references|a link|link|links) to\b", re.I)
_UK_CITING = re.compile(r"посиланн\w*\s+на|посилаючись\s+на", re.I)


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


_HEADLINE_TAIL = re.compile(r"\s(?P<dash>[-\u2013\u2014])\s+(?P<x>[^-\u2013\u2014\d\"“”«»'‘’:;.!?]{1,40})$")
_UK_HEADLINE_TAIL = re.compile(r"\s[-\u2013\u2014]\s+(?P<y>[^-\u2013\u2014\d\"“”«»:;.!?]{1,40})$")
_PREPOSITION = re.compile(r"\b(?:from|by|on|about|with|for|in|to|at|into|over|after|before|against|and)\b", re.I)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|of|the|de|von|van|al)$")


def _is_name(x: str) -> bool:
    words = x.split()
    return 1 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words) and words[0][0].isupper()


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

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        for seg in pair.target:
            text = seg.text.rstrip()
            if re.search(r"[.!?…:;,\"”’)]$", text):
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
                replacement = f", according to {x}"
            start = m.start()
            yield self.finding(
                f"headline attributed with a dash ('{m.group('dash')} {x}', Ukrainian headline style)",
                target=seg.sub_span(start, m.end()),
                source=next((s for s in pair.source), None),
                fix=Fix("attribute the headline English style", replacement),
                context=text,
            )
