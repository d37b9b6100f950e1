"""Ukrainian speech verbs and attribution clauses, English attribution clauses, quotation marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.text import speech

# -- Ukrainian -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    [
        "заявив", "заявила", "заявили", "заявляє", "сказав", "сказала", "зазначив", "зазначають", "наголосив",
        "наголошують", "підкреслив", "підкреслюють", "додав", "додають", "повідомив", "повідомляє", "пише",
        "пишуть", "написав", "йдеться", "ідеться", "каже", "кажуть", "розповів", "розповіла", "пояснив", "вважає",
        "відзначив", "констатував", "резюмував", "нагадав", "уточнив", "цитує", "зауважила", "продовжує",
        "передає", "інформує", "Заявив",
    ],
)
def test_uk_speech_verb_forms(word):
    assert speech.uk_speech_verb(word)


@pytest.mark.parametrize("word", ["заява", "видання", "Київ", "столиця", "пишний", "казка", "додаток", "це"])
def test_uk_non_verbs(word):
    assert not speech.uk_speech_verb(word)


@pytest.mark.parametrize(
    "text, verb, category, after_quote",
    [
        ("«Енергосистема вистоїть», – заявив міністр енергетики.", "заявив", "minister", True),
        ("«Енергосистема вистоїть», - пише видання.", "пише", "publication", True),
        ('Графіки відключень скасовано", – йдеться у повідомленні.', "йдеться", "document", True),
        ("Ціни зростуть, – зазначають аналітики.", "зазначають", "analyst", False),
        ("– наголошують дослідники.", "наголошують", "researcher", False),
        ("«Так», – додав він у Telegram.", "додав", None, True),
        ("Ракету збили над Києвом, – передає УНН з посиланням на джерела.", "передає", None, False),
        ("Ситуація стабільна, – повідомили в поліції.", "повідомили", "police", False),
    ],
)
def test_find_uk_attributions(text, verb, category, after_quote):
    (att,) = speech.find_uk_attributions(text)
    assert att.verb.lower() == verb
    assert att.category == category
    assert att.after_quote is after_quote
    assert text[att.start] in speech.DASHES


@pytest.mark.parametrize(
    "text",
    [
        "Київ – столиця України.",
        "Україна - це Європа.",
        "Німеччина – передає Україні танки.",
        "Ціни на пальне – вище, ніж торік.",
        "Віце-прем'єр заявив про нові санкції.",  # a hyphen inside a word, and no dash clause
    ],
)
def test_uk_dash_without_attribution(text):
    assert speech.find_uk_attributions(text) == ()


# -- English clauses ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, order, subject, english",
    [
        ("the publication writes", "subject-verb", "the publication", "the publication writes"),
        ("analysts add", "subject-verb", "analysts", "analysts add"),
        ("reported Ukrenergo", "verb-subject", "Ukrenergo", "Ukrenergo reported"),
        ("writes the publication", "verb-subject", "the publication", "the publication writes"),
        ("informs the ministry", "verb-subject", "the ministry", "the ministry reports"),
        ("told the Ukrainian woman", "verb-subject", "the Ukrainian woman", "the Ukrainian woman said"),
        ("Trump emphasized", "subject-verb", "Trump", "Trump emphasized"),
        ("he said in an interview with Reuters", "subject-verb", "he", "he said in an interview with Reuters"),
        ("the head of the Ministry of Defence said", "subject-verb", "the head of the Ministry of Defence",
         "the head of the Ministry of Defence said"),
        ("it is said in the statement", "passive", "it", "the statement says"),
        ("stated in the material", "passive", "", "the material said"),
        ("according to the ministry", "according", "the ministry", "according to the ministry"),
        ("The message says", "subject-verb", "The message", "the message says"),
        ("he told reporters on Monday", "subject-verb", "he", "he told reporters on Monday"),
    ],
)
def test_parse_en_clause(text, order, subject, english):
    clause = speech.parse_en_clause(text)
    assert clause is not None
    assert (clause.order, clause.subject) == (order, subject)
    assert speech.english_order(clause) == english


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine will win",
        "the war goes on",
        "said that the war is over",
        "the plan will cost money",
        "Kyiv",
        "he told us that it is over",
        "Zelensky said Ukraine will win",
        "and then they don't invent ways to harm",
    ],
)
def test_parse_en_clause_rejects(text):
    assert speech.parse_en_clause(text) is None


def test_lone_en_attribution():
    assert speech.lone_en_attribution("- the publication writes.").subject == "the publication"
    assert speech.lone_en_attribution("– researchers emphasize.").subject == "researchers"
    assert speech.lone_en_attribution("— reported Ukrenergo").order == "verb-subject"
    assert speech.lone_en_attribution("- Zelensky said Ukraine will win.") is None
    assert speech.lone_en_attribution("- the minister said:") is None  # introduces the next quote
    assert speech.lone_en_attribution("The publication writes.") is None  # no dash


def test_find_en_dash_attributions():
    (att,) = speech.find_en_dash_attributions('"It is at hand since the 24th," – says the father.')
    assert att.quote_closed and att.clause.subject == "the father"
    (att,) = speech.find_en_dash_attributions("Power will return by evening - the statement reads.")
    assert not att.quote_closed and att.final == "."
    text = "Power will return by evening - the statement reads."
    assert text[att.dash] == "-" and text[att.end - 1] == "."
    # a hyphen inside a word, a dash parenthetical, a dash before a non-attribution
    assert speech.find_en_dash_attributions("The Svatove-Kreminna line held, officials said.") == ()
    assert speech.find_en_dash_attributions("The plan — officials say — will cost more.") == ()
    assert speech.find_en_dash_attributions("Kyiv - the capital of Ukraine - was attacked.") == ()
    # '," Interfax - Ukraine quotes…': the dash is inside a name after an English attribution
    assert speech.find_en_dash_attributions('"It is stable," Interfax - Ukraine quotes Kotin as saying.') == ()


def test_find_en_inline_attributions():
    found = speech.find_en_inline_attributions('"We will win," analysts note. "Yes!" he said in Kyiv.')
    assert [c.subject for _, _, c in found] == ["analysts", "he"]


def test_en_has_attribution():
    assert speech.en_has_attribution('"We will win," the minister said.')
    assert speech.en_has_attribution("According to the ministry, prices will rise.")
    assert speech.en_has_attribution("The minister: “We will win.”")
    assert not speech.en_has_attribution('"We will not let Russia break the power system."')


def test_speaker_categories():
    assert speech.uk_speaker_category("наголошують аналітики") == "analyst"
    assert speech.uk_speaker_category("йдеться у повідомленні") == "document"
    assert speech.uk_speaker_category("сказав він в інтерв'ю") is None
    assert speech.en_speaker_categories("researchers emphasize") == ["researcher"]
    assert speech.en_speaker_categories("the Prime Minister said") == ["prime-minister"]
    assert speech.speaker_categories_compatible("publication", "document")
    assert not speech.speaker_categories_compatible("analyst", "researcher")


# -- quotation marks ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, balanced",
    [
        ('He said "yes" and left.', True),
        ("He said “yes” and left.", True),
        ('He said "yes and left.', False),
        ("” the statement said.", False),
        ("“Yes,” he said, “and no.”", True),
        ("«Так», — сказав він, — «і ні».", True),
        ("„Так“, – сказав він.", True),
        ("Kyiv's mayor said he doesn't know O'Brien.", True),  # apostrophes are not quotes
        ('В інтерв"ю він сказав "так".', True),  # a quote typed for an apostrophe
        ("I”ll explain it.", True),
        ('It is "developing successfully"for the troops.', True),  # a missing space is still a quote
    ],
)
def test_double_quote_balanced(text, balanced):
    assert speech.double_quote_balanced(text) is balanced


def test_quoted_spans_and_quotation():
    spans = speech.find_quoted_spans("Компанія «Укренерго» заявила: «Ми відновимо «все» до зими».")
    assert [inner for _, _, inner in spans] == ["Укренерго", "Ми відновимо «все» до зими"]
    assert speech.has_quotation("He called it ‘a farce’ yesterday.")
    assert not speech.has_quotation("Kyiv's mayor doesn't know O'Brien.")


@pytest.mark.parametrize(
    "line, english",
    [
        ("- the press service of the Ministry of Energy reported.",
         "the press service of the Ministry of Energy reported"),
        ("- said the head of the Kyiv City Military Administration Serhii Popko.",
         "the head of the Kyiv City Military Administration Serhii Popko said"),
        ("- the statement on the website of the Cabinet of Ministers reads.",
         "the statement on the website of the Cabinet of Ministers reads"),
        ('- the newspaper "Kommersant" writes.', 'the newspaper "Kommersant" writes'),
        ("- a source in the government told UNN.", "a source in the government told UNN"),
        ("- said Zelensky in an interview with CNN.", "Zelensky said in an interview with CNN"),
        ("- sources close to the Kremlin say.", "sources close to the Kremlin say"),
        ("- the publication writes, citing sources.", "the publication writes, citing sources"),
        ("- said Serhii Kulakov, the club's director, in a comment.",
         "said Serhii Kulakov, the club's director, in a comment"),
        ("- asks the publication.", "the publication asks"),
        ("-the publication writes", "the publication writes"),
    ],
)
def test_lone_attribution_variants(line, english):
    clause = speech.lone_en_attribution(line)
    assert clause is not None
    assert speech.english_order(clause) == english


# -- fix round: words inside quotes, appositions, passives without "it", reaction verbs, bare lines, speakers --------


@pytest.mark.parametrize(
    "text, attributed",
    [
        # speech-like words inside the quotation are the speaker's, not an attribution
        ('"Information about the injured is being clarified."', False),
        ('"We will continue to report and announce every change, as we noted."', False),
        ("“The court noted the risk and clarified its order.”", False),
        ("«Ми продовжимо», – it noted.", True),
        ('"Information is being clarified," the governor said.', True),
        ('The governor noted: "Information is being clarified."', True),
        # a long quote that closes and reopens in the paragraph: the attribution between the marks counts
        ('...and that is all," he said. "We will rebuild', True),
    ],
)
def test_en_has_attribution_ignores_quoted_words(text, attributed):
    assert speech.en_has_attribution(text) is attributed


def test_mask_quoted_keeps_length_and_marks():
    text = 'He said: "we noted it" and ‘reported’ it.'
    masked = speech.mask_quoted(text)
    assert len(masked) == len(text)
    assert "noted" not in masked and "reported" not in masked and masked.startswith('He said: "')


@pytest.mark.parametrize(
    "text, order, subject, english",
    [
        ("Oleh Syniehubov, head of the regional administration, said", "subject-verb",
         "Oleh Syniehubov, head of the regional administration,",
         "Oleh Syniehubov, head of the regional administration, said"),
        ("is said in the message", "passive", "", "the message says"),
        ("was also stated in the report", "passive", "", "the report said"),
        ("the woman sighs", "subject-verb", "the woman", "the woman sighs"),  # a bare reaction attributes
        ("continues Maryna", "verb-subject", "Maryna", "Maryna continues"),
        ("transmits Ukrinform", "verb-subject", "Ukrinform", "Ukrinform reports"),
        ("are highlighted by the organizers", "passive", "", "the organizers highlighted"),
        ("reports UNN, citing sources", "verb-subject", "UNN", "UNN reports, citing sources"),
    ],
)
def test_parse_en_clause_fix_round(text, order, subject, english):
    clause = speech.parse_en_clause(text)
    assert clause is not None and clause.order == order and clause.subject == subject
    assert speech.english_order(clause) == english


@pytest.mark.parametrize(
    "text",
    [
        "they laughed at that",  # a reaction with a complement tells what happened
        "she sighed with relief",
        "the offensive continues",  # a thing cannot speak
        "is said",
        "Kyiv, the capital, was attacked",
    ],
)
def test_parse_en_clause_rejects_non_attributions(text):
    assert speech.parse_en_clause(text) is None


@pytest.mark.parametrize(
    "line, subject",
    [
        ("the head of the RMA Oleh Syniehubov reported.", "the head of the RMA Oleh Syniehubov"),
        ("Oleh Syniehubov, head of the regional administration, said.",
         "Oleh Syniehubov, head of the regional administration,"),
        ("The minister said.", "The minister"),
        ("is said in the message.", ""),
    ],
)
def test_bare_en_attribution(line, subject):
    clause = speech.bare_en_attribution(line)
    assert clause is not None and clause.subject == subject


@pytest.mark.parametrize(
    "line",
    [
        "Recall that Russia attacked the energy infrastructure overnight.",
        "Zelensky said Ukraine will win.",
        "He added:",
        "Prices rose.",
        "- the publication writes.",  # a dash line is lone_en_attribution's business
        "That was reported.",
        "As VOA reported earlier this year, the administration called for waiving patents.",
        "VOA reported earlier, the administration called for waiving patents.",
    ],
)
def test_bare_en_attribution_rejects(line):
    assert speech.bare_en_attribution(line) is None


@pytest.mark.parametrize(
    "text, reported",
    [
        ("Debris damaged two houses, according to governor Oleh Syniehubov.", True),
        ("Syniehubov said they had no data on the injured.", True),
        ("The minister said that prices would rise.", True),
        ("The ministry said the missile was intercepted.", True),
        ("He told reporters it was over.", True),
        ("We will restore all the substations by winter, the minister said.", False),  # direct speech, no marks
        ("We will win, said the minister, and they will lose.", False),
        ('"They said that it was over," he noted.', False),  # the reported words are inside the quote
    ],
)
def test_en_reported_speech(text, reported):
    assert speech.en_reported_speech(text) is reported


@pytest.mark.parametrize(
    "clause, category",
    [
        ("повідомив начальник ОВА Олег Синєгубов", "head"),
        ("заявив очільник громади", "head"),
        ("повідомив голова ОДА", "head"),
        ("заявив міський голова Ігор Терехов", "mayor"),
        ("заявив мер Києва", "mayor"),
        ("повідомили в ОВА", "administration"),
        ("повідомили у Нацполіції", "police"),
        ("зазначили у пресслужбі суду", "spokesperson"),
        ("наголосив суддя", "court"),
        ("повідомили в Офісі генпрокурора", "prosecutor"),
    ],
)
def test_uk_official_speaker_categories(clause, category):
    assert speech.uk_speaker_category(clause) == category


def test_en_official_speaker_categories_and_compatibility():
    assert "head" in speech.en_speaker_categories("Kharkiv Governor Oleh Syniehubov")
    assert speech.en_speaker_categories("the court's press service") == ["spokesperson", "court"]
    assert speech.en_speaker_categories("the head of the regional military administration") == [
        "administration", "head"]
    assert speech.speaker_categories_compatible("head", "administration")
    assert not speech.speaker_categories_compatible("head", "mayor")
    assert not speech.speaker_categories_compatible("police", "court")
    assert speech.uk_speaker_categories("начальник Харківської ОВА") == {"head", "administration"}


# -- the cheap pre-checks skip only texts where nothing can be found ------------------------------------------------

_PIECES = ["The minister said", " - ", " – ", "—", "-", "long-term", ', "', '," ', '." ', "”", "’", "'", " writes",
           " the publication writes.", " said Maryna.", "«", "»", ".", ",", " ", "\n", "_-", "!-", "analysts note"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10).map("".join))
def test_dash_and_inline_prechecks_change_nothing(text: str) -> None:
    assert speech.find_en_dash_attributions(text) == speech._find_en_dash_attributions.__wrapped__(text)
    assert speech.find_en_inline_attributions(text) == speech._find_en_inline_attributions.__wrapped__(text)
    if not speech.en_dash_clause_possible(text):
        assert speech.lone_en_attribution(text) is None
        assert speech._find_en_dash_attributions.__wrapped__(text) == ()


def _sentence_end_plain(text: str, i: int) -> int:
    """`speech._sentence_end` as first written (the word before each stop read with a slice), for the test below."""
    import re

    n = len(text)
    pos = i
    while pos < n:
        m = re.compile(r"[.!?…]+").search(text, pos)
        if not m:
            return n
        word = re.search(r"([\w.]+)$", text[i: m.start()])
        after = text[m.end(): m.end() + 1]
        if m.group(0) == "." and word and word.group(1).lower().rstrip(".") in speech._ABBREV and after == " ":
            pos = m.end()
            continue
        if after == "" or after.isspace() or after in "\"”’»)":
            return m.end()
        pos = m.end()
    return n


_END_PIECES = ["Mr", "Mr.", " Mr. ", "Dr. Smith", "etc.", " said.", ". ", "!", "?", "…", ".\n", "\n", " ", '."', ".”",
               "U.S.", "x", "a.b", "2.5", " - ", "—", "Jan.", "No. 5", "Kyiv", "-", "--", " -- ", "–", "\t", "_", ",",
               '"', "»", "long-term", "1-2", "a", "-a", "- ", " -"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_END_PIECES), max_size=12).map("".join), st.integers(0, 20))
def test_sentence_end_and_dash_scan_start_are_exact(text: str, i: int) -> None:
    i = min(i, len(text))
    assert speech._sentence_end(text, i) == _sentence_end_plain(text, i)
    # the dash matches tried only where one can start: the same matches as a scan of the whole text
    plain = [(m.span(), m.group("pre")) for m in speech._GLUED_DASH_KEPT.finditer(text)]
    assert [(m.span(), m.group("pre")) for m in speech._kept_dash_matches(text)] == plain


def test_sentence_end_skips_abbreviations():
    assert speech._sentence_end("Mr. Smith said so. Then", 0) == len("Mr. Smith said so.")
    assert speech._sentence_end("He left. Then", 0) == len("He left.")


def test_dash_precheck_sees_spaced_and_punctuated_dashes_only():
    assert speech.en_dash_clause_possible("- the publication writes.")
    assert speech.en_dash_clause_possible("...them,\"– said Maryna.")
    assert speech.en_dash_clause_possible("schedules - the statement reads.")
    assert not speech.en_dash_clause_possible("a long-term, well-known plan.")
    assert speech.find_en_dash_attributions("schedules - the statement reads.")


_ATTRIB_PIECES = ["the minister", "SAID", "said", "Said2", "x_said", "told", "according", "to", "According To",
                  "pointed out", "in his", "Statement", "per", "cent", "ſaid", "K", "İ", "quoting", "emphasizing",
                  ":", '"', "“", "‘", "«", " ", ",", ".", "-", "reads", "readS", "in a post", "as put by"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ATTRIB_PIECES), max_size=10).map("".join),
       st.lists(st.sampled_from(_ATTRIB_PIECES), max_size=10).map(" ".join))
def test_attribution_search_is_the_pattern_search(glued: str, spaced: str) -> None:
    for text in (glued, spaced):
        assert speech._en_attrib_search(text) == (speech._EN_ATTRIB_RE.search(text) is not None)


def test_dash_pre_check_ascii_shortcut() -> None:
    # en_dash_clause_possible / find_en_dash_attributions test an ASCII text for "-" only: the one ASCII dash
    from tqa.text import speech

    assert [chr(i) for i in range(128) if speech._ANY_DASH.search(chr(i))] == ["-"]
