"""Memory: `tqa check` on large streamed record inputs stays flat (goal: 1,000,000 pairs in under 500 MB).

    python benchmarks/memory_stream.py [DATA] [--pairs 100000 1000000] [--kind tsv|jsonl|aligned] [--jobs 1]

Writes a record file of N pairs in a temporary folder — the WMT22 uk-en source lines and reference lines from
DATA (default ../shared/data) repeated, or, without DATA, sentences written for this script — runs
``tqa check --format json -o …`` on it in a child process and prints the child's peak resident memory (ru_maxrss)
and throughput for each N. Flat memory means the peak does not grow with N. Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Used when the data folder is absent: short agency-style pairs written for this benchmark.
OWN_PAIRS = [
    ("У Києві без світла залишаються 5 350 абонентів.", "In Kyiv, 5,350 customers remain without power."),
    ("Сили ППО знешкодили 42 з 50 ударних дронів, повідомили у Повітряних силах.",
     "Air defense forces neutralized 42 of 50 attack drones, the Air Force reported."),
    ("«Робота триває», – зазначив речник.", '"The work continues," the spokesman noted.'),
    ("Укренерго закликає споживачів економно використовувати електроенергію.",
     "Ukrenergo urges consumers to use electricity sparingly."),
    ("Курс долара на міжбанку – 41,2 грн.", "The interbank dollar rate is UAH 41.2."),
    ("Про це повідомляє УНН з посиланням на Міноборони.", "This was reported by UNN, citing the Ministry of Defense."),
]


def base_pairs(data: Path) -> list[tuple[str, str]]:
    folder = data / "wmt22-uk-en"
    src, ref = folder / "generaltest2022.uk-en.src.uk", folder / "generaltest2022.uk-en.ref.A.en"
    if src.is_file() and ref.is_file():
        s = src.read_text(encoding="utf-8").rstrip("\n").split("\n")
        t = ref.read_text(encoding="utf-8").rstrip("\n").split("\n")
        return [(a.replace("\t", " "), b.replace("\t", " ")) for a, b in zip(s, t) if a.strip() and b.strip()]
    return OWN_PAIRS


def write_input(kind: str, pairs: list[tuple[str, str]], n: int, folder: Path) -> list[str]:
    if kind == "tsv":
        path = folder / "big.tsv"
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("source\ttarget\n")
            for i in range(n):
                a, b = pairs[i % len(pairs)]
                fh.write(f"{a}\t{b}\n")
        return [str(path)]
    if kind == "jsonl":
        path = folder / "big.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for i in range(n):
                a, b = pairs[i % len(pairs)]
                fh.write(json.dumps({"source": a, "target": b}, ensure_ascii=False) + "\n")
        return [str(path)]
    src, tgt = folder / "big.uk", folder / "big.en"
    with open(src, "w", encoding="utf-8") as fs, open(tgt, "w", encoding="utf-8") as ft:
        for i in range(n):
            a, b = pairs[i % len(pairs)]
            fs.write(a + "\n")
            ft.write(b + "\n")
    return ["--aligned", str(src), str(tgt)]


def measure(args: list[str], jobs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="tqa-mem-") as tmp:
        out = Path(tmp) / "report.json"
        cmd = [sys.executable, "-m", "tqa", "check", "--isolated", "--no-progress", "--jobs", str(jobs),
               "--format", "json", "--output", str(out), *args]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if proc.returncode not in (0, 1):
            sys.exit(f"tqa failed ({proc.returncode}): {proc.stderr[-800:]}")
        rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child so far (Linux: KiB)
        data = json.loads(out.read_text(encoding="utf-8"))
    return {"wall": wall, "peak_mb": rss_kb / 1024, "pairs": sum(d["pairs"] for d in data["documents"]),
            "findings": data["summary"]["findings"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--pairs", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--kind", choices=("tsv", "jsonl", "aligned"), default="tsv")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    pairs = base_pairs(Path(args.data))
    print(f"{len(pairs):,} distinct pairs repeated; input kind {args.kind}; --jobs {args.jobs}")
    # ru_maxrss of RUSAGE_CHILDREN is a running maximum: measure the sizes from small to large
    for n in sorted(args.pairs):
        with tempfile.TemporaryDirectory(prefix="tqa-mem-in-") as tmp:
            cli_args = write_input(args.kind, pairs, n, Path(tmp))
            size = sum(os.path.getsize(a) for a in cli_args if os.path.isfile(a))
            r = measure(cli_args, args.jobs)
        print(f"{n:>10,} pairs ({size / 1e6:,.0f} MB input): peak RSS {r['peak_mb']:,.0f} MB, {r['wall']:.1f} s, "
              f"{r['pairs'] / r['wall']:,.0f} pairs/s, {r['findings']:,} findings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
