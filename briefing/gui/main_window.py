"""The main window: wires docks, central tabs and actions around one Session.

Views live in their own modules and talk through signals; this class only
connects them and runs the file-level actions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import shiboken6
from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QThread, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from briefing.core import ops
from briefing.core.errors import BriefingError
from briefing.gui import dialogs, editing, received, recovery
from briefing.gui.board import ClaimBoard
from briefing.gui.checks_panel import ChecksPanel
from briefing.gui.find_bar import FindBar
from briefing.gui.importing import Importer, ImportWorker, find_importer
from briefing.gui.inspector import Inspector
from briefing.gui.lazy_tabs import BOARD_TAB, OUTLINE_TAB, PREVIEW_TAB, READER_TAB, LazyTabs
from briefing.gui.menus import build_actions
from briefing.gui.models.claims import CLAIM_ID_ROLE
from briefing.gui.reader import SourceReader
from briefing.gui.session import Session
from briefing.gui.sources_panel import SourcesPanel
from briefing.gui.window_files import FileActions
from briefing.gui.window_review import ReviewActions

if TYPE_CHECKING:
    from briefing.gui.outline_view import OutlinePanel
    from briefing.gui.preview import PreviewPanel

READ_ONLY_DISABLED = ("save_as", "import", "paste_source", "delete", "properties", "new_claim",
                      "insert_section", "insert_subsection", "insert_prose")


class MainWindow(FileActions, ReviewActions, QMainWindow):
    """One window per open briefing."""

    open_requested = Signal(str)
    new_requested = Signal(str)
    """File ▸ New with a template name (see ``briefing.core.templates``) or "sample"."""
    quit_requested = Signal()
    session_replaced = Signal(object)
    """A Save of an untitled document reopened it from its new file."""
    menus: dict[str, QMenu]  # set by build_actions (menus.py)
    recent_menu: QMenu

    def __init__(self, session: Session, importer: Importer | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._handed_over = False
        self._closed = False
        self._imports: list[tuple[QThread, ImportWorker]] = []
        self.importer: Importer | None = importer if importer is not None else find_importer()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self._build_views()
        self.actions_ = build_actions(self)
        self._add_view_menu()
        self.actions_["import"].setEnabled(self.importer is not None)
        if self.importer is None:
            self.actions_["import"].setStatusTip("Importing files needs briefing.ingest")
        self.checks_label = QLabel(self)
        self.checks_label.setToolTip("Findings of the checks (View ▸ Checks)")
        self.statusBar().addPermanentWidget(self.checks_label)
        self.save_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.save_label)
        self._connect()
        self._refresh_title()
        self._show_save_state(session.save_state())
        self.restore_layout()
        self.recovery_message = ""
        if session.read_only:
            self._make_read_only()
            self.protected_bar = received.install(self)
        # the crash mark is a settings write to disk: after the first paint, not before it
        QTimer.singleShot(0, self, self._mark_open)
        session.path_changed.connect(self._mark_open)

    def _make_read_only(self) -> None:
        """Nothing here may change the document: editing actions and the inspector are off."""
        for name in READ_ONLY_DISABLED:
            self.actions_[name].setEnabled(False)
        self.reader.new_claim_action.setEnabled(False)
        self.inspector.setEnabled(False)
        self.statusBar().showMessage(
            "Read-only: this briefing is open for editing elsewhere. Save a copy to change it.")

    def _mark_open(self) -> None:
        if self._closed:
            return
        if self.session.path is not None and not self.session.read_only:
            recovery.mark_open(self.session.path)

    def show_recovered(self, message: str) -> None:
        """Tell the user (without a modal dialog) that the document was recovered."""
        self.recovery_message = message
        self.statusBar().showMessage(message, 60_000)

    # ------------------------------------------------------------- building
    def _build_views(self) -> None:
        doc = self.session.doc
        search = self._search_sources if self.session.store is not None else None
        self.board = ClaimBoard(doc, self)
        self.reader = SourceReader(doc, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.board, "Board")
        self.tabs.addTab(self.reader, "Reader")
        self.lazy_tabs = LazyTabs(self.tabs)
        self.lazy_tabs.add("Outline", self._build_outline)
        self.lazy_tabs.add("Preview", self._build_preview)
        self.find_bar = FindBar(doc, self.session.store, self)
        self.find_bar.hide()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.sources = SourcesPanel(doc, search, self)
        self.inspector = Inspector(self.session, self)
        self.sources_dock = self._dock("Sources", self.sources,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.inspector_dock = self._dock("Inspector", self.inspector,
                                         Qt.DockWidgetArea.RightDockWidgetArea)
        self.history_dock = self._dock("Undo History", QUndoView(self.session.undo_stack, self),
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.history_dock.hide()
        self.checks = ChecksPanel(self.session, self)
        self.checks_dock = self._dock("Checks", self.checks,
                                      Qt.DockWidgetArea.BottomDockWidgetArea)
        self.resizeDocks([self.sources_dock, self.inspector_dock], [330, 420],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.checks_dock], [160], Qt.Orientation.Vertical)
        self.resize(_first_size())

    @property
    def outline(self) -> OutlinePanel:
        """The Outline tab's panel (built when first shown or asked for)."""
        return cast("OutlinePanel", self.lazy_tabs.page(OUTLINE_TAB))

    @property
    def preview(self) -> PreviewPanel:
        """The Preview tab's panel (built, with the export code, on first use)."""
        return cast("PreviewPanel", self.lazy_tabs.page(PREVIEW_TAB))

    def _built_outline(self) -> OutlinePanel | None:
        return cast("OutlinePanel | None", self.lazy_tabs.built(OUTLINE_TAB))

    def _build_outline(self) -> OutlinePanel:
        from briefing.gui.outline_view import OutlinePanel

        outline = OutlinePanel(self.session, self)
        outline.current_claim_changed.connect(lambda c: self._claim_chosen(c) if c else None)
        current = self.board.current_claim_id()
        if current:
            outline.select_claim(current)
        return outline

    def _build_preview(self) -> PreviewPanel:
        from briefing.gui.preview import PreviewPanel

        preview = PreviewPanel(self.session.doc, self)
        preview.claim_activated.connect(self.select_claim)
        return preview

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title.replace(" ", "") + "Dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _add_view_menu(self) -> None:
        view = self.menus["View"]
        for dock in (self.sources_dock, self.inspector_dock, self.checks_dock, self.history_dock):
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        for n, name in enumerate(("Board", "Reader", "Outline", "Preview")):
            action = view.addAction(f"Show {name}")
            action.setShortcut(f"Ctrl+{n + 1}")
            action.triggered.connect(lambda _c=False, i=n: self.tabs.setCurrentIndex(i))
        self.reader.new_claim_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.menus["Insert"].addAction(self.reader.new_claim_action)

    def _connect(self) -> None:
        session = self.session
        session.setParent(self)
        session.undo_stack.cleanChanged.connect(self._refresh_title)
        session.undo_stack.indexChanged.connect(self._refresh_title)
        session.save_state_changed.connect(self._show_save_state)
        # queued: the field that made the edit shows the document's value before the dialog
        session.edit_refused.connect(lambda m: dialogs.show_error(self, "Cannot Do That", m),
                                     Qt.ConnectionType.QueuedConnection)
        session.autosave_failed.connect(lambda m: dialogs.show_error(self, "Autosave Failed", m))
        session.doc.events.subscribe(self._on_op)
        self.board.current_claim_changed.connect(self._claim_chosen)
        self.checks.finding_activated.connect(self.show_finding)
        self.find_bar.hit_chosen.connect(self.show_hit)
        self.checks.counts_changed.connect(self._show_check_counts)
        self.sources.current_source_changed.connect(lambda s: self.inspector.show_source(s or None))
        self.sources.source_activated.connect(self.open_source)
        self.reader.new_claim_requested.connect(self.claim_from_selection)
        self.reader.attributed_claim_requested.connect(self.claim_from_selection)
        self.reader.claim_activated.connect(self.select_claim)
        self.inspector.source_requested.connect(self.open_source)

    # ------------------------------------------------------------ behaviour
    def _claim_chosen(self, claim_id: str | None) -> None:
        claim_id = claim_id or None
        self.inspector.show_claim(claim_id)
        self.reader.set_active_claim(claim_id)

    def select_claim(self, claim_id: str) -> None:
        """Show *claim_id* on the board (clearing filters if needed) and in the inspector."""
        if not self.board.select_claim(claim_id):
            self.board.clear_filter()
            self.board.select_claim(claim_id)
        outline = self._built_outline()  # (one not built yet selects it when it is)
        if outline is not None and outline.view.currentIndex().data(CLAIM_ID_ROLE) != claim_id:
            outline.select_claim(claim_id)
        self._claim_chosen(claim_id)
        self.inspector_dock.show()

    def open_source(self, source_id: str, start: int | None = None,
                    end: int | None = None) -> None:
        if self.reader.source_id != source_id:
            self.reader.set_source(source_id)
        self.tabs.setCurrentIndex(READER_TAB)
        if start is not None and end is not None and 0 <= start <= end:
            self.reader.select_range(start, end)

    def claim_from_selection(self, source_id: str, start: int, end: int,
                             attribution: str | None = None) -> None:
        claim_id = editing.new_claim_from_selection(self.session, source_id, start, end,
                                                    attribution)
        if claim_id is not None:
            self.select_claim(claim_id)
            self.reader.set_active_claim(claim_id)

    def _refresh_title(self, *_args: object) -> None:
        if not shiboken6.isValid(self.session.undo_stack):
            return
        flag = " (Read-only)" if self.session.read_only else ""
        self.setWindowTitle(f"{self.session.display_name}{flag}[*] — Briefing")
        self.setWindowModified(self.session.is_modified())
        self.actions_["save_as"].setText("&Save…" if self.session.untitled else "&Save Now")
        self._show_save_state(self.session.save_state())

    def _show_save_state(self, state: str) -> None:
        if self.session.untitled and state in ("Not saved", "New"):
            state = "Not saved — File ▸ Save… to keep it"
        self.save_label.setText(state)

    def _on_op(self, op: ops.Op) -> None:
        if isinstance(op, ops.SetInfo):
            self._refresh_title()

    def _search_sources(self, query: str) -> list[str] | None:
        if self.session.store is None:
            return None
        try:
            hits = self.session.store.search(query, limit=200)
        except BriefingError:
            return None
        return [hit.id for hit in hits if hit.kind == "source"]

    # -------------------------------------------------------------- actions
    # -------------------------------------------------------------- actions
    def act_close(self) -> None:
        self.close()

    def act_quit(self) -> None:
        self.quit_requested.emit()

    def act_delete(self) -> None:
        if self.sources.view.hasFocus():
            self.delete_sources(self.sources.selected_source_ids())
        elif self.tabs.currentIndex() == OUTLINE_TAB:
            self.outline.remove_selected()
        else:
            editing.delete_claims(self.session, self.board.selected_claim_ids())

    def delete_sources(self, source_ids: list[str]) -> bool:
        cited = [s for s in source_ids if self.session.doc.citation_count(s)]
        if cited:
            n = editing.citing_count(self.session, cited)
            title = self.session.doc.source(cited[0]).title or cited[0]
            dialogs.show_error(self, "Source Is Cited",
                               f"“{title}” is cited {n} time(s). Remove or move those "
                               "citations before deleting the source.")
            return False
        return editing.delete_sources(self.session, source_ids)

    def act_find_sources(self) -> None:
        self.sources_dock.show()
        self.sources.focus_search()

    def act_properties(self) -> None:
        self.inspector.show_briefing()
        self.inspector_dock.show()

    def act_new_claim(self) -> None:
        claim_id = editing.new_blank_claim(self.session)
        if claim_id is not None:
            self.tabs.setCurrentIndex(BOARD_TAB)
            self.select_claim(claim_id)
            self.inspector.claim_editor.text.setFocus()

    def act_insert_section(self) -> None:
        self.tabs.setCurrentIndex(OUTLINE_TAB)
        self.outline.insert_section()

    def act_insert_subsection(self) -> None:
        self.tabs.setCurrentIndex(OUTLINE_TAB)
        self.outline.insert_section(sub=True)

    def act_insert_prose(self) -> None:
        self.tabs.setCurrentIndex(OUTLINE_TAB)
        self.outline.insert_prose()

    def act_import_review(self) -> None:
        from briefing.gui.review_pane import import_review

        import_review(self)

    def act_undo_history(self) -> None:
        self.history_dock.show()
        self.history_dock.raise_()

    # ------------------------------------------------------------------ close
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        if (not self._handed_over and self.session.untitled and self.session.is_modified()
                and self.session.doc_has_content()):
            answer = dialogs.ask_save_changes(self, self.session.display_name)
            if answer == "cancel" or (answer == "save" and not self.act_save_as()):
                event.ignore()
                return
        if not self._handed_over and not self.settle_file():
            event.ignore()  # the edits could not be written: the window stays open
            return
        self._closed = True
        self.stop_imports()
        preview = self.lazy_tabs.built(PREVIEW_TAB)
        if preview is not None:
            cast("PreviewPanel", preview).wait()
        dialog = getattr(self, "export_dialog", None)
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.wait()  # no export thread outlives the window
        self.checks.wait()
        self.save_layout()
        self.session.doc.events.unsubscribe(self._on_op)
        self.session.undo_stack.cleanChanged.disconnect(self._refresh_title)
        self.session.undo_stack.indexChanged.disconnect(self._refresh_title)
        path = self.session.path
        try:
            self.session.close()
        except BriefingError as error:
            dialogs.show_error(self, "Cannot Save", str(error))
        else:
            if path is not None:
                recovery.mark_closed(path)
        event.accept()

    # --------------------------------------------------------------- layout
    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())

    def restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)


def _first_size() -> QSize:
    """1400×860, or less on a small screen (laptops at 1366×768) so nothing is cut off."""
    wanted = QSize(1400, 860)
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    room = screen.availableGeometry().size()
    return QSize(min(wanted.width(), int(room.width() * 0.95)),
                 min(wanted.height(), int(room.height() * 0.92)))
