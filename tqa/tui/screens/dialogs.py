"""Small modal screens: the reason prompt for accepting a finding, the full finding detail, the quit confirmation."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

__all__ = ["DetailScreen", "QuitScreen", "ReasonPrompt"]


class ReasonPrompt(ModalScreen[str | None]):
    """Ask why a finding is accepted. Enter accepts (the reason may be empty); Escape cancels (→ None)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: Text) -> None:
        super().__init__()
        self._title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self._title, id="dialog-title")
            yield Input(placeholder="reason (optional): intended, false alarm, a quoted name…", id="reason")
            yield Label(Text("Enter accepts · Escape cancels", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#reason", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class DetailScreen(ModalScreen[None]):
    """The whole detail of one finding, full screen (Escape or Enter closes it)."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("enter", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]

    def __init__(self, text: Text) -> None:
        super().__init__()
        self._text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-dialog"):
            yield Static(self._text)
            yield Label(Text("Escape closes", style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)


class QuitScreen(ModalScreen[str | None]):
    """Applied fixes are not saved: save and quit, quit (the fixes stay in the journal), or cancel."""

    BINDINGS = [
        Binding("s", "choose('save')", "Save and quit"),
        Binding("q", "choose('quit')", "Quit, keep fixes pending"),
        Binding("escape", "choose(None)", "Cancel"),
    ]

    def __init__(self, pending: int, journal: str) -> None:
        super().__init__()
        self._pending = pending
        self._journal = journal

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Text(f"{self._pending} applied fix(es) not written to the target yet.", style="bold"))
            yield Label(Text(f"They are kept in {self._journal} and come back when you reopen the story."))
            yield Label(Text("s save and quit · q quit without saving · Escape stay", style="dim"))

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)
