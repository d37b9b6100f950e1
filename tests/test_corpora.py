"""End to end: every story pair in corpora/ gives exactly the findings its NAME.expected.json lists.

The pairs are written for the project, modelled on real agency copy, with planted defects of every kind tqa targets
(see corpora/README.md). Regenerate after a deliberate change with ``TQA_UPDATE_EXPECTED=1 pytest tests/test_corpora.py``
and review the diff by eye.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tqa.cli import main

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
PAIRS = sorted(p for p in CORPORA.rglob("*.uk.txt"))


def _observed(uk: Path, capsys) -> list[dict]:
    en = uk.with_name(uk.name.replace(".uk.txt", ".en.txt"))
    rel_uk, rel_en = (os.path.relpath(p, CORPORA.parent) for p in (uk, en))
    cwd = os.getcwd()
    os.chdir(CORPORA.parent)
    try:
        code = main(["check", rel_uk, rel_en, "--format", "json", "--isolated", "--fail-on", "info"])
    finally:
        os.chdir(cwd)
    report = json.loads(capsys.readouterr().out)
    assert code == (1 if report["summary"]["findings"] else 0)
    return [
        {
            "code": f["code"],
            "severity": f["severity"],
            "target": [f["target"]["line"], f["target"]["column"]] if f["target"] else None,
            "source": [f["source"]["line"], f["source"]["column"]] if f["source"] else None,
            "text": (f["target"] or f["source"] or {}).get("text", "")[:60],
        }
        for f in report["documents"][0]["findings"]
    ]


def _dumps(doc: dict) -> str:
    """One finding (and one planted defect) per line: readable and diff-friendly."""
    def rows(items: list) -> str:
        return "[\n" + ",\n".join("  " + json.dumps(x, ensure_ascii=False) for x in items) + "\n ]" if items else "[]"

    return (f'{{\n "story": {json.dumps(doc["story"], ensure_ascii=False)},\n "planted": {rows(doc["planted"])},\n'
            f' "findings": {rows(doc["findings"])}\n}}\n')


def test_corpora_present():
    assert len(PAIRS) >= 2
    for uk in PAIRS:
        assert uk.with_name(uk.name.replace(".uk.txt", ".expected.json")).exists(), uk


@pytest.mark.parametrize("uk", PAIRS, ids=lambda p: p.relative_to(CORPORA).as_posix().replace(".uk.txt", ""))
def test_corpus_pair_matches_expected(uk, capsys):
    expected_path = uk.with_name(uk.name.replace(".uk.txt", ".expected.json"))
    observed = _observed(uk, capsys)
    if os.environ.get("TQA_UPDATE_EXPECTED"):
        old = json.loads(expected_path.read_text(encoding="utf-8")) if expected_path.exists() else {}
        doc = {"story": old.get("story", ""), "planted": old.get("planted", []), "findings": observed}
        expected_path.write_text(_dumps(doc), encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert observed == expected["findings"]
    # every planted defect is found: each names a code and the target line it sits on
    found = {(f["code"], f["target"][0] if f["target"] else None) for f in observed}
    for planted in expected["planted"]:
        assert (planted["code"], planted["line"]) in found, planted


def test_corpora_are_deterministic(capsys):
    uk = PAIRS[0]
    assert _observed(uk, capsys) == _observed(uk, capsys)
