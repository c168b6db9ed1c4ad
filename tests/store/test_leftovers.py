"""A crash's temporary files are swept by the next open or write of their target.

The crash is real: a child process starts writing a ``.briefing`` or an export,
stops in the middle and is killed with SIGKILL, leaving what a power loss would
leave.  "An hour later" is the sweep's clock moved forward (``leftovers._clock``):
whatever is fresh is a live writer's and must stay.  Nothing that is not exactly
one of our names — an analyst's look-alike file, a symbolic link, a folder,
another user's file — is ever removed or followed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.core import leftovers
from briefing.core.atomic import write_bytes_atomic
from briefing.core.document import Document
from briefing.core.leftovers import STALE_AFTER, is_leftover_name, sweep_leftovers
from briefing.core.model import BriefingInfo
from briefing.export.outputs import write_files_atomic
from briefing.store.database import Store, write_briefing

REPO = Path(__file__).resolve().parents[2]
POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and symlinks: POSIX")

# Each child starts a real write, says "mid-write" once its temporary files exist, and
# waits to be killed.
BRIEFING_WRITER = """
import sys, time
from briefing.core.document import Document
from briefing.core.model import BriefingInfo
from briefing.store import database, rows
real_write_all = rows.write_all
def write_all_then_wait(conn, doc):
    conn.execute("PRAGMA cache_size = 1")  # pages spill into the file: a journal exists
    real_write_all(conn, doc)
    print("mid-write", flush=True)
    time.sleep(120)
rows.write_all = write_all_then_wait
database.write_briefing(Document(info=BriefingInfo(title="Never written")), sys.argv[1])
"""
EXPORT_WRITER = """
import os, sys, time
from pathlib import Path
from briefing.export.outputs import write_files_atomic
real_replace = os.replace
def replace_then_wait(src, dst):
    print("mid-write", flush=True)  # the new files written, the old one linked aside
    time.sleep(120)
os.replace = replace_then_wait
md = Path(sys.argv[1])
write_files_atomic([(md, b"half of a new export"), (md.with_suffix(".csl.json"), b"[]")])
"""


def kill_mid_write(script: str, target: Path) -> None:
    """Run *script* on *target* in a child process and SIGKILL it in the middle."""
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(target)], cwd=REPO, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "mid-write", child.stderr.read()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)


def names(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir() if not path.name.endswith(".lock")}


@pytest.fixture
def an_hour_later(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sweep's clock a little more than an hour ahead (no test waits an hour)."""
    monkeypatch.setattr(leftovers, "_clock", lambda: time.time() + STALE_AFTER + 60)


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder, for this test only (the real one is left alone)."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def made_like_ours(folder: Path, target: str, suffix: str) -> Path:
    """A file named as our writers name a temporary file of *target*."""
    fd, name = tempfile.mkstemp(prefix=f".{target}.", suffix=suffix, dir=folder)
    os.close(fd)
    return Path(name)


@pytest.fixture
def document(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "docs" / "Harbour.briefing"
    path.parent.mkdir()
    write_briefing(Document(info=BriefingInfo(title="Harbour access")), path)
    yield path


@POSIX_ONLY
def test_a_briefing_write_killed_midway_is_swept_by_the_next_open_an_hour_later(
    document: Path, temp_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kill_mid_write(BRIEFING_WRITER, document)
    crashed = names(document.parent) - {document.name}
    assert {n.rsplit(".", 1)[-1] for n in crashed} == {"part", "part-journal"}, crashed

    Store.open(document).close()  # just after the crash: could be a live writer's
    assert names(document.parent) - {document.name} == crashed

    live = made_like_ours(document.parent, "Other.briefing", ".part")  # another target
    monkeypatch.setattr(leftovers, "_clock", lambda: time.time() + STALE_AFTER + 60)
    with Store.open(document) as store:
        assert store.document.info.title == "Harbour access"
    assert names(document.parent) == {document.name, live.name}


@POSIX_ONLY
def test_an_export_killed_midway_is_swept_by_the_next_export_an_hour_later(
    tmp_path: Path, an_hour_later: None
) -> None:
    md = tmp_path / "Harbour.md"
    csl = tmp_path / "Harbour.csl.json"
    write_files_atomic([(md, b"the old export"), (csl, b"[]")])
    kill_mid_write(EXPORT_WRITER, md)
    crashed = names(tmp_path) - {md.name, csl.name}
    assert {n.rsplit(".", 1)[-1] for n in crashed} == {"part", "old"}, crashed
    assert md.read_bytes() == b"the old export"

    write_files_atomic([(md, b"the new export"), (csl, b"[]")])
    assert names(tmp_path) == {md.name, csl.name}
    assert md.read_bytes() == b"the new export"


def test_a_write_sweeps_its_own_targets_stale_temporaries_only(
    tmp_path: Path, an_hour_later: None
) -> None:
    stale = made_like_ours(tmp_path, "report.docx", ".part")
    other = made_like_ours(tmp_path, "report.pdf", ".part")
    write_bytes_atomic(tmp_path / "report.docx", b"docx")
    assert names(tmp_path) == {"report.docx", other.name}
    assert not stale.exists()


def test_a_live_writers_fresh_temporaries_stay(tmp_path: Path) -> None:
    target = tmp_path / "Harbour.briefing"
    live = {made_like_ours(tmp_path, target.name, suffix).name
            for suffix in (".part", ".part-journal", ".old")}
    copied = made_like_ours(tmp_path, target.name, ".part")  # shutil.copy2 into it: the
    long_ago = time.time() - 10 * STALE_AFTER  # copied file's old time, a fresh change time
    os.utime(copied, (long_ago, long_ago))
    live.add(copied.name)
    assert sweep_leftovers(target, private_copies=True) == []
    write_bytes_atomic(target, b"written beside a live writer")
    assert names(tmp_path) == live | {target.name}


def test_look_alike_names_of_the_analyst_are_never_touched(
    tmp_path: Path, an_hour_later: None
) -> None:
    look_alikes = [
        ".notes.part", ".Harbour.briefing.part", ".Harbour.briefing.abc123.part",
        ".Harbour.briefing.ABCDEFGH.part", "Harbour.briefing.abcdefgh.part",
        ".Harbour.briefing.abcdefgh.part.bak", ".Harbour.briefing.abcdefgh.partial",
        ".Harbour.briefing.abcdefgh.part-wal", ".Harbour.briefing-journal",
        ".Harbour.briefing.v1-backup.briefing", ".Other.briefing.abcdefgh.part",
        ".briefing-copy-", ".briefing-copy-abc", "briefing-copy-abcdefgh",
    ]
    for name in look_alikes:
        (tmp_path / name).write_text("the analyst's own")
    assert sweep_leftovers(tmp_path / "Harbour.briefing", private_copies=True) == []
    assert names(tmp_path) == set(look_alikes)


def test_the_names_our_writers_make_are_the_names_swept() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".part", ".part-journal", ".old"):
            made = made_like_ours(Path(folder), "A b.md", suffix)
            assert is_leftover_name("A b.md", made.name), made.name
        assert not is_leftover_name("A b.md", made.name.replace(".old", ".bak"))


@POSIX_ONLY
def test_a_symlink_named_like_a_leftover_is_neither_followed_nor_removed(
    tmp_path: Path, temp_dir: Path, an_hour_later: None
) -> None:
    victims = tmp_path / "victims"
    victims.mkdir()
    (victims / "kept.txt").write_text("the victim")
    (victims / "file.txt").write_text("the victim")
    folder = tmp_path / "docs"
    folder.mkdir()
    links = {".Harbour.briefing.abcdefgh.part": victims / "file.txt",
             ".Harbour.briefing.abcdefgh.part-journal": victims,
             ".briefing-copy-abcdefgh": victims}
    for name, victim in links.items():
        (folder / name).symlink_to(victim)
        (temp_dir / name).symlink_to(victim)
    assert sweep_leftovers(folder / "Harbour.briefing", private_copies=True) == []
    assert names(folder) == set(links) and names(temp_dir) == set(links)
    assert names(victims) == {"kept.txt", "file.txt"}
    assert (victims / "file.txt").read_text() == "the victim"


def test_a_folder_named_like_a_temporary_file_stays(tmp_path: Path, an_hour_later: None) -> None:
    folder = tmp_path / ".Harbour.briefing.abcdefgh.part"
    folder.mkdir()
    (folder / "notes.txt").write_text("kept")
    assert sweep_leftovers(tmp_path / "Harbour.briefing") == []
    assert (folder / "notes.txt").read_text() == "kept"


@POSIX_ONLY
def test_another_users_leftovers_are_left_to_them(
    tmp_path: Path, temp_dir: Path, an_hour_later: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs = made_like_ours(tmp_path, "Harbour.briefing", ".part")
    copy = Path(tempfile.mkdtemp(prefix=".briefing-copy-"))
    me = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: me + 1)  # as if another user made them
    assert sweep_leftovers(tmp_path / "Harbour.briefing", private_copies=True) == []
    assert theirs.exists() and copy.exists()
    monkeypatch.setattr(os, "getuid", lambda: me)
    assert set(sweep_leftovers(tmp_path / "Harbour.briefing", private_copies=True)) == {
        theirs, copy}


def test_stale_private_copies_go_at_the_next_open_fresh_ones_stay(
    document: Path, temp_dir: Path, an_hour_later: None
) -> None:
    stale = [Path(tempfile.mkdtemp(prefix=".briefing-copy-", dir=folder))
             for folder in (temp_dir, document.parent)]
    for folder in stale:
        (folder / "copy.briefing").write_bytes(document.read_bytes())
        (folder / "copy.briefing-journal").write_bytes(b"journal")
    in_use = Path(tempfile.mkdtemp(prefix=".briefing-copy-", dir=temp_dir))
    (in_use / "copy.briefing").touch()
    later = time.time() + STALE_AFTER + 60  # written to "an hour later": still in use
    os.utime(in_use / "copy.briefing", (later, later))
    Store.open(document).close()
    assert names(temp_dir) == {in_use.name}
    assert names(document.parent) == {document.name}


def test_a_failing_sweep_never_stops_an_open_or_a_save(
    document: Path, temp_dir: Path, an_hour_later: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = made_like_ours(document.parent, document.name, ".part")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    real_unlink = os.unlink
    monkeypatch.setattr(os, "unlink", refuse)
    Store.open(document).close()
    assert stale.exists()
    monkeypatch.setattr(os, "unlink", real_unlink)
    monkeypatch.setattr(os, "scandir", refuse)
    with Store.open(document) as store:
        assert store.document.info.title == "Harbour access"
    write_bytes_atomic(document.parent / "notes.txt", b"saved")
    assert (document.parent / "notes.txt").read_bytes() == b"saved"
    assert stale.exists()


def test_without_a_symlink_safe_rmtree_copies_beside_a_document_stay(
    document: Path, temp_dir: Path, an_hour_later: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    beside = Path(tempfile.mkdtemp(prefix=".briefing-copy-", dir=document.parent))
    own_temp = Path(tempfile.mkdtemp(prefix=".briefing-copy-", dir=temp_dir))
    monkeypatch.setattr(shutil.rmtree, "avoids_symlink_attacks", False)
    Store.open(document).close()
    assert beside.exists()  # a shared folder: someone could swap in a link meanwhile
    assert not own_temp.exists()
