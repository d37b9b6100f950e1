"""Bytes → text: encoding detection, whole-file decoding and incremental line reading.

Detection, in order (on the whole file, or on the first block of a streamed record file):

1. empty or white-space-only input is an error;
2. a byte-order mark decides: UTF-8 (``utf-8-sig``), UTF-32 LE/BE, UTF-16 LE/BE; the mark is not part of the text;
3. NUL bytes without a mark: UTF-16 without a mark if one byte order decodes to plausible text, else binary data;
4. strict UTF-8 (ASCII is reported as ``utf-8``); a file that is mostly valid UTF-8 with a few bad bytes is reported
   as broken UTF-8 with the line of the first bad byte, not guessed as a single-byte code page;
5. the single-byte code pages an agency desk meets — cp1251 (Windows Cyrillic), koi8-u, cp1125 (Ukrainian DOS),
   iso8859-5, mac-cyrillic and cp1252 (an English file with Windows curly quotes or accents): each decoding is
   scored by a small likelihood model of its non-ASCII characters (`score_text`) — Cyrillic letters weighted by
   their Ukrainian frequencies, capitals where sentences start, words in one script with plausible case (``Київ``,
   ``київ``, ``КИЇВ``, ``КДБівський``, never ``кИЇВ``), accented Latin letters as a minority in Latin words, common
   typography (quotes, dashes, №) but no symbol glued inside a word, no control characters. KOI8 read as cp1251
   (or the reverse) turns lower case into upper case and frequent letters into rare ones, so the right code page
   wins even on one short line (measured: benchmarks/encoding_detect.py). When two code pages give the same text
   (only curly quotes and dashes, shared by cp1251 and cp1252) the one preferred for the document's language is
   named. A best decoding with more than a quarter of implausible characters is no text at all.

Control characters: a text may hold a few stray ones (pasted from the web, ESC of ANSI colours), but more than 1 % of
the sample (or any NUL) means binary data.

Line ends: ``\\r\\n`` and a lone ``\\r`` (classic Mac) become ``\\n`` in story files. Because the carriage return only
ever stands at the end of a line, line numbers and columns (code points) stay exactly those of the user's file; only
the 0-based offsets into `Document.text` differ from byte offsets, which were never promised. Record files (one
record per line) split on ``\\n`` only and drop the ``\\r`` before it, so a record number is what ``wc -l``, ``sed -n
Np`` and every WMT tool count; a record file with carriage returns but no line feed at all is split on ``\\r``.
"""

from __future__ import annotations

import codecs
import functools
import math
import os
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from tqa.errors import InputError
from tqa.patterns import compile as re_compile

__all__ = [
    "SAMPLE_SIZE",
    "Detected",
    "LineReader",
    "decode_bytes",
    "detect_encoding",
    "normalise_newlines",
    "open_binary",
    "read_text",
    "score_text",
]

SAMPLE_SIZE = 256 * 1024  # bytes of a streamed file used for detection
_BLOCK = 1 << 20  # bytes per read when streaming
_SCORE_CHARS = 4_000  # non-ASCII bytes scored per code-page candidate

# Single-byte candidates, in order of preference on a tie (the Ukrainian desk's code pages first).
_SINGLE_BYTE = ("cp1251", "koi8-u", "cp1125", "iso8859-5", "mac-cyrillic", "cp1252")
_TRIED = "UTF-8, UTF-16, " + ", ".join(_SINGLE_BYTE)

# Ukrainian letter frequencies (%), case-folded, measured on 250,000 letters of WMT22+WMT23 uk sources; letters that
# are rare in Ukrainian but normal in Russian get a floor so that Russian quotes still read as Cyrillic text.
_UK_FREQ = {
    "о": 9.30, "а": 8.53, "н": 6.60, "и": 6.31, "і": 5.69, "т": 5.27, "в": 4.95, "е": 4.82, "р": 4.82, "с": 3.91,
    "у": 3.66, "к": 3.66, "д": 3.50, "л": 3.45, "м": 3.28, "п": 2.88, "з": 2.40, "я": 2.37, "б": 1.89, "ь": 1.81,
    "г": 1.39, "ч": 1.22, "й": 1.18, "ж": 1.04, "х": 1.02, "ю": 0.99, "ї": 0.95, "ц": 0.88, "ш": 0.72, "щ": 0.63,
    "є": 0.62, "ф": 0.24, "ґ": 0.05, "ы": 0.30, "э": 0.10, "ъ": 0.05, "ё": 0.05,
}
_RARE_CYRILLIC = 0.005  # ђ ѓ љ ў … : letters of other Cyrillic alphabets

_WORD = re_compile(r"[^\W\d_]+(?:['’ʼ`][^\W\d_]+)*")
# Characters allowed between letters inside a word (apostrophes, soft hyphen, non-breaking hyphen).
_IN_WORD_OK = frozenset("'’ʼ`´\u00ad\u2011")
_CONTROL = re_compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_NON_ASCII = re_compile(r"[^\x00-\x7f]")
_HIGH_BYTE = re_compile(rb"[\x80-\xff]")
# A valid multi-byte UTF-8 sequence (for telling broken UTF-8 from a single-byte code page).
_UTF8_MULTI = re_compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class Detected:
    """A detection result. `name` is what the report shows; `codec` decodes the bytes after `bom` leading bytes."""

    name: str
    codec: str
    bom: int = 0
    ascii_only: bool = False  # the sample was plain ASCII (a stream may still turn out to be another encoding)

    @property
    def ascii_compatible(self) -> bool:
        return not self.codec.startswith(("utf-16", "utf-32"))


# -- opening files -------------------------------------------------------------------------------------------------


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, IsADirectoryError):
        return "is a directory (expected a file)"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or str(exc)).lower()


def open_binary(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a file for reading bytes; every OS failure becomes a one-line `InputError` naming the file."""
    if os.path.isdir(path):
        raise InputError(path, "is a directory (expected a file)")
    try:
        return open(path, "rb")  # noqa: SIM115 - the caller closes it
    except OSError as exc:
        raise InputError(path, _os_problem(exc)) from None


# -- scoring -------------------------------------------------------------------------------------------------------


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _case_ok(letters: str) -> bool:
    """Plausible case inside a word: ``київ``, ``Київ``, ``КИЇВ``, ``КДБівський`` — never lower → upper (``кИЇВ``),
    which is what a KOI8 word read as cp1251 (or the reverse) looks like."""
    prev_lower = False
    for c in letters:
        if prev_lower and c.isupper():
            return False
        prev_lower = c.islower()
    return True


# Log-probabilities of one non-ASCII character under a simple model of agency copy (Ukrainian, or English with
# accents and typography). Letters carry most of the mass; a decoding that turns letters into symbols, puts a
# symbol inside a word, mixes scripts in a word or breaks case loses to the one that reads as text.
_LOG_LETTER = math.log(0.9)
_LOG_LOWER, _LOG_UPPER = math.log(0.8), math.log(0.2)  # first letter of a word
_LOG_LOWER_START, _LOG_UPPER_START = math.log(0.1), math.log(0.9)  # first letter of a line or sentence
_LOG_LATIN = math.log(0.9 / 60)  # one accented Latin letter in an otherwise ASCII word (café, Zelenskyy's Ž)
_LOG_TYPO = math.log(0.08 / 40)  # a common typographic character (quotes, dashes, №, NBSP…)
_LOG_RARE = math.log(1e-3)  # another symbol (math, box drawing, modifier letters)
_LOG_MIXED = math.log(3e-4)  # a Cyrillic letter inside a Latin word (what tqa exists to find, but rare)
_LOG_BAD = math.log(1e-4)  # control character, a symbol glued inside a word, impossible case
_UK_LOG = {c: math.log(p / 100) for c, p in _UK_FREQ.items()}
_RARE_CYR_LOG = math.log(_RARE_CYRILLIC / 100)
# Characters that may touch a letter (quotes, apostrophes, dashes, ellipsis, spaces, km², Windows®).
_GLUE_OK = frozenset("\u00a0\u2009\u202f«»„“”‘’‚‹›…–—‑‐‒−′″²³¹®™°'’ʼ`´\u00ad\u200b")
_TYPO = frozenset(
    "\u00a0\u2009\u202f«»„“”‘’‚‹›…–—‑‐‒−•·№°§©®™€£¥₴‰′″²³¹½¼¾×±´\u00ad\u200b\ufeff"
)


def _sentence_start(text: str, i: int) -> bool:
    """Whether a word starting at `i` opens a line or a sentence (only punctuation and spaces since)."""
    k = i - 1
    while k >= 0 and i - k < 12:
        ch = text[k]
        if ch.isalnum():
            return False
        if ch in ".!?…\n":
            return True
        k -= 1
    return k < 0


def score_text(text: str) -> tuple[float, float]:
    """How much `text` reads as real Ukrainian or English text: (log-likelihood, share of implausible characters).

    Only non-ASCII characters are judged: every candidate code page decodes ASCII the same way, so only they can
    tell the candidates apart. Higher log-likelihood is better; compare candidates on the same bytes.
    """
    positions = [m.start() for m in _NON_ASCII.finditer(text)]
    if not positions:
        return 0.0, 0.0
    verdicts: dict[int, float] = {}
    bad = 0
    for m in _WORD.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        letters = "".join(c for c in word if c.isalpha())
        n_cyr = sum(1 for c in letters if _is_cyrillic(c))
        n_latin = sum(1 for c in letters if c < "\u0250")
        n_wide = sum(1 for c in letters if "\u00c0" <= c < "\u0250")
        case_ok = _case_ok(letters)
        for i in range(m.start(), m.end()):
            ch = text[i]
            if ch.isascii():
                continue
            if not ch.isalpha():
                lp = _LOG_TYPO if ch in _IN_WORD_OK else _LOG_BAD
            elif not case_ok:
                lp = _LOG_BAD
            elif _is_cyrillic(ch):
                if n_latin >= n_cyr:  # a Cyrillic letter in a Latin word
                    lp = _LOG_MIXED
                else:  # (ASCII look-alikes such as a Latin i inside a Ukrainian word are common and fine)
                    lp = _LOG_LETTER + _UK_LOG.get(ch.lower(), _RARE_CYR_LOG)
                    if i == m.start():
                        if _sentence_start(text, i):
                            lp += _LOG_UPPER_START if ch.isupper() else _LOG_LOWER_START
                        else:
                            lp += _LOG_UPPER if ch.isupper() else _LOG_LOWER
            elif ch < "\u0250":
                # Accented Latin letters are a minority in Latin words; a word of them is a misread code page.
                lp = _LOG_LATIN if n_cyr == 0 and 2 * n_wide <= max(len(letters), 2) else _LOG_BAD
            else:
                lp = _LOG_RARE
            verdicts[i] = lp
    total = 0.0
    for i in positions:
        lp = verdicts.get(i)
        if lp is None:
            ch = text[i]
            cat = unicodedata.category(ch)
            if ch in _TYPO:
                lp = _LOG_TYPO
            elif cat[0] == "C" or cat == "Zl" or cat == "Zp":
                lp = _LOG_BAD
            elif cat[0] in "LM":
                lp = _LOG_BAD  # a letter the word pattern did not take (a stray combining mark)
            else:
                lp = _LOG_RARE
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if prev.isalpha() and nxt.isalpha() and ch not in _IN_WORD_OK:
                lp = _LOG_BAD  # "Р°Р±": a symbol glued inside a word is mojibake
            elif (prev.isalpha() or nxt.isalpha()) and ch not in _GLUE_OK:
                lp = min(lp, _LOG_RARE)  # "дл€": a currency sign or a math symbol glued to a word
        if lp <= _LOG_MIXED:
            bad += 1
        total += lp
    return total, bad / len(positions)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def _line_of(data: bytes, offset: int, unit: int = 1) -> int:
    if unit == 1:
        return data.count(b"\n", 0, offset) + 1
    return data[:offset].decode("utf-16-le" if unit == 2 else "utf-32-le", "replace").count("\n") + 1


# -- detection -----------------------------------------------------------------------------------------------------


def _decode_sample(sample: bytes, codec: str, complete: bool) -> str | None:
    try:
        return codecs.getincrementaldecoder(codec)("strict").decode(sample, final=complete)
    except UnicodeDecodeError:
        return None


def _plausible_utf16(sample: bytes, complete: bool) -> str | None:
    best: tuple[float, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        text = _decode_sample(sample, codec, complete)
        if text is None or _control_share(text) > 0.01 or "\x00" in text:
            continue
        _score, bad = score_text(text)
        printable = sum(1 for c in text if c.isascii() or _is_cyrillic(c) or c < "\u0250" or "\u2000" <= c < "\u2070")
        if bad > 0.1 or printable < 0.95 * len(text):
            continue
        if best is None or _score > best[0]:
            best = (_score, codec)
    return None if best is None else best[1]


def _scoring_window(sample: bytes) -> bytes:
    """The lines of `sample` holding its first `_SCORE_CHARS` non-ASCII bytes: enough to decide, and fast (English
    with a few accents is scored to the end of the sample, Cyrillic text on its first ~8 kB)."""
    start = end = None
    for n, m in enumerate(_HIGH_BYTE.finditer(sample)):
        if start is None:
            start = sample.rfind(b"\n", 0, m.start()) + 1
        if n + 1 >= _SCORE_CHARS:
            end = m.end()
            break
    if start is None:
        return b""
    if end is None:
        return sample[start:]
    nl = sample.find(b"\n", end)
    return sample[start: len(sample) if nl == -1 else nl + 1]


def detect_encoding(
    sample: bytes, path: str | os.PathLike[str] = "<bytes>", *, complete: bool = True, prefer: str | None = None
) -> Detected:
    """Detect the encoding of `sample` (the whole input if `complete`, else its first block).

    `prefer` is the expected language ("uk" or "en") and only breaks ties between code pages that decode the sample
    to the same text. Raises `InputError` for empty, binary or undecodable input.
    """
    if isinstance(sample, bytes) and isinstance(path, str) and len(sample) <= SAMPLE_SIZE:
        # A record file is opened twice (its lines counted, then read) and a source checked against several targets
        # once per target: the same bytes give the same answer (a frozen Detected; errors are never cached, so they
        # are raised anew, with this path); whole story files are not kept
        return _detect_cached(sample, path, complete, prefer)
    return _detect(sample, path, complete=complete, prefer=prefer)


@functools.lru_cache(maxsize=4)
def _detect_cached(sample: bytes, path: str, complete: bool, prefer: str | None) -> Detected:
    return _detect(sample, path, complete=complete, prefer=prefer)


def _detect(
    sample: bytes, path: str | os.PathLike[str] = "<bytes>", *, complete: bool = True, prefer: str | None = None
) -> Detected:
    """`detect_encoding` itself."""
    if not sample.strip():
        raise InputError(path, "file is empty" if not sample else "file contains only white space")
    for bom, codec in _BOMS:
        if sample.startswith(bom):
            base = "utf-8" if codec == "utf-8-sig" else codec
            text = _decode_sample(sample[len(bom):], base, complete)
            if text is None:
                raise InputError(path, f"not valid {codec.upper()} despite its byte-order mark")
            if not text.strip():
                raise InputError(path, "file contains only white space")
            if "\x00" in text or _control_share(text) > 0.01:
                raise InputError(path, "binary data (control characters), not text")
            return Detected(codec, base, len(bom))
    if b"\x00" in sample:
        codec = _plausible_utf16(sample, complete)
        if codec is None:
            raise InputError(path, "binary data (NUL bytes), not text")
        return Detected(codec, codec)
    text = _decode_sample(sample, "utf-8", complete)
    if text is not None:
        if _control_share(text) > 0.01:
            raise InputError(path, "binary data (control characters), not text")
        return Detected("utf-8", "utf-8", 0, sample.isascii())
    # Mostly valid UTF-8 with a few bad bytes: report where, rather than guess a code page.
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:  # pragma: no cover - only a truncated tail, handled above
        first_bad = len(sample)
    valid = len(_UTF8_MULTI.findall(sample))
    invalid = len(sample.decode("utf-8", "replace")) - len(sample.decode("utf-8", "ignore"))
    broken_utf8 = f"not valid UTF-8: byte 0x{sample[first_bad]:02x} on line {_line_of(sample, first_bad)}"
    if valid >= 4 and valid >= 4 * invalid:
        raise InputError(path, broken_utf8)
    scored: list[tuple[float, float, int, str]] = []
    texts: dict[str, str] = {}
    head = _scoring_window(sample)
    order = _SINGLE_BYTE if prefer != "en" else ("cp1252", *(c for c in _SINGLE_BYTE if c != "cp1252"))
    for rank, codec in enumerate(order):
        text = _decode_sample(sample, codec, True)
        if text is None:
            continue
        texts[codec] = text
        score, bad = score_text(head.decode(codec))
        scored.append((score, -bad, -rank, codec))
    if not scored:
        raise InputError(path, f"cannot decode (tried {_TRIED})")
    scored.sort(reverse=True)
    best_score, neg_bad, _rank, best = scored[0]
    if prefer:
        wanted = "cp1252" if prefer == "en" else "cp1251"
        if wanted in texts and texts[wanted] == texts[best]:
            best = wanted
    text = texts[best]
    if _control_share(text) > 0.01:
        raise InputError(path, "binary data (control characters), not text")
    if -neg_bad > 0.25:
        if valid and valid >= invalid:  # UTF-8 that no code page reads: broken UTF-8 is the better diagnosis
            raise InputError(path, broken_utf8)
        raise InputError(path, f"cannot detect the text encoding (tried {_TRIED})")
    return Detected(best, best)


# -- whole files ---------------------------------------------------------------------------------------------------


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR → LF (line numbers and columns stay those of the file)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(
    data: bytes, path: str | os.PathLike[str] = "<bytes>", *, prefer: str | None = None
) -> tuple[str, str]:
    """Decode a whole input: (text with LF line ends and no byte-order mark, encoding name)."""
    found = detect_encoding(data, path, complete=True, prefer=prefer)
    body = data[found.bom:] if found.bom else data
    try:
        text = body.decode(found.codec)
    except UnicodeDecodeError as exc:  # pragma: no cover - detection decoded it already
        raise InputError(path, f"cannot decode as {found.name}: {exc.reason}") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return normalise_newlines(text), found.name


def read_text(path: str | os.PathLike[str], *, prefer: str | None = None) -> tuple[str, str]:
    """Read and decode a whole story file: (text, encoding name)."""
    with open_binary(path) as fh:
        try:
            data = fh.read()
        except OSError as exc:
            raise InputError(path, _os_problem(exc)) from None
    return decode_bytes(data, path, prefer=prefer)


# -- streamed record files -----------------------------------------------------------------------------------------


class LineReader:
    """Yields the lines (without line ends) of a file read block by block with an incremental decoder.

    The encoding is detected on the first `SAMPLE_SIZE` bytes when the reader is opened (`encoding` is then known),
    unless the caller names it;
    a decoding error, a NUL byte or — when the sample was plain ASCII — a change of encoding further on is handled
    as it comes: bad bytes raise `InputError` with the line number, and a stream whose first block was ASCII is
    re-detected on the first block that is not. Memory use is one block plus the longest line.

    Use as a context manager or call `close()`.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        prefer: str | None = None,
        block_size: int | None = None,
        sample_size: int | None = None,
        encoding: str | None = None,
    ) -> None:
        self.path = os.fspath(path)
        self._prefer = prefer
        self._block = max(block_size or _BLOCK, 4)
        self._fh = open_binary(path)
        try:
            head = self._fh.read(max(sample_size or SAMPLE_SIZE, 4))
            at_end = not self._fh.peek(1)
        except OSError as exc:
            self._fh.close()
            raise InputError(path, _os_problem(exc)) from None
        try:
            if encoding:  # the caller knows (no detection; a leading byte-order mark is still dropped)
                codecs.lookup(encoding)
                self.detected = Detected(encoding, encoding)
            else:
                self.detected = detect_encoding(head, path, complete=at_end, prefer=prefer)
        except (InputError, LookupError) as exc:
            self._fh.close()
            if isinstance(exc, LookupError):
                raise InputError(path, f"unknown encoding {encoding!r}") from None
            raise
        self._head = head[self.detected.bom:]
        self._sep: str | None = None
        self._counted = 0  # lines counted by count()
        self.lines_read = 0

    @property
    def encoding(self) -> str:
        return self.detected.name

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> LineReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _blocks(self) -> Iterator[bytes]:
        if self._head:
            yield self._head
            self._head = b""
        while True:
            try:
                block = self._fh.read(self._block)
            except OSError as exc:
                raise InputError(self.path, _os_problem(exc)) from None
            if not block:
                return
            yield block

    def _bad_bytes(self, block: bytes, at: int, detected: Detected) -> InputError:
        at = max(at, 0)
        if detected.ascii_compatible:
            line = self._lines_before() + block.count((self._sep or "\n").encode(), 0, at) + 1
        else:
            line = self._lines_before() + _line_of(block, at, 2 if "16" in detected.codec else 4)
        byte = f" 0x{block[at]:02x}" if 0 <= at < len(block) else ""
        return InputError(self.path, f"not valid {detected.name.upper()}: byte{byte} on line {line}")

    def _texts(self) -> Iterator[str]:
        """Decoded pieces of the file, in order (byte-order mark dropped; bad bytes and NULs raise)."""
        detected = self.detected
        decoder = codecs.getincrementaldecoder(detected.codec)("strict")
        first_text = True
        for block in self._blocks():
            if detected.ascii_only and not block.isascii():
                # The sample was ASCII: decide now, on this block (UTF-8 by far the likeliest).
                found = detect_encoding(block, self.path, complete=False, prefer=self._prefer)
                if found.bom or not found.ascii_compatible:
                    raise InputError(self.path, f"encoding changes after line {self._lines_before()}")
                detected = self.detected = Detected(found.name, found.codec)
                decoder = codecs.getincrementaldecoder(detected.codec)("strict")
            try:
                text = decoder.decode(block)
            except UnicodeDecodeError as exc:
                data = exc.object if isinstance(exc.object, bytes) else block
                raise self._bad_bytes(data, exc.start, detected) from None
            if first_text and text:
                first_text = False
                if text.startswith("\ufeff"):
                    text = text[1:]
            if "\x00" in text:
                line = self._lines_before() + text.count(self._sep or "\n", 0, text.index("\x00")) + 1
                raise InputError(self.path, f"binary data (NUL byte) on line {line}")
            if self._sep is None and text:
                self._sep = "\r" if "\n" not in text and "\r" in text else "\n"
            yield text
        try:
            tail = decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            problem = f"not valid {detected.name.upper()}: truncated at the end of the file"
            raise InputError(self.path, problem) from None
        if tail:
            yield tail

    def _lines_before(self) -> int:
        """Lines complete before the block being decoded (for error messages)."""
        return self.lines_read + self._counted

    def __iter__(self) -> Iterator[str]:
        for block in self._line_blocks():
            yield from block

    def read_lines(self) -> list[str]:
        """``list(self)``, built a block at a time."""
        out: list[str] = []
        for block in self._line_blocks():
            out.extend(block)
        return out

    def _line_blocks(self) -> Iterator[list[str]]:
        """The lines, one decoded block's worth at a time (without their line ends; "\r\n" read as one end).
        `lines_read` counts a block's lines before they are handed out, so it is complete for every block before
        the next is decoded (decoding errors name the line from it)."""
        pieces: list[str] = []  # the current, unfinished line
        for text in self._texts():
            sep = self._sep or "\n"
            if sep not in text:
                pieces.append(text)
                continue
            parts = text.split(sep)
            if pieces:
                pieces.append(parts[0])
                parts[0] = "".join(pieces)
            rest = parts.pop()
            pieces = [rest] if rest else []
            if sep == "\n" and ("\r" in text or parts[0].endswith("\r")):
                # (a line ending in "\r" has it in this block's text, or is a joined first line that ends so)
                parts = [line[:-1] if line.endswith("\r") else line for line in parts]
            self.lines_read += len(parts)
            yield parts
        if pieces:
            last = "".join(pieces)
            if last:
                self.lines_read += 1
                yield [last[:-1] if last.endswith("\r") and self._sep == "\n" else last]

    def count(self) -> int:
        """Count the lines to the end without building them (fast: one pass over decoded blocks)."""
        n = 0
        last = ""
        for text in self._texts():
            c = text.count(self._sep or "\n")
            n += c
            self._counted += c
            last = text[-1]
        if last and last != (self._sep or "\n"):
            n += 1  # a last line without a line end
        return n


def count_lines(path: str | os.PathLike[str], *, prefer: str | None = None) -> int:
    """Number of lines of a record file (fully decoded, so bad bytes are found before any checking starts)."""
    with LineReader(path, prefer=prefer) as reader:
        return reader.count()
