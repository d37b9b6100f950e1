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


# -- the `regex` package (the SRX splitter) ------------------------------------------------------------------------

_SPLIT_SAMPLES = [
    "Він прибув о 10:30. Т. Шевченко народився 1814 р. у с. Моринці. Див. ст. 5 ЗУ «Про освіту». Далі…",
    "Dr. Smith arrived at 10 a.m. on Jan. 5. He said: \"No.\" The U.S. Army (est. 1775) agreed! What next?",
    "Ціна — 1,5 млрд грн. (див. табл. 2) Україна… Наступне речення тут.",
]


def _srx_patterns(monkeypatch) -> list[tuple[str, int]]:
    """The (pattern, flags) the SRX splitter compiles for the sample texts, in a fresh splitter."""
    from tqa.text import segment, srx

    seen: list[tuple[str, int]] = []
    real = patterns.compile_regex

    def spy(pattern, flags=0):
        seen.append((pattern, int(flags)))
        return real(pattern, flags)

    monkeypatch.setattr(srx, "compile_regex", spy)
    for fn in (srx._compile, srx._java_patterns, srx._rules, srx._language_matcher, segment._split):
        if hasattr(fn, "cache_clear"):
            fn.cache_clear()
    for i, text in enumerate(_SPLIT_SAMPLES):
        segment._split(text, "uk" if i != 1 else "en")
    return list(dict.fromkeys(seen))


def test_cached_regex_patterns_behave_as_compiled(cache, monkeypatch):
    import regex

    seen = _srx_patterns(monkeypatch)
    assert len(seen) > 10
    assert patterns.save()
    _fresh_run(monkeypatch)
    for pattern, flags in seen:
        fresh = regex.compile(pattern, flags=flags)
        cached = patterns.compile_regex(pattern, flags)
        assert ("regex", regex.__version__, pattern, flags) in patterns._entries
        assert (cached.pattern, cached.flags, cached.groups) == (fresh.pattern, fresh.flags, fresh.groups)
        for text in _SPLIT_SAMPLES + _SAMPLES:
            assert [m.span() for m in cached.finditer(text)] == [m.span() for m in fresh.finditer(text)], pattern[:60]
    assert not patterns._added
    monkeypatch.undo()  # (the splitter's caches are rebuilt from scratch for the other tests)
    from tqa.text import segment, srx

    for fn in (srx._compile, srx._java_patterns, srx._rules, srx._language_matcher, segment._split):
        if hasattr(fn, "cache_clear"):
            fn.cache_clear()


def test_regex_entries_of_another_version_or_damaged_are_not_used(cache, monkeypatch):
    import regex

    patterns.compile_regex(r"(?<=\b\d{1,3}\.)(?=\p{Ll})", regex.V1)
    patterns.save()
    path = patterns.cache_file()
    key, entries = marshal.loads(path.read_bytes())
    (k,) = [k for k in entries if k[0] == "regex"]
    entries[("regex", "0.0.old", k[2], k[3])] = ("not", "an", "entry")  # another version's entry is never read
    entries[k] = ("damaged",)
    path.write_bytes(marshal.dumps((key, entries)))
    _fresh_run(monkeypatch)
    p = patterns.compile_regex(r"(?<=\b\d{1,3}\.)(?=\p{Ll})", regex.V1)
    assert p.search("12.x").span() == (3, 3)
    assert patterns._entries[k] != ("damaged",)  # replaced by a good one


def test_regex_off_switch(cache, monkeypatch):
    monkeypatch.setenv("TQA_NO_CACHE", "1")
    assert patterns.compile_regex(r"\p{Lu}+").findall("AB cd EF") == ["AB", "EF"]
    assert not patterns.save()


# -- data read from rule files --------------------------------------------------------------------------------------


def test_remembered_data_is_rebuilt_when_the_file_changes(cache, monkeypatch, tmp_path):
    rules = tmp_path / "rules.txt"
    rules.write_text("a b\n", encoding="utf-8")
    calls = []

    def build():
        calls.append(1)
        return tuple(tuple(line.split()) for line in rules.read_text(encoding="utf-8").splitlines())

    assert patterns.remember("test-rules", str(rules), build) == (("a", "b"),)
    assert patterns.save()
    _fresh_run(monkeypatch)
    assert patterns.remember("test-rules", str(rules), build) == (("a", "b"),)
    assert len(calls) == 1  # from the cache
    rules.write_text("a b\nc d e\n", encoding="utf-8")  # another size (and time): read again
    assert patterns.remember("test-rules", str(rules), build) == (("a", "b"), ("c", "d", "e"))
    assert len(calls) == 2
    assert len([k for k in patterns._entries if k[:3] == ("data", "test-rules", str(rules))]) == 1  # old one dropped


def test_remember_off_and_unplain_data(cache, monkeypatch, tmp_path):
    rules = tmp_path / "rules.txt"
    rules.write_text("x", encoding="utf-8")
    assert patterns.remember("obj", str(rules), object) is not None  # (not plain data: built, not kept)
    assert not any(k[:2] == ("data", "obj") for k in patterns._entries)
    monkeypatch.setenv("TQA_NO_CACHE", "1")
    calls = []
    for _ in range(2):
        patterns.remember("test-rules", str(rules), lambda: calls.append(1) or ("x",))
    assert len(calls) == 2


def test_srx_rule_set_from_the_cache_is_the_parsed_one(cache, monkeypatch):
    from tqa.text import srx

    srx._ruleset.cache_clear()
    try:
        first = srx._ruleset()
        patterns.save()
        _fresh_run(monkeypatch)
        srx._ruleset.cache_clear()
        cached = srx._ruleset()
        assert cached == first == srx._parse_ruleset(srx._ruleset_path())
        assert any(k[:2] == ("data", "srx-ruleset") for k in patterns._entries)
    finally:
        srx._ruleset.cache_clear()
