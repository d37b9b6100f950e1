"""English number words: ``three``, ``twenty-five``, ``a dozen``, ``one hundred and five``, ``half a billion``,
``one and a half million``, ``first``…``twentieth``.

`parse_words(tokens)` turns a run of lower-cased word tokens into (value, scale, tokens used, is_ordinal).
"""

from __future__ import annotations

import re

from tqa.patterns import compile as re_compile
from tqa.text.fold import FoldedPattern, lowered
from tqa.text.numbers._scan import trie_alternation

__all__ = ["CONTINUING", "EN_SCALES", "WORD_ALTERNATION", "WORD_RE", "continues", "has_number_word", "has_number_word_match", "iter_number_words", "lowered",
           "parse_words"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORD_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}
_ORD_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
             "eightieth": 80, "ninetieth": 90, "hundredth": 100}
EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SINGLE = {"dozen": 12, "both": 2, "couple": 2, "pair": 2, "twice": 2, "once": 1, "thrice": 3, "half": 0.5}

_ALL = set(_UNITS) | set(_TENS) | set(_ORD_UNITS) | set(_ORD_TENS) | set(EN_SCALES) | set(_SINGLE) | {"hundred"}
# A number word, maybe with a hyphenated unit ("twenty-five"). Both word lists are written as tries (one branch per
# first letter) rather than flat alternations: `re` then tries a handful of branches at each word start instead of
# ~90. Exact: between \b and \b (or "-") the word run is the whole \w-run at that position, so at most one string of
# the list can match there whatever the alternation's order; both forms match the same strings
# (`WORD_ALTERNATION` is the flat form, kept for the tests).
WORD_ALTERNATION = (
    r"\b(?:" + "|".join(sorted(_ALL, key=len, reverse=True)) + r")(?:-(?:"
    + "|".join(sorted(set(_UNITS) | set(_ORD_UNITS), key=len, reverse=True)) + r"))?\b"
)


WORD_RE = re_compile(
    r"\b" + trie_alternation(_ALL) + r"(?:-" + trie_alternation(set(_UNITS) | set(_ORD_UNITS)) + r")?\b",
    re.IGNORECASE,
)
# Every token `parse_words` may accept or look past: the number words, "a"/"an"/"and", and any hyphenated token
# (``twenty-five``). It never reads a token after the first one outside this set (see `parse_words`), so a caller may
# stop collecting tokens there.
CONTINUING = frozenset(_ALL | {"a", "an", "and"})


def continues(token: str) -> bool:
    """False only when `parse_words` never reads a token after this one (see `CONTINUING`)."""
    return token in CONTINUING or "-" in token


PRECHECK_RE = re_compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty\b|ty-|hundred|thousand|illion|dozen|"
    r"both|couple|pair|twice|once|thrice|half|first|second|third|fifth|twelfth|ieth|th\b)",
    re.IGNORECASE,
)

# Speed: both patterns are searched in the lower-cased text when possible (`tqa.text.fold`: same offsets).
_WORD_FOLDED = FoldedPattern(WORD_RE)
_PRECHECK_FOLDED = FoldedPattern(PRECHECK_RE)


def has_number_word(text: str, low: str | None) -> bool:
    """``PRECHECK_RE.search(text)``; `low` is ``lowered(text)``."""
    return _PRECHECK_FOLDED.search(text, low) is not None


def has_number_word_match(text: str, low: str | None) -> bool:
    """``WORD_RE.search(text)``: a number word itself (stricter than `has_number_word`'s pre-check); `low` is
    ``lowered(text)``."""
    return _WORD_FOLDED.search(text, low) is not None


def iter_number_words(text: str, low: str | None, pos: int = 0):
    """``WORD_RE.finditer(text, pos)`` (the match offsets are the same; the matched text may be lower-cased)."""
    if low is None:
        return _WORD_FOLDED.icase.finditer(text, pos)
    return _WORD_FOLDED.folded.finditer(low, pos)


def first_number_word(text: str, low: str | None) -> int | None:
    """The offset of ``WORD_RE.search(text)``, None without a match (`low` is ``lowered(text)``)."""
    m = _WORD_FOLDED.search(text, low)
    return None if m is None else m.start()


def _word_value(w: str) -> tuple[float, str, bool] | None:
    """(value, class, ordinal) of one token; class is u (0-19), d (tens), h (hundred), s (scale)."""
    if w in _UNITS:
        return float(_UNITS[w]), "u", False
    if w in _TENS:
        return float(_TENS[w]), "d", False
    if w in _ORD_UNITS:
        return float(_ORD_UNITS[w]), "u", True
    if w in _ORD_TENS:
        return float(_ORD_TENS[w]), ("h" if w == "hundredth" else "d"), True
    if w == "hundred":
        return 100.0, "h", False
    if w in EN_SCALES:
        return float(EN_SCALES[w]), "s", False
    if "-" in w:
        a, _, b = w.partition("-")
        if a in _TENS and (b in _UNITS or b in _ORD_UNITS):
            ordinal = b in _ORD_UNITS
            return float(_TENS[a] + (_ORD_UNITS[b] if ordinal else _UNITS[b])), "d", ordinal
    return None


def parse_words(tokens: list[str]) -> tuple[float, int, int, bool] | None:
    """Value of a run of English number words, the scale it ends with, how many tokens were used and whether it is
    an ordinal. Tokens are lower-case words; ``a``/``an`` and ``and`` are accepted where English puts them
    (``a hundred``, ``one hundred and five``, ``one and a half million``, ``half a billion``)."""
    if not tokens:
        return None
    t0 = tokens[0]
    # "half a billion", "half a million"
    if t0 == "half":
        if len(tokens) >= 3 and tokens[1] in ("a", "an") and tokens[2] in EN_SCALES:
            return 0.5 * EN_SCALES[tokens[2]], EN_SCALES[tokens[2]], 3, False
        return 0.5, 1, 1, False
    if t0 in ("a", "an"):
        if len(tokens) >= 2 and (tokens[1] in EN_SCALES or tokens[1] in ("hundred", "dozen")):
            if tokens[1] == "dozen":
                return 12.0, 1, 2, False
            r = parse_words(["one"] + tokens[1:])
            return r
        return None
    if t0 in _SINGLE:
        if t0 == "couple" or t0 == "pair":
            return float(_SINGLE[t0]), 1, 1, False
        return float(_SINGLE[t0]), 1, 1, False
    total = 0.0
    current = 0.0
    used = 0
    last = ""
    ordinal = False
    scale = 1
    i = 0
    n = len(tokens)
    while i < n:
        w = tokens[i]
        if w == "and" and used and i + 1 < n:
            # "one hundred and five"; "one and a half million"
            if last == "h" and _word_value(tokens[i + 1]) and _word_value(tokens[i + 1])[1] in ("u", "d"):
                i += 1
                continue
            if tokens[i + 1 : i + 3] == ["a", "half"]:
                current += 0.5
                used += 3
                i += 3
                last = "f"
                continue
            break
        info = _word_value(w)
        if info is None or ordinal:
            break
        value, cls, is_ord = info
        if cls == "s":
            if not used:
                return None  # "million" alone ("millions of") is vague
            total += (current or 1.0) * value
            current = 0.0
            scale = int(value)
        elif cls == "h":
            if last in ("h",):
                break
            current = (current or 1.0) * value
        elif cls == "d":
            if last in ("d", "u", "f"):
                break
            current += value
        else:  # u
            if last in ("u", "f") or (last == "d" and value >= 10):
                break
            current += value
        ordinal = is_ord
        used += 1
        last = cls
        i += 1
    if not used:
        return None
    total += current
    return total, (scale if current == 0 else 1), i, ordinal
