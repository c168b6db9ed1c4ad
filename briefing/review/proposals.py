"""Text and structure proposals: edits (tracked and untracked), renames, deletions,
moves and new paragraphs, each tied to the block it concerns."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from briefing.review.diff import normalise
from briefing.review.items import UNKNOWN_REVIEWER, ReviewItem
from briefing.review.layout import Layout, Placed
from briefing.review.snapshot import SnapBlock, Snapshot
from briefing.review.wordxml import Para


def where_fields(block: SnapBlock) -> dict[str, Any]:
    return {
        "block": block.name,
        "block_kind": block.kind,
        "claim_id": block.claim,
        "section_id": block.section,
        "index": block.index,
        "order": block.order,
        "portion": block.portion,
        "estimate": block.estimate,
        "snap_text": block.text,
    }


def change_authors(para: Para) -> list[tuple[str, str]]:
    """Authors of the paragraph's text changes (moves excluded), first date each."""
    seen: dict[str, str] = {}
    for piece in para.pieces:
        if piece.ins is not None and piece.delete is not None:
            continue  # inserted, then deleted again: no net change
        for change in (piece.ins, piece.delete):
            if change is not None and not change.move:
                seen.setdefault(change.author or UNKNOWN_REVIEWER, change.date)
    return list(seen.items())


def received_text(para: Para) -> str:
    """The paragraph as the reviewer received it: insertions out, moved text in place."""
    return "".join(p.text for p in para.pieces if p.ins is None or p.ins.move)


def author_view(para: Para, author: str) -> str:
    """The paragraph with only *author*'s changes applied (an insertion someone deleted
    again is in no view: accepting everything leaves it out, rejecting too)."""
    return "".join(
        p.text
        for p in para.pieces
        if not (p.ins is not None and p.delete is not None and not p.ins.move)
        and (p.ins is None or p.ins.move or (p.ins.author or UNKNOWN_REVIEWER) == author)
        and not (p.delete is not None and not p.delete.move
                 and (p.delete.author or UNKNOWN_REVIEWER) == author)
    )


def edit_items(paras: list[Para], placed: Placed, last_author: str) -> list[ReviewItem]:
    block, para = placed.block, paras[placed.para]
    kind = "rename" if block.kind == "heading" else "edit"
    if para.split:
        return _split_items(para, placed, last_author)
    exported = normalise(block.display)
    received = normalise(received_text(para))
    items = []
    where = where_fields(block)
    if received != exported:
        items.append(
            ReviewItem(kind, "untracked", last_author, before=exported, after=received,
                       similarity=placed.similarity, **where)
        )
    for author, date in change_authors(para):
        after = normalise(author_view(para, author))
        if after != received:
            items.append(
                ReviewItem(kind, "tracked", author, date=date, before=received, after=after,
                           **where)
            )
    return items


def _split_items(para: Para, placed: Placed, last_author: str) -> list[ReviewItem]:
    """A block the reviewer split with Enter: one ``split`` proposal per author of a break
    (the text with its breaks, and whatever else that author changed), plain edits for the
    others' changes; the note references stay with the block."""
    block = placed.block
    where = where_fields(block)
    exported = normalise(block.display)
    received = normalise(received_text(para))
    items = []
    if received != exported:
        kind = "split" if received.count("\n") > exported.count("\n") else "edit"
        items.append(ReviewItem(kind, "untracked", last_author, before=exported,
                                after=received, similarity=placed.similarity, **where))
    for author, date in change_authors(para):
        after = normalise(author_view(para, author))
        if after != received:
            kind = "split" if after.count("\n") > received.count("\n") else "edit"
            items.append(ReviewItem(kind, "tracked", author, date=date, before=received,
                                    after=after, **where))
    return items


def _section_of(paras_order: list[tuple[int, SnapBlock]]) -> dict[str, str]:
    """Each placed body block → the section of the nearest heading above it."""
    found: dict[str, str] = {}
    current = ""
    for _, block in paras_order:
        if block.kind == "heading":
            current = block.section
        else:
            found[block.name] = current
    return found


def _lcs_keep(sequence: list[int]) -> set[int]:
    """Items of *sequence* on a longest increasing subsequence (the ones that did not move)."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(sequence)
    for i, value in enumerate(sequence):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(i)
        else:
            tails[k] = value
            tail_at[k] = i
        previous[i] = tail_at[k - 1] if k else -1
    keep: set[int] = set()
    i = tail_at[-1] if tail_at else -1
    while i != -1:
        keep.add(sequence[i])
        i = previous[i]
    return keep


def structure_items(
    paras: list[Para], snap: Snapshot, layout: Layout, last_author: str
) -> list[ReviewItem]:
    items: list[ReviewItem] = []
    for name, change in layout.vanished.items():
        block = snap.by_name[name]
        into = layout.merged.get(name)
        text = f"joined to the paragraph of {into}" if into else ""
        reviewer = (change.author or UNKNOWN_REVIEWER) if change else last_author
        items.append(
            ReviewItem("delete", "tracked" if change else "untracked", reviewer,
                       date=change.date if change else "", before=normalise(block.display),
                       text=text, **where_fields(block))
        )
    items += _joins(paras, layout)
    order = sorted(((p.para, p.block) for p in layout.placed.values()), key=lambda x: x[0])
    sections = _section_of(order)
    found_headings = {b.section for _, b in order if b.kind == "heading"}
    items += _moves(order, sections, found_headings, layout, last_author)
    items += _new_paragraphs(paras, layout, order, sections, last_author)
    return items


def _joins(paras: list[Para], layout: Layout) -> list[ReviewItem]:
    """A paragraph mark deleted with tracking joins the block to the next paragraph
    (*after_block*): shown, and merged only when the analyst accepts this one item
    (:mod:`briefing.review.joins`)."""
    items = []
    for placed in layout.placed.values():
        change = paras[placed.para].mark_del
        if change is None or change.move:
            continue
        following = layout.placed.get(layout.para_block.get(placed.para + 1, ""))
        what = f"“{normalise(following.block.display)}”" if following else "the next paragraph"
        items.append(ReviewItem(
            "join", "tracked", change.author or UNKNOWN_REVIEWER, date=change.date,
            before=normalise(placed.block.display), text=f"joined with {what}",
            after_block=following.block.name if following else "",
            **where_fields(placed.block)))
    return items


def _moves(
    order: list[tuple[int, SnapBlock]], sections: dict[str, str], found_headings: set[str],
    layout: Layout, last_author: str,
) -> list[ReviewItem]:
    items = []
    by_section: dict[str, list[SnapBlock]] = {}
    for _, block in order:
        if block.kind != "heading":
            by_section.setdefault(sections[block.name], []).append(block)
    for section, blocks in by_section.items():
        staying = [b for b in blocks if b.section == section or b.section not in found_headings]
        keep = _lcs_keep([b.order for b in staying])
        for position, block in enumerate(blocks):
            cross = block.section != section and block.section in found_headings
            if not cross and block.order in keep:
                continue
            placed = layout.placed[block.name]
            change = placed.moved_by
            reviewer = (change.author or UNKNOWN_REVIEWER) if change else last_author
            after_block = blocks[position - 1].name if position else ""
            items.append(
                ReviewItem("move", "tracked" if change else "untracked", reviewer,
                           date=change.date if change else "", before=normalise(block.display),
                           to_section=section, after_block=after_block, **where_fields(block))
            )
    return items


def _new_paragraphs(
    paras: list[Para], layout: Layout, order: list[tuple[int, SnapBlock]],
    sections: dict[str, str], last_author: str,
) -> list[ReviewItem]:
    items = []
    for i in layout.new:
        para = paras[i]
        above = [b for p, b in order if p < i]
        section = next((b.section for b in reversed(above) if b.kind == "heading"), "")
        after_block = next(
            (b.name for b in reversed(above) if b.kind == "heading" or sections.get(b.name)
             == section), "")
        anchor = above[-1] if above else None
        change = para.mark_ins or next((p.ins for p in para.pieces if p.ins), None)
        reviewer = (change.author or UNKNOWN_REVIEWER) if change else last_author
        text = "typed as a heading" if para.is_heading else ""
        items.append(
            ReviewItem("new", "tracked" if change else "untracked", reviewer,
                       date=change.date if change else "", after=normalise(para.accepted),
                       text=text, section_id=section, to_section=section,
                       after_block="" if after_block.startswith("_brf_s_") else after_block,
                       order=anchor.order if anchor else -1,
                       block=anchor.name if anchor else "")
        )
    return items
