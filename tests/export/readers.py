"""Read exports back with readers we did not write: pandoc, python-markdown, markdown-it-py.

Each reader returns the same shape — a list of ``(paragraph text, [note text, ...])``
in reading order, texts whitespace-collapsed — so tests compare them with the IR.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import lxml.html
import markdown
import pypandoc
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from briefing.export.sanitize import collapse

Para = tuple[str, list[str]]

_CONTAINERS = {"Emph", "Strong", "Strikeout", "Subscript", "SmallCaps", "Underline"}


def pandoc_ast(path: Path, fmt: str) -> dict[str, Any]:
    return json.loads(pypandoc.convert_file(str(path), "json", format=fmt))


def _inlines(items: list[dict], notes: list[str] | None, skip_superscript: bool) -> str:
    out: list[str] = []
    for item in items:
        kind, content = item["t"], item.get("c")
        if kind == "Str":
            out.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind in _CONTAINERS:
            out.append(_inlines(content, notes, skip_superscript))
        elif kind == "Superscript":
            if not skip_superscript:
                out.append(_inlines(content, notes, skip_superscript))
        elif kind == "Quoted":
            mark = "\u201c\u201d" if content[0]["t"] == "DoubleQuote" else "\u2018\u2019"
            out.append(mark[0] + _inlines(content[1], notes, skip_superscript) + mark[1])
        elif kind in ("Span", "Cite", "Link", "Image"):
            out.append(_inlines(content[1], notes, skip_superscript))
        elif kind in ("Code", "Math", "RawInline"):
            out.append(content[1])
        elif kind == "Note":
            if notes is not None:
                notes.append(collapse(" ".join(_block_text(b) for b in content)))
        else:
            raise AssertionError(f"unexpected pandoc inline {kind}")
    return "".join(out)


def _block_text(block: dict) -> str:
    if block["t"] in ("Para", "Plain"):
        return _inlines(block["c"], None, False)
    return ""


def pandoc_paragraphs(ast: dict[str, Any], *, skip_superscript: bool = False) -> list[Para]:
    """Every Para/Plain/Header of the body (lists walked) with the notes it holds."""
    found: list[Para] = []

    def walk(blocks: list[dict]) -> None:
        for block in blocks:
            kind, content = block["t"], block.get("c")
            if kind in ("Para", "Plain"):
                notes: list[str] = []
                found.append((collapse(_inlines(content, notes, skip_superscript)), notes))
            elif kind == "Header":
                found.append((collapse(_inlines(content[2], None, skip_superscript)), []))
            elif kind == "OrderedList":
                for item in content[1]:
                    walk(item)
            elif kind == "BulletList":
                for item in content:
                    walk(item)
            elif kind in ("BlockQuote", "Div"):
                walk(content if kind == "BlockQuote" else content[1])

    walk(ast["blocks"])
    return found


def pandoc_read(path: Path, fmt: str, *, skip_superscript: bool = False) -> list[Para]:
    return pandoc_paragraphs(pandoc_ast(path, fmt), skip_superscript=skip_superscript)


def _html_paragraphs(html: str, ref_xpath: str, note_xpath: str, backref_xpath: str) -> list[Para]:
    root = lxml.html.fromstring(f"<div>{html}</div>")
    notes: dict[str, str] = {}
    for item in root.xpath(note_xpath):
        for backref in item.xpath(backref_xpath):
            backref.drop_tree()
        notes[item.get("id")] = collapse(item.text_content())
    found: list[Para] = []
    for element in root.xpath(
        "//p[not(ancestor::li[starts-with(@id,'fn')])]|//h1|//h2|//h3"
        "|//h4|//h5|//h6|//li[not(starts-with(@id,'fn'))]"
    ):
        refs = [a.get("href").lstrip("#") for a in element.xpath(ref_xpath)]
        for sup in element.xpath(".//sup"):
            sup.drop_tree()
        found.append((collapse(element.text_content()), [notes[r] for r in refs]))
    return found


def python_markdown_read(text: str) -> list[Para]:
    html = markdown.markdown(text, extensions=["footnotes"])
    return _html_paragraphs(
        html,
        ".//sup/a[@class='footnote-ref']",
        "//div[@class='footnote']//li",
        ".//a[@class='footnote-backref']",
    )


def markdown_it_read(text: str) -> list[Para]:
    html = MarkdownIt().use(footnote_plugin).render(text)
    return _html_paragraphs(
        html,
        ".//sup[@class='footnote-ref']/a",
        "//section[@class='footnotes']//li",
        ".//a[@class='footnote-backref']",
    )


def html_read(html: str) -> list[Para]:
    """Paragraphs of our own HTML export (python-markdown's footnote markup)."""
    return _html_paragraphs(
        html,
        ".//sup/a[@class='footnote-ref']",
        "//div[@class='footnote']//li",
        ".//a[@class='footnote-backref']",
    )
