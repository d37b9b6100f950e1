"""Ukrainian → Latin transliteration (КМУ-2010) and a fuzzy name matcher.

`transliterate` implements the official table of Cabinet of Ministers resolution No. 55 of 27 January 2010 (the
passport / road-sign system also used by the agencies' English desks): є ї й ю я are written ``Ye Yi Y Yu Ya`` at
the start of a word and ``ie i i iu ia`` elsewhere, ``зг`` is ``zgh`` (to keep it apart from ``zh`` = ж), the soft
sign and the apostrophe are dropped. Letters of other scripts pass through unchanged.

`name_similarity(uk_word, en_word)` compares a (possibly inflected) Ukrainian word with an English spelling of the
same name: ``Зеленського`` ~ ``Zelenskyy`` ~ ``Zelensky``, ``Києві`` ~ ``Kyiv``. `name_key` gives a short hashable
key (a consonant skeleton) that the two spellings usually share, for cheap set-based matching (the aligner's
anchors).
"""

from __future__ import annotations

import functools
import re

from tqa.patterns import compile as re_compile

__all__ = ["loose_latin", "name_key", "name_similarity", "transliterate", "uk_stem"]

# Lower-case letters: (at the start of a word, elsewhere).
_TABLE: dict[str, tuple[str, str]] = {
    "а": ("a", "a"),
    "б": ("b", "b"),
    "в": ("v", "v"),
    "г": ("h", "h"),
    "ґ": ("g", "g"),
    "д": ("d", "d"),
    "е": ("e", "e"),
    "є": ("ye", "ie"),
    "ж": ("zh", "zh"),
    "з": ("z", "z"),
    "и": ("y", "y"),
    "і": ("i", "i"),
    "ї": ("yi", "i"),
    "й": ("y", "i"),
    "к": ("k", "k"),
    "л": ("l", "l"),
    "м": ("m", "m"),
    "н": ("n", "n"),
    "о": ("o", "o"),
    "п": ("p", "p"),
    "р": ("r", "r"),
    "с": ("s", "s"),
    "т": ("t", "t"),
    "у": ("u", "u"),
    "ф": ("f", "f"),
    "х": ("kh", "kh"),
    "ц": ("ts", "ts"),
    "ч": ("ch", "ch"),
    "ш": ("sh", "sh"),
    "щ": ("shch", "shch"),
    "ь": ("", ""),
    "ю": ("yu", "iu"),
    "я": ("ya", "ia"),
    # Russian letters that turn up in quotes and names (not part of КМУ-2010; common practice).
    "ё": ("yo", "io"),
    "ы": ("y", "y"),
    "э": ("e", "e"),
    "ъ": ("", ""),
}
_APOSTROPHES = "'’ʼ`‘"
# (`transliterate`'s fast path: the table's word-start and inner forms as str.translate tables)
_APOSTROPHE_SET = frozenset(_APOSTROPHES)
_INITIAL = str.maketrans({k: v[0] for k, v in _TABLE.items()})
_INNER = str.maketrans({k: v[1] for k, v in _TABLE.items()})


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


@functools.lru_cache(maxsize=65536)
def transliterate(text: str) -> str:
    """The КМУ-2010 romanisation of `text` (Cyrillic letters only; everything else is copied).

    >>> transliterate("Згорани, Знам'янка, Юрій")
    'Zghorany, Znamianka, Yurii'
    """
    if text.isalpha() and text == text.lower() and "зг" not in text and _APOSTROPHE_SET.isdisjoint(text):
        # one lower-case word of letters only (no apostrophe, no зг): the loop below would take the word-start form
        # of the first letter and the inner form of every other one, and copy letters outside the table (a string
        # equal to its lower-cased form has every character equal to its own lower case); str.translate does that
        return text[0].translate(_INITIAL) + text[1:].translate(_INNER)
    out: list[str] = []
    n = len(text)
    for i, ch in enumerate(text):
        low = ch.lower()
        if ch in _APOSTROPHES:
            # Dropped inside a word (Знам'янка → Znamianka); kept as punctuation elsewhere.
            if 0 < i < n - 1 and _is_letter(text[i - 1]) and _is_letter(text[i + 1]):
                continue
            out.append(ch)
            continue
        entry = _TABLE.get(low)
        if entry is None:
            out.append(ch)
            continue
        start = _word_start(text, i)
        latin = entry[0] if start else entry[1]
        if low == "г" and i > 0 and text[i - 1].lower() == "з":
            latin = "gh"
        if ch != low and latin:  # upper case
            if _caps_context(text, i):
                latin = latin.upper()
            else:
                latin = latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)


def _word_start(text: str, i: int) -> bool:
    """True if position i begins a word (an apostrophe between letters does not break a word)."""
    j = i - 1
    while j >= 0 and text[j] in _APOSTROPHES:
        j -= 1
    return j < 0 or not _is_letter(text[j])


def _caps_context(text: str, i: int) -> bool:
    """An upper-case letter inside an all-caps word (ЩЕРБУХИ → SHCHERBUKHY, not SHcherbukhy)."""
    nxt = i + 1
    while nxt < len(text) and text[nxt] in _APOSTROPHES:
        nxt += 1
    if nxt < len(text) and _is_letter(text[nxt]):
        return text[nxt].isupper()
    prev = i - 1
    return prev >= 0 and _is_letter(text[prev]) and text[prev].isupper()


# --- fuzzy name matching -----------------------------------------------------------------------------------------

# Inflectional endings of Ukrainian nouns, adjectives and surnames, longest first; a stem keeps ≥ 3 letters.
_UK_ENDINGS = tuple(
    sorted(
        "ами ями ові еві єві ого ому ими іми ою ею єю ій ої ом ем єм ам ям ах ях ів їв ей а я у ю і ї е є и о".split(),
        key=len,
        reverse=True,
    )
)


@functools.lru_cache(maxsize=65536)
def uk_stem(word: str) -> str:
    """`word` without one Ukrainian inflectional ending (Зеленського → Зеленськ, Києві → Києв); unchanged if the
    stem would be shorter than 3 letters (Київ stays Київ)."""
    low = word.lower()
    # the endings are tried longest first and a word has one suffix of each length: the first ending that the loop
    # over `_UK_ENDINGS` would accept is the word's longest suffix in `_UK_ENDING_SETS` leaving ≥ 3 letters
    for size, ends in _UK_ENDING_SETS:
        if low[-size:] in ends and len(word) - size >= 3 and len(low) >= size:
            return word[: len(word) - size]
    return word


# `_UK_ENDINGS` by length, longest first: (length, the endings of that length)
_UK_ENDING_SETS = tuple(
    (size, frozenset(e for e in _UK_ENDINGS if len(e) == size))
    for size in sorted({len(e) for e in _UK_ENDINGS}, reverse=True)
)


_NON_ALPHA = re_compile(r"[^a-z]+")
_DOUBLE = re_compile(r"(.)\1+")
_POSSESSIVE = re_compile(r"['’]s$", re.I)


@functools.lru_cache(maxsize=65536)
def loose_latin(word: str) -> str:
    """A spelling-insensitive form of a Latin word: lower case, letters only, ``w→v ph→f c/q→k x→ks g→h z→s``,
    ``y→i``, doubled letters collapsed, ``ie→i`` (Zelenskyy, Zelensky and Zelenskyi all give ``selenski``; Kyiev
    and Kyiv give ``kiv``)."""
    if word.isascii() and word.isalpha():
        # ASCII letters only (most words): no apostrophe for `_POSSESSIVE`, nothing to fold, and the lower-cased
        # word is all a-z, so the two subs below would return it unchanged
        s = word.lower()
    else:
        s = _POSSESSIVE.sub("", word).lower()
        s = _NON_ALPHA.sub("", _fold_accents(s))
    if not s:
        return ""
    s = s.replace("ch", "\x01").replace("ck", "k").replace("ph", "f").replace("c", "k").replace("\x01", "ch")
    s = s.replace("q", "k").replace("x", "ks").replace("w", "v").replace("g", "h").replace("y", "i").replace("z", "s")
    if _DOUBLE.search(s) is not None:
        # a callback instead of the template r"\1" (re's template expansion costs ~4× more per call); no run of a
        # doubled letter: sub would return s as it is
        s = _DOUBLE.sub(_first_group, s)
    return s.replace("ie", "i")


def _first_group(m: re.Match[str]) -> str:
    return m.group(1)


def _fold_accents(s: str) -> str:
    if s.isascii():
        return s
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


_VOWELS = frozenset("aeiou")


def _skeleton(loose: str, size: int = 4) -> str:
    """The first letter and the following consonants (doubles collapsed), at most `size` letters (0: all)."""
    if not loose:
        return ""
    out = [loose[0]]
    for ch in loose[1:]:
        if ch not in _VOWELS and ch != out[-1]:
            out.append(ch)
            if len(out) == size:
                break
    return "".join(out)


_CYRILLIC = re_compile("[\u0400-\u04ff]")


def _has_cyrillic(word: str) -> bool:
    return _CYRILLIC.search(word) is not None  # (a character in U+0400…U+04FF)


@functools.lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """A short key shared by the spellings of one name: the first letter and up to three following consonants of
    the loose Latin form (Ukrainian words are stemmed and transliterated first). ``Зеленського``, ``Zelenskyy`` →
    ``slns``; ``Києві``, ``Kyiv`` → ``kv``. Empty for words without letters."""
    if _has_cyrillic(word):
        word = transliterate(uk_stem(word))
    return _skeleton(loose_latin(word))


def _bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)} if len(s) > 1 else {s}


def _pair_similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ba, bb = _bigrams(a), _bigrams(b)
    dice = 2 * len(ba & bb) / (len(ba) + len(bb))
    lcp = 0
    for x, y in zip(a, b):
        if x != y:
            break
        lcp += 1
    prefix = lcp / max(len(a), len(b)) if lcp >= 3 else 0.0
    # Vowels differ most between spelling traditions (Трамп Tramp / Trump): compare consonant skeletons too.
    sa, sb = _skeleton(a, 0), _skeleton(b, 0)
    skeleton = 0.0
    if min(len(sa), len(sb)) >= 3:
        ka, kb = _bigrams(sa), _bigrams(sb)
        skeleton = 0.9 * 2 * len(ka & kb) / (len(ka) + len(kb))
    return max(dice, prefix, skeleton)


@functools.lru_cache(maxsize=65536)
def name_similarity(uk_word: str, en_word: str) -> float:
    """How likely `en_word` spells the (possibly inflected) Ukrainian `uk_word`, in [0, 1]: the best of
    character-bigram Dice and common-prefix ratio between loose forms of the КМУ-2010 transliteration (whole word and
    stem) and the English word. ``Зеленський``/``Zelenskyy`` → 1.0, ``Зеленського``/``Zelensky`` ≈ 0.9,
    ``Києві``/``Kyiv`` ≥ 0.7, unrelated names ≲ 0.3."""
    en = loose_latin(en_word)
    if not en:
        return 0.0
    forms = {loose_latin(transliterate(uk_word)), loose_latin(transliterate(uk_stem(uk_word)))}
    return max(_pair_similarity(f, en) for f in forms)
