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
from tests.review.helpers import pandoc_view


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


def _replace_part(path: Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts[name] = data
    with zipfile.ZipFile(path, "w") as archive:
        for part, content in parts.items():
            archive.writestr(part, content)


def test_damaged_comments_give_a_partial_review_that_says_so(tmp_path: Path) -> None:
    def edit(root) -> None:
        b.replace_text(b.marked(root, "_brf_c_c1"), [b.text_run("(U) Two berths reopened.")])

    comments = {"word/comments.xml": b.comments_xml([("0", "A", "A", "x", "1")])}
    path = b.rewrite(b.exported(tmp_path), tmp_path / "partial.docx", edit, comments)
    _replace_part(path, "word/comments.xml", b"<w:comments><broken")
    review = read_review(b.identified_small(), path)
    assert [(i.kind, i.after) for i in review.items] == [("edit", "(U) Two berths reopened.")]
    assert review.warnings == [
        "the comments could not be read (is damaged: its part word/comments.xml is not "
        "well-formed XML); the rest of the review is shown"]


def test_external_links_and_images_are_never_fetched(tmp_path: Path) -> None:
    def edit(root) -> None:
        paragraph = b.marked(root, "_brf_c_c1")
        run = b.etree.SubElement(paragraph, f"{b.W}r")
        b.etree.SubElement(run, f"{b.W}t").text = " [image]"

    path = b.rewrite(b.exported(tmp_path), tmp_path / "linked.docx", edit)
    with zipfile.ZipFile(path) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
    rels = rels.replace("</Relationships>", (
        '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/image" Target="http://example.invalid/track.png" TargetMode="External"/>'
        '</Relationships>'))
    _replace_part(path, "word/_rels/document.xml.rels", rels.encode())
    review = read_review(b.identified_small(), path)  # the offline suite refuses any fetch
    assert [(i.kind, i.after) for i in review.items] == [
        ("edit", "(U) Two berths reopened on 18 December. [image]")]


def test_insertions_deleted_by_another_reviewer(tmp_path: Path) -> None:
    def edit(root) -> None:  # Omar inserts "all", Jane deletes Omar's insertion
        nested = b.revision("ins", 51, "Omar Field",
                            b.revision("del", 52, "Jane Reviewer", b.text_run("all ", "delText")))
        b.replace_text(b.marked(root, "_brf_c_c1"), [
            b.text_run("(U) Two "), nested, b.text_run("berths reopened on 18 December.")])

    path = b.rewrite(b.exported(tmp_path), tmp_path / "nested.docx", edit)
    review = read_review(b.identified_small(), path)
    assert review.items == []  # no net change: what pandoc shows accepting or rejecting all
    assert pandoc_view(path, "accept") == pandoc_view(path, "reject")


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="POSIX devices and FIFOs")
def test_a_device_or_fifo_is_refused_without_reading_or_waiting(tmp_path: Path) -> None:
    import os

    zero = tmp_path / "reviewed.docx"
    zero.symlink_to("/dev/zero")
    assert "not a regular file" in _refusal(b.identified_small(), zero)
    fifo = tmp_path / "piped.docx"
    os.mkfifo(fifo)
    started = time.monotonic()
    assert "not a regular file" in _refusal(b.identified_small(), fifo)
    assert time.monotonic() - started < 5
