"""Which reviewed paragraph is which exported block, and what moved, vanished or is new.

A paragraph holding one of our bookmarks is that block.  A block whose bookmark
is gone (pasted over, retyped) or whose paragraph was deleted with tracking is
*lost*; a lost block is recovered from an unmarked paragraph whose text is at
least :data:`RECOVER_AT` alike (a tracked move's destination is found this way).
Unmarked paragraphs left over are the reviewer's new paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from briefing.export.docx_identity import TAIL_MARK
from briefing.review.diff import normalise, tokens
from briefing.review.snapshot import SnapBlock, Snapshot
from briefing.review.wordxml import Change, Para

RECOVER_AT = 0.6


@dataclass
class Placed:
    """A block found in the reviewed file."""

    block: SnapBlock
    para: int
    similarity: float | None = None  # set when recovered by likeness
    moved_by: Change | None = None  # a tracked move's destination


@dataclass
class Layout:
    placed: dict[str, Placed] = field(default_factory=dict)
    para_block: dict[int, str] = field(default_factory=dict)
    anchors: dict[int, str] = field(default_factory=dict)
    """Paragraph → the block a comment there is about (deleted paragraphs included)."""
    vanished: dict[str, Change | None] = field(default_factory=dict)
    """Blocks gone from the reviewed text: tracked deletion (its change) or untracked (None)."""
    merged: dict[str, str] = field(default_factory=dict)
    """Block → the block whose paragraph it was joined into."""
    new: list[int] = field(default_factory=list)
    start: int = 0
    end: int = 0


def _all_deleted(para: Para) -> Change | None:
    """The deleting change when every piece of *para* is a tracked deletion."""
    if not para.original.strip() or para.accepted.strip():
        return None
    deleted = [p.delete for p in para.pieces if p.delete is not None]
    return para.mark_del or (deleted[0] if deleted else None)


def _moved_here(para: Para) -> Change | None:
    """The tracked move that brought every piece of *para* here (Word moved its marker too)."""
    moves = [p.ins for p in para.pieces if p.text.strip()]
    if moves and all(m is not None and m.move for m in moves):
        return moves[0]
    return None


def _move_change(para: Para) -> Change | None:
    for piece in para.pieces:
        if piece.ins is not None:
            return piece.ins
    return para.mark_ins


def lay_out(paras: list[Para], snap: Snapshot) -> Layout:
    layout = Layout(end=len(paras))
    first = None
    for i, para in enumerate(paras):
        if TAIL_MARK in para.marks:
            layout.end = i
            break
        own = [m for m in para.marks if m in snap.by_name and m not in layout.placed]
        if own and first is None:
            first = i
        if not own:
            continue
        layout.placed[own[0]] = Placed(snap.by_name[own[0]], i, moved_by=_moved_here(para))
        layout.para_block[i] = own[0]
        layout.anchors[i] = own[0]
        for other in own[1:]:
            layout.merged[other] = own[0]
    layout.start = layout.end if first is None else first
    lost: dict[str, Change | None] = {}
    for name, placed in list(layout.placed.items()):
        change = _all_deleted(paras[placed.para])
        if change is not None:
            lost[name] = change
            del layout.placed[name]
            del layout.para_block[placed.para]
    for block in snap.blocks:
        if block.name not in layout.placed and block.name not in layout.merged:
            lost.setdefault(block.name, None)
    candidates = [
        i
        for i in range(layout.start, layout.end)
        if i not in layout.para_block and paras[i].accepted.strip()
    ]
    _recover(paras, snap, layout, lost, candidates)
    layout.vanished = lost
    return layout


def _recover(
    paras: list[Para], snap: Snapshot, layout: Layout, lost: dict[str, Change | None],
    candidates: list[int],
) -> None:
    pairs = []
    targets = {name: tokens(normalise(snap.by_name[name].display)) for name in lost}
    matcher = SequenceMatcher(autojunk=False)
    for i in candidates:
        matcher.set_seq2(tokens(normalise(paras[i].accepted)))
        for name, target in targets.items():
            if not target:
                continue
            matcher.set_seq1(target)
            if matcher.real_quick_ratio() < RECOVER_AT or matcher.quick_ratio() < RECOVER_AT:
                continue
            score = matcher.ratio()
            if score >= RECOVER_AT:
                pairs.append((score, i, name))
    taken: set[int] = set()
    for score, i, name in sorted(pairs, key=lambda p: (-p[0], p[1])):
        if i in taken or name not in lost:
            continue
        change = lost.pop(name)
        moved = _move_change(paras[i]) if change is not None else None
        layout.placed[name] = Placed(snap.by_name[name], i, round(score, 2), moved)
        layout.para_block[i] = name
        layout.anchors[i] = name
        taken.add(i)
    layout.new = [i for i in candidates if i not in taken]
