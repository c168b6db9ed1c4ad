"""The main window's file actions: new, open, save, import, drops, and the Help menu.

A mixin of :class:`~briefing.gui.window.main_window.MainWindow` (kept apart so the
window module stays small); it uses the window's session, panels and signals.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication

from briefing.core.errors import BriefingError
from briefing.gui import dialogs
from briefing.gui.document import editing
from briefing.gui.window.window_parts import WindowParts


def guide_path() -> Path | None:
    """docs/guide.md of a source checkout or a bundle, if it is there."""
    from briefing.resources import resource_dir

    for candidate in (resource_dir().parent / "docs" / "guide.md",
                      resource_dir() / "docs" / "guide.md"):
        if candidate.is_file():
            return candidate
    return None


class FileActions(WindowParts):
    """File and Help actions; mixed into MainWindow."""

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

    def settle_file(self) -> bool:
        """Before the window closes: write every pending edit.  When that fails, ask —
        save to another file, retry, or discard explicitly — and never drop the edits
        silently.  True when the window may close."""
        session = self.session
        if session.untitled or session.read_only:
            return True
        while not session.flush(report=False):
            answer = dialogs.ask_unsaved_after_failure(self, session.display_name,
                                                       session.save_error or "")
            if answer == "retry":
                continue
            if answer == "save_as" and self._save_elsewhere():
                return True
            if answer == "discard":
                session.discard()
                return True
            if answer == "cancel":
                return False
        return True

    def _save_elsewhere(self) -> bool:
        """Write the briefing with every pending edit to a file of the user's choice (the
        own file keeps its last saved state); True when written."""
        session = self.session
        assert session.path is not None  # only a document with its own file saves elsewhere
        suggested = session.path.with_name(session.path.stem + " (saved elsewhere).briefing")
        path = dialogs.ask_save_path(self, "Save Briefing As", str(suggested))
        if not path:
            return False
        try:
            session.save_copy(path)
        except BriefingError as error:
            dialogs.show_error(self, "Cannot Save", str(error))
            return False
        session.discard()  # every edit is in the new file
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
        from briefing.gui.window.import_progress import run_import

        thread, worker = run_import(self, self.session, self.importer, paths, self._imported)
        self._imports.append((thread, worker))
        thread.finished.connect(lambda: self._imports.remove((thread, worker)))

    def _imported(self, ids: list[str]) -> None:
        from briefing.gui.window.import_progress import imported_message

        self.sources.select_source(ids[-1])
        self.open_source(ids[-1])
        self.statusBar().showMessage(imported_message(len(ids)), 5000)

    def act_paste_source(self) -> None:
        from briefing.gui.document.paste import source_from_text

        text = QGuiApplication.clipboard().text()
        try:
            source, original = source_from_text(self.session.doc, text)
        except BriefingError as error:
            dialogs.show_error(self, "Nothing to Paste", str(error))
            return
        if editing.add_sources(self.session, [(source, original)], "New Source from Clipboard"):
            self.sources.select_source(source.id)
            self.open_source(source.id)

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

    def stop_imports(self) -> None:
        """Cancel running imports and wait for their threads (nothing is added)."""
        for thread, worker in list(self._imports):
            worker.cancel()
            thread.quit()
            thread.wait()

    def act_about(self) -> None:
        """Help ▸ About: version, licence and third-party notices (window-modal)."""
        from briefing.gui.dialogs.about import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def act_sample(self) -> None:
        self.new_requested.emit("sample")

    def act_guide(self) -> None:
        path = guide_path()
        if path is None:
            dialogs.show_error(self, "User Guide", "The user guide is not installed with "
                               "this copy of Briefing.")
            return
        from briefing.gui.dialogs.help_window import HelpWindow

        window = getattr(self, "help_window", None)
        if window is None:
            window = self.help_window = HelpWindow(path, self)
        window.show()
        window.raise_()
        window.activateWindow()
