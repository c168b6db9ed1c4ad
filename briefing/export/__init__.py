"""Export a Document to Word (.docx), Markdown (.md), HTML (.html) or PDF (.pdf).

One intermediate representation (:mod:`briefing.export.ir`) is built per
export; the writers only render it.  Entry point: :func:`export_document`.
"""

from briefing.export.api import FORMATS, export_document, export_format, preview_html
from briefing.export.ir import DanglingReferenceError, ExportIR, ExportOptions, build_ir

__all__ = [
    "FORMATS",
    "DanglingReferenceError",
    "ExportIR",
    "ExportOptions",
    "build_ir",
    "export_document",
    "export_format",
    "preview_html",
]
