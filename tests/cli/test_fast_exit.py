"""`python -m tqa` / the `tqa` script end `tqa check` with `os._exit` once the report is out (no teardown of the
caches): nothing written may be lost, and the exit code must be the command's."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tqa.cli import _FAST_EXIT_COMMANDS

from .conftest import EN, EN_CLEAN, UK  # noqa: TID252


def _tqa(args: list[str], cwd, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    return subprocess.run([sys.executable, "-m", "tqa", *args], cwd=cwd, capture_output=True, env=env, timeout=120,
                          **kw)


@pytest.fixture
def story(tmp_path):
    (tmp_path / "s.uk.txt").write_text(UK, encoding="utf-8")
    (tmp_path / "s.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "clean.en.txt").write_text(EN_CLEAN, encoding="utf-8")
    # many paragraphs, so the report is larger than a pipe buffer and any unflushed tail would be lost
    (tmp_path / "big.uk.txt").write_text((UK.strip() + "\n\n") * 300, encoding="utf-8")
    (tmp_path / "big.en.txt").write_text((EN.strip() + "\n\n") * 300, encoding="utf-8")
    return tmp_path


def test_only_batch_commands_exit_fast():
    assert _FAST_EXIT_COMMANDS == {"check"}  # the review UI, fetch, score and rules exit normally


def test_check_report_on_stdout_is_complete_and_exit_code_kept(story):
    out = _tqa(["check", "big.uk.txt", "big.en.txt", "--isolated", "--format", "json", "--fail-on", "info"], story)
    report = json.loads(out.stdout)  # the whole document arrived: it parses
    assert len(out.stdout) > 65536
    assert [f for d in report["documents"] for f in d["findings"]]
    assert out.returncode == 1


def test_check_clean_exit_code_is_zero(story):
    out = _tqa(["check", "s.uk.txt", "clean.en.txt", "--isolated", "--select", "TQA3"], story)
    assert out.returncode == 0, out.stderr


def test_check_report_written_to_a_file(story):
    out = _tqa(["check", "big.uk.txt", "big.en.txt", "--isolated", "--format", "json", "-o", "r.json"], story)
    assert out.stdout == b""
    json.loads((story / "r.json").read_text(encoding="utf-8"))


def test_check_input_error_keeps_exit_2_and_message(story):
    out = _tqa(["check", "missing.uk.txt", "s.en.txt", "--isolated"], story)
    assert out.returncode == 2
    assert b"missing.uk.txt" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_check_into_a_closed_pipe_does_not_fail(story):
    # the reader goes away after a few bytes (as `| head -c 100` would): no traceback, no hang
    proc = subprocess.Popen([sys.executable, "-m", "tqa", "check", "big.uk.txt", "big.en.txt", "--isolated",
                             "--format", "json"], cwd=story, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)})
    proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=120)
    assert b"Traceback" not in err


def test_the_collector_settings_of_a_check_are_restored():
    import gc

    from tqa.cli.check_cmd import _fewer_gc_passes

    saved, frozen = gc.get_threshold(), gc.get_freeze_count()
    with _fewer_gc_passes():
        assert gc.get_threshold()[0] >= 1_000_000  # (a pass only after a million more live containers)
        assert gc.get_freeze_count() >= frozen
    assert gc.get_threshold() == saved
    assert gc.get_freeze_count() == frozen
