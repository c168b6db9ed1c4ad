"""The main window's actions and menus, built from one table of (menu, text, shortcut, slot)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget


@dataclass
class MenuSet:
    """The built actions by name, the menus by title, and File ▸ Open Recent."""

    actions: dict[str, QAction]
    menus: dict[str, QMenu]
    recent: QMenu


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
    "export_docx": ("File", "&Word…", "Ctrl+Shift+E", "Export to a Word document with real notes"),
    "export_md": ("File", "&Markdown…", None, "Export to Markdown with footnotes or citations"),
    "export_html": ("File", "&HTML…", None, "Export to a standalone web page"),
    "export_pdf": ("File", "&PDF…", None, "Export to PDF with footnotes at the foot of each page"),
    "import_review": ("File", "Import Re&view…", None,
                      "Read a colleague's reviewed Word copy: comments and proposed edits"),
    "document_history": ("File", "Document &History…", None,
                         "What happened to this briefing: review imports and decisions, "
                         "exports with an override"),
    "close": ("File", "&Close", Std.Close, "Close this window"),
    "quit": ("File", "&Quit", Std.Quit, "Close every window and quit"),
    "cut": ("Edit", "Cu&t", Std.Cut, "Cut the selected text"),
    "copy": ("Edit", "&Copy", Std.Copy, "Copy the selected text or items"),
    "paste": ("Edit", "&Paste", Std.Paste, "Paste into the focused field"),
    "select_all": ("Edit", "Select &All", Std.SelectAll, "Select everything in the focused view"),
    "delete": ("Edit", "&Delete", Std.Delete,
               "Delete what is selected in the focused pane (cards, sources, outline items)"),
    "place": ("Edit", "Place in Sectio&n…", "Ctrl+Shift+M",
              "Put the selected cards at the end of a section you choose"),

    "find": ("Edit", "&Find…", Std.Find, "Find in claims, paragraphs and sources"),
    "find_next": ("Edit", "Find &Next", Std.FindNext, "Show the next match"),
    "find_previous": ("Edit", "Find Pre&vious", Std.FindPrevious, "Show the previous match"),
    "filter_cards": ("Edit", "Filter &Cards…", "Ctrl+Alt+F", "Filter the claim board"),
    "find_sources": ("Edit", "Find in &Sources…", "Ctrl+Shift+F", "Search the sources"),
    "properties": ("Edit", "Briefing &Properties", "Ctrl+Shift+P",
                   "Edit title, authors, markings and note style"),
    "new_claim": ("Insert", "New &Claim", "Ctrl+Shift+N", "Add a blank claim card"),
    "insert_section": ("Insert", "&Section", "Ctrl+Alt+S", "Add a section to the outline"),
    "insert_subsection": ("Insert", "S&ubsection", "Ctrl+Alt+U",
                          "Add a section inside the current one"),
    "insert_prose": ("Insert", "&Prose Paragraph", "Ctrl+Alt+P",
                     "Add a paragraph of your own words to the current section"),
    "run_checks": ("Tools", "Run &Checks", "F7", "Check the briefing now and show the findings"),
    "find_in_sources": ("Tools", "Search &Sources…", None,
                        "Search the text of every source (also Edit ▸ Find in Sources)"),
    "guide": ("Help", "&User Guide", Std.HelpContents, "Open the user guide"),
    "sample": ("Help", "Open &Sample Briefing", None,
               "Explore a finished briefing (a new untitled copy; the sample stays as shipped)"),
    "about": ("Help", "&About Briefing", None, "Version and licence"),
}

MENUS = ("File", "Edit", "View", "Insert", "Tools", "Help")


def build_actions(window: QWidget, menu_bar: QMenuBar, stack: QUndoStack,
                  slot: Callable[[str], Callable[[], object]]) -> MenuSet:
    """Create the actions (owned by *window*) and the menus of *menu_bar*; *slot* gives the
    callable each action runs, by action name."""
    actions: dict[str, QAction] = {}
    menus = {name: menu_bar.addMenu(f"&{name}") for name in MENUS}
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
        action.triggered.connect(slot(name))
        actions[name] = action
    file_menu = menus["File"]
    for name in ("new", "open"):
        file_menu.addAction(actions[name])
    recent = file_menu.addMenu("Open &Recent")
    file_menu.addSeparator()
    for name in ("save_as", "save_copy"):
        file_menu.addAction(actions[name])
    file_menu.addSeparator()
    for name in ("import", "paste_source"):
        file_menu.addAction(actions[name])
    export_menu = file_menu.addMenu("&Export")
    for name in ("export_docx", "export_md", "export_html", "export_pdf"):
        export_menu.addAction(actions[name])
    file_menu.addAction(actions["import_review"])
    file_menu.addAction(actions["document_history"])
    file_menu.addSeparator()
    for name in ("close", "quit"):
        file_menu.addAction(actions[name])
    edit = menus["Edit"]
    edit.addActions([undo, redo])
    edit.addSeparator()
    for name in ("cut", "copy", "paste", "delete", "select_all"):
        edit.addAction(actions[name])
    edit.addSeparator()
    edit.addAction(actions["place"])
    edit.addSeparator()
    for name in ("find", "find_next", "find_previous", "filter_cards", "find_sources"):
        edit.addAction(actions[name])
    edit.addSeparator()
    edit.addAction(actions["properties"])
    menus["Insert"].addAction(actions["new_claim"])
    menus["Insert"].addSeparator()
    for name in ("insert_section", "insert_subsection", "insert_prose"):
        menus["Insert"].addAction(actions[name])
    for name in ("run_checks", "find_in_sources"):
        menus["Tools"].addAction(actions[name])
    for name in ("guide", "sample"):
        menus["Help"].addAction(actions[name])
    menus["Help"].addSeparator()
    menus["Help"].addAction(actions["about"])
    return MenuSet(actions, menus, recent)
