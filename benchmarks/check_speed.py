"""Speed: `tqa check --aligned` with every rule vs translate-toolkit's `pofilter` (default checks) on the same pairs.

    python benchmarks/check_speed.py [DATA]            # DATA defaults to ../shared/data
    python benchmarks/check_speed.py --profile-only    # just tqa's stage profile

The 11 files of ``DATA/wmt22-uk-en`` (the human reference and 10 MT outputs, each against the Ukrainian source:
11 × 2,018 = 22,198 pairs) are checked

* by tqa in one process: ``tqa check --aligned --jobs 1 --format json SRC REF SRC HYP1 … SRC HYP10``;
* by pofilter in one process over a folder of 11 PO files (msgid = source line, msgstr = target line, written in a
  temporary folder; pofilter's default checks, no progress output);

each pinned to one core (``sched_setaffinity``), wall time measured around the whole command (start-up included),
``--repeat`` times (default 3), the two tools taking turns; the ratio is that of the medians. tqa's modules are
byte-compiled beforehand into a temporary folder, as pip does on install, and tqa's compiled-pattern cache
(``tqa/patterns.py``) lives in a temporary folder too: its first run starts with it empty and is reported apart
("first run"), the timed runs find it filled, as every run after the first does on a user's machine.
Then tqa's time is broken down in-process by stage: reading + segmentation, alignment, each rule, the report.
Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # profile the tree this script belongs to, whatever is installed


def wmt22_files(data: Path) -> tuple[Path, list[Path]]:
    folder = data / "wmt22-uk-en"
    source = folder / "generaltest2022.uk-en.src.uk"
    targets = [folder / "generaltest2022.uk-en.ref.A.en"] + sorted((folder / "system-outputs").glob("*.en"))
    if not source.is_file() or len(targets) != 11:
        sys.exit(f"expected the WMT22 uk-en source, reference and 10 system outputs under {folder}")
    return source, targets


def _pin(core: int):
    def pin() -> None:
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {core})

    return pin


def timed(cmd: list[str], *, core: int, cwd: Path | None = None,
          env: dict[str, str] | None = None) -> tuple[float, float, subprocess.CompletedProcess]:
    """(wall seconds, CPU seconds of the child, result) for one command pinned to one core."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, preexec_fn=_pin(core))
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc


def _po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'


def write_po(source_lines: list[str], target_lines: list[str], path: Path) -> int:
    """A PO file with one unit per line pair (msgctxt = line number, so repeated source lines stay distinct)."""
    out = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', '"Language: en\\n"', ""]
    n = 0
    for i, (src, tgt) in enumerate(zip(source_lines, target_lines), 1):
        if not src.strip():
            continue
        out += [f'msgctxt "line {i}"', f"msgid {_po_string(src)}", f"msgstr {_po_string(tgt)}", ""]
        n += 1
    path.write_text("\n".join(out), encoding="utf-8")
    return n


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


class Pofilter:
    """pofilter over a folder of PO files written once (one unit per line pair)."""

    def __init__(self, source: Path, targets: list[Path], tmp: Path) -> None:
        src = _lines(source)
        self.inp, self.outp = tmp / "po-in", tmp / "po-out"
        self.inp.mkdir()
        self.pairs = sum(write_po(src, _lines(t), self.inp / f"{t.name}.po") for t in targets)
        exe = shutil.which("pofilter")
        self.cmd = [exe] if exe else [sys.executable, "-m", "translate.filters.pofilter"]

    def run(self, core: int) -> dict:
        shutil.rmtree(self.outp, ignore_errors=True)
        wall, cpu, proc = timed([*self.cmd, "--progress=none", "--errorlevel=none", str(self.inp), str(self.outp)],
                                core=core)
        if proc.returncode != 0:
            sys.exit(f"pofilter failed ({proc.returncode}): {proc.stderr[-500:]}")
        flagged = sum(p.read_text(encoding="utf-8").count("\nmsgid ") for p in self.outp.rglob("*.po"))
        return {"pairs": self.pairs, "wall": wall, "cpu": cpu, "flagged_units": flagged}


class Tqa:
    """`tqa check --aligned` on the same pairs, byte-compiled, with its own compiled-pattern cache folder."""

    def __init__(self, source: Path, targets: list[Path], tmp: Path) -> None:
        args = []
        for t in targets:
            args += [str(source), str(t)]
        self.report = tmp / "report.json"
        # Like an installed package (pip compiles bytecode at install time, as it did for translate-toolkit): tqa's
        # modules are byte-compiled first, into a temporary folder (PYTHONPYCACHEPREFIX) so nothing is written into
        # the repository, even where PYTHONDONTWRITEBYTECODE is set (compiling 40 modules from source costs ~0.07 s).
        self.env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "TQA_NO_CACHE")}
        self.env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        self.env["TQA_CACHE_DIR"] = str(tmp / "tqa-cache")  # empty: the first run fills it
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tqa")], env=self.env, check=True)
        self.cmd = [sys.executable, "-m", "tqa", "check", "--aligned", "--isolated", "--jobs", "1", "--no-progress",
                    "--format", "json", "--output", str(self.report), *args]

    def run(self, core: int) -> dict:
        wall, cpu, proc = timed(self.cmd, core=core, cwd=ROOT, env=self.env)
        if proc.returncode not in (0, 1):
            sys.exit(f"tqa failed ({proc.returncode}): {proc.stderr[-800:]}")
        data = json.loads(self.report.read_text(encoding="utf-8"))
        pairs = sum(d["pairs"] for d in data["documents"])
        return {"pairs": pairs, "wall": wall, "cpu": cpu, "findings": data["summary"]["findings"],
                "by_code": _by_code(data)}


def compare(source: Path, targets: list[Path], core: int, repeat: int) -> tuple[dict, list[dict], list[dict]]:
    """(tqa's first run, tqa's timed runs, pofilter's runs), the tools taking turns."""
    with tempfile.TemporaryDirectory(prefix="tqa-bench-") as name:
        tmp = Path(name)
        tqa, po = Tqa(source, targets, tmp), Pofilter(source, targets, tmp)
        first = tqa.run(core)
        tqa_runs, po_runs = [], []
        for _ in range(repeat):
            po_runs.append(po.run(core))
            tqa_runs.append(tqa.run(core))
    return first, tqa_runs, po_runs


def _by_code(data: dict) -> dict[str, int]:
    counts: dict[str, int] = {}
    for d in data["documents"]:
        for f in d["findings"]:
            counts[f["code"]] = counts.get(f["code"], 0) + 1
    return dict(sorted(counts.items()))


def profile_tqa(source: Path, targets: list[Path]) -> list[tuple[str, float]]:
    """Seconds per stage, measured in this process (after imports): read+segment, align, each rule, report."""
    from tqa import engine
    from tqa.config import Config
    from tqa.cli.check_cmd import _fewer_gc_passes

    config = Config()
    rules = engine._rules_for(config)
    with _fewer_gc_passes():  # the garbage-collector settings `tqa check` runs with
        return _profile(source, targets, config, rules)


def _profile(source: Path, targets: list[Path], config, rules) -> list[tuple[str, float]]:
    from tqa import engine
    from tqa.align import align_story
    from tqa.checks.base import Context
    from tqa.io import read_inputs
    from tqa.model import DocumentResult, Report
    from tqa.report import render

    stages: dict[str, float] = {"read + segment (io, SRX sentence splitter)": 0.0, "align": 0.0}
    for r in rules:
        stages[f"rule {r.code} {r.name}"] = 0.0
    stages["fingerprint + sort + merge"] = 0.0
    results = []
    for target in targets:
        t0 = time.perf_counter()
        stories = list(read_inputs([str(source), str(target)], aligned=True))
        stages["read + segment (io, SRX sentence splitter)"] += time.perf_counter() - t0
        per_file = []
        for story in stories:
            t0 = time.perf_counter()
            aligned = align_story(story)
            stages["align"] += time.perf_counter() - t0
            ctx = Context(config=config, story=aligned, facts=engine._facts(aligned, config))
            raw = []
            gated: dict = {}
            for rule in rules:
                t0 = time.perf_counter()
                try:
                    if rule.story_gate is not None and engine.USE_GATES and not rule.story_gate(aligned):
                        pass  # the engine does not call the rule on this story
                    elif rule.scope == "document":
                        raw.extend(rule.check_document(aligned, ctx))
                    else:  # as the engine does: residue pairs only for on_residue rules; each gate once a pair
                        pairs = [p for p in aligned.pairs if p.residue is None or rule.on_residue]
                        gate = rule.gate if engine.USE_GATES else None
                        if gate is not None:  # the first rule of a family pays for the family's gate
                            key = (gate, rule.on_residue)
                            if key not in gated:
                                gated[key] = [p for p in pairs if gate(p)]
                            pairs = gated[key]
                        for pair in pairs:
                            raw.extend(rule.check(pair, ctx))
                except Exception as exc:  # noqa: BLE001  (the engine turns this into TQA901)
                    print(f"  note: {rule.code} raised {type(exc).__name__}: {exc}", file=sys.stderr)
                stages[f"rule {rule.code} {rule.name}"] += time.perf_counter() - t0
            t0 = time.perf_counter()
            raw.sort(key=lambda f: f.sort_key)
            per_file.append(DocumentResult(story.source.path, story.target.path,
                                           tuple(engine._fingerprinted(raw)), pairs=len(aligned.pairs)))
            stages["fingerprint + sort + merge"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        results.append(engine._merge(per_file))
        stages["fingerprint + sort + merge"] += time.perf_counter() - t0
    t0 = time.perf_counter()
    render(Report("x", "x", tuple(engine._lean(r) for r in results)), "json")
    stages["report (json)"] = time.perf_counter() - t0
    return sorted(stages.items(), key=lambda kv: -kv[1])


def by_module(stages: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Rule times summed by rule module (a family shares its caches: the first rule to ask pays for the others)."""
    from tqa.checks.base import all_rules

    module_of = {f"rule {r.code} {r.name}": r.__module__.rsplit(".", 1)[-1] for r in all_rules()}
    out: dict[str, float] = {}
    for name, secs in stages:
        key = f"rules in tqa/checks/{module_of[name]}.py" if name in module_of else name
        out[key] = out.get(key, 0.0) + secs
    return sorted(out.items(), key=lambda kv: -kv[1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"), help="data folder")
    ap.add_argument("--core", type=int, default=0, help="CPU core to pin both tools to (default 0)")
    ap.add_argument("--profile-only", action="store_true", help="only print tqa's stage profile")
    ap.add_argument("--no-profile", action="store_true", help="skip the in-process stage profile")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each tool (default 3; medians compared)")
    ap.add_argument("--reference-only", action="store_true",
                    help="also time both tools on the reference file alone (2,018 pairs, no source shared across files)")
    args = ap.parse_args()
    source, targets = wmt22_files(Path(args.data))
    print(f"data: {source.parent} — {len(targets)} target files against {source.name}")
    if not args.profile_only and args.reference_only:
        # One file: no output shares a source line with another, so nothing is reused across files (start-up weighs
        # more on 2,018 pairs than on 22,198 — for both tools).
        first, tqa_runs, po_runs = compare(source, targets[:1], args.core, args.repeat)
        tw, pw = _median([r["wall"] for r in tqa_runs]), _median([r["wall"] for r in po_runs])
        print(f"reference only — tqa: {first['pairs']:,} pairs in {tw:.2f} s (first run {first['wall']:.2f} s); "
              f"pofilter: {po_runs[0]['pairs']:,} pairs in {pw:.2f} s; ratio {pw / tw:.2f}× (medians of "
              f"{args.repeat})")
    if not args.profile_only:
        first, tqa_runs, po_runs = compare(source, targets, args.core, args.repeat)
        tqa, po = tqa_runs[0], po_runs[0]
        tw, pw = _median([r["wall"] for r in tqa_runs]), _median([r["wall"] for r in po_runs])
        walls = lambda runs: " / ".join(f"{r['wall']:.2f}" for r in runs)  # noqa: E731
        print(f"tqa check --aligned (all rules, --jobs 1): {tqa['pairs']:,} pairs; runs {walls(tqa_runs)} s wall → "
              f"median {tw:.2f} s, {tqa['pairs'] / tw:,.0f} pairs/s; {tqa['findings']:,} findings")
        print(f"  first run (compiled-pattern cache empty): {first['wall']:.2f} s")
        print("  findings by rule: " + ", ".join(f"{k} {v}" for k, v in tqa["by_code"].items()))
        print(f"pofilter (default checks): {po['pairs']:,} pairs; runs {walls(po_runs)} s wall → median {pw:.2f} s, "
              f"{po['pairs'] / pw:,.0f} pairs/s; {po['flagged_units']:,} units flagged")
        ratios = " / ".join(f"{(t['pairs'] / t['wall']) / (p['pairs'] / p['wall']):.2f}×"
                            for t, p in zip(tqa_runs, po_runs))
        print(f"ratio (tqa pairs/s ÷ pofilter pairs/s), medians: {(tqa['pairs'] / tw) / (po['pairs'] / pw):.2f}× "
              f"(run by run: {ratios}; goal ≥ 5×)")
    if not args.no_profile:
        t0 = time.perf_counter()
        stages = profile_tqa(source, targets)
        total = sum(s for _, s in stages)
        print(f"tqa stage profile (in-process, {time.perf_counter() - t0:.2f} s incl. overhead):")
        for name, secs in stages:
            if secs >= 0.005 or name.startswith(("read", "align", "report")):
                print(f"  {secs:7.3f} s  {100 * secs / total:5.1f} %  {name}")
        print("the same by stage and rule module:")
        for name, secs in by_module(stages):
            print(f"  {secs:7.3f} s  {100 * secs / total:5.1f} %  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
