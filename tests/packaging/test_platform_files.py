"""Windows installer script, macOS Info.plist and the PyInstaller spec."""

from __future__ import annotations

import ast
import plistlib
import re

from tests.packaging.conftest import (
    APP_ID,
    DOCUMENT_ICON,
    ICONS,
    INFO_PLIST,
    INNO_SCRIPT,
    MIME_TYPE,
    REPO,
    SPEC_FILE,
    UTI,
)


def plist() -> dict:
    with INFO_PLIST.open("rb") as handle:
        return plistlib.load(handle)


def test_info_plist_declares_the_briefing_document_type() -> None:
    info = plist()
    assert info["CFBundleIdentifier"] == APP_ID
    (doc_type,) = info["CFBundleDocumentTypes"]
    assert doc_type["LSItemContentTypes"] == [UTI]
    assert doc_type["CFBundleTypeRole"] == "Editor"
    (exported,) = info["UTExportedTypeDeclarations"]
    assert exported["UTTypeIdentifier"] == UTI
    assert "public.data" in exported["UTTypeConformsTo"]
    tags = exported["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == ["briefing"]
    assert tags["public.mime-type"] == [MIME_TYPE]


def test_info_plist_icons_exist() -> None:
    info = plist()
    assert (ICONS / info["CFBundleIconFile"]).exists()
    assert info["UTExportedTypeDeclarations"][0]["UTTypeIconFile"] == f"{DOCUMENT_ICON}.icns"
    assert (ICONS / f"{DOCUMENT_ICON}.icns").exists()


def iss_defines() -> dict[str, str]:
    text = INNO_SCRIPT.read_text(encoding="utf-8")
    return dict(re.findall(r'^\s*#define (\w+) "([^"]*)"', text, re.MULTILINE))


def test_inno_setup_registers_the_extension_with_an_open_command() -> None:
    text = INNO_SCRIPT.read_text(encoding="utf-8")
    defines = iss_defines()
    prog_id = defines["ProgId"]
    assert re.search(r'Subkey: "Software\\Classes\\\.briefing"; .*ValueData: "\{#ProgId\}"', text)
    assert "{#ProgId}\\DefaultIcon" in text
    assert '"{app}\\{#GuiExe}"" ""%1"""' in text  # open command quotes the file path
    assert prog_id == "Briefing.Document"
    assert "ChangesAssociations=yes" in text
    assert "[Icons]" in text and "{autoprograms}" in text
    assert f"{DOCUMENT_ICON}.ico" in text and "SetupIconFile=resources\\icons\\briefing.ico" in text


def test_inno_setup_ships_the_spec_executables() -> None:
    defines = iss_defines()
    spec = SPEC_FILE.read_text(encoding="utf-8")
    for exe in (defines["GuiExe"], defines["CliExe"]):
        assert f'executable("{exe.removesuffix(".exe")}"' in spec
    assert 'Source: "dist\\Briefing\\*"' in INNO_SCRIPT.read_text(encoding="utf-8")


def test_inno_setup_version_matches_the_package() -> None:
    from briefing import __version__

    assert iss_defines()["AppVersion"] == __version__


def test_spec_compiles_and_bundles_resources_and_plist() -> None:
    source = SPEC_FILE.read_text(encoding="utf-8")
    compile(source, str(SPEC_FILE), "exec")
    assert '"resources"' in source
    assert 'module_collection_mode={"docx": "pyz+py"}' in source
    assert '"macos" / "Info.plist"' in source and "BUNDLE(" in source
    assert (REPO / "packaging" / "launcher.py").exists()


def spec_qt_modules() -> set[str]:
    tree = ast.parse(SPEC_FILE.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "QT_MODULES_USED":
            return set(ast.literal_eval(node.value))
    raise AssertionError("QT_MODULES_USED not found in the spec")


def test_spec_keeps_every_qt_module_the_gui_imports() -> None:
    """A Qt module the GUI starts to use must be added to the spec, or the bundle breaks."""
    imported = set()
    for path in (REPO / "briefing").rglob("*.py"):
        imported |= set(re.findall(r"\bPySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    kept = spec_qt_modules()
    assert imported <= kept, f"add {sorted(imported - kept)} to QT_MODULES_USED"
    assert kept == {"QtCore", "QtGui", "QtWidgets"}
