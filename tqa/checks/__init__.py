"""The checks. Each module holds one family of rules and registers them with `@register`; importing this package
imports every rule module (in sorted order, so the registry is the same on every run)."""

from __future__ import annotations

import importlib
import pkgutil

from tqa.checks.base import Context, Rule, all_rules, get_rule, register, select_rules

__all__ = ["Context", "Rule", "all_rules", "get_rule", "register", "select_rules"]


def _load_rule_modules() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name != "base" and not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")


_load_rule_modules()
