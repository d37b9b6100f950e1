"""The review app: routes between the story list and the review screen; holds what the screens share (the stories,
the analysis, the results so far, where the baseline lives). The screens do the work."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tqa.config import Config
from tqa.decisions import default_baseline_path
from tqa.model import DocumentResult, Story
from tqa.tui.loader import Analysis, Checker, StoryRef
from tqa.tui.screens.review import ReviewScreen
from tqa.tui.screens.stories import StoryListScreen

__all__ = ["ReviewApp"]


class ReviewApp(App):
    """``ReviewApp([ref])`` reviews one story; ``ReviewApp(refs, list_title=…)`` starts on the story list.

    `checker` replaces the engine (tests, other front ends: ``checker(story) -> DocumentResult``); `baseline` is the
    baseline file for accepted findings (default: ``tqa-baseline.json`` beside each target).
    """

    CSS_PATH = "tqa.tcss"
    TITLE = "tqa review"
    BINDINGS = [Binding("q", "quit_review", "Quit", tooltip="quit (asks first if applied fixes are not saved)")]
    HELP_BINDINGS = BINDINGS

    def __init__(
        self,
        stories: Sequence[StoryRef],
        *,
        config: Config | None = None,
        checker: Checker | None = None,
        baseline: str | Path | None = None,
        list_title: str | None = None,
    ) -> None:
        super().__init__()
        if not stories:
            raise ValueError("no story to review")
        self.stories = list(stories)
        self.analysis = Analysis(config, checker)
        self.baseline = Path(baseline) if baseline else None
        self.list_title = list_title
        self.results: dict[int, tuple[Story, DocumentResult]] = {}

    def baseline_for(self, ref: StoryRef) -> Path:
        return self.baseline or default_baseline_path(ref.target_path)

    def on_mount(self) -> None:
        if self.list_title is not None:
            self.push_screen(StoryListScreen(self.list_title))
        else:
            self.push_screen(self._review_screen(0, from_list=False))

    def _review_screen(self, index: int, *, from_list: bool) -> ReviewScreen:
        ref = self.stories[index]
        return ReviewScreen(
            ref,
            self.analysis,
            baseline_path=str(self.baseline_for(ref)),
            prepared=self.results.get(index),
            from_list=from_list,
        )

    def open_story(self, index: int) -> None:
        if 0 <= index < len(self.stories):
            self.push_screen(self._review_screen(index, from_list=True))

    def story_analysed(self, ref: StoryRef, story: Story, result: DocumentResult) -> None:
        """A review screen (re)analysed its story: keep the result for the list's counts."""
        for i, r in enumerate(self.stories):
            if r is ref:
                self.results[i] = (story, result)

    def story_decided(self, ref: StoryRef) -> None:
        """A decision was made (the list refreshes its counts when it is shown again)."""

    def action_quit_review(self) -> None:
        screen = self.screen
        if isinstance(screen, ReviewScreen):
            screen.request_quit()
        else:
            self.exit()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, ReviewScreen):
            for title, help_text, callback in screen.commands():
                yield SystemCommand(title, help_text, callback)
