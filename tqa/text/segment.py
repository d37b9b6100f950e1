"""Paragraph and sentence segmentation with exact offsets back into the input.

Paragraphs are the non-blank lines of the text (agency copy separates paragraphs by blank lines or by single line
breaks; both are handled the same way). Sentences come from tokenize-uk 2.x (LanguageTool's SRX rules via choppa),
with the ``uk`` rules for Ukrainian and the ``en`` rules for English: unlike pysbd, sentencex or razdel it does not
split after ``Mr.``, ``U.S.``, ``p.m.``, ``тис.``, ``грн.`` or ``т.ч.``.

Speed: a paragraph the rules provably cannot break is not sent to the splitter at all (`_unbreakable`; about nine
in ten news paragraphs), and the others go through `tqa.text.srx`, which runs tokenize-uk's splitter loop on the
same compiled rules with the same results, faster.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata

from tqa.model import Document, LineIndex, Segment, Span
from tqa.patterns import compile as re_compile

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


def _tokenizer():
    """``tokenize_uk.tokenize_sents_with_spans``, as `tqa.text.srx` runs it (the same results, several times faster)."""
    from tqa.text.srx import sentence_spans

    return sentence_spans


_TERMINALS = re_compile(r"[.!?…;]")
_TRAILING = " \t.!?…;:\"'»”’)]»"


def _single_sentence(text: str) -> bool:
    """True when no sentence can end before the paragraph's own final punctuation (no . ! ? … ; inside it): the
    splitter would return the paragraph whole, so it is not called (most WMT-style records are like this).

    Not quite exact: tokenize-uk makes a separate sentence of a closing mark after a space (``… end. "``, ``… ).
    )``), which this keeps in one (49 lines of WMT23/NTREX-128 MT output; none in WMT22); `_unbreakable` is exact."""
    return _TERMINALS.search(text.rstrip(_TRAILING)) is None


# When the splitter cannot break a paragraph at all. The SRX rules tokenize-uk applies (LanguageTool's
# segment.srx; for "en": GeneralImportant, English, Default; for "uk_two": GeneralImportant, ByTwoLineBreaks,
# Ukrainian, Default) break nowhere but where a break="yes" rule matches, and every such rule is one of:
#   * a sentence terminal [.!?…], then only closing marks (quotes, brackets — Unicode Pe —, \u0002, ¹²³), then
#     white space (\s, \h, \v, \u00a0, \u202f) or an upper-case letter (\p{Lu});
#   * a vertical space (line breaks, \u2029: paragraphs hold none, but callers may pass any text), or the
#     OmegaT/Anaphraseus markers "<0}" and "{0>".
# So if every terminal of the text is followed (after its closing marks) by the end of the text or by a character
# that is neither white space nor a letter that is not lower-case, no rule can fire and the text is one sentence.
# Checked against the splitter on every line of the WMT22/WMT23/NTREX-128 sources, references and MT outputs.
# (A break right at the end of the text is no break: the splitter's last segment would be empty.)
_TERMINAL = re_compile(r"[.!?…]")
_CLOSING = "'\"»’”›„“)]}\u0002¹²³"
_NO_BREAK_FREE = re_compile("[\n\r\x0b\x0c\x85\u2028\u2029]|<0}|\\{0>")


def _unbreakable(text: str) -> bool:
    """True when the SRX splitter provably returns `text` as one sentence (see above)."""
    if _NO_BREAK_FREE.search(text):
        return False
    n = len(text)
    for m in _TERMINAL.finditer(text):
        j = m.end()
        while j < n and (text[j] in _CLOSING or unicodedata.category(text[j]) == "Pe"):
            j += 1
        if j < n:
            c = text[j]
            if c.isspace() or c == "\u180e" or (c.isalpha() and not c.islower()) or unicodedata.category(c) == "Cn":
                return False  # (unassigned here: the regex package's newer Unicode may call it an upper-case letter)
    return True


def _unsplit(text: str) -> tuple[tuple[int, int], ...] | None:
    """`split_sentences` of a text the splitter is not needed for (blank, or provably one sentence); None if it is."""
    if not text.strip():
        return ()
    if _single_sentence(text) or _unbreakable(text):
        lead = len(text) - len(text.lstrip())
        return ((lead, len(text.rstrip())),)
    return None


@functools.lru_cache(maxsize=4096)
def split_sentences(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of the sentences of one paragraph."""
    offsets = _unsplit(text)
    return offsets if offsets is not None else _split(text, language)


@functools.lru_cache(maxsize=4096)
def _split(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """`split_sentences` of a text that goes to the splitter."""
    key = _SRX_KEY.get(language, "en")
    out: list[tuple[int, int]] = []
    try:
        spans = _tokenizer()(text, key)
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


# `build_document(..., paragraphs=LINES)`: paragraph k is line k of the text, whole (what the offsets of every line
# would give; aligned record files, whose lines `tqa.io.records` has checked to be non-blank and unpadded).
LINES = "lines"


def build_document(
    path: str,
    text: str,
    language: str,
    role: str,
    *,
    encoding: str = "utf-8",
    first_line: int = 1,
    paragraphs: list[tuple[int, int]] | str | None = None,
) -> Document:
    """Segment `text` into paragraphs (or use the given paragraph offsets, or `LINES`) and sentences."""
    if paragraphs is not None and paragraphs != LINES:
        paragraphs = tuple(paragraphs)
    return _build_document((path, text, language, role, encoding, first_line, paragraphs))


def _paragraph_sentences(role: str, p_i: int, ptext: str, pspan: Span, index: LineIndex | None, text: str,
                         language: str) -> tuple[Segment, ...]:
    """The sentence segments of paragraph `p_i` (`split_sentences` of its text, located; `index` is needed only for
    a paragraph of several lines)."""
    ps = pspan.start
    if not ptext.strip():
        return ()
    offsets = split_sentences(ptext, language)
    if len(offsets) == 1 and offsets[0] == (0, len(ptext)):
        # one sentence that is the whole paragraph: the same span
        return (Segment(role, p_i, 0, ptext, pspan),)
    if "\n" not in ptext:
        # all on the paragraph's line: columns are offsets from the paragraph's first column
        line, col = pspan.line, pspan.column
        return tuple(
            Segment(role, p_i, s_i, ptext[s:e], Span(line, col + s, line, col + e, ptext[s:e], ps + s, ps + e))
            for s_i, (s, e) in enumerate(offsets)
        )
    return tuple(
        Segment(role, p_i, s_i, ptext[s:e], _span(index, text, ps + s, ps + e)) for s_i, (s, e) in enumerate(offsets)
    )


@functools.lru_cache(maxsize=4)
def _build_document(key: tuple) -> Document:
    # Cached (documents are immutable): record files checked against the same source — a reference and several MT
    # outputs — rebuild the same source chunks in turn (source 0, target 0, source 1, target 1, source 0, …).
    path, text, language, role, encoding, first_line, paragraphs = key
    segs: list[Segment] = []
    append = segs.append
    search_terminal = _TERMINALS.search
    if paragraphs == LINES:
        # every line a paragraph: line k starts at column 1 of file line first_line + k, after the k line breaks
        ps = 0
        line = first_line
        for p_i, ptext in enumerate(text.split("\n")):
            n = len(ptext)
            pspan = Span(line, 1, line, 1 + n, ptext, ps, ps + n)
            if n and not ptext[0].isspace() and not ptext[-1].isspace() and search_terminal(
                ptext.rstrip(_TRAILING)
            ) is None:
                # nothing to strip, no terminal before the end (the commonest case): one sentence, the same span
                append(Segment(role, p_i, None, ptext, pspan, (Segment(role, p_i, 0, ptext, pspan),)))
            else:
                append(Segment(role, p_i, None, ptext, pspan,
                               _paragraph_sentences(role, p_i, ptext, pspan, None, text, language)))
            ps += n + 1
            line += 1
        return Document(path, language, text, tuple(segs), encoding, first_line)
    index = LineIndex(text, first_line)
    para_offsets = split_paragraphs(text) if paragraphs is None else paragraphs
    starts = index.starts
    # the line starts and a sentinel past every offset (the walk below then needs no bounds test)
    walk = starts + [len(text) + 1]
    first = index.first_line
    row = 0  # the line of the previous paragraph's start (paragraph offsets normally increase)
    for p_i, (ps, pe) in enumerate(para_offsets):
        ptext = text[ps:pe]
        if "\n" in ptext:
            pspan = _span(index, text, ps, pe)
        else:
            # one line (every record of an aligned file): the end is on the start's line, pe − ps columns further;
            # the start's line found by walking on from the previous paragraph's (bisect if offsets ever go back)
            if ps < walk[row]:
                row = bisect.bisect_right(starts, ps) - 1
            while walk[row + 1] <= ps:
                row += 1
            line = first + row
            col = ps - walk[row] + 1
            pspan = Span(line, col, line, col + (pe - ps), ptext, ps, pe)
        stripped = ptext.strip()
        if stripped and len(stripped) == len(ptext) and search_terminal(ptext.rstrip(_TRAILING)) is None:
            # nothing to strip, no terminal before the end (the commonest case): split_sentences gives the whole
            # paragraph (`_unsplit`), so its one sentence has the paragraph's span
            append(Segment(role, p_i, None, ptext, pspan, (Segment(role, p_i, 0, ptext, pspan),)))
        else:
            append(Segment(role, p_i, None, ptext, pspan,
                           _paragraph_sentences(role, p_i, ptext, pspan, index, text, language)))
    return Document(path, language, text, tuple(segs), encoding, first_line)
