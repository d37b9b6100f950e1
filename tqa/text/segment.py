"""Paragraph and sentence segmentation with exact offsets back into the input.

Paragraphs are the non-blank lines of the text (agency copy separates paragraphs by blank lines or by single line
breaks; both are handled the same way). Sentences come from tokenize-uk 2.x (LanguageTool's SRX rules via choppa),
with the ``uk`` rules for Ukrainian and the ``en`` rules for English: unlike pysbd, sentencex or razdel it does not
split after ``Mr.``, ``U.S.``, ``p.m.``, ``тис.``, ``грн.`` or ``т.ч.``.
"""

from __future__ import annotations

import functools
import re

from tqa.model import Document, LineIndex, Segment, Span

__all__ = ["build_document", "split_paragraphs", "split_sentences"]

_SRX_KEY = {"uk": "uk_two", "en": "en"}
_STRIP = " \t\r\f\v\u00a0\u200b\ufeff"


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each paragraph: every non-blank line, stripped of surrounding white space."""
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        line = text[pos:end]
        stripped = line.strip(_STRIP)
        if stripped:
            lead = len(line) - len(line.lstrip(_STRIP))
            spans.append((pos + lead, pos + lead + len(stripped)))
        if nl == -1:
            break
        pos = nl + 1
    return spans


@functools.lru_cache(maxsize=1)
def _tokenizer():
    from tokenize_uk import tokenize_sents_with_spans

    return tokenize_sents_with_spans


_TERMINALS = re.compile(r"[.!?…;]")
_TRAILING = " \t.!?…;:\"'»”’)]»"


def _single_sentence(text: str) -> bool:
    """True when no sentence can end before the paragraph's own final punctuation (no . ! ? … ; inside it): the
    splitter would return the paragraph whole, so it is not called (most WMT-style records are like this)."""
    return _TERMINALS.search(text.rstrip(_TRAILING)) is None


@functools.lru_cache(maxsize=4096)
def split_sentences(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of the sentences of one paragraph."""
    if not text.strip():
        return ()
    if _single_sentence(text):
        lead = len(text) - len(text.lstrip())
        return ((lead, len(text.rstrip())),)
    key = _SRX_KEY.get(language, "en")
    out: list[tuple[int, int]] = []
    try:
        spans = _tokenizer()(text, language_code=key)
    except Exception:  # the splitter must never lose a paragraph
        spans = [(text, 0, len(text))]
    for _sent, start, end in spans:
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        s, e = start + lead, start + len(chunk.rstrip())
        if e > s:
            out.append((s, e))
    if not out:
        out.append((0, len(text)))
    return tuple(out)


def _span(index: LineIndex, text: str, start: int, end: int) -> Span:
    line, col = index.position(start)
    end_line, end_col = index.position(end)
    return Span(line, col, end_line, end_col, text[start:end], start, end)


def build_document(
    path: str,
    text: str,
    language: str,
    role: str,
    *,
    encoding: str = "utf-8",
    first_line: int = 1,
    paragraphs: list[tuple[int, int]] | None = None,
) -> Document:
    """Segment `text` into paragraphs (or use the given paragraph offsets) and sentences."""
    index = LineIndex(text, first_line)
    para_offsets = split_paragraphs(text) if paragraphs is None else paragraphs
    segs: list[Segment] = []
    for p_i, (ps, pe) in enumerate(para_offsets):
        ptext = text[ps:pe]
        sentences = tuple(
            Segment(role, p_i, s_i, ptext[s:e], _span(index, text, ps + s, ps + e))
            for s_i, (s, e) in enumerate(split_sentences(ptext, language))
        )
        segs.append(Segment(role, p_i, None, ptext, _span(index, text, ps, pe), sentences))
    return Document(path, language, text, tuple(segs), encoding, first_line)
