"""Stories by URL: fetch the Ukrainian page, find its English version, extract both stories into a `Story`.

The English page is the URL given, or the page's ``<link rel="alternate" hreflang="en">``, or its language switcher
link. Line numbers in findings refer to the extracted text (headline, then one paragraph per block), which
`tqa fetch` saves as ``NAME.uk.txt`` / ``NAME.en.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from tqa.errors import FetchError
from tqa.io.fetch import FetchOptions, Page, fetch
from tqa.io.html import Extraction, extract_story
from tqa.io.urls import is_url  # re-exported (it lives apart so that file-only runs never import this module)
from tqa.model import Story
from tqa.text.segment import build_document

__all__ = ["FetchedPair", "fetch_pair", "is_url", "slug_for", "story_from_urls"]


@dataclass(frozen=True, slots=True)
class FetchedPair:
    source_page: Page
    target_page: Page
    source: Extraction
    target: Extraction


def _extract(page: Page, url: str) -> Extraction:
    ext = extract_story(page.text, page.final_url)
    if not ext.paragraphs and not ext.headline:
        raise FetchError(url, "no story text found on the page")
    return ext


def fetch_pair(url_uk: str, url_en: str | None = None, options: FetchOptions | None = None) -> FetchedPair:
    options = options or FetchOptions()
    src_page = fetch(url_uk, options)
    src = _extract(src_page, url_uk)
    if url_en is None:
        url_en = src.alternates.get("en")
        if not url_en:
            raise FetchError(url_uk, "no English version linked from the page (no hreflang=\"en\" link); give its URL")
    tgt_page = fetch(url_en, options)
    tgt = _extract(tgt_page, url_en)
    return FetchedPair(src_page, tgt_page, src, tgt)


def story_from_urls(url_uk: str, url_en: str | None = None, options: FetchOptions | None = None,
                    *, date: str | None = None) -> Story:
    pair = fetch_pair(url_uk, url_en, options)
    return Story(
        build_document(pair.source_page.final_url, pair.source.text, "uk", "source",
                       encoding=pair.source_page.encoding),
        build_document(pair.target_page.final_url, pair.target.text, "en", "target",
                       encoding=pair.target_page.encoding),
        date=date,
    )


def slug_for(url: str) -> str:
    path = unquote(urlsplit(url).path).rstrip("/")
    last = path.rsplit("/", 1)[-1] if path else urlsplit(url).netloc
    last = re.sub(r"\.(html?|php|aspx?)$", "", last, flags=re.I)
    slug = re.sub(r"[^\w.-]+", "-", last, flags=re.UNICODE).strip("-._")
    return slug[:100] or "story"
