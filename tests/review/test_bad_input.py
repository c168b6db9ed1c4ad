"""Files a review must refuse or read partly, each with one clear message."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import docx
import pytest

from briefing.core import ops
from briefing.core.errors import FileProblem
from briefing.core.model import evolve
from briefing.review import read_review
from tests.review import builders as b


def _refusal(doc, path: Path) -> str:
    with pytest.raises(FileProblem) as caught:
        read_review(doc, path)
    message = str(caught.value)
    assert path.name in message and "\n" not in message
    return message


def test_a_file_from_another_briefing_is_refused(tmp_path: Path) -> None:
    path = b.exported(tmp_path)
    other = b.identified_small()
    other.apply(ops.SetInfo(evolve(other.info, extra={"document_id": "another"})))
    assert "another briefing (“Harbour Access Review”)" in _refusal(other, path)


def test_a_changed_briefing_is_read_with_a_warning(tmp_path: Path) -> None:
    path = b.exported(tmp_path)
    doc = b.identified_small()
    doc.apply(ops.ReplaceClaim(evolve(doc.claim("c1"), text="Three berths reopened.")))
    review = read_review(doc, path)
    assert review.items == []
    assert any("changed since this file was exported" in w and "1 paragraph" in w
               for w in review.warnings)


def test_a_word_file_not_from_briefing(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    word = docx.Document()
    word.add_paragraph("Dear colleague")
    word.save(str(path))
    assert "was not exported by Briefing" in _refusal(b.identified_small(), path)


def test_password_protected_files_are_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(512))
    assert "password-protected" in _refusal(b.identified_small(), path)


def test_damaged_and_bomb_files(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(b"PK\x03\x04 not really")
    assert "not a valid .docx" in _refusal(b.identified_small(), damaged)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (300 << 20))
    assert "zip bomb" in _refusal(b.identified_small(), bomb)
    broken = b.rewrite(b.exported(tmp_path), tmp_path / "broken.docx", lambda root: None)
    with zipfile.ZipFile(broken) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"][:-40]
    with zipfile.ZipFile(broken, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert "word/document.xml is not well-formed" in _refusal(b.identified_small(), broken)


def test_entities_are_never_expanded_nor_fetched(tmp_path: Path) -> None:
    path = b.rewrite(b.exported(tmp_path), tmp_path / "entity.docx", lambda root: None)
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    xml = parts["word/document.xml"].decode()
    head = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM '
            '"http://example.invalid/x">]>')
    parts["word/document.xml"] = (head + xml[xml.index("<w:document"):]).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    review = read_review(b.identified_small(), path)
    assert review.items == []


def test_a_macro_enabled_file_is_read_without_its_macros(tmp_path: Path) -> None:
    src = b.exported(tmp_path)
    path = tmp_path / "macros.docm"
    with zipfile.ZipFile(src) as archive, zipfile.ZipFile(path, "w") as out:
        for name in archive.namelist():
            out.writestr(name, archive.read(name))
        out.writestr("word/vbaProject.bin", b"Attribute VB_Name = AutoOpen")
    review = read_review(b.identified_small(), path)
    assert review.items == [] and any("macros" in w and "never run" in w for w in review.warnings)


def test_ten_thousand_comments_are_read(tmp_path: Path) -> None:
    count = 10_000

    def edit(root) -> None:
        paragraph = b.marked(root, "_brf_c_c1")
        for n in range(count):
            b.comment_range(paragraph, str(n), start=True)
            b.comment_range(paragraph, str(n), start=False)

    comments = b.comments_xml([(str(n), "Bulk", "B", f"remark {n}", f"{n:08X}")
                               for n in range(count)])
    path = b.rewrite(b.exported(tmp_path), tmp_path / "many.docx", edit,
                     {"word/comments.xml": comments})
    started = time.perf_counter()
    review = read_review(b.identified_small(), path)
    assert len(review.items) == count
    assert {i.block for i in review.items} == {"_brf_c_c1"}
    assert time.perf_counter() - started < 60  # generous: a hang guard, not a benchmark


def test_nothing_in_the_file_changes_the_briefing(tmp_path: Path) -> None:
    doc = b.identified_small()
    before = io.StringIO(repr((doc.info, doc.claims, doc.sections)))
    read_review(doc, b.exported(tmp_path))
    assert repr((doc.info, doc.claims, doc.sections)) == before.getvalue()
