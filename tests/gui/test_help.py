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


def test_user_guide_opens_the_local_guide(qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    window = open_window(qtbot, sample_document())
    window.actions_["guide"].trigger()
    [url] = opened
    assert url.isLocalFile() and url.toLocalFile().endswith("docs/guide.md")


def test_about_names_the_version(qtbot, monkeypatch):
    from briefing import __version__
    from briefing.gui import dialogs

    shown = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, title, text: shown.append(text))
    window = open_window(qtbot, sample_document())
    window.actions_["about"].trigger()
    assert f"Briefing {__version__}" in shown[0]


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
