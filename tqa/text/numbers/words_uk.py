"""Ukrainian number words in their case forms: ``п'ять``, ``п'яти``, ``п'ятьма``, ``двадцять п'ять``, ``трьох``,
``троє``, ``сотня``, ``пів мільярда``, ``півтора мільйона``.

`parse_words(tokens)` turns a run of number words into a value; `ALL_WORDS` holds every form. Apostrophes are
normalised to ``'`` before lookup (``’``, ``ʼ``, `````` all occur in agency copy).
"""

from __future__ import annotations

import re

from tqa.patterns import compile as re_compile
from tqa.text.fold import FoldedPattern
from tqa.text.numbers._scan import trie_alternation

__all__ = [
    "ALL_WORDS",
    "SCALE_WORDS",
    "UK_NUMBER_WORDS",
    "has_number_word",
    "has_number_word_token",
    "normalise_apostrophes",
    "parse_words",
    "scale_of",
]

_APOS = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "′": "'", "‘": "'"})


def normalise_apostrophes(s: str) -> str:
    """``s.translate(_APOS)``, as five replacements: the same text (no replacement makes a character another one
    replaces), ~20 times faster on Cyrillic text than `str.translate`'s per-character table look-ups."""
    return s.replace("’", "'").replace("ʼ", "'").replace("`", "'").replace("′", "'").replace("‘", "'")


def _forms(value: int | float, kind: str, *forms: str) -> dict[str, tuple[float, str]]:
    return {f: (value, kind) for f in forms}


# kind: "u" units 1-9, "t" 10-19, "d" tens, "h" hundreds, "c" collective (двоє), "n" counted noun (сотня),
# "f" fraction prefix (пів, півтора)
UK_NUMBER_WORDS: dict[str, tuple[float, str]] = {}
_W = UK_NUMBER_WORDS
_W |= _forms(1, "u", "один", "одна", "одне", "одного", "одному", "одним", "одній", "одну", "одною", "однієї", "одної")
_W |= _forms(2, "u", "два", "дві", "двох", "двом", "двома")
_W |= _forms(3, "u", "три", "трьох", "трьом", "трьома")
_W |= _forms(4, "u", "чотири", "чотирьох", "чотирьом", "чотирма", "чотирьома")
_W |= _forms(5, "u", "п'ять", "п'яти", "п'ятьох", "п'ятьом", "п'ятьма", "п'ятьома")
_W |= _forms(6, "u", "шість", "шести", "шістьох", "шістьом", "шістьма", "шістьома")
_W |= _forms(7, "u", "сім", "семи", "сімох", "сімом", "сьома", "сімома")
_W |= _forms(8, "u", "вісім", "восьми", "вісьмох", "вісьмом", "вісьма", "вісьмома", "восьма")
_W |= _forms(9, "u", "дев'ять", "дев'яти", "дев'ятьох", "дев'ятьом", "дев'ятьма", "дев'ятьома")
_W |= _forms(10, "t", "десять", "десяти", "десятьох", "десятьом", "десятьма", "десятьома")
for _stem, _v in (
    ("одинадцят", 11),
    ("дванадцят", 12),
    ("тринадцят", 13),
    ("чотирнадцят", 14),
    ("п'ятнадцят", 15),
    ("шістнадцят", 16),
    ("сімнадцят", 17),
    ("вісімнадцят", 18),
    ("дев'ятнадцят", 19),
):
    _W |= _forms(_v, "t", _stem + "ь", _stem + "и", _stem + "ьох", _stem + "ьом", _stem + "ьма", _stem + "ьома")
for _stem, _v in (("двадцят", 20), ("тридцят", 30)):
    _W |= _forms(_v, "d", _stem + "ь", _stem + "и", _stem + "ьох", _stem + "ьом", _stem + "ьма", _stem + "ьома")
_W |= _forms(40, "d", "сорок", "сорока")
for _stem, _v in (("п'ят", 50), ("шіст", 60), ("сім", 70), ("вісім", 80)):
    _W |= _forms(_v, "d", *(_stem + "десят" + _suf for _suf in ("", "и", "ьох", "ьом", "ьма", "ьома")))
_W |= _forms(50, "d", "п'ятидесяти")
_W |= _forms(60, "d", "шістьдесят", "шестидесяти")
_W |= _forms(70, "d", "семидесяти")
_W |= _forms(80, "d", "восьмидесяти")
_W |= _forms(90, "d", "дев'яносто", "дев'яноста")
_W |= _forms(100, "h", "сто", "ста")
_W |= _forms(200, "h", "двісті", "двохсот", "двомстам", "двомастами", "двохстах")
_W |= _forms(300, "h", "триста", "трьохсот", "трьомстам", "трьомастами", "трьохстах")
_W |= _forms(400, "h", "чотириста", "чотирьохсот", "чотирьомстам", "чотирмастами", "чотирьохстах")
for _nom, _gen, _v in (
    ("п'ятсот", "п'ятисот", 500),
    ("шістсот", "шестисот", 600),
    ("сімсот", "семисот", 700),
    ("вісімсот", "восьмисот", 800),
    ("дев'ятсот", "дев'ятисот", 900),
):
    _root = _gen[:-3]
    _W |= _forms(_v, "h", _nom, _gen, _root + "стам", _root + "стах", _root + "стами")
# collective numerals
_W |= _forms(2, "c", "двоє", "обидва", "обидві", "обох", "обом", "обома")
_W |= _forms(3, "c", "троє")
_W |= _forms(4, "c", "четверо")
_W |= _forms(5, "c", "п'ятеро")
_W |= _forms(6, "c", "шестеро")
_W |= _forms(7, "c", "семеро")
_W |= _forms(8, "c", "восьмеро")
_W |= _forms(9, "c", "дев'ятеро")
_W |= _forms(10, "c", "десятеро")
# counted nouns (singular only: the plural "сотні", "десятки" means "hundreds", "dozens")
_W |= _forms(100, "n", "сотня", "сотню", "сотнею")
_W |= _forms(10, "n", "десяток", "десятка", "десятком")
_W |= _forms(12, "n", "дюжина", "дюжину", "дюжини")
# fractions
_W |= _forms(0.5, "f", "пів", "половина", "половину", "половини")
_W |= _forms(1.5, "f", "півтора", "півтори")
# ordinal numerals, every gender and case ("другого типу" → "type 2", "з шостої години" → "from 6")
_ORD_ENDINGS = ("ий", "ого", "ому", "им", "ім", "а", "ої", "ій", "у", "ою", "е", "і", "их", "ими")
for _stem, _v in (
    ("перш", 1), ("друг", 2), ("четверт", 4), ("п'ят", 5), ("шост", 6), ("сьом", 7), ("восьм", 8),
    ("дев'ят", 9), ("десят", 10), ("одинадцят", 11), ("дванадцят", 12), ("тринадцят", 13),
    ("чотирнадцят", 14), ("п'ятнадцят", 15), ("шістнадцят", 16), ("сімнадцят", 17), ("вісімнадцят", 18),
    ("дев'ятнадцят", 19), ("двадцят", 20), ("тридцят", 30), ("сорок", 40), ("п'ятдесят", 50), ("сот", 100),
):
    for _e in _ORD_ENDINGS:
        _W.setdefault(_stem + _e, (_v, "o"))
for _f in ("третій", "третя", "третє", "третього", "третьому", "третім", "третьої", "третю", "третьою", "треті",
           "третіх", "третіми"):
    _W[_f] = (3, "o")
# multiplicatives ("у 2 рази" / "вдвічі" → "doubled", "twice")
_W |= _forms(2, "x", "вдвічі", "удвічі", "двічі", "вдвоє", "удвоє")
_W |= _forms(3, "x", "втричі", "утричі", "тричі", "втроє", "утроє")
_W |= _forms(4, "x", "вчетверо", "учетверо")
_W |= _forms(5, "x", "вп'ятеро", "уп'ятеро")
_W |= _forms(10, "x", "вдесятеро", "удесятеро")
# a day is 24 hours ("за минулу добу" → "over the past 24 hours")
_W |= _forms(24, "x", "добу", "доба", "доби")

SCALE_WORDS: dict[str, int] = {}
for _w in ("тисяча", "тисячі", "тисяч", "тисячу", "тисячею", "тисячам", "тисячами", "тисячах", "тис"):
    SCALE_WORDS[_w] = 10**3
for _stem, _v in (("мільйон", 10**6), ("мільярд", 10**9), ("трильйон", 10**12)):
    for _suf in ("", "а", "у", "ом", "і", "и", "ів", "ам", "ами", "ах"):
        SCALE_WORDS[_stem + _suf] = _v
for _w, _v in (("млн", 10**6), ("млрд", 10**9), ("трлн", 10**12), ("мрд", 10**9)):
    SCALE_WORDS[_w] = _v
# glued "half" forms
_HALF_GLUED = {"півтисячі": 500.0, "півмільйона": 5e5, "півмільярда": 5e8, "півсотні": 50.0, "півтрильйона": 5e11}

# Plural scale words that stand alone mean "thousands of", not a number.
VAGUE_ALONE = {"тисячі", "тисяч", "тисячами", "тисячам", "тисячах", "мільйони", "мільйонів", "мільйонами",
               "мільярди", "мільярдів", "мільйонам", "мільйонах", "мільярдами", "тис", "млн", "млрд", "трлн"}

# every number word, lower case (a set: the extractor looks each word of the text up)
ALL_WORDS = frozenset(UK_NUMBER_WORDS) | frozenset(SCALE_WORDS) | frozenset(_HALF_GLUED)
# A cheap pre-check: does the text contain anything that could start a number word?
_PRECHECK_STEMS = (
    "один|одн|два|дві|двох|три|трьо|чотир|п'ят|шіст|шест|сім|сем|вісім|восьм|дев'ят|десят|надцят|двадцят|"
    "тридцят|сорок|сто|ста|двіст|сот|тисяч|мільйон|мільярд|трильйон|млн|млрд|трлн|тис|двоє|троє|четверо|обидв|"
    "обох|пів|дюжин|доб|перш|друг|трет|четверт|шост|сьом|двічі|тричі|двоє|троє|четверо"
).split("|")
PRECHECK_PATTERN = "(?:" + "|".join(_PRECHECK_STEMS) + ")"  # (IGNORECASE; the flat form, kept for the tests)
# The search, with the stems as a trie (the same strings match, so a match exists in the same texts), in the
# lower-cased text where possible (see tqa.text.fold)
_PRECHECK_FOLDED = FoldedPattern(re_compile(trie_alternation(_PRECHECK_STEMS), re.IGNORECASE))


def has_number_word(text: str) -> bool:
    """``re.search(PRECHECK_PATTERN, text, re.IGNORECASE) is not None``."""
    return _PRECHECK_FOLDED.search(text) is not None


# the words of a text as the extractor reads them (letters, inner apostrophes: "п'ять")
WORD_TOKEN_RE = re_compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_L = r"[^\W\d_]"  # a letter (what WORD_TOKEN_RE's words are made of)


def _word_form_pattern(words) -> str:
    """A pattern matching a whole WORD_TOKEN_RE word of `words`: each first letter, then the look-behinds (no letter,
    no letter + apostrophe before it: where a word starts), the trie of the rests, and the look-ahead (no letter, no
    apostrophe + letter after: where a word ends). The look-behinds come after the first letter so that `re` can skip
    to the first letters."""
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words)):
        groups.setdefault(w[0], []).append(w[1:])
    alts = []
    for c, rests in groups.items():
        e = re.escape(c)
        alts.append(f"{e}(?<!{_L}{e})(?<!{_L}'{e})" + trie_alternation(rests))
    return "(?:" + "|".join(alts) + f")(?!{_L}|'{_L})"


# searched in the lower-cased text (`tqa.text.fold.lowered`): lower-casing keeps every character's length and its being
# a letter or not (outside fold's specials, for which `lowered` is None; a test checks every code point), so its
# matches are exactly the words of the text whose lower case is a number-word form
_WORD_FORM_RE = re_compile(_word_form_pattern(ALL_WORDS))


def has_number_word_token(text: str, low: str | None) -> bool:
    """Is a word of `text` (a WORD_TOKEN_RE match), lower-cased, in ALL_WORDS? `low` is ``lowered(text)``."""
    if low is None:
        return not ALL_WORDS.isdisjoint(map(str.lower, WORD_TOKEN_RE.findall(text)))
    return _WORD_FORM_RE.search(low) is not None


def scale_of(word: str) -> int | None:
    return SCALE_WORDS.get(normalise_apostrophes(word.lower()).rstrip("."))


def lookup(word: str) -> tuple[float, str] | None:
    w = normalise_apostrophes(word.lower())
    if w in UK_NUMBER_WORDS:
        return UK_NUMBER_WORDS[w]
    if w in SCALE_WORDS:
        return (float(SCALE_WORDS[w]), "s")
    if w in _HALF_GLUED:
        return (_HALF_GLUED[w], "g")
    return None


def parse_words(words: list[str]) -> tuple[float, int, int] | None:
    """Value of a run of Ukrainian number words, the scale the run ends with, and how many words were used.

    Returns None when the run does not start a number. ``["двадцять", "п'ять"]`` → (25, 1, 2);
    ``["півтора", "мільйона"]`` → (1.5e6, 10**6, 2); ``["тисяч"]`` alone → None (vague plural).
    """
    total = 0.0
    current = 0.0
    used = 0
    last_kind = ""
    scale = 1
    fraction = None
    for w in words:
        info = lookup(w)
        if info is None:
            break
        value, kind = info
        lw = normalise_apostrophes(w.lower())
        if kind == "s":
            if used == 0 and lw in VAGUE_ALONE:
                return None
            base = current if current else (fraction if fraction is not None else (1.0 if used == 0 else 0.0))
            if base == 0 and used:
                break
            total += base * value
            current = 0.0
            fraction = None
            scale = int(value)
            used += 1
            last_kind = "s"
            continue
        if kind in ("g", "c", "n", "x", "o"):
            if used:
                break
            return (value, 1, 1)
        if kind == "f":
            if used:
                break
            fraction = value
            used += 1
            last_kind = "f"
            continue
        if fraction is not None:
            break
        # units, teens, tens, hundreds must come in decreasing order inside one group
        order = {"h": 3, "d": 2, "t": 1, "u": 0}[kind]
        prev = {"h": 3, "d": 2, "t": 1, "u": 0}.get(last_kind, 9) if last_kind not in ("s", "") else 9
        if order >= prev or (last_kind == "d" and kind == "t"):
            break
        current += value
        used += 1
        last_kind = kind
    if used == 0:
        return None
    if fraction is not None:
        return (fraction, 1, used) if total == 0 else None
    return (total + current, scale if current == 0 else 1, used)
