"""The values that flow through tqa: frozen dataclasses, no I/O.

read ──► segment ──► align ──► check ──► report

* `Document` — one decoded input (a story file, or the source/target column of a record file) split into
  paragraph `Segment`s, each holding its sentence `Segment`s.
* `Story` — a source document and its target document, with the input mode (``document`` or ``aligned``).
* `Alignment` — source segments ↔ target segments at one level (1-1, 1-0, 0-1, 2-1, 1-2) with a cost score.
* `AlignedPair` — a paragraph-level `Alignment` with the sentence alignments found inside it; this is what a check
  receives.
* `Finding` — what a check reports, located by `Span`s in both files.

Positions: ``line`` is the 1-based line of the input file (for record inputs — ``--aligned``, TSV, JSONL — the
1-based record number); ``column`` is the 1-based code point in that line; ``end_line``/``end_column`` point just past
the last character (exclusive, as in SARIF). ``start``/``end`` are 0-based code-point offsets into
`Document.text`.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterator, Sequence
import dataclasses
from dataclasses import dataclass, field

__all__ = [
    "AlignedPair",
    "AlignedStory",
    "Alignment",
    "Document",
    "DocumentResult",
    "Finding",
    "Fix",
    "LineIndex",
    "Report",
    "Segment",
    "Severity",
    "Span",
    "Story",
]


class Severity(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls(str(value).lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.value


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}

CATEGORIES = (
    "untranslated",
    "attribution",
    "numeric-drift",
    "boilerplate",
    "omission",
    "addition",
    "terminology",
    "typography",
    "internal",
)


class LineIndex:
    """Maps 0-based offsets in a text to 1-based (line, column); `first_line` shifts line numbers (record chunks)."""

    __slots__ = ("_starts", "first_line")

    @property
    def starts(self) -> list[int]:
        """The 0-based offset of every line's first character (do not modify)."""
        return self._starts

    def __init__(self, text: str, first_line: int = 1) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts
        self.first_line = first_line

    def position(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self._starts, offset) - 1
        return self.first_line + row, offset - self._starts[row] + 1


@dataclass(frozen=True, slots=True)
class Span:
    """A located piece of an input file (see the module docstring for the coordinates)."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)

    def to_dict(self) -> dict[str, object]:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Segment:
    """A paragraph or a sentence of a document.

    `paragraph` is the 0-based paragraph index; `sentence` is the 0-based sentence index inside the paragraph, or
    None for the paragraph itself. `sentences` is filled for paragraphs only.
    """

    role: str  # "source" | "target"
    paragraph: int
    sentence: int | None
    text: str
    span: Span
    sentences: tuple[Segment, ...] = ()

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end

    def sub_span(self, start: int, end: int) -> Span:
        """The span of ``self.text[start:end]`` in the input file."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        line, col = _advance(self.span.line, self.span.column, self.text, 0, start)
        end_line, end_col = _advance(line, col, self.text, start, end)
        return Span(line, col, end_line, end_col, self.text[start:end], self.span.start + start, self.span.start + end)


def _advance(line: int, col: int, text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    newlines = chunk.count("\n")
    if not newlines:
        return line, col + len(chunk)
    return line + newlines, len(chunk) - chunk.rfind("\n")


@dataclass(frozen=True, slots=True)
class Document:
    """One decoded input. `paragraphs` are paragraph segments in reading order."""

    path: str
    language: str  # the expected language: "uk" for sources, "en" for targets
    text: str
    paragraphs: tuple[Segment, ...]
    encoding: str = "utf-8"
    first_line: int = 1

    @property
    def sentences(self) -> Iterator[Segment]:
        for paragraph in self.paragraphs:
            yield from paragraph.sentences


@dataclass(frozen=True, slots=True)
class Story:
    """A source document and its translation. `mode` is "document" (align paragraphs and sentences) or "aligned"
    (paragraph N of the source is paragraph N of the target: `--aligned`, TSV, JSONL). `part` numbers the chunks of a
    streamed record file (0 for the first); `date` is the story's date (ISO) when known."""

    source: Document
    target: Document
    mode: str = "document"
    part: int = 0
    date: str | None = None
    # Optional comparison material: a reference translation (`--ref`; in aligned mode paragraph N matches record N)
    # and a machine-translation draft of each source paragraph (`--mt-url`; draft[i] translates source paragraph i).
    reference: Document | None = None
    draft: tuple[str, ...] | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.source.path, self.target.path)


@dataclass(frozen=True, slots=True)
class Alignment:
    """Source segments ↔ target segments. `kind` is "1-1", "1-0", "0-1", "2-1" or "1-2"; `score` is the aligner's
    confidence in [0, 1] (1 for forced record alignments)."""

    source: tuple[Segment, ...]
    target: tuple[Segment, ...]
    score: float = 1.0

    @property
    def kind(self) -> str:
        return f"{len(self.source)}-{len(self.target)}"

    @property
    def source_text(self) -> str:
        return " ".join(s.text for s in self.source)

    @property
    def target_text(self) -> str:
        return " ".join(s.text for s in self.target)


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """What a check receives: one paragraph-level alignment and the sentence alignments inside it.

    `index` is the position of this pair in `AlignedStory.pairs`; `residue` is the residue kind (a web-page widget,
    counter, teaser…) when the aligner recognised the unpaired target (or source) paragraph as page residue, else
    None.
    """

    index: int
    paragraphs: Alignment
    sentences: tuple[Alignment, ...] = ()
    residue: str | None = None

    @property
    def source(self) -> tuple[Segment, ...]:
        return self.paragraphs.source

    @property
    def target(self) -> tuple[Segment, ...]:
        return self.paragraphs.target

    @property
    def kind(self) -> str:
        return self.paragraphs.kind

    @property
    def source_text(self) -> str:
        return self.paragraphs.source_text

    @property
    def target_text(self) -> str:
        return self.paragraphs.target_text


@dataclass(frozen=True, slots=True)
class AlignedStory:
    story: Story
    pairs: tuple[AlignedPair, ...]


@dataclass(frozen=True, slots=True)
class Fix:
    """A suggested replacement of the finding's target span."""

    message: str
    replacement: str

    def to_dict(self) -> dict[str, str]:
        return {"message": self.message, "replacement": self.replacement}


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    source: Span | None = None
    target: Span | None = None
    fix: Fix | None = None
    fingerprint: str = ""
    # Text around the finding used for the fingerprint (not serialised); set by Rule.finding().
    context: str = field(default="", compare=False, repr=False)

    @property
    def sort_key(self) -> tuple:
        tgt = self.target
        src = self.source
        return (
            tgt.line if tgt else (1 << 30),
            tgt.column if tgt else 0,
            src.line if src else 0,
            src.column if src else 0,
            self.code,
            self.message,
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "fix": self.fix.to_dict() if self.fix else None,
            "fingerprint": self.fingerprint,
        }


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """The findings for one story (source path, target path), sorted."""

    source: str
    target: str
    findings: tuple[Finding, ...]
    source_encoding: str = "utf-8"
    target_encoding: str = "utf-8"
    pairs: int = 0
    suppressed: int = 0  # findings hidden by the baseline
    aligned: AlignedStory | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Report:
    version: str
    signature: str
    documents: tuple[DocumentResult, ...]
    stale_baseline: tuple[str, ...] = ()  # fingerprints in the baseline that matched nothing

    @property
    def findings(self) -> Iterator[Finding]:
        for doc in self.documents:
            yield from doc.findings

    def count_at_or_above(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity.rank >= severity.rank)

    def summary(self) -> dict[str, object]:
        by_severity: dict[str, int] = {}
        by_category: dict[str, int] = {}
        total = 0
        for f in self.findings:
            total += 1
            by_severity[f.severity.value] = by_severity.get(f.severity.value, 0) + 1
            by_category[f.category] = by_category.get(f.category, 0) + 1
        return {
            "documents": len(self.documents),
            "findings": total,
            "by_severity": dict(sorted(by_severity.items())),
            "by_category": dict(sorted(by_category.items())),
        }


# --- cheaper construction ----------------------------------------------------------------------------------------
# A frozen dataclass's generated __init__ sets each field through ``object.__setattr__(self, name, value)`` (a name
# lookup per field); the classes built by the hundred thousand per run (spans, segments, alignments, pairs) get an
# __init__ that calls each slot's own descriptor instead: the same parameters, defaults and stored values, ~40 %
# cheaper. Everything else stays the dataclass's: assignment still raises FrozenInstanceError, eq/hash/repr,
# fields/replace/asdict and pickling are untouched (tests/test_model.py).


def _fast_init(cls: type) -> type:
    params: list[str] = []
    body: list[str] = []
    env: dict[str, object] = {}
    for i, f in enumerate(dataclasses.fields(cls)):
        if not f.init or f.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: only plain fields with plain defaults")
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            env[f"_d{i}"] = f.default
            params.append(f"{f.name}=_d{i}")
        env[f"_s{i}"] = cls.__dict__[f.name].__set__  # the slot's member descriptor
        body.append(f"    _s{i}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body) + "\n"
    namespace: dict[str, object] = {}
    exec(source, env, namespace)  # noqa: S102  (built from the dataclass's own field names)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    init.__annotations__ = {**{f.name: f.type for f in dataclasses.fields(cls)}, "return": None}
    cls.__init__ = init
    return cls


for _cls in (Span, Segment, Alignment, AlignedPair):
    _fast_init(_cls)
del _cls


def join_texts(segments: Sequence[Segment]) -> str:
    return " ".join(s.text for s in segments)
