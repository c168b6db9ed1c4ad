"""Help ▸ About: the version, Briefing's licence and the third-party notices."""

from __future__ import annotations

from PySide6 import __version__ as qt_version
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefing import __version__
from briefing.resources import LICENCE, NOTICES, legal_text

MISSING = {
    LICENCE: "The licence file is not installed with this copy of Briefing. Briefing is "
             "under the MIT licence.",
    NOTICES: "The third-party notices are written by the bundle build. In a source "
             "checkout, run `python packaging/notices.py` to write build/THIRD-PARTY-NOTICES "
             "from the installed packages.",
}


def _text_page(text: str, name: str) -> QPlainTextEdit:
    page = QPlainTextEdit(text)
    page.setReadOnly(True)
    page.setObjectName(name)
    page.setAccessibleName(name)
    page.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    page.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return page


class AboutDialog(QDialog):
    """Version and legal texts; the texts are read-only and can be selected and copied."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Briefing")
        summary = QLabel(
            f"<b>Briefing {__version__}</b><br>Turn sources into cited analytic briefings."
            "<br><br>Works offline: nothing you write leaves this computer."
            f"<br>Qt for Python {qt_version} (LGPL-3.0)"
        )
        self.summary = summary
        self.tabs = QTabWidget()
        self.licence = _text_page(legal_text(LICENCE) or MISSING[LICENCE], "Licence")
        self.notices = _text_page(legal_text(NOTICES) or MISSING[NOTICES], "Third-Party Notices")
        self.tabs.addTab(self.licence, "&Licence")
        self.tabs.addTab(self.notices, "&Third-Party Notices")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)

    def summary_text(self) -> str:
        return self.summary.text()
