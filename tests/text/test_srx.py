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


@pytest.mark.parametrize("code", CODES)
def test_pieces_are_their_alternatives(code: str) -> None:
    """Each exception piece is the '|'-join of the alternatives recorded for it (their look-behinds as finitized)."""
    rules = srx._Rules(code)
    assert len(rules.alternatives) == len(rules.pieces)
    for source, alternatives in zip(rules.pieces, rules.alternatives):
        assert "|".join(a for a, _ in alternatives) == source
        assert all(a.startswith("(?:(?<=" + b + ")") for a, b in alternatives if b)


def test_literal_strings() -> None:
    b = srx._BOUNDARY
    assert srx._literal_strings(r"\b(a(?:b|cd)|E)\.\b") == {b + "ab." + b, b + "acd." + b, b + "E." + b}
    assert srx._literal_strings(r"(ab|c)s?\.") == {"ab.", "abs.", "c.", "cs."}  # optional: with or without
    assert srx._literal_strings(r"[Hh][1-3]") == {"H1", "H2", "H3", "h1", "h2", "h3"}  # simple sets
    assert srx._literal_strings(r"a+") is None  # a repeat: not a finite list read here
    assert srx._literal_strings(r"[^a]") is None and srx._literal_strings(r"[a\-z]") is None
    assert srx._literal_strings(r"[\s]x") is None
    assert srx._literal_strings(r"(?<!a)b") is None


def test_the_abbreviation_list_is_guarded() -> None:
    """The big English abbreviation look-behind is left out of the compiled alternation, behind its strings."""
    rules = srx._Rules("en")
    piece = srx._Piece(rules.pieces[0], rules.alternatives[0])
    assert len(piece.guards) == 1 and len(piece.guards[0][3]) > 5000
    assert "Abbrev." in piece.guards[0][2] and "Abbrev." in piece.guards[0][5]
    assert piece.match("the Abbrev.Xyz", len("the Abbrev.")) is True
    assert piece.guards[0][4] is not None  # compiled on this first need
    fresh = srx._Piece(rules.pieces[0], rules.alternatives[0])
    assert fresh.match("a research.This", len("a research.")) is False  # "arch." inside a word: \b fails
    assert fresh.guards[0][4] is None  # rejected without compiling the alternative


@pytest.mark.parametrize("code", CODES)
def test_pieces_match_as_their_whole_source(code: str) -> None:
    rules = srx._Rules(code)
    texts = _EXCEPTION_TEXTS + ["Abbrev.Xyz and research.This", "the Acad.Sci. of x", "(a. b. c) x", "Jan. 5 e.g. x"]
    for source, alternatives in zip(rules.pieces, rules.alternatives):
        piece = srx._Piece(source, alternatives)
        whole = srx._compile(source).match
        for text in texts:
            for position in range(len(text) + 1):
                assert piece.match(text, position) == (whole(text, position) is not None), (text, position)


def test_language_matchers_as_the_regex_package() -> None:
    import regex

    _, maps = srx._ruleset()
    codes = ["en", "uk", "uk_two", "uk_one", "EN", "de_DE", "xx", "", "ast", "enx_two", "e", "pl-PL", "UK\n"]
    for pattern, _rules in maps:
        for code in codes:
            assert bool(srx._language_matcher(pattern)(code)) == bool(regex.compile(pattern).fullmatch(code))


def test_required_strings() -> None:
    assert srx._required_strings(r"\([^\)]{0,100}?[\.:][\s\u00A0]") == {"("}
    assert srx._required_strings(r"\b(https?|ftp):///?[A-Za-z]{1,100}\.") == {
        "http://", "https://", "ftp://", "http:///", "https:///", "ftp:///"}  # the run, "s?" and "/?" both ways
    assert srx._required_strings(r"\b(тис|млн)\.[\p{H}\p{V}]{0,100}") == {"тис.", "млн."}
    assert srx._required_strings(r"(?<!т\.[\p{H}]?)\bр\.[\p{H}]{0,100}") == {"р."}  # zero-width items skipped
    assert srx._required_strings(r"a|b") is None  # a top-level alternation: nothing is required
    assert srx._required_strings(r"(?i)abc") is None
    assert srx._required_strings(r"[abc]{1,100}") is None


@pytest.mark.parametrize("code", CODES)
def test_scan_groups_hold_far_scanning_look_behinds(code: str) -> None:
    rules = srx._Rules(code)
    grouped = 0
    for source, alternatives in zip(rules.pieces, rules.alternatives):
        piece = srx._Piece(source, alternatives)
        for strings, group, compiled in piece.scans:
            assert compiled is None and strings and group
            grouped += group.count("(?:(?<=")
    assert grouped >= 5
    if code == "en":
        piece = srx._Piece(rules.pieces[0], rules.alternatives[0])
        assert ("(",) in [s[0] for s in piece.scans]
        assert piece.match("see (it. Then", len("see (it. ")) is False  # no closing parenthesis ahead
        assert piece.match("see (it. then) x", len("see (it. ")) is True
        assert piece.match("see it. then) x", len("see it. ")) is False  # no "(" before: the group is not tried


def test_literal_suffix() -> None:
    assert srx._literal_suffix(r"\bJan\.[\s\u00A0]") == (1, {"Jan."})
    assert srx._literal_suffix(r"\bI(nc|NC)\.[\s\u00A0]") == (1, {"Inc.", "INC."})
    assert srx._literal_suffix(r"ID.") == (1, {"ID"})  # an unescaped dot is any one character
    assert srx._literal_suffix(r"\bA\.") == (0, {"A."})
    assert srx._literal_suffix(r"[\s]{0,100}") is None
    assert srx._required_strings("\\u2029") == {"\u2029"} and srx._required_strings(r"\d\r?\n") == {"\n", "\r\n"}


@pytest.mark.parametrize("code", CODES)
def test_suffix_groups_and_rule_strings(code: str) -> None:
    rules = srx._Rules(code)
    assert any(required for required in rules.required)
    texts = _EXCEPTION_TEXTS + ["a\u2029b. C", "x {0>y<0} z. A", "00:00:01,000\nHi. There", "Він... Так", "a (1) b. C"]
    found = 0
    for k, required in enumerate(rules.required):  # where a rule matches, its strings are in the text
        for text in texts:
            if srx._find(rules.before[k], rules.after[k], text, len(text), [0, 0, 0, False]):
                found += bool(required)
                assert all(any(string in text for string in strings) for strings in required), (k, text)
    assert found
    pieces = [srx._Piece(s, a) for s, a in zip(rules.pieces, rules.alternatives)]
    assert any(piece.suffixes for piece in pieces)
    if code == "en":
        piece = pieces[0]
        assert piece.match("Acme Inc. and", len("Acme Inc. ")) is True
        assert piece.match("Acme Incx. and", len("Acme Incx. ")) is False
        assert srx.sentence_spans("It was on Jan. 5 here. Then (1) we left.", "en") == [
            ("It was on Jan. 5 here.", 0, 22), ("Then (1) we left.", 23, 40)]


def test_required_strings_of_repeats() -> None:
    # with `repeats` (break rules only), a literal repeated at least once is required; otherwise it ends a run
    assert srx._required_strings(r"\p{L}[\.!?…]\u00A0+\s+", repeats=True) == {"\u00a0"}
    assert srx._required_strings(r"\p{L}[\.!?…]\u00A0+\s+") is None
    assert srx._required_strings(r"x{2,}y", repeats=True) == {"x"}
    assert srx._required_strings(r"x{0,3}y", repeats=True) == {"y"}  # may occur zero times: not required
    assert srx._required_strings(r"x*", repeats=True) is None
    assert srx._items(r"ab+", repeats=True) == [("lit", {"a"}), ("lit+", {"b"})]
    assert srx._items(r"ab+") == [("lit", {"a"}), ("other",)]


def _slow_spans(text: str, code: str):
    """sentence_spans with the break rules' pre-checks (required strings, joined searches) turned off."""
    rules = srx._rules(code)
    saved = rules.required, rules.joint
    rules.required, rules.joint = [()] * len(saved[0]), [None] * len(saved[1])
    try:
        return srx.sentence_spans(text, code)
    finally:
        rules.required, rules.joint = saved


@pytest.mark.parametrize("code", CODES)
def test_joined_searches(code: str) -> None:
    rules = srx._Rules(code)
    assert len(rules.joint) == len(rules.before)
    joined = [k for k, joint in enumerate(rules.joint) if joint is not None]
    assert joined  # (en: the rule "terminal, then an upper-case letter" and the single-letter rule)
    texts = SAMPLES + ["A b. C d.", "He said.The end", "x a. Bc", "Yes.»Так", "Він пішов. — Так", "a.\u00a0 Bb"]
    met = 0
    for k in joined:
        for text in texts:
            found = srx._find(rules.before[k], rules.after[k], text, len(text), [0, 0, 0, False])
            met += found
            assert not found or rules.joint[k](text) is not None, (k, text)  # the pre-check never skips a match
    assert met
    # constructs whose meaning could change when joined are not joined
    assert srx._joint(r"(a)\1", "b") is None and srx._joint("a", "(?i)b") is None and srx._joint("^a", "b") is None
    assert srx._joint("a", "") is None and srx._joint("[^a]", "b") is not None


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.sampled_from(CODES))
def test_pre_checks_as_without_them(text: str, code: str) -> None:
    assert srx.sentence_spans(text, code) == _slow_spans(text, code)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("text", SAMPLES + ["Word a. Then", "He won.The end. Ok", "x.\u00a0 Yes. No"])
def test_pre_checks_as_without_them_on_samples(code: str, text: str) -> None:
    assert srx.sentence_spans(text, code) == _slow_spans(text, code)
