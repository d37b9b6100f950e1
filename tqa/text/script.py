"""Scripts and language identification for Ukrainian/Russian/English copy.

Cheap script tests come first and decide most cases without any model:

* the share of Cyrillic among the letters of a text (Cyrillic vs Latin);
* letters only Ukrainian has (``і ї є ґ``, the apostrophe before ``я ю є ї`` — ``м'ясо``, ``п'ять``, ``об'єкт`` —
  and the doubled consonant before a final ``я`` — ``знання``, ``життя``)
  against letters only Russian has (``ы э ъ ё``), plus a few frequent words found in only one of the two languages
  (``що``/``что``, ``можна``/``можно``, ``й``/``и``) → ``"uk"`` or ``"ru"``;
* for Latin text, the share of English function words (``the``, ``of``, ``and`` …) → ``"en"``, or ``"unknown"`` when
  a long Latin text has almost none (German, Polish, a transliteration).

Only where these abstain — Cyrillic text without a distinctive letter (``можна``, ``страшно``) or with both kinds —
is langdetect asked, through a private, seeded detector that loads only the ``uk``, ``ru`` and ``en`` profiles (the
package's global detector loads 55 profiles and is random unless seeded). langdetect is imported on first use and
its answers are cached; a call costs about a millisecond.

Also here: Cyrillic letters that look like Latin ones (`LOOKALIKES`), letter classification and word tokenisation
used by the untranslated-text checks.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from tqa.patterns import compile as re_compile

__all__ = [
    "CYRILLIC_OR_GREEK",
    "LANGUAGE_NAMES",
    "GREEK_LOOKALIKES",
    "LOOKALIKES",
    "ScriptStats",
    "char_label",
    "detect_language",
    "english_share",
    "has_cyrillic",
    "has_greek",
    "is_cyrillic",
    "is_greek",
    "is_latin",
    "langdetect_language",
    "latin_lookalike",
    "script_language",
    "script_stats",
    "words",
]

LANGUAGE_NAMES = {"uk": "Ukrainian", "ru": "Russian", "en": "English", "unknown": "unknown language"}

# Cyrillic letters that are drawn like a Latin letter in ordinary fonts → that Latin letter. The list follows
# Unicode's confusables for the letters Ukrainian and Russian keyboards and OCR actually produce; letters that only
# resemble a Latin one in some fonts (п/n, г/r, и/u, ь/b, lower-case т/m) are left out on purpose: a word holding
# them is half-translated text, not a look-alike slip.
LOOKALIKES: dict[str, str] = {
    # lower case
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "к": "k",
    "і": "i", "ї": "ï", "ј": "j", "ѕ": "s", "ԁ": "d", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w", "ё": "ë",
    # upper case
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "У": "Y", "І": "I", "Ї": "Ï", "Ј": "J", "Ѕ": "S", "Ԛ": "Q", "Ԝ": "W", "Һ": "H", "Ӏ": "I", "Ё": "Ë",
}

# Greek letters drawn like Latin ones (Unicode confusables): they slip into English words from Greek keyboard
# layouts, OCR and text copied through Greek-aware tools (``frοm`` with an omicron). Letters that resemble a Latin
# one only loosely (λ, π, σ, η) are left out.
GREEK_LOOKALIKES: dict[str, str] = {
    "ο": "o", "α": "a", "ε": "e", "ν": "v", "ρ": "p", "τ": "t", "ι": "i", "κ": "k", "χ": "x", "υ": "u",
    "Ο": "O", "Α": "A", "Β": "B", "Ε": "E", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ρ": "P", "Τ": "T",
    "Χ": "X", "Υ": "Y", "Ζ": "Z",
}
_GREEK_RE = re_compile("[\u0370-\u03ff\u1f00-\u1fff]")

_CYR_CLASS = "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f"
# A Cyrillic or a Greek character: `has_cyrillic(t) or has_greek(t)` in one search (the untranslated rules' gate).
CYRILLIC_OR_GREEK = re_compile(f"[{_CYR_CLASS}\u0370-\u03ff\u1f00-\u1fff]")
_CYR_RE = re_compile(f"[{_CYR_CLASS}]")
_CYR_LETTER_RE = re_compile(f"[{_CYR_CLASS}]", re.UNICODE)
_LATIN_RE = re_compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
_UK_RE = re_compile(
    "[іїєґІЇЄҐ]"
    "|(?<=[бпвмфрБПВМФРкКгГдДтТзЗсСцЦшШчЧжЖлЛнНхХ])['’ʼ`](?=[яюєїЯЮЄЇ])"  # м'ясо, п'ять, об'єкт
    "|(?:нн|тт|лл|дд|зз|сс|цц|чч|жж|шш)я(?![^\\W\\d_])"  # знання, життя, узбережжя (Russian: знание, жизнь)
)
_RU_RE = re_compile("[ыэъёЫЭЪЁ]")
# Frequent words that exist in only one of the two languages (and hold no distinctive letter themselves): they
# decide short texts like "можна було б" or "Путин с Лукашенком" that have no і/ї/є/ґ or ы/э/ъ/ё.
_UK_WORDS = frozenset(
    "що як це або вже ще було буде можна який яка яке яких цей ця його вона воно вони коли дуже зараз якщо де але "
    "й з щоб саме зокрема".split()
)
_RU_WORDS = frozenset(
    "и с со к от из что как это или еще можно который которая которое которые этот эта его ее она оно они когда "
    "если только нет где очень сейчас будет также потому чтобы здесь но".split()
)
_CYR_WORD_RE = re_compile(f"[{_CYR_CLASS}]+")
# A word: letters (with combining marks such as the stress accent), joined by an apostrophe between letters
# (м'ясо, O'Brien).
_WORD_RE = re_compile(r"(?:[^\W\d_]|[\u0300-\u036f])+(?:['’ʼ](?:[^\W\d_]|[\u0300-\u036f])+)*")
_LATIN_WORD_RE = re_compile(r"[A-Za-z]+")

# The commonest English function words; their share of the words of English news prose is about 0.35-0.45, of
# German, Polish or transliterated Ukrainian a few per cent (words shared with those languages — in, an, was, also,
# i, a — are left out).
_EN_FUNCTION_WORDS = frozenset(
    """the of and to that for on with as by at from it is was are were be been has have had this these those not
    he she they his her their its which who will would said after but or than there about into over more when
    what we you our them can could should one two new""".split()
)


def is_cyrillic(ch: str) -> bool:
    """True for a character of the Cyrillic blocks."""
    return _CYR_RE.match(ch) is not None


def is_latin(ch: str) -> bool:
    """True for a Latin letter (ASCII, Latin-1, Latin Extended-A/B, Latin Extended Additional)."""
    return _LATIN_RE.match(ch) is not None


def has_cyrillic(text: str) -> bool:
    return _CYR_RE.search(text) is not None


def latin_lookalike(ch: str) -> str | None:
    """The Latin letter a Cyrillic (or Greek) letter is drawn like, or None."""
    return LOOKALIKES.get(ch) or GREEK_LOOKALIKES.get(ch)


def is_greek(ch: str) -> bool:
    """True for a character of the Greek blocks (Greek and Coptic, Greek Extended)."""
    return _GREEK_RE.match(ch) is not None


def has_greek(text: str) -> bool:
    return _GREEK_RE.search(text) is not None


def char_label(ch: str) -> str:
    """``CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I U+0456``."""
    return f"{unicodedata.name(ch, 'UNKNOWN CHARACTER')} U+{ord(ch):04X}"


def words(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every word of `text`: letters, combining marks, and apostrophes between letters."""
    for m in _WORD_RE.finditer(text):
        yield m.start(), m.end()


@dataclass(frozen=True, slots=True)
class ScriptStats:
    cyrillic: int  # Cyrillic letters
    latin: int  # Latin letters
    uk_marks: int  # letters, apostrophes and frequent words only Ukrainian uses
    ru_marks: int  # letters and frequent words only Russian uses

    @property
    def letters(self) -> int:
        return self.cyrillic + self.latin

    @property
    def cyrillic_share(self) -> float:
        return self.cyrillic / self.letters if self.letters else 0.0


# `_LATIN_RE` in two parts, counted fast: ASCII letters (bytes.translate) and the rest of its class (a rare scan).
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())  # everything but A-Z a-z
_NON_ASCII_LATIN_RE = re_compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")


def _count_latin(text: str) -> int:
    """``len(_LATIN_RE.findall(text))`` (the class matches one character at a time, so it is a count of letters)."""
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))
    if text.isascii():
        return ascii_letters
    return ascii_letters + len(_NON_ASCII_LATIN_RE.findall(text))


@functools.lru_cache(maxsize=64)  # a document's sample is counted by TQA104 and then by detect_language
def script_stats(text: str) -> ScriptStats:
    cyr = len(_CYR_LETTER_RE.findall(text))
    if not cyr:
        return ScriptStats(0, _count_latin(text), 0, 0)
    uk = len(_UK_RE.findall(text))
    ru = len(_RU_RE.findall(text))
    for w in _CYR_WORD_RE.findall(text.lower()):
        if w in _UK_WORDS:
            uk += 1
        elif w in _RU_WORDS:
            ru += 1
    return ScriptStats(cyr, _count_latin(text), uk, ru)


def _marks_language(uk: int, ru: int) -> str | None:
    if uk and not ru:
        return "uk"
    if ru and not uk:
        return "ru"
    if uk and ru:
        # Both kinds: a Ukrainian story quoting a Russian phrase, or the reverse. Decide only on a clear majority.
        if uk >= 3 * ru and uk >= 3:
            return "uk"
        if ru >= 3 * uk and ru >= 3:
            return "ru"
    return None


def script_language(text: str) -> str | None:
    """"uk" or "ru" from the distinctive letters of a mostly Cyrillic text; None when the letters do not decide
    (no distinctive letter, a mix, or a text that is not mostly Cyrillic)."""
    stats = script_stats(text)
    if not stats.cyrillic or stats.cyrillic_share < 0.5:
        return None
    return _marks_language(stats.uk_marks, stats.ru_marks)


def english_share(text: str) -> tuple[float, int]:
    """(share of English function words among the Latin words, number of Latin words)."""
    tokens = _LATIN_WORD_RE.findall(text)
    if not tokens:
        return 0.0, 0
    hits = sum(map(_EN_FUNCTION_WORDS.__contains__, map(str.lower, tokens)))  # (one count per token in the set)
    return hits / len(tokens), len(tokens)


# -- langdetect, restricted and seeded ---------------------------------------------------------------------------

_PROFILE_LANGS = ("en", "ru", "uk")


@functools.lru_cache(maxsize=1)
def _factory():  # pragma: no cover - exercised through langdetect_language
    from pathlib import Path

    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_json_profile([Path(PROFILES_DIRECTORY, lang).read_text(encoding="utf-8") for lang in _PROFILE_LANGS])
    factory.seed = 0  # on this private factory only: the same text always gets the same answer
    return factory


@functools.lru_cache(maxsize=16384)
def _langdetect_probabilities(text: str) -> tuple[tuple[str, float], ...]:
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(text)
    try:
        return tuple((p.lang, round(p.prob, 6)) for p in detector.get_probabilities())
    except LangDetectException:
        return ()


def langdetect_language(text: str, *, candidates: tuple[str, ...] = _PROFILE_LANGS, min_prob: float = 0.8) -> str:
    """langdetect's answer among `candidates` (from the uk/ru/en profiles), or "unknown" below `min_prob`."""
    probs = [(lang, p) for lang, p in _langdetect_probabilities(text[:2000]) if lang in candidates]
    total = sum(p for _, p in probs)
    if not probs or total <= 0:
        return "unknown"
    lang, p = max(probs, key=lambda lp: lp[1])
    return lang if p / total >= min_prob else "unknown"


# -- the decision ------------------------------------------------------------------------------------------------

# langdetect is not asked about Cyrillic texts shorter than this many letters: on a word or two its answer is noise
# (it calls "гривень" Russian and "собою" Russian with 0.99).
_MIN_LANGDETECT_LETTERS = 16


@functools.lru_cache(maxsize=16384)
def detect_language(text: str) -> str:
    """"uk", "ru", "en" or "unknown" for a text, by the cheap script tests first and langdetect only if they abstain.

    * Mostly Cyrillic (≥ half of the letters): Ukrainian-only vs Russian-only letters decide; else langdetect between
      uk and ru (texts of at least 16 letters, probability ≥ 0.8); else "unknown".
    * Mostly Latin: "en" when English function words make up a plausible share of the words (or a short text has
      one); "unknown" for a longer Latin text with almost none (another language, a transliteration).
    * No letters: "unknown".
    """
    stats = script_stats(text)
    if not stats.letters:
        return "unknown"
    if stats.cyrillic_share >= 0.5:
        lang = _marks_language(stats.uk_marks, stats.ru_marks)
        if lang:
            return lang
        if stats.cyrillic < _MIN_LANGDETECT_LETTERS:
            return "unknown"
        return langdetect_language(text, candidates=("uk", "ru"))
    share, n = english_share(text)
    if n >= 8:
        return "en" if share >= 0.12 else "unknown"
    return "en" if share > 0 else "unknown"
