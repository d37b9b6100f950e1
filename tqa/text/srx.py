"""tokenize-uk's sentence splitter, run faster: the same answers as ``tokenize_uk.tokenize_sents_with_spans``.

tokenize-uk 2.x splits sentences with choppa's ``SrxTextIterator`` (a port of the Java `segment` library) over
LanguageTool's SRX rules (``segment.srx``, shipped in the choppa package). Used once per paragraph, that costs:

* importing choppa, which imports xmlschema (about 0.1 s) only to validate rule files on request;
* compiling, once per process, an exception pattern (all the no-break rules before it, OR-ed) for *every* break
  rule, though a text only ever needs those of the rules that match in it;
* per call, a rule matcher object per break rule, each pattern looked up by a long string key, and a Python loop
  over every position of the text for the rule whose before-pattern is empty (``<0}`` markers).

This module reads the same rule file with the same SAX handling, translates the Java regexes the same way
(``_translate_java`` and ``_finitize`` are choppa's ``translate_java_regex`` and ``finitize``; choppa is MIT
licensed, © 2022 lang-uk), compiles them with the same flags, builds the same exception pattern strings, and runs
the loop of ``SrxTextIterator.__next__`` for a string input, transcribed step by step in `sentence_spans`;
exception patterns are compiled when a break rule first needs one; a break rule is not searched in a text that lacks
the strings its matches must contain, or where its before- and after-patterns joined find nothing. Nothing here imports choppa. The tests check the
rules against choppa's own `SrxDocument`/`RuleManager` and the results against tokenize-uk; they are also identical
on every line of the WMT22/WMT23/NTREX-128 sources, references and MT outputs.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re

from tqa.patterns import compile as re_compile, compile_regex, remember

__all__ = ["sentence_spans"]

# choppa's defaults, as tokenize-uk uses them: SrxDocument(ruleset=DEFAULT_SRX_RULESET), SrxTextIterator(document,
# language_code, text) with max_lookbehind_construct_length 100; pattern flags regex.U | regex.V1.
_MAX_LOOKBEHIND = 100


def _ruleset_path() -> str:
    spec = importlib.util.find_spec("choppa")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("choppa (installed with tokenize-uk) is needed for sentence splitting")
    return os.path.join(list(spec.submodule_search_locations)[0], "data", "srx", "languagetool_segment.srx")


# -- Java regex → regex package (choppa.utils) ---------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _java_patterns():
    return (
        compile_regex(r"\\h|\\v|\\.|\(\?U\)"),
        compile_regex("(?<=(?<!\\\\)(?:\\\\\\\\){0,100})\\*"),
        compile_regex("(?<=(?<!\\\\)(?:\\\\\\\\){0,100})(?<![\\?\\*\\+]|\\{[0-9],?[0-9]?\\}?\\})\\+"),
        compile_regex("(?<=(?<!\\\\)(?:\\\\\\\\){0,100})\\{\\s*([0-9]+)\\s*,\\s*\\}"),
    )


_JAVA_REPLACEMENTS = {r"\h": r"\p{H}", r"\v": r"\p{V}", "(?U)": ""}


def _translate_java(pattern: str) -> str:
    """choppa.utils.translate_java_regex: \\h, \\v and (?U) into their regex-package equivalents."""
    construct = _java_patterns()[0]
    return construct.sub(lambda m: _JAVA_REPLACEMENTS.get(m.group(), m.group()), pattern)


def _remove_block_quotes(pattern: str) -> str:
    """choppa.utils.remove_block_quotes: \\Qabc\\E → \\a\\b\\c."""
    out = ""
    quote = False
    previous = ""
    for ch in pattern:
        if quote:
            if previous == "\\" and ch == "E":
                quote = False
                out = out[:-2]
            else:
                out += "\\" + ch
        else:
            if previous == "\\" and ch == "Q":
                quote = True
                out = out[:-1]
            else:
                out += ch
        previous = ch
    return out


def _finitize(pattern: str, infinity: int) -> str:
    """choppa.utils.finitize: *, + and {n,} bounded by `infinity` (for lookbehind)."""
    _, star, plus, open_range = _java_patterns()
    pattern = _remove_block_quotes(pattern)
    pattern = star.sub("{0," + str(infinity) + "}", pattern)
    pattern = plus.sub("{1," + str(infinity) + "}", pattern)
    return open_range.sub("{\\1," + str(infinity) + "}", pattern)


def _exception_pattern_string(before: str, after: str) -> str:
    """choppa RuleManager.create_exception_pattern_string: a no-break rule as one zero-width pattern."""
    out = "(?:"
    before = _finitize(before, _MAX_LOOKBEHIND)
    if before:
        out += "(?<=" + before + ")"
    if after:
        out += "(?=" + after + ")"
    return out + ")"


# -- the rule file (choppa.srx_parser.SRXHandler) ------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _ruleset() -> tuple[bool, tuple[tuple[str, tuple[tuple[bool, str, str], ...]], ...]]:
    """(cascade, ((language pattern, rules), …)) in file order; a rule is (is_break, before, after). Kept between
    runs with the compiled patterns (`tqa.patterns.remember`: read again when the file changes)."""
    path = _ruleset_path()
    return remember("srx-ruleset", path, lambda: _parse_ruleset(path))


def _parse_ruleset(path: str) -> tuple[bool, tuple[tuple[str, tuple[tuple[bool, str, str], ...]], ...]]:
    """`_ruleset` read from the file: with expat directly (xml.sax would import urllib), with the element handling of
    choppa's SRXHandler."""
    from xml.parsers import expat

    cascade = True
    rules: dict[str, list[tuple[bool, str, str]]] = {}
    maps: list[tuple[str, list[tuple[bool, str, str]] | None]] = []
    current: list[tuple[bool, str, str]] = []
    element: str | None = None
    is_break = False
    before: list[str] = []
    after: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal cascade, current, element, is_break
        element = name
        if name == "header":
            cascade = attrs.get("cascade") == "yes"
        elif name == "languagerule":
            current = rules[attrs["languagerulename"]] = []
        elif name == "languagemap":
            maps.append((attrs["languagepattern"], rules.get(attrs["languagerulename"])))
        elif name == "rule":
            is_break = attrs.get("break") != "no"

    def end(name: str) -> None:
        nonlocal element, is_break, before, after
        element = None
        if name == "rule":
            current.append((is_break, "".join(before), "".join(after)))
            is_break, before, after = False, [], []

    def characters(content: str) -> None:
        if element == "beforebreak":
            before.append(content)
        elif element == "afterbreak":
            after.append(content)

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    with open(path, "rb") as f:
        parser.ParseFile(f)
    return cascade, tuple((pattern, tuple(rules or ())) for pattern, rules in maps)


@functools.lru_cache(maxsize=None)
def _compile(pattern: str):
    """SrxDocument.compile: translated, with the document's flags (regex.U | regex.V1)."""
    import regex

    return compile_regex(_translate_java(pattern), regex.U | regex.V1)


# -- big literal look-behinds, tried only where the text ends with one of their strings ----------------------------
#
# An exception piece is an alternation of zero-width alternatives "(?:(?<=B)(?=A))", so it matches at a position iff
# one of its alternatives does, in any order. One English alternative is a 5,267-character list of abbreviations,
# "\b(a(?:bbrev|…)|…)\.\b" — half the cost of compiling the English exceptions, and it can only match where the text
# before the position ends with one of the finitely many strings its look-behind spells. Such an alternative
# (_GUARDED characters or more, a look-behind that `_literal_strings` can spell out) is left out of the piece's
# compiled alternation and tried, compiled on first need, only where the text ends with one of those strings.

_GUARDED = 1000
_LITERAL_LIMIT = 20000
_BOUNDARY = "\x00"  # \b in _literal_strings' strings


def _literal_strings(pattern: str) -> frozenset | None:
    """Every string `pattern` can match, if it is built only of literal characters, escaped punctuation, groups
    ("(…)", "(?:…)") and "|", with _BOUNDARY where the pattern has \\b; None for anything else."""
    n = len(pattern)
    pos = 0

    def alternation() -> set[str]:
        nonlocal pos
        out: set[str] = set()
        branch = {""}
        while pos < n:
            c = pattern[pos]
            if c == "|":
                out |= branch
                branch = {""}
                pos += 1
                continue
            if c == ")":
                break
            if c == "(":
                pos += 3 if pattern.startswith("(?:", pos) else 1
                if pattern[pos - 1] == "?" or pattern[pos : pos + 1] == "?":
                    raise _NotLiteral
                inner = alternation()
                if pos >= n or pattern[pos] != ")":
                    raise _NotLiteral
                pos += 1
                pieces = inner
            elif c == "\\":
                e = pattern[pos + 1 : pos + 2]
                if e == "b":
                    pieces = {_BOUNDARY}
                elif e and not e.isalnum() and e.isascii():
                    pieces = {e}
                else:
                    raise _NotLiteral
                pos += 2
            elif c == "[":
                end = pattern.find("]", pos)
                pieces = _class_characters(pattern[pos + 1 : end]) if end > 0 else None
                if pieces is None:
                    raise _NotLiteral
                pos = end + 1
            elif c in "]{}*+?.^$":
                raise _NotLiteral
            else:
                pieces = {c}
                pos += 1
            if pos < n and pattern[pos] == "?":  # optional (lazy or possessive alike): with or without it
                pos += 2 if pattern[pos + 1 : pos + 2] in ("?", "+") else 1
                pieces = pieces | {""}
            if pos < n and pattern[pos] in "*+?{":
                raise _NotLiteral
            branch = {a + b for a in branch for b in pieces}
            if len(branch) > _LITERAL_LIMIT:
                raise _NotLiteral
        return out | branch

    try:
        strings = alternation()
    except (_NotLiteral, IndexError):
        return None
    if pos != n or "" in strings:
        return None
    return frozenset(strings)


_SIMPLE_CLASS = re_compile(r"(?:[A-Za-z0-9](?:-[A-Za-z0-9])?)+")


def _class_characters(content: str) -> set[str] | None:
    """The characters of a set "[content]" that only lists ASCII letters and digits and ranges of them ("Hh", "1-9",
    "A-Z"); None for any other set (negated, escaped, nested, with set operations…)."""
    if not _SIMPLE_CLASS.fullmatch(content):
        return None
    out: set[str] = set()
    i = 0
    while i < len(content):
        if content[i + 1 : i + 2] == "-":
            low, high = content[i], content[i + 2]
            if low > high or not (low.isdigit() == high.isdigit() and low.isupper() == high.isupper()):
                return None
            out.update(chr(x) for x in range(ord(low), ord(high) + 1))
            i += 3
        else:
            out.add(content[i])
            i += 1
    return out


def _wordlike(c: str) -> bool:
    """Implies that `c` is a regex \\w character (letters and decimal digits are; a superset is not needed)."""
    return c.isalpha() or c.isdecimal() or c == "_"


class _NotLiteral(Exception):
    pass


# -- look-behinds that scan far back, tried only where a string they must contain occurs before the position ------
#
# Some alternatives' look-behinds scan back up to 100 characters ("\([^\)]{0,100}?[\.:][\s\u00A0]": an opening
# parenthesis somewhere before): a third of the English exceptions' matching time. Any match of such a look-behind
# contains one of the strings `_required_strings` reads from it (a run of literal items at its top level), and lies
# before the position; so where none of them occurs before the position the alternative cannot match. These
# alternatives are grouped by their strings, each group compiled when a position first needs it.


_CONTROL_ESCAPES = {"n": "\n", "r": "\r", "t": "\t"}


def _items(pattern: str, repeats: bool = False) -> list[tuple] | None:
    """The top-level items of `pattern`: ("lit", strings) for a literal item (a character, escaped punctuation, a group
    of literal alternatives), ("zero",) for a zero-width one, ("one",) for one character of a set or class, ("other",)
    for anything else (a quantified item…); None when the pattern has a construct this does not read (inline flags, a
    top-level "|", an unbalanced brace…). With `repeats`, a literal item repeated at least once ("\u00A0+", "x{2,}")
    is ("lit+", strings): a match holds one of its strings there, but what follows is not known."""
    n = len(pattern)
    pos = 0
    items: list[tuple] = []
    while pos < n:
        c = pattern[pos]
        if c == "\\":
            e = pattern[pos + 1 : pos + 2]
            if e in ("b", "B"):
                item = ("zero",)
                pos += 2
            elif e and e.isascii() and not e.isalnum():
                item = ("lit", {e})
                pos += 2
            elif e in ("p", "P") and pattern[pos + 2 : pos + 3] == "{":
                item = ("one",)
                pos = pattern.index("}", pos) + 1
            elif e in ("s", "S", "d", "D", "w", "W", "h", "v"):
                item = ("one",)
                pos += 2
            elif e in _CONTROL_ESCAPES:
                item = ("lit", {_CONTROL_ESCAPES[e]})
                pos += 2
            elif e == "u" and re.fullmatch(r"[0-9A-Fa-f]{4}", pattern[pos + 2 : pos + 6]):
                item = ("lit", {chr(int(pattern[pos + 2 : pos + 6], 16))})
                pos += 6
            else:
                return None
        elif c == "[":
            depth = 0
            start = pos
            while True:  # to the end of the set (nested sets as under regex.V1)
                ch = pattern[pos]
                if ch == "\\":
                    pos += 2
                    continue
                if ch == "[":
                    depth += 1
                    pos += 1
                    if pattern[pos : pos + 1] == "^":
                        pos += 1
                    if pattern[pos : pos + 1] == "]":
                        pos += 1
                    continue
                pos += 1
                if ch == "]":
                    depth -= 1
                    if depth == 0:
                        break
            characters = _class_characters(pattern[start + 1 : pos - 1])
            item = ("one",) if characters is None else ("lit", characters)
        elif c == "(":
            depth = 0
            end = pos
            while True:  # to the matching parenthesis
                ch = pattern[end]
                if ch == "\\":
                    end += 2
                    continue
                if ch == "[":
                    while pattern[end] != "]" or pattern[end - 1] == "\\":
                        end += 1
                depth += ch == "("
                depth -= ch == ")"
                end += 1
                if depth == 0:
                    break
            group = pattern[pos:end]
            if group.startswith(("(?=", "(?!", "(?<=", "(?<!")):
                item = ("zero",)
            elif group.startswith("(?:") or not group.startswith("(?"):
                inner = group[3:-1] if group.startswith("(?:") else group[1:-1]
                strings = _literal_strings(inner)
                plain = None if strings is None else {x.replace(_BOUNDARY, "") for x in strings}
                item = ("other",) if plain is None or len(plain) > _RUN_LIMIT or "" in plain else ("lit", plain)
            else:
                return None  # inline flags and the like
            pos = end
        elif c in "^$":
            item = ("zero",)
            pos += 1
        elif c in "|)]{}*+?":
            return None
        elif c == ".":
            item = ("one",)
            pos += 1
        else:
            item = ("lit", {c})
            pos += 1
        if pos < n and pattern[pos] == "?" and item[0] == "lit" and pattern[pos + 1 : pos + 2] not in ("*", "{"):
            pos += 2 if pattern[pos + 1 : pos + 2] in ("?", "+") else 1  # optional: with or without it
            item = ("lit", item[1] | {""})
        if pos < n and pattern[pos] in "*+?{":  # a quantified item
            if pattern[pos] == "{" and not re.match(r"\{\d*(,\d*)?\}", pattern[pos:]):
                return None
            at_least_once = pattern[pos] == "+" or (pattern[pos] == "{" and not re.match(r"\{0*(,|\})", pattern[pos:]))
            pos = pattern.index("}", pos) + 1 if pattern[pos] == "{" else pos + 1
            if pos < n and pattern[pos] in "?+":
                pos += 1
            item = ("lit+", item[1]) if repeats and at_least_once and item[0] == "lit" and "" not in item[1] else ("other",)
        items.append(item)
    return items


_RUN_LIMIT = 64


def _concatenate(run: set[str] | None, strings: set[str]) -> set[str] | None:
    if run is None:
        return set(strings)
    out = {a + b for a in run for b in strings}
    return out if len(out) <= _RUN_LIMIT else None


def _required_strings(pattern: str, repeats: bool = False) -> frozenset | None:
    """Strings one of which every match of `pattern` contains, read from its longest run of literal items (zero-width
    items are skipped; with `repeats`, a literal item repeated at least once is a run of its own); None if there is
    none or `_items` cannot read the pattern."""
    items = _items(pattern, repeats)
    if items is None:
        return None
    runs: list[set[str]] = []
    run: set[str] | None = None
    for item in items + [("other",)]:
        if item[0] == "zero":
            continue
        if item[0] == "lit+":  # its strings occur in every match, but nothing known follows them
            if run is not None and "" not in run:
                runs.append(run)
            runs.append(set(item[1]))
            run = None
            continue
        if item[0] == "lit":
            longer = _concatenate(run, item[1])
            if longer is None:  # too many strings: the run so far ends here, a new one starts
                if run is not None and "" not in run:
                    runs.append(run)
                longer = set(item[1])
            run = longer
            continue
        if run is not None and "" not in run:
            runs.append(run)
        run = None
    if not runs:
        return None
    best = max(runs, key=lambda strings: (min(map(len, strings)), -len(strings)))
    return frozenset(best)


def _literal_suffix(pattern: str) -> tuple[int, frozenset] | None:
    """(m, strings) when every match of `pattern` ends with one of `strings` followed by exactly m more characters
    (one character items, zero-width items skipped); None when its end is not such a literal run."""
    items = _items(pattern)
    if items is None:
        return None
    m = 0
    i = len(items)
    while i and items[i - 1][0] in ("zero", "one"):
        m += items[i - 1][0] == "one"
        i -= 1
    run: set[str] | None = None
    while i and items[i - 1][0] in ("zero", "lit"):
        if items[i - 1][0] == "lit":
            longer = set(items[i - 1][1]) if run is None else {a + b for a in items[i - 1][1] for b in run}
            if len(longer) > _RUN_LIMIT:
                break  # the run read so far is still how every match ends
            run = longer
        i -= 1
    if run is None:
        return None
    return m, frozenset(run)


def _scan_guard(alternative: str, before: str) -> frozenset | None:
    """The strings that guard an alternative whose look-behind scans far back (a repeat up to _MAX_LOOKBEHIND), or
    None (the alternative stays in the piece's compiled alternation)."""
    if ",%d}" % _MAX_LOOKBEHIND not in before or not alternative.startswith("(?:(?<=" + before + ")"):
        return None
    strings = _required_strings(_translate_java(before))
    if strings is None or len(strings) > 16 or all(len(x) == 1 and x in " .,-" for x in strings):
        return None  # (a guard that nearly every text passes would only cost time)
    return strings


class _Piece:
    """One exception piece: its alternatives as one compiled alternation, but for the big literal look-behinds."""

    __slots__ = ("rest", "guards", "scans", "suffixes")

    def __init__(self, source: str, alternatives: tuple[tuple[str, str], ...]) -> None:
        guards = []
        rest = []
        scans: dict[frozenset, list[str]] = {}
        suffixes: dict[tuple[int, str], list[str]] = {}
        if "|".join(a for a, _ in alternatives) != source:  # (cannot happen: the piece is made of them)
            alternatives = ()
        for alternative, before in alternatives:
            strings = None
            if len(alternative) >= _GUARDED and alternative.startswith("(?:(?<=" + before + ")"):
                strings = _literal_strings(_translate_java(before))
            if strings is None:
                required = _scan_guard(alternative, before)
                suffix = None
                if required is None and alternative.startswith("(?:(?<=" + before + ")"):
                    suffix = _literal_suffix(_translate_java(before))
                    if suffix is not None and min(map(len, suffix[1])) < 2:
                        suffix = None  # (a guard that nearly every text passes would only cost time)
                if required is not None:
                    scans.setdefault(required, []).append(alternative)
                elif suffix is not None:
                    for string in suffix[1]:
                        suffixes.setdefault((suffix[0], string), []).append(alternative)
                else:
                    rest.append(alternative)
            else:
                plain = frozenset(s.replace(_BOUNDARY, "") for s in strings)
                # strings every spelling of which starts with \b before a word character: no word character precedes them
                forms: dict[str, set[bool]] = {}
                for spelling in strings:
                    forms.setdefault(spelling.replace(_BOUNDARY, ""), set()).add(
                        spelling[0] == _BOUNDARY and spelling[1:2] != _BOUNDARY and _wordlike(spelling[1:2] or " ")
                    )
                bounded = frozenset(w for w, starts in forms.items() if starts == {True})
                lengths = tuple(sorted({len(s) for s in plain}))
                last = frozenset(s[-1] for s in plain)
                guards.append([last, lengths, plain, alternative, None, bounded])
        if not alternatives:
            rest = [source]
        self.rest = _compile("|".join(rest)).match if rest else None
        self.guards = guards
        self.scans = [[tuple(sorted(required)), "|".join(group), None] for required, group in scans.items()]
        # (m, {the last two characters of a string: [(string, [alternatives, compiled]), …]}), by m
        index: dict[int, dict[str, list]] = {}
        for (m, string), group in suffixes.items():
            index.setdefault(m, {}).setdefault(string[-2:], []).append((len(string), string, ["|".join(group), None]))
        self.suffixes = tuple(sorted(index.items()))

    def match(self, text: str, position: int) -> bool:
        rest = self.rest
        if rest is not None and rest(text, position) is not None:
            return True
        for m, index in self.suffixes:
            # the look-behind's match ends with one of its strings and then m characters: else no match
            end = position - m
            candidates = index.get(text[end - 2 : end]) if end >= 2 else None
            if candidates is not None:
                for size, string, entry in candidates:
                    if end >= size and text.startswith(string, end - size):
                        if entry[1] is None:
                            entry[1] = _compile(entry[0]).match
                        if entry[1](text, position) is not None:
                            return True
        for scan in self.scans:
            # a match of the group's look-behinds contains one of its strings, before the position: else no match
            for required in scan[0]:
                if text.find(required, 0, position) >= 0:
                    if scan[2] is None:
                        scan[2] = _compile(scan[1]).match
                    if scan[2](text, position) is not None:
                        return True
                    break
        if position:
            for guard in self.guards:
                # the look-behind ends at `position` with one of its strings (it is made of nothing else): else no match
                if text[position - 1] in guard[0] and any(
                    text[position - size : position] in guard[2]
                    # \b before a word character: not after one
                    and not (
                        size < position
                        and _wordlike(text[position - size - 1])
                        and text[position - size : position] in guard[5]
                    )
                    for size in guard[1]
                    if size <= position
                ):
                    if guard[4] is None:
                        guard[4] = _compile(guard[3]).match
                    if guard[4](text, position) is not None:
                        return True
        return False


_PLAIN_LANGUAGE_PATTERN = re_compile(r"[A-Za-z0-9_|().*{},\[\]-]*")


@functools.lru_cache(maxsize=None)
def _language_matcher(pattern: str):
    """The fullmatch of a languagemap pattern ("(EN|en).*", "[a-z]{2,3}_one"…): with the standard `re` module when the
    pattern uses only letters, digits, "_", "-", groups, "|", ".", "*", sets and counted repeats, whose meaning `re`
    and the regex package (version 0, as choppa compiles them) share — it compiles them three times faster."""
    if _PLAIN_LANGUAGE_PATTERN.fullmatch(pattern):
        try:
            return re_compile(pattern).fullmatch
        except re.error:
            pass
    return compile_regex(pattern).fullmatch


class _Rules:
    """The break rules of one language code, in cascade order, with their exception patterns (lazily compiled)."""

    __slots__ = ("before", "after", "exception_source", "pieces", "chain", "exception", "alternatives", "required",
                 "joint")

    def __init__(self, language_code: str) -> None:
        cascade, maps = _ruleset()
        rules: list[tuple[bool, str, str]] = []
        for pattern, language_rules in maps:  # SrxDocument.get_language_rule_list
            if _language_matcher(pattern)(language_code):
                rules.extend(language_rules)
                if not cascade:
                    break
        self.before: list = []
        self.after: list = []
        self.exception_source: list[str] = []  # "" for a rule with no exception before it
        self.required: list[tuple[tuple[str, ...], ...]] = []
        self.joint: list = []  # per break rule: the search of "(?:before)(?:after)", or None (see `_joint`)
        source = ""
        counts: dict[str, int] = {}  # source → how many alternatives it has
        alternatives: list[tuple[str, str]] = []  # (alternative, its finitized before-pattern) in source order
        # as RuleManager.__init__: every break rule's exceptions are all the no-break rules that precede it
        for is_break, before, after in rules:
            if is_break:
                self.before.append(_compile(before))
                self.after.append(_compile(after))
                # strings one of which a match of the before-pattern contains, and the same of the after-pattern
                self.required.append(
                    tuple(
                        tuple(sorted(strings))
                        for strings in (
                            _required_strings(_translate_java(before), repeats=True),
                            _required_strings(_translate_java(after), repeats=True),
                        )
                        if strings
                    )
                )
                self.joint.append(_joint(before, after) if not self.required[-1] else None)
                self.exception_source.append(source)
                counts[source] = len(alternatives)
            else:
                if source:
                    source += "|"
                alternative = _exception_pattern_string(before, after)
                source += alternative
                alternatives.append((alternative, _finitize(before, _MAX_LOOKBEHIND)))
        # A later break rule's exception source is an earlier one + "|" + more alternatives, and a top-level
        # alternation matches at a position iff one of its halves does (the pieces are "(?:…)" groups; their inline
        # flags, (?iu), are scoped to their own group under regex.V1): so each distinct source is compiled as its new
        # alternatives only, and rule k tries the chain of pieces up to its own source. Compiling a 10,000-character
        # English exception pattern once instead of twice saves ~25 ms of the first split.
        chains: dict[str, tuple[int, ...]] = {"": ()}
        self.pieces: list[str] = []
        self.chain: list[tuple[int, ...]] = []
        previous = ""
        for source in self.exception_source:
            if source not in chains:
                if previous and source.startswith(previous + "|"):
                    self.pieces.append(source[len(previous) + 1 :])
                    chains[source] = chains[previous] + (len(self.pieces) - 1,)
                else:  # (cannot happen with RuleManager's construction; kept whole if it ever did)
                    self.pieces.append(source)
                    chains[source] = (len(self.pieces) - 1,)
                previous = source
            self.chain.append(chains[source])
        self.exception: list = [None] * len(self.pieces)
        # each piece's alternatives with their finitized look-behinds (for _Piece's guards): a source's alternatives
        # are the first `counts[source]` ones, so a piece (a source less the previous one) holds a run of them
        self.alternatives: list[tuple[tuple[str, str], ...]] = []
        previous = ""
        for source in dict.fromkeys(self.exception_source):
            if source:
                start = counts[previous] if previous and source.startswith(previous + "|") else 0
                self.alternatives.append(tuple(alternatives[start : counts[source]]))
                previous = source

    def is_break(self, k: int, text: str, position: int) -> bool:
        """``SrxTextIterator.is_exception``: True when no exception rule of break rule `k` matches at `position`."""
        for i in self.chain[k]:
            piece = self.exception[i]
            if piece is None:
                piece = self.exception[i] = _Piece(self.pieces[i], self.alternatives[i])
            if piece.match(text, position):
                return False
        return True


_NOT_SELF_CONTAINED = re_compile(r"\\[1-9gGkKAZz]|\(\?(?![:=!]|<[=!])|(?<!\[)[\^$]")


def _joint(before: str, after: str):
    """The search of "(?:before)(?:after)" for a break rule with both patterns, to skip `_find` where it finds nothing;
    None for a rule without one of them, or with a construct whose meaning could change when the two are joined
    (a back-reference, a named group, inline flags, anchors, \\G…).

    Exact: `_find` reports a match only where a match of `before` (over the whole text) ends at a position where
    `after` matches (`after.match(text, end)`: its look-behinds see the same text); the two joined then match there,
    so where the joined search finds nothing, `_find` finds nothing either."""
    if not before or not after:
        return None
    before, after = _translate_java(before), _translate_java(after)
    if _NOT_SELF_CONTAINED.search(before) or _NOT_SELF_CONTAINED.search(after):
        return None
    import regex

    return compile_regex("(?:" + before + ")(?:" + after + ")", regex.U | regex.V1).search


@functools.lru_cache(maxsize=None)
def _rules(language_code: str) -> _Rules:
    return _Rules(language_code)


def _find(before, after, text: str, n: int, m: list) -> bool:
    """``RuleMatcher.find`` from ``m[0]`` (its position); m = [position, start, break, found]."""
    position = m[0]
    m[3] = False
    if not before.pattern:
        # An empty before-pattern matches (empty) at every position, so the loop below would try the after-pattern
        # at position, position + 1, … — which is what searching for it does, in one call.
        if position <= n:
            after_match = after.search(text, position)
            if after_match is not None:
                m[1] = m[2] = after_match.start()
                m[3] = True
                position = after_match.start() + 1
            else:
                position = n + 1
        m[0] = position
        return m[3]
    search_before = before.search
    match_after = after.match
    while position <= n:
        before_match = search_before(text, position)
        if before_match is None:
            break
        break_position = before_match.end()
        # Java Matcher.find(): restart at the end of the match, one further if it was empty
        position = break_position + 1 if break_position == before_match.start() else break_position
        if match_after(text, break_position) is not None:
            m[1] = before_match.start()
            m[2] = break_position
            m[3] = True
            break
    m[0] = position
    return m[3]


def sentence_spans(text: str, language_code: str) -> list[tuple[str, int, int]]:
    """``tokenize_uk.tokenize_sents_with_spans(text, language_code=...)``: (sentence, start, end), stripped."""
    n = len(text)
    if not n:
        return []
    rules = _rules(language_code)
    before, after = rules.before, rules.after
    # init_matchers: one matcher per break rule that matches somewhere, in rule order
    matchers: list[tuple[int, list]] = []
    for k, required in enumerate(rules.required):
        if required:
            # a rule's match contains one of its before-pattern's required strings and one of its after-pattern's:
            # if the text lacks them, there is no match (_find would say False)
            for strings in required:
                for string in strings:
                    if string in text:
                        break
                else:
                    break
            else:
                required = ()
            if required:
                continue
        joint = rules.joint[k]
        if joint is not None and joint(text) is None:
            continue  # before and after never meet in the text: _find would say False (see `_joint`)
        m = [0, 0, 0, False]
        if _find(before[k], after[k], text, n, m):
            matchers.append((k, m))
    spans: list[tuple[str, int, int]] = []
    start = 0
    while start < n:  # has_next (a string input has no more text to read)
        found = False
        end = start
        while not found:
            best = None  # get_min_matcher: the smallest break position, the first matcher on ties
            for entry in matchers:
                if best is None or entry[1][2] < best[1][2]:
                    best = entry
            if best is None:
                found = True
                end = n
            else:
                end = best[1][2]
                if end > start:
                    found = rules.is_break(best[0], text, end)
                    if found:  # cut_matchers: matches that started inside the segment are searched again after it
                        for entry in list(matchers):
                            k, m = entry
                            if m[1] < end:
                                m[0] = end
                                if not _find(before[k], after[k], text, n, m):
                                    matchers.remove(entry)
            # move_matchers: every matcher moves past the current break position
            for entry in list(matchers):
                k, m = entry
                while m[2] <= end:
                    if not _find(before[k], after[k], text, n, m):
                        matchers.remove(entry)
                        break
        segment = text[start:end]
        stripped = segment.strip()
        if stripped:
            lead = len(segment) - len(segment.lstrip())
            spans.append((stripped, start + lead, start + lead + len(stripped)))
        start = end
    return spans
