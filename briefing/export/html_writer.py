"""HTML writer: a standalone, offline page for the editor's preview and for users.

The body is the Markdown export rendered by python-markdown (footnotes
extension), so the preview shows exactly what Markdown readers get.  Every
piece of user text reaches the page through the Markdown escaping, which
writes ``<``, ``>``, ``&`` and quotes as character references, so nothing a
source says becomes markup.  The banner heads and foots the page; the page
has inline CSS only and loads nothing from the network.
"""

from __future__ import annotations

from html import escape

import markdown

from briefing.export.ir import ExportIR
from briefing.export.markdown_writer import render_markdown

_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; line-height: 1.45; color: #1b1b1b; }
.banner { text-align: center; font-family: Arial, sans-serif; font-weight: bold;
          letter-spacing: 0.05em; margin: 0.5em 0; }
h1, h2, h3, h4, h5, h6 { font-family: Arial, sans-serif; line-height: 1.2; }
.footnote { font-size: 0.9em; }
sup { line-height: 0; }
"""


def render_html_body(ir: ExportIR) -> str:
    """The HTML fragment (no banner) that python-markdown makes of the Markdown export."""
    text = render_markdown(ir, banner=False)
    return markdown.markdown(text, extensions=["footnotes"], output_format="html")


def render_html(ir: ExportIR) -> str:
    """A complete HTML document for *ir*."""
    title = escape(ir.title or "Briefing")
    header = footer = ""
    if ir.banner:
        header = f'<header class="banner">{escape(ir.banner)}</header>\n'
        footer = f'<footer class="banner">{escape(ir.banner)}</footer>\n'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"{header}<main>\n{render_html_body(ir)}\n</main>\n{footer}"
        "</body>\n</html>\n"
    )
