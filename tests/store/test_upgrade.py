"""An older document is upgraded only when opened for editing, and the analyst is told.

The CLI's commands that write (``import``; ``export`` to .docx giving a document its id)
say on stderr that the file was upgraded and where the original is kept; ``export``
writes nothing into a document from elsewhere.  (The editor's status line:
``tests/gui/test_received.py``.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli import main
from briefing.core.document import Document
from briefing.core.identity import document_id
from briefing.core.model import Source
from briefing.store.database import Store
from tests.store.hostile import plain_document, sent_by_someone_else
from tests.store.old_files import file_version, write_v1

TEXT = "The envoy said the harbour would reopen on Monday.\n" * 20
NOTE = ("briefing: note: old.briefing was upgraded to file version 2; the file as it was "
        "is kept beside it as old.v1-backup.briefing (for older versions of Briefing)")


def _old(tmp_path: Path, *, own: bool = True) -> Path:
    return write_v1(Document(sources=[Source("s1", "Transcript", text=TEXT)]),
                    tmp_path / "old.briefing", own=own)



def test_the_store_names_the_backup_of_the_open_that_upgraded(tmp_path: Path) -> None:
    path = _old(tmp_path)
    with Store.open(path, readonly=True) as store:
        assert store.upgraded is None  # read as it is
    with Store.open(path) as store:
        assert store.upgraded == tmp_path / "old.v1-backup.briefing"
    with Store.open(path) as store:
        assert store.upgraded is None  # already current


def test_import_into_an_older_document_says_it_was_upgraded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _old(tmp_path)
    note = tmp_path / "note.txt"
    note.write_text("The minister said talks would resume.\n", encoding="utf-8")
    assert main(["import", str(path), str(note)]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [NOTE]
    assert "added 1 source(s)" in out
    assert file_version(tmp_path / "old.v1-backup.briefing") == 1 and file_version(path) == 2


def test_export_writes_nothing_into_a_document_from_elsewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _old(tmp_path, own=False)
    current = sent_by_someone_else(plain_document(tmp_path / "current.briefing"))
    for path in (old, current):
        before = path.read_bytes()
        out = path.with_suffix(".docx")  # a .docx carries the document id
        assert main(["export", str(path), "-o", str(out)]) == 0
        assert path.read_bytes() == before  # no document id written, not upgraded
        assert out.exists()
    assert capsys.readouterr().err == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "current.briefing", "current.docx", "old.briefing", "old.docx"]


def test_export_of_an_own_older_document_gives_it_an_id_and_says_it_was_upgraded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _old(tmp_path)
    assert main(["export", str(path), "-o", str(tmp_path / "old.docx")]) == 0
    assert capsys.readouterr().err.splitlines() == [NOTE]
    with Store.open(path, readonly=True) as store:
        assert document_id(store.document)
    assert file_version(tmp_path / "old.v1-backup.briefing") == 1
