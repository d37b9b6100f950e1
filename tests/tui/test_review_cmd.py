"""`tqa review` argument handling: SOURCE TARGET, DIR, no argument (the bundled example), and clear one-line errors
(exit 2) — without starting the UI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqa.cli import main
from tqa.cli import review_cmd
from tqa.errors import InputError
from tqa.tui import loader


def test_pair(story_files):
    refs, title, folder = review_cmd.resolve([str(p) for p in story_files])
    assert title is None and folder is None
    assert [(r.name, r.source, r.target) for r in refs] == [("zhytomyr-power", str(story_files[0]), str(story_files[1]))]


def test_directory_lists_pairs_sorted(tmp_path, texts):
    for name in ("b", "a", "sub/c"):
        (tmp_path / f"{name}.uk.txt").parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / f"{name}.uk.txt").write_text(texts[0], encoding="utf-8")
        (tmp_path / f"{name}.en.txt").write_text(texts[1], encoding="utf-8")
    refs, title, folder = review_cmd.resolve([str(tmp_path)])
    assert [r.name for r in refs] == ["a", "b", "sub/c"]
    assert title and folder == tmp_path


def test_directory_with_a_lone_file_is_an_error(tmp_path, texts):
    (tmp_path / "a.uk.txt").write_text(texts[0], encoding="utf-8")
    with pytest.raises(InputError, match="no partner a.en.txt"):
        review_cmd.resolve([str(tmp_path)])


def test_no_argument_opens_the_bundled_example():
    refs, title, _ = review_cmd.resolve([])
    assert title is None and len(refs) == 1
    assert Path(refs[0].source).name.endswith(".uk.txt") and Path(refs[0].source).parent.name == "corpora"
    assert Path(refs[0].target).is_file()


def test_missing_corpora_is_a_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(loader, "corpora_dir", lambda: tmp_path / "corpora")
    assert main(["review"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no bundled example" in err and "corpora" in err


@pytest.mark.parametrize("args", [["nope.uk.txt", "nope.en.txt"], ["no-such-dir"], ["a", "b", "c"]])
def test_bad_paths_exit_2_without_starting_the_ui(args, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["review", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("tqa: error:")


def test_unreadable_file_fails_before_the_ui(story_files, capsys):
    src, tgt = story_files
    tgt.write_bytes(b"\x00\x01\x02binary\x00")
    assert main(["review", str(src), str(tgt)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tqa: error:") and tgt.name in err
