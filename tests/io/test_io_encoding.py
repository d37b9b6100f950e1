"""Encoding detection and decoding: BOMs, UTF-16, cp1251 vs koi8-u (both ways), cp1252, bad input."""

from __future__ import annotations

import codecs
import random

import pytest

from tqa.errors import InputError
from tqa.io import decode_bytes, read_pair, read_text
from tqa.io.encoding import LineReader, detect_encoding, normalise_newlines, score_text

# -- Unicode --------------------------------------------------------------------------------------------------------


def test_utf8_without_and_with_bom(uk_story):
    assert decode_bytes(uk_story.encode("utf-8"), "a.txt") == (uk_story, "utf-8")
    text, enc = decode_bytes(codecs.BOM_UTF8 + uk_story.encode("utf-8"), "a.txt")
    assert (text, enc) == (uk_story, "utf-8-sig")
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_bom(uk_story, codec):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[codec]
    text, enc = decode_bytes(bom + uk_story.encode(codec), "a.txt")
    assert (text, enc) == (uk_story, codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(uk_story, codec):
    assert decode_bytes(uk_story.encode(codec), "a.txt") == (uk_story, codec)


def test_ascii_is_reported_as_utf8():
    assert decode_bytes(b"Kyiv, March 2 (Ukrinform).\n", "a.txt") == ("Kyiv, March 2 (Ukrinform).\n", "utf-8")


# -- Cyrillic code pages ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["cp1251", "koi8-u"])
def test_cp1251_and_koi8u_story(uk_plain, codec):
    text, enc = decode_bytes(uk_plain.encode(codec), "a.txt", prefer="uk")
    assert enc == codec
    assert text == uk_plain
    assert all(ch in text for ch in "іїєґІЇЄҐ")


@pytest.mark.parametrize("codec", ["cp1251", "koi8-u"])
def test_short_lines_in_both_cyrillic_code_pages(uk_short, codec):
    # each short line alone: the wrong code page must lose on case and letter frequencies
    for line in uk_short:
        text, enc = decode_bytes(line.encode(codec), "a.txt", prefer="uk")
        assert (enc, text) == (codec, line)


def test_the_wrong_cyrillic_decoding_scores_lower(uk_plain):
    for right, wrong in (("cp1251", "koi8-u"), ("koi8-u", "cp1251")):
        data = uk_plain.encode(right)
        assert score_text(data.decode(right))[0] > score_text(data.decode(wrong))[0]
        assert score_text(data.decode(wrong))[1] > 0  # the wrong one has implausible characters


def test_cp1251_story_with_typography(uk_story):
    text, enc = decode_bytes(uk_story.encode("cp1251"), "a.txt")
    assert (text, enc) == (uk_story, "cp1251")


def test_cp1252_english_with_accents_and_curly_quotes():
    en = "\u201cThe caf\u00e9\u2019s owner,\u201d said Ren\u00e9e \u2014 a na\u00efve r\u00e9sum\u00e9 \u2026\n"
    text, enc = decode_bytes(en.encode("cp1252"), "b.txt", prefer="en")
    assert (text, enc) == (en, "cp1252")


def test_identical_decodings_take_the_preferred_language_code_page():
    en = "\u201cWe will win,\u201d he said \u2014 and left.\n"  # only bytes cp1251 and cp1252 share
    assert decode_bytes(en.encode("cp1252"), "b.txt", prefer="en")[1] == "cp1252"
    assert decode_bytes(en.encode("cp1252"), "b.txt", prefer="uk")[1] == "cp1251"


def test_english_cp1251_keeps_cyrillic_lookalikes():
    # an English file saved in cp1251 with a Cyrillic і inside an English word: the very error tqa reports
    en = "\u201cWe met in Prazі on Monday,\u201d she said. Київ is the capital.\n"
    text, enc = decode_bytes(en.encode("cp1251"), "b.txt", prefer="en")
    assert (text, enc) == (en, "cp1251")


# -- bad input --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"  \n\t\r\n ", "white space"),
        (codecs.BOM_UTF16_LE + "  \n".encode("utf-16-le"), "white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"text\x01\x02\x03\x04\x05 more", "binary"),
    ],
)
def test_bad_bytes(data, problem):
    with pytest.raises(InputError) as info:
        decode_bytes(data, "story.txt")
    message = str(info.value)
    assert message.startswith("story.txt: ")
    assert problem in message
    assert "\n" not in message


def test_random_bytes_are_not_text():
    rng = random.Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))  # no NULs: must fail on plausibility
    with pytest.raises(InputError, match="cannot detect the text encoding"):
        decode_bytes(data, "blob.txt")


def test_broken_utf8_names_the_line(uk_story):
    data = uk_story.encode("utf-8")
    cut = data.index("Обстріл".encode())
    with pytest.raises(InputError) as info:
        decode_bytes(data[:cut] + b"\xff" + data[cut:], "story.txt")
    lineno = uk_story[: uk_story.index("Обстріл")].count("\n") + 1
    assert str(info.value) == f"story.txt: not valid UTF-8: byte 0xff on line {lineno}"


def test_a_few_ansi_escapes_are_still_text():
    text, enc = decode_bytes(b"\x1b[31mKyiv\x1b[0m reported on Monday that the grid is stable.\n", "a.txt")
    assert enc == "utf-8" and text.startswith("\x1b[31m")


# -- line ends --------------------------------------------------------------------------------------------------------


def test_newlines_are_normalised_and_positions_kept(write, uk_story, en_story):
    src = write("s.uk.txt", uk_story.replace("\n", "\r\n"))
    tgt = write("s.en.txt", en_story.replace("\n", "\r"), "cp1252")
    story = read_pair(src, tgt)
    assert "\r" not in story.source.text and "\r" not in story.target.text
    assert story.source.text == uk_story
    assert story.target.encoding == "cp1252"
    # "Обстріл" starts line 6, column 1 in the file whatever its line ends
    para = next(p for p in story.source.paragraphs if p.text.startswith("Обстріл"))
    assert (para.span.line, para.span.column) == (6, 1)
    word = para.sub_span(para.text.index("12"), para.text.index("12") + 2)
    assert (word.line, word.column, word.text) == (6, para.text.index("12") + 1, "12")
    last = story.target.paragraphs[-1]
    assert last.span.line == 6 and last.text.startswith("The shelling")


def test_normalise_newlines():
    assert normalise_newlines("a\r\nb\rc\n") == "a\nb\nc\n"
    assert normalise_newlines("plain\n") == "plain\n"


# -- files and streams ------------------------------------------------------------------------------------------------


def test_read_text_reports_the_encoding(write, uk_plain):
    path = write("k.txt", uk_plain, "koi8-u")
    assert read_text(path) == (uk_plain, "koi8-u")


def test_line_reader_decodes_across_block_boundaries(write):
    lines = [f"{i}: Ґудзь їде в Ірпінь — «є питання»" for i in range(200)]
    path = write("r.txt", "\r\n".join(lines) + "\r\n")
    for block in (16, 17, 33, 1000):  # cut multi-byte letters and CRLF pairs at every place
        with LineReader(path, block_size=block, sample_size=block) as reader:
            assert list(reader) == lines
            assert reader.lines_read == 200


def test_line_reader_utf16(write, uk_plain):
    path = write("r.txt", codecs.BOM_UTF16_BE + uk_plain.encode("utf-16-be"))
    with LineReader(path, block_size=7) as reader:
        assert reader.encoding == "utf-16-be"
        assert list(reader) == uk_plain.splitlines()


def test_line_reader_cr_only_file(write):
    path = write("r.txt", "перший\rдругий\rтретій")
    with LineReader(path) as reader:
        assert list(reader) == ["перший", "другий", "третій"]


def test_line_reader_ascii_head_then_utf8(write):
    lines = ["plain ascii line"] * 20 + ["а тут українською: ґанок"] * 3
    path = write("r.txt", "\n".join(lines) + "\n")
    with LineReader(path, block_size=64, sample_size=64) as reader:
        assert reader.detected.ascii_only
        assert list(reader) == lines
        assert reader.encoding == "utf-8"


def test_line_reader_ascii_head_then_cp1251(write):
    lines = ["plain ascii line"] * 20 + ["а тут українською: ґанок і їжак"] * 3
    path = write("r.txt", "\n".join(lines) + "\n", "cp1251")
    with LineReader(path, block_size=4096, sample_size=64) as reader:
        assert reader.encoding == "utf-8"  # all the sample could tell
        assert list(reader) == lines
        assert reader.encoding == "cp1251"


def test_line_reader_bad_byte_later_names_the_line(write):
    body = "".join(f"рядок номер {i}\n" for i in range(1, 100)).encode()
    data = body + b"\xc3\x28 bad\n" + "кінець\n".encode()
    path = write("r.txt", data)
    with LineReader(path, block_size=256, sample_size=256) as reader:
        with pytest.raises(InputError) as info:
            list(reader)
    assert str(info.value) == f"{path}: not valid UTF-8: byte 0xc3 on line 100"


def test_line_reader_nul_later_names_the_line(write):
    data = b"".join(b"line %d\n" % i for i in range(1, 60)) + b"oops\x00\n"
    path = write("r.txt", data)
    with LineReader(path, block_size=128, sample_size=128) as reader:
        with pytest.raises(InputError, match="NUL byte.* line 60"):
            list(reader)


def test_detect_on_a_truncated_first_block():
    data = "Ґудзь їде в Ірпінь".encode()
    found = detect_encoding(data[:-1], "x", complete=False)  # a streamed block may end inside a letter
    assert found.name == "utf-8"
    with pytest.raises(InputError, match="not valid UTF-8: byte 0xd1 on line 1"):
        detect_encoding(data[:-1], "x", complete=True)  # a whole file may not


# -- property: block size never changes the lines ------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_line = st.text(alphabet=st.sampled_from(list("ab ҐґЇїЄєІі—«»\t1.,")), max_size=30)


@settings(max_examples=60, deadline=None)
@given(
    lines=st.lists(_line, min_size=0, max_size=30),
    crlf=st.booleans(),
    trailing=st.booleans(),
    block=st.integers(min_value=4, max_value=64),
    codec=st.sampled_from(["utf-8", "utf-16", "cp1251"]),
)
def test_line_reader_any_block_size(tmp_path_factory, lines, crlf, trailing, block, codec):
    lines = ["Київ, 2 березня"] + lines
    end = "\r\n" if crlf else "\n"
    text = end.join(lines) + (end if trailing else "")
    path = tmp_path_factory.mktemp("lr") / "f.txt"
    path.write_bytes(text.encode(codec))
    expected = text.split(end)
    if expected[-1] == "":  # a file ending with a line end has no empty last line (as wc -l counts)
        expected.pop()
    forced = codec if codec == "cp1251" else None  # random letters are no Ukrainian: don't test detection here
    with LineReader(path, block_size=block, sample_size=max(block, 64), encoding=forced) as reader:
        assert list(reader) == expected
    with LineReader(path, block_size=block, sample_size=max(block, 64), encoding=forced) as reader:
        assert reader.count() == len(expected)


@pytest.mark.parametrize("codec", ["cp1251", "koi8-u"])
def test_code_page_found_after_a_long_ascii_head(codec, uk_plain):
    data = ("Kyiv, March 2 (Ukrinform) - plain ASCII.\n" * 2000 + uk_plain).encode(codec)
    assert decode_bytes(data, "a.txt") == ("Kyiv, March 2 (Ukrinform) - plain ASCII.\n" * 2000 + uk_plain, codec)


def test_detection_is_remembered_by_content_and_errors_are_not() -> None:
    """The same sample gives the same (frozen) answer without decoding it again; errors name each caller's path."""
    from tqa.io import encoding

    sample = "Київ — столиця.\nKyiv is the capital.\n".encode("cp1251", "replace") * 50
    first = detect_encoding(sample, "a.txt", complete=False, prefer="uk")
    assert first == encoding._detect(sample, "a.txt", complete=False, prefer="uk")
    assert detect_encoding(bytes(bytearray(sample)), "a.txt", complete=False, prefer="uk") is first
    assert detect_encoding("Київ\n".encode(), "a.txt").name == "utf-8"  # other bytes, other answer
    for path in ("one.txt", "two.txt"):
        with pytest.raises(InputError) as exc:
            detect_encoding(b"\x00\x01\x02\x03binary", path)
        assert path in str(exc.value)
