"""TQA601 inverted-attribution, TQA602 with-reference-to, TQA603 dash-headline-attribution."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.testing import apply_fix
from tqa.testing import findings_of as findings




# -- TQA601 -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source, target, fixed",
    [
        ("Ракету перехопили над Києвом, передає УНН.", "The missile was intercepted over Kyiv, reports UNN.",
         "The missile was intercepted over Kyiv, UNN reports."),
        ("«Санкції діють», – пише видання.", '"Sanctions work," writes the publication.',
         '"Sanctions work," the publication writes.'),
        ("Укриття відкриті, інформує міністерство.", "Shelters are open, informs the ministry.",
         "Shelters are open, the ministry reports."),
        ("Ізраїльська армія заявила, що ракету перехопили, передає dpa.",
         "The Israeli army said the missile was intercepted, reports dpa.",
         "The Israeli army said the missile was intercepted, dpa reports."),
        ("Ціни зростуть, зазначає агентство AFP.", "Prices will rise, notes the AFP news agency.",
         "Prices will rise, the AFP news agency notes."),
    ],
)
def test_inverted_attribution(source, target, fixed):
    (f,) = findings(source, target, "TQA601")
    assert f.severity.value == "warning"
    assert apply_fix(target, f) == fixed


@pytest.mark.parametrize(
    "target",
    [
        "The missile was intercepted over Kyiv, UNN reports.",
        '"Sanctions work," said the minister.',  # idiomatic inversion with "said"
        '"Sanctions work," says Smith.',
        "The ministry reports that shelters are open.",
        "Shelters are open, the ministry notes it.",
        "The agency reports, informs and advises the public.",
    ],
)
def test_not_inverted(target):
    assert findings("Укриття відкриті, передає УНН.", target, "TQA601") == []


# -- TQA602 -------------------------------------------------------------------------------------------------------


def test_with_reference_to_for_z_posylanniam_na():
    source = "Про це пише Reuters з посиланням на джерела в уряді."
    target = "Reuters writes about this with reference to sources in the government."
    (f,) = findings(source, target, "TQA602")
    assert apply_fix(target, f) == "Reuters writes about this citing sources in the government."


def test_with_a_link_to_for_z_posylanniam_na():
    source = "Росія оголосить дефолт, повідомляє CNN із посиланням на агентство S&P."
    target = "Russia will declare default, CNN reports with a link to the S&P agency."
    assert len(findings(source, target, "TQA602")) == 1


def test_with_reference_to_in_its_own_sense_is_clean():
    source = "Щодо вашого листа, ми розглянемо питання."
    target = "With reference to your letter, we will consider the matter."
    assert findings(source, target, "TQA602") == []


# -- TQA603 -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source, target, fixed",
    [
        ("Путін може запропонувати Ірану лише «словесну підтримку» – ЗМІ",
         'Putin can only offer "verbal support" to Iran - media',
         'Putin can only offer "verbal support" to Iran, media report'),
        ("Росія готує новий наступ на Луганщині – ISW", "Russia is preparing a new offensive in Luhansk region – ISW",
         "Russia is preparing a new offensive in Luhansk region, according to ISW"),
        ("Армія Росії зазнала найбільших втрат від початку війни - британська розвідка",
         "The Russian army suffered its greatest losses since the war began — British intelligence",
         "The Russian army suffered its greatest losses since the war began, according to British intelligence"),
    ],
)
def test_dash_headline_attribution(source, target, fixed):
    (f,) = findings(source, target, "TQA603")
    assert apply_fix(target, f) == fixed


@pytest.mark.parametrize(
    "source, target",
    [
        # a page-title suffix with a date (page residue, not an attribution)
        ("ЄС посилить санкції проти РФ - DW - 08.02.2023",
         "EU will strengthen sanctions against Russia - DW - 08.02.2023"),
        # a subtitle, not a speaker
        ("Чому ЄС не платить за біженців – аналітика від експерта",
         "Why the EU does not pay for refugees - analysis from an expert"),
        # a sentence, not a headline
        ("Росія готує новий наступ, вважає ISW.", "Russia is preparing a new offensive, ISW believes."),
        # the dash belongs to the sentence
        ("Він не може їсти вранці – нудить", "He can't eat in the morning - he feels sick"),
        # a programme name in quotes
        ('Чи загрожує Молдові блекаут - "Європа у фокусі"', 'Is Moldova at risk of blackout - "Focus on Europe"'),
        # English headline style
        ("Росія готує новий наступ – ISW", "Russia is preparing a new offensive, ISW says"),
    ],
)
def test_not_a_dash_headline_attribution(source, target):
    assert findings(source, target, "TQA603") == []


# -- fix round: передає, Про це пише X, за інформацією / за даними, articles in TQA603's fix --------------------------


def test_transmits_is_an_inverted_calque():
    source = "Росіяни атакували Харківщину 52 дронами, передає Укрінформ з посиланням на Повітряні сили."
    target = "Russians attacked Kharkiv region with 52 drones, transmits Ukrinform, citing the Air Force."
    (f,) = findings(source, target, "TQA601")
    fixed = apply_fix(target, f)
    assert fixed == "Russians attacked Kharkiv region with 52 drones, Ukrinform reports, citing the Air Force."


@pytest.mark.parametrize(
    "source, target, fixed",
    [
        ("Про це повідомляє Генштаб ЗСУ у Telegram.", "About this informs the General Staff of the AFU on Telegram.",
         "The General Staff of the AFU reports this on Telegram."),
        ("Ціни зросли. Про це пише видання Politico.", "Prices rose. About this writes the publication Politico.",
         "Prices rose. The publication Politico reports this."),
        ("Про це заявив міністр оборони.", "About this said the defense minister.", "The defense minister said this."),
        ("Про це йдеться у звіті.", "About this is stated in the report.", "This is stated in the report."),
        ("Про це, за його словами, повідомляє міністерство.", "About this, informs the ministry.",
         "The ministry reports this."),
    ],
)
def test_about_this_writes_x(source, target, fixed):
    (f,) = findings(source, target, "TQA601")
    assert apply_fix(target, f) == fixed


@pytest.mark.parametrize(
    "target",
    [
        "This was reported by the General Staff on Telegram.",
        "The General Staff reported this on Telegram.",
        "About this time, the army announced a pause.",  # "about this time" is not the formula
        "About this, he said nothing.",
        "He spoke about this, writes the minister.",  # inside a sentence: the plain inversion rule's business only
    ],
)
def test_about_this_negatives(target):
    found = findings("Про це повідомляє Генштаб.", target, "TQA601")
    assert all(not f.message.startswith("'About this") for f in found)


@pytest.mark.parametrize(
    "target, fixed",
    [
        ("According to the information of the National Anti-Corruption Bureau, the notice was served on March 12.",
         "According to the National Anti-Corruption Bureau, the notice was served on March 12."),
        ("The notice was served, according to the data of the NABU.", "The notice was served, according to the NABU."),
        ("According to the latest data of the bureau, the notice was served.",
         "According to the latest data from the bureau, the notice was served."),
        ("According to the words of the detective, the notice was served.",
         "According to the detective, the notice was served."),
    ],
)
def test_according_to_the_information_of(target, fixed):
    source = "За інформацією НАБУ, підозру вручили 12 березня."
    (f,) = findings(source, target, "TQA604")
    assert f.severity.value == "warning" and f.category == "terminology"
    assert apply_fix(target, f) == fixed


@pytest.mark.parametrize(
    "target",
    [
        "According to the NABU, the notice was served on March 12.",
        "According to data from the NABU, the notice was served.",
        "According to the Ministry of Health, the notice was served.",
        "According to the report of the commission, the notice was served.",
        "According to NABU data, the notice was served.",
    ],
)
def test_according_to_idiomatic(target):
    assert findings("За інформацією НАБУ, підозру вручили 12 березня.", target, "TQA604") == []


@pytest.mark.parametrize(
    "source, target, fixed",
    [
        ("Втрати ворога зросли до 1 200 за добу – Генштаб", "Enemy losses rose to 1,200 per day – General Staff",
         "Enemy losses rose to 1,200 per day, according to the General Staff"),
        ("Ворог готує новий наступ – Міноборони", "The enemy is preparing a new offensive – Ministry of Defense",
         "The enemy is preparing a new offensive, according to the Ministry of Defense"),
        ("Ворог готує новий наступ – Залужний", "The enemy is preparing a new offensive – Zaluzhnyi",
         "The enemy is preparing a new offensive, according to Zaluzhnyi"),
        ("Ворог готує новий наступ – експерт", "The enemy is preparing a new offensive – expert",
         "The enemy is preparing a new offensive, according to an expert"),
    ],
)
def test_dash_headline_fix_adds_the_article_english_needs(source, target, fixed):
    (f,) = findings(source, target, "TQA603")
    assert apply_fix(target, f) == fixed


# -- the family's gate ---------------------------------------------------------------------------------------------

_GATE_WORDS = ["The missile", "was intercepted", ",", ";", '"', "”", ".", "reports", "writes", "informs", "points out",
               "says", "UNN", "About this", "On it", "with reference to", "With a link to", "with links to",
               "according to the information of", "According to the data of", "the ISW", "-", "–", "—", "media",
               "Putin can only offer support", "think", "bank", "\n"]


def _gate_pair(text: str):
    from tqa.model import AlignedPair, Alignment, Segment, Span

    seg = Segment("target", 0, None, text, Span(1, 1, 1, 1 + len(text), text, 0, len(text)))
    return AlignedPair(0, Alignment((), (seg,)))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_GATE_WORDS), min_size=1, max_size=10).map(" ".join))
def test_calque_gate_rejects_only_texts_no_pattern_matches(text: str) -> None:
    from tqa.checks import calques

    if calques._calque_anchor(_gate_pair(text)):
        return
    assert calques._INVERTED.search(text) is None
    assert "About " not in text and "On " not in text
    assert calques._WITH_REFERENCE.search(text) is None
    assert calques._ACCORDING_OF.search(text) is None
    stripped = text.rstrip()
    assert calques._FINAL_PUNCT.search(stripped) or calques._HEADLINE_TAIL.search(stripped) is None


def test_calque_gate_lets_through_each_anchor():
    from tqa.checks import calques

    for text in ["The missile was intercepted, reports UNN.", "About this informs the General Staff.",
                 "He wrote with reference to sources.", "According to the data of the bureau, it rose.",
                 "Putin can only offer support to Iran - media"]:
        assert calques._calque_anchor(_gate_pair(text)), text
    assert not calques._calque_anchor(_gate_pair("The missile was intercepted over Kyiv, UNN reports."))


# -- the family gate's pre-check for TQA601 (speed): every `_INVERTED` match holds an `_INVERTED_HINT` match ----------

_HINT_PIECES = st.sampled_from(
    [" reports", " writes UNN", ",", ";", '"', "”", "’", "'", ".", " ", "\u00a0", "\t", "points out", " points out the",
     " informed", " said", "Kyiv", " informs the ministry.", ', "', "',", '".', "x", "—"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_HINT_PIECES, max_size=10).map("".join))
def test_inverted_hint_is_necessary(text: str) -> None:
    from tqa.checks import calques

    if calques._INVERTED.search(text):
        assert calques._INVERTED_HINT.search(text)
    assert calques._calque_text.__wrapped__(text) == calques._calque_text(text)


@pytest.mark.parametrize(
    "text", ["It was intercepted, reports UNN.", 'The "deal", writes the publication.', "Kyiv; stresses the mayor"]
)
def test_inverted_hint_on_examples(text: str) -> None:
    from tqa.checks import calques

    assert calques._INVERTED.search(text) and calques._INVERTED_HINT.search(text)


# -- `_TQA601_HINT` is the three pre-checks it replaces, as one search ------------------------------------------------

_TQA601_PIECES = st.sampled_from(
    ["About ", "About", "On ", "On", "A", "O", "bout ", "n ", " reports", " writes UNN", ",", ";", '"', "”", "’", "'",
     ".", " ", "\t", "\n", " points out", ', "', "',", "x", "Kyiv", "ABOUT ", "on ", "About,"]
)


def _tqa601_plain(text: str) -> bool:
    from tqa.checks import calques

    return "About " in text or "On " in text or calques._INVERTED_HINT.search(text) is not None


@settings(max_examples=600, deadline=None)
@given(st.lists(_TQA601_PIECES, max_size=10).map("".join))
def test_tqa601_hint_is_the_plain_prechecks(text: str) -> None:
    from tqa.checks import calques

    assert (calques._TQA601_HINT.search(text) is not None) == _tqa601_plain(text)


@pytest.mark.parametrize(
    "text, expected",
    [("About this, informs the ministry.", True), ("On Monday it rained.", True), ("It rained, reports UNN.", True),
     ("Rains fell on Monday.", False), ("ABOUT THIS.", False), ("Onions, about 5 kg.", False), ("Kyiv, 'reports x", False)],
)
def test_tqa601_hint_examples(text: str, expected: bool) -> None:
    from tqa.checks import calques

    assert _tqa601_plain(text) is expected
    assert (calques._TQA601_HINT.search(text) is not None) is expected
