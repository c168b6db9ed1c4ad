"""Building hostile .briefing files, journals and locks by hand, as an attacker would.

Every builder uses the sqlite3 module or plain bytes, never the code under test.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from briefing.core.document import Document
from briefing.core.model import Citation, Claim, Section, Source
from briefing.store.database import write_briefing

JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def plain_document(path: Path, sources: int = 3) -> Path:
    """A healthy document with a few sources and claims, written by the store."""
    doc = Document(sections=[Section("k1", "Key Judgments")])
    for n in range(sources):
        doc.add_source(Source(f"s{n}", f"Harbour report {n}", text=f"Berth {n} reopens. " * 40))
        doc.add_claim(Claim(f"c{n}", f"Berth {n} likely reopens.",
                            citations=(Citation(f"s{n}"),)))
    write_briefing(doc, path)
    return path


def with_hot_journal(original: Path, dest: Path) -> Path:
    """Copy *original* to *dest* together with a genuine hot journal of an unfinished
    write (taken mid-transaction, after SQLite spilled pages into the file)."""
    conn = sqlite3.connect(original, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA cache_size = 1")  # spill: the file is torn mid-transaction
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE sources SET text = text || ?", ("torn " * 2000,))
        journal = original.with_name(original.name + "-journal")
        assert journal.stat().st_size > 0
        shutil.copyfile(original, dest)
        shutil.copyfile(journal, dest.with_name(dest.name + "-journal"))
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    return dest


def name_super_journal(journal: Path, victim: Path) -> None:
    """Append a super-journal record naming *victim* (SQLite's journal format)."""
    name = str(victim).encode()
    data = journal.read_bytes()
    page_size = int.from_bytes(data[24:28], "big")
    lock_page = 0x40000000 // page_size + 1
    checksum = sum(name) & 0xFFFFFFFF
    record = (lock_page.to_bytes(4, "big") + name + len(name).to_bytes(4, "big")
              + checksum.to_bytes(4, "big") + JOURNAL_MAGIC)
    journal.write_bytes(data + record)


def tamper(path: Path, *statements: str) -> Path:
    """Run the attacker's SQL on *path* with a plain sqlite3 connection."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()
    return path


def damage_index(path: Path) -> Path:
    """Change one key inside the sources id index (the table row stays): quick_check
    still says ok, integrity_check does not."""
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_schema "
                        "WHERE name = 'sqlite_autoindex_sources_1'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    at = data.find(b"s2", start, start + page_size)
    assert at > 0
    data[at:at + 2] = b"s7"
    path.write_bytes(bytes(data))
    return path


def sent_by_someone_else(path: Path) -> Path:
    """Replace the file's origin stamp with one made under another user's key."""
    return tamper(path, "UPDATE history SET detail = 'f00d:' || hex(randomblob(32)) "
                        "WHERE action = 'origin'")


def journal_restoring(clean: Path, hostile: Path) -> Path:
    """Write beside *clean* a hot journal (SQLite's format, by hand) whose replay turns
    it into *hostile*: the pages that differ, as the "original" content to put back."""
    page_size = int.from_bytes(clean.read_bytes()[16:18], "big")
    old, new = hostile.read_bytes(), clean.read_bytes()
    pages = max(len(old), len(new)) // page_size
    nonce = 0x5EED
    sector = 512
    header = (JOURNAL_MAGIC + (0xFFFFFFFF).to_bytes(4, "big") + nonce.to_bytes(4, "big")
              + (len(old) // page_size).to_bytes(4, "big") + sector.to_bytes(4, "big")
              + page_size.to_bytes(4, "big"))
    records = b""
    for number in range(1, pages + 1):
        page = old[(number - 1) * page_size:number * page_size]
        if page and page != new[(number - 1) * page_size:number * page_size]:
            checksum = nonce + sum(page[i] for i in range(page_size - 200, 0, -200))
            records += (number.to_bytes(4, "big") + page
                        + (checksum & 0xFFFFFFFF).to_bytes(4, "big"))
    assert records
    journal = clean.with_name(clean.name + "-journal")
    journal.write_bytes(header.ljust(sector, b"\0") + records)
    return journal
