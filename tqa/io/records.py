"""Record inputs, streamed: aligned line files (``--aligned``), TSV and JSONL.

Each record is one aligned pair (Story.mode = "aligned"). Files are read block by block with an incremental decoder
(`LineReader`) and yielded as consecutive `Story` chunks of at most `CHUNK_RECORDS` records — ``part`` 0, 1, 2… —
whose documents start at ``first_line``, so Span lines are global record numbers and memory stays flat whatever the
size of the file. The engine merges the chunks of one file back into one result.

Positions:

* ``--aligned``: line N of the source file is line N of the target file; Span.line is N (what ``wc -l``, ``sed -n
  Np`` and WMT tools count); columns are those of the line.
* TSV: Span.line is the line of the file; columns are those of the file line (the target field of
  ``source<TAB>target`` starts after the tab: the target document's line holds the field at its own column, preceded
  by spaces, so an editor jumps to the right place).
* JSONL: Span.line is the line of the file; columns count code points inside the decoded JSON string (1 = its first
  character); a line break inside a string becomes a space (one record stays one line).

Empty records: a record whose two sides are blank has nothing to check and yields no paragraph (its number is still
counted, so the records after it keep theirs); a record blank on one side only yields an empty (zero-length)
paragraph on that side, so that paragraph N of the source stays paragraph N of the target and a check sees the
missing translation. A blank line or a header line of a TSV/JSONL file is not a record.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterable, Iterator

from tqa.errors import InputError
from tqa.io.encoding import LineReader, count_lines
from tqa.model import Story
from tqa.text.segment import LINES, build_document

__all__ = ["CHUNK_RECORDS", "build_chunk", "iter_jsonl", "iter_tsv", "read_aligned", "read_jsonl", "read_tsv"]

CHUNK_RECORDS = 2000

_STRIP = " \t\r\f\v\u00a0\u200b\ufeff"  # as tqa.text.segment strips paragraphs

# A record row: (line, source, target, source column, target column); source/target None for a line that is no
# record (a TSV header, a blank line). Columns are 0-based code-point offsets of the field in the file line.
Row = tuple[int, "str | None", "str | None", int, int]

_TSV_SOURCE_NAMES = ("source", "src", "uk", "ukrainian", "original")
_TSV_TARGET_NAMES = ("target", "tgt", "en", "english", "translation", "mt", "hyp")
_JSON_KEYS = (("source", "target"), ("src", "tgt"), ("uk", "en"))


def _field_span(field: str) -> tuple[int, int] | None:
    if field and field[0] not in _STRIP and field[-1] not in _STRIP:
        return 0, len(field)  # nothing to strip (most records)
    stripped = field.strip(_STRIP)
    if not stripped:
        return None
    lead = len(field) - len(field.lstrip(_STRIP))
    return lead, lead + len(stripped)


def build_chunk(
    rows: list[Row],
    *,
    source_path: str,
    target_path: str,
    source_encoding: str,
    target_encoding: str,
    part: int,
    date: str | None = None,
) -> Story:
    """One `Story` from consecutive record rows (see the module docstring for empty records and columns)."""
    first_line = rows[0][0] if rows else 1
    s_lines: list[str] = []
    t_lines: list[str] = []
    s_paras: list[tuple[int, int]] = []
    t_paras: list[tuple[int, int]] = []
    s_pos = t_pos = 0
    for _line, s, t, s_col, t_col in rows:
        if s is None or t is None:
            s_line = t_line = ""
        else:
            s_line = " " * s_col + s if s_col else s
            t_line = " " * t_col + t if t_col else t
            if s and t and s[0] not in _STRIP and s[-1] not in _STRIP and t[0] not in _STRIP and t[-1] not in _STRIP:
                # nothing to strip on either side (most records): what _field_span returns for both, (0, len)
                s_paras.append((s_pos + s_col, s_pos + s_col + len(s)))
                t_paras.append((t_pos + t_col, t_pos + t_col + len(t)))
                s_lines.append(s_line)
                t_lines.append(t_line)
                s_pos += len(s_line) + 1
                t_pos += len(t_line) + 1
                continue
            s_span = _field_span(s)
            t_span = _field_span(t)
            if s_span is not None or t_span is not None:
                a, b = s_span or (0, 0)
                s_paras.append((s_pos + s_col + a, s_pos + s_col + b))
                a, b = t_span or (0, 0)
                t_paras.append((t_pos + t_col + a, t_pos + t_col + b))
        s_lines.append(s_line)
        t_lines.append(t_line)
        s_pos += len(s_line) + 1
        t_pos += len(t_line) + 1
    return _story(s_lines, t_lines, s_paras, t_paras, first_line, source_path=source_path, target_path=target_path,
                  source_encoding=source_encoding, target_encoding=target_encoding, part=part, date=date)


def _story(s_lines: list[str], t_lines: list[str], s_paras, t_paras, first_line: int, *, source_path: str,
           target_path: str, source_encoding: str, target_encoding: str, part: int, date: str | None) -> Story:
    """The `Story` of one chunk: its two documents (the lines joined, with these paragraph offsets, or `LINES`)."""
    return Story(
        build_document(source_path, "\n".join(s_lines), "uk", "source", encoding=source_encoding,
                       first_line=first_line, paragraphs=s_paras),
        build_document(target_path, "\n".join(t_lines), "en", "target", encoding=target_encoding,
                       first_line=first_line, paragraphs=t_paras),
        mode="aligned",
        part=part,
        date=date,
    )


def _whole_lines(lines: list[str]) -> bool:
    """True when no line is empty or begins or ends with a character `build_chunk` strips (``strip`` returns the
    string itself when it has nothing to strip, so the list compares equal item by item)."""
    return all(lines) and list(map(str.strip, lines, itertools.repeat(_STRIP))) == lines


def _line_chunk(
    s_lines: list[str],
    t_lines: list[str],
    first_line: int,
    *,
    source_path: str,
    target_path: str,
    source_encoding: str,
    target_encoding: str,
    part: int,
    date: str | None,
) -> Story:
    """`build_chunk` of the rows (first_line + k, s_lines[k], t_lines[k], 0, 0): when no line is empty or has
    anything to strip, every line is a paragraph whole (its branch "nothing to strip on either side"): the paragraphs
    are the lines of the joined text (`LINES`); otherwise `build_chunk` itself."""
    if not (_whole_lines(s_lines) and _whole_lines(t_lines)):
        rows = [(first_line + k, s, t, 0, 0) for k, (s, t) in enumerate(zip(s_lines, t_lines))]
        return build_chunk(rows, source_path=source_path, target_path=target_path, source_encoding=source_encoding,
                           target_encoding=target_encoding, part=part, date=date)
    return _story(s_lines, t_lines, LINES, LINES, first_line, source_path=source_path, target_path=target_path,
                  source_encoding=source_encoding, target_encoding=target_encoding, part=part, date=date)


def _chunks(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    """Consecutive rows in lists holding at most `size` records (non-record rows ride along)."""
    chunk: list[Row] = []
    records = 0
    for row in rows:
        chunk.append(row)
        if row[1] is not None:
            records += 1
        if records >= size or (records and len(chunk) >= 4 * size):
            yield chunk
            chunk, records = [], 0
    if chunk:
        yield chunk


# -- aligned line files --------------------------------------------------------------------------------------------


def read_aligned(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    date: str | None = None,
    chunk_size: int | None = None,
) -> Iterator[Story]:
    """Line N of `source` ↔ line N of `target`, streamed in chunks.

    Both files are first read through once to count their lines (which also finds bad bytes) so that a line-count
    mismatch is reported before any checking starts; files of at most `WHOLE_FILE_BYTES` are instead read once
    each, their lines kept (the same lines, errors and chunks, one pass fewer).
    """
    src, tgt = os.fspath(source), os.fspath(target)
    size = chunk_size or CHUNK_RECORDS
    if _small(src) and _small(tgt):
        whole = _read_whole(src, tgt)
        if whole is not None:
            s_lines, t_lines, s_enc, t_enc = whole
            # every row is a record here, so `_chunks` cuts after every `size` lines
            for part, k in enumerate(range(0, len(s_lines), size)):
                yield _line_chunk(s_lines[k : k + size], t_lines[k : k + size], k + 1, source_path=src,
                                  target_path=tgt, source_encoding=s_enc, target_encoding=t_enc, part=part, date=date)
            return
    n_src = count_lines(src, prefer="uk")
    n_tgt = count_lines(tgt, prefer="en")
    if n_src != n_tgt:
        raise InputError(
            src,
            f"has {n_src} lines but {tgt} has {n_tgt} (--aligned pairs line N of the source with line N of the target)",
        )
    with LineReader(src, prefer="uk") as rs, LineReader(tgt, prefer="en") as rt:
        rows = ((n, s, t, 0, 0) for n, (s, t) in enumerate(zip(rs, rt), start=1))
        for part, chunk in enumerate(_chunks(rows, size)):
            yield build_chunk(chunk, source_path=src, target_path=tgt, source_encoding=rs.encoding,
                              target_encoding=rt.encoding, part=part, date=date)


# Record files up to this size are read in one pass each (every line kept: at most a few MB of text) instead of a
# counting pass and a reading pass; larger ones are streamed.
WHOLE_FILE_BYTES = 1 << 20


def _small(path: str) -> bool:
    try:
        return os.stat(path).st_size <= WHOLE_FILE_BYTES
    except OSError:
        return False  # the streaming path reports the problem


def _read_whole(src: str, tgt: str) -> tuple[list[str], list[str], str, str] | None:
    """The lines and encoding names of two small record files, each read once: the same lines (the same `LineReader`
    iteration) and the same errors in the same order as `read_aligned`'s counting passes — a file's decoding errors
    are raised while reading it (the source first; a reader reports the same line numbers whether it counts or
    yields lines), then the line-count mismatch. None when an encoding was re-detected while reading (a sample of
    plain ASCII, then other bytes): streamed chunks may then carry different encoding names, so the caller streams."""
    with LineReader(src, prefer="uk") as rs:
        first = rs.detected
        s_lines = rs.read_lines()
        s_same = rs.detected is first
    with LineReader(tgt, prefer="en") as rt:
        first = rt.detected
        t_lines = rt.read_lines()
        t_same = rt.detected is first
    if len(s_lines) != len(t_lines):
        raise InputError(
            src,
            f"has {len(s_lines)} lines but {tgt} has {len(t_lines)} (--aligned pairs line N of the source with line N "
            "of the target)",
        )
    if not (s_same and t_same):
        return None
    return s_lines, t_lines, rs.encoding, rt.encoding


# -- TSV -----------------------------------------------------------------------------------------------------------


def _tsv_header(fields: list[str]) -> tuple[int, int] | None:
    names = [f.strip(_STRIP).lower() for f in fields]
    src = next((names.index(n) for n in _TSV_SOURCE_NAMES if n in names), None)
    tgt = next((names.index(n) for n in _TSV_TARGET_NAMES if n in names), None)
    if src is None or tgt is None or src == tgt:
        return None
    return src, tgt


def iter_tsv(lines: Iterable[str], path: str) -> Iterator[Row]:
    """Rows of a TSV file: ``source<TAB>target`` per line, or the columns a header line names
    (``source``/``src``/``uk`` and ``target``/``tgt``/``en``/``translation``)."""
    columns: tuple[int, int] | None = None
    need = 2
    seen_first = False
    for n, line in enumerate(lines, start=1):
        if not line.strip(_STRIP):
            yield (n, None, None, 0, 0)
            continue
        fields = line.split("\t")
        if not seen_first:
            seen_first = True
            columns = _tsv_header(fields)
            if columns is not None:
                need = max(columns) + 1
                yield (n, None, None, 0, 0)
                continue
        if columns is None:
            if len(fields) != 2:
                what = "no tab" if len(fields) == 1 else f"{len(fields)} tab-separated fields"
                raise InputError(path, f"line {n}: {what}, expected SOURCE<TAB>TARGET (a header line can name the "
                                       "source and target columns)")
            s_i, t_i = 0, 1
        else:
            if len(fields) < need:
                raise InputError(path, f"line {n}: {len(fields)} tab-separated field{'s' if len(fields) != 1 else ''}, "
                                       f"the header names {need}")
            s_i, t_i = columns
        starts = list(itertools.accumulate((len(f) + 1 for f in fields), initial=0))
        yield (n, fields[s_i], fields[t_i], starts[s_i], starts[t_i])


def read_tsv(
    path: str | os.PathLike[str], *, date: str | None = None, chunk_size: int | None = None
) -> Iterator[Story]:
    p = os.fspath(path)
    with LineReader(p, prefer="uk") as reader:
        yield from _read_rows(iter_tsv(reader, p), p, reader, date, chunk_size or CHUNK_RECORDS)


# -- JSONL ---------------------------------------------------------------------------------------------------------


_LINE_BREAKS = {0x0A: " ", 0x0D: " "}


def _one_line(value: str) -> str:
    """A record stays on its line: a line break inside a JSON string becomes a space (offsets do not move)."""
    return value.translate(_LINE_BREAKS) if "\n" in value or "\r" in value else value


def iter_jsonl(lines: Iterable[str], path: str) -> Iterator[Row]:
    """Rows of a JSONL file: one object per line with ``source``/``target`` (or ``src``/``tgt``, ``uk``/``en``)."""
    decoder = json.JSONDecoder()
    for n, line in enumerate(lines, start=1):
        if not line.strip(_STRIP):
            yield (n, None, None, 0, 0)
            continue
        try:
            obj = decoder.decode(line.strip(_STRIP))
        except json.JSONDecodeError as exc:
            raise InputError(path, f"line {n}: invalid JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(obj, dict):
            raise InputError(path, f"line {n}: expected a JSON object with \"source\" and \"target\", "
                                   f"found {type(obj).__name__}")
        keys = next((k for k in _JSON_KEYS if k[0] in obj and k[1] in obj), None)
        if keys is None:
            raise InputError(path, f"line {n}: no \"source\" and \"target\" (or \"src\" and \"tgt\") keys")
        values = []
        for key in keys:
            value = obj[key]
            if not isinstance(value, str):
                kind = "null" if value is None else type(value).__name__
                raise InputError(path, f"line {n}: \"{key}\" must be a string, not {kind}")
            values.append(_one_line(value))
        yield (n, values[0], values[1], 0, 0)


def read_jsonl(
    path: str | os.PathLike[str], *, date: str | None = None, chunk_size: int | None = None
) -> Iterator[Story]:
    p = os.fspath(path)
    with LineReader(p, prefer="uk") as reader:
        yield from _read_rows(iter_jsonl(reader, p), p, reader, date, chunk_size or CHUNK_RECORDS)


def _read_rows(rows: Iterable[Row], path: str, reader: LineReader, date: str | None, size: int) -> Iterator[Story]:
    for part, chunk in enumerate(_chunks(rows, size)):
        if part == 0 and all(r[1] is None for r in chunk):
            raise InputError(path, "no records (only blank or header lines)")
        yield build_chunk(chunk, source_path=path, target_path=path, source_encoding=reader.encoding,
                          target_encoding=reader.encoding, part=part, date=date)
