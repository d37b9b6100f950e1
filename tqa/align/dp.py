"""Banded Gale–Church dynamic programming over 1-1, 1-0, 0-1, 2-1 and 1-2 beads.

The band follows the length-proportional diagonal: row i (source items 0..i−1 consumed) is centred on the target
position whose cumulative length matches the source's cumulative length times the story's overall ratio (items
marked as residue count as length 0, so a block of widget lines at the top does not bend the diagonal). The band is
``width`` items either side; if the best path touches the band's edge the width is doubled and the DP re-run, until
it no longer touches or the band covers the whole matrix. Cells visited are counted (`Result.cells`).

Items marked as residue can only be left unaligned (1-0 / 0-1), at `Params.residue_cost`; they are never glued into
a 2-1 / 1-2 bead nor paired 1-1. Items without letters (a line of figures: an unrecognised widget) may be paired 1-1
or left alone but are never glued into a 2-1 / 1-2 either.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tqa.align.anchors import EMPTY, Features, merge
from tqa.align.cost import Params, bead_cost

__all__ = ["Bead", "Result", "align", "plain_path"]

_INF = float("inf")
# Transition codes: (source items, target items) consumed.
_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))


@dataclass(frozen=True, slots=True)
class Bead:
    """Source items [s0, s1) ↔ target items [t0, t1) at `cost`."""

    s0: int
    s1: int
    t0: int
    t1: int
    cost: float

    @property
    def kind(self) -> str:
        return f"{self.s1 - self.s0}-{self.t1 - self.t0}"


@dataclass(frozen=True, slots=True)
class Result:
    beads: tuple[Bead, ...]
    cells: int  # DP cells evaluated, over all passes
    width: int  # the band half-width of the final pass
    passes: int
    total: float


def _cumulative(items: Sequence[Features], residue: Sequence[bool]) -> list[int]:
    out = [0]
    acc = 0
    for f, r in zip(items, residue):
        acc += 0 if r else max(f.length, 1)
        out.append(acc)
    return out


def _band(cs: list[int], ct: list[int], n: int, m: int, width: int) -> tuple[list[int], list[int]]:
    total_s, total_t = cs[-1], ct[-1]
    ratio = total_t / total_s if total_s else 0.0
    lo = [0] * (n + 1)
    hi = [0] * (n + 1)
    prev_hi = 0
    for i in range(n + 1):
        x = cs[i] * ratio
        left = bisect.bisect_left(ct, x) - 1
        right = bisect.bisect_right(ct, x)
        a = max(0, left - width)
        b = min(m, right + width)
        if i == 0:
            a = 0
        if i == n:
            b = m
        if i > 0 and a > prev_hi:
            a = prev_hi  # keep consecutive rows connected
        if a > b:
            a = b
        lo[i], hi[i] = a, b
        prev_hi = b
    return lo, hi


def align(
    src: Sequence[Features],
    tgt: Sequence[Features],
    params: Params,
    src_residue: Sequence[bool] | None = None,
    tgt_residue: Sequence[bool] | None = None,
    width: int | None = None,
    extra: Callable[[int, int, int, int], float] | None = None,
) -> Result:
    """The minimum-cost monotone alignment of `src` and `tgt` (deterministic: ties keep the earlier move in
    1-1, 1-0, 0-1, 2-1, 1-2 order). `extra(s0, s1, t0, t1)`, when given, is added to the cost of every 1-1, 2-1
    and 1-2 bead pairing source items [s0, s1) with target items [t0, t1) (e.g. a machine-draft similarity term)."""
    n, m = len(src), len(tgt)
    sres = list(src_residue) if src_residue is not None else [False] * n
    tres = list(tgt_residue) if tgt_residue is not None else [False] * m
    if width is None:
        width = max(6, (max(n, m) + 19) // 20)
    if m <= width:
        # `_band` can then only return the whole matrix (every row's left edge is at most m − 1 − width < 0, its
        # right edge at least width ≥ m): one full pass, as the loop below would do it
        if extra is None and not any(sres) and not any(tres):
            result, visited = _run_plain(src, tgt, params)  # every sentence DP of a paragraph group
        else:
            result, visited = _run(src, tgt, params, sres, tres, [0] * (n + 1), [m] * (n + 1), extra)
        return Result(result[0], visited, width, 1, result[1])
    cs, ct = _cumulative(src, sres), _cumulative(tgt, tres)
    cells = 0
    passes = 0
    while True:
        passes += 1
        lo, hi = _band(cs, ct, n, m, width)
        full = all(lo[i] == 0 and hi[i] == m for i in range(n + 1))
        result, visited = _run(src, tgt, params, sres, tres, lo, hi, extra)
        cells += visited
        if full or not _touches(result, lo, hi, m):
            return Result(result[0], cells, width, passes, result[1])
        width *= 2


def _touches(result: tuple[tuple[Bead, ...], float], lo: list[int], hi: list[int], m: int) -> bool:
    for b in result[0]:
        for i, j in ((b.s0, b.t0), (b.s1, b.t1)):
            if (j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m):
                return True
    return False


def _glue(items: Sequence[Features], residue: Sequence[bool], k: int) -> Features | None:
    """Items k and k+1 merged, or None if either may not be glued (residue, or no letters at all)."""
    a, b = items[k], items[k + 1]
    if residue[k] or residue[k + 1] or not a.letters or not b.letters:
        return None
    return merge(a, b)


def _run(src, tgt, p: Params, sres, tres, lo, hi, extra=None) -> tuple[tuple[tuple[Bead, ...], float], int]:
    n, m = len(src), len(tgt)
    # Pre-merged neighbours for 2-1 / 1-2 beads.
    src2 = [_glue(src, sres, i) for i in range(n - 1)]
    tgt2 = [_glue(tgt, tres, j) for j in range(m - 1)]
    del_cost = [p.residue_cost if sres[i] else bead_cost("1-0", src[i], EMPTY, p) for i in range(n)]
    ins_cost = [p.residue_cost if tres[j] else bead_cost("0-1", EMPTY, tgt[j], p) for j in range(m)]
    cost: list[list[float]] = []
    back: list[list[int]] = []
    step: list[list[float]] = []
    visited = 0
    for i in range(n + 1):
        a, b = lo[i], hi[i]
        row = [_INF] * (b - a + 1)
        brow = [-1] * (b - a + 1)
        srow = [0.0] * (b - a + 1)
        prev = cost[i - 1] if i >= 1 else None
        pa = lo[i - 1] if i >= 1 else 0
        pb = hi[i - 1] if i >= 1 else -1
        prev2 = cost[i - 2] if i >= 2 else None
        qa = lo[i - 2] if i >= 2 else 0
        qb = hi[i - 2] if i >= 2 else -1
        for j in range(a, b + 1):
            visited += 1
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best = _INF
            move = -1
            bstep = 0.0
            # 1-1
            if prev is not None and j >= 1 and pa <= j - 1 <= pb and not sres[i - 1] and not tres[j - 1]:
                base = prev[j - 1 - pa]
                if base < _INF:
                    c = bead_cost("1-1", src[i - 1], tgt[j - 1], p)
                    if extra is not None:
                        c += extra(i - 1, i, j - 1, j)
                    if base + c < best:
                        best, move, bstep = base + c, 0, c
            # 1-0
            if prev is not None and pa <= j <= pb:
                base = prev[j - pa]
                if base < _INF:
                    c = del_cost[i - 1]
                    if base + c < best:
                        best, move, bstep = base + c, 1, c
            # 0-1
            if j >= 1 and j - 1 >= a:
                base = row[j - 1 - a]
                if base < _INF:
                    c = ins_cost[j - 1]
                    if base + c < best:
                        best, move, bstep = base + c, 2, c
            # 2-1
            if prev2 is not None and j >= 1 and qa <= j - 1 <= qb and src2[i - 2] is not None and not tres[j - 1]:
                base = prev2[j - 1 - qa]
                if base < _INF:
                    c = bead_cost("2-1", src2[i - 2], tgt[j - 1], p)
                    if extra is not None:
                        c += extra(i - 2, i, j - 1, j)
                    if base + c < best:
                        best, move, bstep = base + c, 3, c
            # 1-2
            if prev is not None and j >= 2 and pa <= j - 2 <= pb and not sres[i - 1] and tgt2[j - 2] is not None:
                base = prev[j - 2 - pa]
                if base < _INF:
                    c = bead_cost("1-2", src[i - 1], tgt2[j - 2], p)
                    if extra is not None:
                        c += extra(i - 1, i, j - 2, j)
                    if base + c < best:
                        best, move, bstep = base + c, 4, c
            row[j - a] = best
            brow[j - a] = move
            srow[j - a] = bstep
        cost.append(row)
        back.append(brow)
        step.append(srow)
    # Trace back from (n, m).
    beads: list[Bead] = []
    i, j = n, m
    total = cost[n][m - lo[n]]
    while i > 0 or j > 0:
        k = back[i][j - lo[i]]
        if k < 0:  # cannot happen: consecutive rows overlap and 1-0 / 0-1 moves are always allowed
            raise RuntimeError("alignment band disconnected")
        di, dj = _MOVES[k]
        beads.append(Bead(i - di, i, j - dj, j, step[i][j - lo[i]]))
        i -= di
        j -= dj
    beads.reverse()
    return (tuple(beads), total), visited


@functools.lru_cache(maxsize=8192)
def _glued(items: tuple[Features, ...]) -> tuple[Features | None, ...]:
    """The merged neighbours of one side for 2-1 / 1-2 beads (None where either has no letters), cached by feature
    values: the source of a file checked against several targets is the same every time."""
    return tuple(merge(a, b) if a.letters and b.letters else None for a, b in zip(items, items[1:]))


def _run_plain(src, tgt, p: Params) -> tuple[tuple[tuple[Bead, ...], float], int]:
    """`_run` over the whole matrix (lo = 0, hi = m on every row) with no residue marks and no extra term: the same
    cells in the same order, the same bead costs, sums and tie-breaking (strict < in move order), without the band
    bookkeeping — each band test of `_run` holds there, each residue test is False."""
    path, total = _plain_path(src, tgt, p)
    return (tuple([Bead(s0, s1, t0, t1, c) for s0, s1, t0, t1, c in path]), total), (len(src) + 1) * (len(tgt) + 1)


def plain_path(
    src: Sequence[Features], tgt: Sequence[Features], params: Params
) -> tuple[tuple[int, int, int, int, float], ...]:
    """(s0, s1, t0, t1, cost) of every bead of ``align(src, tgt, params)`` (no residue marks, no extra term), without
    building `Bead` and `Result` objects when `align` would take the plain full pass (the sentences of a paragraph)."""
    n, m = len(src), len(tgt)
    if m <= max(6, (max(n, m) + 19) // 20):  # align's test for its `_run_plain` branch (default width)
        return tuple(_plain_path(src, tgt, params)[0])
    return tuple([(b.s0, b.s1, b.t0, b.t1, b.cost) for b in align(src, tgt, params).beads])


def _plain_path(src, tgt, p: Params) -> tuple[list[tuple[int, int, int, int, float]], float]:
    """The DP of `_run_plain`: its beads as (s0, s1, t0, t1, cost) tuples in reading order, and the total cost.

    The same cells in the same order, the same sums and the same strict-< tie-breaking in move order as `_run` over
    the whole matrix, with what is fixed there taken out of the cell loop: row 0 can only be reached by 0-1 moves
    and column 0 only by 1-0 moves (every other move needs a source item and a target item); every cell is finite
    (1-0 / 0-1 are always allowed and bead costs are finite), so `_run`'s `base < inf` tests always hold and the
    first move tried at an inner cell (1-1) always beats the initial infinity."""
    n, m = len(src), len(tgt)
    src2, tgt2 = _glued(tuple(src)), _glued(tuple(tgt))
    cost_of = bead_cost
    del_cost = [cost_of("1-0", f, EMPTY, p) for f in src]
    ins_cost = [cost_of("0-1", EMPTY, f, p) for f in tgt]
    # row 0: 0-1 moves only
    row = [0.0] * (m + 1)
    acc = 0.0
    for j in range(1, m + 1):
        c = ins_cost[j - 1]
        acc = acc + c
        row[j] = acc
    cost: list[list[float]] = [row]
    back: list[list[int]] = [[-1] + [2] * m]
    step: list[list[float]] = [[0.0] + ins_cost]
    prev2 = None
    prev = row
    for i in range(1, n + 1):
        s1 = src[i - 1]
        s2 = src2[i - 2] if i >= 2 else None
        dc = del_cost[i - 1]
        # column 0: a 1-0 move only
        row = [prev[0] + dc]
        brow = [1]
        srow = [dc]
        left = row[0]
        for j in range(1, m + 1):
            t1 = tgt[j - 1]
            # 1-1
            c = cost_of("1-1", s1, t1, p)
            best, move, bstep = prev[j - 1] + c, 0, c
            # 1-0
            x = prev[j] + dc
            if x < best:
                best, move, bstep = x, 1, dc
            # 0-1
            c = ins_cost[j - 1]
            x = left + c
            if x < best:
                best, move, bstep = x, 2, c
            # 2-1
            if s2 is not None:
                c = cost_of("2-1", s2, t1, p)
                x = prev2[j - 1] + c
                if x < best:
                    best, move, bstep = x, 3, c
            # 1-2
            if j >= 2:
                t2 = tgt2[j - 2]
                if t2 is not None:
                    c = cost_of("1-2", s1, t2, p)
                    x = prev[j - 2] + c
                    if x < best:
                        best, move, bstep = x, 4, c
            row.append(best)
            brow.append(move)
            srow.append(bstep)
            left = best
        cost.append(row)
        back.append(brow)
        step.append(srow)
        prev2, prev = prev, row
    path: list[tuple[int, int, int, int, float]] = []
    i, j = n, m
    total = cost[n][m]
    while i > 0 or j > 0:
        k = back[i][j]
        di, dj = _MOVES[k]
        path.append((i - di, i, j - dj, j, step[i][j]))
        i -= di
        j -= dj
    path.reverse()
    return path, total
