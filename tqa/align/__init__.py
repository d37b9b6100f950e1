"""Aligners: source paragraphs ↔ target paragraphs, then sentences inside aligned paragraphs.

* `align_story(story) -> AlignedStory` — the entry point the engine uses (document and aligned modes);
* `tqa.align.story` — `align_sentences` (sentence alignment of one paragraph group), `align_paragraphs` (the
  paragraph DP on segments, with cell counts), `residue_kinds`;
* `tqa.align.dp` — the banded Gale–Church DP; `tqa.align.cost` — its cost terms and parameters;
  `tqa.align.anchors` — numbers, months, names, acronyms, cognates, quotes and attribution markers as keys.
"""

from tqa.align.story import align_story

__all__ = ["align_story"]
