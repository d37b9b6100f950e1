"""Attribution / quotation / calque findings on WMT23 uk→en (human reference and MT outputs).

    python benchmarks/attribution_wmt.py [DATA_DIR] [--show N] [--systems] [--corpus wmt22-uk-en]

DATA_DIR defaults to ../shared/data (the folder with wmt23-uk-en/). Two runs, as the tool would see them:

* document mode: each news-domain document's source and reference joined one segment per line;
* aligned mode: every document (all domains) with segment N ↔ segment N (`--aligned`).

Prints the number of findings per rule on the human reference (per 1,000 segments) and lists them for checking by
eye; with --systems also counts them on each MT system's output.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tqa.config import Config  # noqa: E402
from tqa.engine import check_story  # noqa: E402
from tqa.model import Story  # noqa: E402
from tqa.text.segment import build_document  # noqa: E402

PREFIXES = ("TQA2", "TQA6", "TQA70", "TQA71")


def _lines_doc(path: str, lines: list[str], lang: str, role: str):
    text = "\n".join(lines)
    offsets, pos = [], 0
    for line in lines:
        offsets.append((pos, pos + len(line)))
        pos += len(line) + 1
    return build_document(path, text, lang, role, paragraphs=offsets)


def load(data: Path, corpus: str = "wmt23-uk-en") -> dict[str, dict]:
    docs: dict[str, dict] = {}
    with open(data / corpus / "uk-en.segments.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            domain = row.get("domain") or "unknown"
            d = docs.setdefault(row["doc_id"], {"domain": domain, "src": [], "ref": [], "hyps": defaultdict(list)})
            d["src"].append(row["src"])
            d["ref"].append(next(iter(row["refs"].values())))
            for sys_name, hyp in row["hyps"].items():
                d["hyps"][sys_name].append(hyp)
    return docs


def run(docs: dict[str, dict], which: str, mode: str, config: Config) -> tuple[list, int]:
    findings = []
    segments = 0
    for doc_id, d in docs.items():
        if mode == "document" and d["domain"] != "news":
            continue
        tgt_lines = d["ref"] if which == "ref" else d["hyps"].get(which)
        if not tgt_lines or len(tgt_lines) != len(d["src"]):
            continue
        segments += len(d["src"])
        if mode == "document":
            story = Story(
                build_document(f"{doc_id}.uk", "\n".join(d["src"]), "uk", "source"),
                build_document(f"{doc_id}.en", "\n".join(tgt_lines), "en", "target"),
                mode="document",
            )
        else:
            story = Story(
                _lines_doc(f"{doc_id}.uk", d["src"], "uk", "source"),
                _lines_doc(f"{doc_id}.en", tgt_lines, "en", "target"),
                mode="aligned",
            )
        result = check_story(story, config)
        for f in result.findings:
            findings.append((doc_id, d["domain"], f))
    return findings, segments


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--show", type=int, default=1000, help="list at most N reference findings per mode")
    ap.add_argument("--systems", action="store_true", help="also count findings on every MT system")
    ap.add_argument("--corpus", default="wmt23-uk-en", help="wmt23-uk-en (default) or wmt22-uk-en (aligned only)")
    args = ap.parse_args()
    data = Path(args.data)
    if not (data / args.corpus).is_dir():
        print(f"no {args.corpus} under {data}", file=sys.stderr)
        return 2
    docs = load(data, args.corpus)
    config = Config(select=PREFIXES)
    modes = ("document", "aligned") if args.corpus == "wmt23-uk-en" else ("aligned",)
    for mode in modes:
        t0 = time.perf_counter()
        findings, segments = run(docs, "ref", mode, config)
        dt = time.perf_counter() - t0
        counts = Counter(f.code for _, _, f in findings)
        print(f"== reference, {mode} mode: {segments} segments, {len(findings)} findings "
              f"({1000 * len(findings) / max(segments, 1):.1f} per 1,000 segments), {dt:.1f}s")
        for code, n in sorted(counts.items()):
            print(f"   {code}: {n}")
        for doc_id, domain, f in findings[: args.show]:
            where = f"{doc_id}:{f.target.line}" if f.target else doc_id
            print(f"   [{f.code}] {domain} {where}: {f.message}")
            if f.target:
                print(f"        target: {f.target.text[:160]!r}")
        if args.systems:
            systems = sorted({s for d in docs.values() for s in d["hyps"]})
            for s in systems:
                sf, segs = run(docs, s, mode, config)
                c = Counter(f.code for _, _, f in sf)
                print(f"   {s:16} {segs:5} segs  " + " ".join(f"{k}:{v}" for k, v in sorted(c.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
