"""`tqa score`: the figures equal sacrebleu's own command line on the same files."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tqa.cli import main

HYP = [
    "Power outage schedules will apply in 15 regions on Monday.",
    "The minister said the repairs would take at least two weeks.",
    "Ukrenergo asks consumers to save electricity in the evening.",
    "Hello there my friend",
]
REF = [
    "On Monday, hourly outage schedules will be applied in 15 regions.",
    "The minister stated that the restoration will take at least 2 weeks.",
    "Ukrenergo urges consumers to use electricity sparingly in the evening hours.",
    "Hello here my friend",
]


@pytest.fixture
def files(tmp_path):
    hyp, ref = tmp_path / "hyp.en", tmp_path / "ref.en"
    hyp.write_text("\n".join(HYP) + "\n", encoding="utf-8")
    ref.write_text("\n".join(REF) + "\n", encoding="utf-8")
    return hyp, ref


def _sacrebleu(*args: str) -> str:
    return subprocess.run([sys.executable, "-m", "sacrebleu", *args], capture_output=True, text=True,
                          check=True).stdout


def test_corpus_scores_equal_sacrebleu_cli(files, capsys):
    hyp, ref = files
    theirs = json.loads(_sacrebleu(str(ref), "-i", str(hyp), "-m", "bleu", "chrf", "ter", "--chrf-word-order", "2",
                                   "--width", "4", "--format", "json"))
    assert main(["score", "--ref", str(ref), str(hyp), "--format", "json"]) == 0
    ours = json.loads(capsys.readouterr().out)["metrics"]
    assert [m["name"] for m in ours] == [t["name"] for t in theirs] == ["BLEU", "chrF2++", "TER"]
    for m, t in zip(ours, theirs):
        assert round(m["score"], 4) == pytest.approx(t["score"], abs=1e-4)
        assert m["signature"] == t["signature"]


@pytest.mark.parametrize("metric,extra", [("bleu", []), ("chrf", ["--chrf-word-order", "2"]), ("ter", [])])
def test_segment_scores_equal_sacrebleu_sentence_level(files, capsys, metric, extra):
    hyp, ref = files
    lines = _sacrebleu(str(ref), "-i", str(hyp), "-m", metric, *extra, "--sentence-level", "--width", "4").splitlines()
    theirs = [float(re.search(r"= (-?[\d.]+)", line).group(1)) for line in lines]
    signature = lines[0].split(" = ")[0].split("|", 1)[1]
    main(["score", "--ref", str(ref), str(hyp), "--format", "json"])
    ours = {m["name"][:4].lower(): m for m in json.loads(capsys.readouterr().out)["metrics"]}[metric[:4]]
    assert ours["segments"] == pytest.approx(theirs, abs=1e-4)
    assert ours["segment_signature"] == signature


def test_text_output(files, capsys):
    hyp, ref = files
    assert main(["score", "--ref", str(ref), str(hyp), "--segments"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("BLEU = ") and "signature: nrefs:1|case:mixed" in out
    assert "\n4\t" in out  # one row per segment


def test_line_count_mismatch_is_exit_2(files, capsys):
    hyp, ref = files
    ref.write_text("only one line\n", encoding="utf-8")
    assert main(["score", "--ref", str(ref), str(hyp)]) == 2
    assert "4 lines" in capsys.readouterr().err
