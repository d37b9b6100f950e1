"""PLACEHOLDER aligner (to be replaced by the align module owner): zips paragraphs."""

from __future__ import annotations

from tqa.model import AlignedPair, AlignedStory, Alignment, Story


def _sentences(src, tgt):
    return (Alignment(src.sentences, tgt.sentences),)


def align_story(story: Story) -> AlignedStory:
    sp, tp = story.source.paragraphs, story.target.paragraphs
    pairs = []
    n = max(len(sp), len(tp))
    for i in range(n):
        s = (sp[i],) if i < len(sp) else ()
        t = (tp[i],) if i < len(tp) else ()
        sents = _sentences(s[0], t[0]) if s and t else ()
        pairs.append(AlignedPair(i, Alignment(s, t), sents))
    return AlignedStory(story, tuple(pairs))
