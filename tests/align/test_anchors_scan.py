"""The per-language lower-word scans of `_cognates` against the shared `_LOWER_WORD` scan filtered by script, and
`loose_latin`'s ASCII fast path against its general path."""

import random
import re
from pathlib import Path

from tqa.align import anchors as A
from tqa.text import translit as T

_LINES = [
    "Міністерство оборони повідомило про операції на Донеччині, пише видання.",
    "The ministry's operations in Kyiv continued, according to the Ministry of Defence.",
    "École normale: l'opération «Щит» і Ukrainian operations — U.S. officials said.",
    "Президент'ський мікс word-слово latinкирилиця кирилицяlatin 123informatio informatio123",
    "Ґрунтовні інформаційні matériel façade naïveté ÉCOLE Élysée ǅemal ſtraße",
    "",
    "а б в",
]
_ALPHABET = list("abcdefghijklmnopqrstuvwxyzABCXYZÉéçàñ'’ʼ. ,-_0123456789") + list(
    "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯёыэъЁЫЭЪ"
) + ["\u0400", "\u04ff", "\u0500", "ᲁ", "ǅ"]


def _texts():
    yield from _LINES
    corpora = Path(__file__).resolve().parents[2] / "corpora"
    if corpora.is_dir():
        for p in sorted(corpora.rglob("*.txt"))[:40]:
            yield from p.read_text(encoding="utf-8", errors="replace").splitlines()
    rng = random.Random(11)
    for _ in range(3000):
        yield "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 60)))


def _reference(text, language):
    uk = language == "uk"
    return [w for w in A._LOWER_WORD.findall(text) if ("\u0400" <= w[0] <= "\u04ff") == uk]


def test_language_scans_equal_filtered_shared_scan():
    seen_uk = seen_en = 0
    for text in _texts():
        uk = A._LOWER_WORD_UK.findall(text)
        en = A._LOWER_WORD_EN.findall(text)
        assert uk == _reference(text, "uk"), text
        assert en == _reference(text, "en"), text
        seen_uk += bool(uk)
        seen_en += bool(en)
    assert seen_uk and seen_en


def test_cognates_on_lines():
    out = {}
    A._cognates("Міністерство оборони провело операції", "uk", out)
    assert out.get("c:" + T.name_key("Міністерство")) is None  # capitalised: not a lower-case word
    assert "c:" + T.name_key("операції") in out
    out = {}
    A._cognates("the operations of the міністерство", "en", out)
    assert list(out) == ["c:" + T.name_key("operations")]


def _loose_general(word):
    s = T._POSSESSIVE.sub("", word).lower()
    s = T._NON_ALPHA.sub("", T._fold_accents(s))
    if not s:
        return ""
    s = s.replace("ch", "\x01").replace("ck", "k").replace("ph", "f").replace("c", "k").replace("\x01", "ch")
    s = s.replace("q", "k").replace("x", "ks").replace("w", "v").replace("g", "h").replace("y", "i").replace("z", "s")
    s = re.sub(r"(.)\1+", r"\1", s)
    return s.replace("ie", "i")


def test_loose_latin_fast_path_equals_general_path():
    words = ["Zelenskyy", "Zelensky", "Kyiv", "Kyiev", "operations", "PHILIPPINES", "Quixote", "a", "AB",
             "Macron's", "naïve", "École", "Straße", "x1", "Il'ich", "aaa", "ſ", "K"]
    rng = random.Random(6)
    for _ in range(3000):
        words.append("".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCXYZ'’éß1") for _ in range(rng.randint(1, 12))))
    for w in words:
        T.loose_latin.cache_clear()
        assert T.loose_latin(w) == _loose_general(w), w
    assert T.loose_latin("Zelenskyy") == T.loose_latin("Zelensky") == "selenski"
