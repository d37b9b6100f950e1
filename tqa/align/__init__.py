"""Aligners: source paragraphs ↔ target paragraphs, then sentences inside aligned paragraphs."""

from tqa.align.story import align_story

__all__ = ["align_story"]
