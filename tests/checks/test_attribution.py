"""TQA201 detached-attribution, TQA202 attribution-missing, TQA203 attribution-speaker — through the whole pipeline
(segmentation, the aligner, the engine) on agency-style stories written for these tests."""

from __future__ import annotations

import pytest

from tqa.checks.attribution import join_attribution
from tqa.testing import apply_fix, paras
from tqa.testing import findings_of as findings




# A story in the agencies' shape: a lead, a long quote as its own paragraph, the attribution on its own line.
UK_BLOCK = paras(
    "Пекін не постачатиме Москві зброю відкрито, оскільки побоюється вторинних санкцій, пише The Economist.",
    "«Китай дає Росії рівно стільки, скільки потрібно, щоб вона не програла. Пекін уважно рахує ризики для "
    "торгівлі з Європою».",
    "– пише видання.",
    "Нагадаємо, Китай раніше заявляв про нейтральну позицію щодо війни.",
)
EN_BLOCK_LEAD = (
    "Beijing will not openly supply Moscow with weapons, as it fears secondary sanctions, The Economist writes."
)
EN_BLOCK_QUOTE = (
    '"China gives Russia exactly as much as it needs not to lose. Beijing carefully counts the risks to its trade '
    'with Europe."'
)
EN_BLOCK_TAIL = "Recall that China has previously declared a neutral position on the war."


# -- TQA201 detached-attribution -----------------------------------------------------------------------------------


def test_lone_attribution_line_is_joined_to_the_quote():
    target = paras(EN_BLOCK_LEAD, EN_BLOCK_QUOTE, "- the publication writes.", EN_BLOCK_TAIL)
    (f,) = findings(UK_BLOCK, target, "TQA201")
    assert f.severity.value == "error"
    assert f.target.line == 3 and f.target.end_line == 5  # from the quote's end through the lone line
    assert f.source is not None and "пише видання" in f.source.text
    fixed = apply_fix(target, f)
    assert "Europe,\" the publication writes.\n\nRecall" in fixed
    assert "- the publication writes" not in fixed


def test_lone_attribution_after_unquoted_block_adds_the_quotes_the_source_has():
    target = paras(
        EN_BLOCK_LEAD,
        "China gives Russia exactly as much as it needs not to lose. Beijing carefully counts the risks to its "
        "trade with Europe.",
        "– reported the publication.",
        EN_BLOCK_TAIL,
    )
    (f,) = findings(UK_BLOCK, target, "TQA201")
    fixed = apply_fix(target, f)
    assert '"China gives Russia' in fixed
    assert 'trade with Europe," the publication reported.' in fixed


def test_lone_attribution_without_quotes_in_the_source_joins_with_a_comma():
    source = paras(
        "Аналітики оцінили ситуацію.",
        "Росія може лише допомагати режиму рятувати себе.",
        "– наголошують аналітики.",
    )
    target = paras(
        "Analysts assessed the situation.",
        "Russia can only help the regime save itself.",
        "- analysts emphasize.",
    )
    (f,) = findings(source, target, "TQA201")
    assert apply_fix(target, f).endswith("Russia can only help the regime save itself, analysts emphasize.\n")


def test_lone_attribution_keeps_a_question_mark():
    source = paras("«Хто за це заплатить?»", "– запитує видання.")
    target = paras('"Who will pay for this?"', "- asks the publication.")
    (f,) = findings(source, target, "TQA201")
    assert apply_fix(target, f) == '"Who will pay for this?" the publication asks.\n'


def test_lone_attribution_at_the_top_has_no_fix():
    (f,) = findings(paras("– пише видання.", "Ціни зростуть."), paras("- the publication writes.", "Prices will rise."),
                    "TQA201")
    assert f.fix is None


def test_glued_attribution_without_quote_marks_in_the_english():
    source = "Графіки погодинних відключень застосовуватимуться в усіх областях, – йдеться у повідомленні."
    target = "Hourly outage schedules will be applied in all regions - the statement reads."
    (f,) = findings(source, target, "TQA201")
    assert f.target.text == " - the statement reads."
    assert apply_fix(target, f) == "Hourly outage schedules will be applied in all regions, the statement reads."


def test_glued_attribution_after_a_closed_quote():
    source = "«Під рукою з 24-го числа», – каже батько."
    target = '"It has been at hand since the 24th," – says the father.'
    (f,) = findings(source, target, "TQA201")
    assert apply_fix(target, f) == '"It has been at hand since the 24th," the father says.'


def test_glued_attribution_adds_opening_quote_when_the_source_quotes():
    source = "«Нині я намагаюся реалізуватися як художниця», – розповіла українка."
    target = "Now I am trying to realise myself as an artist, - told the Ukrainian woman."
    (f,) = findings(source, target, "TQA201", aligned=True)
    assert apply_fix(target, f) == '"Now I am trying to realise myself as an artist," the Ukrainian woman said.'


@pytest.mark.parametrize(
    "source, target",
    [
        # correct English attributions stay clean
        ("«Ми вистоїмо», – зазначають аналітики.", '"We will hold out," analysts note.'),
        ("«Ми вистоїмо», – заявив міністр.", "“We will hold out,” said the minister."),
        ("Ціни зростуть, – пише видання.", "Prices will rise, the publication writes."),
        # dashes that are not attributions
        ("Київ – столиця України.", "Kyiv - the capital of Ukraine - was attacked again."),
        ("План – як стверджують чиновники – коштуватиме більше.", "The plan — officials say — will cost more."),
        ("Лінія Сватове-Кремінна тримається.", "The Svatove-Kreminna line is holding, officials said."),
        # a list item in English that says something, not a detached attribution
        ("Зеленський заявив, що Україна переможе.", "- Zelensky said Ukraine will win."),
        # a dash before an attribution, but no quote in the English and no dash attribution in the source
        ("Ціни зростуть, кажуть експерти.", "Prices will rise - experts say."),
    ],
)
def test_detached_attribution_negatives(source, target):
    assert findings(source, target, "TQA201") == []


def test_residue_between_quote_and_attribution_is_skipped():
    source = paras("«Ми відновимо енергосистему до зими».", "– пише видання.")
    target = paras('"We will restore the power system by winter."', "• 126 views", "- the publication writes.")
    (f,) = findings(source, target, "TQA201")
    # joined to the quote, not to the view counter (which the fix drops with the line break)
    assert apply_fix(target, f) == '"We will restore the power system by winter," the publication writes.\n'


def test_detached_attribution_is_deterministic():
    target = paras(EN_BLOCK_LEAD, EN_BLOCK_QUOTE, "- the publication writes.", EN_BLOCK_TAIL)
    a = findings(UK_BLOCK, target, "TQA201")
    b = findings(UK_BLOCK, target, "TQA201")
    assert [(f.fingerprint, f.message, f.fix) for f in a] == [(f.fingerprint, f.message, f.fix) for f in b]


@pytest.mark.parametrize(
    "quote, attribution, add, expected",
    [
        ('"We will win."', "he said", False, (12, '," he said.')),
        ('"We will win".', "he said", False, (12, '," he said.')),
        ("“We will win?”", "he asked", False, (12, "?” he asked.")),
        ('"We will win.', "he said", False, (12, ',"' + " he said.")),  # close the opened quote
        ("We will win.", "he said", True, (0, '"We will win," he said.')),
        ("We will win.", "he said", False, (11, ", he said.")),
        ("We will win...", "he said", False, (11, "... he said.")),
    ],
)
def test_join_attribution(quote, attribution, add, expected):
    assert join_attribution(quote, attribution, ".", add_quotes=add) == expected


# -- TQA202 attribution-missing --------------------------------------------------------------------------------------


def test_attribution_missing():
    source = "«Ми не дозволимо росії зламати енергосистему», – заявив міністр енергетики."
    target = '"We will not let Russia break the power system."'
    (f,) = findings(source, target, "TQA202")
    assert "заявив міністр енергетики" in f.source.text
    assert f.severity.value == "error"


def test_attribution_missing_for_reported_speech_with_dash():
    source = "Варшава також запросила ракетні установки з Південної Кореї, – інформує видання."
    target = "Warsaw has also requested missile launchers from South Korea."
    assert len(findings(source, target, "TQA202", aligned=True)) == 1


@pytest.mark.parametrize(
    "target",
    [
        '"We will not let Russia break the power system," the energy minister said.',
        "According to the energy minister, Russia will not be allowed to break the power system.",
        "The energy minister: “We will not let Russia break the power system.”",
        '"We will not let Russia break the power system" - the energy minister said.',  # TQA201's business
    ],
)
def test_attribution_present(target):
    source = "«Ми не дозволимо росії зламати енергосистему», – заявив міністр енергетики."
    assert findings(source, target, "TQA202") == []


def test_attribution_on_its_own_line_counts():
    source = paras("«Ми не дозволимо росії зламати енергосистему», – заявив міністр.", "Ціни не зміняться.")
    target = paras(
        '"We will not let Russia break the power system."', "- the minister said.", "Prices will not change."
    )
    assert findings(source, target, "TQA202") == []


def test_no_attribution_in_source_no_finding():
    assert findings("Київ – столиця України.", "Kyiv is the capital of Ukraine.", "TQA202") == []


# -- TQA203 attribution-speaker -----------------------------------------------------------------------------------


def test_speaker_swapped_analysts_researchers():
    source = "«Росія може лише допомагати режиму рятувати себе», – наголошують аналітики."
    target = '"Russia can only help the regime save itself," researchers emphasize.'
    (f,) = findings(source, target, "TQA203")
    assert f.target.text.startswith("researchers emphasize")
    assert "аналітики" in f.source.text


def test_speaker_swapped_on_a_lone_line():
    source = paras("Росія може лише допомагати режиму рятувати себе.", "– наголошують аналітики.")
    target = paras("Russia can only help the regime save itself.", "- researchers emphasize.")
    (f,) = findings(source, target, "TQA203")
    assert f.target.text == "- researchers emphasize."


@pytest.mark.parametrize(
    "target",
    [
        '"Russia can only help the regime save itself," analysts emphasize.',
        '"Russia can only help the regime save itself," experts emphasize.',  # close enough
        '"Russia can only help the regime save itself," they emphasize.',  # a pronoun
        '"Russia can only help the regime save itself," Le Monde writes.',  # a name
    ],
)
def test_speaker_compatible(target):
    source = "«Росія може лише допомагати режиму рятувати себе», – наголошують аналітики."
    assert findings(source, target, "TQA203") == []


def test_speaker_not_compared_when_source_names_both():
    source = "«Росія слабшає», – наголошують аналітики, посилаючись на дослідників."
    target = '"Russia is weakening," researchers emphasize, according to analysts.'
    assert findings(source, target, "TQA203") == []


def test_publication_and_its_article_are_compatible():
    source = "«Росія слабшає», – пише видання."
    target = '"Russia is weakening," the article says.'
    assert findings(source, target, "TQA203") == []


def test_lone_line_when_the_source_keeps_the_attribution_inline():
    source = paras(
        "Енергетики працюють цілодобово.",
        "«Ми відновимо живлення в усіх областях до вечора», – повідомили в Укренерго.",
        "Нагадаємо, вночі Росія атакувала енергетичну інфраструктуру.",
    )
    target = paras(
        "Power engineers are working around the clock.",
        '"We will restore power in all regions by evening."',
        "- reported Ukrenergo.",
        "Recall that Russia attacked the energy infrastructure overnight.",
    )
    (f,) = findings(source, target, "TQA201")
    assert "повідомили в Укренерго" in f.source.text
    fixed = apply_fix(target, f)
    assert '"We will restore power in all regions by evening," Ukrenergo reported.\n\nRecall' in fixed


# -- fix round ---------------------------------------------------------------------------------------------------

# A regional-administration story: the quote is its own paragraph, the attribution (in the source) follows it.
UK_OVA = paras(
    "Уночі росіяни атакували Харківщину 52 ударними дронами, сили ППО збили 45 з них.",
    "«Уламки дронів пошкодили два житлові будинки та автомобілі. Загиблих немає, інформація про постраждалих "
    "уточнюється», – повідомив начальник ОВА Олег Синєгубов.",
    "Нагадаємо, минулого тижня внаслідок обстрілу Харкова постраждали 12 людей.",
)
EN_OVA_LEAD = "Overnight, Russians attacked Kharkiv region with 52 attack drones; air defense shot down 45 of them."
EN_OVA_QUOTE = (
    "Drone debris damaged two residential buildings and cars. There are no dead, information about the injured is "
    "being clarified"
)
EN_OVA_TAIL = "Last week, 12 people were injured in the shelling of Kharkiv."


@pytest.mark.parametrize(
    "line, joined",
    [
        # an apposition between commas
        ("— Oleh Syniehubov, head of the regional administration, said.",
         'clarified," Oleh Syniehubov, head of the regional administration, said.'),
        # the detached line lost its dash too
        ("the head of the RMA Oleh Syniehubov reported.", 'clarified," the head of the RMA Oleh Syniehubov reported.'),
        ("Regional governor Oleh Syniehubov said.", 'clarified," regional governor Oleh Syniehubov said.'),
    ],
)
def test_detached_attribution_apposition_and_dashless(line, joined):
    target = paras(EN_OVA_LEAD, f'"{EN_OVA_QUOTE}."', line, EN_OVA_TAIL)
    (f,) = findings(UK_OVA, target, "TQA201")
    fixed = apply_fix(target, f)
    assert joined + "\n\nLast week" in fixed


def test_detached_passive_without_it():
    source = paras("«Графіки відключень діятимуть до неділі».", "– йдеться у повідомленні.")
    target = paras('"Outage schedules will apply until Sunday."', "- is said in the message.")
    (f,) = findings(source, target, "TQA201")
    assert apply_fix(target, f) == '"Outage schedules will apply until Sunday," the message says.\n'
    glued = findings("«Графіки відключень діятимуть до неділі», – йдеться у повідомленні.",
                     '"Outage schedules will apply until Sunday," - is said in the message.', "TQA201")
    assert len(glued) == 1


@pytest.mark.parametrize(
    "source, target",
    [
        # a paragraph that only looks like an attribution, with no attribution in the Ukrainian
        (paras("«Ми вистоїмо».", "Міністр про це сказав."), paras('"We will hold out."', "The minister said.")),
        # a sentence after a quote paragraph, not an attribution
        (UK_OVA, paras(EN_OVA_LEAD, f'"{EN_OVA_QUOTE}," Oleh Syniehubov said.',
                       "Recall that Russia attacked the energy infrastructure overnight.")),
        # a reaction, not an attribution (WMT22-like dialogue)
        ("Наша дитина каже: «У вас є 7 днів, щоб віддати телефони» – вони посміялися.",
         'Our child says: "You have 7 days to give our phones back," – they laughed at that.'),
        ("«Наступ триває», – каже він. – Противник продовжує атаки.",
         '"The offensive continues," he says. - The offensive continues.'),
    ],
)
def test_detached_attribution_fix_round_negatives(source, target):
    assert findings(source, target, "TQA201") == []


def test_attribution_missing_despite_speech_words_inside_the_quote():
    target = paras(EN_OVA_LEAD, f'"{EN_OVA_QUOTE}. We continue to report every change, as noted."', EN_OVA_TAIL)
    (f,) = findings(UK_OVA, target, "TQA202")
    assert "начальник ОВА" in f.source.text
    kept = paras(EN_OVA_LEAD, f'"{EN_OVA_QUOTE}," the head of the RMA noted.', EN_OVA_TAIL)
    assert findings(UK_OVA, kept, "TQA202") == []


@pytest.mark.parametrize(
    "speaker",
    [
        "the mayor of Kharkiv Ihor Terekhov said",  # head of the regional administration → mayor
        "the police reported",
        "the court said",
    ],
)
def test_official_speaker_changed(speaker):
    target = paras(EN_OVA_LEAD, f'"{EN_OVA_QUOTE}," {speaker}.', EN_OVA_TAIL)
    (f,) = findings(UK_OVA, target, "TQA203")
    assert "начальник ОВА" in f.source.text
    assert f.target.text.startswith(speaker)


@pytest.mark.parametrize(
    "speaker",
    [
        "the head of the regional military administration Oleh Syniehubov said",
        "Kharkiv Governor Oleh Syniehubov said",
        "the chief of the regional administration said",
        "the regional military administration reported",
        "Oleh Syniehubov said",
    ],
)
def test_official_speaker_synonyms_accepted(speaker):
    target = paras(EN_OVA_LEAD, f'"{EN_OVA_QUOTE}," {speaker}.', EN_OVA_TAIL)
    assert findings(UK_OVA, target, "TQA203") == []


def test_court_and_police_are_not_interchangeable():
    source = "«Підозрюваного затримали в Києві», – повідомили в поліції."
    assert len(findings(source, '"The suspect was detained in Kyiv," the court said.', "TQA203")) == 1
    assert findings(source, '"The suspect was detained in Kyiv," police said.', "TQA203") == []
    court = "«Суд обрав запобіжний захід», – повідомила пресслужба ВАКС."
    assert findings(court, '"The court chose a preventive measure," the HACC said.', "TQA203") == []
