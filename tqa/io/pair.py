"""A story pair: a Ukrainian source file and its English translation, each one whole story (document mode)."""

from __future__ import annotations

import os

from tqa.io.encoding import read_text
from tqa.model import Story
from tqa.text.segment import build_document

__all__ = ["read_story"]


def read_story(source: str | os.PathLike[str], target: str | os.PathLike[str], *, date: str | None = None) -> Story:
    """Read, decode and segment a story pair. Paths are kept as given (relative stays relative)."""
    src_text, src_enc = read_text(source, prefer="uk")
    tgt_text, tgt_enc = read_text(target, prefer="en")
    return Story(
        build_document(os.fspath(source), src_text, "uk", "source", encoding=src_enc),
        build_document(os.fspath(target), tgt_text, "en", "target", encoding=tgt_enc),
        mode="document",
        date=date,
    )
