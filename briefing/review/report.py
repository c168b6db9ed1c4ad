"""A review as text (grouped by section and card, in outline order) or as JSON.

Items the analyst already decided in the editor (accepted, rejected, resolved or
kept as a note: :mod:`briefing.review.state`) are listed with their decision, so
only the open ones read as open; the JSON gives every item a ``decision``
(``"open"`` when undecided).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from itertools import groupby

from briefing.core.document import Document
from briefing.export.sanitize import clean_block, clean_line
from briefing.review.apply import locate
from briefing.review.diff import normalise
from briefing.review.items import Review, ReviewItem
from briefing.review.state import decisions

OPEN = "open"


def place_label(doc: Document, item: ReviewItem, review: Review, width: int = 50) -> str:
    """Where an item belongs, as the analyst knows it ("Key Judgments › card c2 …"): the
    card or paragraph in its wording now (the exported wording once it is gone),
    shortened to *width* characters (0: in full)."""
    snap = review.snapshot
    section = item.section_id or item.to_section
    title = ""
    if section and doc.has_section(section):
        title = clean_line(doc.section(section).title)
    elif section and snap is not None:
        heading = next((b for b in snap.blocks if b.kind == "heading" and b.section == section),
                       None)
        title = heading.text if heading else section
    if item.block_kind == "claim" and item.claim_id:
        text = (doc.claim(item.claim_id).text if doc.has_claim(item.claim_id)
                else item.snap_text or item.before)
        where = f"card {item.claim_id} “{_short(text, width)}”"
    elif item.block_kind == "prose":
        where = f"prose “{_short(_prose_now(doc, item, review), width)}”"
    elif item.block_kind == "heading":
        where = "heading"
    elif item.kind == "new":
        where = "new paragraph"
    else:
        return "The document as a whole"
    return f"{title} › {where}" if title else where


def _prose_now(doc: Document, item: ReviewItem, review: Review) -> str:
    """The exported paragraph's wording in the briefing now (as exported when not found)."""
    block = review.snapshot.by_name.get(item.block) if review.snapshot is not None else None
    found = locate(doc, block) if block is not None else None
    if found is None:
        return item.snap_text
    section, index = found
    return clean_block(doc.section(section).blocks[index].text)


def _section_title(doc: Document, section: str, review: Review) -> str:
    if doc.has_section(section):
        return clean_line(doc.section(section).title)
    snap = review.snapshot
    heading = next((b for b in snap.blocks if b.kind == "heading" and b.section == section),
                   None) if snap is not None else None
    return heading.text if heading else section


def destination(doc: Document, item: ReviewItem, review: Review) -> str:
    """Where a moved paragraph went ("to “Negotiations”, after “…”"); "" for other kinds."""
    if item.kind != "move":
        return ""
    where = f"to “{_section_title(doc, item.to_section, review)}”"
    snap = review.snapshot
    after = snap.by_name.get(item.after_block) if snap is not None and item.after_block else None
    if after is None or after.kind == "heading":
        return f"{where}, at its start"
    return f"{where}, after “{_short(after.text)}”"


def _short(text: str, width: int = 50) -> str:
    line = normalise(text).replace("\n", " ")
    return line if width <= 0 or len(line) <= width else line[: width - 1] + "…"


def describe(item: ReviewItem) -> str:
    """One line for *item*: what it proposes, who proposed it."""
    who = item.reviewer + (f", {item.date[:10]}" if item.date else "")
    how = "" if item.origin == "comment" else f"{item.origin}, "
    head = f"{item.label} ({how}{who})"
    if item.kind == "comment":
        on = f" on “{_short(item.words, 60)}”" if item.words else ""
        replies = "".join(f" | {r.author}: {normalise(r.text)}" for r in item.replies)
        done = " [resolved]" if item.resolved else ""
        return f"{head}{on}: {normalise(item.text)}{replies}{done}"
    if item.similarity is not None:
        head += f" [marker lost; matched {round(item.similarity * 100)}%]"
    if item.before and item.after:
        return f"{head}: “{item.before}” → “{item.after}”"
    if item.kind == "move":
        return f"{head}: “{_short(item.before)}”"
    return f"{head}: “{item.before or item.after}”" + (f" ({item.text})" if item.text else "")


def _line(doc: Document, item: ReviewItem, review: Review, decision: str) -> str:
    """ "  - Edit (…): “a” → “b”", with "[accepted] " after the dash once decided."""
    done = f"[{decision}] " if decision else ""
    where = f" {destination(doc, item, review)}" if item.kind == "move" else ""
    return f"  - {done}{describe(item)}{where}"


def format_text(review: Review, doc: Document) -> str:
    decided = decisions(doc, review)
    still_open = sum(1 for i in review.items if not decided.get(i.key))
    lines = [f"{review.path.name}: export revision {review.revision} of "
             f"{review.exported or 'an unknown date'}; {len(review.items)} item(s)"
             + (f", {still_open} open" if decided else "")]
    lines += [f"warning: {w}" for w in review.warnings]
    for place, items in groupby(review.items, key=lambda i: place_label(doc, i, review)):
        lines.append("")
        lines.append(place)
        lines += [_line(doc, i, review, decided.get(i.key, "")) for i in items]
    return "\n".join(lines) + "\n"


def to_json(review: Review, doc: Document) -> str:
    decided = decisions(doc, review)
    items = []
    for item in review.items:
        record = asdict(item)
        record["place"] = place_label(doc, item, review)
        record["decision"] = decided.get(item.key) or OPEN
        items.append(record)
    return json.dumps(
        {"file": str(review.path), "sha256": review.sha256, "document": review.document_id,
         "revision": review.revision, "exported": review.exported,
         "last_author": review.last_author, "warnings": review.warnings, "items": items},
        ensure_ascii=False, indent=2,
    )
