"""PLACEHOLDER (owned by the residue work): recognise web-page residue in agency copy."""

from __future__ import annotations

import re

__all__ = ["classify_residue", "residue_spans"]

_VIEWS = re.compile(r"^\W*\d[\d\s,.]*\s*(views|переглядів|перегляди|перегляд)\W*$", re.I)


def classify_residue(text: str) -> str | None:
    """The residue kind of a whole paragraph ("view-counter", "exchange-rate-widget", …) or None."""
    if _VIEWS.match(text.strip()):
        return "view-counter"
    return None


def residue_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of residue glued inside a paragraph (e.g. a related-news teaser's date and view count)."""
    return []
