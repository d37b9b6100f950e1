"""How often the document-mode aligner recovers the paragraph correspondence on real copy.

Stories are built from the news-domain documents of WMT23 uk→en (`wmttest2023.uk-en.all.xml`): the source
paragraphs (one per line) against the reference's (or a system's) paragraphs, whose true alignment is 1-1. Besides
the plain stories, perturbed copies test the other bead types on the same text: one target paragraph dropped
(expect 1-0), a made-up English paragraph added (0-1), two target paragraphs merged (2-1), one multi-sentence target
paragraph split in two (1-2). Perturbations are drawn with a fixed seed.

    python benchmarks/align_wmt23.py [DATA_DIR] [--systems] [--stats]

``--systems`` also aligns every MT system's output; ``--stats`` prints the length-ratio statistics of WMT22
(src vs ref A) that the cost model uses.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tqa.align import align_story  # noqa: E402
from tqa.model import Story  # noqa: E402
from tqa.text.segment import build_document, split_sentences  # noqa: E402

ADDED = [
    "Meanwhile, the regional administration said that repair crews would continue working through the weekend.",
    "The ministry has not yet commented on the information, the agency added.",
    "According to preliminary data, at least 14 people were injured, including three children.",
]


def load_news(path: Path) -> list[tuple[str, list[str], dict[str, list[str]]]]:
    root = ET.parse(path).getroot()
    docs = []
    for doc in root.iter("doc"):
        if doc.get("domain") != "news":
            continue
        src = [(s.text or "").strip() for s in doc.find("src").iter("seg")]
        targets = {}
        ref = doc.find("ref")
        if ref is not None:
            targets["ref"] = [(s.text or "").strip() for s in ref.iter("seg")]
        for hyp in doc.findall("hyp"):
            targets[hyp.get("system")] = [(s.text or "").strip() for s in hyp.iter("seg")]
        docs.append((doc.get("id"), src, targets))
    return docs


def story(src: list[str], tgt: list[str]) -> Story:
    return Story(
        build_document("src", "\n".join(src) + "\n", "uk", "source"),
        build_document("tgt", "\n".join(tgt) + "\n", "en", "target"),
    )


def pairs_of(src: list[str], tgt: list[str]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    aligned = align_story(story(src, tgt))
    return {(tuple(s.paragraph for s in p.source), tuple(t.paragraph for t in p.target)) for p in aligned.pairs}


def gold_identity(n: int) -> set:
    return {((i,), (i,)) for i in range(n)}


def residue_free(gold: set, src: list[str], tgt: list[str]) -> set:
    """Gold beads without page residue: a residue paragraph must come out unaligned even when both sides have it
    (`Read also: …` / `Читайте також: …`), so those beads are scored separately."""
    from tqa.text.residue import classify_residue

    return {
        (s, t)
        for s, t in gold
        if not any(classify_residue(src[i]) for i in s) and not any(classify_residue(tgt[j]) for j in t)
    }


def group(src: list[str], tgt: list[str], rng: random.Random) -> tuple[list[str], list[str]]:
    """Join runs of 1–3 consecutive segments into one paragraph on both sides (agency paragraphs hold 1–3
    sentences; WMT23's news segments are mostly single sentences)."""
    gs, gt = [], []
    i = 0
    while i < len(src):
        k = rng.choice((1, 2, 2, 3))
        gs.append(" ".join(src[i : i + k]))
        gt.append(" ".join(tgt[i : i + k]))
        i += k
    return gs, gt


def keep_nonempty(src: list[str], tgt: list[str]) -> tuple[list[str], list[str]]:
    both = [(s, t) for s, t in zip(src, tgt) if s.strip() and t.strip()]
    return [s for s, _ in both], [t for _, t in both]


def perturb(kind: str, src: list[str], tgt: list[str], rng: random.Random):
    """Returns (src, tgt, gold pairs) or None if this story cannot take the perturbation."""
    n = len(src)
    if kind == "drop":
        k = rng.randrange(n)
        gold = {((i,), (i if i < k else i - 1,)) for i in range(n) if i != k} | {((k,), ())}
        return src, tgt[:k] + tgt[k + 1 :], gold
    if kind == "add":
        k = rng.randrange(1, n)
        extra = ADDED[rng.randrange(len(ADDED))]
        gold = {((i,), (i if i < k else i + 1,)) for i in range(n)} | {((), (k,))}
        return src, tgt[:k] + [extra] + tgt[k:], gold
    if kind == "merge":
        cands = [k for k in range(n - 1) if len(src[k]) > 40 and len(src[k + 1]) > 40]
        if not cands:
            return None
        k = rng.choice(cands)
        new = tgt[:k] + [tgt[k] + " " + tgt[k + 1]] + tgt[k + 2 :]
        gold = {((i,), (i if i < k else i - 1,)) for i in range(n) if i not in (k, k + 1)} | {((k, k + 1), (k,))}
        return src, new, gold
    if kind == "split":
        cands = [k for k in range(n) if len(split_sentences(tgt[k], "en")) >= 2]
        if not cands:
            return None
        k = rng.choice(cands)
        sents = split_sentences(tgt[k], "en")
        cut = sents[len(sents) // 2][0]
        new = tgt[:k] + [tgt[k][:cut].strip(), tgt[k][cut:].strip()] + tgt[k + 1 :]
        gold = {((i,), (i if i < k else i + 1,)) for i in range(n) if i != k} | {((k,), (k, k + 1))}
        return src, new, gold
    raise ValueError(kind)


def evaluate(docs, systems: list[str], grouped: bool, seed: int = 13) -> None:
    rng = random.Random(seed)
    title = "paragraphs = segments joined in runs of 1-3" if grouped else "paragraphs = WMT23 segments"
    print(f"-- {title}; residue beads excluded from the gold (they must come out unaligned)")
    print(f"{'target':<22}{'variant':<8}{'stories':>8}{'gold beads':>11}{'recovered':>10}{'exact stories':>15}"
          f"{'residue unpaired':>18}")
    for system in systems:
        for variant in ("plain", "drop", "add", "merge", "split"):
            total = hit = stories = exact = res_total = res_ok = 0
            for _doc_id, src_all, targets in docs:
                if system not in targets:
                    continue
                src, tgt = keep_nonempty(src_all, targets[system])
                if grouped:
                    src, tgt = group(src, tgt, random.Random(f"{seed}:{_doc_id}"))
                if len(src) < 3:
                    continue
                if variant == "plain":
                    s2, t2, gold = src, tgt, gold_identity(len(src))
                else:
                    got = perturb(variant, src, tgt, rng)
                    if got is None:
                        continue
                    s2, t2, gold = got
                aligned = align_story(story(s2, t2))
                found = {
                    (tuple(x.paragraph for x in p.source), tuple(y.paragraph for y in p.target)) for p in aligned.pairs
                }
                clean = residue_free(gold, s2, t2)
                for p in aligned.pairs:
                    if p.residue is not None:
                        res_total += 1
                        res_ok += p.kind in ("1-0", "0-1")
                stories += 1
                total += len(clean)
                hit += len(clean & found)
                exact += clean <= found
            if stories:
                print(f"{system:<22}{variant:<8}{stories:>8}{total:>11}{hit / total:>10.1%}{exact:>9}/{stories:<5}"
                      f"{res_ok:>12}/{res_total}")


def wmt22_stats(data: Path) -> None:
    src = (data / "wmt22-uk-en" / "generaltest2022.uk-en.src.uk").read_text(encoding="utf-8").split("\n")
    ref = (data / "wmt22-uk-en" / "generaltest2022.uk-en.ref.A.en").read_text(encoding="utf-8").split("\n")
    pairs = [(len(s.strip()), len(r.strip())) for s, r in zip(src, ref) if s.strip() and r.strip()]
    c = sum(b for _, b in pairs) / sum(a for a, _ in pairs)
    z = [(b - c * a) / math.sqrt(a) for a, b in pairs]
    ratios = [b / a for a, b in pairs]
    print(f"WMT22 src/ref: {len(pairs)} segments, c = Σen/Σuk = {c:.3f}, mean ratio {statistics.mean(ratios):.3f}, "
          f"median {statistics.median(ratios):.3f}, s² = {statistics.pvariance(z):.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=str(Path(__file__).resolve().parent.parent.parent / "shared" / "data"))
    ap.add_argument("--systems", action="store_true", help="also align every MT system's output")
    ap.add_argument("--stats", action="store_true", help="print WMT22 length statistics")
    args = ap.parse_args()
    data = Path(args.data)
    if args.stats:
        wmt22_stats(data)
    docs = load_news(data / "wmt23-uk-en" / "wmttest2023.uk-en.all.xml")
    systems = ["ref"]
    if args.systems:
        systems += sorted({s for _, _, t in docs for s in t if s != "ref"})
    t0 = time.perf_counter()
    evaluate(docs, systems, grouped=False)
    evaluate(docs, systems, grouped=True)
    print(f"({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
