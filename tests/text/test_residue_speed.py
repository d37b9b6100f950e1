"""The exact pre-checks of `tqa.text.residue.classify_residue` skip only pattern tries that cannot match."""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.text import residue as R

_ANY = "ANY"
_DIGIT_FIRST = {"views", "timestamp", "page-info"}  # the sets whose pattern may start with \d (tried on isdecimal)


def _first(seq) -> tuple[set[str] | str, bool]:
    """(lower-cased first characters, or _ANY; nullable) of a parsed sequence."""
    out: set[str] = set()
    for op, av in seq:
        f, nullable = _item(op, av)
        if f == _ANY:
            return _ANY, False
        out |= f  # type: ignore[arg-type]
        if not nullable:
            return out, False
    return out, True


def _item(op, av) -> tuple[set[str] | str, bool]:
    if op is C.AT or op is C.ASSERT_NOT:
        return set(), True
    if op is C.LITERAL:
        return {chr(av).lower()}, False
    if op is C.CATEGORY:
        return _item(C.IN, [(op, av)])
    if op is C.IN:
        s: set[str] = set()
        for o, a in av:
            if o is C.LITERAL:
                s.add(chr(a).lower())
            elif o is C.RANGE and a[1] - a[0] < 300:
                s |= {chr(x).lower() for x in range(a[0], a[1] + 1)}
            elif o is C.CATEGORY and a is C.CATEGORY_DIGIT:
                s.add("<digit>")
            elif o is C.CATEGORY and a is C.CATEGORY_SPACE:
                s.add("<space>")
            else:
                return _ANY, False
        return s, False
    if op is C.BRANCH:
        s, nullable = set(), False
        for b in av[1]:
            f, n = _first(b)
            if f == _ANY:
                return _ANY, False
            s |= f  # type: ignore[arg-type]
            nullable = nullable or n
        return s, nullable
    if op is C.SUBPATTERN:
        return _first(av[3])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, _hi, sub = av
        f, n = _first(sub)
        return f, n or lo == 0
    return _ANY, False


def _derived(pattern: re.Pattern[str]) -> set[str]:
    f, nullable = _first(P.parse(pattern.pattern, pattern.flags))
    assert f != _ANY and not nullable
    return f  # type: ignore[return-value]


@pytest.mark.parametrize("key", sorted(R.FIRST_CHAR_PATTERNS))
def test_first_character_sets_cover_the_patterns(key: str) -> None:
    derived = _derived(getattr(R, R.FIRST_CHAR_PATTERNS[key]))
    chars = R._FIRST[key]
    if "<digit>" in derived:
        assert key in _DIGIT_FIRST
    if "<space>" in derived:
        assert key == "views"  # classify_residue tries it on the stripped text: \s never starts it
    missing = {c for c in derived - {"<digit>", "<space>"} if c not in chars}
    assert not missing, f"{key}: add {''.join(sorted(missing))!r}"


def test_first_character_sets_hold_every_case_variant() -> None:
    # IGNORECASE matches c to an ASCII or Cyrillic letter p when c.lower() == p, or c is one of tqa.text.fold's
    # special characters (in every set); the sets must hold every such c.
    by_lower: dict[str, set[str]] = {}
    for i in range(0x110000):
        c = chr(i)
        by_lower.setdefault(c.lower(), set()).add(c)
    for key, chars in R._FIRST.items():
        for p in {c.lower() for c in chars if c not in R._FOLD_SPECIALS}:
            assert by_lower.get(p, set()) <= chars | set(R._FOLD_SPECIALS), (key, p)
    assert all(set(R._FOLD_SPECIALS) <= chars for chars in R._FIRST.values())


def test_norm_shortcut_facts() -> None:
    # lower case never makes or removes white space, so an unstripped line keeps its word count in normal form
    for i in range(0x110000):
        c = chr(i)
        assert any(x.isspace() for x in c.lower()) == c.isspace(), hex(i)
    assert R._NORM_STRIP.strip() == R._NORM_STRIP
    assert R._norm_line("— x ·") == "x"


class _All:
    def __contains__(self, item: object) -> bool:
        return True


_PIECES = [
    "Read also", "read ALSO:", "Photo", "ФОТО:", "Subscribe to", "our Telegram", "Tags:", "share", "Поділитися",
    "Author:", "by Olena Petrenko", "Source: UNN", "Джерело:", "Reading time: 2 min", "💬 12", "Comments (0)",
    "Updated", "12.03.2024", "15:55", "• 126 views", "👁 2 341", "Kyiv • UNN", "Нагадаємо", "Let us recall",
    "Реклама", "на правах реклами", "Головна", "Новини", "politics", "The", "minister", "said", ".", ",", ":", " ",
    "—", "·", "|", "ſhare", "İmage", "Kelvin K", "ᲀ", "3 minutes ago", "5 хв тому", "©", "all rights reserved",
    "Читайте також", "Дивіться", "Їжа", "\u00a0", "1", "word", "another word",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join) | st.lists(
    st.sampled_from(_PIECES), max_size=8
).map("".join)


@settings(max_examples=600, deadline=None)
@given(text=_TEXTS)
def test_same_kind_without_the_pre_checks(text: str) -> None:
    fast = R.classify_residue.__wrapped__(text)
    names = [n for n in vars(R) if n.startswith("_FIRST_")]
    saved = {n: getattr(R, n) for n in [*names, "_MAX_SET_WORDS"]}
    try:
        for n in names:
            setattr(R, n, _All())
        R._MAX_SET_WORDS = 10**9
        slow = R.classify_residue.__wrapped__(text)
    finally:
        for n, v in saved.items():
            setattr(R, n, v)
    assert fast == slow
