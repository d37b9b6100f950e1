"""Case-insensitive searches without ``re.IGNORECASE``, for speed.

With IGNORECASE, ``re`` cannot use its literal prefix scans and tries every alternative of an unanchored pattern at
every position. For a pattern written in lower case — ASCII and Cyrillic letters, no character class or escape that
names an upper-case letter — searching ``text.lower()`` case-sensitively finds the same matches at the same offsets,
unless the text holds one of İ ı ſ ᲀ ᲁ ᲂ ᲃ ᲄ ᲅ ᲆ K: the characters that IGNORECASE matches to an ASCII or Cyrillic
letter other than their own lower case (and İ, the only character whose lower case is longer, which would shift
offsets). For those rare texts `lowered` returns None and the IGNORECASE pattern is used.
(Found by comparing ``re.fullmatch(p, c, re.I)`` with ``c.lower() == p`` for every letter p and character c; lower
case also keeps every character a word character or not, so ``\\b`` and ``\\w`` see the same text.)

Also here: `LazyPattern`, a pattern compiled on first use (for big patterns only rare paths need: start-up time).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqa.patterns import compile as re_compile

__all__ = ["FoldedPattern", "LazyPattern", "lowered"]

_SPECIAL = re_compile("[\u0130\u0131\u017f\u1c80-\u1c86\u212a]")


def lowered(text: str) -> str | None:
    """``text.lower()`` when it can stand in for IGNORECASE searches (see the module docstring), else None."""
    return text.lower() if _SPECIAL.search(text) is None else None


class FoldedPattern:
    """An IGNORECASE pattern written in lower case, searched in the lower-cased text when possible. Pass
    ``low=lowered(text)`` when the caller has it (``...`` computes it). Match offsets are those of `text`; the
    matched text is lower-cased unless the IGNORECASE pattern was used."""

    __slots__ = ("icase", "folded")

    def __init__(self, icase: re.Pattern[str]) -> None:
        if not icase.flags & re.IGNORECASE or icase.pattern != icase.pattern.lower():
            raise ValueError(f"not a lower-case IGNORECASE pattern: {icase.pattern[:60]!r}")
        self.icase = icase
        self.folded = re_compile(icase.pattern, icase.flags & ~re.IGNORECASE)

    def search(self, text: str, low: str | None = ...) -> re.Match[str] | None:  # type: ignore[assignment]
        if low is ...:
            low = lowered(text)
        return self.icase.search(text) if low is None else self.folded.search(low)

    def finditer(self, text: str, low: str | None = ...) -> Iterator[re.Match[str]]:  # type: ignore[assignment]
        if low is ...:
            low = lowered(text)
        return self.icase.finditer(text) if low is None else self.folded.finditer(low)


class LazyPattern:
    """``re.compile(pattern, flags)`` on first use: the same methods and results, without the compile at import (for
    big module-level patterns that only rare paths use)."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        c = self._compiled
        if c is None:
            c = self._compiled = re_compile(self.pattern, self.flags)
        return c

    def search(self, *args, **kwargs) -> re.Match[str] | None:
        return self.compiled().search(*args, **kwargs)

    def match(self, *args, **kwargs) -> re.Match[str] | None:
        return self.compiled().match(*args, **kwargs)

    def fullmatch(self, *args, **kwargs) -> re.Match[str] | None:
        return self.compiled().fullmatch(*args, **kwargs)

    def finditer(self, *args, **kwargs) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(*args, **kwargs)

    def findall(self, *args, **kwargs) -> list:
        return self.compiled().findall(*args, **kwargs)

    def sub(self, *args, **kwargs) -> str:
        return self.compiled().sub(*args, **kwargs)
