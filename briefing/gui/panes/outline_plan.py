"""Outline edits planned as core ops (no Qt): drops, keyboard moves, indent and outdent.

Every function reads the Document as it is now and returns the one op (a
single op or a Batch) that performs the user's intent, or None when the
intent is refused or would change nothing (e.g. a section dropped into its
own subsection).  The outline view pushes the op as one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.core import ops
from briefing.core.document import Document
from briefing.core.model import Block


@dataclass(frozen=True)
class Plan:
    op: ops.Op
    label: str


def place_claims(doc: Document, claim_ids: list[str], section_id: str, index: int) -> Plan | None:
    """Put claims (from the board; placed ones move) into *section_id* before block *index*."""
    if not doc.has_section(section_id):
        return None
    items: list[tuple[tuple[str, int] | None, Block]] = []
    for claim_id in dict.fromkeys(claim_ids):
        if not doc.has_claim(claim_id):
            return None
        where = doc.placement(claim_id)
        block = (Block.for_claim(claim_id) if where is None
                 else doc.section(where[0]).blocks[where[1]])
        items.append((where, block))
    placing = sum(1 for where, _ in items if where is None)
    if placing == len(items):
        label = "Place Claim" if placing == 1 else f"Place {placing} Claims"
    else:
        label = "Move Claim" if len(items) == 1 else f"Move {len(items)} Blocks"
    return _move_blocks(doc, items, section_id, index, label)


def move_blocks(doc: Document, blocks: list[tuple[str, int]], section_id: str,
                index: int) -> Plan | None:
    """Move outline blocks ``(section id, index)`` to *section_id* before block *index*."""
    if not doc.has_section(section_id):
        return None
    items: list[tuple[tuple[str, int] | None, Block]] = []
    for sid, i in dict.fromkeys(blocks):
        if not doc.has_section(sid) or not 0 <= i < len(doc.section(sid).blocks):
            return None
        items.append(((sid, i), doc.section(sid).blocks[i]))
    label = "Move Block" if len(items) == 1 else f"Move {len(items)} Blocks"
    return _move_blocks(doc, items, section_id, index, label)


def _move_blocks(doc: Document, items: list[tuple[tuple[str, int] | None, Block]],
                 section_id: str, index: int, label: str) -> Plan | None:
    if not items:
        return None
    index = max(0, min(index, len(doc.section(section_id).blocks)))
    moving = [where for where, _ in items if where is not None]
    before = sum(1 for sid, i in moving if sid == section_id and i < index)
    target = index - before
    if len(items) == 1 and moving:
        sid, i = moving[0]
        if sid == section_id and i == target:
            return None
        return Plan(ops.MoveBlock(sid, i, section_id, target), label)
    steps: list[ops.Op] = [ops.RemoveBlock(sid, i)
                           for sid, i in sorted(moving, key=lambda w: (w[0], -w[1]))]
    steps += [ops.InsertBlock(section_id, target + k, block)
              for k, (_where, block) in enumerate(items)]
    return Plan(ops.Batch(tuple(steps), label), label)


def move_section(doc: Document, section_id: str, parent: str | None,
                 child_index: int) -> Plan | None:
    """Move a section under *parent* (None: top level) before child *child_index*.

    Refused (None) when *parent* is the section itself or one of its descendants.
    """
    if not doc.has_section(section_id) or (parent is not None and not doc.has_section(parent)):
        return None
    if parent in {s.id for s in doc.section(section_id).walk()}:
        return None
    old_parent = doc.parent_of(section_id)
    old_index = doc.section_index(section_id)
    siblings = doc.sections if parent is None else doc.section(parent).sections
    child_index = max(0, min(child_index, len(siblings)))
    if parent == old_parent and child_index > old_index:
        child_index -= 1
    if parent == old_parent and child_index == old_index:
        return None
    return Plan(ops.MoveSection(section_id, parent, child_index), "Move Section")


def _siblings(doc: Document, section_id: str) -> tuple[str | None, int, int]:
    parent = doc.parent_of(section_id)
    count = len(doc.sections if parent is None else doc.section(parent).sections)
    return parent, doc.section_index(section_id), count


def shift_section(doc: Document, section_id: str, delta: int) -> Plan | None:
    """Move a section up (-1) or down (+1) among its siblings."""
    parent, index, count = _siblings(doc, section_id)
    if not 0 <= index + delta < count:
        return None
    return Plan(ops.MoveSection(section_id, parent, index + delta), "Move Section")


def shift_block(doc: Document, section_id: str, index: int, delta: int) -> Plan | None:
    """Move a block up (-1) or down (+1); from its section's edge it moves into the
    previous section (as its last block) or the next one (as its first), in reading order."""
    count = len(doc.section(section_id).blocks)
    if not 0 <= index < count:
        return None
    if 0 <= index + delta < count:
        return Plan(ops.MoveBlock(section_id, index, section_id, index + delta), "Move Block")
    order = [s.id for s in doc.all_sections()]
    neighbour = order.index(section_id) + (1 if delta > 0 else -1)
    if not 0 <= neighbour < len(order):
        return None
    target = order[neighbour]
    position = 0 if delta > 0 else len(doc.section(target).blocks)
    return Plan(ops.MoveBlock(section_id, index, target, position), "Move Block")


def indent_section(doc: Document, section_id: str) -> Plan | None:
    """Make a section the last subsection of the sibling above it."""
    parent, index, _count = _siblings(doc, section_id)
    if index == 0:
        return None
    siblings = doc.sections if parent is None else doc.section(parent).sections
    above = siblings[index - 1]
    return Plan(ops.MoveSection(section_id, above.id, len(above.sections)), "Indent Section")


def outdent_section(doc: Document, section_id: str) -> Plan | None:
    """Make a subsection the sibling right after its parent."""
    parent = doc.parent_of(section_id)
    if parent is None:
        return None
    grandparent = doc.parent_of(parent)
    return Plan(ops.MoveSection(section_id, grandparent, doc.section_index(parent) + 1),
                "Outdent Section")


def remove_blocks(doc: Document, blocks: list[tuple[str, int]]) -> Plan | None:
    """Take blocks out of the outline (claims go back to the board; prose is deleted)."""
    valid = [(s, i) for s, i in dict.fromkeys(blocks)
             if doc.has_section(s) and 0 <= i < len(doc.section(s).blocks)]
    if not valid:
        return None
    steps = tuple(ops.RemoveBlock(s, i) for s, i in sorted(valid, key=lambda w: (w[0], -w[1])))
    claims = [doc.section(s).blocks[i].claim for s, i in valid]
    if all(claims):
        label = "Return Claim to Board" if len(valid) == 1 else "Return Claims to Board"
    else:
        label = "Remove from Outline"
    return Plan(steps[0] if len(steps) == 1 else ops.Batch(steps, label), label)


def place_passage(doc: Document, source_id: str, start: int, end: int, section_id: str,
                  index: int) -> Plan | None:
    """A new card citing text[start:end] of a source, placed in *section_id* before block
    *index*: one step (a passage dragged from the Reader onto the outline)."""
    from briefing.gui.panes.excerpts import claim_from_selection

    if not doc.has_section(section_id) or not doc.has_source(source_id):
        return None
    text = doc.source(source_id).text
    if not 0 <= start < end <= len(text) or not text[start:end].strip():
        return None
    claim = claim_from_selection(doc, source_id, start, end)
    index = max(0, min(index, len(doc.section(section_id).blocks)))
    label = "Place New Claim from Passage"
    return Plan(ops.Batch((ops.InsertClaim(claim), ops.InsertBlock(
        section_id, index, Block.for_claim(claim.id))), label), label)
