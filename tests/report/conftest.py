"""A hand-made report for the formatter tests: a small story pair written for the project (an untranslated
paragraph, a Cyrillic look-alike letter, a detached attribution line, an omitted source sentence), a clean story,
and a story whose file name needs escaping. Findings are built by hand so the golden files do not depend on the
rules other engineers are writing."""

from __future__ import annotations

import pytest

from tqa.checks.base import Rule
from tqa.model import DocumentResult, Finding, Fix, Report, Severity
from tqa.text.segment import build_document

SOURCE = (
    "Сили ППО знешкодили 42 з 50 ударних дронів над Києвом, повідомили у Повітряних силах.\n"
    "\n"
    "«Робота триває», – зазначив речник.\n"
    "\n"
    "Укренерго закликає споживачів економно використовувати електроенергію.\n"
    "\n"
    "Раніше повідомлялося про перебої у трьох областях.\n"
)
TARGET = (
    "Air defense forces neutralized 42 of 50 attack drones over Kyіv, the Air Force reported.\n"
    "\n"
    '"The work continues."\n'
    "\n"
    "- the spokesman noted.\n"
    "\n"
    "Укренерго закликає споживачів економно використовувати електроенергію.\n"
)

SRC_PATH = "news/kyiv-drones.uk.txt"
TGT_PATH = "news/kyiv-drones.en.txt"


class Untranslated(Rule):
    """## What it does
    Finds a paragraph of the English copy left in Ukrainian.

    ## Why is this bad?
    English readers cannot read it; the agency published an unfinished translation.

    ## Example
    Source: Укренерго закликає споживачів економити.
    Bad: Укренерго закликає споживачів економити.
    Good: Ukrenergo urges consumers to save power.
    """

    code = "TQA101"
    name = "untranslated-paragraph"
    category = "untranslated"
    severity = Severity.ERROR


class Lookalike(Rule):
    """## What it does
    Finds Cyrillic letters that look Latin inside English words ("Kyіv" with a Ukrainian і).

    ## Why is this bad?
    Search, spell checking and screen readers fail on the mixed word.

    ## Example
    Source: у Києві
    Bad: in Kyіv
    Good: in Kyiv
    """

    code = "TQA102"
    name = "cyrillic-lookalike"
    category = "untranslated"
    severity = Severity.ERROR


class Detached(Rule):
    """## What it does
    Finds an attribution clause ("- the publication writes.") standing alone after a quote.

    ## Why is this bad?
    Copied literally from the Ukrainian dash construction, it becomes a stray line.

    ## Example
    Source: «…», – пише видання.
    Bad: "..." ¶ - the publication writes.
    Good: "...," the publication writes.
    """

    code = "TQA201"
    name = "detached-attribution"
    category = "attribution"
    severity = Severity.WARNING


FAKE_RULES = (Untranslated, Lookalike, Detached)  # TQA501 stays undescribed on purpose (a minimal descriptor)


def sample_report() -> Report:
    src = build_document(SRC_PATH, SOURCE, "uk", "source")
    tgt = build_document(TGT_PATH, TARGET, "en", "target")
    sp, tp = src.paragraphs, tgt.paragraphs
    kyiv = tp[0].text.index("Kyіv")
    findings = (
        Finding(
            "TQA102", "cyrillic-lookalike", "untranslated", Severity.ERROR,
            "Cyrillic letter 'і' (U+0456) inside the English word \"Kyіv\"",
            source=sp[0].sub_span(sp[0].text.index("Києвом"), sp[0].text.index("Києвом") + 6),
            target=tp[0].sub_span(kyiv, kyiv + 4),
            fix=Fix("replace the Cyrillic letter with its Latin look-alike", "Kyiv"),
            fingerprint="1a2b3c4d5e6f7081",
        ),
        Finding(
            "TQA201", "detached-attribution", "attribution", Severity.WARNING,
            "attribution \"- the spokesman noted.\" stands alone after the quote; join it: \"…continues,\" the "
            "spokesman noted.",
            source=sp[1].span,
            target=tp[2].span,
            fix=Fix("join the attribution to the quote", '"The work continues," the spokesman noted.'),
            fingerprint="2b3c4d5e6f708192",
        ),
        Finding(
            "TQA101", "untranslated-paragraph", "untranslated", Severity.ERROR,
            "paragraph left in Ukrainian (100% Cyrillic letters) & not translated",
            source=sp[2].span,
            target=tp[3].span,
            fingerprint="3c4d5e6f708192a3",
        ),
        Finding(
            "TQA501", "omitted-paragraph", "omission", Severity.INFO,
            "source paragraph has no translation: <Раніше повідомлялося…> (50% of the story's sources matched)",
            source=sp[3].span,
            target=None,
            fingerprint="4d5e6f708192a3b4",
        ),
    )
    story = DocumentResult(SRC_PATH, TGT_PATH, findings, pairs=5, suppressed=1)
    clean = DocumentResult("news/clean.uk.txt", "news/clean.en.txt", (), pairs=3)
    odd_tgt = build_document("news/odd, name: 1.en.txt", "Prices rose by 5%, reports UNN.\n", "en", "target")
    odd_src = build_document("news/odd, name: 1.uk.txt", "Ціни зросли на 5%, повідомляє УНН.\n", "uk", "source")
    i = odd_tgt.paragraphs[0].text.index("reports UNN")
    odd = DocumentResult(
        "news/odd, name: 1.uk.txt",
        "news/odd, name: 1.en.txt",
        (
            Finding(
                "TQA201", "detached-attribution", "attribution", Severity.WARNING,
                "calque \"reports UNN\": write \"UNN reports\"\nor \"according to UNN\" (100% literal)",
                source=odd_src.paragraphs[0].span,
                target=odd_tgt.paragraphs[0].sub_span(i, i + len("reports UNN")),
                fingerprint="5e6f708192a3b4c5",
            ),
        ),
        source_encoding="cp1251",
        pairs=1,
    )
    return Report(
        "0.1.0",
        "tqa:0.1.0|rules:4:0badc0de|select:TQA|ignore:-|fail-on:error|config:default",
        (story, clean, odd),
        stale_baseline=("9f8e7d6c5b4a3921",),
    )


@pytest.fixture
def report() -> Report:
    return sample_report()


@pytest.fixture
def fake_rules() -> tuple[type[Rule], ...]:
    return FAKE_RULES


@pytest.fixture
def story_texts() -> tuple[str, str]:
    return SOURCE, TARGET
