"""Partially translated paragraphs, glued neighbours and short dialogue lines: the paragraph aligner keeps a paragraph
that lost or gained a sentence as one 1-1 pair (the length term of a 1-1 bead is capped), re-splits a 2-1 / 1-2 bead
next to an unpaired paragraph when the sentences say so, and uses questions as anchors."""

from __future__ import annotations

import dataclasses

import pytest

import tqa.align.anchors as anchors_mod
import tqa.align.story as story_mod
from tqa.align import dp
from tqa.align.anchors import EMPTY, features
from tqa.align.cost import PARAGRAPHS, SENTENCES, bead_cost, length_cost
from tqa.model import Story
from tqa.text.segment import build_document



def identity(n: int) -> list:
    return [((i,), (i,)) for i in range(n)]


def _story(uk: list[str], en: list[str]) -> Story:
    return Story(
        build_document("s", "\n\n".join(uk), "uk", "source"), build_document("t", "\n\n".join(en), "en", "target")
    )


def shape(aligned) -> list:
    return [(tuple(s.paragraph for s in p.source), tuple(t.paragraph for t in p.target)) for p in aligned.pairs]


# -- the length cap -------------------------------------------------------------------------------------------------


def test_length_term_of_a_paragraph_pair_is_capped_below_an_indel_pair() -> None:
    src, tgt = features("а" * 300, "uk"), features("b" * 120, "en")
    assert length_cost(300, 120, PARAGRAPHS) > 12  # a third of the text missing: far out in the tail
    capped = bead_cost("1-1", src, tgt, PARAGRAPHS)
    assert capped == pytest.approx(PARAGRAPHS.length_cap)
    indels = bead_cost("1-0", src, EMPTY, PARAGRAPHS) + bead_cost("0-1", EMPTY, tgt, PARAGRAPHS)
    assert capped < indels
    # lengths that agree are not affected, and sentences are not capped at all
    assert bead_cost("1-1", features("а" * 100, "uk"), features("b" * 109, "en"), PARAGRAPHS) < 1.0
    assert bead_cost("1-1", src, tgt, SENTENCES) > 12


@pytest.mark.parametrize("lost", [0, 1])
def test_lead_that_lost_a_sentence_stays_paired_with_its_translation(align, uk, en, lost) -> None:
    # the lead (paragraph 1) has two sentences; its English lost one: still 1-1 — the headline keeps its own
    # translation and is not reported missing — and the sentence alignment shows which sentence is gone
    sentences = ["On Monday, December 9, hourly power outage schedules will be applied in most regions of Ukraine from "
                 "06:00 to 22:00 in the amount of 1.5 to 2 queues.", "This was reported by NPC Ukrenergo, UNN reports."]
    assert en[1] == " ".join(sentences)
    en[1] = sentences[1 - lost]
    aligned = align(uk, en)
    assert shape(aligned) == identity(len(uk))
    lead = aligned.pairs[1]
    kinds = [a.kind for a in lead.sentences]
    assert kinds.count("1-0") == 1 and kinds.count("1-1") == 1
    assert next(a for a in lead.sentences if a.kind == "1-0").source[0].sentence == lost


def test_paragraph_with_an_added_sentence_stays_paired(align, uk, en) -> None:
    en[4] += " Analysts at Goldman Sachs expect the shortage to last until the end of March, when 1,200 MW return."
    aligned = align(uk, en)
    assert shape(aligned) == identity(len(uk))
    assert [a.kind for a in aligned.pairs[4].sentences][-1] == "0-1"


def test_without_the_cap_the_partial_pair_falls_apart(monkeypatch, uk, en) -> None:
    # the same story as above, to show the cap is what keeps it together (the headline left alone, or the lead
    # reported lost, before it)
    en[1] = "This was reported by NPC Ukrenergo, UNN reports."
    monkeypatch.setattr(dp, "bead_cost", lambda kind, s, t, p: bead_cost(
        kind, s, t, dataclasses.replace(p, length_cap=None)))
    assert shape(story_mod.align_story(_story(uk, en))) != identity(len(uk))


def test_paragraphs_of_unrelated_text_are_not_forced_together(align, uk, en) -> None:
    # a paragraph dropped and an unrelated one of similar weight elsewhere: still 1-0 and 0-1, not shifted pairs
    extra = "Ukrenergo also said that electricity imports from the EU reached 1,700 MW during the day."
    got = shape(align(uk, en[:2] + en[3:6] + [extra] + en[6:]))
    assert ((2,), ()) in got and ((), (5,)) in got


# -- re-splitting glued beads -----------------------------------------------------------------------------------------

A_UK = "Уряд виділив 2 млрд грн на ремонт шкіл у прифронтових громадах Харківщини."
A_EN = "The government allocated UAH 2 billion for school repairs in frontline communities of Kharkiv region."
B_UK = "Кошти спрямують до 120 громад, які найбільше постраждали від обстрілів."
B_EN = "The funds will go to 120 communities that suffered most from the shelling."
X_EN = "Analysts at Goldman Sachs called the programme belated and said that it would cost at least $3 billion."


def _segments(texts: list[str], lang: str):
    return build_document("x", "\n\n".join(texts), lang, "source" if lang == "uk" else "target").paragraphs


def test_glued_bead_next_to_a_lone_paragraph_is_resplit() -> None:
    # [A B] → [A' + added sentence], B' alone: the sentences show that B' is B's translation
    sp, tp = _segments([A_UK, B_UK], "uk"), _segments([A_EN + " " + X_EN, B_EN], "en")
    beads = [dp.Bead(0, 2, 0, 1, 6.0), dp.Bead(2, 2, 1, 2, 4.2)]
    got = story_mod.resplit_glued(beads, sp, tp)
    assert [(b.s0, b.s1, b.t0, b.t1) for b in got] == [(0, 1, 0, 1), (1, 2, 1, 2)]
    # the same on the other side: s'→∅ before s→[t1 t2] becomes s'→t1, s→t2
    sp2, tp2 = _segments([A_UK, B_UK], "uk"), _segments([A_EN, B_EN], "en")
    beads2 = [dp.Bead(0, 1, 0, 0, 4.2), dp.Bead(1, 2, 0, 2, 6.0)]
    got2 = story_mod.resplit_glued(beads2, sp2, tp2)
    assert [(b.s0, b.s1, b.t0, b.t1) for b in got2] == [(0, 1, 0, 1), (1, 2, 1, 2)]


def test_true_merge_next_to_an_added_paragraph_stays_glued() -> None:
    # [A B] → [A' B'] really is one English paragraph; X' is an added paragraph: no re-split
    sp, tp = _segments([A_UK, B_UK], "uk"), _segments([A_EN + " " + B_EN, X_EN], "en")
    beads = [dp.Bead(0, 2, 0, 1, 5.2), dp.Bead(2, 2, 1, 2, 4.2)]
    assert story_mod.resplit_glued(beads, sp, tp) == beads


# -- questions --------------------------------------------------------------------------------------------------------

DIALOGUE_UK = ["Ми переїхали до Праги місяць тому.", "Чому ми виїхали ?", "Бо вдома щоночі повітряні тривоги.",
               "Де нам шукати житло ?", "Ви пробували ?", "Ніхто з вас не пробував.",
               "Діти досі бояться гучних звуків.", "Дякуємо всім, хто підтримує."]
DIALOGUE_EN = ["We moved to Prague a month ago.", "Why did we leave?", "Because there are air raid alerts every night.",
               "Where are we supposed to look for a place to live?", "Have you ever tried it yourself?",
               "None of you have.", "The children are still afraid of loud sounds.",
               "Thanks to everyone who supports us."]


def test_question_marks_are_anchors() -> None:
    assert dict(features("Ви жили так ?", "uk").anchors)["?"] == 1
    assert dict(features("Why?? And who pays?", "en").anchors)["?"] == 2
    assert "?" not in dict(features("See https://example.com/?id=5 for details.", "en").anchors)


def test_short_dialogue_lines_do_not_shift(align) -> None:
    # one wordy question among short lines: without the question anchors the aligner would rather drop a line at
    # each end of the run and pair the rest shifted by one
    aligned = align(DIALOGUE_UK, DIALOGUE_EN)
    assert shape(aligned) == identity(len(DIALOGUE_UK))


def test_short_dialogue_lines_shift_without_question_anchors(monkeypatch) -> None:
    monkeypatch.setattr(anchors_mod, "_QUESTION", anchors_mod.re.compile(r"(?!x)x"))
    anchors_mod.features.cache_clear()
    try:
        got = shape(story_mod.align_story(_story(DIALOGUE_UK, DIALOGUE_EN)))
    finally:
        anchors_mod.features.cache_clear()
    assert got != identity(len(DIALOGUE_UK))
