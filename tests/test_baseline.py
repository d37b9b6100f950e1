"""The baseline file: format (sorted, one entry a line, stable), the API the review UI uses, scope by target file,
suppression and stale entries in the engine."""

from __future__ import annotations

import json

import pytest

from tqa.baseline import Baseline, BaselineEntry, same_file_keys
from tqa.engine import apply_baseline
from tqa.errors import InputError
from tqa.model import DocumentResult, Finding, Severity, Span


def _finding(fp: str, text: str = "Prazі", code: str = "TQA101") -> Finding:
    span = Span(1, 1, 1, 1 + len(text), text)
    return Finding(code, "x", "untranslated", Severity.ERROR, "m", target=span, fingerprint=fp)


def _doc(target: str, *fps: str) -> DocumentResult:
    return DocumentResult(target.replace(".en.", ".uk."), target, tuple(_finding(fp) for fp in fps))


def test_round_trip_sorted_one_entry_per_line(tmp_path):
    b = Baseline()
    b.add(_finding("ff01"), reason="quoted name", target_path="b.en.txt")
    b.add(_finding("0a02", text="Він"), target_path="a.en.txt")
    path = tmp_path / "baseline.json"
    b.save(path)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[:4] == ["{", '  "tool": "tqa-baseline",', '  "version": 1,', '  "entries": [']
    assert lines[4].startswith('    {"fingerprint": "0a02"') and lines[5].startswith('    {"fingerprint": "ff01"')
    assert "Він" in text  # human-readable, not \u-escaped
    assert json.loads(text)["entries"][1]["reason"] == "quoted name"
    again = Baseline.load(path)
    assert [e.to_dict() for e in again.entries()] == [e.to_dict() for e in b.entries()]
    again.save(path)
    assert path.read_text(encoding="utf-8") == text  # saving is stable (no diff noise)


def test_empty_baseline_file():
    assert Baseline().dumps() == '{\n  "tool": "tqa-baseline",\n  "version": 1,\n  "entries": []\n}\n'


def test_api_used_by_the_review_ui(tmp_path):
    path = tmp_path / "accepted.json"
    b = Baseline.load_or_empty(path)
    assert len(b) == 0
    entry = b.add(_finding("abc1"), reason="intended", target_path="story.en.txt")
    assert entry == BaselineEntry("abc1", "TQA101", "story.en.txt", "Prazі", "intended")
    assert "abc1" in b and "zzz" not in b
    assert b.get("abc1") == entry and b.get("abc1", "story.en.txt") == entry and b.get("nope") is None
    b.save(path)
    loaded = Baseline.load_or_empty(path)
    assert "abc1" in loaded and loaded.get("abc1").reason == "intended"
    assert loaded.remove("abc1") and not loaded.remove("abc1") and len(loaded) == 0


def test_same_fingerprint_in_two_files_are_two_entries():
    b = Baseline()
    b.add(_finding("dup1"), target_path="a.en.txt")
    b.add(_finding("dup1"), target_path="b.en.txt")
    assert len(b) == 2
    assert b.remove("dup1", "a.en.txt") and len(b) == 1 and b.get("dup1").target == "b.en.txt"


@pytest.mark.parametrize(
    "content, fragment",
    [
        ("not json", "not valid JSON"),
        ('{"tool": "other", "entries": []}', "not a tqa baseline"),
        ('{"tool": "tqa-baseline", "entries": [{"code": "TQA101"}]}', "entry 1 has no fingerprint"),
    ],
)
def test_bad_files(tmp_path, content, fragment):
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=fragment) as err:
        Baseline.load(path)
    assert str(path) in str(err.value)
    with pytest.raises(InputError, match="not found"):
        Baseline.load(tmp_path / "missing.json")


def test_old_entries_without_target_or_reason_still_load(tmp_path):
    path = tmp_path / "b.json"
    path.write_text('{"tool": "tqa-baseline", "version": 1, "entries": [{"fingerprint": "f1", "code": "TQA1"}]}',
                    encoding="utf-8")
    b = Baseline.load(path)
    assert b.entries() == [BaselineEntry("f1", "TQA1")]


# -- suppression and stale entries ------------------------------------------------------------------------------


def test_suppresses_exactly_the_recorded_findings_in_their_own_file():
    b = Baseline()
    b.add(_finding("f1"), target_path="a.en.txt")
    docs, stale = apply_baseline([_doc("a.en.txt", "f1", "f2"), _doc("b.en.txt", "f1")], b)
    assert [f.fingerprint for f in docs[0].findings] == ["f2"] and docs[0].suppressed == 1
    assert [f.fingerprint for f in docs[1].findings] == ["f1"] and docs[1].suppressed == 0  # other story: kept
    assert stale == []


def test_entry_without_target_applies_everywhere():
    b = Baseline([BaselineEntry("f1", "TQA101")])
    docs, stale = apply_baseline([_doc("a.en.txt", "f1"), _doc("b.en.txt", "f1", "f3")], b)
    assert [len(d.findings) for d in docs] == [0, 1] and stale == []


def test_stale_only_for_files_that_were_checked():
    b = Baseline()
    b.add(_finding("gone"), target_path="a.en.txt")
    b.add(_finding("other"), target_path="not-checked.en.txt")
    docs, stale = apply_baseline([_doc("a.en.txt", "new")], b)
    assert stale == ["gone"]
    assert [f.fingerprint for f in docs[0].findings] == ["new"]


def test_relative_targets_resolve_from_the_baseline_folder(tmp_path, monkeypatch):
    (tmp_path / "news").mkdir()
    path = tmp_path / "tqa-baseline.json"
    b = Baseline(path=path)
    assert b.relative_target(str(tmp_path / "news" / "a.en.txt")) == "news/a.en.txt"
    b.add(_finding("f1"), target_path="news/a.en.txt")
    b.save()
    monkeypatch.chdir(tmp_path / "news")  # checked from elsewhere, with a different relative path
    docs, stale = apply_baseline([_doc("a.en.txt", "f1")], Baseline.load(path))
    assert docs[0].findings == () and stale == []
    docs, stale = apply_baseline([_doc("../news/a.en.txt", "f1")], Baseline.load(path))
    assert docs[0].findings == ()


def test_same_file_keys():
    assert same_file_keys("a/./b.en.txt") & same_file_keys("a/b.en.txt")
    assert not same_file_keys("a/b.en.txt") & same_file_keys("c/b.en.txt")
    assert same_file_keys("") == set()


def test_no_baseline_is_a_no_op():
    docs = [_doc("a.en.txt", "f1")]
    assert apply_baseline(docs, None) == (docs, [])
    assert apply_baseline(docs, Baseline()) == (docs, [])
