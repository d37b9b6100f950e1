"""Dispatch and directories: read_inputs over pairs, directories, TSV and JSONL; every bad input through the CLI."""

from __future__ import annotations

import json
import os

import pytest

from tqa.errors import InputError, UsageError
from tqa.io import read_inputs, read_pair
from tqa.io.directory import find_pairs

UK = "Київ • Укрінформ\nУряд ухвалив рішення.\n"
EN = "Kyiv • Ukrinform\nThe government made a decision.\n"


def test_read_pair_document_mode(write):
    story = read_pair(write("s.uk.txt", UK), write("s.en.txt", EN), date="2026-03-02")
    assert story.mode == "document" and story.part == 0 and story.date == "2026-03-02"
    assert [p.text for p in story.target.paragraphs] == ["Kyiv • Ukrinform", "The government made a decision."]
    assert story.source.encoding == story.target.encoding == "utf-8"


def test_read_inputs_is_a_generator_and_mixes_kinds(write, tmp_path):
    s = write("one.uk.txt", UK)
    t = write("one.en.txt", EN)
    write("dir/b.uk.txt", UK)
    write("dir/b.en.txt", EN)
    write("dir/a.uk.txt", UK)
    write("dir/a.en.txt", EN)
    tsv = write("r.tsv", "Київ\tKyiv\n")
    jsonl = write("r.jsonl", json.dumps({"src": "Львів", "tgt": "Lviv"}) + "\n")
    gen = read_inputs([s, t, str(tmp_path / "dir"), tsv, jsonl], date="2026-03-02")
    assert iter(gen) is gen
    keys = [(st.key, st.mode) for st in gen]
    d = str(tmp_path / "dir")
    assert keys == [
        ((s, t), "document"),
        ((os.path.join(d, "a.uk.txt"), os.path.join(d, "a.en.txt")), "document"),
        ((os.path.join(d, "b.uk.txt"), os.path.join(d, "b.en.txt")), "document"),
        ((tsv, tsv), "aligned"),
        ((jsonl, jsonl), "aligned"),
    ]


def test_directory_pairs_sorted_recursive_hidden_ignored(write, tmp_path):
    for name in ("z/x.uk.txt", "z/x.en.txt", "b.uk.txt", "b.en.txt", "a/c.UK.txt", "a/c.en.txt",
                 ".git/h.uk.txt", "README.md", "notes.txt"):
        write(name, UK if ".uk" in name.lower() else EN)
    root = str(tmp_path)
    assert find_pairs(root) == [
        (os.path.join(root, "a", "c.UK.txt"), os.path.join(root, "a", "c.en.txt")),
        (os.path.join(root, "b.uk.txt"), os.path.join(root, "b.en.txt")),
        (os.path.join(root, "z", "x.uk.txt"), os.path.join(root, "z", "x.en.txt")),
    ]


def test_directory_paths_stay_relative(write, tmp_path, monkeypatch):
    write("stories/s.uk.txt", UK)
    write("stories/s.en.txt", EN)
    monkeypatch.chdir(tmp_path)
    (story,) = list(read_inputs(["stories"]))
    assert story.key == (os.path.join("stories", "s.uk.txt"), os.path.join("stories", "s.en.txt"))


def test_directory_in_aligned_mode_streams_each_pair(write, tmp_path):
    write("d/s.uk.txt", "один\nдва\n")
    write("d/s.en.txt", "one\ntwo\n")
    (story,) = list(read_inputs([str(tmp_path / "d")], aligned=True))
    assert story.mode == "aligned" and [p.span.line for p in story.target.paragraphs] == [1, 2]


def test_directory_unpaired_file(write, tmp_path):
    write("d/a.uk.txt", UK)
    write("d/a.en.txt", EN)
    orphan = write("d/sub/late.uk.txt", UK)
    with pytest.raises(InputError) as info:
        find_pairs(str(tmp_path / "d"))
    assert str(info.value) == f"{orphan}: no partner late.en.txt beside it"


def test_directory_without_pairs(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no story pairs"):
        find_pairs(str(tmp_path / "empty"))


def test_plan_errors(write, tmp_path):
    s = write("s.txt", UK)
    with pytest.raises(InputError, match="no TARGET file after this SOURCE"):
        list(read_inputs([s]))
    (tmp_path / "d").mkdir()
    with pytest.raises(InputError, match=r"d: is a directory \(expected the TARGET file"):
        list(read_inputs([s, str(tmp_path / "d")]))
    with pytest.raises(UsageError):
        list(read_inputs([]))


def test_read_pair_with_a_directory(write, tmp_path):
    (tmp_path / "d").mkdir()
    with pytest.raises(InputError) as info:
        read_pair(str(tmp_path / "d"), write("t.txt", EN))
    assert str(info.value) == f"{tmp_path / 'd'}: is a directory (expected a file)"


def test_permission_denied(write, monkeypatch):
    import tqa.io.encoding as encoding

    path = write("secret.uk.txt", UK)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(encoding, "open", denied, raising=False)
    with pytest.raises(InputError) as info:
        read_pair(path, write("secret.en.txt", EN))
    assert str(info.value) == f"{path}: permission denied"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_permission_denied_for_real(write):
    path = write("secret.uk.txt", UK)
    os.chmod(path, 0)
    with pytest.raises(InputError, match="permission denied"):
        read_pair(path, write("secret.en.txt", EN))


# -- through the CLI: exit 2, one line on stderr naming the file, nothing on stdout --------------------------------


def _bad_inputs(write, tmp_path):
    good_s, good_t = write("ok.uk.txt", UK), write("ok.en.txt", EN)
    cases = {}
    p = write("bin.en.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    cases["binary"] = ([write("bin.uk.txt", UK), p], p, "binary data")
    p = write("empty.en.txt", b"")
    cases["empty"] = ([write("empty.uk.txt", UK), p], p, "file is empty")
    p = write("blank.en.txt", b"  \n\n \t\n")
    cases["whitespace"] = ([write("blank.uk.txt", UK), p], p, "only white space")
    p = write("bad.uk.txt", UK.encode() + b"\xff\xfe broken \xc3\x28 bytes\n" + UK.encode() * 3)
    cases["undecodable"] = ([p, write("bad.en.txt", EN)], p, "not valid UTF-8")
    write("dir/a.uk.txt", UK)
    write("dir/a.en.txt", EN)
    p = write("dir/b.en.txt", EN)
    cases["missing-partner"] = ([str(tmp_path / "dir")], p, "no partner b.uk.txt")
    s, t = write("l.uk", "один\nдва\nтри\n"), write("l.en", "one\ntwo\n")
    cases["line-counts"] = (["--aligned", s, t], s, f"has 3 lines but {t} has 2")
    p = write("bad.tsv", "Київ\tKyiv\nЛьвів\n")
    cases["tsv"] = ([p], p, "line 2: no tab")
    p = write("bad.jsonl", '{"source": "Київ", "target": "Kyiv"}\n{"source": "Львів"\n')
    cases["jsonl"] = ([p], p, "line 2: invalid JSON")
    p = str(tmp_path / "nothere.en.txt")
    cases["missing-file"] = ([good_s, p], p, "no such file or directory")
    os.makedirs(tmp_path / "story.en.txt")
    p = str(tmp_path / "story.en.txt")
    cases["directory-as-file"] = ([write("story.uk.txt", UK), p], p, "is a directory")
    cases["good"] = ([good_s, good_t], None, None)
    return cases


CASES = ["binary", "empty", "whitespace", "undecodable", "missing-partner", "line-counts", "tsv", "jsonl",
         "missing-file", "directory-as-file"]


@pytest.mark.parametrize("case", CASES)
def test_cli_bad_input_exits_2(case, write, tmp_path, run_cli):
    args, path, problem = _bad_inputs(write, tmp_path)[case]
    code, out, err = run_cli(["check", *args])
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"tqa: error: {path}: ")
    assert problem in lines[0]


def test_cli_good_input_for_contrast(write, tmp_path, run_cli):
    args, _, _ = _bad_inputs(write, tmp_path)["good"]
    code, out, err = run_cli(["check", *args])
    assert code in (0, 1)
    assert "1 document" in out and err == ""


def test_cli_reports_a_non_utf8_encoding(write, run_cli):
    s = write("e.uk.txt", UK.replace("•", "-"), "koi8-u")
    t = write("e.en.txt", EN.replace("•", "-"), "utf-16")
    code, out, _ = run_cli(["check", "--format", "json", s, t])
    doc = json.loads(out)["documents"][0]
    assert (doc["source_encoding"], doc["target_encoding"]) == ("koi8-u", "utf-16-le")
