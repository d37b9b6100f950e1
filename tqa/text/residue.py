"""Web-page residue in agency copy, in Ukrainian and English: the page chrome that comes along when a story is
copied from a news site (exchange-rate widgets, view counters, datelines with the agency, date-and-time stamps,
rubric and navigation lines, "Read also" lines, photo credits, copyright footers, subscribe prompts, page-title
source tags like ``- DW - 09.02.2023``, related-news teasers glued to a sentence, page labels and bylines such as
``Share:``, ``Source: Ukrinform``, ``Author: …``, ``Tags: …``, ``Reading time: 2 min``, ``Comments (0)``, an agency
name alone on a line, emoji view counters ``👁️ 2341``).

Two public functions, both pure and context-free (the checks add story context on top of them):

* `classify_residue(text)` — the residue kind of a whole paragraph, or None. High precision: the aligner uses it to
  leave residue paragraphs unpaired, so a real paragraph must never be called residue.
* `residue_spans(text)` — ``(start, end, kind)`` of residue pieces glued inside a paragraph (a teaser's
  ``02.03.26, 15:55 • 5350 views`` or time-first ``14:05, 10.04.2026``, a trailing `` - DW - 09.02.2023`` or
  ``-DW-08.02.2023``, a ``• 126 views`` / ``👁 2 341`` / ``Views: 1,204`` counter, a widget number, a ``Read also:
  …`` tail or a ``Source: …`` / ``Photo: …`` label after the last sentence). The numbers check ignores numbers
  inside these spans.

Helpers: `strip_residue(text)` (the text without its glued residue, for length comparisons), `is_lead_in(text)`
(``Let us recall`` / ``Нагадаємо``: an agency lead-in, never residue) and `looks_title_like(text)` (a short line
with no final punctuation and no sentence verbs, for the story-context checks).

Kinds: see `RESIDUE_KINDS`. ``repeated-headline`` is not produced here (it needs the story); the aligner and the
residue checks use it.
"""

from __future__ import annotations

import functools
import re

from tqa.patterns import compile as re_compile
from tqa.text.fold import FoldedPattern, LazyPattern
from tqa.text.months import UK_MONTHS_GENITIVE

__all__ = [
    "RESIDUE_KINDS",
    "classify_residue",
    "is_lead_in",
    "looks_title_like",
    "residue_spans",
    "strip_residue",
]

RESIDUE_KINDS = (
    "exchange-rate-widget",
    "view-counter",
    "dateline",
    "timestamp",
    "teaser",
    "navigation",
    "read-also",
    "photo-credit",
    "copyright",
    "social-prompt",
    "advertisement",
    "source-tag",
    "byline",
    "page-info",
    "repeated-headline",
)

# -- building blocks ------------------------------------------------------------------------------------------------

_UC = "A-ZА-ЩЬЮЯЄІЇҐ"  # upper-case letters, Latin and Ukrainian
_DASH = r"[-–—−]"
_SEP = r"[-–—−|]"
_VIEWS_WORD = r"(?:views?|переглядів|перегляди|перегляд|просмотров|просмотра|просмотр)"
_NUM = r"\d[\d\u00a0\u202f ,.]*"
_DATE_NUM = r"(?<!\d)\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\d])"
_MONTHS_EN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_MONTHS_UK = "(?:" + "|".join(UK_MONTHS_GENITIVE) + ")"
_YEAR_TAIL = r"(?:,?\s+\d{4}(?:\s*(?:р\.|року|рік))?)?"
_DATE_WORD = rf"(?:\d{{1,2}}\s+(?:{_MONTHS_UK}|{_MONTHS_EN}){_YEAR_TAIL}|{_MONTHS_EN}\s+\d{{1,2}}{_YEAR_TAIL})"
_DATE = rf"(?:{_DATE_NUM}|{_DATE_WORD})"
_TIME = r"(?<!\d)\d{1,2}:\d{2}(?!\d)"
_STAMP = rf"(?:{_DATE}(?:\s*[,|•·]?\s*{_TIME})?|{_TIME}(?:\s*[,|•·]?\s*{_DATE})?)"
_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|"
    r"понеділок|вівторок|середа|четвер|п['’]ятниця|субота|неділя)\.?"
)
_VIEWS_TAIL = rf"\s*[•·|]\s*{_NUM}\s*{_VIEWS_WORD}"

# A related-news teaser's stamp: date and time in either order ("02.03.26, 15:55", "14:05, 10.04.2026"), optionally
# the view count ("02.03.26, 15:55 • 5350 views").
_TEASER_STAMP = LazyPattern(
    rf"(?:(?P<date>{_DATE}\s*,?\s*){_TIME}|{_TIME}(?P<date2>\s*[,|•·]?\s*{_DATE})?)(?P<views>{_VIEWS_TAIL})?", re.I
)
# What a `_TEASER_STAMP` match ends with (each alternative ends with a time, a date or a view count; a date with a
# digit, a month name — the English ones with their optional dot — or a year word): a superset, tried on the
# text's last `_TEASER_END_SPAN` characters (at least the longest alternative: the tests measure it).
_TEASER_END = LazyPattern(rf"(?:\d|{_VIEWS_WORD}|{_MONTHS_UK}|{_MONTHS_EN}|р\.|року|рік)$", re.I)
_TEASER_END_SPAN = 12
# A view count: digits, optionally in groups of three ("2 341", "1,204"), or abbreviated ("2.3K").
_COUNT = r"\d+(?:[.,]\d)?\s?[KkКк](?!\w)|\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+(?![\d.,])|\d+(?![\d.,])"
_EYE = r"(?:👁|👀)\ufe0f?"  # the eye emoji, with or without the emoji variation selector
_INLINE_VIEWS = LazyPattern(
    rf"[•·|]\s*{_NUM}\s*{_VIEWS_WORD}\b|{_EYE}\s*[:：]?\s*(?:{_COUNT})(?:\s*{_VIEWS_WORD}\b)?"
    rf"|(?<![\d.,])(?:{_COUNT})\s*{_EYE}",
    re.I,
)
# "Views: 1,204" after the story's last sentence (no bullet: the label says what the number is).
_VIEWS_TAIL_LABEL = LazyPattern(
    rf"(?<=[.!?…\"»”’)])\s*(?:views|переглядів|перегляди|просмотров|просмотры)\s*[:：]\s*(?:{_COUNT})\s*$", re.I
)

# Exchange-rate widget: a rate and its change glued together ("43.23" + "0.13" → "43.230.13").
_WIDGET_NUM = re_compile(r"(?<![\d.,])[$€£₴]?\d{1,3}\.\d{3}\.\d{2}(?![\d.,])")
_WIDGET_HINT = re_compile(r"\d\.\d{3}\.\d{2}")  # what every `_WIDGET_NUM` match holds (a fast scan: no look-behind)
# The last characters a `_WIDGET_TOKEN` match can have but for a digit (\d, `str.isdecimal`) and the "." of "грн."
# (keep in step: the tests check every alternative).
_WIDGET_LAST = frozenset("$€£₴DRPNHFн▲▼↑↓/|•")
_WIDGET_TOKEN = re_compile(
    r"^(?:[$€£₴]?\d{1,3}\.\d{3}\.\d{2}|[$€£₴]\d{1,3}[.,]\d{2,4}|\d{1,3}[.,]\d{2,4}[$€£₴]?|[+\-−]\d{1,3}[.,]\d{1,4}"
    r"|USD|EUR|GBP|PLN|UAH|CHF|грн\.?|[$€£₴]|[▲▼↑↓/|•])$"
)

_AGENCIES = (
    r"(?:UNN|УНН|Ukrinform|Укрінформ|Interfax-Ukraine|Інтерфакс-Україна|Interfax|Інтерфакс|UNIAN|УНІАН|"
    r"RBC-Ukraine|РБК-Україна|Ukrainska Pravda|Українська правда|LIGA\.net|ЛІГА\.net|Suspilne|Суспільне|"
    r"Hromadske|Громадське|NV|Censor\.net|Цензор\.НЕТ|TSN|ТСН|Espreso|Еспресо|ZN\.ua|Дзеркало тижня|"
    r"BBC News Україна|BBC News Ukrainian|BBC|DW|Deutsche Welle|Radio Svoboda|Радіо Свобода|Ukrinform\.net)"
)
_PLACE = rf"[{_UC}][\w'’.-]*(?:[ -][{_UC}][\w'’.-]*){{0,2}}"
_DATELINE = re_compile(rf"^{_PLACE}\s*[•·|]\s*(?:{_AGENCIES}|[{_UC}]{{2,8}})$")
_DATELINE_GLUED = LazyPattern(rf"^{_PLACE}\s*[•·]\s*{_AGENCIES}(?=\s)\s*")
_DATELINE_SLASH = re_compile(rf"^{_PLACE},?\s*(?:{_DATE}\.?\s*)?[/(]\s*{_AGENCIES}\s*[/)]\.?$")

# Page-title source tag at the end of a headline: " - DW - 09.02.2023", " | Ukrinform".
_OUTLET = rf"[{_UC}][\w.&'’-]*(?:\s+\w[\w.&'’-]*){{0,3}}"
_SOURCE_TAG_END = LazyPattern(
    rf"\s+{_SEP}\s*{_OUTLET}\s*{_SEP}\s*{_DATE_NUM}\s*$|\s*\|\s*{_AGENCIES}\s*$"
    rf"|\s+{_DASH}\s*(?:BBC News Україна|BBC News Ukrainian|DW|Deutsche Welle)\s*$"
)
_SOURCE_TAG_END_NAMES = ("BBC News Україна", "BBC News Ukrainian", "DW", "Deutsche Welle")


def _source_tag_end(text: str) -> re.Match[str] | None:
    """``_SOURCE_TAG_END.search(text)``, skipped when it cannot match: each alternative ends the text (but for white
    space) with a date, a "|"-separated agency name, or one of `_SOURCE_TAG_END_NAMES` (keep them in step)."""
    tail = text.rstrip()
    if "|" in text or tail[-1:].isdigit() or tail.endswith(_SOURCE_TAG_END_NAMES):
        return _SOURCE_TAG_END.search(text)
    return None


_SOURCE_TAG_LINE = re_compile(rf"^{_SEP}?\s*{_OUTLET}\s*{_SEP}\s*{_DATE_NUM}$|^{_SEP}\s*{_AGENCIES}$")
# The same tag glued without spaces ("…victims-DW-08.02.2023"): only with a known outlet, since a hyphen inside a
# word is common; tried before `_SOURCE_TAG_END` so that "…- ISW-DW-09.02.2023" keeps its "- ISW" attribution.
_SOURCE_TAG_GLUED = LazyPattern(rf"\s*{_SEP}\s*{_AGENCIES}\s*{_SEP}\s*{_DATE_NUM}\s*$")

# Bylines and label lines of the page ("Author: Olena Petrenko", "By Olena Petrenko", "Source: Ukrinform",
# "Tags: war, Russia"). Labels are case-insensitive; names must be capitalised words.
_NAME_WORD = rf"[{_UC}][\w'’.-]*"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
_NAMES = rf"{_NAME}(?:\s*(?:,|&|\band\b|\bта\b|\bі\b|\bй\b)\s*{_NAME}){{0,3}}"
_BYLINE_LABEL = (
    r"(?i:authors?|автор|авторка|автори|translat(?:ed by|ion|or)|перекладач(?:ка)?|переклад|editor|edited by|"
    r"редактор(?:ка)?|written by|text by|reporter|correspondent|кореспондент(?:ка)?|текст)"
)
# "By Olena Petrenko" without a colon: two to four capitalised words that are not a date or a headline's nouns
# ("By Christmas Day", "By Ukraine's Standards")
_BY_NOT_NAME = LazyPattern(
    rf"\b(?:{_MONTHS_EN}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Day|Days|Year|Years|Week|Month|"
    r"End|Time|Christmas|Easter|Law|Decree|Order|Force|Means|Sea|Land|Air|Road|Rail|Train|Car|Way|Far|All|Any)\b"
    r"|['’]s\b"
)
_BYLINE = re_compile(
    rf"^(?:{_BYLINE_LABEL}\s*[:：]\s*(?:{_NAMES})?|(?i:by|translated by|edited by|written by|text by)\s+"
    rf"{_NAME_WORD}\s+{_NAMES})\.?$"
)
_SOURCE_LABEL = re_compile(
    rf"^(?i:source|sources|джерело|джерела)\s*[:：]\s*(?:{_AGENCIES}(?:\s*(?:[,/]|\band\b|\bта\b)\s*{_AGENCIES})*)?\.?$"
)
_AGENCY_LINE = re_compile(rf"^{_AGENCIES}\.?$")
# The agency with its place, either order ("UNN, Kyiv", "Kyiv, UNN"), or a place with the date and time
_DATELINE_COMMA = LazyPattern(rf"^(?:{_AGENCIES}\s*,\s*{_PLACE}|{_PLACE}\s*,\s*{_AGENCIES})\.?$")
# The most words a `_DATELINE_COMMA` match has: `_PLACE` is one to three words joined by one space or hyphen, an
# agency name at most three (the tests count them); the comma adds none.
_DATELINE_COMMA_WORDS = 6
_PLACE_STAMP = LazyPattern(rf"^{_PLACE}\s*,\s*(?:{_WEEKDAY}\s*,?\s*)?{_STAMP}$", re.I)
# The agency's own domain alone on a line
_AGENCY_DOMAIN = LazyPattern(
    r"^(?:https?://)?(?:www\.)?(?:unn|ukrinform|interfax|en\.interfax|unian|pravda|eurointegration|rbc|liga|nv|"
    r"tsn|censor|zn|suspilne|hromadske|espreso)\.(?:com\.ua|ua|net|com|org)(?:/\S*)?$",
    re.I,
)
_PHOTO_AGENCIES = (
    r"(?:Getty Images|Shutterstock|Depositphotos|iStock(?:photo)?|Unsplash|Pexels|Pixabay|Alamy|"
    r"EPA(?:-EFE)?|EFE|AP(?: Photo)?|AFP(?: Photo)?|Reuters(?: [Pp]hoto)?|dpa|DPA|"
    r"Ukrinform [Pp]hoto|UNIAN [Pp]hoto|Фото Укрінформу|Фото УНІАН)"
)
_PHOTO_BARE = LazyPattern(
    rf"^(?:{_NAMES}\s*/\s*)?{_PHOTO_AGENCIES}(?:\s*/\s*(?:{_PHOTO_AGENCIES}|{_NAME}))*\.?$"
)
_TAGS = re_compile(r"^(?i:tags|tag|теги|тег|мітки|keywords|ключові слова)\s*[:：]\s*(?P<items>[^.!?…]*)$")
# Reading time, comment count ("Reading time: 2 min", "Comments (0)", "💬 12").
_PAGE_INFO = re_compile(
    r"^(?i:reading time|read time|time to read|час читання|час на читання)\s*[:：]?\s*[~≈]?\s*"
    r"(?i:less than\s+|менше\s+|до\s+)?\d+\s*(?i:min(?:ute)?s?|хв(?:илин[иау]?)?)\.?$"
    r"|^\d+\s*(?i:min(?:ute)?s?|хв\.?)\s+(?i:read|reading|читання)$"
    r"|^(?i:comments?|коментарі|коментарів|коментар)\s*(?:\(\s*\d+\s*\)|[:：]\s*\d+)$"
    r"|^\d+\s*(?i:comments?|коментар(?:і|ів)?)$|^💬\s*\d+$"
)
# A label glued after the story's last sentence ("…of them. Source: Ukrinform", "…attack. Photo: Getty Images").
_LABEL_TAIL = LazyPattern(
    rf"(?<=[.!?…\"»”’)])\s*(?P<label>(?i:source|sources|джерело|джерела|photo|photos|фото|світлина|"
    rf"authors?|автор|авторка))\s*[:：]\s*(?P<value>[{_UC}0-9«\"“][^\n]{{0,60}}?)\s*$"
)
_LABEL_TAIL_KINDS = {
    "source": "source-tag", "sources": "source-tag", "джерело": "source-tag", "джерела": "source-tag",
    "photo": "photo-credit", "photos": "photo-credit", "фото": "photo-credit", "світлина": "photo-credit",
    "author": "byline", "authors": "byline", "автор": "byline", "авторка": "byline",
}

_TIMESTAMP_LINE = re_compile(
    rf"^(?:(?:Updated|Last updated|Published|Posted|Modified|Today|Yesterday|Оновлено|Опубліковано|Сьогодні|"
    rf"Вчора|Учора|Дата публікації|Date of publication|Publication date|Published on)\s*[:,]?\s*"
    rf"(?:at\s+|on\s+|о\s+)?)?(?:{_WEEKDAY}\s*,?\s*)?{_STAMP}(?:{_VIEWS_TAIL})?\.?$",
    re.I,
)
_RELATIVE_LINE = re_compile(
    r"^(?:(?:Updated|Published|Оновлено|Опубліковано)\s*:?\s*)?(?:\d+|an?|one)\s*"
    r"(?:(?:second|sec|minute|min|hour|hr|day|week|month|year)s?(?:\s*\(s\))?\s+ago"
    r"|(?:секунд[иу]?|хвилин[иу]?|хв\.?|годин[иу]?|год\.?|дн(?:і|ів)|день|тиж(?:день|ні|нів)|місяц(?:ь|і|ів))"
    r"\s*(?:\([^)]{1,4}\))?\s+тому)\.?$",
    re.I,
)
_VIEWS_LINE = re_compile(
    rf"^(?:[•·|\s]|{_EYE})*{_NUM}\s*{_VIEWS_WORD}\.?$|^(?:{_VIEWS_WORD}|{_EYE})\s*[:：]?\s*(?:{_COUNT}|{_NUM})$"
    rf"|^(?:{_COUNT})\s*{_EYE}$",
    re.I,
)

_READ_ALSO = re_compile(
    r"^(?:read also|also read|read more|read more about (?:it|this)|see also|also see|watch also|also watch|"
    r"related|related news|related articles|more on the topic|on the topic|more news on the topic|"
    r"читайте також|читайте ще|також читайте|читати також|дивіться також|також дивіться|дивіться відео|"
    r"по темі|більше на тему|більше по темі|схожі новини|пов['’]язані новини|новини на тему)"
    r"\s*(?:[:：»>→]|[-–—]\s|$)",
    re.I,
)
_READ_ALSO_GLUED = re_compile(
    r"(?<=[.!?…\"»”])\s*(?:Read also|Also read|Read more|See also|Читайте також|Читайте ще|Дивіться також)"
    r"\s*[:：].*$",
    re.S,
)

# A literal that each label of `_READ_ALSO_GLUED` starts with (keep them in step; the pattern is case-sensitive).
_READ_ALSO_GLUED_LEAD = re_compile(r"Read |Also read|See also|Читайте |Дивіться також")

_PHOTO = re_compile(
    r"^(?:(?:photo|photos|photograph|image|video|illustration|graphics|infographic|фото|фотографія|світлина|"
    r"відео|ілюстрація|інфографіка|зображення)\s*(?:by|credit|credits|courtesy(?: of)?|source|автор(?:а|ки)?|"
    r"надане|надано)\b\s*[,:]?|(?:photo|photos|image|video|фото|світлина|відео|ілюстрація|зображення)\s*[:：]"
    r"|(?:photo|фото)\s*[-–—]\s+\S"
    r"|author of (?:the )?photo|photo author|автор фото|автор світлини|фото автора"
    r"|photo caption|image caption|caption\s*[:,]|підпис до (?:фото|світлини|зображення)"
    r"|(?:caption|signature)\s+(?:for|to|of)\s+(?:the\s+)?(?:photo|image|picture)\s*[:,]?\s*$"
    r"|(?:cover|main|title|header|lead)\s+(?:photo|image|picture)\s*[:：]|(?:головне|титульне)\s+фото\s*[:：]"
    r"|illustrative (?:photo|image|picture)|ілюстративне фото|фото ілюстративне|photo illustration"
    r"|фото з відкритих джерел|photo from open sources|фото з соцмереж|photos? from social (?:networks|media))",
    re.I,
)
_COPYRIGHT_START = re_compile(r"^(?:©|\(c\)\s|copyright\b)", re.I)  # (starts with one of "©(cC")
_COPYRIGHT_ANY = re_compile(
    r"all rights reserved|(?:всі|усі) права захищен[іо]|"
    r"при (?:використанні|цитуванні|передруку)\b.{0,120}\b(?:гіпер)?посилання\b.{0,60}\bобов['’]язков|"
    r"\b(?:hyper)?link to\b.{1,80}\bis (?:required|mandatory|obligatory)|"
    r"when (?:using|quoting|citing|reprinting)\b.{0,100}\b(?:hyper)?link\b",
    re.I,
)
_COPYRIGHT_ANY_FOLDED = FoldedPattern(_COPYRIGHT_ANY)  # the same search, faster (tqa.text.fold)


# Literals that every `_COPYRIGHT_ANY` match holds in lower case (keep them in step): "nk" (link), "erved" (rights
# reserved), "илання" (посилання), "захищен" (права захищен). None of their letters is IGNORECASE-matched by a
# character whose lower case differs (`tqa.text.fold`'s İ ı ſ ᲀ-ᲆ; K lowers to k), so a match's lower case holds them.
_COPYRIGHT_LITERALS = ("nk", "erved", "илання", "захищен")
# A stronger test, alternative by alternative (`_copyright_possible`): "erved", "захищен", "илання" as above; the
# "link to … is required" alternative holds "nk to" (its space is a literal one), the "when using … link" one "when "
# and "nk". Their other letters (w h t o) are, like those above, IGNORECASE-matched only by characters that
# lower-case to them (tests/text/test_residue_speed.py checks every code point).
_COPYRIGHT_PHRASES = ("nk to", "when ")


def _copyright_possible(low: str) -> bool:
    """False only when no `_COPYRIGHT_ANY` match can be in the text whose lower case is `low` (see above). (Scanned
    in this order: "nk to" holds "nk"; an ASCII `low` — ``str.isascii`` is O(1) — holds no Cyrillic literal.)"""
    return (
        "erved" in low
        or "nk" in low and ("nk to" in low or "when " in low)
        or not low.isascii() and ("илання" in low or "захищен" in low)
    )


def _copyright_any(text: str) -> re.Match[str] | None:
    """``_COPYRIGHT_ANY.search(text)``, skipped when `_copyright_possible` says no match can be there (exact: see
    there); otherwise the folded search (tqa.text.fold)."""
    if not _copyright_possible(text.lower()):
        return None
    return _COPYRIGHT_ANY_FOLDED.search(text)


_SOCIAL_NETS = (
    r"(?:telegram|телеграм|телеграмі|facebook|фейсбук|фейсбуці|twitter|твіттер|instagram|інстаграм|youtube|ютуб|"
    r"viber|вайбер|whatsapp|tiktok|тікток|google news|linkedin|threads|x\.com)"
)
_SOCIAL = re_compile(
    rf"^(?:(?:subscribe|follow|join|sign up)\b.{{0,80}}\b(?:{_SOCIAL_NETS}|channel|newsletter|page)"
    rf"|(?:підписуйтес[ья]|підпишіться|підписатися|стежте|слідкуйте|приєднуйтес[ья]|долучайтес[ья])\b.{{0,80}}(?:{_SOCIAL_NETS}|канал|сторінк|розсилк)"
    rf"|(?:читайте|read|дивіться|watch)\s+(?:нас|us|\w+|the news|більше новин|more news|новини)\s+(?:у|в|on|in)\s+"
    rf"{_SOCIAL_NETS}"
    rf"|(?:if you (?:notice|find|see|spot)|якщо ви (?:помітили|знайшли|побачили))\b.{{0,60}}ctrl\s*\+\s*enter"
    # "Subscribe to UNN", "Follow us on X", "Support Ukrinform": a prompt naming the outlet itself
    rf"|(?:subscribe|follow|join|підпишіться|підписуйтес[ья]|стежте|слідкуйте|приєднуйтес[ья]|support|donate to|"
    rf"підтримайте|підтримати)\s+(?:to\s+|on\s+|на\s+|за\s+)?(?:us|нас|нами|{_AGENCIES}|(?:our|нашу|наших)\s+"
    rf"(?:newsroom|journalists|journalism|editorial (?:office|team)|редакцію|журналістів))"
    rf"(?:\s+(?:on|in|at|у|в|на)\s+\S+(?:\s+\S+){{0,3}})?[.!]?$"
    # "More news in our Telegram channel", "Усі новини — у нашому Telegram"
    rf"|(?:more|all|the latest|latest|other|even more|більше|ще більше|усі|всі|найсвіжіші|останні|головні)\s+"
    rf"(?:news|stories|updates|новин[иі]?|матеріалів)\b.{{0,40}}\b(?:on|in|at|у|в|на)\s+(?:our|нашому|нашім|нашій|"
    rf"{_AGENCIES})\b.{{0,30}}\b(?:{_SOCIAL_NETS}|channel|каналі?)\S*(?:\s+\S+){{0,2}}[.!]?$)",
    re.I,
)
_SHARE = re_compile(
    rf"^(?i:share|поділитися|поділіться|поширити|share this(?: article| story| news)?)\s*"
    rf"(?i:(?:on|in|via|у|в)\s+(?:{_SOCIAL_NETS}|x))?\s*[:：]?$"
)
# "Found a mistake? Select it and press Ctrl+Enter": an error-report prompt, whatever its wording
_CTRL_ENTER = LazyPattern(r"ctrl\s*\+\s*enter", re.I)
_MISTAKE = LazyPattern(r"mistake|error|typo|inaccura|помилк|неточн|друкарськ", re.I)
_SOCIAL_TOKENS = frozenset(
    "facebook twitter telegram viber whatsapp instagram youtube tiktok linkedin email e-mail x pinterest reddit "
    "threads share поділитися копіювати скопіювати посилання copy link телеграм фейсбук tweet send надіслати".split()
)
_SOCIAL_PHRASES = ("copy link", "копіювати посилання", "скопіювати посилання")  # read as "share"
_SOCIAL_SEPARATORS = ",|•·/"  # `_is_social_tokens` splits on these and white space
_SOCIAL_SPLIT = re_compile(r"[\s,|•·/]+")
_SOCIAL_FIRST = frozenset(
    "".join({w[0] for w in _SOCIAL_TOKENS}) + "".join({w[0].upper() for w in _SOCIAL_TOKENS}) + _SOCIAL_SEPARATORS
    + "\u0130\u0131\u017f\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u212a"
)
_SOCIAL_LAST = frozenset(
    "".join({w[-1] for w in _SOCIAL_TOKENS}) + "".join({w[-1].upper() for w in _SOCIAL_TOKENS}) + _SOCIAL_SEPARATORS
    + "\u0130\u0131\u017f\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u212a"
)
_ADVERTISEMENT = frozenset(
    {
        "advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "partner content",
        "promoted", "реклама", "на правах реклами", "партнерський матеріал", "партнерський проєкт",
        "партнерський проект", "промо", "спецпроєкт", "спецпроект", "special project", "партнерські новини",
        "новини партнерів", "partner news",
    }
)
# Rubric and navigation items of Ukrainian news sites (English and Ukrainian editions).
_NAVIGATION = frozenset(
    {
        # English
        "home", "main", "main page", "news", "latest news", "all news", "top news", "main news", "news feed",
        "newsfeed", "popular", "most read", "most popular", "trending", "politics", "economy", "economics",
        "business", "finance", "finances", "society", "world", "world news", "war", "war in ukraine",
        "russian-ukrainian war", "regions", "sports", "sport", "culture", "health", "technology",
        "technologies", "tech", "science", "lifestyle", "entertainment", "opinion", "opinions", "columns",
        "blogs", "interview", "interviews", "analytics", "exclusive", "exclusives", "special projects",
        "videos", "gallery", "photo gallery", "infographics", "podcasts", "weather", "weather forecast",
        "horoscope", "exchange rates", "currency exchange rates", "currency rates", "exchange rate",
        "fuel prices", "electricity outage schedules", "electricity outage schedule", "power outage schedules",
        "power outage schedule", "outage schedules", "blackout schedules", "blackout schedule",
        "air raid alert map", "air alert map", "air raid alerts map", "map of air raid alerts", "alert map",
        "contacts", "about us", "search", "menu", "tags", "comments", "more news", "editor's choice",
        "editors' choice", "newsletter", "log in", "login", "sign in", "incidents", "crime", "kyiv news",
        "ukraine news", "press releases", "press release", "announcements", "events", "all publications",
        "publications", "archive", "news archive", "show more", "load more", "next", "previous",
        "print version", "printable version", "print this article", "print article", "version for print",
        "popular news", "add to favorites", "add to favourites", "font size", "listen to the news",
        "listen to the article", "listen to the story", "video", "watch the video",
        # Ukrainian
        "головна", "головна сторінка", "новини", "останні новини", "усі новини", "всі новини", "головні новини",
        "стрічка новин", "популярне", "популярні новини", "найпопулярніше", "найбільш читані", "політика",
        "економіка", "бізнес", "фінанси", "суспільство", "світ", "у світі", "війна", "війна в україні",
        "російсько-українська війна", "регіони", "спорт", "культура", "здоров'я", "здоров’я", "технології",
        "наука", "лайфстайл", "розваги", "думки", "думка", "колонки", "блоги", "інтерв'ю", "інтерв’ю",
        "аналітика", "ексклюзив", "спецпроєкти", "спецпроекти", "фотогалерея", "галерея", "інфографіка",
        "подкасти", "погода", "прогноз погоди", "гороскоп", "курс валют", "курси валют", "ціни на пальне",
        "графік відключень", "графіки відключень", "графіки відключень світла", "графік відключень світла",
        "графіки відключень електроенергії", "графіки відключення світла", "мапа тривог", "карта тривог",
        "карта повітряних тривог", "мапа повітряних тривог", "контакти", "про нас", "пошук", "меню", "теги",
        "коментарі", "більше новин", "вибір редакції", "розсилка", "увійти", "події", "надзвичайні події",
        "кримінал", "новини києва", "новини україни", "прес-релізи", "анонси", "усі публікації",
        "всі публікації", "публікації", "архів", "архів новин", "показати більше", "завантажити ще",
        "версія для друку", "друкувати", "роздрукувати", "популярні", "додати в обране", "розмір шрифту",
        "прослухати новину", "відео", "дивитися відео",
    }
)
_HAS_DIGIT = re_compile(r"\d")


def _has_digit(text: str) -> bool:
    """``_HAS_DIGIT.search(text) is not None``, faster for ASCII text (``str.isascii`` is O(1)): there \\d matches only
    the ten ASCII digits, and ten substring tests are C scans."""
    if text.isascii():
        return (
            "0" in text or "1" in text or "2" in text or "3" in text or "4" in text
            or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text
        )
    return _HAS_DIGIT.search(text) is not None

_HAS_TIME = re_compile(r"\d:\d\d")
_BREADCRUMB_SPLIT = re_compile(r"\s*(?:›|»|>|→|/|•|·|\|)\s*")

# Agency lead-ins that look like rubric lines but belong to the story ("Let us recall", "Нагадаємо").
_LEAD_INS = frozenset(
    {
        "let us recall", "let's recall", "recall", "recall that", "we remind", "we would like to remind",
        "as a reminder", "reminder", "to recall", "we will remind", "let us remind", "let us remind you",
        "нагадаємо", "нагадуємо", "нагадаємо що", "нагадаємо, що", "також", "додамо", "зазначимо",
        "also", "in addition", "additionally", "note", "context", "background", "контекст", "довідка",
        "for reference", "довідково",
    }
)

_SENTENCE_END = ".!?…"
_CLOSERS = "\"'»”’)]"
_EN_VERBISH = frozenset(
    "is are was were be been being will would can could may might must should shall has have had do does did "
    "says said say calls called urges urged wants wanted plans planned announces announced reports reported "
    "i we he she they it you there this that who which".split()
)


def _norm_line(text: str) -> str:
    t = text.strip().strip("•·|-–—›»>→:：").strip()
    return " ".join(t.lower().split())


def _words(text: str) -> list[str]:
    return text.split()


def is_lead_in(text: str) -> bool:
    """``Let us recall``, ``Нагадаємо`` and similar: an agency lead-in (part of the story), never residue."""
    return _norm_line(text).rstrip(".,:;") in _LEAD_INS


def looks_title_like(text: str, max_words: int = 6) -> bool:
    """A short line with no final punctuation and, for English, no auxiliaries, modals or pronouns: the shape of a
    rubric or navigation line (and, unfortunately, of a short headline: use it only with story context)."""
    t = text.strip()
    if not t or len(t) > 60 or is_lead_in(t):
        return False
    words = _words(t)
    if not 1 <= len(words) <= max_words:
        return False
    if t[-1] in _SENTENCE_END or t[-1] in ",;:" or t[-1] in _CLOSERS:
        return False
    if not (t[0].isupper() or t[0].isdigit()):
        return False
    low = {w.strip(".,:;!?\"'«»“”()").lower() for w in words}
    if low & _EN_VERBISH:
        return False
    return True


# -- whole paragraphs ----------------------------------------------------------------------------------------------


def _is_widget(t: str) -> bool:
    tokens = [tok for tok in re.split(r"\s+", t) if tok]
    if not tokens or len(tokens) > 12:
        return False
    strong = False
    for tok in tokens:
        if not _WIDGET_TOKEN.match(tok):
            return False
        if _WIDGET_NUM.fullmatch(tok) or tok[:1] in "$€£₴" and len(tok) > 1 or tok[-1:] in "$€£₴" and len(tok) > 1:
            strong = True
    if not strong:
        # "USD 41.25 / 41.45": a currency code with decimal rates
        has_code = any(tok in ("USD", "EUR", "GBP", "PLN", "CHF") for tok in tokens)
        has_rate = any(re.fullmatch(r"\d{1,3}[.,]\d{2,4}", tok) for tok in tokens)
        strong = has_code and has_rate
    return strong


def _is_social_tokens(t: str) -> bool:
    # Exact pre-check on the stripped line: its first and last tokens are social tokens (or "share", for a phrase),
    # so its first and last characters are a token's first or last character (in some case) or a separator.
    if t[0] not in _SOCIAL_FIRST or t[-1] not in _SOCIAL_LAST:
        return False
    low = t.lower()
    for phrase in _SOCIAL_PHRASES:
        low = low.replace(phrase, "share")
    first = _SOCIAL_SPLIT.split(low, 1)[0]
    if first and first not in _SOCIAL_TOKENS:
        return False  # (exact: `first` is the first of the tokens below, and all of them must be social tokens)
    tokens = [w for w in _SOCIAL_SPLIT.split(low) if w]
    if not tokens or len(tokens) > 10:
        return False
    if not all(w in _SOCIAL_TOKENS for w in tokens):
        return False
    return len(tokens) >= 2 or tokens[0] in ("share", "поділитися")


def _is_breadcrumb(t: str) -> bool:
    if len(t) > 80 or t[-1] in _SENTENCE_END:
        return False
    parts = [p for p in _BREADCRUMB_SPLIT.split(t) if p]
    if len(parts) < 2:
        return False
    if not all(len(p.split()) <= 4 and (p[0].isupper() or p[0].isdigit()) for p in parts):
        return False
    return any(_norm_line(p) in _NAVIGATION for p in parts)


def _is_teaser_stamp(text: str, m: re.Match) -> bool:
    """A `_TEASER_STAMP` match that is a teaser's stamp rather than a time in a sentence: it carries a view count,
    or it is glued to the word before it and carries a date ("…an ally02.03.26, 15:55", "…overnight14:05,
    10.04.2026"), or it is a bare time glued to the paragraph's last word ("…overnight14:05")."""
    if m.group("views"):
        return True
    s = m.start()
    if s == 0 or text[s - 1].isspace() or text[s - 1].isdigit():
        return False
    if m.group("date") or m.group("date2"):
        return True
    return text[s - 1].isalpha() and not text[m.end():].strip()


def _teaser_whole(t: str) -> bool:
    """Teaser headline + its stamp as one paragraph: "…as an ally02.03.26, 15:55 • 5350 views"."""
    # (the last stamp must end the text: it cannot unless the text ends as a `_TEASER_STAMP` match can)
    if _TEASER_END.search(t.rstrip()[-_TEASER_END_SPAN:]) is None:
        return False
    m = None
    for m in _TEASER_STAMP.finditer(t):
        pass
    if m is None or t[m.end():].strip():
        return False
    head = t[: m.start()]
    if not _is_teaser_stamp(t, m):
        return False
    head = head.rstrip()
    if not head:
        return True  # a bare stamp (classified as a timestamp before we get here)
    if head[-1] in _SENTENCE_END or len(head.split()) > 30:
        return False
    # one sentence only: no sentence-final punctuation followed by a capital inside the head
    return not re.search(rf"[{re.escape(_SENTENCE_END)}][\"»”’)]*\s*[{_UC}]", head)


_RELATIVE_LAST = frozenset("oOуУ")  # `_may_be_relative`'s last characters (a set: "" is no member)


def _may_be_relative(t: str) -> bool:
    """False only where `_RELATIVE_LINE` cannot match the stripped line `t`: its matches end with "ago" or "тому" and
    an optional period, and IGNORECASE matches no other character to o or у (`tqa.text.fold`)."""
    end = t[:-1] if t.endswith(".") else t
    return end[-1:] in ("o", "O", "у", "У")


# First characters of the start-anchored patterns below, for exact pre-checks on ``t[0]`` (t is stripped). Each set
# holds the lower-cased characters a match can start with (derived from the parsed patterns: tests/text/
# test_residue_speed.py re-derives them with ``re._parser`` and fails when a pattern gains a first character), their
# upper case, and the characters IGNORECASE matches to an ASCII or Cyrillic letter other than their own lower case
# (`tqa.text.fold`: İ ı ſ ᲀ-ᲆ K). A pattern that can start with a digit is tried when ``t[0].isdecimal()`` (``\d``).
_FOLD_SPECIALS = "\u0130\u0131\u017f\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u212a"


def _first_set(chars: str) -> frozenset[str]:
    return frozenset(chars + chars.upper() + _FOLD_SPECIALS)


_FIRST = {
    "views": _first_set("v|·п•👀👁"),  # and digits (t is stripped: \s cannot start it)
    "timestamp": _first_set("adfjlmnopstuwyвднопсуч"),  # and digits
    "read-also": _first_set("amorswбднпстч"),
    "photo": _first_set("acghilmpstvавгзпстфі"),
    "social": _first_set("adefijlmorstwбвгднопсучщя"),
    "tags": _first_set("ktкмт"),
    "share": _first_set("sп"),
    "byline": _first_set("abcertwакпрт"),
    "source-label": _first_set("sд"),
    "page-info": _first_set("crtкч💬"),  # and digits
}
_FIRST_VIEWS = _FIRST["views"]
_FIRST_TIMESTAMP = _FIRST["timestamp"]
_FIRST_SHARE = _FIRST["share"]
_FIRST_BYLINE = _FIRST["byline"]
_FIRST_SOURCE_LABEL = _FIRST["source-label"]
_FIRST_PAGE_INFO = _FIRST["page-info"]
# The first two characters, lower-cased, of every match of four of these patterns (each of their alternatives opens
# with a literal word of two letters or more; re-derived by the tests): a stronger pre-check than the first character.
# Tried on ``t[:2].lower()`` unless one of the two characters is one of `_FOLD_SPECIALS` (IGNORECASE matches them to
# letters other than their lower case).
_FIRST2 = {
    "photo": frozenset("au ca co gr he il im in le ma ph si ti vi ав ві го зо пі св ти фо іл ін".split()),
    "social": frozenset(
        "al do ev fo if jo la mo ot re si su th wa бі вс го ди до на ос пр пі сл ст ус чи ще як".split()
    ),
    "read-also": frozenset("al mo on re se wa бі ди но по сх та чи".split()),
    "tags": frozenset("ke ta кл мі те".split()),
    # (of the `_VIEWS_LINE` matches that start with a letter: a views word; tried when ``t[0].isalpha()``)
    "views": frozenset("vi пе пр".split()),
    # (a `_TIMESTAMP_LINE` match not starting with a digit opens with a label word, a weekday or a month name; the
    # ones starting with a digit are tried on ``t[0].isdecimal()``)
    "timestamp": frozenset(
        "ap au da de fe fr ja ju la ma mo no oc po pu sa se su th to tu up we ye вч ві да не он оп п' по п’ се су сь "
        "уч че".split()
    ),
}
_FIRST2_PHOTO = _FIRST2["photo"]
_FIRST2_SOCIAL = _FIRST2["social"]
# Every `_SOCIAL` match whose first two characters lower-case to "th" lower-cases to "the la…" ("the latest news on
# our channel"; re-derived by the tests): most story lines starting "Th" are let through by the two-character test
# alone. IGNORECASE matches e, space, l and a only with characters that lower-case to them (tested), and lower case
# lengthens no other character (U+0130 is one of `_FOLD_SPECIALS`, after which no two-character test is made).
_SOCIAL_TH = frozenset({"the la"})
# Likewise every `_TIMESTAMP_LINE` match starting "th" lower-cases to "thu…" (Thursday, Thu, Thur, Thurs): story lines
# starting "The", "This", "They" skip the digit test and the pattern.
_TIMESTAMP_TH = frozenset({"thu"})
_FIRST2_TIMESTAMP = _FIRST2["timestamp"]
_FIRST2_VIEWS = _FIRST2["views"]
_FIRST2_READ_ALSO = _FIRST2["read-also"]
_FIRST2_TAGS = _FIRST2["tags"]
_FOLD_SPECIAL_SET = frozenset(_FOLD_SPECIALS)
# The patterns each set stands for (for the tests).
FIRST_CHAR_PATTERNS = {
    "views": "_VIEWS_LINE", "timestamp": "_TIMESTAMP_LINE", "read-also": "_READ_ALSO", "photo": "_PHOTO",
    "social": "_SOCIAL", "tags": "_TAGS", "share": "_SHARE", "byline": "_BYLINE", "source-label": "_SOURCE_LABEL",
    "page-info": "_PAGE_INFO",
}
_NORM_STRIP = "•·|-–—›»>→:："  # what `_norm_line` strips from the ends (keep in step)
# The most words a normal form in `_LEAD_INS`, `_ADVERTISEMENT` or `_NAVIGATION` has.
_MAX_SET_WORDS = max(len(x.split()) for x in (*_LEAD_INS, *_ADVERTISEMENT, *_NAVIGATION))


@functools.lru_cache(maxsize=16384)
def classify_residue(text: str) -> str | None:
    """The residue kind of a whole paragraph (one of `RESIDUE_KINDS`), or None for story text.

    >>> classify_residue("$43.230.13"), classify_residue("Kyiv • UNN"), classify_residue("Нагадаємо")
    ('exchange-rate-widget', 'dateline', None)
    """
    t = text.strip()
    if not t or len(t) > 400:
        return None
    n_words = len(t.split())
    # The normal form only matters when it can be in one of the word sets: when no end character is stripped,
    # `_norm_line(t)` is t lower-cased with its words joined by one space (lower case neither makes nor removes
    # white space), so it has n_words words.
    if n_words <= _MAX_SET_WORDS or t[0] in _NORM_STRIP or t[-1] in _NORM_STRIP:
        norm = _norm_line(t)
        if norm.rstrip(".,:;") in _LEAD_INS:  # is_lead_in(t), keeping its normal form for the tests below
            return None
    else:
        norm = None  # (n_words words: in no set)
    c0 = t[0]
    c0_digit = c0.isdecimal()
    p2 = t[:2].lower()
    if c0 in _FOLD_SPECIAL_SET or t[1:2] in _FOLD_SPECIAL_SET:
        p2 = None  # (the two-character pre-checks do not apply: try the patterns)
    # Every match of _VIEWS_LINE and _TIMESTAMP_LINE holds a digit. The digit test is made here only where one of
    # them can be tried (elsewhere False stands in for it: each of their uses below is already ruled out); the widget
    # and _PLACE_STAMP tests make it themselves when they are reached (rarely).
    # (a timestamp line not starting with a digit passes the first-character and the two-character test)
    timestamp_first = c0_digit or c0 in _FIRST_TIMESTAMP and (
        p2 is None or p2 in _FIRST2_TIMESTAMP and (p2 != "th" or t[:3].lower() in _TIMESTAMP_TH)
    )
    # (a views line starting with a letter passes the two-character test; the others start with a digit or a mark)
    views_first = c0_digit or c0 in _FIRST_VIEWS and (p2 is None or p2 in _FIRST2_VIEWS or not c0.isalpha())
    digit_first = views_first or timestamp_first
    has_digit = digit_first and _has_digit(t)
    # A widget line is at most 80 characters and 12 tokens (`_is_widget`: its tokens are the words, both split on
    # the same white space), and its last token ends as a `_WIDGET_TOKEN` does (`_WIDGET_LAST`, or "грн.").
    if len(t) <= 80 and n_words <= 12 and (
        t[-1].isdecimal() or t[-1] in _WIDGET_LAST or t.endswith("грн.")
    ) and (has_digit if digit_first else _has_digit(t)) and _is_widget(t):
        return "exchange-rate-widget"
    if has_digit and views_first and _VIEWS_LINE.match(t):
        return "view-counter"
    last = t[-1]  # (_may_be_relative(t), inlined)
    if has_digit and timestamp_first and _TIMESTAMP_LINE.match(t) or (
        last in _RELATIVE_LAST or last == "." and t[-2:-1] in _RELATIVE_LAST
    ) and _RELATIVE_LINE.match(t):
        return "timestamp"
    # (each of these three needs its separator: _DATELINE one of "•·|", _DATELINE_SLASH "/" or "(", _SOURCE_TAG_LINE
    # one of `_SEP`)
    if n_words <= 8 and (
        ("•" in t or "·" in t or "|" in t) and _DATELINE.match(t) or ("/" in t or "(" in t) and _DATELINE_SLASH.match(t)
    ):
        return "dateline"
    if n_words <= 8 and ("-" in t or "–" in t or "—" in t or "−" in t or "|" in t) and _SOURCE_TAG_LINE.match(t):
        return "source-tag"
    if n_words <= 40 and (p2 is None or p2 in _FIRST2_READ_ALSO) and _READ_ALSO.match(t):
        return "read-also"
    if n_words <= 30 and (p2 is None or p2 in _FIRST2_PHOTO) and _PHOTO.match(t):
        return "photo-credit"
    if (n_words <= 60 and t[0] in "©(cC" and _COPYRIGHT_START.match(t)) or (n_words <= 30 and _copyright_any(t)):
        return "copyright"
    if n_words <= 30 and (
        (p2 is None or p2 in _FIRST2_SOCIAL and (p2 != "th" or t[:6].lower() in _SOCIAL_TH)) and _SOCIAL.match(t)
        # (_is_social_tokens' own first test, before the call)
        or n_words <= 10 and t[0] in _SOCIAL_FIRST and t[-1] in _SOCIAL_LAST and _is_social_tokens(t)
    ):
        return "social-prompt"
    if n_words <= 25 and "+" in t and _CTRL_ENTER.search(t) and _MISTAKE.search(t):
        return "social-prompt"
    if n_words <= 6 and c0 in _FIRST_SHARE and _SHARE.match(t):
        return "social-prompt"
    if n_words <= 14 and (n_words <= 4 or t[-1] not in _SENTENCE_END):  # a longer line with a final stop: a sentence
        has_colon = ":" in t or "：" in t
        if c0 in _FIRST_BYLINE and _BYLINE.match(t) and (has_colon or not _BY_NOT_NAME.search(t)):
            return "byline"
        if n_words <= 3 and _AGENCY_LINE.match(t) or has_colon and c0 in _FIRST_SOURCE_LABEL and _SOURCE_LABEL.match(t):
            return "source-tag"
        if n_words == 1 and "." in t and _AGENCY_DOMAIN.match(t):
            return "source-tag"
        if "," in t:
            # (a `_DATELINE_COMMA` line is a place of ≤ 3 words and an agency name of ≤ 3: `_DATELINE_COMMA_WORDS`)
            if n_words <= _DATELINE_COMMA_WORDS and _DATELINE_COMMA.match(t):
                return "dateline"
            if (has_digit if digit_first else _has_digit(t)) and _PLACE_STAMP.match(t):
                return "timestamp"
        if (n_words <= 3 or "/" in t) and _PHOTO_BARE.match(t):
            return "photo-credit"
        if (c0_digit or c0 in _FIRST_PAGE_INFO) and _PAGE_INFO.match(t):
            return "page-info"
    if n_words <= 16 and (p2 is None or p2 in _FIRST2_TAGS):
        m = _TAGS.match(t)
        if m and all(len(item.split()) <= 4 for item in re.split(r"[,;|•#]", m.group("items"))):
            return "navigation"
    if norm is not None and norm in _ADVERTISEMENT:
        return "advertisement"
    if n_words <= 6 and norm in _NAVIGATION:
        return "navigation"
    if n_words <= 12 and ("•" in t or "·" in t or "›" in t or "/" in t or "|" in t or "»" in t):
        if _is_breadcrumb(t):
            return "navigation"
    if n_words <= 34 and ":" in t and _HAS_TIME.search(t) and _teaser_whole(t):
        return "teaser"
    return None


# -- pieces glued inside a paragraph -------------------------------------------------------------------------------


def _teaser_head_start(text: str, stamp_start: int) -> int:
    """Where a teaser's headline starts when it follows the story's last sentence inside the same paragraph
    ("…the story ends. Teaser headline here02.03.26, 15:55 • 10 views"); `stamp_start` if there is none."""
    head = text[:stamp_start]
    m = None
    for m in re.finditer(rf"[{re.escape(_SENTENCE_END)}][\"»”’)]*(\s*)(?=[{_UC}\"«“])", head):
        pass
    if m is None:
        return stamp_start
    cand = head[m.end():]
    if not cand.strip() or cand.rstrip()[-1:] in _SENTENCE_END:
        return stamp_start
    if not 2 <= len(cand.split()) <= 30:
        return stamp_start
    return m.start(1)  # include the white space before the headline, so removing the span leaves "…ends."


def _short_label_value(value: str) -> bool:
    """The value of a glued ``Source:`` / ``Photo:`` label: a name of at most six words, not a sentence."""
    words = value.split()
    if not 1 <= len(words) <= 6 or re.search(rf"[{re.escape(_SENTENCE_END)}]\s", value):
        return False
    return not {w.strip(".,:;!?\"'«»“”()").lower() for w in words} & _EN_VERBISH


@functools.lru_cache(maxsize=16384)
def _spans(text: str) -> tuple[tuple[int, int, str], ...]:
    found: list[tuple[int, int, str]] = []
    # (an ASCII text — str.isascii is O(1) — holds none of the non-ASCII marks tested below: • · 👁 👀 ：)
    ascii_only = text.isascii()
    has_colon = ":" in text
    if has_colon and _HAS_TIME.search(text):
        for m in _TEASER_STAMP.finditer(text):
            s, e = m.start(), m.end()
            glued = s > 0 and not text[s - 1].isspace() and not text[s - 1].isdigit()
            if not _is_teaser_stamp(text, m):
                continue
            if not glued and s > 0:
                # spaced stamp with views: take the white space before it too
                s = len(text[:s].rstrip())
            start = _teaser_head_start(text, s) if (glued or m.group("views")) else s
            found.append((start, e, "teaser"))
    if "|" in text or not ascii_only and ("•" in text or "·" in text or "👁" in text or "👀" in text):
        for m in _INLINE_VIEWS.finditer(text):
            found.append((len(text[: m.start()].rstrip()), m.end(), "view-counter"))
    colon = text.rfind(":") if ascii_only else max(text.rfind(":"), text.rfind("："))
    tail = text.rstrip()
    ends_with_digit = tail[-1:].isdigit()
    if colon > 0 and len(text) - colon <= 70:
        # both pieces end the paragraph and their label sits just before its last colon
        tail_from = max(0, colon - 16)
        m = _VIEWS_TAIL_LABEL.search(text, tail_from) if ends_with_digit else None
        if m:
            found.append((m.start(), m.end(), "view-counter"))
        m = _LABEL_TAIL.search(text, tail_from)
        if m and _short_label_value(m.group("value")):
            found.append((m.start(), len(tail), _LABEL_TAIL_KINDS[m.group("label").casefold()]))
    if text.count(".") >= 2 and _WIDGET_HINT.search(text):  # (a widget number has two dots, and this shape)
        prev_end = -1
        for m in _WIDGET_NUM.finditer(text):
            # a glued rate+change number counts when it has a currency sign, opens the paragraph or follows another
            before = text[prev_end if prev_end >= 0 else 0 : m.start()]
            if text[m.start()] in "$€£₴" or m.start() == 0 or (prev_end >= 0 and not before.strip()):
                found.append((m.start(), m.end(), "exchange-rate-widget"))
                prev_end = m.end()
    # (_source_tag_end(text), inlined with the tail computed above)
    m = (_SOURCE_TAG_GLUED.search(text) if ends_with_digit else None) or (
        _SOURCE_TAG_END.search(text)
        if "|" in text or ends_with_digit or tail.endswith(_SOURCE_TAG_END_NAMES)
        else None
    )
    if m and m.start() > 0:
        found.append((m.start(), m.end(), "source-tag"))
    if has_colon and _READ_ALSO_GLUED_LEAD.search(text):
        m = _READ_ALSO_GLUED.search(text)
        if m and m.start() > 0:
            found.append((m.start(), len(tail), "read-also"))
    if not ascii_only and ("•" in text or "·" in text):
        m = _DATELINE_GLUED.match(text)
        if m and m.end() < len(text):
            found.append((0, m.end(), "dateline"))
    if not found:
        return ()
    # merge overlaps, keeping the first kind of each merged run (spans sorted by start, longer first)
    found.sort(key=lambda x: (x[0], -x[1]))
    merged: list[list] = []
    for s, e, k in found:
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e, k])
    return tuple((s, e, k) for s, e, k in merged if e > s)


def residue_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of residue glued inside a paragraph, sorted and non-overlapping: a related-news teaser's
    stamp (with its headline when it follows the story's last sentence), an inline ``• 126 views`` counter, a glued
    exchange-rate number, a page-title source tag at the end (`` - DW - 09.02.2023``), a ``Read also: …`` tail and
    a ``Kyiv • UNN`` dateline glued before the lead. A span may include the white space before the piece, so that
    removing it leaves clean text."""
    return list(_spans(text))


@functools.lru_cache(maxsize=8192)  # (asked for every paragraph of a pair by the length rules; pure)
def strip_residue(text: str) -> str:
    """`text` without its glued residue spans (a whole-paragraph residue becomes the empty string)."""
    if classify_residue(text):
        return ""
    spans = _spans(text)
    if not spans:
        return text
    out = []
    pos = 0
    for s, e, _k in spans:
        out.append(text[pos:s])
        pos = e
    out.append(text[pos:])
    return "".join(out).strip()
