"""`is_url`: whether a command-line input is a web address (kept apart from `tqa.io.web`, whose HTTP and HTML
modules the common file-only run should not import)."""

from __future__ import annotations

import re

from tqa.patterns import compile as re_compile

__all__ = ["is_url"]

_URL = re_compile(r"^https?://", re.I)


def is_url(value: str) -> bool:
    return _URL.match(value) is not None
