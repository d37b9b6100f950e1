"""`--jobs N` gives exactly the output of `--jobs 1`: across stories and across the chunks of one record file."""

from __future__ import annotations

import json

import pytest

from tqa import engine
from tqa.cli import main
from tqa.config import Config
from tqa.model import Story
from tqa.report import render
from tqa.text.segment import build_document

from .conftest import EN, UK, write_pair  # noqa: TID252

RECORDS = [
    ("Ціни зросли на 1,5 млрд грн.", "Prices rose by UAH 1.5 billion."),
    ("У Празі пройшов мітинг.", "A rally was held in Prazі."),
    ("Він сказав це вчора.", "Він сказав це вчора."),
    ("Курс долара – 41,2 грн.", "The dollar rate is UAH 41.2."),
    ("", ""),
    ("«Ми готові», – заявив міністр.", '"We are ready."'),
]


def _tsv(path, n: int) -> None:
    rows = []
    for i in range(n):
        uk, en = RECORDS[i % len(RECORDS)]
        rows.append(f"{uk} {i}\t{en} {i}" if uk else "\t")
    path.write_text("source\ttarget\n" + "\n".join(rows) + "\n", encoding="utf-8")


def _chunked_stories(n_records: int, chunk: int) -> list[Story]:
    """One record file as several `Story` parts, as the streaming readers yield it."""
    out = []
    for part, start in enumerate(range(0, n_records, chunk)):
        recs = [RECORDS[i % len(RECORDS)] for i in range(start, min(n_records, start + chunk))]
        src = "\n".join(f"{uk} {start + j}" for j, (uk, _en) in enumerate(recs))
        tgt = "\n".join(f"{en} {start + j}" for j, (_uk, en) in enumerate(recs))
        out.append(Story(
            build_document("big.tsv", src, "uk", "source", first_line=start + 1),
            build_document("big.tsv", tgt, "en", "target", first_line=start + 1),
            mode="aligned", part=part,
        ))
    return out


@pytest.mark.parametrize("jobs", [2, 3])
def test_engine_parallel_equals_serial_across_chunks_and_stories(probes, jobs):
    config = Config(select=("TQA",))
    stories = (
        _chunked_stories(40, 7)
        + [Story(build_document("a.uk", UK, "uk", "source"), build_document("a.en", EN, "en", "target"))]
        + _chunked_stories(9, 4)
    )
    serial = engine.run(iter(stories), config)
    parallel = engine.run(iter(stories), config, jobs=jobs)
    assert len(serial.documents) == 3  # the chunks of one file are merged back into one document
    assert serial.documents[0].pairs == 40
    assert [d.findings for d in parallel.documents] == [d.findings for d in serial.documents]
    assert [f.fingerprint for f in parallel.findings] == [f.fingerprint for f in serial.findings]
    assert render(parallel, "json") == render(serial, "json")
    assert any(f.code == "TQA981" for f in serial.findings)
    lines = [f.target.line for f in serial.documents[0].findings if f.target]
    assert lines == sorted(lines) and max(lines) > 7  # global record numbers, not chunk-local ones


def test_parallel_input_is_consumed_lazily(probes):
    """At most a few stories are read ahead of the results (bounded in-flight work → flat memory)."""
    pulled = []
    chunks = _chunked_stories(60, 3)

    def stream():
        for s in chunks:
            pulled.append(s.part)
            yield s

    results = engine.iter_results(stream(), Config(), jobs=2)
    first = next(results)
    assert first.pairs == 60  # one merged document...
    results.close()
    pulled.clear()
    it = engine._check_parallel(stream(), Config(), [], 2)
    next(it)
    assert len(pulled) <= 2 * 2 + 1
    it.close()


def test_cli_jobs_2_equals_jobs_1(story_dir, probes, capsys, monkeypatch):
    import tqa.io.records as records

    monkeypatch.setattr(records, "CHUNK_RECORDS", 7)
    _tsv(story_dir / "big.tsv", 45)
    for name in "defg":
        write_pair(story_dir / "news", name, en=EN.replace("42", name))
    outputs = {}
    for fmt in ("json", "sarif", "text"):
        for jobs in ("1", "2"):
            code = main(["check", "news", "big.tsv", "--format", fmt, "--jobs", jobs])
            outputs[fmt, jobs] = (code, capsys.readouterr().out)
        assert outputs[fmt, "1"] == outputs[fmt, "2"], fmt
    data = json.loads(outputs["json", "1"][1])
    non_empty = sum(1 for i in range(45) if RECORDS[i % len(RECORDS)][0])
    assert data["documents"][-1]["target"] == "big.tsv"
    assert data["documents"][-1]["pairs"] in (non_empty, 45)  # one merged document (empty records may not count)
    assert len(data["documents"]) == 8
