"""Aligner speed on real data (segmentation is timed separately: it is not the aligner's).

1. WMT22 uk→en in aligned mode: the 2,018 source segments against the reference and the 10 system outputs
   (22,198 record pairs; paragraph i ↔ i, then sentences inside each record);
2. WMT23 news documents in document mode: source vs reference and every system (26 stories × 12 targets);
3. one long story in document mode: all WMT23 news paragraphs concatenated (≈ 500 paragraphs a side), with every
   20th target paragraph dropped, to show the banded DP (cells visited vs the full matrix).

    python benchmarks/align_speed.py [DATA_DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tqa.align import align_story  # noqa: E402
from tqa.align.anchors import features  # noqa: E402
from tqa.align.story import align_paragraphs, residue_kinds  # noqa: E402
from tqa.model import Story  # noqa: E402
from tqa.text.segment import build_document  # noqa: E402


def records_story(src: list[str], tgt: list[str], mode: str) -> Story:
    def doc(lines: list[str], lang: str, role: str):
        text = "\n".join(lines) + "\n"
        offsets, pos = [], 0
        for line in lines:
            offsets.append((pos, pos + len(line)))
            pos += len(line) + 1
        return build_document(role, text, lang, role, paragraphs=offsets)

    return Story(doc(src, "uk", "source"), doc(tgt, "en", "target"), mode=mode)


def wmt22_aligned(data: Path) -> None:
    rows = [json.loads(line) for line in (data / "wmt22-uk-en" / "uk-en.segments.jsonl").open(encoding="utf-8")]
    src = [r["src"].replace("\n", " ") for r in rows]
    systems = sorted({s for r in rows for s in r["hyps"]})
    targets = {"ref": [r["refs"]["A"].replace("\n", " ") for r in rows]}
    for s in systems:
        targets[s] = [(r["hyps"].get(s) or "").replace("\n", " ") for r in rows]
    t0 = time.perf_counter()
    stories = [records_story(src, tgt, "aligned") for tgt in targets.values()]
    t1 = time.perf_counter()
    pairs = 0
    for st in stories:
        pairs += len(align_story(st).pairs)
    t2 = time.perf_counter()
    features.cache_clear()
    print(f"WMT22 aligned mode: {pairs} record pairs ({len(targets)} targets): segmentation {t1 - t0:.2f} s, "
          f"alignment {t2 - t1:.2f} s ({(t2 - t1) / pairs * 1e6:.0f} µs/pair)")


def wmt23_documents(data: Path) -> list[tuple[list[str], dict[str, list[str]]]]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from align_wmt23 import load_news

    docs = load_news(data / "wmt23-uk-en" / "wmttest2023.uk-en.all.xml")
    return [(src, targets) for _id, src, targets in docs]


def wmt23_document_mode(docs) -> None:
    stories = []
    t0 = time.perf_counter()
    for src, targets in docs:
        for tgt in targets.values():
            stories.append(records_story([s for s in src if s], [t for t in tgt if t], "document"))
    t1 = time.perf_counter()
    n_pairs = 0
    for st in stories:
        n_pairs += len(align_story(st).pairs)
    t2 = time.perf_counter()
    print(f"WMT23 news, document mode: {len(stories)} stories, {n_pairs} pairs: segmentation {t1 - t0:.2f} s, "
          f"alignment {t2 - t1:.2f} s ({(t2 - t1) / len(stories) * 1e3:.1f} ms/story)")


def long_story(docs) -> None:
    src = [s for d, _ in docs for s in d if s]
    tgt_all = [t for d, targets in docs for t in targets["ref"] if t]
    tgt = [t for i, t in enumerate(tgt_all) if i % 20 != 7]
    st = records_story(src, tgt, "document")
    t0 = time.perf_counter()
    aligned = align_story(st)
    t1 = time.perf_counter()
    sk, tk = residue_kinds(st.source.paragraphs, st.target.paragraphs)
    result = align_paragraphs(
        st.source.paragraphs, st.target.paragraphs, src_residue=[k is not None for k in sk],
        tgt_residue=[k is not None for k in tk],
    )
    full = (len(src) + 1) * (len(tgt) + 1)
    print(f"long story: {len(src)} × {len(tgt)} paragraphs, {len(aligned.pairs)} pairs in {t1 - t0:.2f} s; "
          f"DP cells {result.cells} of {full} ({result.cells / full:.1%}), band ±{result.width}, "
          f"{result.passes} pass(es)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=str(Path(__file__).resolve().parent.parent.parent / "shared" / "data"))
    args = ap.parse_args()
    data = Path(args.data)
    wmt22_aligned(data)
    docs = wmt23_documents(data)
    wmt23_document_mode(docs)
    long_story(docs)


if __name__ == "__main__":
    main()
