"""1xx: untranslated text — Cyrillic left in the English copy.

One scan of each target paragraph (`scan_paragraph`) finds every Cyrillic letter and gives it to exactly one rule:

* a word mixing Latin letters with Cyrillic letters that are all drawn like Latin ones (``Prazі``, ``Servicе``), or
  a lone Cyrillic ``а``/``А``/``І`` between English words, or a Cyrillic ``х`` between numbers (``80 х 60 cm``) →
  TQA102 ``cyrillic-lookalike``, with the Latin spelling as a fix;
* every other Cyrillic word — including half-transliterated words such as ``Shchedрик`` — joins its Cyrillic
  neighbours into one run → TQA101 ``untranslated-cyrillic``, labelled Ukrainian/Russian/unknown;
* a paragraph that is mostly Cyrillic, or the source paragraph copied unchanged, is reported once by TQA103
  ``untranslated-paragraph`` and its runs and look-alikes are not reported again;
* a whole document in the wrong language (swapped files, a Russian source) is reported once by TQA104
  ``document-language``, and then the pair rules stay silent for that story.

Legitimate Cyrillic in English news copy, and how it is graded (documented in TQA101):

* ``Config.allow_cyrillic`` (and the Cyrillic entries of ``Config.allow_terms``): an allowed string is masked
  wherever it occurs as whole words, and a run equal to or contained in an allowed string is not reported;
* a gloss — the original in parentheses right after its English rendering, ``Shchedryk (Щедрик)``,
  ``Ukrainska Pravda ("Українська правда")`` — is reported as *info*;
* an address or tag copied verbatim from the source (``запрошення@example.cz``) is *info*: it cannot be
  translated;
* a short citation wholly in quotation marks (≤ 3 words: a word under discussion, an inscription, a slogan) or the
  original followed by its translation in parentheses is a *warning*;
* everything else is an *error*.

Web-page residue glued inside a paragraph (`tqa.text.residue.residue_spans`) is masked; residue paragraphs are
skipped by the engine.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from tqa.checks.base import Context, Rule, register
from tqa.model import AlignedPair, AlignedStory, Finding, Fix, Segment, Severity
from tqa.patterns import compile as re_compile
from tqa.text.script import (
    CYRILLIC_OR_GREEK,
    GREEK_LOOKALIKES,
    LANGUAGE_NAMES,
    LOOKALIKES,
    char_label,
    detect_language,
    has_cyrillic,
    has_greek,
    is_cyrillic,
    is_greek,
    is_latin,
    script_stats,
    words,
)

__all__ = [
    "CyrillicPiece",
    "CyrillicLookalike",
    "DocumentLanguage",
    "UntranslatedCyrillic",
    "UntranslatedParagraph",
    "document_languages",
    "paragraph_untranslated",
    "scan_paragraph",
]

# -- the scan ----------------------------------------------------------------------------------------------------

_OPEN_QUOTES = "\"'«“„‘‹‚"
_CLOSE_QUOTES = "\"'»”“’›"
_MAX_JOIN_GAP = 20  # characters of non-letters that may separate two Cyrillic words of one run
_MAX_QUOTED_WORDS = 3  # a quoted Cyrillic citation this short is a warning; a longer one is an untranslated quote
_LANG_TAG = re_compile(
    r"^\s*(?:(?:in\s+)?(?:Ukrainian|Russian|Ukr\.?|Rus\.?|orig(?:inal|\.)?|lit\.)\s*[:,\-–—]?\s*)?$", re.IGNORECASE
)
_UNITS = {
    # abbreviations agencies write after a number; the English the number should carry instead
    "грн": "UAH", "гривень": "UAH", "гривні": "UAH", "гривня": "UAH", "тис": "thousand", "млн": "million",
    "млрд": "billion", "трлн": "trillion", "км": "km", "кг": "kg", "см": "cm", "мм": "mm", "га": "ha",
    "МВт": "MW", "кВт": "kW", "ГВт": "GW", "руб": "RUB", "дол": "USD",
}
_AFTER_NUMBER = re_compile(r"\d[\d\s\u00a0.,]*$")
# An e-mail address or a link: it is copied, not translated.
_ADDRESS = re_compile(
    r"^(?:[^\W_][\w.+-]*@[^\W_][\w-]*(?:\.[\w-]+)+"  # e-mail
    r"|(?:https?://|www\.)\S+"  # link
    r"|[^\W_][\w-]*\.(?:укр|рф|бел|срб|онлайн)(?:/\S*)?)$",  # a Cyrillic domain
    re.IGNORECASE,
)
# English words that frame a quotation as a cited word rather than speech: the word "…", the inscription "…".
_CITATION_CUE = re_compile(
    r"\b(?:word|words|term|terms|name|letter|letters|preposition|prepositions|inscription|inscriptions|slogan|"
    r"hashtag|spelled|spelt|spelling|written|reads|reading|labelled|labeled|titled|entitled|called|sign|signs|"
    r"abbreviation|acronym)\b[^\w]*$",
    re.IGNORECASE,
)
_NORM_WS = re_compile(r"\s+")
_NORM_QUOTES = str.maketrans({c: '"' for c in "«»“”„‟″"} | {c: "'" for c in "‘’ʼ‚‛′`"} | {"–": "-", "—": "-"})


@dataclass(frozen=True, slots=True)
class CyrillicPiece:
    """A located piece of Cyrillic in a target paragraph: a run of untranslated words or a look-alike word.

    `start`/`end` are offsets into the paragraph text. For runs, `language` is "uk", "ru" or "unknown" and `note`
    is "", "gloss", "cited", "quoted", "translated", "identifier" or "address"; for look-alikes, `letters` holds the
    distinct Cyrillic letters and `note` is "" or "as-in-source". `replacement` is the suggested fix text, if any.
    """

    kind: str  # "run" | "lookalike"
    start: int
    end: int
    text: str
    severity: Severity
    language: str = "unknown"
    note: str = ""
    replacement: str | None = None
    letters: tuple[str, ...] = ()


def _allowed_from(ctx: Context) -> tuple[str, ...]:
    cfg = ctx.config
    return tuple(sorted({s for s in (*cfg.allow_cyrillic, *cfg.allow_terms) if s and has_cyrillic(s)}))


@functools.lru_cache(maxsize=256)
def _allowed_patterns(allowed: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(
        re_compile(r"(?<![^\W\d_])" + re.escape(a.strip()) + r"(?![^\W\d_])", re.IGNORECASE)
        for a in allowed
        if a.strip()
    )


def _masked(text: str, allowed: tuple[str, ...]) -> bytearray:
    mask = bytearray(len(text))
    for pat in _allowed_patterns(allowed):
        for m in pat.finditer(text):
            mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    from tqa.text.residue import residue_spans

    for start, end, _kind in residue_spans(text):
        start, end = max(0, start), min(len(text), end)
        if end > start:
            mask[start:end] = b"\x01" * (end - start)
    return mask


def _is_allowed_run(run: str, allowed: tuple[str, ...]) -> bool:
    key = _NORM_WS.sub(" ", run).strip().casefold()
    return any(key in _NORM_WS.sub(" ", a).casefold() for a in allowed)


def _prev_nonspace(text: str, i: int) -> tuple[int, str]:
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return (i - 1, text[i - 1]) if i > 0 else (-1, "")


def _next_nonspace(text: str, i: int) -> tuple[int, str]:
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    return (i, text[i]) if i < n else (n, "")


def _token_around(text: str, start: int, end: int) -> str:
    s, e = start, end
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    while e < len(text) and not text[e].isspace():
        e += 1
    return text[s:e].strip(".,;:!?()[]{}\"'«»“”„‘’<>")


def _in_text(token: str, text: str) -> bool:
    """`token` occurs in `text` as a whole white-space delimited token (punctuation around it allowed)."""
    return re.search(r"(?<!\S)[\"'«“„‘(<\[]*" + re.escape(token) + r"(?![^\s.,;:!?)\]>\"'»”’])", text) is not None


def _single_letter_lookalike(text: str, start: int, end: int, word_kinds: list[str], index: int) -> str | None:
    """The Latin reading of a one-letter all-Cyrillic word when the context makes it an English letter typed in
    Cyrillic: ``а``/``А`` (the article) or ``І`` (the pronoun) between Latin words, ``х``/``Х`` between numbers."""
    ch = text[start:end]
    if len(ch) != 1:
        return None
    _, prev_c = _prev_nonspace(text, start)
    _, next_c = _next_nonspace(text, end)
    if ch in "хХ" and prev_c.isdigit() and next_c.isdigit():
        return "x"
    if ch not in "аАІ":
        return None
    prev_kind = word_kinds[index - 1] if index > 0 else ""
    next_kind = word_kinds[index + 1] if index + 1 < len(word_kinds) else ""
    if next_kind == "latin" and prev_kind in ("latin", ""):
        # the next word must follow directly (an article or a pronoun is not followed by punctuation)
        if next_c and is_latin(next_c):
            return LOOKALIKES[ch]
    return None


def _run_note(text: str, start: int, end: int, source_text: str, n_words: int) -> tuple[str, Severity]:
    """How legitimate a Cyrillic run looks where it stands: (note, severity)."""
    token = _token_around(text, start, end)
    if _ADDRESS.match(token):
        if _in_text(token, source_text):
            return "identifier", Severity.INFO
        return "address", Severity.WARNING
    if any(is_latin(c) for c in text[start:end]):
        return "", Severity.ERROR  # half-transliterated words are never a deliberate citation
    # a gloss: "(…original…)" right after the English rendering
    close = text.find(")", end)
    open_ = text.rfind("(", 0, start)
    if open_ != -1 and close != -1 and text.find(")", open_, start) == -1 and text.find("(", end, close) == -1:
        inside_before = text[open_ + 1 : start]
        inside_after = text[end:close]
        if _LANG_TAG.match(inside_before.strip(_OPEN_QUOTES + " ")) and not any(c.isalnum() for c in inside_after):
            _, before = _prev_nonspace(text, open_)
            if before and (is_latin(before) or before in _CLOSE_QUOTES or before.isdigit()):
                return "gloss", Severity.INFO
    # the original followed by its translation in parentheses: «Слава Україні» (Glory to Ukraine)
    k, c = _next_nonspace(text, end)
    while c and c in _CLOSE_QUOTES:
        k, c = _next_nonspace(text, k + 1)
    if c == "(":
        close = text.find(")", k)
        inner = text[k + 1 : close] if close != -1 else ""
        if inner and any(is_latin(ch) for ch in inner) and not has_cyrillic(inner):
            return "translated", Severity.WARNING
    # wholly quoted: an opening quote before, a closing quote after (trailing punctuation allowed)
    after_i, after_c = _next_nonspace(text, end)
    while after_c and after_c in ".,;:!?…" and after_i < len(text):
        after_i, after_c = _next_nonspace(text, after_i + 1)
    before_i, before_c = _prev_nonspace(text, start)
    if before_c and before_c in _OPEN_QUOTES and after_c and after_c in _CLOSE_QUOTES:
        if n_words > _MAX_QUOTED_WORDS:
            return "", Severity.ERROR  # an untranslated quotation
        if _CITATION_CUE.search(text[max(0, before_i - 40) : before_i]):
            return "cited", Severity.INFO
        return "quoted", Severity.WARNING
    return "", Severity.ERROR


def _unit_fix(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(end, replacement) for a Cyrillic unit or currency abbreviation right after a number (``5 тис. people`` →
    ``5 thousand people``); the abbreviation's dot is replaced too unless it also ends the sentence."""
    repl = _UNITS.get(text[start:end])
    if not repl or not _AFTER_NUMBER.search(text[:start]):
        return None
    if end < len(text) and text[end] == ".":
        _, nxt = _next_nonspace(text, end + 1)
        if nxt and not nxt.isupper():
            return end + 1, repl
    return end, repl


def _unit_rule_selected(ctx: Context) -> bool:
    from tqa.checks.base import select_rules

    key = (ctx.config.select, ctx.config.ignore)
    hit = _UNIT_RULE_SELECTED.get(key)
    if hit is None:
        hit = _UNIT_RULE_SELECTED[key] = any(r.code == "TQA722" for r in select_rules(*key))
    return hit


_UNIT_RULE_SELECTED: dict[tuple, bool] = {}


def _greek_lookalikes_only(text: str, start: int, end: int) -> bool:
    """The word [start, end) holds Greek letters, all of them drawn like Latin ones."""
    greek = [c for c in text[start:end] if is_greek(c)]
    return bool(greek) and all(c in GREEK_LOOKALIKES for c in greek)


def _in_number_unit(text: str, start: int, end: int) -> bool:
    """True when [start, end) is the Cyrillic unit or currency word of a number the numbers extractor reads (the
    amount is then reported once, by TQA722, with the whole amount rewritten)."""
    from tqa.text.numbers import extract_en

    for value in extract_en(text):
        foreign = getattr(value, "foreign", None)
        if foreign is not None and foreign[0] <= start and end <= foreign[1] + 1:
            return True
    return False


@functools.lru_cache(maxsize=4096)
def scan_paragraph(text: str, source_text: str = "", allowed: tuple[str, ...] = ()) -> tuple[CyrillicPiece, ...]:
    """Every reportable piece of Cyrillic in one target paragraph, in text order (pure; cached).

    `source_text` is the aligned source (for "copied verbatim" judgements); `allowed` the allowed Cyrillic strings.
    """
    if not has_cyrillic(text) and not has_greek(text):
        return ()
    mask = _masked(text, allowed)
    spans = list(words(text))
    kinds: list[str] = []  # per word: "latin", "cyrillic", "mixed", "masked", "other"
    for s, e in spans:
        cyr = any(is_cyrillic(text[i]) and not mask[i] for i in range(s, e))
        lat = any(is_latin(text[i]) for i in range(s, e))
        if lat and not cyr and _greek_lookalikes_only(text, s, e):
            kinds.append("mixed")  # a Latin word with Greek look-alike letters (``frοm``)
        elif not cyr:
            kinds.append("masked" if has_cyrillic(text[s:e]) else ("latin" if lat else "other"))
        else:
            kinds.append("mixed" if lat else "cyrillic")

    pieces: list[CyrillicPiece] = []
    run_words: list[tuple[int, int]] = []

    def flush() -> None:
        if not run_words:
            return
        start, end = run_words[0][0], run_words[-1][1]
        run = text[start:end]
        run_words.clear()
        if allowed and _is_allowed_run(run, allowed):
            return
        cyr_only = " ".join(re.findall(r"[\u0400-\u052f']+", run))
        lang = detect_language(cyr_only) if cyr_only else "unknown"
        n_words = len(run.split())
        note, severity = _run_note(text, start, end, source_text, n_words)
        fix = _unit_fix(text, start, end)
        if fix is not None:
            end, replacement = fix
            pieces.append(CyrillicPiece("run", start, end, text[start:end], severity, lang, note, replacement))
        else:
            pieces.append(CyrillicPiece("run", start, end, run, severity, lang, note))

    for idx, (s, e) in enumerate(spans):
        kind = kinds[idx]
        look: str | None = None
        if kind == "mixed":
            cyr_letters = [text[i] for i in range(s, e) if is_cyrillic(text[i]) and not mask[i]]
            if all(c in LOOKALIKES for c in cyr_letters):
                look = "".join(
                    (LOOKALIKES.get(c) or GREEK_LOOKALIKES.get(c, c)) if not mask[s + k] else c
                    for k, c in enumerate(text[s:e])
                )
        elif kind == "cyrillic":
            single = _single_letter_lookalike(text, s, e, kinds, idx)
            if single is not None:
                look = single
        if look is not None:
            flush()
            word = text[s:e]
            if allowed and _is_allowed_run(word, allowed):
                continue
            letters = tuple(dict.fromkeys(c for c in word if is_cyrillic(c) or c in GREEK_LOOKALIKES))
            as_in_source = bool(source_text) and len(word) > 1 and re.search(
                r"(?<![^\W\d_])" + re.escape(word) + r"(?![^\W\d_])", source_text
            ) is not None
            pieces.append(
                CyrillicPiece(
                    "lookalike", s, e, word, Severity.INFO if as_in_source else Severity.ERROR,
                    note="as-in-source" if as_in_source else "", replacement=look, letters=letters,
                )
            )
            continue
        if kind in ("cyrillic", "mixed"):
            if run_words:
                gap = text[run_words[-1][1] : s]
                if len(gap) > _MAX_JOIN_GAP or "\n" in gap:
                    flush()
            run_words.append((s, e))
        elif kind in ("latin", "masked"):
            flush()
        # "other" words (letters of other scripts) neither join nor break a run
    flush()
    return tuple(pieces)


# -- paragraph and document verdicts -------------------------------------------------------------------------------


# A paragraph is "left untranslated" when at least this share of its letters is Cyrillic (below it, the Cyrillic
# runs inside an English paragraph are reported one by one): "The amount is 1.5 млрд гривень" stays a run.
_PARAGRAPH_SHARE = 0.65


def _norm_copy(text: str) -> str:
    return _NORM_WS.sub(" ", text.translate(_NORM_QUOTES)).strip().casefold()


@functools.lru_cache(maxsize=4096)
def paragraph_untranslated(
    target: str, sources: tuple[str, ...] = (), allowed: tuple[str, ...] = ()
) -> tuple[str, str] | None:
    """("copy" | "untranslated", language) when a target paragraph is the source copied unchanged (a source with
    Cyrillic in it) or is mostly Cyrillic; None otherwise."""
    if not has_cyrillic(target):
        return None
    mask = _masked(target, allowed)
    text = "".join(" " if m else c for c, m in zip(target, mask)) if any(mask) else target
    stats = script_stats(text)
    if not stats.cyrillic:
        return None
    norm = _norm_copy(target)
    joined = " ".join(sources)
    if any(has_cyrillic(s) and _norm_copy(s) == norm for s in (*sources, joined) if s):
        return "copy", detect_language(text)
    if stats.cyrillic_share >= _PARAGRAPH_SHARE:
        return "untranslated", detect_language(text)
    return None


_DOC_SAMPLE = 30_000  # characters: enough to know a document's language
_MIN_DOC_LETTERS = 40
_MIN_LATIN_WORDS = 30


@functools.lru_cache(maxsize=32)
def _document_language(text: str) -> tuple[str, str, float]:
    """(language, script, Cyrillic share of the letters) of a whole document; script is "cyrillic", "latin" or ""
    (too little text to say)."""
    sample = text[:_DOC_SAMPLE]
    stats = script_stats(sample)
    if stats.letters < _MIN_DOC_LETTERS:
        return "unknown", "", stats.cyrillic_share
    script = "cyrillic" if stats.cyrillic_share >= 0.5 else "latin"
    # (split at most _MIN_LATIN_WORDS times: min(words, _MIN_LATIN_WORDS + 1) pieces, below the bound exactly when
    # the words are)
    if script == "latin" and len(sample.split(None, _MIN_LATIN_WORDS)) < _MIN_LATIN_WORDS:
        return "en", script, stats.cyrillic_share  # too short to doubt it is English
    return detect_language(sample), script, stats.cyrillic_share


def document_languages(story: AlignedStory) -> tuple[str | None, str | None]:
    """(source problem, target problem): the language found where it is not the expected one, else None.

    A source is expected to be Ukrainian ("ru", "en" or an unknown Latin-script language are problems; a Cyrillic
    text whose language is uncertain is not); a target is expected to be English (Ukrainian, Russian, any mostly
    Cyrillic text, or a long Latin text with no English in it are problems)."""
    src_lang, src_script, _ = _document_language(story.story.source.text)
    tgt_lang, tgt_script, _ = _document_language(story.story.target.text)
    src_problem = None
    if src_script == "latin" or src_lang == "ru":
        src_problem = src_lang if src_lang != "uk" else None
    tgt_problem = None
    if tgt_script == "cyrillic":
        tgt_problem = tgt_lang if tgt_lang != "en" else "unknown"
    elif tgt_script == "latin" and tgt_lang != "en":
        tgt_problem = tgt_lang
    return src_problem, tgt_problem


# The pair rules stay silent on a story whose target is at least this Cyrillic (swapped files, an untranslated copy):
# TQA104 reports it once. Between 0.5 and this, TQA104 warns and the paragraphs are still reported one by one (a
# story translated only in part).
_SILENT_SHARE = 0.85


def _target_not_english(ctx: Context) -> bool:
    _, tgt_script, share = _document_language(ctx.raw_story.target.text)
    return tgt_script == "cyrillic" and share >= _SILENT_SHARE


# -- helpers shared by the rules -----------------------------------------------------------------------------------


def _sentence_of(seg: Segment, offset: int) -> str:
    absolute = seg.start + offset
    for sent in seg.sentences:
        if sent.start <= absolute < sent.end:
            return sent.text
    return seg.text


def _locate_in_source(pair: AlignedPair, text: str):
    for seg in pair.source:
        i = seg.text.find(text)
        if i != -1:
            return seg.sub_span(i, i + len(text))
    return None


def _quote(text: str, limit: int = 60) -> str:
    text = _NORM_WS.sub(" ", text)
    return f"“{text}”" if len(text) <= limit else f"“{text[: limit - 1]}…”"


def _pieces(pair: AlignedPair, ctx: Context) -> Iterator[tuple[Segment, CyrillicPiece]]:
    """The pieces of every target paragraph of the pair that TQA103 does not report whole."""
    segs = [seg for seg in pair.target if has_cyrillic(seg.text) or has_greek(seg.text)]
    if not segs or _target_not_english(ctx):
        return
    allowed = _allowed_from(ctx)
    sources = tuple(s.text for s in pair.source)
    source_text = "\n".join(sources)
    for seg in segs:
        if paragraph_untranslated(seg.text, sources, allowed) is not None:
            continue
        for piece in scan_paragraph(seg.text, source_text, allowed):
            yield seg, piece


def _any_cyrillic_or_greek(pair: AlignedPair) -> bool:
    """The family's gate: TQA101/102 look only at target paragraphs with a Cyrillic or Greek letter (`_pieces`),
    TQA103 only at those with a Cyrillic one; a pair whose target has neither yields nothing (exact)."""
    search = CYRILLIC_OR_GREEK.search
    for seg in pair.paragraphs.target:
        text = seg.text
        if not text.isascii() and search(text):  # (an ASCII text has no Cyrillic or Greek letter; isascii is O(1))
            return True
    return False


# -- the rules -----------------------------------------------------------------------------------------------------


@register
class UntranslatedCyrillic(Rule):
    """## What it does
    Finds Ukrainian or Russian words left in the English copy. Adjacent Cyrillic words (and the half-transliterated
    words among them, like ``Shchedрик``) make one finding, labelled Ukrainian, Russian or unknown language.

    Legitimate Cyrillic is graded lower: the original in parentheses right after its English rendering
    (``Shchedryk (Щедрик)``) is *info*; an e-mail address or link copied verbatim from the source is *info*; a short
    citation wholly in quotation marks (up to three words: a word under discussion, an inscription, a slogan) or the
    original followed by its translation in parentheses is a *warning*. Strings listed in ``allow-cyrillic`` (or
    Cyrillic entries of ``allow-terms``) are not reported. A Cyrillic unit or currency of an amount that tqa reads
    (``5 350 грн``) is left to TQA722 (cyrillic-unit) when that rule runs, which rewrites the whole amount. After a number, another unit or currency
    abbreviation (``грн``, ``млн``, ``км``) comes with the English replacement as a fix.

    ## Why is this bad?
    An English reader cannot read Cyrillic; machine translation leaves words it could not translate (rare words,
    typos, dialect) in the output, and editors miss them in long copy.

    ## Example
    Source: Ми вам дуже вдячні, дякуємо!
    Bad: We owe you a great debt, дякуємо!
    Good: We owe you a great debt, thank you!
    """

    code = "TQA101"
    name = "untranslated-cyrillic"
    category = "untranslated"
    severity = Severity.ERROR

    gate = staticmethod(_any_cyrillic_or_greek)

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        for seg, piece in _pieces(pair, ctx):
            if piece.kind != "run":
                continue
            if _unit_rule_selected(ctx) and _in_number_unit(seg.text, piece.start, piece.end):
                continue  # the Cyrillic unit of an amount (``5 350 грн``, ``5 млн грн``): TQA722 rewrites the amount
            language = LANGUAGE_NAMES.get(piece.language, "unknown language")
            mixed = any(is_latin(c) for c in piece.text)
            what = "Cyrillic text" if not mixed else "half-transliterated Cyrillic text"
            if piece.note == "gloss":
                message = f"original-language gloss {_quote(piece.text)} ({language}) in parentheses; fine if intended"
            elif piece.note == "identifier":
                message = f"{_quote(piece.text)} ({language}) is part of an address copied from the source"
            elif piece.note == "address":
                message = f"address with Cyrillic {_quote(piece.text)} ({language}) not found in the source"
            elif piece.note == "cited":
                message = f"{language} {_quote(piece.text)} cited in Cyrillic; fine if the original form is the point"
            elif piece.note == "quoted":
                message = (
                    f"quoted {language} {_quote(piece.text)} left in Cyrillic; if it is cited on purpose, add a "
                    "translation or transliteration (or allow it with allow-cyrillic)"
                )
            elif piece.note == "translated":
                message = f"{language} {_quote(piece.text)} kept in Cyrillic before its translation in parentheses"
            else:
                message = f"{what} left in the English: {_quote(piece.text)} ({language})"
            fix = None
            if piece.replacement:
                fix = Fix(f"replace {_quote(piece.text)} with “{piece.replacement}”", piece.replacement)
                message += f"; write “{piece.replacement}”"
            yield self.finding(
                message,
                target=seg.sub_span(piece.start, piece.end),
                source=_locate_in_source(pair, piece.text),
                fix=fix,
                severity=piece.severity,
                context=_sentence_of(seg, piece.start),
            )


@register
class CyrillicLookalike(Rule):
    """## What it does
    Finds Cyrillic letters that look like Latin ones inside English words (``Prazі`` with the Ukrainian ``і``
    U+0456, ``Zelenskyy`` with a Cyrillic ``е``, ``city`` with a Cyrillic ``с``), a lone Cyrillic ``а``/``А``/``І``
    standing for the English article or pronoun, and a Cyrillic ``х`` used as the multiplication sign between
    numbers (``80 х 60 cm``). The message names each letter and its code point; the fix is the all-Latin word. A
    mixed-script word that the source spells the same way (a brand) is only *info*.

    ## Why is this bad?
    The word looks right but is not: search, spell-checking, hyphenation and screen readers fail on it, and
    publishing systems may show it in a fallback font. It comes from OCR, from machine translation that
    transliterates letter by letter, and from typing with the Ukrainian keyboard layout.

    ## Example
    Source: Мені здається найкращим варіантом цей будинок у Празі.
    Bad: This house in Prazі seems to me the best option.
    Good: This house in Prague seems to me the best option.
    """

    code = "TQA102"
    name = "cyrillic-lookalike"
    category = "untranslated"
    severity = Severity.ERROR

    gate = staticmethod(_any_cyrillic_or_greek)

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        for seg, piece in _pieces(pair, ctx):
            if piece.kind != "lookalike":
                continue
            names = ", ".join(
                f"{c} {char_label(c)} (looks like Latin “{LOOKALIKES.get(c) or GREEK_LOOKALIKES.get(c)}”)"
                for c in piece.letters
            )
            scripts = " and ".join(
                x for x, f in (("Cyrillic", is_cyrillic), ("Greek", is_greek)) if any(f(c) for c in piece.letters)
            )
            if len(piece.text) == 1:
                message = f"{scripts} letter used for the Latin “{piece.replacement}”: {names}"
            else:
                message = f"{_quote(piece.text)} mixes Latin and {scripts} letters: {names}"
            if piece.note == "as-in-source":
                message += "; the source spells it the same way (a brand?)"
            yield self.finding(
                message,
                target=seg.sub_span(piece.start, piece.end),
                fix=Fix(f"write {_quote(piece.replacement or '')} in Latin letters", piece.replacement or ""),
                severity=piece.severity,
                context=_sentence_of(seg, piece.start),
            )


@register
class UntranslatedParagraph(Rule):
    """## What it does
    Finds a target paragraph that was left in Ukrainian or Russian: the source paragraph copied unchanged, or a
    paragraph that is mostly Cyrillic. One finding for the paragraph (its words are not reported again by TQA101).

    ## Why is this bad?
    A whole paragraph of the story is missing for the English reader. It happens when a paragraph is added to the
    Ukrainian story after translation, or when a translation tool passes a paragraph through.

    ## Example
    Source: Уряд ухвалив бюджет на наступний рік, збільшивши видатки на оборону. ¶ Про це повідомляє пресслужба уряду.
    Bad: The government adopted next year's budget, increasing defence spending. ¶ Про це повідомляє пресслужба уряду.
    Good: The government adopted next year's budget, increasing defence spending. ¶ The press service said so.
    """

    code = "TQA103"
    name = "untranslated-paragraph"
    category = "untranslated"
    severity = Severity.ERROR

    gate = staticmethod(_any_cyrillic_or_greek)

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        segs = [seg for seg in pair.target if has_cyrillic(seg.text)]
        if not segs or _target_not_english(ctx):
            return
        allowed = _allowed_from(ctx)
        sources = tuple(s.text for s in pair.source)
        for seg in segs:
            verdict = paragraph_untranslated(seg.text, sources, allowed)
            if verdict is None:
                continue
            kind, lang = verdict
            language = LANGUAGE_NAMES.get(lang, "unknown language")
            if kind == "copy":
                message = f"paragraph is the source copied unchanged ({language}), not translated"
            elif lang == "unknown":
                message = "paragraph left in Cyrillic (language unknown), not translated"
            else:
                message = f"paragraph left in {language}, not translated"
            yield self.finding(message, target=seg, source=pair.source[0] if pair.source else None)


@register
class DocumentLanguage(Rule):
    """## What it does
    Checks once per story that the source is Ukrainian and the target English: a Russian or English source, a
    Ukrainian, Russian or other non-English target, or both at once (swapped files) give one warning for the
    document instead of one finding per paragraph. For record files read in chunks, only the first chunk reports.

    ## Why is this bad?
    The wrong file was given (the Russian version of the story, the files swapped, the English file not yet
    translated); every other finding about such a pair is noise.

    ## Example
    Source: Президент провів нараду з військовими щодо ситуації на фронті.
    Bad: Президент провів нараду з військовими щодо ситуації на фронті.
    Good: The President held a meeting with the military on the situation at the front.
    """

    code = "TQA104"
    name = "document-language"
    category = "untranslated"
    severity = Severity.WARNING
    scope = "document"

    def check_document(self, story: AlignedStory, ctx: Context) -> Iterator[Finding]:
        if story.story.part > 0:
            return
        src, tgt = document_languages(story)
        if src is None and tgt is None:
            return
        name = LANGUAGE_NAMES.get
        if src == "en" and tgt in ("uk", "ru"):
            message = f"source and target look swapped: the source is English and the target {name(tgt)}"
        else:
            parts = []
            if src is not None:
                parts.append(
                    f"the source is {name(src)}, not Ukrainian" if src != "unknown"
                    else "the source is not Ukrainian (Latin script, not English either)"
                )
            if tgt is not None:
                parts.append(
                    f"the target is {name(tgt)}, not English" if tgt != "unknown"
                    else "the target is not English"
                )
            message = "; ".join(parts)
        first_src = story.story.source.paragraphs[0] if story.story.source.paragraphs else None
        first_tgt = story.story.target.paragraphs[0] if story.story.target.paragraphs else None
        yield self.finding(message, target=first_tgt, source=first_src, context=message)
