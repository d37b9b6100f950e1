"""Segmentation fast paths give what the full path gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.model import LineIndex
from tqa.text import segment
from tqa.text.srx import sentence_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices rose 1.5% on the e.g.listed shares", True),  # "." before a digit or a lower-case letter
        ("e.g.this and i.e.that", True),
        ("The end.", True),  # a stop at the very end breaks nothing
        ("He said “yes.”", True),
        ("He left. Then", False),  # a stop, a space: a rule may break
        ("He left.Then", False),  # a stop before a capital
        ("He left.) Then", False),  # closing marks between
        ("a\u2029b", False),  # paragraph separator
        ("a <0} b", False),
    ],
)
def test_unbreakable(text: str, expected: bool) -> None:
    assert segment._unbreakable(text) is expected


_PIECES = st.sampled_from(
    ["word", "Word", "Слово", "слово", " ", "\u00a0", ".", "!", "?", "…", "\"", "”", "»", ")", "1.5", "U.S.", "а.", "—"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join), st.sampled_from(["uk", "en"]))
def test_unbreakable_means_one_sentence(text: str, language: str) -> None:
    if text.strip() and segment._unbreakable(text):
        assert len(sentence_spans(text, segment._SRX_KEY[language])) == 1


def _slow_spans(doc):
    """Spans computed the general way (LineIndex for every offset)."""
    index = LineIndex(doc.text, doc.first_line)
    out = []
    for p in doc.paragraphs:
        for s in (p, *p.sentences):
            line, col = index.position(s.span.start)
            end_line, end_col = index.position(s.span.end)
            out.append((line, col, end_line, end_col, doc.text[s.span.start : s.span.end] == s.text == s.span.text))
    return out


def test_sentence_spans_are_exact() -> None:
    text = "Перше речення. Друге речення.\n\n  Третій абзац без крапки\nОдне. Два. Три.\n"
    doc = segment.build_document("x.uk.txt", text, "uk", "source")
    assert [s.text for p in doc.paragraphs for s in p.sentences] == [
        "Перше речення.", "Друге речення.", "Третій абзац без крапки", "Одне.", "Два.", "Три."
    ]
    for p in doc.paragraphs:
        for s in p.sentences:
            assert (s.span.line, s.span.column, s.span.end_line, s.span.end_column) in [
                (a, b, c, d) for a, b, c, d, _ in _slow_spans(doc)
            ]
    assert all(ok for *_, ok in _slow_spans(doc))
    assert [(s.span.line, s.span.column) for s in doc.paragraphs[2].sentences] == [(4, 1), (4, 7), (4, 12)]


def test_one_sentence_paragraph_shares_the_paragraph_span() -> None:
    doc = segment.build_document("x.en.txt", "  A headline\n", "en", "target")
    (p,) = doc.paragraphs
    assert p.sentences[0].span == p.span and (p.span.line, p.span.column) == (1, 3)


def test_documents_are_cached_by_content() -> None:
    a = segment.build_document("x.en.txt", "One. Two.\nThree.", "en", "target", first_line=5)
    b = segment.build_document("x.en.txt", "One. Two.\nThree.", "en", "target", first_line=5)
    c = segment.build_document("x.en.txt", "One. Two.\nThree.", "en", "target", first_line=6)
    assert a is b and a == b
    assert c.paragraphs[0].span.line == 6 and a.paragraphs[0].span.line == 5


def test_paragraph_positions_with_given_offsets_in_any_order() -> None:
    """Given paragraph offsets (record files) are located by walking the line starts; offsets that go back fall
    back to a search: the spans are those of LineIndex.position either way."""
    from tqa.model import LineIndex
    from tqa.text.segment import build_document

    text = "перший рядок\n  другий.\n\nтретій рядок тут\nчетвертий"
    index = LineIndex(text, 7)
    offsets = [(0, 6), (15, 22), (24, 30), (2, 12), (41, 50), (31, 40)]
    doc = build_document("x", text, "uk", "source", first_line=7, paragraphs=offsets)
    for (start, end), para in zip(offsets, doc.paragraphs):
        assert para.text == text[start:end]
        assert (para.span.line, para.span.column) == index.position(start)
        assert (para.span.end_line, para.span.end_column) == index.position(end)
        assert (para.span.start, para.span.end) == (start, end)
