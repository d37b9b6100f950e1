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
    # page labels and bylines (red-team lines of 1–3 words that no vocabulary listed)
    ("Share:", "social-prompt"),
    ("Поділитися:", "social-prompt"),
    ("Share on Facebook", "social-prompt"),
    ("Source: Ukrinform", "source-tag"),
    ("Джерело: Інтерфакс-Україна", "source-tag"),
    ("Source:", "source-tag"),
    ("Ukrinform", "source-tag"),
    ("УНН", "source-tag"),
    ("Interfax-Ukraine", "source-tag"),
    ("Author: Olena Petrenko", "byline"),
    ("Автор: Олена Петренко", "byline"),
    ("Authors: Olena Petrenko, Ihor Koval", "byline"),
    ("By Olena Petrenko", "byline"),
    ("Translated by Olena Petrenko", "byline"),
    ("Редакторка: Ірина Мельник", "byline"),
    ("Tags: war, Russia, air defense", "navigation"),
    ("Теги: війна, Харківщина", "navigation"),
    ("Print version", "navigation"),
    ("Версія для друку", "navigation"),
    ("Reading time: 2 min", "page-info"),
    ("Час читання: 3 хв", "page-info"),
    ("4 min read", "page-info"),
    ("Comments (0)", "page-info"),
    ("Коментарі: 12", "page-info"),
    # emoji view counters, with or without the variation selector U+FE0F, number before or after
    ("👁️ 2341", "view-counter"),
    ("👁 2 341", "view-counter"),
    ("2 341 👁", "view-counter"),
    ("1,204 👁️", "view-counter"),
    # a date with its weekday
    ("Sunday, April 10, 2026", "timestamp"),
    ("Неділя, 10 квітня 2026", "timestamp"),
    # bare photo-agency credits
    ("Getty Images", "photo-credit"),
    ("Efrem Lukatsky/AP", "photo-credit"),
    ("AFP/Getty Images", "photo-credit"),
    ("EPA-EFE", "photo-credit"),
    # prompts naming the outlet, error-report prompts
    ("Subscribe to UNN", "social-prompt"),
    ("Support Ukrinform", "social-prompt"),
    ("Follow us on X", "social-prompt"),
    ("More news in our Telegram channel", "social-prompt"),
    ("Усі новини — у нашому Telegram-каналі", "social-prompt"),
    ("Found a mistake? Select it and press Ctrl+Enter", "social-prompt"),
    ("Помітили помилку? Виділіть її та натисніть Ctrl+Enter", "social-prompt"),
    ("Share on X", "social-prompt"),
    # the agency with its place, a place with its date and time, the agency's domain
    ("UNN, Kyiv", "dateline"),
    ("Kyiv, Interfax-Ukraine", "dateline"),
    ("Kyiv, April 10, 2026, 14:05", "timestamp"),
    ("Updated at 14:05", "timestamp"),
    ("Date of publication: 10.04.2026", "timestamp"),
    ("ukrinform.net", "source-tag"),
    ("https://www.unn.ua/", "source-tag"),
    ("Cover photo: Reuters", "photo-credit"),
    ("👁 2.3K", "view-counter"),
    ("Popular news", "navigation"),
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
    # "Source:" lines naming an authority are story structure on some sites (a paragraph of its own)
    "Source: General Staff of the Armed Forces of Ukraine",
    "Джерело: Генштаб ЗСУ",
    # look like bylines, labels or prompts but are story text or headlines
    "By Christmas Day",
    "By Ukraine's Standards",
    "By origin, minerals are divided into three groups.",
    "Authors of the bill propose to raise the excise tax.",
    "Author Olena Petrenko presented her new novel in Lviv.",
    "Support Ukraine",
    "Support for Ukraine will continue, the minister said.",
    "Share prices fell on Monday.",
    "Share in Europe",
    "The latest news stories spread on Telegram channels claim that the city fell.",
    "Reuters reported that the talks would resume on Monday.",
    "Comments from the ministry",
    "Tags on the goods were changed overnight.",
    "Ukrinform correspondents visited the town.",
    "Press Ctrl+Enter to send the form",
    "Sunday",
    "Reading time",
    "Kyiv, Kharkiv",
    "Zelensky, Biden",
    "Ukraine, Russia and Belarus",
    "www.president.gov.ua",
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


def test_glued_views_without_a_bullet():
    # "Views: N" glued after the last sentence; an eye emoji with its count, before or after the number
    assert _pieces("Air defense shot down 45 of them.Views: 1,204") == [("Views: 1,204", "view-counter")]
    assert _pieces("Air defense shot down 45 of them. 👁 2 341") == [(" 👁 2 341", "view-counter")]
    assert _pieces("Air defense shot down 45 drones 👁️ 2341") == [(" 👁️ 2341", "view-counter")]
    assert _pieces("Air defense shot down 45 drones 2 341 👁") == [(" 2 341 👁", "view-counter")]
    # a number in a sentence, or "views" in a sentence, is not a counter
    assert residue_spans("He paid 2 341 hryvnias for the ticket.") == []
    assert residue_spans("The video had 1,204 views by Monday.") == []
    assert residue_spans("Their views: the war must end.") == []
    assert residue_spans("The channel has 12K followers.") == []


def test_teaser_stamp_with_time_first():
    text = 'Air defense shot down 45 of them. Russia launched 300 drones at Ukraine overnight14:05, 10.04.2026'
    assert _pieces(text) == [(" Russia launched 300 drones at Ukraine overnight14:05, 10.04.2026", "teaser")]
    text = '"There are no dead."Russia launched 300 drones at Ukraine overnight14:05, 10.04.2026'
    assert _pieces(text) == [("Russia launched 300 drones at Ukraine overnight14:05, 10.04.2026", "teaser")]
    # a bare time glued to the paragraph's last word (a whole teaser paragraph: the span is its stamp)
    assert _pieces("Russia launched 300 drones at Ukraine overnight14:05") == [("14:05", "teaser")]
    assert classify_residue("Russia launched 300 drones at Ukraine overnight14:05") == "teaser"
    assert residue_spans("The drone was shot down over Kharkiv14:05 and then it fell.") == []
    assert classify_residue("Russia launched 300 drones at Ukraine overnight14:05, 10.04.2026") == "teaser"
    # a spaced time and date inside a sentence is story text
    assert residue_spans("The council met at 14:05, 10 minutes late.") == []
    assert residue_spans("The meeting starts at 14:05") == []
    assert residue_spans("The sirens sounded at 14:05, 10.04.2026, in Kharkiv.") == []


def test_source_and_photo_labels_glued_after_the_last_sentence():
    assert _pieces("Air defense shot down 45 of them. Source: Ukrinform") == [(" Source: Ukrinform", "source-tag")]
    assert _pieces("Air defense shot down 45 of them. Photo: Getty Images") == [
        (" Photo: Getty Images", "photo-credit")
    ]
    assert _pieces("Сили ППО збили 45 з них. Джерело: Укрінформ") == [(" Джерело: Укрінформ", "source-tag")]
    assert _pieces("Air defense shot down 45 of them.Author: Olena Petrenko") == [
        ("Author: Olena Petrenko", "byline")
    ]
    # a label that opens a sentence, or a sentence after "Source:", is not residue
    assert residue_spans("The data were published. Source: the ministry says it will update them weekly.") == []
    assert residue_spans("Source: Ukrinform") == []  # a whole line: classify_residue's business
    assert residue_spans("The photo: a tank in a field near Izium.") == []


def test_source_tag_glued_without_spaces():
    assert _pieces("more than 11 thousand victims-DW-08.02.2023") == [("-DW-08.02.2023", "source-tag")]
    # the attribution before the tag stays in the headline
    assert _pieces("Russia launches major offensive in Luhansk region - ISW-DW-09.02.2023") == [
        ("-DW-09.02.2023", "source-tag")
    ]
    # hyphenated words before a date are not a tag unless the outlet is known
    assert residue_spans("The Kyiv-Warsaw-08.02.2023 train schedule was published") == []
    assert residue_spans("The Kyiv-Warsaw train ran on 08.02.2023") == []


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


# -- the cheap pre-checks in classify_residue skip only searches that cannot match --------------------------------

_GUARD_WORDS = ["All rights reserved", "ALL RIGHTS RESERVED", "всі права захищені", "Усі права захищено", "при",
                "використанні", "гіперпосилання", "посилання", "обов'язкове", "link to", "LINK TO", "hyperlink", "is",
                "required", "when", "using", "ıink", "lİnk", "LINK", "ſ", "K", "12", "views", "👁", "10:30", "05.03.2024",
                "Updated", "ago", "Source", ":", ".", ",", " ", "$43.230.13", "1.234.56", "Read also:", "See also:",
                "Читайте також:", "Дивіться також", "read also", "ally02.03.26"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_GUARD_WORDS), max_size=10).map(" ".join))
def test_copyright_and_digit_guards_skip_only_non_matches(text: str) -> None:
    from tqa.text import residue

    expected = residue._COPYRIGHT_ANY.search(text)
    got = residue._copyright_any(text)
    assert (got.span() if got else None) == (expected.span() if expected else None)
    t = text.strip()
    if not any(c.isdigit() for c in t):
        assert residue._VIEWS_LINE.match(t) is None and residue._TIMESTAMP_LINE.match(t) is None
    for joined in (text, text.replace(" ", "")):
        if residue._WIDGET_HINT.search(joined) is None:
            assert residue._WIDGET_NUM.search(joined) is None
        if residue._READ_ALSO_GLUED_LEAD.search(joined) is None:
            assert residue._READ_ALSO_GLUED.search(joined) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["5", "an", "one", "minutes", "hour", "ago", "AGO", "Ago.", "хвилин", "тому", "ТОМУ.",
                                 "Updated:", "Оновлено", ".", " ", "(s)", "copyright", "©", "(c)", "(C) ", "Copyright"]),
                min_size=1, max_size=6).map(" ".join))
def test_relative_and_copyright_start_guards_skip_only_non_matches(text: str) -> None:
    from tqa.text import residue

    t = text.strip()
    if t and not residue._may_be_relative(t):
        assert residue._RELATIVE_LINE.match(t) is None
    if t and t[0] not in "©(cC":
        assert residue._COPYRIGHT_START.match(t) is None
    assert residue.classify_residue("5 minutes ago") == "timestamp"
