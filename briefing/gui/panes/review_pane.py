"""The Review pane: a colleague's reviewed .docx, item by item (File ▸ Import Review…).

Items are grouped by card, prose paragraph or section in outline order; the
selected item shows its reviewer and a word diff (or the comment and its
replies).  Accept applies the item as one undoable command (its record in the
briefing included); Accept All from a reviewer is one undo step; Reject and
Resolve only record the decision; Keep as Note puts a comment or a note finding
on the card or its citation.  A claim is never deleted from here: a deleted
claim paragraph is taken off the outline and stays on the board, and a citation
goes only when the analyst confirms it.
"""

from __future__ import annotations

import contextlib
from html import escape
from itertools import groupby
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.core.errors import BriefingError
from briefing.gui import dialogs
from briefing.gui.document.session import Session
from briefing.review import Review, ReviewItem, read_review
from briefing.review.apply import ReviewConflict, accept_op, note_op, preview
from briefing.review.diff import word_diff
from briefing.review.joins import can_merge, merge_join
from briefing.review.report import describe, destination, place_label
from briefing.review.state import decide, decisions

ITEM_ROLE = Qt.ItemDataRole.UserRole
STATUS = {"accepted": "Accepted", "rejected": "Rejected", "resolved": "Resolved",
          "noted": "Kept as note", "": ""}
NOTE_KINDS = frozenset({"comment", "note-edit", "note-deleted", "reference-removed",
                        "note-added", "join"})


def diff_html(before: str, after: str) -> str:
    """*before* → *after* as HTML: deletions struck through in red, insertions underlined."""
    out = []
    for kind, text in word_diff(before, after):
        text = escape(text).replace("\n", "<br>")
        if kind == "delete":
            out.append(f'<s style="color:#b00020">{text}</s>')
        elif kind == "insert":
            out.append(f'<u style="color:#1b5e20">{text}</u>')
        else:
            out.append(text)
    return "".join(out)


BUTTON_DESCRIPTIONS = {
    "accept": "Apply the selected review item to the briefing, as one step you can undo",
    "reject": "Record that the selected item is rejected; the briefing is not changed",
    "resolve": "Record that the selected item is dealt with; the briefing is not changed",
    "note": "Keep the selected comment or note finding in the card's or citation's notes",
    "remove_citation": "Remove the citation whose note reference the reviewer deleted, "
                       "after you confirm",
    "accept_all": "Accept every open proposal of the reviewer chosen beside it, as one step",
}
"""What each decision button does, for a screen reader (its label alone is terse)."""


def row_text(item: ReviewItem) -> str:
    """The item's short line in the list (the detail below shows the rest)."""
    if item.kind == "comment":
        return f"Comment: {' '.join(item.text.split())}"
    how = {"tracked": "tracked", "untracked": "plain edit"}.get(item.origin, item.origin)
    return f"{item.label} ({how})"


class ReviewPane(QWidget):
    """Items of one review; decisions go through the session's undo stack."""

    claim_selected = Signal(str)

    def __init__(self, session: Session, review: Review, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.review = review
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("reviewItems")
        self.tree.setHeaderLabels(["Item", "Reviewer", "Decision"])
        self.tree.setAccessibleName("Review items")
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("reviewDetail")
        self.detail.setOpenLinks(False)
        self.detail.setAccessibleName("Review item detail")
        self.summary.setAccessibleName("Review summary")
        self.reviewer = QComboBox(self)
        self.reviewer.setAccessibleName("Reviewer")
        self.reviewer.addItems(review.reviewers())
        self.buttons = {name: QPushButton(text, self) for name, text in (
            ("accept", "&Accept"), ("reject", "&Reject"), ("resolve", "Re&solve"),
            ("note", "Keep as &Note"), ("remove_citation", "Remove &Citation…"),
            ("accept_all", "Accept All &from"))}
        for name, button in self.buttons.items():
            button.setObjectName(f"review_{name}")
            button.setAccessibleDescription(BUTTON_DESCRIPTIONS[name])
        self._layout()
        self._connect()
        self.populate()

    def _layout(self) -> None:
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        row = QHBoxLayout()
        for name in ("accept", "reject", "resolve", "note", "remove_citation"):
            row.addWidget(self.buttons[name])
        row.addStretch(1)
        bulk = QHBoxLayout()
        bulk.addWidget(self.buttons["accept_all"])
        bulk.addWidget(self.reviewer, 1)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(split, 1)
        column.addLayout(row)
        column.addLayout(bulk)

    def _connect(self) -> None:
        self.tree.currentItemChanged.connect(lambda *_: self._current_changed())
        self.buttons["accept"].clicked.connect(self.accept_current)
        self.buttons["reject"].clicked.connect(lambda: self._record_current("rejected"))
        self.buttons["resolve"].clicked.connect(lambda: self._record_current("resolved"))
        self.buttons["note"].clicked.connect(self.note_current)
        self.buttons["remove_citation"].clicked.connect(self.remove_citation)
        self.buttons["accept_all"].clicked.connect(self.accept_all_from_reviewer)
        self.session.undo_stack.indexChanged.connect(self._refresh_status)

    # ----------------------------------------------------------------- view
    def populate(self) -> None:
        review, doc = self.review, self.session.doc
        self.tree.clear()
        for place, grouped in groupby(review.items, key=lambda i: place_label(doc, i, review)):
            items = list(grouped)
            group = QTreeWidgetItem(self.tree, [place])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setFirstColumnSpanned(True)
            group.setData(0, ITEM_ROLE, items[0])  # its place, renamed as the card changes
            for item in items:
                row = QTreeWidgetItem(group, [row_text(item), item.reviewer, ""])
                row.setData(0, ITEM_ROLE, item)
                row.setToolTip(0, describe(item))
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        warnings = "".join(f"<br>⚠ {escape(w)}" for w in review.warnings)
        self.summary.setText(
            f"<b>{escape(review.path.name)}</b>: {len(review.items)} item(s) from "
            f"{escape(', '.join(review.reviewers()) or 'no reviewer')}{warnings}")
        self._refresh_status()
        first = self._rows()[0] if self._rows() else None
        if first is not None:
            self.tree.setCurrentItem(first)
        else:
            self._show_current()

    def _rows(self) -> list[QTreeWidgetItem]:
        rows: list[QTreeWidgetItem] = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            if group is not None:
                rows += [row for i in range(group.childCount())
                         if (row := group.child(i)) is not None]
        return rows

    def _refresh_labels(self) -> None:
        """Each group's place in the card's or paragraph's wording now; the view elides
        a long one, and its tooltip shows it in full."""
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            item = group.data(0, ITEM_ROLE) if group is not None else None
            if group is None or item is None:
                continue
            label = place_label(self.session.doc, item, self.review, width=0)
            group.setText(0, label)
            group.setToolTip(0, f"<p>{escape(label)}</p>")  # rich text: wrapped, not cut

    def _refresh_status(self, *_args: object) -> None:
        self._refresh_labels()
        decided = decisions(self.session.doc, self.review)
        for row in self._rows():
            item: ReviewItem = row.data(0, ITEM_ROLE)
            row.setText(2, STATUS.get(decided.get(item.key, ""), ""))
        self._show_current()

    def current_item(self) -> ReviewItem | None:
        row = self.tree.currentItem()
        return row.data(0, ITEM_ROLE) if row is not None else None

    def _show_current(self) -> None:
        item = self.current_item()
        decided = decisions(self.session.doc, self.review).get(item.key, "") if item else ""
        open_ = item is not None and not decided and not self.session.read_only
        kind = item.kind if item is not None else ""
        heading_gone = kind == "delete" and item is not None and item.block_kind == "heading"
        changes = item is not None and bool(item.changes_text)
        mergeable = item is not None and can_merge(item, self.review.snapshot)
        self.buttons["accept"].setEnabled(open_ and (changes or mergeable) and not heading_gone)
        self.buttons["reject"].setEnabled(open_)
        self.buttons["resolve"].setEnabled(open_ and (kind in NOTE_KINDS or heading_gone))
        self.buttons["note"].setEnabled(open_ and kind in NOTE_KINDS and item is not None
                                        and item.claim_id is not None)
        self.buttons["remove_citation"].setEnabled(open_ and kind == "reference-removed")
        self.buttons["accept_all"].setEnabled(self.reviewer.count() > 0
                                              and not self.session.read_only)
        self.detail.setHtml(self._detail_html(item, decided) if item else "")

    def _current_changed(self) -> None:
        self._show_current()
        item = self.current_item()
        if item is not None and item.claim_id and self.session.doc.has_claim(item.claim_id):
            self.claim_selected.emit(item.claim_id)

    def _detail_html(self, item: ReviewItem, decided: str) -> str:
        who = escape(item.reviewer) + (f" · {escape(item.date[:10])}" if item.date else "")
        how = {"tracked": " (tracked change)",
               "untracked": " (plain edit, made without Track Changes; credited to whoever "
                            "saved the file last)"}.get(item.origin, "")
        head = f"<p><b>{escape(item.label)}</b> — {who}{how}</p>"
        if decided:
            head += f"<p><i>{escape(STATUS[decided])}</i></p>"
        if item.similarity is not None:
            head += (f"<p>The paragraph's marker was lost in editing; matched to the exported "
                     f"text at {round(item.similarity * 100)}%.</p>")
        if item.kind == "comment":
            body = f"<p>{escape(item.text)}</p>"
            if item.words:
                body = f"<blockquote>{escape(item.words)}</blockquote>" + body
            body += "".join(f"<p>↳ <b>{escape(r.author)}</b>: {escape(r.text)}</p>"
                            for r in item.replies)
            return head + body
        if item.kind == "join":
            other = item.text.removeprefix("joined with ") or "the next paragraph"
            how = ("Accept merges them (you confirm first; a second card is not deleted: "
                   "it goes back to the board)" if can_merge(item, self.review.snapshot)
                   else "Change the outline by hand if you agree, then resolve this item")
            return head + (f"<p>The reviewer joined this paragraph with {escape(other)}. "
                           f"{how}.</p>"
                           f"<blockquote>{escape(item.before)}</blockquote>")
        if item.kind == "delete" and item.block_kind == "heading":
            head += ("<p>A section is not removed from a review: resolve this item, and "
                     "remove the section in the Outline if you agree.</p>")
        if item.kind == "delete" and item.block_kind == "claim":
            head += "<p>Accepting takes the card off the outline; it stays on the board.</p>"
        if item.kind == "move":
            where = escape(destination(self.session.doc, item, self.review))
            return head + f"<p>Moved {where}:</p><blockquote>{escape(item.before)}</blockquote>"
        if item.kind == "split":
            head += ("<p>The reviewer split this paragraph (the line break below)." + (
                " A card holds one claim: accepting keeps it one card, with its notes, and "
                "takes only the words changed." if item.block_kind == "claim" else
                " Accepting makes it separate paragraphs.") + "</p>")
        if item.kind == "reference-removed":
            head += ("<p>The reviewer removed this note's reference. The citation stays unless "
                     "you choose Remove Citation.</p>")
        return head + f"<p>{diff_html(item.before, item.after)}</p>" + self._now_html(item, decided)

    def _now_html(self, item: ReviewItem, decided: str) -> str:
        """What accepting would do to the text as it is now, when it changed since the
        export (the diff above is against the exported text)."""
        if decided or item.kind not in ("edit", "rename"):
            return ""
        try:
            found = preview(self.session.doc, item, self.review.snapshot)
        except ReviewConflict as error:
            return f"<p>⚠ This can no longer be accepted: {escape(str(error))}.</p>"
        if found is None or found[0] == item.before:
            return ""
        what = "heading" if item.kind == "rename" else (
            "card" if item.block_kind == "claim" else "paragraph")
        return (f"<p>⚠ The {what} has changed since the export. Accepting turns it, as it "
                f"is now, into:</p><p>{diff_html(*found)}</p>")

    # ------------------------------------------------------------ decisions
    def _push(self, item: ReviewItem, decision: str, change, verb: str) -> bool:
        op = decide(self.session.doc, self.review, item, decision, change)
        return self.session.push(op, f"{verb} {item.label.lower()} from {item.reviewer}")

    def accept_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if item.kind == "join":
            self._merge(item)
            return
        try:
            change = accept_op(self.session.doc, item, self.review.snapshot)
        except ReviewConflict as error:
            dialogs.show_error(self, "Cannot Accept", str(error))
            return
        self._push(item, "accepted", change, "Accept")

    def _merge(self, item: ReviewItem) -> None:
        """Accepting a join: merge the two blocks, only after the analyst confirms."""
        try:
            change, message = merge_join(self.session.doc, item, self.review.snapshot)
        except ReviewConflict as error:
            dialogs.show_error(self, "Cannot Merge", str(error))
            return
        if not dialogs.confirm(self, "Merge Paragraphs?",
                               "Put the next paragraph's text at the end of this one? A card "
                               "is never deleted: a second card goes back to the board, "
                               "unplaced, with its own text and citations.", "Merge"):
            return
        if self._push(item, "accepted", change, "Accept"):
            dialogs.show_info(self, "Paragraphs Merged", message)

    def _record_current(self, decision: str) -> None:
        item = self.current_item()
        if item is not None:
            self._push(item, decision, None, {"rejected": "Reject"}.get(decision, "Resolve"))

    def note_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        try:
            change = note_op(self.session.doc, item)
        except BriefingError as error:
            dialogs.show_error(self, "Cannot Keep as Note", str(error))
            return
        self._push(item, "noted", change, "Keep as note")

    def remove_citation(self) -> None:
        item = self.current_item()
        if item is None or item.kind != "reference-removed":
            return
        if not dialogs.confirm(self, "Remove Citation?",
                               f"Remove citation {(item.citation or 0) + 1} from card "
                               f"{item.claim_id}? Its source stays in the briefing.",
                               "Remove Citation"):
            return
        try:
            change = note_op(self.session.doc, item, remove_citation=True)
        except BriefingError as error:
            dialogs.show_error(self, "Cannot Remove Citation", str(error))
            return
        self._push(item, "accepted", change, "Remove citation for")

    def accept_all_from_reviewer(self) -> None:
        """Every open proposal of the chosen reviewer, as one undo step."""
        reviewer = self.reviewer.currentText()
        decided = decisions(self.session.doc, self.review)
        stack = self.session.undo_stack
        skipped = []
        stack.beginMacro(f"Accept all from {reviewer}")
        try:
            for item in self.review.items:
                if item.reviewer != reviewer or not item.changes_text or item.key in decided:
                    continue
                try:
                    change = accept_op(self.session.doc, item, self.review.snapshot)
                except ReviewConflict as error:
                    skipped.append(f"{item.label}: {error}")
                    continue
                self._push(item, "accepted", change, "Accept")
        finally:
            stack.endMacro()
        if skipped:
            dialogs.show_error(self, "Some Items Were Not Accepted", "\n".join(skipped))


def import_review(window) -> ReviewPane | None:  # noqa: ANN001 - the MainWindow
    """File ▸ Import Review…: ask for the reviewed .docx and show its items in a dock."""
    path = dialogs.ask_review_path(window)
    if not path:
        return None
    try:
        review = read_review(window.session.doc, Path(path))
    except BriefingError as error:
        dialogs.show_error(window, "Cannot Import Review", str(error))
        return None
    store = window.session.store
    if store is not None and not window.session.read_only:
        with contextlib.suppress(BriefingError):  # the history line is a courtesy
            store.record_history("review-import",
                                 f"{review.path.name}: {len(review.items)} item(s)")
    pane = ReviewPane(window.session, review, window)
    pane.claim_selected.connect(window.select_claim)
    dock = getattr(window, "review_dock", None)
    if dock is None:
        dock = QDockWidget("Review", window)
        dock.setObjectName("ReviewDock")
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        beside = getattr(window, "inspector_dock", None)
        if beside is not None and beside.isVisible():
            window.tabifyDockWidget(beside, dock)  # full height, a tab away from the card
        window.review_dock = dock
    old = dock.widget()
    dock.setWidget(pane)
    if old is not None:
        old.deleteLater()
    dock.show()
    dock.raise_()
    pane._current_changed()  # the first item's card is shown
    return pane
