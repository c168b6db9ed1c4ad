"""Headless Qt for GUI tests: offscreen platform, settings in a test location."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402

from briefing.core.document import Document  # noqa: E402
from briefing.core.model import BriefingInfo, Source  # noqa: E402
from tests.material import article_text  # noqa: E402

QStandardPaths.setTestModeEnabled(True)



@pytest.fixture(scope="session")
def seed_text() -> str:
    """The project's news article (tests/material)."""
    return article_text()


SETTINGS_ENV = "BRIEFING_TEST_SETTINGS"


def use_settings_dir(path: str) -> None:
    """Keep QSettings in *path* (each test run its own, so parallel runs never share)."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, path)


@pytest.fixture(scope="session", autouse=True)
def _private_settings(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("settings"))
    use_settings_dir(path)
    os.environ[SETTINGS_ENV] = path  # child editor processes use the same settings
    return path


@pytest.fixture(autouse=True)
def _clean_settings(qapp, tmp_path, _private_settings):
    qapp.setOrganizationName("BriefingTests")
    qapp.setApplicationName("BriefingTests")
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def seed_doc(seed_text: str) -> Document:
    """A document with the project's article as its only source, and no claims."""
    return Document(
        BriefingInfo(title="Basin talks"),
        [Source(id="s1", key="article", kind="news", title="Forecasts for the Kestrel Basin",
                published="2025-12-20", reliability="B", text=seed_text)],
    )


@pytest.fixture(autouse=True)
def dialog_log(monkeypatch):
    """No real modal dialog ever opens in tests; what would be shown is recorded."""
    from tests.gui.helpers import DialogLog

    return DialogLog(monkeypatch)
