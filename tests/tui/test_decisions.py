"""`tqa.decisions`: decisions on disk at once, read back on reopen, fixes written only on save (atomically, in the
file's own encoding and line endings, previous version kept). No textual here."""

from __future__ import annotations

import json

import pytest

from tqa.baseline import Baseline
from tqa.decisions import DecisionError, ReviewSession, apply_fixes, default_baseline_path, journal_path
from tqa.engine import apply_baseline
from tqa.io import read_pair



@pytest.fixture
def result(story_files, checker):
    src, tgt = story_files
    story = read_pair(src, tgt)
    return story, checker(story)


def _by_code(result, code):
    return [f for f in result.findings if f.code == code]


def _session(story, **kw):
    return ReviewSession(story.target.path, story.target.text, encoding=story.target.encoding, **kw)


def test_accept_writes_the_baseline_that_check_reads(result, story_files):
    story, res = result
    session = _session(story)
    finding = _by_code(res, "X101")[0]
    session.accept(finding, "a quoted Ukrainian word")
    path = default_baseline_path(story_files[1])
    assert path.exists()  # on disk at once, no save step
    baseline = Baseline.load(path)
    entry = baseline.get(finding.fingerprint)
    assert entry is not None and entry.reason == "a quoted Ukrainian word" and entry.code == "X101"
    # the very file `tqa check --baseline` reads suppresses exactly that finding
    [suppressed], _stale = apply_baseline([res], baseline)
    assert finding not in suppressed.findings and suppressed.suppressed == 1
    assert len(suppressed.findings) == len(res.findings) - 1
    # a new session (a reopened review) sees the decision
    assert _session(story).status(finding) == "accepted"


def test_baseline_is_keyed_by_content_not_line(result, story_files, checker, texts):
    TARGET = texts[1]
    story, res = result
    finding = _by_code(res, "X101")[0]
    _session(story).accept(finding)
    src, tgt = story_files
    tgt.write_text("Breaking: an extra first paragraph.\n\n" + TARGET, encoding="utf-8")
    moved = checker(read_pair(src, tgt))
    again = _by_code(moved, "X101")[0]
    assert again.target.line != finding.target.line
    assert _session(read_pair(src, tgt)).status(again) == "accepted"


def test_apply_fix_is_journaled_and_written_only_on_save(result, story_files, texts):
    TARGET = texts[1]
    story, res = result
    src, tgt = story_files
    session = _session(story)
    finding = _by_code(res, "X101")[0]
    session.apply_fix(finding)
    assert tgt.read_text(encoding="utf-8") == TARGET  # not written yet
    data = json.loads(journal_path(tgt).read_text(encoding="utf-8"))
    assert data["pending"][0]["fingerprint"] == finding.fingerprint
    assert data["pending"][0]["before"] == "були" and data["pending"][0]["after"] == "were"
    # a crash here loses nothing: a new session restores the pending fix
    reopened = _session(story)
    assert reopened.status(finding) == "fixed" and reopened.dirty
    reopened.save()
    assert "48 power lines were damaged" in tgt.read_text(encoding="utf-8")
    assert tgt.with_name(tgt.name + ".orig").read_text(encoding="utf-8") == TARGET  # previous version kept
    assert not journal_path(tgt).exists()  # nothing pending any more
    assert not reopened.dirty


def test_save_refuses_a_target_changed_on_disk(result, story_files, texts):
    TARGET = texts[1]
    story, res = result
    _src, tgt = story_files
    session = _session(story)
    session.apply_fix(_by_code(res, "X101")[0])
    tgt.write_text(TARGET + "\nAn edit made elsewhere.\n", encoding="utf-8")
    with pytest.raises(DecisionError, match="changed on disk"):
        session.save()
    assert "An edit made elsewhere." in tgt.read_text(encoding="utf-8")
    assert journal_path(tgt).exists()  # the fix is still kept


def test_overlapping_fixes_are_refused(result):
    story, res = result
    session = _session(story)
    fx = _by_code(res, "X101")[0]
    session.apply_fix(fx)
    clone = type(fx)(**{**{k: getattr(fx, k) for k in fx.__dataclass_fields__}, "fingerprint": "other"})
    with pytest.raises(DecisionError, match="overlaps"):
        session.apply_fix(clone)


def test_accept_and_fix_replace_each_other_and_undo(result, story_files):
    story, res = result
    session = _session(story)
    finding = _by_code(res, "X301")[0]
    session.apply_fix(finding)
    session.accept(finding, "intended")
    assert session.status(finding) == "accepted" and not session.dirty
    session.apply_fix(finding)
    assert session.status(finding) == "fixed"
    assert finding.fingerprint not in Baseline.load_or_empty(session.baseline_path)
    assert session.undo(finding) == "fixed"
    assert session.status(finding) == "open"
    assert session.undo(finding) is None


def test_finding_without_fix_cannot_be_applied(result):
    story, res = result
    with pytest.raises(DecisionError, match="no suggested fix"):
        _session(story).apply_fix(_by_code(res, "X201")[0])


def test_stale_journal_entries_are_kept_not_applied(result, story_files, texts):
    TARGET = texts[1]
    story, res = result
    src, tgt = story_files
    _session(story).apply_fix(_by_code(res, "X101")[0])
    tgt.write_text(TARGET.replace("були", "had been"), encoding="utf-8")
    session = _session(read_pair(src, tgt))
    assert not session.dirty and len(session.stale) == 1
    assert session.problems and "no longer match" in session.problems[0]
    assert json.loads(journal_path(tgt).read_text(encoding="utf-8"))["stale"][0]["before"] == "були"


def test_unreadable_journal_is_set_aside(result, story_files):
    story, _res = result
    _src, tgt = story_files
    journal_path(tgt).write_text("{not json", encoding="utf-8")
    session = _session(story)
    assert session.problems and not session.dirty
    assert tgt.with_name(tgt.name + ".tqa-review.json.unreadable").read_text(encoding="utf-8") == "{not json"


@pytest.mark.parametrize(
    ("encoding", "newline", "bom"),
    [("utf-8", "\r\n", False), ("utf-8", "\n", True), ("cp1251", "\n", False), ("utf-16", "\r\n", True)],
)
def test_save_keeps_encoding_bom_and_line_endings(tmp_path, encoding, newline, bom):
    from tqa.text.segment import build_document

    text = "Ціни зросли на 5%.\n\nPrices rose by 5 відсотків.\n"
    path = tmp_path / "story.en.txt"
    raw = text.replace("\n", newline).encode(encoding)
    if bom and encoding == "utf-8":
        raw = b"\xef\xbb\xbf" + raw
    path.write_bytes(raw)
    doc = build_document(str(path), text, "en", "target", encoding=encoding)
    from tqa.model import Finding, Fix, Severity

    para = doc.paragraphs[1]
    i = para.text.index("відсотків")
    span = para.sub_span(i, i + len("відсотків"))
    finding = Finding("X101", "x", "untranslated", Severity.ERROR, "m", target=span, fix=Fix("", "per cent"),
                      fingerprint="f1")
    session = ReviewSession(path, text, encoding=encoding)
    assert session.writable, session.why_not_writable
    session.apply_fix(finding)
    session.save()
    out = path.read_bytes()
    expected = text.replace("відсотків", "per cent").replace("\n", newline).encode(encoding)
    if bom and encoding == "utf-8":
        expected = b"\xef\xbb\xbf" + expected
    assert out == expected
    assert (tmp_path / "story.en.txt.orig").read_bytes() == raw


def test_record_input_is_not_rewritten(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("джерело\ttarget one\n", encoding="utf-8")
    session = ReviewSession(path, "target one", encoding="utf-8")
    assert not session.writable


def test_apply_fixes_from_the_end():
    from tqa.decisions import PendingFix

    fixes = [PendingFix("a", "X", 0, 3, "one", "1"), PendingFix("b", "X", 8, 13, "three", "3")]
    assert apply_fixes("one two three", fixes) == "1 two 3"


def test_acceptance_is_scoped_to_its_target_like_check(tmp_path, texts, checker):
    """The same widget text in two stories has one fingerprint; accepting it in one story must not hide it in
    the other (the baseline scopes entries by target, and `tqa check --baseline` reads them the same way)."""
    stories = []
    for name in ("a", "b"):
        (tmp_path / f"{name}.uk.txt").write_text(texts[0], encoding="utf-8")
        (tmp_path / f"{name}.en.txt").write_text(texts[1], encoding="utf-8")
        stories.append(read_pair(tmp_path / f"{name}.uk.txt", tmp_path / f"{name}.en.txt"))
    results = [checker(s) for s in stories]
    baseline_file = tmp_path / "tqa-baseline.json"
    fa = _by_code(results[0], "X401")[0]
    fb = _by_code(results[1], "X401")[0]
    assert fa.fingerprint == fb.fingerprint
    _session(stories[0], baseline_path=baseline_file).accept(fa, "widget")
    assert _session(stories[0], baseline_path=baseline_file).status(fa) == "accepted"
    assert _session(stories[1], baseline_path=baseline_file).status(fb) == "open"
    out, _stale = apply_baseline(results, Baseline.load(baseline_file))
    assert fa not in out[0].findings and fb in out[1].findings
    # the entry names its target relative to the baseline's folder, as `tqa check --write-baseline` does
    assert json.loads(baseline_file.read_text(encoding="utf-8"))["entries"][0]["target"] == "a.en.txt"
