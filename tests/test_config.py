"""Configuration: [tool.tqa] in pyproject.toml or tqa.toml found by walking up; validation names the key; the
command line overrides the file."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

from tqa.cli import main
from tqa.config import Config, find_config_file, load_config, parse_config, parse_rule_selectors
from tqa.errors import ConfigError, InputError
from tqa.model import Severity

FULL = """
[tool.black]
line-length = 100

[tool.tqa]
select = ["TQA1", "TQA2", "TQA901"]
ignore = ["internal-error"]
fail-on = "warning"
paths = ["stories", "more/x.tsv"]
exclude = ["drafts/*"]
allow-cyrillic = ["Укрінформ"]
allow-terms = ["Ukrenergo", "Naftogaz"]
date = "2026-03-02"
baseline = "tqa-baseline.json"

[tool.tqa.severity]
TQA9 = "info"
TQA901 = "warning"
"""


def test_defaults_when_nothing_is_found(tmp_path):
    assert find_config_file(tmp_path) is None or find_config_file(tmp_path)[0].parent not in (tmp_path,)
    cfg = parse_config({}, base=tmp_path, cwd=tmp_path)
    assert cfg.select == ("TQA",) and cfg.fail_on is Severity.ERROR and cfg.paths == ()


def test_pyproject_table_is_read(tmp_path):
    (tmp_path / "pyproject.toml").write_text(FULL, encoding="utf-8")
    cfg = load_config(tmp_path)
    assert cfg.select == ("TQA1", "TQA2", "TQA901")
    assert cfg.ignore == ("TQA901",)  # a rule name becomes its code
    assert cfg.fail_on is Severity.WARNING
    assert cfg.paths == ("stories", os.path.join("more", "x.tsv"))
    assert cfg.exclude == ("drafts/*",)
    assert cfg.allow_cyrillic == ("Укрінформ",)
    assert cfg.allow_terms == ("Ukrenergo", "Naftogaz")
    assert cfg.date == "2026-03-02"
    assert cfg.baseline == "tqa-baseline.json"
    assert cfg.severity == (("TQA9", Severity.INFO), ("TQA901", Severity.WARNING))
    assert cfg.severity_for("TQA901", Severity.ERROR) is Severity.WARNING  # the longest prefix wins
    assert cfg.severity_for("TQA902", Severity.ERROR) is Severity.INFO
    assert cfg.source_path == "pyproject.toml"
    assert Path(cfg.root) == tmp_path.resolve()


def test_found_by_walking_up_and_paths_rebased(tmp_path):
    (tmp_path / "pyproject.toml").write_text(FULL, encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    cfg = load_config(deep)
    assert cfg.paths == (os.path.join("..", "..", "stories"), os.path.join("..", "..", "more", "x.tsv"))
    assert cfg.baseline == os.path.join("..", "..", "tqa-baseline.json")
    assert cfg.source_path == os.path.join("..", "..", "pyproject.toml")


def test_tqa_toml_wins_in_the_same_folder_and_is_top_level(tmp_path):
    (tmp_path / "pyproject.toml").write_text(FULL, encoding="utf-8")
    (tmp_path / "tqa.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    cfg = load_config(tmp_path)
    assert cfg.fail_on is Severity.INFO and cfg.select == ("TQA",)


def test_pyproject_without_tool_tqa_is_skipped(tmp_path):
    (tmp_path / "tqa.toml").write_text('select = ["TQA3"]\n', encoding="utf-8")
    sub = tmp_path / "pkg"
    sub.mkdir()
    (sub / "pyproject.toml").write_text("[tool.black]\nline-length = 99\n", encoding="utf-8")
    assert load_config(sub).select == ("TQA3",)


def test_nearest_file_wins(tmp_path):
    (tmp_path / "tqa.toml").write_text('select = ["TQA3"]\n', encoding="utf-8")
    sub = tmp_path / "pkg"
    sub.mkdir()
    (sub / "tqa.toml").write_text('select = ["TQA2"]\n', encoding="utf-8")
    assert load_config(sub).select == ("TQA2",)
    assert load_config(tmp_path).select == ("TQA3",)


def test_toml_date_value(tmp_path):
    (tmp_path / "tqa.toml").write_text("date = 2026-03-02\n", encoding="utf-8")
    assert load_config(tmp_path).date == datetime.date(2026, 3, 2).isoformat()


def test_explicit_config_file(tmp_path):
    other = tmp_path / "conf" / "strict.toml"
    other.parent.mkdir()
    other.write_text('fail-on = "info"\npaths = ["../stories"]\n', encoding="utf-8")
    cfg = load_config(tmp_path, config_file="conf/strict.toml")
    assert cfg.fail_on is Severity.INFO and cfg.paths == ("stories",)
    with pytest.raises(InputError, match="configuration file not found"):
        load_config(tmp_path, config_file="missing.toml")


@pytest.mark.parametrize(
    ("text", "key", "fragment"),
    [
        ('selct = ["TQA1"]', "selct", "did you mean 'select'"),
        ("frobnicate = 1", "frobnicate", "unknown key"),
        ('fail-on = "fatal"', "fail-on", "expected one of error, warning, info, got 'fatal'"),
        ("fail-on = 2", "fail-on", "got 2"),
        ('select = "TQA1"', "select", "expected a list of strings"),
        ('select = ["XYZ"]', "select", "unknown rule 'XYZ'"),
        ('select = ["TQA_1"]', "select", "expected rule codes"),
        ('select = ["TQA9999"]', "select", "unknown rule 'TQA9999'"),
        ('ignore = ["no-such-rule"]', "ignore", "unknown rule"),
        ('select = ["TQA900"]', "select", "unknown rule"),
        ('date = "02.03.2026"', "date", "YYYY-MM-DD"),
        ('date = "2026-02-30"', "date", "YYYY-MM-DD"),
        ('paths = ["a", 3]', "paths", "expected a list of strings"),
        ('exclude = [""]', "exclude", "empty string"),
        ('allow-terms = {a = 1}', "allow-terms", "expected a list of strings"),
        ('severity = "warning"', "severity", "expected a table"),
        ('[severity]\nTQA901 = "loud"', "severity.TQA901", "got 'loud'"),
        ('[severity]\nBOGUS = "info"', "severity.BOGUS", "unknown rule 'BOGUS'"),
        ("baseline = 1", "baseline", "expected a file name"),
    ],
)
def test_bad_values_name_the_key(tmp_path, text, key, fragment):
    (tmp_path / "tqa.toml").write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path)
    assert err.value.key == key
    assert fragment in str(err.value)
    assert f"config key '{key}'" in str(err.value) and "tqa.toml" in str(err.value)


def test_tool_tqa_must_be_a_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool]\ntqa = "yes"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="tool.tqa"):
        load_config(tmp_path)


def test_invalid_toml_names_the_file(tmp_path):
    (tmp_path / "tqa.toml").write_text("select = [\n", encoding="utf-8")
    with pytest.raises(InputError, match="tqa.toml: invalid TOML"):
        load_config(tmp_path)


def test_rule_selectors():
    assert parse_rule_selectors(["tqa1", "ALL", "3", " TQA901 ", "internal-error"]) == (
        "TQA1", "ALL", "TQA3", "TQA901", "TQA901")
    with pytest.raises(ConfigError, match="'--select'"):
        parse_rule_selectors(["TQA12345"], "--select")


def test_config_is_frozen_and_replace_works():
    cfg = Config()
    with pytest.raises(AttributeError):
        cfg.fail_on = Severity.INFO  # type: ignore[misc]
    assert cfg.replace(date="2026-01-01").date == "2026-01-01"


# -- through the command line: exit 2 and one clear line ---------------------------------------------------------


def _pair(folder: Path) -> None:
    (folder / "s.uk.txt").write_text("Рада ухвалила закон.\n", encoding="utf-8")
    (folder / "s.en.txt").write_text("The Rada passed the law.\n", encoding="utf-8")


def test_cli_bad_config_exits_2_naming_the_key(tmp_path, monkeypatch, capsys):
    _pair(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.tqa]\nfail_on = "error"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "s.uk.txt", "s.en.txt"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == ("tqa: error: pyproject.toml: config key 'fail_on': unknown key (did you mean "
                           "'fail-on'?)")


def test_cli_bad_flag_value_exits_2(tmp_path, monkeypatch, capsys):
    _pair(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "s.uk.txt", "s.en.txt", "--isolated", "--date", "yesterday"]) == 2
    assert "config key '--date'" in capsys.readouterr().err
    assert main(["check", "s.uk.txt", "s.en.txt", "--isolated", "--severity", "TQA901"]) == 2
    assert "CODE=LEVEL" in capsys.readouterr().err
    assert main(["check", "s.uk.txt", "s.en.txt", "--isolated", "--select", "nope!"]) == 2
    assert "config key '--select'" in capsys.readouterr().err


def test_cli_flags_override_the_file(tmp_path, monkeypatch):
    from tqa.cli import build_parser
    from tqa.cli.check_cmd import build_config

    (tmp_path / "tqa.toml").write_text(
        'select = ["TQA1"]\nfail-on = "warning"\ndate = "2026-01-05"\n[severity]\nTQA901 = "info"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    args = build_parser().parse_args(
        ["check", "--select", "TQA9", "--fail-on", "info", "--date", "2026-03-02", "--severity", "TQA901=error",
         "--severity", "TQA1=warning"])
    cfg = build_config(args, tmp_path)
    assert cfg.select == ("TQA9",) and cfg.fail_on is Severity.INFO and cfg.date == "2026-03-02"
    assert dict(cfg.severity) == {"TQA901": Severity.ERROR, "TQA1": Severity.WARNING}
    plain = build_config(build_parser().parse_args(["check"]), tmp_path)
    assert plain.select == ("TQA1",) and plain.fail_on is Severity.WARNING
    isolated = build_config(build_parser().parse_args(["check", "--isolated"]), tmp_path)
    assert isolated.select == ("TQA",) and isolated.fail_on is Severity.ERROR
