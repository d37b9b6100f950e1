"""3xx: numeric drift — numbers compared by typed value between the Ukrainian source and the English copy.

The extraction and the comparison live in `tqa.text.numbers`; the rules here only locate what
`tqa.text.numbers.compare_pair` reports. All of them share one cached comparison per aligned pair, so running the
whole family costs one extraction per paragraph.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterator

from tqa.checks.base import Context, Rule, register
from tqa.model import AlignedPair, AlignedStory, Finding, Fix, Segment, Severity, Span
from tqa.text.numbers import Diff, Located, Value, compare_pair, extract_uk, values_in
from tqa.text.numbers._scan import has_digit
from tqa.text.numbers.en import _may_have_weekday
from tqa.text.numbers.values import MONTHS_EN

__all__ = [
    "DateChanged",
    "NumberAdded",
    "NumberChanged",
    "NumberMissing",
    "TimeChanged",
    "UnitChanged",
    "WeekdayMismatch",
    "locate",
    "numbers_gate",
    "pair_diffs",
    "target_values",
]

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def pair_diffs(pair: AlignedPair, ctx: Context | None = None) -> tuple[Diff, ...]:
    """The numeric differences of one aligned pair (cached by the pair's texts; with `ctx`, computed once per pair
    for the whole family)."""
    if not pair.source or not pair.target:
        return ()
    if ctx is not None:
        key = ("numbers.diffs", pair.index)
        diffs = ctx.cache.get(key)
        if diffs is None:
            diffs = ctx.cache[key] = pair_diffs(pair)
        return diffs
    return compare_pair(tuple(s.text for s in pair.source), tuple(t.text for t in pair.target))


# `has_digit` is the extractors' own digit test (Unicode ``\d``): every English value not "in words" comes from a digit


def numbers_gate(pair: AlignedPair) -> bool:
    """False exactly when `pair_diffs(pair)` is empty (the gate of TQA301–306).

    Exact: with no source value, nothing can be missing or changed (both need a source value), and an *added*
    difference needs a reportable target value, which is never a number in words (`compare._reportable`); every
    English value not in words is read from a digit (`extract_en`). So: no source value and no digit in the
    target ⇒ no difference. (The source's extraction is cached by text and needed by the comparison anyway.)
    """
    paragraphs = pair.paragraphs  # (the fields behind pair.source / pair.target, without the properties)
    source, target = paragraphs.source, paragraphs.target
    if not source or not target:
        return False  # pair_diffs returns () for these
    if len(source) == 1 and len(target) == 1:
        # one segment a side (the common case): the same tests as below, without the loops and tuple building
        s_text, t_text = source[0].text, target[0].text
        if not has_digit(t_text) and not extract_uk(s_text):
            return False
        return bool(compare_pair((s_text,), (t_text,)))
    for seg in target:
        if has_digit(seg.text):
            break
    else:
        for seg in source:
            if extract_uk(seg.text):
                break
        else:
            return False
    # Then the comparison itself decides (= `pair_diffs(pair)`: cached by the pair's texts, so the family's checks
    # reuse it; most pairs with numbers have no difference, and none of the six rules then runs on them).
    return bool(compare_pair(tuple(s.text for s in source), tuple(t.text for t in target)))


def target_values(pair: AlignedPair, ctx: Context) -> tuple[tuple[int, Value], ...]:
    """(target segment index, value) of every number in the pair's target outside residue, once per pair."""
    key = ("numbers.target_values", pair.index)
    values = ctx.cache.get(key)
    if values is None:
        values = ctx.cache[key] = tuple((i, v) for i, seg in enumerate(pair.target) for v in values_in(seg.text, "en"))
    return values


def _sentence_of(seg: Segment, start: int) -> str:
    base = seg.span.start
    for s in seg.sentences:
        if s.span.start - base <= start < s.span.end - base:
            return s.text
    return seg.text


def locate(segments: tuple[Segment, ...], loc: Located | None) -> tuple[Span | None, str]:
    """The span of a located value in the pair's segments and the sentence around it (for the fingerprint)."""
    if loc is None or loc.segment >= len(segments):
        return None, ""
    seg = segments[loc.segment]
    v = loc.value
    return seg.sub_span(v.start, v.end), _sentence_of(seg, v.start)


def _in_omitted_sentence(pair: AlignedPair, ctx: Context, loc: Located) -> bool:
    from tqa.checks.omission import in_omitted_sentence

    return in_omitted_sentence(pair, ctx, loc.segment, loc.value.start)


class _DiffRule(Rule):
    """Shared plumbing: pick this rule's differences out of the pair's comparison and turn them into findings."""

    category = "numeric-drift"
    gate = staticmethod(numbers_gate)

    def wants(self, d: Diff) -> bool:  # pragma: no cover - overridden
        return False

    def severity_of(self, d: Diff) -> Severity | None:
        return None

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        for d in pair_diffs(pair, ctx):
            if not self.wants(d):
                continue
            if d.kind == "missing" and d.source is not None and _in_omitted_sentence(pair, ctx, d.source):
                continue  # the whole sentence is missing: TQA502 reports it, with its figures
            tspan, tctx = locate(pair.target, d.target)
            sspan, sctx = locate(pair.source, d.source)
            fix = None
            if d.kind == "changed" and d.suggestion and tspan is not None:
                fix = Fix(f"write the source's value: {d.suggestion}", d.suggestion)
            yield self.finding(
                d.message,
                target=tspan,
                source=sspan,
                fix=fix,
                severity=self.severity_of(d),
                context=f"{tctx}\x1f{sctx}",
            )


@register
class NumberMissing(_DiffRule):
    """## What it does
    Finds a number of the source (written in digits) that has no counterpart of the same value anywhere in the
    aligned target paragraph — compared by value, so ``1700`` ↔ ``1,700``, ``17:00`` ↔ ``5 p.m.``, ``5 тис.`` ↔
    ``5,000`` and ``3`` ↔ ``three`` all count as present.

    ## Why is this bad?
    A figure dropped in translation is information the English reader never gets: a death toll, a sum, a date.
    Numbers the source writes in words (``двоє`` → "both") and web-page residue are not reported.

    ## Example
    Source: За добу окупанти обстріляли 15 населених пунктів, загинули 3 людини.
    Bad: Over the day the occupiers shelled settlements, killing three people.
    Good: Over the day the occupiers shelled 15 settlements, killing three people.
    """

    code = "TQA301"
    name = "number-missing"
    severity = Severity.WARNING

    def wants(self, d: Diff) -> bool:
        return d.kind == "missing"


@register
class NumberAdded(_DiffRule):
    """## What it does
    Finds a number in the English copy (written in digits) that matches no number of the aligned source paragraph.

    ## Why is this bad?
    An added figure is either a hallucination of machine translation, a duplicated phrase, or a number typed wrong
    that the other checks could not pair with its source value. Conversions added for English readers
    ("13.8 meters (45 feet)") are not reported.

    ## Example
    Source: Уряд виділив 200 мільйонів гривень на відновлення мостів.
    Bad: The government allocated UAH 200 million to rebuild 12 bridges.
    Good: The government allocated UAH 200 million to rebuild bridges.
    """

    code = "TQA302"
    name = "number-added"
    severity = Severity.WARNING

    def wants(self, d: Diff) -> bool:
        return d.kind == "added"


@register
class NumberChanged(_DiffRule):
    """## What it does
    Finds a quantity, a sum of money or a percentage whose value changed in translation, and names the kind of
    change: digits transposed, a digit added or dropped, magnitude (``1,5 млрд`` → "1.5 million"), decimal shift
    (a decimal comma read as a thousands separator), sign.

    ## Why is this bad?
    The English copy states a different figure than the source — the most damaging error a news translation can
    make, and one that a reader cannot detect.

    ## Example
    Source: Бюджет програми становить 1,5 млрд гривень.
    Bad: The program's budget is UAH 1.5 million.
    Good: The program's budget is UAH 1.5 billion.
    """

    code = "TQA303"
    name = "number-changed"
    severity = Severity.ERROR

    def wants(self, d: Diff) -> bool:
        return d.kind == "changed" and d.family == "number"


@register
class DateChanged(_DiffRule):
    """## What it does
    Finds a date or a year that changed in translation: day and month swapped (``02.03`` is 2 March, not
    "February 3"), a different day, month or year.

    ## Why is this bad?
    Ukrainian writes day.month; a translator or a machine that reads ``02.03`` the American way moves the event by
    a month.

    ## Example
    Source: Засідання відбудеться 02.03 у Києві.
    Bad: The meeting will take place on February 3 in Kyiv.
    Good: The meeting will take place on March 2 in Kyiv.
    """

    code = "TQA304"
    name = "date-changed"
    severity = Severity.ERROR

    def wants(self, d: Diff) -> bool:
        return d.kind == "changed" and d.family == "date"


@register
class TimeChanged(_DiffRule):
    """## What it does
    Finds a time of day that changed in translation, naming 12↔24-hour confusions (``17:00`` → "7 p.m.") and
    a.m.↔p.m. swaps (``17:00`` → "5 a.m.").

    ## Why is this bad?
    Ukrainian copy uses the 24-hour clock; English copy usually converts to a.m./p.m., and the conversion is where
    hours go wrong — an air-raid alert, a curfew or a deadline at the wrong time.

    ## Example
    Source: Комендантська година триватиме з 23:00 до 05:00.
    Bad: The curfew will last from 11 p.m. to 5 p.m.
    Good: The curfew will last from 11 p.m. to 5 a.m.
    """

    code = "TQA305"
    name = "time-changed"
    severity = Severity.ERROR

    def wants(self, d: Diff) -> bool:
        return d.kind == "changed" and d.family == "time"


@register
class UnitChanged(_DiffRule):
    """## What it does
    Finds a unit or a currency that changed in translation: kilometres that became miles (with the number kept, an
    error; converted, a warning that the copy departs from the source), hryvnias that became dollars.

    ## Why is this bad?
    "100 miles" for ``100 км`` is 60 % off; "$5,000" for ``5 тис. грн`` is forty times off. Converted values also
    depart from the agency's style, which keeps metric units and the source currency.

    ## Example
    Source: Колона розтягнулася на 40 км.
    Bad: The convoy stretched for 40 miles.
    Good: The convoy stretched for 40 km.
    """

    code = "TQA306"
    name = "unit-changed"
    severity = Severity.ERROR

    def wants(self, d: Diff) -> bool:
        return d.kind == "changed" and d.family == "unit"

    def severity_of(self, d: Diff) -> Severity | None:
        return Severity.WARNING if "converted" in d.reason else None


# -- weekday ↔ date ---------------------------------------------------------------------------------------------


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return datetime.date(year, month, day).weekday()
    except ValueError:
        return None


@functools.lru_cache(maxsize=8)  # keyed by every paragraph of a story: keep few (a streamed chunk holds 2,000 records)
def _years_in(texts: tuple[str, ...], lang: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Years of full dates (with a year) and years mentioned alone in texts of one language ("uk" or "en") —
    residue included: a teaser's ``02.03.26`` still tells the story's year. (One side at a time, so that a source
    checked against several targets is read once.)"""
    from tqa.text.numbers import extract_en, extract_uk

    extract = extract_uk if lang == "uk" else extract_en
    full: set[int] = set()
    plain: set[int] = set()
    for text in texts:
        if not has_digit(text):
            continue  # exact: both extractors read every year (of a date or alone) from digits
        for v in extract(text):
            if v.kind == "date" and v.year and v.day:
                full.add(v.year)
            elif v.kind == "year" and v.year and 1900 <= v.year <= 2100:
                plain.add(v.year)
    return tuple(sorted(full)), tuple(sorted(plain))


def _story_years(story: AlignedStory, ctx: Context) -> tuple[tuple[int, ...], str, datetime.date | None]:
    """Candidate years for dates without a year, how they were found, and the story date when known."""
    raw = ctx.facts.get("date") or ctx.config.date
    if raw:
        try:
            d = datetime.date.fromisoformat(str(raw)[:10])
            return (d.year,), f"the story date {d.isoformat()}", d
        except ValueError:
            pass
    full, plain = _years_in(tuple(p.text for p in story.story.source.paragraphs), "uk")
    full_en, plain_en = _years_in(tuple(p.text for p in story.story.target.paragraphs), "en")
    years = tuple(sorted(set(full) | set(plain) | set(full_en) | set(plain_en)))
    if years and len(years) <= 4:
        # the story's year is not known for sure: a weekday that fits any of these years passes
        return years, "the years in the text (" + ", ".join(map(str, years)) + ")", None
    return (), "", None


def _may_date_a_weekday(text: str) -> bool:
    """False only when `extract_en(text)` holds no date with a weekday: a date is read from a digit, and a weekday is
    attached only where the extractor's own case-sensitive weekday stems occur (`en._may_have_weekday`)."""
    return has_digit(text) and _may_have_weekday(text)


@register
class WeekdayMismatch(Rule):
    """## What it does
    Finds a weekday named next to a date ("On Friday, May 14") that does not fit the calendar of the story's year,
    or that differs from the weekday the source gives for the same date. The year comes from the date itself, the
    story's date (``--date YYYY-MM-DD``) or the dates in the text.

    ## Why is this bad?
    A weekday that contradicts the date means one of the two is wrong — often the date was changed and the weekday
    was not, or a weekday was translated wrongly (неділя is Sunday).

    ## Example
    Source: У неділю, 1 березня, президент провів нараду.
    Bad: On Saturday, March 1, the president held a meeting.
    Good: On Sunday, March 1, the president held a meeting.
    """

    code = "TQA307"
    name = "weekday-mismatch"
    category = "numeric-drift"
    severity = Severity.WARNING
    scope = "document"

    def check_document(self, story: AlignedStory, ctx: Context) -> Iterator[Finding]:
        years: tuple[int, ...] | None = None
        for pair in story.pairs:
            if pair.residue is not None:
                continue
            for seg in pair.target:
                if _may_date_a_weekday(seg.text):
                    break
            else:
                continue  # exact: no segment can hold a date with a weekday; or no target
            tvals = list(target_values(pair, ctx))
            dated = [(i, v) for i, v in tvals if v.kind == "date" and v.weekday is not None and v.day and v.month]
            if not dated:
                continue
            svals = [(i, v) for i, seg in enumerate(pair.source) for v in values_in(seg.text, "uk")]
            if years is None:
                years, how, story_date = _story_years(story, ctx)
            for i, v in dated:
                yield from self._check_one(pair, i, v, svals, tvals, years, how, story_date)

    def _check_one(self, pair, i, v: Value, svals, tvals, years, how, story_date) -> Iterator[Finding]:
        # the finding points at the weekday name (the fix replaces it)
        names = [w for k, w in tvals if k == i and w.kind == "weekday" and w.weekday == v.weekday]
        name = min(names, key=lambda w: abs(w.start - v.start)) if names else v
        span, sent = locate(pair.target, Located(name, i))
        date_text = f"{MONTHS_EN[v.month - 1]} {v.day}"
        said = WEEKDAY_NAMES[v.weekday]
        # the source's own weekday for the same date
        confirmed = False
        for j, s in svals:
            if s.kind == "date" and s.day == v.day and s.month == v.month and s.weekday is not None:
                confirmed = s.weekday == v.weekday
                if s.weekday != v.weekday:
                    sspan, _ = locate(pair.source, Located(s, j))
                    yield self.finding(
                        f"{said}, {date_text}: the source gives {WEEKDAY_NAMES[s.weekday]} for this date",
                        target=span,
                        source=sspan,
                        fix=Fix(f"write {WEEKDAY_NAMES[s.weekday]}", WEEKDAY_NAMES[s.weekday]),
                        context=sent,
                    )
                    return
                break
        if v.year:
            candidates: tuple[int, ...] = (v.year,)
            basis = "its year"
        elif story_date is not None:
            # the year that puts the date nearest the story date (a story of 2 January may speak of 30 December)
            best = min(
                (y for y in (story_date.year - 1, story_date.year, story_date.year + 1) if _weekday(y, v.month, v.day)
                 is not None),
                key=lambda y: abs((datetime.date(y, v.month, v.day) - story_date).days),
                default=None,
            )
            candidates = (best,) if best else ()
            basis = how
        else:
            if confirmed:
                return  # the source gives the same weekday and the year is only guessed from the text
            candidates = years or ()
            basis = how
        if not candidates:
            return
        actual = {y: _weekday(y, v.month, v.day) for y in candidates}
        actual = {y: w for y, w in actual.items() if w is not None}
        if not actual or v.weekday in actual.values():
            return
        y, w = next(iter(actual.items()))
        yield self.finding(
            f"{said}, {date_text}: {date_text}, {y} is a {WEEKDAY_NAMES[w]} (year from {basis})",
            target=span,
            fix=Fix(f"write {WEEKDAY_NAMES[w]}", WEEKDAY_NAMES[w]) if len(actual) == 1 else None,
            context=sent,
        )
