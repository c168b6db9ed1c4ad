"""What the main window's mixins use of the window, declared for the type checker.

:class:`~briefing.gui.window.main_window.MainWindow` is assembled from mixins kept in their
own modules (``window_files``, ``window_review``).  Each mixin derives from
:class:`WindowParts`, which at run time is plain ``object`` and, for the type checker,
a ``QMainWindow`` declaring the panels and methods ``MainWindow`` provides.  A mixin
that starts using another part of the window adds it here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QThread, SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTabWidget, QWidget

    from briefing.gui.dialogs.section_picker import SectionPicker
    from briefing.gui.document.importing import Importer, ImportWorker
    from briefing.gui.document.session import Session
    from briefing.gui.inspector.inspector import Inspector
    from briefing.gui.panes.board import ClaimBoard
    from briefing.gui.panes.checks_panel import ChecksPanel
    from briefing.gui.panes.outline_view import OutlinePanel
    from briefing.gui.panes.reader import SourceReader
    from briefing.gui.panes.sources_panel import SourcesPanel
    from briefing.gui.window.find_bar import FindBar
    from briefing.gui.window.window_layout import WindowLayout

    class WindowParts(QMainWindow):
        session: Session
        importer: Importer | None
        _imports: list[tuple[QThread, ImportWorker]]
        _handed_over: bool
        tabs: QTabWidget
        board: ClaimBoard
        sources: SourcesPanel
        sources_dock: QDockWidget
        outline_dock: QDockWidget
        reader: SourceReader
        layout_: WindowLayout
        actions_: dict[str, QAction]
        section_picker: SectionPicker
        _placing: list[str]
        _picker_return: QWidget | None
        inspector: Inspector
        inspector_dock: QDockWidget
        checks: ChecksPanel
        checks_label: QLabel
        find_bar: FindBar
        open_requested: SignalInstance
        new_requested: SignalInstance
        session_replaced: SignalInstance

        @property
        def outline(self) -> OutlinePanel: ...
        def select_claim(self, claim_id: str) -> None: ...
        def open_source(self, source_id: str, start: int | None = None,
                        end: int | None = None) -> None: ...
        def act_properties(self) -> None: ...
        def delete_sources(self, source_ids: list[str]) -> bool: ...
        def _refresh_title(self, *_args: object) -> None: ...

else:
    WindowParts = object
