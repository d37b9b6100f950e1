"""The numeric-drift rules (TQA301–TQA307) and the number-format rules (TQA720–TQA724), end to end through
`tqa.engine.check_texts`."""

from __future__ import annotations

import pytest

from tqa.config import Config
from tqa.engine import check_texts


def run(source: str, target: str, *, select=("TQA3", "TQA72"), date: str | None = None, aligned: bool = False):
    return check_texts(source, target, Config(select=select, date=date), aligned=aligned).findings


def codes(source: str, target: str, **kw) -> list[str]:
    return [f.code for f in run(source, target, **kw)]


# -- a story modelled on agency copy (written for these tests) --------------------------------------------------

SOURCE = """Київ • УНН

У неділю, 1 березня, уряд виділив 1,5 млрд гривень на відновлення 15 мостів.

Засідання комісії відбудеться 02.03 о 17:00, повідомили в міністерстві.

За добу температура впала до -12°C, а колона техніки розтягнулася на 40 км."""

GOOD = """Kyiv • UNN

On Sunday, March 1, the government allocated UAH 1.5 billion to rebuild 15 bridges.

The commission will meet on March 2 at 5 p.m., the ministry said.

Over the past 24 hours the temperature dropped to -12°C, and the convoy stretched for 40 km."""


def test_good_translation_is_clean():
    assert run(SOURCE, GOOD, date="2026-03-02") == ()


@pytest.mark.parametrize(
    "old, new, code",
    [
        ("UAH 1.5 billion", "UAH 1.5 million", "TQA303"),
        ("15 bridges", "150 bridges", "TQA303"),
        ("15 bridges", "bridges", "TQA301"),
        ("on March 2", "on February 3", "TQA304"),
        ("at 5 p.m.", "at 7 p.m.", "TQA305"),
        ("at 5 p.m.", "at 5 a.m.", "TQA305"),
        ("40 km", "40 miles", "TQA306"),
        ("-12°C", "12°C", "TQA303"),
        ("On Sunday", "On Saturday", "TQA307"),
        ("the ministry said.", "the ministry said, adding 12 ministers.", "TQA302"),
        ("UAH 1.5 billion", "1,5 billion hryvnias", "TQA720"),
        ("UAH 1.5 billion", "1.5 млрд грн", "TQA722"),
        ("on March 2", "on 02.03", "TQA723"),
        ("at 5 p.m.", "at 17: 00", "TQA724"),
    ],
)
def test_each_defect_is_reported_by_its_rule(old, new, code):
    assert old in GOOD
    found = run(SOURCE, GOOD.replace(old, new), date="2026-03-02")
    assert [f.code for f in found] == [code], [(f.code, f.message) for f in found]
    f = found[0]
    assert f.target is not None or f.source is not None
    if f.target is not None:
        # the span points at the number in the target file
        assert f.target.text and f.target.text in GOOD.replace(old, new).splitlines()[f.target.line - 1]


def test_changed_number_finding_locates_both_sides_and_offers_a_fix():
    (f,) = run(SOURCE, GOOD.replace("UAH 1.5 billion", "UAH 1.5 million"))
    assert f.code == "TQA303" and f.severity.value == "error"
    assert f.target.text == "UAH 1.5 million" and f.target.line == 3
    assert f.source.text == "1,5 млрд гривень" and f.source.line == 3
    assert "billion → million" in f.message
    assert f.fix is not None and f.fix.replacement == "UAH 1.5 billion"


def test_space_thousands_and_fix():
    (f,) = run("Постраждали 5 350 будинків.", "The attack damaged 5 350 houses.")
    assert (f.code, f.target.text, f.fix.replacement) == ("TQA721", "5 350", "5,350")


def test_cyrillic_currency_fix():
    (f,) = run("Штраф становить 5 350 грн.", "The fine is 5,350 грн.")
    assert f.code == "TQA722" and f.fix.replacement == "UAH 5,350"


def test_decimal_comma_list_is_not_reported():
    assert codes("Для доньок (8, 10 ,12 років).", "For her daughters (8, 10,12 years old).") == []
    assert codes("Температура 37,7.", "A temperature of 37,7.") == ["TQA720"]


def test_unit_conversion_is_a_warning_and_kept_number_an_error():
    (f,) = run("Колона 100 км.", "A convoy of 62 miles.")
    assert f.code == "TQA306" and f.severity.value == "warning"
    (f,) = run("Колона 100 км.", "A convoy of 100 miles.")
    assert f.code == "TQA306" and f.severity.value == "error"


def test_weekday_against_the_calendar():
    source = "У п'ятницю, 14 травня, суд ухвалив рішення."
    assert codes(source, "On Friday, May 14, the court ruled.", date="2021-05-20") == []
    found = run(source, "On Friday, May 14, the court ruled.", date="2026-05-20")
    assert [f.code for f in found] == ["TQA307"]
    assert "Thursday" in found[0].message and found[0].target.text == "Friday"
    # without a story date the source's own weekday vouches for the copy
    assert codes(source, "On Friday, May 14, the court ruled.") == []


def test_weekday_year_from_the_text():
    # the year comes from a full date in the story (here a teaser's stamp)
    source = "Нарада.\n\nУ понеділок, 2 березня, відбулася нарада."
    target = "A meeting. 02.03.26, 15:55\n\nOn Tuesday, March 2, a meeting was held."
    assert "TQA307" in codes(source, target, select=("TQA307",))
    assert "TQA307" not in codes(source, target.replace("Tuesday", "Monday"), select=("TQA307",))


def test_weekday_with_explicit_year():
    assert codes("Нарада 1 березня 2025 року.", "The meeting on Sunday, March 1, 2025.", select=("TQA307",)) == [
        "TQA307"
    ]
    assert codes("Нарада 1 березня 2026 року.", "The meeting on Sunday, March 1, 2026.", select=("TQA307",)) == []


def test_aligned_mode_matches_within_each_record():
    source = "Загинули 15 осіб.\nПоранено 40 осіб."
    target = "15 people died.\n40 people were injured."
    assert codes(source, target, aligned=True) == []
    assert codes(source, "15 people died.\n14 people were injured.", aligned=True) == ["TQA303"]


def test_findings_are_deterministic_and_fingerprints_distinct():
    target = GOOD.replace("15 bridges", "150 bridges").replace("at 5 p.m.", "at 5 a.m.")
    a = run(SOURCE, target)
    b = run(SOURCE, target)
    assert a == b and len(a) == 2
    assert len({f.fingerprint for f in a}) == 2


def test_rules_skip_pairs_without_a_counterpart():
    # a paragraph added as a whole is the addition rule's business, not a list of added numbers
    result = check_texts("Загинули 15 осіб.", "15 people died.\n\nThe mayor said 25 houses burned.",
                         Config(select=("TQA3",)))
    assert [p.kind for p in result.aligned.pairs] == ["1-1", "0-1"]
    assert result.findings == ()
    # the same number inside the paired paragraph is reported
    assert codes("Загинули 15 осіб.", "15 people died. The mayor said 25 houses burned.") == ["TQA302"]


# -- TQA725 dot-thousands, frost, hedged rounding (end to end) -------------------------------------------------------


def test_dot_thousands_reported_with_the_comma_fix():
    (f,) = run("Сили оборони знищили 5 912 дронів.", "The Defense Forces destroyed 5.912 drones.")
    assert f.code == "TQA725" and f.target.text == "5.912" and f.fix.replacement == "5,912"
    (g,) = run("Бюджет становить 1 250 000 грн.", "The budget is UAH 1.250.000.")
    assert g.code == "TQA725" and g.fix.replacement == "1,250,000"


@pytest.mark.parametrize(
    "source, target",
    [
        ("Вантаж важить 5,912 тонни.", "The cargo weighs 5.912 tons."),  # a true decimal
        ("Бюджет становить 5,912 млн грн.", "The budget is UAH 5.912 million."),
        ("Сили оборони знищили 5 912 дронів.", "The Defense Forces destroyed 5,912 drones."),
    ],
)
def test_dot_decimal_and_comma_thousands_are_clean(source, target):
    assert "TQA725" not in codes(source, target)


@pytest.mark.parametrize(
    "target",
    [
        "Temperatures are expected to drop to -12°C at night.",
        "Temperatures are expected to drop to minus 12 degrees at night.",
        "Temperatures are expected to drop to 12 degrees below zero at night.",
    ],
)
def test_frost_in_words_matches_a_negative_temperature(target):
    assert run("Вночі очікується до 12 градусів морозу.", target) == ()


def test_frost_translated_as_plus_is_a_sign_change_with_the_target_style():
    (f,) = run("Вночі очікується до 12 градусів морозу.", "Temperatures are expected to drop to 12°C at night.")
    assert f.code == "TQA303" and "sign" in f.message and f.fix.replacement == "-12°C"


def test_hedged_rounding_is_clean_but_unhedged_is_not():
    src = "Україна отримала 2,47 млрд євро від ЄС."
    assert run(src, "Ukraine received almost €2.5 billion from the EU.") == ()
    assert codes(src, "Ukraine received €2.5 billion from the EU.") == ["TQA303"]


def test_time_fix_keeps_twelve_hour_style():
    (f,) = run("Засідання почнеться о 10:30.", "The meeting will start at 10:30 p.m.")
    assert f.code == "TQA305" and f.fix.replacement == "10:30 a.m."


def test_cyrillic_unit_at_sentence_end_keeps_the_period():
    (f,) = run("Збитки оцінюють у 5 млн грн.", "Damage is estimated at 5 млн грн.")
    assert f.code == "TQA722" and f.target.text == "5 млн грн" and f.fix.replacement == "UAH 5 million"


# -- gates: exact pre-checks (tqa.engine skips the family's checks on pairs they reject) -------------------------


def _pairs(source: str, target: str):
    from tqa.align import align_story
    from tqa.model import Story
    from tqa.text.segment import build_document

    story = Story(build_document("s.uk.txt", source, "uk", "source"), build_document("t.en.txt", target, "en", "target"))
    return align_story(story).pairs


def test_numbers_gate_lets_through_exactly_the_pairs_with_differences():
    from tqa.checks.numbers import numbers_gate, pair_diffs

    plain = _pairs("Президент провів нараду.", "The president held a meeting.")
    assert [numbers_gate(p) for p in plain] == [False] and pair_diffs(plain[0]) == ()
    # a digit in the target only: the pair goes through, and the number is reported as added
    added = _pairs("Президент провів нараду.", "The president held 12 meetings.")
    assert numbers_gate(added[0]) and [d.kind for d in pair_diffs(added[0])] == ["added"]
    # a source number with its counterpart in words: compared, nothing differs, so the rules need not run
    words = _pairs("Загинули 3 людини.", "Three people were killed.")
    assert pair_diffs(words[0]) == () and not numbers_gate(words[0])
    changed = _pairs("Загинули 3 людини.", "Four people were killed.")
    assert numbers_gate(changed[0]) and [d.kind for d in pair_diffs(changed[0])] == ["missing"]
    # number words only in the target never make an added number
    assert not numbers_gate(_pairs("Президент провів нараду.", "The president held three meetings.")[0])
    same = _pairs("Ціна зросла на 5%.", "The price rose by 5%.")
    assert pair_diffs(same[0]) == () and not numbers_gate(same[0])


def test_format_gate_lets_a_cyrillic_unit_after_a_number_in_words_through():
    from tqa.checks.numbers_format import format_gate

    [pair] = _pairs("Штраф становить п'ять тисяч гривень.", "The fine is five thousand грн.")
    assert format_gate(pair)
    codes = [f.code for f in check_texts("Штраф становить п'ять тисяч гривень.", "The fine is five thousand грн.",
                                          Config(select=("TQA722",))).findings]
    assert codes == ["TQA722"]
    assert not format_gate(_pairs("Штраф великий.", "The fine is large.")[0])


def test_format_gate_needs_a_value_some_format_rule_reports():
    from tqa.checks.numbers_format import format_gate

    # digits, but every value is written the English way: no rule of the module can report anything
    assert not format_gate(_pairs("Ціна зросла на 5% до 1 200 гривень.", "The price rose 5% to UAH 1,200.")[0])
    assert not format_gate(_pairs("Зустріч 2 березня о 17:00.", "The meeting is on March 2 at 17:00.")[0])
    for target in ("The temperature rose to 37,7 degrees.", "It cost 5 350 hryvnias.", "It is 40 км away.",
                   "The meeting is on 02.03.2026.", "It starts at 17: 00.", "It cost 5.350 hryvnias."):
        assert format_gate(_pairs("Щось сталося.", target)[0]), target


@pytest.mark.parametrize(
    "text",
    [
        "The 2023-01-02 report came at 12:30, then 5: 30 and 7 o'CLOCK.",
        "It cost 5, 000 hryvnias, No 5 and Nr 7 and №3 on 9/11, open 24/7.",
        "On may 5th and MARCH 3 and 3 March, dec 31, 2022, 1st of May.",
    ],
)
def test_extractor_guards_keep_the_rare_forms(text):
    # the substring guards in front of the rare patterns must never hide a match: each form is still read
    from tqa.text.numbers import extract_en

    values = extract_en(text)
    assert values, text
    kinds = {v.kind for v in values}
    if "12:30" in text:
        assert {"date", "time"} <= kinds and any(v.fmt == "spaced-time" for v in values)
        assert any(v.hour in (7, 19) and v.kind == "time" for v in values)
    if "5, 000" in text:
        assert any(v.fmt == "split-number" and v.amount == 5000 for v in values)
        assert any(v.kind == "date" and (v.day, v.month) == (11, 9) for v in values)
    if "may 5th" in text:
        assert {(v.day, v.month) for v in values if v.kind == "date"} >= {(5, 5), (3, 3), (31, 12), (1, 5)}


@pytest.mark.parametrize("text", ["Call 044 123 4567 today.", "Lines: 044-123-45-67.", "Dial +380 44 123 4567."])
def test_extractor_guards_keep_telephone_numbers_out(text):
    # the telephone pattern runs only where a "+", a "-" or a keyword occurs; telephones are never amounts
    from tqa.text.numbers import extract_en

    assert extract_en(text) == ()
    assert extract_en(text.replace("Call", "Hello").replace("+", "").replace("-", " ")) != ()
