"""Reviews made by LibreOffice (a word processor we did not write), driven over UNO.

Skipped where LibreOffice or its Python bridge is missing
(``apt-get install libreoffice-writer-nogui python3-uno``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from briefing.export import export_document
from briefing.review import read_review
from tests.review import builders as b
from tests.review.helpers import accept_all, pandoc_view

SCRIPT = Path(__file__).with_name("lo_review.py")
SYSTEM_PYTHON = "/usr/bin/python3"


def _has_uno() -> bool:
    if shutil.which("soffice") is None or not Path(SYSTEM_PYTHON).exists():
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True)
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(not _has_uno(), reason="LibreOffice with python3-uno needed")


def lo_edit(src: Path, dst: Path, replacements: list[tuple[str, str]]) -> Path:
    subprocess.run(
        [SYSTEM_PYTHON, str(SCRIPT), str(src), str(dst), str(dst.parent / "lo-profile"),
         "Lena Ortiz", json.dumps(replacements)],
        check=True, timeout=240, capture_output=True,
    )
    return dst


def test_a_round_trip_without_edits_shows_nothing(tmp_path: Path) -> None:
    saved = lo_edit(b.exported(tmp_path), tmp_path / "roundtrip.docx", [])
    review = read_review(b.identified_small(), saved)
    assert review.items == [] and review.warnings == []


def test_tracked_edits_by_libreoffice(tmp_path: Path) -> None:
    original = b.exported(tmp_path)
    path = lo_edit(original, tmp_path / "lo.docx", [
        ("likely within", "very likely within"),
        ("dredging sets", "silting sets"),
        (" on 18 December", ""),
        ("Evidence", "Reporting"),
    ])
    doc = b.identified_small()
    review = read_review(doc, path)
    found = [(i.kind, i.origin, i.reviewer, i.block, i.after) for i in review.items]
    assert found == [
        ("edit", "tracked", "Lena Ortiz", "_brf_c_c2",
         "(U) Full capacity is very likely within two weeks."),
        ("edit", "tracked", "Lena Ortiz", "_brf_p_k1_05efd9b9",
         "(U) Reopening is partial; silting sets the pace."),
        ("rename", "tracked", "Lena Ortiz", "_brf_s_k2", "Reporting"),
        ("edit", "tracked", "Lena Ortiz", "_brf_c_c1", "(U) Two berths reopened."),
    ]
    accept_all(doc, review)
    accepted = export_document(doc, tmp_path / "accepted.docx")
    assert pandoc_view(accepted, "accept") == pandoc_view(path, "accept")
    assert pandoc_view(path, "reject") == pandoc_view(original, "accept")


def test_paragraphs_deleted_and_added_by_libreoffice(tmp_path: Path) -> None:
    original = b.exported(tmp_path)
    path = lo_edit(original, tmp_path / "lo-structure.docx", [
        ("^.*dredging sets the pace\\.$", "", True),
        ("^(Key Judgments)$", "$1\\nTug crews are short-handed.", True),
    ])
    doc = b.identified_small()
    review = read_review(doc, path)
    found = [(i.kind, i.origin, i.reviewer, i.block, i.before or i.after) for i in review.items]
    assert found == [
        ("new", "tracked", "Lena Ortiz", "_brf_s_k1", "Tug crews are short-handed."),
        ("delete", "tracked", "Lena Ortiz", "_brf_p_k1_05efd9b9",
         "(U) Reopening is partial; dredging sets the pace."),
    ]
    accept_all(doc, review)
    accepted = export_document(doc, tmp_path / "accepted.docx")
    assert pandoc_view(accepted, "accept") == pandoc_view(path, "accept")
    assert pandoc_view(path, "reject") == pandoc_view(original, "accept")
