"""Story extraction from an agency web page (stdlib `html.parser`, no extra dependency).

The page is parsed into a small element tree; the story is read in reading order from the article container
(``itemprop="articleBody"``, ``<article>``, a block whose class or id names the article body, else ``<main>`` or
``<body>``): the headline (``<h1>``), then paragraphs, sub-headings, quotes and list items. The page's own chrome —
``nav``/``header``/``footer``/``aside``, scripts, forms, and blocks whose class or id names a menu, widget, counter,
share bar, related-news list, exchange-rate box, banner… — is kept apart in `Extraction.chrome`, so it is never
reported as a translation defect. Residue that sits *inside* the story text (a teaser pasted into a paragraph) stays
in the text, where the residue rules flag it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin

from tqa.patterns import compile as re_compile

__all__ = ["Extraction", "extract_story", "find_language_link"]

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "canvas", "button", "select", "textarea"}
_CHROME_TAGS = {"nav", "header", "footer", "aside", "form", "menu", "dialog"}
_CHROME_NAME = re_compile(
    r"(^|[\s_-])(nav|navbar|menu|breadcrumbs?|share|sharing|social|related|widget|banner|advert|ads?|promo|"
    r"subscribe|subscription|counter|views?|currency|currencies|rates?|exchange|comments?|tags|sidebar|popular|"
    r"most-read|teaser|footer|header|cookie|modal|popup|rubric|toolbar|lang|languages|also|read-also|meta|author-box|"
    r"newsletter|donate)([\s_-]|$)",
    re.I,
)
_ARTICLE_NAME = re_compile(r"(article|story|news|post|entry|content)[_-]?(body|text|content|main)|articleBody", re.I)
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "pre", "dd", "dt", "figcaption", "td"}
_WS = re_compile(r"[ \t\r\f\v\u00a0]+")


class _Node:
    __slots__ = ("attrs", "children", "parent", "tag")

    def __init__(self, tag: str, attrs: dict[str, str], parent: _Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[_Node | str] = []

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, _Node):
                yield from c.iter()

    def name_attrs(self) -> str:
        return f"{self.attrs.get('class', '')} {self.attrs.get('id', '')} {self.attrs.get('role', '')}"


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k.lower(): (v or "") for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        if tag not in _VOID:
            self.cur = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.cur.children.append(_Node(tag, {k.lower(): (v or "") for k, v in attrs}, self.cur))

    def handle_endtag(self, tag: str) -> None:
        node = self.cur
        while node is not self.root and node.tag != tag:
            node = node.parent  # type: ignore[assignment]
        if node is not self.root:
            self.cur = node.parent  # type: ignore[assignment]

    def handle_data(self, data: str) -> None:
        self.cur.children.append(data)


@dataclass(frozen=True, slots=True)
class Extraction:
    headline: str
    paragraphs: tuple[str, ...]
    chrome: tuple[str, ...] = ()
    language: str | None = None  # <html lang>
    alternates: dict[str, str] = field(default_factory=dict)  # language → absolute URL

    @property
    def text(self) -> str:
        parts = ([self.headline] if self.headline else []) + list(self.paragraphs)
        return "\n\n".join(parts) + "\n"


def _parse(html: str) -> _Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def _is_chrome(node: _Node) -> bool:
    if node.tag in _CHROME_TAGS or node.tag in _SKIP:
        return True
    if node.attrs.get("aria-hidden") == "true" or "hidden" in node.attrs:
        return True
    names = node.name_attrs()
    return bool(names.strip()) and bool(_CHROME_NAME.search(names)) and not _ARTICLE_NAME.search(names)


def _text_of(node: _Node) -> str:
    out: list[str] = []

    def walk(n: _Node) -> None:
        for c in n.children:
            if isinstance(c, str):
                out.append(c)
            elif c.tag == "br":
                out.append("\n")
            elif c.tag not in _SKIP:
                walk(c)

    walk(node)
    lines = [_WS.sub(" ", line).strip() for line in "".join(out).split("\n")]
    return "\n".join(line for line in lines if line)


def _find_root(root: _Node) -> _Node:
    nodes = list(root.iter())
    for n in nodes:
        if n.attrs.get("itemprop", "").lower() == "articlebody":
            return n
    for n in nodes:
        if n.tag == "article":
            return n
    for n in nodes:
        if _ARTICLE_NAME.search(n.name_attrs()):
            return n
    for tag in ("main", "body"):
        for n in nodes:
            if n.tag == tag:
                return n
    return root


def _blocks(node: _Node, story: list[str], chrome: list[str]) -> None:
    for c in node.children:
        if isinstance(c, str):
            text = _WS.sub(" ", c).strip()
            if text and node.tag in ("div", "section", "article", "main", "body"):
                story.append(text)
            continue
        if c.tag in _SKIP:
            continue
        if _is_chrome(c) or c.tag == "figcaption":
            chrome.extend(_text_of(c).split("\n") if _text_of(c) else [])
            continue
        if c.tag in _BLOCKS and not any(isinstance(g, _Node) and g.tag in _BLOCKS for g in c.iter() if g is not c):
            text = _text_of(c)
            if text:
                story.extend(text.split("\n"))
            continue
        _blocks(c, story, chrome)


def _contains(node: _Node, target: _Node) -> bool:
    return any(n is target for n in node.iter())


def _collect_outside(node: _Node, article: _Node, out: list[str]) -> None:
    """Text of everything outside the article subtree (menus, widgets, footers)."""
    for c in node.children:
        if isinstance(c, str):
            text = _WS.sub(" ", c).strip()
            if text:
                out.append(text)
        elif c is not article and c.tag not in _SKIP and c.tag not in ("head", "title"):
            if _contains(c, article):
                _collect_outside(c, article, out)
            else:
                text = _text_of(c)
                if text:
                    out.extend(text.split("\n"))


def extract_story(html: str, base_url: str = "") -> Extraction:
    """The story's headline and paragraphs in reading order, the page chrome apart, and the language links."""
    root = _parse(html)
    nodes = list(root.iter())
    lang = next((n.attrs.get("lang") for n in nodes if n.tag == "html" and n.attrs.get("lang")), None)
    article = _find_root(root)
    headline = ""
    h1s = [n for n in article.iter() if n.tag == "h1"] or [n for n in nodes if n.tag == "h1"]
    if h1s:
        headline = _text_of(h1s[0]).replace("\n", " ")
    if not headline:
        for n in nodes:
            if n.tag == "meta" and n.attrs.get("property", "").lower() == "og:title":
                headline = n.attrs.get("content", "").strip()
                break
    story: list[str] = []
    chrome: list[str] = []
    _blocks(article, story, chrome)
    if headline:
        story = [p for p in story if p != headline or story.count(headline) > 1]
    # page chrome outside the article (menus, widgets) is kept apart too
    if article is not root:
        outside: list[str] = []
        _collect_outside(root, article, outside)
        chrome = outside + chrome
    return Extraction(
        headline,
        tuple(story),
        tuple(chrome),
        (lang or "").split("-")[0].lower() or None,
        find_language_links(nodes, base_url),
    )


_LANG_TEXT = {"en": re_compile(r"^(en|eng|english)$", re.I), "uk": re_compile(r"^(ua|uk|укр|українська)$", re.I)}


def find_language_links(nodes: list[_Node], base_url: str) -> dict[str, str]:
    found: dict[str, str] = {}
    # 1. <link rel="alternate" hreflang="en" href="…">
    for n in nodes:
        if n.tag == "link" and "alternate" in n.attrs.get("rel", "").lower().split() and n.attrs.get("hreflang"):
            code = n.attrs["hreflang"].split("-")[0].lower()
            if n.attrs.get("href") and code not in found:
                found[code] = urljoin(base_url, n.attrs["href"])
    # 2. <a hreflang="en"> / <a lang="en"> / a language switcher link whose text is "EN"
    for n in nodes:
        if n.tag != "a" or not n.attrs.get("href"):
            continue
        code = (n.attrs.get("hreflang") or n.attrs.get("lang") or "").split("-")[0].lower()
        if not code:
            text = _text_of(n).strip()
            code = next((c for c, rx in _LANG_TEXT.items() if rx.match(text)), "")
        if code and code not in found:
            found[code] = urljoin(base_url, n.attrs["href"])
    return found


def find_language_link(html: str, base_url: str, language: str = "en") -> str | None:
    return find_language_links(list(_parse(html).iter()), base_url).get(language)
