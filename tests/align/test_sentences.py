"""Sentence alignment inside aligned paragraph groups."""

from __future__ import annotations

from tqa.align.story import align_sentences
from tqa.text.segment import build_document


def kinds(pair) -> list[str]:
    return [a.kind for a in pair.sentences]


def test_two_sentences_joined_in_english(align, uk, en) -> None:
    joined = (
        "According to the company, electricity consumption as of 09:30 was 4.2% higher than at the same time on the "
        "previous working day because of the cold snap in the western regions."
    )
    aligned = align(uk, en[:4] + [joined] + en[5:])
    pair = aligned.pairs[4]
    assert pair.kind == "1-1"
    assert kinds(pair) == ["2-1"]


def test_one_sentence_split_in_english(align, uk, en) -> None:
    split = (
        "On Monday, December 9, hourly power outage schedules will be applied in most regions of Ukraine. They will "
        "be in effect from 06:00 to 22:00 in the amount of 1.5 to 2 queues. This was reported by NPC Ukrenergo, UNN "
        "reports."
    )
    aligned = align(uk, en[:1] + [split] + en[2:])
    pair = aligned.pairs[1]
    assert kinds(pair) == ["1-2", "1-1"]
    assert pair.sentences[0].target[1].text.startswith("They will be in effect from 06:00")


def test_sentence_dropped_inside_a_paragraph(align, uk, en) -> None:
    first = en[4].split(". ")[0] + "."
    aligned = align(uk, en[:4] + [first] + en[5:])
    assert aligned.pairs[4].kind == "1-1"
    assert kinds(aligned.pairs[4]) == ["1-1", "1-0"]
    assert aligned.pairs[4].sentences[1].source[0].text.startswith("Причина – похолодання")


def test_sentence_added_inside_a_paragraph(align, uk, en) -> None:
    longer = en[5] + " Residents of the capital are asked not to turn on several powerful appliances at once."
    aligned = align(uk, en[:5] + [longer] + en[6:])
    assert kinds(aligned.pairs[5]) == ["1-1", "0-1"]


def test_one_sentence_each_side_is_trivial(align, uk, en) -> None:
    aligned = align(uk, en)
    pair = aligned.pairs[2]
    assert kinds(pair) == ["1-1"]
    assert pair.sentences[0].score == pair.paragraphs.score
    assert pair.sentences[0].source[0] is pair.source[0].sentences[0]


def test_numbers_decide_between_sentences_of_similar_length() -> None:
    src = build_document(
        "s",
        "Ремонт триватиме 12 днів. Роботи коштуватимуть 48 млн грн. Підрядника обрали через Prozorro.\n",
        "uk",
        "source",
    )
    tgt = build_document(
        "t", "The repairs will cost UAH 48 million. The contractor was selected through Prozorro.\n", "en", "target"
    )
    out = align_sentences(src.paragraphs, tgt.paragraphs)
    assert [a.kind for a in out] == ["1-0", "1-1", "1-1"]
    assert "48" in out[1].target[0].text


def test_empty_groups() -> None:
    src = build_document("s", "Перше речення. Друге речення.\n", "uk", "source")
    assert [a.kind for a in align_sentences(src.paragraphs, ())] == ["1-0", "1-0"]
    assert align_sentences((), ()) == ()
