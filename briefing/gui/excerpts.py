"""Turn a selected passage of a source into a new claim with its citation.

Quote, offsets and locator come from ``briefing.ingest.cite_range``; the
attribution is ingest's first suggestion — a hint the analyst confirms.
"""

from __future__ import annotations

from dataclasses import replace

from briefing.core.document import Document
from briefing.core.model import Citation, Claim
from briefing.core.text import collapse
from briefing.core.vocab import ClaimKind


def citation_for(doc: Document, source_id: str, start: int, end: int,
                 attribution: str | None = None) -> Citation:
    """A citation of text[start:end] with quote, offsets, locator and attribution (the
    speaker picked, else the first suggestion)."""
    from briefing.ingest import cite_range, suggest_attribution  # heavy: load on first use

    source = doc.source(source_id)
    citation = cite_range(source, max(0, start), min(len(source.text), end))
    if attribution is not None:
        return replace(citation, attribution=attribution)
    hints = suggest_attribution(source.text, citation.start, citation.end)
    return replace(citation, attribution=hints[0].label) if hints else citation


def claim_from_selection(doc: Document, source_id: str, start: int, end: int,
                         attribution: str | None = None) -> Claim:
    """A draft claim whose text is the passage (one line) and which cites it."""
    citation = citation_for(doc, source_id, start, end, attribution)
    return Claim(
        id=doc.new_id("c"),
        text=collapse(citation.quote),
        kind=ClaimKind.INFORMATION.value,
        citations=(citation,),
    )
