"""The exact fast paths of the residue, omission, attribution and quotes families give the answers of the plain code
they stand for (speed pass 4)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.checks import omission as O
from tqa.checks import quotes as Q
from tqa.checks.residue import story_residue
from tqa.engine import check_texts
from tqa.text import residue as R
from tqa.text import speech as S
from tqa.testing import aligned_story, story

_DIGITS_AND_MORE = "0123456789abc .,:-\u0660\u0669\u06f5\u0966\uff10\u00b2\u00bd٣Ⅻ"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_DIGITS_AND_MORE, max_size=20) | st.text(max_size=20))
def test_residue_digit_test_is_the_unicode_digit_search(text: str) -> None:
    assert R._has_digit(text) == (R._HAS_DIGIT.search(text) is not None)


def test_residue_digit_test_examples() -> None:
    assert R._has_digit("views 12") and not R._has_digit("no digits here")
    assert R._has_digit("Arabic-Indic \u0663") and not R._has_digit("superscript \u00b2 is not \\d")


def _kept_glued_dashes(text: str) -> list[tuple[tuple[int, int], str]]:
    """The plain code: every `_GLUED_DASH` match but the hyphens inside words."""
    out = []
    for m in S._GLUED_DASH.finditer(text):
        prev = text[m.start() - 1] if m.start() else ""
        if not m.group("pre") and prev.isalnum():
            continue
        out.append((m.span(), m.group("pre")))
    return out


_DASHY = "ab1_ -\u2013\u2014\u2011.,\"\u201d\u2019\u00bb)'\t\u00a0\u00e9\u0663"


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_DASHY, max_size=14))
def test_kept_dash_pattern_finds_exactly_the_kept_matches(text: str) -> None:
    assert [(m.span(), m.group("pre")) for m in S._GLUED_DASH_KEPT.finditer(text)] == _kept_glued_dashes(text)


def test_kept_dash_pattern_examples() -> None:
    text = 'pro-Russian forces left," - the ministry said. Well-known -- reported UNN'
    assert [m.start() for m in S._GLUED_DASH_KEPT.finditer(text)] == [m[0][0] for m in _kept_glued_dashes(text)]
    assert len(_kept_glued_dashes(text)) == 2  # the spaced dash after the quote and the spaced double dash


def _plain_parse(text: str):
    clause = S._parse_clause(text)
    return None if clause is None or not S._is_attribution(clause) else clause


def _outcome(fn, text: str):
    try:
        return fn(text)
    except Exception as exc:  # noqa: BLE001 — the parser's own failures must stay the same too
        return type(exc)


_CLAUSE_WORDS = ["the", "ministry", "said", "reports", "according", "to", "UNN", "as", "he", "Told", "publication",
                 "writes", "in", "a", "statement", "Kyiv", "noted", "is", "stated", "out", "points", "of", ",", "'s",
                 "SAID", "tells", "journalists", "pro-Russian", "was", "sources", "Is", "were", "already", "also"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSE_WORDS), min_size=1, max_size=7))
def test_clause_parser_pre_check_never_drops_a_clause(words: list[str]) -> None:
    text = " ".join(words)
    assert _outcome(S.parse_en_clause.__wrapped__, text) == _outcome(_plain_parse, text)


def test_clause_parser_examples() -> None:
    for text in ("was", "as Were", "Is", "is already"):  # a lone be-form is no clause (it once raised IndexError)
        assert S.parse_en_clause.__wrapped__(text) is None
        assert _plain_parse(text) is None
    assert S.parse_en_clause.__wrapped__("the publication writes") is not None
    assert S.parse_en_clause.__wrapped__("according to the ministry") is not None
    assert S.parse_en_clause.__wrapped__("the capital of Ukraine") is None


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=-5, max_value=5000), st.integers(min_value=-5, max_value=5000))
def test_length_z_is_the_formula(s: int, t: int) -> None:
    if s <= 0:
        expected = 0.0
    else:
        sd = math.sqrt(O.LOG_RATIO_VAR_FLOOR + O.LOG_RATIO_VAR_PER_CHAR / s)
        expected = (math.log(max(t, 1) / s) - O.LOG_RATIO_MEAN) / sd
    assert O.length_z(s, t) == expected


def test_content_chars_read_from_the_residue_tables_match_strip_residue() -> None:
    source = ["Уряд ухвалив постанову.", "Кабінет міністрів ухвалив рішення в середу.", "Ціни зросли.",
              "Уряд також планує розширити програму."]
    target = ["$41.870.05", "The government adopted a resolution.",
              "The Cabinet adopted the decision on Wednesday.02.03.26, 15:55 • 5350 views",
              "Prices rose • 126 views", "Kyiv • UNN", "The government also plans to extend the programme."]
    al = aligned_story(story(source, target), [((), (0,)), ((0,), (1,)), ((1,), (2,)), ((2,), (3,)), ((), (4,)),
                                               ((3,), (5,))])
    facts = story_residue(al)
    assert facts.target and facts.target_spans  # both kinds of residue are present
    checked = 0
    for pair in al.pairs:
        for seg in pair.target:
            fast = O._content_chars((seg,), facts.target, facts.target_spans)
            plain = 0 if seg.paragraph in facts.target else len(R.strip_residue(seg.text))
            assert fast == plain
            checked += 1
    assert checked == len(target)


def test_source_quote_cache_is_the_search() -> None:
    for text in ("«Ми не дозволимо», – заявив він.", "Без лапок.", 'Він сказав "так".', "„Так“"):
        assert Q._source_has_double_quote(text) == (S.DOUBLE_QUOTE_RE.search(text) is not None)


def test_length_rules_still_fire_through_the_fast_paths() -> None:
    source = ("За словами голови обласної військової адміністрації, унаслідок нічної атаки пошкоджено дві "
              "підстанції, житловий будинок і склад агропідприємства, а також загорівся автомобіль.")
    short = "According to the head of the regional military administration, two substations were damaged."
    assert "TQA504" in {f.code for f in check_texts(source, short).findings}
    full = ("According to the head of the regional military administration, the night attack damaged two "
            "substations, a residential building and a warehouse of an agricultural company, and a car caught fire.")
    assert "TQA504" not in {f.code for f in check_texts(source, full).findings}


def test_detached_attribution_without_ascii_dash_still_found() -> None:
    source = "«Росія не допоможе Ірану військами», – пише видання."
    bad = "\"Russia will not help Iran with troops.\"\n\n\u2013 the publication writes."
    assert "TQA201" in {f.code for f in check_texts(source, bad).findings}
    plain = "\"Russia will not help Iran with troops,\" the publication writes."
    assert "TQA201" not in {f.code for f in check_texts(source, plain).findings}


def test_a_lone_be_form_after_a_quote_is_no_crash() -> None:
    # "– was." on its own line after a quote paragraph once made TQA201 fail (TQA901) on the whole story
    from tqa.engine import check_texts

    result = check_texts("Він сказав: «Так».\n", "\"Yes.\"\n\n– was.\n")
    assert "TQA901" not in {f.code for f in result.findings}
