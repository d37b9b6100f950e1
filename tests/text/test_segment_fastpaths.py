"""`build_document(paragraphs=LINES)` is `build_document` with the offsets of every line."""

from __future__ import annotations

import re

import pytest

from tqa.text.segment import LINES, build_document


def _line_offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `text` (the text between line feeds, the empty ones too)."""
    return [m.span() for m in re.finditer(r"^[^\n]*", text, re.M)]


def _fields(doc):
    return [(p.text, p.span, p.span.start, p.span.end, p.sentence,
             [(s.text, s.span, s.span.start, s.span.end, s.sentence) for s in p.sentences]) for p in doc.paragraphs]


@pytest.mark.parametrize(
    "text,language",
    [
        ("Перше речення. Друге речення.\nТретій рядок.\nЧетвертий: «Так!» Кінець", "uk"),
        ("First sentence. Second one.\nMr. Smith arrived at 5 p.m. on Monday.\nNo terminal here", "en"),
        ("", "en"),
        ("\n\nOne.\n", "en"),  # blank lines: empty paragraphs, no sentences
        ("  padded line.  \n\u3000ideographic space\u3000\nTab\tinside.\x1c", "en"),
        ("A line; with a semicolon.\nEnds with a quote. \"\nU.S. officials said so. Then left.", "en"),
        ("Ціна 1,5 млн грн. Далі текст.\nт.ч. інше", "uk"),
        ("Line with\ra carriage return. Next.\nLast\u2029para.", "en"),
    ],
)
@pytest.mark.parametrize("first_line", [1, 4001])
def test_lines_is_every_line_as_a_paragraph(text, language, first_line):
    kw = dict(encoding="utf-8", first_line=first_line)
    fast = build_document("t.txt", text, language, "target", paragraphs=LINES, **kw)
    slow = build_document("t.txt", text, language, "target", paragraphs=_line_offsets(text), **kw)
    assert _fields(fast) == _fields(slow)
    assert fast == slow
    assert len(fast.paragraphs) == text.count("\n") + 1
