"""Reading a reviewed .docx against its briefing: ``read_review(doc, path)``.

The file must carry the snapshot of a Briefing export of this very briefing (a
file from another briefing is refused); a briefing changed since that export is
read with a warning, each proposal then applying where its words still stand.
Nothing here changes the document.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from briefing.core.document import Document
from briefing.core.errors import FileProblem
from briefing.core.identity import document_id
from briefing.export.ir import UNTITLED_SECTION
from briefing.export.sanitize import clean_block, clean_line
from briefing.review.annotations import comment_items, note_items, read_notes
from briefing.review.diff import normalise
from briefing.review.items import UNKNOWN_REVIEWER, Review, ReviewItem, keyed
from briefing.review.layout import lay_out
from briefing.review.package import open_package
from briefing.review.proposals import edit_items, structure_items
from briefing.review.snapshot import SnapBlock, Snapshot, find_snapshot
from briefing.review.splits import join_splits
from briefing.review.wordxml import W, body_paragraphs, read_paragraph

CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
DC = "{http://purl.org/dc/elements/1.1/}"
_KIND_RANK = {"rename": 0, "delete": 1, "join": 1, "move": 2, "edit": 3, "split": 3, "new": 4,
              "note-edit": 5, "note-deleted": 5, "reference-removed": 5, "note-added": 6,
              "comment": 7}


def read_review(doc: Document, path: str | Path) -> Review:
    """The review items of the .docx at *path* for *doc* (raises FileProblem)."""
    path = Path(path)
    package = open_package(path)
    snap = find_snapshot(package.custom_xml, path)
    warnings = [*package.warnings, *match_document(doc, snap, path)]
    root = package.parts["document"]
    body = root.find(f"{W}body") if root is not None else None
    if body is None:
        raise FileProblem(path, "is damaged: its document has no body")
    paras = join_splits([read_paragraph(p) for p in body_paragraphs(body)], snap)
    last_author = _last_author(package.parts.get("core"))
    layout = lay_out(paras, snap)
    items: list[ReviewItem] = []
    for placed in layout.placed.values():
        items += edit_items(paras, placed, last_author)
    items += structure_items(paras, snap, layout, last_author)
    kind = "endnote" if package.parts.get("endnotes") is not None and _uses(body, "endnote") \
        else "footnote"
    notes = read_notes(package.parts.get(f"{kind}s"), kind)
    found, owner = note_items(paras, snap, layout, notes, last_author)
    items += found
    items += comment_items(paras, snap, layout, package.parts, notes, owner)
    items = [keyed(i) for i in items]
    items.sort(key=lambda i: (i.order, _KIND_RANK.get(i.kind, 9), i.date))
    return Review(path, package.sha256, snap.document, snap.revision, snap.exported, last_author,
                  items, warnings, snap)


def _uses(body: etree._Element, kind: str) -> bool:
    return next(body.iter(f"{W}{kind}Reference"), None) is not None


def _last_author(core: etree._Element | None) -> str:
    """Who saved the file last; unknown when that is still the export's own author
    (a word processor that does not update it)."""
    if core is None:
        return UNKNOWN_REVIEWER
    found = core.find(f"{CP}lastModifiedBy")
    creator = core.find(f"{DC}creator")
    name = (found.text or "").strip() if found is not None else ""
    if not name or (creator is not None and (creator.text or "").strip() == name):
        return UNKNOWN_REVIEWER
    return name


def match_document(doc: Document, snap: Snapshot, path: Path) -> list[str]:
    """Refuse a file from another briefing; warnings when this one changed since the export."""
    ours = document_id(doc)
    if ours and snap.document and ours != snap.document:
        title = f" (“{snap.title}”)" if snap.title else ""
        raise FileProblem(path, f"was exported from another briefing{title}, not from this one")
    warnings = []
    differ = sum(1 for block in snap.blocks if _current_text(doc, block) != block.text)
    if not (ours and snap.document):
        body = [b for b in snap.blocks if b.kind != "heading"]
        if body and differ > len(body) // 2 + len(snap.blocks) - len(body):
            raise FileProblem(path, "does not match this briefing (most of its paragraphs "
                              "are not in it); open the briefing it was exported from")
        warnings.append(
            "this briefing has no identity yet (it was never exported to Word), so the file "
            "was matched to it by its content; check it is the briefing you sent out"
            if snap.document else
            "the file's briefing identity could not be confirmed (exported before "
            "identities existed); matched by its content")
    if differ:
        when = snap.exported or "date unknown"
        warnings.append(
            f"the briefing has changed since this file was exported ({when}): {differ} "
            "paragraph(s) differ; their proposals apply only where the words still match"
        )
    return warnings


def _current_text(doc: Document, block: SnapBlock) -> str | None:
    if block.kind == "heading":
        if not doc.has_section(block.section):
            return None
        return clean_line(doc.section(block.section).title) or UNTITLED_SECTION
    if block.kind == "claim":
        if block.claim is None or not doc.has_claim(block.claim):
            return None
        return clean_block(doc.claim(block.claim).text)
    if not doc.has_section(block.section):
        return None
    blocks = doc.section(block.section).blocks
    if 0 <= block.index < len(blocks) and blocks[block.index].claim is None:
        return clean_block(blocks[block.index].text)
    return None


def summary_line(item: ReviewItem) -> str:
    """One line describing *item* (for the CLI's text output)."""
    who = item.reviewer + (f", {item.date[:10]}" if item.date else "")
    if item.kind == "comment":
        on = f" on “{normalise(item.words)[:60]}”" if item.words else ""
        return f"{item.label} ({who}){on}: {normalise(item.text)}"
    if item.after and item.before:
        return f"{item.label} ({item.origin}, {who}): “{item.before}” → “{item.after}”"
    return f"{item.label} ({item.origin}, {who}): “{item.before or item.after}”"
