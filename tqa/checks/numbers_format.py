"""720–739: how numbers are written in the English copy (category ``typography``) — the Ukrainian habits that
survive translation: a decimal comma, a space as thousands separator, ``грн``/``тис.``/``млн`` next to a number,
a numeric day.month date, a time broken by a space.

The English extractor reads these forms the way the translator meant them (so the numeric-drift rules compare the
right values) and marks them in `Value.fmt` / `Value.foreign`; these rules report the marks.
"""

from __future__ import annotations

from collections.abc import Iterator

from tqa.checks.base import Context, Rule, register
from tqa.checks.numbers import locate, target_values
from tqa.model import AlignedPair, Finding, Fix, Severity
from tqa.patterns import compile as re_compile
from tqa.text.numbers import Located, Value, describe_en, extract_en, values_in
from tqa.text.numbers._scan import has_digit
from tqa.text.numbers.en import _CYRILLIC_RE  # the extractor's own Cyrillic test: the gate agrees with it
from tqa.text.numbers.values import MONTHS_EN, fmt_amount, nk

__all__ = ["CyrillicUnit", "DecimalComma", "DotThousands", "NumericDate", "SpaceThousands", "SpacedTime"]


_DECIMAL_COMMA_RE = re_compile(r"\d+,\d+")
_DOT_GROUPS_RE = re_compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d]|[.,]\d)")




def _source_amounts(pair: AlignedPair) -> set[float]:
    out: set[float] = set()
    for seg in pair.source:
        for v in values_in(seg.text, "uk"):
            for key in v.all_keys:
                if key[0] == "n":
                    out.add(key[1])
    return out




def format_gate(pair: AlignedPair) -> bool:
    """False only when no rule of this module can report anything on the pair (the gate of TQA720–725).

    Exact: every rule here reports a target value marked in `Value.fmt` (decimal comma, space or split thousands,
    numeric date, spaced time — all read from digits) or a dotted number (`_DOT_GROUPS_RE` needs a digit), or a
    value with `Value.foreign` set, which the extractor sets only where `_CYRILLIC_RE` found a Cyrillic letter. So a
    target with neither a digit nor such a letter yields nothing; otherwise a target without a value `_reportable`
    accepts yields nothing either.
    """
    search = _CYRILLIC_RE.search
    target = pair.paragraphs.target
    for seg in target:
        text = seg.text
        # (an ASCII text holds no Cyrillic letter: str.isascii is a flag test, the search a scan)
        if has_digit(text) or (not text.isascii() and search(text) is not None):
            break
    else:
        return False
    # Then the target's values decide: each rule reports only a value of `target_values` (values_in: a subset of
    # extract_en, cached by text) that `_reportable` accepts.
    for seg in target:
        for v in extract_en(seg.text):
            if _reportable(v):
                return True
    return False


_FLAGGED_FMTS = frozenset(("decimal-comma", "space-thousands", "split-number", "numeric-date", "spaced-time"))


def _reportable(v: Value) -> bool:
    """False only for a value no rule of this module reports: TQA720/721/723/724 need one of `_FLAGGED_FMTS`, TQA722
    a `foreign` mark, TQA725 a quantity or money in figures with a "." (keep in step with the rules' first tests)."""
    return (
        v.fmt in _FLAGGED_FMTS
        or v.foreign is not None
        or (v.kind in ("quantity", "money") and not v.words and "." in v.text)
    )


class _FormatRule(Rule):
    category = "typography"
    severity = Severity.WARNING
    gate = staticmethod(format_gate)


@register
class DecimalComma(_FormatRule):
    """## What it does
    Finds a decimal comma in the English copy (``37,7``, ``2,5 million``): English writes a decimal point.

    ## Why is this bad?
    An English reader takes ``2,5`` for two numbers or a typo, and ``2,500`` (two and a half in Ukrainian) for two
    thousand five hundred. A comma-separated list (``8, 10,12``) is not reported when the source has the numbers
    separately.

    ## Example
    Source: Температура піднялася до 37,7 градуса.
    Bad: The temperature rose to 37,7 degrees.
    Good: The temperature rose to 37.7 degrees.
    """

    code = "TQA720"
    name = "decimal-comma"

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        source = None
        for i, v in target_values(pair, ctx):
            if v.fmt != "decimal-comma":
                continue
            if source is None:
                source = _source_amounts(pair)
            if v.parts and pair.source and nk(v.amount / (v.scale or 1)) not in source:
                if all(nk(p) in source for p in v.parts):
                    continue  # "10,12" for the list "10, 12"
            seg = pair.target[i]
            raw = seg.text[v.start : v.end]
            m = _DECIMAL_COMMA_RE.search(raw)
            if not m:
                continue
            number = m.group(0)
            body = number.replace(",", ".")
            span = seg.sub_span(v.start + m.start(), v.start + m.end())
            _, sent = locate(pair.target, Located(v, i))
            yield self.finding(
                f"decimal comma in {number!r}: English writes a decimal point ({body})",
                target=span,
                fix=Fix(f"write {body}", body),
                context=sent,
            )


@register
class SpaceThousands(_FormatRule):
    """## What it does
    Finds a number whose thousands are separated by a space (``5 350``, ``1 200 000``) or broken after a comma
    (``5, 000``) in the English copy: English groups thousands with a comma.

    ## Why is this bad?
    ``5 350`` reads as two numbers in English, and a line break may fall inside it.

    ## Example
    Source: Внаслідок атаки постраждали 5 350 будинків.
    Bad: The attack damaged 5 350 houses.
    Good: The attack damaged 5,350 houses.
    """

    code = "TQA721"
    name = "space-thousands"

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        for i, v in target_values(pair, ctx):
            if v.fmt not in ("space-thousands", "split-number") or v.amount is None or v.kind == "id":
                continue
            seg = pair.target[i]
            raw = seg.text[v.start : v.end]
            number = _leading_number(raw)
            if not number:
                continue
            base = v.amount / (v.scale or 1)
            good = f"{int(abs(base)):,}" if base == int(base) else fmt_amount(abs(base))
            start = v.start + raw.index(number)
            span = seg.sub_span(start, start + len(number))
            _, sent = locate(pair.target, Located(v, i))
            yield self.finding(
                f"thousands separated by a space in {number!r}: English writes {good}",
                target=span,
                fix=Fix(f"write {good}", good),
                context=sent,
            )


def _leading_number(raw: str) -> str:
    """The number itself inside a value's text ("5 350" in "UAH 5 350", "5, 000" in "5, 000 CZK")."""
    start = next((k for k, c in enumerate(raw) if c.isdigit()), None)
    if start is None:
        return ""
    end = start
    k = start
    while k < len(raw):
        c = raw[k]
        if c.isdigit():
            end = k + 1
        elif c in " \u00a0\u2009\u202f," and k + 1 < len(raw) and (raw[k + 1].isdigit() or raw[k + 1] == " "):
            pass
        else:
            break
        k += 1
    return raw[start:end]


@register
class CyrillicUnit(_FormatRule):
    """## What it does
    Finds a Ukrainian currency, scale or unit abbreviation left next to a number in the English copy
    (``5 350 грн``, ``2 млн``, ``10 тис.``, ``40 км``).

    ## Why is this bad?
    English readers cannot read ``грн``; the agency style is ``UAH 5,350`` (or "5,350 hryvnias").

    ## Example
    Source: Штраф становить 5 350 грн.
    Bad: The fine is 5,350 грн.
    Good: The fine is UAH 5,350.
    """

    code = "TQA722"
    name = "cyrillic-unit"

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        for i, v in target_values(pair, ctx):
            if v.foreign is None:
                continue
            seg = pair.target[i]
            word = seg.text[v.foreign[0] : v.foreign[1]]
            good = describe_en(v)
            span, sent = locate(pair.target, Located(v, i))
            if span is not None and seg.text[v.start : v.end].endswith(".") and _ends_sentence(seg.text, v.end):
                span = seg.sub_span(v.start, v.end - 1)  # the abbreviation's dot also ends the sentence: keep it
            yield self.finding(
                f"Ukrainian {word!r} next to a number in the English copy: write {good}",
                target=span,
                fix=Fix(f"write {good}", good),
                context=sent,
            )


def _ends_sentence(text: str, end: int) -> bool:
    rest = text[end:].lstrip()
    return not rest or rest[0].isupper() or rest[0] in "\"'”’»)"


@register
class NumericDate(_FormatRule):
    """## What it does
    Finds a date written the Ukrainian numeric way (``02.03``, ``02.03.2026``) in the English copy.

    ## Why is this bad?
    Ukrainian ``02.03`` is 2 March; an American reader takes it for February 3. English copy writes the month's
    name ("March 2").

    ## Example
    Source: Засідання перенесли на 02.03.2026.
    Bad: The meeting was postponed to 02.03.2026.
    Good: The meeting was postponed to March 2, 2026.
    """

    code = "TQA723"
    name = "numeric-date"

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        for i, v in target_values(pair, ctx):
            if v.fmt != "numeric-date" or v.kind != "date" or not v.day or not v.month:
                continue
            good = f"{MONTHS_EN[v.month - 1]} {v.day}" + (f", {v.year}" if v.year else "")
            ambiguous = v.day <= 12 and v.day != v.month
            span, sent = locate(pair.target, Located(v, i))
            yield self.finding(
                f"numeric date {v.text!r} in the English copy"
                + (" (an English reader may take it for " + f"{MONTHS_EN[v.day - 1]} {v.month})" if ambiguous else "")
                + f": write {good}",
                target=span,
                fix=Fix(f"write {good}", good),
                context=sent,
            )


@register
class SpacedTime(_FormatRule):
    """## What it does
    Finds a time of day broken by a space after the colon (``5: 30``) in the English copy.

    ## Why is this bad?
    ``5: 30`` reads as two numbers; it is a typing or machine-translation artefact.

    ## Example
    Source: Потяг відправляється о 5:30.
    Bad: The train leaves at 5: 30.
    Good: The train leaves at 5:30.
    """

    code = "TQA724"
    name = "spaced-time"

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        for i, v in target_values(pair, ctx):
            if v.fmt != "spaced-time":
                continue
            good = "".join(v.text.split())
            span, sent = locate(pair.target, Located(v, i))
            yield self.finding(
                f"time {v.text!r} broken by a space: write {good}",
                target=span,
                fix=Fix(f"write {good}", good),
                context=sent,
            )


@register
class DotThousands(_FormatRule):
    """## What it does
    Finds thousands grouped with a dot in the English copy (``5.912 drones`` for the source's ``5 912``,
    ``1.250.000``) — the continental habit: English groups thousands with a comma and reads the dot as a decimal
    point. A dotted number is reported only when the source has the thousands reading and not the decimal one.

    ## Why is this bad?
    An English reader takes ``5.912 drones`` for five point nine, a thousandfold error the numeric-drift rules
    cannot see, because the number is right in the translator's intent.

    ## Example
    Source: Сили оборони знищили 5 912 дронів.
    Bad: The Defense Forces destroyed 5.912 drones.
    Good: The Defense Forces destroyed 5,912 drones.
    """

    code = "TQA725"
    name = "dot-thousands"

    def check(self, pair: AlignedPair, ctx: Context) -> Iterator[Finding]:
        source = None
        for i, v in target_values(pair, ctx):
            if v.kind not in ("quantity", "money") or v.amount is None or v.words or "." not in v.text:
                continue
            seg = pair.target[i]
            raw = seg.text[v.start : v.end]
            m = _DOT_GROUPS_RE.search(raw)
            if not m:
                continue
            number = m.group(0)
            whole = float(number.replace(".", ""))
            if source is None:
                source = _source_amounts(pair)
            scale = v.scale or 1
            if nk(whole * scale) not in source:
                continue
            if number.count(".") == 1 and nk(abs(v.amount)) in source:
                continue  # the decimal reading is the source's too
            good = f"{int(whole):,}"
            span = seg.sub_span(v.start + m.start(), v.start + m.end())
            _, sent = locate(pair.target, Located(v, i))
            yield self.finding(
                f"thousands grouped with a dot in {number!r}: English reads it as a decimal point; write {good}",
                target=span,
                fix=Fix(f"write {good}", good),
                context=sent,
            )
