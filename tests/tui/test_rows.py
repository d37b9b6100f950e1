"""The side-by-side layout as data (`tqa.tui.rows`): rows per sentence alignment, empty cells for residue, added and
omitted paragraphs, offsets that map back to the files, safe display text, wrapping."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tqa.model import AlignedPair, AlignedStory, Alignment, Story
from tqa.text.segment import build_document
from tqa.tui.rows import RowIndex, build_rows, display_text, iter_matches, span_offsets, wrap


def _story(src: str, tgt: str) -> Story:
    return Story(build_document("s.uk.txt", src, "uk", "source"), build_document("t.en.txt", tgt, "en", "target"))


def _aligned(story: Story, plan) -> AlignedStory:
    """plan: list of (source paragraph indexes, target paragraph indexes, residue kind)."""
    pairs = []
    for i, (s, t, residue) in enumerate(plan):
        sp = tuple(story.source.paragraphs[j] for j in s)
        tp = tuple(story.target.paragraphs[j] for j in t)
        sents = ()
        if sp and tp:
            sents = tuple(
                Alignment((a,), (b,)) for a, b in zip([x for p in sp for x in p.sentences],
                                                     [x for p in tp for x in p.sentences])
            )
        pairs.append(AlignedPair(i, Alignment(sp, tp), sents, residue))
    return AlignedStory(story, tuple(pairs))


SRC = "Перше речення. Друге речення.\n\nВипущений абзац.\n\nОстанній абзац."
TGT = "First sentence. Second sentence.\n\n• 126 views\n\nAn added paragraph.\n\nThe last paragraph."


def test_rows_per_sentence_and_empty_cells():
    story = _story(SRC, TGT)
    rows = build_rows(_aligned(story, [([0], [0], None), ([1], [], None), ([], [1], "counter"), ([], [2], None),
                                       ([2], [3], None)]))
    assert [(r.source.text, r.target.text) for r in rows[:2]] == [
        ("Перше речення.", "First sentence."),
        ("Друге речення.", "Second sentence."),
    ]
    assert rows[0].first_in_pair and not rows[1].first_in_pair
    omitted, residue, added = rows[2], rows[3], rows[4]
    assert omitted.status == "omitted" and omitted.target.text == "" and "omitted" in omitted.target.placeholder
    assert residue.status == "residue" and residue.source.text == "" and "counter" in residue.source.placeholder
    assert added.status == "added" and added.source.text == "" and added.target.text == "An added paragraph."
    assert rows[5].source.line == 5 and rows[5].target.line == 7  # file line numbers, blank lines counted


def test_uncovered_sentence_alignment_falls_back_to_the_paragraph():
    story = _story("Одне. Два.", "One. Two. Three.")
    sp, tp = story.source.paragraphs[0], story.target.paragraphs[0]
    partial = (Alignment(sp.sentences[:1], tp.sentences[:1]),)  # misses sentences
    rows = build_rows(AlignedStory(story, (AlignedPair(0, Alignment((sp,), (tp,)), partial),)))
    assert len(rows) == 1 and rows[0].target.text == "One. Two. Three."


def test_two_paragraphs_in_one_cell_keep_their_own_lines():
    story = _story("Цитата, – сказав він.", '"A quote.\n\n- he said.')
    rows = build_rows(_aligned(story, [([0], [0, 1], None)]))
    cell = rows[0].target
    assert [line for _a, _b, line in cell.blocks()] == [1, 3]


def test_row_index_and_offsets_back_to_the_document():
    story = _story(SRC, TGT)
    rows = build_rows(_aligned(story, [([0], [0], None), ([1], [], None), ([], [1], "counter"), ([], [2], None),
                                       ([2], [3], None)]))
    index = RowIndex(rows)
    off = story.target.text.index("Second")
    r = index.row_of("target", off)
    assert rows[r].target.text.startswith("Second")
    cell_off = rows[r].target.to_cell(off)
    assert rows[r].target.text[cell_off:cell_off + 6] == "Second"
    last = story.target.text.index("last")
    touched = index.rows_of("target", off, last)
    assert touched == [i for i in range(r, index.row_of("target", last) + 1) if rows[i].target.text]
    assert rows[2].status == "omitted" and 2 not in touched  # no target text there


def test_display_text_is_safe_and_keeps_offsets():
    raw = "a\x1b[31mred\x1b[0m [bold]b[/] \x9b2J\u202eevil\u200b\tz"
    shown = display_text(raw)
    assert len(shown) == len(raw)
    assert "\x1b" not in shown and "\x9b" not in shown and "\u202e" not in shown and "\t" not in shown
    assert "␛[31mred" in shown and "[bold]b[/]" in shown
    assert display_text("plain [link=https://x]text[/link]") == "plain [link=https://x]text[/link]"


def test_span_offsets_from_offsets_or_line_and_column():
    story = _story(SRC, TGT)
    seg = story.target.paragraphs[3]
    span = seg.sub_span(4, 8)
    assert span_offsets(span, story.target.text) == (span.start, span.end)
    from tqa.model import Span

    by_hand = Span(span.line, span.column, span.end_line, span.end_column, span.text)  # start/end left at 0
    assert span_offsets(by_hand, story.target.text) == (span.start, span.end)
    assert span_offsets(None, story.target.text) is None


def test_wrap_basic_and_long_words():
    text = "The quick brown fox jumps over the lazy dog"
    lines = wrap(text, 10)
    assert all(len(text[a:b].rstrip()) <= 10 for a, b in lines)
    assert "".join(text[a:b] for a, b in lines) == text
    long = "x" * 25
    assert [b - a for a, b in wrap(long, 10)] == [10, 10, 5]
    assert wrap("", 5) == [(0, 0)]


def test_wrap_counts_wide_characters_by_cells():
    from rich.cells import cell_len

    text = "新闻 " * 10
    for a, b in wrap(text, 7):
        assert cell_len(text[a:b].rstrip()) <= 7


@given(st.text(alphabet=st.sampled_from("ab щї 新\t"), max_size=80), st.integers(min_value=1, max_value=30))
def test_wrap_covers_the_text_exactly(text, width):
    text = display_text(text)
    lines = wrap(text, width)
    assert lines[0][0] == 0 and lines[-1][1] == len(text)
    assert all(prev[1] == nxt[0] for prev, nxt in zip(lines, lines[1:]))


def test_iter_matches_case_insensitive():
    assert list(iter_matches("Kyiv and KYIV", "kyiv")) == [(0, 4), (9, 13)]
    assert list(iter_matches("abc", "")) == []
