"""The core never imports textual: only `tqa.tui.app`, its screens and widgets do. Checked in a fresh interpreter so
that other tests (which import textual) cannot hide an import."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "tqa",
    "tqa.engine",
    "tqa.model",
    "tqa.config",
    "tqa.baseline",
    "tqa.decisions",
    "tqa.checks",
    "tqa.io",
    "tqa.align",
    "tqa.report",
    "tqa.cli",
    "tqa.cli.check_cmd",
    "tqa.cli.review_cmd",
    "tqa.tui.loader",
    "tqa.tui.rows",
]


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_core_modules_do_not_import_textual():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "from tqa.cli import build_parser\n"
        "build_parser()\n"  # every subcommand's add_parser, `review` included
        "from tqa.engine import check_texts\n"
        "check_texts('Україна отримала кошти.', 'Ukraine received funds.')\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "assert not bad, bad[:5]\n"
        "print('ok')\n"
    )
    done = _run(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_the_check_passes_only_without_textual():
    """The probe can fail: importing the app does pull textual in."""
    done = _run("import sys, tqa.tui.app\nassert 'textual' not in sys.modules\n")
    assert done.returncode != 0 and "AssertionError" in done.stderr
