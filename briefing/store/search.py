"""Full-text search over a .briefing file (SQLite FTS5) with short snippets.

FTS5 finds and ranks the matches; snippets are cut in Python from the text
the Document already holds, which is far cheaper than FTS5's ``snippet()``
re-reading every long source.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from briefing.core.document import Document
from briefing.core.text import collapse

SNIPPET_CONTEXT = 60

_SQL = {
    "claim": "SELECT c.id FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid "
    "WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?",
    "source": "SELECT s.id FROM sources_fts JOIN sources s ON s.rowid = sources_fts.rowid "
    "WHERE sources_fts MATCH ? ORDER BY rank LIMIT ?",
}


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # "source" or "claim"
    id: str
    snippet: str


def query_words(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in text).split()


def fts_query(text: str) -> str:
    """A safe FTS5 query: every word must occur, the last one as a prefix."""
    words = query_words(text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " AND ".join(quoted)


def make_snippet(text: str, words: list[str], context: int = SNIPPET_CONTEXT) -> str:
    """About 2×*context* characters around the first query word, marked with [ ]."""
    pattern = re.compile("|".join(r"\b" + re.escape(w) for w in words), re.IGNORECASE)
    found = pattern.search(text)
    if found is None:
        return collapse(text[: 2 * context])
    start, end = max(0, found.start() - context), min(len(text), found.end() + context)
    word_end = found.end()
    while word_end < len(text) and text[word_end].isalnum():
        word_end += 1
    body = f"{text[start : found.start()]}[{text[found.start() : word_end]}]{text[word_end:end]}"
    return ("…" if start else "") + collapse(body) + ("…" if end < len(text) else "")


def run_search(
    conn: sqlite3.Connection, doc: Document, query: str, limit: int = 50
) -> list[SearchHit]:
    """Claims first, then sources, each ranked by FTS5's bm25; at most *limit* hits."""
    match = fts_query(query)
    if not match:
        return []
    words = query_words(query)
    hits = [
        SearchHit("claim", claim_id, make_snippet(doc.claim(claim_id).text, words))
        for (claim_id,) in conn.execute(_SQL["claim"], (match, limit))
        if doc.has_claim(claim_id)
    ]
    for (source_id,) in conn.execute(_SQL["source"], (match, limit)):
        if doc.has_source(source_id):
            source = doc.source(source_id)
            hits.append(
                SearchHit("source", source_id, make_snippet(source.text or source.title, words))
            )
    return hits[:limit]
