"""Shared pieces of the reliability tests: running the CLI, checking a file is whole.

Everything here is in our own words; the binary sources (.docx, .pdf) come
from :mod:`tests.ingest.builders`.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefing.core.document import Document
from briefing.store.database import Store

REPO = Path(__file__).resolve().parents[2]
PART_SUFFIXES = (".part", ".part-journal")

# A saved web page that tries to load, run and redirect to remote things.
HOSTILE_PAGE = b"""<!DOCTYPE html>
<html><head><title>Dredging resumes at the north quay</title>
<link rel="stylesheet" href="https://tracker.example.net/site.css">
<link rel="preload" href="//cdn.example.net/font.woff2" as="font">
<style>@import url("https://tracker.example.net/more.css");
body { background: url(https://tracker.example.net/pixel.gif); }</style>
<script src="https://tracker.example.net/analytics.js"></script>
<meta http-equiv="refresh" content="0; url=https://tracker.example.net/">
<base href="https://tracker.example.net/">
</head><body>
<article><h1>Dredging resumes at the north quay</h1>
<p style="background-image: url('https://tracker.example.net/p.png')">The harbour board said
work on berth four would restart on Monday.</p>
<img src="https://tracker.example.net/photo.jpg" srcset="https://tracker.example.net/2x.jpg 2x">
<iframe src="https://tracker.example.net/embed"></iframe>
<object data="https://tracker.example.net/movie.swf"></object>
<p>A pilot said the channel <a href="https://example.org/chart">chart</a> was being redrawn.</p>
<script>fetch("https://tracker.example.net/beacon")</script>
</article></body></html>
"""


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.update(extra)
    return env


def cli_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "briefing", *args]


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``briefing ARGS`` in a fresh interpreter, as a user would."""
    return subprocess.run(
        cli_command(*args),
        capture_output=True,
        text=True,
        env=env or cli_env(),
        cwd=REPO,
        timeout=120,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> str:
    """Exit 2, no traceback, one line on stderr holding every needle; returns the line."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def integrity(path: Path) -> str:
    """SQLite's full ``PRAGMA integrity_check`` verdict on *path* ("ok" when whole)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@contextlib.contextmanager
def open_whole(path: Path) -> Iterator[Document]:
    """Assert *path* passes the integrity check and opens for editing; yield its document."""
    assert integrity(path) == "ok"
    with Store.open(path) as store:
        yield store.document


def leftovers(folder: Path, *keep: str) -> list[str]:
    """Names in *folder* other than *keep* and the documents' edit-lock files."""
    return sorted(
        p.name
        for p in folder.iterdir()
        if p.name not in keep and not (p.name.startswith(".") and p.name.endswith(".lock"))
    )


def is_temp_of(name: str, target: str) -> bool:
    """True for ``.TARGET.<random>.part`` (and SQLite's ``-journal`` of it): atomic temps."""
    return name.startswith(f".{target}.") and name.endswith(PART_SUFFIXES)


def wait_for(predicate: Any, what: str, timeout: float = 60.0) -> None:
    """Poll *predicate* until true (a readiness wait, not a timing assertion)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.01)


def marked_document(classification: str = "C", top_portion: str = "S") -> dict[str, Any]:
    """A briefing/v1 dict in the US scheme with one claim per portion level up to *top*."""
    return {
        "format": "briefing/v1",
        "briefing": {
            "title": "Harbour access review",
            "marking_scheme": "us",
            "classification": classification,
            "note_style": "footnotes",
        },
        "sources": [{"id": "s1", "key": "log", "kind": "report", "title": "Pilot station log"}],
        "claims": [
            {
                "id": "c1",
                "text": "Pilots reported two berths closed for dredging.",
                "kind": "information",
                "portion": "U",
                "citations": [{"source": "s1", "locator": "p. 2"}],
            },
            {
                "id": "c2",
                "text": "A second tug is likely to be leased before the autumn season.",
                "kind": "judgment",
                "confidence": "moderate",
                "likelihood": "likely",
                "portion": top_portion,
                "citations": [{"source": "s1", "locator": "p. 3"}],
            },
        ],
        "sections": [
            {"id": "k1", "title": "Key Judgments", "blocks": [{"claim": "c2"}, {"claim": "c1"}]}
        ],
    }


def write_json(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
