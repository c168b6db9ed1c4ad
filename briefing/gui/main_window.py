"""The main window: wires docks, central tabs and actions around one Session.

Views live in their own modules and talk through signals; this class only
connects them and runs the file-level actions.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QSettings, Qt, QThread, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QTabWidget,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from briefing.core import ops
from briefing.core.errors import BriefingError
from briefing.gui import dialogs, editing
from briefing.gui.board import ClaimBoard
from briefing.gui.checks_panel import ChecksPanel
from briefing.gui.find_bar import FindBar
from briefing.gui.importing import Importer, ImportWorker, find_importer
from briefing.gui.inspector import Inspector
from briefing.gui.menus import build_actions
from briefing.gui.outline_view import OutlinePanel
from briefing.gui.preview import PreviewPanel
from briefing.gui.reader import SourceReader
from briefing.gui.session import Session
from briefing.gui.sources_panel import SourcesPanel
from briefing.gui.window_review import ReviewActions

BOARD_TAB, READER_TAB, OUTLINE_TAB, PREVIEW_TAB = range(4)


class MainWindow(ReviewActions, QMainWindow):
    """One window per open briefing."""

    open_requested = Signal(str)
    new_requested = Signal(str)
    """File ▸ New with a template name (see ``briefing.core.templates``) or "sample"."""
    quit_requested = Signal()
    session_replaced = Signal(object)
    """A Save of an untitled document reopened it from its new file."""

    def __init__(self, session: Session, importer: Importer | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._handed_over = False
        self._closed = False
        self._imports: list[tuple[QThread, ImportWorker]] = []
        self.importer = importer if importer is not None else find_importer()
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
        self.outline = OutlinePanel(self.session, self)
        self.tabs.addTab(self.outline, "Outline")
        self.preview = PreviewPanel(doc, self)
        self.tabs.addTab(self.preview, "Preview")
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
        self.resize(1400, 860)

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
        session.edit_refused.connect(lambda m: dialogs.show_error(self, "Cannot Do That", m))
        session.autosave_failed.connect(lambda m: dialogs.show_error(self, "Autosave Failed", m))
        session.doc.events.subscribe(self._on_op)
        self.board.current_claim_changed.connect(self._claim_chosen)
        self.preview.claim_activated.connect(self.select_claim)
        self.checks.finding_activated.connect(self.show_finding)
        self.find_bar.hit_chosen.connect(self.show_hit)
        self.checks.counts_changed.connect(self._show_check_counts)
        self.outline.current_claim_changed.connect(
            lambda c: self._claim_chosen(c) if c else None)
        self.sources.current_source_changed.connect(lambda s: self.inspector.show_source(s or None))
        self.sources.source_activated.connect(self.open_source)
        self.reader.new_claim_requested.connect(self.claim_from_selection)
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
        if self.tabs.currentWidget() is not self.outline:
            self.outline.select_claim(claim_id)
        self._claim_chosen(claim_id)
        self.inspector_dock.show()

    def open_source(self, source_id: str, start: int | None = None,
                    end: int | None = None) -> None:
        if self.reader.source_id != source_id:
            self.reader.set_source(source_id)
        self.tabs.setCurrentIndex(READER_TAB)
        if start is not None and end is not None and 0 <= start <= end:
            self.reader.select_range(start, end)

    def claim_from_selection(self, source_id: str, start: int, end: int) -> None:
        claim_id = editing.new_claim_from_selection(self.session, source_id, start, end)
        if claim_id is not None:
            self.select_claim(claim_id)
            self.reader.set_active_claim(claim_id)

    def _refresh_title(self, *_args: object) -> None:
        if not shiboken6.isValid(self.session.undo_stack):
            return
        self.setWindowTitle(f"{self.session.display_name}[*] — Briefing")
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
    def act_new(self) -> None:
        template = dialogs.ask_template(self)
        if template is not None:
            self.new_requested.emit(template)

    def act_open(self) -> None:
        path = dialogs.ask_open_path(self)
        if path:
            self.open_requested.emit(path)

    def act_save_as(self) -> bool:
        """Save an untitled document to a file of the user's choice (a stored one: flush)."""
        if not self.session.untitled:
            return self.session.flush()
        suggested = self.session.display_name + ".briefing"
        if self.session.origin is not None:
            suggested = str(self.session.origin.with_suffix(".briefing"))
        path = dialogs.ask_save_path(self, "Save Briefing", suggested)
        if not path:
            return False
        try:
            replacement = self.session.save_as(path)
        except BriefingError as error:
            dialogs.show_error(self, "Cannot Save", str(error))
            return False
        if replacement is not None:
            self._handed_over = True
            self.session_replaced.emit(replacement)
            self.close()
        else:
            self._refresh_title()
        return True

    def act_save_copy(self) -> None:
        path = dialogs.ask_save_path(self, "Save a Copy", self.session.display_name + " copy")
        if not path:
            return
        try:
            self.session.save_copy(path)
        except BriefingError as error:
            dialogs.show_error(self, "Cannot Save a Copy", str(error))
            return
        self.statusBar().showMessage(f"Copy saved to {path}", 5000)

    def act_import(self) -> None:
        paths = dialogs.ask_import_paths(self)
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> None:
        """Import files in a worker thread; the results become one undo step."""
        if self.importer is None:
            dialogs.show_error(self, "Cannot Import", "Importing files is not available.")
            return
        from briefing.gui.import_progress import run_import

        thread, worker = run_import(self, self.importer, paths)
        self._imports.append((thread, worker))
        thread.finished.connect(lambda: self._imports.remove((thread, worker)))

    def act_paste_source(self) -> None:
        from briefing.gui.paste import source_from_text

        text = QGuiApplication.clipboard().text()
        try:
            source, original = source_from_text(self.session.doc, text)
        except BriefingError as error:
            dialogs.show_error(self, "Nothing to Paste", str(error))
            return
        if editing.add_sources(self.session, [(source, original)], "New Source from Clipboard"):
            self.sources.select_source(source.id)
            self.open_source(source.id)

    def act_close(self) -> None:
        self.close()

    def act_quit(self) -> None:
        self.quit_requested.emit()

    def act_delete(self) -> None:
        if self.sources.view.hasFocus():
            self.delete_sources(self.sources.selected_source_ids())
        elif self.tabs.currentWidget() is self.outline:
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

    def act_undo_history(self) -> None:
        self.history_dock.show()
        self.history_dock.raise_()

    def act_about(self) -> None:
        from briefing import __version__

        dialogs.show_info(self, "About Briefing",
                          f"Briefing {__version__}\nTurn sources into cited analytic briefings.")

    # ------------------------------------------------------ drag, drop, close
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        documents = [p for p in paths if p.suffix.lower() == ".briefing"]
        for path in documents:
            self.open_requested.emit(str(path))
        others = [p for p in paths if p not in documents]
        if others:
            self.import_files(others)
        event.acceptProposedAction()

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
        self._closed = True
        self.stop_imports()
        self.preview.wait()
        self.checks.wait()
        self.save_layout()
        self.session.doc.events.unsubscribe(self._on_op)
        self.session.undo_stack.cleanChanged.disconnect(self._refresh_title)
        self.session.undo_stack.indexChanged.disconnect(self._refresh_title)
        try:
            self.session.close()
        except BriefingError as error:
            dialogs.show_error(self, "Cannot Save", str(error))
        event.accept()

    def stop_imports(self) -> None:
        """Cancel running imports and wait for their threads (nothing is added)."""
        for thread, worker in list(self._imports):
            worker.cancel()
            thread.quit()
            thread.wait()

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
