"""The exact pre-checks of `tqa.text.residue.classify_residue` skip only pattern tries that cannot match."""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.text import residue as R

_ANY = "ANY"
_DIGIT_FIRST = {"views", "timestamp", "page-info"}  # the sets whose pattern may start with \d (tried on isdecimal)


def _first(seq) -> tuple[set[str] | str, bool]:
    """(lower-cased first characters, or _ANY; nullable) of a parsed sequence."""
    out: set[str] = set()
    for op, av in seq:
        f, nullable = _item(op, av)
        if f == _ANY:
            return _ANY, False
        out |= f  # type: ignore[arg-type]
        if not nullable:
            return out, False
    return out, True


def _item(op, av) -> tuple[set[str] | str, bool]:
    if op is C.AT or op is C.ASSERT_NOT:
        return set(), True
    if op is C.LITERAL:
        return {chr(av).lower()}, False
    if op is C.CATEGORY:
        return _item(C.IN, [(op, av)])
    if op is C.IN:
        s: set[str] = set()
        for o, a in av:
            if o is C.LITERAL:
                s.add(chr(a).lower())
            elif o is C.RANGE and a[1] - a[0] < 300:
                s |= {chr(x).lower() for x in range(a[0], a[1] + 1)}
            elif o is C.CATEGORY and a is C.CATEGORY_DIGIT:
                s.add("<digit>")
            elif o is C.CATEGORY and a is C.CATEGORY_SPACE:
                s.add("<space>")
            else:
                return _ANY, False
        return s, False
    if op is C.BRANCH:
        s, nullable = set(), False
        for b in av[1]:
            f, n = _first(b)
            if f == _ANY:
                return _ANY, False
            s |= f  # type: ignore[arg-type]
            nullable = nullable or n
        return s, nullable
    if op is C.SUBPATTERN:
        return _first(av[3])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, _hi, sub = av
        f, n = _first(sub)
        return f, n or lo == 0
    return _ANY, False


def _derived(pattern: re.Pattern[str]) -> set[str]:
    f, nullable = _first(P.parse(pattern.pattern, pattern.flags))
    assert f != _ANY and not nullable
    return f  # type: ignore[return-value]


@pytest.mark.parametrize("key", sorted(R.FIRST_CHAR_PATTERNS))
def test_first_character_sets_cover_the_patterns(key: str) -> None:
    derived = _derived(getattr(R, R.FIRST_CHAR_PATTERNS[key]))
    chars = R._FIRST[key]
    if "<digit>" in derived:
        assert key in _DIGIT_FIRST
    if "<space>" in derived:
        assert key == "views"  # classify_residue tries it on the stripped text: \s never starts it
    missing = {c for c in derived - {"<digit>", "<space>"} if c not in chars}
    assert not missing, f"{key}: add {''.join(sorted(missing))!r}"


def test_first_character_sets_hold_every_case_variant() -> None:
    # IGNORECASE matches c to an ASCII or Cyrillic letter p when c.lower() == p, or c is one of tqa.text.fold's
    # special characters (in every set); the sets must hold every such c.
    by_lower: dict[str, set[str]] = {}
    for i in range(0x110000):
        c = chr(i)
        by_lower.setdefault(c.lower(), set()).add(c)
    for key, chars in R._FIRST.items():
        for p in {c.lower() for c in chars if c not in R._FOLD_SPECIALS}:
            assert by_lower.get(p, set()) <= chars | set(R._FOLD_SPECIALS), (key, p)
    assert all(set(R._FOLD_SPECIALS) <= chars for chars in R._FIRST.values())


def test_norm_shortcut_facts() -> None:
    # lower case never makes or removes white space, so an unstripped line keeps its word count in normal form
    for i in range(0x110000):
        c = chr(i)
        assert any(x.isspace() for x in c.lower()) == c.isspace(), hex(i)
    assert R._NORM_STRIP.strip() == R._NORM_STRIP
    assert R._norm_line("— x ·") == "x"


class _Undetermined(Exception):
    pass


def _prefixes(
    seq, k: int, pre: str = "", lead: str = "", digit_start: bool = False, letter_start: bool = False
) -> set[str]:
    """The lower-cased first `k` characters of every string the parsed sequence can match (raises when a path has
    fewer than `k` literal characters first); with `lead`, of the matches whose lower-cased start is `lead` only
    (the other paths are dropped once their first characters differ from it); with `digit_start`, of the matches
    that do not start with a digit (\\d) only; with `letter_start`, of those starting with a letter (``str.isalpha``)
    only. A negative look-around is skipped (that only adds strings)."""
    seq = list(seq)
    n = min(len(pre), len(lead))
    if pre[:n] != lead[:n]:
        return set()
    if len(pre) >= k:
        return {pre[:k]}
    if not seq:
        raise _Undetermined(pre)
    (op, av), rest = seq[0], seq[1:]

    def walk(s, p):
        return _prefixes(s, k, p, lead, digit_start, letter_start)

    if op is C.AT or op is C.ASSERT_NOT:
        return walk(rest, pre)
    if op is C.LITERAL:
        if letter_start and pre == "" and not chr(av).isalpha():
            return set()  # (a match starting with a non-letter: dropped)
        return walk(rest, pre + chr(av).lower())
    if op is C.CATEGORY:
        op, av = C.IN, [(op, av)]
    if op is C.IN:
        out: set[str] = set()
        for o, a in av:
            if o is C.LITERAL:
                chars = [chr(a)]
            elif o is C.RANGE and a[1] - a[0] < 300:
                chars = [chr(x) for x in range(a[0], a[1] + 1)]
            elif o is C.CATEGORY and a is C.CATEGORY_DIGIT and (digit_start or letter_start) and pre == "":
                continue  # (a match starting with a digit: dropped)
            elif o is C.CATEGORY and a is C.CATEGORY_SPACE and letter_start and pre == "":
                continue  # (white space is no letter)
            else:
                raise _Undetermined(pre)
            if letter_start and pre == "":
                chars = [c for c in chars if c.isalpha()]  # (a match starting with a non-letter: dropped)
            for c in chars:
                out |= walk(rest, pre + c.lower())
        return out
    if op is C.BRANCH:
        out = set()
        for alt in av[1]:
            out |= walk(list(alt) + rest, pre)
        return out
    if op is C.SUBPATTERN:
        return walk(list(av[3]) + rest, pre)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, hi, sub = av
        if hi == 0:
            return walk(rest, pre)
        # one copy of the item, then the repeat with one fewer; or nothing when it is optional
        more = [(op, (max(lo - 1, 0), hi if hi == C.MAXREPEAT else hi - 1, sub))]
        out = walk(list(sub) + more + rest, pre)
        if lo == 0:
            out |= walk(rest, pre)
        return out
    raise _Undetermined(pre)


@pytest.mark.parametrize("key", sorted(R._FIRST2))
def test_two_character_sets_cover_the_patterns(key: str) -> None:
    pattern = getattr(R, R.FIRST_CHAR_PATTERNS[key])
    # (the views set is tried only on a letter first: the other paths start with a digit, a mark or white space)
    derived = _prefixes(
        P.parse(pattern.pattern, pattern.flags), 2, digit_start=key in _DIGIT_FIRST, letter_start=key == "views"
    )
    assert derived <= R._FIRST2[key], sorted(derived - R._FIRST2[key])
    assert derived == R._FIRST2[key], sorted(R._FIRST2[key] - derived)  # (no stale entries)
    # ASCII or Cyrillic letters only: IGNORECASE matches them by lower case, but for tqa.text.fold's special
    # characters (classify_residue tries the patterns when one of the first two characters is one)
    letters = set("".join(R._FIRST2[key]))
    others = {c for c in letters if not c.isalpha()}  # (the apostrophes of "п'ятниця": IGNORECASE matches only them)
    assert others <= {"'", "’"}
    for c in others:
        rx = re.compile(re.escape(c), re.I)
        assert [i for i in range(0x110000) if rx.fullmatch(chr(i))] == [ord(c)]
    assert all(c.isalpha() and (c.isascii() or "\u0400" <= c <= "\u04ff") for c in letters - others)
    assert R._FOLD_SPECIAL_SET == set(R._FOLD_SPECIALS)


def test_social_th_prefix() -> None:
    (th,) = R._SOCIAL_TH
    assert _prefixes(P.parse(R._SOCIAL.pattern, R._SOCIAL.flags), len(th), lead="th") == R._SOCIAL_TH
    # the characters after "th": IGNORECASE matches them only with characters that lower-case to them
    rx = re.compile("[" + re.escape(th[2:]) + "]", re.I)
    for i in range(0x110000):
        c = chr(i)
        if rx.fullmatch(c):
            assert c.lower() in th[2:], hex(i)
    assert R.classify_residue.__wrapped__("The latest news on our Telegram channel") == "social-prompt"
    assert R.classify_residue.__wrapped__("THE LATEST news in our Telegram channel.") == "social-prompt"
    assert R.classify_residue.__wrapped__("The minister said the news on our Telegram channel") is None


def test_two_character_timestamp_set_walks_the_digit_paths() -> None:
    # the walker drops only matches that start with a digit: with \\d allowed anywhere else it would fail
    parsed = P.parse(R._TIMESTAMP_LINE.pattern, R._TIMESTAMP_LINE.flags)
    with pytest.raises(_Undetermined):
        _prefixes(parsed, 2)
    assert {"th", "вч", "п'"} <= _prefixes(parsed, 2, digit_start=True)
    assert R.classify_residue.__wrapped__("Thursday, 12.03.2024, 15:55") == "timestamp"
    assert R.classify_residue.__wrapped__("Вчора о 15:55") == "timestamp"
    assert R.classify_residue.__wrapped__("12.03.2024, 15:55") == "timestamp"
    assert R.classify_residue.__wrapped__("The 12 ministers met on 12.03.2024") is None


def test_timestamp_th_prefix() -> None:
    (th,) = R._TIMESTAMP_TH
    parsed = P.parse(R._TIMESTAMP_LINE.pattern, R._TIMESTAMP_LINE.flags)
    assert _prefixes(parsed, len(th), lead="th", digit_start=True) == R._TIMESTAMP_TH
    rx = re.compile("[" + re.escape(th[2:]) + "]", R._TIMESTAMP_LINE.flags)
    for i in range(0x110000):
        c = chr(i)
        if rx.fullmatch(c):
            assert c.lower() in th[2:], hex(i)
    assert R.classify_residue.__wrapped__("THURS. 15:55") == "timestamp"


class _All:
    def __contains__(self, item: object) -> bool:
        return True


_PIECES = [
    "Read also", "read ALSO:", "Photo", "ФОТО:", "Subscribe to", "our Telegram", "Tags:", "share", "Поділитися",
    "Author:", "by Olena Petrenko", "Source: UNN", "Джерело:", "Reading time: 2 min", "💬 12", "Comments (0)",
    "Updated", "12.03.2024", "15:55", "Views: 1,204", "Перегляди: 5", "просмотров 12", "👁 12", "Питання", "V", "Thursday,", "Thu", "THURS.", "Вчора о", "Published on", "Sunday", "п'ятниця",
    "Mar 3", "Today", "This", "They", "3", "• 126 views", "👁 2 341", "Kyiv • UNN", "Нагадаємо", "Let us recall",
    "Реклама", "на правах реклами", "Головна", "Новини", "politics", "The", "minister", "said", ".", ",", ":", " ",
    "—", "·", "|", "ſhare", "İmage", "Kelvin K", "ᲀ", "3 minutes ago", "5 хв тому", "an hour ago.", "Оновлено: 2 години тому", "USD 41.25 / 41.45", "$43.230.13", "©", "all rights reserved",
    "The latest", "the LATEST news", "on our", "channel", "The", "Thе", "thE la", "Th",
    "Читайте також", "Дивіться", "Їжа", "İllustrative photo", "ſubscribe", "Tags", "Keywords:", "link to", "is required", "права захищені", "Facebook", "Telegram", "/", "(", "\u00a0", "1", "word", "another word",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=12).map(" ".join) | st.lists(
    st.sampled_from(_PIECES), max_size=8
).map("".join)


@settings(max_examples=600, deadline=None)
@given(text=_TEXTS)
def test_same_kind_without_the_pre_checks(text: str) -> None:
    fast = R.classify_residue.__wrapped__(text)
    names = [n for n in vars(R) if n.startswith(("_FIRST_", "_FIRST2_"))] + [
        "_SOCIAL_FIRST", "_SOCIAL_LAST", "_RELATIVE_LAST", "_SOCIAL_TH", "_WIDGET_LAST", "_TIMESTAMP_TH"]
    saved = {n: getattr(R, n) for n in [*names, "_MAX_SET_WORDS", "_copyright_any"]}
    try:
        for n in names:
            setattr(R, n, _All())
        R._MAX_SET_WORDS = 10**9
        R._copyright_any = R._COPYRIGHT_ANY.search
        slow = R.classify_residue.__wrapped__(text)
    finally:
        for n, v in saved.items():
            setattr(R, n, v)
    assert fast == slow


def test_copyright_literals_are_in_every_match() -> None:
    # each literal is a piece of every alternative of _COPYRIGHT_ANY (in lower case) ...
    for alt in ("all rights reserved", "усі права захищені", "при використанні матеріалів гіперпосилання обов'язкове",
                "a link to the site is required", "when using materials, a hyperlink"):
        assert R._COPYRIGHT_ANY.search(alt)
        assert any(lit in alt for lit in R._COPYRIGHT_LITERALS)
    branches, depth, cur = [], 0, ""
    for ch in R._COPYRIGHT_ANY.pattern:  # top-level alternatives (the pattern has no escaped parentheses or bars)
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            branches.append(cur)
            cur = ""
        else:
            cur += ch
    branches.append(cur)
    assert len(branches) == 5
    for branch in branches:
        low = branch.lower()
        assert any(lit in low for lit in ("link", "reserved", "посилання", "захищен")), branch
    # the stronger test: each alternative holds the phrase (or phrases) `_copyright_possible` looks for
    for alt, phrases in (("all rights reserved", ["erved"]), ("усі права захищені", ["захищен"]),
                         ("при передруку посилання обов'язкове", ["илання"]), ("a link to the site is required",
                                                                         ["nk to"]),
                         ("when quoting, a hyperlink", ["when ", "nk"])):
        assert R._COPYRIGHT_ANY.search(alt) and R._copyright_possible(alt.lower())
        for phrase in phrases:
            assert phrase in alt
            assert not R._copyright_possible(alt.replace(phrase, phrase[:-1] + "#"))  # (the phrase is what it needs)
    for branch in branches:
        low = branch.lower()
        assert any(p in low for p in ("reserved", "захищен", "посилання", "link to", "when ")), branch
        if "when " in low:
            assert "link" in low
    # ... and IGNORECASE matches each of their letters only with characters that lower-case to it
    letters = sorted(set("".join(R._COPYRIGHT_LITERALS) + "".join(R._COPYRIGHT_PHRASES)))
    rx = re.compile("[" + "".join(letters) + "]", re.I)
    for i in range(0x110000):
        c = chr(i)
        if rx.fullmatch(c):
            assert c.lower() in letters, hex(i)


def test_social_token_pre_check_sets() -> None:
    by_lower: dict[str, set[str]] = {}
    for i in range(0x110000):
        by_lower.setdefault(chr(i).lower(), set()).add(chr(i))
    for chars, end in ((R._SOCIAL_FIRST, 0), (R._SOCIAL_LAST, -1)):
        for w in (*R._SOCIAL_TOKENS, "share", *R._SOCIAL_PHRASES):
            assert w[end] in chars
            assert by_lower.get(w[end], set()) <= chars, w
        assert set(R._SOCIAL_SEPARATORS) <= chars and set(R._FOLD_SPECIALS) <= chars


@pytest.mark.parametrize(
    "line",
    ["Facebook Twitter Telegram", "Share", "поділитися", "Copy link · Email", "| Viber | WhatsApp |",
     "FACEBOOK, X", "Скопіювати посилання", "Tweet / Send", "facebook link", "Kyiv • UNN"],
)
def test_social_tokens_same_without_pre_check(line: str) -> None:
    fast = R._is_social_tokens(line)
    saved = R._SOCIAL_FIRST, R._SOCIAL_LAST
    try:
        R._SOCIAL_FIRST = R._SOCIAL_LAST = _All()  # type: ignore[assignment]
        assert R._is_social_tokens(line) == fast
    finally:
        R._SOCIAL_FIRST, R._SOCIAL_LAST = saved


def _last_chars(seq) -> tuple[set[str], bool]:
    """(the characters a match of a parsed sequence can end with, "<digit>" for \\d; nullable), case kept."""
    out: set[str] = set()
    for op, av in reversed(list(seq)):
        if op is C.AT:
            continue
        if op is C.LITERAL:
            return out | {chr(av)}, False
        if op is C.IN:
            for o, a in av:
                if o is C.LITERAL:
                    out.add(chr(a))
                elif o is C.CATEGORY and a is C.CATEGORY_DIGIT:
                    out.add("<digit>")
                else:
                    raise AssertionError((o, a))
            return out, False
        if op is C.BRANCH:
            nullable = False
            for alt in av[1]:
                s, n = _last_chars(alt)
                out |= s
                nullable = nullable or n
            if not nullable:
                return out, False
            continue
        if op is C.SUBPATTERN:
            s, n = _last_chars(av[3])
            out |= s
            if not n:
                return out, False
            continue
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            s, n = _last_chars(av[2])
            out |= s
            if av[0] > 0 and not n:
                return out, False
            continue
        raise AssertionError(op)
    return out, True


def test_widget_last_characters() -> None:
    ends, nullable = _last_chars(P.parse(R._WIDGET_TOKEN.pattern, R._WIDGET_TOKEN.flags))
    assert not nullable and not R._WIDGET_TOKEN.flags & re.I
    # a digit (`str.isdecimal`), one of `_WIDGET_LAST`, or the "." that only "грн." ends with
    assert ends - {"<digit>", "."} <= R._WIDGET_LAST
    assert [a for a in R._WIDGET_TOKEN.pattern.strip("^$()?:").split("|") if a.endswith(r"\.?")] == [r"грн\.?"]
    assert R.classify_residue.__wrapped__("USD 41.25 / 41.45 грн.") == "exchange-rate-widget"
    assert R.classify_residue.__wrapped__("$43.230.13") == "exchange-rate-widget"
    assert R._is_widget("41.25 USD") and R.classify_residue.__wrapped__("41.25 USD") == "exchange-rate-widget"


_WIDGET_PIECES = ["USD", "EUR", "грн.", "грн", "41.25", "41,25", "$43.230.13", "43.230.13", "€", "▲", "+0.13", "-0,5",
                  "/", "|", "•", "word", "Kyiv", ".", "1", "12", "UAH", "CHF", "45₴", "₴45.10", "x.", "D", "H"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WIDGET_PIECES), min_size=1, max_size=8).map(" ".join))
def test_widget_pre_check_skips_only_non_widgets(text: str) -> None:
    t = text.strip()
    if R._is_widget(t):
        assert t[-1].isdecimal() or t[-1] in R._WIDGET_LAST or t.endswith("грн.")
        assert R.classify_residue.__wrapped__(text) == "exchange-rate-widget"


def test_views_non_letter_starts_match_no_letter() -> None:
    # classify_residue tries `_VIEWS_LINE` without the two-character test when the first character is no letter;
    # the paths the walker dropped start with one of these (or \d, \s), which IGNORECASE matches to no letter
    rx = re.compile(r"[•·|\s\d👁👀]", R._VIEWS_LINE.flags)
    assert not [hex(i) for i in range(0x110000) if chr(i).isalpha() and rx.fullmatch(chr(i))]
    assert R.classify_residue.__wrapped__("• 126 views") == "view-counter"
    assert R.classify_residue.__wrapped__("Переглядів: 1 204") == "view-counter"
    assert R.classify_residue.__wrapped__("Прем'єр заявив про 5 нових заходів") is None


def test_copyright_lines_found_through_the_pre_check() -> None:
    for text, kind in (("All rights reserved.", "copyright"), ("Усі права захищені", "copyright"),
                       ("A hyperlink to the site is required", "copyright"), ("The bank is open", None)):
        assert R.classify_residue.__wrapped__(text) == kind, text
