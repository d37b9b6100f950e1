"""The review screen: the texts side by side, the findings panel with filters, the finding detail, decisions.

The analysis runs in a worker thread (read → align → post `Aligned`, so the texts show at once; then check → post
`Analysed`). Every decision goes through `tqa.decisions.ReviewSession`, which writes it to disk immediately.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Select, Static

from tqa.decisions import ACCEPTED, OPEN, DecisionError, ReviewSession
from tqa.model import AlignedStory, DocumentResult, Finding, Story
from tqa.tui.loader import Analysis, StoryRef
from tqa.tui.rows import build_rows, display_text, provisional_rows, span_offsets
from tqa.tui.screens.dialogs import DetailScreen, QuitScreen, ReasonPrompt
from tqa.tui.screens.help import HelpScreen, key_rows
from tqa.tui.widgets.detail import FindingDetail, detail_text
from tqa.tui.widgets.findings import ALL, SEVERITIES, STATUSES, FilterBar, Filters, FindingsTable
from tqa.tui.widgets.side_by_side import Mark, SideBySide

__all__ = ["ReviewScreen"]


@dataclass
class Provisional(Message):
    """The raw paragraphs, paragraph N beside paragraph N, while the story is read and aligned."""

    rows: list
    titles: tuple[str, str]


@dataclass
class Aligned(Message):
    story: Story
    aligned: AlignedStory


@dataclass
class Analysed(Message):
    story: Story
    result: DocumentResult
    session: ReviewSession | None
    problem: str = ""


@dataclass
class LoadFailed(Message):
    error: str


def _notify(widget, message: str, severity: str = "information", timeout: float | None = None) -> None:
    widget.app.notify(display_text(message), severity=severity, markup=False, timeout=timeout or 4)


class ReviewScreen(Screen):
    """One story under review."""

    BINDINGS = [
        Binding("n", "next_finding", "Next", tooltip="next finding (in the filtered list)"),
        Binding("p", "previous_finding", "Prev", tooltip="previous finding"),
        Binding("a", "accept", "Accept", tooltip="accept the finding (intended / false alarm), with a reason"),
        Binding("f", "apply_fix", "Fix", tooltip="apply the suggested fix (written to the target on save)"),
        Binding("u", "undo", "Undo", tooltip="undo the decision on the selected finding"),
        Binding("ctrl+s", "save", "Save", tooltip="write the applied fixes to the target file"),
        Binding("slash", "search", "Search", tooltip="search both texts (Enter: next match, Esc: close)"),
        Binding("d", "detail", "Detail", show=False, tooltip="the finding's full detail: rule docs and fix"),
        Binding("s", "cycle('severity')", "Severity", show=False, tooltip="filter: cycle the severity"),
        Binding("c", "cycle('category')", "Category", show=False, tooltip="filter: cycle the category"),
        Binding("k", "cycle('code')", "Code", show=False, tooltip="filter: cycle the rule code"),
        Binding("o", "cycle('status')", "Status", show=False, tooltip="filter: cycle open / accepted / fixed"),
        Binding("0", "clear_filters", "Clear filters", show=False, tooltip="clear every filter"),
        Binding("t", "focus_texts", "Texts", show=False, tooltip="focus the texts (arrows scroll them)"),
        Binding("l", "focus_list", "List", show=False, tooltip="focus the findings list"),
        Binding("escape", "back", "Back", show=False, tooltip="close the search / back to the story list"),
        Binding("question_mark", "help", "Help", tooltip="this help"),
    ]

    def __init__(
        self,
        ref: StoryRef,
        analysis: Analysis,
        *,
        baseline_path: str | None = None,
        prepared: tuple[Story, DocumentResult] | None = None,
        from_list: bool = False,
    ) -> None:
        super().__init__()
        self.ref = ref
        self.analysis = analysis
        self.baseline_path = baseline_path
        self._prepared = prepared
        self.from_list = from_list
        self.story: Story | None = None
        self.result: DocumentResult | None = None
        self.session: ReviewSession | None = None
        self.findings: list[Finding] = []
        self.statuses: list[str] = []
        self.order: list[int] = []
        self.current: int | None = None
        self.filters = Filters()
        self.loaded = False  # findings are in (tests and the benchmark wait for it)
        self.texts_shown = False  # the aligned texts are in
        self.provisional = False  # the raw texts are shown while aligning
        self._search_hits: list[tuple[int, str, int]] = []
        self._search_pos = -1

    # -- layout -------------------------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        with Vertical(id="review"):
            yield SideBySide(id="texts")
            yield FilterBar(id="filters")
            with Horizontal(id="lower"):
                yield FindingsTable(id="findings")
                yield FindingDetail(id="detail")
            yield Input(placeholder="search both texts — Enter: next match · Esc: close", id="search")
            yield Static(Text(""), id="status")
        yield Footer()

    def on_resize(self, event) -> None:
        # narrow terminals: the findings list takes the whole width; the detail opens with Enter / d
        self.set_class(self.size.width < 100, "narrow")

    def on_mount(self) -> None:
        self.set_class(self.app.size.width < 100, "narrow")
        self.sub_title = display_text(self.ref.name)
        self.query_one("#search", Input).display = False
        self.query_one(FindingsTable).focus()
        if self._prepared is not None:
            story, result = self._prepared
            self._prepared = None
            self._show_texts(story, result.aligned)
            self._load(story=story, result=result)
        else:
            self.query_one(SideBySide).loading = True
            self._load()

    # -- loading ------------------------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def _load(self, story: Story | None = None, result: DocumentResult | None = None, reread: bool = False) -> None:
        try:
            if story is None and not reread and self.ref.story is None:
                self._provisional()
            if story is None or reread:
                story = self.ref.read(self.analysis.config.date) if not reread else _reread(self.ref, story)
            aligned = None
            if result is None:
                if self.analysis.two_step:
                    aligned = self.analysis.align(story)
                    self.post_message(Aligned(story, aligned))
                result = self.analysis.check(story, aligned)
            session = None
            problem = ""
            try:
                session = ReviewSession(story.target.path, story.target.text, baseline_path=self.baseline_path,
                                        encoding=story.target.encoding)
            except Exception as exc:  # an unreadable baseline: review still works, decisions are refused
                problem = f"decisions disabled: {exc}"
            self.post_message(Analysed(story, result, session, problem))
        except Exception as exc:  # noqa: BLE001 — shown to the user, never a crash
            self.post_message(LoadFailed(f"{type(exc).__name__}: {exc}" if not str(exc) else str(exc)))

    def _provisional(self) -> None:
        """Post the raw texts at once (decoding and paragraph split only: milliseconds, even for a long story)."""
        try:
            from tqa.io import read_text

            source, _enc = read_text(self.ref.source)
            target, _enc = read_text(self.ref.target)
        except Exception:  # noqa: BLE001 — the real read reports the problem
            return
        from pathlib import Path

        rows = provisional_rows(source, target)
        self.post_message(Provisional(rows, (f"Ukrainian · {Path(self.ref.source).name}",
                                             f"English · {Path(self.ref.target).name}")))

    def on_provisional(self, message: Provisional) -> None:
        if self.texts_shown:
            return
        side = self.query_one(SideBySide)
        side.loading = False
        side.set_rows(message.rows, message.titles)
        self.query_one(FindingsTable).loading = True
        self.query_one("#status", Static).update(Text("aligning and checking…", style="italic #8a8a8a"))
        self.provisional = True

    def on_aligned(self, message: Aligned) -> None:
        self._show_texts(message.story, message.aligned)
        self.query_one(FindingsTable).loading = True

    def _show_texts(self, story: Story, aligned: AlignedStory | None) -> None:
        self.story = story
        side = self.query_one(SideBySide)
        side.loading = False
        if aligned is not None:
            from pathlib import Path

            side.set_rows(
                build_rows(aligned),
                (f"Ukrainian · {Path(story.source.path).name}", f"English · {Path(story.target.path).name}"),
            )
            self.texts_shown = True

    def on_analysed(self, message: Analysed) -> None:
        story, result = message.story, message.result
        if not self.texts_shown or self.story is not story:
            self._show_texts(story, result.aligned or self.analysis.align(story))
        self.story = story
        self.result = result
        self.session = message.session
        self.findings = list(result.findings)
        self._refresh_statuses()
        self.query_one(FindingsTable).loading = False
        self.query_one(SideBySide).loading = False
        first = next((i for i, s in enumerate(self.statuses) if s == OPEN), 0 if self.findings else None)
        self._apply_filters(keep=first, scroll=False)
        self.loaded = True
        if message.problem:
            _notify(self, message.problem, "error", 10)
        if self.session is not None:
            for problem in self.session.problems:
                _notify(self, problem, "warning", 10)
        self._update_status()
        getattr(self.app, "story_analysed", lambda *a: None)(self.ref, story, result)

    def on_load_failed(self, message: LoadFailed) -> None:
        self.query_one(SideBySide).loading = False
        self.query_one(FindingsTable).loading = False
        self.loaded = True
        self.query_one("#status", Static).update(Text(f"cannot review this story: {display_text(message.error)}",
                                                      style="bold #d75f5f"))
        _notify(self, message.error, "error", 10)

    # -- state --------------------------------------------------------------------------------------------------------

    def _status_of(self, f: Finding) -> str:
        return self.session.status(f) if self.session is not None else OPEN

    def _refresh_statuses(self) -> None:
        self.statuses = [self._status_of(f) for f in self.findings]

    def _apply_filters(self, keep: int | None = None, scroll: bool = True) -> None:
        self.order = [i for i, f in enumerate(self.findings) if self.filters.keep(f, self.statuses[i])]
        if keep not in self.order:
            keep = self.order[0] if self.order else None
        bar = self.query_one(FilterBar)
        bar.set_choices(self.findings, self.statuses, self.filters)
        bar.set_count(len(self.order), len(self.findings))
        self._set_marks()
        table = self.query_one(FindingsTable)
        self.current = keep
        table.show(self.findings, self.order, self.statuses, keep=keep)
        self._select(keep, scroll=scroll, move_cursor=False)

    def _set_marks(self) -> None:
        if self.story is None:
            return
        marks = []
        src, tgt = self.story.source, self.story.target
        for i in self.order:
            f = self.findings[i]
            status = self.statuses[i]
            kind = f.severity.value if status == OPEN else status
            for role, span, doc in (("target", f.target, tgt), ("source", f.source, src)):
                offs = span_offsets(span, doc.text, doc.first_line)
                if offs is not None:
                    marks.append(Mark(role, offs[0], offs[1], kind, i))
        self.query_one(SideBySide).set_marks(marks)

    def _select(self, index: int | None, *, scroll: bool = True, move_cursor: bool = True) -> None:
        """Make `index` the current finding: cursor, highlight, detail, and (if `scroll`) both panes."""
        self.current = index
        side = self.query_one(SideBySide)
        side.set_current(index)
        if move_cursor and index is not None and index in self.order:
            table = self.query_one(FindingsTable)
            row = self.order.index(index)
            if table.cursor_row != row:
                table.move_cursor(row=row, animate=False)
        self._show_detail()
        if scroll and index is not None and self.story is not None:
            f = self.findings[index]
            for role, span, doc in (("target", f.target, self.story.target), ("source", f.source, self.story.source)):
                offs = span_offsets(span, doc.text, doc.first_line)
                if offs is not None:
                    side.scroll_to_doc(role, offs[0])
                    break
        self._update_status()

    def _detail(self, index: int | None) -> Text:
        if index is None or index >= len(self.findings):
            return detail_text(None)
        f = self.findings[index]
        s = self.session
        return detail_text(
            f,
            status=self.statuses[index],
            entry=s.accepted_entry(f) if s else None,
            pending=s.pending_fix(f) if s else None,
            target=self.story.target if self.story else None,
            writable=s.writable if s else False,
        )

    def _show_detail(self) -> None:
        self.query_one(FindingDetail).show(self._detail(self.current))

    def _update_status(self) -> None:
        parts: list[tuple[str, str] | str] = []
        if self.result is not None:
            counts = {s: 0 for s in SEVERITIES}
            for f, st in zip(self.findings, self.statuses):
                if st == OPEN:
                    counts[f.severity.value] = counts.get(f.severity.value, 0) + 1
            accepted = sum(1 for s in self.statuses if s == ACCEPTED)
            parts.append((f"{len(self.findings)} findings", "bold"))
            parts.append(f" · open: {counts['error']} error, {counts['warning']} warning, {counts['info']} info")
            if accepted:
                parts.append((f" · {accepted} accepted", "#87af87"))
            pending = len(self.session.pending) if self.session else 0
            if pending:
                parts.append((f" · {pending} fix(es) applied, not saved (ctrl+s)", "bold #87d787"))
            if self.filters.active:
                parts.append((f" · filter: {self.filters.describe()}", "#d7af00"))
            side = self.query_one(SideBySide)
            if side.query:
                n = len(self._search_hits)
                pos = f"{self._search_pos + 1}/{n}" if n and self._search_pos >= 0 else f"{n} matches"
                parts.append((f" · search «{display_text(side.query)}»: {pos}", "#d7af00"))
        self.query_one("#status", Static).update(Text.assemble(*parts))

    @property
    def dirty(self) -> bool:
        return bool(self.session and self.session.dirty)

    def selected(self) -> Finding | None:
        return self.findings[self.current] if self.current is not None and self.current < len(self.findings) else None

    # -- events -------------------------------------------------------------------------------------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if not isinstance(event.data_table, FindingsTable):
            return
        event.stop()
        key = event.row_key.value if event.row_key is not None else None
        index = int(key) if key is not None else None
        if index != self.current:
            self._select(index, scroll=True, move_cursor=False)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if isinstance(event.data_table, FindingsTable):
            event.stop()
            self.action_detail()

    def on_select_changed(self, event: Select.Changed) -> None:
        wid = event.select.id or ""
        if not wid.startswith("filter-"):
            return
        event.stop()
        value = event.value if isinstance(event.value, str) else ALL
        field = wid.removeprefix("filter-")
        if getattr(self.filters, field) != value:
            self.set_filter(field, value)

    def on_side_by_side_span_clicked(self, event: SideBySide.SpanClicked) -> None:
        if self.story is None:
            return
        doc = self.story.source if event.role == "source" else self.story.target
        best: tuple[int, int] | None = None
        for i in self.order:
            f = self.findings[i]
            offs = span_offsets(f.source if event.role == "source" else f.target, doc.text, doc.first_line)
            if offs is not None and offs[0] <= event.offset <= max(offs[1], offs[0] + 1) - 1:
                size = offs[1] - offs[0]
                if best is None or size < best[0]:
                    best = (size, i)
        if best is not None:
            self._select(best[1], scroll=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            event.stop()
            side = self.query_one(SideBySide)
            side.set_search(event.value)
            self._search_hits = side.search_hits()
            self._search_pos = -1
            self._update_status()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            event.stop()
            self.next_match()

    def next_match(self, step: int = 1) -> bool:
        """Scroll to the next (or previous) search match; False when there is none."""
        if not self._search_hits:
            self._update_status()
            return False
        self._search_pos = (self._search_pos + step) % len(self._search_hits)
        row, role, offset = self._search_hits[self._search_pos]
        side = self.query_one(SideBySide)
        side.scroll_to_line(side.line_of_cell(row, role, offset))
        self._update_status()
        return True

    # -- actions ------------------------------------------------------------------------------------------------------

    def action_next_finding(self) -> None:
        self._step(1)

    def action_previous_finding(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if not self.order:
            _notify(self, "no findings" + (" match the filters" if self.filters.active else ""))
            return
        if self.current in self.order:
            pos = self.order.index(self.current) + step
        else:
            pos = 0 if step > 0 else len(self.order) - 1
        if pos >= len(self.order) or pos < 0:
            pos %= len(self.order)
            _notify(self, "wrapped to the " + ("first" if step > 0 else "last") + " finding", timeout=2)
        self._select(self.order[pos])

    def action_accept(self) -> None:
        f = self.selected()
        if f is None or self.session is None:
            return
        index = self.current
        title = Text.assemble(("Accept ", "bold"), (f.code, "bold"), " — ", display_text(f.message)[:200])
        self.app.push_screen(ReasonPrompt(title), lambda reason: self._accepted(index, reason))

    def _accepted(self, index: int | None, reason: str | None) -> None:
        if reason is None or index is None or self.session is None:
            return
        f = self.findings[index]
        try:
            self.session.accept(f, reason)
        except (DecisionError, OSError) as exc:
            _notify(self, f"not accepted: {exc}", "error")
            return
        _notify(self, f"accepted {f.code} → {self.session.baseline_path.name}", timeout=2)
        self._after_decision(index, advance=True)

    def action_apply_fix(self) -> None:
        f = self.selected()
        if f is None or self.session is None:
            return
        index = self.current
        try:
            self.session.apply_fix(f)
        except (DecisionError, OSError) as exc:
            _notify(self, str(exc), "warning")
            return
        _notify(self, f"fix applied for {f.code} (ctrl+s writes {self.session.target_path.name})", timeout=2)
        self._after_decision(index, advance=True)

    def action_undo(self) -> None:
        f = self.selected()
        if f is None or self.session is None:
            return
        try:
            undone = self.session.undo(f)
        except (DecisionError, OSError) as exc:
            _notify(self, str(exc), "error")
            return
        if undone is None:
            _notify(self, "no decision to undo on this finding", timeout=2)
            return
        _notify(self, f"{'acceptance' if undone == ACCEPTED else 'fix'} of {f.code} undone", timeout=2)
        self._after_decision(self.current, advance=False)

    def _after_decision(self, index: int | None, *, advance: bool) -> None:
        self._refresh_statuses()
        nxt = index
        if advance and index in self.order:
            pos = self.order.index(index)
            later = [i for i in self.order[pos + 1 :] if self.statuses[i] == OPEN]
            nxt = later[0] if later else index
        self._apply_filters(keep=nxt, scroll=advance)
        getattr(self.app, "story_decided", lambda *a: None)(self.ref)

    def action_save(self) -> None:
        if self.session is None or not self.session.dirty:
            _notify(self, "no applied fixes to save", timeout=2)
            return
        try:
            path = self.session.save()
        except (DecisionError, OSError) as exc:
            _notify(self, str(exc), "error", 10)
            return
        _notify(self, f"saved {path.name} (previous version kept as {self.session.backup_path.name}); re-checking…")
        self.loaded = False
        self.query_one(FindingsTable).loading = True
        self._load(story=self.story, reread=True)

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.display = True
        box.focus()

    def action_back(self) -> None:
        box = self.query_one("#search", Input)
        if box.display:
            box.value = ""
            box.display = False
            self.query_one(SideBySide).set_search("")
            self._search_hits = []
            self._update_status()
            self.query_one(FindingsTable).focus()
        elif self.from_list:
            self.app.pop_screen()

    def action_help(self) -> None:
        rows = key_rows(self.BINDINGS) + key_rows(getattr(self.app, "HELP_BINDINGS", ()))
        self.app.push_screen(HelpScreen("tqa review — keys", rows))

    def action_detail(self) -> None:
        if self.current is not None:
            self.app.push_screen(DetailScreen(self._detail(self.current)))

    def action_focus_texts(self) -> None:
        self.query_one(SideBySide).focus()

    def action_focus_list(self) -> None:
        self.query_one(FindingsTable).focus()

    def action_cycle(self, field: str) -> None:
        values = self._values(field)
        now = getattr(self.filters, field)
        seq = [ALL, *values]
        nxt = seq[(seq.index(now) + 1) % len(seq)] if now in seq else ALL
        self.set_filter(field, nxt)

    def action_clear_filters(self) -> None:
        self.filters = Filters()
        self._apply_filters(keep=self.current)
        self._update_status()

    def set_filter(self, field: str, value: str) -> None:
        """Filter the findings list (and the highlights) by `field` ∈ category/severity/code/status."""
        self.filters = Filters(**{**{k: getattr(self.filters, k) for k in ("category", "severity", "code", "status")},
                                  field: value})
        self._apply_filters(keep=self.current)
        self._update_status()

    def _values(self, field: str) -> list[str]:
        if field == "severity":
            present = {f.severity.value for f in self.findings}
            return [s for s in SEVERITIES if s in present]
        if field == "status":
            return [s for s in STATUSES if s in self.statuses]
        return sorted({getattr(f, field) for f in self.findings})

    def request_quit(self) -> None:
        if self.dirty and self.session is not None:
            def chosen(choice: str | None) -> None:
                if choice == "save":
                    try:
                        self.session.save()
                    except (DecisionError, OSError) as exc:
                        _notify(self, str(exc), "error", 10)
                        return
                    self.app.exit()
                elif choice == "quit":
                    self.app.exit()

            self.app.push_screen(QuitScreen(len(self.session.pending), self.session.journal_path.name), chosen)
        else:
            self.app.exit()

    # -- command palette ----------------------------------------------------------------------------------------------

    def commands(self) -> Iterator[tuple[str, str, object]]:
        """(title, help, callback) for the command palette."""
        yield "Next finding", "Select the next finding (n)", self.action_next_finding
        yield "Previous finding", "Select the previous finding (p)", self.action_previous_finding
        yield "Accept finding", "Accept the selected finding, with a reason (a)", self.action_accept
        yield "Apply fix", "Apply the selected finding's suggested fix (f)", self.action_apply_fix
        yield "Undo decision", "Undo the decision on the selected finding (u)", self.action_undo
        yield "Save target", "Write the applied fixes to the target file (ctrl+s)", self.action_save
        yield "Search", "Search both texts (/)", self.action_search
        yield "Finding detail", "The rule's docs and the fix (d)", self.action_detail
        yield "Clear filters", "Show every finding (0)", self.action_clear_filters
        yield "Keys", "Every key (?)", self.action_help
        for field in ("severity", "category", "code", "status"):
            for value in self._values(field):
                yield (f"Filter {field}: {value}", f"Show only findings with {field} {value}",
                       lambda f=field, v=value: self.set_filter(f, v))
        if self.from_list:
            yield "Back to the story list", "Escape", self.app.pop_screen


def _reread(ref: StoryRef, story: Story) -> Story:
    """The story read again from disk after a save (a prepared story is rebuilt from the saved target)."""
    if ref.story is None:
        return ref.read(story.date)
    from pathlib import Path

    from tqa.text.segment import build_document

    text = Path(story.target.path).read_text(encoding=story.target.encoding)
    target = build_document(story.target.path, text.replace("\r\n", "\n"), story.target.language, "target",
                            encoding=story.target.encoding)
    return Story(story.source, target, story.mode, story.part, story.date)
