"""Comparison by typed value: what must pass, what must be caught, and the kind of change named."""

from __future__ import annotations

import pytest

from tqa.text.numbers import Located, compare_pair, compare_values, diagnose, extract_en, extract_uk


def diffs(source: str, target: str):
    return compare_pair((source,), (target,))


@pytest.mark.parametrize(
    "source, target",
    [
        ("Зустріч о 17:00.", "The meeting is at 5 p.m."),
        ("Зустріч о 17:00.", "The meeting is at 17:00."),
        ("Зустріч о 17 годині.", "The meeting is at 5 pm."),
        ("Затримали 1700 осіб.", "1,700 people were detained."),
        ("Ставка 2,5%.", "The rate is 2.5%."),
        ("1 березня почалося.", "It began on March 1."),
        ("Купили 3 машини.", "They bought three cars."),
        ("Виділили 5 тис. гривень.", "They allocated UAH 5,000."),
        ("Виділили 5 тис. гривень.", "They allocated 5 thousand hryvnias."),
        ("Бюджет 1,5 млрд доларів.", "The budget is $1.5 billion."),
        ("Бюджет пів мільярда гривень.", "The budget is half a billion hryvnias."),
        ("02.03 відбудеться засідання.", "The meeting will be held on March 2."),
        ("Загинули двоє людей.", "Both people died."),
        ("У 2015–2017 роках.", "From 2015 to 2017."),
        ("з 1 по 15 грудня", "from December 1 to 15"),
        ("5-10 млн грн", "UAH 5-10 million"),
        ("Температура -12°C.", "The temperature is minus 12 degrees."),
        ("Зріст 165 см, вага 60 кг.", "Height 165 cm, weight 60 kg."),
        ("За минулу добу збили 5 дронів.", "Over the past 24 hours, 5 drones were shot down."),
        ("Прийду о 8.", "I'll come at 8."),
        ("О 7 вечора.", "At 7 pm."),
        ("пів на сьому", "at half past six"),
        ("Ми з 2014-го року тут.", "We have been here since 2014."),
        ("Для дітей (8, 10 ,12 років).", "For children (8, 10,12 years old)."),
        ("Новини - DW - 08.02.2023", "News - DW - 08.02.2023"),
        ("Ціни зросли у 2 рази.", "Prices doubled."),
        ("Подія о 00:05.", "The event at 12:05 a.m."),
        ("ВВП знизився на -2,5%.", "GDP fell by 2.5%."),
        ("У 90-х роках.", "In the 1990s."),
        ("на 9-й день", "on the ninth day"),
        ("Указ №123/2025 набув чинності.", "Decree No. 123/2025 came into force."),
        ("Втрати: близько 1 256 020 (+1 030) осіб.", "Losses: about 1,256,020 (+1,030) people."),
        ("Ввечері 10 лютого та в ніч проти 11 атакували.", "On the evening of February 10 and the night of February 11."),
    ],
)
def test_must_pass(source, target):
    assert diffs(source, target) == ()


@pytest.mark.parametrize(
    "source, target, family, reason",
    [
        ("Загинули 15 осіб.", "150 people died.", "number", "magnitude ×10"),
        ("Загинули 2 особи.", "12 people died.", "number", "digit added"),
        ("Бюджет 1,5 млрд доларів.", "The budget is $1.5 million.", "number", "billion → million"),
        ("Засідання 02.03.", "The meeting is on February 3.", "date", "day↔month swap"),
        ("Інфляція 10,9%.", "Inflation was 19.9%.", "number", "digit changed"),
        ("Ставка 25%.", "The rate is 52%.", "number", "digits transposed"),
        ("Ставка 2,5%.", "The rate is 25%.", "number", "decimal shift"),
        ("Витратили 2,626 млрд. крон.", "They spent 2,626 billion crowns.", "number", "read as a thousands"),
        ("Мороз -12°C.", "Frost of 12°C.", "number", "sign"),
        ("Зустріч о 17:00.", "The meeting is at 7 p.m.", "time", "12↔24-hour"),
        ("Зустріч о 17:00.", "The meeting is at 5 a.m.", "time", "a.m.↔p.m."),
        ("Колона 40 км.", "A convoy of 40 miles.", "unit", "km → miles"),
        ("Колона 100 км.", "A convoy of 62 miles.", "unit", "converted"),
        ("Штраф 5000 гривень.", "A fine of $5,000.", "unit", "currency changed"),
        ("У 2024 році.", "In 2025.", "date", "year changed"),
        ("Азову так тисяч 100.", "Azov is thousands of 100.", "number", "thousand → no scale"),
    ],
)
def test_must_be_caught(source, target, family, reason):
    found = [d for d in diffs(source, target) if d.kind == "changed"]
    assert len(found) == 1, [d.message for d in diffs(source, target)]
    d = found[0]
    assert d.family == family
    assert reason in d.reason, d.reason
    assert d.source is not None and d.target is not None


def test_message_names_both_values():
    (d,) = diffs("Загинули 15 осіб.", "150 people died.")
    assert d.message == "number 150 in the target has no counterpart; the source has 15 (digits added: magnitude ×10)"
    assert d.suggestion == "15"


def test_missing_and_added():
    (d,) = diffs("За добу обстріляли 15 населених пунктів.", "Settlements were shelled during the day.")
    assert (d.kind, d.source.value.amount, d.target) == ("missing", 15, None)
    (d,) = diffs("Відновили мости.", "They rebuilt 12 bridges.")
    assert (d.kind, d.target.value.amount, d.source) == ("added", 12, None)


def test_numbers_in_words_are_never_reported_alone():
    assert diffs("Прийшли двоє.", "They came.") == ()
    assert diffs("Вони прийшли.", "The three of them came.") == ()


def test_matching_runs_across_the_sentences_of_the_pair():
    source = ("Загинули 5 людей. Поранено 12.",)
    target = ("Five people died and 12 were injured in the attack on the city.", "The attack came at night.")
    assert compare_pair(source, target) == ()
    # a number moved to another sentence is neither missing nor added
    assert compare_pair(("Сталося 3 вибухи. Загинули 7 осіб.",), ("7 people died. There were 3 explosions.",)) == ()


def test_segment_index_locates_each_side():
    (d,) = compare_pair(("Перше речення.", "Загинули 15 осіб."), ("First sentence.", "150 people died."))
    assert d.source.segment == 1 and d.target.segment == 1
    assert d.target.value.text == "150"


def test_weekday_instead_of_a_recent_date_is_not_an_omission():
    assert diffs("Про це заявив у четвер, 9 лютого, речник.", "The spokesman said on Thursday.") == ()
    found = diffs("Про це заявив 9 лютого речник.", "The spokesman said on Thursday.")
    assert [d.kind for d in found] == ["missing"]


def test_conversion_gloss_is_not_an_addition():
    assert diffs("Рівень 13,8 метра.", "The level is 13.8 meters (45 feet).") == ()
    assert [d.kind for d in diffs("Рівень 13,8 метра.", "The level is 13.8 meters (90 feet).")] == ["added"]


def test_residue_numbers_are_counterparts_only(monkeypatch):
    import tqa.text.residue as residue

    def fake_spans(text):
        i = text.find("• ")
        return [(i, len(text), "view-counter")] if i >= 0 else []

    monkeypatch.setattr(residue, "residue_spans", fake_spans)
    compare_pair.cache_clear()
    try:
        assert diffs("Новина дня.", "News of the day. • 5350 views") == ()
        assert [d.kind for d in diffs("Новина дня.", "News of the day. 5350 views")] == ["added"]
    finally:
        compare_pair.cache_clear()


def test_diagnose_directly():
    s = extract_uk("1,5 млрд")[0]
    t = extract_en("1.5 million")[0]
    family, reason, rank = diagnose(s, t)
    assert family == "number" and "billion → million" in reason and rank == 0
    assert diagnose(extract_uk("15")[0], extract_en("March 3")[0]) is None


def test_compare_values_accepts_located_values():
    src = [Located(v) for v in extract_uk("Загинули 15 осіб, поранені 40.")]
    tgt = [Located(v) for v in extract_en("15 people died and 40 were injured.")]
    assert compare_values(src, tgt) == []


def test_deterministic():
    a = diffs("У 2024 році 15 осіб отримали 6 500 грн о 17:00.", "In 2024, 150 people received UAH 6,500 at 7 p.m.")
    compare_pair.cache_clear()
    b = diffs("У 2024 році 15 осіб отримали 6 500 грн о 17:00.", "In 2024, 150 people received UAH 6,500 at 7 p.m.")
    assert a == b and len(a) == 2


# -- hedged rounding ----------------------------------------------------------------------------------------------


def test_rounds_to_fewer_significant_digits_within_five_percent():
    from tqa.text.numbers.compare import rounds_to

    assert rounds_to(2.47e9, 2.5e9) and rounds_to(5912, 6000) and rounds_to(1130, 1100) and rounds_to(12.5, 13)
    assert not rounds_to(1130, 1000)  # 11.5 % off
    assert not rounds_to(2.5e9, 2.47e9)  # more digits than the source: not a rounding
    assert not rounds_to(27305, 27350) and not rounds_to(12, 10) and not rounds_to(5912, 5912)


def _kinds(src: str, tgt: str) -> list[tuple[str, str]]:
    return [(d.kind, d.family) for d in compare_pair((src,), (tgt,))]


@pytest.mark.parametrize(
    "src, tgt",
    [
        ("Україна отримала 2,47 млрд євро від ЄС.", "Ukraine received almost €2.5 billion from the EU."),
        ("Україна отримала майже 2,47 млрд євро від ЄС.", "Ukraine received €2.5 billion from the EU."),
        ("Знищено понад 5 912 дронів.", "Over 5,900 drones were destroyed."),
        ("Знищено 5 912 дронів.", "Nearly 6,000 drones were destroyed."),
    ],
)
def test_hedged_rounding_is_the_same_figure(src, tgt):
    assert _kinds(src, tgt) == []


@pytest.mark.parametrize(
    "src, tgt",
    [
        ("Україна отримала 2,47 млрд євро від ЄС.", "Ukraine received €2.5 billion from the EU."),  # no hedge
        ("Україна отримала 2,47 млрд євро від ЄС.", "Ukraine received almost €2.7 billion from the EU."),
        ("Знищено 1 130 окупантів.", "About 1,000 invaders were eliminated."),  # too far
    ],
)
def test_unhedged_or_distant_rounding_is_a_change(src, tgt):
    assert ("changed", "number") in _kinds(src, tgt)


# -- fix suggestions keep the target's style ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "src, tgt, fix",
    [
        ("Рівень води піднявся на 4 метри.", "The water level rose by 5 meters.", "4 meters"),
        ("Вночі до 12 градусів морозу.", "At night, down to 12°C.", "-12°C"),
        ("Тривога пролунала о 10:30.", "The alert sounded at 10:30 p.m.", "10:30 a.m."),
        ("Тривога пролунала о 18:00.", "The alert sounded at 7 PM.", "6 PM"),
        ("Тривога пролунала о 18:40.", "The alert sounded at 19:40.", "18:40"),
        ("Інфляція сповільнилася до 12,5%.", "Inflation slowed to 15.2 percent.", "12.5 percent"),
        ("Уряд виділив 1,2 млн грн.", "The government allocated UAH 1.3 million.", "UAH 1.2 million"),
        # the target's form cannot carry the source's value: the English default
        ("Уряд виділив 1,2 млрд грн.", "The government allocated UAH 1.2 million.", "UAH 1.2 billion"),
        ("Знищено 128,4 тис. дронів.", "A total of 128.4 million drones were destroyed.", "128,400"),
    ],
)
def test_suggestion_keeps_the_target_style(src, tgt, fix):
    (d,) = [d for d in compare_pair((src,), (tgt,)) if d.kind == "changed"]
    assert d.suggestion == fix
