"""export_document: writer by suffix, atomic writes, clear errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from briefing.core.errors import DomainError, FileProblem
from briefing.export import export_document, export_format
from briefing.store.jsonio import dump_json
from tests.export.expect import small_document


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.docx", ".docx"),
        ("a.DOCX", ".docx"),
        ("a.md", ".md"),
        ("a.markdown", ".md"),
        ("a.html", ".html"),
        ("a.htm", ".html"),
    ],
)
def test_writer_is_chosen_by_suffix(name: str, fmt: str) -> None:
    assert export_format(name) == fmt


def test_each_format_writes_what_its_suffix_says(tmp_path: Path) -> None:
    doc = small_document()
    assert zipfile.is_zipfile(export_document(doc, tmp_path / "a.docx"))
    assert (export_document(doc, tmp_path / "a.md")).read_text().startswith("UNCLASSIFIED")
    assert (export_document(doc, tmp_path / "a.html")).read_text().startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.html", "a.md"]


def test_unknown_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match=r"out\.odt: cannot export to \.odt"):
        export_document(small_document(), tmp_path / "out.odt")
    assert not list(tmp_path.iterdir())


def test_notes_option_overrides_and_is_checked(tmp_path: Path) -> None:
    path = export_document(small_document(), tmp_path / "a.docx", notes="endnotes")
    assert "word/endnotes.xml" in zipfile.ZipFile(path).namelist()
    with pytest.raises(FileProblem, match="note style 'sidenotes'"):
        export_document(small_document(), tmp_path / "b.docx", notes="sidenotes")


def test_reference_doc_is_for_word_only(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="applies to .docx exports only"):
        export_document(small_document(), tmp_path / "a.md", reference_doc=tmp_path / "t.docx")


@pytest.mark.parametrize("suffix", [".docx", ".md", ".html"])
def test_failed_export_leaves_no_file_and_keeps_the_old_one(tmp_path: Path, suffix: str) -> None:
    doc = small_document()
    source_json = tmp_path / "input.json"
    dump_json(doc, source_json)
    before = source_json.read_bytes()
    target = tmp_path / f"out{suffix}"
    target.write_bytes(b"previous export")
    doc._sources.pop("s1")  # a dangling citation: refused before writing
    with pytest.raises(DomainError, match="claim 'c2'"):
        export_document(doc, target)
    assert target.read_bytes() == b"previous export"
    assert source_json.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.json", f"out{suffix}"]


def test_writer_crash_mid_write_leaves_no_file(tmp_path: Path, monkeypatch) -> None:
    import briefing.export.docx_writer as writer

    def explode(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "_write_properties", explode)
    with pytest.raises(FileProblem, match="out.docx: could not write: no space left on device"):
        export_document(small_document(), tmp_path / "out.docx")
    assert not list(tmp_path.iterdir())


def test_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="does not exist"):
        export_document(small_document(), tmp_path / "nowhere" / "out.md")
