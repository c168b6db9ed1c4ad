"""Accepting a join: a reviewer deleted the paragraph mark between two blocks.

A join is never applied by Accept All: the analyst merges on purpose, one item at a time.
Merging puts the second block's text at the end of the first (a card keeps its fields;
the second card's citations are added to it, so every sentence stays sourced).  The
second block leaves the outline: a second *card* is never deleted — it goes back to the
board (unplaced) with its own text and citations, and :func:`merge_join` says so; second
*prose*, whose words now live in the first block, is removed.  One operation, undone as one.
"""

from __future__ import annotations

from briefing.core import ops
from briefing.core.document import Document
from briefing.core.model import Citation, evolve
from briefing.review.apply import ReviewConflict, locate
from briefing.review.items import ReviewItem
from briefing.review.snapshot import Snapshot


def _joined(first: str, second: str) -> str:
    return " ".join(f"{first.rstrip()} {second.lstrip()}".split())


def can_merge(item: ReviewItem, snap: Snapshot | None) -> bool:
    """Whether *item* is a join of two body blocks the analyst could merge."""
    if item.kind != "join" or snap is None:
        return False
    second = snap.by_name.get(item.after_block)
    return second is not None and second.kind != "heading" and item.block_kind != "heading"


def merge_join(doc: Document, item: ReviewItem, snap: Snapshot) -> tuple[ops.Op, str]:
    """The operation merging a joined pair, and what the analyst should be told."""
    if not can_merge(item, snap):
        raise ReviewConflict("the paragraph was joined to a heading; change the outline by "
                             "hand if you agree, then resolve this item")
    first_at = locate(doc, snap.by_name[item.block])
    second_block = snap.by_name[item.after_block]
    second_at = locate(doc, second_block)
    if first_at is None or second_at is None:
        raise ReviewConflict("one of the two paragraphs is no longer in the outline")
    first = doc.section(first_at[0]).blocks[first_at[1]]
    second = doc.section(second_at[0]).blocks[second_at[1]]
    second_text = doc.claim(second.claim).text if second.claim else second.text
    remove = ops.RemoveBlock(*second_at)
    if first.claim is None:
        if second.claim is not None:
            raise ReviewConflict(f"card {second.claim} would lose its citations in a prose "
                                 "paragraph; merge by hand if you agree, then resolve this item")
        prose = ops.ReplaceBlock(*first_at, evolve(first, text=_joined(first.text,
                                                                        second_text)))
        return ops.Batch((prose, remove), name="Merge paragraphs"), \
            "The second paragraph's text is now at the end of the first."
    card = doc.claim(first.claim)
    added: tuple[Citation, ...] = ()
    if second.claim is not None:
        added = tuple(c for c in doc.claim(second.claim).citations if c not in card.citations)
    merged = ops.ReplaceClaim(evolve(card, text=_joined(card.text, second_text),
                                     citations=card.citations + added))
    if second.claim is None:
        return ops.Batch((merged, remove), name="Merge paragraphs"), \
            f"The paragraph's text is now at the end of card {card.id}."
    cited = f", with its {len(added)} citation(s)," if added else ""
    message = (f"Card {second.claim}'s text{cited} is now at the end of card {card.id}. "
               f"Card {second.claim} is off the outline, unplaced on the board with its own "
               "text and citations: delete it there if you no longer need it.")
    return ops.Batch((merged, remove), name="Merge cards"), message
