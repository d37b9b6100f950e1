"""The help screen: every key of the screen it was opened from (read from the bindings themselves, so it cannot go
stale), the keys of the widgets, and the mouse."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

__all__ = ["HelpScreen", "key_rows"]

_KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "space": "Space",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
}

WIDGET_KEYS: tuple[tuple[str, str], ...] = (
    ("↑ ↓", "move in the findings list (the texts follow) / scroll the texts"),
    ("PgUp PgDn Home End", "scroll the focused list or the texts"),
    ("Tab Shift+Tab", "move between the texts, the filters and the findings list"),
    ("Enter", "open the selected finding's detail / the selected story"),
    ("ctrl+p", "command palette: every action, filters by value"),
    ("ctrl+q", "quit"),
    ("mouse", "click a highlighted span to select its finding; wheel scrolls"),
)


def _key(k: str) -> str:
    return " ".join(_KEY_NAMES.get(part, part) for part in k.split(","))


def key_rows(bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for b in bindings:
        if isinstance(b, Binding):
            key, desc = b.key, b.tooltip or b.description
        else:
            key, desc = b[0], (b[2] if len(b) > 2 else b[1])
        if desc:
            rows.append((_key(key), desc))
    return rows


class HelpScreen(ModalScreen[None]):
    """Every key, in two groups: this screen's actions and the widgets' keys."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]

    def __init__(self, title: str, bindings: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self._title = title
        self._rows = list(bindings)

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold #d7af00", no_wrap=True)
        table.add_column()
        for key, desc in self._rows:
            table.add_row(Text(key), Text(desc))
        table.add_row(Text(""), Text(""))
        for key, desc in WIDGET_KEYS:
            table.add_row(Text(key), Text(desc))
        with VerticalScroll(id="help-dialog"):
            yield Label(Text(self._title, style="bold"), id="help-title")
            yield Static(table)
            yield Label(Text("Escape or ? closes this help", style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
