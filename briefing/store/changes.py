"""What changed since the last flush, gathered from Document events."""

from __future__ import annotations

import sqlite3

from briefing.core import ops
from briefing.core.document import Document
from briefing.store import rows

_OUTLINE_OPS = (
    ops.InsertSection,
    ops.RemoveSection,
    ops.RenameSection,
    ops.MoveSection,
    ops.InsertBlock,
    ops.RemoveBlock,
    ops.ReplaceBlock,
    ops.MoveBlock,
)


class ChangeTracker:
    """Dirty sets per table; ``write`` turns them into SQL in the caller's transaction."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.info = False
        self.outline = False
        self.sources: set[str] = set()
        self.removed_sources: set[str] = set()
        self.source_order = False
        self.claims: set[str] = set()
        self.removed_claims: set[str] = set()
        self.claim_order = False

    def __bool__(self) -> bool:
        return bool(
            self.info
            or self.outline
            or self.sources
            or self.removed_sources
            or self.claims
            or self.removed_claims
            or self.source_order
            or self.claim_order
        )

    def merge(self, newer: ChangeTracker) -> None:
        """Fold in *newer*: the changes made after these (a re-added row wins over its
        removal here, a removal there over a change here)."""
        self.info |= newer.info
        self.outline |= newer.outline
        self.source_order |= newer.source_order
        self.claim_order |= newer.claim_order
        self.sources = (self.sources - newer.removed_sources) | newer.sources
        self.removed_sources = (self.removed_sources - newer.sources) | newer.removed_sources
        self.claims = (self.claims - newer.removed_claims) | newer.claims
        self.removed_claims = (self.removed_claims - newer.claims) | newer.removed_claims

    def record(self, op: ops.Op) -> None:
        match op:
            case ops.SetInfo():
                self.info = True
            case ops.InsertSource(source=source, index=index):
                self._touch(self.sources, self.removed_sources, source.id)
                self.source_order |= index is not None
            case ops.ReplaceSource(source=source):
                self.sources.add(source.id)
            case ops.RemoveSource(source_id=source_id):
                self._drop(self.sources, self.removed_sources, source_id)
                self.source_order = True
            case ops.InsertClaim(claim=claim, index=index):
                self._touch(self.claims, self.removed_claims, claim.id)
                self.claim_order |= index is not None
            case ops.ReplaceClaim(claim=claim):
                self.claims.add(claim.id)
            case ops.RemoveClaim(claim_id=claim_id):
                self._drop(self.claims, self.removed_claims, claim_id)
                self.claim_order = True
            case ops.MoveClaim():
                self.claim_order = True
            case _ if isinstance(op, _OUTLINE_OPS):
                self.outline = True

    @staticmethod
    def _touch(dirty: set[str], removed: set[str], item: str) -> None:
        removed.discard(item)
        dirty.add(item)

    @staticmethod
    def _drop(dirty: set[str], removed: set[str], item: str) -> None:
        dirty.discard(item)
        removed.add(item)

    def write(self, conn: sqlite3.Connection, doc: Document) -> None:
        if self.info:
            rows.write_info(conn, doc)
        rows.delete_rows(conn, "sources", self.removed_sources)
        rows.delete_rows(conn, "claims", self.removed_claims)
        rows.upsert_sources(conn, doc, self.sources)
        rows.upsert_claims(conn, doc, self.claims)
        if self.source_order:
            rows.renumber(conn, "sources", [s.id for s in doc.sources])
        if self.claim_order:
            rows.renumber(conn, "claims", [c.id for c in doc.claims])
        if self.outline:
            rows.write_outline(conn, doc)
