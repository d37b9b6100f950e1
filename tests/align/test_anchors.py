"""Anchors: numbers by value, months, names through transliteration, acronyms, quotes and attribution markers."""

from __future__ import annotations

import re

import pytest

from tqa.align.anchors import features, matched_weight, merge


def keys(text: str, lang: str, prefix: str) -> dict[str, int]:
    return {k: c for k, c in features(text, lang).anchors if k.startswith(prefix)}


def test_numbers_by_value_across_conventions() -> None:
    uk = keys("Збитки склали 5 000 грн, ще 1,5 млн грн – у 2024 році; ставка 13,5%.", "uk", "n:")
    en = keys("Losses amounted to UAH 5,000, another UAH 1.5 million in 2024; the rate is 13.5%.", "en", "n:")
    assert uk == en
    assert "n:5" in uk and "n:1.5" in uk and "n:13.5" in uk


def test_thousands_scale_is_ignored() -> None:
    # 15 тисяч / 15,000 and 1,5 млрд / $1.5 billion share a key; 1,500 in English is not 1,5 in Ukrainian
    assert keys("15 тисяч людей", "uk", "n:") == keys("15,000 people", "en", "n:")
    assert keys("1,5 млрд доларів", "uk", "n:") == keys("$1.5 billion", "en", "n:")
    assert keys("1,500 people", "en", "n:") == keys("1 500 людей", "uk", "n:")


def test_comma_means_decimal_only_in_ukrainian() -> None:
    assert keys("1,25", "uk", "n:") == {"n:1.25": 1}
    assert keys("1,250", "en", "n:") == {"n:1.25": 1}  # 1250 → 1.25 after scaling
    assert keys("1,25", "en", "n:") == {"n:1": 1, "n:25": 1}


def test_dates_and_months() -> None:
    uk = features("Засідання відбулося 01.03.2026, а наступне – 5 квітня.", "uk")
    en = features("The meeting took place on March 1, 2026, and the next one on April 5.", "en")
    ka, kb = dict(uk.anchors), dict(en.anchors)
    assert ka["m:3"] == kb["m:3"] == 1 and ka["m:4"] == kb["m:4"] == 1
    for k in ("n:1", "n:5", "n:2.026"):
        assert k in ka and k in kb
    # a lower-case "may" is a verb, not a month
    assert "m:5" not in dict(features("Prices may rise.", "en").anchors)


def test_names_survive_transliteration() -> None:
    uk = keys("Зеленський провів зустріч у Києві з Макроном.", "uk", "p:")
    en = keys("Zelenskyy held a meeting in Kyiv with Macron.", "en", "p:")
    assert set(uk) & set(en) >= {"p:" + k for k in ("slns", "kv", "mkrn")}
    # function words at the start of a sentence are not names
    assert keys("The meeting was held in Kyiv.", "en", "p:") == {"p:kv": 1}


def test_acronyms() -> None:
    uk = keys("За оцінкою МВФ, ВВП України та НАТО; ЄС і США.", "uk", "A:")
    en = keys("According to the IMF, Ukraine's GDP and NATO; the EU and the U.S.", "en", "A:")
    assert uk == en == {"A:IMF": 1, "A:GDP": 1, "A:NATO": 1, "A:EU": 1, "A:US": 1}


def test_quotes_and_attribution() -> None:
    uk = features("«Ми відновимо все обладнання до кінця тижня», – заявив міністр.", "uk")
    en = features('"We will restore all equipment by the end of the week," the minister said.', "en")
    assert dict(uk.anchors).get("q") == dict(en.anchors).get("q") == 1
    assert "@" in dict(uk.anchors) and "@" in dict(en.anchors)
    assert "@" not in dict(features("Енергетики працюють цілодобово.", "uk").anchors)
    assert "@" in dict(features("Про це повідомляє УНН.", "uk").anchors)
    assert "@" in dict(features("- the publication writes.", "en").anchors)


def test_letters_flag_and_merge() -> None:
    widget = features("$43.230.13", "en")
    assert not widget.letters
    text = features("The rate is 43.23 hryvnias.", "en")
    assert text.letters
    both = merge(widget, text)
    assert both.letters and both.length == widget.length + 1 + text.length
    counts = dict(both.anchors)
    for k, c in widget.anchors + text.anchors:
        assert counts[k] >= c
    assert sum(counts.values()) == sum(c for _, c in widget.anchors + text.anchors)


def test_matched_weight_counts_multiplicity() -> None:
    a = features("У 2024 році і в 2024 році.", "uk")
    b = features("In 2024.", "en")
    assert matched_weight(a, b)[0] == 1.0  # one 2024 matched, the other unmatched
    assert matched_weight(a, features("Nothing here.", "en")) == (0.0, 0.0)


def test_features_are_cached_and_deterministic() -> None:
    t = "Шмигаль заявив, що уряд виділив 3 млрд грн."
    assert features(t, "uk") is features(t, "uk")
    assert features(t, "uk") == features.__wrapped__(t, "uk")


# --- fast-path patterns: the same matches as the plain patterns they stand for ------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tqa.align import anchors as _anchors  # noqa: E402

_PLAIN_CAP_WORD = re.compile(r"(?<![^\W\d_'’ʼ])[A-ZÀ-ÖØ-Þ\u0400-\u042f\u0490][^\W\d_]*(?:['’ʼ][^\W\d_]+)*")
_PLAIN_EN_MONTH = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(w.capitalize() for w in sorted(_anchors._EN_MONTH, key=len, reverse=True))
    + r")(?![^\W\d_])"
)
_PIECES = st.sampled_from(
    ["March", "may", "May", "Sept", "SAID", "said", "ſaid", "İ", "K", "according  to", "Zelensky's", "О'Брайєн",
     "Київ", "ÀÉ", "x", "1", " ", ".", "'", "’", "_", "Ⅻ", "reports", "Reported"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_look_ahead_patterns_find_the_same_matches(text: str) -> None:
    assert [m.span() for m in _anchors._CAP_WORD.finditer(text)] == [m.span() for m in _PLAIN_CAP_WORD.finditer(text)]
    assert [m.span() for m in _anchors._EN_MONTH_RE.finditer(text)] == [
        m.span() for m in _PLAIN_EN_MONTH.finditer(text)
    ]
    assert (_anchors._EN_ATTRIBUTION_FOLDED.search(text) is None) == (_anchors._EN_ATTRIBUTION.search(text) is None)


def test_look_ahead_patterns_on_examples() -> None:
    text = "On 5 March, Zelensky's aide said in May: “ſaid” — SAID. Reported by Kyiv Post in September"
    assert [m.group() for m in _anchors._EN_MONTH_RE.finditer(text)] == ["March", "May", "September"]
    assert [m.group() for m in _anchors._CAP_WORD.finditer(text)] == [m.group() for m in _PLAIN_CAP_WORD.finditer(text)]
    assert _anchors._EN_ATTRIBUTION_FOLDED.search("It was SAID.") and not _anchors._EN_ATTRIBUTION_FOLDED.search("x")


# --- per-word caches of names and cognates, the two-dot pre-check of dotted dates: the word-by-word scans they stand
# for (the loops as they were before the caches), on generated texts and examples ----------------------------------


def _ref_names(text: str, language: str, out: dict[str, int]) -> None:
    if language == "en" and "." in text:
        text = _anchors._EN_DOTTED.sub(lambda m: "".join(g for g in m.groups() if g) + " ", text)
    for m in _anchors._CAP_WORD.finditer(text):
        w = m.group(0)
        if w[-2:] in ("'s", "’s") and language == "en":
            w = w[:-2]
        cyr = "\u0400" <= w[0] <= "\u04ff"
        if language == "en" and cyr:
            continue
        if 2 <= len(w) <= 7 and w.isupper():
            if cyr:
                acr = _anchors._UK_ACRONYMS.get(w)
                if acr is None:
                    acr = _anchors.transliterate(w).upper()
            else:
                acr = _anchors._EN_ACRONYM_ALIASES.get(w, w)
            _anchors._add(out, "A:" + acr)
            continue
        low = w.lower()
        if low in (_anchors._UK_STOP if cyr else _anchors._EN_STOP):
            continue
        if (language == "en" and low in _anchors._EN_MONTH) or (cyr and low in _anchors._UK_MONTH) or len(w) < 2:
            continue
        key = _anchors.name_key(w)
        if len(key) >= 2:
            _anchors._add(out, "p:" + key)
        if len(w) >= 6 and len(key) == 4:
            _anchors._add(out, "c:" + key)


def _ref_cognates(text: str, language: str, out: dict[str, int]) -> None:
    for m in _anchors._LOWER_WORD.finditer(text):
        w = m.group(0)
        if ("\u0400" <= w[0] <= "\u04ff") != (language == "uk"):
            continue
        key = _anchors.name_key(w)
        if len(key) == 4:
            _anchors._add(out, "c:" + key)


def _ref_dates(text: str) -> tuple[list[tuple[str, str, str]], str]:
    return [m.groups() for m in _anchors._DOTTED_DATE.finditer(text)], _anchors._DOTTED_DATE.sub(" ", text)


_WORDS = st.sampled_from(
    ["Zelensky's", "Zelensky’s", "NATO", "USA", "ЗСУ", "США", "КМУ", "The", "March", "Березня", "березня", "Київ",
     "Києві", "operations", "операції", "міністерство", "Ministry", "Élysée", "éléphant", "Ab", "A", "I", "X's",
     "U.S.", "U.K.", "О'Брайєн", "Знам’янка", "ʼЯкщо", "McDonald", "5million", "_Kyiv", "Ⅻ", "İstanbul", "1.2.2024",
     "01.03.26", "12.5", "3.", ".", " ", ", ", "'", "’", "ʼ", "-", "Die", "mr", "Mr", "й", "Й"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_WORDS, max_size=14).map("".join), st.sampled_from(["uk", "en"]))
def test_word_caches_give_the_word_by_word_anchors(text: str, language: str) -> None:
    got: dict[str, int] = {}
    want: dict[str, int] = {}
    _anchors._names(text, language, got)
    _ref_names(text, language, want)
    assert got == want
    got, want = {}, {}
    _anchors._cognates(text, language, got)
    _ref_cognates(text, language, want)
    assert got == want
    if text.count(".") < 2:  # the pre-check's claim: no dotted date, and sub leaves the text as it is
        assert _ref_dates(text) == ([], text)


def test_word_caches_on_examples() -> None:
    out: dict[str, int] = {}
    _anchors._names("Zelensky's aide met NATO and U.S. officials in March; The Ministry of Defence", "en", out)
    assert out == {"p:slns": 1, "c:slns": 1, "A:NATO": 1, "A:US": 1, "p:mnst": 1, "c:mnst": 1, "p:dfnk": 1,
                   "c:dfnk": 1}
    out = {}
    _anchors._cognates("міністерство оборони та operations", "uk", out)
    assert out == {"c:mnst": 1, "c:obrn": 1}  # "operations" is English: not a Ukrainian cognate
    assert keys("Станом на 01.03.2026 – 5.", "uk", "n:") == {"n:1": 1, "n:2.026": 1, "n:5": 1}


def test_features_pickle_without_their_stored_hash():
    import pickle

    from tqa.align.anchors import Features, features

    f = features("President Zelensky met Chancellor Scholz in Berlin on 12 March.", "en")
    hash(f)  # stores it
    g = pickle.loads(pickle.dumps(f))
    assert isinstance(g, Features) and g._hash == -1  # not carried over
    assert g == f and hash(g) == hash(f) and g.counts == f.counts


def test_fast_constructor_stores_what_the_dataclass_init_does() -> None:
    """`features` and `merge` build Features without the dataclass __init__: equal values, hashes, counts (in the
    same order), repr and pickling as `Features(...)`; assignment still fails."""
    import dataclasses
    import pickle

    from tqa.align.anchors import Features, features, merge

    texts = [
        ("Зеленський заявив 5 березня, що «це дуже важливо для всіх нас»?", "uk"),
        ("Zelensky said on March 5 that \"this is very important for all of us\"?", "en"),
        ("1 234 567", "uk"),
        ("", "en"),
        ("без якорів тут", "uk"),
    ]
    made = [features(t, lang) for t, lang in texts]
    made.append(merge(made[0], made[1]))
    made.append(merge(made[2], made[4]))
    for f in made:
        g = Features(f.length, f.anchors, f.weight, f.letters)
        assert f == g and hash(f) == hash(g) and repr(f) == repr(g)
        assert f.counts == g.counts and list(f.counts) == list(g.counts)
        assert pickle.loads(pickle.dumps(f)) == f
        with pytest.raises(dataclasses.FrozenInstanceError):  # (Features stay frozen)
            f.length = 0  # type: ignore[misc]
    assert made[2].counts and not made[4].counts

