"""The reading fast paths give what the general paths give: `LineReader.read_lines` is `list(reader)` (lines, line
counts, errors), and `_line_chunk` (whole aligned files) is `build_chunk` of the same rows."""

from __future__ import annotations

import pytest

from tqa.errors import InputError
from tqa.io.encoding import LineReader
from tqa.io.records import _line_chunk, _whole_lines, build_chunk, read_aligned

_CASES = [
    "перший\nдругий\nтретій\n",
    "перший\r\nдругий\r\n\r\nчетвертий",  # CRLF, a blank line, no final line end
    "a\rb\rc",  # CR-only file
    "one\r\r\ntwo\r\n",  # a line ending in CR before CRLF
    "\n\nа\n\n",
    "x" * 50 + "\r\n" + "ї" * 40 + "\r\n",
]


@pytest.mark.parametrize("text", _CASES)
@pytest.mark.parametrize("block", [4, 5, 7, 16, 4096])
def test_read_lines_is_list_of_the_reader(write, text, block):
    path = write("r.txt", text)
    with LineReader(path, block_size=block, sample_size=block) as a:
        expected = list(a)
        expected_count = a.lines_read
    with LineReader(path, block_size=block, sample_size=block) as b:
        assert b.read_lines() == expected
        assert b.lines_read == expected_count


def test_read_lines_reports_bad_bytes_on_the_same_line(write):
    path = write("bad.txt", "добре\nще добре\n".encode() * 20 + b"\xff\xfe broken\n")
    errors = []
    for read in (list, LineReader.read_lines):
        with LineReader(path, block_size=16, sample_size=64, encoding="utf-8") as reader:
            with pytest.raises(InputError) as info:
                read(reader)
            errors.append(str(info.value))
    assert errors[0] == errors[1] and "line 41" in errors[0]


def test_whole_lines():
    assert _whole_lines(["a", "б в", "x.y"])
    assert not _whole_lines(["a", ""])
    for bad in (" a", "a ", "\ta", "a\u00a0", "\u200ba", "a\ufeff", "a\r"):
        assert not _whole_lines(["ok", bad]), repr(bad)
    assert _whole_lines(["a\u3000b", "a\rb"])  # inside a line: not stripped by build_chunk either


def _story_fields(story):
    def doc(d):
        return (d.path, d.language, d.text, d.encoding, d.first_line,
                [(p.text, p.span, p.span.start, p.span.end, [(s.text, s.span, s.span.start, s.span.end, s.sentence)
                                                            for s in p.sentences]) for p in d.paragraphs])

    return doc(story.source), doc(story.target), story.mode, story.part, story.date


@pytest.mark.parametrize(
    "s_lines,t_lines",
    [
        (["Перше речення. Друге речення.", "Третій рядок."], ["First sentence. Second one.", "Third line."]),
        (["Рядок.", "", "Ще."], ["Line.", "Not blank.", ""]),  # blank records: build_chunk's own handling
        (["  Відступ.", "Кінець. "], ["Indent.", "\u00a0End."]),  # stripped fields
        (["Один."], ["One."]),
    ],
)
def test_line_chunk_is_build_chunk(s_lines, t_lines):
    first = 2001
    rows = [(first + k, s, t, 0, 0) for k, (s, t) in enumerate(zip(s_lines, t_lines))]
    kw = dict(source_path="s.uk", target_path="t.en", source_encoding="utf-8", target_encoding="cp1252", part=1,
              date="2026-03-02")
    fast = _line_chunk(s_lines, t_lines, first, **kw)
    slow = build_chunk(rows, **kw)
    assert _story_fields(fast) == _story_fields(slow)
    assert fast == slow


def test_read_aligned_chunks_keep_record_numbers(write):
    src = write("a.uk", "".join(f"Рядок номер {i}. Друге речення.\n" for i in range(1, 8)))
    tgt = write("a.en", "".join(f"Line number {i}. Second sentence.\n" for i in range(1, 8)))
    stories = list(read_aligned(src, tgt, chunk_size=3))
    assert [s.part for s in stories] == [0, 1, 2]
    assert [s.source.first_line for s in stories] == [1, 4, 7]
    assert [p.span.line for s in stories for p in s.target.paragraphs] == list(range(1, 8))
    assert stories[1].target.paragraphs[0].sentences[1].span.column == len("Line number 4. ") + 1
