"""PDF documents via pypdf: the text of every page, page boundaries kept.

Pages are joined with a form feed (``\\f``), the separator ``pdftotext``
uses, so page *n* of the source is the text between the (n-1)-th and n-th
form feed and a character offset maps to a page without any side table.
``extra["pages"]`` holds the page count (so a one-page PDF still gets
"p. 1" locators) and ``extra["page_labels"]`` the printed page labels when
the PDF defines labels other than 1, 2, 3 ...
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from pypdf import PasswordType, PdfReader

from briefing.core.errors import FileProblem
from briefing.core.model import Source
from briefing.core.vocab import SourceKind
from briefing.ingest.common import (
    ImportCancelled,
    Progress,
    Provenance,
    clean_text,
    error_reason,
)

PAGE_BREAK = "\f"


def _open(data: bytes, path: Path) -> Any:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise FileProblem(path, "is not a PDF file (no %PDF header)")
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception:  # missing crypto backend, unknown handler
            opened = PasswordType.NOT_DECRYPTED
        if opened == PasswordType.NOT_DECRYPTED:
            raise FileProblem(path, "is encrypted (password protected); no text can be read")
    return reader


def _page_text(page: Any) -> str:
    text = page.extract_text() or ""
    return clean_text(text.replace(PAGE_BREAK, "\n"))


def _labels(reader: Any, count: int) -> list[str]:
    try:
        labels = [str(label) for label in reader.page_labels]
    except Exception:  # a damaged /PageLabels tree is not worth refusing
        return []
    if len(labels) != count or labels == [str(n) for n in range(1, count + 1)]:
        return []
    return labels


def _metadata(reader: Any) -> tuple[str, str]:
    try:
        info = reader.metadata
        title = str(info.title or "") if info else ""
        author = str(info.author or "") if info else ""
    except Exception:  # damaged info dictionary: no metadata
        return "", ""
    title = re.sub(r"^Microsoft (Word|PowerPoint) - ", "", title).strip()
    if re.fullmatch(r"(untitled|document\d*|[\w -]+\.(docx?|pdf|pptx?))", title, re.I):
        title = ""
    return title, author.strip()


def _read_pages(reader: Any, path: Path, progress: Progress | None) -> list[str]:
    pages: list[str] = []
    count = len(reader.pages)
    for index in range(count):
        try:
            pages.append(_page_text(reader.pages[index]))
        except Exception as error:  # pypdf raises many types on damage
            reason = error_reason(error)
            raise FileProblem(path, f"page {index + 1} cannot be read ({reason})") from None
        if progress is not None and progress(index + 1, count) is False:
            raise ImportCancelled(path)
    return pages


def pdf_source(
    data: bytes,
    path: Path,
    *,
    source_id: str,
    provenance: Provenance,
    progress: Progress | None = None,
) -> Source:
    """A Source for a PDF; FileProblem for damaged, encrypted or image-only files."""
    try:
        reader = _open(data, path)
        count = len(reader.pages)
    except FileProblem:
        raise
    except Exception as error:  # pypdf raises many types on damage
        raise FileProblem(path, f"is not a readable PDF ({error_reason(error)})") from None
    if count == 0:
        raise FileProblem(path, "has no pages")
    pages = _read_pages(reader, path, progress)
    if not any(page.strip() for page in pages):
        raise FileProblem(
            path, "has no extractable text (a scanned or image-only PDF needs OCR first)"
        )
    title, author = _metadata(reader)
    extra: dict[str, Any] = {"pages": count}
    labels = _labels(reader, count)
    if labels:
        extra["page_labels"] = labels
    return Source(
        id=source_id,
        title=title or path.stem.replace("_", " "),
        kind=SourceKind.REPORT.value,
        authors=tuple(a.strip() for a in author.split(";") if a.strip()),
        text=PAGE_BREAK.join(pages),
        file_name=provenance.file_name,
        sha256=provenance.sha256,
        imported=provenance.imported,
        extra=extra,
    )

