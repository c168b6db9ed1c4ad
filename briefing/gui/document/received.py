"""Documents from elsewhere in the editor: Protected mode and the clean copy.

A briefing that is not the analyst's own (:mod:`briefing.store.provenance`)
opens read-only, with a bar across the top of the window saying where it came
from and an **Enable Editing** button, in the spirit of Word's Protected View.
Enable Editing reopens the file for editing (the schema is verified again on
that open), stamps it as the analyst's, and hands the window over to the
editable session.  A document whose schema is refused offers **Open a Clean
Copy** instead, which writes its records into a fresh file beside it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QSizePolicy, QToolBar, QWidget

from briefing.core.errors import BriefingError
from briefing.gui import dialogs
from briefing.gui.document.session import Session

if TYPE_CHECKING:
    from briefing.gui.window.window_parts import WindowParts

BAR_STYLE = ("QToolBar#protected_bar { background: #fff4c2; border-bottom: 1px solid #d9c16b; "
             "spacing: 8px; padding: 4px; } QLabel { color: #3d3100; }")


def where_from(session: Session) -> str | None:
    """Where a protected session's document came from, or None if it is not protected."""
    origin = getattr(session.store, "origin", None)
    if origin is None or origin.own or not session.read_only:
        return None
    return origin.where


class ProtectedBar(QToolBar):
    """The yellow bar of a document from elsewhere, with Enable Editing."""

    enable_requested = Signal()

    def __init__(self, where: str, parent: QWidget | None = None) -> None:
        super().__init__("Protected", parent)
        self.setObjectName("protected_bar")
        self.setMovable(False)
        self.setFloatable(False)
        self.setStyleSheet(BAR_STYLE)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.label = QLabel(
            f"<b>Protected:</b> this briefing {where}. It is open read-only; files from "
            "elsewhere can carry hostile content. Enable editing only if you trust it.", self)
        self.label.setToolTip(self.label.text())
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(self.label)
        self.button = QPushButton("Enable Editing", self)
        self.button.setAccessibleName("Enable Editing")
        self.button.clicked.connect(self.enable_requested)
        self.addWidget(self.button)


def install(window: WindowParts) -> ProtectedBar | None:
    """Put the Protected bar on *window* (a MainWindow) when its document is from elsewhere."""
    where = where_from(window.session)
    if where is None:
        return None
    bar = ProtectedBar(where, window)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    window.statusBar().showMessage(
        f"Protected: this briefing {where}. Enable Editing to change it.")
    bar.enable_requested.connect(lambda: enable_editing(window))
    return bar


def enable_editing(window: WindowParts) -> None:
    """Reopen the window's document for editing, marked as the analyst's own."""
    from briefing.store.database import Store

    path = window.session.path
    assert path is not None  # only a document opened from a file is protected
    try:
        store = Store.open(path)
        try:
            store.trust()
        except BriefingError:
            store.close()
            raise
    except BriefingError as error:
        dialogs.show_error(window, "Cannot Enable Editing", str(error))
        return
    session = Session(store.document, store=store, path=path)
    window._handed_over = True
    window.session_replaced.emit(session)
    window.close()


def ask_clean_copy(parent: QWidget | None, problem: str) -> bool:
    """True to make and open a clean copy of a refused document."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Briefing Not Opened", problem,
                      QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText("Briefing can copy the document's sources, claims and outline into "
                           "a new file beside it, without running anything the file contains.")
    clean = box.addButton("Open a Clean Copy", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is clean


def clean_copy_session(path: str | Path) -> Session:
    """Write the clean copy beside *path* and open it (raises BriefingError)."""
    from briefing.store.clean_copy import clean_copy_name, make_clean_copy
    from briefing.store.database import Store

    target = clean_copy_name(Path(path))
    make_clean_copy(path, target)
    store = Store.open(target)
    return Session(store.document, store=store, path=target)
