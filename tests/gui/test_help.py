"""Help menu, window icon, and files the system asks the app to open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QFileOpenEvent
from PySide6.QtWidgets import QApplication

from briefing.gui.app import Editor, app_icon
from briefing.resources import sample_document, sample_path
from briefing.store.database import Store
from tests.gui.helpers import open_window


def _menu_texts(window, menu: str) -> list[str]:
    return [a.text() for a in window.menus[menu].actions() if a.text()]


def test_help_opens_a_fresh_untitled_copy_of_the_sample(qtbot):
    shipped = sample_path().read_bytes()
    editor = Editor()
    window = editor.new_window()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    assert _menu_texts(window, "Help") == ["&User Guide", "Open &Sample Briefing",
                                           "&About Briefing"]
    window.actions_["sample"].trigger()
    sample = editor.windows[-1]
    sample.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(sample)
    assert sample is not window and sample.isVisible()
    assert sample.session.untitled and sample.session.origin is None
    assert [c.id for c in sample.session.doc.claims] == [c.id for c in sample_document().claims]
    sample.act_new_claim()  # editing the copy never touches the shipped file
    assert sample_path().read_bytes() == shipped


def test_user_guide_opens_inside_the_editor_with_its_pictures(qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    window = open_window(qtbot, sample_document())
    window.actions_["guide"].trigger()  # Help ▸ User Guide (F1)
    help_window = window.help_window
    assert help_window.isVisible() and opened == []  # nothing handed to the system
    text = help_window.browser.toPlainText()
    assert "Place in Section" in text and "# " not in text.splitlines()[0]
    html = help_window.browser.toHtml()
    assert '<img src="images/' in html
    image = help_window.browser.document().resource(3, "images/reader.png")  # ImageResource
    assert image is not None and not image.isNull()


def _click_help_menu_item(qtbot, window, text: str) -> None:
    """Click Help in the menu bar, then the item, as a user does with the mouse."""
    bar, menu = window.menuBar(), window.menus["Help"]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible, timeout=5_000)
    [action] = [a for a in menu.actions() if a.text() == text]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_about_shows_version_licence_and_third_party_notices(qtbot, tmp_path, monkeypatch):
    from briefing import __version__, resources
    from briefing.gui.dialogs.about import AboutDialog

    bundle = tmp_path / "bundle"  # what packaging/build.py puts beside the program
    bundle.mkdir()
    (bundle / "LICENSE").write_text("MIT License\n\nCopyright (c) the team, as bundled\n")
    (bundle / "THIRD-PARTY-NOTICES").write_text("THIRD-PARTY NOTICES\n\nQt for Python: LGPL\n")
    window = open_window(qtbot, sample_document())
    monkeypatch.setattr(resources.sys, "_MEIPASS", str(bundle), raising=False)
    _click_help_menu_item(qtbot, window, "&About Briefing")
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is not None, timeout=5_000)
    dialog = window.findChild(AboutDialog)
    assert dialog.isVisible() and dialog.windowTitle() == "About Briefing"
    assert f"Briefing {__version__}" in dialog.summary_text()
    assert "as bundled" in dialog.tabs.currentWidget().toPlainText()
    tab_bar = dialog.tabs.tabBar()
    qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(1).center())
    assert dialog.tabs.currentWidget() is dialog.notices and dialog.notices.isVisible()
    assert "Qt for Python: LGPL" in dialog.notices.toPlainText()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_about_in_a_checkout_says_how_to_write_the_notices(qtbot, monkeypatch):
    from briefing.gui.dialogs.about import AboutDialog

    monkeypatch.setattr("briefing.gui.dialogs.about.legal_text", lambda name: None)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert "packaging/notices.py" in dialog.notices.toPlainText()
    assert "MIT" in dialog.licence.toPlainText()


def test_the_checkout_licence_is_the_repository_licence():
    from briefing.resources import LICENCE, legal_text

    text = legal_text(LICENCE)
    assert text is not None and text.startswith("MIT License")
    assert "Permission is hereby granted, free of charge" in text


def test_the_window_icon_comes_from_the_bundled_pngs():
    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 256, 512}


def test_a_file_open_event_opens_the_document(qtbot, tmp_path, seed_doc):
    path = tmp_path / "double-clicked.briefing"
    Store.create(path, seed_doc).close()
    editor = Editor()
    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(path)))
    [window] = editor.windows
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    assert window.session.path == path and window.isVisible()
