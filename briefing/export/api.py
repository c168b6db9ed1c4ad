"""The export entry point the CLI and the GUI call (no Qt on this path).

``export_document(doc, "out.docx")`` builds the IR once, picks the writer by
the output's suffix and writes atomically: a failed export leaves no file
(an existing one stays as it was) and never touches the input.  A Markdown
export with pandoc citations writes two files, ``OUT.md`` and
``OUT.csl.json``, both or neither.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from briefing.core.atomic import write_text_atomic, write_with_atomic
from briefing.core.document import Document
from briefing.core.errors import FileProblem
from briefing.core.vocab import NoteStyle, banner_word, level_rank
from briefing.export.ir import CITATION_MODES, ExportIR, ExportOptions, build_ir
from briefing.export.markdown_writer import render_markdown

FORMATS = (".docx", ".md", ".html", ".pdf")


def export_format(path: str | Path) -> str:
    """The writer for *path* by suffix (``.docx``, ``.md``/``.markdown``, ``.html``/``.htm``)."""
    suffix = Path(path).suffix.lower()
    suffix = {".markdown": ".md", ".htm": ".html"}.get(suffix, suffix)
    if suffix not in FORMATS:
        raise FileProblem(
            path,
            f"cannot export to {suffix or 'a file without a suffix'}; "
            "use .docx, .md, .html or .pdf",
        )
    return suffix


def _docx_writer(ir: ExportIR, reference_doc: str | Path | None) -> Callable[[Path], None]:
    from briefing.export.docx_template import open_template
    from briefing.export.docx_writer import write_docx

    if reference_doc is not None:
        open_template(reference_doc)  # a bad template is reported before any file is made

    def write(tmp: Path) -> None:
        write_docx(ir, tmp, reference_doc=reference_doc)

    return write


def _pdf_writer(ir: ExportIR, output: Path) -> Callable[[Path], None]:
    from briefing.export.paper import default_paper
    from briefing.export.pdf_writer import check_available, write_pdf

    check_available(output)  # a missing WeasyPrint is reported before any file is made
    paper = ir.paper or default_paper()

    def write(tmp: Path) -> None:
        write_pdf(ir, tmp, paper)

    return write


def export_document(
    doc: Document,
    output_path: str | Path,
    *,
    notes: str | None = None,
    reference_doc: str | Path | None = None,
    options: ExportOptions | None = None,
    allow_underclassified: bool = False,
) -> Path:
    """Export *doc* to *output_path* (.docx, .md, .html or .pdf) and return the path.

    *notes* ("footnotes"/"endnotes") overrides the document's note style and
    ``options.note_style``; *reference_doc* is a .docx house template (Word
    only); ``options.citations == "pandoc"`` (Markdown only) also writes the
    CSL-JSON bibliography at :func:`~briefing.export.csl.bibliography_path`.
    Raises :class:`~briefing.core.errors.FileProblem` for an unknown suffix,
    an option the format does not take, an unusable template or a failed write, and
    :class:`~briefing.export.ir.DanglingReferenceError` (a ``DomainError``) for a
    claim or source reference that points nowhere — before writing anything.
    A briefing classified below its highest portion mark raises
    :class:`MarkingBelowPortion` unless *allow_underclassified* is True (the
    analyst's explicit override; the banner is then raised to that portion).
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
    if options.bibliography not in ("embedded", "file"):
        raise FileProblem(output, f"bibliography {options.bibliography!r} is not 'embedded' "
                          "or 'file'")
    if options.citations not in CITATION_MODES:
        raise FileProblem(output, f"citations {options.citations!r} are not 'notes' or 'pandoc'")
    if options.citations == "pandoc" and fmt != ".md":
        raise FileProblem(output, "pandoc citations apply to Markdown (.md) exports only")
    ir = build_ir(doc, options)
    shortfall = marking_shortfall(doc)
    if shortfall is not None and not allow_underclassified:
        raise MarkingBelowPortion(
            output,
            f"not written: {shortfall}; raise the classification, or override the "
            "marking check to export it under the highest portion's banner",
        )
    if fmt == ".docx":
        write_with_atomic(output, _docx_writer(ir, reference_doc))
    elif fmt == ".pdf":
        write_with_atomic(output, _pdf_writer(ir, output))
    elif options.citations == "pandoc":
        _write_pandoc_markdown(doc, ir, output, embedded=options.bibliography != "file")
    elif fmt == ".md":
        write_text_atomic(output, render_markdown(ir, with_front_matter=options.front_matter))
    else:
        from briefing.export.html_writer import render_html

        write_text_atomic(output, render_html(ir))
    return output


def _write_pandoc_markdown(doc: Document, ir: ExportIR, output: Path, *, embedded: bool) -> None:
    """``OUT.md`` citing ``[@key, ...]`` with the CSL items in its front matter, or (not
    *embedded*) with ``OUT.csl.json`` beside it, the two written together."""
    from briefing.export.csl import bibliography_path, citation_keys, csl_json, yaml_references
    from briefing.export.outputs import write_files_atomic

    cited = [doc.source(source_id) for source_id in dict.fromkeys(n.source_id for n in ir.notes)]
    keys = citation_keys(cited)
    if embedded:
        references = yaml_references(cited, keys) if cited else ""
        write_text_atomic(output, render_markdown(ir, citation_keys=keys, references=references))
        return
    bibliography = bibliography_path(output)
    markdown = render_markdown(ir, citation_keys=keys, bibliography=bibliography.name)
    write_files_atomic(
        [(bibliography, csl_json(cited, keys).encode()), (output, markdown.encode())]
    )


class MarkingBelowPortion(FileProblem):
    """The briefing's classification is below its highest portion mark (export refused)."""


def marking_shortfall(doc: Document) -> str | None:
    """Why the classification is below the highest placed portion, or None when it is not.

    Only a classification the marking scheme knows is compared; an empty one
    lets the banner follow the portions (the ``banner-below-portion`` check
    still reports it).
    """
    scheme = doc.info.marking_scheme
    declared = doc.info.classification.strip()
    rank = level_rank(scheme, declared) if declared else None
    if rank is None:
        return None
    portions = [
        doc.claim(block.claim).portion if block.claim is not None else block.portion
        for section in doc.all_sections()
        for block in section.blocks
    ]
    ranked = [(r, p) for p in portions if p.strip() and (r := level_rank(scheme, p)) is not None]
    if not ranked or max(ranked)[0] <= rank:
        return None
    top = banner_word(scheme, max(ranked)[1])
    return f"the briefing is classified {banner_word(scheme, declared)} but a portion is {top}"


def preview_html(doc: Document, options: ExportOptions | None = None) -> str:
    """The HTML page of *doc* for the editor's preview (nothing written to disk)."""
    from briefing.export.html_writer import render_html

    return render_html(build_ir(doc, options))
