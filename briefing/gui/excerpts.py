"""Turn a selected passage of a source into a new claim with its citation.

Locator and attribution come from ``briefing.ingest`` when it provides them
and from the reader's own minimal helpers otherwise.
"""

from __future__ import annotations

from briefing.core.document import Document
from briefing.core.model import Citation, Claim
from briefing.core.vocab import ClaimKind
from briefing.gui import _anchors


def locator_for(text: str, start: int, end: int) -> str:
    return _anchors.locator_for(text, start, end)


def suggest_attribution(text: str, start: int, end: int) -> str:
    return _anchors.suggest_attribution(text, start, end)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so the passage has no surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def citation_for(doc: Document, source_id: str, start: int, end: int) -> Citation:
    """A citation of text[start:end] with quote, offsets, locator and attribution."""
    text = doc.source(source_id).text
    start, end = trim_span(text, max(0, start), min(len(text), end))
    return Citation(
        source=source_id,
        quote=text[start:end],
        start=start,
        end=end,
        locator=locator_for(text, start, end),
        attribution=suggest_attribution(text, start, end),
    )


def claim_from_selection(doc: Document, source_id: str, start: int, end: int) -> Claim:
    """A draft claim whose text is the passage (one line) and which cites it."""
    citation = citation_for(doc, source_id, start, end)
    return Claim(
        id=doc.new_id("c"),
        text=" ".join(citation.quote.split()),
        kind=ClaimKind.INFORMATION.value,
        citations=(citation,),
    )
