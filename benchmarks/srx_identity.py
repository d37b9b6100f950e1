"""Check that tqa.text.srx gives the same sentence spans with and without its pre-checks (required strings, joined
before/after searches) on every line of the WMT22/WMT23/NTREX-128 files: `python benchmarks/srx_identity.py [DATA]`."""

from __future__ import annotations

import glob
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tree this script belongs to

from tqa.text import srx  # noqa: E402


def slow_spans(text: str, language_code: str):
    """sentence_spans with every break rule's pre-checks turned off."""
    rules = srx._rules(language_code)
    saved = rules.required, rules.joint
    rules.required = [()] * len(saved[0])
    rules.joint = [None] * len(saved[1])
    try:
        return srx.sentence_spans(text, language_code)
    finally:
        rules.required, rules.joint = saved


def main(data: str) -> int:
    files = sorted(
        path
        for pattern in ("*.uk", "*.en", "*.ukr.txt", "*.eng.txt")
        for path in glob.glob(os.path.join(data, "**", pattern), recursive=True)
    )
    checked = differ = 0
    t0 = time.process_time()
    for path in files:
        with open(path, encoding="utf-8") as f:
            lines = dict.fromkeys(f.read().split("\n"))
        for line in lines:
            if not line:
                continue
            checked += 1
            for code in ("en", "uk_two"):  # (each side's rules on every line: more texts for both)
                if srx.sentence_spans(line, code) != slow_spans(line, code):
                    differ += 1
                    print("DIFF", code, path, repr(line[:80]))
    print(f"{len(files)} files, {checked} distinct lines, {differ} differ ({time.process_time() - t0:.1f} s)")
    return 1 if differ or not checked else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
