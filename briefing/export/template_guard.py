"""A Word reference template (``--reference-doc``) read as guardedly as an import.

A template is a file from anywhere, like an imported .docx: it is read only if
it is a regular file of a sane size, and its zip is checked before python-docx
inflates anything (:func:`briefing.ingest.word.check_zip`: a zip bomb is
refused).  What it would carry into every export and make Word fetch is
removed: the ``attachedTemplate`` link of its settings and every external
relationship (a remote template, linked pictures, hyperlinks in headers),
together with the markup that refers to them, so the export stays whole.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

from briefing.core.errors import FileProblem
from briefing.core.reading import open_regular
from briefing.ingest.word import check_zip

MAX_TEMPLATE_BYTES = 64 << 20
R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def read_template(path: Path) -> Any:
    """The template as a python-docx Document, guarded and stripped (FileProblem if not)."""
    try:
        with open_regular(path) as handle:
            data = handle.read(MAX_TEMPLATE_BYTES + 1)
    except FileNotFoundError:
        raise FileProblem(path, "reference document not found") from None
    except OSError as error:
        raise FileProblem(path, f"cannot read: {(error.strerror or str(error)).lower()}") from None
    if len(data) > MAX_TEMPLATE_BYTES:
        raise FileProblem(path, f"is larger than {MAX_TEMPLATE_BYTES >> 20} MB; "
                          "a reference document holds styles, not content")
    try:
        check_zip(data, path)
    except FileProblem as problem:
        if "expand" in problem.problem:  # a zip bomb: say so
            raise
        raise FileProblem(path, "is not a Word .docx document") from None
    try:
        document = docx.Document(io.BytesIO(as_document(data)))
    except Exception:  # noqa: BLE001 - any failure means "not a usable .docx"
        raise FileProblem(path, "is not a Word .docx document") from None
    drop_external_links(document)
    return document


_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAIN_TYPES = re.compile(
    rb"application/vnd\.(?:openxmlformats-officedocument\.wordprocessingml\.template"
    rb"|ms-word\.(?:template|document)\.macroEnabled(?:Template)?)\.main\+xml",
    re.IGNORECASE,
)


def as_document(data: bytes) -> bytes:
    """*data* with a Word template's (``.dotx``) or macro-enabled file's (``.dotm``,
    ``.docm``) main part typed as a plain document's, so python-docx opens it; the
    macros themselves are dropped later with every other part a template must not carry
    (:mod:`briefing.export.docx_template`)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        types = archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
        return data  # python-docx reports it
    converted = _OTHER_MAIN_TYPES.sub(_DOCUMENT_TYPE.encode(), types)
    if converted == types:
        return data
    out = io.BytesIO()
    with archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rewritten:
        for info in archive.infolist():
            entry = converted if info.filename == "[Content_Types].xml" else archive.read(info)
            rewritten.writestr(info, entry)
    return out.getvalue()


def drop_external_links(document: Any) -> None:
    """Remove the attached template and every external relationship, with its markup."""
    settings = document.settings.element
    for attached in settings.findall(qn("w:attachedTemplate")):
        settings.remove(attached)
    for part in document.part.package.iter_parts():
        external = [rid for rid, rel in part.rels.items() if rel.is_external]
        if not external:
            continue
        element = getattr(part, "element", None)
        if element is not None:
            _unlink_markup(element, set(external))
        for rid in external:
            del part.rels[rid]


def _unlink_markup(root: Any, rids: set[str]) -> None:
    for node in list(root.iter()):
        for name, value in list(node.attrib.items()):
            if not name.startswith(R_NS) or value not in rids:
                continue
            if node.tag == qn("w:hyperlink"):  # keep the text, drop the link
                parent = node.getparent()
                index = parent.index(node)
                for child in list(node):
                    parent.insert(index, child)
                    index += 1
                parent.remove(node)
                break
            del node.attrib[name]
