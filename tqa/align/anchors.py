"""Anchors: pieces of a text that survive translation, reduced to language-neutral keys.

* numbers by value (``5 000`` / ``5,000``, ``1,5`` / ``1.5``; scaled into [1, 1000) so that ``1,5 млрд`` and
  ``1.5 billion``, ``15 тисяч`` and ``15,000`` share a key);
* month names (``березня`` / ``March``) and dotted dates (``01.03.2026``);
* names: Latin-script capitalised words and acronyms, and Ukrainian capitalised words transliterated (КМУ-2010) to
  a consonant-skeleton key (`tqa.text.translit.name_key`: ``Зеленського`` ~ ``Zelenskyy``);
* cognates: long lower-case words by the same skeleton key (операції ~ operations, міністерство ~ ministry), a
  bonus when they match and no cost when they do not;
* quotations («…» / "…") and attribution markers (``– пише видання``, ``заявив``, ``передає УНН`` / ``the
  publication writes``, ``said``, ``reports UNN``);
* questions: a question stays a question in translation (``Ви жили так ?`` / ``Have you ever lived like that?``), which
  keeps short lines of an interview or a dialogue from shifting by one.

`features(text, language)` is cached: the same paragraph text is analysed once per process.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from tqa.patterns import compile as re_compile
from tqa.text.fold import FoldedPattern
from tqa.text.months import EN_MONTH_NUMBER, UK_MONTH_FORMS
from tqa.text.speech import uk_speech_verb
from tqa.text.translit import name_key, transliterate

__all__ = ["BONUS_ONLY", "EMPTY", "WEIGHTS", "Features", "features", "matched_weight", "merge"]

# Weight of one anchor of each kind (by key prefix): a number is strong evidence, a quote or an attribution weak.
WEIGHTS = {"n": 1.0, "m": 0.5, "p": 0.6, "A": 0.8, "q": 0.3, "@": 0.4, "c": 1.0, "?": 0.8}
# Kinds whose anchors are candidates more than evidence: a bonus when matched, no cost when not.
BONUS_ONLY = frozenset("c")


@dataclass(frozen=True, slots=True)
class Features:
    """What the aligner knows about one text: its length and its anchors (key → count)."""

    length: int
    anchors: tuple[tuple[str, int], ...]
    weight: float  # Σ count × weight over the anchors, bonus-only kinds excluded
    letters: bool = True  # False for a line of numbers and symbols only (a widget): never glued into a 2-1 / 1-2
    counts: dict[str, int] = field(default_factory=dict, compare=False, repr=False)  # `anchors` as a dict
    _hash: int = field(default=-1, init=False, compare=False, repr=False)  # `__hash__`, once computed (-1: not yet)

    def __post_init__(self) -> None:
        if self.anchors and not self.counts:
            self.counts.update(self.anchors)

    def __hash__(self) -> int:
        # the dataclass hash (of the compared fields), computed once: features are cache keys of the aligner's DP
        # (`hash` never returns -1, so -1 marks "not computed")
        h = self._hash
        if h == -1:
            h = hash((self.length, self.anchors, self.weight, self.letters))
            object.__setattr__(self, "_hash", h)
        return h

    def __reduce__(self):
        # pickled without the stored hash: another process (another hash seed) computes its own
        return (Features, (self.length, self.anchors, self.weight, self.letters, dict(self.counts)))


EMPTY = Features(0, (), 0.0, False)

_new = object.__new__
_SET = tuple(Features.__dict__[name].__set__ for name in ("length", "anchors", "weight", "letters", "counts", "_hash"))


def _make(length: int, anchors: tuple[tuple[str, int], ...], weight: float, letters: bool) -> Features:
    """``Features(length, anchors, weight, letters)`` without the dataclass __init__ / __post_init__ round (the
    aligner builds thousands): the same stored values — `counts` is ``dict(anchors)``, as `__post_init__` fills it,
    and `_hash` starts at -1."""
    f = _new(Features)
    s_length, s_anchors, s_weight, s_letters, s_counts, s_hash = _SET
    s_length(f, length)
    s_anchors(f, anchors)
    s_weight(f, weight)
    s_letters(f, letters)
    s_counts(f, dict(anchors))
    s_hash(f, -1)
    return f


def merge(*items: Features) -> Features:
    """The features of several texts joined by a space."""
    if len(items) == 2 and items[0] is not None and items[1] is not None:
        # two texts (every 2-1 / 1-2 bead of the aligner): the general path below, unrolled — the same sorted
        # anchors; length + 1 separator; 0 + a + b = a + b for the (non-negative) weights
        a, b = items
        counts: dict[str, int] = {}
        for k, c in a.anchors:
            counts[k] = counts.get(k, 0) + c
        for k, c in b.anchors:
            counts[k] = counts.get(k, 0) + c
        return _make(
            a.length + b.length + 1, tuple(sorted(counts.items())), a.weight + b.weight, any((a.letters, b.letters))
        )
    items = tuple(i for i in items if i is not None)
    if len(items) == 1:
        return items[0]
    counts = {}
    for it in items:
        for k, c in it.anchors:
            counts[k] = counts.get(k, 0) + c
    length = sum(i.length for i in items) + max(0, len(items) - 1)
    return Features(
        length, tuple(sorted(counts.items())), sum(i.weight for i in items), any(i.letters for i in items)
    )


def matched_weight(a: Features, b: Features) -> tuple[float, float]:
    """Σ weight × min(count in a, count in b) over the keys both have: (evidence anchors, bonus-only anchors)."""
    if not a.anchors or not b.anchors:
        return 0.0, 0.0
    small, big = (a, b) if len(a.anchors) <= len(b.anchors) else (b, a)
    other = big.counts
    total = bonus = 0.0
    for k, c in small.anchors:
        o = other.get(k)
        if o:
            w = WEIGHTS[k[0]] * (c if c < o else o)
            if k[0] in BONUS_ONLY:
                bonus += w
            else:
                total += w
    return total, bonus


# --- numbers ---------------------------------------------------------------------------------------------------

_SPACES = " \u00a0\u202f\u2009"
_DOTTED_DATE = re_compile(r"(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?![\d.,]*\d)")
_UK_NUMBER = re_compile(r"(?<![\d])(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)|\d+(?:[,.]\d+)?)")
_EN_NUMBER = re_compile(r"(?<![\d])(\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)")
_THOUSAND = Decimal(1000)


def _canonical(raw: str) -> str | None:
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    while value >= _THOUSAND:
        value /= _THOUSAND
    value = value.normalize()
    text = format(value, "f")
    return text


_DIGIT = re_compile(r"\d")
_LETTER = re_compile(r"[^\W\d_]")


def _numbers(text: str, language: str, out: dict[str, int]) -> None:
    if not _DIGIT.search(text):
        return
    if text.count(".") >= 2:  # a dotted date has two dots: without them there is no match and sub changes nothing
        for m in _DOTTED_DATE.finditer(text):
            day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
            if 1 <= day <= 31 and 1 <= month <= 12:
                _add(out, "n:" + str(day))
                _add(out, "m:" + str(month))
                y = int(year) + (2000 if len(year) == 2 else 0)
                _add(out, "n:" + (_canonical(str(y)) or year))
        text = _DOTTED_DATE.sub(" ", text)
    pattern = _UK_NUMBER if language == "uk" else _EN_NUMBER
    for m in pattern.finditer(text):
        raw = m.group(1)
        if language == "uk":
            raw = raw.replace(",", ".")
            for s in _SPACES:
                raw = raw.replace(s, "")
        else:
            raw = raw.replace(",", "")
        key = _canonical(raw)
        if key is not None:
            _add(out, "n:" + key)


# --- months ----------------------------------------------------------------------------------------------------

_UK_MONTH = UK_MONTH_FORMS
_EN_MONTH = EN_MONTH_NUMBER

# --- names -----------------------------------------------------------------------------------------------------

_EN_STOP = frozenset(
    """a an the this that these those it its he she they we i you his her their our my your in on at of to for from
    with by as but and or if so then there here when where which who whom whose what why how after before since
    while also however meanwhile according all one some such many most other another both each every no not yes
    mr mrs ms dr st""".split()
)
_UK_STOP = frozenset(
    """в у на до від за про при під над з із зі і й та а але що як це ці цей ця той та ті він вона воно вони ми ви я
    його її їх також крім після раніше нагадаємо зокрема водночас тоді так проте однак тому щоб коли де хто яка який
    які якщо адже вже ще лише тільки саме також окрім серед через понад близько""".split()
)
# Ukrainian acronyms whose English counterpart is not their transliteration.
_UK_ACRONYMS = {
    "ЄС": "EU",
    "США": "US",
    "ООН": "UN",
    "ЗСУ": "AFU",
    "МВФ": "IMF",
    "ВВП": "GDP",
    "ЄБРР": "EBRD",
    "МАГАТЕ": "IAEA",
    "ОБСЄ": "OSCE",
    "СНД": "CIS",
    "ЗМІ": "MEDIA",
    "РФ": "RF",
    "ЄСПЛ": "ECHR",
    "МКС": "ISS",
    "ГУР": "HUR",
    "ДСНС": "SES",
    "НБУ": "NBU",
    "МОЗ": "MOH",
    "МЗС": "MFA",
}
_EN_ACRONYM_ALIASES = {"USA": "US"}
_EN_DOTTED = re_compile(r"\b([A-Z])\.([A-Z])\.(?:([A-Z])\.)?")  # U.S., U.K., U.S.A.


# A capitalised word (the capital at the start of the word, not after a letter or an apostrophe).
# (The leading look-ahead repeats the first letter's class: a necessary condition that lets `re` skip to candidate
# letters instead of trying the look-behind at every position; the same matches, ~2× faster.)
_CAP_WORD = re_compile(
    r"(?=[A-ZÀ-ÖØ-Þ\u0400-\u042f\u0490])(?<![^\W\d_'’ʼ])[A-ZÀ-ÖØ-Þ\u0400-\u042f\u0490][^\W\d_]*(?:['’ʼ][^\W\d_]+)*"
)


def _names(text: str, language: str, out: dict[str, int]) -> None:
    if language == "en" and "." in text:
        text = _EN_DOTTED.sub(lambda m: "".join(g for g in m.groups() if g) + " ", text)
    # each word's keys depend on the word and the language alone (`_name_keys`, cached per language: one str
    # argument is lru_cache's cheapest key); `out` is a multiset, so adding a word's keys together is what the
    # word-by-word loop did
    keys_of = _uk_name_keys if language == "uk" else _en_name_keys
    for w in _CAP_WORD.findall(text):
        for key in keys_of(w):
            out[key] = out.get(key, 0) + 1


@functools.lru_cache(maxsize=65536)
def _uk_name_keys(w: str) -> tuple[str, ...]:
    return _name_keys(w, "uk")


@functools.lru_cache(maxsize=65536)
def _en_name_keys(w: str) -> tuple[str, ...]:
    return _name_keys(w, "en")


def _name_keys(w: str, language: str) -> tuple[str, ...]:
    """The name anchors of one capitalised word (`_CAP_WORD` match) in `language` ("uk" or "en")."""
    if w[-2:] in ("'s", "’s") and language == "en":
        w = w[:-2]
    first = w[0]
    cyr = "\u0400" <= first <= "\u04ff"
    if language == "en" and cyr:
        return ()
    if 2 <= len(w) <= 7 and w.isupper():
        if cyr:
            acr = _UK_ACRONYMS.get(w)
            if acr is None:
                acr = transliterate(w).upper()
        else:
            acr = _EN_ACRONYM_ALIASES.get(w, w)
        return ("A:" + acr,)
    low = w.lower()
    if low in (_UK_STOP if cyr else _EN_STOP):
        return ()
    if language == "en" and low in _EN_MONTH:
        return ()
    if cyr and low in _UK_MONTH:
        return ()
    if len(w) < 2:
        return ()
    key = name_key(w)
    keys = ()
    if len(key) >= 2:
        keys = ("p:" + key,)
    if len(w) >= 6 and len(key) == 4:  # a capitalised common word may be a lower-case one across
        keys += ("c:" + key,)
    return keys


_LOWER_WORD = re_compile(r"(?<![^\W\d_])[^\W\d_A-ZА-ЩЬЮЯЄІЇҐ][^\W\d_]{5,}")
# `_LOWER_WORD` for one language: its matches whose first letter is Cyrillic (U+0400…U+04FF) for "uk", not Cyrillic
# for "en" — the words `_cognates` keeps. Exact: the look-behind and the greedy tail are the same, so a match of the
# narrower first-letter class is a `_LOWER_WORD` match; where a `_LOWER_WORD` match is dropped, the positions after
# its first letter are preceded by a letter and fail the look-behind in both patterns (tests/align/test_anchors_scan.py)
_LOWER_WORD_UK = re_compile(r"(?<![^\W\d_])(?=[\u0400-\u04ff])[^\W\d_A-ZА-ЩЬЮЯЄІЇҐ][^\W\d_]{5,}")
_LOWER_WORD_EN = re_compile(r"(?<![^\W\d_])[^\W\d_A-ZА-ЩЬЮЯЄІЇҐ\u0400-\u04ff][^\W\d_]{5,}")


def _cognates(text: str, language: str, out: dict[str, int]) -> None:
    """Long lower-case words by transliterated skeleton: international words survive translation (операції ~
    operations, інформація ~ information, міністерство ~ ministry)."""
    words = (_LOWER_WORD_UK if language == "uk" else _LOWER_WORD_EN).findall(text)  # (only this language's script)
    # name_key(w) as "c:…" when it has 4 letters, else None (cached per word)
    for key in map(_cognate_key, words):
        if key is not None:
            out[key] = out.get(key, 0) + 1


@functools.lru_cache(maxsize=65536)
def _cognate_key(w: str) -> str | None:
    key = name_key(w)
    return "c:" + key if len(key) == 4 else None


_UK_MONTH_RE = re_compile(r"(?<![^\W\d_])(?:" + "|".join(sorted(_UK_MONTH, key=len, reverse=True)) + r")(?![^\W\d_])",
                          re.I)
# English month names are capitalised ("may" is a verb).
# (The leading look-ahead — the names' first letters — is a necessary condition that speeds the scan, as above.)
_EN_MONTH_RE = re_compile(
    "(?=[" + "".join(sorted({w.capitalize()[0] for w in _EN_MONTH})) + r"])"
    r"(?<![^\W\d_])(?:" + "|".join(w.capitalize() for w in sorted(_EN_MONTH, key=len, reverse=True)) + r")(?![^\W\d_])"
)


# The common stem of each Ukrainian month's forms ("січ", "лют", …, "листопад"): every `_UK_MONTH_RE` match starts
# with one. IGNORECASE matches a stem letter only with characters whose `str.casefold` is that letter (unlike
# `str.lower`: U+1C80–U+1C85 fold to в д о с т; tests/align/test_anchors_months.py checks every code point), and
# casefold maps each character on its own, so the casefolded text of a match's start is the stem.
_UK_MONTH_STEMS = tuple(
    os.path.commonprefix([form for form, n in _UK_MONTH.items() if n == month])
    for month in sorted(set(_UK_MONTH.values()))
)


def _uk_month_possible(text: str) -> bool:
    """False only when `_UK_MONTH_RE` cannot match in `text` (no month stem in its case fold: see above)."""
    folded = text.casefold()
    for stem in _UK_MONTH_STEMS:
        if stem in folded:
            return True
    return False


def _months(text: str, language: str, out: dict[str, int]) -> None:
    if language == "uk":
        if not _uk_month_possible(text):  # (exact: no stem, no match)
            return
        table, pattern = _UK_MONTH, _UK_MONTH_RE
    else:
        table, pattern = _EN_MONTH, _EN_MONTH_RE
    for m in pattern.finditer(text):
        # (casefold, not lower: IGNORECASE also matches variant letters such as U+1C81 "ᲁ" for "д", which lower-case
        # to themselves; for the names' own letters the two are the same)
        _add(out, "m:" + str(table[m.group(0).casefold()]))


# --- quotes and attribution -------------------------------------------------------------------------------------

_UK_QUOTE = re_compile(r"«[^»]{12,}»|„[^“”]{12,}[“”]|\"[^\"]{12,}\"|“[^”]{12,}”")
_EN_QUOTE = re_compile(r"\"[^\"]{12,}\"|“[^”]{12,}”|«[^»]{12,}»")
# A Ukrainian attribution marker: a speech verb (the one table of their forms, `tqa.text.speech`) or «за словами /
# даними / інформацією / повідомленням».
_UK_WORD = re_compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
_UK_ACCORDING = re_compile(r"(?<![^\W\d_])за\s+(?:словами|даними|інформацією|повідомленням)(?![^\W\d_])", re.I)


def _uk_attribution(text: str) -> bool:
    return _UK_ACCORDING.search(text) is not None or any(uk_speech_verb(w) for w in _UK_WORD.findall(text))


_EN_ATTRIBUTION_WORDS = (
    "said says say writes wrote write reports reported report stated states noted notes added adds "
    r"emphasi[sz]ed emphasi[sz]es stressed stresses explained explains told tells quotes quoted believes believe "
    r"according\s+to cited informs announced"
).split()


def _by_first_letter(words: list[str]) -> str:
    """The alternation of `words` (each starting with a letter), grouped by first letter: ``s(?:aid|ays|…)|w(?:…)``.
    The same matches as the flat alternation: no character is matched (even with IGNORECASE) by two different first
    letters, so at a position only one group can match, and inside a group the words keep their order (tested).
    ``re`` then tries one group per position instead of every word (≈ 1.5× faster)."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(first + "(?:" + "|".join(rest) + ")" for first, rest in groups.items())


_EN_ATTRIBUTION = re_compile(r"\b(?:" + _by_first_letter(_EN_ATTRIBUTION_WORDS) + r")\b", re.I)
# The same search on the lower-cased text where that is exact (tqa.text.fold): ~3× faster than IGNORECASE.
_EN_ATTRIBUTION_FOLDED = FoldedPattern(_EN_ATTRIBUTION)


_QUESTION = re_compile(r"\?+(?![^\W_])")  # a question mark ending a sentence or a clause ("??" counts once)


def _add(out: dict[str, int], key: str, count: int = 1) -> None:
    out[key] = out.get(key, 0) + count


@functools.lru_cache(maxsize=32768)
def features(text: str, language: str) -> Features:
    """Length and anchors of `text` (``language`` "uk" or "en"; anything else is read as English)."""
    if not text:
        return EMPTY
    lang = "uk" if language == "uk" else "en"
    out: dict[str, int] = {}
    _numbers(text, lang, out)
    _months(text, lang, out)
    _names(text, lang, out)
    _cognates(text, lang, out)
    quotes = len((_UK_QUOTE if lang == "uk" else _EN_QUOTE).findall(text))
    if quotes:
        _add(out, "q", min(quotes, 3))
    if _uk_attribution(text) if lang == "uk" else _EN_ATTRIBUTION_FOLDED.search(text):
        _add(out, "@")
    if "?" in text:
        questions = len(_QUESTION.findall(text))
        if questions:
            _add(out, "?", min(questions, 3))
    anchors = tuple(sorted(out.items()))
    weight = sum(WEIGHTS[k[0]] * c for k, c in anchors if k[0] not in BONUS_ONLY)
    return _make(len(text), anchors, weight, _LETTER.search(text) is not None)
