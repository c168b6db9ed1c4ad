"""Place in Section…: a small window-modal picker of the outline's sections, searchable by
keyboard (type to filter, arrows to choose, Enter to place).

It only chooses; the caller places the cards (one undo step) when it is accepted.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.core import outline as tree
from briefing.core.document import Document

_MOVE_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


def section_paths(doc: Document) -> list[tuple[str, str]]:
    """(section id, "Parent › Child") for every section, in reading order."""
    titles: dict[str, str] = {}
    paths = []
    for section, parent, _index in tree.iter_sections(doc.sections):
        title = section.title.strip() or "Untitled section"
        path = f"{titles[parent]} › {title}" if parent is not None else title
        titles[section.id] = path
        paths.append((section.id, path))
    return paths


class SectionPicker(QDialog):
    """Lists the sections; :meth:`chosen` is the one picked when accepted."""

    def _describe(self, place: QWidget) -> None:
        """What a screen reader says beyond the names (the labels alone are terse)."""
        self.setAccessibleDescription(
            "Choose the section the selected cards (or outline item) go to, at its end")
        self.search.setAccessibleDescription(
            "Type part of a section's name to narrow the list; Up and Down choose in it, "
            "Enter places")
        self.list.setAccessibleDescription(
            "The briefing's sections, subsections under their parents; Enter places")
        place.setAccessibleDescription(
            "Place the selected cards at the end of the chosen section, one undoable step")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Place in Section")
        self.setObjectName("sectionPicker")
        self.setAccessibleName("Place in Section")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Type to find a section")
        self.search.setAccessibleName("Find section")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Sections")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        place = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        place.setText("Place")
        place.setAccessibleName("Place")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        self._describe(place)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.label.setBuddy(self.search)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.list.currentItemChanged.connect(lambda *_: self._update_button())
        self.resize(420, 360)

    def load(self, doc: Document, what: str, current: str | None = None) -> None:
        """List *doc*'s sections afresh, for placing *what*; *current* is preselected."""
        self.label.setText(f"Place {what} at the end of:")
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.list.clear()
        for section_id, path in section_paths(doc):
            item = QListWidgetItem(path, self.list)
            item.setData(Qt.ItemDataRole.UserRole, section_id)
        self._select(current)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return item.data(Qt.ItemDataRole.UserRole)

    def accept(self) -> None:
        if self.chosen() is not None:
            super().accept()

    def _select(self, section_id: str | None) -> None:
        visible = [self.list.item(i) for i in range(self.list.count())
                   if not self.list.item(i).isHidden()]
        wanted = next((i for i in visible if i.data(Qt.ItemDataRole.UserRole) == section_id),
                      visible[0] if visible else None)
        if wanted is not None:
            self.list.setCurrentItem(wanted)
        self._update_button()

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(not all(w in item.text().casefold() for w in words))
        current = self.list.currentItem()
        if current is None or current.isHidden():
            self._select(None)

    def _update_button(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.chosen() is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down in the search box move through the list (type, arrow, Enter)."""
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in _MOVE_KEYS):
            self.list.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)
