"""HTML writer: a standalone, offline page for the editor's preview and for users.

The body is the Markdown export rendered by python-markdown (footnotes
extension), so the preview shows exactly what Markdown readers get.  Every
piece of user text reaches the page through the Markdown escaping, which
writes ``<``, ``>``, ``&`` and quotes as character references, so nothing a
source says becomes markup.  The banner heads and foots the page (a ``div``
that browsers and Qt's rich text both centre); each claim's paragraph carries
``id="claim-<id>"``; the page has inline CSS only and loads nothing from the
network.

:func:`render_preview` cuts the same body into parts of a few dozen blocks
(the notes list into ``<ol start=n>`` runs) so the editor can build its
preview a part at a time without holding up the UI; in these parts a claim's
paragraph is named by its ``title`` rather than an ``id``.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from xml.etree import ElementTree as etree  # noqa: N813 (python-markdown's name)

import markdown
from markdown.treeprocessors import Treeprocessor

from briefing.export.ir import ExportIR, Heading
from briefing.export.markdown_writer import render_markdown

CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; line-height: 1.45; color: #1b1b1b; }
.banner { text-align: center; font-family: Arial, sans-serif; font-weight: bold;
          letter-spacing: 0.05em; margin: 0.5em 0; }
h1, h2, h3, h4, h5, h6 { font-family: Arial, sans-serif; line-height: 1.2; }
.footnote { font-size: 0.9em; }
sup { line-height: 0; }
"""
CLAIM_TITLE = "Claim {} (click to select it)"
"""The tooltip of a claim's paragraph in the preview."""
PART_MARK = "briefing-part"
PART_BLOCKS = 40
"""Top-level blocks (or notes) per preview part."""
_HEADINGS = {f"h{n}" for n in range(1, 7)}


def claim_anchor(claim_id: str) -> str:
    """The id of a claim's paragraph in the page (``#claim-<id>`` links to it)."""
    return f"claim-{claim_id}"


def _expected_blocks(ir: ExportIR) -> list[tuple[str, str | None]]:
    """The page's leading top-level blocks, in order: ("h" or "p", claim id or None)."""
    expected: list[tuple[str, str | None]] = [("h", None)] if ir.title else []
    expected += [("p", None) for x in (ir.subtitle, ir.byline) if x]
    for item in ir.body:
        expected.append(("h", None) if isinstance(item, Heading) else ("p", item.claim_id))
    return expected


def claim_from_title(title: str) -> str | None:
    """The claim id in a preview paragraph's ``title`` (see :func:`render_preview`)."""
    head, _, tail = CLAIM_TITLE.partition("{}")
    if title.startswith(head) and title.endswith(tail) and len(title) > len(head + tail):
        return title[len(head):len(title) - len(tail)]
    return None


class _ClaimAnchors(Treeprocessor):
    """Give each claim's paragraph its ``id``, walking the body in step with the IR.

    For Qt (*titles*): no element keeps an ``id`` (Qt's rich text hashes anchor
    names so poorly that a page of thousands takes seconds to build); a claim's
    paragraph carries a ``title`` naming the claim instead.
    """

    def __init__(self, md: markdown.Markdown, expected: list[tuple[str, str | None]],
                 titles: bool = False) -> None:
        super().__init__(md)
        self.expected = expected
        self.titles = titles

    def run(self, root: etree.Element) -> None:
        if self.titles:
            for element in root.iter():
                element.attrib.pop("id", None)
        for element, (kind, claim_id) in zip(root, self.expected, strict=False):
            tag = "h" if element.tag in _HEADINGS else element.tag
            if tag != kind:
                return  # the page is not what the IR predicts: no anchors beyond here
            if claim_id is None:
                continue
            if self.titles:
                element.set("title", CLAIM_TITLE.format(claim_id))
            else:
                element.set("id", claim_anchor(claim_id))


class _PartMarks(Treeprocessor):
    """Put a comment mark between every few top-level blocks; split the notes list too."""

    def __init__(self, md: markdown.Markdown, size: int) -> None:
        super().__init__(md)
        self.size = size

    def run(self, root: etree.Element) -> None:
        parts: list[list[etree.Element]] = [[]]
        for element in list(root):
            root.remove(element)
            if element.tag == "div" and element.get("class") == "footnote":
                parts += [[run] for run in self._note_runs(element)]
            else:
                if len(parts[-1]) >= self.size or _is_notes(parts[-1]):
                    parts.append([])
                parts[-1].append(element)
        for index, part in enumerate(p for p in parts if p):
            if index:
                mark = etree.Comment(PART_MARK)
                mark.tail = "\n"
                root.append(mark)
            root.extend(part)

    def _note_runs(self, footnotes: etree.Element) -> list[etree.Element]:
        """The footnote div as runs of notes, each a footnote div of its own; the
        rule above the notes stays with the first run."""
        items = [li for ol in footnotes.iter("ol") for li in ol]
        rule = footnotes.find("hr")
        runs: list[etree.Element] = []
        for start in range(0, len(items), self.size):
            div = etree.Element("div", {"class": "footnote"})
            if start == 0 and rule is not None:
                div.append(rule)
            ol = etree.SubElement(div, "ol", {"start": str(start + 1)} if start else {})
            ol.extend(items[start:start + self.size])
            div.text = ol.text = ol.tail = div.tail = "\n"
            runs.append(div)
        return runs


def _is_notes(part: list[etree.Element]) -> bool:
    return bool(part) and part[-1].get("class") == "footnote"


def _body(ir: ExportIR, part_blocks: int = 0) -> str:
    md = markdown.Markdown(extensions=["footnotes"], output_format="html")
    claims = _ClaimAnchors(md, _expected_blocks(ir), titles=part_blocks > 0)
    md.treeprocessors.register(claims, "briefing-claims", 5)
    if part_blocks:
        md.treeprocessors.register(_PartMarks(md, part_blocks), "briefing-parts", 4)
    return md.convert(render_markdown(ir, banner=False))


def render_html_body(ir: ExportIR) -> str:
    """The HTML fragment (no banner) that python-markdown makes of the Markdown export."""
    return _body(ir)


def _banner(ir: ExportIR) -> str:
    return f'<div class="banner">{escape(ir.banner)}</div>\n' if ir.banner else ""


def render_html(ir: ExportIR) -> str:
    """A complete HTML document for *ir*."""
    title = escape(ir.title or "Briefing")
    banner = _banner(ir)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{banner}<main>\n{render_html_body(ir)}\n</main>\n{banner}"
        "</body>\n</html>\n"
    )


@dataclass(frozen=True, slots=True)
class PreviewPage:
    """The page in parts: insert them in order (each is well-formed HTML on its own)."""

    css: str
    parts: tuple[str, ...]


def render_preview(ir: ExportIR, part_blocks: int = PART_BLOCKS) -> PreviewPage:
    """The page body of :func:`render_html` for Qt's rich text, in parts of about
    *part_blocks* blocks.  Links are the same; elements carry no ``id`` (a
    claim's paragraph has the ``title`` :data:`CLAIM_TITLE` instead)."""
    parts = _body(ir, part_blocks).split(f"<!--{PART_MARK}-->")
    banner = _banner(ir)
    parts[0] = banner + parts[0]
    parts[-1] = parts[-1] + banner
    return PreviewPage(CSS, tuple(p for p in parts if p.strip()))
