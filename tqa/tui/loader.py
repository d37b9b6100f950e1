"""What the review UI opens and how it analyses it (no textual here: the CLI and the benchmark use it too).

* `StoryRef` — one story to review: a pair of paths (read when opened) or a prepared `Story`.
* `discover(directory)` — the ``NAME.uk.txt`` + ``NAME.en.txt`` pairs of a folder (sorted; subfolders included).
* `bundled_example()` — the first story pair of the project's ``corpora/`` folder (``tqa review`` with no argument).
* `Analysis` — align then check, in two steps so the UI can show the texts before the findings are ready; or one
  injected ``checker(story) -> DocumentResult`` (tests, other front ends).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tqa.config import Config
from tqa.errors import InputError
from tqa.model import AlignedStory, DocumentResult, Story

__all__ = ["Analysis", "Checker", "StoryRef", "bundled_example", "corpora_dir", "discover"]

Checker = Callable[[Story], DocumentResult]

SOURCE_SUFFIX = ".uk.txt"
TARGET_SUFFIX = ".en.txt"


@dataclass(frozen=True, slots=True)
class StoryRef:
    """A story to review. `source`/`target` are paths as the user gave them; `story` a prepared story (then the
    paths are only labels, and fixes are written to `story.target.path`)."""

    name: str
    source: str | None = None
    target: str | None = None
    story: Story | None = None

    @classmethod
    def from_paths(cls, source: str | Path, target: str | Path) -> StoryRef:
        name = Path(target).name
        if name.endswith(TARGET_SUFFIX):
            name = name[: -len(TARGET_SUFFIX)]
        return cls(name, str(source), str(target))

    @classmethod
    def from_story(cls, story: Story, name: str | None = None) -> StoryRef:
        return cls(name or Path(story.target.path).name, story.source.path, story.target.path, story)

    def read(self, date: str | None = None) -> Story:
        if self.story is not None:
            return self.story
        if self.source is None or self.target is None:
            raise InputError(self.name, "story has no source and target")
        from tqa.io import read_pair

        return read_pair(self.source, self.target, date=date)

    @property
    def target_path(self) -> str:
        return self.story.target.path if self.story is not None else (self.target or "")


def discover(directory: str | Path) -> list[StoryRef]:
    """Story pairs in `directory` and its subfolders, sorted — the pairs `tqa check DIR` reads (`tqa.io` decides:
    hidden folders skipped, a file without its partner is an error). Names are the paths relative to the folder."""
    root = Path(directory)
    try:
        from tqa.io.directory import find_pairs
    except ImportError:  # pragma: no cover — a reader without directory support
        find_pairs = _find_pairs
    refs = []
    for src, tgt in find_pairs(root):
        rel = Path(tgt).relative_to(root).as_posix()
        refs.append(StoryRef(rel[: -len(TARGET_SUFFIX)] if rel.endswith(TARGET_SUFFIX) else rel, str(src), str(tgt)))
    return refs


def _find_pairs(root: Path) -> list[tuple[str, str]]:
    if not root.is_dir():
        raise InputError(root, "not a directory")
    sources = {p.relative_to(root).as_posix()[: -len(SOURCE_SUFFIX)]: p for p in root.rglob("*" + SOURCE_SUFFIX)}
    targets = {p.relative_to(root).as_posix()[: -len(TARGET_SUFFIX)]: p for p in root.rglob("*" + TARGET_SUFFIX)}
    for stem in sorted(set(sources) ^ set(targets)):
        lone = sources.get(stem) or targets[stem]
        want = (stem + TARGET_SUFFIX) if stem in sources else (stem + SOURCE_SUFFIX)
        raise InputError(lone, f"no partner {Path(want).name} beside it")
    if not sources:
        raise InputError(root, f"no story pairs (NAME{SOURCE_SUFFIX} + NAME{TARGET_SUFFIX}) in this directory")
    return [(str(sources[stem]), str(targets[stem])) for stem in sorted(sources)]


def corpora_dir() -> Path:
    """The ``corpora/`` folder of the installed project (beside the ``tqa`` package)."""
    import tqa

    return Path(tqa.__file__).resolve().parent.parent / "corpora"


def bundled_example() -> StoryRef:
    """The first ``*.uk.txt`` story of the project's ``corpora/`` with its ``.en.txt`` partner."""
    folder = corpora_dir()
    if not folder.is_dir():
        raise InputError(folder, "no bundled example: the corpora/ folder is missing (give SOURCE TARGET or DIR)")
    for src in sorted(folder.glob("*" + SOURCE_SUFFIX)):
        tgt = src.with_name(src.name[: -len(SOURCE_SUFFIX)] + TARGET_SUFFIX)
        if tgt.is_file():
            return StoryRef.from_paths(src, tgt)
    raise InputError(folder, "no bundled example: no NAME.uk.txt + NAME.en.txt pair in corpora/")


class Analysis:
    """How a story is analysed: the engine by default (selected rules from `config`), or an injected checker."""

    def __init__(self, config: Config | None = None, checker: Checker | None = None) -> None:
        self.config = config or Config()
        self.checker = checker
        self._rules = None

    @property
    def two_step(self) -> bool:
        return self.checker is None

    def align(self, story: Story) -> AlignedStory:
        from tqa.align import align_story

        return align_story(story)

    def rules(self) -> list:
        if self._rules is None:
            from tqa.checks.base import select_rules

            self._rules = [cls() for cls in select_rules(self.config.select, self.config.ignore)]
        return self._rules

    def check(self, story: Story, aligned: AlignedStory | None = None) -> DocumentResult:
        """The story's findings (every finding, baseline included: the UI shows accepted ones as accepted)."""
        if self.checker is not None:
            return self.checker(story)
        from tqa.engine import analyse

        aligned = aligned if aligned is not None else self.align(story)
        findings = analyse(aligned, self.config, self.rules())
        return DocumentResult(
            story.source.path,
            story.target.path,
            tuple(findings),
            story.source.encoding,
            story.target.encoding,
            len(aligned.pairs),
            aligned=aligned,
        )


def severity_counts(result: DocumentResult, accepted: Sequence[str] | set[str] = ()) -> dict[str, int]:
    """Open findings by severity (accepted fingerprints left out) and the number accepted."""
    counts = {"error": 0, "warning": 0, "info": 0, "accepted": 0}
    for f in result.findings:
        if f.fingerprint and f.fingerprint in accepted:
            counts["accepted"] += 1
        else:
            counts[f.severity.value] = counts.get(f.severity.value, 0) + 1
    return counts
