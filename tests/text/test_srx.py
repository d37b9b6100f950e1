"""tqa.text.srx runs tokenize-uk's sentence splitter itself: same rules, same sentences, faster."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.text import srx

tokenize_uk = pytest.importorskip("tokenize_uk")
choppa = pytest.importorskip("choppa")

CODES = ("en", "uk_two")

# Agency-style text with the places where the SRX rules decide: abbreviations, initials, numbers, quotes after a
# full stop, ellipses, lower-case after a stop, URLs and e-mail addresses, non-breaking and narrow spaces.
SAMPLES = [
    "",
    "   ",
    "One sentence without a stop",
    "The minister said it. Then he left!",
    "Mr. Smith met Dr. Jones in the U.S. on Monday. They talked.",
    "The U.S. troops left at 5 p.m. on Friday. The base is empty.",
    "Prices rose 1.5% in Jan. and fell in Feb. Analysts were surprised.",
    "He wrote: \"We will win.\" The crowd cheered.",
    "«Ми переможемо», – сказав він. Натовп аплодував.",
    "Всього 33 тис.А можна й більше.",
    "Наші в... Лос-Анджелесі. Далі буде.",
    "...Мазій і Юхим теж. Інші ні.",
    "“Слон” (2008 р.) У минулому харків’янка.",
    "1. перший пункт. 2. Другий пункт.",
    "С.\u202fШелухин прийшов. Потім пішов.",
    "Про це повідомляє УНН.Інші подробиці згодом.",
    "See www.example.com. Then write to press@example.org. Thanks.",
    "Visit us at example.NET today. Or not.",
    "The line ended here.\u00a0\u00a0 Then another began.",
    "A paragraph\u2029with a separator.",
    "Marker <0}inside{0> the text. Done.",
    "Is it? \"Yes!\" she said. (Really.) OK.",
    "Ціна — 5,2 млрд грн. Тобто вдвічі більше.",
    "Цензор.НЕТ пише. ZN.ua теж.",
]


@pytest.mark.parametrize("code", CODES + ("uk", "ru"))
def test_rules_are_chopas(code: str) -> None:
    """The same break rules, before/after patterns and exception patterns as choppa's RuleManager builds."""
    document = choppa.SrxDocument(ruleset=choppa.DEFAULT_SRX_RULESET)
    manager = document.get_rule_manager(document.get_language_rule_list(code), 100)
    mine = srx._Rules(code)
    assert len(mine.before) == len(manager.break_rule_list) > 0
    for k, rule in enumerate(manager.break_rule_list):
        assert mine.before[k].pattern == document.compile(rule.before_pattern).pattern
        assert mine.after[k].pattern == document.compile(rule.after_pattern).pattern
        expected = manager.exception_pattern_map[rule]
        source = mine.exception_source[k]
        assert (srx._compile(source).pattern if source else None) == (expected.pattern if expected else None)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("text", SAMPLES)
def test_same_sentences_as_tokenize_uk(code: str, text: str) -> None:
    assert srx.sentence_spans(text, code) == tokenize_uk.tokenize_sents_with_spans(text, language_code=code)


def test_splits_where_it_should() -> None:
    spans = srx.sentence_spans("The minister said it. Then he left!", "en")
    assert [s for s, _a, _b in spans] == ["The minister said it.", "Then he left!"]
    assert srx.sentence_spans("Mr. Smith met Dr. Jones.", "en") == [("Mr. Smith met Dr. Jones.", 0, 24)]


_ALPHABET = st.sampled_from(
    list("aAbBxXzZ аАбБяЯіІїЇєЄґҐ019.!?…;:,'\"»«”“’)(]-–—") + ["\u00a0", "\u202f", "\u2029", "\n", "<0}", "{0>",
                                                           "Mr.", "U.S.", "тис.", "www.", "@x.y", "..."]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.sampled_from(CODES))
def test_same_sentences_on_any_text(text: str, code: str) -> None:
    assert srx.sentence_spans(text, code) == tokenize_uk.tokenize_sents_with_spans(text, language_code=code)


@pytest.mark.parametrize("code", CODES + ("uk",))
def test_exception_pieces_rebuild_each_rules_source(code: str) -> None:
    """Each break rule's exception source is the '|'-join of the pieces of its chain (each piece compiled once)."""
    rules = srx._Rules(code)
    assert len(rules.pieces) < len([s for s in rules.exception_source if s])  # later rules share earlier pieces
    for k, source in enumerate(rules.exception_source):
        assert "|".join(rules.pieces[i] for i in rules.chain[k]) == source


_EXCEPTION_TEXTS = [s for s in SAMPLES if s.strip()] + [
    "FRITZ!Box is a router. fritz!box too.", "Mr. Smith, Dr. Jones and St. Paul. Ms. Li.", "Ст. Петро, ст. 5. Див. вище.",
]


@pytest.mark.parametrize("code", CODES)
def test_is_break_as_with_the_whole_exception_pattern(code: str) -> None:
    rules = srx._Rules(code)
    checked = 0
    for text in _EXCEPTION_TEXTS:
        for position in range(len(text) + 1):
            for k, source in enumerate(rules.exception_source):
                expected = not source or srx._compile(source).match(text, position) is None
                assert rules.is_break(k, text, position) == expected, (text, position, k)
                checked += not expected
    assert checked  # some exceptions do match


@pytest.mark.parametrize("code", CODES + ("uk",))
def test_index_reads_the_exception_alternatives(code: str) -> None:
    """Each exception piece splits into its top-level alternatives; nearly all have a readable look-behind tail."""
    rules = srx._Rules(code)
    for source in rules.pieces:
        piece = srx._Piece(source)
        assert "|".join(piece.alternatives) == srx._translate_java(source)
        assert all(a.startswith("(?:") and a.endswith(")") for a in piece.alternatives)
        read = [t for t in piece.tails if t is not None]
        assert len(read) >= len(piece.tails) - 2  # (?i) and look-ahead-only alternatives are always tried
        assert all(0 < len(tail) <= srx._TAIL for tails in read for tail in tails)


def test_tails_of_look_behinds() -> None:
    def tails(pattern: str) -> set:
        return set(srx._tails(srx._parse(pattern), srx._TAIL))

    assert tails(r"\bJan\.[\s\u00A0]") == {(r"[\s\u00A0]", r"\.", "n")}
    assert tails(r"(^|[\s])\.") == {(r"\.",), (r"\.", r"[\s]")}  # shorter: the match may start there
    assert tails(r"A[eur]\.[\s]{0,100}") == {
        (r"[\s]", r"[\s]", r"[\s]"), (r"[\s]", r"[\s]", r"\."), (r"[\s]", r"\.", "[eur]"), (r"\.", "[eur]", "A")}
    assert tails(r"\p{L}{1,2}\.") == {(r"\.", r"\p{L}"), (r"\.", r"\p{L}", r"\p{L}")}
    assert srx._behind_tails(r"(?:(?=\p{Ll}))") is None  # no look-behind: no condition
    assert srx._behind_tails(r"(?:(?<=(?iu)FRITZ!)(?=(?iu)Box))") is None  # case-insensitive: not read
    with pytest.raises(srx._Unsupported):
        srx._parse(r"(?P<x>a)")


@pytest.mark.parametrize("code", CODES)
def test_selection_is_a_superset(code: str) -> None:
    """At every position of the samples, an alternative that matches is among those selected for its key."""
    import regex

    rules = srx._Rules(code)
    for source in rules.pieces:
        piece = srx._Piece(source)
        for text in _EXCEPTION_TEXTS + ["Jan. 5", "see e.g. this", "A.I. is here", "(a. b. c) x", "тис. 5 грн. 6"]:
            for position in range(len(text) + 1):
                key = text[max(0, position - srx._TAIL) : position]
                fit = set(piece.always)
                srx._walk(piece.trie, key, 0, fit)
                for i, alternative in enumerate(piece.alternatives):
                    if i not in fit:
                        compiled = regex.compile(alternative, flags=regex.U | regex.V1)
                        assert compiled.match(text, position) is None, (text, position, alternative)
