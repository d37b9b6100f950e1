"""Review decisions that are never lost: accepted findings and applied fixes (no UI, no textual).

A person reviewing a story decides, finding by finding:

* **accept** it (intended, or a false alarm), with an optional reason — the finding goes to the *baseline* file, the
  same file ``tqa check --baseline FILE`` reads (keyed by the finding's content fingerprint, never its line);
* **apply its fix** — the replacement is recorded in a *journal* beside the target (``NAME.en.txt.tqa-review.json``)
  and written into the target file only when the person saves.

Every decision is on disk as soon as it is made (both files are written atomically: temporary file + rename), so a
crash or Ctrl-C loses nothing, and reopening the story shows the earlier decisions. Saving the target writes the
fixed text atomically, in the file's own encoding, byte-order mark and line endings, and keeps the previous version
as ``NAME.en.txt.orig`` (the version before the first save; never overwritten). A target changed on disk since it
was opened is never overwritten: the pending fixes stay in the journal.

Default places: the baseline is ``tqa-baseline.json`` in the target's folder (``tqa review --baseline FILE``
overrides it); the journal is ``TARGET.tqa-review.json`` beside the target and is deleted once nothing is pending.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tqa.baseline import Baseline, BaselineEntry, atomic_write_text
from tqa.errors import TqaError
from tqa.model import Finding

__all__ = [
    "BASELINE_NAME",
    "JOURNAL_SUFFIX",
    "DecisionError",
    "PendingFix",
    "ReviewSession",
    "applicable_entries",
    "apply_fixes",
    "default_baseline_path",
    "journal_path",
]

BASELINE_NAME = "tqa-baseline.json"
JOURNAL_SUFFIX = ".tqa-review.json"
_TOOL = "tqa-review"
_VERSION = 1

OPEN = "open"
ACCEPTED = "accepted"
FIXED = "fixed"


class DecisionError(TqaError):
    """A decision that cannot be made (no fix, overlapping fixes, target changed on disk…); one line for the UI."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


def default_baseline_path(target_path: str | Path) -> Path:
    """``tqa-baseline.json`` in the target's folder."""
    return Path(target_path).parent / BASELINE_NAME


def journal_path(target_path: str | Path) -> Path:
    p = Path(target_path)
    return p.with_name(p.name + JOURNAL_SUFFIX)


@dataclass(frozen=True, slots=True)
class PendingFix:
    """A fix applied in review but not yet written to the target: ``text[start:end]`` (== `before`) → `after`."""

    fingerprint: str
    code: str
    start: int
    end: int
    before: str
    after: str
    message: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "fingerprint": self.fingerprint,
            "code": self.code,
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
            "message": self.message,
        }

    @classmethod
    def from_dict(cls, item: dict) -> PendingFix:
        return cls(
            str(item["fingerprint"]),
            str(item.get("code", "")),
            int(item["start"]),
            int(item["end"]),
            str(item.get("before", "")),
            str(item.get("after", "")),
            str(item.get("message", "")),
        )


def apply_fixes(text: str, fixes: Iterable[PendingFix]) -> str:
    """`text` with every fix applied (fixes must not overlap; applied from the end so offsets stay valid)."""
    out = text
    for fx in sorted(fixes, key=lambda f: (f.start, f.end), reverse=True):
        out = out[: fx.start] + fx.after + out[fx.end :]
    return out


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _codec(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return "utf-8"


def _decode_raw(raw: bytes, encoding: str) -> str | None:
    """Decode the file's bytes with its encoding, byte-order mark dropped; None if impossible."""
    name = _codec(encoding)
    data = raw
    for bom, family in _BOMS:
        if data.startswith(bom) and name.startswith(family):
            if name not in ("utf-16", "utf-32"):  # those codecs consume the BOM themselves
                data = data[len(bom) :]
            break
    try:
        text = data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None
    return text[1:] if text.startswith("\ufeff") else text


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def applicable_entries(baseline: Baseline, target_path: str) -> dict[str, list[BaselineEntry]]:
    """{fingerprint: entries} of the baseline entries that apply to `target_path` (its own, and those without a
    target), as `tqa check --baseline` scopes them."""
    index = getattr(baseline, "index", None)
    if index is None:  # a baseline without per-target scope: every entry applies everywhere
        out: dict[str, list[BaselineEntry]] = {}
        for e in baseline.entries():
            out.setdefault(e.fingerprint, []).append(e)
        return out
    return index().for_target(target_path)


def _relative_target(baseline: Baseline, target_path: str) -> str:
    rel = getattr(baseline, "relative_target", None)
    return rel(target_path) if rel is not None else target_path


class ReviewSession:
    """The decisions for one story's target file.

    `target_text` is the decoded text the findings' offsets point into (`Document.text`); `encoding` is the target's
    encoding as read. Accepting writes the baseline at once; applying a fix writes the journal at once; `save()`
    writes the fixed target. The baseline file is re-read before each change so that decisions made meanwhile by
    another review (another story sharing the baseline) are kept.
    """

    def __init__(
        self,
        target_path: str | Path,
        target_text: str,
        *,
        baseline_path: str | Path | None = None,
        encoding: str = "utf-8",
    ) -> None:
        self.target_path = Path(target_path)
        self.target_text = target_text
        self.encoding = encoding or "utf-8"
        self.baseline_path = Path(baseline_path) if baseline_path else default_baseline_path(self.target_path)
        self.journal_path = journal_path(self.target_path)
        self.baseline = Baseline()
        self._accepted: dict[str, list[BaselineEntry]] = {}
        self._reload_baseline()
        self._raw_hash = ""
        self.writable, self.why_not_writable = self._check_writable()
        self._pending: dict[str, PendingFix] = {}
        self.stale: list[PendingFix] = []
        self.problems: list[str] = []  # things the person should be told (an unreadable journal, stale fixes)
        self._load_journal()

    # -- state ------------------------------------------------------------------------------------------------------

    def _reload_baseline(self) -> Baseline:
        """Re-read the baseline file (another review may share it) and the entries that apply to this target."""
        self.baseline = Baseline.load_or_empty(self.baseline_path)
        self._accepted = applicable_entries(self.baseline, str(self.target_path))
        return self.baseline

    def _drop_accepted(self, fingerprint: str) -> bool:
        """Remove this target's entries for `fingerprint` from the baseline file (written now)."""
        baseline = self._reload_baseline()
        entries = self._accepted.get(fingerprint, [])
        for e in entries:
            try:
                baseline.remove(e.fingerprint, e.target)
            except TypeError:  # a baseline keyed by fingerprint only
                baseline.remove(e.fingerprint)
        if entries:
            baseline.save(self.baseline_path)
            self._reload_baseline()
        return bool(entries)

    def _check_writable(self) -> tuple[bool, str]:
        try:
            raw = self.target_path.read_bytes()
        except OSError as exc:
            return False, f"the target cannot be read back ({exc.strerror or exc})"
        self._raw_hash = _sha256(raw)
        decoded = _decode_raw(raw, self.encoding)
        if decoded is None or _lf(decoded) != _lf(self.target_text):
            return False, "the target is not a plain text file that tqa can rewrite (a record file or a converted input)"
        return True, ""

    @property
    def pending(self) -> list[PendingFix]:
        """Fixes applied but not yet saved, in text order."""
        return sorted(self._pending.values(), key=lambda f: (f.start, f.end, f.fingerprint))

    @property
    def dirty(self) -> bool:
        return bool(self._pending)

    def status(self, finding: Finding) -> str:
        """``open``, ``accepted`` or ``fixed`` (a fix applied and not yet saved)."""
        if finding.fingerprint in self._pending:
            return FIXED
        if finding.fingerprint and finding.fingerprint in self._accepted:
            return ACCEPTED
        return OPEN

    def accepted_entry(self, finding: Finding) -> BaselineEntry | None:
        entries = self._accepted.get(finding.fingerprint) if finding.fingerprint else None
        return entries[0] if entries else None

    def pending_fix(self, finding: Finding) -> PendingFix | None:
        return self._pending.get(finding.fingerprint)

    def preview_text(self) -> str:
        """The target as it will be saved."""
        return apply_fixes(self.target_text, self._pending.values())

    # -- decisions --------------------------------------------------------------------------------------------------

    def accept(self, finding: Finding, reason: str = "") -> BaselineEntry:
        """Record `finding` in the baseline (written now). Replaces a pending fix of the same finding."""
        if not finding.fingerprint:
            raise DecisionError("this finding has no fingerprint and cannot be accepted")
        if finding.fingerprint in self._pending:
            del self._pending[finding.fingerprint]
            self._write_journal()
        baseline = self._reload_baseline()
        entry = baseline.add(finding, reason.strip(), _relative_target(baseline, str(self.target_path)))
        baseline.save(self.baseline_path)
        self._reload_baseline()
        return entry

    def apply_fix(self, finding: Finding) -> PendingFix:
        """Record `finding`'s fix in the journal (written now); the target is written by `save()`."""
        if finding.fix is None:
            raise DecisionError(f"{finding.code} has no suggested fix here")
        if not self.writable:
            raise DecisionError(f"fixes cannot be applied: {self.why_not_writable}")
        span = finding.target
        if span is None:
            raise DecisionError("the finding has no place in the target to fix")
        start, end = span.start, span.end
        if not (0 <= start <= end <= len(self.target_text)) or self.target_text[start:end] != span.text:
            raise DecisionError("the finding's place in the target does not match the text; re-open the story")
        for other in self._pending.values():
            if other.fingerprint != finding.fingerprint and start < other.end and other.start < end:
                raise DecisionError(f"this fix overlaps the fix already applied for {other.code}; undo that first")
            if other.fingerprint != finding.fingerprint and start == end == other.start == other.end:
                raise DecisionError(f"this fix inserts at the same place as the fix for {other.code}; undo that first")
        fx = PendingFix(finding.fingerprint, finding.code, start, end, span.text, finding.fix.replacement,
                        finding.fix.message)
        self._drop_accepted(finding.fingerprint)
        self._pending[fx.fingerprint] = fx
        self._write_journal()
        return fx

    def undo(self, finding: Finding) -> str | None:
        """Take back the decision on `finding` (accept or pending fix); returns what was undone, or None."""
        if finding.fingerprint in self._pending:
            del self._pending[finding.fingerprint]
            self._write_journal()
            return FIXED
        if finding.fingerprint and self._drop_accepted(finding.fingerprint):
            return ACCEPTED
        return None

    def save(self) -> Path:
        """Write the target with the pending fixes applied (atomic; the previous version kept as ``.orig``), then
        clear the journal. Returns the path written. Raises DecisionError if the file changed on disk."""
        if not self._pending:
            raise DecisionError("no applied fixes to save")
        if not self.writable:
            raise DecisionError(f"cannot save: {self.why_not_writable}")
        try:
            raw = self.target_path.read_bytes()
        except OSError as exc:
            raise DecisionError(f"cannot read {self.target_path}: {exc.strerror or exc}") from None
        if _sha256(raw) != self._raw_hash:
            raise DecisionError(
                f"{self.target_path.name} changed on disk since it was opened; not overwritten "
                "(the applied fixes stay in the journal — re-open the story)"
            )
        fixed = apply_fixes(self.target_text, self._pending.values())
        text, encoding = _encode_like(raw, fixed, self.encoding)
        try:
            atomic_write_text(self.target_path, text, encoding=encoding, keep_backup=True)
        except (OSError, UnicodeEncodeError) as exc:
            raise DecisionError(f"cannot write {self.target_path}: {exc}") from None
        self.target_text = fixed
        self._pending.clear()
        self._raw_hash = _sha256(self.target_path.read_bytes())
        self._write_journal()
        return self.target_path

    @property
    def backup_path(self) -> Path:
        return self.target_path.with_name(self.target_path.name + ".orig")

    # -- journal ----------------------------------------------------------------------------------------------------

    def _load_journal(self) -> None:
        p = self.journal_path
        if not p.exists():
            return
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
            items = data.get("pending", []) if isinstance(data, dict) and data.get("tool") == _TOOL else None
            if items is None:
                raise ValueError("not a tqa review journal")
            fixes = [PendingFix.from_dict(i) for i in items]
            stale = [PendingFix.from_dict(i) for i in data.get("stale", [])]
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            # Never lose an unreadable journal: keep it aside and start empty.
            aside = p.with_name(p.name + ".unreadable")
            try:
                os.replace(p, aside)
            except OSError:
                pass
            self.problems.append(f"review journal {p.name} is unreadable ({exc}); kept as {aside.name}")
            return
        self.stale = list(stale)
        for fx in fixes:
            if 0 <= fx.start <= fx.end <= len(self.target_text) and self.target_text[fx.start : fx.end] == fx.before:
                self._pending[fx.fingerprint] = fx
            else:
                self.stale.append(fx)  # the target changed under the journal: kept, never applied
        if len(self.stale) != len(stale):
            self.problems.append(
                f"{len(self.stale) - len(stale)} applied fix(es) no longer match {self.target_path.name} "
                f"and were set aside in {p.name}"
            )
            self._write_journal()

    def _write_journal(self) -> None:
        if not self._pending and not self.stale:
            try:
                self.journal_path.unlink()
            except FileNotFoundError:
                pass
            return
        data = {
            "tool": _TOOL,
            "version": _VERSION,
            "target": self.target_path.name,
            "pending": [f.to_dict() for f in self.pending],
        }
        if self.stale:
            data["stale"] = [f.to_dict() for f in self.stale]
        atomic_write_text(self.journal_path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _encode_like(raw: bytes, text: str, encoding: str) -> tuple[str, str]:
    """Text and codec to write so the file keeps its encoding, byte-order mark and line endings."""
    name = _codec(encoding)
    original = _decode_raw(raw, name) or ""
    if "\r\n" in original:
        text = _lf(text).replace("\n", "\r\n")
    elif "\r" in original and "\n" not in original:
        text = _lf(text).replace("\n", "\r")
    if name == "utf-8-sig":
        return text, name
    for bom, family in _BOMS:
        if raw.startswith(bom) and name.startswith(family):
            if name not in ("utf-16", "utf-32") and not text.startswith("\ufeff"):
                text = "\ufeff" + text
            break
    return text, name
