"""PDF writer: the export IR as a paged document with real footnotes, via WeasyPrint.

The page is HTML made for print from the same IR as the other writers (the
same title block, notes and Sources list), laid out by WeasyPrint's CSS
paged media: each footnote is the note's text placed ``float: footnote`` where
it is referenced, so it is set at the foot of the page that cites it;
``@page`` margin boxes carry the banner at the top and bottom of every page
and "Page X of Y".  With endnotes the notes follow the text under a "Notes"
heading.  Fonts: Cambria (Caladea, Liberation Serif, a serif) for the text,
Arial (Liberation Sans, a sans) for headings, as in the Word design.

WeasyPrint is an optional dependency (``pip install 'briefing[pdf]'``; it
needs the Pango library, see the README).  Without it a PDF export fails
with one message saying so, before anything is written.  The renderer is
given nothing to fetch: every URL it asks for is refused, so a link in a
source record never makes the export touch the network or a file.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from briefing.core.errors import FileProblem
from briefing.export.html_writer import segments_html, text_html
from briefing.export.ir import (
    NOTES_HEADING,
    SOURCES_HEADING,
    SUMMARY_HEADING,
    ExportIR,
    Heading,
    Paragraph,
)
from briefing.export.markdown_writer import NOTE_SEPARATOR

PAGE_SIZES = {"a4": "A4", "letter": "letter"}
UNAVAILABLE = (
    "PDF export needs WeasyPrint, which is not installed here "
    "(pip install 'briefing[pdf]'; on Linux and macOS it also needs the Pango library)"
)

CSS = """
@page {
  size: @SIZE@; margin: 24mm 22mm 26mm 22mm;
  @top-center { content: @BANNER@; font: bold 8.5pt Arial, "Liberation Sans", sans-serif; }
  @bottom-center { content: @BANNER@; font: bold 8.5pt Arial, "Liberation Sans", sans-serif; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages);
                  font: 8pt Arial, "Liberation Sans", sans-serif; color: #5b6573; }
  @footnote { border-top: 0.5pt solid #8a9099; padding-top: 3pt; }
}
html { font-family: Cambria, Caladea, "Liberation Serif", "DejaVu Serif", serif;
       font-size: 10.5pt; line-height: 1.38; color: #1a1a1a; }
body { margin: 0; }
h1, h2, h3, h4, h5, h6, .author, .date {
  font-family: Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: #1f2a37; }
h1.title { font-size: 21pt; line-height: 1.15; margin: 0 0 6pt; }
p.subtitle { font-style: italic; font-size: 13pt; color: #5b6573; margin: 0 0 8pt; }
p.author, p.date { font-size: 9.5pt; color: #5b6573; margin: 0; }
p.date { margin-bottom: 18pt; }
h1 { font-size: 14pt; margin: 16pt 0 4pt; } h2 { font-size: 12pt; margin: 12pt 0 4pt; }
h3, h4, h5, h6 { font-size: 11pt; font-style: italic; margin: 10pt 0 3pt; }
h1, h2, h3, h4, h5, h6 { page-break-after: avoid; break-after: avoid; }
p { margin: 0 0 7pt; orphans: 2; widows: 2; }
.fn { float: footnote; font-size: 8.5pt; line-height: 1.3; font-style: normal;
      font-weight: normal; text-align: left; }
.fn::footnote-marker { content: counter(footnote) ". "; }
::footnote-call { content: counter(footnote); vertical-align: super; font-size: 65%;
                  line-height: 0; }
.sep { vertical-align: super; font-size: 65%; line-height: 0; }
ol.sources { padding-left: 1.6em; } ol.sources li { margin-bottom: 4pt; }
ol.notes { padding-left: 1.8em; font-size: 9.5pt; } ol.notes li { margin-bottom: 3pt; }
a { color: #1f4e79; text-decoration: none; overflow-wrap: anywhere; }
"""


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_print_html(ir: ExportIR, paper: str = "a4") -> str:
    """The print page of *ir*: footnotes inline (``float: footnote``) or endnotes at the end."""
    footnotes = ir.note_style != "endnotes"
    notes = {n.number: n for n in ir.notes}
    blocks = []
    if ir.title:
        blocks.append(f'<h1 class="title">{text_html(ir.title)}</h1>')
    if ir.subtitle:
        blocks.append(f'<p class="subtitle">{text_html(ir.subtitle)}</p>')
    if ir.authors:
        from briefing.export.notes import names

        blocks.append(f'<p class="author">{text_html(names(ir.authors))}</p>')
    if ir.date:
        blocks.append(f'<p class="date">{text_html(ir.date)}</p>')
    for item in ir.body:
        if isinstance(item, Heading):
            level = min(item.level, 6)
            blocks.append(f"<h{level}>{text_html(item.text)}</h{level}>")
        else:
            blocks.append(_paragraph(item, notes, footnotes))
    if ir.summary:
        items = "".join(f"<li>{text_html(line)}</li>" for line in ir.summary)
        blocks.append(f"<h1>{SUMMARY_HEADING}</h1><ul>{items}</ul>")
    if ir.sources:
        items = "".join(f"<li>{segments_html(s.segments)}</li>" for s in ir.sources)
        blocks.append(f'<h1>{SOURCES_HEADING}</h1><ol class="sources">{items}</ol>')
    if ir.notes and not footnotes:
        items = "".join(f"<li>{segments_html(n.segments)}</li>" for n in ir.notes)
        blocks.append(f'<h1>{NOTES_HEADING}</h1><ol class="notes">{items}</ol>')
    banner = _css_string(ir.banner) if ir.banner else "none"
    css = CSS.replace("@SIZE@", PAGE_SIZES.get(paper, "A4")).replace("@BANNER@", banner)
    title = escape(ir.title or "Briefing")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        + "\n".join(blocks)
        + "\n</body>\n</html>\n"
    )


def _paragraph(paragraph: Paragraph, notes: dict[int, Any], footnotes: bool) -> str:
    separator = f'<span class="sep">{NOTE_SEPARATOR}</span>'
    if footnotes:
        refs = separator.join(
            f'<span class="fn">{segments_html(notes[n].segments)}</span>' for n in paragraph.notes
        )
    else:
        refs = separator.join(f'<sup>{n}</sup>' for n in paragraph.notes)
    return f"<p>{text_html(paragraph.display_text)}{refs}</p>"


def _refuse(url: str, *_args: object, **_kwargs: object) -> dict[str, Any]:
    raise ValueError(f"nothing is fetched while exporting ({url[:60]})")


def check_available(path: str | Path) -> None:
    """Raise :class:`FileProblem` (naming *path*) when WeasyPrint cannot be loaded."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: the Pango library is missing
        raise FileProblem(path, UNAVAILABLE) from None


def write_pdf(ir: ExportIR, path: str | Path, paper: str = "a4") -> None:
    """Write *ir* as a PDF at *path* (not atomic: the caller handles that)."""
    check_available(path)
    import weasyprint

    html = weasyprint.HTML(string=render_print_html(ir, paper), url_fetcher=_refuse)
    html.write_pdf(str(path))
