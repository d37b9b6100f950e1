"""The machine-draft term (Bleualign-style) decides where lengths and anchors cannot."""

from __future__ import annotations

from tqa.align import align_story
from tqa.align.draft import char_fscore, draft_term
from tqa.model import Story
from tqa.text.segment import build_document

SRC = [
    "Енергетики працюють цілодобово, щоб повернути світло в оселі людей.",
    "Споживачів просять економно користуватися електроприладами ввечері.",
    "Рятувальники продовжують розбирати завали зруйнованого будинку.",
]
DRAFT = (
    "Power engineers work around the clock to restore electricity to people's homes.",
    "Consumers are asked to use electrical appliances sparingly in the evening.",
    "Rescuers continue to clear the rubble of the destroyed house.",
)
TGT = [
    "Power engineers are working around the clock to bring light back to homes.",
    "Rescuers are still clearing the debris of the destroyed building.",
]


def _story(draft):
    return Story(
        build_document("s", "\n\n".join(SRC), "uk", "source"),
        build_document("t", "\n\n".join(TGT), "en", "target"),
        draft=draft,
    )


def test_similarity_orders_related_above_unrelated():
    assert char_fscore(TGT[1], DRAFT[2]) > char_fscore(TGT[1], DRAFT[1]) + 0.1


def test_term_sign():
    extra = draft_term(DRAFT, TGT)
    assert extra(2, 3, 1, 2) < 0 < extra(1, 2, 1, 2)


def test_draft_picks_the_omitted_paragraph():
    pairs = align_story(_story(DRAFT)).pairs
    omitted = [p for p in pairs if p.source and not p.target]
    assert [p.source[0].paragraph for p in omitted] == [1]
    matched = {p.source[0].paragraph: p.target[0].paragraph for p in pairs if p.source and p.target}
    assert matched == {0: 0, 2: 1}


def test_draft_of_wrong_length_is_ignored():
    # a draft that does not translate every source paragraph is not used (no crash, same as no draft)
    assert align_story(_story(DRAFT[:2])).pairs == align_story(_story(None)).pairs
