"""TQA501–TQA505: omissions and additions read from the alignment. Texts are written for these tests; most stories
are aligned by hand so that the tests do not depend on the aligner's choices."""

from __future__ import annotations


from collections.abc import Sequence

from tqa.config import Config
from tqa.model import AlignedStory, Alignment, Finding
from tqa.text.segment import build_document
from tqa.testing import aligned_story as aligned
from tqa.testing import codes, run_rules, story


def run(al: AlignedStory, select: Sequence[str] = ("TQA4", "TQA5")) -> list[Finding]:
    return run_rules(al, select)


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


# -- partially translated paragraphs through the whole pipeline (aligner + rules) ---------------------------------

HEAD_UK = "Уряд виділив 2 млрд грн на ремонт шкіл"
HEAD_EN = "Government allocates UAH 2 billion for school repairs"
LEAD_UK = " ".join([P1_UK, P2_UK, P3_UK])
NEXT_UK = "Нагадаємо, минулого тижня внаслідок обстрілу Харкова пошкоджено 14 шкіл і два дитячі садки."
NEXT_EN = "Last week, 14 schools and two kindergartens were damaged in the shelling of Kharkiv."


def _findings(source: Sequence[str], target: Sequence[str], config: Config | None = None) -> list[Finding]:
    return list(check_texts("\n\n".join(source), "\n\n".join(target), config).findings)


def test_sentence_lost_from_the_lead_is_reported_where_it_is_missing():
    found = _findings([HEAD_UK, LEAD_UK, NEXT_UK], [HEAD_EN, " ".join([P1_EN, P3_EN]), NEXT_EN])
    omissions = [f for f in found if f.category in ("omission", "addition")]
    assert [f.code for f in omissions] == ["TQA502"]  # no lost headline (TQA501), no "added" headline
    f = omissions[0]
    assert f.source.text == P2_UK
    assert f.target.line == 3 and f.target.column == len(P1_EN) + 1  # after the sentence before it
    # its figures are not reported again one by one (TQA301): TQA502 names the whole sentence
    assert not [f for f in found if f.code == "TQA301"]


def test_complete_lead_is_silent():
    found = _findings([HEAD_UK, LEAD_UK, NEXT_UK], [HEAD_EN, " ".join([P1_EN, P2_EN, P3_EN]), NEXT_EN])
    assert not [f for f in found if f.category in ("omission", "addition", "numeric-drift")]


def test_figures_of_a_lost_sentence_are_reported_when_omitted_sentence_is_off():
    found = _findings([HEAD_UK, LEAD_UK, NEXT_UK], [HEAD_EN, " ".join([P1_EN, P3_EN]), NEXT_EN],
                      Config(select=("TQA3",)))
    assert [f.source.text for f in found if f.code == "TQA301"] == ["120"]


def test_figure_missing_from_a_translated_sentence_is_still_reported():
    # the lead lost P2 (TQA502) and its first sentence lost "2 млрд": that one is TQA301's
    p1 = "The government allocated money for school repairs in frontline communities."
    found = _findings([HEAD_UK, LEAD_UK, NEXT_UK], [HEAD_EN, " ".join([p1, P3_EN]), NEXT_EN])
    assert "TQA502" in codes(found)
    assert [f.source.text for f in found if f.code == "TQA301"] == ["2 млрд грн"]


# -- TQA506 added sentence ----------------------------------------------------------------------------------------

ADDED_FACTS = "Analysts at Goldman Sachs expect the repairs to cost at least $3 billion."
ADDED_PLAIN = "The decision was criticised by the opposition as a pre-election gift to the regions."


@pytest.mark.parametrize("added, at", [(ADDED_FACTS, 1), (ADDED_PLAIN, 3)])
def test_added_sentence_inside_a_paragraph(added, at):
    target_sents = [P1_EN, P2_EN, P3_EN]
    target_sents.insert(at, added)
    found = _findings([HEAD_UK, LEAD_UK, NEXT_UK], [HEAD_EN, " ".join(target_sents), NEXT_EN])
    additions = [f for f in found if f.category == "addition"]
    assert [f.code for f in additions] == ["TQA506"]  # not TQA505 as well, nor an added paragraph
    f = additions[0]
    assert f.severity is Severity.WARNING and f.target.text == added and f.target.line == 3
    assert not [f for f in found if f.category == "omission"]


def test_attribution_split_off_as_a_sentence_is_not_an_addition():
    source = "Уряд виділив 2 млрд грн на ремонт шкіл у прифронтових громадах, повідомили в Міністерстві освіти."
    target = "The government allocated UAH 2 billion for school repairs in frontline communities. " \
             "This was reported by the Ministry of Education."
    found = _findings([HEAD_UK, source, NEXT_UK], [HEAD_EN, target, NEXT_EN])
    assert not [f for f in found if f.category in ("omission", "addition")]


def test_one_long_sentence_translated_as_three_is_not_an_addition():
    source = ("Уряд виділив 2 млрд грн на ремонт шкіл у прифронтових громадах, кошти спрямують до 120 громад у шести "
              "областях, які найбільше постраждали від обстрілів, а роботи мають завершити до вересня, щоб діти могли "
              "повернутися до класів.")
    target = " ".join([P1_EN, P2_EN, P3_EN])
    found = _findings([HEAD_UK, source, NEXT_UK], [HEAD_EN, target, NEXT_EN])
    assert not [f for f in found if f.category in ("omission", "addition")]


def test_added_sentence_in_a_short_paragraph_needs_new_facts():
    source = "Роботи мають завершити до вересня."
    plain = "The work is to be completed by September. Officials declined to comment further."
    facts = "The work is to be completed by September. Mayor Ihor Terekhov expects 40 schools to reopen."
    assert "TQA506" not in codes(_findings([HEAD_UK, source, NEXT_UK], [HEAD_EN, plain, NEXT_EN]))
    assert "TQA506" in codes(_findings([HEAD_UK, source, NEXT_UK], [HEAD_EN, facts, NEXT_EN]))


# -- attribution formulas folded into the English sentence (TQA502 must stay quiet) -------------------------------

FOLDED_LEADS = [
    ("Кабінет міністрів виділив 1,5 млрд грн на відновлення мостів у Чернігівській області. "
     "Про це повідомила пресслужба Мінінфраструктури.",
     "The Cabinet of Ministers has allocated UAH 1.5 billion to rebuild bridges in Chernihiv region, the "
     "Infrastructure Ministry's press service said."),
    ("Рятувальники ліквідували пожежу на складі у Броварах, постраждалих немає. Про це йдеться у повідомленні "
     "Державної служби з надзвичайних ситуацій на офіційному сайті відомства.",
     "Rescuers have put out a fire at a warehouse in Brovary, with no casualties, the State Emergency Service said."),
    ("Уночі сили ППО збили над Одещиною 12 ударних безпілотників. Про це в Telegram написав голова Одеської ОВА "
     "Олег Кіпер.",
     "Air defenses shot down 12 attack drones over Odesa region overnight, regional governor Oleh Kiper wrote on "
     "Telegram."),
    ("Національний банк зберіг облікову ставку на рівні 14,5% річних. Про це йдеться в повідомленні регулятора за "
     "підсумками засідання правління з питань монетарної політики.",
     "The National Bank kept its key policy rate at 14.5%, the regulator said after a monetary policy meeting."),
]


@pytest.mark.parametrize("lead_uk, lead_en", FOLDED_LEADS)
def test_attribution_formula_folded_into_the_english_sentence(lead_uk, lead_en):
    found = _findings([HEAD_UK, lead_uk, NEXT_UK], [HEAD_EN, lead_en, NEXT_EN])
    assert not [f for f in found if f.category == "omission"]


def test_content_sentence_lost_next_to_a_folded_formula_is_reported():
    lead_uk = ("Кабінет міністрів виділив 1,5 млрд грн на відновлення мостів у Чернігівській області. Роботи "
               "виконають 14 підрядників з трьох областей, а перші відновлені мости на трасі Київ – Чернігів "
               "відкриють для руху вже до кінця травня. Про це повідомила пресслужба Мінінфраструктури.")
    lead_en = ("The Cabinet of Ministers has allocated UAH 1.5 billion to rebuild bridges in Chernihiv region, the "
               "Infrastructure Ministry's press service said.")
    found = _findings([HEAD_UK, lead_uk, NEXT_UK], [HEAD_EN, lead_en, NEXT_EN])
    lost = [f for f in found if f.code == "TQA502"]
    assert len(lost) == 1 and lost[0].source.text.startswith("Роботи виконають 14 підрядників")


def test_attribution_formulas():
    from tqa.checks.omission import is_attribution_formula

    for text in ("Про це повідомила пресслужба ВАКС.", "Про це в Telegram написав очільник ОВА Максим Козицький.",
                 "Про це йдеться у повідомленні регулятора.", "Передає УНН.", "Як повідомляє Укрінформ."):
        assert is_attribution_formula(text), text
    for text in ("Президент заявив, що Україна отримає чотири системи ППО до кінця року.",
                 "Про це свідчать дані моніторингу цін.", "Роботи мають завершити до вересня."):
        assert not is_attribution_formula(text), text


# -- short dialogue lines and crossed couples ----------------------------------------------------------------------

def test_short_dialogue_lines_are_not_lost_or_added():
    uk = ["Ми переїхали до Праги місяць тому.", "Чому ми виїхали ?", "Бо вдома щоночі повітряні тривоги.",
          "Де нам шукати житло ?", "Ви пробували ?", "Ніхто з вас не пробував.", "Діти досі бояться гучних звуків."]
    en = ["We moved to Prague a month ago.", "Why did we leave?", "Because there are air raid alerts every night.",
          "Where are we supposed to look for a place to live?", "Have you ever tried it yourself?",
          "None of you have.", "The children are still afraid of loud sounds."]
    assert not [f for f in _findings(uk, en) if f.category in ("omission", "addition")]


def test_crossed_couple_of_a_partial_translation_reports_the_lost_sentence():
    # the aligner split a partially translated paragraph into 1-0 + 0-1: TQA502 reads the pair they form
    st = story([P1_UK, LEAD_UK, NEXT_UK], [P1_EN, " ".join([P1_EN, P3_EN]), NEXT_EN])
    al = aligned(st, [((0,), (0,)), ((1,), ()), ((), (1,)), ((2,), (2,))])
    found = run(al)
    assert codes(found) == ["TQA502"]
    assert found[0].source.text == P2_UK and found[0].target.line == 3


def test_unmatched_english_attribution_sentence_is_not_an_addition():
    # sentence beads given by hand: the English made a sentence of the source's attribution clause
    source = ("Уряд виділив 2 млрд грн на ремонт шкіл у прифронтових громадах Харківщини та Сумщини, повідомили в "
              "Міністерстві освіти і науки.")
    first = "The government allocated UAH 2 billion for school repairs in frontline communities of Kharkiv and Sumy"
    for target, expected in (
        (first + ". This was reported by the Ministry of Education and Science.", []),
        (first + ", the ministry said. The opposition called it a pre-election gift to the regions.", ["TQA506"]),
    ):
        st = story([source], [target], "aligned")
        al = aligned(st, [((0,), (0,))], sentences={0: [((0,), (0,)), ((), (1,))]})
        assert codes(run(al, ["TQA5"])) == expected, target


def test_english_sentences_of_one_long_source_sentence_are_not_additions():
    # one long Ukrainian sentence, three wordy English ones; the sentence aligner pairs at most two with it
    source = ("Уряд виділив 2 млрд грн на ремонт шкіл у прифронтових громадах, кошти спрямують до 120 громад у шести "
              "областях, які постраждали від обстрілів, а роботи завершать до вересня.")
    target = ("The government has decided to allocate a total of UAH 2 billion for the repair of schools in frontline "
              "communities. The funds will be sent to as many as 120 communities in six regions that have suffered "
              "from the shelling. All of the repair work is to be fully completed by the beginning of September.")
    st = story([source], [target], "aligned")
    al = aligned(st, [((0,), (0,))], sentences={0: [((0,), (0, 1)), ((), (2,))]})
    assert "TQA506" not in codes(run(al, ["TQA5"]))
    # the same English sentence after a pair whose lengths agree is an addition
    short = "Уряд виділив 2 млрд грн на ремонт шкіл у прифронтових громадах, кошти спрямують до 120 громад."
    st2 = story([short], [target], "aligned")
    al2 = aligned(st2, [((0,), (0,))], sentences={0: [((0,), (0, 1)), ((), (2,))]})
    assert "TQA506" in codes(run(al2, ["TQA5"]))


def test_english_sentence_owned_by_a_short_neighbouring_pair_is_not_an_addition():
    # a run-on source sentence (no space after its full stops, so not split) whose English ended up in three
    # sentences: the pair the aligner made of it is far too short, and the unmatched sentence completes it
    run_on = ("мешканці кажуть що вода прийшла вночі.ніхто не встиг винести речі з підвалів.люди ночували у "
              "сусідів на другому поверсі.вранці рятувальники почали відкачувати воду.")
    other = "Дякуємо всім, хто допомагав."
    target = ["Residents say the water came at night.", "Nobody managed to take their things out of the basements.",
              "People spent the night with neighbours on the second floor, and in the morning the rescuers began to "
              "pump out the water.", "We are very grateful to each and every one of the people who helped us."]
    st = story([run_on + " " + other], [" ".join(target)], "aligned")
    beads = {0: [((0,), (0, 1)), ((), (2,)), ((1,), (3,))]}
    assert "TQA506" not in codes(run(aligned(st, [((0,), (0,))], sentences=beads), ["TQA5"]))


def test_english_attribution_clause_length():
    from tqa.checks.omission import en_attribution_chars

    assert en_attribution_chars("Rain flooded 37 houses, the State Emergency Service reports.") == len(
        ", the State Emergency Service reports.")
    assert en_attribution_chars("According to the ministry, the rate is 5%. Prices rose.") == len(
        "According to the ministry,")
    assert en_attribution_chars("Prices rose by 5% in March. Wages fell.") == 0


def test_lost_sentence_next_to_a_folded_formula_with_a_long_english_clause():
    # the English attribution clause is longer than the source formula: the comparison leaves out both
    lead_uk = ("Через сильні дощі 4 березня рівень води в річках Тиса та Уж піднявся на 1,5 м. Підтоплено 37 житлових "
               "будинків і понад 120 присадибних ділянок. Про це повідомляє ДСНС.")
    lead_en = ("Thirty-seven residential buildings and more than 120 household plots were flooded, the State Emergency "
               "Service (SES) reports.")
    found = _findings([HEAD_UK, lead_uk, NEXT_UK], [HEAD_EN, lead_en, NEXT_EN])
    lost = [f for f in found if f.code == "TQA502"]
    assert len(lost) == 1 and lost[0].source.text.startswith("Через сильні дощі 4 березня")


def test_lone_sentence_trades_places_with_its_neighbour_by_anchors():
    from tqa.checks.omission import _reassign_by_anchors

    uk = build_document("s", "Уряд виділив 2 млрд грн. Роботи мають завершити до вересня.", "uk", "source")
    en = build_document("t", "The government allocated UAH 2 billion.", "en", "target")
    (a, b), (e,) = uk.paragraphs[0].sentences, en.paragraphs[0].sentences
    # the aligner paired the English with the second sentence; its figures are the first one's
    got = _reassign_by_anchors([Alignment((a,), ()), Alignment((b,), (e,))])
    assert [(x.source, x.target) for x in got] == [((a,), (e,)), ((b,), ())]
    # and the other way round: the lost sentence after the pair
    uk2 = build_document("s", "Роботи мають завершити до вересня. Уряд виділив 2 млрд грн.", "uk", "source")
    b2, a2 = uk2.paragraphs[0].sentences
    got2 = _reassign_by_anchors([Alignment((b2,), (e,)), Alignment((a2,), ())])
    assert [(x.source, x.target) for x in got2] == [((b2,), ()), ((a2,), (e,))]
    # without a clear anchor difference nothing moves
    plain = build_document("t", "The work is to be completed.", "en", "target").paragraphs[0].sentences
    same = [Alignment((a,), ()), Alignment((b,), plain)]
    assert _reassign_by_anchors(same) == same
    # an unmatched English sentence that carries the pair's figures takes the pair's place
    src = build_document("s", "Уряд виділив 2 млрд грн.", "uk", "source").paragraphs[0].sentences
    e1, e2 = build_document("t", "Work will start soon. The government allocated UAH 2 billion.", "en",
                            "target").paragraphs[0].sentences
    got3 = _reassign_by_anchors([Alignment(src, (e1,)), Alignment((), (e2,))])
    assert [(x.source, x.target) for x in got3] == [((), (e1,)), (src, (e2,))]
