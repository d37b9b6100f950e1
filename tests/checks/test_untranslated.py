"""TQA101–TQA104: Cyrillic left in the English copy, look-alike letters, untranslated paragraphs, wrong-language
documents. Fixtures are written for these tests, modelled on agency copy."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.checks import untranslated
from tqa.config import Config
from tqa.engine import analyse, check_story, check_texts
from tqa.model import AlignedPair, AlignedStory, Alignment, Severity, Story
from tqa.text.segment import build_document

TQA1 = Config(select=("TQA1",))


def findings(source: str, target: str, config: Config = TQA1, **kw):
    return list(check_texts(source, target, config, **kw).findings)


def codes(source: str, target: str, config: Config = TQA1, **kw) -> list[str]:
    return [f.code for f in findings(source, target, config, **kw)]


# -- TQA101 untranslated-cyrillic -----------------------------------------------------------------------------------


def test_ukrainian_word_is_located_and_labelled():
    src = "Ми вам дуже вдячні, дякуємо за підтримку!"
    tgt = "We are very grateful to you, дякуємо for the support!"
    (f,) = findings(src, tgt)
    assert f.code == "TQA101" and f.severity is Severity.ERROR
    assert f.target.text == "дякуємо"
    assert (f.target.line, f.target.column) == (1, tgt.index("дякуємо") + 1)
    assert "Ukrainian" in f.message
    assert f.source is not None and f.source.text == "дякуємо"  # found verbatim in the source


def test_adjacent_words_make_one_run_labelled_russian():
    src = "Але я розумію, що вони не зупиняться, доки не доб'ють цих злодіїв."
    tgt = "But I understand that they will not stop, пока этих воров не добьют."
    (f,) = findings(src, tgt)
    assert f.code == "TQA101"
    assert f.target.text == "пока этих воров не добьют"
    assert "Russian" in f.message


def test_runs_separated_by_english_are_separate():
    tgt = "The мер said that the обстріл continued overnight."
    got = findings("Мер сказав, що обстріл тривав усю ніч.", tgt)
    assert [f.target.text for f in got] == ["мер", "обстріл"]
    assert all(f.code == "TQA101" for f in got)


def test_half_transliterated_word_is_a_run_not_a_lookalike():
    got = findings("Український «Щедрик» пролунав у Нью-Йорку.", "The Ukrainian Shchedрик was performed in New York.")
    assert [(f.code, f.target.text) for f in got] == [("TQA101", "Shchedрик")]
    assert "half-transliterated" in got[0].message


def test_pure_english_and_latin_names_are_clean():
    assert codes("Зеленський прибув до Києва.", "Zelenskyy arrived in Kyiv on Tuesday.") == []
    assert codes("Гурт Kalush Orchestra виступив.", "Kalush Orchestra performed.") == []


def test_allow_list_equal_contained_and_remainder():
    src = "Пісня «Щедрик» Леонтовича прозвучала."
    tgt = "The song Щедрик by Леонтович was performed again."
    assert codes(src, tgt) == ["TQA101", "TQA101"]
    cfg = TQA1.replace(allow_cyrillic=("Щедрик",))
    assert [f.target.text for f in findings(src, tgt, cfg)] == ["Леонтович"]
    # a run contained in an allowed string is not reported
    cfg = TQA1.replace(allow_cyrillic=("«Щедрик» Леонтовича", "Леонтович"))
    assert codes(src, tgt, cfg) == []
    # a brand in allow_terms works as well; a different word form is not covered
    cfg = TQA1.replace(allow_terms=("Щедрик", "Kyiv"))
    assert [f.target.text for f in findings(src, "The Щедрика melody by Леонтович.", cfg)] == [
        "Щедрика",
        "Леонтович",
    ]


def test_allowed_string_is_masked_inside_a_longer_run():
    cfg = TQA1.replace(allow_cyrillic=("Укрзалізниця",))
    src = "Укрзалізниця повідомила про затримки поїздів у понеділок."
    got = findings(src, "Укрзалізниця повідомила about delays of several trains on Monday morning.", cfg)
    assert [f.target.text for f in got] == ["повідомила"]


def test_gloss_in_parentheses_is_info():
    src = "Пісня «Щедрик» прозвучала в Нью-Йорку."
    for tgt in (
        "The song Shchedryk (Щедрик) was performed in New York.",
        'The song "Shchedryk" («Щедрик») was performed in New York.',
        "The song Shchedryk (Ukrainian: Щедрик) was performed in New York.",
    ):
        (f,) = findings(src, tgt)
        assert f.code == "TQA101" and f.severity is Severity.INFO, tgt
        assert "gloss" in f.message


def test_parentheses_without_english_rendering_are_not_a_gloss():
    (f,) = findings("Він сказав (Щедрик).", "He said: (Щедрик).")
    assert f.severity is Severity.ERROR


def test_quoted_citation_is_a_warning_and_a_cited_word_info():
    src = "Про вживання «в» чи «на» зі словом «Україна»."
    quoted = findings(src, 'About using "в" or "на" with Ukraine.')
    assert [(f.target.text, f.severity) for f in quoted] == [("в", Severity.WARNING), ("на", Severity.WARNING)]
    cited = findings(src, 'Which preposition goes with the word "Україна"?')
    assert [(f.target.text, f.severity) for f in cited] == [("Україна", Severity.INFO)]


def test_long_untranslated_quotation_is_an_error():
    src = "Він сказав: «Ми обов'язково переможемо у цій війні». Про це повідомили журналістам."
    tgt = 'The minister told reporters on Monday evening: "Ми обов\'язково переможемо у цій війні", and left the room.'
    (f,) = findings(src, tgt)
    assert f.code == "TQA101" and f.severity is Severity.ERROR


def test_original_followed_by_translation_is_a_warning():
    src = "На стіні з'явився напис «Слава Україні»."
    (f,) = findings(src, "The inscription «Слава Україні» (Glory to Ukraine) appeared on the wall.")
    assert f.severity is Severity.WARNING and "translation" in f.message


def test_address_copied_from_source_is_info_else_warning():
    src = "Запрошення надходять з адреси запрошення@example.cz."
    (f,) = findings(src, "Invitations come from запрошення@example.cz.")
    assert f.severity is Severity.INFO
    (f,) = findings("Пишіть на zaproshennia@example.cz.", "Write to запрошення@example.cz.")
    assert f.severity is Severity.WARNING
    # a censored word with an @ is no address
    (f,) = findings("Ти, с@ки, боїтеся.", "You, с@ки, are afraid.")
    assert f.severity is Severity.ERROR


def test_unit_after_a_number_gets_a_fix():
    (f,) = findings("Ціна – 1000 грн.", "The starting price is 1000 грн.")
    assert f.target.text == "грн" and f.fix is not None and f.fix.replacement == "UAH"
    (f,) = findings("Виплатили 5 тис. людям.", "They paid 5 тис. people.")
    assert f.target.text == "тис." and f.fix.replacement == "thousand"
    (f,) = findings("Відкрили тис.", "They opened тис today.")  # no number before: no fix
    assert f.fix is None


def test_residue_spans_are_masked(monkeypatch):
    from tqa.text import residue

    src = "Міністр розповів про реформу."
    tgt = "The minister spoke about the reform.02.03.26, 15:55 • 5350 переглядів"
    start = tgt.index("02.03.26")
    try:
        monkeypatch.setattr(residue, "residue_spans", lambda text: [])
        untranslated.scan_paragraph.cache_clear()
        untranslated.paragraph_untranslated.cache_clear()
        assert codes(src, tgt) == ["TQA101"]
        glued = lambda text: [(start, len(text), "teaser")] if "•" in text else []  # noqa: E731
        monkeypatch.setattr(residue, "residue_spans", glued)
        untranslated.scan_paragraph.cache_clear()
        untranslated.paragraph_untranslated.cache_clear()
        assert codes(src, tgt) == []
        # a paragraph that is mostly glued residue is not an untranslated paragraph either
        short = "Reform.02.03.26, 15:55 • 5350 переглядів новин"
        start = short.index("02.03.26")
        untranslated.paragraph_untranslated.cache_clear()
        untranslated.scan_paragraph.cache_clear()
        assert codes(src, short) == []
    finally:
        untranslated.scan_paragraph.cache_clear()
        untranslated.paragraph_untranslated.cache_clear()


def test_residue_pairs_are_not_checked():
    src = build_document("s", "Київ • УНН", "uk", "source")
    tgt = build_document("t", "Київ • УНН", "en", "target")
    story = Story(src, tgt, mode="aligned")
    pair = AlignedPair(0, Alignment((), tgt.paragraphs), (), residue="dateline")
    aligned = AlignedStory(story, (pair,))
    rules = [
        untranslated.UntranslatedCyrillic(),
        untranslated.CyrillicLookalike(),
        untranslated.UntranslatedParagraph(),
    ]
    assert analyse(aligned, TQA1, rules) == []
    plain = AlignedStory(story, (AlignedPair(0, Alignment((), tgt.paragraphs), ()),))
    assert [f.code for f in analyse(plain, TQA1, rules)] == ["TQA103"]


def test_same_input_same_findings_and_distinct_fingerprints():
    src = "Він сказав «ще». Вона сказала «ще»."
    tgt = "He said ще to them.\nShe said ще as well."
    a = findings(src, tgt)
    b = findings(src, tgt)
    assert a == b and [f.fingerprint for f in a] == [f.fingerprint for f in b]
    assert len({f.fingerprint for f in a}) == 2  # the sentence context tells them apart


# -- TQA102 cyrillic-lookalike -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, fixed, label",
    [
        ("Kyіv", "Kyiv", "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I U+0456"),
        ("Zelenskyy".replace("e", "е", 1), "Zelenskyy", "CYRILLIC SMALL LETTER IE U+0435"),
        ("сity", "city", "CYRILLIC SMALL LETTER ES U+0441"),
        ("Рrague", "Prague", "CYRILLIC CAPITAL LETTER ER U+0420"),
    ],
)
def test_lookalike_in_latin_word(word, fixed, label):
    src = "Зеленський прибув до міста."
    tgt = f"President {word} arrived in the morning."
    (f,) = findings(src, tgt)
    assert f.code == "TQA102" and f.severity is Severity.ERROR
    assert f.target.text == word
    assert label in f.message
    assert f.fix is not None and f.fix.replacement == fixed


def test_several_lookalike_letters_are_all_named():
    word = "Sеrviсе"  # Cyrillic е and с
    (f,) = findings("Служба.", f"The {word} works.")
    assert "U+0435" in f.message and "U+0441" in f.message
    assert f.fix.replacement == "Service"


def test_pure_words_are_not_lookalikes():
    assert codes("Київ.", "Kyiv is the capital.") == []
    got = findings("Київ і Львів.", "Київ is the capital.")
    assert [f.code for f in got] == ["TQA101"]  # a Cyrillic word, not a look-alike


def test_lone_letters_by_context():
    got = findings("Він прийшов з делегацією.", "He came with а delegation, and І think it went well.")
    assert [(f.code, f.target.text, f.fix.replacement) for f in got] == [("TQA102", "а", "a"), ("TQA102", "І", "I")]
    (f,) = findings("Картина розміром 80 х 60 см.", "A painting of 80 х 60 cm.")
    assert (f.code, f.fix.replacement) == ("TQA102", "x")
    # the Ukrainian conjunction і between English words is untranslated, not a look-alike
    (f,) = findings("Київ і Львів.", "Kyiv і Lviv were shelled.")
    assert f.code == "TQA101"


def test_mixed_word_spelled_so_in_source_is_info():
    (f,) = findings("Редакція ProUkraїnu запитала.", "The ProUkraїnu newsroom asked.")
    assert f.code == "TQA102" and f.severity is Severity.INFO and "source" in f.message
    assert codes("Редакція ProUkraїnu.", "The ProUkraїnu newsroom.", TQA1.replace(allow_terms=("ProUkraїnu",))) == []


# -- TQA103 untranslated-paragraph ---------------------------------------------------------------------------------

SRC3 = (
    "Уряд ухвалив новий бюджет на наступний рік, збільшивши видатки на оборону та відновлення.\n"
    "Про це повідомляє прес-служба Кабміну."
)
EN_FIRST = "The government adopted a new budget for next year, increasing spending on defence and reconstruction."


def test_copied_paragraph_is_one_finding():
    got = findings(SRC3, EN_FIRST + "\nПро це повідомляє прес-служба Кабміну.")
    assert [f.code for f in got] == ["TQA103"]
    assert "copied unchanged" in got[0].message and "Ukrainian" in got[0].message
    assert got[0].target.text == "Про це повідомляє прес-служба Кабміну." and got[0].target.line == 2


def test_mostly_cyrillic_paragraph_is_one_finding():
    tgt = EN_FIRST + "\nОб этом сообщает пресс-служба Кабмина, reports UNN."
    got = findings(SRC3, tgt)
    assert [f.code for f in got] == ["TQA103"]
    assert "Russian" in got[0].message and "copied" not in got[0].message


def test_latin_source_copied_is_fine():
    assert codes("Kalush Orchestra – Stefania", "Kalush Orchestra – Stefania") == []


def test_english_paragraph_with_a_word_is_not_a_paragraph_finding():
    assert codes(SRC3, EN_FIRST + "\nThis was reported by the прес-служба of the Cabinet.") == ["TQA101"]


# -- TQA104 document-language --------------------------------------------------------------------------------------

UK_STORY = (
    "Президент провів нараду з військовими щодо ситуації на фронті.\n"
    "Учасники обговорили постачання зброї та підготовку резервів.\n"
    "Наступна зустріч запланована на кінець місяця."
)
EN_STORY = (
    "The President held a meeting with the military on the situation at the front.\n"
    "The participants discussed arms supplies and the training of reserves.\n"
    "The next meeting is scheduled for the end of the month."
)
RU_STORY = (
    "Президент провел совещание с военными по ситуации на фронте.\n"
    "Участники обсудили поставки оружия и подготовку резервов.\n"
    "Следующая встреча запланирована на конец месяца."
)
DE_STORY = (
    "Der Präsident hielt eine Sitzung mit dem Militär über die Lage an der Front ab.\n"
    "Die Teilnehmer besprachen Waffenlieferungen und die Ausbildung der Reserven.\n"
    "Das nächste Treffen ist für Ende des Monats geplant."
)


def test_ukrainian_target_is_one_document_warning():
    got = findings(UK_STORY, UK_STORY)
    assert [f.code for f in got] == ["TQA104"]
    assert got[0].severity is Severity.WARNING and "target is Ukrainian" in got[0].message


def test_swapped_files():
    (f,) = findings(EN_STORY, UK_STORY)
    assert f.code == "TQA104" and "swapped" in f.message


def test_russian_source_and_german_target():
    got = findings(RU_STORY, EN_STORY)
    assert [f.code for f in got] == ["TQA104"] and "source is Russian" in got[0].message
    got = findings(UK_STORY, DE_STORY)
    assert [f.code for f in got] == ["TQA104"] and "target is not English" in got[0].message


def test_english_story_is_clean():
    assert codes(UK_STORY, EN_STORY) == []


def test_partly_translated_story_warns_and_keeps_paragraph_findings():
    tgt = "The President held a meeting with the military.\n" + "\n".join(UK_STORY.split("\n")[1:])
    got = findings(UK_STORY, tgt)
    assert sorted(f.code for f in got) == ["TQA103", "TQA103", "TQA104"]


def test_only_the_first_chunk_reports():
    def story(part: int) -> Story:
        return Story(
            build_document("s", UK_STORY, "uk", "source", first_line=1 + 3 * part),
            build_document("t", UK_STORY, "en", "target", first_line=1 + 3 * part),
            mode="aligned",
            part=part,
        )

    assert [f.code for f in check_story(story(0), TQA1).findings] == ["TQA104"]
    assert [f.code for f in check_story(story(1), TQA1).findings] == []


def test_aligned_mode_reports_per_record():
    src = "Дякуємо за увагу.\nДо зустрічі завтра.\nГарного дня!"
    tgt = "Thank you for your attention.\nSee you tomorrow, друзі.\nHave a nice day!"
    got = findings(src, tgt, aligned=True)
    assert [(f.code, f.target.line, f.target.text) for f in got] == [("TQA101", 2, "друзі")]


# -- invariants ----------------------------------------------------------------------------------------------------

_ALPHABET = "abcxyzKIP аеіоурсхїАІХКжщьюя'’-«»\"()@.#5 7,×\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60), st.text(alphabet=_ALPHABET, max_size=30))
def test_scan_never_raises_and_pieces_are_sound(text, source):
    from tqa.text.residue import residue_spans

    pieces = untranslated.scan_paragraph(text, source)
    last_end = 0
    for p in pieces:
        assert 0 <= p.start < p.end <= len(text) and p.start >= last_end  # in order, no overlap
        assert text[p.start : p.end] == p.text
        assert any("\u0400" <= c <= "\u052f" for c in p.text)  # every piece holds Cyrillic
        if p.kind == "lookalike":
            assert p.replacement and not any("\u0400" <= c <= "\u052f" for c in p.replacement)
        last_end = p.end
    # with nothing allowed, every Cyrillic letter (outside glued page residue) belongs to exactly one piece
    covered = {i for p in pieces for i in range(p.start, p.end)}
    residue = {i for s, e, _ in residue_spans(text) for i in range(s, e)}
    stray = [i for i, c in enumerate(text) if "\u0400" <= c <= "\u052f" and i not in covered | residue]
    assert stray == []


def test_unit_of_an_amount_is_reported_once_when_tqa722_runs():
    from tqa.engine import check_texts

    all_rules = [f.code for f in check_texts("Ціна – 1000 грн.", "The starting price is 1000 грн.").findings]
    assert all_rules.count("TQA722") == 1 and "TQA101" not in all_rules


# -- Greek look-alikes and Cyrillic units of amounts ----------------------------------------------------------------


def test_greek_lookalike_inside_latin_word_is_named_with_its_code_point():
    (f,) = findings("Росіяни обстріляли Куп'янськ з півночі.", "Russians shelled Kupiansk frοm the north.")
    assert f.code == "TQA102" and f.target.text == "frοm" and f.fix.replacement == "from"
    assert "GREEK SMALL LETTER OMICRON U+03BF" in f.message and "Greek" in f.message
    (g,) = findings("Про це повідомило НАТО.", "ΝATO said so.")
    assert g.code == "TQA102" and g.fix.replacement == "NATO"


@pytest.mark.parametrize(
    "target",
    [
        "The α-particle count rose, the ministry said.",  # a Greek letter as a symbol, not inside a Latin word
        "Greek media wrote «Η Ελλάδα» about it.",  # Greek words
        "The dose is 5 μg per day.",
        "Russians shelled Kupiansk from the north.",
    ],
)
def test_greek_letters_outside_latin_words_are_clean(target):
    assert "TQA102" not in codes("Росіяни обстріляли Куп'янськ з півночі.", target)


def test_two_word_cyrillic_unit_of_an_amount_is_reported_once_by_the_unit_rule():
    fs = findings("Збитки оцінюють у 5 млн грн.", "Damage is estimated at 5 млн грн.", Config(select=("TQA1", "TQA72")))
    assert [f.code for f in fs] == ["TQA722"] and fs[0].fix.replacement == "UAH 5 million"
    # without the unit rule the Cyrillic words are still reported
    assert codes("Збитки оцінюють у 5 млн грн.", "Damage is estimated at 5 млн грн.") == ["TQA101"]
