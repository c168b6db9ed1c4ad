"""Paragraphs a reviewer split with Enter, joined back into the block they came from.

Pressing Enter inside an exported claim or prose paragraph leaves our bookmark on the
first half and an unmarked paragraph holding the rest (and the note references that
were at its end).  Read naively that is a truncated edit, a new paragraph and removed
note references.  :func:`join_splits` finds such halves — the marked paragraph alone is
short of the exported text, and it with the paragraph(s) after it is the exported text
again (:data:`SPLIT_AT` alike, and closer than it alone) — and joins them into one
:class:`Para` whose split point is a line break: inserted by the reviewer's tracked change
when the new paragraph mark was tracked (``w:pPr/w:rPr/w:ins``), plain otherwise.  The
block then gets one proposal (a ``split`` item showing the break) and keeps its notes.
"""

from __future__ import annotations

from dataclasses import replace

from briefing.export.docx_identity import TAIL_MARK
from briefing.review.diff import normalise, similarity
from briefing.review.snapshot import Snapshot
from briefing.review.wordxml import Change, Para, Piece

SPLIT_AT = 0.85
"""How alike the joined halves must be to the exported paragraph."""
MAX_PARTS = 4


def _views(para: Para) -> tuple[str, str]:
    return normalise(para.original), normalise(para.accepted)


def _alike(parts: list[Para], display: str) -> float:
    """The best likeness of *parts* joined, in the reviewer's original or final text."""
    originals = " ".join(_views(p)[0] for p in parts)
    accepted = " ".join(_views(p)[1] for p in parts)
    return max(similarity(originals, display), similarity(accepted, display))


def _follows(para: Para, snap: Snapshot) -> bool:
    """Whether *para* can be the rest of a split: unmarked body text."""
    return (not any(m in snap.by_name or m == TAIL_MARK for m in para.marks)
            and not para.is_heading and bool(para.accepted.strip())
            and para.mark_del is None)


def _joined(first: Para, rest: Para) -> Para:
    """*first* and *rest* as one paragraph, a line break where the paragraph mark was."""
    change = first.mark_ins
    if change is not None:  # the reviewer's tracked Enter: a space became a break
        gone = Change("delete", change.author, change.date)
        seam = [Piece(" ", delete=gone), Piece("\n", ins=change)]
    else:
        seam = [Piece("\n")]
    offset = len(first.accepted) + 1
    starts = {**first.comment_starts,
              **{k: v + offset for k, v in rest.comment_starts.items()}}
    ends = {**first.comment_ends, **{k: v + offset for k, v in rest.comment_ends.items()}}
    return replace(first, pieces=[*first.pieces, *seam, *rest.pieces],
                   refs=[*first.refs, *rest.refs], comment_starts=starts, comment_ends=ends,
                   comment_refs=[*first.comment_refs, *rest.comment_refs],
                   mark_ins=rest.mark_ins, mark_del=rest.mark_del, split=first.split + 1)


def join_splits(paras: list[Para], snap: Snapshot) -> list[Para]:
    """*paras* with each split block's halves joined back (see the module docstring)."""
    out: list[Para] = []
    i = 0
    while i < len(paras):
        para = paras[i]
        i += 1
        own = next((m for m in para.marks if m in snap.by_name), None)
        block = snap.by_name.get(own) if own else None
        if block is None or block.kind == "heading" or para.mark_del is not None:
            out.append(para)
            continue
        display = normalise(block.display)
        parts = [para]
        best = _alike(parts, display)
        while i < len(paras) and len(parts) < MAX_PARTS and _follows(paras[i], snap):
            score = _alike([*parts, paras[i]], display)
            if score < SPLIT_AT or score <= best:
                break
            parts.append(paras[i])
            best = score
            i += 1
        for rest in parts[1:]:
            para = _joined(para, rest)
        out.append(para)
    return out
