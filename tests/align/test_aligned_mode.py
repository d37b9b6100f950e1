"""Aligned (record) mode: record i ↔ record i, sentences aligned inside each record."""

from __future__ import annotations

from tqa.align import align_story
from tqa.model import Story
from tqa.text import residue
from tqa.text.segment import build_document


def records(lines: list[str], lang: str, role: str):
    """A record document the way the record readers build one: one line per record, empty records kept as
    zero-length paragraphs."""
    text = "\n".join(lines) + "\n"
    offsets, pos = [], 0
    for line in lines:
        offsets.append((pos, pos + len(line)))
        pos += len(line) + 1
    return build_document(f"records.{lang}", text, lang, role, paragraphs=offsets)


def record_story(src: list[str], tgt: list[str]) -> Story:
    return Story(records(src, "uk", "source"), records(tgt, "en", "target"), mode="aligned")


def test_records_pair_one_to_one_with_full_confidence(uk, en) -> None:
    aligned = align_story(record_story(uk, en))
    assert [(p.source[0].paragraph, p.target[0].paragraph) for p in aligned.pairs] == [(i, i) for i in range(8)]
    assert all(p.kind == "1-1" and p.paragraphs.score == 1.0 for p in aligned.pairs)
    assert [p.index for p in aligned.pairs] == list(range(8))


def test_records_are_never_realigned(uk, en) -> None:
    # a shifted target stays paired by position: the record mode trusts the input's pairing
    aligned = align_story(record_story(uk, en[1:] + [en[0]]))
    assert [(p.source[0].text, p.target[0].text) for p in aligned.pairs] == list(zip(uk, en[1:] + [en[0]]))


def test_sentences_are_aligned_inside_records(uk, en) -> None:
    joined = (
        "According to the company, electricity consumption as of 09:30 was 4.2% higher than at the same time on the "
        "previous working day because of the cold snap in the western regions."
    )
    aligned = align_story(record_story(uk, en[:4] + [joined] + en[5:]))
    assert [a.kind for a in aligned.pairs[4].sentences] == ["2-1"]
    assert [a.kind for a in aligned.pairs[1].sentences] == ["1-1", "1-1"]


def test_empty_records_stay_in_their_pair(uk, en) -> None:
    aligned = align_story(record_story(uk[:3], [en[0], "", en[2]]))
    assert len(aligned.pairs) == 3
    empty = aligned.pairs[1]
    assert empty.kind == "1-1" and empty.target[0].text == "" and empty.target[0].paragraph == 1
    assert [a.kind for a in empty.sentences] == ["1-0", "1-0"]  # both source sentences have nothing opposite
    both_empty = align_story(record_story(["", uk[2]], ["", en[2]])).pairs[0]
    assert both_empty.sentences == () and both_empty.residue is None


def test_residue_record_against_an_empty_source(uk, en) -> None:
    line = "• 126 views"
    assert residue.classify_residue(line) is not None
    aligned = align_story(record_story([uk[0], ""], [en[0], line]))
    assert aligned.pairs[1].residue == residue.classify_residue(line)
    assert aligned.pairs[0].residue is None


def test_residue_text_paired_with_real_source_is_not_residue(uk, en, monkeypatch) -> None:
    # a record whose source is real text is a translation problem, not page residue
    monkeypatch.setattr(residue, "classify_residue", lambda text: "navigation" if text == "Menu" else None)
    aligned = align_story(record_story([uk[0]], ["Menu"]))
    assert aligned.pairs[0].residue is None


def test_unequal_counts_are_handled(uk, en) -> None:
    aligned = align_story(record_story(uk[:3], en[:2]))
    assert [p.kind for p in aligned.pairs] == ["1-1", "1-1", "1-0"]
