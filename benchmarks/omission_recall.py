"""Recall and false alarms of the omission/addition rules (TQA5xx) on perturbed WMT uk→en human references.

    python benchmarks/omission_recall.py [DATA] [--show N] [--seed S]

Stories are the WMT23 news-domain documents (source against the human reference, document mode), with paragraphs
built two ways: one WMT segment per paragraph, and runs of 1–3 segments joined into one paragraph on both sides (agency
paragraphs hold 1–3 sentences). Page-residue paragraphs and sentences (``Read also: …``) are never perturbed.

* **drop** — on every English paragraph of 2–3 sentences (and ≥ 120 characters), one sentence of ≥ 30 characters
  removed (each such sentence in turn): a hit is TQA502 (omitted sentence) or TQA504 (short translation) located on
  that paragraph; TQA501 on its source paragraph is counted apart ("as 501": right problem, wrong extent);
* **add** — on every English paragraph of ≥ 80 characters, one sentence appended (drawn from a pool of agency-style
  sentences written for this benchmark, with and without names and figures): a hit is TQA506 (added sentence) or
  TQA505 (long translation) on that paragraph.

A perturbed story has a *false alarm* when a TQA5xx finding appears elsewhere that the unperturbed story does not
have; `TQA301 dup` counts TQA301 (number missing) findings for numbers of the dropped sentence (they duplicate
TQA502). Before the perturbations, the unperturbed references are checked in document mode (WMT23 news and all WMT22
documents, one segment per paragraph) and aligned mode (all segments of both sets): every TQA5xx finding there is a
false alarm and is printed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tqa.config import Config  # noqa: E402
from tqa.engine import check_story  # noqa: E402
from tqa.model import Story  # noqa: E402
from tqa.text.residue import classify_residue  # noqa: E402
from tqa.text.segment import build_document, split_sentences  # noqa: E402

OMISSION = ("TQA502", "TQA504")
ADDITION = ("TQA506", "TQA505")

# Appended sentences, written for this benchmark in the style of agency copy.
ADDED = [
    "The statement did not specify when the decision would take effect.",
    "Officials declined to comment on the matter further.",
    "The ministry said that more details would be published later this week.",
    "Earlier, the regional administration reported that 14 settlements remained without electricity.",
    "According to Reuters, the talks are expected to resume in Geneva next month.",
    "The total cost of the programme is estimated at $2.3 billion.",
    "Meanwhile, repair crews continued to work through the night.",
    "Analysts at Goldman Sachs said the measure would hardly affect inflation.",
    "This is the third such incident since the beginning of the year.",
    "The mayor of Lviv, Andriy Sadovyi, called the decision long overdue.",
]


def load_wmt23(data: Path) -> list[tuple[str, list[str], list[str]]]:
    root = ET.parse(data / "wmt23-uk-en" / "wmttest2023.uk-en.all.xml").getroot()
    docs = []
    for doc in root.iter("doc"):
        if doc.get("domain") != "news":
            continue
        ref = doc.find("ref")
        if ref is None:
            continue
        src = [(s.text or "").strip() for s in doc.find("src").iter("seg")]
        tgt = [(s.text or "").strip() for s in ref.iter("seg")]
        both = [(s, t) for s, t in zip(src, tgt) if s and t]
        docs.append((doc.get("id"), [s for s, _ in both], [t for _, t in both]))
    return docs


def load_wmt22(data: Path) -> list[tuple[str, list[str], list[str]]]:
    by_doc: dict[str, tuple[list[str], list[str]]] = {}
    with open(data / "wmt22-uk-en" / "uk-en.segments.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            s, t = row["src"].strip(), row["refs"]["A"].strip()
            if s and t:
                src, tgt = by_doc.setdefault(row["doc_id"], ([], []))
                src.append(s)
                tgt.append(t)
    return [(d, s, t) for d, (s, t) in by_doc.items()]


def group(src: list[str], tgt: list[str], rng: random.Random) -> tuple[list[str], list[str]]:
    gs, gt = [], []
    i = 0
    while i < len(src):
        k = rng.choice((1, 2, 2, 3))
        gs.append(" ".join(src[i : i + k]))
        gt.append(" ".join(tgt[i : i + k]))
        i += k
    return gs, gt


def story(src: list[str], tgt: list[str], mode: str = "document", name: str = "doc") -> Story:
    sep = "\n\n" if mode == "document" else "\n"
    return Story(
        build_document(f"{name}.uk", sep.join(src), "uk", "source"),
        build_document(f"{name}.en", sep.join(tgt), "en", "target"),
        mode=mode,
    )


CONFIG = Config(select=("TQA5", "TQA301", "TQA9"))
INTERNAL: Counter = Counter()  # TQA9xx: a rule crashed (reported at the end: the figures are then meaningless)


def findings(src: list[str], tgt: list[str], mode: str = "document", name: str = "doc"):
    out = check_story(story(src, tgt, mode, name), CONFIG).findings
    for f in out:
        if f.code.startswith("TQA9"):
            INTERNAL[f.message[:120]] += 1
    return out




def _key(f) -> tuple:
    t, s = f.target, f.source
    return (f.code, t.line if t else None, s.line if s else None)


def references(data: Path, show: int) -> None:
    print("== false alarms on the unperturbed references (TQA5xx) ==")
    for name, docs in (("wmt23 news", load_wmt23(data)), ("wmt22 all", load_wmt22(data))):
        fs = [(d, f) for d, s, t in docs for f in findings(s, t, name=d) if f.code.startswith("TQA5")]
        segs = sum(len(s) for _d, s, _t in docs)
        by = Counter(f.code for _d, f in fs)
        print(f"{name:>11}, document mode: {len(docs)} docs, {segs} segments: "
              + (", ".join(f"{c} {n}" for c, n in sorted(by.items())) or "no findings"))
        for d, f in fs[:show]:
            print(f"    {d}:{f.target.line if f.target else '-'} {f.code} {f.message[:110]}")
    for name, src_name, ref_name in (
        ("wmt22", "generaltest2022.uk-en.src.uk", "generaltest2022.uk-en.ref.A.en"),
        ("wmt23", "generaltest2023.uk-en.src.uk", "generaltest2023.uk-en.ref.refA.en"),
    ):
        base = data / f"{name}-uk-en"
        src = (base / src_name).read_text(encoding="utf-8").rstrip("\n").split("\n")
        ref = (base / ref_name).read_text(encoding="utf-8").rstrip("\n").split("\n")
        fs = [f for f in findings(src, ref, "aligned", name) if f.code.startswith("TQA5")]
        by = Counter(f.code for f in fs)
        print(f"{name:>11}, aligned mode: {len(src)} segments: "
              + (", ".join(f"{c} {n}" for c, n in sorted(by.items())) or "no findings"))
        for f in fs[:show]:
            print(f"    {name}:{f.target.line if f.target else '-'} {f.code} {f.message[:110]}")


def perturbations(data: Path, show: int, seed: int) -> None:
    docs = load_wmt23(data)
    print("== perturbed WMT23 news references, document mode ==")
    print(f"{'paragraphs':<12}{'variant':<8}{'cases':>7}{'recall':>9}{'as 501':>8}{'false alarm':>13}"
          f"{'TQA301 dup':>12}")
    examples: list[str] = []
    for grouped in (False, True):
        for variant in ("drop", "add"):
            rng = random.Random(seed)
            stats: Counter = Counter()
            for doc_id, src0, tgt0 in docs:
                src, tgt = group(src0, tgt0, random.Random(f"{seed}:{doc_id}")) if grouped else (src0, tgt0)
                base = {_key(f) for f in findings(src, tgt, name=doc_id)}
                for k, para in enumerate(tgt):
                    if classify_residue(para) is not None:
                        continue  # page residue (``Read also: …``): not story text
                    sents = split_sentences(para, "en")
                    if variant == "drop":
                        if not 2 <= len(sents) <= 3 or len(para) < 120:
                            continue
                        edits = [((para[:a].rstrip() + " " + para[b:].lstrip()).strip(), para[a:b])
                                 for a, b in sents if b - a >= 30 and classify_residue(para[a:b]) is None]
                    else:
                        if len(para) < 80:
                            continue
                        extra = ADDED[rng.randrange(len(ADDED))]
                        edits = [(para + " " + extra, extra)]
                    line = 2 * k + 1
                    for new_para, piece in edits:
                        new = tgt[:k] + [new_para] + tgt[k + 1 :]
                        fs = findings(src, new, name=doc_id)
                        want = OMISSION if variant == "drop" else ADDITION
                        hit = any(f.code in want and f.target and f.target.line == line for f in fs)
                        as501 = any(f.code == "TQA501" and f.source and f.source.line == line for f in fs)
                        extra_fs = [f for f in fs if f.code.startswith("TQA5") and _key(f) not in base
                                    and not (f.target and f.target.line == line and f.code in want)
                                    and not (f.code == "TQA501" and f.source and f.source.line == line)]
                        dup = [f for f in fs if f.code == "TQA301" and f.source and f.source.line == line
                               and f.source.text in piece and _key(f) not in base]
                        stats["cases"] += 1
                        stats["hit"] += hit
                        stats["as501"] += as501 and not hit
                        stats["false"] += bool(extra_fs)
                        stats["dup"] += len(dup)
                        if (not hit or extra_fs) and len(examples) < show:
                            examples.append(f"  {'grouped' if grouped else 'segments'} {variant} {doc_id} para {k}: "
                                            f"{'hit' if hit else 'MISS'}; piece {piece[:60]!r}; extra "
                                            f"{[(f.code, f.target.line if f.target else None) for f in extra_fs]}")
            n = max(stats["cases"], 1)
            print(f"{'1-3 segments' if grouped else 'segments':<12}{variant:<8}{stats['cases']:>7}"
                  f"{stats['hit'] / n:>9.1%}{stats['as501'] / n:>8.1%}{stats['false'] / n:>13.1%}{stats['dup']:>12}")
    for e in examples:
        print(e)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=str(Path(__file__).resolve().parent.parent.parent / "shared" / "data"))
    ap.add_argument("--show", type=int, default=0, help="print up to N misses / false alarms")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-refs", action="store_true", help="skip the unperturbed references")
    args = ap.parse_args()
    data = Path(args.data)
    t0 = time.perf_counter()
    if not args.no_refs:
        references(data, args.show)
    perturbations(data, args.show, args.seed)
    print(f"({time.perf_counter() - t0:.1f} s)")
    for message, n in INTERNAL.most_common():
        print(f"INTERNAL ERROR ×{n}: {message}")


if __name__ == "__main__":
    main()
