"""Help ▸ User Guide (F1): docs/guide.md rendered inside the editor, pictures included.

The ``markdown`` package (already used to import Markdown sources) turns the guide into
HTML; a QTextBrowser shows it with the guide's folder as the base for its pictures.
Links to other pages open in the browser of the system; nothing is fetched here.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

PICTURE_WIDTH = 720
"""Pictures are shown at most this wide (the screenshots are full windows)."""


def guide_html(path: Path) -> str:
    import markdown

    html = markdown.markdown(path.read_text(encoding="utf-8"),
                             extensions=["tables", "fenced_code", "sane_lists"])
    return re.sub(r"<img ", f'<img width="{PICTURE_WIDTH}" ', html)


class HelpWindow(QDialog):
    """The guide in a window of its own, beside the editor (not modal)."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Briefing User Guide")
        self.setObjectName("helpWindow")
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
        self.browser.setHtml(guide_html(path))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(860, 760)

    def _link(self, url: QUrl) -> None:
        if url.scheme() in ("", "file") and url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
