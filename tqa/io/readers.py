"""Input dispatch: command-line paths → `Story` values, one reader per input kind.

* ``SOURCE TARGET`` — two story files (Ukrainian, English); paragraphs are the non-blank lines (mode "document");
* ``--aligned SOURCE TARGET`` — line N of the source is line N of the target (WMT style), streamed in chunks
  (mode "aligned");
* ``DIR`` — every ``NAME.uk.txt`` + ``NAME.en.txt`` under DIR, sorted (document mode, or aligned with ``--aligned``);
* ``FILE.tsv`` — ``source<TAB>target`` per line, or the columns a header line names (mode "aligned", streamed);
* ``FILE.jsonl`` / ``.ndjson`` — ``{"source": …, "target": …}`` (or ``src``/``tgt``, ``uk``/``en``) per line
  (mode "aligned", streamed).

Kinds mix on one command line (``tqa check a.uk.txt a.en.txt stories/ more.tsv``): plain files are taken two by
two, in order. Every path is checked before the first story is read, so a typo in the last path fails at once.
Every problem is a one-line `InputError` naming the file (the CLI prints it and exits with code 2).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from tqa.errors import InputError, UsageError
from tqa.io.directory import find_pairs
from tqa.io.pair import read_story
from tqa.io.records import read_aligned, read_jsonl, read_tsv
from tqa.model import Story

__all__ = ["TSV_SUFFIXES", "JSONL_SUFFIXES", "input_kind", "plan_inputs", "read_inputs", "read_pair"]

TSV_SUFFIXES = (".tsv",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def input_kind(path: str) -> str:
    """"dir", "tsv", "jsonl" or "file" (a story file, or a line file with --aligned); "missing" if absent."""
    if os.path.isdir(path):
        return "dir"
    lower = path.lower()
    if lower.endswith(TSV_SUFFIXES):
        kind = "tsv"
    elif lower.endswith(JSONL_SUFFIXES):
        kind = "jsonl"
    else:
        kind = "file"
    if not os.path.lexists(path):
        return "missing"
    return kind


def plan_inputs(paths: Sequence[str | os.PathLike[str]]) -> list[tuple[str, ...]]:
    """Validate the paths and list the work: ("pair", source, target), ("tsv", path) or ("jsonl", path).

    Directories are expanded to their pairs here, so an unpaired file is reported before anything is read.
    """
    items = [os.fspath(p) for p in paths]
    if not items:
        raise UsageError("nothing to check: give SOURCE TARGET, a directory, or a .tsv/.jsonl file")
    kinds = [input_kind(p) for p in items]
    for p, kind in zip(items, kinds):
        if kind == "missing":
            raise InputError(p, "no such file or directory")
    plan: list[tuple[str, ...]] = []
    i = 0
    while i < len(items):
        path, kind = items[i], kinds[i]
        if kind == "dir":
            plan.extend(("pair", s, t) for s, t in find_pairs(path))
        elif kind in ("tsv", "jsonl"):
            plan.append((kind, path))
        else:
            if i + 1 >= len(items):
                raise InputError(path, "no TARGET file after this SOURCE file (give SOURCE TARGET, a directory, "
                                       "or a .tsv/.jsonl file)")
            nxt, nkind = items[i + 1], kinds[i + 1]
            if nkind == "dir":
                raise InputError(nxt, f"is a directory (expected the TARGET file for {path})")
            if nkind != "file":
                raise InputError(path, f"no TARGET file after this SOURCE file (the next path, {nxt}, is a "
                                       f"{nkind.upper()} file)")
            plan.append(("pair", path, nxt))
            i += 1
        i += 1
    return plan


def read_pair(
    source: str | os.PathLike[str], target: str | os.PathLike[str], *, date: str | None = None, aligned: bool = False
) -> Story:
    """One story pair as one `Story` (document mode; with `aligned`, line N ↔ line N, all records in one Story)."""
    if not aligned:
        return read_story(source, target, date=date)
    stories = read_aligned(source, target, date=date, chunk_size=1 << 62)
    try:
        return next(stories)
    finally:
        stories.close()


def read_inputs(
    paths: Sequence[str | os.PathLike[str]], *, aligned: bool = False, date: str | None = None
) -> Iterator[Story]:
    """Stories for the given paths, in order (a generator: record files are streamed chunk by chunk)."""
    for item in plan_inputs(paths):
        kind = item[0]
        if kind == "pair":
            if aligned:
                yield from read_aligned(item[1], item[2], date=date)
            else:
                yield read_story(item[1], item[2], date=date)
        elif kind == "tsv":
            yield from read_tsv(item[1], date=date)
        else:
            yield from read_jsonl(item[1], date=date)
