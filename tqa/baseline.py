"""The baseline: findings a person has accepted (intended, or a false alarm), keyed by content fingerprint.

One format serves `tqa check --baseline/--write-baseline` and the review UI's "accept" decisions. The file is JSON,
one entry per line, sorted by fingerprint, so it diffs well and merges cleanly::

    {
      "tool": "tqa-baseline",
      "version": 1,
      "entries": [
        {"fingerprint": "0f3c…", "code": "TQA101", "target": "story.en.txt", "text": "Prazі", "reason": "quoted name"},
        …
      ]
    }

The fingerprint hashes the rule code and the normalised text around the finding, never a line number, so a baseline
survives edits elsewhere in the file. Writes are atomic (temporary file + rename).

Scope: an entry with a ``target`` applies to that target file only (the same widget text in two stories gives the
same fingerprint; accepting it in one story must not hide it in the other). A relative ``target`` is read relative
to the baseline file's folder (what `tqa check --write-baseline` writes) or, failing that, to the working directory;
an entry without a target applies everywhere. An entry is *stale* when its target was checked and nothing matched.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tqa.errors import InputError
from tqa.model import Finding

__all__ = ["Baseline", "BaselineEntry", "atomic_write_text", "same_file_keys"]

_TOOL = "tqa-baseline"
_VERSION = 1


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    fingerprint: str
    code: str
    target: str = ""
    text: str = ""
    reason: str = ""

    def to_dict(self) -> dict[str, str]:
        out = {"fingerprint": self.fingerprint, "code": self.code, "target": self.target, "text": self.text}
        if self.reason:
            out["reason"] = self.reason
        return out


def same_file_keys(path: str, *bases: str | Path | None) -> set[str]:
    """Keys under which `path` is known: the normalised text as written, and its absolute form relative to each of
    `bases` (None = the working directory). Two paths name the same file when their keys intersect."""
    if not path:
        return set()
    text = os.path.normpath(path).replace("\\", "/")
    keys = {"=" + os.path.normcase(text)}
    p = Path(path)
    for base in bases or (None,):
        full = p if p.is_absolute() else (Path(base) if base is not None else Path.cwd()) / p
        keys.add(os.path.normcase(os.path.abspath(full)))
    return keys


class Baseline:
    """An in-memory baseline; `load`/`save` read and write the file. `path` is the file it was loaded from (relative
    entry targets are read relative to its folder)."""

    def __init__(self, entries: Iterable[BaselineEntry] = (), *, path: str | Path | None = None) -> None:
        self._entries: dict[tuple[str, str], BaselineEntry] = {}
        self.path: Path | None = Path(path) if path is not None else None
        for e in entries:
            self._entries[(e.fingerprint, e.target)] = e

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, fingerprint: object) -> bool:
        if isinstance(fingerprint, tuple):  # (fingerprint, target)
            return fingerprint in self._entries
        return any(k[0] == fingerprint for k in self._entries)

    def entries(self) -> list[BaselineEntry]:
        """Every entry, sorted by fingerprint (then target)."""
        return [self._entries[k] for k in sorted(self._entries)]

    def get(self, fingerprint: str, target_path: str | None = None) -> BaselineEntry | None:
        """The entry with this fingerprint (for `target_path` when given: its own entry, or one without target)."""
        if target_path is not None:
            return self._entries.get((fingerprint, target_path)) or self._entries.get((fingerprint, ""))
        for key in sorted(self._entries):
            if key[0] == fingerprint:
                return self._entries[key]
        return None

    def add(self, finding: Finding, reason: str = "", target_path: str = "") -> BaselineEntry:
        text = finding.target.text if finding.target else (finding.source.text if finding.source else "")
        entry = BaselineEntry(finding.fingerprint, finding.code, target_path, text[:120], reason)
        self._entries[(entry.fingerprint, entry.target)] = entry
        return entry

    def add_entry(self, entry: BaselineEntry) -> None:
        self._entries[(entry.fingerprint, entry.target)] = entry

    def remove(self, fingerprint: str, target_path: str | None = None) -> bool:
        """Remove the entries with this fingerprint (only the one for `target_path` when given)."""
        keys = [k for k in self._entries if k[0] == fingerprint and (target_path is None or k[1] == target_path)]
        for k in keys:
            del self._entries[k]
        return bool(keys)

    # -- scope: which entries apply to a checked target file ------------------------------------------------------

    def _bases(self) -> tuple[Path | None, ...]:
        folder = self.path.parent if self.path is not None else None
        return (folder, None) if folder is not None else (None,)

    def index(self) -> BaselineIndex:
        """A lookup of the entries by target file, for checking many documents."""
        return BaselineIndex(self)

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        p = Path(path)
        try:
            raw = p.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(p, "baseline file not found") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(p, f"cannot read baseline: {exc}") from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(p, f"baseline is not valid JSON (line {exc.lineno}: {exc.msg})") from None
        if not isinstance(data, dict) or data.get("tool") != _TOOL or not isinstance(data.get("entries"), list):
            raise InputError(p, "not a tqa baseline (expected {\"tool\": \"tqa-baseline\", \"entries\": [...]})")
        entries = []
        for i, item in enumerate(data["entries"], 1):
            if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str):
                raise InputError(p, f"baseline entry {i} has no fingerprint")
            entries.append(
                BaselineEntry(
                    item["fingerprint"],
                    str(item.get("code", "")),
                    str(item.get("target", "")),
                    str(item.get("text", "")),
                    str(item.get("reason", "")),
                )
            )
        return cls(entries, path=p)

    @classmethod
    def load_or_empty(cls, path: str | Path) -> Baseline:
        return cls.load(path) if Path(path).exists() else cls(path=path)

    def relative_target(self, target_path: str) -> str:
        """`target_path` (as the user gave it, relative to the working directory) written relative to this
        baseline's folder, with forward slashes, so the file works from any working directory."""
        if not target_path or self.path is None:
            return target_path.replace("\\", "/")
        folder = os.path.abspath(self.path.parent if str(self.path.parent) else ".")
        try:
            rel = os.path.relpath(os.path.abspath(target_path), folder)
        except ValueError:
            return target_path
        return rel.replace("\\", "/")

    def dumps(self) -> str:
        lines = ",\n".join("    " + json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=False) for e in self.entries())
        body = f"[\n{lines}\n  ]" if lines else "[]"
        return f'{{\n  "tool": "{_TOOL}",\n  "version": {_VERSION},\n  "entries": {body}\n}}\n'

    def save(self, path: str | Path | None = None) -> None:
        target = path if path is not None else self.path
        if target is None:
            raise ValueError("Baseline.save() needs a path")
        atomic_write_text(target, self.dumps())


class BaselineIndex:
    """Entries grouped by the file they apply to. `for_target(path)` gives {fingerprint: [entries]} for one checked
    target (entries without a target included); `mark_checked`/`stale` find the entries that matched nothing."""

    def __init__(self, baseline: Baseline) -> None:
        bases = baseline._bases()
        self._by_key: dict[str, list[BaselineEntry]] = {}
        self._everywhere: list[BaselineEntry] = []
        for entry in baseline.entries():
            if not entry.target:
                self._everywhere.append(entry)
                continue
            for key in same_file_keys(entry.target, *bases):
                self._by_key.setdefault(key, []).append(entry)
        self._checked: dict[tuple[str, str], BaselineEntry] = {}
        self._used: set[tuple[str, str]] = set()

    def for_target(self, target_path: str) -> dict[str, list[BaselineEntry]]:
        found: dict[tuple[str, str], BaselineEntry] = {}
        for key in same_file_keys(target_path):
            for e in self._by_key.get(key, ()):
                found[(e.fingerprint, e.target)] = e
        for e in self._everywhere:
            found[(e.fingerprint, e.target)] = e
        out: dict[str, list[BaselineEntry]] = {}
        for k in sorted(found):
            out.setdefault(k[0], []).append(found[k])
            self._checked[k] = found[k]
        return out

    def checked(self) -> list[BaselineEntry]:
        """The entries that applied to some target looked up so far."""
        return [self._checked[k] for k in sorted(self._checked)]

    def mark_used(self, entries: Iterable[BaselineEntry]) -> None:
        for e in entries:
            self._used.add((e.fingerprint, e.target))

    def stale(self, codes: Iterable[str] | None = None) -> list[BaselineEntry]:
        """Entries whose target was checked (or that have no target) and that suppressed nothing; with `codes`
        (the rules that ran), only entries of those rules (or without a code) — a rule left out of the run
        cannot make its entries stale."""
        ran = set(codes) if codes is not None else None
        return [
            self._checked[k]
            for k in sorted(self._checked)
            if k not in self._used and (ran is None or not self._checked[k].code or self._checked[k].code in ran)
        ]


def atomic_write_text(path: str | Path, text: str, *, encoding: str = "utf-8", keep_backup: bool = False) -> None:
    """Write `text` to `path` via a temporary file in the same folder and an atomic rename. With `keep_backup`,
    the previous version is kept as ``PATH.orig`` (the first time) — never overwritten by later saves."""
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    import tempfile  # only when writing

    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if keep_backup and p.exists():
            backup = p.with_name(p.name + ".orig")
            if not backup.exists():
                os.link(p, backup) if hasattr(os, "link") else backup.write_bytes(p.read_bytes())
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
