"""Rule gates (`Rule.gate`, `Rule.story_gate`) are exact: a pair (a story) a gate turns away is one its rule finds
nothing in.

Gates exist only for speed (see `tqa.engine.analyse`), so they must never change a report. Three ways of showing it:

* every gated rule, run directly on every pair its gate rejects — in the corpora, in every rule's documented
  examples, and in generated texts made of the words and marks the rules react to — yields no finding;
* whole reports with gates on and off are equal on the corpora;
* the registry refuses a gate that is not a staticmethod (a plain function would be bound to the rule instance).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tqa import engine
from tqa.align import align_story
from tqa.checks.base import Context, Rule, all_rules, register
from tqa.config import Config
from tqa.model import Story
from tqa.text.segment import build_document

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
PAIRS = sorted(CORPORA.rglob("*.uk.txt"))
GATED = [cls() for cls in all_rules() if cls.scope == "pair" and cls.gate is not None]
STORY_GATED = [cls() for cls in all_rules() if cls.story_gate is not None]


def _story(source: str, target: str, mode: str = "document") -> Story:
    return Story(build_document("s.uk.txt", source, "uk", "source"),
                 build_document("t.en.txt", target, "en", "target"), mode=mode)


def _rejected_findings(story: Story) -> list[str]:
    """Findings that gated rules make on pairs their gates reject (should be none)."""
    aligned = align_story(story)
    ctx = Context(config=Config(), story=aligned, facts=engine._facts(aligned, Config()))
    bad = []
    for rule in GATED:
        for pair in aligned.pairs:
            if pair.residue is not None and not rule.on_residue:
                continue
            if not rule.gate(pair):
                for f in rule.check(pair, ctx):
                    bad.append(f"{f.code} on pair {pair.index}: {f.message} | {pair.source_text!r} → {pair.target_text!r}")
    for rule in STORY_GATED:
        if rule.story_gate(aligned):
            continue
        if rule.scope == "document":
            found = list(rule.check_document(aligned, ctx))
        else:
            found = [f for pair in aligned.pairs if pair.residue is None or rule.on_residue for f in rule.check(pair, ctx)]
        bad += [f"{f.code} in a story its story gate rejects: {f.message}" for f in found]
    return bad


def test_some_rules_are_gated():
    assert GATED, "no rule declares a gate"
    assert STORY_GATED, "no rule declares a story gate"


def test_story_gates_let_residue_through():
    # a story gate must not be False where its rule has work: a story with a view counter and a glued teaser
    story = _story("Уряд ухвалив постанову.\n\nМіністр наголосив на важливості рішення.",
                   "• 126 views\n\nThe government adopted a resolution.\n\n"
                   "The minister stressed the importance of the decision14.05.25, 09:12 • 2214 views")
    aligned = align_story(story)
    codes = {f.code for f in engine.analyse(aligned, Config(), engine._rules_for(Config()))}
    assert {"TQA401", "TQA402"} <= codes
    assert all(r.story_gate(aligned) for r in STORY_GATED if r.code in ("TQA401", "TQA402"))


@pytest.mark.parametrize("uk", PAIRS, ids=lambda p: p.name)
def test_gates_reject_nothing_a_rule_would_flag_in_corpora(uk: Path):
    en = uk.with_name(uk.name.replace(".uk.txt", ".en.txt"))
    story = _story(uk.read_text(encoding="utf-8"), en.read_text(encoding="utf-8"))
    assert _rejected_findings(story) == []


def _doc_examples() -> list[tuple[str, str]]:
    out = []
    for cls in all_rules():
        docs = cls.docs()
        for text in docs.bad_examples + docs.good_examples:
            out.append(((docs.source_example or "").replace("¶", "\n\n"), text.replace("¶", "\n\n")))
    return out


@pytest.mark.parametrize("mode", ["document", "aligned"])
def test_gates_reject_nothing_a_rule_would_flag_in_rule_docs(mode: str):
    bad = []
    for source, target in _doc_examples():
        if mode == "aligned" and source.count("\n\n") != target.count("\n\n"):
            continue
        bad += _rejected_findings(_story(source, target, mode))
    assert bad == []


def test_reports_equal_with_and_without_gates(monkeypatch):
    for uk in PAIRS:
        en = uk.with_name(uk.name.replace(".uk.txt", ".en.txt"))
        story = _story(uk.read_text(encoding="utf-8"), en.read_text(encoding="utf-8"))
        with_gates = engine.check_story(story).findings
        monkeypatch.setattr(engine, "USE_GATES", False)
        without = engine.check_story(story).findings
        monkeypatch.setattr(engine, "USE_GATES", True)
        assert with_gates == without, uk.name


# -- generated pairs: words and marks the rules react to, shuffled --------------------------------------------------

_WORD = re.compile(r"\S+")
_VOCAB_UK: list[str] = []
_VOCAB_EN: list[str] = []
for _src, _tgt in _doc_examples():
    _VOCAB_UK += _WORD.findall(_src)
    _VOCAB_EN += _WORD.findall(_tgt)
for _uk in PAIRS:
    _VOCAB_UK += _WORD.findall(_uk.read_text(encoding="utf-8"))[:400]
    _VOCAB_EN += _WORD.findall(_uk.with_name(_uk.name.replace(".uk.txt", ".en.txt")).read_text(encoding="utf-8"))[:400]
_MARKS = ["-", "–", "—", "«", "»", '"', "“", "”", "'", ":", ",", ".", "12", "1,5", "02.03", "15:30", "$", "%",
          "млрд", "million", "writes", "пише", "said", "UNN", "reports", "•", "views", "Read", "also", "і", "ї", "о", "а"]
_UK = sorted(set(_VOCAB_UK)) + _MARKS
_EN = sorted(set(_VOCAB_EN)) + _MARKS


def _paragraph(vocab: list[str]):
    return st.lists(st.sampled_from(vocab), min_size=1, max_size=14).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(src=st.lists(_paragraph(_UK), min_size=1, max_size=4), tgt=st.lists(_paragraph(_EN + _UK[:50]), min_size=1,
                                                                          max_size=4),
       aligned=st.booleans())
def test_gates_reject_nothing_a_rule_would_flag_in_generated_pairs(src, tgt, aligned):
    if aligned:
        n = min(len(src), len(tgt))
        src, tgt = src[:n], tgt[:n]
    story = _story("\n\n".join(src), "\n\n".join(tgt), "aligned" if aligned else "document")
    assert _rejected_findings(story) == []


def test_gate_must_be_a_staticmethod():
    def gate(pair):  # noqa: ARG001
        return True

    class Bad(Rule):
        code = "TQA999"
        name = "bad-gate"
        category = "internal"

    Bad.gate = gate  # a plain function: would be bound to the rule instance
    with pytest.raises(ValueError, match="staticmethod"):
        register(Bad)
    Bad.gate = None
    Bad.story_gate = gate
    with pytest.raises(ValueError, match="story_gate must be a staticmethod"):
        register(Bad)
