"""Untranslated-text rules (TQA1xx) on WMT uk→en data, record by record (``--aligned``).

    python benchmarks/untranslated_wmt.py [DATA_DIR] [--set wmt22-uk-en] [--show N] [--engine-only]

For the human reference and every MT output of the set, checks each line against the source line with the TQA1
rules only and prints the findings per file (by code and severity), then the wall time for all files. ``--show N``
prints up to N findings per file for checking by eye. Stories are built here (line N ↔ line N, chunks of 2,000
records as the record reader makes them) so the script does not depend on the reader's state.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

from tqa.config import Config
from tqa.engine import run
from tqa.model import Story
from tqa.text.segment import build_document

CHUNK = 2000

SETS = {
    "wmt22-uk-en": ("generaltest2022.uk-en.src.uk", "generaltest2022.uk-en.ref.A.en", "generaltest2022.uk-en.hyp."),
    "wmt23-uk-en": ("generaltest2023.uk-en.src.uk", "generaltest2023.uk-en.ref.refA.en", "generaltest2023.uk-en.hyp."),
}


def _line_offsets(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def aligned_stories(src_path: Path, tgt_path: Path) -> list[Story]:
    src_lines = src_path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    tgt_lines = tgt_path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    if len(src_lines) != len(tgt_lines):
        raise SystemExit(f"{tgt_path}: {len(tgt_lines)} lines, source has {len(src_lines)}")
    stories = []
    for part, first in enumerate(range(0, len(src_lines), CHUNK)):
        s_text = "\n".join(src_lines[first : first + CHUNK])
        t_text = "\n".join(tgt_lines[first : first + CHUNK])
        source = build_document(str(src_path), s_text, "uk", "source", first_line=first + 1,
                                paragraphs=_line_offsets(s_text))
        target = build_document(str(tgt_path), t_text, "en", "target", first_line=first + 1,
                                paragraphs=_line_offsets(t_text))
        stories.append(Story(source, target, mode="aligned", part=part))
    return stories


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default="../shared/data")
    ap.add_argument("--set", default="wmt22-uk-en", choices=sorted(SETS))
    ap.add_argument("--show", type=int, default=0, help="print up to N findings per file")
    args = ap.parse_args(argv)

    data = Path(args.data)
    if not data.exists():
        alt = Path(__file__).resolve().parents[1] / args.data
        data = alt if alt.exists() else data
    root = data / args.set
    src_name, ref_name, hyp_prefix = SETS[args.set]
    src = root / src_name
    targets = [root / ref_name] + sorted((root / "system-outputs").glob(hyp_prefix + "*"))
    config = Config(select=("TQA1",))

    total_build = total_check = 0.0
    grand: collections.Counter[str] = collections.Counter()
    for tgt in targets:
        t0 = time.perf_counter()
        stories = aligned_stories(src, tgt)
        t1 = time.perf_counter()
        report = run(stories, config)
        t2 = time.perf_counter()
        total_build += t1 - t0
        total_check += t2 - t1
        findings = list(report.findings)
        counts = collections.Counter(f"{f.code}/{f.severity.value}" for f in findings)
        grand.update(counts)
        label = "REFERENCE " + tgt.name if tgt.name == ref_name else tgt.name.removeprefix(hyp_prefix)
        print(f"{label:<40} {len(findings):4d} findings  " + "  ".join(f"{k}:{v}" for k, v in sorted(counts.items())))
        for f in findings[: args.show]:
            where = f"{f.target.line}:{f.target.column}" if f.target else "-"
            print(f"    {where:>9} {f.code} {f.severity.value:<7} {f.message}")
    print(f"all files: {sum(grand.values())} findings  " + "  ".join(f"{k}:{v}" for k, v in sorted(grand.items())))
    print(
        f"wall time for {len(targets)} files: {total_build + total_check:.2f} s "
        f"(segmentation {total_build:.2f} s, TQA1 checks incl. alignment {total_check:.2f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
