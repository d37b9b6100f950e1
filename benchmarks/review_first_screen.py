"""How fast the review UI shows a large story and scrolls it.

Builds a 200-paragraph story pair (by default the first news-domain paragraphs of WMT23 uk→en with one MT system's
output as the English — read from the data folder at run time, never copied into the project; a synthetic agency-style
story when the data folder is missing), opens it in the review app headless (Textual's test driver, which still lays
out and renders every frame) with the real engine and every rule, and prints:

* time until the raw texts are on screen (paragraph beside paragraph, while aligning), until the aligned texts are,
  and until the findings are (the analysis runs in a worker thread);
* the engine alone on the same story (read + align + check);
* page-down in the texts pane: time per key press including the repaint, and the cost of rendering one full screen of
  lines from a cold cache.

Usage: python benchmarks/review_first_screen.py [DATA] [--paragraphs 200] [--system NLLB_Greedy] [--size 120x40]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path


def _story_from_wmt(data: Path, paragraphs: int, system: str) -> tuple[str, str, str] | None:
    path = data / "wmt23-uk-en" / "uk-en.segments.jsonl"
    if not path.is_file():
        return None
    src, tgt = [], []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("domain") != "news":
                continue
            hyp = rec.get("hyps", {}).get(system) or next(iter(rec.get("refs", {}).values()), "")
            s, t = rec["src"].strip(), hyp.strip()
            if s and t:
                src.append(" ".join(s.split()))
                tgt.append(" ".join(t.split()))
            if len(src) >= paragraphs:
                break
    if len(src) < paragraphs:
        return None
    return "\n\n".join(src) + "\n", "\n\n".join(tgt) + "\n", f"WMT23 uk→en news, {system} as the English"


def _synthetic(paragraphs: int) -> tuple[str, str, str]:
    src, tgt = [], []
    for i in range(paragraphs):
        src.append(f"За словами голови обласної адміністрації, у громаді {i} енергетики відновили живлення для "
                   f"{i + 3},5 тисячі родин. Роботи тривали цілодобово, повідомляє Укрінформ.")
        tgt.append(f"According to the head of the regional administration, power engineers restored electricity to "
                   f"{i + 3},500 families in community {i}. The work continued around the clock, Ukrinform reports.")
    return "\n\n".join(src) + "\n", "\n\n".join(tgt) + "\n", "synthetic agency-style story"


async def _measure(src: Path, tgt: Path, size: tuple[int, int], pages: int) -> dict[str, float]:
    from tqa.tui.app import ReviewApp
    from tqa.tui.loader import StoryRef
    from tqa.tui.widgets.side_by_side import SideBySide

    out: dict[str, float] = {}
    paints: dict[str, float] = {}
    original = SideBySide.render_lines

    def render_lines(self, crop):  # note when the texts are first painted (raw, then aligned)
        if self.rows:
            kind = "aligned" if getattr(self.screen, "texts_shown", False) else "raw"
            paints.setdefault(kind, time.perf_counter())
        return original(self, crop)

    SideBySide.render_lines = render_lines
    t0 = time.perf_counter()
    app = ReviewApp([StoryRef.from_paths(src, tgt)])
    async with app.run_test(size=size) as pilot:
        while not (getattr(app.screen, "provisional", False) or getattr(app.screen, "texts_shown", False)):
            await asyncio.sleep(0.002)
        await pilot.pause()
        out["raw"] = time.perf_counter() - t0
        while not getattr(app.screen, "texts_shown", False):
            await asyncio.sleep(0.002)
        await pilot.pause()
        out["texts"] = time.perf_counter() - t0
        while not getattr(app.screen, "loaded", False):
            await asyncio.sleep(0.002)
        await pilot.pause()
        out["findings"] = time.perf_counter() - t0
        out["paint_raw"] = paints.get("raw", paints.get("aligned", t0)) - t0
        out["paint_aligned"] = paints.get("aligned", t0) - t0
        screen = app.screen
        out["rows"] = len(screen.query_one(SideBySide).rows)
        out["count"] = len(screen.findings)
        side = screen.query_one(SideBySide)
        side.focus()
        await pilot.press("home")
        floor = []
        for _ in range(pages):  # the harness's own cost: a key bound to nothing
            t = time.perf_counter()
            await pilot.press("z")
            await pilot.pause()
            floor.append(time.perf_counter() - t)
        out["floor"] = statistics.median(floor)
        times = []
        for _ in range(pages):
            t = time.perf_counter()
            await pilot.press("pagedown")
            await pilot.pause()
            times.append(time.perf_counter() - t)
        out["page_median"] = statistics.median(times)
        out["page_max"] = max(times)
        out["scrolled_to"] = side.scroll_offset.y
        renders = []
        for _ in range(20):
            side._line_cache.clear()
            t = time.perf_counter()
            for y in range(side.size.height):
                side.render_line(y)
            renders.append(time.perf_counter() - t)
        out["render_screen"] = statistics.median(renders)
        t = time.perf_counter()
        side._relayout()
        out["relayout"] = time.perf_counter() - t
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default="../shared/data")
    ap.add_argument("--paragraphs", type=int, default=200)
    ap.add_argument("--system", default="NLLB_Greedy")
    ap.add_argument("--size", default="120x40")
    ap.add_argument("--pages", type=int, default=15)
    args = ap.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    made = _story_from_wmt(Path(args.data), args.paragraphs, args.system) or _synthetic(args.paragraphs)
    uk, en, what = made
    with tempfile.TemporaryDirectory() as tmp:
        src, tgt = Path(tmp) / "bench.uk.txt", Path(tmp) / "bench.en.txt"
        src.write_text(uk, encoding="utf-8")
        tgt.write_text(en, encoding="utf-8")
        figures = asyncio.run(_measure(src, tgt, (width, height), args.pages))  # first: a cold start
        from tqa.engine import check_story
        from tqa.io import read_pair

        t = time.perf_counter()
        result = check_story(read_pair(src, tgt))
        engine = time.perf_counter() - t
    print(f"story: {what}: {args.paragraphs} paragraphs, {len(uk):,} + {len(en):,} characters; "
          f"terminal {width}x{height}; python {sys.version.split()[0]}")
    print(f"engine alone, warm (read + align + check): {engine:.3f} s, {len(result.findings)} findings")
    print(f"review app (cold start, headless): texts first painted after {figures['paint_raw']:.3f} s (raw, paragraph "
          f"beside paragraph), aligned texts painted after {figures['paint_aligned']:.3f} s; the app idle with the "
          f"findings after {figures['findings']:.3f} s ({int(figures['rows'])} rows, {int(figures['count'])} findings)")
    print(f"page-down in the texts: median {figures['page_median'] * 1000:.1f} ms, max {figures['page_max'] * 1000:.1f} ms "
          f"per key press with repaint ({args.pages} presses; an unbound key costs the test harness "
          f"{figures['floor'] * 1000:.1f} ms)")
    print(f"one full screen of lines from a cold cache: {figures['render_screen'] * 1000:.2f} ms; "
          f"re-wrap of the whole story (resize): {figures['relayout'] * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
