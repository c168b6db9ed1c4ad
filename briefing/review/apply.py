"""Accepting a review item: the one document operation it stands for.

Text proposals are replayed word by word on the card or prose as it is now
(:func:`briefing.review.diff.patch`), so the analyst's later edits elsewhere
survive; a proposal whose words are gone raises :class:`ReviewConflict`.
Accepting never deletes a claim (a deleted claim paragraph is taken off the
outline; the card stays on the board) nor a citation, unless the analyst chose
``remove_citation`` for a removed note reference.  Comments and note findings
are either resolved (no change) or kept as a note on the card or citation.
"""

from __future__ import annotations

import re

from briefing.core import ops
from briefing.core.document import Document
from briefing.core.errors import DomainError
from briefing.core.model import Block, evolve
from briefing.core.vocab import US_LEVELS, level_rank, marking_levels
from briefing.export.ir import UNTITLED_SECTION
from briefing.export.sanitize import clean_block, clean_line
from briefing.review.diff import normalise, patch, similarity
from briefing.review.items import ReviewItem
from briefing.review.snapshot import SnapBlock, Snapshot


class ReviewConflict(DomainError):
    """The briefing no longer holds what a review item would change."""


def _display(item: ReviewItem, text: str) -> str:
    return normalise(" ".join(p for p in (item.portion, text, item.estimate) if p))


def _patched_text(item: ReviewItem, current_text: str) -> str:
    current = _display(item, clean_block(current_text))
    if current != item.before and patch(current, item.after, item.before) is not None:
        raise ReviewConflict("the briefing already has this change")
    result = patch(current, item.before, item.after)
    if result is None:
        raise ReviewConflict("the words this proposal changes are no longer in the briefing")
    prefix = f"{item.portion} " if item.portion else ""
    suffix = f" {item.estimate}" if item.estimate else ""
    if not (result.startswith(prefix) and result.endswith(suffix)):
        raise ReviewConflict("this proposal edits the portion mark or the estimate; change "
                             "those in the card's fields")
    text = result[len(prefix) : len(result) - len(suffix)].strip()
    if not text:
        raise ReviewConflict("this proposal empties the paragraph; delete it in the outline")
    return text


def locate(doc: Document, block: SnapBlock) -> tuple[str, int] | None:
    """Where the exported *block* (a claim or prose) sits in the briefing now."""
    if block.claim is not None:
        return doc.placement(block.claim) if doc.has_claim(block.claim) else None
    if not doc.has_section(block.section):
        return None
    blocks = doc.section(block.section).blocks
    if 0 <= block.index < len(blocks) and blocks[block.index].claim is None \
            and clean_block(blocks[block.index].text) == block.text:
        return block.section, block.index
    scored = [
        (similarity(clean_block(b.text), block.text), i)
        for i, b in enumerate(blocks)
        if b.claim is None
    ]
    best = max(scored, default=(0.0, -1))
    return (block.section, best[1]) if best[0] >= 0.6 else None


def _block_of(item: ReviewItem, snap: Snapshot) -> SnapBlock:
    block = snap.by_name.get(item.block)
    if block is None:
        raise ReviewConflict("the paragraph this item concerns is not in the exported file")
    return block


def accept_op(doc: Document, item: ReviewItem, snap: Snapshot) -> ops.Op | None:
    """The operation accepting *item* applies (None: nothing to change, e.g. a comment)."""
    if item.kind == "edit":
        return _edit(doc, item, snap)
    if item.kind == "split":
        return _split(doc, item, snap)
    if item.kind == "rename":
        if not doc.has_section(item.section_id):
            raise ReviewConflict("the section was deleted")
        current = clean_line(doc.section(item.section_id).title) or UNTITLED_SECTION
        if current == item.after:
            raise ReviewConflict("the heading already has this title")
        title = patch(current, item.before, item.after)
        if title is None:
            raise ReviewConflict("the heading was renamed since the export")
        return ops.RenameSection(item.section_id, title)
    if item.kind == "delete":
        return _delete(doc, item, snap)
    if item.kind == "move":
        return _move(doc, item, snap)
    if item.kind == "new":
        if not doc.has_section(item.to_section):
            raise ReviewConflict("the section was deleted")
        index = _insertion_index(doc, item.to_section, item.after_block, snap, None)
        return ops.InsertBlock(item.to_section, index, new_prose(doc, item.after))
    return None


_LEADING_MARK = re.compile(r"\(([^()\n]{1,40})\)\s+(?=\S)")


def new_prose(doc: Document, text: str) -> Block:
    """The reviewer's new paragraph as prose; a portion mark typed before it, as the
    exported paragraphs show theirs, goes to the block's portion (not its text, where the
    export would print it a second time or the checks miss it)."""
    scheme = doc.info.marking_scheme
    found = _LEADING_MARK.match(text)
    rank = level_rank(scheme, found.group(1)) if found and marking_levels(scheme) else None
    if found is None or rank is None:
        return Block.prose(text)
    level = US_LEVELS[rank][0] if scheme == "us" else marking_levels(scheme)[rank]
    return Block.prose(text[found.end():], portion=level)


def preview(doc: Document, item: ReviewItem, snap: Snapshot) -> tuple[str, str] | None:
    """(the text as it is now, the text accepting gives) for an edit or a rename, as the
    reader saw them (portion mark and estimate included); None for other kinds.
    Raises :class:`ReviewConflict` when accepting would fail."""
    op = accept_op(doc, item, snap) if item.kind in ("edit", "rename") else None
    if isinstance(op, ops.RenameSection):
        return clean_line(doc.section(op.section_id).title) or UNTITLED_SECTION, op.title
    if isinstance(op, ops.ReplaceClaim):
        now = doc.claim(op.claim.id).text
    elif isinstance(op, ops.ReplaceBlock):
        now = doc.section(op.section_id).blocks[op.index].text
    else:
        return None
    result = op.claim.text if isinstance(op, ops.ReplaceClaim) else op.block.text
    return _display(item, clean_block(now)), _display(item, clean_block(result))


def _edit(doc: Document, item: ReviewItem, snap: Snapshot) -> ops.Op:
    if item.block_kind == "claim" and item.claim_id is not None:
        if not doc.has_claim(item.claim_id):
            raise ReviewConflict("the card was deleted")
        claim = doc.claim(item.claim_id)
        return ops.ReplaceClaim(evolve(claim, text=_patched_text(item, claim.text)))
    where = locate(doc, _block_of(item, snap))
    if where is None:
        raise ReviewConflict("the paragraph is no longer in the outline")
    block = doc.section(where[0]).blocks[where[1]]
    return ops.ReplaceBlock(where[0], where[1], evolve(block, text=_patched_text(item, block.text)))


def _split(doc: Document, item: ReviewItem, snap: Snapshot) -> ops.Op | None:
    """A paragraph the reviewer split with Enter.  Prose becomes the paragraphs the reviewer
    made; a card holds one claim, so it stays one card, with its citations and notes, and
    takes only the words the reviewer changed (None when there are none)."""
    if item.block_kind == "claim" and item.claim_id is not None:
        if not doc.has_claim(item.claim_id):
            raise ReviewConflict("the card was deleted")
        claim = doc.claim(item.claim_id)
        text = " ".join(_patched_text(item, claim.text).split())
        return None if text == " ".join(claim.text.split()) else \
            ops.ReplaceClaim(evolve(claim, text=text))
    where = locate(doc, _block_of(item, snap))
    if where is None:
        raise ReviewConflict("the paragraph is no longer in the outline")
    section, index = where
    block = doc.section(section).blocks[index]
    first, *rest = [line.strip() for line in _patched_text(item, block.text).split("\n")
                    if line.strip()]
    steps: list[ops.Op] = [ops.ReplaceBlock(section, index, evolve(block, text=first))]
    steps += [ops.InsertBlock(section, index + n, evolve(block, text=line, extra={}))
              for n, line in enumerate(rest, start=1)]
    return ops.Batch(tuple(steps), name="Split paragraph")


def _delete(doc: Document, item: ReviewItem, snap: Snapshot) -> ops.Op:
    if item.block_kind == "heading":
        raise ReviewConflict("a section is not deleted from a review; resolve this item and "
                             "remove the section in the outline if you agree")
    block = _block_of(item, snap)
    where = locate(doc, block)
    if where is None:
        raise ReviewConflict("the paragraph is already gone from the outline")
    if block.claim is None and clean_block(doc.section(where[0]).blocks[where[1]].text) \
            != block.text:
        raise ReviewConflict("the paragraph was edited since the export; delete it in the "
                             "outline if you still want it gone")
    return ops.RemoveBlock(*where)


def _insertion_index(
    doc: Document, section: str, after: str, snap: Snapshot, moving: tuple[str, int] | None
) -> int:
    if not after:
        return 0
    where = locate(doc, _block_of_name(after, snap))
    if where is None or where[0] != section:
        return len(doc.section(section).blocks) - (1 if moving and moving[0] == section else 0)
    index = where[1] + 1
    if moving is not None and moving[0] == section and moving[1] < where[1] + 1:
        index -= 1
    return index


def _block_of_name(name: str, snap: Snapshot) -> SnapBlock:
    block = snap.by_name.get(name)
    if block is None:
        raise ReviewConflict("the paragraph it follows is not in the exported file")
    return block


def _move(doc: Document, item: ReviewItem, snap: Snapshot) -> ops.Op:
    where = locate(doc, _block_of(item, snap))
    if where is None:
        raise ReviewConflict("the paragraph is no longer in the outline")
    if not doc.has_section(item.to_section):
        raise ReviewConflict("the section it moved to was deleted")
    index = _insertion_index(doc, item.to_section, item.after_block, snap, where)
    return ops.MoveBlock(where[0], where[1], item.to_section, index)


def note_op(doc: Document, item: ReviewItem, *, remove_citation: bool = False) -> ops.Op:
    """Keep *item* as a note: on its citation for note findings, else on its card.

    With *remove_citation* (the analyst's explicit choice, only for a removed note
    reference) the citation itself is removed from the card instead.
    """
    if item.claim_id is None or not doc.has_claim(item.claim_id):
        raise ReviewConflict("this item is not on a card; resolve it instead")
    claim = doc.claim(item.claim_id)
    line = review_note(item)
    if item.citation is not None and 0 <= item.citation < len(claim.citations):
        citations = list(claim.citations)
        if remove_citation and item.kind == "reference-removed":
            del citations[item.citation]
        else:
            cited = citations[item.citation]
            citations[item.citation] = evolve(cited, note=_append(cited.note, line))
        return ops.ReplaceClaim(evolve(claim, citations=tuple(citations)))
    return ops.ReplaceClaim(evolve(claim, notes=_append(claim.notes, line)))


def _append(existing: str, line: str) -> str:
    return f"{existing.rstrip()}\n{line}" if existing.strip() else line


def review_note(item: ReviewItem) -> str:
    """The note line kept for *item* ("Review, Jane Doe, 2026-01-05: …")."""
    head = f"Review, {item.reviewer}" + (f", {item.date[:10]}" if item.date else "")
    if item.kind == "comment":
        words = f" (on “{normalise(item.words)}”)" if item.words else ""
        replies = "".join(f" — {r.author}: {normalise(r.text)}" for r in item.replies)
        return f"{head}{words}: {normalise(item.text)}{replies}"
    if item.kind == "note-edit":
        return f"{head}: note changed to “{item.after}”"
    if item.kind == "note-added":
        return f"{head}: note added “{item.after}”"
    if item.kind == "note-deleted":
        return f"{head}: note deleted"
    if item.kind == "reference-removed":
        return f"{head}: note reference removed from the paragraph"
    return f"{head}: {item.label}"
