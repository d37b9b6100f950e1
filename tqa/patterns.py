"""Compiled regular expressions, kept between runs (as Python keeps compiled bytecode in ``.pyc`` files).

tqa's rules, readers and aligner compile ≈ 430 patterns in a run — word lists of hundreds of alternatives among them —
and Python's `re` compiler spends ≈ 0.07 s on them, about half of tqa's start-up; for a pre-commit hook that checks
one story, start-up is most of the run. `re` keeps nothing on disk. This module does: `compile` returns the same
`re.Pattern` as `re.compile`, built from the compiler's output (the opcode list the `_sre` matching engine runs) saved
in the user's cache folder by an earlier run, and compiles (and remembers) what it has not seen. `compile_regex` does
the same for the third-party `regex` package (the SRX sentence splitter's look-behinds, ≈ 0.02 s of a first split),
through that package's own pickling data (a compiled pattern pickles as its compiled code). `remember` keeps a
value read from a rule file (the SRX rule set, ≈ 5 ms of XML parsing) the same way, keyed by the file's identity.

Safety: the cache file is named by everything the opcode format depends on — the exact Python build, the `_sre`
engine's magic number and code size, the widest character — so another interpreter never reads it; each entry is
keyed by the pattern's text and flags (`regex` entries also by the package's version); any surprise (no folder,
unreadable, truncated or foreign file, a `re` internal that is not where it was) means `re.compile` as usual, and
`TQA_NO_CACHE=1` turns the cache off. The file is written only by `save()` (the CLI calls it after `check` and
`review`), atomically, and only when something was added.
"""

from __future__ import annotations

import copyreg
import hashlib
import marshal
import os
import re
import sys
from pathlib import Path

__all__ = ["cache_file", "compile", "compile_regex", "remember", "save"]

_MAX_ENTRIES = 4000  # patterns built from user input (allow-lists, …) must not grow the file without bound

try:  # the pieces of `re.compile` this module takes apart (Python ≥ 3.11: re._parser / re._compiler)
    import _sre
    from re import _compiler, _parser

    _KEY = "|".join(map(str, (sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, sys.maxunicode)))
    _AVAILABLE = callable(getattr(_compiler, "_code", None)) and callable(getattr(_parser, "parse", None))
except (ImportError, AttributeError):  # another Python: plain re.compile
    _KEY = ""
    _AVAILABLE = False

_entries: dict[tuple, object] | None = None  # loaded on first use: (pattern, flags) → `re` entry, and the others
_added = False


def cache_file() -> Path | None:
    """Where the compiled patterns of this Python are kept; None when the cache is off."""
    if not _AVAILABLE or os.environ.get("TQA_NO_CACHE"):
        return None
    base = os.environ.get("TQA_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "tqa")
    digest = hashlib.sha1(_KEY.encode()).hexdigest()[:16]
    return Path(base) / f"patterns-{digest}.marshal"


def _load() -> dict[tuple, object]:
    path = cache_file()
    if path is None:
        return {}
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, tuple) or len(data) != 2 or data[0] != _KEY or not isinstance(data[1], dict):
        return {}
    return data[1]


def _entry(pattern: str, flags: int) -> tuple:
    """What `re._compiler.compile` hands to `_sre.compile` for `pattern` (its own steps, Python 3.11–3.13)."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | p.state.flags), [int(c) for c in code], p.state.groups - 1, groupindex, tuple(indexgroup))


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001 (the name of re's)
    """`re.compile(pattern, flags)`, from the cache when an earlier run compiled the same pattern."""
    global _entries, _added
    if not _AVAILABLE or not isinstance(pattern, str) or (int(flags) & re.DEBUG):
        return re.compile(pattern, flags)
    if _entries is None:
        _entries = _load()
    key = (pattern, int(flags))
    entry = _entries.get(key)
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except Exception:  # noqa: BLE001 — a damaged entry: compile afresh (and replace it)
            pass
    try:
        entry = _entry(pattern, int(flags))
        compiled = _sre.compile(pattern, *entry)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 — a `re` internal changed shape: the public way, uncached
        return re.compile(pattern, flags)
    if len(_entries) < _MAX_ENTRIES:
        _entries[key] = entry
        _added = True
    return compiled


def compile_regex(pattern: str, flags: int = 0):
    """``regex.compile(pattern, flags=flags)`` of the `regex` package, from the cache when an earlier run compiled the
    same pattern with the same version of the package.

    A `regex` pattern pickles as ``(_regex.compile, pattern._pickled_data)`` — its compiled code and tables, rebuilt
    without parsing (`regex._main._pickle`). That data is what the cache keeps (marshalled, so loading the file runs
    no code), and what rebuilds the pattern here."""
    global _entries, _added
    import regex

    if cache_file() is None or not isinstance(pattern, str):
        return regex.compile(pattern, flags=flags)
    if _entries is None:
        _entries = _load()
    key = ("regex", regex.__version__, pattern, int(flags))
    data = _entries.get(key)
    if data is not None:
        try:
            from regex import _regex

            return _regex.compile(*data)
        except Exception:  # noqa: BLE001 — a damaged entry: compile afresh (and replace it)
            pass
    compiled = regex.compile(pattern, flags=flags)
    try:
        constructor, data = copyreg.dispatch_table[type(compiled)](compiled)
        from regex import _regex

        if constructor is not _regex.compile:
            return compiled
        marshal.dumps(data)  # (only plain data is kept)
    except Exception:  # noqa: BLE001 — the package pickles differently now: uncached
        return compiled
    if len(_entries) < _MAX_ENTRIES:
        _entries[key] = data
        _added = True
    return compiled


def remember(name: str, path: str, build):
    """``build()`` — plain data read from the file at `path` (tuples, strings, numbers, booleans) — from the cache
    when an earlier run built it from the same file (same path, size and modification time); built and remembered
    otherwise."""
    global _entries, _added
    if cache_file() is None:
        return build()
    try:
        st = os.stat(path)
    except OSError:
        return build()
    if _entries is None:
        _entries = _load()
    key = ("data", name, os.fspath(path), st.st_size, st.st_mtime_ns)
    if key in _entries:
        return _entries[key]
    value = build()
    try:
        marshal.dumps(value)
    except ValueError:  # (not plain data: not kept)
        return value
    # the same file's older versions are dropped (a package upgrade must not grow the file)
    for old in [k for k in _entries if k[:3] == key[:3]]:
        del _entries[old]
    if len(_entries) < _MAX_ENTRIES:
        _entries[key] = value
        _added = True
    return value


def save() -> bool:
    """Write the cache if this run compiled patterns it did not hold (atomically; errors ignored). True if written."""
    global _added
    path = cache_file()
    if path is None or not _added or _entries is None:
        return False
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".patterns-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump((_KEY, _entries), fh)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):
        return False
    _added = False
    return True
