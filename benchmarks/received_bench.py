"""Received-file figures (issue 19): the guarded open, BibTeX, a 200 MB text import.

* Opening the large document (5,000 claims) with every defence — hardened
  connection, exact schema verification, origin check, quick_check (own file) or
  integrity_check (a file from elsewhere), record checks — against the open as it
  was before them (a plain read-only connection, quick_check, the rows read),
  alternated in one process, as a ratio.
* A BibTeX library of 50,000 entries (target ≥ 2,000 entries a second).
* A 200 MB text import in a fresh process: time and peak memory above the
  process's size before the import (target ≤ 3× the text's size); and the CLI's
  whole ``briefing import`` of it into a document (SQLite's full-text index and
  commit included), time and peak resident memory, and that peak above the
  process's size before as a ratio to the text (the same 3× target); where it
  goes (SQLite's write of the text and its FTS5 index in pieces, as the store
  writes it, against the one row file version 1 wrote, each in its own
  process); and what an open document still holds once the text is written.
"""

from __future__ import annotations

import gc
import json
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks import ingest_bench
from benchmarks.harness import ROOT, Figure, python_env
from briefing.store.database import Store

OPEN_RATIO_TARGET = 1.5
RECEIVED_RATIO_TARGET = 3.0
"""A received file also gets the full integrity_check, which reads every page."""
BIBTEX_RATE_TARGET = 2000
TEXT_PEAK_FACTOR = 3.0


def plain_open(path: Path) -> object:
    """The open before issue 19: connect read-only, quick_check, read the rows."""
    from briefing.core.document import Document
    from briefing.store.records import (
        claim_from_dict,
        info_from_dict,
        section_from_dict,
        source_from_dict,
    )

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA quick_check(1)").fetchone()
        info = json.loads(conn.execute("SELECT data FROM info").fetchone()[0])
        rows = sorted(conn.execute("SELECT pos, data, text FROM sources"))
        sources = json.loads(f"[{','.join(r[1] for r in rows)}]")
        for fields, row in zip(sources, rows, strict=True):
            fields["text"] = row[2]
        claims = json.loads(
            f"[{','.join(d for _p, d in sorted(conn.execute('SELECT pos, data FROM claims')))}]")
        outline = json.loads(conn.execute("SELECT data FROM outline").fetchone()[0])
        return Document(info_from_dict(info), [source_from_dict(s) for s in sources],
                        [claim_from_dict(c) for c in claims],
                        [section_from_dict(s) for s in outline])
    finally:
        conn.close()


def guarded_open(path: Path) -> object:
    store = Store.open(path, readonly=True)
    doc = store.document
    store.close()
    return doc


def _alternate(path: Path, repeat: int) -> tuple[list[float], list[float]]:
    guarded, plain = [], []
    for n in range(repeat + 1):  # the first round warms up
        for fn, runs in ((guarded_open, guarded), (plain_open, plain)):
            gc.collect()
            began = time.perf_counter()
            result = fn(path)
            elapsed = time.perf_counter() - began
            del result
            if n:
                runs.append(elapsed)
    return guarded, plain


def _as_received(path: Path, copy: Path) -> Path:
    """A copy of *path* carrying another user's origin stamp."""
    copy.write_bytes(path.read_bytes())
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute("UPDATE history SET detail = 'f00d:0' WHERE action = 'origin'")
    conn.close()
    return copy


def open_figures(large: Path, repeat: int = 5) -> Iterator[Figure]:
    for label, path in (("own", large),
                        ("received", _as_received(large, large.with_name("received.briefing")))):
        guarded, plain = _alternate(path, repeat)
        check = "quick_check" if label == "own" else "integrity_check"
        yield Figure(f"open large .briefing, {label} ({check}, schema, records)", guarded,
                     peer_runs=plain, peer_name="the open before",
                     ratio_target=OPEN_RATIO_TARGET if label == "own" else RECEIVED_RATIO_TARGET)


def write_bibtex(path: Path, entries: int) -> Path:
    journals = ("Journal of Harbours", "Maritime Review", r"Revue d'{\'E}tudes Navales")
    with path.open("w", encoding="utf-8") as handle:
        for n in range(entries):
            handle.write(
                f"@article{{k{n},\n  author = {{Smith, John and M{{\\\"u}}ller, Anna}},\n"
                f"  title = {{Port traffic {n} in the Kestrel Basin}},\n"
                f"  journal = {{{journals[n % 3]}}},\n  year = {{{2000 + n % 25}}},\n"
                f"  url = {{https://example.org/{n}}}\n}}\n")
    return path


def bibtex_figures(tmp: Path, entries: int = 50_000, repeat: int = 1) -> Iterator[Figure | str]:
    from briefing.ingest.biblio import _latex, bibtex_entries

    library = write_bibtex(tmp / "library.bib", entries)
    data = library.read_bytes()
    runs = []
    for _ in range(repeat):
        _latex.cache_clear()
        began = time.perf_counter()
        bibtex_entries(data, library)
        runs.append(time.perf_counter() - began)
    figure = Figure(f"read a BibTeX library of {entries:,} entries", runs,
                    target=entries / BIBTEX_RATE_TARGET)
    yield figure
    rate = entries / figure.median
    yield f"BibTeX: {rate:,.0f} entries a second (target ≥ {BIBTEX_RATE_TARGET:,})"


def text_import_figures(tmp: Path, megabytes: int = 200, repeat: int = 1) -> Iterator[Figure | str]:
    text = ingest_bench.write_text(tmp / "huge.txt", megabytes)
    size_mb = text.stat().st_size / 2**20
    probes = [ingest_bench._probe(text) for _ in range(repeat)]
    yield Figure(f"import a {megabytes} MB text (time)", [p["seconds"] for p in probes])
    yield Figure(f"import a {megabytes} MB text (peak above resident before import)",
                 [p["hwm"] - p["before"] for p in probes], unit="MB",
                 target=TEXT_PEAK_FACTOR * size_mb)
    seconds, peak, before = _cli_import(tmp / "huge.briefing", text)
    yield Figure(f"briefing import of the {megabytes} MB text into a .briefing (time)", [seconds])
    yield Figure(f"briefing import of the {megabytes} MB text (peak resident, whole process)",
                 [peak], unit="MB")
    yield Figure(f"briefing import of the {megabytes} MB text (peak above resident before)",
                 [peak - before], unit="MB", target=TEXT_PEAK_FACTOR * size_mb)
    yield (f"briefing import: peak {(peak - before) / size_mb:.1f}× the text "
           f"(target ≤ {TEXT_PEAK_FACTOR:.0f}×)")
    yield from _row_write_figures(text, size_mb)
    yield from _held_after_write(tmp / "held.briefing", text, size_mb)
    text.unlink()


def _cli_import(document: Path, text: Path) -> tuple[float, float, float]:
    """The CLI's import end to end (read, decode, full-text index, commit) in a child:
    seconds, peak resident and resident before the import (MB)."""
    # VmHWM, not getrusage's ru_maxrss: Linux carries the parent's peak over the fork and
    # exec into the child's ru_maxrss (this suite's parent, once it has built the 200 MB
    # text, holds more than the import itself).
    code = ("import sys, time\n"
            "from briefing.cli import main\n"
            "main(['new', sys.argv[1]])\n"
            f"{_RESIDENT}"
            "before = resident()\n"
            "began = time.perf_counter()\n"
            "assert main(['import', sys.argv[1], sys.argv[2]]) == 0\n"
            "print(time.perf_counter() - began, resident('VmHWM'), before)\n")
    document.unlink(missing_ok=True)
    result = subprocess.run([sys.executable, "-c", code, str(document), str(text)],
                            capture_output=True, text=True, env=python_env(), cwd=ROOT,
                            check=True)
    document.unlink(missing_ok=True)
    seconds, peak, before = result.stdout.strip().splitlines()[-1].split()
    return float(seconds), float(peak), float(before)


_RESIDENT = ("def resident(field='VmRSS'):\n"
             "    for line in open('/proc/self/status'):\n"
             "        if line.startswith(field + ':'):\n"
             "            return int(line.split()[1]) / 1024\n")

_ROW_WRITE = ("import os, sqlite3, sys\n"
              "from briefing.core.document import Document\n"
              "from briefing.core.model import Source\n"
              "from briefing.store import rows\n"
              "from briefing.store.schema import migrate\n"
              f"{_RESIDENT}"
              "text = open(sys.argv[1], encoding='utf-8').read()\n"
              "doc = Document(sources=[Source('s', 't', text=text)])\n"
              "conn = sqlite3.connect(sys.argv[2], isolation_level=None)\n"
              "conn.execute('BEGIN'); migrate(conn, 0); conn.execute('COMMIT')\n"
              "with open('/proc/self/clear_refs', 'w') as refs:\n"
              "    refs.write('5')  # the peak so far was the decoding's\n"
              "before = resident()\n"
              "conn.execute('BEGIN')\n"
              "if sys.argv[3] == 'one-row':  # as file version 1 stored it\n"
              "    conn.execute(\"INSERT INTO sources (id, pos, title, data, text) \"\n"
              "                 \"VALUES ('s', 0, 't', '{}', ?)\", (text,))\n"
              "else:\n"
              "    rows.upsert_sources(conn, doc, ['s'])\n"
              "conn.execute('COMMIT')\n"
              "print(resident('VmHWM') - before)\n")


_HELD = ("import gc, sys\n"
         "from pathlib import Path\n"
         "from briefing.cli import main\n"
         "from briefing.ingest import import_into\n"
         "from briefing.store.database import Store\n"
         f"{_RESIDENT}"
         "main(['new', sys.argv[1]])\n"
         "with Store.open(sys.argv[1]) as store:\n"
         "    before = resident()\n"
         "    import_into(store.document, Path(sys.argv[2]))\n"
         "    store.flush()\n"
         "    gc.collect()\n"
         "    print(resident() - before)\n")


def _held_after_write(document: Path, text: Path, size_mb: float) -> Iterator[Figure | str]:
    """What an open document still holds once the imported text is written: the text
    itself (the Document's), and no copy kept by SQLite's cached statements."""
    document.unlink(missing_ok=True)
    result = subprocess.run([sys.executable, "-c", _HELD, str(document), str(text)],
                            capture_output=True, text=True, env=python_env(), cwd=ROOT,
                            check=True)
    document.unlink(missing_ok=True)
    held = float(result.stdout.strip().splitlines()[-1])
    yield Figure("resident held after importing and writing the text, open document",
                 [held], unit="MB")
    yield f"held after the write: {held / size_mb:.1f}× the text"


def _row_write_figures(text: Path, size_mb: float) -> Iterator[Figure | str]:
    """Where the whole import's memory goes: SQLite writing the text with its FTS5 index
    (Python's copy of the text excluded), in pieces as the store writes it, against one
    row as file version 1 wrote it, each in its own process."""
    peaks = {}
    for mode in ("pieces", "one-row"):
        database = text.with_suffix(f".{mode}.sqlite")
        database.unlink(missing_ok=True)
        result = subprocess.run([sys.executable, "-c", _ROW_WRITE, str(text), str(database),
                                 mode], capture_output=True, text=True, env=python_env(),
                                cwd=ROOT, check=True)
        database.unlink(missing_ok=True)
        peaks[mode] = float(result.stdout.strip().splitlines()[-1])
    yield Figure("SQLite writing the text and its FTS5 index in pieces (peak above)",
                 [peaks["pieces"]], unit="MB", peer_runs=[peaks["one-row"]],
                 peer_name="one row, as file version 1")
    yield (f"where the import's memory goes (× the text): Python's text and original "
           f"bytes 2.0, SQLite's write of the text and its index in pieces "
           f"{peaks['pieces'] / size_mb:.2f} (in one row, as file version 1 stored it: "
           f"{peaks['one-row'] / size_mb:.1f})")


def received_figures(large: Path, tmp: Path, *, repeat: int = 5, entries: int = 50_000,
                     megabytes: int = 200) -> Iterator[Figure | str]:
    yield from open_figures(large, repeat)
    yield from bibtex_figures(tmp, entries)
    yield from text_import_figures(tmp, megabytes)
