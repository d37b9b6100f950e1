"""Document mode: paragraph alignment (1-1, 1-0, 0-1, 2-1, 1-2), residue, repeated headlines, anchors."""

from __future__ import annotations

import pytest

import tqa.align.story as story_mod
from tqa.align import align_story
from tqa.align.anchors import Features
from tqa.model import Story
from tqa.text import residue
from tqa.text.segment import build_document

QUOTE_ONLY = (
    '"Power engineers are working around the clock to restore the damaged equipment as soon as possible. We ask '
    'consumers to use electricity sparingly in the evening hours."'
)


def identity(n: int) -> list:
    return [((i,), (i,)) for i in range(n)]


def test_one_to_one(align, shape, uk, en) -> None:
    aligned = align(uk, en)
    assert shape(aligned) == identity(len(uk))
    assert all(p.residue is None for p in aligned.pairs)
    assert min(p.paragraphs.score for p in aligned.pairs) > 0.5


def test_single_line_breaks_work_like_blank_lines(align, shape, uk, en) -> None:
    assert shape(align(uk, en, blank=False)) == identity(len(uk))


def test_omitted_source_paragraph(align, shape, uk, en) -> None:
    aligned = align(uk, en[:4] + en[5:])
    assert shape(aligned) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,)), ((4,), ()),
                              ((5,), (4,)), ((6,), (5,)), ((7,), (6,))]
    omitted = aligned.pairs[4]
    assert omitted.kind == "1-0" and omitted.residue is None
    assert [a.kind for a in omitted.sentences] == ["1-0", "1-0"]  # its two sentences, both unmatched
    assert omitted.paragraphs.score < aligned.pairs[3].paragraphs.score


def test_omitted_first_and_last_paragraphs(align, shape, uk, en) -> None:
    got = shape(align(uk, en[1:-1]))
    assert got[0] == ((0,), ()) and got[-1] == ((7,), ())
    assert got[1:-1] == [((i,), (i - 1,)) for i in range(1, 7)]


def test_added_english_paragraph(align, shape, uk, en) -> None:
    extra = "Ukrenergo also said that electricity imports from the EU reached 1,700 MW during the day."
    aligned = align(uk, en[:2] + [extra] + en[2:])
    got = shape(aligned)
    assert got[2] == ((), (2,))
    assert got[:2] == identity(2) and got[3:] == [((i,), (i + 1,)) for i in range(2, 8)]
    assert aligned.pairs[2].residue is None  # a real paragraph, not page residue


def test_attribution_line_split_off_is_one_to_two(align, shape, uk, en) -> None:
    # «…», – наголосили в Укренерго. becomes a quote paragraph and a stray attribution line in English
    aligned = align(uk, en[:3] + [QUOTE_ONLY, "- Ukrenergo emphasized."] + en[4:])
    got = shape(aligned)
    assert got[3] == ((3,), (3, 4))
    assert got[:3] == identity(3) and got[4:] == [((i,), (i + 1,)) for i in range(4, 8)]
    # at sentence level the Ukrainian sentence carrying the attribution pairs with both English pieces
    kinds = [a.kind for a in aligned.pairs[3].sentences]
    assert kinds == ["1-1", "1-2"]
    assert aligned.pairs[3].sentences[1].target[-1].text == "- Ukrenergo emphasized."


def test_long_paragraph_split_in_two(align, shape, uk, en) -> None:
    first, second = en[4].split(". ", 1)
    got = shape(align(uk, en[:4] + [first + ".", second] + en[5:]))
    assert got[4] == ((4,), (4, 5))
    assert got[5:] == [((i,), (i + 1,)) for i in range(5, 8)]


def test_two_paragraphs_merged(align, shape, uk, en) -> None:
    aligned = align(uk, en[:1] + [en[1] + " " + en[2]] + en[3:])
    got = shape(aligned)
    assert got[1] == ((1, 2), (1,))
    assert got[2:] == [((i,), (i - 1,)) for i in range(3, 8)]
    assert [a.kind for a in aligned.pairs[1].sentences] == ["1-1", "1-1", "1-1"]


def fake_classifier(text: str) -> str | None:
    """Recognises the residue lines of these tests (the real classifier is another module's)."""
    t = text.strip()
    if t.startswith("$") or t.replace(".", "").isdigit():
        return "exchange-rate-widget"
    if t in ("Electricity outage schedules", "Графіки відключень"):
        return "navigation"
    if "•" in t and ("UNN" in t or "УНН" in t):
        return "dateline"
    if t.endswith("views"):
        return "view-counter"
    return None


@pytest.fixture
def classifier(monkeypatch):
    monkeypatch.setattr(residue, "classify_residue", fake_classifier)


TOP = ["$43.230.13", "50.600.26", "Electricity outage schedules"]


def test_residue_at_top_and_in_middle_stays_unaligned(classifier, align, shape, uk, en) -> None:
    target = TOP + en[:1] + ["Kyiv • UNN", " • 126 views"] + en[1:4] + ["• 5350 views"] + en[4:]
    aligned = align(uk, target)
    kinds = {p.target[0].text: p.residue for p in aligned.pairs if not p.source}
    assert kinds == {
        "$43.230.13": "exchange-rate-widget",
        "50.600.26": "exchange-rate-widget",
        "Electricity outage schedules": "navigation",
        "Kyiv • UNN": "dateline",
        "• 126 views": "view-counter",
        "• 5350 views": "view-counter",
    }
    real = [(s, t) for s, t in shape(aligned) if s]
    assert real == [((0,), (3,)), ((1,), (6,)), ((2,), (7,)), ((3,), (8,)), ((4,), (10,)), ((5,), (11,)),
                    ((6,), (12,)), ((7,), (13,))]
    for p in aligned.pairs:
        if p.residue is not None:
            assert p.kind == "0-1" and p.paragraphs.score > 0.9


def test_residue_is_never_glued_even_where_a_split_fits(classifier, align, shape, uk, en) -> None:
    # a residue line where the attribution line would be: it must not become part of a 1-2
    aligned = align(uk, en[:3] + [QUOTE_ONLY, "• 812 views"] + en[4:])
    got = shape(aligned)
    assert ((), (4,)) in got
    assert all(len(t) == 1 or 4 not in t for _s, t in got)


def test_view_counter_with_the_real_classifier(align, shape, uk, en) -> None:
    line = "• 126 views"
    expected = residue.classify_residue(line)
    assert expected is not None
    aligned = align(uk, en[:1] + [line] + en[1:])
    assert shape(aligned)[1] == ((), (1,))
    assert aligned.pairs[1].residue == expected


def test_unrecognised_figure_lines_are_not_glued(monkeypatch, align, shape, uk, en) -> None:
    monkeypatch.setattr(residue, "classify_residue", lambda text: None)
    aligned = align(uk, ["$43.230.13", "50.600.26"] + en)
    got = shape(aligned)
    assert got[:2] == [((), (0,)), ((), (1,))]
    assert got[2:] == [((i,), (i + 2,)) for i in range(8)]
    assert aligned.pairs[0].residue is None  # not recognised, only left alone


def test_source_residue_is_unaligned_too(classifier, align, shape, uk, en) -> None:
    aligned = align(uk[:1] + ["Київ • УНН"] + uk[1:], en[:1] + ["Kyiv • UNN"] + en[1:])
    got = shape(aligned)
    assert ((1,), ()) in got and ((), (1,)) in got
    assert {p.residue for p in aligned.pairs if p.kind in ("1-0", "0-1")} == {"dateline"}


def test_repeated_headline(align, shape, uk, en) -> None:
    aligned = align(uk, en[:2] + [en[0]] + en[2:])
    got = shape(aligned)
    assert got[0] == ((0,), (0,))
    assert got[2] == ((), (2,))
    assert aligned.pairs[2].residue == "repeated-headline"
    assert got[3:] == [((i,), (i + 1,)) for i in range(2, 8)]


def test_repeated_paragraph_is_kept_when_the_source_repeats_too(align, shape, uk, en) -> None:
    aligned = align(uk[:2] + [uk[0]] + uk[2:], en[:2] + [en[0]] + en[2:])
    assert shape(aligned) == identity(9)
    assert all(p.residue is None for p in aligned.pairs)


ANCHOR_UK = [
    "Уряд ухвалив постанову про компенсації для родин, які постраждали від обстрілів.",
    "Заявки прийматимуть через портал «Дія» до 31 грудня, уточнили у відомстві.",
    "Виплата становитиме 15 000 грн на родину, а в Херсоні – 20 000 грн, заявив Кулеба.",
]
ANCHOR_EN = [
    "The government adopted a resolution on compensation for families affected by shelling.",
    "Applications will be accepted via the Diia portal until December 31, the ministry said.",
    "The payment will amount to UAH 15,000 per family, and in Kherson it will be UAH 20,000, Kuleba said.",
]


def test_anchors_beat_length(align, shape) -> None:
    # The two last Ukrainian paragraphs have similar lengths; which one the English kept is decided by the date,
    # the sums and the names.
    assert shape(align(ANCHOR_UK, [ANCHOR_EN[0], ANCHOR_EN[2]])) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    assert shape(align(ANCHOR_UK, [ANCHOR_EN[0], ANCHOR_EN[1]])) == [((0,), (0,)), ((1,), (1,)), ((2,), ())]


def test_length_alone_gets_it_wrong(monkeypatch, align, shape) -> None:
    # the same case without anchors: the paragraph lengths point to the wrong paragraph
    monkeypatch.setattr(story_mod, "features", lambda text, lang: Features(len(text), (), 0.0, True))
    assert shape(align(ANCHOR_UK, [ANCHOR_EN[0], ANCHOR_EN[1]])) != [((0,), (0,)), ((1,), (1,)), ((2,), ())]


def _pair(uk_text: str, en_text: str) -> Story:
    return Story(build_document("s", uk_text, "uk", "source"), build_document("t", en_text, "en", "target"))


def test_empty_sides(shape, uk, en) -> None:
    assert shape(align_story(_pair("", ""))) == []
    assert shape(align_story(_pair("\n".join(uk), ""))) == [((i,), ()) for i in range(len(uk))]
    assert shape(align_story(_pair("", "\n".join(en)))) == [((), (i,)) for i in range(len(en))]


def test_deterministic(align, uk, en) -> None:
    target = en[:3] + [QUOTE_ONLY, "- Ukrenergo emphasized."] + en[5:]
    first, second = align(uk, target), align(uk, target)
    assert first.pairs == second.pairs
    assert [p.paragraphs.score for p in first.pairs] == [p.paragraphs.score for p in second.pairs]


def test_scores_rank_good_pairs_above_doubtful_ones(align, uk, en) -> None:
    aligned = align(uk, en[:4] + en[5:])
    one_to_one = [p.paragraphs.score for p in aligned.pairs if p.kind == "1-1"]
    omitted = [p.paragraphs.score for p in aligned.pairs if p.kind == "1-0"]
    assert min(one_to_one) > max(omitted)
