"""Web-page residue patterns (tqa.text.residue): whole paragraphs and glued pieces, in English and Ukrainian.
All texts are written for these tests, in the style of agency pages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.text.residue import (
    RESIDUE_KINDS,
    classify_residue,
    is_lead_in,
    looks_title_like,
    residue_spans,
    strip_residue,
)

POSITIVE = [
    # exchange-rate widgets: a rate and its change glued, or a lone rate with a currency sign
    ("$41.870.05", "exchange-rate-widget"),
    ("48.350.12", "exchange-rate-widget"),
    ("€48.35", "exchange-rate-widget"),
    ("USD 41.87 / 42.10", "exchange-rate-widget"),
    ("$41.870.05 €48.350.12", "exchange-rate-widget"),
    # view counters
    ("• 2 481 views", "view-counter"),
    ("317 views", "view-counter"),
    ("• 317 переглядів", "view-counter"),
    ("Переглядів: 1 204", "view-counter"),
    # datelines with the agency
    ("Lviv • UNN", "dateline"),
    ("Одеса • УНН", "dateline"),
    ("Kharkiv • Ukrinform", "dateline"),
    # date/time stamps
    ("14.05.25, 09:12 • 2214 views", "timestamp"),
    ("14.05.2025 09:12", "timestamp"),
    ("Updated: 14 May 2025, 09:12", "timestamp"),
    ("Оновлено 14 травня 2025 року, 09:12", "timestamp"),
    ("12 minute(s) ago", "timestamp"),
    ("3 hours ago", "timestamp"),
    ("12 хвилин (и) тому", "timestamp"),
    ("2 години тому", "timestamp"),
    # teaser headline with its stamp, as one paragraph
    ("Fuel prices fall for the third week in a row17.05.25, 11:40 • 918 views", "teaser"),
    ("Ціни на пальне знижуються третій тиждень поспіль17.05.25, 11:40 • 918 переглядів", "teaser"),
    # rubric and navigation lines
    ("Electricity outage schedules", "navigation"),
    ("Air raid alert map", "navigation"),
    ("Графіки відключень світла", "navigation"),
    ("Latest news", "navigation"),
    ("Home › News › Economy", "navigation"),
    ("Головна / Новини / Суспільство", "navigation"),
    # read also
    ("Read also: Bread prices rise in Kyiv region", "read-also"),
    ("See also: How the grain corridor works", "read-also"),
    ("Читайте також: Ціни на хліб зросли на Київщині", "read-also"),
    ("Дивіться також: Як працює зерновий коридор", "read-also"),
    # photo credits and captions
    ("Photo: Cabinet of Ministers press service", "photo-credit"),
    ("Photo by, ANDRIY DUBCHAK Reuters", "photo-credit"),
    ("Photo caption,", "photo-credit"),
    ("Фото: пресслужба Кабміну", "photo-credit"),
    ("Автор фото, Getty Images", "photo-credit"),
    ("Ілюстративне фото", "photo-credit"),
    # copyright footers
    ("© 2025 Ukrinform. All rights reserved.", "copyright"),
    ("Усі права захищені.", "copyright"),
    ("При використанні матеріалів посилання на сайт обов'язкове.", "copyright"),
    # subscribe / share prompts
    ("Subscribe to our Telegram channel", "social-prompt"),
    ("Follow us on Facebook and X", "social-prompt"),
    ("Підписуйтесь на наш Telegram-канал", "social-prompt"),
    ("Читайте УНН у Telegram", "social-prompt"),
    ("Facebook Telegram Viber", "social-prompt"),
    ("If you notice an error, select it and press Ctrl+Enter", "social-prompt"),
    ("Якщо ви помітили помилку, виділіть її та натисніть Ctrl+Enter", "social-prompt"),
    # advertising labels
    ("Реклама", "advertisement"),
    ("Advertisement", "advertisement"),
    # a page-title source tag alone
    ("- DW - 11.03.2024", "source-tag"),
]

NEGATIVE = [
    # story text
    "The government allocated UAH 2 billion for school repairs.",
    "Уряд виділив 2 млрд грн на ремонт шкіл.",
    "The hryvnia exchange rate fell to 41.87 per dollar on Monday.",
    "The price of the project is $1.5 million.",
    "The meeting will start on 14.05.2025 at 09:12 in the Verkhovna Rada.",
    "The video has collected 317 views in an hour, the police said.",
    "Photos, live broadcasts, interviews.",
    "Фото, прямі включення, інтерв’ю.",
    "Source: General Staff of the Armed Forces",
    "Їхні права захищені законом.",
    "Find out more on the ministry's page.",
    # headlines and subheadings
    "Zelensky: Ukraine will not give up its territories",
    "Government extends affordable mortgage programme until end of year",
    "Шольц: НАТО не стане стороною конфлікту",
    "The desert between snow-capped mountains",
    # agency lead-ins: part of the story
    "Let us recall",
    "Нагадаємо",
    "Recall that",
    # numbers that are not widgets
    "2024/2025",
    "2025",
    "1.5",
]


@pytest.mark.parametrize(("text", "kind"), POSITIVE)
def test_classify_positive(text, kind):
    assert classify_residue(text) == kind
    assert kind in RESIDUE_KINDS


@pytest.mark.parametrize("text", NEGATIVE)
def test_classify_negative(text):
    assert classify_residue(text) is None


def test_classify_ignores_surrounding_space_and_long_paragraphs():
    assert classify_residue("   • 317 views  ") == "view-counter"
    long_text = "Read also: " + "word " * 120
    assert classify_residue(long_text) is None
    assert classify_residue("") is None


def test_lead_ins_and_title_shape():
    assert is_lead_in("Let us recall") and is_lead_in("Нагадаємо,")
    assert not is_lead_in("Electricity outage schedules")
    assert looks_title_like("Fuel price monitor")
    assert not looks_title_like("Fuel prices fell.")
    assert not looks_title_like("We will win")  # a pronoun and a modal: a sentence
    assert not looks_title_like("Let us recall")
    assert not looks_title_like("one two three four five six seven")


def _pieces(text):
    return [(text[s:e], k) for s, e, k in residue_spans(text)]


def test_glued_teaser_stamp_only_when_the_paragraph_is_one_headline():
    text = "The minister stressed that fuel prices would stabilise by the end of the month14.05.25, 09:12 • 2214 views"
    assert _pieces(text) == [("14.05.25, 09:12 • 2214 views", "teaser")]


def test_glued_teaser_after_the_last_sentence_takes_its_headline():
    text = (
        "The minister stressed that prices would stabilise. "
        "Bread prices rise in Kyiv region14.05.25, 09:12 • 2214 views"
    )
    assert _pieces(text) == [(" Bread prices rise in Kyiv region14.05.25, 09:12 • 2214 views", "teaser")]
    assert strip_residue(text) == "The minister stressed that prices would stabilise."


def test_teaser_in_ukrainian():
    text = "Міністр заявив, що ціни стабілізуються до кінця місяця14.05.25, 09:12 • 2214 переглядів"
    assert _pieces(text) == [("14.05.25, 09:12 • 2214 переглядів", "teaser")]


def test_spaced_date_and_time_in_a_sentence_is_not_residue():
    assert residue_spans("The session opens on 14.05.25, 09:12 in the main hall.") == []
    assert residue_spans("In 2025 the agency moved to a new office.") == []


def test_source_tags():
    assert _pieces("Russia begins an offensive in Luhansk region - ISW - DW - 09.03.2024") == [
        (" - DW - 09.03.2024", "source-tag")
    ]
    assert _pieces("понад 11 тисяч жертв - DW - 08.03.2024") == [(" - DW - 08.03.2024", "source-tag")]
    assert _pieces("Parliament passes the budget | Ukrinform") == [(" | Ukrinform", "source-tag")]
    # an attribution dash at the end of a headline is not a tag
    assert residue_spans("Russia prepares a new offensive - ISW") == []


def test_inline_counter_dateline_widget_and_read_also():
    assert _pieces("Markets were calm on Friday • 317 views") == [(" • 317 views", "view-counter")]
    assert _pieces("Lviv • UNN The city council approved the budget.") == [("Lviv • UNN ", "dateline")]
    assert _pieces("$41.870.05 48.350.12 The hryvnia weakened.") == [
        ("$41.870.05", "exchange-rate-widget"),
        ("48.350.12", "exchange-rate-widget"),
    ]
    assert _pieces("The council approved the plan.Read also: Bread prices rise") == [
        ("Read also: Bread prices rise", "read-also")
    ]
    # a dotted number inside a sentence is not a widget
    assert residue_spans("Version 2.104.11 of the app was released.") == []


def test_strip_residue():
    assert strip_residue("• 317 views") == ""
    assert strip_residue("Parliament passes the budget - DW - 09.03.2024") == "Parliament passes the budget"
    assert strip_residue("Plain story text.") == "Plain story text."


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Аб.,:•|$€-–0123456789views переглядів\n")), max_size=120))
def test_spans_are_sorted_disjoint_and_inside(text):
    spans = residue_spans(text)
    last = 0
    for s, e, k in spans:
        assert 0 <= s < e <= len(text)
        assert s >= last
        assert k in RESIDUE_KINDS
        last = e
    kind = classify_residue(text)
    assert kind is None or kind in RESIDUE_KINDS
    assert classify_residue(text) == kind  # deterministic
