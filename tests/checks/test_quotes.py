"""TQA701 ukrainian-quotation-marks, TQA702 unbalanced-quotation-marks, TQA703 quotation-marks-dropped."""

from __future__ import annotations

import pytest

from tqa.testing import apply_fix, paras
from tqa.testing import findings_of as findings




# -- TQA701 -------------------------------------------------------------------------------------------------------


def test_guillemets_in_english_with_fix():
    source = "Компанія «Укренерго» попередила про нові відключення."
    target = "The company «Ukrenergo» warned of new outages."
    (f,) = findings(source, target, "TQA701")
    assert f.target.text == "«Ukrenergo»"
    assert apply_fix(target, f) == 'The company "Ukrenergo" warned of new outages.'


def test_guillemets_follow_the_curly_style_and_nest():
    source = "Він сказав: «Це операція «Щит»». Слово “так” тут."
    target = "He said: «This is operation «Shield»». The word “yes” is here."
    (f,) = findings(source, target, "TQA701")
    assert f.fix.replacement == "“This is operation ‘Shield’”"


def test_low_high_quotes_and_a_stray_mark():
    source = "Він назвав це „фарсом“. Чи можна пройти контроль?»"
    target = "He called it „a farce“. Can I pass the control?»"
    found = findings(source, target, "TQA701")
    assert [f.target.text for f in found] == ["„a farce“", "»"]
    assert [f.fix.replacement for f in found] == ['"a farce"', '"']


def test_english_quotes_are_clean():
    assert findings("Компанія «Укренерго».", 'The company "Ukrenergo" and “Naftogaz”.', "TQA701") == []


# -- TQA702 -------------------------------------------------------------------------------------------------------


def test_unclosed_quote():
    source = "«Ми відновимо всі зруйновані підстанції до зими», – сказав він."
    target = '"We will restore all the destroyed substations by winter, he said.'
    (f,) = findings(source, target, "TQA702")
    assert "1 straight" in f.message


def test_closing_mark_never_opened():
    source = "Варшава також запросила ракетні установки з Південної Кореї, – інформує видання."
    target = "Warsaw has also requested missile launchers from South Korea,” the publication reports."
    assert len(findings(source, target, "TQA702", aligned=True)) == 1


@pytest.mark.parametrize(
    "source, target",
    [
        # balanced, nested, apostrophes
        ("«Так», – сказав він.", "“Yes,” he said."),
        ("«Це „фарс“», – сказав він.", "“It is a ‘farce’,” he said."),
        ("Мер Києва не знає О'Брайена.", "Kyiv's mayor doesn't know O'Brien."),
        # the source is unbalanced the same way (a quote continued from another record)
        ("Ми працювали в режимі кризи», – сказала вона.", "We worked in crisis mode,” she said."),
    ],
)
def test_balanced_or_mirrors_source(source, target):
    assert findings(source, target, "TQA702", aligned=True) == []


def test_multi_paragraph_quote_english_style_is_clean():
    source = paras("«Перший абзац цитати.", "Другий абзац цитати», – сказав він.")
    target = paras("“The first paragraph of the quote.", "“The second paragraph of the quote,” he said.")
    assert findings(source, target, "TQA702") == []


def test_quote_opened_and_closed_on_different_lines_is_clean():
    source = paras("«Бійка дійсно відбулась.", 'Росіяни своїх "кидають", – йдеться в заяві.')
    target = paras("“There was indeed a fight.", "The Russians abandon their own,” the statement said.")
    assert findings(source, target, "TQA702", aligned=True) == []


# -- TQA703 -------------------------------------------------------------------------------------------------------


def test_quote_marks_dropped():
    source = "«Ми відновимо всі зруйновані підстанції до зими», – сказав міністр."
    target = "We will restore all the destroyed substations by winter, the minister said."
    (f,) = findings(source, target, "TQA703")
    assert f.severity.value == "warning"
    assert f.source.text.startswith("«Ми відновимо")


def test_short_attributed_quote_dropped():
    source = "«Під рукою», – каже батько."
    target = "At hand, says the father."
    assert len(findings(source, target, "TQA703")) == 1


@pytest.mark.parametrize(
    "source, target",
    [
        # a name or title in quotes, not a quotation
        ("Компанія «Укренерго» попередила про відключення.", "Ukrenergo warned of outages."),
        ("Клуб «Шахтар» переміг.", "Shakhtar won."),
        # kept as a quote, in any English style
        ("«Ми відновимо всі підстанції до зими», – сказав міністр.",
         '"We will restore all substations by winter," the minister said.'),
        ("«Ми відновимо всі підстанції до зими», – сказав міністр.",
         "‘We will restore all substations by winter,’ the minister said."),
        ("Він сказав, що енергосистема вистоїть.", "He said the power system would hold."),
    ],
)
def test_quote_marks_kept_or_not_a_quote(source, target):
    assert findings(source, target, "TQA703") == []


def test_misplaced_straight_quotes():
    source = "Ця допомога, відома як \"дипломатія землетрусів\", допомогла досягти розрядки."
    target = 'This aid, known as" earthquake diplomacy, " helped achieve a detente.'
    (f,) = findings(source, target, "TQA702")
    assert "wrong way" in f.message


def test_source_with_two_unclosed_openings_is_mirrored():
    source = 'Дослівно: "Ми отримали звістку від нього: "Минуло 48 днів, ми не маємо вибору.'
    target = "Word for word: “We got news from him: “It has been 48 days, we have no choice."
    assert findings(source, target, "TQA702", aligned=True) == []


@pytest.mark.parametrize(
    "source, target",
    [
        ("Рада ухвалила закон «Про внесення змін до Податкового кодексу України».",
         "The Rada passed the law on amendments to the Tax Code of Ukraine."),
        ("Уряд запустив програму «Доступні кредити для малого бізнесу».",
         "The government launched the Affordable Loans for Small Business programme."),
        ("Акції НАК «Нафтогаз України» Національна Акціонерна Компанія.", "Shares of Naftogaz of Ukraine."),
    ],
)
def test_names_and_titles_lose_marks_without_finding(source, target):
    assert findings(source, target, "TQA703") == []


# -- fix round: the comma inside English closing marks; a quote turned into reported speech ------------------------


def test_comma_goes_inside_the_closing_mark():
    source = "«Заборона діятиме для всіх державних компаній», – сказав міністр."
    target = "«The ban will apply to all state companies», said the minister."
    (f,) = findings(source, target, "TQA701")
    assert apply_fix(target, f) == '"The ban will apply to all state companies," said the minister.'
    short = findings("«Так», – сказав він.", "«Yes», he said.", "TQA701")
    assert apply_fix("«Yes», he said.", short[0]) == '"Yes," he said.'


def test_comma_after_a_quoted_name_stays_outside():
    source = "Компанія «Укренерго», яка керує мережею, попередила про відключення."
    target = "The company «Ukrenergo», which runs the grid, warned of outages."
    (f,) = findings(source, target, "TQA701")
    assert apply_fix(target, f) == 'The company "Ukrenergo", which runs the grid, warned of outages.'


UK_Q = ("«Уламки дронів пошкодили два житлові будинки. Загиблих немає, інформація про постраждалих уточнюється», – "
        "повідомив начальник ОВА Олег Синєгубов.")


@pytest.mark.parametrize(
    "target",
    [
        "Drone debris damaged two residential buildings, according to regional governor Oleh Syniehubov. No one was "
        "killed; information about the injured is being clarified.",
        "Oleh Syniehubov said drone debris had damaged two residential buildings and that no one was killed.",
        "The head of the regional administration said that debris had damaged two buildings and no one was killed.",
    ],
)
def test_reported_speech_with_the_speaker_is_not_a_dropped_quote(target):
    assert findings(UK_Q, target, "TQA703") == []


def test_reported_speech_without_the_speaker_is_info():
    target = "The mayor said drone debris had damaged two residential buildings and that no one was killed."
    (f,) = findings(UK_Q, target, "TQA703")
    assert f.severity.value == "info"


def test_direct_speech_without_marks_is_still_a_warning():
    target = ("Drone debris damaged two residential buildings. There are no dead, information about the injured is "
              "being clarified, the head of the regional administration Oleh Syniehubov reported.")
    (f,) = findings(UK_Q, target, "TQA703")
    assert f.severity.value == "warning"


def test_gate_ascii_shortcut_facts() -> None:
    # the quotation family's gate tests an ASCII target for '"' only, the untranslated family's skips it: exact
    # because these are the only ASCII characters their patterns match
    from tqa.text import speech
    from tqa.text.script import CYRILLIC_OR_GREEK

    ascii_chars = [chr(i) for i in range(128)]
    assert [c for c in ascii_chars if speech.DOUBLE_QUOTE_RE.search(c)] == ['"']
    assert not [c for c in ascii_chars if CYRILLIC_OR_GREEK.search(c)]
