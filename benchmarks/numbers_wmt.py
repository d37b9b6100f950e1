"""Numeric-drift findings on the WMT uk→en test sets, read as ``--aligned`` line files (line N ↔ line N).

For the human reference and every MT system: findings per rule of the numeric-drift family (TQA3xx) and of the
number-format typography rules (TQA720–739). ``--show`` prints the reference's findings with their source and
target lines, for checking by eye.

    python benchmarks/numbers_wmt.py [DATA] [--sets wmt22-uk-en,wmt23-uk-en] [--show] [--no-systems]

DATA defaults to ../shared/data (the folder is never copied into the project).
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tqa.config import Config  # noqa: E402
from tqa.engine import run  # noqa: E402
from tqa.model import Story  # noqa: E402
from tqa.text.segment import build_document  # noqa: E402

SETS = {
    "wmt22-uk-en": ("generaltest2022.uk-en.src.uk", "generaltest2022.uk-en.ref.A.en"),
    "wmt23-uk-en": ("generaltest2023.uk-en.src.uk", "generaltest2023.uk-en.ref.refA.en"),
}
SELECT = ("TQA3", "TQA72", "TQA73")


def _lines_doc(path: str, lines: list[str], lang: str, role: str):
    """One document per file: each line one paragraph (empty lines stay empty paragraphs)."""
    text = "\n".join(lines)
    offsets = []
    pos = 0
    for line in lines:
        offsets.append((pos, pos + len(line)))
        pos += len(line) + 1
    return build_document(path, text, lang, role, paragraphs=offsets)


def aligned_stories(src: Path, tgt: Path) -> list[Story]:
    """Aligned stories, through the project's ``--aligned`` reader when it is available."""
    try:
        from tqa.io import read_inputs

        return list(read_inputs([str(src), str(tgt)], aligned=True))
    except Exception as exc:  # the reader is someone else's work in progress: fall back to a plain build
        print(f"(aligned reader unavailable: {exc}; building stories directly)", file=sys.stderr)
    s_lines = src.read_text(encoding="utf-8").split("\n")
    t_lines = tgt.read_text(encoding="utf-8").split("\n")
    n = min(len(s_lines), len(t_lines))
    return [
        Story(
            _lines_doc(str(src), s_lines[:n], "uk", "source"),
            _lines_doc(str(tgt), t_lines[:n], "en", "target"),
            mode="aligned",
        )
    ]


def check(src: Path, tgt: Path) -> tuple[collections.Counter, list, float, int]:
    stories = aligned_stories(src, tgt)
    t0 = time.perf_counter()
    report = run(stories, Config(select=SELECT))
    elapsed = time.perf_counter() - t0
    counts = collections.Counter(f.code for f in report.findings)
    pairs = sum(d.pairs for d in report.documents)
    return counts, list(report.findings), elapsed, pairs


def _fmt(counts: collections.Counter) -> str:
    drift = sum(v for k, v in counts.items() if k.startswith("TQA3"))
    typo = sum(v for k, v in counts.items() if k.startswith("TQA7"))
    detail = " ".join(f"{k}:{v}" for k, v in sorted(counts.items()))
    return f"numeric-drift {drift:4d}  typography {typo:4d}   {detail}"


def _show(findings, src_lines: list[str], tgt_lines: list[str]) -> None:
    for f in findings:
        line = f.target.line if f.target else (f.source.line if f.source else 0)
        print(f"    {f.code} line {line}: {f.message}")
        if 0 < line <= len(src_lines):
            print(f"       S: {src_lines[line - 1][:300]}")
            print(f"       T: {tgt_lines[line - 1][:300]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--show", action="store_true", help="print the reference's findings with their lines")
    ap.add_argument("--show-system", action="append", default=[], metavar="NAME",
                    help="also print this MT system's findings (repeatable)")
    ap.add_argument("--no-systems", action="store_true")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not data.is_dir():
        print(f"no data folder at {data}", file=sys.stderr)
        return 2
    for name in args.sets.split(","):
        folder = data / name
        src_name, ref_name = SETS[name]
        src = folder / src_name
        src_lines = src.read_text(encoding="utf-8").split("\n")
        print(f"== {name} ({len([x for x in src_lines if x.strip()])} segments)")
        counts, findings, elapsed, pairs = check(src, folder / ref_name)
        print(f"  {'human reference':28s} {_fmt(counts)}   [{pairs / elapsed:,.0f} pairs/s]")
        if args.show:
            _show(findings, src_lines, (folder / ref_name).read_text(encoding="utf-8").split("\n"))
        if args.no_systems:
            continue
        for hyp in sorted((folder / "system-outputs").glob("*.en")):
            system = hyp.name.split(".hyp.")[-1].removesuffix(".en")
            counts, findings, elapsed, pairs = check(src, hyp)
            print(f"  {system:28s} {_fmt(counts)}")
            if system in args.show_system:
                _show(findings, src_lines, hyp.read_text(encoding="utf-8").split("\n"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
