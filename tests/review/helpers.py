"""Reading reviewed files with pandoc (a reader we did not write) and accepting all items."""

from __future__ import annotations

import json
from pathlib import Path

import pypandoc

from briefing.core.document import Document
from briefing.review import Review
from briefing.review.apply import accept_op
from tests.export.readers import Para, pandoc_paragraphs


def pandoc_view(path: Path, mode: str) -> list[Para]:
    """Paragraphs and notes of *path* with tracked changes accepted or rejected (by pandoc)."""
    ast = json.loads(pypandoc.convert_file(
        str(path), "json", format="docx", extra_args=[f"--track-changes={mode}"]))
    return pandoc_paragraphs(ast, skip_superscript=True)


def accept_all(doc: Document, review: Review) -> None:
    """Accept every proposal that changes text, in the review's order."""
    for item in review.items:
        if item.changes_text:
            op = accept_op(doc, item, review.snapshot)
            if op is not None:
                doc.apply(op)
