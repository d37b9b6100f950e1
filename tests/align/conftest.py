"""Fixtures for the aligner tests: an agency-style story written for these tests (a power-outage item in UNN house
style), its English version, and helpers to build and inspect aligned stories."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tqa.align import align_story
from tqa.model import AlignedStory, Story
from tqa.text.segment import build_document

UK = [
    "Укренерго: у понеділок у більшості областей застосовуватимуть графіки відключень",
    "У понеділок, 9 грудня, у більшості регіонів України застосовуватимуть графіки погодинних відключень "
    "електроенергії з 06:00 до 22:00 обсягом від 1,5 до 2 черг. Про це повідомили в НЕК «Укренерго», передає УНН.",
    "Причина запровадження обмежень – наслідки масованих ракетно-дронових атак на енергетичну інфраструктуру, "
    "зазначили в компанії.",
    "«Енергетики працюють цілодобово, щоб якнайшвидше відновити пошкоджене обладнання. Просимо споживачів "
    "економно використовувати електроенергію у вечірні години», – наголосили в Укренерго.",
    "За даними компанії, споживання електроенергії станом на 09:30 було на 4,2% вищим, ніж у той самий час "
    "минулого робочого дня. Причина – похолодання у західних областях.",
    "У Києві та Київській області графіки діятимуть з 08:00 до 20:00, повідомили в ДТЕК.",
    "Нагадаємо",
    "Раніше прем'єр-міністр Денис Шмигаль заявив, що уряд виділив 3 млрд грн на закупівлю генераторів для лікарень "
    "та шкіл.",
]

EN = [
    "Ukrenergo: power outage schedules to be applied in most regions on Monday",
    "On Monday, December 9, hourly power outage schedules will be applied in most regions of Ukraine from 06:00 to "
    "22:00 in the amount of 1.5 to 2 queues. This was reported by NPC Ukrenergo, UNN reports.",
    "The reason for the restrictions is the consequences of massive missile and drone attacks on the energy "
    "infrastructure, the company noted.",
    '"Power engineers are working around the clock to restore the damaged equipment as soon as possible. We ask '
    'consumers to use electricity sparingly in the evening hours," Ukrenergo emphasized.',
    "According to the company, electricity consumption as of 09:30 was 4.2% higher than at the same time on the "
    "previous working day. The reason is the cold snap in the western regions.",
    "In Kyiv and the Kyiv region, the schedules will be in effect from 08:00 to 20:00, DTEK reported.",
    "Let us recall",
    "Earlier, Prime Minister Denys Shmyhal said that the government had allocated UAH 3 billion for the purchase "
    "of generators for hospitals and schools.",
]


def make_story(uk: list[str], en: list[str], mode: str = "document", blank: bool = True) -> Story:
    sep = "\n\n" if blank else "\n"
    return Story(
        build_document("story.uk.txt", sep.join(uk) + "\n", "uk", "source"),
        build_document("story.en.txt", sep.join(en) + "\n", "en", "target"),
        mode=mode,
    )


def shape(aligned: AlignedStory) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Each pair as (source paragraph indices, target paragraph indices)."""
    return [(tuple(s.paragraph for s in p.source), tuple(t.paragraph for t in p.target)) for p in aligned.pairs]


def assert_partition(aligned: AlignedStory) -> None:
    """Every source and target paragraph in exactly one pair, in reading order; indices are positions; scores in
    [0, 1]; every sentence of a pair in exactly one of its sentence alignments."""
    story = aligned.story
    src = [s.paragraph for p in aligned.pairs for s in p.source]
    tgt = [t.paragraph for p in aligned.pairs for t in p.target]
    assert src == list(range(len(story.source.paragraphs)))
    assert tgt == list(range(len(story.target.paragraphs)))
    for i, p in enumerate(aligned.pairs):
        assert p.index == i
        assert p.kind in ("1-1", "1-0", "0-1", "2-1", "1-2")
        assert 0.0 <= p.paragraphs.score <= 1.0
        ss = [s for a in p.sentences for s in a.source]
        ts = [t for a in p.sentences for t in a.target]
        assert ss == [s for para in p.source for s in para.sentences]
        assert ts == [t for para in p.target for t in para.sentences]
        for a in p.sentences:
            assert 0.0 <= a.score <= 1.0
            assert a.kind in ("1-1", "1-0", "0-1", "2-1", "1-2")


@pytest.fixture
def uk() -> list[str]:
    return list(UK)


@pytest.fixture
def en() -> list[str]:
    return list(EN)


@pytest.fixture
def align() -> Callable[..., AlignedStory]:
    def run(uk: list[str], en: list[str], mode: str = "document", blank: bool = True) -> AlignedStory:
        aligned = align_story(make_story(uk, en, mode, blank))
        assert_partition(aligned)
        return aligned

    return run


@pytest.fixture(name="shape")
def shape_fixture() -> Callable[[AlignedStory], list]:
    return shape
