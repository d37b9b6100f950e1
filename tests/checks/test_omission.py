"""TQA501–TQA505: omissions and additions read from the alignment. Texts are written for these tests; most stories
are aligned by hand so that the tests do not depend on the aligner's choices."""

from __future__ import annotations


from collections.abc import Sequence

from tqa.checks.base import select_rules
from tqa.config import Config
from tqa.engine import analyse
from tqa.model import AlignedPair, AlignedStory, Alignment, Finding, Story
from tqa.text.segment import build_document


def story(source: Sequence[str], target: Sequence[str], mode: str = "document") -> Story:
    return Story(
        build_document("s.uk.txt", "\n\n".join(source), "uk", "source"),
        build_document("t.en.txt", "\n\n".join(target), "en", "target"),
        mode=mode,
    )


def aligned(
    st: Story,
    beads: Sequence[tuple[Sequence[int], Sequence[int]]],
    residue: dict[int, str] | None = None,
    sentences: dict[int, Sequence[tuple[Sequence[int], Sequence[int]]]] | None = None,
) -> AlignedStory:
    """An aligned story from paragraph beads ``([source paragraphs], [target paragraphs])``; `sentences` gives, per
    pair index, sentence beads over the pair's sentences (numbered across its paragraphs)."""
    sp, tp = st.source.paragraphs, st.target.paragraphs
    pairs = []
    for i, (s_idx, t_idx) in enumerate(beads):
        src = tuple(sp[k] for k in s_idx)
        tgt = tuple(tp[k] for k in t_idx)
        if sentences and i in sentences:
            ss = [s for p in src for s in p.sentences]
            ts = [t for p in tgt for t in p.sentences]
            sents = tuple(Alignment(tuple(ss[a] for a in sa), tuple(ts[b] for b in tb)) for sa, tb in sentences[i])
        elif src and tgt:
            sents = tuple(Alignment((s,), (t,)) for s, t in zip(
                [s for p in src for s in p.sentences], [t for p in tgt for t in p.sentences]))
        else:
            sents = ()
        pairs.append(AlignedPair(i, Alignment(src, tgt), sents, (residue or {}).get(i)))
    return AlignedStory(st, tuple(pairs))


def run(al: AlignedStory, select: Sequence[str] = ("TQA4", "TQA5")) -> list[Finding]:
    config = Config(select=tuple(select))
    return analyse(al, config, [cls() for cls in select_rules(config.select)])


def codes(findings: Sequence[Finding]) -> list[str]:
    return [f.code for f in findings]


import pytest  # noqa: E402

from tqa.checks.omission import length_z  # noqa: E402
from tqa.engine import check_texts  # noqa: E402
from tqa.model import Severity  # noqa: E402

P1_UK = "Уряд виділив 2 млрд грн на ремонт шкіл у прифронтових громадах."
P1_EN = "The government allocated UAH 2 billion for school repairs in frontline communities."
P2_UK = "Кошти спрямують до 120 громад у шести областях, які найбільше постраждали від обстрілів."
P2_EN = "The funds will go to 120 communities in six regions that suffered most from the shelling."
P3_UK = "Роботи мають завершити до вересня, щоб діти могли повернутися до класів."
P3_EN = "The work is to be completed by September so that children can return to classrooms."
LONG_UK = ("За словами голови обласної військової адміністрації, унаслідок нічної атаки пошкоджено дві "
           "підстанції, житловий будинок і склад агропідприємства, а також загорівся автомобіль.")
LONG_EN = ("According to the head of the regional military administration, the night attack damaged two "
           "substations, a residential building and a warehouse of an agricultural company, and a car caught fire.")
LONG_EN_CUT = "According to the head of the regional military administration, two substations were damaged."


# -- TQA501 omitted paragraph -------------------------------------------------------------------------------------

def test_omitted_paragraph_is_an_error_naming_the_source():
    st = story([P1_UK, P2_UK, P3_UK], [P1_EN, P3_EN])
    found = run(aligned(st, [((0,), (0,)), ((1,), ()), ((2,), (1,))]))
    assert codes(found) == ["TQA501"]
    f = found[0]
    assert f.severity is Severity.ERROR and f.category == "omission"
    assert f.source.text == P2_UK and "120 громад" in f.message
    # located where the paragraph is missing: the end of the previous English paragraph
    assert f.target.text == "" and f.target.start == len(P1_EN) and f.target.line == 1


def test_source_residue_is_not_an_omission():
    source = [P1_UK, "Фото: пресслужба Міністерства освіти", "Читайте також: Ціни на хліб зросли на Київщині",
              "- DW - 09.03.2024", "Нагадаємо"]
    st = story(source, [P1_EN])
    found = run(aligned(st, [((0,), (0,)), ((1,), ()), ((2,), ()), ((3,), ()), ((4,), ())]))
    assert not found


# -- TQA502 omitted sentence --------------------------------------------------------------------------------------

def _three_sentence_pair(target_sents, sentence_beads):
    st = story([" ".join([P1_UK, P2_UK, P3_UK])], [" ".join(target_sents)])
    return aligned(st, [((0,), (0,))], sentences={0: sentence_beads})


def test_omitted_sentence_from_the_sentence_alignment():
    al = _three_sentence_pair([P1_EN, P3_EN], [((0,), (0,)), ((1,), ()), ((2,), (1,))])
    found = run(al)
    assert codes(found) == ["TQA502"]
    f = found[0]
    assert f.severity is Severity.ERROR and f.source.text == P2_UK
    assert f.target.start == len(P1_EN)  # after the translation of the previous sentence


def test_omitted_sentence_not_confirmed_by_lengths():
    # the aligner left a sentence unaligned but the English paragraph is as long as the whole source: not reported
    padded = P3_EN[:-1] + ", the minister said after a long meeting with the heads of the regional administrations."
    al = _three_sentence_pair([P1_EN, padded], [((0,), (0,)), ((1,), ()), ((2,), (1,))])
    assert "TQA502" not in codes(run(al))


def test_omitted_sentence_fallback_when_sentences_are_not_aligned():
    st = story([" ".join([P1_UK, P2_UK, P3_UK])], [" ".join([P1_EN, P3_EN])])
    al = aligned(st, [((0,), (0,))], sentences={0: [((0, 1, 2), (0, 1))]})
    found = run(al)
    assert codes(found) == ["TQA502"]
    assert found[0].source.text == P2_UK


def test_complete_paragraph_has_no_omitted_sentence():
    st = story([" ".join([P1_UK, P2_UK, P3_UK])], [" ".join([P1_EN, P2_EN, P3_EN])])
    al = aligned(st, [((0,), (0,))], sentences={0: [((0, 1, 2), (0, 1, 2))]})
    assert not run(al)


# -- TQA503 added paragraph ---------------------------------------------------------------------------------------

def test_added_paragraph_is_a_warning():
    extra = "The opposition called the decision a pre-election gift to the regions."
    st = story([P1_UK, P3_UK], [P1_EN, extra, P3_EN])
    found = run(aligned(st, [((0,), (0,)), ((), (1,)), ((1,), (2,))]))
    assert codes(found) == ["TQA503"]
    assert found[0].severity is Severity.WARNING and found[0].category == "addition"
    assert found[0].target.text == extra


@pytest.mark.parametrize("line", ["• 317 views", "Let us recall", "Photo: Reuters", "***"])
def test_residue_lead_ins_and_separators_are_not_additions(line):
    st = story([P1_UK, P3_UK], [P1_EN, line, P3_EN])
    assert not run(aligned(st, [((0,), (0,)), ((), (1,)), ((1,), (2,))]), ["TQA5"])


def test_pair_marked_residue_by_the_aligner_is_not_an_addition():
    extra = "Bread prices rise in Kyiv region as flour gets more expensive"
    st = story([P1_UK], [P1_EN, extra])
    al = aligned(st, [((0,), (0,)), ((), (1,))], residue={1: "teaser"})
    assert not [f for f in run(al) if f.code == "TQA503"]


# -- TQA504 / TQA505 length ratio ---------------------------------------------------------------------------------

def test_length_model():
    assert abs(length_z(100, 109)) < 0.1  # the usual ratio
    assert length_z(300, 150) < length_z(100, 50) < -3  # longer sources are less noisy
    assert length_z(200, 500) > 4.5


def test_short_translation_reports_the_ratio():
    st = story([LONG_UK], [LONG_EN_CUT], "aligned")
    found = run(aligned(st, [((0,), (0,))]))
    assert codes(found) == ["TQA504"]
    assert "0.53" in found[0].message and found[0].target.text == LONG_EN_CUT


def test_long_translation():
    src = "Уряд виділив два мільярди гривень на ремонт шкіл і лікарень у прифронтових громадах."
    tgt = ("The government allocated two billion hryvnias for the repair of schools and hospitals in frontline "
           "communities. The decision was criticised by the opposition, which called it a pre-election gift, and by "
           "several mayors, who said the money would come too late for the school year to start on time.")
    found = run(aligned(story([src], [tgt], "aligned"), [((0,), (0,))]))
    assert codes(found) == ["TQA505"]
    assert found[0].category == "addition"


def test_usual_translation_and_short_sources_are_not_flagged():
    assert not run(aligned(story([LONG_UK], [LONG_EN], "aligned"), [((0,), (0,))]))
    # under 80 source characters: too noisy to judge
    assert not run(aligned(story(["Уряд ухвалив рішення в середу ввечері."], ["Done."], "aligned"), [((0,), (0,))]))


def test_glued_residue_does_not_count_as_added_length():
    tgt = LONG_EN + " Bread prices rise in Kyiv region as flour gets more expensive17.05.25, 11:40 • 918 views"
    found = run(aligned(story([LONG_UK], [tgt], "aligned"), [((0,), (0,))]))
    assert "TQA505" not in codes(found)
    assert "TQA402" in codes(found)


def test_crossed_pair_is_read_as_a_partial_translation():
    # an aligner may split a badly matched 1-1 pair into 1-0 + 0-1: that is one short translation, not a lost
    # paragraph plus an added one
    st = story([P1_UK, LONG_UK, P3_UK], [P1_EN, LONG_EN_CUT, P3_EN])
    al = aligned(st, [((0,), (0,)), ((1,), ()), ((), (1,)), ((2,), (2,))])
    found = run(al)
    assert codes(found) == ["TQA504"]
    assert found[0].target.text == LONG_EN_CUT and found[0].source.text == LONG_UK


def test_crossed_pair_of_different_text_is_omission_and_addition():
    other = ("The opposition called the decision a pre-election gift to the regions, and several mayors of large "
             "cities said that the money would arrive too late for the repairs to be finished before winter.")
    st = story([P1_UK, LONG_UK, P3_UK], [P1_EN, other, P3_EN])
    al = aligned(st, [((0,), (0,)), ((1,), ()), ((), (1,)), ((2,), (2,))])
    assert sorted(codes(run(al))) == ["TQA501", "TQA503"]


def test_whole_pipeline_omitted_paragraph():
    result = check_texts("\n\n".join([P1_UK, P2_UK, P3_UK]), "\n\n".join([P1_EN, P3_EN]))
    assert "TQA501" in [f.code for f in result.findings]
    assert not [f for f in result.findings if f.category == "addition"]


def test_split_off_attribution_line_is_not_an_addition():
    """A lone '- the publication writes.' line is TQA201's finding, not an added paragraph."""
    from tqa.engine import check_texts

    source = "«Росія не надасть військової допомоги Тегерану. Угода цього не передбачає», – пише видання."
    target = ('"Russia will not provide military assistance to Tehran. The agreement does not provide for it."'
              "\n\n- the publication writes.")
    codes = [f.code for f in check_texts(source, target).findings]
    assert "TQA201" in codes
    assert "TQA503" not in codes
