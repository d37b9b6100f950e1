"""Comparison of the numbers of a source and a target by typed value, as multisets.

`compare_values(source_values, target_values)` matches the two multisets in tiers — strict keys (kind, amount and
unit/currency agree), then loose keys (the bare amount; the other readings of an ambiguous token) — so that
``17:00`` ↔ ``5 p.m.``, ``1700`` ↔ ``1,700``, ``2,5`` ↔ ``2.5``, ``1 березня`` ↔ ``March 1``, ``3`` ↔ ``three`` and
``5 тис.`` ↔ ``5,000`` all match. What is left is diagnosed: a source and a target value that differ in a
recognisable way become one *changed* difference naming the kind (digits transposed, magnitude, decimal shift,
day↔month swap, 12↔24-hour or a.m.↔p.m., sign, unit change); the rest are *missing* (source only) or *added*
(target only). Matched pairs whose unit, currency, sign or year disagree are reported as changed too.

`compare_pair(source_texts, target_texts)` does the whole job for one aligned pair of paragraphs: it extracts the
numbers of every segment (skipping web-page residue found by `tqa.text.residue.residue_spans`), matches them across
all the sentences of the pair — so a different sentence split never reports one number as both missing and added —
and returns `Diff`s located by segment index and offsets.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from tqa.patterns import compile as re_compile
from tqa.text.numbers.en import extract_en
from tqa.text.numbers.uk import extract_uk
from tqa.text.numbers.values import SCALE_NAMES, UNIT_FAMILY, UNIT_LABEL, Value, convert, fmt_amount, nk

__all__ = ["Diff", "Located", "compare_pair", "compare_values", "describe_en", "diagnose"]

# families where a different unit means a different measuring system
_CONVERTIBLE = {"length", "mass", "temperature", "area", "volume", "speed"}


@dataclass(frozen=True, slots=True)
class Located:
    """A value and the index of the segment (inside the pair's source or target tuple) it was found in."""

    value: Value
    segment: int = 0
    residue: bool = False  # inside web-page residue: a counterpart only, never reported


@dataclass(frozen=True, slots=True)
class Diff:
    """One difference between the numbers of a source and a target.

    ``kind`` is "missing" (source only), "added" (target only) or "changed"; ``family`` is "number", "date",
    "time" or "unit" (a unit or currency change); ``reason`` names the kind of change ("digits transposed",
    "magnitude ÷1000 (billion → million)", "day↔month swap"…) or is empty; ``message`` is the finished sentence.
    """

    kind: str
    family: str
    source: Located | None
    target: Located | None
    reason: str
    message: str
    suggestion: str | None = None


# -- matching ---------------------------------------------------------------------------------------------------


def _order_key(item: tuple[int, Located]) -> tuple:
    _, loc = item
    v = loc.value
    return (v.words, len(v.all_keys), loc.segment, v.start)


def _match(
    src: list[Located], tgt: list[Located], s_pos: list[float], t_pos: list[float]
) -> tuple[list[tuple[int, int]], set[int], set[int]]:
    pairs: list[tuple[int, int]] = []
    free_s = set(range(len(src)))
    free_t = set(range(len(tgt)))
    for tier in ("keys", "all_keys"):
        for i, loc in sorted(((i, src[i]) for i in free_s), key=_order_key):
            keys = getattr(loc.value, tier)
            if not keys:
                continue
            best = None
            best_score = None
            for j in free_t:
                tv = tgt[j].value
                if keys & getattr(tv, tier):
                    score = (tv.words != loc.value.words, abs(s_pos[i] - t_pos[j]), j)
                    if best_score is None or score < best_score:
                        best, best_score = j, score
            if best is not None:
                pairs.append((i, best))
                free_s.discard(i)
                free_t.discard(best)
    return pairs, free_s, free_t


# -- diagnosis --------------------------------------------------------------------------------------------------


def _scale_name(scale: int) -> str:
    return SCALE_NAMES.get(scale, "")


def _digit_relation(a: str, b: str) -> str | None:
    """How the digit string `b` differs from `a`: transposed, added, dropped, changed (one digit), or None."""
    if a == b:
        return None
    if len(a) == len(b) and sorted(a) == sorted(b):
        return "digits transposed"
    if len(b) == len(a) + 1 and _is_subsequence(a, b):
        return "digit added"
    if len(a) == len(b) + 1 and _is_subsequence(b, a):
        return "digit dropped"
    if len(a) == len(b) and len(a) >= 2 and sum(x != y for x, y in zip(a, b)) == 1:
        return "digit changed"
    return None


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _power_of_ten(ratio: float) -> int | None:
    if ratio <= 0:
        return None
    k = math.log10(ratio)
    rk = round(k)
    if rk != 0 and abs(k - rk) < 1e-9:
        return rk
    return None


def _diagnose_number(s: Value, t: Value) -> tuple[str, int] | None:
    a, b = s.amount, t.amount
    if a is None or b is None:
        return None
    if s.kind == "money" and t.kind == "money" and s.unit and t.unit and s.unit != t.unit:
        return None
    if s.kind != t.kind and "percent" in (s.kind, t.kind):
        return None
    if s.unit and t.unit and s.unit != t.unit:
        fs, ft = UNIT_FAMILY.get(s.unit), UNIT_FAMILY.get(t.unit)
        if fs and ft and fs[0] == ft[0] and fs[0] in _CONVERTIBLE:
            conv = convert(a, s.unit, t.unit)
            if conv is not None and b and abs(conv - b) <= 0.03 * abs(b) + 0.5:
                return (f"unit change ({_unit(s.unit)} → {_unit(t.unit)}), value converted", 1)
        return None
    if a == -b and a != 0:
        return ("sign", 0)
    if a == 0 or b == 0 or (a < 0) != (b < 0):
        return None
    k = _power_of_ten(abs(b) / abs(a))
    if k is not None:
        if (s.scale > 1 or t.scale > 1) and s.scale != t.scale and (k % 3 == 0 or 10**5 in (s.scale, t.scale)
                                                                    or 10**7 in (s.scale, t.scale)):
            f = "×" if k > 0 else "÷"
            names = f"{_scale_name(s.scale) or 'no scale'} → {_scale_name(t.scale) or 'no scale'}"
            return (f"magnitude {f}{10 ** abs(k):,}: {names}", 0)
        f = "×" if k > 0 else "÷"
        if k == 3 and "," in s.text and "," in t.text and s.digits == t.digits and t.fmt != "decimal-comma":
            return ("decimal comma read as a thousands separator: magnitude ×1,000", 0)
        if ("," in s.text or "." in s.text or "," in t.text or "." in t.text) and s.digits == t.digits:
            return (f"decimal shift: magnitude {f}{10 ** abs(k):,}", 0)
        rel = _digit_relation(s.digits, t.digits)
        if rel in ("digit added", "digit dropped"):
            return (f"{rel.replace('digit', 'digits')}: magnitude {f}{10 ** abs(k):,}", 0)
        return (f"magnitude {f}{10 ** abs(k):,}", 0)
    if s.words or t.words:
        return None
    rel = _digit_relation(s.digits, t.digits)
    if rel:
        return (rel, 1 if rel != "digits transposed" else 0)
    return None


def _unit(u: str | None) -> str:
    return UNIT_LABEL.get(u or "", u or "")


def _diagnose_date(s: Value, t: Value) -> tuple[str, int] | None:
    if s.kind == "year" or t.kind == "year":
        if s.kind == "year" and t.kind == "year" and s.year != t.year:
            rel = _digit_relation(str(s.year), str(t.year))
            return (f"year changed ({rel})" if rel else "year changed", 1)
        return None
    if s.day is None or t.day is None or s.month is None or t.month is None:
        return None
    if s.day == t.month and s.month == t.day and s.day != s.month:
        return ("day↔month swap", 0)
    if s.month == t.month and s.day != t.day:
        rel = _digit_relation(str(s.day), str(t.day))
        return (f"day changed ({rel})" if rel else "day changed", 1 if rel else 2)
    if s.day == t.day and s.month != t.month:
        return ("month changed", 2)
    return None


def _diagnose_time(s: Value, t: Value) -> tuple[str, int] | None:
    sh = s.hours or ((s.hour,) if s.hour is not None else ())
    th = t.hours or ((t.hour,) if t.hour is not None else ())
    if not sh or not th:
        return None
    sm, tm = s.minute or 0, t.minute or 0
    if sm == tm:
        for a in sh:
            for b in th:
                if abs(a - b) == 12:
                    return ("a.m.↔p.m." if (t.meridiem or s.meridiem) else "12↔24-hour", 0)
        if len(sh) == 1 and sh[0] >= 13 and t.meridiem and len(th) == 1 and th[0] % 12 == sh[0] - 10:
            return (f"12↔24-hour: {sh[0]}:00 is {sh[0] - 12} p.m.", 0)
        if len(sh) == 1 and len(th) == 1:
            return ("hour changed", 2)
        return None
    if set(sh) & set(th):
        return ("minutes changed", 1)
    return None


def diagnose(s: Value, t: Value) -> tuple[str, str, int] | None:
    """(family, reason, rank) when target value `t` looks like a changed form of source value `s`, else None.
    Rank 0 is a sure diagnosis (magnitude, transposition, swap), 1 a likely one, 2 a weak one."""
    if s.kind == "id" or t.kind == "id":
        return None
    cs, ct = s.kind_class, t.kind_class
    if cs != ct:
        return None
    if cs == "number":
        r = _diagnose_number(s, t)
        if r:
            fam = "unit" if r[0].startswith("unit change") else "number"
            return (fam, r[0], r[1])
        return None
    if cs == "date":
        r = _diagnose_date(s, t)
        return ("date", r[0], r[1]) if r else None
    if cs == "time":
        r = _diagnose_time(s, t)
        return ("time", r[0], r[1]) if r else None
    return None


def _conflict(s: Value, t: Value) -> tuple[str, str] | None:
    """A disagreement inside a matched pair: unit system, currency, sign (temperatures), year of a date."""
    if s.unit and t.unit and s.unit != t.unit:
        if s.kind == "money" and t.kind == "money":
            if {s.unit, t.unit} <= {"KOP", "CENT"}:
                return None
            return ("unit", f"currency changed ({s.unit} → {t.unit})")
        fs, ft = UNIT_FAMILY.get(s.unit), UNIT_FAMILY.get(t.unit)
        if fs and ft and fs[0] == ft[0] and fs[0] in _CONVERTIBLE:
            return ("unit", f"unit change ({_unit(s.unit)} → {_unit(t.unit)}) with the number kept")
    if (
        s.amount is not None
        and t.amount is not None
        and s.amount == -t.amount
        and s.amount != 0
        and "C" in (s.unit, t.unit)
    ):
        return ("number", "sign")
    if s.kind == "date" and t.kind == "date" and s.year and t.year and s.year != t.year:
        return ("date", f"year changed ({s.year} → {t.year})")
    return None


# -- reporting --------------------------------------------------------------------------------------------------


def _reportable(v: Value) -> bool:
    """Whether an unmatched value is worth a missing/added finding on its own (precision first: numbers in words,
    identifiers, a bare "1" — English writes "a" — and approximate ordinals are only counterparts)."""
    if v.words or v.kind == "id":
        return False
    if v.kind == "quantity" and v.amount is not None and abs(v.amount) in (0, 1) and not v.unit:
        return False
    return True


def describe_en(v: Value) -> str:
    """The value written the English way (for fix suggestions): ``UAH 1.5 billion``, ``$500``, ``March 2``,
    ``5 p.m.``, ``37.7``, ``2.5%``."""
    k = v.kind
    if k == "time":
        h = v.hour or 0
        m = v.minute or 0
        if len(v.hours) == 1 and h >= 12 or v.meridiem:
            suffix = "p.m." if h >= 12 else "a.m."
            h12 = h % 12 or 12
            return f"{h12}:{m:02d} {suffix}" if m else f"{h12} {suffix}"
        return f"{h}:{m:02d}"
    if k == "money" and v.amount is not None:
        body = fmt_amount(v.amount)
        sym = {"USD": "$", "EUR": "€", "GBP": "£"}.get(v.unit or "")
        if sym:
            return f"{sym}{body}"
        return f"{v.unit} {body}" if v.unit else body
    return v.describe()


def _what(v: Value) -> str:
    return {"date": "date", "time": "time", "year": "year"}.get(v.kind, "number")


def _shown(v: Value) -> str:
    text = " ".join(v.text.split())
    norm = describe_en(v)
    if v.kind in ("date", "time") and norm.replace(" ", "") != text.replace(" ", ""):
        return f"{text} = {norm}"
    if v.scale > 1 and not any(c.isalpha() for c in text):
        return f"{text} = {norm}"  # the scale word stood apart ("тисяч 100")
    return text


def compare_values(source: Sequence[Located], target: Sequence[Located], *, n_source: int = 1,
                   n_target: int = 1, lengths: tuple[Sequence[int], Sequence[int]] | None = None) -> list[Diff]:
    """Differences between the numbers of a source and a target (see the module docstring)."""
    src = [x for x in source]
    tgt = [x for x in target]
    s_pos = _positions(src, n_source, lengths[0] if lengths else None)
    t_pos = _positions(tgt, n_target, lengths[1] if lengths else None)
    pairs, free_s, free_t = _match(src, tgt, s_pos, t_pos)
    _match_parts(src, tgt, free_s, free_t, pairs)
    _match_rounded(src, tgt, free_s, free_t, pairs)
    diffs: list[Diff] = []
    for i, j in pairs:
        s, t = src[i].value, tgt[j].value
        if src[i].residue or tgt[j].residue:
            continue
        c = _conflict(s, t)
        if c:
            fam, reason = c
            diffs.append(_changed(src[i], tgt[j], fam, reason))
    # diagnose what is left
    cands = []
    for i in free_s:
        if src[i].residue:
            continue
        for j in free_t:
            if tgt[j].residue:
                continue
            d = diagnose(src[i].value, tgt[j].value)
            if d:
                fam, reason, rank = d
                if rank >= 2 and (src[i].value.words or tgt[j].value.words):
                    continue
                cands.append((rank, abs(s_pos[i] - t_pos[j]), i, j, fam, reason))
    cands.sort()
    for rank, _dist, i, j, fam, reason in cands:
        if i in free_s and j in free_t:
            if rank >= 2 and not _only_pair(src, tgt, free_s, free_t, i, j):
                continue
            free_s.discard(i)
            free_t.discard(j)
            diffs.append(_changed(src[i], tgt[j], fam, reason))
    # one unexplained value left on each side, of the same kind: a changed value
    rs = [i for i in free_s if not src[i].residue and _reportable(src[i].value)]
    rt = [j for j in free_t if not tgt[j].residue and _reportable(tgt[j].value)]
    if len(rs) == 1 and len(rt) == 1:
        s, t = src[rs[0]].value, tgt[rt[0]].value
        if s.kind == t.kind and s.unit == t.unit and s.kind in ("quantity", "money", "percent", "date", "time", "year"):
            free_s.discard(rs[0])
            free_t.discard(rt[0])
            diffs.append(_changed(src[rs[0]], tgt[rt[0]], _family(s), "different value"))
    glosses = _conversion_glosses(src, tgt, free_t)
    weekdays = {v.weekday for v in (x.value for x in tgt) if v.weekday is not None and v.kind == "weekday"}
    for i in sorted(free_s):
        v = src[i].value
        if v.kind == "date" and v.weekday is not None and v.weekday in weekdays:
            continue  # "у четвер, 9 лютого" → "on Thursday": English news names the weekday of a recent date
        if not src[i].residue and _reportable(v):
            diffs.append(
                Diff("missing", _family(v), src[i], None, "",
                     f"{_what(v)} {_shown(v)} in the source has no counterpart in the target", describe_en(v))
            )
    for j in sorted(free_t):
        v = tgt[j].value
        if j in glosses:
            continue
        if not tgt[j].residue and _reportable(v):
            diffs.append(
                Diff("added", _family(v), None, tgt[j], "",
                     f"{_what(v)} {_shown(v)} in the target has no counterpart in the source")
            )
    diffs.sort(key=_diff_key)
    return diffs


def _match_parts(src, tgt, free_s: set[int], free_t: set[int], pairs: list) -> None:
    """A token that may be two numbers ("10,12" in a list, "4.2022" for month and year) takes the two free values of
    the other side it splits into."""
    for side_a, side_b, free_a, free_b, flip in ((tgt, src, free_t, free_s, True), (src, tgt, free_s, free_t, False)):
        for i in sorted(free_a):
            parts = side_a[i].value.parts
            if not parts:
                continue
            taken = []
            for p in parts:
                key = ("n", nk(p))
                for j in sorted(free_b):
                    if j not in taken and key in side_b[j].value.all_keys:
                        taken.append(j)
                        break
            if len(taken) == len(parts):
                free_a.discard(i)
                for j in taken:
                    free_b.discard(j)
                    pairs.append((j, i) if flip else (i, j))


_ROUNDING_TOLERANCE = 0.05


def rounds_to(a: float, b: float) -> bool:
    """Whether `b` is `a` rounded to fewer significant digits, and within 5 % of it (2.47 billion → 2.5 billion,
    5,912 → 6,000; not 1,130 → 1,000)."""
    a, b = abs(a), abs(b)
    if a == 0 or b == 0 or a == b or abs(a - b) > _ROUNDING_TOLERANCE * a:
        return False
    digits = len(f"{a:.10f}".replace(".", "").strip("0"))  # significant digits as written
    for sig in range(1, max(digits, 1)):
        mag = math.floor(math.log10(a)) - sig + 1
        if nk(math.floor(a / 10**mag + 0.5) * 10**mag) == nk(b):
            return True
    return False


def _match_rounded(src, tgt, free_s: set[int], free_t: set[int], pairs: list) -> None:
    """A hedged value that rounds the other side's ("майже 2,47 млрд євро" or "2,47 млрд" → "almost €2.5 billion";
    "понад 5 912" → "over 5,900") is the same figure, not a change: either side names it approximate."""
    for i in sorted(free_s):
        sv = src[i].value
        if sv.amount is None or sv.kind_class != "number":
            continue
        for j in sorted(free_t):
            tv = tgt[j].value
            if tv.amount is None or tv.kind != sv.kind or tv.unit != sv.unit or not (sv.approx or tv.approx):
                continue
            if (sv.amount < 0) == (tv.amount < 0) and rounds_to(sv.amount, tv.amount):
                free_s.discard(i)
                free_t.discard(j)
                pairs.append((i, j))
                break


def _conversion_glosses(src: Sequence[Located], tgt: Sequence[Located], free_t: set[int]) -> set[int]:
    """Target values that convert a source value into another measuring system ("13.8 meters (45 feet)"): a gloss
    the translator added for English readers, not an added number."""
    out: set[int] = set()
    for j in free_t:
        tv = tgt[j].value
        fam = UNIT_FAMILY.get(tv.unit or "")
        if tv.amount is None or not fam or fam[0] not in _CONVERTIBLE:
            continue
        for loc in src:
            sv = loc.value
            if sv.amount is None or not sv.unit or sv.unit == tv.unit:
                continue
            conv = convert(sv.amount, sv.unit, tv.unit)
            if conv is not None and abs(conv - tv.amount) <= 0.1 * abs(conv) + 0.5:
                out.add(j)
                break
    return out


def _only_pair(src, tgt, free_s, free_t, i, j) -> bool:
    cls = src[i].value.kind_class
    return (
        sum(1 for x in free_s if src[x].value.kind_class == cls and not src[x].value.words) == 1
        and sum(1 for y in free_t if tgt[y].value.kind_class == cls and not tgt[y].value.words) == 1
    )


def _family(v: Value) -> str:
    if v.kind in ("date", "year"):
        return "date"
    if v.kind == "time":
        return "time"
    return "number"


def _changed(s: Located, t: Located, family: str, reason: str) -> Diff:
    sv, tv = s.value, t.value
    msg = (
        f"{_what(tv)} {_shown(tv)} in the target has no counterpart; the source has {_shown(sv)} ({reason})"
    )
    return Diff("changed", family, s, t, reason, msg, restyled(sv, tv) or describe_en(sv))


_NUM_IN_TEXT = re_compile(r"[-−+]?\d+(?:[,.]\d+)*")
_MERIDIEM_IN_TEXT = re_compile(r"\b([ap])(\.?\s?m\.?)(?!\w)|\b([AP])(\.?\s?M\.?)(?!\w)")


def restyled(sv: Value, tv: Value) -> str | None:
    """The source's value written the way the target wrote its own (``4 meters`` for a target's ``5 meters``,
    ``-12°C`` for ``12°C``, ``10:30 a.m.`` for ``10:30 p.m.``), or None when the target's form cannot be reused
    (another unit or currency, a number in words, a sign in words)."""
    if sv.kind == "time" and tv.kind == "time" and sv.hour is not None and len(sv.hours or (sv.hour,)) == 1:
        h, m = sv.hour % 24, sv.minute or 0
        mer = _MERIDIEM_IN_TEXT.search(tv.text)
        if tv.meridiem and mer:
            lower = mer.group(1) is not None
            letter = ("p" if h >= 12 else "a") if lower else ("P" if h >= 12 else "A")
            tail = mer.group(2) if lower else mer.group(4)
            gap = tv.text[: mer.start()][len(tv.text[: mer.start()].rstrip()):]
            h12 = h % 12 or 12
            clock = f"{h12}:{m:02d}" if (m or ":" in tv.text) else f"{h12}"
            return f"{clock}{gap}{letter}{tail}"
        if not tv.meridiem and ":" in tv.text and tv.text.strip()[:1].isdigit():
            return f"{h:02d}:{m:02d}" if tv.text.strip()[:2].isdigit() and tv.text.strip()[:1] == "0" else f"{h}:{m:02d}"
        return None
    if sv.kind != tv.kind or sv.kind not in ("quantity", "money", "percent") or tv.words or tv.foreign:
        return None
    if sv.amount is None or tv.amount is None or (sv.unit and sv.unit != tv.unit):
        return None
    nums = _NUM_IN_TEXT.findall(tv.text)
    if len(nums) != 1 or any(w in tv.text.lower() for w in ("minus", "below", "zero", "plus")):
        return None
    if tv.scale > 1 and not 1 <= abs(sv.amount) / tv.scale < 1000:
        return None  # "UAH 1.2 million" for 1.2 billion: the scale word changes too
    base = abs(sv.amount) / tv.scale if tv.scale > 1 else abs(sv.amount)
    body = fmt_amount(base)
    if tv.scale > 1 and not body.replace(",", "").replace(".", "").isdigit():
        return None  # "1.2 billion" inside "UAH 1.2 million": the scale word differs
    if tv.scale == 1 and not body.replace(",", "").replace(".", "").isdigit() and tv.kind != "money":
        return None
    old = nums[0]
    sign = old[0] if old[0] in "-−+" else ""
    if sv.amount < 0:
        sign = sign if sign in ("-", "−") else "-"
    elif sign != "+":
        sign = ""
    return tv.text.replace(old, sign + body, 1)


def _position(loc: Located, n: int, lengths: Sequence[int] | None) -> float:
    if lengths:
        total = sum(lengths) or 1
        before = sum(lengths[: loc.segment])
        return (before + loc.value.start) / total
    return loc.segment / max(n, 1)


def _positions(locs: Sequence[Located], n: int, lengths: Sequence[int] | None) -> list[float]:
    """``[_position(x, n, lengths) for x in locs]`` with the sums of `lengths` taken once (exact: the same integer
    sums, so the same quotients; a segment outside the lengths takes the slow path)."""
    if not lengths or not locs:
        return [_position(x, n, lengths) for x in locs]
    total = sum(lengths) or 1
    before = [0]
    for k in lengths:
        before.append(before[-1] + k)
    last = len(lengths)
    return [(before[x.segment] + x.value.start) / total if 0 <= x.segment <= last else _position(x, n, lengths)
            for x in locs]


def _diff_key(d: Diff) -> tuple:
    loc = d.target or d.source
    side = 0 if d.target else 1
    return (side, loc.segment if loc else 0, loc.value.start if loc else 0, d.kind, d.message)


# -- pair level -------------------------------------------------------------------------------------------------


_residue_spans = None  # `tqa.text.residue.residue_spans`, imported on first use (as the function-level import did)


def _residue_flags(text: str, values: tuple[Value, ...]) -> list[bool]:
    """For each value: does it lie inside web-page residue glued into the paragraph?"""
    global _residue_spans
    if not values:
        return []
    if _residue_spans is None:
        from tqa.text.residue import residue_spans

        _residue_spans = residue_spans
    try:
        spans = _residue_spans(text)
    except Exception:  # another module's defect must not lose the comparison
        spans = []
    if not spans:
        return [False] * len(values)
    return [any(s < v.end and v.start < e for s, e, *_ in spans) for v in values]


def _located_maker():
    """``Located(value, segment, residue)`` with all three fields given, about twice as fast: it sets each slot
    through its descriptor (exact: the generated ``__init__`` of a frozen dataclass with slots does nothing else
    when every field is given; there is no __post_init__; a test compares the two)."""
    new = object.__new__
    set_value = Located.__dict__["value"].__set__
    set_segment = Located.__dict__["segment"].__set__
    set_residue = Located.__dict__["residue"].__set__

    def make_located(value: Value, segment: int, residue: bool) -> Located:
        loc = new(Located)
        set_value(loc, value)
        set_segment(loc, segment)
        set_residue(loc, residue)
        return loc

    return make_located


make_located = _located_maker()


def _located(texts: tuple[str, ...], per_text: list[tuple[Value, ...]]) -> list[Located]:
    out: list[Located] = []
    for i, values in enumerate(per_text):
        if values:
            for v, res in zip(values, _residue_flags(texts[i], values)):
                out.append(make_located(v, i, res))
    return out


def _all_matched_without_conflict(source: list[tuple[Value, ...]], target: list[tuple[Value, ...]]) -> bool:
    """True only when `compare_values` of these values (at any positions, residue or not) returns no difference.

    Exact: when every value has exactly one strict key and both sides hold the same multiset of those keys, the
    first tier of `_match` pairs every source value with a target value of the same key, whatever order and scores
    it uses (a free target of the key is left for each source value of that key). Nothing is left free, so there is
    nothing to split, round, diagnose, pair up, gloss or report as missing/added; the only differences left are the
    conflicts of matched pairs (`_conflict`), and none exists when no source value conflicts with any target value
    of its key (residue pairs are skipped there: asking them too only makes this test stricter)."""
    groups: dict = {}
    for side, per_text in ((0, source), (1, target)):
        for values in per_text:
            for v in values:
                keys = v.keys
                if len(keys) != 1:
                    return False
                for k in keys:
                    g = groups.get(k)
                    if g is None:
                        g = groups[k] = ([], [])
                    g[side].append(v)
    for s_vals, t_vals in groups.values():
        if len(s_vals) != len(t_vals):
            return False
    for s_vals, t_vals in groups.values():
        for s in s_vals:
            for t in t_vals:
                if _conflict(s, t) is not None:
                    return False
    return True


def _only_unreportable(one: list[tuple[Value, ...]], other: list[tuple[Value, ...]]) -> bool:
    """True only when `compare_values` returns no difference: `other` holds no value and no value of `one` is
    `_reportable`. Exact: with one side empty nothing is matched, split, rounded or diagnosed (each needs a value on
    both sides), so the only differences are the missing (source) or added (target) values that are `_reportable`
    (the weekday and gloss exceptions only remove some)."""
    for values in other:
        if values:
            return False
    for values in one:
        for v in values:
            if _reportable(v):
                return False
    return True


@functools.lru_cache(maxsize=2048)
def compare_pair(source_texts: tuple[str, ...], target_texts: tuple[str, ...]) -> tuple[Diff, ...]:
    """Differences between the numbers of the source segments and the target segments of one aligned pair."""
    s_vals = [extract_uk(t) for t in source_texts]
    t_vals = [extract_en(t) for t in target_texts]
    if _all_matched_without_conflict(s_vals, t_vals):
        return ()  # (also when both sides have no value)
    if _only_unreportable(s_vals, t_vals) or _only_unreportable(t_vals, s_vals):
        return ()
    src = _located(source_texts, s_vals)
    tgt = _located(target_texts, t_vals)
    lengths = ([len(t) for t in source_texts], [len(t) for t in target_texts])
    return tuple(compare_values(src, tgt, n_source=len(source_texts), n_target=len(target_texts), lengths=lengths))


def values_in(text: str, language: str) -> list[Value]:
    """The numbers of a text outside web-page residue (``language`` is "uk" or "en")."""
    values = extract_uk(text) if language == "uk" else extract_en(text)
    return [v for v, res in zip(values, _residue_flags(text, values)) if not res]
