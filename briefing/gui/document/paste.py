"""A source made from clipboard text, through ingest's paste importer."""

from __future__ import annotations

from briefing.core.document import Document
from briefing.core.model import Source
from briefing.ingest import from_paste


def source_from_text(doc: Document, text: str) -> tuple[Source, bytes]:
    """A new Source holding *text* and the bytes to keep; DomainError when empty."""
    keys = {s.key for s in doc.sources}
    result = from_paste(text, new_id=lambda: doc.new_id("s"), key_taken=keys.__contains__)
    return result.source, result.original
