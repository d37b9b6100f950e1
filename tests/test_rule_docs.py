"""Every rule is documented the ruff way, and its documented example is a living test (pycodestyle-style):
the *Bad* English must produce the rule's code, the *Good* English must not."""

from __future__ import annotations

import re

import pytest

from tqa.checks.base import all_rules, select_rules
from tqa.config import Config
from tqa.engine import check_story
from tqa.model import CATEGORIES, Severity, Story
from tqa.text.segment import build_document

RULES = all_rules()
EXAMPLE_RULES = [r for r in RULES if r.docs().source_example is not None]


def _text(example: str) -> str:
    return "\n\n".join(part.strip() for part in example.split("¶"))


def _labelled(example: str, label: str) -> str | None:
    for line in example.splitlines():
        head, _, rest = line.partition(":")
        if head.strip().lower() == label:
            return rest.strip()
    return None


def _check(rule, source: str, target: str, config: Config):
    """Run the pipeline on one documented example; `Reference:`/`Draft:` lines feed --ref / --mt-url material."""
    example = rule.docs().example
    reference = _labelled(example, "reference")
    draft = _labelled(example, "draft")
    story = Story(
        build_document("<source>", source, "uk", "source"),
        build_document("<target>", target, "en", "target"),
        reference=build_document("<reference>", _text(reference), "en", "target") if reference else None,
        draft=tuple(_text(draft).split("\n\n")) if draft else None,
    )
    return check_story(story, config).findings


def test_registry_is_not_empty_and_sorted():
    codes = [r.code for r in RULES]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes)
    assert len({r.name for r in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_metadata(rule):
    assert re.fullmatch(r"TQA\d{3}", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    assert rule.category in CATEGORIES
    assert isinstance(rule.severity, Severity)
    docs = rule.docs()
    assert docs.what, f"{rule.code} has no '## What it does'"
    assert docs.why, f"{rule.code} has no '## Why is this bad?'"
    assert docs.example, f"{rule.code} has no '## Example'"


def test_every_text_rule_has_a_runnable_example():
    missing = [r.code for r in RULES if r.category != "internal" and r.docs().source_example is None]
    assert not missing, f"rules without Source:/Bad:/Good: example lines: {missing}"


@pytest.mark.parametrize("rule", EXAMPLE_RULES, ids=lambda r: r.code)
def test_documented_example(rule):
    docs = rule.docs()
    assert docs.bad_examples and docs.good_examples, f"{rule.code} example needs Bad: and Good: lines"
    config = Config(select=(rule.code,), date="2026-03-02")
    source = _text(docs.source_example)
    for bad in docs.bad_examples:
        codes = [f.code for f in _check(rule, source, _text(bad), config)]
        assert rule.code in codes, f"{rule.code}: Bad example not flagged: {bad!r}"
    for good in docs.good_examples:
        found = [f for f in _check(rule, source, _text(good), config) if f.code == rule.code]
        assert not found, f"{rule.code}: Good example flagged: {good!r}: {[f.message for f in found]}"


def test_select_by_prefix():
    assert all(r.code.startswith("TQA9") for r in select_rules(["TQA9"]))
    assert select_rules(["TQA901"])[0].code == "TQA901"
    assert not any(r.code == "TQA901" for r in select_rules(["TQA"], ["TQA9"]))
