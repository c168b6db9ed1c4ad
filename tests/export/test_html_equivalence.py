"""The HTML writer's page is python-markdown's rendering of our Markdown export.

The writer renders the IR directly; these tests hold it to what python-markdown
(footnotes extension) makes of ``render_markdown`` of the same IR, so the
preview shows exactly what Markdown readers get.  Both are parsed with lxml
(libxml2's HTML parser, not ours) and compared as a stream of element starts
(tag and every attribute), text and element ends, with insignificant
whitespace normalised: runs of ASCII whitespace count as one space, and
whitespace next to a block boundary does not count.

One known difference: an isolated right-to-left name or title is ``<bdi>`` in the
page and U+2068 … U+2069 in the Markdown; :func:`canonical` reads them alike.
URLs included (:func:`test_links_match_python_markdown`).
A URL python-markdown used to misread (``mailto:`` links, ``mailto:desk``, a URL
holding ``[text](target)`` or ``&amp;``) is normalised once, by
:func:`briefing.export.notes.safe_url`, for every writer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import lxml.html
import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml.html import HtmlElement

from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source
from briefing.export import ExportOptions, build_ir
from briefing.export.html_writer import (
    CLAIM_TITLE,
    claim_anchor,
    render_html_body,
    render_preview,
)
from briefing.export.ir import ExportIR, Paragraph
from briefing.export.markdown_writer import render_markdown
from tests.export.hostile_urls import hostile_links
from tests.strategies import documents

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_BLOCKS = {"div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "li", "hr"}
_SPACE = re.compile("[ \t\n\r\f]+")

Token = tuple[str, ...]


def _parse(html: str) -> HtmlElement:
    return lxml.html.fragment_fromstring(html, create_parent="div")


def _events(element: HtmlElement) -> Iterator[Token]:
    bdi = element.tag == "bdi"  # the writer's <bdi>x</bdi> is Markdown's U+2068 x U+2069
    yield ("text", "\u2068") if bdi else (
        "start", element.tag, *sorted(f"{k}={v}" for k, v in element.attrib.items()))
    if element.text:
        yield ("text", element.text)
    for child in element:
        yield from _events(child)
        if child.tail:
            yield ("text", child.tail)
    yield ("text", "\u2069") if bdi else ("end", element.tag)


def canonical(root: HtmlElement) -> list[Token]:
    """The tree as tokens: adjacent text merged, whitespace normalised as documented."""
    merged: list[Token] = []
    for token in _events(root):
        if token[0] == "text" and merged and merged[-1][0] == "text":
            merged[-1] = ("text", merged[-1][1] + token[1])
        else:
            merged.append(token)
    tokens: list[Token] = []
    for index, token in enumerate(merged):
        if token[0] != "text":
            tokens.append(token)
            continue
        text = _SPACE.sub(" ", token[1])
        before, after = merged[index - 1], merged[index + 1]
        if before[1] in _BLOCKS:
            text = text.lstrip(" ")
        if after[1] in _BLOCKS:
            text = text.rstrip(" ")
        if text:
            tokens.append(("text", text))
    return tokens


def python_markdown_body(ir: ExportIR) -> HtmlElement:
    """python-markdown's page body for *ir*, each claim's paragraph given its anchor."""
    html = markdown.markdown(
        render_markdown(ir, banner=False), extensions=["footnotes"], output_format="html"
    )
    root = _parse(html)
    leading = (1 if ir.title else 0) + sum(1 for x in (ir.subtitle, ir.byline) if x)
    for index, item in enumerate(ir.body):
        if isinstance(item, Paragraph) and item.claim_id is not None:
            element = root[leading + index]
            assert element.tag == "p"
            element.set("id", claim_anchor(item.claim_id))
    return root


def as_preview(body: HtmlElement, ir: ExportIR) -> HtmlElement:
    """*body* as the preview shows it: no ids, claims named in titles, banner around."""
    for element in body.iter():
        anchor = element.attrib.pop("id", "")
        if element.tag == "p" and anchor.startswith("claim-"):
            element.set("title", CLAIM_TITLE.format(anchor.removeprefix("claim-")))
    if ir.banner:
        for index in (0, len(body) + 1):
            banner = lxml.html.Element("div", {"class": "banner"})
            banner.text = ir.banner
            body.insert(index, banner)
    return body


def merge_note_runs(root: HtmlElement) -> HtmlElement:
    """The preview's runs of notes (``<ol start=n>``) merged back into one list."""
    runs = [d for d in root if d.tag == "div" and d.get("class") == "footnote"]
    if runs:
        first = runs[0].find("ol")
        for run in runs[1:]:
            ol = run.find("ol")
            assert ol.get("start") == str(len(first) + 1), "a run starts where the last ended"
            first.extend(list(ol))
            root.remove(run)
    return root


class _Balance(HTMLParser):
    """Checks that every element a fragment opens, it closes, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag != "hr":
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag, f"</{tag}> closes nothing open"


def assert_balanced(fragment: str) -> None:
    """*fragment* stands alone: every element it opens, it closes (Python's HTML parser)."""
    parser = _Balance()
    parser.feed(fragment)
    parser.close()
    assert not parser.open, f"left open: {parser.open}"


@st.composite
def irs(draw: st.DrawFn) -> ExportIR:
    doc = draw(documents())
    options = ExportOptions(show_estimates=draw(st.booleans()),
                            sourcing_summary=draw(st.booleans()))
    return build_ir(doc, options)


@SETTINGS
@given(ir=irs())
def test_html_body_is_what_python_markdown_makes_of_the_markdown_export(ir: ExportIR) -> None:
    ours = canonical(_parse(render_html_body(ir)))
    assert ours == canonical(python_markdown_body(ir))


@SETTINGS
@given(ir=irs(), part_blocks=st.integers(1, 5))
def test_preview_parts_joined_are_the_body(ir: ExportIR, part_blocks: int) -> None:
    parts = render_preview(ir, part_blocks=part_blocks).parts
    for part in parts:
        assert_balanced(part)
    joined = merge_note_runs(_parse("".join(parts)))
    assert canonical(joined) == canonical(as_preview(python_markdown_body(ir), ir))
    assert canonical(joined) == canonical(as_preview(_parse(render_html_body(ir)), ir))


def _with_url(url: str) -> ExportIR:
    source = Source(id="s1", title="Log", url=url)
    claim = Claim(id="c1", text="Berths reopened.", citations=(Citation("s1"),))
    section = Section(id="k1", title="Port", blocks=(Block.for_claim("c1"),))
    return build_ir(Document(BriefingInfo(title="T"), [source], [claim], [section]))


NOTE = "\u201cLog\u201d. {}.\u00a0\u21a9"


@pytest.mark.parametrize(("url", "shown"), [
    ("https://example.org/a?b=c&d=e", "https://example.org/a?b=c&d=e"),
    ("http://x.test/a_b*c_d_/p(1)?q='x'#frag:1", "http://x.test/a_b*c_d_/p(1)?q='x'#frag:1"),
    ("ftp://files.test/ü b", "ftp://files.test/%C3%BC%20b"),
    ("https://user@host.test/[a]", "https://user@host.test/%5Ba%5D"),
    ("mailto:desk@port.test", "mailto:desk@port.test"),
    ("https://x.test/[a](b)", "https://x.test/%5Ba%5D(b)"),
    ("https://x.test/![a](b)", "https://x.test/!%5Ba%5D(b)"),
    ("https://x.test/a&amp;b", "https://x.test/a&amp%3Bb"),
])
def test_links_match_python_markdown(url: str, shown: str) -> None:
    """Each URL is one link showing itself, in our page and in python-markdown's."""
    ir = _with_url(url)
    ours = _parse(render_html_body(ir))
    assert canonical(ours) == canonical(python_markdown_body(ir))
    note = ours.xpath("//li[@id='fn:1']/p")[0]
    assert [(a.get("href"), a.text_content()) for a in note.iter("a")][0] == (shown, shown)
    assert note.text_content() == NOTE.format(shown)


@pytest.mark.parametrize("address", ["mailto:desk", "javascript:alert(1)", "file:///etc/passwd"])
def test_what_is_not_a_link_is_plain_text_as_in_python_markdown(address: str) -> None:
    ir = _with_url(address)
    ours = _parse(render_html_body(ir))
    assert canonical(ours) == canonical(python_markdown_body(ir))
    note = ours.xpath("//li[@id='fn:1']/p")[0]
    assert [a.get("class") for a in note.iter("a")] == ["footnote-backref"]
    assert note.text_content() == NOTE.format(address)


@SETTINGS
@given(url=hostile_links)
def test_any_hostile_url_matches_python_markdown(url: str) -> None:
    ir = _with_url(url)
    assert canonical(_parse(render_html_body(ir))) == canonical(python_markdown_body(ir))
