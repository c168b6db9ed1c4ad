"""Saved web pages: main text without boilerplate, metadata from the head.

Parsing uses libxml2's HTML parser through lxml's event interface (linear
time on any input; the standard library's ``html.parser`` of Python 3.11 is
quadratic on crafted markup such as many unclosed ``<p `` or ``<!--``); nothing
in the page is executed or fetched.  Script, style, navigation, header,
footer, asides, forms and hidden elements are dropped; when the page has an
``<article>`` (else a ``<main>``) only its text is kept.  Metadata comes from
``<title>``, Open Graph and ``article:`` properties, ``author``, Highwire
``citation_*`` tags, the canonical link and schema.org JSON-LD.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from briefing.core.errors import FileProblem
from briefing.core.model import Source
from briefing.core.vocab import SourceKind
from briefing.ingest.common import Provenance, clean_text, looks_binary
from briefing.ingest.text import bom_encoding, decode_text

_SKIP = {
    "script", "style", "noscript", "template", "svg", "math", "nav", "aside", "form",
    "iframe", "button", "select", "textarea", "object", "embed", "canvas", "dialog", "head",
    "footer",
}
_SKIP_OUTSIDE_ARTICLE = {"header"}
_SKIP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
_BOILERPLATE = {
    "ad", "ads", "advert", "advertisement", "cookie", "cookies", "newsletter", "share",
    "sharing", "social", "related", "promo", "subscribe", "comments", "sidebar",
    "breadcrumb", "breadcrumbs", "menu", "skip",
}
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr", "param",
}
_BLOCK = {
    "address", "article", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "main", "ol", "p", "pre", "section", "table",
    "ul", "caption", "body", "center", "details", "summary", "header", "footer",
}
_ARTICLE_TYPES = {
    "newsarticle": SourceKind.NEWS, "reportagenewsarticle": SourceKind.NEWS,
    "analysisnewsarticle": SourceKind.NEWS, "article": SourceKind.WEB,
    "blogposting": SourceKind.WEB, "scholarlyarticle": SourceKind.ARTICLE,
    "report": SourceKind.REPORT, "webpage": SourceKind.WEB,
}


@dataclass
class _Page:
    title: str = ""
    meta: dict[str, list[str]] = field(default_factory=dict)
    canonical: str = ""
    jsonld: list[str] = field(default_factory=list)
    blocks: list[tuple[str, bool, bool]] = field(default_factory=list)
    """(paragraph text, inside <article>, inside <main>)."""


class _Extractor:
    """Keeps a page's text blocks and metadata from parser events (lxml's target API)."""

    def __init__(self) -> None:
        self.page = _Page()
        self._stack: list[tuple[str, bool]] = []
        self._open: Counter[str] = Counter()  # tags on the stack: O(1) "is it open?"
        self._skip = 0
        self._article = 0
        self._main = 0
        self._pre = 0
        self._buffer: list[str] = []
        self._title: list[str] | None = None
        self._jsonld: list[str] | None = None

    # --- lxml parser-target interface
    def start(self, tag: str, attrib: Any) -> None:
        self.handle_starttag(str(tag).lower(), list(attrib.items()))

    def end(self, tag: str) -> None:
        self.handle_endtag(str(tag).lower())

    def data(self, data: str) -> None:
        self.handle_data(data)

    # --- parser callbacks
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "body":  # an unclosed <head> ends where the body starts
            self.handle_endtag("head")
        if tag in _VOID:
            self._void(tag, values)
            return
        if tag == "title" and self._title is None and not self.page.title:
            self._title = []
        if tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._jsonld = []
        skip = self._skips(tag, values)
        if tag in _BLOCK and not self._skip:
            self._flush()
        self._stack.append((tag, skip))
        self._open[tag] += 1
        self._skip += skip
        if not self._skip:
            self._article += tag == "article"
            self._main += tag == "main"
            self._pre += tag == "pre"
        if tag in ("td", "th") and not self._skip and self._buffer:
            self._buffer.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if not self._open[tag]:
            return
        while self._stack:
            name, skip = self._pop()
            self._close(name, skip)
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)
        if self._jsonld is not None:
            self._jsonld.append(data)
        if self._skip:
            return
        self._buffer.append(data if self._pre else re.sub(r"\s+", " ", data))

    def close(self) -> _Page:
        while self._stack:
            self._close(*self._pop())
        self._flush()
        return self.page

    # --- helpers
    def _pop(self) -> tuple[str, bool]:
        name, skip = self._stack.pop()
        self._open[name] -= 1
        return name, skip

    def _void(self, tag: str, values: dict[str, str]) -> None:
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop", ""))
            if key and values.get("content"):
                self.page.meta.setdefault(key.lower(), []).append(values["content"].strip())
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.page.canonical = self.page.canonical or values.get("href", "")
        elif self._skip:
            return
        elif tag == "br":
            self._buffer.append("\n")
        elif tag == "hr":
            self._flush()

    def _skips(self, tag: str, values: dict[str, str]) -> bool:
        if tag in _SKIP or (tag in _SKIP_OUTSIDE_ARTICLE and not self._article):
            return True
        if "hidden" in values or values.get("aria-hidden", "").lower() == "true":
            return True
        if values.get("role", "").lower() in _SKIP_ROLES:
            return True
        tokens = re.split(r"[\s_-]+", f"{values.get('class', '')} {values.get('id', '')}".lower())
        return bool(_BOILERPLATE.intersection(tokens))

    def _close(self, name: str, skip: bool) -> None:
        if name == "title" and self._title is not None:
            self.page.title = re.sub(r"\s+", " ", "".join(self._title)).strip()
            self._title = None
        if name == "script" and self._jsonld is not None:
            self.page.jsonld.append("".join(self._jsonld))
            self._jsonld = None
        if not self._skip:
            if name in _BLOCK:
                self._flush()
            elif name == "tr":
                self._buffer.append("\n")
            self._article -= name == "article"
            self._main -= name == "main"
            self._pre -= name == "pre"
        self._skip -= skip

    def _flush(self) -> None:
        raw = "".join(self._buffer)
        self._buffer = []
        lines = [re.sub(r"[ \u00a0]+", " ", line).strip() for line in raw.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            self.page.blocks.append((text, self._article > 0, self._main > 0))


# ---------------------------------------------------------------- metadata
def _first(meta: dict[str, list[str]], *keys: str) -> str:
    for key in keys:
        for value in meta.get(key, []):
            if value:
                return value
    return ""


def _iso_date(value: str) -> str:
    match = re.match(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?", value.strip())
    if not match:
        return ""
    year, month, day = match.groups()
    parts = [year] + [f"{int(p):02d}" for p in (month, day) if p]
    return "-".join(parts)


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name", ""))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _jsonld_article(blobs: list[str]) -> dict[str, Any]:
    """The first schema.org article-like object in the page's JSON-LD."""
    for blob in blobs:
        try:
            data = json.loads(blob)
        except (ValueError, RecursionError):
            continue
        items = data if isinstance(data, list) else [data]
        for item in list(items):
            if isinstance(item, dict) and isinstance(item.get("@graph"), list):
                items.extend(item["@graph"])
        for item in items:
            if not isinstance(item, dict):
                continue
            types = item.get("@type", "")
            types = types if isinstance(types, list) else [types]
            if any(str(t).lower() in _ARTICLE_TYPES for t in types):
                return item
    return {}


def _clean_author(name: str) -> str:
    name = re.sub(r"^\s*by\s+", "", name.strip(), flags=re.IGNORECASE)
    return "" if name.startswith(("http://", "https://")) else name


def _kind(meta: dict[str, list[str]], article: dict[str, Any]) -> SourceKind:
    types = article.get("@type", "")
    for item in types if isinstance(types, list) else [types]:
        kind = _ARTICLE_TYPES.get(str(item).lower())
        if kind is not None and kind is not SourceKind.WEB:
            return kind
    if _first(meta, "og:type") == "article" and _first(meta, "article:published_time"):
        return SourceKind.NEWS
    return SourceKind.WEB


def _title(page: _Page, article: dict[str, Any], site: str) -> str:
    title = _first(page.meta, "og:title", "citation_title", "twitter:title")
    title = title or str(article.get("headline") or "")
    if not title and page.title:
        title = page.title
        if site:
            title = re.sub(rf"\s*[|\-–—:]\s*{re.escape(site)}\s*$", "", title)
    return title


def _authors(page: _Page, article: dict[str, Any]) -> tuple[str, ...]:
    names = page.meta.get("citation_author") or page.meta.get("author") or []
    names = names or _names(article.get("author")) or page.meta.get("article:author", [])
    cleaned = (_clean_author(n) for n in names)
    return tuple(dict.fromkeys(n for n in cleaned if n))


# ------------------------------------------------------------------ import
_WEB_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                "us-ascii": "cp1252", "ascii": "cp1252"}


def _decode(data: bytes, path: Path) -> str:
    """Page text: BOM, then the declared ``<meta charset>``, then UTF-8, then a guess."""
    head = data[:4096].decode("ascii", "replace")
    declared = re.search(r"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", head, re.IGNORECASE)
    candidates = [bom_encoding(data) or ""]
    if declared:
        name = declared.group(1).lower()
        candidates.append(_WEB_ALIASES.get(name, name))
    candidates.append("utf-8")
    for encoding in filter(None, candidates):
        try:
            text = data.decode(encoding)
            break
        except (LookupError, UnicodeDecodeError):
            continue
    else:
        text = decode_text(data, path)
    if looks_binary(text):
        raise FileProblem(path, "looks like a binary file, not a web page")
    return text


def parse_page(markup: str) -> _Page:
    # types-lxml's ParserTarget protocol also wants comment() and pi() handlers, which
    # lxml does not require (and remove_comments/remove_pis make moot).
    parser = etree.HTMLParser(  # type: ignore[call-overload]
        target=_Extractor(), no_network=True, remove_comments=True, remove_pis=True
    )
    try:
        parser.feed(markup)
        page: _Page = parser.close()
        return page
    except (etree.LxmlError, RecursionError) as error:
        raise ValueError(str(error) or type(error).__name__) from None


def _main_text(page: _Page) -> str:
    blocks = page.blocks
    if any(in_article for _, in_article, _ in blocks):
        blocks = [b for b in blocks if b[1]]
    elif any(in_main for _, _, in_main in blocks):
        blocks = [b for b in blocks if b[2]]
    return "\n\n".join(text for text, _, _ in blocks)


def html_source(data: bytes, path: Path, *, source_id: str, provenance: Provenance) -> Source:
    """A Source for a saved web page (.html/.htm)."""
    try:
        page = parse_page(_decode(data, path))
    except ValueError as error:
        raise FileProblem(path, f"is not a readable web page ({error})") from None
    text = clean_text(_main_text(page))
    if not text:
        raise FileProblem(path, "holds no readable text")
    article = _jsonld_article(page.jsonld)
    meta = page.meta
    publisher = article.get("publisher")
    site = _first(meta, "og:site_name") or (_names(publisher) or [""])[0]
    published = _first(
        meta, "article:published_time", "citation_publication_date", "citation_date",
        "dc.date", "dcterms.date", "date", "pubdate",
    ) or str(article.get("datePublished") or "")
    url = page.canonical or _first(meta, "og:url") or str(article.get("url") or "")
    return Source(
        id=source_id,
        title=_title(page, article, site) or path.stem,
        kind=_kind(meta, article).value,
        authors=_authors(page, article),
        container=site,
        published=_iso_date(published),
        url=url if url.startswith(("http://", "https://")) else "",
        doi=_first(meta, "citation_doi", "dc.identifier").removeprefix("doi:"),
        text=text,
        file_name=provenance.file_name,
        sha256=provenance.sha256,
        imported=provenance.imported,
    )
