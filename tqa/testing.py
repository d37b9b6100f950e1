"""Helpers for writing rule tests (used by tqa's own test-suite; handy for anyone adding a rule).

* `findings_of(source, target, code)` — run one rule through the whole pipeline on two texts;
* `apply_fix(target, finding)` — the target text with the finding's fix applied (checks the span first);
* `paras(*parts)` — paragraphs joined the way agency copy is (blank lines);
* `story(...)`, `aligned_story(...)`, `run_rules(...)` — a hand-aligned story, for rule tests that must not depend
  on the aligner's choices.
"""

from __future__ import annotations

from collections.abc import Sequence

from tqa.config import Config
from tqa.model import AlignedPair, AlignedStory, Alignment, Finding, Story

__all__ = ["aligned_story", "apply_fix", "codes", "findings_of", "paras", "run_rules", "story"]


def findings_of(source: str, target: str, code: str, *, aligned: bool = False) -> list[Finding]:
    """The findings of rule `code` (only that rule runs) on a source and a target text."""
    from tqa.engine import check_texts

    result = check_texts(source, target, Config(select=(code,)), aligned=aligned)
    return [f for f in result.findings if f.code == code]


def apply_fix(target: str, finding: Finding) -> str:
    assert finding.fix is not None and finding.target is not None
    span = finding.target
    assert target[span.start : span.end] == span.text
    return target[: span.start] + finding.fix.replacement + target[span.end :]


def paras(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


def story(source: Sequence[str], target: Sequence[str], mode: str = "document") -> Story:
    from tqa.text.segment import build_document

    return Story(
        build_document("s.uk.txt", "\n\n".join(source), "uk", "source"),
        build_document("t.en.txt", "\n\n".join(target), "en", "target"),
        mode=mode,
    )


def aligned_story(
    st: Story,
    beads: Sequence[tuple[Sequence[int], Sequence[int]]],
    residue: dict[int, str] | None = None,
    sentences: dict[int, Sequence[tuple[Sequence[int], Sequence[int]]]] | None = None,
) -> AlignedStory:
    """An aligned story from paragraph beads ``([source paragraphs], [target paragraphs])``; `sentences` gives, per
    pair index, sentence beads over the pair's sentences (numbered across its paragraphs)."""
    sp, tp = st.source.paragraphs, st.target.paragraphs
    pairs = []
    for i, (s_idx, t_idx) in enumerate(beads):
        src = tuple(sp[k] for k in s_idx)
        tgt = tuple(tp[k] for k in t_idx)
        if sentences and i in sentences:
            ss = [s for p in src for s in p.sentences]
            ts = [t for p in tgt for t in p.sentences]
            sents = tuple(Alignment(tuple(ss[a] for a in sa), tuple(ts[b] for b in tb)) for sa, tb in sentences[i])
        elif src and tgt:
            sents = tuple(
                Alignment((s,), (t,))
                for s, t in zip([s for p in src for s in p.sentences], [t for p in tgt for t in p.sentences])
            )
        else:
            sents = ()
        pairs.append(AlignedPair(i, Alignment(src, tgt), sents, (residue or {}).get(i)))
    return AlignedStory(st, tuple(pairs))


def run_rules(al: AlignedStory, select: Sequence[str]) -> list[Finding]:
    from tqa.checks.base import select_rules
    from tqa.engine import analyse

    config = Config(select=tuple(select))
    return analyse(al, config, [cls() for cls in select_rules(config.select)])


def codes(findings: Sequence[Finding]) -> list[str]:
    return [f.code for f in findings]
