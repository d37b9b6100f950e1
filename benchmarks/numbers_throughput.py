"""Throughput of number extraction and comparison (pairs per second), on the WMT uk→en line files.

Measures, with cold caches: Ukrainian extraction (lines/s), English extraction (lines/s), and extraction plus
comparison of aligned pairs (pairs/s), over the source, the human reference and every MT system of a test set.

    python benchmarks/numbers_throughput.py [DATA] [--set wmt22-uk-en] [--repeat 3]

DATA defaults to ../shared/data.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tqa.text.numbers import compare_pair, extract_en, extract_uk  # noqa: E402

SETS = {
    "wmt22-uk-en": ("generaltest2022.uk-en.src.uk", "generaltest2022.uk-en.ref.A.en"),
    "wmt23-uk-en": ("generaltest2023.uk-en.src.uk", "generaltest2023.uk-en.ref.refA.en"),
}


def _clear() -> None:
    extract_uk.cache_clear()
    extract_en.cache_clear()
    compare_pair.cache_clear()


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        _clear()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--set", default="wmt22-uk-en", choices=sorted(SETS))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    folder = Path(args.data) / args.set
    if not folder.is_dir():
        print(f"no data folder at {folder}", file=sys.stderr)
        return 2
    src_name, ref_name = SETS[args.set]
    src = (folder / src_name).read_text(encoding="utf-8").split("\n")
    targets = [(folder / ref_name).read_text(encoding="utf-8").split("\n")]
    targets += [p.read_text(encoding="utf-8").split("\n") for p in sorted((folder / "system-outputs").glob("*.en"))]
    pairs = [(s, t[i]) for t in targets for i, s in enumerate(src) if i < len(t) and (s.strip() or t[i].strip())]
    en_lines = [t for _, t in pairs]
    chars = sum(len(s) + len(t) for s, t in pairs)

    t_uk = _best(lambda: [extract_uk(s) for s in src], args.repeat)
    t_en = _best(lambda: [extract_en(t) for t in en_lines], args.repeat)

    by_target = [[(s, t[i]) for i, s in enumerate(src) if i < len(t) and (s.strip() or t[i].strip())] for t in targets]

    def compare_all() -> None:
        for chunk in by_target:
            _clear()  # no reuse of the source's extraction from one target to the next
            for s, t in chunk:
                compare_pair((s,), (t,))

    t_cmp = _best(compare_all, args.repeat)
    n_values = sum(len(extract_uk(s)) for s in src)
    print(f"{args.set}: {len(src)} source lines ({n_values} values), {len(pairs)} aligned pairs "
          f"({len(targets)} targets), {chars / 1e6:.1f} M characters")
    print(f"  Ukrainian extraction        {len(src) / t_uk:10,.0f} lines/s")
    print(f"  English extraction          {len(en_lines) / t_en:10,.0f} lines/s")
    print(f"  extraction + comparison     {len(pairs) / t_cmp:10,.0f} pairs/s   ({chars / t_cmp / 1e6:.2f} M chars/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
