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


def anchored(doc: Document, citation: Citation) -> Citation:
    """*citation* with offsets and a locator from its quote, when the quote is found in its
    source (a citation added by hand, or whose quote was retyped); else unchanged.

    Whitespace is matched loosely (a quote copied from a wrapped page); the locator
    follows the quote unless the analyst wrote one of their own.
    """
    import re

    quote = citation.quote.strip()
    if not quote or not doc.has_source(citation.source):
        return citation
    text = doc.source(citation.source).text
    if citation.start is not None and citation.end is not None and \
            text[citation.start:citation.end] == citation.quote:
        return citation
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    found = re.search(pattern, text)
    if found is None:
        return replace(citation, start=None, end=None)
    from briefing.ingest import cite_range

    source = doc.source(citation.source)
    located = cite_range(source, found.start(), found.end())
    computed = ""  # the locator the old anchor gave: replaced; one typed by hand: kept
    if citation.start is not None and citation.end is not None and \
            0 <= citation.start <= citation.end <= len(text):
        computed = cite_range(source, citation.start, citation.end).locator
    own = bool(citation.locator) and citation.locator != computed
    locator = citation.locator if own else located.locator or citation.locator
    return replace(citation, start=located.start, end=located.end, locator=locator)
