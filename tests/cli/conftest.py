"""Fixtures for the `tqa check` tests: small story pairs written for the project, and a test-only rule registered for
the duration of one test (so exit codes, baselines and --jobs can be tested without depending on the rules other
engineers are writing)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tqa.checks import base
from tqa.model import Severity

_CYRILLIC_WORD = re.compile(r"\w*[а-яіїєґ]\w*", re.IGNORECASE)


class MixedScriptProbe(base.Rule):
    """## What it does
    Test-only rule: flags every word of the English copy that contains a Cyrillic letter.

    ## Why is this bad?
    Test-only.

    ## Example
    Source: у Празі
    Bad: in Prazі
    Good: in Prague
    """

    code = "TQA981"
    name = "test-cyrillic-probe"
    category = "untranslated"
    severity = Severity.ERROR

    def check(self, pair, ctx):
        for seg in pair.target:
            for m in _CYRILLIC_WORD.finditer(seg.text):
                yield self.finding(
                    f"Cyrillic in {m.group()!r}",
                    target=seg.sub_span(m.start(), m.end()),
                    source=pair.source[0] if pair.source else None,
                    context=seg.text,
                )


class LongParagraphProbe(base.Rule):
    """## What it does
    Test-only rule: a warning for every target paragraph longer than 60 characters.

    ## Why is this bad?
    Test-only.

    ## Example
    Source: Коротко.
    Bad: This paragraph is long enough to pass the sixty character test limit easily.
    Good: Short.
    """

    code = "TQA982"
    name = "test-long-paragraph-probe"
    category = "typography"
    severity = Severity.WARNING

    def check(self, pair, ctx):
        for seg in pair.target:
            if len(seg.text) > 60:
                yield self.finding("long paragraph", target=seg)


@pytest.fixture
def probes(monkeypatch) -> Iterator[tuple[type[base.Rule], ...]]:
    """Register the test-only rules TQA981/TQA982 for one test."""
    base.all_rules()  # load the real rule modules first
    monkeypatch.setitem(base._REGISTRY, MixedScriptProbe.code, MixedScriptProbe)
    monkeypatch.setitem(base._REGISTRY, LongParagraphProbe.code, LongParagraphProbe)
    yield (MixedScriptProbe, LongParagraphProbe)


UK = (
    "Сили ППО знешкодили 42 з 50 ударних дронів над Києвом, повідомили у Повітряних силах.\n"
    "\n"
    "«Робота триває», – зазначив речник.\n"
    "\n"
    "Укренерго закликає споживачів економно використовувати електроенергію.\n"
)
EN = (
    "Air defense forces neutralized 42 of 50 attack drones over Kyіv, the Air Force reported.\n"
    "\n"
    '"The work continues."\n'
    "\n"
    "- the spokesman noted.\n"
    "\n"
    "Укренерго закликає споживачів економно використовувати електроенергію.\n"
)
EN_CLEAN = (
    "Air defense forces neutralized 42 of 50 attack drones over Kyiv, the Air Force reported.\n"
    "\n"
    '"The work continues," the spokesman noted.\n'
    "\n"
    "Ukrenergo urges consumers to use electricity sparingly.\n"
)


def write_pair(folder: Path, name: str, uk: str = UK, en: str = EN) -> tuple[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.uk.txt").write_text(uk, encoding="utf-8")
    (folder / f"{name}.en.txt").write_text(en, encoding="utf-8")
    return f"{name}.uk.txt", f"{name}.en.txt"


@pytest.fixture
def story_dir(tmp_path, monkeypatch) -> Path:
    """A working directory holding news/a (with problems), news/b (clean) and news/c (with problems)."""
    write_pair(tmp_path / "news", "a")
    write_pair(tmp_path / "news", "b", en=EN_CLEAN)
    write_pair(tmp_path / "news", "c", en=EN.replace("Kyіv", "Lviv").replace("drones", "drоnes"))
    monkeypatch.chdir(tmp_path)
    return tmp_path
