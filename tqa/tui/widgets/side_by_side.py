"""The side-by-side view: Ukrainian source on the left, English target on the right, row by row.

A Line API widget (`ScrollView`): it wraps the rows' text once per width and renders only the lines on screen, so a
story of hundreds of paragraphs opens and scrolls at the same speed as a short one. Both panes are one scroll
surface, so a row's source and target always stay side by side. Text is emitted as `Segment`s of plain strings —
never parsed as markup — and control characters were made visible by `tqa.tui.rows.display_text`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tqa.tui.rows import Row, RowIndex, display_text, iter_matches, wrap

__all__ = ["Mark", "SideBySide"]

_ROLES = ("source", "target")


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted document range: `kind` is a severity ("error", "warning", "info"), "accepted" or "fixed";
    `finding` is the index of the finding in the screen's list."""

    role: str
    start: int
    end: int
    kind: str
    finding: int


SEVERITY_COLOURS = {"error": "#d75f5f", "warning": "#d7af00", "info": "#5fafd7"}

_STYLES = {
    "error": Style(bgcolor="#5f1f1f", underline=True),
    "warning": Style(bgcolor="#4e4000", underline=True),
    "info": Style(bgcolor="#1c3a52", underline=True),
    "accepted": Style(dim=True, underline=True),
    "fixed": Style(strike=True, color="#87d787"),
    "current": Style(reverse=True, bold=True),
    "search": Style(bgcolor="#d7af00", color="#000000"),
}
_PRIORITY = {"accepted": 0, "info": 1, "warning": 2, "error": 3, "fixed": 4}
_GUTTER = Style(color="#6c6c6c")
_GUTTER_HEAD = Style(color="#8a8a8a", bold=True)
_DIVIDER = Style(color="#4e4e4e")
_PLACEHOLDER = Style(color="#767676", italic=True)
_RESIDUE = Style(color="#8a8a8a", italic=True)
_HEADER = Style(bold=True, color="#d0d0d0", bgcolor="#262626")
_SEPARATOR = Style(color="#303030")


class SideBySide(ScrollView, can_focus=True):
    """Rows of (source, target) with line numbers; findings highlighted by severity in both panes."""

    DEFAULT_CSS = """
    SideBySide {
        overflow-y: scroll;
        overflow-x: hidden;
    }
    """

    @dataclass
    class SpanClicked(Message):
        """The user clicked a document position (to select the finding there)."""

        role: str
        offset: int

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[Row] = []
        self._index = RowIndex([])
        self._titles = ("Ukrainian", "English")
        self._marks: dict[int, list[tuple[str, int, int, str, int]]] = {}  # row → (role, a, b, kind, finding)
        self._current: int | None = None
        self._query = ""
        self._search_cache: dict[tuple[int, str], list[tuple[int, int]]] = {}
        self._layout_width = -1
        self._geometry = (4, 10, 10)  # gutter, source width, target width
        # per row: (source lines, target lines, separator) where a line is (start, end, file line number to show)
        self._wrapped: list[tuple[list[tuple[int, int, int | None]], list[tuple[int, int, int | None]], int]] = []
        self._tops: list[int] = []  # first content line of each row (its separator included)
        self._total = 0
        self._line_cache: dict[int, Strip] = {}
        self._max_lines = (1, 1)

    # -- data ---------------------------------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Row], titles: tuple[str, str] = ("Ukrainian", "English")) -> None:
        self.rows = list(rows)
        self._index = RowIndex(self.rows)
        self._titles = (display_text(titles[0]), display_text(titles[1]))
        lines_s = [p.line for r in self.rows for p in r.source.pieces] or [1]
        lines_t = [p.line for r in self.rows for p in r.target.pieces] or [1]
        self._max_lines = (max(lines_s), max(lines_t))
        self._marks = {}
        self._current = None
        self._search_cache.clear()
        self._layout_width = -1
        self._relayout()

    def set_marks(self, marks: Sequence[Mark]) -> None:
        """Highlight these ranges (replacing the previous highlights)."""
        by_row: dict[int, list[tuple[str, int, int, str, int]]] = {}
        for m in marks:
            for r in self._index.rows_of(m.role, m.start, m.end):
                cell = self.rows[r].cell(m.role)
                for a, b in cell.doc_ranges(m.start, m.end):
                    by_row.setdefault(r, []).append((m.role, a, b, m.kind, m.finding))
        for items in by_row.values():
            items.sort(key=lambda t: _PRIORITY.get(t[3], 0))
        self._marks = by_row
        self._invalidate()

    def set_current(self, finding: int | None) -> None:
        if finding != self._current:
            self._current = finding
            self._invalidate()

    def set_search(self, query: str) -> None:
        if query != self._query:
            self._query = query
            self._search_cache.clear()
            self._invalidate()

    @property
    def query(self) -> str:
        return self._query

    def search_hits(self, query: str | None = None) -> list[tuple[int, str, int]]:
        """(row, role, cell offset) of every match of the query, in reading order (source before target)."""
        q = self._query if query is None else query
        out = []
        for i, row in enumerate(self.rows):
            for role in _ROLES:
                for a, _b in iter_matches(row.cell(role).text, q):
                    out.append((i, role, a))
        return out

    # -- geometry -----------------------------------------------------------------------------------------------------

    def _content_width(self) -> int:
        return max(20, self.scrollable_content_region.width or self.size.width or 80)

    def _relayout(self) -> None:
        width = self._content_width()
        digits = len(str(max(self._max_lines)))
        gutter = max(3, digits) + 1
        text_total = max(2, width - 2 * gutter - 3)
        sw = max(1, text_total // 2)
        tw = max(1, text_total - sw)
        self._geometry = (gutter, sw, tw)
        wrapped = []
        tops = []
        last: dict[str, int | None] = {"source": None, "target": None}
        y = 0
        for i, row in enumerate(self.rows):
            cols = []
            for role, w in (("source", sw), ("target", tw)):
                cell = row.cell(role)
                lines: list[tuple[int, int, int | None]] = []
                if not cell.text:
                    lines = [(a, b, None) for a, b in wrap(cell.placeholder, w)]
                for start, end, number in (cell.blocks() if cell.text else ()):
                    shown = number if number is not None and number != last[role] else None
                    if number is not None:
                        last[role] = number
                    for j, (a, b) in enumerate(wrap(cell.text[start:end], w)):
                        lines.append((start + a, start + b, shown if j == 0 else None))
                cols.append(lines)
            sep = 1 if (row.first_in_pair and i > 0) else 0
            tops.append(y)
            wrapped.append((cols[0], cols[1], sep))
            y += sep + max(len(cols[0]), len(cols[1]))
        self._wrapped = wrapped
        self._tops = tops
        self._total = y
        self._layout_width = width
        self.virtual_size = Size(width, y + 1)
        self._invalidate()

    def on_resize(self, event: Resize) -> None:
        if self._content_width() != self._layout_width:
            self._relayout()

    def _invalidate(self) -> None:
        self._line_cache.clear()
        self.refresh()

    def line_of(self, role: str, offset: int) -> int | None:
        """The content line (0-based, below the header) showing document `offset` of `role`."""
        r = self._index.row_of(role, offset)
        if r is None:
            return None
        return self.line_of_cell(r, role, self.rows[r].cell(role).to_cell(offset) or 0)

    def line_of_cell(self, r: int, role: str, cell_offset: int) -> int:
        sl, tl, sep = self._wrapped[r]
        lines = sl if role == "source" else tl
        k = 0
        for j, (a, _b, _n) in enumerate(lines):
            if a <= cell_offset:
                k = j
        return self._tops[r] + sep + k

    def scroll_to_line(self, line: int, *, centre: bool = True) -> None:
        """Scroll so that content `line` is visible (about a third down the pane when `centre`)."""
        height = max(1, self.scrollable_content_region.height - 1)
        top = self.scroll_offset.y
        if not centre and top <= line < top + height:
            return
        self.scroll_to(y=max(0, line - height // 3), animate=False)

    def scroll_to_doc(self, role: str, offset: int) -> None:
        line = self.line_of(role, offset)
        if line is not None:
            self.scroll_to_line(line)

    def visible_rows(self) -> list[int]:
        """Indices of the rows on screen (for tests and the status line)."""
        height = max(1, self.scrollable_content_region.height - 1)
        y0 = self.scroll_offset.y
        first = max(0, bisect.bisect_right(self._tops, y0) - 1)
        last = max(0, bisect.bisect_right(self._tops, y0 + height - 1) - 1)
        return list(range(first, min(last + 1, len(self.rows))))

    # -- keys: page and jump without animation (one repaint, not a train of frames) ---------------------------------

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    # -- rendering ----------------------------------------------------------------------------------------------------

    def render_lines(self, crop):
        base = self.rich_style  # computed once per repaint, not once per line
        if base != getattr(self, "_base_style", None):
            self._line_cache.clear()  # a theme or style change
        self._base_style = base
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self._content_width()
        if width != self._layout_width:
            self._relayout()
        base = getattr(self, "_base_style", None) or self.rich_style
        if y == 0:
            return self._header(base, width)
        vy = self.scroll_offset.y + y - 1
        strip = self._line_cache.get(vy)
        if strip is None:
            strip = self._render_content_line(vy, base, width)
            if len(self._line_cache) > 2000:
                self._line_cache.clear()
            self._line_cache[vy] = strip
        return strip

    def _header(self, base: Style, width: int) -> Strip:
        gutter, sw, tw = self._geometry
        style = base + _HEADER
        segs = [
            Segment(" " * gutter, style),
            Segment(_fit(self._titles[0], sw), style),
            Segment(" │ ", base + _DIVIDER + Style(bgcolor="#262626")),
            Segment(" " * gutter, style),
            Segment(_fit(self._titles[1], tw), style),
        ]
        return Strip(segs).extend_cell_length(width, style).crop(0, width)

    def _render_content_line(self, vy: int, base: Style, width: int) -> Strip:
        gutter, sw, tw = self._geometry
        if vy >= self._total or not self.rows:
            return Strip.blank(width, base)
        r = bisect.bisect_right(self._tops, vy) - 1
        row = self.rows[r]
        sl, tl, sep = self._wrapped[r]
        k = vy - self._tops[r] - sep
        if k < 0:  # the thin gap between paragraph pairs
            segs = [
                Segment(" " * (gutter + sw), base),
                Segment(" ┊ ", base + _SEPARATOR),
                Segment(" " * (gutter + tw), base),
            ]
            return Strip(segs).extend_cell_length(width, base).crop(0, width)
        segs: list[Segment] = []
        for role, lines, w in (("source", sl, sw), ("target", tl, tw)):
            cell = row.cell(role)
            number = lines[k][2] if k < len(lines) else None
            num = str(number).rjust(gutter - 1) + " " if number is not None else " " * gutter
            segs.append(Segment(num, base + _GUTTER))
            if k < len(lines):
                a, b, _n = lines[k]
                if cell.text:
                    segs.extend(self._text_segments(r, role, cell.text, a, b, w, base, row))
                else:
                    segs.append(Segment(_fit(cell.placeholder[a:b], w), base + _PLACEHOLDER))
            else:
                segs.append(Segment(" " * w, base))
            if role == "source":
                segs.append(Segment(" │ ", base + _DIVIDER))
        return Strip(segs).extend_cell_length(width, base).crop(0, width)

    def _text_segments(
        self, r: int, role: str, text: str, a: int, b: int, width: int, base: Style, row: Row
    ) -> list[Segment]:
        chunk_end = a + len(text[a:b].rstrip())
        plain = base + _RESIDUE if (row.status == "residue" and role == "target") else base
        spans: list[tuple[int, int, Style]] = []
        for m_role, ma, mb, kind, finding in self._marks.get(r, ()):
            if m_role != role:
                continue
            if ma == mb:  # an empty span (an insertion point): show one cell
                mb = ma + 1
            if mb <= a or ma >= chunk_end:
                continue
            style = _STYLES.get(kind, _STYLES["info"])
            if finding == self._current:
                style = style + _STYLES["current"]
            spans.append((max(a, ma), min(chunk_end, mb), style))
        if self._query:
            key = (r, role)
            hits = self._search_cache.get(key)
            if hits is None:
                hits = list(iter_matches(text, self._query))
                self._search_cache[key] = hits
            for ha, hb in hits:
                if hb > a and ha < chunk_end:
                    spans.append((max(a, ha), min(chunk_end, hb), _STYLES["search"]))
        out: list[Segment] = []
        if not spans:
            out.append(Segment(text[a:chunk_end], plain))
        else:
            points = sorted({a, chunk_end, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
            for p, q in zip(points, points[1:]):
                if p >= q:
                    continue
                style = plain
                for s, e, st in spans:
                    if s <= p and q <= e:
                        style = style + st
                out.append(Segment(text[p:q], style))
        used = sum(s.cell_length for s in out)
        if used < width:
            out.append(Segment(" " * (width - used), plain))
        elif used > width:
            out = list(Segment.adjust_line_length(out, width, plain))
        return out

    # -- mouse --------------------------------------------------------------------------------------------------------

    def on_click(self, event: Click) -> None:
        hit = self.position_at(event.x, event.y)
        if hit is not None:
            self.post_message(self.SpanClicked(*hit))

    def position_at(self, x: int, y: int) -> tuple[str, int] | None:
        """The (role, document offset) under widget coordinates (x, y), or None."""
        if y < 1 or not self.rows:
            return None
        vy = self.scroll_offset.y + y - 1
        if vy >= self._total:
            return None
        gutter, sw, tw = self._geometry
        if gutter <= x < gutter + sw:
            role, col = "source", x - gutter
        elif 2 * gutter + sw + 3 <= x < 2 * gutter + sw + 3 + tw:
            role, col = "target", x - (2 * gutter + sw + 3)
        else:
            return None
        r = bisect.bisect_right(self._tops, vy) - 1
        sl, tl, sep = self._wrapped[r]
        k = vy - self._tops[r] - sep
        lines = sl if role == "source" else tl
        if k < 0 or k >= len(lines):
            return None
        cell = self.rows[r].cell(role)
        a, b, _n = lines[k]
        off = a
        acc = 0
        while off < b and acc + _width(cell.text[off]) <= col:
            acc += _width(cell.text[off])
            off += 1
        for p in cell.pieces:
            if p.cell_start <= off < p.cell_start + p.length:
                return role, p.doc_start + off - p.cell_start
        return None


def _width(ch: str) -> int:
    from rich.cells import cell_len

    return 1 if ch.isascii() else cell_len(ch)


def _fit(text: str, width: int) -> str:
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) > width:
        return set_cell_size(text[: max(0, width - 1)], max(0, width - 1)) + "…" if width > 0 else ""
    return set_cell_size(text, width)
