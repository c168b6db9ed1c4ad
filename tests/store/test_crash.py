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
from briefing.core.model import Section, Source
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


MID_WRITE = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # dirty pages spill into the file mid-transaction
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE sources SET text = text || 'more'")
print("mid-write", flush=True)
time.sleep(60)
"""


def test_read_only_open_recovers_from_an_interrupted_write(tmp_path: Path) -> None:
    """After a crash mid-write, `briefing export` (read-only) still opens the document."""
    path = tmp_path / "hot.briefing"
    sources = [Source(f"s{i}", f"{20_000} x", text="y" * 20_000) for i in range(50)]
    write_briefing(Document(sources=sources), path)
    child = subprocess.Popen(
        [sys.executable, "-c", MID_WRITE, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout.readline().strip() == "mid-write"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert _needs_rollback(path), "the kill should leave a hot journal"
    with Store.open(path, readonly=True) as reader:
        assert all(len(s.text) == 20_000 for s in reader.document.sources)
    assert not _needs_rollback(path)


def _needs_rollback(path: Path) -> bool:
    """Whether a plain read-only connection fails: a hot journal is waiting."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        conn.execute("SELECT count(*) FROM sources").fetchone()
        return False
    except sqlite3.Error:
        return True
    finally:
        conn.close()
