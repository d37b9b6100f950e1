"""Golden files: each formatter's output for the hand-made report in conftest.py.

Regenerate after an intended change with ``TQA_UPDATE_GOLDEN=1 python -m pytest tests/report -q`` and review the
diff."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tqa.report import FORMATS, render

GOLDEN = Path(__file__).parent / "golden"
FILES = {
    "text": "report.txt",
    "json": "report.json",
    "junit": "report.junit.xml",
    "sarif": "report.sarif.json",
    "github": "report.github.txt",
}


def test_every_format_has_a_golden_file():
    assert set(FILES) == set(FORMATS)


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_golden(fmt, report, fake_rules):
    out = render(report, fmt, rules=fake_rules)
    path = GOLDEN / FILES[fmt]
    if os.environ.get("TQA_UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8", newline="")
    expected = path.read_text(encoding="utf-8")
    assert out == expected, f"{fmt} output changed; if intended, regenerate with TQA_UPDATE_GOLDEN=1"


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_render_is_deterministic_and_free_of_machine_specifics(fmt, report, fake_rules):
    a = render(report, fmt, rules=fake_rules)
    b = render(report, fmt, rules=fake_rules)
    assert a == b
    assert str(Path.cwd()) not in a and "/tmp" not in a


def test_unknown_format_is_refused(report):
    with pytest.raises(ValueError, match="unknown format"):
        render(report, "xml")
