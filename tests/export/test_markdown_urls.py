"""A source's URL in the Markdown export is one plain link in every reader.

Readers we did not write — python-markdown (footnotes), markdown-it-py (footnote
plugin) and pandoc (``-f markdown``, plus ``gfm`` and ``commonmark_x`` for the
fixed cases) — read the export back.  In the claim's note and in the source's
entry in the Sources list each must find exactly one link, whose target and
text both decode (``urllib.parse.unquote``) to the recorded URL, and nothing
else: no image, no raw HTML, no second link.  What is not a web or mail link
is shown as plain text.  The rule is in :mod:`briefing.export.notes`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import lxml.html
import markdown
import pypandoc
import pytest
from hypothesis import HealthCheck, given, settings
from lxml.html import HtmlElement
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source
from briefing.export import build_ir
from briefing.export.markdown_writer import render_markdown
from briefing.export.sanitize import clean_line, collapse
from tests.export import readers
from tests.export.hostile_urls import hostile_links

NOTE = "\u201cLog\u201d. {}."
"""The note of the one citation, around the URL."""
ENTRY = "\u201cLog\u201d. {}."
"""The source's entry in the Sources list, around the URL."""


@dataclass
class Place:
    """What a reader shows in one place (a note, a source entry)."""

    text: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)
    """(target, text) of every link."""
    other: list[str] = field(default_factory=list)
    """Every other element or inline kind: images, raw HTML, emphasis, code…"""


def markdown_for(url: str) -> str:
    source = Source(id="s1", title="Log", kind="report", url=url)
    claim = Claim(id="c1", text="Berths reopened.", citations=(Citation("s1"),))
    section = Section(id="k1", title="Port", blocks=(Block.for_claim("c1"),))
    return render_markdown(build_ir(Document(BriefingInfo(), [source], [claim], [section])))


def _html_place(element: HtmlElement) -> Place:
    for backref in element.xpath(".//a[contains(@class,'footnote-backref')]"):
        backref.drop_tree()
    place = Place(collapse(element.text_content()))
    for child in element.iterdescendants():
        if child.tag == "a":
            place.links.append((child.get("href"), child.text_content()))
        elif child.tag != "p":
            place.other.append(str(child.tag))
    return place


def _html_places(html: str, note_xpath: str) -> list[Place]:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    (note,) = root.xpath(note_xpath)
    (entry,) = root.xpath("//ol[not(ancestor::*[@class='footnote' or @class='footnotes'])]/li")
    return [_html_place(note), _html_place(entry)]


def python_markdown_places(text: str) -> list[Place]:
    html = markdown.markdown(text, extensions=["footnotes"])
    return _html_places(html, "//li[@id='fn:1']")


def markdown_it_places(text: str) -> list[Place]:
    html = MarkdownIt().use(footnote_plugin).render(text)
    return _html_places(html, "//li[@id='fn1']")


def _pandoc_place(inlines: list[dict[str, Any]]) -> Place:
    place = Place(collapse(readers._inlines(inlines, None, False)))

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            kind, content = item["t"], item.get("c")
            if kind == "Link":
                place.links.append((content[2][0], readers._inlines(content[1], None, False)))
            elif kind not in ("Str", "Space", "SoftBreak", "Quoted"):
                place.other.append(kind)
            if kind == "Quoted":
                walk(content[1])

    walk(inlines)
    return place


def pandoc_places(text: str, fmt: str) -> list[Place]:
    ast = json.loads(pypandoc.convert_text(text, "json", format=fmt))
    claim = next(b for b in ast["blocks"] if b["t"] == "Para")
    (note,) = [i["c"] for i in claim["c"] if i["t"] == "Note"]
    (entries,) = [b["c"][1] for b in ast["blocks"] if b["t"] == "OrderedList"]
    return [_pandoc_place(note[0]["c"]), _pandoc_place(entries[0][0]["c"])]


READERS = {
    "python-markdown": python_markdown_places,
    "markdown-it-py": markdown_it_places,
    "pandoc markdown": lambda text: pandoc_places(text, "markdown"),
    "pandoc gfm": lambda text: pandoc_places(text, "gfm"),
    "pandoc commonmark_x": lambda text: pandoc_places(text, "commonmark_x"),
}
"""pandoc's own Markdown is what the export targets (DESIGN §4); gfm and
commonmark_x stand for GitHub and other CommonMark readers."""
HTML_READERS = ("python-markdown", "markdown-it-py")


def assert_one_plain_link(places: list[Place], url: str) -> None:
    """Each place shows *url* as its one link and nothing else but text."""
    recorded = unquote(clean_line(url))
    for place, around in zip(places, (NOTE, ENTRY), strict=True):
        assert place.other == [], f"not plain text and one link: {place}"
        assert len(place.links) == 1, place
        ((target, shown),) = place.links
        assert unquote(target) == recorded, place
        assert unquote(shown) == recorded, place
        assert place.text == collapse(around.format(shown)), place


# --- the cases that used to break --------------------------------------------------

FIXED = [
    "mailto:desk@port.test",
    "https://x.test/[a](b)",
    "https://x.test/![a](b)",
    "https://x.test/a&amp;b&#38;c",
    "https://x.test/<b>x</b>?q=`c`&r=*s*_t_",
    "https://x.test/a\\b|c~d#e#f",
    "https://x.test/wiki/Port_(harbour)",
    "https://x.test/\u202eabc?q=\u05e9\u05dc\u05d5\u05dd&e=\U0001f600",
    "HTTPS://x.test/a%zz b",
]


@pytest.mark.parametrize("url", FIXED)
@pytest.mark.parametrize("reader", sorted(READERS))
def test_every_reader_shows_the_url_as_one_plain_link(reader: str, url: str) -> None:
    assert_one_plain_link(READERS[reader](markdown_for(url)), url.replace("HTTPS", "https"))


@pytest.mark.parametrize("reader", sorted(READERS))
def test_a_mailto_link_keeps_its_scheme_in_text_and_target(reader: str) -> None:
    note, entry = READERS[reader](markdown_for("mailto:desk@port.test"))
    for place in (note, entry):
        assert place.links == [("mailto:desk@port.test", "mailto:desk@port.test")]


@pytest.mark.parametrize("reader", sorted(READERS))
def test_a_character_reference_in_a_url_is_not_resolved(reader: str) -> None:
    note, _ = READERS[reader](markdown_for("https://x.test/a?b=1&amp;c=2"))
    ((target, shown),) = note.links
    assert unquote(target) == unquote(shown) == "https://x.test/a?b=1&amp;c=2"
    assert "&c=" not in target  # a reader resolving "&amp;" would leave "&c="


@pytest.mark.parametrize("address", [
    "mailto:desk",
    "javascript:alert(1)",
    "file:///etc/passwd",
    "www.port.test/log",
    "https://",
    "data:text/html,<b>x</b>",
    "[x](javascript:alert(1))",
])
@pytest.mark.parametrize("reader", sorted(READERS))
def test_what_is_not_a_link_is_shown_as_plain_text(reader: str, address: str) -> None:
    for place, around in zip(READERS[reader](markdown_for(address)), (NOTE, ENTRY), strict=True):
        assert (place.links, place.other) == ([], [])
        assert place.text == around.format(address)


def test_the_export_writes_web_links_as_autolinks() -> None:
    text = markdown_for("https://x.test/[a](b)?q=1&amp;r=2")
    assert "<https://x.test/%5Ba%5D(b)?q=1&amp%3Br=2>" in text
    assert "[mailto&#58;desk&#64;port.test](mailto:desk@port.test)" in markdown_for(
        "mailto:desk@port.test"
    )


# --- any hostile URL -----------------------------------------------------------------

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings(SETTINGS, max_examples=100)
@given(url=hostile_links)
def test_any_hostile_url_is_one_plain_link_in_python_markdown_and_markdown_it(url: str) -> None:
    text = markdown_for(url)
    for reader in HTML_READERS:
        assert_one_plain_link(READERS[reader](text), url)


PANDOC_FORMATS = ("markdown", "gfm", "commonmark_x")


@settings(SETTINGS, max_examples=20)
@given(url=hostile_links)
def test_any_hostile_url_is_one_plain_link_in_pandoc(url: str) -> None:
    text = markdown_for(url)
    for fmt in PANDOC_FORMATS:
        assert_one_plain_link(pandoc_places(text, fmt), url)
