"""Every modal question the editor asks, in one place (tests replace these functions)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QInputDialog, QMessageBox, QWidget

from briefing.core import errors

BRIEFING_FILTER = "Briefing documents (*.briefing)"
OPEN_FILTER = "Briefing documents (*.briefing *.json);;All files (*)"
IMPORT_FILTER = (
    "Sources (*.txt *.md *.markdown *.html *.htm *.docx *.pdf *.json *.bib);;All files (*)"
)


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def confirm(parent: QWidget | None, title: str, message: str, action: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, message,
                      QMessageBox.StandardButton.Cancel, parent)
    accept = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is accept


READ_ONLY_OFFER = ("You can open it read-only: you can read, search and export it, "
                   "but not change it here.")

LOCK_REFUSALS = {
    errors.LOCK_ELSEWHERE: ("Briefing Is Open Elsewhere", READ_ONLY_OFFER),
    errors.LOCK_BUSY: ("Briefing Is Busy", "Try again in a moment. " + READ_ONLY_OFFER),
    errors.LOCK_UNTRUSTED: (
        "Edit Lock Not Trusted",
        "Briefing did not make this lock file and will not write through it. Remove it to "
        "edit the briefing. " + READ_ONLY_OFFER),
    errors.LOCK_OTHER_USER: (
        "Briefing Is Locked by Another User",
        "Another user's lock cannot be taken over; they may be editing it. " + READ_ONLY_OFFER),
    errors.LOCK_READ_ONLY_FOLDER: (
        "Folder Is Read-Only",
        "To change the briefing, open it read-only and save a copy in a folder you can "
        "write to. " + READ_ONLY_OFFER),
    errors.LOCK_UNUSABLE: ("Cannot Use the Edit Lock", READ_ONLY_OFFER),
}
"""Title and advice of the question asked when a briefing cannot be opened for editing,
by the reason (``FileLocked.kind``)."""


def ask_open_locked(parent: QWidget | None, path: str, problem: str,
                    kind: str = errors.LOCK_ELSEWHERE) -> bool:
    """True to open read-only a document that cannot be opened for editing (*kind* says
    why: see :data:`LOCK_REFUSALS`), False to cancel."""
    title, advice = LOCK_REFUSALS.get(kind, LOCK_REFUSALS[errors.LOCK_UNUSABLE])
    box = QMessageBox(QMessageBox.Icon.Question, title, problem,
                      QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(advice)
    read_only = box.addButton("Open Read-Only", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(read_only)
    box.exec()
    return box.clickedButton() is read_only


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """'save', 'discard' or 'cancel' for an untitled document being closed."""
    answer = QMessageBox.question(
        parent, "Save Briefing?",
        f"“{name}” has not been saved to a file yet.\nSave it before closing?",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
    return {QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard"}.get(answer, "cancel")


def ask_unsaved_after_failure(parent: QWidget | None, name: str, problem: str) -> str:
    """Closing while the latest changes could not be written: 'save_as' (to another
    file), 'retry', 'discard' (explicitly) or 'cancel' (keep the window open)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Changes Not Saved",
                      f"The latest changes to “{name}” could not be saved.\n\n{problem}",
                      QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText("Save them to another file, try again, or discard them "
                           "(the file keeps what was saved before).")
    save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
    retry = box.addButton("Retry", QMessageBox.ButtonRole.ActionRole)
    discard = box.addButton("Discard Changes", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(save_as)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    chosen: dict[QAbstractButton, str] = {save_as: "save_as", retry: "retry", discard: "discard"}
    return chosen.get(box.clickedButton(), "cancel")


QT_FILE_DIALOG_ENV = "BRIEFING_QT_FILE_DIALOG"
"""Set to 1 to use Qt's own file dialog instead of the system's (as on a screen-less
platform, where the system has none)."""


def file_dialog_options() -> QFileDialog.Option:
    """The system's file chooser, or Qt's own where there is no system to ask (the
    offscreen platform: tests, screenshots) or the environment asks for it."""
    if (os.environ.get(QT_FILE_DIALOG_ENV) == "1"
            or QGuiApplication.platformName() in ("offscreen", "minimal")):
        return QFileDialog.Option.DontUseNativeDialog
    return QFileDialog.Option(0)


def ask_open_path(parent: QWidget | None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open Briefing", "", OPEN_FILTER,
                                          options=file_dialog_options())
    return path or None


def ask_save_path(parent: QWidget | None, title: str, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, BRIEFING_FILTER,
                                          options=file_dialog_options())
    if not path:
        return None
    return path if Path(path).suffix else path + ".briefing"


def ask_review_path(parent: QWidget | None) -> str | None:
    """The reviewed Word file for File ▸ Import Review…."""
    path, _ = QFileDialog.getOpenFileName(parent, "Import Review", "",
                                          "Word documents (*.docx *.docm);;All files (*)",
                                          options=file_dialog_options())
    return path or None


def ask_import_paths(parent: QWidget | None) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, "Import Sources", "", IMPORT_FILTER,
                                            options=file_dialog_options())
    return paths


SAMPLE_LABEL = "Sample briefing (to explore)"


def ask_template(parent: QWidget | None) -> str | None:
    """A template name for File ▸ New ("assessment", "memo", "sitrep", "blank", "sample")."""
    from briefing.core.templates import TEMPLATES

    names = [*TEMPLATES, "sample"]
    labels = [TEMPLATES[n][0] if n in TEMPLATES else SAMPLE_LABEL for n in names]
    default = names.index("assessment") if "assessment" in names else 0
    label, ok = QInputDialog.getItem(parent, "New Briefing", "Start from:", labels, default,
                                     False)
    return names[labels.index(label)] if ok and label in labels else None


def ask_export_path(parent: QWidget | None, title: str, suggested: str, file_filter: str,
                    suffix: str) -> str | None:
    """Where to export; *suffix* is added when the user typed a name without one."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter,
                                          options=file_dialog_options())
    if not path:
        return None
    return path if Path(path).suffix else path + suffix


def ask_reference_doc(parent: QWidget | None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Reference Template", "",
                                          "Word documents and templates "
                                          "(*.docx *.dotx *.dotm *.docm)",
                                          options=file_dialog_options())
    return path or None


def export_done(parent: QWidget | None, path: str) -> str:
    """Tell the user the export is written: 'open', 'folder' or 'close'."""
    box = QMessageBox(QMessageBox.Icon.Information, "Export Finished",
                      f"Exported to {Path(path).name}.", QMessageBox.StandardButton.Close,
                      parent)
    box.setInformativeText(str(Path(path).parent))
    open_button = box.addButton("Open", QMessageBox.ButtonRole.AcceptRole)
    folder_button = box.addButton("Show in Folder", QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(open_button)
    box.exec()
    clicked = box.clickedButton()
    return "open" if clicked is open_button else "folder" if clicked is folder_button else "close"
