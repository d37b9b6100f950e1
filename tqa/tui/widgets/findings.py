"""The findings panel: a filter bar (category, severity, code, status) and the list of findings.

Every cell is a `rich.text.Text`, never a markup string: a message quoting ``[bold]`` from the copy stays literal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable, Label, Select

from tqa.model import Finding
from tqa.tui.rows import display_text
from tqa.tui.widgets.side_by_side import SEVERITY_COLOURS

__all__ = ["ALL", "FilterBar", "Filters", "FindingsTable", "STATUS_MARKS"]

ALL = ""
STATUS_MARKS = {"open": ("●", ""), "accepted": ("✓", "#87af87"), "fixed": ("✎", "#87d787")}
SEVERITIES = ("error", "warning", "info")
STATUSES = ("open", "accepted", "fixed")


@dataclass(frozen=True, slots=True)
class Filters:
    category: str = ALL
    severity: str = ALL
    code: str = ALL
    status: str = ALL

    def keep(self, finding: Finding, status: str) -> bool:
        return (
            (not self.category or finding.category == self.category)
            and (not self.severity or finding.severity.value == self.severity)
            and (not self.code or finding.code == self.code)
            and (not self.status or status == self.status)
        )

    @property
    def active(self) -> bool:
        return bool(self.category or self.severity or self.code or self.status)

    def describe(self) -> str:
        parts = [f"{k}={v}" for k, v in (("category", self.category), ("severity", self.severity),
                                          ("code", self.code), ("status", self.status)) if v]
        return ", ".join(parts)


def _options(label: str, values: Iterable[tuple[str, int]]) -> list[tuple[Text, str]]:
    opts = [(Text(label), ALL)]
    for value, count in values:
        opts.append((Text(f"{display_text(value)} ({count})"), value))
    return opts


class FilterBar(Horizontal):
    """Four compact selects; the screen listens to `Select.Changed`."""

    DEFAULT_CSS = """
    FilterBar { height: 1; }
    FilterBar Select { width: 1fr; }
    FilterBar Label { width: auto; padding: 0 1; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Select(_options("All categories", ()), id="filter-category", allow_blank=False, compact=True)
        yield Select(_options("All severities", ()), id="filter-severity", allow_blank=False, compact=True)
        yield Select(_options("All codes", ()), id="filter-code", allow_blank=False, compact=True)
        yield Select(_options("Any status", ()), id="filter-status", allow_blank=False, compact=True)
        yield Label(Text(""), id="filter-count")

    def set_choices(self, findings: Sequence[Finding], statuses: Sequence[str], current: Filters) -> None:
        """Offer the values present in the story (with counts), keeping the current selection."""

        def counted(values: Iterable[str], order: Sequence[str] | None = None) -> list[tuple[str, int]]:
            counts: dict[str, int] = {}
            for v in values:
                counts[v] = counts.get(v, 0) + 1
            keys = [k for k in order if k in counts] if order else sorted(counts)
            return [(k, counts[k]) for k in keys]

        spec = (
            ("filter-category", "All categories", counted(f.category for f in findings), current.category),
            ("filter-severity", "All severities", counted((f.severity.value for f in findings), SEVERITIES),
             current.severity),
            ("filter-code", "All codes", counted(f.code for f in findings), current.code),
            ("filter-status", "Any status", counted(statuses, STATUSES), current.status),
        )
        for wid, label, values, value in spec:
            select = self.query_one(f"#{wid}", Select)
            opts = _options(label, values)
            with select.prevent(Select.Changed):
                select.set_options(opts)
                select.value = value if any(v == value for _, v in opts) else ALL

    def set_count(self, shown: int, total: int) -> None:
        self.query_one("#filter-count", Label).update(Text(f"{shown}/{total}"))


class FindingsTable(DataTable):
    """One row per finding (row key = the finding's index in the screen's list)."""

    DEFAULT_CSS = """
    FindingsTable { height: 1fr; }
    """

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = False
        self.add_column(Text(" "), key="status", width=1)
        self.add_column(Text("Sev"), key="severity", width=7)
        self.add_column(Text("Code"), key="code", width=6)
        self.add_column(Text("Category"), key="category", width=13)
        self.add_column(Text("Line"), key="line", width=5)
        self.add_column(Text("Message"), key="message")

    def show(self, findings: Sequence[Finding], order: Sequence[int], statuses: Sequence[str],
             keep: int | None = None) -> None:
        """Fill the table with `findings[i] for i in order`; put the cursor on `keep` when it is shown."""
        self.clear()
        for i in order:
            f = findings[i]
            self.add_row(*finding_cells(f, statuses[i]), key=str(i))
        if keep is not None and keep in order:
            self.move_cursor(row=list(order).index(keep), animate=False)


def finding_cells(f: Finding, status: str) -> tuple[Text, ...]:
    mark, colour = STATUS_MARKS.get(status, ("●", ""))
    sev_colour = SEVERITY_COLOURS.get(f.severity.value, "")
    dim = status != "open"
    line = f.target.line if f.target else (f.source.line if f.source else None)
    where = str(line) if line is not None else "—"
    msg = display_text(f.message)
    if len(msg) > 300:
        msg = msg[:299] + "…"
    return (
        Text(mark, style=colour or sev_colour),
        Text(f.severity.value, style=f"{sev_colour}{' dim' if dim else ' bold'}"),
        Text(f.code, style="dim" if dim else ""),
        Text(display_text(f.category), style="dim" if dim else ""),
        Text(where, style="dim" if dim else "", justify="right"),
        Text(msg, style="dim" if dim else ""),
    )
