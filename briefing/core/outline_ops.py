"""Document handlers for outline edits (sections and blocks).

These functions are the outline half of :class:`Document`'s apply table; they
read and replace the document's section tree and keep its two indexes
(section id → (section, parent id) and claim id → section id) in step.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from briefing.core import ops
from briefing.core import outline as tree
from briefing.core.errors import DomainError
from briefing.core.model import Block, Section
from briefing.core.validate import check_text

if TYPE_CHECKING:
    from briefing.core.document import Document


def reindex(doc: Document) -> None:
    """Rebuild the section and placement indexes from the tree."""
    sections: dict[str, tuple[Section, str | None]] = {}
    placement: dict[str, str] = {}
    for section, parent, _index in tree.iter_sections(doc._roots):
        sections[section.id] = (section, parent)
        for block in section.blocks:
            if block.claim is not None:
                placement[block.claim] = section.id
    doc._sections = sections
    doc._placement = placement


def _check_block(doc: Document, block: Block, where: str, placing: set[str]) -> None:
    check_text(block.text, f"{where}: text")
    if block.claim is None:
        return
    if block.claim not in doc._claims:
        raise DomainError(f"{where}: no claim with id {block.claim!r}")
    if block.claim in doc._placement or block.claim in placing:
        raise DomainError(f"{where}: claim {block.claim!r} is already placed in the outline")
    placing.add(block.claim)


def _check_new_section(doc: Document, section: Section) -> None:
    seen: set[str] = set()
    placing: set[str] = set()
    for node in section.walk():
        if not node.id:
            raise DomainError("a section needs an id")
        if node.id in doc._sections or node.id in seen:
            raise DomainError(f"a section with id {node.id!r} already exists")
        seen.add(node.id)
        check_text(node.title, f"section {node.id!r}: title")
        for i, block in enumerate(node.blocks):
            _check_block(doc, block, f"section {node.id!r}, block {i + 1}", placing)


def insert_section(doc: Document, op: ops.InsertSection) -> ops.Op:
    _check_new_section(doc, op.section)
    siblings = tree.children_of(doc._roots, op.parent, doc.section)
    index = len(siblings) if op.index is None else op.index
    doc._roots = tree.with_children(
        doc._roots, op.parent, tree.insert_at(siblings, index, op.section)
    )
    reindex(doc)
    return ops.RemoveSection(op.section.id)


def remove_section(doc: Document, op: ops.RemoveSection) -> ops.Op:
    section = doc.section(op.section_id)
    parent = doc.parent_of(section.id)
    index = doc.section_index(section.id)
    siblings = tree.children_of(doc._roots, parent, doc.section)
    doc._roots = tree.with_children(doc._roots, parent, tree.remove_at(siblings, index))
    reindex(doc)
    return ops.InsertSection(section, parent, index)


def rename_section(doc: Document, op: ops.RenameSection) -> ops.Op:
    old = doc.section(op.section_id).title
    check_text(op.title, f"section {op.section_id!r}: title")
    doc._roots = tree.map_section(doc._roots, op.section_id, lambda s: replace(s, title=op.title))
    reindex(doc)
    return ops.RenameSection(op.section_id, old)


def move_section(doc: Document, op: ops.MoveSection) -> ops.Op:
    section = doc.section(op.section_id)
    if op.parent is not None:
        doc.section(op.parent)
        if op.parent in {s.id for s in section.walk()}:
            raise DomainError(f"cannot move section {section.title!r} into itself")
    old_parent = doc.parent_of(section.id)
    old_index = doc.section_index(section.id)
    siblings = tree.children_of(doc._roots, old_parent, doc.section)
    room = len(tree.children_of(doc._roots, op.parent, doc.section))
    room -= 1 if op.parent == old_parent else 0
    if not 0 <= op.index <= room:
        raise DomainError(f"position {op.index} is out of range (0–{room})")
    doc._roots = tree.with_children(doc._roots, old_parent, tree.remove_at(siblings, old_index))
    reindex(doc)
    targets = tree.children_of(doc._roots, op.parent, doc.section)
    doc._roots = tree.with_children(
        doc._roots, op.parent, tree.insert_at(targets, op.index, section)
    )
    reindex(doc)
    return ops.MoveSection(section.id, old_parent, old_index)


def insert_block(doc: Document, op: ops.InsertBlock) -> ops.Op:
    section = doc.section(op.section_id)
    _check_block(doc, op.block, f"section {section.id!r}", set())
    index = len(section.blocks) if op.index is None else op.index
    if not 0 <= index <= len(section.blocks):
        raise DomainError(f"position {index} is out of range (0–{len(section.blocks)})")
    blocks = tree.insert_at(section.blocks, index, op.block)
    doc._roots = tree.replace_blocks(doc._roots, section.id, blocks)
    reindex(doc)
    return ops.RemoveBlock(section.id, index)


def remove_block(doc: Document, op: ops.RemoveBlock) -> ops.Op:
    section = doc.section(op.section_id)
    tree.check_index(section.blocks, op.index)
    block = section.blocks[op.index]
    doc._roots = tree.replace_blocks(
        doc._roots, section.id, tree.remove_at(section.blocks, op.index)
    )
    reindex(doc)
    return ops.InsertBlock(section.id, op.index, block)


def replace_block(doc: Document, op: ops.ReplaceBlock) -> ops.Op:
    section = doc.section(op.section_id)
    tree.check_index(section.blocks, op.index)
    old = section.blocks[op.index]
    if op.block.claim != old.claim:
        raise DomainError("a block cannot change which claim it holds; move or remove it")
    check_text(op.block.text, f"section {section.id!r}, block {op.index + 1}: text")
    blocks = section.blocks[: op.index] + (op.block,) + section.blocks[op.index + 1 :]
    doc._roots = tree.replace_blocks(doc._roots, section.id, blocks)
    reindex(doc)
    return ops.ReplaceBlock(section.id, op.index, old)


def move_block(doc: Document, op: ops.MoveBlock) -> ops.Op:
    source = doc.section(op.section_id)
    tree.check_index(source.blocks, op.index)
    target = doc.section(op.to_section)
    block = source.blocks[op.index]
    target_len = len(target.blocks) - (1 if target.id == source.id else 0)
    if not 0 <= op.to_index <= target_len:
        raise DomainError(f"position {op.to_index} is out of range (0–{target_len})")
    doc._roots = tree.replace_blocks(doc._roots, source.id, tree.remove_at(source.blocks, op.index))
    reindex(doc)
    target_blocks = doc.section(op.to_section).blocks
    doc._roots = tree.replace_blocks(
        doc._roots, op.to_section, tree.insert_at(target_blocks, op.to_index, block)
    )
    reindex(doc)
    return ops.MoveBlock(op.to_section, op.to_index, op.section_id, op.index)
