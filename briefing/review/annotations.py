"""Notes and comments in a reviewed file, each tied to its claim, citation or block.

Notes are matched to citations through the references in each claim's paragraph
(their numbers may have been renumbered by the reviewer's word processor): in order
when as many remain as were exported, else by the likeness of the note texts.
Comments come from ``comments.xml``; replies and the "done" state from
``commentsExtended.xml`` (w15), threaded by the paragraph id of a comment's last
paragraph.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from lxml import etree

from briefing.review.diff import normalise, similarity
from briefing.review.items import UNKNOWN_REVIEWER, Reply, ReviewItem
from briefing.review.layout import Layout
from briefing.review.proposals import author_view, change_authors, received_text, where_fields
from briefing.review.snapshot import SnapBlock, Snapshot
from briefing.review.wordxml import (
    W14,
    NoteRef,
    Para,
    W,
    body_paragraphs,
    plain_text,
    read_paragraph,
)

W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
Owner = tuple[SnapBlock, int | None]
"""The claim block a note belongs to and its exported number (None: added by the reviewer)."""
Position = tuple[int, int]
"""(paragraph index, offset in its accepted text)."""
MAX_WORDS = 2000


def read_notes(root: etree._Element | None, tag: str) -> dict[str, list[Para]]:
    """Note id → its paragraphs (separators left out)."""
    if root is None:
        return {}
    notes = {}
    for note in root.iter(f"{W}{tag}"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        notes[note.get(f"{W}id") or ""] = [read_paragraph(p) for p in body_paragraphs(note)]
    return notes


def _view_of(para: Para, author: str) -> str:
    return author_view(para, author)


def _joined(paras: list[Para], view: Callable[[Para], str]) -> str:
    return normalise("\n".join(view(p) for p in paras))


def note_items(
    paras: list[Para], snap: Snapshot, layout: Layout, notes: dict[str, list[Para]],
    last_author: str,
) -> tuple[list[ReviewItem], dict[str, tuple[SnapBlock, int | None]]]:
    """Items for edited, deleted, added and unreferenced notes; and note id → (block, note)."""
    items: list[ReviewItem] = []
    owner: dict[str, tuple[SnapBlock, int | None]] = {}
    for placed in layout.placed.values():
        block = placed.block
        if block.kind != "claim":
            continue
        refs = paras[placed.para].refs
        kept = [r for r in refs if r.ins is None]
        pairs = _pair(block, kept, notes, snap)
        for number in block.refs:
            ref = pairs.get(number)
            note = snap.notes.get(number)
            if note is None:
                continue
            common = {**where_fields(block), "citation": note.citation, "note_number": number,
                      "before": normalise(note.text)}
            if ref is None or ref.delete is not None:
                change = ref.delete if ref is not None else None
                items.append(ReviewItem(
                    "reference-removed", "tracked" if change else "untracked",
                    (change.author or UNKNOWN_REVIEWER) if change else last_author,
                    date=change.date if change else "", **common))
                continue
            owner[ref.note_id] = (block, number)
            items += _note_text_items(notes.get(ref.note_id), common, last_author)
        for ref in refs:
            if ref.ins is not None and ref.note_id in notes:
                owner[ref.note_id] = (block, None)
                items.append(ReviewItem(
                    "note-added", "tracked", ref.ins.author or UNKNOWN_REVIEWER,
                    date=ref.ins.date, after=_joined(notes[ref.note_id], lambda p: p.accepted),
                    **where_fields(block)))
    return items, owner


def _pair(
    block: SnapBlock, kept: list[NoteRef], notes: dict[str, list[Para]], snap: Snapshot
) -> dict[int, NoteRef]:
    if len(kept) == len(block.refs):
        return dict(zip(block.refs, kept, strict=True))
    pairs: dict[int, NoteRef] = {}
    free = list(kept)
    for number in block.refs:
        wanted = normalise(snap.notes[number].text) if number in snap.notes else ""
        scored = [
            (similarity(_joined(notes.get(r.note_id, []), received_text), wanted), r) for r in free
        ]
        if scored:
            score, ref = max(scored, key=lambda s: s[0])
            if score >= 0.5:
                pairs[number] = ref
                free.remove(ref)
    return pairs


def _note_text_items(
    note: list[Para] | None, common: dict[str, Any], last_author: str
) -> list[ReviewItem]:
    if note is None:
        return [ReviewItem("note-deleted", "untracked", last_author, **common)]
    received = _joined(note, received_text)
    accepted = _joined(note, lambda p: p.accepted)
    items = []
    if received != common["before"]:
        kind = "note-deleted" if not received else "note-edit"
        items.append(ReviewItem(kind, "untracked", last_author,
                                **{**common, "after": received}))
    authors: dict[str, str] = {}
    for para in note:
        for author, date in change_authors(para):
            authors.setdefault(author, date)
    for author, date in authors.items():
        after = _joined(note, partial(_view_of, author=author))
        if after != received:
            kind = "note-deleted" if not accepted and not after else "note-edit"
            items.append(ReviewItem(kind, "tracked", author, date=date,
                                    **{**common, "before": received, "after": after}))
    return items


@dataclass
class _Comment:
    author: str
    initials: str
    date: str
    text: str
    para_id: str


def _comments(root: etree._Element | None) -> dict[str, _Comment]:
    found: dict[str, _Comment] = {}
    if root is None:
        return found
    for comment in root.iter(f"{W}comment"):
        paragraphs = comment.findall(f".//{W}p")
        found[comment.get(f"{W}id") or ""] = _Comment(
            comment.get(f"{W}author") or UNKNOWN_REVIEWER,
            comment.get(f"{W}initials") or "",
            comment.get(f"{W}date") or "",
            plain_text(comment),
            (paragraphs[-1].get(f"{W14}paraId") or "") if paragraphs else "",
        )
    return found


def _threads(root: etree._Element | None) -> tuple[dict[str, str], set[str]]:
    """paraId → parent paraId, and the paraIds marked done."""
    parents: dict[str, str] = {}
    done: set[str] = set()
    if root is None:
        return parents, done
    for entry in root.iter(f"{W15}commentEx"):
        para_id = entry.get(f"{W15}paraId") or ""
        parent = entry.get(f"{W15}paraIdParent")
        if parent:
            parents[para_id] = parent
        if entry.get(f"{W15}done") in ("1", "true"):
            done.add(para_id)
    return parents, done


def comment_items(
    paras: list[Para], snap: Snapshot, layout: Layout,
    parts: dict[str, etree._Element | None], note_paras: dict[str, list[Para]],
    note_owner: dict[str, Owner],
) -> list[ReviewItem]:
    comments = _comments(parts.get("comments"))
    if not comments:
        return []
    parents, done = _threads(parts.get("comments_extended"))
    anchors = _anchors(paras)
    by_para = {c.para_id: cid for cid, c in comments.items() if c.para_id}
    replies: dict[str, list[Reply]] = {}
    for cid, comment in comments.items():
        parent = by_para.get(parents.get(comment.para_id, ""))
        if parent is not None and parent != cid:
            replies.setdefault(parent, []).append(
                Reply(comment.author, comment.initials, comment.date, comment.text))
    note_anchor = _note_anchors(note_paras, note_owner)
    items = []
    for cid, comment in comments.items():
        if by_para.get(parents.get(comment.para_id, "")) not in (None, cid):
            continue
        where, words = _place(cid, anchors, paras, layout, snap, note_anchor)
        items.append(ReviewItem(
            "comment", "comment", comment.author, date=comment.date, text=comment.text,
            initials=comment.initials, words=words[:MAX_WORDS],
            replies=tuple(replies.get(cid, ())), resolved=comment.para_id in done, **where))
    return items


def _anchors(paras: list[Para]) -> dict[str, list[Position | None]]:
    """Comment id → [start (para, offset), end (para, offset)] in the body."""
    found: dict[str, list[Position | None]] = {}
    for i, para in enumerate(paras):
        for cid, offset in para.comment_starts.items():
            found.setdefault(cid, [None, None])[0] = (i, offset)
        for cid, offset in para.comment_ends.items():
            found.setdefault(cid, [None, None])[1] = (i, offset)
        for cid in para.comment_refs:
            entry = found.setdefault(cid, [None, None])
            entry[0] = entry[0] or (i, len(para.accepted))
    return found


def _note_anchors(
    note_paras: dict[str, list[Para]], owner: dict[str, Owner]
) -> dict[str, tuple[Para, Owner | None]]:
    """Comment id → (its note paragraph, the (block, note number) owning the note)."""
    found: dict[str, tuple[Para, Owner | None]] = {}
    for note_id, note in note_paras.items():
        for para in note:
            for cid in [*para.comment_starts, *para.comment_refs]:
                found.setdefault(cid, (para, owner.get(note_id)))
    return found


def _words(paras: list[Para], start: Position, end: Position | None) -> str:
    if end is None or end < start:
        return ""
    (p1, o1), (p2, o2) = start, end
    if p1 == p2:
        return paras[p1].accepted[o1:o2]
    pieces = [paras[p1].accepted[o1:]]
    pieces += [paras[i].accepted for i in range(p1 + 1, min(p2, p1 + 50))]
    pieces.append(paras[p2].accepted[:o2])
    return "\n".join(pieces)


def _place(
    cid: str, anchors: dict[str, list[Position | None]], paras: list[Para], layout: Layout,
    snap: Snapshot, note_anchor: dict[str, tuple[Para, Owner | None]],
) -> tuple[dict[str, Any], str]:
    """Where comment *cid* is anchored (block fields, for the item) and the words it covers."""
    if cid in note_anchor:
        para, owner = note_anchor[cid]
        begin = para.comment_starts.get(cid, 0)
        words = para.accepted[begin : para.comment_ends.get(cid, len(para.accepted))]
        if owner is None:
            return {}, words
        block, number = owner
        note = snap.notes.get(number) if number else None
        return {**where_fields(block), "citation": note.citation if note else None,
                "note_number": number}, words
    start, end = anchors.get(cid, [None, None])
    if start is None or not layout.start <= start[0] < layout.end:
        return {}, "" if start is None else _words(paras, start, end)
    words = _words(paras, start, end)
    for i in range(start[0], layout.start - 1, -1):
        name = layout.anchors.get(i)
        if name is not None:
            return where_fields(snap.by_name[name]), words
    return {}, words
