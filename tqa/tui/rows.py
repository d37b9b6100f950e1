"""The side-by-side layout as plain data (no textual): aligned story → rows of (source cell, target cell).

One row per sentence alignment inside each paragraph pair (one row for the whole pair when the aligner gave no
sentence alignment, or one that does not cover every sentence). A residue or added target paragraph is shown against
an empty source cell, an omitted source paragraph against an empty target cell.

Cell text is *display* text: the segments joined by one space with control characters made visible one-for-one
(ANSI escapes become ``␛[31m``), so offsets in the cell map back to the document by `Piece`. Markup-looking text
(``[bold]``) is just text here; the widgets render it as `rich.text.Text`/`Segment`, never as markup.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len

from tqa.model import AlignedPair, AlignedStory, Segment, Span

__all__ = [
    "Cell",
    "Piece",
    "Row",
    "RowIndex",
    "build_rows",
    "display_text",
    "provisional_rows",
    "span_offsets",
    "wrap",
]

# C0 controls → Unicode control pictures (one character for one: offsets stay valid); DEL, C1 controls, bidi and
# zero-width format characters → visible stand-ins. Tab becomes a space.
_TABLE = {i: 0x2400 + i for i in range(0x20)}
_TABLE[0x09] = 0x20
_TABLE[0x7F] = 0x2421
for _c in range(0x80, 0xA0):
    _TABLE[_c] = 0xFFFD  # C1 controls (a lone CSI 0x9b would start an escape sequence)
for _c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)):
    _TABLE[_c] = 0xFFFD  # bidi embeddings/overrides/isolates
for _c in (*range(0x200B, 0x2010), 0xFEFF):
    _TABLE[_c] = 0x2423  # zero-width characters and marks: ␣
del _c
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def display_text(text: str) -> str:
    """`text` safe for a terminal cell: same length, every control/format character replaced by a visible one."""
    if _UNSAFE.search(text) is None:
        return text
    return text.translate(_TABLE)


@dataclass(frozen=True, slots=True)
class Piece:
    """A document segment inside a cell: cell[cell_start:cell_start+length] is doc.text[doc_start:doc_start+length]."""

    doc_start: int
    cell_start: int
    length: int
    line: int  # the file line the segment starts on


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    pieces: tuple[Piece, ...] = ()
    placeholder: str = ""  # shown (dim) when the cell is empty: "omitted", "added", "residue: …"

    @property
    def line(self) -> int | None:
        return self.pieces[0].line if self.pieces else None

    def blocks(self) -> list[tuple[int, int, int | None]]:
        """(start, end, file line) of the runs of pieces on one file line: a row holding two paragraphs (a 1-2
        alignment) shows each from a new line, with its own line number."""
        if not self.pieces:
            return [(0, len(self.text), None)]
        out: list[tuple[int, int, int | None]] = []
        for p in self.pieces:
            end = p.cell_start + p.length
            if out and out[-1][2] == p.line:
                out[-1] = (out[-1][0], end, p.line)
            else:
                out.append((p.cell_start, end, p.line))
        return out

    def to_cell(self, doc_offset: int) -> int | None:
        """The cell offset of a document offset inside this cell, or None."""
        for p in self.pieces:
            if p.doc_start <= doc_offset <= p.doc_start + p.length:
                return p.cell_start + doc_offset - p.doc_start
        return None

    def doc_ranges(self, start: int, end: int) -> list[tuple[int, int]]:
        """Cell ranges covering the document range [start, end) (clipped to this cell)."""
        out = []
        for p in self.pieces:
            a = max(start, p.doc_start)
            b = min(end, p.doc_start + p.length)
            if a < b or (start == end and p.doc_start <= start <= p.doc_start + p.length and a == b):
                out.append((p.cell_start + a - p.doc_start, p.cell_start + b - p.doc_start))
        return out


@dataclass(frozen=True, slots=True)
class Row:
    pair: int  # index of the AlignedPair
    status: str  # "aligned" | "residue" | "added" | "omitted"
    kind: str  # the paragraph alignment kind ("1-1", "0-1", "2-1"…)
    first_in_pair: bool
    source: Cell
    target: Cell
    residue: str | None = None

    def cell(self, role: str) -> Cell:
        return self.source if role == "source" else self.target


def _cell(segments: Sequence[Segment], placeholder: str = "") -> Cell:
    parts: list[str] = []
    pieces: list[Piece] = []
    pos = 0
    for seg in segments:
        if parts:
            parts.append(" ")
            pos += 1
        text = display_text(seg.text)
        pieces.append(Piece(seg.span.start, pos, len(text), seg.span.line))
        parts.append(text)
        pos += len(text)
    return Cell("".join(parts), tuple(pieces), "" if segments else placeholder)


def _covers(pair: AlignedPair) -> bool:
    """True when the sentence alignments hold every sentence of the pair exactly once, in order."""
    want_s = [id(s) for p in pair.source for s in p.sentences]
    want_t = [id(s) for p in pair.target for s in p.sentences]
    got_s = [id(s) for a in pair.sentences for s in a.source]
    got_t = [id(s) for a in pair.sentences for s in a.target]
    return bool(pair.sentences) and want_s == got_s and want_t == got_t


def _pair_rows(pair: AlignedPair) -> list[Row]:
    if pair.residue:
        status = "residue"
    elif not pair.source:
        status = "added"
    elif not pair.target:
        status = "omitted"
    else:
        status = "aligned"
    src_ph = f"residue · {pair.residue}" if status == "residue" else ("added in the English" if status == "added" else "")
    tgt_ph = "omitted in the English" if status == "omitted" else ""
    if status == "aligned" and _covers(pair):
        rows = []
        for i, al in enumerate(pair.sentences):
            rows.append(Row(pair.index, status, pair.kind, i == 0, _cell(al.source, "·"), _cell(al.target, "·"),
                            pair.residue))
        return rows
    return [Row(pair.index, status, pair.kind, True, _cell(pair.source, src_ph), _cell(pair.target, tgt_ph),
                pair.residue)]


def build_rows(aligned: AlignedStory) -> list[Row]:
    """The rows of the side-by-side view, in reading order."""
    rows: list[Row] = []
    for pair in aligned.pairs:
        rows.extend(_pair_rows(pair))
    return rows


def provisional_rows(source: str, target: str) -> list[Row]:
    """Rows for the texts before the aligner has run: paragraph N beside paragraph N (shown for a moment while a
    large story is aligned; no sentence split, so it costs milliseconds)."""
    from tqa.model import LineIndex
    from tqa.text.segment import split_paragraphs

    def cells(text: str) -> list[Cell]:
        index = LineIndex(text)
        out = []
        for start, end in split_paragraphs(text):
            shown = display_text(text[start:end])
            out.append(Cell(shown, (Piece(start, 0, len(shown), index.position(start)[0]),)))
        return out

    src, tgt = cells(source), cells(target)
    empty = Cell("", (), "")
    return [
        Row(i, "aligned", "1-1", True, src[i] if i < len(src) else empty, tgt[i] if i < len(tgt) else empty)
        for i in range(max(len(src), len(tgt)))
    ]


@dataclass
class RowIndex:
    """Finds the row holding a document offset, per role (binary search over the pieces)."""

    rows: Sequence[Row]
    _starts: dict[str, list[int]] = field(default_factory=dict)
    _where: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for role in ("source", "target"):
            items = sorted(
                (p.doc_start, p.doc_start + p.length, i) for i, r in enumerate(self.rows) for p in r.cell(role).pieces
            )
            self._where[role] = items
            self._starts[role] = [a for a, _, _ in items]

    def row_of(self, role: str, offset: int) -> int | None:
        starts = self._starts[role]
        k = bisect.bisect_right(starts, offset) - 1
        items = self._where[role]
        # the offset may sit just past the end of a segment (an empty span at the end) or between segments
        for j in (k, k + 1):
            if 0 <= j < len(items):
                a, b, row = items[j]
                if a <= offset <= b:
                    return row
        if 0 <= k < len(items):
            return items[k][2]
        return items[0][2] if items else None

    def rows_of(self, role: str, start: int, end: int) -> list[int]:
        """Every row a document range touches."""
        items = self._where[role]
        starts = self._starts[role]
        k = max(0, bisect.bisect_right(starts, start) - 1)
        out: list[int] = []
        for a, b, row in items[k:]:
            if a > end or (a == end and end > start):
                break
            if b >= start and row not in out:
                out.append(row)
        return out


def span_offsets(span: Span | None, text: str, first_line: int = 1) -> tuple[int, int] | None:
    """0-based offsets of `span` in the document `text`: its start/end when they hold its text, else from its
    line/column (a rule that built a Span by hand may have left start/end at 0)."""
    if span is None:
        return None
    s, e = span.start, span.end
    if 0 <= s <= e <= len(text) and text[s:e] == span.text:
        return s, e
    base = 0
    for _ in range(span.line - first_line):
        i = text.find("\n", base)
        if i == -1:
            return None
        base = i + 1
    start = base + span.column - 1
    if not 0 <= start <= len(text):
        return None
    if span.text and text[start : start + len(span.text)] != span.text:
        near = text.find(span.text, max(0, start - 2), start + len(span.text) + 2)
        if near != -1:
            start = near
    return start, min(len(text), start + len(span.text))


_WORD = re.compile(r"\S+\s*|\s+")


def _cells(s: str) -> int:
    return len(s) if s.isascii() else cell_len(s)


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of `text` to `width` terminal cells: (start, end) offsets of each line (at least one)."""
    width = max(1, width)
    if _cells(text) <= width:
        return [(0, len(text))]
    lines: list[tuple[int, int]] = []
    line_start = 0
    used = 0
    for m in _WORD.finditer(text):
        w_start, w_end = m.span()
        word = m.group()
        core = word.rstrip()
        need = _cells(core)
        if used and used + need <= width:
            used += _cells(word)
            continue
        if used == 0 and need <= width:
            used = _cells(word)
            continue
        if used:
            lines.append((line_start, w_start))
            line_start = w_start
            used = 0
        # a word longer than the line: cut it
        pos = w_start
        while _cells(text[pos : w_start + len(core)]) > width:
            cut = pos
            acc = 0
            while cut < w_start + len(core):
                cw = _cells(text[cut])
                if acc + cw > width:
                    break
                acc += cw
                cut += 1
            if cut == pos:
                cut = pos + 1
            lines.append((pos, cut))
            pos = cut
        line_start = pos
        used = _cells(text[pos:w_end])
    lines.append((line_start, len(text)))
    return lines


def iter_matches(text: str, query: str) -> Iterable[tuple[int, int]]:
    """Case-insensitive occurrences of `query` in `text` (offsets stay valid: casefolding is by character)."""
    if not query:
        return
    hay = text.lower()
    q = query.lower()
    if len(hay) != len(text):  # lower() changed the length (rare letters): fall back to a regex
        for m in re.finditer(re.escape(query), text, re.IGNORECASE):
            yield m.span()
        return
    i = hay.find(q)
    while i != -1:
        yield i, i + len(q)
        i = hay.find(q, i + max(1, len(q)))
