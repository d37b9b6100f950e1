"""Pilot tests of the review UI: the side-by-side texts, navigation, filtering, search, help and detail, decisions
written to disk and read back, the story list, and text that looks like markup or holds escape sequences."""

from __future__ import annotations

import json
import shutil


from tqa.baseline import Baseline
from tqa.decisions import journal_path
from tqa.tui.screens.dialogs import DetailScreen, QuitScreen, ReasonPrompt
from tqa.tui.screens.help import HelpScreen
from tqa.tui.screens.review import ReviewScreen
from tqa.tui.screens.stories import StoryListScreen
from tqa.tui.widgets.findings import FindingsTable
from tqa.tui.widgets.side_by_side import SideBySide

SIZE = (120, 36)


def pane_lines(screen) -> list[str]:
    side = screen.query_one(SideBySide)
    return [side.render_line(y).text for y in range(side.size.height)]


def pane_text(screen, role: str) -> str:
    """One pane's text (line numbers and the other pane cut away), white space squeezed out."""
    side = screen.query_one(SideBySide)
    gutter, sw, _tw = side._geometry
    lines = pane_lines(screen)[1:]
    cut = [line[gutter : gutter + sw] if role == "source" else line[2 * gutter + sw + 3 :] for line in lines]
    return "".join("".join(cut).split())


def codes(screen) -> list[str]:
    return [screen.findings[i].code for i in screen.order]


def current_code(screen) -> str | None:
    return screen.findings[screen.current].code if screen.current is not None else None


async def test_first_screen_side_by_side(story_files, make_app, loaded):
    app = make_app(*story_files)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert isinstance(screen, ReviewScreen)
        lines = pane_lines(screen)
        assert "Ukrainian · zhytomyr-power.uk.txt" in lines[0] and "English · zhytomyr-power.en.txt" in lines[0]
        assert lines[1].lstrip().startswith("1 Енергетики") and "1 Power engineers" in lines[1]
        # line numbers are the files' lines (blank lines counted)
        assert any(line.lstrip().startswith("3 Енергетики") for line in lines)
        # the view counter has no source: an empty source cell with a placeholder, the target line number 11
        counter = next(line for line in lines if "• 214 views" in line)
        src_half, _, tgt_half = counter.partition("│")
        assert "Енергетики" not in src_half and tgt_half.lstrip().startswith("11 ")
        assert sorted(codes(screen)) == ["X101", "X201", "X301", "X401"]
        table = screen.query_one(FindingsTable)
        assert table.row_count == 4 and table.has_focus
        assert current_code(screen) == screen.findings[0].code


async def test_next_previous_scroll_both_panes(tmp_path, texts, make_app, loaded):
    src_text, tgt_text = texts
    filler_uk = "\n\n".join(f"Абзац номер {i} про відновлення мереж." for i in range(60))
    filler_en = "\n\n".join(f"Paragraph number {i} about restoring the networks." for i in range(60))
    src = tmp_path / "long.uk.txt"
    tgt = tmp_path / "long.en.txt"
    src.write_text(filler_uk + "\n\n" + src_text, encoding="utf-8")
    tgt.write_text(filler_en + "\n\n" + tgt_text, encoding="utf-8")
    app = make_app(src, tgt)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        side = screen.query_one(SideBySide)
        assert side.scroll_offset.y == 0  # the first screen shows the top of the story
        first = screen.current
        await pilot.press("n")
        second = screen.current
        assert second != first and second == screen.order[1]
        await pilot.pause()
        f = screen.findings[second]
        row = side._index.row_of("target", f.target.start)
        assert row in side.visible_rows() and side.scroll_offset.y > 0  # scrolled to it, both panes at once
        assert f.target.text in "".join(pane_lines(screen))
        await pilot.press("p")
        assert screen.current == first
        await pilot.press("p")  # wraps to the last
        assert screen.current == screen.order[-1]
        await pilot.press("n")
        assert screen.current == first
        # the texts pane scrolls by keyboard too
        await pilot.press("t")
        assert side.has_focus
        await pilot.press("home")
        await pilot.pause()
        assert side.scroll_offset.y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert side.scroll_offset.y > 0


async def test_filters_by_severity_category_code_and_status(story_files, make_app, loaded):
    from textual.widgets import Select

    app = make_app(*story_files)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("s")  # severity: error
        assert screen.filters.severity == "error"
        assert sorted(codes(screen)) == ["X101", "X201"]
        assert screen.query_one(FindingsTable).row_count == 2
        assert screen.query_one("#filter-severity", Select).value == "error"
        await pilot.press("s")  # warning
        assert codes(screen) == ["X301"]
        await pilot.press("0")
        assert len(codes(screen)) == 4 and not screen.filters.active
        screen.query_one("#filter-category", Select).value = "boilerplate"
        await pilot.pause()
        assert codes(screen) == ["X401"]
        screen.query_one("#filter-category", Select).value = ""
        screen.query_one("#filter-code", Select).value = "X201"
        await pilot.pause()
        assert codes(screen) == ["X201"] and current_code(screen) == "X201"
        # only the filtered findings are highlighted in the panes
        side = screen.query_one(SideBySide)
        kinds = {m[4] for marks in side._marks.values() for m in marks}
        assert kinds == {screen.order[0]}
        await pilot.press("0", "o")  # status: open (all are open)
        assert screen.filters.status == "open" and len(codes(screen)) == 4
        await pilot.press("0", "c", "c")
        assert screen.filters.category == sorted({f.category for f in screen.findings})[1]


async def test_accept_is_on_disk_at_once_and_read_back(story_files, make_app, loaded):
    src, tgt = story_files
    baseline_file = tgt.parent / "tqa-baseline.json"
    app = make_app(src, tgt)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("0")
        screen.set_filter("code", "X301")
        await pilot.pause()
        fingerprint = screen.findings[screen.current].fingerprint
        await pilot.press("a")
        assert isinstance(app.screen, ReasonPrompt)
        await pilot.press(*"figure checked", "enter")
        await pilot.pause()
        # on disk before any save or quit
        entry = Baseline.load(baseline_file).get(fingerprint)
        assert entry is not None and entry.reason == "figure checked"
        assert screen.statuses[screen.findings.index(next(f for f in screen.findings if f.code == "X301"))] == "accepted"
    # reopen: the decision is there
    app2 = make_app(src, tgt)
    async with app2.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        i = next(i for i, f in enumerate(screen.findings) if f.code == "X301")
        assert screen.statuses[i] == "accepted"
        screen.set_filter("status", "accepted")
        await pilot.pause()
        assert codes(screen) == ["X301"]
        assert "figure checked" in screen._detail(i).plain
        await pilot.press("u")  # undo
        await pilot.pause()
        assert fingerprint not in Baseline.load(baseline_file)


async def test_escape_cancels_accept(story_files, make_app, loaded):
    src, tgt = story_files
    app = make_app(src, tgt)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("a", "x", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert not (tgt.parent / "tqa-baseline.json").exists()


async def test_fix_is_journaled_survives_a_crash_and_is_saved_atomically(story_files, make_app, loaded, texts):
    src, tgt = story_files
    app = make_app(src, tgt)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        screen.set_filter("code", "X101")
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert screen.statuses[screen.current] == "fixed"
        assert tgt.read_text(encoding="utf-8") == texts[1]  # not written before save
        pending = json.loads(journal_path(tgt).read_text(encoding="utf-8"))["pending"]
        assert [p["after"] for p in pending] == ["were"]
        # the app goes away without saving (a crash, a kill): nothing more is written
    assert journal_path(tgt).exists() and tgt.read_text(encoding="utf-8") == texts[1]
    app2 = make_app(src, tgt)
    async with app2.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        i = next(i for i, f in enumerate(screen.findings) if f.code == "X101")
        assert screen.statuses[i] == "fixed"  # reopened: the fix is still applied
        assert "fix applied, not saved" in screen._detail(i).plain
        await pilot.press("ctrl+s")
        await loaded(pilot)
        saved = tgt.read_text(encoding="utf-8")
        assert "48 power lines were damaged" in saved and "були" not in saved
        assert tgt.with_name(tgt.name + ".orig").read_text(encoding="utf-8") == texts[1]
        assert not journal_path(tgt).exists()
        assert "X101" not in codes(screen)  # re-checked after saving


async def test_quit_with_unsaved_fixes_asks(story_files, make_app, loaded):
    src, tgt = story_files
    app = make_app(src, tgt)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        screen.set_filter("code", "X401")
        await pilot.pause()
        await pilot.press("f", "q")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and app.is_running
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert journal_path(tgt).exists()  # quit without saving keeps the fix pending


async def test_search_both_texts(story_files, make_app, loaded):
    app = make_app(*story_files)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("slash")
        await pilot.press(*"регіон")  # nothing: Ukrainian says "області"
        assert screen._search_hits == []
        for _ in range(6):
            await pilot.press("backspace")
        await pilot.press(*"storm")
        hits = screen._search_hits
        assert [role for _r, role, _o in hits] == ["target", "target"]
        await pilot.press("enter")
        assert screen._search_pos == 0
        await pilot.press("enter")
        assert screen._search_pos == 1
        assert "search «storm»: 2/2" in str(screen.query_one("#status").render())
        await pilot.press("escape")
        assert screen.query_one(SideBySide).query == "" and screen.query_one(FindingsTable).has_focus
        await pilot.press("slash", *"Житомир")
        assert {role for _r, role, _o in screen._search_hits} == {"source"}


async def test_help_lists_every_key(story_files, make_app, loaded):
    app = make_app(*story_files)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        described = {desc for _key, desc in help_screen._rows}
        for binding in screen.BINDINGS:
            assert (binding.tooltip or binding.description) in described
        assert any(key == "q" for key, _ in help_screen._rows)
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_detail_shows_fix_before_after(story_files, make_app, loaded):
    app = make_app(*story_files)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        screen.set_filter("code", "X101")
        await pilot.pause()
        await pilot.press("enter")
        assert isinstance(app.screen, DetailScreen)
        text = app.screen._text.plain
        assert "Suggested fix: translate 'були'" in text
        before = next(line for line in text.splitlines() if line.strip().startswith("Before"))
        after = next(line for line in text.splitlines() if line.strip().startswith("After"))
        assert "48 power lines були damaged" in before and "48 power lines were damaged" in after
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_click_on_a_highlight_selects_its_finding(story_files, make_app, loaded):
    app = make_app(*story_files)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        side = screen.query_one(SideBySide)
        target = next(i for i, f in enumerate(screen.findings) if f.code == "X301")
        assert screen.current != target
        f = screen.findings[target]
        line = side.line_of("target", f.target.start)
        side.scroll_to_line(line)
        await pilot.pause()
        y = line - side.scroll_offset.y + 1
        gutter, sw, _tw = side._geometry
        r = side._index.row_of("target", f.target.start)
        cell_off = side.rows[r].target.to_cell(f.target.start)
        a = next(a for a, b, _n in side._wrapped[r][1] if a <= cell_off <= b)
        x = 2 * gutter + sw + 3 + (cell_off - a)
        assert side.position_at(x, y) == ("target", f.target.start)
        await pilot.click(SideBySide, offset=(x, y))
        await pilot.pause()
        assert screen.current == target


async def test_story_list_counts_and_opens(tmp_path, texts, checker, loaded, until):
    from textual.widgets import DataTable

    from tqa.tui.app import ReviewApp
    from tqa.tui.loader import discover

    for name, tgt in (("a-power", texts[1]), ("b-clean", "Power engineers restored electricity.\n")):
        (tmp_path / f"{name}.uk.txt").write_text(texts[0], encoding="utf-8")
        (tmp_path / f"{name}.en.txt").write_text(tgt, encoding="utf-8")
    app = ReviewApp(discover(tmp_path), checker=checker, baseline=tmp_path / "tqa-baseline.json",
                    list_title="Stories")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, StoryListScreen)
        await until(pilot, lambda: screen.done == 2)
        table = screen.query_one("#stories", DataTable)
        row = [str(c) for c in table.get_row("0")]
        assert row[0] == "a-power" and row[1:4] == ["2", "1", "1"]  # errors, warnings, info
        assert [str(c) for c in table.get_row("1")][1:4] == ["0", "0", "0"]
        await pilot.press("enter")
        review = await loaded(pilot)
        assert isinstance(review, ReviewScreen) and review.ref.name == "a-power"
        assert len(review.findings) == 4
        screen_x = review
        screen_x.set_filter("code", "X101")
        await pilot.pause()
        await pilot.press("a", "enter")  # accept with no reason
        await pilot.pause()
        await pilot.press("escape")  # back to the list, counts follow the decision
        await pilot.pause()
        assert app.screen is screen
        assert [str(c) for c in table.get_row("0")][1:5] == ["1", "1", "1", "1"]
        assert len(Baseline.load(tmp_path / "tqa-baseline.json")) == 1


async def test_story_list_shows_unreadable_story(tmp_path, texts, checker, until):
    from textual.widgets import DataTable

    from tqa.tui.app import ReviewApp
    from tqa.tui.loader import discover

    (tmp_path / "a.uk.txt").write_text(texts[0], encoding="utf-8")
    (tmp_path / "a.en.txt").write_bytes(b"")  # empty: the reader refuses it
    app = ReviewApp(discover(tmp_path), checker=checker, list_title="Stories")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await until(pilot, lambda: screen.done == 1)
        assert 0 in screen.errors
        assert "a —" in str(screen.query_one("#stories", DataTable).get_row("0")[0])


MARKUP_SOURCE = "Він сказав [bold]увага[/] і [link=https://example.com]посилання[/link].\n\nКолір \x1b[31mчервоний\x1b[0m.\n"
MARKUP_TARGET = ("He said [bold]attention[/] and [link=https://example.com]link[/link] [/].\n\n"
                 "Colour \x1b[31mred\x1b[0m\x1b[2J and [red on blue]x[/red on blue] \x9b1m.\n")


async def test_markup_and_escapes_are_shown_literally(tmp_path, make_app, loaded):
    src = tmp_path / "[bold]odd[red].uk.txt"
    tgt = tmp_path / "[bold]odd[red].en.txt"
    src.write_text(MARKUP_SOURCE, encoding="utf-8")
    tgt.write_text(MARKUP_TARGET, encoding="utf-8")
    app = make_app(src, tgt)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        assert screen.sub_title == "[bold]odd[red]"
        text = "\n".join(pane_lines(screen))
        source, target = pane_text(screen, "source"), pane_text(screen, "target")
        for literal in ("[bold]attention[/]", "[link=https://example.com]link[/link]", "[/].", "␛[31mred␛[0m␛[2J",
                        "[red on blue]x[/red on blue]", "�1m."):
            assert "".join(literal.split()) in target, literal
        for literal in ("[bold]увага[/]", "[link=https://example.com]посилання[/link]", "␛[31mчервоний␛[0m"):
            assert "".join(literal.split()) in source, literal
        assert "\x1b" not in text and "\x9b" not in text
        side = screen.query_one(SideBySide)
        for y in range(side.size.height):  # no segment carries a style parsed from the text
            for seg in side.render_line(y):
                if "attention" in seg.text or "увага" in seg.text:
                    assert not (seg.style and seg.style.bold)
                assert seg.style is None or seg.style.link is None
        # the findings quote the tags: the list and the detail show them literally too
        assert {screen.findings[i].code for i in screen.order} >= {"X701"}
        table = screen.query_one(FindingsTable)
        messages = [str(table.get_row(str(i))[5]) for i in screen.order]
        assert any("[bold]" in m for m in messages) and any("␛[31m" in m for m in messages)
        for i in screen.order:
            plain = screen._detail(i).plain
            assert "\x1b" not in plain
        for _ in range(len(screen.order)):
            await pilot.press("n")
        await pilot.press("question_mark", "escape", "enter", "escape", "slash", *"[/]", "enter", "escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ReviewScreen)


async def test_command_palette_commands(story_files, make_app, loaded):
    app = make_app(*story_files)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        commands = {c.title: c for c in app.get_system_commands(screen)}
        for title in ("Next finding", "Accept finding", "Apply fix", "Save target", "Search", "Keys",
                      "Filter severity: error", "Filter code: X301", "Clear filters"):
            assert title in commands, title
        commands["Filter code: X301"].callback()
        await pilot.pause()
        assert codes(screen) == ["X301"]
        await pilot.press("ctrl+p")
        await pilot.pause()
        from textual.command import CommandPalette

        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Clear filters")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert len(codes(screen)) == 4


async def test_two_hundred_paragraphs_open_and_scroll(tmp_path, make_app, loaded):
    uk = "\n\n".join(f"Абзац {i}: енергетики відновили живлення для {i} тисяч родин у громаді." for i in range(200))
    en = "\n\n".join(f"Paragraph {i}: power engineers restored electricity to {i},000 families." for i in range(200))
    src, tgt = tmp_path / "big.uk.txt", tmp_path / "big.en.txt"
    src.write_text(uk, encoding="utf-8")
    tgt.write_text(en.replace("Paragraph 150:", "Paragraph 150: були"), encoding="utf-8")
    app = make_app(src, tgt)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        side = screen.query_one(SideBySide)
        assert len(side.rows) == 200
        await pilot.press("t", "end")
        await pilot.pause()
        assert "Paragraph 199" in "".join(pane_lines(screen))
        await pilot.press("l", "n")
        await pilot.pause()
        assert "Paragraph 150: були" in "".join(pane_lines(screen))


async def test_engine_end_to_end_on_the_bundled_example(tmp_path, loaded):
    from tqa.tui.app import ReviewApp
    from tqa.tui.loader import bundled_example

    ref = bundled_example()
    for p in (ref.source, ref.target):
        shutil.copy(p, tmp_path)
    from tqa.tui.loader import StoryRef
    from pathlib import Path

    local = StoryRef.from_paths(tmp_path / Path(ref.source).name, tmp_path / Path(ref.target).name)
    app = ReviewApp([local])  # the real engine, whatever rules exist today
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot, timeout=60)
        assert screen.result is not None and screen.result.aligned is not None
        assert len(screen.query_one(SideBySide).rows) >= len(screen.story.source.paragraphs)
        assert screen.query_one(FindingsTable).row_count == len(screen.order)


async def test_a_failing_analysis_is_reported_not_a_crash(story_files, make_app, loaded):
    def broken(story):
        raise RuntimeError("aligner exploded [bold]here[/]")

    app = make_app(*story_files, checker=broken)
    async with app.run_test(size=SIZE) as pilot:
        screen = await loaded(pilot)
        status = str(screen.query_one("#status").render())
        assert "cannot review this story" in status and "[bold]here[/]" in status
        await pilot.press("n", "a", "f", "u", "ctrl+s", "question_mark", "escape")
        assert app.is_running
