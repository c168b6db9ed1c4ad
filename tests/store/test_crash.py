"""kill -9 at random moments never corrupts a .briefing file or splits a change."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from briefing.core.document import Document
from briefing.core.model import Section
from briefing.store.database import Store, write_briefing

REPO = Path(__file__).resolve().parents[2]
KILLS = 50


def check_whole(path: Path) -> int:
    """Open the file and assert every change in it is complete; return the change count."""
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Store.open(path) as store:
        doc = store.document
        for source in doc.sources:
            length, digest = source.title.split()
            assert len(source.text) == int(length), f"{source.id} text cut short"
            assert hashlib.sha256(source.text.encode()).hexdigest() == digest
            assert doc.original(source.id) == source.text.encode()[:1000]
        assert len(doc.claims) == len(doc.sources)
        for claim in doc.claims:
            assert claim.citations[0].source in {s.id for s in doc.sources}
            assert doc.is_placed(claim.id)
        return len(doc.sources)


def test_kill_at_random_moments_leaves_whole_changes(tmp_path: Path) -> None:
    path = tmp_path / "crash.briefing"
    write_briefing(Document(sections=[Section("k1", "Key Judgments")]), path)
    rng = random.Random(20251220)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    counts = []
    for attempt in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.store.crash_child", str(path), str(attempt)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=REPO,
        )
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        time.sleep(rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        counts.append(check_whole(path))
    assert counts[-1] > 0, "the child never committed a change"
    assert counts == sorted(counts), "a committed change disappeared"


def test_read_only_open_recovers_from_an_interrupted_write(tmp_path: Path) -> None:
    """After a crash mid-write, `briefing export` (read-only) still opens the document."""
    path = tmp_path / "hot.briefing"
    write_briefing(Document(sections=[Section("k1", "Key Judgments")]), path)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    journal = path.with_name(path.name + "-journal")
    for attempt in range(200):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.store.crash_child", str(path), str(attempt)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=REPO,
        )
        child.stdout.readline()
        time.sleep(0.02 * (attempt % 10))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        if journal.exists():
            break
    assert journal.exists(), "could not catch the child mid-write"
    with Store.open(path, readonly=True) as reader:
        assert all(len(s.text) == int(s.title.split()[0]) for s in reader.document.sources)
    assert not journal.exists()
