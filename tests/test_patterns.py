"""tqa.patterns: compiled patterns kept between runs must behave exactly as `re.compile`'s, and any surprise in the
cache file must fall back to compiling."""

from __future__ import annotations

import importlib
import marshal
import pkgutil
import re

import pytest

import tqa
from tqa import patterns

from .conftest import ROOT  # noqa: TID252


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TQA_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("TQA_NO_CACHE", raising=False)
    monkeypatch.setattr(patterns, "_entries", None)
    monkeypatch.setattr(patterns, "_added", False)
    return tmp_path


def _fresh_run(monkeypatch):
    """As if a new process started: nothing loaded yet."""
    monkeypatch.setattr(patterns, "_entries", None)
    monkeypatch.setattr(patterns, "_added", False)


def _tqa_patterns() -> list[re.Pattern[str]]:
    """Every module-level compiled str pattern of the core (outside the UI)."""
    found: dict[tuple[str, int], re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(tqa.__path__, "tqa."):
        if info.name.startswith("tqa.tui") or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found[(value.pattern, value.flags)] = value
    return list(found.values())


_SAMPLES = [
    (ROOT / "corpora" / name).read_text(encoding="utf-8")
    for name in ("unn-power-outages.uk.txt", "unn-power-outages.en.txt", "ukrinform-budget-aid.uk.txt",
                 "ukrinform-budget-aid.en.txt")
] + [
    "$43.230.13 • 126 views 02.03.26, 15:55 Kyiv • UNN",
    "1,5 млрд грн, 15 %, 2–3 березня 2024 р., о 10:30, «Робота триває», – зазначив речник.",
    "He said: \"It's 1.5 billion dollars\" - the publication writes. Read also: ...",
    "İıſK ǅ Ꙋ ß ﬀ",
]


def _behaviour(p: re.Pattern[str]) -> list:
    out = []
    for text in _SAMPLES:
        out.append([(m.span(), m.groups(), m.groupdict()) for m in p.finditer(text)])
        out.append(p.match(text) is None)
    return out


def test_cached_patterns_behave_as_compiled(cache, monkeypatch):
    originals = _tqa_patterns()
    assert len(originals) > 150
    for p in originals:  # the first run compiles and remembers
        patterns.compile(p.pattern, p.flags)
    assert patterns.save()
    _fresh_run(monkeypatch)
    loaded = patterns._load()
    assert len(loaded) >= len(originals)
    for p in originals:  # the next run builds them from the file; `re.compile` (not the modules' own objects,
        p = re.compile(p.pattern, p.flags)  # which came through the cache too) is the reference
        q = patterns.compile(p.pattern, p.flags)
        assert (p.pattern, p.flags) in loaded
        assert (q.pattern, q.flags, q.groups, q.groupindex) == (p.pattern, p.flags, p.groups, p.groupindex)
        assert _behaviour(q) == _behaviour(p), p.pattern[:80]
    assert not patterns._added  # nothing new: nothing to write
    assert not patterns.save()


def test_save_writes_only_what_is_new_and_leaves_no_temporary_file(cache, monkeypatch):
    assert not patterns.save()  # nothing compiled yet
    patterns.compile(r"\b(?P<n>\d+)\s*views\b", re.I)
    assert patterns.save()
    files = sorted(x.name for x in cache.iterdir())
    assert len(files) == 1 and files[0].startswith("patterns-")
    assert not patterns.save()


@pytest.mark.parametrize("damage", [b"", b"garbage", marshal.dumps(("another python", {})), marshal.dumps([1, 2])])
def test_a_damaged_or_foreign_file_is_ignored(cache, monkeypatch, damage):
    patterns.compile(r"(\d+) views")
    patterns.save()
    path = patterns.cache_file()
    path.write_bytes(damage)
    _fresh_run(monkeypatch)
    p = patterns.compile(r"(\d+) views")
    assert p.findall("5 views, 12 views") == ["5", "12"]
    assert patterns.save()  # rewritten whole
    assert marshal.loads(path.read_bytes())[0] == patterns._KEY


def test_a_damaged_entry_is_compiled_afresh(cache, monkeypatch):
    patterns.compile(r"(\d+) views")
    patterns.save()
    path = patterns.cache_file()
    key, entries = marshal.loads(path.read_bytes())
    entries[(r"(\d+) views", 0)] = ("not", "an", "entry")
    path.write_bytes(marshal.dumps((key, entries)))
    _fresh_run(monkeypatch)
    assert patterns.compile(r"(\d+) views").findall("5 views") == ["5"]


def test_off_switch(cache, monkeypatch):
    monkeypatch.setenv("TQA_NO_CACHE", "1")
    assert patterns.cache_file() is None
    assert patterns.compile(r"a+").fullmatch("aaa")
    assert not patterns.save()
    assert list(cache.iterdir()) == []


def test_errors_flags_and_bytes_as_re_compile(cache):
    with pytest.raises(re.error):
        patterns.compile("(unclosed")
    assert patterns.compile(rb"\d+").findall(b"a12b3") == [b"12", b"3"]
    p = patterns.compile("straße", re.I)
    assert p.flags == re.compile("straße", re.I).flags
    assert p.search("STRASSE") is None and p.search("STRAßE")
    assert patterns.compile(r"(?x) a  b # comment").fullmatch("ab")


def test_an_unwritable_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("TQA_CACHE_DIR", str(blocker / "sub"))
    monkeypatch.setattr(patterns, "_entries", None)
    patterns.compile(r"q+")
    assert not patterns.save()
