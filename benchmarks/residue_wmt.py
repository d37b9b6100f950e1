"""Web-page residue, omission and addition checks on WMT uk→en data (prints figures; no timing goals).

    python benchmarks/residue_wmt.py [DATA]            # DATA defaults to ../shared/data
    python benchmarks/residue_wmt.py DATA --show       # print every boilerplate finding on the reference
    python benchmarks/residue_wmt.py DATA --stats      # the uk→en length-ratio distribution (WMT22 + WMT23)
    python benchmarks/residue_wmt.py DATA --systems    # 5xx findings on every MT output as well

1. Boilerplate (TQA4xx) findings on the WMT23 human reference: news-domain documents in document mode (one story
   per document, one paragraph per segment), and all 1,826 segments in aligned mode. Every finding is printed with
   ``--show`` for checking by eye; the goal is ≤ 2 false alarms per 1,000 segments.
2. Omission/addition (TQA5xx) findings on the references (should be near zero) and, with ``--systems``, on the MT
   outputs.
3. ``--stats``: the distribution of the English/Ukrainian character ratio that TQA504/TQA505 are calibrated on.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from tqa.config import Config
from tqa.engine import check_story
from tqa.model import Story
from tqa.text.segment import build_document


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


def _story(src: list[str], tgt: list[str], mode: str, name: str) -> Story:
    sep = "\n\n" if mode == "document" else "\n"
    return Story(
        build_document(f"{name}.uk", sep.join(src), "uk", "source"),
        build_document(f"{name}.en", sep.join(tgt), "en", "target"),
        mode=mode,
    )


def news_documents(data: Path, system: str | None = None) -> list[tuple[str, list[str], list[str]]]:
    """(doc id, source segments, reference or system segments) of the WMT23 news-domain documents."""
    root = ET.parse(data / "wmt23-uk-en" / "wmttest2023.uk-en.all.xml").getroot()
    out = []
    for doc in root.iter("doc"):
        if doc.get("domain") != "news":
            continue
        src = [s.text or "" for s in doc.find("src").iter("seg")]
        if system is None:
            tgt_el = doc.find("ref")
        else:
            tgt_el = next((h for h in doc.findall("hyp") if h.get("system") == system), None)
        if tgt_el is None:
            continue
        tgt = [s.text or "" for s in tgt_el.iter("seg")]
        out.append((doc.get("id"), src, tgt))
    return out


def _run(stories: list[Story], select: tuple[str, ...]) -> list[tuple[Story, object]]:
    config = Config(select=select)
    out = []
    for st in stories:
        res = check_story(st, config)
        for f in res.findings:
            out.append((st, f))
    return out


def _show(findings, label: str) -> None:
    for st, f in findings:
        t = f.target.text if f.target else ""
        print(f"  [{label}] {st.target.path}:{f.target.line if f.target else '-'} {f.code} {f.severity.value}: "
              f"{' '.join(t.split())[:110]!r}")


def boilerplate(data: Path, show: bool) -> None:
    docs = news_documents(data)
    n_news = sum(len(s) for _d, s, _t in docs)
    t0 = time.perf_counter()
    doc_findings = _run([_story(s, t, "document", d) for d, s, t in docs], ("TQA4",))
    t1 = time.perf_counter()
    src = _lines(data / "wmt23-uk-en" / "generaltest2023.uk-en.src.uk")
    ref = _lines(data / "wmt23-uk-en" / "generaltest2023.uk-en.ref.refA.en")
    al_findings = _run([_story(src, ref, "aligned", "wmt23-all")], ("TQA4",))
    t2 = time.perf_counter()
    print("== boilerplate (TQA4xx) on the WMT23 human reference ==")
    for label, fs, n, secs in (
        (f"document mode, {len(docs)} news documents", doc_findings, n_news, t1 - t0),
        ("aligned mode, all segments", al_findings, len(src), t2 - t1),
    ):
        by = Counter((f.code, f.severity.value) for _s, f in fs)
        print(f"{label}: {n} segments, {len(fs)} findings "
              f"({1000 * len(fs) / max(n, 1):.1f} per 1,000 segments) in {secs:.1f} s")
        for (code, sev), c in sorted(by.items()):
            print(f"    {code} {sev}: {c}")
        if show:
            _show(fs, "doc" if "document" in label else "aligned")


def omissions(data: Path, systems: bool) -> None:
    print("== omission/addition (TQA5xx) ==")
    sets = [
        ("wmt22", "generaltest2022.uk-en.src.uk", "generaltest2022.uk-en.ref.A.en"),
        ("wmt23", "generaltest2023.uk-en.src.uk", "generaltest2023.uk-en.ref.refA.en"),
    ]
    for name, src_name, ref_name in sets:
        base = data / f"{name}-uk-en"
        src = _lines(base / src_name)
        outputs = [("reference", base / ref_name)]
        if systems:
            outputs += [(p.name.split(".hyp.")[-1].removesuffix(".en"), p)
                        for p in sorted((base / "system-outputs").glob("*.en"))]
        for label, path in outputs:
            tgt = _lines(path)
            fs = _run([_story(src, tgt, "aligned", f"{name}-{label}")], ("TQA5",))
            by = Counter(f.code for _s, f in fs)
            print(f"{name} aligned {label:>16}: {len(src)} segments, "
                  + (", ".join(f"{c} {n}" for c, n in sorted(by.items())) or "no findings"))
            if label == "reference":
                _show(fs, name)
    docs = news_documents(data)
    fs = _run([_story(s, t, "document", d) for d, s, t in docs], ("TQA5",))
    by = Counter(f.code for _s, f in fs)
    print("wmt23 news documents, document mode, reference: "
          + (", ".join(f"{c} {n}" for c, n in sorted(by.items())) or "no findings"))
    _show(fs, "wmt23-doc")


def stats(data: Path) -> None:
    pairs = []
    for name, s, r in (
        ("wmt22", "generaltest2022.uk-en.src.uk", "generaltest2022.uk-en.ref.A.en"),
        ("wmt23", "generaltest2023.uk-en.src.uk", "generaltest2023.uk-en.ref.refA.en"),
    ):
        base = data / f"{name}-uk-en"
        pairs += [(a, b) for a, b in zip(_lines(base / s), _lines(base / r)) if a and b]
    print(f"== uk→en character length ratio, WMT22 + WMT23 src vs reference: {len(pairs)} segments ==")
    for lo, hi in ((20, 40), (40, 60), (60, 90), (90, 130), (130, 200), (200, 300), (300, 10_000)):
        lr = [math.log(len(b) / len(a)) for a, b in pairs if lo <= len(a) < hi]
        if len(lr) < 2:
            continue
        rs = sorted(math.exp(x) for x in lr)
        q = lambda p: rs[min(len(rs) - 1, int(p * len(rs)))]  # noqa: E731
        print(f"  source {lo:>3}–{hi:<5} chars: n={len(lr):4d}  mean log ratio {statistics.mean(lr):.3f} "
              f"(ratio {math.exp(statistics.mean(lr)):.3f})  sd {statistics.pstdev(lr):.3f}  "
              f"p0.5% {q(0.005):.2f}  p99.5% {q(0.995):.2f}")
    from tqa.checks.omission import length_z

    zs = [length_z(len(a), len(b)) for a, b in pairs if len(a) >= 80]
    print(f"  z-scores (sources ≥ 80 chars, n={len(zs)}): min {min(zs):.2f}, max {max(zs):.2f}, "
          f"|z|>3: {sum(abs(z) > 3 for z in zs)}, z<-4: {sum(z < -4 for z in zs)}, z>4.5: {sum(z > 4.5 for z in zs)}")


def speed(data: Path) -> None:
    from tqa.text import residue

    lines = [ln for p in sorted((data / "wmt22-uk-en" / "system-outputs").glob("*.en")) for ln in _lines(p)]
    lines += _lines(data / "wmt22-uk-en" / "generaltest2022.uk-en.src.uk")
    classify = getattr(residue.classify_residue, "__wrapped__", residue.classify_residue)  # without the cache
    t0 = time.perf_counter()
    for ln in lines:
        classify(ln)
    t1 = time.perf_counter()
    spans = getattr(residue._spans, "__wrapped__", residue.residue_spans)
    for ln in lines:
        spans(ln)
    t2 = time.perf_counter()
    print(f"== speed: {len(lines)} WMT22 lines: classify_residue {1e6 * (t1 - t0) / len(lines):.1f} µs/line, "
          f"residue_spans {1e6 * (t2 - t1) / len(lines):.1f} µs/line (uncached) ==")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default="../shared/data")
    ap.add_argument("--show", action="store_true", help="print every finding")
    ap.add_argument("--stats", action="store_true", help="length-ratio distribution")
    ap.add_argument("--systems", action="store_true", help="5xx findings on the MT outputs too")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not (data / "wmt23-uk-en").is_dir():
        print(f"no WMT data under {data}", file=sys.stderr)
        return 2
    if args.stats:
        stats(data)
    speed(data)
    boilerplate(data, args.show)
    omissions(data, args.systems)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
