"""`tqa --version` and `tqa check` import textual, sacrebleu and requests only when used; the progress bar shows on a
terminal only, and only when the run is long."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap

from tqa.cli.check_cmd import Progress
from tqa.model import DocumentResult

from .conftest import EN, UK  # noqa: TID252

HEAVY = ("textual", "sacrebleu", "requests")


def _modules_after(code: str, cwd) -> set[str]:
    script = textwrap.dedent(f"""
        import sys
        from tqa.cli import main
        try:
            {code}
        except SystemExit:
            pass
        print("LOADED:" + ",".join(m for m in {HEAVY!r} if m in sys.modules))
    """)
    out = subprocess.run([sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    line = [x for x in out.stdout.splitlines() if x.startswith("LOADED:")][-1]
    return {m for m in line[len("LOADED:"):].split(",") if m}


def test_version_imports_nothing_heavy(tmp_path):
    assert _modules_after("main(['--version'])", tmp_path) == set()


def test_check_imports_nothing_heavy(tmp_path):
    (tmp_path / "s.uk.txt").write_text(UK, encoding="utf-8")
    (tmp_path / "s.en.txt").write_text(EN, encoding="utf-8")
    for fmt in ("text", "sarif", "junit"):
        loaded = _modules_after(f"main(['check', 's.uk.txt', 's.en.txt', '--isolated', '--format', '{fmt}'])",
                                tmp_path)
        assert loaded == set(), f"--format {fmt} imported {loaded}"


def test_the_probe_detects_a_heavy_import(tmp_path):
    assert _modules_after("import requests", tmp_path) == {"requests"}


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def _result(pairs: int) -> DocumentResult:
    return DocumentResult("a.uk", "a.en", (), pairs=pairs)


def test_progress_on_a_terminal_after_the_delay():
    stream = _Stream(tty=True)
    progress = Progress(stream, delay=0.0, interval=0.0)
    assert progress.enabled
    progress(_result(1500))
    progress(_result(2500))
    progress.close()
    text = stream.getvalue()
    assert "4,000 pairs checked" in text and text.endswith("\r\x1b[2K")  # the line is erased at the end


def test_progress_silent_for_short_runs_and_when_not_a_terminal():
    short = _Stream(tty=True)
    p = Progress(short, delay=3600)
    p(_result(10))
    p.close()
    assert short.getvalue() == ""
    piped = _Stream(tty=False)
    p = Progress(piped, delay=0.0, interval=0.0)
    assert not p.enabled
    p(_result(10))
    p.close()
    assert piped.getvalue() == ""
    assert p.pairs == 10  # still counted


def test_check_writes_nothing_to_stderr_when_not_a_terminal(tmp_path, monkeypatch, capsys):
    from tqa.cli import main

    (tmp_path / "s.uk.txt").write_text(UK, encoding="utf-8")
    (tmp_path / "s.en.txt").write_text(EN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "s.uk.txt", "s.en.txt", "--isolated"])
    assert capsys.readouterr().err == ""
