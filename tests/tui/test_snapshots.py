"""Snapshot tests (pytest-textual-snapshot): the main review screen and the help screen, at a fixed terminal size,
on a story written for these tests (no paths, clocks or timestamps on screen). Update after an intended change
with ``python -m pytest tests/tui/test_snapshots.py --snapshot-update`` and review the SVGs."""

from __future__ import annotations

SIZE = (120, 36)


def _app(story_files, make_app, fixed_checker):
    return make_app(*story_files, checker=fixed_checker)  # a fixed alignment: the snapshot tests the UI only


def test_main_screen(snap_compare, story_files, make_app, fixed_checker, loaded):
    async def ready(pilot):
        await loaded(pilot)

    assert snap_compare(_app(story_files, make_app, fixed_checker), terminal_size=SIZE, run_before=ready)


def test_help_screen(snap_compare, story_files, make_app, fixed_checker, loaded):
    async def ready(pilot):
        await loaded(pilot)

    assert snap_compare(_app(story_files, make_app, fixed_checker), terminal_size=SIZE, run_before=ready, press=["question_mark"])
