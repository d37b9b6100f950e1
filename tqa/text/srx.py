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
exception patterns are compiled when a break rule first needs one. Nothing here imports choppa. The tests check the
rules against choppa's own `SrxDocument`/`RuleManager` and the results against tokenize-uk; they are also identical
on every line of the WMT22/WMT23/NTREX-128 sources, references and MT outputs.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re

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
    import regex

    return (
        regex.compile(r"\\h|\\v|\\.|\(\?U\)"),
        regex.compile("(?<=(?<!\\\\)(?:\\\\\\\\){0,100})\\*"),
        regex.compile("(?<=(?<!\\\\)(?:\\\\\\\\){0,100})(?<![\\?\\*\\+]|\\{[0-9],?[0-9]?\\}?\\})\\+"),
        regex.compile("(?<=(?<!\\\\)(?:\\\\\\\\){0,100})\\{\\s*([0-9]+)\\s*,\\s*\\}"),
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
    """(cascade, ((language pattern, rules), …)) in file order; a rule is (is_break, before, after). Read with expat
    directly (xml.sax would import urllib), with the element handling of choppa's SRXHandler."""
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
    with open(_ruleset_path(), "rb") as f:
        parser.ParseFile(f)
    return cascade, tuple((pattern, tuple(rules or ())) for pattern, rules in maps)


@functools.lru_cache(maxsize=None)
def _compile(pattern: str):
    """SrxDocument.compile: translated, with the document's flags (regex.U | regex.V1)."""
    import regex

    return regex.compile(_translate_java(pattern), flags=regex.U | regex.V1)


# -- an index of the exception alternatives by the characters before the break ----------------------------------
#
# An exception pattern is an alternation of zero-width alternatives, "(?:(?<=B)(?=A))" (or one half of it), so it
# matches at a position iff one alternative does, in any order. An alternative's look-behind B can only match if the
# characters just before the position end like one of B's matches: `_tails` reads, from the parsed B, every way the
# last _TAIL characters of a match can look (each character as the source of the class, escape or literal that
# consumes it). At a break position only the alternatives whose tails fit the _TAIL characters before it are tried
# (`_Rules.is_break`); those are compiled when first needed. Alternatives the analysis cannot read (an inline flag
# such as (?i), an unknown construct, no look-behind at their start) are always tried.

_TAIL = 3
_INF = 1 << 30


class _Unsupported(Exception):
    pass


def _parse(pattern: str):
    """The regex `pattern` as branches of items (a sequence per branch of a top-level alternation): ("c", source) for
    one consumed character, ("z",) for a zero-width item, ("lb", branches) for a look-behind, ("g", branches) for a
    group, ("r", item, lo, hi) for a repeated item. Raises _Unsupported for anything else."""
    pos = 0
    n = len(pattern)

    def escape(i: int) -> tuple[str, int]:  # an escape at i (the backslash): (source, end)
        if i + 1 >= n:
            raise _Unsupported(pattern)
        c = pattern[i + 1]
        if c in "pP":
            if i + 2 < n and pattern[i + 2] == "{":
                j = pattern.index("}", i + 2)
                return pattern[i : j + 1], j + 1
            return pattern[i : i + 3], i + 3
        if c == "u":
            return pattern[i : i + 6], i + 6
        if c == "x":
            return pattern[i : i + 4], i + 4
        if c in "NXgkQEGK" or c.isdigit():
            raise _Unsupported(pattern)
        return pattern[i : i + 2], i + 2

    def char_class(i: int) -> int:  # a [...] set at i: its end (nested sets allowed, as under regex.V1)
        depth = 0
        j = i
        while j < n:
            c = pattern[j]
            if c == "\\":
                j = escape(j)[1]
                continue
            if c == "[":
                depth += 1
                j += 1
                if pattern[j : j + 1] == "^":
                    j += 1
                if pattern[j : j + 1] == "]":  # a leading ] is literal
                    j += 1
                continue
            if c == "]":
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
        raise _Unsupported(pattern)

    def alternation():
        nonlocal pos
        branches = [[]]
        while pos < n:
            c = pattern[pos]
            if c == "|":
                branches.append([])
                pos += 1
                continue
            if c == ")":
                return branches
            item = atom()
            branches[-1].append(quantified(item))
        return branches

    def atom():
        nonlocal pos
        c = pattern[pos]
        if c == "(":
            if pattern.startswith("(?", pos):
                for prefix, kind in (("(?<=", "lb"), ("(?<!", "z"), ("(?=", "z"), ("(?!", "z"), ("(?:", "g")):
                    if pattern.startswith(prefix, pos):
                        pos += len(prefix)
                        break
                else:
                    raise _Unsupported(pattern)  # inline flags, named groups, conditionals…
            else:
                kind = "g"
                pos += 1
            branches = alternation()
            if pos >= n or pattern[pos] != ")":
                raise _Unsupported(pattern)
            pos += 1
            return ("z",) if kind == "z" else (kind, branches)
        if c == "[":
            end = char_class(pos)
            item = ("c", pattern[pos:end])
            pos = end
            return item
        if c == "\\":
            source, end = escape(pos)
            pos = end
            return ("z",) if source in ("\\b", "\\B", "\\A", "\\Z", "\\z") else ("c", source)
        if c in "^$":
            pos += 1
            return ("z",)
        if c in "*+?{":
            raise _Unsupported(pattern)
        pos += 1
        return ("c", c)

    def quantified(item):
        nonlocal pos
        if pos >= n:
            return item
        c = pattern[pos]
        if c in "*+?":
            lo, hi = {"*": (0, _INF), "+": (1, _INF), "?": (0, 1)}[c]
            pos += 1
        elif c == "{":
            m = _QUANTIFIER.match(pattern, pos)
            if m is None:
                return item  # a literal "{" (as the regex package reads it) follows: nothing to quantify
            lo = int(m.group(1) or 0)
            hi = lo if m.group(2) is None else int(m.group(3)) if m.group(3) else _INF
            pos = m.end()
        else:
            return item
        if pos < n and pattern[pos] in "?+":  # lazy or possessive: the same strings
            pos += 1
        if pos < n and pattern[pos] in "*+?{":
            raise _Unsupported(pattern)
        if item[0] == "z":
            return item
        return ("r", item, lo, hi)

    branches = alternation()
    if pos != n:
        raise _Unsupported(pattern)
    return branches


def _tails_of_item(item, k: int) -> frozenset:
    kind = item[0]
    if kind == "c":
        return frozenset({(item[1],)})
    if kind in ("z", "lb"):
        return frozenset({()})
    if kind == "g":
        return _tails(item[1], k)
    _, inner, lo, hi = item
    ends = _tails_of_item(inner, k)
    # r copies: only the last k characters matter, so r > k copies end as k copies do
    lo, hi = min(lo, k), min(hi, k)
    level = {()}
    out: set = set()
    for r in range(hi + 1):
        if r >= lo:
            out |= level
        level = {t if len(t) >= k else (t + e)[:k] for t in level for e in ends}
    return frozenset(out)


def _tails(branches, k: int) -> frozenset:
    """Every way the last k characters of a match of `branches` can look, last first: tuples of character sources,
    shorter than k when the whole match is shorter (whatever precedes it is then free)."""
    out: set = set()
    for items in branches:
        level = {()}
        for item in reversed(items):
            if all(len(t) >= k for t in level):
                break
            ends = _tails_of_item(item, k)
            level = {t if len(t) >= k else (t + e)[:k] for t in level for e in ends}
        out |= level
    return frozenset(out)


def _top_alternatives(pattern: str) -> list[str]:
    """The source of each top-level alternative of `pattern` (translated), in order."""
    pieces: list[str] = []
    depth = 0
    start = 0
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            depth_set = 0
            while i < n:  # skip the set (nested sets as under regex.V1)
                c = pattern[i]
                if c == "\\":
                    i += 2
                    continue
                if c == "[":
                    depth_set += 1
                    i += 1
                    if pattern[i : i + 1] == "^":
                        i += 1
                    if pattern[i : i + 1] == "]":
                        i += 1
                    continue
                if c == "]":
                    depth_set -= 1
                    if depth_set == 0:
                        break
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            pieces.append(pattern[start:i])
            start = i + 1
        i += 1
    pieces.append(pattern[start:])
    return pieces


def _behind_tails(alternative: str) -> frozenset | None:
    """The tails of the look-behind an alternative starts with (only zero-width items before it); None when there
    is none or it cannot be read (the alternative is then always tried)."""
    if "(?i" in alternative:
        return None
    try:
        branches = _parse(alternative)
    except (_Unsupported, ValueError, IndexError):
        return None
    while len(branches) == 1:
        for item in branches[0]:
            if item[0] == "lb":
                return _tails(item[1], _TAIL)
            if item[0] == "g":
                branches = item[1]
                break
            if item[0] != "z":
                return None
        else:
            return None
    return None


@functools.lru_cache(maxsize=None)
def _atom(source: str):
    import regex

    return regex.compile(source, flags=regex.U | regex.V1).fullmatch


_ATOMS: dict = {}  # (character source, character) → whether the one matches the other


def _accepts(source: str, ch: str) -> bool:
    hit = _ATOMS.get((source, ch))
    if hit is None:
        hit = _ATOMS[source, ch] = _atom(source)(ch) is not None
    return hit


def _trie(tails: list) -> tuple:
    """The alternatives' tails as a trie, last character first: node = (alternatives whose tail ends here, {source:
    node})."""
    root: tuple = (set(), {})
    for i, alternative_tails in enumerate(tails):
        if alternative_tails is None:
            continue
        for tail in alternative_tails:
            node = root
            for source in tail:
                node = node[1].setdefault(source, (set(), {}))
            node[0].add(i)
    return root


def _walk(node: tuple, key: str, j: int, out: set) -> None:
    """Adds to `out` the alternatives of `node` and below whose tails fit `key` (j characters matched so far)."""
    out |= node[0]
    if j < len(key):  # a longer tail needs a character there
        ch = key[-1 - j]
        for source, child in node[1].items():
            if _accepts(source, ch):
                _walk(child, key, j + 1, out)


class _Piece:
    """One exception piece: its alternatives, indexed by the characters before a position."""

    __slots__ = ("alternatives", "tails", "always", "trie", "by_key", "compiled")

    def __init__(self, source: str) -> None:
        self.alternatives = _top_alternatives(_translate_java(source))
        self.tails = [_behind_tails(a) for a in self.alternatives]
        self.always = {i for i, t in enumerate(self.tails) if t is None}
        self.trie = _trie(self.tails)
        self.by_key: dict[str, tuple] = {}
        self.compiled: dict[int, object] = {}

    def select(self, key: str) -> tuple:
        """The compiled alternatives that can match at a position with `key` before it (in order)."""
        fit = set(self.always)
        _walk(self.trie, key, 0, fit)
        out = []
        for i in sorted(fit):
            pattern = self.compiled.get(i)
            if pattern is None:  # compiled when a position first needs it
                import regex

                pattern = self.compiled[i] = regex.compile(self.alternatives[i], flags=regex.U | regex.V1)
            out.append(pattern.match)
        selected = self.by_key[key] = tuple(out)
        return selected


_QUANTIFIER = re.compile(r"\{\s*(\d*)\s*(,\s*(\d*))?\s*\}")


class _Rules:
    """The break rules of one language code, in cascade order, with their exception patterns (lazily compiled)."""

    __slots__ = ("before", "after", "exception_source", "pieces", "chain", "exception")

    def __init__(self, language_code: str) -> None:
        import regex

        cascade, maps = _ruleset()
        rules: list[tuple[bool, str, str]] = []
        for pattern, language_rules in maps:  # SrxDocument.get_language_rule_list
            if regex.compile(pattern).fullmatch(language_code):
                rules.extend(language_rules)
                if not cascade:
                    break
        self.before: list = []
        self.after: list = []
        self.exception_source: list[str] = []  # "" for a rule with no exception before it
        source = ""
        # as RuleManager.__init__: every break rule's exceptions are all the no-break rules that precede it
        for is_break, before, after in rules:
            if is_break:
                self.before.append(_compile(before))
                self.after.append(_compile(after))
                self.exception_source.append(source)
            else:
                if source:
                    source += "|"
                source += _exception_pattern_string(before, after)
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

    def is_break(self, k: int, text: str, position: int) -> bool:
        """``SrxTextIterator.is_exception``: True when no exception rule of break rule `k` matches at `position`."""
        key = text[position - _TAIL : position] if position >= _TAIL else text[:position]
        for i in self.chain[k]:
            piece = self.exception[i]
            if piece is None:
                piece = self.exception[i] = _Piece(self.pieces[i])
            selected = piece.by_key.get(key)
            if selected is None:
                selected = piece.select(key)
            # only the alternatives whose look-behind can end with `key` (see _tails): the others cannot match here
            for match in selected:
                if match(text, position) is not None:
                    return False
        return True


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
    for k in range(len(before)):
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
