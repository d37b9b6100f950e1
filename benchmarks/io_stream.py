"""Streaming readers: speed and memory on a large aligned pair built from WMT22 (or any line-aligned pair).

    python benchmarks/io_stream.py [DATA] [--lines 1000000] [--format aligned|tsv|jsonl] [--keep DIR]

DATA is the shared data folder (default ../shared/data); the WMT22 uk→en source and reference lines are repeated
until --lines records, written to a temporary folder (deleted afterwards unless --keep), then read back with
`tqa.io.read_inputs` (decoding, record parsing, paragraph and sentence segmentation; no checks). Prints the time,
records per second, and the resident memory after each tenth of the file: flat memory means streaming works.
Note: the lines repeat every 2,018 records, so tokenize-uk's sentence splits are served from the segmenter's
cache after the first round; the figure measures reading and segment building, not sentence splitting.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:  # not Linux: peak instead
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def build(data: Path, out: Path, lines: int, fmt: str) -> list[str]:
    wmt = data / "wmt22-uk-en"
    src = (wmt / "generaltest2022.uk-en.src.uk").read_text(encoding="utf-8").splitlines()
    ref = (wmt / "generaltest2022.uk-en.ref.A.en").read_text(encoding="utf-8").splitlines()
    pairs = [(s.replace("\t", " "), r.replace("\t", " ")) for s, r in zip(src, ref)]
    n = len(pairs)
    if fmt == "aligned":
        a, b = out / "big.uk", out / "big.en"
        with open(a, "w", encoding="utf-8") as fa, open(b, "w", encoding="utf-8") as fb:
            for i in range(lines):
                s, r = pairs[i % n]
                fa.write(s + "\n")
                fb.write(r + "\n")
        return [str(a), str(b)]
    path = out / f"big.{fmt}"
    with open(path, "w", encoding="utf-8") as fh:
        if fmt == "tsv":
            fh.write("source\ttarget\n")
        for i in range(lines):
            s, r = pairs[i % n]
            if fmt == "tsv":
                fh.write(f"{s}\t{r}\n")
            else:
                fh.write(json.dumps({"source": s, "target": r}, ensure_ascii=False) + "\n")
    return [str(path)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default="../shared/data")
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument("--format", choices=("aligned", "tsv", "jsonl"), default="aligned")
    ap.add_argument("--keep", help="write the big files here and keep them")
    args = ap.parse_args()

    from tqa.io import read_inputs

    data = Path(args.data)
    out = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="tqa-io-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        paths = build(data, out, args.lines, args.format)
        size = sum(os.path.getsize(p) for p in paths)
        print(f"built {args.lines:,} {args.format} records ({size / 1e6:.0f} MB) in {time.perf_counter() - t0:.1f} s")
        base = rss_mb()
        print(f"resident memory before reading: {base:.0f} MB")
        t0 = time.perf_counter()
        records = chunks = 0
        step = max(args.lines // 10, 1)
        mark = step
        peak = base
        for story in read_inputs(paths, aligned=args.format == "aligned"):
            chunks += 1
            records += len(story.source.paragraphs)
            if records >= mark:
                now = rss_mb()
                peak = max(peak, now)
                print(f"  {records:>10,} records  {time.perf_counter() - t0:7.1f} s  resident {now:6.0f} MB")
                mark += step
        dt = time.perf_counter() - t0
        print(f"read {records:,} non-empty records in {chunks:,} chunks: {dt:.1f} s "
              f"({records / dt:,.0f} records/s); resident memory peak {peak:.0f} MB "
              f"(+{peak - base:.0f} MB over the start, file {size / 1e6:.0f} MB)")
    finally:
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
