"""Pure functions over the section tree (tuples of frozen Sections).

Edits copy the path from the root to the changed section, so unchanged
sections are shared between the old and the new tree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TypeVar

from briefing.core.errors import DomainError
from briefing.core.model import Block, Section

_T = TypeVar("_T")

Roots = tuple[Section, ...]


def iter_sections(roots: Roots) -> Iterator[tuple[Section, str | None, int]]:
    """Every section with its parent id and index, in reading order."""
    stack: list[tuple[Section, str | None, int]] = [
        (s, None, i) for i, s in reversed(list(enumerate(roots)))
    ]
    while stack:
        section, parent, index = stack.pop()
        yield section, parent, index
        stack.extend((c, section.id, i) for i, c in reversed(list(enumerate(section.sections))))


def map_section(roots: Roots, section_id: str, change: Callable[[Section], Section]) -> Roots:
    """A new tree where the section *section_id* is replaced by ``change(section)``."""
    new_roots, found = _map(roots, section_id, change)
    if not found:
        raise DomainError(f"no section with id {section_id!r}")
    return new_roots


def _map(
    sections: Roots, section_id: str, change: Callable[[Section], Section]
) -> tuple[Roots, bool]:
    for i, section in enumerate(sections):
        if section.id == section_id:
            return sections[:i] + (change(section),) + sections[i + 1 :], True
        children, found = _map(section.sections, section_id, change)
        if found:
            return sections[:i] + (replace(section, sections=children),) + sections[i + 1 :], True
    return sections, False


def children_of(roots: Roots, parent: str | None, find: Callable[[str], Section]) -> Roots:
    return roots if parent is None else find(parent).sections


def with_children(roots: Roots, parent: str | None, children: Roots) -> Roots:
    """A new tree where *parent*'s child list (or the root list) is *children*."""
    if parent is None:
        return children
    return map_section(roots, parent, lambda s: replace(s, sections=children))


def insert_at(items: tuple[_T, ...], index: int | None, item: _T) -> tuple[_T, ...]:
    """*items* with *item* inserted at *index* (None or past the end: append)."""
    if index is None or index >= len(items):
        return items + (item,)
    if index < 0:
        raise DomainError(f"position {index} is out of range")
    return items[:index] + (item,) + items[index:]


def remove_at(items: tuple[_T, ...], index: int) -> tuple[_T, ...]:
    check_index(items, index)
    return items[:index] + items[index + 1 :]


def check_index(items: tuple[object, ...], index: int) -> None:
    if not 0 <= index < len(items):
        raise DomainError(f"position {index} is out of range (0–{len(items) - 1})")


def claim_refs(section: Section) -> Iterator[str]:
    """Claim ids placed in *section* and its descendants."""
    for node in section.walk():
        for block in node.blocks:
            if block.claim is not None:
                yield block.claim


def find_block(roots: Roots, claim_id: str) -> tuple[str, int] | None:
    """(section id, block index) where *claim_id* is placed, or None."""
    for section, _parent, _index in iter_sections(roots):
        for i, block in enumerate(section.blocks):
            if block.claim == claim_id:
                return section.id, i
    return None


def replace_blocks(roots: Roots, section_id: str, blocks: tuple[Block, ...]) -> Roots:
    return map_section(roots, section_id, lambda s: replace(s, blocks=blocks))
