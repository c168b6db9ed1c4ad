"""Full-text search over a .briefing file (SQLite FTS5) with short snippets.

FTS5 finds and ranks the matches; snippets are cut in Python from the text
the Document already holds, which is far cheaper than FTS5's ``snippet()``
re-reading every long source.

A long source text is indexed piece by piece (:mod:`text_pieces`): a source
matches when each word occurs in its title or in any of its pieces, so the
words of a query may sit in different pieces.  First come the sources with
every word in their title and first piece (nearly all: most texts are one
piece), by bm25; then those with every word in one later piece of a long text,
by bm25; then the long texts whose words are spread over their pieces.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from itertools import chain

from briefing.core.document import Document
from briefing.core.text import collapse
from briefing.store.text_pieces import has_pieces

SNIPPET_CONTEXT = 60

_SQL = {
    "claim": "SELECT c.id FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid "
    "WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?",
    "source": "SELECT s.id, rank FROM sources_fts JOIN sources s ON s.rowid = sources_fts.rowid "
    "WHERE sources_fts MATCH ? ORDER BY rank LIMIT ?",
    "piece": "SELECT t.source, min(rank) FROM source_text_fts "
    "JOIN source_text t ON t.rowid = source_text_fts.rowid "
    "WHERE source_text_fts MATCH ? GROUP BY t.source ORDER BY min(rank) LIMIT ?",
    "long": "SELECT DISTINCT source FROM source_text",
    "word_first": "SELECT s.id FROM sources_fts JOIN sources s ON s.rowid = sources_fts.rowid "
    "WHERE sources_fts MATCH ?",
    "word_piece": "SELECT DISTINCT t.source FROM source_text_fts "
    "JOIN source_text t ON t.rowid = source_text_fts.rowid WHERE source_text_fts MATCH ?",
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
    return " AND ".join(word_queries(text))


def word_queries(text: str) -> list[str]:
    """Each word of *text* as a safe FTS5 query, the last one as a prefix."""
    quoted = [f'"{w}"' for w in query_words(text)]
    if quoted:
        quoted[-1] += "*"
    return quoted


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
    for source_id in matching_sources(conn, query, limit):
        if doc.has_source(source_id):
            source = doc.source(source_id)
            hits.append(
                SearchHit("source", source_id, make_snippet(source.text or source.title, words))
            )
    return hits[:limit]


def matching_sources(conn: sqlite3.Connection, query: str, limit: int) -> list[str]:
    """The ids of the sources holding every word of *query*, best first (see above)."""
    match = fts_query(query)
    if not match:
        return []
    ranked = list(conn.execute(_SQL["source"], (match, limit)))
    if not has_pieces(conn):  # a version 1 file: one row a source
        return [source_id for source_id, _rank in ranked]
    ranked += conn.execute(_SQL["piece"], (match, limit))  # each already best first
    found = list(dict.fromkeys(source_id for source_id, _rank in ranked))
    if len(found) < limit:
        found += sorted(_spread_over_pieces(conn, word_queries(query)) - set(found))
    return found[:limit]


def _spread_over_pieces(conn: sqlite3.Connection, words: list[str]) -> set[str]:
    """The long sources holding each word somewhere: title, first piece or another."""
    candidates = {source_id for (source_id,) in conn.execute(_SQL["long"])}
    for word in words:
        if not candidates:
            break
        holding = chain(conn.execute(_SQL["word_first"], (word,)),
                        conn.execute(_SQL["word_piece"], (word,)))
        candidates &= {source_id for (source_id,) in holding}
    return candidates
