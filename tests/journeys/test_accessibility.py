"""Every interactive widget a user can reach has a name a screen reader can say.

The walk covers the main window as shown at 1366×768 (each tab and each inspector page)
and its dialogs (Place in Section…, Export); a widget without a name fails the test,
named by its class and where it sits.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from briefing.gui.app import Editor
from briefing.gui.document.session import Session
from briefing.resources import sample_document
from tests.journeys.conftest import SCREEN
from tests.journeys.user import wait_until

INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox,
               QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QTabBar)


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName()).strip()


def unnamed(top: QWidget) -> list[str]:
    found = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
            continue
        if isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox):
            continue  # a combo box's own line edit / a spin box's: named by the box
        parent_name = widget.parentWidget().objectName() if widget.parentWidget() else ""
        if widget.objectName().startswith("qt_") or parent_name.startswith("qt_scrollarea_"):
            continue  # Qt's own parts of a named widget: scroll bars, dock title buttons
        if isinstance(widget, QHeaderView):
            continue  # a view's column headers: each says its column's title
        if not spoken_name(widget):
            path = []
            parent: QWidget | None = widget
            while parent is not None and parent is not top:
                path.append(parent.objectName() or type(parent).__name__)
                parent = parent.parentWidget()
            found.append(" < ".join(path))
    return found


def test_every_visible_interactive_widget_has_an_accessible_name(qtbot):
    window = Editor().new_window(Session(sample_document()))
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    missing: list[str] = []
    window.select_claim("c1")
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        missing += unnamed(window)
    window.inspector.show_source("s1")
    missing += unnamed(window)
    window.inspector.show_briefing()
    missing += unnamed(window)
    window.checks_dock.show()

    window.board.select_claim("c11")
    picker = window.act_place(["c11"])
    wait_until(picker.isVisible)
    missing += unnamed(picker)
    picker.reject()
    dialog = window.open_export(".docx")
    wait_until(dialog.isVisible)
    missing += unnamed(dialog)
    dialog.reject()
    dialog.wait()
    assert sorted(set(missing)) == []


def spoken_description(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Description) if interface is not None else ""


def test_controls_whose_label_is_not_enough_describe_what_they_do(qtbot, tmp_path,
                                                                  monkeypatch):
    """Place in Section… and the review pane's decision buttons: a screen reader says
    what they do, not only their terse names."""
    from briefing.gui import dialogs
    from tests.gui.test_review_pane import _menu_action, _reviewed
    from tests.review import builders as b

    window = Editor().new_window(Session(sample_document()))
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    window.board.select_claim("c11")
    picker = window.act_place(["c11"])
    wait_until(picker.isVisible)
    place = picker.buttons.buttons()[0]
    said = {name: spoken_description(widget) for name, widget in (
        ("dialog", picker), ("search", picker.search), ("list", picker.list),
        ("Place", place))}
    picker.reject()
    assert "section" in said["dialog"] and "end" in said["dialog"]
    assert "narrow the list" in said["search"]
    assert "subsections" in said["list"]
    assert "undoable" in said["Place"]

    reviewed = _reviewed(tmp_path)
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(reviewed))
    reviewing = Editor().new_window(Session(b.identified_small()))
    qtbot.addWidget(reviewing)
    reviewing.show()
    qtbot.waitExposed(reviewing)
    _menu_action(reviewing, "File", "Import Review…")
    pane = reviewing.review_dock.widget()
    described = {name: spoken_description(button) for name, button in pane.buttons.items()}
    assert "undo" in described["accept"]
    assert "not changed" in described["reject"] and "not changed" in described["resolve"]
    assert "notes" in described["note"]
    assert "confirm" in described["remove_citation"]
    assert "reviewer" in described["accept_all"]
