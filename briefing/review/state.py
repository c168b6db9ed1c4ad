"""What the analyst decided about a review, kept in the briefing itself.

Decisions live in the briefing properties (``info.extra["reviews"]``: one entry
per reviewed file with its name, digest and export revision, and per decided
item its key, kind, reviewer, decision and time), so they are saved with the
.briefing (and its JSON) and undone with the edit they came with: accepting an
item is one operation, the change and its record together.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from briefing.core import ops
from briefing.core.document import Document
from briefing.core.model import evolve
from briefing.review.items import Review, ReviewItem

REVIEWS = "reviews"
DECISIONS = ("accepted", "rejected", "resolved", "noted")


def reviews(doc: Document) -> list[dict[str, Any]]:
    value = doc.info.extra.get(REVIEWS)
    return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []


def decisions(doc: Document, review: Review) -> dict[str, str]:
    """Item key → decision for *review*'s file (matched by its digest)."""
    for entry in reviews(doc):
        if entry.get("sha256") == review.sha256:
            return {
                d.get("item", ""): d.get("decision", "")
                for d in entry.get("decisions", [])
                if isinstance(d, dict)
            }
    return {}


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def recorded(doc: Document, review: Review, item: ReviewItem, decision: str) -> ops.SetInfo:
    """The briefing properties with *decision* on *item* recorded (an undoable op)."""
    if decision not in DECISIONS:
        raise ValueError(f"unknown decision {decision!r}")
    entries = [dict(e) for e in reviews(doc)]
    entry = next((e for e in entries if e.get("sha256") == review.sha256), None)
    if entry is None:
        entry = {"file": review.path.name, "sha256": review.sha256,
                 "revision": review.revision, "imported": _now(), "decisions": []}
        entries.append(entry)
    kept = [d for d in entry.get("decisions", []) if d.get("item") != item.key]
    kept.append({"item": item.key, "kind": item.kind, "reviewer": item.reviewer,
                 "decision": decision, "at": _now(), "block": item.block,
                 "claim": item.claim_id or "", "section": item.section_id})
    entry["decisions"] = kept
    return ops.SetInfo(evolve(doc.info, extra={**doc.info.extra, REVIEWS: entries}))


def decide(
    doc: Document, review: Review, item: ReviewItem, decision: str, change: ops.Op | None
) -> ops.Op:
    """One operation: *change* (if any) and the record of *decision*."""
    record = recorded(doc, review, item, decision)
    if change is None:
        return record
    return ops.Batch((change, record), name=f"{decision.capitalize()} {item.label.lower()}")
