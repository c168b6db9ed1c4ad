"""kill -9 of the CLI during import and export never costs a document or an output.

The store's own kill loop (``tests/store/test_crash.py``) kills a process
that edits and flushes; these kill the real ``briefing`` command at random
moments of ``import`` (three large text files, one flush each) and of
``export`` to every output type.  After each kill the document passes
``PRAGMA integrity_check`` and opens for editing with whole imports only, and
an export target is either the previous file or a complete new one.  The
only other files a kill may leave are the atomic writer's hidden temporaries
``.TARGET.<random>.part`` (see docs/reliability.md).
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.core.document import Document
from briefing.core.model import Block, Citation, Claim, Section, Source
from briefing.ingest import import_file, sequential_ids
from briefing.store.database import Store, write_briefing
from briefing.store.jsonio import dump_json, dumps
from tests.reliability.helpers import (
    REPO,
    cli_command,
    cli_env,
    integrity,
    is_temp_of,
    leftovers,
    open_whole,
    run_cli,
)

IMPORT_KILLS = 20
EXPORT_KILLS = 8  # per output type; four types
WORDS = [
    "harbour",
    "pilot",
    "berth",
    "dredging",
    "tug",
    "cargo",
    "crane",
    "quay",
    "manifest",
    "tide",
]


def _log_file(path: Path, seed: int, paragraphs: int = 6000) -> Path:
    rng = random.Random(seed)
    lines = (
        " ".join(rng.choice(WORDS) for _ in range(40)) + f" entry {seed}-{n}.\n\n"
        for n in range(paragraphs)
    )
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _timed(*args: str) -> float:
    """The shorter of two uninterrupted runs' wall time (the window kills are drawn from)."""
    times = []
    for _ in range(2):
        start = time.monotonic()
        result = run_cli(*args)
        assert result.returncode == 0, result.stderr
        times.append(time.monotonic() - start)
    return min(times)


def _kill_at(args: list[str], moment: float, writing: Callable[[], bool] | None = None) -> bool:
    """Start ``briefing ARGS`` and SIGKILL it; True if it was still running then.

    Without *writing* the kill comes *moment* s after the start; with it, *moment*
    s after *writing()* first holds (a temp file or journal exists: it is writing).
    """
    child = subprocess.Popen(
        cli_command(*args),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=cli_env(),
        cwd=REPO,
    )
    while writing is not None and not writing() and child.poll() is None:
        time.sleep(0.0005)
    time.sleep(moment)
    alive = child.poll() is None
    if alive:
        child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    return alive


def _moment(rng: random.Random, attempt: int, startup: float, whole: float) -> float:
    """Every other kill anywhere in the run, the rest within 50 ms of the write starting."""
    return rng.uniform(startup * 0.8, whole * 0.95) if attempt % 2 else rng.uniform(0, 0.05)


def _fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_kill_during_import_keeps_whole_imports_only(tmp_path: Path) -> None:
    files = [_log_file(tmp_path / f"log{n}.txt", n) for n in range(3)]
    expected = {}
    for path in files:
        (item,) = import_file(path, new_id=sequential_ids(lambda _: False))
        expected[path.name] = (_fingerprint(item.source.text), path.read_bytes())
    pristine = tmp_path / "pristine.briefing"
    write_briefing(Document(sections=[Section("k1", "Key Judgments")]), pristine)
    work = tmp_path / "work"
    work.mkdir()
    doc = work / "doc.briefing"
    args = ["import", str(doc), *map(str, files)]
    shutil.copy(pristine, doc)
    startup = _timed("--version")
    whole = _timed(*args)
    rng = random.Random(20251221)
    killed, seen = 0, set()
    journal = doc.with_name(doc.name + "-journal")
    for attempt in range(IMPORT_KILLS):
        shutil.copy(pristine, doc)
        writing = None if attempt % 2 else journal.exists
        killed += _kill_at(args, _moment(rng, attempt, startup, whole), writing)
        with open_whole(doc) as document:
            names = [source.file_name for source in document.sources]
            assert names == [p.name for p in files][: len(names)], "imports out of order"
            for source in document.sources:
                digest, original = expected[source.file_name]
                assert _fingerprint(source.text) == digest, f"{source.file_name} text cut short"
                assert document.original(source.id) == original, "original bytes cut short"
        seen.add(len(names))
        _next_save_removes_a_stale_journal(doc)
        assert leftovers(work, "doc.briefing") == []
    assert killed >= IMPORT_KILLS * 3 // 4, f"only {killed} kills landed while importing"
    assert len(seen) >= 2, f"every kill left the same number of imports: {seen}"


def _next_save_removes_a_stale_journal(doc: Path) -> None:
    """A kill before the journal was synced leaves a journal that is not hot: the
    file never depended on it, SQLite ignores it, and the next save removes it."""
    journal = doc.with_name(doc.name + "-journal")
    if journal.exists():
        with Store.open(doc) as store:
            store.record_history("test", "a save after the kill")
        assert not journal.exists()


def _export_input(tmp_path: Path) -> Path:
    """A document large enough that writing each output takes a moment."""
    rng = random.Random(7)
    sources = [
        Source(f"s{n}", f"Harbour log {n}", text=" ".join(rng.choices(WORDS, k=150_000)))
        for n in range(3)
    ]
    claims = [
        Claim(
            f"c{n}",
            f"Observation {n}: " + " ".join(rng.choices(WORDS, k=25)),
            citations=(Citation(f"s{n % 3}", locator=f"para. {n}", attribution="pilot"),),
        )
        for n in range(600)
    ]
    blocks = tuple(Block.for_claim(c.id) for c in claims)
    doc = Document(sources=sources, claims=claims, sections=[Section("k1", "Notes", blocks=blocks)])
    path = tmp_path / "input.briefing"
    write_briefing(doc, path)
    return path


def _previous(tmp_path: Path, suffix: str) -> bytes:
    """An earlier, different export of the same type (the file a kill must not spoil)."""
    old = tmp_path / f"old{suffix}"
    data = Document(sections=[Section("k1", "Earlier draft")])
    json_path = tmp_path / "old-input.json"
    dump_json(data, json_path)
    assert run_cli("export", str(json_path), "-o", str(old)).returncode == 0
    return old.read_bytes()


def _same_export(path: Path, reference: Path) -> bool:
    """Whether *path* is a complete export equal to *reference* (docx: same parts and body)."""
    suffix = path.suffix
    if suffix == ".docx":
        with zipfile.ZipFile(path) as made, zipfile.ZipFile(reference) as ref:
            assert made.testzip() is None
            return sorted(made.namelist()) == sorted(ref.namelist()) and made.read(
                "word/document.xml"
            ) == ref.read("word/document.xml")
    if suffix == ".briefing":
        assert integrity(path) == "ok"
        with Store.open(path, readonly=True) as made, Store.open(reference, readonly=True) as ref:
            return dumps(made.document) == dumps(ref.document)
    return path.read_bytes() == reference.read_bytes()


@pytest.mark.parametrize("suffix", [".docx", ".md", ".briefing", ".json"])
def test_kill_during_export_leaves_old_or_whole_new_output(tmp_path: Path, suffix: str) -> None:
    source = _export_input(tmp_path)
    reference = tmp_path / f"reference{suffix}"
    startup = _timed("--version")
    whole = _timed("export", str(source), "-o", str(reference))
    previous = _previous(tmp_path, suffix)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / f"brief{suffix}"
    args = ["export", str(source), "-o", str(target)]
    rng = random.Random(sum(map(ord, suffix)))
    killed = 0

    def writing() -> bool:
        return any(is_temp_of(name, target.name) for name in os.listdir(out_dir))

    for attempt in range(EXPORT_KILLS * 4):  # a busy machine moves the moments: try on
        if killed >= EXPORT_KILLS:
            break
        target.write_bytes(previous)
        trigger = None if attempt % 2 else writing
        killed += _kill_at(args, _moment(rng, attempt, startup, whole), trigger)
        if target.read_bytes() != previous:
            assert _same_export(target, reference), f"{target.name} is half written"
        for name in leftovers(out_dir, target.name):
            assert is_temp_of(name, target.name), f"unexpected file {name} after a kill"
            assert not name.endswith(suffix), f"{name} could be taken for an export"
    assert killed >= EXPORT_KILLS // 2, f"only {killed} kills landed while exporting"
    assert integrity(source) == "ok"
    assert run_cli("export", str(source), "-o", str(target)).returncode == 0
    assert _same_export(target, reference)
