"""`tqa check` end to end: exit codes, --output, formats, baseline, configured paths, pre-commit style inputs."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tqa.cli import main
from tqa.cli.check_cmd import plan_inputs

from .conftest import write_pair  # noqa: TID252

SELECT = ["--isolated", "--select", "TQA981,TQA982"]


def _json(capsys) -> dict:
    return json.loads(capsys.readouterr().out)


def test_findings_exit_1_and_clean_exit_0(story_dir, probes, capsys):
    assert main(["check", "news/a.uk.txt", "news/a.en.txt", *SELECT]) == 1
    out = capsys.readouterr().out
    assert "news/a.en.txt:1:60: TQA981 [error] Cyrillic in 'Kyіv'" in out
    assert main(["check", "news/b.uk.txt", "news/b.en.txt", "--isolated", "--select", "TQA981"]) == 0
    assert capsys.readouterr().out == "Found 0 findings in 1 document.\n"


def test_fail_on_and_select(story_dir, probes, capsys):
    # only warnings left → exit 0 with the default fail-on=error, 1 with fail-on=warning
    assert main(["check", "news/b.uk.txt", "news/b.en.txt", "--isolated", "--select", "TQA982"]) == 0
    assert "TQA982 [warning]" in capsys.readouterr().out
    assert main(["check", "news/b.uk.txt", "news/b.en.txt", "--isolated", "--select", "TQA982",
                 "--fail-on", "warning"]) == 1
    capsys.readouterr()
    assert main(["check", "news/a.uk.txt", "news/a.en.txt", *SELECT, "--ignore", "TQA981"]) == 0
    assert "TQA981" not in capsys.readouterr().out
    assert main(["check", "news/a.uk.txt", "news/a.en.txt", *SELECT, "--severity", "TQA981=info"]) == 0
    assert "TQA981 [info]" in capsys.readouterr().out


def test_output_file_and_relative_paths(story_dir, probes, capsys):
    assert main(["check", "news/a.uk.txt", "news/a.en.txt", *SELECT, "--format", "json", "-o", "out/r.json"]) == 2
    assert "out/r.json" in capsys.readouterr().err  # the folder does not exist: a clear error, exit 2
    (story_dir / "out").mkdir()
    assert main(["check", "news/a.uk.txt", "news/a.en.txt", *SELECT, "--format", "json", "-o", "out/r.json"]) == 1
    assert capsys.readouterr().out == ""
    data = json.loads((story_dir / "out" / "r.json").read_text(encoding="utf-8"))
    assert data["documents"][0]["target"] == "news/a.en.txt"  # as the user gave it
    assert str(story_dir) not in (story_dir / "out" / "r.json").read_text(encoding="utf-8")


def test_every_format_reports_the_same_findings(story_dir, probes, capsys):
    args = ["check", "news", *SELECT]
    outputs = {}
    for fmt in ("text", "json", "junit", "sarif", "github"):
        assert main([*args, "--format", fmt]) == 1
        outputs[fmt] = capsys.readouterr().out
    data = json.loads(outputs["json"])
    n = data["summary"]["findings"]
    assert n >= 4 and data["summary"]["documents"] == 3
    assert len(json.loads(outputs["sarif"])["runs"][0]["results"]) == n
    assert len(ET.fromstring(outputs["junit"].encode()).findall(".//failure")) == n
    assert sum(1 for line in outputs["github"].splitlines() if line.startswith("::")) == n
    assert outputs["text"].count(": TQA98") == n
    sarif_rules = [r["id"] for r in json.loads(outputs["sarif"])["runs"][0]["tool"]["driver"]["rules"]]
    assert sarif_rules == ["TQA981", "TQA982"]  # the selected rules, with their docs


def test_write_baseline_then_clean_run_then_stale(story_dir, probes, capsys):
    args = ["check", "news/a.uk.txt", "news/a.en.txt", "--isolated", "--select", "TQA981"]
    assert main([*args, "--write-baseline", "tqa-baseline.json", "--reason", "accepted in review"]) == 0
    err = capsys.readouterr().err
    assert "wrote" in err and "tqa-baseline.json" in err
    raw = (story_dir / "tqa-baseline.json").read_text(encoding="utf-8")
    entries = json.loads(raw)["entries"]
    assert entries and all(e["target"] == "news/a.en.txt" and e["reason"] == "accepted in review" for e in entries)
    assert [e["fingerprint"] for e in entries] == sorted(e["fingerprint"] for e in entries)

    assert main([*args, "--baseline", "tqa-baseline.json", "--format", "json"]) == 0
    data = _json(capsys)
    assert data["summary"]["findings"] == 0
    assert data["documents"][0]["suppressed"] == len(entries) and data["stale_baseline"] == []

    # another story with the same problems is not hidden by a's baseline
    assert main(["check", "news/c.uk.txt", "news/c.en.txt", *SELECT, "--baseline", "tqa-baseline.json"]) == 1
    capsys.readouterr()

    # fix one problem in a: its entry becomes stale; nothing new appears
    path = story_dir / "news" / "a.en.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Kyіv", "Kyiv"), encoding="utf-8")
    assert main([*args, "--baseline", "tqa-baseline.json", "--format", "json"]) == 0
    data = _json(capsys)
    assert len(data["stale_baseline"]) == 1 and data["summary"]["findings"] == 0
    assert main([*args, "--baseline", "tqa-baseline.json"]) == 0
    assert "1 baseline entry matched nothing (stale)" in capsys.readouterr().out


def test_baseline_survives_edits_elsewhere(story_dir, probes, capsys):
    args = ["check", "news/a.uk.txt", "news/a.en.txt", *SELECT]
    assert main([*args, "--write-baseline", "b.json"]) == 0
    path = story_dir / "news" / "a.en.txt"
    path.write_text("A new first paragraph was added.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    src = story_dir / "news" / "a.uk.txt"
    src.write_text("Додано новий перший абзац.\n\n" + src.read_text(encoding="utf-8"), encoding="utf-8")
    assert main([*args, "--baseline", "b.json", "--format", "json"]) == 0
    data = _json(capsys)
    assert data["summary"]["findings"] == 0 and data["stale_baseline"] == []


def test_rewriting_a_baseline_keeps_reasons_and_other_files(story_dir, probes, capsys):
    assert main(["check", "news", *SELECT, "--write-baseline", "b.json", "--reason", "first"]) == 0
    before = json.loads((story_dir / "b.json").read_text(encoding="utf-8"))["entries"]
    assert {e["target"] for e in before} == {"news/a.en.txt", "news/b.en.txt", "news/c.en.txt"}
    # re-record only story a, with a new reason: a's reasons are kept, c's entries stay untouched
    assert main(["check", "news/a.uk.txt", "news/a.en.txt", *SELECT, "--write-baseline", "b.json",
                 "--reason", "second"]) == 0
    assert "kept for files not checked" in capsys.readouterr().err
    after = json.loads((story_dir / "b.json").read_text(encoding="utf-8"))["entries"]
    assert sorted(map(json.dumps, after)) == sorted(map(json.dumps, before))


def test_configured_paths_baseline_and_exclude(story_dir, probes, capsys):
    (story_dir / "tqa.toml").write_text(
        'select = ["TQA981", "TQA982"]\npaths = ["news"]\nexclude = ["news/c.*"]\nbaseline = "tqa-baseline.json"\n',
        encoding="utf-8",
    )
    assert main(["check", "--format", "json"]) == 1  # a missing configured baseline counts as empty
    data = _json(capsys)
    assert [d["target"] for d in data["documents"]] == [os.path.join("news", "a.en.txt"),
                                                         os.path.join("news", "b.en.txt")]
    assert main(["check", "--write-baseline", "tqa-baseline.json"]) == 0
    capsys.readouterr()
    assert main(["check"]) == 0
    assert "suppressed by the baseline" in capsys.readouterr().out
    # from a subfolder, the configured paths and baseline are found relative to tqa.toml
    os.chdir(story_dir / "news")
    assert main(["check", "--format", "json"]) == 0
    data = _json(capsys)
    assert [d["target"] for d in data["documents"]] == ["a.en.txt", "b.en.txt"]
    assert data["documents"][0]["suppressed"] > 0
    assert main(["check", "--exclude", "a.*", "--format", "json"]) == 0
    assert [d["target"] for d in _json(capsys)["documents"]] == ["b.en.txt"]


def test_no_paths_and_nothing_configured_exits_2(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--isolated"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "no paths to check" in err


def test_missing_baseline_given_on_the_command_line_exits_2(story_dir, capsys):
    assert main(["check", "news/a.uk.txt", "news/a.en.txt", "--isolated", "--baseline", "nope.json"]) == 2
    assert "nope.json: baseline file not found" in capsys.readouterr().err


# -- pre-commit: changed files are passed one by one -------------------------------------------------------------


def test_lone_files_find_their_partner_and_pairs_are_checked_once(story_dir, probes, capsys):
    assert main(["check", "news/a.en.txt", "news/c.uk.txt", "news/a.uk.txt", *SELECT, "--format", "json"]) == 1
    docs = _json(capsys)["documents"]
    assert [(d["source"], d["target"]) for d in docs] == [
        (os.path.join("news", "a.uk.txt"), "news/a.en.txt"),
        ("news/c.uk.txt", os.path.join("news", "c.en.txt")),
    ]


def test_lone_file_without_partner_exits_2(story_dir, capsys):
    (story_dir / "news" / "orphan.en.txt").write_text("Hello.\n", encoding="utf-8")
    assert main(["check", "news/a.en.txt", "news/orphan.en.txt", "news/b.uk.txt", "--isolated"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "news/orphan.en.txt: no partner file" in err


def test_plan_inputs(story_dir):
    (story_dir / "rec.tsv").write_text("a\tb\n", encoding="utf-8")
    assert plan_inputs(["news/a.uk.txt", "news/b.en.txt"]) == [["news/a.uk.txt", "news/b.en.txt"]]  # explicit pair
    groups = plan_inputs(["rec.tsv", "news", "news/a.en.txt"])
    assert groups[0] == ["rec.tsv"]
    assert [Path(g[1]).name for g in groups[1:]] == ["a.en.txt", "b.en.txt", "c.en.txt"]  # a named twice: once
    from tqa.errors import InputError, UsageError

    with pytest.raises(InputError, match="no such file"):
        plan_inputs(["news/a.uk.txt", "news/a.en.txt", "missing.tsv"])
    (story_dir / "x.txt").write_text("x\n", encoding="utf-8")
    with pytest.raises(UsageError, match="cannot tell its partner"):
        plan_inputs(["news", "x.txt"])


def test_pre_commit_hook_definition():
    yaml = pytest.importorskip("yaml")
    root = Path(__file__).resolve().parents[2]
    hooks = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "tqa")
    assert hook["entry"].split()[:2] == ["tqa", "check"]
    assert hook["language"] == "python"
    import re

    files = re.compile(hook["files"])
    assert files.search("news/story.en.txt") and files.search("news/story.uk.txt")
    assert not files.search("README.md")


# -- comparison material: --ref and --mt-url ---------------------------------------------------------------------

REF_SRC = ("Укренерго закликає споживачів не вмикати одночасно кілька потужних електроприладів увечері.\n\n"
           "У Києві без світла залишаються 5 350 абонентів.\n")
REF = ("Ukrenergo urges consumers not to switch on several powerful appliances at once in the evening.\n\n"
       "In Kyiv, 5,350 customers remain without power.\n")
DEPARTING = ("Fighting continued near Bakhmut and Avdiivka overnight, officials said.\n\n"
             "In Kyiv, 5,350 subscribers are still without electricity.\n")


def test_reference_file_feeds_the_reference_rule(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write_pair(tmp_path, "r", uk=REF_SRC, en=DEPARTING)
    (tmp_path / "ref.txt").write_text(REF, encoding="utf-8")
    args = ["check", "r.uk.txt", "r.en.txt", "--isolated", "--select", "TQA591", "--format", "json"]
    main([*args, "--ref", "ref.txt"])
    findings = _json(capsys)["documents"][0]["findings"]
    assert [f["code"] for f in findings] == ["TQA591"] and findings[0]["target"]["line"] == 1
    main(args)
    assert _json(capsys)["documents"][0]["findings"] == []
    write_pair(tmp_path, "s", uk=REF_SRC, en=DEPARTING)
    assert main(["check", ".", "--isolated", "--ref", "ref.txt"]) == 2  # two stories, one reference
    assert "--ref goes with exactly one SOURCE TARGET pair" in capsys.readouterr().err


def test_mt_draft_feeds_the_draft_rule(tmp_path, monkeypatch, capsys):
    import tqa.io.mt as mt

    calls = []

    def fake_translate(paragraphs, url, *, api_key=None, **_):
        calls.append((url, api_key, list(paragraphs)))
        return tuple(REF.split("\n\n"))[: len(paragraphs)]

    monkeypatch.setattr(mt, "translate_paragraphs", fake_translate)
    monkeypatch.chdir(tmp_path)
    write_pair(tmp_path, "r", uk=REF_SRC, en=DEPARTING)
    main(["check", "r.uk.txt", "r.en.txt", "--isolated", "--select", "TQA592", "--format", "json",
          "--mt-url", "http://mt.invalid:5000", "--mt-api-key", "k"])
    assert [f["code"] for f in _json(capsys)["documents"][0]["findings"]] == ["TQA592"]
    assert calls[0][:2] == ("http://mt.invalid:5000", "k") and len(calls[0][2]) == 2


def test_rules_left_out_of_a_run_neither_go_stale_nor_lose_their_entries(story_dir, probes, capsys):
    pair = ["check", "news/a.uk.txt", "news/a.en.txt", "--isolated"]
    assert main([*pair, "--select", "TQA981,TQA982", "--write-baseline", "b.json"]) == 0
    codes = {e["code"] for e in json.loads((story_dir / "b.json").read_text(encoding="utf-8"))["entries"]}
    assert codes == {"TQA981", "TQA982"}
    assert main([*pair, "--select", "TQA981", "--baseline", "b.json", "--format", "json"]) == 0
    assert _json(capsys)["stale_baseline"] == []  # TQA982 did not run: its entries are not stale
    assert main([*pair, "--select", "TQA981", "--write-baseline", "b.json"]) == 0
    codes = {e["code"] for e in json.loads((story_dir / "b.json").read_text(encoding="utf-8"))["entries"]}
    assert codes == {"TQA981", "TQA982"}  # re-recording TQA981 keeps TQA982's entries


def test_end_to_end_with_every_rule(story_dir, capsys):
    """The real rules on a small story set: not pinned to exact findings (rules evolve), but every format must agree
    on the count, SARIF must be schema-valid, and the exit code must follow the severities."""
    schema_path = Path(__file__).resolve().parents[1] / "report" / "sarif-schema-2.1.0.json"
    jsonschema = pytest.importorskip("jsonschema")
    outputs = {}
    codes = set()
    for fmt in ("json", "sarif", "junit", "github", "text"):
        codes.add(main(["check", "news", "--isolated", "--format", fmt]))
        outputs[fmt] = capsys.readouterr().out
    data = json.loads(outputs["json"])
    n = data["summary"]["findings"]
    assert n > 0  # the sample holds an untranslated paragraph and a Cyrillic look-alike
    assert codes == {1 if data["summary"]["by_severity"].get("error") else 0}
    sarif = json.loads(outputs["sarif"])
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    assert not list(jsonschema.validators.validator_for(schema)(schema).iter_errors(sarif))
    assert len(sarif["runs"][0]["results"]) == n
    assert len(ET.fromstring(outputs["junit"].encode()).findall(".//failure")) == n
    assert sum(1 for line in outputs["github"].splitlines() if line.startswith("::")) == n
    assert f"Found {n} finding" in outputs["text"]
    assert all(d["target"].startswith("news") for d in data["documents"])
