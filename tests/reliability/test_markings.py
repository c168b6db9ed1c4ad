"""An export is never classified below its highest portion mark without an explicit override.

``export_document`` refuses a briefing whose classification is below a placed
portion (nothing written, an existing export untouched); the override
exports it under the highest portion's banner, and the CLI records the
override in the .briefing's history.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from briefing.export import export_document
from briefing.export.api import MarkingBelowPortion, marking_shortfall
from briefing.store.database import Store
from briefing.store.jsonio import document_from_dict
from tests.reliability.helpers import (
    assert_one_line_error,
    marked_document,
    run_cli,
    write_json,
)


def _banner_lines(path: Path) -> list[str]:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as package:
            header = b"".join(package.read(n) for n in package.namelist() if "header" in n)
        return [header.decode("utf-8")]
    return path.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("suffix", [".docx", ".md", ".html"])
def test_underclassified_export_is_refused_and_writes_nothing(tmp_path: Path, suffix: str) -> None:
    doc = document_from_dict(marked_document("C", "S"))
    target = tmp_path / f"brief{suffix}"
    target.write_text("previous export")
    with pytest.raises(MarkingBelowPortion) as refused:
        export_document(doc, target)
    message = str(refused.value)
    assert str(target) in message and "\n" not in message
    assert "classified CONFIDENTIAL but a portion is SECRET" in message
    assert target.read_text() == "previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


@pytest.mark.parametrize("suffix", [".docx", ".md", ".html"])
def test_override_exports_under_the_highest_portions_banner(tmp_path: Path, suffix: str) -> None:
    doc = document_from_dict(marked_document("C", "S"))
    target = export_document(doc, tmp_path / f"brief{suffix}", allow_underclassified=True)
    text = "\n".join(_banner_lines(target))
    assert "SECRET" in text
    assert "CONFIDENTIAL" not in text  # the banner is never below the portions


@pytest.mark.parametrize(
    ("classification", "top", "refused"),
    [("S", "S", False), ("TS", "S", False), ("U", "C", True), ("C", "TS", True), ("", "S", False)],
)
def test_only_a_classification_below_a_portion_is_refused(
    classification: str, top: str, refused: bool
) -> None:
    doc = document_from_dict(marked_document(classification, top))
    assert (marking_shortfall(doc) is not None) is refused


def test_unplaced_cards_and_unmarked_schemes_do_not_count(tmp_path: Path) -> None:
    data = marked_document("C", "S")
    data["sections"][0]["blocks"] = [{"claim": "c1"}]  # the SECRET card stays on the board
    assert marking_shortfall(document_from_dict(data)) is None
    data = marked_document("C", "S")
    data["briefing"]["marking_scheme"] = "none"
    export_document(document_from_dict(data), tmp_path / "plain.md")


def test_cli_refuses_then_records_the_override_in_history(tmp_path: Path) -> None:
    source = write_json(tmp_path / "marked.json", marked_document("C", "S"))
    doc = tmp_path / "marked.briefing"
    assert run_cli("export", str(source), "-o", str(doc)).returncode == 0
    out = tmp_path / "brief.docx"
    assert_one_line_error(
        run_cli("export", str(doc), "-o", str(out)), str(out), "portion is SECRET"
    )
    assert not out.exists()
    with Store.open(doc) as store:
        assert store.history() == []
    result = run_cli("export", str(doc), "-o", str(out), "--override-marking")
    assert result.returncode == 0, result.stderr
    assert out.exists()
    with Store.open(doc) as store:
        (entry,) = store.history()
    assert entry[1] == "marking-override"
    assert (
        "brief.docx" in entry[2] and "classified CONFIDENTIAL but a portion is SECRET" in entry[2]
    )


def test_cli_override_on_json_input_says_it_is_not_recorded(tmp_path: Path) -> None:
    source = write_json(tmp_path / "marked.json", marked_document("C", "S"))
    result = run_cli("export", str(source), "-o", str(tmp_path / "b.md"), "--override-marking")
    assert result.returncode == 0
    assert "marking override not recorded" in result.stderr


def test_cli_override_is_refused_when_it_cannot_be_recorded(tmp_path: Path) -> None:
    source = write_json(tmp_path / "marked.json", marked_document("C", "S"))
    doc = tmp_path / "marked.briefing"
    assert run_cli("export", str(source), "-o", str(doc)).returncode == 0
    out = tmp_path / "brief.md"
    with Store.open(doc):  # the editor has it open: the override cannot be written down
        result = run_cli("export", str(doc), "-o", str(out), "--override-marking")
    assert_one_line_error(result, str(doc), "open in another Briefing")
    assert not out.exists()
