"""The Linux desktop integration: menu entry, MIME type with magic, AppStream metadata."""

from __future__ import annotations

import configparser
import shutil
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from briefing.core.document import Document
from briefing.documents import save_document
from briefing.store.schema import APPLICATION_ID, SQLITE_MAGIC
from tests.packaging.conftest import (
    APP_ICON,
    APP_ID,
    DESKTOP_FILE,
    DOCUMENT_ICON,
    ICONS,
    METAINFO_FILE,
    MIME_FILE,
    MIME_TYPE,
)

MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_opens_briefing_files_with_the_app() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Briefing"
    assert entry["Exec"] == "briefing %f"
    assert entry["Icon"] == APP_ICON
    assert "Office" in entry["Categories"].split(";")
    assert MIME_TYPE in entry["MimeType"].split(";")
    assert entry["MimeType"].endswith(";") and entry["Categories"].endswith(";")
    assert entry["Terminal"] == "false"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def mime_type_element() -> ET.Element:
    root = ET.parse(MIME_FILE).getroot()
    types = root.findall("m:mime-type", MIME_NS)
    assert [t.get("type") for t in types] == [MIME_TYPE]
    return types[0]


def unescape_magic(value: str) -> bytes:
    """shared-mime-info string values use C-style escapes such as \\0."""
    return value.encode("latin-1").decode("unicode_escape").encode("latin-1")


def magic_rules() -> list[tuple[int, bytes]]:
    """(offset, bytes) pairs that must all hold, from the outer match inwards."""
    magic = mime_type_element().find("m:magic", MIME_NS)
    assert magic is not None
    rules = []
    match = magic.find("m:match", MIME_NS)
    while match is not None:
        offset = int(match.get("offset"))
        kind, value = match.get("type"), match.get("value")
        if kind == "string":
            rules.append((offset, unescape_magic(value)))
        elif kind == "big32":
            rules.append((offset, int(value, 0).to_bytes(4, "big")))
        else:
            raise AssertionError(f"unexpected magic type {kind}")
        match = match.find("m:match", MIME_NS)
    return rules


def matches(path: Path) -> bool:
    header = path.read_bytes()[:100]
    return all(header[o : o + len(v)] == v for o, v in magic_rules())


def test_mime_type_declares_glob_icon_and_sqlite_parent() -> None:
    element = mime_type_element()
    assert [g.get("pattern") for g in element.findall("m:glob", MIME_NS)] == ["*.briefing"]
    parents = [s.get("type") for s in element.findall("m:sub-class-of", MIME_NS)]
    assert parents == ["application/vnd.sqlite3"]
    assert element.find("m:icon", MIME_NS).get("name") == DOCUMENT_ICON
    assert (ICONS / f"{DOCUMENT_ICON}.svg").exists()
    assert element.find("m:comment", MIME_NS).text


def test_magic_is_the_store_header() -> None:
    assert magic_rules() == [(0, SQLITE_MAGIC), (68, APPLICATION_ID.to_bytes(4, "big"))]


def test_magic_recognises_a_saved_briefing_but_not_other_sqlite(tmp_path: Path) -> None:
    ours = tmp_path / "no-extension"
    save_document(Document(), tmp_path / "doc.briefing")
    (tmp_path / "doc.briefing").rename(ours)
    other = tmp_path / "other"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert matches(ours)
    assert not matches(other)


@pytest.mark.skipif(
    not (shutil.which("update-mime-database") and shutil.which("gio")),
    reason="shared-mime-info and gio",
)
def test_shared_mime_info_detects_briefing_files(tmp_path: Path) -> None:
    data = tmp_path / "share"
    (data / "mime" / "packages").mkdir(parents=True)
    shutil.copy(MIME_FILE, data / "mime" / "packages" / "briefing.xml")
    subprocess.run(["update-mime-database", str(data / "mime")], check=True)
    doc = tmp_path / "Analysis.briefing"
    save_document(Document(), doc)
    bare = tmp_path / "Analysis"
    bare.write_bytes(doc.read_bytes())
    env = {"XDG_DATA_DIRS": str(data), "XDG_DATA_HOME": str(data), "PATH": "/usr/bin:/bin"}
    for path in (doc, bare):
        result = subprocess.run(
            ["gio", "info", "-a", "standard::content-type", str(path)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        assert f"standard::content-type: {MIME_TYPE}" in result.stdout


def test_metainfo_names_the_app_its_launcher_and_file_type() -> None:
    root = ET.parse(METAINFO_FILE).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == "Briefing"
    assert root.findtext("summary")
    assert root.findtext("metadata_license") and root.findtext("project_license")
    assert root.find("description/p") is not None
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    assert root.findtext("provides/mediatype") == MIME_TYPE
    assert root.findtext("provides/binary") == desktop_entry()["Exec"].split()[0]
    from briefing import __version__

    assert root.find("releases/release").get("version") == __version__


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO_FILE)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
