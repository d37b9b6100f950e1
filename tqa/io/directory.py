"""A directory of story pairs: ``NAME.uk.txt`` beside ``NAME.en.txt``, in the directory and its subdirectories.

Pairs come sorted by their path relative to the directory (so ``a/z`` before ``b/a``, and the same order on every
machine). A story file without its partner is an error, not silently skipped: a missing translation is exactly what
a QA run must not hide. Hidden files and directories (``.git``, ``.tqa``) and every other file are ignored. Paths
are built on the directory as the user gave it (relative stays relative).
"""

from __future__ import annotations

import os

from tqa.errors import InputError

__all__ = ["SOURCE_SUFFIX", "TARGET_SUFFIX", "find_pairs"]

SOURCE_SUFFIX = ".uk.txt"
TARGET_SUFFIX = ".en.txt"


def _walk_error(exc: OSError) -> None:
    raise InputError(exc.filename or "?", "cannot list directory: " + (exc.strerror or str(exc)).lower())


def find_pairs(root: str | os.PathLike[str]) -> list[tuple[str, str]]:
    """(source, target) paths of every story pair under `root`, sorted; `InputError` for an unpaired file."""
    root = os.fspath(root)
    if not os.path.isdir(root):
        raise InputError(root, "not a directory")
    sources: dict[tuple[str, ...], str] = {}
    targets: dict[tuple[str, ...], str] = {}
    for dirpath, dirnames, filenames in os.walk(root, onerror=_walk_error):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        rel = os.path.relpath(dirpath, root)
        parts = () if rel == os.curdir else tuple(rel.split(os.sep))
        for name in filenames:
            if name.startswith("."):
                continue
            lower = name.lower()
            if lower.endswith(SOURCE_SUFFIX) and len(name) > len(SOURCE_SUFFIX):
                sources[(*parts, name[: -len(SOURCE_SUFFIX)])] = os.path.join(dirpath, name)
            elif lower.endswith(TARGET_SUFFIX) and len(name) > len(TARGET_SUFFIX):
                targets[(*parts, name[: -len(TARGET_SUFFIX)])] = os.path.join(dirpath, name)
    orphans = sorted([(k, p, TARGET_SUFFIX) for k, p in sources.items() if k not in targets]
                     + [(k, p, SOURCE_SUFFIX) for k, p in targets.items() if k not in sources])
    if orphans:
        key, path, wanted = orphans[0]
        more = f" ({len(orphans) - 1} more unpaired file{'s' if len(orphans) > 2 else ''})" if len(orphans) > 1 else ""
        raise InputError(path, f"no partner {key[-1]}{wanted} beside it{more}")
    if not sources:
        if os.path.basename(os.path.normpath(root)).lower().endswith((SOURCE_SUFFIX, TARGET_SUFFIX)):
            raise InputError(root, "is a directory (expected a file)")  # named like a story file
        raise InputError(root, f"no story pairs (NAME{SOURCE_SUFFIX} with NAME{TARGET_SUFFIX}) in this directory")
    return [(sources[k], targets[k]) for k in sorted(sources)]
