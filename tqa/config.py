"""Configuration: a frozen `Config`, built from defaults, then `[tool.tqa]` in pyproject.toml or tqa.toml, then the
command line. Loading from files lives in `load_config`; this module does no other I/O."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from tqa.model import Severity

__all__ = ["Config"]


@dataclass(frozen=True, slots=True)
class Config:
    select: tuple[str, ...] = ("TQA",)  # code prefixes; "TQA" or "ALL" selects every rule
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()  # per-rule (code prefix, severity) overrides
    fail_on: Severity = Severity.ERROR
    paths: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    # Cyrillic strings allowed in the English copy (a quoted original title, a brand).
    allow_cyrillic: tuple[str, ...] = ()
    # Terms a check must not flag (names, brands) — used by several rules.
    allow_terms: tuple[str, ...] = ()
    date: str | None = None  # the story's date, YYYY-MM-DD, for weekday ↔ date checks
    source_path: str | None = None  # where the config came from, for the signature

    def replace(self, **changes: object) -> Config:
        return dataclasses.replace(self, **changes)

    def severity_for(self, code: str, default: Severity) -> Severity:
        best: tuple[int, Severity] | None = None
        for prefix, sev in self.severity:
            if code.startswith(prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), sev)
        return best[1] if best else default

    def signature_items(self) -> list[tuple[str, str]]:
        items = [
            ("select", ",".join(self.select)),
            ("ignore", ",".join(self.ignore) or "-"),
            ("fail-on", self.fail_on.value),
        ]
        if self.severity:
            items.append(("severity", ",".join(f"{c}={s.value}" for c, s in self.severity)))
        if self.allow_cyrillic or self.allow_terms:
            items.append(("allow", str(len(self.allow_cyrillic) + len(self.allow_terms))))
        if self.date:
            items.append(("date", self.date))
        return items

