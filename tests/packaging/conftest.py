"""Paths shared by the packaging tests."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
LINUX = PACKAGING / "linux"
ICONS = REPO / "resources" / "icons"

DESKTOP_FILE = LINUX / "briefing.desktop"
MIME_FILE = LINUX / "briefing-mime.xml"
METAINFO_FILE = LINUX / "org.briefing.Briefing.metainfo.xml"
INFO_PLIST = PACKAGING / "macos" / "Info.plist"
INNO_SCRIPT = PACKAGING / "windows" / "briefing.iss"
SPEC_FILE = PACKAGING / "briefing.spec"

MIME_TYPE = "application/x-briefing"
APP_ID = "org.briefing.Briefing"
UTI = "org.briefing.briefing-document"
APP_ICON = "briefing"
DOCUMENT_ICON = "application-x-briefing"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
