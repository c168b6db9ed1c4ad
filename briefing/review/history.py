"""A briefing's history as the analyst reads it: the file's history rows and review decisions.

Two records make the history of a ``.briefing``: the store's ``history`` table (review
imports, marking overrides recorded at export, …: :meth:`Store.history`) and the review
decisions kept in the briefing properties (``info.extra["reviews"]``,
:mod:`briefing.review.state`).  :func:`history` merges them, newest first, into rows a
dialog or the command line can show.  Qt-free.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from briefing.core.document import Document
from briefing.review.items import KIND_LABELS
from briefing.review.state import reviews

KIND_DECISION = "Review decision"
KIND_REVIEW_IMPORT = "Review import"
KIND_OVERRIDE = "Marking override"
KIND_OTHER = "Other"

ACTION_KINDS = {"review-import": KIND_REVIEW_IMPORT, "marking-override": KIND_OVERRIDE}
ACTION_WHAT = {"review-import": "Review imported", "marking-override": "Exported with override"}
DECISION_WHAT = {"accepted": "Accepted", "rejected": "Rejected", "resolved": "Resolved",
                 "noted": "Kept as note"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the history."""

    at: str  # "2026-12-02 17:30:05 UTC", sortable as text
    kind: str  # KIND_* (what the filter offers)
    what: str  # Accepted, Review imported, …
    item: str = ""  # the review item and card or section it was about
    reviewer: str = ""
    file: str = ""  # the reviewed or exported file
    detail: str = ""


def when(stamp: str) -> str:
    """*stamp* (ISO 8601, "Z" or an offset, or SQLite's "YYYY-MM-DD HH:MM:SS") in UTC."""
    try:
        moment = datetime.fromisoformat(stamp.strip().replace("Z", "+00:00"))
    except ValueError:
        return stamp.strip()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _clip(text: str, size: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _place(doc: Document, decision: dict[str, Any], marks: dict[str, str]) -> str:
    """The card or section a decision was about, as the analyst knows it."""
    claim = str(decision.get("claim") or "") or marks.get(str(decision.get("block", "")), "")
    if claim.startswith("claim:"):
        claim = claim[len("claim:"):]
    elif claim.startswith("section:"):
        section = claim[len("section:"):]
        return f"section “{_clip(doc.section(section).title)}”" if doc.has_section(
            section) else f"section {section}"
    if claim and doc.has_claim(claim):
        return f"card “{_clip(doc.claim(claim).text)}”"
    if claim:
        return f"card {claim} (deleted)"
    section = str(decision.get("section") or "")
    if section and doc.has_section(section):
        return f"section “{_clip(doc.section(section).title)}”"
    return "the document" if not decision.get("block") else str(decision["block"])


def _marks(doc: Document) -> dict[str, str]:
    """Block marker → "claim:<id>" / "section:<id>", for decisions recorded by marker only."""
    from briefing.export.docx_identity import claim_mark, heading_mark

    found = {claim_mark(c.id): f"claim:{c.id}" for c in doc.claims}
    found.update({heading_mark(s.id): f"section:{s.id}" for s in doc.all_sections()})
    return found


def decision_entries(doc: Document) -> list[Entry]:
    """The review decisions recorded in *doc*'s properties."""
    entries: list[Entry] = []
    marks: dict[str, str] | None = None
    for review in reviews(doc):
        made_here = review.get("decisions")
        for decision in made_here if isinstance(made_here, list) else []:
            if not isinstance(decision, dict):
                continue
            if marks is None:
                marks = _marks(doc)
            kind = str(decision.get("kind", ""))
            label = KIND_LABELS.get(kind, kind or "Item")
            made = str(decision.get("decision", ""))
            entries.append(Entry(
                at=when(str(decision.get("at", ""))), kind=KIND_DECISION,
                what=DECISION_WHAT.get(made, made.capitalize()),
                item=f"{label} · {_place(doc, decision, marks)}",
                reviewer=str(decision.get("reviewer", "")), file=str(review.get("file", ""))))
    return entries


def row_entry(at: str, action: str, detail: str) -> Entry:
    """One row of the store's history table."""
    kind = ACTION_KINDS.get(action, KIND_OTHER)
    what = ACTION_WHAT.get(action, action.replace("-", " ").capitalize())
    file = ""
    if action == "review-import" and ": " in detail:
        file = detail.split(": ", 1)[0]
    elif action == "marking-override" and detail.startswith("exported ") and ": " in detail:
        file = detail[len("exported "):].split(": ", 1)[0]
    return Entry(at=when(at), kind=kind, what=what, file=file, detail=detail)


def history(doc: Document, rows: Iterable[tuple[str, str, str]] = ()) -> list[Entry]:
    """The store's history *rows* and *doc*'s review decisions, newest first."""
    merged = [row_entry(*row) for row in rows] + decision_entries(doc)
    # within one second, what was recorded later (decisions after their import) comes first
    order = sorted(enumerate(merged), key=lambda pair: (pair[1].at, pair[0]), reverse=True)
    return [entry for _, entry in order]


def kinds(entries: Iterable[Entry]) -> list[str]:
    """The kinds present in *entries*, in a stable order (for a filter)."""
    order = [KIND_DECISION, KIND_REVIEW_IMPORT, KIND_OVERRIDE, KIND_OTHER]
    present = {e.kind for e in entries}
    return [k for k in order if k in present]
