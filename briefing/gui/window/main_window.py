"""The main window: wires docks, central tabs and actions around one Session.

Views live in their own modules and talk through signals; this class only
connects them and runs the file-level actions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

import shiboken6
from PySide6.QtCore import QSize, Qt, QThread, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QShowEvent,
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
from briefing.gui import dialogs
from briefing.gui.document import editing, received, recovery
from briefing.gui.document.importing import Importer, ImportWorker, find_importer
from briefing.gui.document.session import Session
from briefing.gui.inspector.inspector import Inspector
from briefing.gui.models.claims import CLAIM_ID_ROLE
from briefing.gui.panes.board import ClaimBoard
from briefing.gui.panes.checks_panel import ChecksPanel
from briefing.gui.panes.outline_view import OutlinePanel
from briefing.gui.panes.reader import SourceReader
from briefing.gui.panes.sources_panel import SourcesPanel
from briefing.gui.window import view_state
from briefing.gui.window.find_bar import FindBar
from briefing.gui.window.lazy_tabs import BOARD_TAB, PREVIEW_TAB, READER_TAB, LazyTabs
from briefing.gui.window.menus import build_actions
from briefing.gui.window.window_edit import EditActions
from briefing.gui.window.window_files import FileActions
from briefing.gui.window.window_layout import Pane, WindowLayout
from briefing.gui.window.window_review import ReviewActions
from briefing.store.connect import upgrade_note

if TYPE_CHECKING:
    from briefing.gui.panes.preview import PreviewPanel

VIEW_SHORTCUTS = ("Board", "Reader", "Outline", "Preview")
"""View ▸ Board … Preview are Ctrl+1 … Ctrl+4."""

READ_ONLY_DISABLED = ("save_as", "import", "paste_source", "delete", "properties", "new_claim",
                      "insert_section", "insert_subsection", "insert_prose", "place", "cut",
                      "paste")


class MainWindow(FileActions, ReviewActions, EditActions, QMainWindow):
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
        self._shown_once = False
        self._imports: list[tuple[QThread, ImportWorker]] = []
        self.importer: Importer | None = importer if importer is not None else find_importer()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self._build_views()
        built = build_actions(self, self.menuBar(), session.undo_stack,
                              lambda name: getattr(self, f"act_{name}"))
        self.actions_, self.menus, self.recent_menu = built.actions, built.menus, built.recent
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
        self._tell_upgrade()
        # the crash mark is a settings write to disk: after the first paint, not before it
        QTimer.singleShot(0, self, self._mark_open)
        session.path_changed.connect(self._mark_open)

    def _make_read_only(self) -> None:
        """Nothing here may change the document: editing actions and the inspector are off."""
        for name in READ_ONLY_DISABLED:
            self.actions_[name].setEnabled(False)
        self.reader.new_claim_action.setEnabled(False)
        self.reader.cite_action.setEnabled(False)
        self.inspector.setEnabled(False)
        self.statusBar().showMessage(
            f"Read-only: {self.session.read_only_reason}. Save a copy to change it.")

    def _tell_upgrade(self) -> None:
        """Opening upgraded the file to this version's format: say where the original is."""
        backup = getattr(self.session.store, "upgraded", None)
        if backup is not None and self.session.path is not None:
            self.statusBar().showMessage(upgrade_note(Path(self.session.path), backup), 60_000)

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
        self.tabs.setAccessibleName("Views")
        self.tabs.addTab(self.board, "Board")
        self.tabs.addTab(self.reader, "Reader")
        self.lazy_tabs = LazyTabs(self.tabs)
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
        self.outline_panel = self._build_outline()
        self.sources = SourcesPanel(doc, search, self)
        self.inspector = Inspector(self.session, self)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.setCorner(Qt.Corner.BottomLeftCorner, left)
        self.setCorner(Qt.Corner.BottomRightCorner, right)
        self.outline_dock = self._dock("Outline", self.outline_panel, left)
        self.sources_dock = self._dock("Sources", self.sources, left)
        self.splitDockWidget(self.outline_dock, self.sources_dock, Qt.Orientation.Vertical)
        self.inspector_dock = self._dock("Inspector", self.inspector, right)
        self.history_dock = self._dock("Undo History", QUndoView(self.session.undo_stack, self),
                                       right)
        self.history_dock.widget().setAccessibleName("Undo history")
        self.history_dock.hide()
        self.checks = ChecksPanel(self.session, self)
        self.checks_dock = self._dock("Checks", self.checks,
                                      Qt.DockWidgetArea.BottomDockWidgetArea)
        self.resize(_first_size())
        self.layout_ = WindowLayout(self, MainWindow._default_dock_sizes)
        self._add_panes()

    def _default_dock_sizes(self) -> None:
        """The docks' default sizes for the window's width now (at first show and on
        View ▸ Reset Layout): the outline about a fifth, the inspector about 30%."""
        width, height = self.width(), self.height()
        self.resizeDocks([self.outline_dock, self.inspector_dock],
                         [max(240, min(460, width * 21 // 100)),
                          max(360, min(620, width * 29 // 100))], Qt.Orientation.Horizontal)
        self.resizeDocks([self.outline_dock, self.sources_dock],
                         [height * 36 // 100, height * 24 // 100], Qt.Orientation.Vertical)
        self.resizeDocks([self.checks_dock], [max(110, height // 6)], Qt.Orientation.Vertical)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.layout_.shown()
            QTimer.singleShot(0, self, lambda: view_state.restore(self))

    def _add_panes(self) -> None:
        """The panes F6 cycles through, in reading order (left to right, top to bottom)."""
        for pane in PANES:
            self.layout_.add_pane(pane)

    def _current_view(self) -> QWidget:
        """What takes focus in the middle: the board's cards, the reader's text, the page."""
        page = self.tabs.currentWidget()
        if page is self.board:
            return self.board.view
        if page is self.reader:
            return self.reader.text
        return getattr(page, "focus_target", lambda: page)()

    @property
    def outline(self) -> OutlinePanel:
        """The Outline pane (a dock beside the Board and the Reader)."""
        return self.outline_panel

    @property
    def preview(self) -> PreviewPanel:
        """The Preview tab's panel (built, with the export code, on first use)."""
        return cast("PreviewPanel", self.lazy_tabs.page(PREVIEW_TAB))

    def _built_outline(self) -> OutlinePanel | None:
        return self.outline_panel

    def _build_outline(self) -> OutlinePanel:
        outline = OutlinePanel(self.session, self)
        outline.current_claim_changed.connect(lambda c: self._claim_chosen(c) if c else None)
        return outline

    def _build_preview(self) -> PreviewPanel:
        from briefing.gui.panes.preview import PreviewPanel

        preview = PreviewPanel(self.session.doc, self)
        preview.claim_activated.connect(self.select_claim)
        return preview

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title.replace(" ", "") + "Dock")
        dock.setAccessibleName(title)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _add_view_menu(self) -> None:
        view = self.menus["View"]
        for n, name in enumerate(VIEW_SHORTCUTS):
            action = view.addAction(f"&{name}")
            action.setObjectName(f"action_show_{name.lower()}")
            action.setShortcut(f"Ctrl+{n + 1}")
            action.setStatusTip(f"Show the {name} and put the keyboard focus in it")
            action.triggered.connect(lambda _c=False, v=name: self.show_view(v))
        view.addSeparator()
        for dock in (self.outline_dock, self.sources_dock, self.inspector_dock,
                     self.checks_dock, self.history_dock):
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        self.actions_.update(self.layout_.add_actions(view))
        self.reader.new_claim_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.menus["Insert"].insertAction(self.actions_["new_claim"],
                                          self.reader.new_claim_action)
        self.reader.cite_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.menus["Edit"].insertAction(self.actions_["find"], self.reader.cite_action)
        arrange = QMenu("&Outline", self)  # the outline's toolbar, also in the menus
        for name in ("up", "down", "indent", "outdent", "remove"):
            arrange.addAction(self.outline_panel.actions_[name])
        self.menus["Edit"].insertMenu(self.actions_["find"], arrange)
        self.menus["Edit"].insertSeparator(self.actions_["find"])

    def show_view(self, name: str) -> None:
        """Ctrl+1…4: show Board, Reader, Outline or Preview with the keyboard focus in it."""
        if name == "Outline":
            self.layout_.focus_named("Outline")
            return
        self.tabs.setCurrentIndex({"Board": BOARD_TAB, "Reader": READER_TAB,
                                   "Preview": PREVIEW_TAB}[name])
        self.layout_.focus_named("Views")

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
        self.checks.place_requested.connect(lambda c: self.act_place([c]))
        self._card_menu()
        self.find_bar.hit_chosen.connect(self.show_hit)
        self.find_bar.closed.connect(lambda: self._current_view().setFocus())
        self.checks.counts_changed.connect(self._show_check_counts)
        self.sources.current_source_changed.connect(lambda s: self.inspector.show_source(s or None))
        self.sources.source_activated.connect(self.open_source)
        self.reader.new_claim_requested.connect(self.claim_from_selection)
        self.reader.cite_requested.connect(self.cite_selection)
        self.reader.attributed_claim_requested.connect(self.claim_from_selection)
        self.reader.claim_activated.connect(self.select_claim)
        self.inspector.source_requested.connect(self.open_source)

    def _card_menu(self) -> None:
        """Right-click on a card: place it, cite the Reader's selection in it, delete it."""
        view = self.board.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addActions([self.actions_["place"], self.reader.cite_action,
                         self.actions_["delete"]])
        self.outline.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.outline.view.addActions([self.actions_["place"], self.actions_["delete"]])

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
        session = self.session
        file = session.path or session.origin
        name = file.name if file is not None else "Untitled"
        flag = " (read-only)" if session.read_only else ""
        self.setWindowTitle(f"{name}[*]{flag} — Briefing")
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
        self.outline_dock.show()
        self.outline.insert_section()

    def act_insert_subsection(self) -> None:
        self.outline_dock.show()
        self.outline.insert_section(sub=True)

    def act_insert_prose(self) -> None:
        self.outline_dock.show()
        self.outline.insert_prose()

    def act_run_checks(self) -> None:
        self.checks_dock.show()
        self.checks_dock.raise_()
        self.checks.check_now()
        self.checks.view.setFocus()

    def act_find_in_sources(self) -> None:
        self.act_find_sources()

    def act_import_review(self) -> None:
        from briefing.gui.panes.review_pane import import_review

        import_review(self)


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
        view_state.save(self)
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
        self.layout_.save()

    def restore_layout(self) -> None:
        self.layout_.remember_default()
        self.layout_.restore()


PANES = (
    Pane("Outline", lambda w: w.outline_dock, lambda w: w.outline_panel.view),
    Pane("Sources", lambda w: w.sources_dock, lambda w: w.sources.view),
    Pane("Views", lambda w: w.tabs, lambda w: w._current_view()),
    Pane("Inspector", lambda w: w.inspector_dock, lambda w: w.inspector.first_field()),
    Pane("Checks", lambda w: w.checks_dock, lambda w: w.checks.view),
    Pane("Undo History", lambda w: w.history_dock, lambda w: w.history_dock.widget()),
)
"""The panes F6 cycles through, in reading order (left to right, top to bottom)."""


def _first_size() -> QSize:
    """1400×860, or less on a small screen (laptops at 1366×768) so nothing is cut off."""
    wanted = QSize(1400, 860)
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    room = screen.availableGeometry().size()
    return QSize(min(wanted.width(), int(room.width() * 0.95)),
                 min(wanted.height(), int(room.height() * 0.92)))
