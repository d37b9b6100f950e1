"""`classify_residue`'s shortcuts (the `_DATELINE_COMMA` word bound, the reordered copyright pre-check, the social-token
first-token test) skip only tests that cannot succeed: the function gives the same kind with them turned off, on generated texts around every word-count bound, the rule docs' examples and (where
the data exist) the WMT corpora."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.checks.base import all_rules
from tqa.text import residue as R

_classify = R.classify_residue.__wrapped__


def _slow(text: str) -> str | None:
    """`classify_residue` without the `_DATELINE_COMMA` word bound and with the old copyright pre-check (the tests
    below compare)."""
    saved = R._DATELINE_COMMA_WORDS, R._copyright_possible
    try:
        R._DATELINE_COMMA_WORDS = 10**9
        R._copyright_possible = _old_copyright_possible
        return _classify(text)
    finally:
        R._DATELINE_COMMA_WORDS, R._copyright_possible = saved


def _old_copyright_possible(low: str) -> bool:
    return "erved" in low or "илання" in low or "захищен" in low or "nk to" in low or ("when " in low and "nk" in low)


# Residue vocabulary (every kind's openers, stamps, labels, separators) and sentence filler, to build texts whose word
# counts fall around each bound of the function (4, 6, 8, 10, 12, 14, 16, 25, 30, 34, 40, 60).
_VOCAB = [
    "Read also:", "See also", "Читайте також:", "Photo:", "Photo by", "Фото:", "©", "(c)", "Copyright", "copyright",
    "All rights reserved.", "усі права захищені", "link to", "the site is required.", "when using", "hyperlink",
    "при використанні", "посилання", "обов'язкове", "Subscribe to", "our Telegram channel.", "Follow", "us", "on",
    "Facebook", "If you notice a mistake,", "select it and press", "Ctrl+Enter", "Ctrl + Enter.", "typo", "помилку",
    "Updated", "Published:", "Today,", "12.03.2024,", "15:55", "15:55.", "14:05,", "10.04.2026", "• 126 views",
    "• 5350 views.", "views", "👁 2 341", "1", "2", "3", "12 January", "Jan.", "2023", "року", "р.", "Monday,",
    "3 minutes ago.", "an hour ago.", "5 хв тому.", "Kyiv,", "Kyiv", "UNN", "Ukrinform,", "Odesa •", "|", "/", "-", "—",
    "Tags:", "war,", "Author:", "Olena Petrenko", "Source:", "Reading time: 2 min", "Share", "Нагадаємо", "Let us recall",
    "Реклама", "Головна", "The", "minister", "said", "that", "the", "government", "would", "adopt", "a", "resolution",
    "on", "Wednesday", "in", "Kyiv.", "said.", "reports.", "ago.", "ally02.03.26,", "overnight14:05", "!", "?", "…",
    ".", ",", ":", "ſubscribe", "İmage", "K", "ᲀ", "Th", "The latest news", "in our", "channel.", "$43.230.13",
    "USD 41.25 / 41.45",
]
_FILLER = "The minister said that the government would adopt a new resolution on support for farmers".split()


@st.composite
def _texts(draw: st.DrawFn) -> str:
    head = draw(st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=6))
    bound = draw(st.sampled_from([4, 6, 8, 10, 12, 14, 16, 25, 30, 34, 40, 60]))
    n = max(0, bound + draw(st.integers(-3, 3)) - len(" ".join(head).split()))
    filler = [_FILLER[i % len(_FILLER)] for i in range(n)]
    tail = draw(st.lists(st.sampled_from(_VOCAB), max_size=3))
    words = head + filler + tail if draw(st.booleans()) else filler + head + tail
    end = draw(st.sampled_from(["", ".", "!", "?", "…", " 15:55", " • 12 views", "", "."]))
    return " ".join(words) + end


@settings(max_examples=1500, deadline=None)
@given(text=_texts())
def test_same_kind_without_the_shortcuts(text: str) -> None:
    assert _classify(text) == _slow(text)


@pytest.mark.parametrize(
    "text, kind",
    [
        # kinds a long line with a final stop can still be
        ("© 2025 " + " ".join(["word"] * 50) + ".", "copyright"),
        ("Read also: " + " ".join(["word"] * 30) + ".", "read-also"),
        ("Photo: " + " ".join(["word"] * 20) + ".", "photo-credit"),
        ("If you notice a mistake in this text, please select it with the mouse and press Ctrl+Enter to report "
         "it to the editors now.", "social-prompt"),
        ("Subscribe to our channel to get the news about the war and the economy first in Telegram and on "
         "Facebook.", "social-prompt"),
        ("When using materials of this site, a hyperlink is required for all the readers and partners of "
         "ours.", "copyright"),
        ("Updated 12.03.2024, 15:55 • 1 2 3 4 5 6 7 8 9 1 2 3 4 5 6 views.", "timestamp"),
        # and sentences
        ("The minister said that the government would adopt a new resolution on support for farmers on "
         "Wednesday.", None),
        ("Нагадаємо, що уряд ухвалив постанову про підтримку фермерів прифронтових громад у середу ввечері після довгого засідання.", None),
    ],
)
def test_long_lines(text: str, kind: str | None) -> None:
    assert len(text.split()) > 14
    assert _classify(text) == kind == _slow(text)


def test_bounds_facts() -> None:
    # `_DATELINE_COMMA`: at most three words of place, three of agency
    agencies = R._AGENCIES[3:-1].split("|")
    assert max(len(a.replace("\\.", ".").split()) for a in agencies) == 3
    assert R._DATELINE_COMMA_WORDS == 6
    assert R._DATELINE_COMMA.match("BBC News Ukrainian, Bila Tserkva Town")
    assert not R._DATELINE_COMMA.match("BBC News Ukrainian, Bila Tserkva Town Hall")
    assert R.classify_residue.__wrapped__("Kyiv, UNN") == "dateline"
    assert R.classify_residue.__wrapped__("Nova Kakhovka-Beryslav, BBC News Ukrainian") == "dateline"


@pytest.mark.parametrize(
    "low",
    ["all rights reserved", "усі права захищені", "посилання", "link to", "when using a link", "when ", "nk",
     "thank you", "the bank when ", "plain text", "текст без нічого", "", "nk to"],
)
def test_copyright_pre_check_same(low: str) -> None:
    assert R._copyright_possible(low) == _old_copyright_possible(low)


def _old_is_social_tokens(t: str) -> bool:
    if t[0] not in R._SOCIAL_FIRST or t[-1] not in R._SOCIAL_LAST:
        return False
    low = t.lower()
    for phrase in R._SOCIAL_PHRASES:
        low = low.replace(phrase, "share")
    tokens = [w for w in re.split(r"[\s,|•·/]+", low) if w]
    if not tokens or len(tokens) > 10:
        return False
    if not all(w in R._SOCIAL_TOKENS for w in tokens):
        return False
    return len(tokens) >= 2 or tokens[0] in ("share", "поділитися")


_SOCIAL_PIECES = [*sorted(R._SOCIAL_TOKENS), "Copy link", "скопіювати посилання", "Копіювати посилання", ",", "|",
                  "•", "/", "·", " ", "Kyiv", "news", "Share", "FACEBOOK", "ſhare", "x", "copy"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_SOCIAL_PIECES), min_size=1, max_size=8), st.sampled_from([" ", "", ", ", " / "]))
def test_social_tokens_same(pieces: list[str], sep: str) -> None:
    text = sep.join(pieces).strip()
    if text:
        assert R._is_social_tokens(text) == _old_is_social_tokens(text)


def _doc_lines() -> list[str]:
    out = []
    for rule in all_rules():
        for line in (rule.__doc__ or "").splitlines():
            line = line.strip()
            for label in ("Source:", "Bad:", "Good:"):
                if line.startswith(label):
                    out += [p.strip() for p in line[len(label):].split("¶")]
    return out


def test_docs_examples_same() -> None:
    lines = _doc_lines()
    assert len(lines) > 50
    for text in lines:
        assert _classify(text) == _slow(text), text


_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "wmt22-uk-en"


@pytest.mark.skipif(not _DATA.is_dir(), reason="WMT data not here")
def test_corpus_lines_same() -> None:
    files = [_DATA / "generaltest2022.uk-en.src.uk", _DATA / "generaltest2022.uk-en.ref.A.en",
             *sorted((_DATA / "system-outputs").glob("*.en"))[:3]]
    seen = set()
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip() and line not in seen:
                seen.add(line)
                assert _classify(line) == _slow(line), line
    assert len(seen) > 3000
