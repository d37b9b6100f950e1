"""`tqa review URL_UK`: the pair is fetched, saved once, and a saved copy with the user's fixes is kept."""

from __future__ import annotations

import argparse

import pytest

from tqa.cli import review_cmd
from tqa.errors import FetchError, UsageError


def _args(tmp_path, **kw):
    base = dict(save_dir=str(tmp_path / "stories"), timeout=5.0, retries=0, max_bytes=1_000_000,
                cache_dir=None, no_cache=True)
    base.update(kw)
    return argparse.Namespace(**base)


def test_review_url_saves_pair(server, tmp_path):
    base, _ = server
    refs, title, folder = review_cmd.resolve([f"{base}/uk/news/power-cuts"], _args(tmp_path))
    assert title is None and folder is None and len(refs) == 1
    story = refs[0].read()
    assert story.source.paragraphs[0].text.startswith("Графіки")
    assert story.target.path.endswith("power-cuts.en.txt")


def test_saved_copy_with_fixes_is_kept(server, tmp_path, capsys):
    base, _ = server
    refs, _, _ = review_cmd.resolve([f"{base}/uk/news/power-cuts"], _args(tmp_path))
    target = tmp_path / "stories" / "power-cuts.en.txt"
    target.write_text("edited by the reviewer\n", encoding="utf-8")
    review_cmd.resolve([f"{base}/uk/news/power-cuts"], _args(tmp_path))
    assert target.read_text(encoding="utf-8") == "edited by the reviewer\n"
    assert "keeping your saved copy" in capsys.readouterr().err


def test_review_url_errors(server, tmp_path):
    base, _ = server
    with pytest.raises(FetchError):
        review_cmd.resolve([f"{base}/missing"], _args(tmp_path))
    with pytest.raises(UsageError):
        review_cmd.resolve([f"{base}/uk/news/power-cuts", str(tmp_path)], _args(tmp_path))
