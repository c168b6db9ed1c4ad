"""The main window's actions and menus, built from one table of (menu, text, shortcut, slot)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from briefing.gui.main_window import MainWindow

Std = QKeySequence.StandardKey

# name: (menu, text, shortcut, status tip)
ACTIONS: dict[str, tuple[str, str, QKeySequence.StandardKey | str | None, str]] = {
    "new": ("File", "&New", Std.New, "Start a new briefing in a new window"),
    "open": ("File", "&Open…", Std.Open, "Open a .briefing or briefing/v1 .json file"),
    "save_as": ("File", "&Save…", Std.Save,
                "Choose where to keep this briefing (saved files save themselves)"),
    "save_copy": ("File", "Save a &Copy…", Std.SaveAs, "Write a copy of this briefing"),
    "import": ("File", "&Import Sources…", "Ctrl+I", "Add text, web, Word, PDF or reference files"),
    "paste_source": ("File", "New Source from C&lipboard", "Ctrl+Shift+V",
                     "Make a source from the text on the clipboard"),
    "close": ("File", "&Close", Std.Close, "Close this window"),
    "quit": ("File", "&Quit", Std.Quit, "Close every window and quit"),
    "delete": ("Edit", "&Delete", Std.Delete, "Delete the selected cards or sources"),
    "find": ("Edit", "&Find Cards…", Std.Find, "Filter the claim board"),
    "find_sources": ("Edit", "Find in &Sources…", "Ctrl+Shift+F", "Search the sources"),
    "properties": ("Edit", "Briefing &Properties", "Ctrl+Shift+P",
                   "Edit title, authors, markings and note style"),
    "new_claim": ("Insert", "New &Claim", "Ctrl+Shift+N", "Add a blank claim card"),
    "undo_history": ("Tools", "Undo &History", None, "Show every step that can be undone"),
    "about": ("Help", "&About Briefing", None, "Version and licence"),
}

MENUS = ("File", "Edit", "View", "Insert", "Tools", "Help")


def build_actions(window: MainWindow) -> dict[str, QAction]:
    """Create the actions and menus; slots are ``window.act_<name>``."""
    actions: dict[str, QAction] = {}
    menus = {name: window.menuBar().addMenu(f"&{name}") for name in MENUS}
    stack = window.session.undo_stack
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcut(Std.Undo)
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcut(Std.Redo)
    actions["undo"], actions["redo"] = undo, redo
    for name, (_menu, text, shortcut, tip) in ACTIONS.items():
        action = QAction(text, window)
        action.setObjectName(f"action_{name}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.triggered.connect(getattr(window, f"act_{name}"))
        actions[name] = action
    file_menu = menus["File"]
    for name in ("new", "open"):
        file_menu.addAction(actions[name])
    window.recent_menu = file_menu.addMenu("Open &Recent")
    file_menu.addSeparator()
    for name in ("save_as", "save_copy"):
        file_menu.addAction(actions[name])
    file_menu.addSeparator()
    for name in ("import", "paste_source"):
        file_menu.addAction(actions[name])
    file_menu.addSeparator()
    for name in ("close", "quit"):
        file_menu.addAction(actions[name])
    edit = menus["Edit"]
    edit.addActions([undo, redo])
    edit.addSeparator()
    for name in ("delete", "find", "find_sources"):
        edit.addAction(actions[name])
    edit.addSeparator()
    edit.addAction(actions["properties"])
    menus["Insert"].addAction(actions["new_claim"])
    menus["Tools"].addAction(actions["undo_history"])
    menus["Help"].addAction(actions["about"])
    window.menus = menus
    return actions
