"""tqa.text.script: script statistics, the cheap uk/ru decision, restricted langdetect, look-alike letters."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tqa.text import script
from tqa.text.script import (
    LOOKALIKES,
    char_label,
    detect_language,
    english_share,
    has_cyrillic,
    is_cyrillic,
    is_latin,
    langdetect_language,
    latin_lookalike,
    script_language,
    script_stats,
    words,
)


def test_letter_classes():
    assert is_cyrillic("і") and is_cyrillic("Ґ") and is_cyrillic("ы")
    assert not is_cyrillic("i") and not is_cyrillic("1") and not is_cyrillic("—")
    assert is_latin("a") and is_latin("Z") and is_latin("ï") and is_latin("ł")
    assert not is_latin("а") and not is_latin("×") and not is_latin("7")
    assert has_cyrillic("Kyіv") and not has_cyrillic("Kyiv")


def test_stats_count_scripts_and_marks():
    s = script_stats("Київ and Lviv")
    assert (s.cyrillic, s.latin) == (4, 7)
    assert s.uk_marks == 1 and s.ru_marks == 0  # ї
    assert script_stats("Мы это объявили").ru_marks >= 3  # ы, э, ъ
    assert script_stats("no letters? 123").letters == 9
    assert script_stats("").cyrillic_share == 0.0


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Президент підписав закон про бюджет", "uk"),  # і
        ("Уряд ухвалив нову програму для підприємців", "uk"),
        ("м'ясо подорожчало", "uk"),  # apostrophe before я, no other mark
        ("Президент подписал закон о бюджете, объявив это", "ru"),  # ы ъ э
        ("Путин с Лукашенком не остановятся", "ru"),  # the word "с"
        ("можна було б краще", "uk"),  # Ukrainian-only words, no distinctive letter
        ("питання життя", "uk"),  # doubled consonant before a final я
    ],
)
def test_script_rule_decides_without_langdetect(text, lang, monkeypatch):
    def boom(*_a, **_k):  # pragma: no cover - must not be called
        raise AssertionError("langdetect called although the letters decide")

    monkeypatch.setattr(script, "langdetect_language", boom)
    assert script_language(text) == lang
    script.detect_language.cache_clear()
    assert script.detect_language(text) == lang


def test_script_rule_abstains_without_distinctive_letters():
    assert script_language("Мама мала рану") is None  # valid in both languages
    assert script_language("Hello world") is None  # not Cyrillic
    assert script_language("Київ объявил") is None  # one of each: no clear majority


def test_langdetect_is_asked_only_when_the_script_rule_abstains(monkeypatch):
    calls = []

    def fake(text, **kw):
        calls.append((text, kw.get("candidates")))
        return "ru"

    monkeypatch.setattr(script, "langdetect_language", fake)
    script.detect_language.cache_clear()
    long_neutral = "Мама мала рану на нозі"  # і decides: no call
    assert script.detect_language(long_neutral) == "uk"
    assert calls == []
    neutral = "Мама мала рану на дорогах страшно"  # no mark, long enough
    assert script.detect_language(neutral) == "ru"
    assert calls == [(neutral, ("uk", "ru"))]
    assert script.detect_language("грн") == "unknown"  # too short for langdetect
    assert len(calls) == 1
    script.detect_language.cache_clear()


def test_langdetect_restricted_and_deterministic():
    text = "Колись давно на горі стояла стара хата, а в хаті жила бабуся з онукою."
    first = langdetect_language(text)
    assert first == "uk"
    assert all(langdetect_language(text) == first for _ in range(3))
    assert langdetect_language("Вчера вечером в Москве прошло большое собрание по поводу выборов") == "ru"
    assert langdetect_language("The government adopted the budget yesterday evening") == "en"
    assert script._factory().get_lang_list() == ["en", "ru", "uk"]  # only three profiles
    assert langdetect_language("1234 5678") == "unknown"  # no features


def test_langdetect_is_imported_lazily():
    code = "import sys, tqa.text.script, tqa.checks; assert 'langdetect' not in sys.modules, 'eager import'"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The President said on Monday that the government would increase support for the regions.", "en"),
        ("Der Präsident sagte am Montag, dass die Regierung in Berlin die Hilfe für die Ukraine verstärken will, "
         "um die Regionen nach den Angriffen wieder aufzubauen.", "unknown"),
        ("Slava Ukraini, heroiam slava, Kyiv vstoiav, Kharkiv vstoiav, Odesa vstoiala, Dnipro vstoiav", "unknown"),
        ("Kalush Orchestra", "unknown"),  # a name: no English evidence either way
        ("— 12, 14 —", "unknown"),
    ],
)
def test_detect_language_latin(text, lang):
    assert detect_language(text) == lang


def test_english_share():
    share, n = english_share("The war in the east of the country")
    assert n == 8 and share >= 0.5
    assert english_share("Київ")[1] == 0


def test_lookalike_table_and_labels():
    assert latin_lookalike("і") == "i" and latin_lookalike("С") == "C" and latin_lookalike("е") == "e"
    assert latin_lookalike("и") is None and latin_lookalike("п") is None and latin_lookalike("a") is None
    assert char_label("і") == "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I U+0456"
    assert char_label("е") == "CYRILLIC SMALL LETTER IE U+0435"
    for cyr, lat in LOOKALIKES.items():
        assert is_cyrillic(cyr) and is_latin(lat) and len(lat) == 1


def test_words_keep_apostrophes_and_accents():
    text = "м'ясо, за́мок і O'Brien-2"
    assert [text[s:e] for s, e in words(text)] == ["м'ясо", "за́мок", "і", "O'Brien"]
