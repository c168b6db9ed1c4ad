"""Editor intents turned into undoable edits (no widgets here).

Each function builds core ops and pushes them through the session's undo
stack; it returns what the caller needs to select or report.
"""

from __future__ import annotations

from briefing.core import ops
from briefing.core.errors import DomainError
from briefing.core.model import Claim, Source
from briefing.gui.document.session import Session
from briefing.gui.panes.excerpts import claim_from_selection


def new_blank_claim(session: Session, index: int | None = None) -> str | None:
    """Add an empty draft card; its id, or None when refused."""
    claim = Claim(id=session.doc.new_id("c"))
    return claim.id if session.push(ops.InsertClaim(claim, index), "New Claim") else None


def new_claim_from_selection(session: Session, source_id: str, start: int, end: int,
                             attribution: str | None = None) -> str | None:
    """Add a claim citing text[start:end] of *source_id* (attributed to *attribution*, or
    to the first suggested speaker); its id, or None."""
    doc = session.doc
    text = doc.source(source_id).text
    if not text[max(0, start):end].strip():
        return None
    claim = claim_from_selection(doc, source_id, start, end, attribution)
    return claim.id if session.push(ops.InsertClaim(claim), "New Claim from Selection") else None


def delete_claims(session: Session, claim_ids: list[str]) -> bool:
    """Delete claims (unplacing them first) as one undo step."""
    doc = session.doc
    steps: list[ops.Op] = []
    for claim_id in claim_ids:
        where = doc.placement(claim_id)
        if where is not None:
            steps.append(ops.RemoveBlock(*where))
        steps.append(ops.RemoveClaim(claim_id))
    if not steps:
        return False
    name = "Delete Claim" if len(claim_ids) == 1 else f"Delete {len(claim_ids)} Claims"
    return session.push(ops.Batch(tuple(_unplace_in_safe_order(doc, steps)), name), name)


def _unplace_in_safe_order(doc: object, steps: list[ops.Op]) -> list[ops.Op]:
    """RemoveBlock indexes shift as blocks go: remove higher indexes first per section."""
    blocks = [s for s in steps if isinstance(s, ops.RemoveBlock)]
    claims = [s for s in steps if not isinstance(s, ops.RemoveBlock)]
    blocks.sort(key=lambda s: (s.section_id, -s.index))
    return [*blocks, *claims]


def citing_count(session: Session, source_ids: list[str]) -> int:
    return sum(session.doc.citation_count(s) for s in source_ids)


def delete_sources(session: Session, source_ids: list[str]) -> bool:
    """Delete uncited sources as one undo step (cited ones make the Document refuse)."""
    if not source_ids:
        return False
    name = "Delete Source" if len(source_ids) == 1 else f"Delete {len(source_ids)} Sources"
    steps = tuple(ops.RemoveSource(s) for s in source_ids)
    return session.push(ops.Batch(steps, name), name)


def add_sources(session: Session, sources: list[tuple[Source, bytes | None]],
                name: str = "Import Sources") -> list[str]:
    """Add imported sources as one undo step; returns their ids (empty when refused)."""
    if not sources:
        return []
    doc = session.doc
    taken = {s.id for s in doc.sources}
    steps = []
    for source, original in sources:
        if source.id in taken or doc.has_claim(source.id):
            raise DomainError(f"source id {source.id!r} is already used")
        taken.add(source.id)
        steps.append(ops.InsertSource(source, None, original))
    label = name if len(steps) > 1 else "Add Source"
    if not session.push(ops.Batch(tuple(steps), label), label):
        return []
    return [s.id for s, _ in sources]


def place_claims(session: Session, claim_ids: list[str], section_id: str,
                 index: int | None = None) -> bool:
    """Put claims (in the order given; placed ones move) into *section_id* before block
    *index* (None: at its end), as one undo step."""
    from briefing.gui.panes import outline_plan as plan

    doc = session.doc
    if not doc.has_section(section_id):
        return False
    at = len(doc.section(section_id).blocks) if index is None else index
    step = plan.place_claims(doc, claim_ids, section_id, at)
    return step is not None and session.push(step.op, step.label)


def cite_selection(session: Session, claim_id: str, source_id: str, start: int,
                   end: int) -> bool:
    """Add text[start:end] of *source_id* as another citation of *claim_id* (one step)."""
    from dataclasses import replace

    from briefing.gui.panes.excerpts import citation_for

    doc = session.doc
    if not doc.has_claim(claim_id) or not doc.source(source_id).text[start:end].strip():
        return False
    claim = doc.claim(claim_id)
    citation = citation_for(doc, source_id, start, end)
    new = replace(claim, citations=(*claim.citations, citation))
    return session.push(ops.ReplaceClaim(new), "Cite Selection")
