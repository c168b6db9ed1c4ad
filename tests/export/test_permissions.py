"""Exports are readable by colleagues: new files follow the umask, overwrites keep the mode."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from briefing.export import ExportOptions, export_document
from tests.export.expect import small_document

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.fixture
def umask():
    def set_mask(mask: int) -> None:
        os.umask(mask)

    old = os.umask(0o022)
    yield set_mask
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("name", ["out.docx", "out.md", "out.html"])
def test_new_exports_follow_the_umask(tmp_path: Path, umask, name: str) -> None:
    umask(0o022)
    assert _mode(export_document(small_document(), tmp_path / name)) == 0o644
    umask(0o027)
    assert _mode(export_document(small_document(), tmp_path / f"group-{name}")) == 0o640


def test_overwriting_keeps_the_existing_mode(tmp_path: Path, umask) -> None:
    umask(0o022)
    out = tmp_path / "shared.docx"
    out.write_bytes(b"old")
    out.chmod(0o664)
    export_document(small_document(), out)
    assert _mode(out) == 0o664
    out.chmod(0o600)
    export_document(small_document(), out)
    assert _mode(out) == 0o600


def test_pandoc_markdown_and_its_bibliography_follow_the_umask(tmp_path: Path, umask) -> None:
    umask(0o002)
    out = export_document(small_document(), tmp_path / "cites.md",
                          options=ExportOptions(citations="pandoc", bibliography="file"))
    assert _mode(out) == 0o664
    assert _mode(tmp_path / "cites.csl.json") == 0o664
