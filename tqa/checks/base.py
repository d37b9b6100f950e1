"""The rule base class, the check context and the registry.

A rule is a small class with a code, a name, a category, a default severity and ruff-style docs in its docstring
(``## What it does`` / ``## Why is this bad?`` / ``## Example``). It is pure: `check(pair, ctx)` receives one
`AlignedPair` and a read-only `Context` and yields findings; rules with ``scope = "document"`` implement
`check_document(story, ctx)` instead and run once per story.

The ``## Example`` section holds ``Source:``, ``Bad:`` and ``Good:`` lines (``¶`` separates paragraphs); the test
suite runs every rule on them: *Bad* must produce the rule's code, *Good* must not (pycodestyle-style living docs).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from tqa.config import Config
from tqa.model import AlignedPair, AlignedStory, Finding, Fix, Segment, Severity, Span, Story
from tqa.patterns import compile as re_compile

__all__ = ["Context", "Rule", "RuleDocs", "all_rules", "get_rule", "register", "select_rules"]

_CODE_RE = re_compile(r"^TQA\d{3}$")
_NAME_RE = re_compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Context:
    """What a check may know beyond its pair: the configuration, the whole aligned story (for neighbours) and facts
    the engine established once per story (e.g. the story's year)."""

    config: Config
    story: AlignedStory
    facts: dict[str, object] = field(default_factory=dict)
    # Scratch space for derived data that several rules share within this story (one number comparison per pair for
    # the whole TQA3xx family, say): see `Context.memo`. A new Context (and cache) is made for every story.
    cache: dict[object, object] = field(default_factory=dict)

    def memo(self, key: object, compute):
        """``compute()``, computed once per story for `key` (a tuple naming the module and what it computes)."""
        try:
            return self.cache[key]
        except KeyError:
            value = self.cache[key] = compute()
            return value

    def previous(self, pair: AlignedPair, distance: int = 1) -> AlignedPair | None:
        i = pair.index - distance
        return self.story.pairs[i] if 0 <= i < len(self.story.pairs) else None

    def next(self, pair: AlignedPair, distance: int = 1) -> AlignedPair | None:
        i = pair.index + distance
        return self.story.pairs[i] if 0 <= i < len(self.story.pairs) else None

    @property
    def raw_story(self) -> Story:
        return self.story.story


@dataclass(frozen=True, slots=True)
class RuleDocs:
    what: str
    why: str
    example: str
    source_example: str | None
    bad_examples: tuple[str, ...]
    good_examples: tuple[str, ...]


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    scope: ClassVar[str] = "pair"  # "pair" or "document"
    # Pair-scope rules are not called on pairs the aligner marked as page residue (`AlignedPair.residue`), unless
    # they set this (the residue rules themselves).
    on_residue: ClassVar[bool] = False
    # An exact pre-check for pair-scope rules: ``gate(pair)`` is False only for pairs on which `check` would yield
    # nothing (no digit or number word on either side, no quotation mark, no Cyrillic letter…). Rules of one family
    # share the same function, and the engine calls it once per pair for all of them, so most pairs never reach most
    # checks. A gate must be cheap and must never be False where `check` could find something; the test suite
    # compares every rule with and without its gate. Set it as ``gate = staticmethod(fn)``; None: every pair.
    gate: ClassVar[Callable[[AlignedPair], bool] | None] = None
    # The same once per story: ``story_gate(aligned_story)`` is False only for stories in which the rule finds nothing
    # (e.g. the residue rules in a story without residue); the engine then does not call the rule at all.
    story_gate: ClassVar[Callable[[AlignedStory], bool] | None] = None

    def check(self, pair: AlignedPair, ctx: Context) -> Iterable[Finding]:
        return ()

    def check_document(self, story: AlignedStory, ctx: Context) -> Iterable[Finding]:
        return ()

    # -- helpers for implementations -------------------------------------------------------------------------------

    def finding(
        self,
        message: str,
        *,
        target: Span | Segment | None = None,
        source: Span | Segment | None = None,
        fix: Fix | None = None,
        severity: Severity | None = None,
        context: str | None = None,
    ) -> Finding:
        """Build a finding of this rule. `context` is the text the fingerprint hashes besides the spans (defaults
        to the span texts); pass the surrounding sentence when the span itself is short (a letter, a number)."""
        tspan = target.span if isinstance(target, Segment) else target
        sspan = source.span if isinstance(source, Segment) else source
        return Finding(
            code=self.code,
            name=self.name,
            category=self.category,
            severity=severity or self.severity,
            message=message,
            source=sspan,
            target=tspan,
            fix=fix,
            context=context if context is not None else "",
        )

    @classmethod
    def docs(cls) -> RuleDocs:
        import inspect  # docs are read by `tqa rules` and the docs tests, not by checks

        return parse_docs(inspect.getdoc(cls) or "")


def parse_docs(doc: str) -> RuleDocs:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in doc.splitlines():
        m = re.match(r"^##\s+(.*?)\s*$", line)
        if m:
            current = m.group(1).lower().rstrip("?")
            sections[current] = []
        elif current:
            sections[current].append(line)

    def text(key: str) -> str:
        return "\n".join(sections.get(key, [])).strip()

    example = text("example")
    src = None
    bad: list[str] = []
    good: list[str] = []
    for line in example.splitlines():
        label, _, rest = line.partition(":")
        label = label.strip().lower()
        rest = rest.strip()
        if label == "source":
            src = rest
        elif label == "bad":
            bad.append(rest)
        elif label == "good":
            good.append(rest)
    return RuleDocs(text("what it does"), text("why is this bad"), example, src, tuple(bad), tuple(good))


_REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the registry (codes and names are unique and never reused)."""
    if not _CODE_RE.match(cls.code):
        raise ValueError(f"bad rule code {cls.code!r}")
    if not _NAME_RE.match(cls.name):
        raise ValueError(f"bad rule name {cls.name!r}")
    for attr in ("gate", "story_gate"):
        gate = next((k.__dict__[attr] for k in cls.__mro__ if attr in k.__dict__), None)  # unbound, as declared
        if gate is not None and not isinstance(gate, staticmethod):
            raise ValueError(f"{cls.__name__}.{attr} must be a staticmethod (or None)")
    other = _REGISTRY.get(cls.code)
    if other is not None and other is not cls:
        raise ValueError(f"duplicate rule code {cls.code}: {other.__name__} and {cls.__name__}")
    for existing in _REGISTRY.values():
        if existing.name == cls.name and existing is not cls:
            raise ValueError(f"duplicate rule name {cls.name}")
    _REGISTRY[cls.code] = cls
    return cls


def all_rules() -> list[type[Rule]]:
    """Every registered rule, sorted by code."""
    from tqa import checks  # noqa: F401  (imports the rule modules, which register themselves)

    return [_REGISTRY[c] for c in sorted(_REGISTRY)]


def get_rule(code_or_name: str) -> type[Rule] | None:
    key = code_or_name.strip()
    for cls in all_rules():
        if cls.code == key.upper() or cls.name == key.lower():
            return cls
    return None


def _matches(code: str, prefixes: Iterable[str]) -> bool:
    for p in prefixes:
        p = p.strip().upper()
        if p in ("ALL", "TQA") or code.startswith(p if p.startswith("TQA") else "TQA" + p):
            return True
    return False


def select_rules(select: Iterable[str], ignore: Iterable[str] = ()) -> list[type[Rule]]:
    """Rules whose code starts with one of `select` and with none of `ignore` (prefixes like "TQA3", "TQA101")."""
    select = list(select)
    ignore = list(ignore)
    return [r for r in all_rules() if _matches(r.code, select) and not (ignore and _matches(r.code, ignore))]


def iter_pairs(story: AlignedStory) -> Iterator[AlignedPair]:
    return iter(story.pairs)
