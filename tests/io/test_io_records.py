"""Record inputs: --aligned line files, TSV, JSONL — record numbers, empty records, columns, chunking."""

from __future__ import annotations

import json

import pytest

from tqa.errors import InputError
from tqa.io import read_inputs, read_pair
from tqa.io.records import read_aligned, read_jsonl, read_tsv


def paras(doc):
    return [(p.text, p.span.line, p.span.column) for p in doc.paragraphs]


# -- --aligned --------------------------------------------------------------------------------------------------------


def test_aligned_lines_keep_their_record_numbers(write):
    src = write("a.uk", "Перший рядок.\n\n  Третій рядок.  \nЧетвертий рядок.\n\nШостий.\n")
    tgt = write("a.en", "First line.\n\nThird line.\n\n\nSixth.\n")
    stories = list(read_inputs([src, tgt], aligned=True))
    assert len(stories) == 1
    story = stories[0]
    assert story.mode == "aligned" and story.part == 0
    # line 2 and 5 are blank on both sides: no pair; line 4 is blank in the target: an empty paragraph keeps the
    # correspondence (paragraph N of the source is paragraph N of the target)
    assert paras(story.source) == [("Перший рядок.", 1, 1), ("Третій рядок.", 3, 3), ("Четвертий рядок.", 4, 1),
                                   ("Шостий.", 6, 1)]
    assert paras(story.target) == [("First line.", 1, 1), ("Third line.", 3, 1), ("", 4, 1), ("Sixth.", 6, 1)]
    assert story.target.paragraphs[2].sentences == ()


def test_aligned_sentences_are_located_in_the_file(write):
    src = write("a.uk", "Перше речення. Друге речення.\nТретій рядок.\n")
    tgt = write("a.en", "First sentence. Second sentence.\nThird line.\n")
    story = read_pair(src, tgt, aligned=True)
    second = story.target.paragraphs[0].sentences[1]
    assert (second.text, second.span.line, second.span.column) == ("Second sentence.", 1, 17)


def test_aligned_different_line_counts(write):
    src = write("a.uk", "один\nдва\nтри\n")
    tgt = write("a.en", "one\ntwo\n")
    with pytest.raises(InputError) as info:
        list(read_aligned(src, tgt))
    message = str(info.value)
    assert src in message and tgt in message and "3 lines" in message and "has 2" in message


def test_aligned_counts_the_last_line_without_newline(write):
    src = write("a.uk", "один\nдва")
    tgt = write("a.en", "one\ntwo\n")
    story = read_pair(src, tgt, aligned=True)
    assert [p.text for p in story.target.paragraphs] == ["one", "two"]


def test_aligned_crlf_and_encodings(write):
    src = write("a.uk", "Їжак\r\nҐанок\r\n", "koi8-u")
    tgt = write("a.en", "Hedgehog\r\nPorch\r\n", "utf-16")
    story = read_pair(src, tgt, aligned=True)
    assert story.source.encoding == "koi8-u" and story.target.encoding == "utf-16-le"
    assert paras(story.source) == [("Їжак", 1, 1), ("Ґанок", 2, 1)]
    assert paras(story.target) == [("Hedgehog", 1, 1), ("Porch", 2, 1)]


def test_aligned_chunks_5000_records(write):
    n = 5000
    src = write("big.uk", "".join(f"Рядок номер {i}.\n" if i % 7 else "\n" for i in range(1, n + 1)))
    tgt = write("big.en", "".join(f"Line number {i}.\n" if i % 7 else "\n" for i in range(1, n + 1)))
    stories = list(read_aligned(src, tgt))
    assert [s.part for s in stories] == [0, 1, 2]
    assert [s.source.first_line for s in stories] == [1, 2001, 4001]
    assert all(s.mode == "aligned" and s.key == (src, tgt) for s in stories)
    seen = []
    for story in stories:
        assert len(story.source.paragraphs) == len(story.target.paragraphs)
        for sp, tp in zip(story.source.paragraphs, story.target.paragraphs):
            number = int(sp.text.split()[-1].rstrip("."))
            assert sp.span.line == tp.span.line == number  # global record numbers
            assert tp.text == f"Line number {number}."
            seen.append(number)
    assert seen == [i for i in range(1, n + 1) if i % 7]


def test_chunks_are_merged_by_the_engine(write, monkeypatch):
    import tqa.io.records as records
    from tqa import engine

    monkeypatch.setattr(records, "CHUNK_RECORDS", 4)
    rows = [("Рядок перший.", "Line one."), ("Рядок другий.", "Line two.")] * 5
    path = write("r.tsv", "".join(f"{s}\t{t}\n" for s, t in rows))
    stories = list(read_inputs([path]))
    assert [s.part for s in stories] == [0, 1, 2]
    report = engine.run(stories)
    assert len(report.documents) == 1
    assert report.documents[0].pairs == 10


# -- TSV --------------------------------------------------------------------------------------------------------------


def test_tsv_with_header_lines_and_columns(write):
    path = write("r.tsv", "source\ttarget\nКиїв\tKyiv\n\n  Львів \tLviv is here\n")
    (story,) = list(read_tsv(path))
    assert story.mode == "aligned" and story.key == (path, path)
    assert paras(story.source) == [("Київ", 2, 1), ("Львів", 4, 3)]
    # target columns are those of the file line: after "Київ<TAB>" the target starts at column 6
    assert paras(story.target) == [("Kyiv", 2, 6), ("Lviv is here", 4, 10)]


def test_tsv_without_header(write):
    path = write("r.tsv", "Київ\tKyiv\nЛьвів\t\n")
    (story,) = list(read_tsv(path))
    assert paras(story.source) == [("Київ", 1, 1), ("Львів", 2, 1)]
    assert paras(story.target) == [("Kyiv", 1, 6), ("", 2, 7)]


def test_tsv_header_names_the_columns(write):
    path = write("r.tsv", "id\tuk\ten\tnote\n7\tКиїв\tKyiv\tok\n")
    (story,) = list(read_tsv(path))
    assert paras(story.source) == [("Київ", 2, 3)]
    assert paras(story.target) == [("Kyiv", 2, 8)]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("Київ\tKyiv\nЛьвів без перекладу\n", "line 2: no tab"),
        ("Київ\tKyiv\tзайве\n", "line 1: 3 tab-separated fields"),
        ("id\tsource\ttarget\n1\tКиїв\n", "line 2: 2 tab-separated fields, the header names 3"),
        ("source\ttarget\n\n", "no records"),
    ],
)
def test_tsv_bad_records(write, content, expected):
    path = write("bad.tsv", content)
    with pytest.raises(InputError) as info:
        list(read_tsv(path))
    assert str(info.value).startswith(f"{path}: {expected}")


# -- JSONL ------------------------------------------------------------------------------------------------------------


def test_jsonl_keys_blank_lines_and_line_breaks(write):
    lines = [
        json.dumps({"source": "Київ", "target": "Kyiv"}, ensure_ascii=False),
        "",
        json.dumps({"src": "Львів\nмісто", "tgt": "Lviv city", "id": 3}),  # \u-escaped and a line break
        json.dumps({"uk": "Одеса", "en": ""}, ensure_ascii=False),
    ]
    path = write("r.jsonl", "\n".join(lines) + "\n")
    (story,) = list(read_jsonl(path))
    assert paras(story.source) == [("Київ", 1, 1), ("Львів місто", 3, 1), ("Одеса", 4, 1)]
    assert paras(story.target) == [("Kyiv", 1, 1), ("Lviv city", 3, 1), ("", 4, 1)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"source": "Київ", "target": "Kyiv"', "line 2: invalid JSON"),
        ('["Київ", "Kyiv"]', "line 2: expected a JSON object"),
        ('{"source": "Київ", "translation": "Kyiv"}', 'line 2: no "source" and "target"'),
        ('{"source": "Київ", "target": null}', 'line 2: "target" must be a string, not null'),
        ('{"src": 5, "tgt": "five"}', 'line 2: "src" must be a string, not int'),
    ],
)
def test_jsonl_bad_records(write, line, expected):
    path = write("bad.jsonl", '{"source": "Одеса", "target": "Odesa"}\n' + line + "\n")
    with pytest.raises(InputError) as info:
        list(read_jsonl(path))
    assert str(info.value).startswith(f"{path}: {expected}")


def test_jsonl_chunks_keep_file_line_numbers(write):
    lines = []
    for i in range(1, 4501):
        lines.append(json.dumps({"source": f"Рядок {i}", "target": f"Line {i}"}, ensure_ascii=False))
        if i % 1000 == 0:
            lines.append("")  # blank lines are not records but are counted
    path = write("r.jsonl", "\n".join(lines) + "\n")
    stories = list(read_jsonl(path))
    assert [s.part for s in stories] == [0, 1, 2]
    last = stories[-1].target.paragraphs[-1]
    assert last.text == "Line 4500" and last.span.line == 4504
    assert stories[1].source.first_line == 2002  # 2000 records and one blank line before it


def test_record_reading_is_lazy(write):
    """A record file is read chunk by chunk: the first chunk arrives before the file is read to the end."""
    lines = "".join(f"Рядок {i}\tLine {i}\n" for i in range(6000))
    path = write("big.tsv", lines + "not a record\n")  # the bad last line is only met at the end
    stories = read_tsv(path)
    first = next(stories)
    assert first.part == 0 and first.target.paragraphs[0].text == "Line 0"
    with pytest.raises(InputError, match="line 6001: no tab"):
        list(stories)


def test_memory_stays_flat_while_streaming(write, monkeypatch):
    """Peak memory while reading 8,000 records is about that of 2,000: only one chunk is alive at a time."""
    import tracemalloc

    import tqa.io.encoding as encoding
    import tqa.io.records as records

    # small chunks and blocks, so that a few thousand records already span many of them
    monkeypatch.setattr(records, "CHUNK_RECORDS", 500)
    monkeypatch.setattr(encoding, "_BLOCK", 32 * 1024)
    monkeypatch.setattr(encoding, "SAMPLE_SIZE", 32 * 1024)
    sentences = [
        ("Уряд ухвалив рішення про виділення {} млн гривень на відновлення енергетики, повідомили в Мінекономіки.",
         "The government decided to allocate UAH {} million to restore the energy sector, the ministry said."),
        ("«Ми продовжимо роботу», – зазначив прем'єр-міністр під час засідання у четвер, {} березня.",
         "\"We will continue the work,\" the prime minister said at Thursday's meeting on March {}."),
    ]

    def peak(n: int) -> int:
        path = write(f"m{n}.tsv", "".join(
            f"{sentences[i % 2][0].format(i % 50)}\t{sentences[i % 2][1].format(i % 50)}\n" for i in range(n)))
        tracemalloc.start()
        try:
            records = sum(len(story.target.paragraphs) for story in read_tsv(path))
            return tracemalloc.get_traced_memory()[1] if records == n else -1
        finally:
            tracemalloc.stop()

    peak(500)  # warm the sentence-splitter cache and imports
    small, large = peak(2000), peak(8000)
    assert small > 0 and large > 0
    assert large < 1.3 * small, (small, large)


# -- small aligned files: read once each (no counting pass) = the streamed path ------------------------------------------


def _both_ways(monkeypatch, src, tgt, **kwargs):
    """(stories or the InputError message) of read_aligned read whole, then streamed (WHOLE_FILE_BYTES = -1)."""
    import tqa.io.records as records

    out = []
    for limit in (records.WHOLE_FILE_BYTES, -1):
        monkeypatch.setattr(records, "WHOLE_FILE_BYTES", limit)
        try:
            out.append(list(read_aligned(src, tgt, **kwargs)))
        except InputError as exc:
            out.append(str(exc))
    return out


_SMALL_CASES = {
    "plain": ("Перше речення. Друге.\n\n  Третій.  \n", "First sentence. Second.\n\nThird.\n"),
    "crlf-bom-no-final-newline": ("\ufeffОдин\r\nДва\r\n\r\nЧотири", "One\r\nTwo\r\n\r\nFour"),
    "cr-only": ("Один\rДва\r", "One\rTwo\r"),
    "trailing-cr": ("Один\nДва\r", "One\nTwo\r"),
    "blank-one-side": ("Один\n\nТри\n", "One\nTwo\n\n"),
}


@pytest.mark.parametrize("name", sorted(_SMALL_CASES))
@pytest.mark.parametrize("chunk_size", [None, 2])
def test_small_files_read_whole_equal_streamed(write, monkeypatch, name, chunk_size):
    uk, en = _SMALL_CASES[name]
    src, tgt = write(f"{name}.uk", uk), write(f"{name}.en", en)
    whole, streamed = _both_ways(monkeypatch, src, tgt, chunk_size=chunk_size)
    assert isinstance(whole, list) and whole
    assert whole == streamed
    assert [s.part for s in whole] == list(range(len(whole)))


@pytest.mark.parametrize(
    "uk, en, expected",
    [
        ("Один\nДва\n".encode(), b"One\nTwo and more\nT\x00wo\n", "e.en: binary data"),
        ("Один\nДва\nД\x00ва\n".encode(), b"\x00\n\n", "e.uk: binary data"),  # the source is reported first
        ("Один\nДва\nТри\n".encode(), b"One\nTwo\n", "has 3 lines but"),
        ("Один\nДва\n".encode(), b"One\nTwo\n\x00\n", "e.en: binary data"),  # before the count mismatch
        ("Один\nДва\nТри\n".encode(), "Один\nДва\n\xff\xfe".encode() + b"\xff\n", "e.en: "),  # bad bytes late
    ],
)
@pytest.mark.parametrize("small_blocks", [False, True])
def test_small_files_read_whole_raise_the_same_errors(write, monkeypatch, uk, en, expected, small_blocks):
    if small_blocks:  # errors found block by block while decoding (with line numbers), not in the sample
        import tqa.io.encoding as encoding

        monkeypatch.setattr(encoding, "SAMPLE_SIZE", 8)
        monkeypatch.setattr(encoding, "_BLOCK", 8)
    src, tgt = write("e.uk", uk), write("e.en", en)
    whole, streamed = _both_ways(monkeypatch, src, tgt)
    assert isinstance(whole, str) and expected in whole
    assert whole == streamed


def test_small_files_with_an_encoding_change_are_streamed(write, monkeypatch):
    # an ASCII sample, then UTF-8 further on: the streamed chunks are named by the encoding known when each is built,
    # so the whole-file path hands over to the streamed one (same chunks either way)
    import tqa.io.encoding as encoding

    monkeypatch.setattr(encoding, "SAMPLE_SIZE", 64)
    monkeypatch.setattr(encoding, "_BLOCK", 64)
    uk = "".join(f"Line {i} plain ascii text here.\n" for i in range(6)).encode() + "Рядок український.\n".encode(
        "cp1251")
    en = "".join(f"Line {i} plain ascii text here.\n" for i in range(7))
    src, tgt = write("c.uk", uk), write("c.en", en)
    whole, streamed = _both_ways(monkeypatch, src, tgt, chunk_size=3)
    assert isinstance(whole, list) and whole == streamed
    assert len({s.source.encoding for s in whole}) == 2  # the case the hand-over exists for
