"""The story list (``tqa review DIR``): every pair of the folder with its open findings by severity; Enter opens one.

The stories are analysed one by one in a worker thread, with a progress bar; the counts fill in as they come. The
results are kept by the app, so opening a story already analysed is instant.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from tqa.baseline import Baseline
from tqa.decisions import applicable_entries
from tqa.model import DocumentResult, Story
from tqa.tui.loader import severity_counts
from tqa.tui.rows import display_text
from tqa.tui.screens.help import HelpScreen, key_rows
from tqa.tui.widgets.side_by_side import SEVERITY_COLOURS

__all__ = ["StoryListScreen"]


@dataclass
class Counted(Message):
    index: int
    story: Story | None
    result: DocumentResult | None
    error: str = ""


class StoryListScreen(Screen):
    BINDINGS = [
        Binding("enter", "open", "Open", tooltip="review the selected story"),
        Binding("r", "recount", "Re-check", tooltip="check every story again"),
        Binding("question_mark", "help", "Help", tooltip="this help"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self._title = title
        self.done = 0
        self.errors: dict[int, str] = {}

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        yield Static(Text(display_text(self._title), style="bold"), id="list-title")
        yield ProgressBar(total=len(self.app.stories), show_eta=False, id="progress")
        yield DataTable(id="stories", cursor_type="row")
        yield Static(Text(""), id="list-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"{len(self.app.stories)} stories"
        table = self.query_one("#stories", DataTable)
        table.add_column(Text("Story"), key="story")
        for key, label in (("error", "Errors"), ("warning", "Warnings"), ("info", "Info"), ("accepted", "Accepted")):
            table.add_column(Text(label, justify="right"), key=key, width=8)
        table.add_column(Text("Pairs", justify="right"), key="pairs", width=6)
        for i, ref in enumerate(self.app.stories):
            table.add_row(Text(display_text(ref.name)), *(Text("…", justify="right") for _ in range(5)), key=str(i))
        table.focus()
        self._count()

    @work(thread=True, exclusive=True, exit_on_error=False, group="count")
    def _count(self) -> None:
        from textual.worker import get_current_worker

        worker = get_current_worker()
        app = self.app
        for i, ref in enumerate(app.stories):
            if worker.is_cancelled:
                return
            cached = app.results.get(i)
            if cached is not None:
                self.post_message(Counted(i, *cached))
                continue
            try:
                story = ref.read(app.analysis.config.date)
                result = app.analysis.check(story)
            except Exception as exc:  # noqa: BLE001 — shown in the list, never a crash
                self.post_message(Counted(i, None, None, str(exc) or type(exc).__name__))
                continue
            self.post_message(Counted(i, story, result))

    def on_counted(self, message: Counted) -> None:
        if message.result is not None and message.story is not None:
            self.app.results[message.index] = (message.story, message.result)
            self.errors.pop(message.index, None)
        else:
            self.errors[message.index] = message.error
        self._fill(message.index)
        self.done += 1
        self.query_one("#progress", ProgressBar).advance(1)
        if self.done >= len(self.app.stories):
            self.query_one("#progress", ProgressBar).display = False
        self._update_status()

    def _fill(self, index: int, baselines: dict | None = None) -> None:
        table = self.query_one("#stories", DataTable)
        key = str(index)
        if index in self.errors:
            table.update_cell(key, "error", Text("!", style="bold #d75f5f", justify="right"))
            table.update_cell(key, "story", Text(f"{display_text(self.app.stories[index].name)} — "
                                                  f"{display_text(self.errors[index])}", style="#d75f5f"))
            return
        cached = self.app.results.get(index)
        if cached is None:
            return
        _story, result = cached
        path = self.app.baseline_for(self.app.stories[index])
        baselines = {} if baselines is None else baselines
        if path not in baselines:
            try:
                baselines[path] = Baseline.load_or_empty(path)
            except Exception:  # noqa: BLE001
                baselines[path] = Baseline()
        accepted = set(applicable_entries(baselines[path], result.target))
        counts = severity_counts(result, accepted)
        for sev in ("error", "warning", "info"):
            n = counts[sev]
            style = f"bold {SEVERITY_COLOURS[sev]}" if n else "dim"
            table.update_cell(key, sev, Text(str(n), style=style, justify="right"))
        table.update_cell(key, "accepted", Text(str(counts["accepted"]), style="#87af87" if counts["accepted"] else "dim",
                                                justify="right"))
        table.update_cell(key, "pairs", Text(str(result.pairs), style="dim", justify="right"))

    def _update_status(self) -> None:
        total = {"error": 0, "warning": 0, "info": 0}
        for _story, result in self.app.results.values():
            for f in result.findings:
                total[f.severity.value] = total.get(f.severity.value, 0) + 1
        msg = (f"{self.done}/{len(self.app.stories)} checked · {total['error']} error, {total['warning']} warning, "
               f"{total['info']} info (before accepted ones)")
        if self.errors:
            msg += f" · {len(self.errors)} unreadable"
        self.query_one("#list-status", Static).update(Text(msg, style="dim"))

    def on_screen_resume(self) -> None:
        baselines: dict = {}
        for i in range(len(self.app.stories)):
            self._fill(i, baselines)
        self._update_status()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.app.open_story(int(event.row_key.value))

    def action_open(self) -> None:
        table = self.query_one("#stories", DataTable)
        if table.row_count:
            self.app.open_story(table.cursor_row)

    def action_recount(self) -> None:
        self.app.results.clear()
        self.errors.clear()
        self.done = 0
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=len(self.app.stories), progress=0)
        bar.display = True
        self._count()

    def action_help(self) -> None:
        rows = key_rows(self.BINDINGS) + key_rows(getattr(self.app, "HELP_BINDINGS", ()))
        self.app.push_screen(HelpScreen("tqa review — story list keys", rows))
