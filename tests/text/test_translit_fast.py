"""The fast paths of tqa.text.translit give what the general code gives."""

import random

from tqa.text import translit
from tqa.text.translit import _UK_ENDINGS, transliterate, uk_stem

_LETTERS = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёыэъ" + "abc"


def _general(word: str) -> str:
    # a trailing space makes the word not all letters: the character loop runs; the space is copied as it is and
    # changes nothing before it (word starts look back, caps contexts only matter for upper case)
    return transliterate(word + " ")[:-1]


def _stem_by_loop(word: str) -> str:
    low = word.lower()
    for end in _UK_ENDINGS:
        if low.endswith(end) and len(word) - len(end) >= 3:
            return word[: len(word) - len(end)]
    return word


def test_lower_case_words_as_the_loop():
    rnd = random.Random(7)
    words = ["київ", "зеленського", "операції", "міністерство", "щербухи", "їжак", "ґанок", "ab", "я"]
    words += ["".join(rnd.choice(_LETTERS) for _ in range(rnd.randint(1, 10))) for _ in range(3000)]
    for w in words:
        assert transliterate(w) == _general(w), w
    assert transliterate("їжак") == "yizhak" and transliterate("київ") == "kyiv"


def test_words_outside_the_fast_path():
    # зг, apostrophes, capitals: the general loop (the fast path must not take them)
    assert transliterate("згорани") == "zghorany"
    assert transliterate("знам'янка") == "znamianka"
    assert transliterate("знамʼянка") == "znamianka"
    assert transliterate("Юрій") == "Yurii"
    assert transliterate("ЩЕРБУХИ") == "SHCHERBUKHY"


def test_uk_stem_as_the_loop():
    rnd = random.Random(3)
    words = ["Зеленського", "Києві", "Київ", "ОБ", "містами", "країною", "Ові", "ами", "абвами"]
    words += ["".join(rnd.choice(_LETTERS + "АОІ") for _ in range(rnd.randint(0, 8))) for _ in range(5000)]
    words += [w + e for w in ("аб", "абв", "Абвг") for e in _UK_ENDINGS]
    for w in words:
        assert uk_stem(w) == _stem_by_loop(w), w
    assert uk_stem("Зеленського") == "Зеленськ" and uk_stem("Київ") == "Київ"


def test_has_cyrillic():
    assert translit._has_cyrillic("abcд") and not translit._has_cyrillic("abc") and translit._has_cyrillic("Ѐ")
    assert not translit._has_cyrillic("Ԁ")  # U+0500: outside U+0400…U+04FF
