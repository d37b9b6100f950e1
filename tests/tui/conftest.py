"""Fixtures for the review UI tests: a small story pair written for these tests (agency style), and test-only rules
(never registered, so they do not leak into the rule registry) run through the real engine, so findings, spans and
fingerprints are real and deterministic whatever the project's rules do today."""

from __future__ import annotations

import asyncio
import inspect
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tqa.checks.base import Rule
from tqa.config import Config
from tqa.engine import check_story
from tqa.model import Fix, Segment, Severity, Span

@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run ``async def`` tests here with asyncio (no async plugin needed: Textual's Pilot is plain asyncio)."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        args = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        asyncio.run(pyfuncitem.obj(**args))
        return True
    return None


SOURCE = """Енергетики відновили живлення для 12 тисяч родин на Житомирщині

Енергетики відновили електропостачання для 12 тисяч родин у Житомирській області після негоди. Про це повідомляє обласна адміністрація, передає Укрінформ.

Ремонтні бригади працювали цілодобово. Загалом негода пошкодила 48 ліній електропередачі.

«Ми розраховуємо завершити всі роботи до вечора суботи», – сказав голова обласної адміністрації.

На відновлення мереж з обласного бюджету виділили 1,2 млн гривень.
"""

TARGET = """Power engineers restored electricity to 12,000 families in Zhytomyr region

Power engineers restored electricity supply to 12,000 families in Zhytomyr region after the storm. This was reported by the regional administration, transmits Ukrinform.

Repair crews worked around the clock. In total, 48 power lines були damaged by the storm.

"We expect to complete all works by Saturday evening.

- said the head of the regional administration.

• 214 views

UAH 1.2 billion was allocated from the regional budget to restore the networks.
"""

_WORDS = {"були": "were"}


def _find(doc, pattern: str, flags: int = 0) -> Iterator[tuple[Segment, re.Match]]:
    for para in doc.paragraphs:
        for m in re.finditer(pattern, para.text, flags):
            yield para, m


class XCyrillic(Rule):
    """## What it does
    Test rule: Cyrillic words in the English.
    """

    code = "X101"
    name = "x-cyrillic"
    category = "untranslated"
    severity = Severity.ERROR
    scope = "document"

    def check_document(self, story, ctx):
        for para, m in _find(story.story.target, r"[А-Яа-яІіЇїЄєҐґ]+"):
            word = m.group()
            fix = Fix(f"translate {word!r}", _WORDS[word]) if word in _WORDS else None
            yield self.finding(f"Cyrillic word “{word}” left in the English", target=para.sub_span(m.start(), m.end()),
                               fix=fix, context=para.text)


class XDetached(Rule):
    """## What it does
    Test rule: an attribution paragraph standing alone.
    """

    code = "X201"
    name = "x-detached"
    category = "attribution"
    severity = Severity.ERROR
    scope = "document"

    def check_document(self, story, ctx):
        for para in story.story.target.paragraphs:
            if re.match(r"^[-–—] \w", para.text):
                yield self.finding("attribution torn from its quote", target=para, context=para.text)


class XMagnitude(Rule):
    """## What it does
    Test rule: млн in the source, billion in the English.
    """

    code = "X301"
    name = "x-magnitude"
    category = "numeric-drift"
    severity = Severity.WARNING
    scope = "document"

    def check_document(self, story, ctx):
        src = next(iter(_find(story.story.source, r"\bмлн\b")), None)
        for para, m in _find(story.story.target, r"\bbillion\b"):
            yield self.finding(
                "magnitude drift: млн became billion",
                target=para.sub_span(m.start(), m.end()),
                source=src[0].sub_span(src[1].start(), src[1].end()) if src else None,
                fix=Fix("use million", "million"),
                context=para.text,
            )


class XViews(Rule):
    """## What it does
    Test rule: a view counter pasted from the web page.
    """

    code = "X401"
    name = "x-views"
    category = "boilerplate"
    severity = Severity.INFO
    scope = "document"

    def check_document(self, story, ctx):
        for para, m in _find(story.story.target, r"•\s*\d+ views"):
            yield self.finding("view counter from the web page", target=para.sub_span(m.start(), m.end()),
                               fix=Fix("delete it", ""), context=para.text)


class XMarkup(Rule):
    """## What it does
    Test rule: quotes any bracketed tag of the English in its message (markup-safety tests).
    """

    code = "X701"
    name = "x-markup"
    category = "typography"
    severity = Severity.WARNING
    scope = "document"

    def check_document(self, story, ctx):
        for para, m in _find(story.story.target, r"\[[^\]\n]*\]|\x1b\[[0-9;]*m"):
            yield self.finding(f"tag {m.group()} in the copy", target=para.sub_span(m.start(), m.end()),
                               context=para.text)


TEST_RULES = (XCyrillic, XDetached, XMagnitude, XViews, XMarkup)


def check(story):
    return check_story(story, Config(), rules=[r() for r in TEST_RULES])


@pytest.fixture
def checker():
    return check


def fixed_check(story):
    """The test rules over a fixed alignment of the test story (for snapshots: independent of the aligner)."""
    from tqa.engine import analyse
    from tqa.model import AlignedPair, AlignedStory, Alignment, DocumentResult

    sp, tp = story.source.paragraphs, story.target.paragraphs
    plan = [((0,), (0,), None), ((1,), (1,), None), ((2,), (2,), None), ((3,), (3, 4), None), ((), (5,), "counter"),
            ((4,), (6,), None)]
    pairs = []
    for i, (s, t, residue) in enumerate(plan):
        src = tuple(sp[j] for j in s)
        tgt = tuple(tp[j] for j in t)
        ss = [x for p in src for x in p.sentences]
        ts = [x for p in tgt for x in p.sentences]
        if src and tgt:
            sents = tuple(Alignment((a,), (b,)) for a, b in zip(ss, ts)) if len(ss) == len(ts) else (
                Alignment(tuple(ss), tuple(ts)),)
        else:
            sents = ()
        pairs.append(AlignedPair(i, Alignment(src, tgt), sents, residue))
    aligned = AlignedStory(story, tuple(pairs))
    findings = analyse(aligned, Config(), [r() for r in TEST_RULES])
    return DocumentResult(story.source.path, story.target.path, tuple(findings), pairs=len(pairs), aligned=aligned)


@pytest.fixture
def fixed_checker():
    return fixed_check


@pytest.fixture
def texts() -> tuple[str, str]:
    return SOURCE, TARGET


@pytest.fixture
def story_files(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "zhytomyr-power.uk.txt"
    tgt = tmp_path / "zhytomyr-power.en.txt"
    src.write_text(SOURCE, encoding="utf-8")
    tgt.write_text(TARGET, encoding="utf-8")
    return src, tgt


@pytest.fixture
def make_app(checker):
    from tqa.tui.app import ReviewApp
    from tqa.tui.loader import StoryRef

    def make(src: Path, tgt: Path, **kw):
        return ReviewApp([StoryRef.from_paths(src, tgt)], checker=kw.pop("checker", checker), **kw)

    return make


async def wait_for(pilot, predicate, timeout: float = 15.0) -> None:
    """Let the app run until `predicate()` holds (the analysis runs in a worker thread)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not predicate():
        if loop.time() > end:
            raise AssertionError("timed out waiting for the review UI")
        await pilot.pause(0.02)
    await pilot.pause()


@pytest.fixture
def until():
    """``await until(pilot, predicate)``."""
    return wait_for


@pytest.fixture
def loaded():
    """``await loaded(pilot)``: wait until the current review screen has its findings."""

    async def wait(pilot, timeout: float = 15.0):
        await wait_for(pilot, lambda: getattr(pilot.app.screen, "loaded", False), timeout)
        return pilot.app.screen

    return wait


def span_text(span: Span | None) -> str:
    return span.text if span else ""
