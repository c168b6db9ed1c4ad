"""The export entry point the CLI and the GUI call (no Qt on this path).

``export_document(doc, "out.docx")`` builds the IR once, picks the writer by
the output's suffix and writes atomically: a failed export leaves no file
(an existing one stays as it was) and never touches the input.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from briefing.core.atomic import write_text_atomic, write_with_atomic
from briefing.core.document import Document
from briefing.core.errors import FileProblem
from briefing.core.vocab import NoteStyle
from briefing.export.ir import ExportIR, ExportOptions, build_ir
from briefing.export.markdown_writer import render_markdown

FORMATS = (".docx", ".md", ".html")


def export_format(path: str | Path) -> str:
    """The writer for *path* by suffix (``.docx``, ``.md``/``.markdown``, ``.html``/``.htm``)."""
    suffix = Path(path).suffix.lower()
    suffix = {".markdown": ".md", ".htm": ".html"}.get(suffix, suffix)
    if suffix not in FORMATS:
        raise FileProblem(
            path, f"cannot export to {suffix or 'a file without a suffix'}; use .docx, .md or .html"
        )
    return suffix


def _docx_writer(ir: ExportIR, reference_doc: str | Path | None) -> Callable[[Path], None]:
    from briefing.export.docx_writer import open_template, write_docx

    if reference_doc is not None:
        open_template(reference_doc)  # a bad template is reported before any file is made

    def write(tmp: Path) -> None:
        write_docx(ir, tmp, reference_doc=reference_doc)

    return write


def export_document(
    doc: Document,
    output_path: str | Path,
    *,
    notes: str | None = None,
    reference_doc: str | Path | None = None,
    options: ExportOptions | None = None,
) -> Path:
    """Export *doc* to *output_path* (.docx, .md or .html) and return the path.

    *notes* ("footnotes"/"endnotes") overrides the document's note style and
    ``options.note_style``; *reference_doc* is a .docx house template (Word
    only).  Raises :class:`~briefing.core.errors.FileProblem` for an unknown
    suffix, an unusable template or a failed write, and
    :class:`~briefing.export.ir.DanglingReferenceError` (a ``DomainError``) for a
    claim or source reference that points nowhere — before writing anything.
    """
    output = Path(output_path)
    fmt = export_format(output)
    options = options or ExportOptions()
    if notes is not None:
        if notes not in {s.value for s in NoteStyle}:
            raise FileProblem(output, f"note style {notes!r} is not 'footnotes' or 'endnotes'")
        options = replace(options, note_style=notes)
    if reference_doc is not None and fmt != ".docx":
        raise FileProblem(reference_doc, "a reference document applies to .docx exports only")
    ir = build_ir(doc, options)
    if fmt == ".docx":
        write_with_atomic(output, _docx_writer(ir, reference_doc))
    elif fmt == ".md":
        write_text_atomic(output, render_markdown(ir, with_front_matter=options.front_matter))
    else:
        from briefing.export.html_writer import render_html

        write_text_atomic(output, render_html(ir))
    return output


def preview_html(doc: Document, options: ExportOptions | None = None) -> str:
    """The HTML page of *doc* for the editor's preview (nothing written to disk)."""
    from briefing.export.html_writer import render_html

    return render_html(build_ir(doc, options))
