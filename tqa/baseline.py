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
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tqa.errors import InputError
from tqa.model import Finding

__all__ = ["Baseline", "BaselineEntry", "atomic_write_text"]

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


class Baseline:
    """An in-memory baseline; `load`/`save` read and write the file."""

    def __init__(self, entries: Iterable[BaselineEntry] = ()) -> None:
        self._entries: dict[str, BaselineEntry] = {}
        for e in entries:
            self._entries[e.fingerprint] = e

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, fingerprint: object) -> bool:
        return fingerprint in self._entries

    def entries(self) -> list[BaselineEntry]:
        return [self._entries[k] for k in sorted(self._entries)]

    def get(self, fingerprint: str) -> BaselineEntry | None:
        return self._entries.get(fingerprint)

    def add(self, finding: Finding, reason: str = "", target_path: str = "") -> BaselineEntry:
        text = finding.target.text if finding.target else (finding.source.text if finding.source else "")
        entry = BaselineEntry(finding.fingerprint, finding.code, target_path, text[:120], reason)
        self._entries[entry.fingerprint] = entry
        return entry

    def remove(self, fingerprint: str) -> bool:
        return self._entries.pop(fingerprint, None) is not None

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
        return cls(entries)

    @classmethod
    def load_or_empty(cls, path: str | Path) -> Baseline:
        return cls.load(path) if Path(path).exists() else cls()

    def dumps(self) -> str:
        lines = ",\n".join("    " + json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=False) for e in self.entries())
        body = f"[\n{lines}\n  ]" if lines else "[]"
        return f'{{\n  "tool": "{_TOOL}",\n  "version": {_VERSION},\n  "entries": {body}\n}}\n'

    def save(self, path: str | Path) -> None:
        atomic_write_text(path, self.dumps())


def atomic_write_text(path: str | Path, text: str, *, encoding: str = "utf-8", keep_backup: bool = False) -> None:
    """Write `text` to `path` via a temporary file in the same folder and an atomic rename. With `keep_backup`,
    the previous version is kept as ``PATH.orig`` (the first time) — never overwritten by later saves."""
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
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
