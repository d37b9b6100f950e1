"""Encoding detection accuracy on real Ukrainian and English lines, against charset-normalizer.

    python benchmarks/encoding_detect.py [DATA] [--limit N] [--no-baseline]

DATA is the shared data folder (default ../shared/data). WMT22 and WMT23 uk sources and the WMT22 English reference
are re-encoded (in memory) into each legacy code page; every unit — one line, a block of 5 lines, the whole file —
is detected by `tqa.io.encoding.decode_bytes` and, for comparison, by charset-normalizer restricted to the same
candidate code pages (``cp_isolation``). A unit counts as right when the decoded text equals the original (two
code pages that give the same text are both right). Units the code page cannot encode, or that are plain ASCII,
are skipped. Prints accuracy per file, encoding and unit size, and the detection speed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

UK_CODECS = ("cp1251", "koi8-u", "cp1125", "iso8859-5", "mac-cyrillic")
EN_CODECS = ("cp1252", "cp1251")
ISOLATION = ["cp1251", "koi8_u", "cp1125", "iso8859_5", "mac_cyrillic", "cp1252"]


def units(lines: list[str], size: int) -> list[str]:
    if size == 0:
        return ["\n".join(lines) + "\n"]
    return ["\n".join(lines[i: i + size]) + "\n" for i in range(0, len(lines), size)]


def ours(data: bytes, prefer: str) -> str | None:
    from tqa.errors import InputError
    from tqa.io.encoding import decode_bytes

    try:
        return decode_bytes(data, "x", prefer=prefer)[0]
    except InputError:
        return None


def theirs(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=ISOLATION).best()
    return None if best is None else str(best).replace("\r\n", "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default="../shared/data")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N lines of each file")
    ap.add_argument("--no-baseline", action="store_true", help="skip charset-normalizer (slow on many units)")
    args = ap.parse_args()
    data = Path(args.data)
    files = [
        ("wmt22 src", data / "wmt22-uk-en/generaltest2022.uk-en.src.uk", "uk", UK_CODECS),
        ("wmt23 src", data / "wmt23-uk-en/generaltest2023.uk-en.src.uk", "uk", UK_CODECS),
        ("wmt22 ref", data / "wmt22-uk-en/generaltest2022.uk-en.ref.A.en", "en", EN_CODECS),
    ]
    print(f"{'file':<10} {'encoding':<13} {'unit':<7} {'units':>6} {'tqa':>7} {'charset-normalizer':>19}")
    for label, path, lang, codecs in files:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if args.limit:
            lines = lines[: args.limit]
        for codec in codecs:
            for size, name in ((1, "line"), (5, "5 lines"), (0, "file")):
                n = ok = ok_cn = 0
                for unit in units(lines, size):
                    try:
                        raw = unit.encode(codec)
                    except UnicodeEncodeError:
                        if size:
                            continue
                        raw = unit.encode(codec, "replace")
                        unit = raw.decode(codec)
                    if raw.isascii():
                        continue
                    n += 1
                    ok += ours(raw, lang) == unit
                    if not args.no_baseline:
                        ok_cn += theirs(raw) == unit
                if n:
                    cn = "-" if args.no_baseline else f"{100 * ok_cn / n:6.1f}%"
                    print(f"{label:<10} {codec:<13} {name:<7} {n:>6} {100 * ok / n:6.1f}% {cn:>19}")
    # speed
    from tqa.io.encoding import decode_bytes

    text = (data / "wmt22-uk-en/generaltest2022.uk-en.src.uk").read_text(encoding="utf-8")
    for codec in ("utf-8", "cp1251"):
        raw = text.encode(codec, "replace")
        t0 = time.perf_counter()
        reps = 20
        for _ in range(reps):
            decode_bytes(raw, "x")
        dt = (time.perf_counter() - t0) / reps
        print(f"decode_bytes, whole WMT22 source ({len(raw) / 1e3:.0f} kB) in {codec}: {dt * 1e3:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
