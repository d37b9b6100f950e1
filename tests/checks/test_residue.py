"""TQA401–TQA405: web-page residue in the English copy. Stories are written for these tests in the style of agency
pages; most are aligned by hand so that the tests do not depend on the aligner's choices, and a few go through the
whole pipeline."""

from __future__ import annotations


from collections.abc import Sequence

from tqa.model import AlignedStory, Finding
from tqa.testing import aligned_story as aligned
from tqa.testing import codes, run_rules, story


def run(al: AlignedStory, select: Sequence[str] = ("TQA4", "TQA5")) -> list[Finding]:
    return run_rules(al, select)


from tqa.checks.residue import story_residue  # noqa: E402
from tqa.engine import check_texts  # noqa: E402
from tqa.model import Severity  # noqa: E402

HEAD_UK = "Уряд продовжив програму пільгової іпотеки до кінця року"
HEAD_EN = "Government extends affordable mortgage programme until end of year"
LEAD_UK = "Кабінет міністрів ухвалив відповідне рішення в середу, повідомили в Міністерстві фінансів."
LEAD_EN = "The Cabinet of Ministers adopted the decision on Wednesday, the Ministry of Finance said."
BODY_UK = ("За даними міністерства, з початку року пільгові кредити отримали понад 4 тисячі родин, "
           "з них третина — внутрішньо переміщені особи.")
BODY_EN = ("According to the ministry, more than 4,000 families have received preferential loans since the "
           "beginning of the year, a third of them internally displaced persons.")
TEASER = "Bread prices rise in Kyiv region17.05.25, 11:40 • 918 views"
BOTTOM_UK = "Уряд також планує розширити програму на вторинний ринок житла."
BOTTOM_EN = "The government also plans to extend the programme to the secondary housing market."


def _page_story():
    """English copy taken from a web page: widgets and counters at the top, the headline twice, a teaser."""
    source = [HEAD_UK, LEAD_UK, BODY_UK, BOTTOM_UK]
    target = ["$41.870.05", "48.350.12", "Electricity outage schedules", HEAD_EN, "Lviv • UNN", "• 317 views",
              LEAD_EN, HEAD_EN, BODY_EN, TEASER, BOTTOM_EN]
    st = story(source, target)
    beads = [((), (0,)), ((), (1,)), ((), (2,)), ((0,), (3,)), ((), (4,)), ((), (5,)), ((1,), (6,)),
             ((), (7,)), ((2,), (8,)), ((), (9,)), ((3,), (10,))]
    return aligned(st, beads)


def test_page_residue_is_reported_line_by_line():
    found = run(_page_story())
    by_line = {(f.target.line, f.code) for f in found}
    # paragraph k is on line 2k+1 (paragraphs separated by blank lines)
    assert (1, "TQA401") in by_line and (3, "TQA401") in by_line  # the two widget lines
    assert (5, "TQA401") in by_line  # navigation line
    assert (9, "TQA401") in by_line and (11, "TQA401") in by_line  # dateline, view counter
    assert (15, "TQA403") in by_line  # the headline again
    assert (19, "TQA402") in by_line  # the glued teaser
    # residue is neither an addition nor anything else, and the real headline is not residue
    assert not [f for f in found if f.code.startswith("TQA5")]
    assert (7, "TQA401") not in by_line and (7, "TQA403") not in by_line
    assert all(f.severity is Severity.WARNING for f in found)
    assert all(f.fix is not None and f.fix.replacement == "" for f in found)


def test_glued_teaser_flags_only_the_glued_span():
    found = [f for f in run(_page_story()) if f.code == "TQA402"]
    assert len(found) == 1
    f = found[0]
    assert f.target.text == "17.05.25, 11:40 • 918 views"
    assert f.target.column == len("Bread prices rise in Kyiv region") + 1
    assert "Bread prices rise" in f.message  # names the teaser's headline


def test_repeated_headline_names_the_first_occurrence():
    f = next(f for f in run(_page_story()) if f.code == "TQA403")
    assert "paragraph 4" in f.message


def test_a_repeat_the_source_has_too_is_info():
    source = [HEAD_UK, HEAD_UK, LEAD_UK]
    target = [HEAD_EN, HEAD_EN, LEAD_EN]
    found = run(aligned(story(source, target), [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]), ["TQA403"])
    assert [f.severity for f in found] == [Severity.INFO]


def test_aligner_residue_verdict_is_reported():
    # the aligner marked a 0-1 pair as a repeated headline that our own check would not find (short text)
    st = story([LEAD_UK], ["Key rate cut", LEAD_EN])
    al = aligned(st, [((), (0,)), ((0,), (1,))], residue={0: "repeated-headline"})
    found = run(al)
    assert codes(found) == ["TQA403"]


def test_mirrored_source_tag_and_read_also_are_info_and_no_omission():
    source = ["Парламент ухвалив бюджет - DW - 09.03.2024", LEAD_UK, "Читайте також: Ціни на хліб зросли"]
    target = ["Parliament passes the budget - DW - 09.03.2024", LEAD_EN]
    al = aligned(story(source, target), [((0,), (0,)), ((1,), (1,)), ((2,), ())])
    found = run(al)
    assert [(f.code, f.severity) for f in found] == [("TQA402", Severity.INFO)]
    assert found[0].target.text == " - DW - 09.03.2024"


def test_unmirrored_read_also_and_credit_lines():
    source = [LEAD_UK]
    target = ["Photo: Ministry of Finance press service", LEAD_EN, "Read also: Bread prices rise in Kyiv region",
              "© 2025 All rights reserved"]
    al = aligned(story(source, target), [((), (0,)), ((0,), (1,)), ((), (2,)), ((), (3,))])
    found = run(al)
    assert codes(found) == ["TQA405", "TQA404", "TQA405"]
    assert all(f.severity is Severity.WARNING for f in found)


def test_contextual_navigation_line_at_the_top():
    # "Fuel price monitor" is in no vocabulary: it is residue because it is unpaired, title-like and sits among
    # other page residue before the story starts
    source = [LEAD_UK, BODY_UK]
    target = ["$41.870.05", "Fuel price monitor", LEAD_EN, BODY_EN]
    al = aligned(story(source, target), [((), (0,)), ((), (1,)), ((0,), (2,)), ((1,), (3,))])
    facts = story_residue(al)
    assert facts.target == {0: "exchange-rate-widget", 1: "navigation"}
    assert codes(run(al)) == ["TQA401", "TQA401"]


def test_title_like_line_inside_the_story_is_not_residue():
    source = [LEAD_UK, BODY_UK]
    target = [LEAD_EN, "Fuel price monitor", BODY_EN]
    al = aligned(story(source, target), [((0,), (0,)), ((), (1,)), ((1,), (2,))])
    assert story_residue(al).target == {}
    assert not [f for f in run(al) if f.code.startswith("TQA4")]


def test_lead_in_is_not_residue():
    source = [LEAD_UK, "Нагадаємо, уряд запустив програму у 2022 році."]
    target = [LEAD_EN, "Let us recall", "The government launched the programme in 2022."]
    al = aligned(story(source, target), [((0,), (0,)), ((1,), (1, 2))])
    assert not [f for f in run(al) if f.code.startswith("TQA4")]


def test_aligned_mode_does_not_guess_repeats_from_records():
    source = ["Так.", "Звісно, так, дякую вам за запитання.", "Авжеж, дякую вам за таке запитання."]
    target = ["Yes.", "Of course, thank you for the question.", "Of course, thank you for the question."]
    al = aligned(story(source, target, "aligned"), [((0,), (0,)), ((1,), (1,)), ((2,), (2,))])
    assert not run(al, ["TQA4"])


def test_whole_pipeline_on_a_page_copy():
    source = "\n\n".join([HEAD_UK, LEAD_UK, BODY_UK])
    target = "\n\n".join(["$41.870.05", "48.350.12", HEAD_EN, "Lviv • UNN", "• 317 views", LEAD_EN, BODY_EN])
    result = check_texts(source, target)
    residue = [f for f in result.findings if f.category == "boilerplate"]
    assert sorted(f.target.text for f in residue) == sorted(["$41.870.05", "48.350.12", "Lviv • UNN",
                                                             "• 317 views"])
    assert not [f for f in result.findings if f.category in ("omission", "addition")]


def test_findings_are_deterministic_and_fingerprints_distinct():
    a = run(_page_story())
    b = run(_page_story())
    assert [(f.code, f.target.start, f.fingerprint) for f in a] == [(f.code, f.target.start, f.fingerprint) for f in b]
    assert len({f.fingerprint for f in a}) == len(a)


def test_aligner_teaser_without_a_stamp_is_still_reported():
    st = story([LEAD_UK], [LEAD_EN, "Bread prices rise in Kyiv region"])
    al = aligned(st, [((0,), (0,)), ((), (1,))], residue={1: "teaser"})
    found = run(al)
    assert codes(found) == ["TQA401"] and found[0].target.text == "Bread prices rise in Kyiv region"


def test_residue_translated_without_its_marker_takes_the_source_kind():
    # "Читайте також: X" left unpaired (residue) and its translation "X" without the marker next to it
    source = [LEAD_UK, "Читайте також: Ціни на хліб зросли на Київщині", BODY_UK]
    target = [LEAD_EN, "Bread prices rose in Kyiv region", BODY_EN]
    al = aligned(story(source, target), [((0,), (0,)), ((1,), ()), ((), (1,)), ((2,), (2,))])
    found = run(al)
    assert [(f.code, f.severity) for f in found] == [("TQA404", Severity.INFO)]


def test_added_paragraph_next_to_source_residue_stays_an_addition():
    source = [LEAD_UK, "Фото: пресслужба", BODY_UK]
    extra = ("The opposition called the decision a pre-election gift to the regions and demanded that the "
             "ministry publish the list of the communities that will receive the money.")
    al = aligned(story(source, [LEAD_EN, extra, BODY_EN]), [((0,), (0,)), ((1,), ()), ((), (1,)), ((2,), (2,))])
    assert codes(run(al)) == ["TQA503"]


# -- page lines and glued pieces that no vocabulary listed (red-team round) ----------------------------------------

P1_UK = "У ніч на 10 квітня росіяни атакували Харківську область 52 ударними дронами. Сили ППО збили 45 з них."
P1_EN = ("On the night of April 10, Russians attacked Kharkiv region with 52 attack drones. Air defense forces shot "
         "down 45 of them.")
P2_UK = "Уламки дронів пошкодили два житлові будинки та автомобілі, повідомив начальник ОВА Олег Синєгубов."
P2_EN = "Drone debris damaged two residential buildings and cars, said regional governor Oleh Syniehubov."


def test_page_labels_at_the_bottom_are_residue_with_a_fix():
    source = "\n\n".join([LEAD_UK, BODY_UK])
    target = "\n\n".join([LEAD_EN, BODY_EN, "Share:", "Source: Ukrinform", "Author: Olena Petrenko", "Getty Images"])
    result = check_texts(source, target)
    got = sorted((f.target.text, f.code) for f in result.findings)
    assert got == [("Author: Olena Petrenko", "TQA401"), ("Getty Images", "TQA405"), ("Share:", "TQA401"),
                   ("Source: Ukrinform", "TQA401")]
    assert all(f.fix is not None and f.fix.replacement == "" for f in result.findings)


def test_page_lines_in_the_middle_of_the_story():
    for line, code in (("Reading time: 2 min", "TQA401"), ("👁️ 2341", "TQA401"), ("2 341 👁", "TQA401"),
                       ("Ukrinform", "TQA401"), ("Tags: war, Russia", "TQA401"), ("Comments (0)", "TQA401"),
                       ("Sunday, April 10, 2026", "TQA401"), ("Getty Images", "TQA405")):
        result = check_texts("\n\n".join([P1_UK, P2_UK]), "\n\n".join([P1_EN, line, P2_EN]))
        assert [(f.code, f.target.text) for f in result.findings] == [(code, line)], line


def test_source_line_of_the_story_structure_is_not_residue():
    # some sites give each news item a "Джерело:" paragraph: translated, it is story text, not page chrome
    source = "\n\n".join([P1_UK, "Джерело: Генштаб ЗСУ", P2_UK])
    target = "\n\n".join([P1_EN, "Source: AFU General Staff", P2_EN])
    assert not check_texts(source, target).findings


def test_one_word_sub_heading_in_the_body_is_not_residue():
    source = "\n\n".join([P1_UK, "Наслідки", P2_UK])
    target = "\n\n".join([P1_EN, "Consequences", P2_EN])
    assert not check_texts(source, target).findings


def test_unlisted_label_line_next_to_bottom_residue():
    # "Join the discussion:" is in no vocabulary: residue because it is unpaired, label-shaped and sits among page
    # residue after the story's last paragraph
    source = [LEAD_UK, BODY_UK]
    target = [LEAD_EN, BODY_EN, "Join the discussion:", "Share:"]
    al = aligned(story(source, target), [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((), (3,))])
    assert story_residue(al).target == {2: "navigation", 3: "social-prompt"}
    # the same line inside the story is not residue
    target = [LEAD_EN, "Join the discussion:", BODY_EN, "Share:"]
    al = aligned(story(source, target), [((0,), (0,)), ((), (1,)), ((1,), (2,)), ((), (3,))])
    assert story_residue(al).target == {3: "social-prompt"}


def test_glued_counter_and_labels_are_flagged_and_their_numbers_ignored():
    for glued, piece in ((P1_EN + "Views: 1,204", "Views: 1,204"), (P1_EN + " 👁 2 341", "👁 2 341"),
                         (P1_EN + " Source: Ukrinform", "Source: Ukrinform"),
                         (P1_EN + " Photo: Getty Images", "Photo: Getty Images")):
        result = check_texts("\n\n".join([P1_UK, P2_UK]), "\n\n".join([glued, P2_EN]))
        assert [(f.code, f.target.text.strip()) for f in result.findings] == [("TQA402", piece)], glued
        assert result.findings[0].fix.replacement == ""


def test_time_first_teaser_glued_to_a_paragraph():
    teaser = "Russia launched 300 drones at Ukraine overnight14:05, 10.04.2026"
    result = check_texts("\n\n".join([P1_UK, P2_UK]), "\n\n".join([P1_EN + " " + teaser, P2_EN]))
    assert [(f.code, f.target.text.strip()) for f in result.findings] == [("TQA402", teaser)]


def test_source_tag_glued_without_spaces_is_residue_not_a_date():
    source = "\n\n".join(["Понад 11 тисяч жертв - DW - 08.02.2023", P1_UK])
    target = "\n\n".join(["More than 11 thousand victims-DW-08.02.2023", P1_EN])
    result = check_texts(source, target)
    assert [(f.code, f.target.text, f.severity) for f in result.findings] == [
        ("TQA402", "-DW-08.02.2023", Severity.INFO)
    ]
