"""PLACEHOLDER reader (to be replaced by the io module owner): UTF-8 story pairs only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tqa.errors import InputError
from tqa.model import Story
from tqa.text.segment import build_document


def _read_text(path: Path) -> tuple[str, str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    if not data.strip():
        raise InputError(path, "file is empty")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        raise InputError(path, "cannot decode") from None


def read_pair(source: str | Path, target: str | Path, *, date: str | None = None) -> Story:
    s, t = Path(source), Path(target)
    stext, senc = _read_text(s)
    ttext, tenc = _read_text(t)
    return Story(
        build_document(str(source), stext, "uk", "source", encoding=senc),
        build_document(str(target), ttext, "en", "target", encoding=tenc),
        date=date,
    )


def read_inputs(paths: list[str], *, aligned: bool = False, date: str | None = None) -> Iterator[Story]:
    if len(paths) == 2:
        yield read_pair(paths[0], paths[1], date=date)
    else:
        raise InputError(" ".join(paths), "expected SOURCE TARGET")
