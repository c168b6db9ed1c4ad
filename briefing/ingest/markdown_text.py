"""A Markdown source's text as a reader sees it: rendered, without the syntax.

Python-Markdown renders the file to HTML; the text of each block (heading,
paragraph, list item, quotation, code block, table row) becomes one paragraph,
separated from the next by a blank line, so locators ("para. 3") count the
paragraphs the reader sees, not the lines of the file.  Inline syntax (``**``,
``_``, links, code spans) is gone; a link keeps its words.  Raw HTML in the
file is read for its text only: nothing is fetched or executed, and the text
of scripts and styles is dropped.
"""

from __future__ import annotations

from collections.abc import Iterator

import markdown
from lxml import etree, html

from briefing.core.text import collapse

EXTENSIONS = ["extra", "sane_lists"]
"""Tables, fenced code, footnotes, definition lists, abbreviations; lists as written."""
INLINE = frozenset((
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "i", "img",
    "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
    "u", "var", "wbr",
))
LEAVES = frozenset(["h1", "h2", "h3", "h4", "h5", "h6", "p", "pre", "tr"])
"""Blocks whose whole text is one paragraph, whatever they hold (a table row is one)."""
SKIPPED = frozenset(("script", "style", "template", "head", "title", "noscript"))


def render_markdown(text: str) -> str:
    """The text of Markdown *text*: one paragraph per rendered block, blank-line separated."""
    markup = markdown.markdown(text, extensions=EXTENSIONS, output_format="html")
    if not markup.strip():
        return ""
    root = html.fragment_fromstring(markup, create_parent="div",
                                    parser=html.HTMLParser(no_network=True))
    return "\n\n".join(p for p in (_own_text(root), *_paragraphs(root)) if p)


def _tag(element: etree._Element) -> str:
    return element.tag if isinstance(element.tag, str) else ""


def _is_block(element: etree._Element) -> bool:
    tag = _tag(element)
    return bool(tag) and tag not in INLINE and tag not in SKIPPED


def _has_blocks(element: etree._Element) -> bool:
    return any(_is_block(e) for e in element.iterdescendants())


def _paragraphs(element: etree._Element) -> Iterator[str]:
    """Block texts in document order; a block holding blocks yields those instead."""
    for child in element:
        if not _is_block(child):
            continue  # inline content belongs to the container's own text
        if _tag(child) in LEAVES or not _has_blocks(child):
            yield _text(child, keep_lines=_tag(child) == "pre")
        else:
            own = _own_text(child)
            if own:
                yield own
            yield from _paragraphs(child)


def _own_text(element: etree._Element) -> str:
    """Loose text directly inside a container (``<li>text<ul>…</ul></li>``)."""
    parts = [element.text or ""]
    for child in element:
        if _tag(child) and not _is_block(child):
            parts.append(_text(child, keep_lines=False))
        parts.append(child.tail or "")
    return collapse("".join(parts))


def _text(element: etree._Element, *, keep_lines: bool) -> str:
    if _tag(element) == "tr":
        return " | ".join(_text(cell, keep_lines=False) for cell in element if _tag(cell))
    pieces: list[str] = []
    _collect(element, pieces)
    text = "".join(pieces)
    return text.strip("\n") if keep_lines else collapse(text)


def _collect(node: etree._Element, pieces: list[str]) -> None:
    """The text under *node*, without comments, scripts, styles and footnote back-links."""
    if not _tag(node) or _tag(node) in SKIPPED or "footnote-backref" in (node.get("class") or ""):
        return
    if "footnote-ref" in (node.get("class") or ""):
        pieces.append(f"[{''.join(node.itertext()).strip()}]")
        return
    pieces.append(node.text or "")
    for child in node:
        _collect(child, pieces)
        pieces.append(child.tail or "")
