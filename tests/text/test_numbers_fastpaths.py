"""Guards of the comparison's fast paths: they may only skip work whose result is known to be no difference."""

from __future__ import annotations

import dataclasses
import random

import pytest

from tqa.text.numbers import Value, compare_values, extract_en, extract_uk
from tqa.text.numbers import compare as C
from tqa.text.numbers._scan import Tok, to_value

UK = [
    "Загинули 3 людини.", "Виділили 5 тис. гривень.", "1 березня 2022 року.", "Зустріч о 17:00.", "Ставка 2,5%.",
    "Затримали 1700 осіб.", "Загинули двоє людей.", "Вперше за 10 років.", "Температура -12°C.", "у 2021 році",
    "Відстань 40 км.", "У четвер, 9 лютого, відбулася зустріч.", "Купили 3 машини.", "Один з них помер.",
    "Бюджет 1,5 млрд доларів.", "02.03 відбудеться засідання.", "", "Без чисел.",
]
EN = [
    "3 people died.", "Three people died.", "They allocated UAH 5,000.", "On March 1, 2022.", "On March 1, 2023.",
    "The meeting is at 5 p.m.", "The meeting is at 17:00.", "The rate is 2.5%.", "1,700 people were detained.",
    "Both people died.", "For the first time in 10 years.", "The temperature is 12°C.", "in 2021", "in 2022",
    "The distance is 40 miles.", "On Thursday the meeting was held.", "One of them died.", "$1.5 billion",
    "The budget is $1.5 million.", "", "No numbers here.", "3 people and 3 cars.",
]


def _all_texts(rng: random.Random, pool: list[str]) -> tuple[str, ...]:
    return tuple(rng.sample(pool, rng.randint(1, 3)))


def _full(source_texts, target_texts) -> list:
    """`compare_pair` without its fast paths (what it computed before them)."""
    s_vals = [extract_uk(t) for t in source_texts]
    t_vals = [extract_en(t) for t in target_texts]
    src = C._located(source_texts, s_vals)
    tgt = C._located(target_texts, t_vals)
    if not src and not tgt:
        return []
    lengths = ([len(t) for t in source_texts], [len(t) for t in target_texts])
    return compare_values(src, tgt, n_source=len(source_texts), n_target=len(target_texts), lengths=lengths)


PAIRS = [
    ("Загинули 3 людини.", "3 people died."), ("Загинули 3 людини.", "Three people died."),
    ("Виділили 5 тис. гривень.", "They allocated UAH 5,000."), ("1 березня 2022 року.", "On March 1, 2022."),
    ("Зустріч о 17:00.", "The meeting is at 17:00."), ("Ставка 2,5%.", "The rate is 2.5%."),
    ("Затримали 1700 осіб.", "1,700 people were detained."), ("Загинули двоє людей.", "Both people died."),
    ("Вперше за 10 років.", "For the first time in 10 years."), ("у 2021 році", "in 2021"),
    ("Один з них помер.", "One of them died."), ("Без чисел.", "No numbers here."),
    ("Бюджет 1,5 млрд доларів.", "$1.5 billion"), ("Відстань 40 км.", "The distance is 40 km."),
]


def test_fast_paths_claim_no_difference_only_where_the_full_comparison_finds_none():
    rng = random.Random(3)
    claimed = unclaimed = 0
    for _ in range(1500):
        chosen = rng.sample(PAIRS, rng.randint(1, 3))
        s = tuple(a for a, _ in chosen)
        t = tuple(rng.choice(EN) if rng.random() < 0.3 else b for _, b in chosen)
        if rng.random() < 0.2:
            s = (rng.choice(UK),) + s[1:]
        s_vals = [extract_uk(x) for x in s]
        t_vals = [extract_en(x) for x in t]
        fast = (C._all_matched_without_conflict(s_vals, t_vals) or C._only_unreportable(s_vals, t_vals)
                or C._only_unreportable(t_vals, s_vals))
        full = _full(s, t)
        if fast:
            claimed += 1
            assert full == [], (s, t)
        else:
            unclaimed += 1
        C.compare_pair.cache_clear()
        assert list(C.compare_pair(s, t)) == full, (s, t)
    assert claimed > 100 and unclaimed > 100  # both branches are exercised


@pytest.mark.parametrize(
    "source, target, fast",
    [
        ("Загинули 3 людини.", "3 people died.", True),
        ("Затримали 1700 осіб.", "1,700 people were detained.", True),
        ("1 березня 2022 року.", "On March 1, 2023.", False),  # same day key, the year conflicts
        ("Загинули 3 людини.", "3 people and 3 cars.", False),  # multisets differ
        ("Зустріч о 17:00.", "The meeting is at 5 p.m.", True),
        ("Прийду о 18:00.", "I'll come at 6.", False),  # "at 6": a number (6 or 18 o'clock only among its loose readings)
        ("Відстань 40 км.", "The distance is 40 miles.", False),  # the strict keys hold the unit
    ],
)
def test_same_strict_keys(source, target, fast):
    s_vals, t_vals = [extract_uk(source)], [extract_en(target)]
    assert C._all_matched_without_conflict(s_vals, t_vals) is fast
    if not fast:
        assert C._only_unreportable(s_vals, t_vals) is False


def test_year_conflict_is_still_reported():
    assert any(d.reason.startswith("year changed") for d in C.compare_pair(("1 березня 2022 року.",), ("On March 1, 2023.",)))


def test_one_empty_side():
    assert C._only_unreportable([extract_uk("Один з них помер.")], [extract_en("No numbers here.")]) is True
    assert C._only_unreportable([extract_uk("Загинули 3 людини.")], [extract_en("No numbers here.")]) is False
    assert C._only_unreportable([extract_uk("Загинули 3 людини.")], [extract_en("3 people died.")]) is False
    assert [d.kind for d in C.compare_pair(("Загинули 3 людини.",), ("No numbers here.",))] == ["missing"]
    assert C.compare_pair(("Один з них помер.",), ("No numbers here.",)) == ()


def test_value_is_built_positionally_in_field_order():
    assert [f.name for f in dataclasses.fields(Value)] == [
        "kind", "start", "end", "text", "amount", "unit", "day", "month", "year", "hour", "minute", "hours",
        "meridiem", "digits", "scale", "words", "approx", "fmt", "foreign", "weekday", "parts", "keys", "loose",
    ]
    tok = Tok(4, 9, 9, kind="money", amount=5e3, unit="UAH", digits="5", scale=1000, words=True, approx=True,
              fmt="split-number", foreign=(1, 2), weekday=3, hours=(5,), hour=5, minute=7, meridiem="pm", day=1,
              month=2, year=2020)
    v = to_value("abc UAH 5k x", tok)
    for f in ("kind", "start", "end", "amount", "unit", "day", "month", "year", "hour", "minute", "hours",
              "meridiem", "digits", "scale", "words", "approx", "fmt", "foreign", "weekday"):
        assert getattr(v, f) == getattr(tok, f), f
    assert v.text == "UAH 5" and v.keys and v.loose


def test_word_scan_first_decides_as_the_pre_check_did():
    """`_extract` runs the number-word scan first and asks the pre-check only when no match proves it: the decision
    to read number words must be the old one (pre-check, then a match to read)."""
    from tqa.text.numbers import words_en

    words = sorted(words_en._ALL) + ["a", "and", "Zero", "ZERO", "zero-one", "twenty-five", "fifth-largest"]
    rng = random.Random(11)
    texts = [f"{w} 5" for w in words] + [f"5 {w}." for w in words] + ["zero casualties and 5 dead", "Zero, 5 months"]
    for _ in range(3000):
        texts.append(" ".join(rng.choice(words + ["the", "with", "month", "5", "x", "ty", "-", "ſ", "K"])
                              for _ in range(rng.randint(1, 6))))
    for t in texts:
        low = words_en.lowered(t)
        matches = list(words_en.iter_number_words(t, low))
        new = bool(matches) and (any(words_en.PRECHECK_RE.search(t, m.start(), m.end()) for m in matches)
                                 or words_en.has_number_word(t, low))
        old = words_en.has_number_word(t, low) and bool(matches)
        assert new == old, t
    # "zero" alone passes no pre-check: it is not read, as before
    assert not any(v.words for v in extract_en("zero casualties and 5 dead"))


_NUM_CHARS = "0123456789٣.,  \u2009\u202f-aZжї$%°/:\n"


def test_digit_first_num_re_finds_what_the_plain_pattern_finds():
    """NUM_RE (first digit moved before the look-behinds, for `re`'s digit scan) = NUM_PATTERN_PLAIN, match by match."""
    import re

    from tqa.text.numbers._scan import NUM_PATTERN_PLAIN, NUM_RE

    plain = re.compile(NUM_PATTERN_PLAIN)
    rng = random.Random(11)
    texts = ["1,5 млрд", "5 350,5 грн", "1.250.000", "a1 2 3", "3.5.2", "12 345 678,9x", "7,5.6", "0.5%", "x5,000"]
    texts += ["".join(rng.choice(_NUM_CHARS) for _ in range(rng.randint(1, 14))) for _ in range(20000)]
    for text in texts:
        for pos in (0, 1, 3):
            got = [(m.span(), m.group(0)) for m in NUM_RE.finditer(text, pos)]
            assert got == [(m.span(), m.group(0)) for m in plain.finditer(text, pos)], (text, pos)


def test_stem_searches_are_substring_tests():
    from tqa.text.numbers import en

    rng = random.Random(5)
    pool = ["Mon", "Tue", "Jan", "Dec", "Ma", "mon", "jan", "Sept", "un", "x", " ", "Su", "May", "Fr", "Oc", "t"]
    for _ in range(5000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 5)))
        assert en._may_have_weekday(text) == any(w in text for w in en._WEEKDAY_STEMS), text
        assert en._may_have_month(text) == any(w in text for w in en._MONTH_STEMS), text
        # a capitalised month stem holds a lower-case one in the lower-cased text (the date scan's shortcut)
        assert not en._may_have_month(text) or any(w in text.lower() for w in en._MONTH_STEMS_LOW)


def test_digit_first_date_patterns_match_the_plain_ones():
    import re

    from tqa.text.numbers import en

    rng = random.Random(3)
    pool = ["1", "12", "2022", "03", " ", "\u00a0", "st", "th", "of ", "March", "Mar", "May", ".", ",", "$", "x",
            "-", "—", "2020-01-02", "a", "Sept"]
    texts = ["".join(rng.choice(pool) for _ in range(rng.randint(1, 8))) for _ in range(20000)]
    for plain, fast in ((en._DATE_DM_PLAIN, en._DATE_DM_RE), (en._ISO_PLAIN, en._ISO_RE)):
        plain = re.compile(plain)
        for text in texts:
            assert [m.groups() + (m.span(),) for m in fast.finditer(text)] == [
                m.groups() + (m.span(),) for m in plain.finditer(text)], text


def test_phone_spans_are_the_telephone_pattern_spans():
    from tqa.text.fold import lowered
    from tqa.text.numbers import _scan

    rng = random.Random(9)
    pool = ["tel", "Tel.", "TEL:", "телефон", "Тел.", "phone", "PHONE", "call", "Call", "+", "+3", "044", "12", "-",
            "-45", " ", "(", ")", "1234567", "x", "K", "ſ", "İ", ":", "\u00a0", "hotel"]
    for _ in range(20000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 9)))
        want = [m.span() for m in _scan.PHONE_RE.finditer(text)]
        assert _scan.phone_spans(text, lowered(text)) == want, text
        assert _scan.phone_spans(text, None) == want, text


def test_joint_pre_check_matches_wherever_either_pre_check_does():
    from tqa.text.numbers import en

    rng = random.Random(4)
    pool = ["1", "12", ".", "/", ":", "30", " ", "\u00a0", "a", "P", "m", "M", ".", "x", "2022", "05"]
    for _ in range(30000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 9)))
        if en._DATE3_PRE_RE.search(text) or en._TIME_AMPM_PRE_RE.search(text):
            assert en._DATE3_OR_AMPM_PRE_RE.search(text), text


def test_month_scans_need_a_lower_case_stem_from_their_start():
    """No lower-case month stem at or after md_from (the month-day scan's start): neither date scan finds anything."""
    from tqa.text.numbers import en

    rng = random.Random(8)
    pool = ["March", "mar", "May", "Dec.", "Sept", " ", "1", "12", "st", "of ", "2022", ",", "x", "the "]
    for _ in range(20000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 8)))
        d = en.DIGIT_RE.search(text)
        if d is None:
            continue
        low = text.lower()
        md_from = max(0, d.start() - en._MD_REACH)
        if en._MONTH_STEM_LOW_RE.search(low, md_from) is None:
            assert not list(en._DATE_MD_FOLDED.folded.finditer(low, md_from)), text
            assert not list(en._DATE_DM_RE.finditer(text, d.start())), text


def test_left_context_pre_checks_hold_wherever_the_searches_match():
    from tqa.text.numbers import en

    rng = random.Random(6)
    pool = ["about", "ABOUT", "Around", "nearly", "over", "more than", "less THAN", "up to", "at least", "some",
            "approximately", "roughly", "minus", "MINUS", "ſome", "minuſ", "x", "(", " ", "\u00a0", "\n", "the", "in",
            "and", "Ist", "us", "e"]
    for _ in range(30000):
        left = "".join(rng.choice(pool) for _ in range(rng.randint(1, 5)))[-16:]
        if en._APPROX_RE.search(left):
            assert en._ends_before_space(left, en._APPROX_ENDS), left
        if en._MINUS_LEFT_RE.search(left):
            assert en._ends_before_space(left, en._MINUS_ENDS), left


def test_masked_blanks_exactly_the_spans():
    from tqa.text.numbers._scan import masked

    rng = random.Random(2)
    for _ in range(5000):
        text = "".join(rng.choice("ab1 ї,") for _ in range(rng.randint(0, 12)))
        spans = [(rng.randint(-3, 14), rng.randint(-3, 14)) for _ in range(rng.randint(0, 4))]
        chars = list(text)
        for s, e in spans:
            for i in range(max(0, s), min(e, len(chars))):
                chars[i] = "\x00"
        assert masked(text, spans) == "".join(chars), (text, spans)


def test_scale_and_percent_first_characters():
    import re
    import sys

    from tqa.text.numbers import en

    def alternatives(pattern: str) -> list[str]:
        body = pattern[pattern.index("?(") + 2 :]  # after the optional space: "(alt|alt|...)..."
        depth, alts, cur = 0, [], ""
        for ch in body:
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    break
                depth -= 1
            if ch == "|" and depth == 0:
                alts.append(cur)
                cur = ""
            else:
                cur += ch
        return alts + [cur]

    scale = alternatives(en._SCALE_RE.pattern)
    assert "thousands?" in scale and "трлн\\.?" in scale
    assert {a[0] for a in scale} <= en._SCALE_FIRST and not en._SCALE_RE.flags & re.IGNORECASE
    pct = alternatives(en._PCT_RE.pattern)
    assert "%" in pct and "pp\\b" in pct
    assert {a[0] for a in pct} <= {"%", "p"}
    # every character IGNORECASE matches to "p" or "%"
    folds = {chr(i) for i in range(sys.maxunicode + 1) if re.fullmatch("[p%]", chr(i), re.IGNORECASE)}
    assert folds <= en._PCT_FIRST
    for text, pos in (("5 thousand", 1), ("5 percent", 1), ("5 Percent", 1), ("5 mln", 1), ("5 тис.", 1)):
        assert (en._SCALE_RE.match(text, pos) or en._PCT_RE.match(text, pos)) is not None


def _first_chars(items) -> tuple[set, bool]:
    """(the characters a match of these parsed items can start with, whether it can be empty); None: unknown."""
    from re import _constants as K

    out: set = set()
    for op, av in items:
        if op is K.LITERAL:
            f, empty = {chr(av)}, False
        elif op is K.IN:
            f, empty = set(), False
            for o, a in av:
                if o is K.LITERAL:
                    f.add(chr(a))
                elif o is K.RANGE:
                    f |= {chr(c) for c in range(a[0], a[1] + 1)}
                else:
                    f.add(None)
        elif op is K.BRANCH:
            f, empty = set(), False
            for alt in av[1]:
                g, e = _first_chars(alt.data)
                f |= g
                empty = empty or e
        elif op is K.SUBPATTERN:
            f, empty = _first_chars(av[-1].data)
        elif op in (K.MAX_REPEAT, K.MIN_REPEAT):
            f, empty = _first_chars(av[2].data)
            empty = empty or av[0] == 0
        elif op in (K.AT, K.ASSERT, K.ASSERT_NOT):
            f, empty = set(), True
        else:
            f, empty = {None}, False
        out |= f
        if not empty:
            return out, False
    return out, True


def test_currency_and_unit_first_characters():
    """What may follow the optional space in _CUR_RE / _UNIT_RE, derived from the parsed patterns and widened to every
    character IGNORECASE folds to one of them, is inside the sets `_classify_right` tests."""
    import re
    import sys
    from re import _constants as K
    from re import _parser

    from tqa.text.numbers import en

    for rx, allowed in ((en._CUR_RE, en._CUR_FIRST), (en._UNIT_RE, en._UNIT_FIRST)):
        data = _parser.parse(rx.pattern, rx.flags).data
        assert data[0][0] is K.MAX_REPEAT and data[0][1][0] == 0  # the optional space
        first, empty = _first_chars(data[1:])
        assert None not in first and not empty and first
        cls = re.compile("[" + "".join(re.escape(c) for c in first) + "]", re.IGNORECASE)
        folded = {chr(i) for i in range(sys.maxunicode + 1) if cls.fullmatch(chr(i))}
        assert folded <= allowed, sorted(folded - allowed)
    assert en._CUR_RE.match("5 hryvnias", 1) and en._UNIT_RE.match("5 km", 1) and en._UNIT_RE.match("5 ℃", 1)
