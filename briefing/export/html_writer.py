"""HTML writer: a standalone, offline page for the editor's preview and for users.

The page is rendered from the IR directly, like the Word and Markdown
writers, and its body is the markup python-markdown (footnotes extension)
makes of our Markdown export of the same IR: the same elements, attributes,
links and text, so the preview shows exactly what Markdown readers get.
``tests/export/test_html_equivalence.py`` holds the two to that on hostile
documents, comparing both after parsing them with lxml.  The markup:

* the title an ``h1``; subtitle and byline paragraphs; section headings one
  level down when there is a title (``h6`` at most); a claim or prose block a
  ``p`` with its text collapsed to one line, as in the Markdown export;
* a note reference ``<sup id="fnref:N"><a class="footnote-ref"
  href="#fn:N">N</a></sup>``, adjacent ones separated by a comma;
* the sourcing summary a ``ul``, the Sources list an ``ol``, links as
  ``<a href="URL">URL</a>``;
* the notes ``<div class="footnote"><hr><ol><li id="fn:N"><p>… &#160;<a
  class="footnote-backref" href="#fnref:N" title="Jump back to footnote N in
  the text">&#8617;</a></p></li>…``.

Every piece of user text is HTML-escaped (``&``, ``<``, ``>``, and quotes in
attributes), so nothing a source says becomes markup; XML-invalid characters
never reach here (the IR drops them, :mod:`briefing.export.sanitize`).
Right-to-left names and titles in notes and the Sources list, which the
Markdown export isolates with U+2068 … U+2069, are ``<bdi>`` elements here
(the one difference from python-markdown's page).  python-markdown writes
some characters as numeric references (``&#58;`` for a
colon) where this writer writes the character: the parsed text is the same.

Links need nothing of their own here: :func:`briefing.export.notes.safe_url`
has already normalised every URL for all writers (what is not a web or mail
link is plain text), so python-markdown reads each link in the Markdown export
as one link showing its URL, as this writer writes it.

The banner heads and foots the page (a ``div`` that browsers and Qt's rich
text both centre); each claim's paragraph carries ``id="claim-<id>"``; the
page has inline CSS only and loads nothing from the network.

:func:`render_preview` cuts the same body into parts of a few dozen blocks
(the notes list into ``<ol start=n>`` runs) so the editor can build its
preview a part at a time without holding up the UI; in these parts no
element has an ``id`` and a claim's paragraph is named by its ``title``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from briefing.export.ir import SOURCES_HEADING, SUMMARY_HEADING, ExportIR, Heading, Paragraph
from briefing.export.markdown_writer import NOTE_SEPARATOR
from briefing.export.notes import Segment
from briefing.export.sanitize import collapse

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
PART_BLOCKS = 40
"""Top-level blocks (or notes) per preview part."""
BACKREF_TITLE = "Jump back to footnote {} in the text"


def claim_anchor(claim_id: str) -> str:
    """The id of a claim's paragraph in the page (``#claim-<id>`` links to it)."""
    return f"claim-{claim_id}"


def claim_from_title(title: str) -> str | None:
    """The claim id in a preview paragraph's ``title`` (see :func:`render_preview`)."""
    head, _, tail = CLAIM_TITLE.partition("{}")
    if title.startswith(head) and title.endswith(tail) and len(title) > len(head + tail):
        return title[len(head):len(title) - len(tail)]
    return None


def _text(text: str) -> str:
    """One line of user text as HTML (collapsed like the Markdown export)."""
    return escape(collapse(text), quote=False)


_ISOLATE = re.compile("\u2068([^\u2068\u2069]*)\u2069")


def _segments(segments: tuple[Segment, ...]) -> str:
    """Note or source-list segments; a link shows its URL; an isolated (right-to-left)
    name or title (U+2068 … U+2069) becomes a ``bdi`` element."""
    html = "".join(
        f'<a href="{escape(s.url)}">{escape(s.url, quote=False)}</a>'
        if s.url
        else _ISOLATE.sub(r"<bdi>\1</bdi>", escape(s.text, quote=False))
        for s in segments
    )
    return html.strip()


text_html = _text
segments_html = _segments


class _Writer:
    """Renders one IR; *preview* names claims by ``title`` and leaves out every ``id``."""

    def __init__(self, ir: ExportIR, preview: bool) -> None:
        self.ir = ir
        self.preview = preview

    def blocks(self) -> list[str]:
        """The top-level blocks before the notes, in page order."""
        ir = self.ir
        blocks = [f"<h1>{_text(ir.title)}</h1>"] if ir.title else []
        blocks += [f"<p>{_text(x)}</p>" for x in (ir.subtitle, ir.byline) if x]
        offset = 1 if ir.title else 0
        for item in ir.body:
            if isinstance(item, Heading):
                blocks.append(_heading(item.level + offset, item.text))
            else:
                blocks.append(self.paragraph(item))
        if ir.summary:
            blocks.append(_heading(1 + offset, SUMMARY_HEADING))
            items = "".join(f"<li>{_text(line)}</li>\n" for line in ir.summary)
            blocks.append(f"<ul>\n{items}</ul>")
        if ir.sources:
            blocks.append(_heading(1 + offset, SOURCES_HEADING))
            items = "".join(f"<li>{_segments(s.segments)}</li>\n" for s in ir.sources)
            blocks.append(f"<ol>\n{items}</ol>")
        return blocks

    def paragraph(self, paragraph: Paragraph) -> str:
        attribute = ""
        if paragraph.claim_id is not None:
            if self.preview:
                attribute = f' title="{escape(CLAIM_TITLE.format(paragraph.claim_id))}"'
            else:
                attribute = f' id="{escape(claim_anchor(paragraph.claim_id))}"'
        refs = NOTE_SEPARATOR.join(self.note_ref(n) for n in paragraph.notes)
        return f"<p{attribute}>{_text(paragraph.display_text)}{refs}</p>"

    def note_ref(self, number: int) -> str:
        sup = "<sup>" if self.preview else f'<sup id="fnref:{number}">'
        return f'{sup}<a class="footnote-ref" href="#fn:{number}">{number}</a></sup>'

    def notes(self) -> list[str]:
        """One ``li`` per note, in number order."""
        items = []
        for note in self.ir.notes:
            number = note.number
            item = "<li>" if self.preview else f'<li id="fn:{number}">'
            backref = (
                f'<a class="footnote-backref" href="#fnref:{number}" '
                f'title="{BACKREF_TITLE.format(number)}">&#8617;</a>'
            )
            items.append(f"{item}\n<p>{_segments(note.segments)}&#160;{backref}</p>\n</li>")
        return items


def _heading(level: int, text: str) -> str:
    level = min(max(level, 1), 6)
    return f"<h{level}>{_text(text)}</h{level}>"


def _notes_div(items: list[str], start: int = 1) -> str:
    """A footnote ``div``; the rule above the notes only in the one that starts them."""
    rule = "<hr>\n" if start == 1 else ""
    ol = f'<ol start="{start}">' if start > 1 else "<ol>"
    return f'<div class="footnote">\n{rule}{ol}\n' + "\n".join(items) + "\n</ol>\n</div>"


def render_html_body(ir: ExportIR) -> str:
    """The HTML fragment (no banner): python-markdown's rendering of the Markdown export."""
    writer = _Writer(ir, preview=False)
    blocks = writer.blocks()
    notes = writer.notes()
    if notes:
        blocks.append(_notes_div(notes))
    return "\n".join(blocks)


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
    """The page body of :func:`render_html` for Qt's rich text, in parts of
    *part_blocks* top-level blocks, the notes in runs of *part_blocks* notes.
    Links are the same; elements carry no ``id`` (a claim's paragraph has the
    ``title`` :data:`CLAIM_TITLE` instead)."""
    size = max(part_blocks, 1)
    writer = _Writer(ir, preview=True)
    blocks = writer.blocks()
    parts = ["\n".join(blocks[i:i + size]) + "\n" for i in range(0, len(blocks), size)]
    notes = writer.notes()
    parts += [_notes_div(notes[i:i + size], i + 1) + "\n" for i in range(0, len(notes), size)]
    if not parts:
        parts = [""]
    banner = _banner(ir)
    parts[0] = banner + parts[0]
    parts[-1] = parts[-1] + banner
    return PreviewPage(CSS, tuple(p for p in parts if p.strip()))
