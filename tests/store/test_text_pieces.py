"""A long source text is stored, indexed and searched in pieces (file version 2).

What an analyst notices: a huge text comes back character for character, its
words are found wherever they sit, an older document still opens (read-only
as it is, for editing after a backup), and a piece that is missing or planted
is reported in one line naming the source.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.cli import main
from briefing.core.document import Document
from briefing.core.errors import CorruptFile
from briefing.core.model import Source
from briefing.store import schema, text_pieces
from briefing.store.clean_copy import make_clean_copy
from briefing.store.database import Store, write_briefing
from briefing.store.text_pieces import piece_ends
from tests.store.old_files import file_version, write_v1

SMALL = 40
"""The piece size the tests use, so a few hundred characters make several pieces."""

REPORT = (
    "Harbour traffic fell sharply in March.\n"
    "The envoy met the port authority on Tuesday and asked for guarantees.\n"
    "Officials said the ferry schedule would resume once the frontline was quiet.\n"
    "A ceasefire was not discussed.\n"
)


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_pieces, "TEXT_PIECE", SMALL)


def stored(path: Path) -> tuple[str, list[tuple[int, str]]]:
    """The first piece of source s1 and its later pieces, as they are in the file."""
    conn = sqlite3.connect(path)
    try:
        (first,) = conn.execute("SELECT text FROM sources WHERE id = 's1'").fetchone()
        later = conn.execute("SELECT seq, text FROM source_text WHERE source = 's1' "
                             "ORDER BY seq").fetchall()
        return first, later
    finally:
        conn.close()


# ------------------------------------------------------------------ cutting
def test_a_text_is_cut_after_a_line_break_else_a_space_else_at_the_size() -> None:
    assert piece_ends("short", 10) == [5]
    # the second half of the first ten characters holds a line break at 7
    assert piece_ends("aaaa bb\ncccc dd", 10) == [8, 15]
    # no line break: after the last space of the first ten characters (at 6; the
    # space at 10 is the eleventh character)
    assert piece_ends("aaaaaa bbb cccc", 10) == [7, 15]
    # one word longer than half a piece: cut at the size
    assert piece_ends("abcdefghijklmnop", 10) == [10, 16]


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from("ab \n\u00e9\u05d0\U0001f600\r"), max_size=300),
       st.integers(min_value=2, max_value=50))
def test_pieces_join_back_to_the_text_and_none_is_too_long(text: str, size: int) -> None:
    ends = piece_ends(text, size)
    starts = [0, *ends[:-1]]
    pieces = [text[a:b] for a, b in zip(starts, ends, strict=True)]
    assert "".join(pieces) == text
    assert all(0 < len(piece) <= size for piece in pieces) or text == ""
    for piece in pieces[:-1]:  # a word is split only when half a piece holds no space
        if " " in piece[size // 2 :] or "\n" in piece[size // 2 :]:
            assert piece[-1] in " \n"


# ------------------------------------------------------------------ storing
def test_a_long_text_comes_back_whole_and_no_row_holds_more_than_a_piece(
    tmp_path: Path, small_pieces: None
) -> None:
    path = tmp_path / "long.briefing"
    write_briefing(Document(sources=[Source("s1", "Port report", text=REPORT)]), path)
    first, later = stored(path)
    assert REPORT.startswith(first) and len(first) <= SMALL
    assert [seq for seq, _ in later] == list(range(1, len(later) + 1)) and len(later) >= 4
    assert all(len(text) <= SMALL for _, text in later)
    with Store.open(path) as store:
        assert store.document.source("s1").text == REPORT


def test_editing_a_long_text_short_or_removing_its_source_leaves_no_piece(
    tmp_path: Path, small_pieces: None
) -> None:
    path = tmp_path / "long.briefing"
    write_briefing(Document(sources=[Source("s1", "Port report", text=REPORT),
                                     Source("s2", "Note", text=REPORT.upper())]), path)
    with Store.open(path) as store:
        store.document.update_source("s1", text="Quiet harbour.")
        store.document.remove_source("s2")
    assert stored(path) == ("Quiet harbour.", [])
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM source_text").fetchone()[0] == 0
    conn.close()
    with Store.open(path) as store:
        assert [(s.id, s.text) for s in store.document.sources] == [("s1", "Quiet harbour.")]
        assert store.search("ferry") == []


def test_a_real_two_and_a_half_mebibyte_text_is_stored_in_mebibyte_pieces(tmp_path: Path) -> None:
    line = ("The envoy said talks on the harbour would resume. "
            "\u00e9t\u00e9 \u05e9\u05dc\u05d5\u05dd\n")
    text = line * (5 * 2**19 // len(line))  # 2.5 MiB: three pieces
    path = tmp_path / "big.briefing"
    write_briefing(Document(sources=[Source("s1", "Transcript", text=text)]), path)
    conn = sqlite3.connect(path)
    longest = conn.execute("SELECT max(length(text)) FROM source_text").fetchone()[0]
    first = conn.execute("SELECT length(text) FROM sources").fetchone()[0]
    pieces = conn.execute("SELECT count(*) FROM source_text").fetchone()[0]
    conn.close()
    assert max(first, longest) <= 2**20 and pieces == 2
    with Store.open(path) as store:
        assert store.document.source("s1").text == text


# ------------------------------------------------------------------ search
def test_words_in_different_pieces_find_their_source(tmp_path: Path,
                                                     small_pieces: None) -> None:
    path = tmp_path / "long.briefing"
    doc = Document(sources=[Source("s1", "Port report", text=REPORT),
                            Source("s2", "Ferry memo", text="The ferry sails at dawn.")])
    write_briefing(doc, path)
    with Store.open(path) as store:
        found = {q: [h.id for h in store.search(q) if h.kind == "source"] for q in (
            "harbour ceasefire",  # first line and last line: different pieces
            "port ceasefire",     # the title and the last piece
            "guarantees frontl",  # a prefix in another piece
            "ferry",              # both: the memo's title first, then the long text's piece
            "ceasefire dawn",     # no source holds both
        )}
    assert found == {"harbour ceasefire": ["s1"], "port ceasefire": ["s1"],
                     "guarantees frontl": ["s1"], "ferry": ["s2", "s1"],
                     "ceasefire dawn": []}


# ------------------------------------------------------------------ version 1
def test_a_version_1_document_opens_read_only_as_it_is(tmp_path: Path) -> None:
    path = write_v1(Document(sources=[Source("s1", "Port report", text=REPORT)]),
                    tmp_path / "old.briefing")
    before = path.read_bytes()
    with Store.open(path, readonly=True) as store:
        assert store.document.source("s1").text == REPORT
        assert [h.id for h in store.search("harbour ceasefire")] == ["s1"]
    assert main(["check", str(path)]) in (0, 1)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.briefing"]


def test_a_version_1_document_is_backed_up_then_upgraded_for_editing(
    tmp_path: Path, small_pieces: None
) -> None:
    path = write_v1(Document(sources=[Source("s1", "Port report", text=REPORT)]),
                    tmp_path / "old.briefing")
    with Store.open(path) as store:
        assert store.document.source("s1").text == REPORT  # still one row: not rewritten
        assert [h.id for h in store.search("harbour ceasefire")] == ["s1"]
        store.document.update_source("s1", text=REPORT + "More.\n")
    backup = tmp_path / "old.v1-backup.briefing"
    assert file_version(backup) == 1 and file_version(path) == schema.current_version() == 2
    first, later = stored(path)
    assert len(first) <= SMALL and len(later) >= 4
    with Store.open(path) as store:
        assert store.document.source("s1").text == REPORT + "More.\n"
        assert [h.id for h in store.search("harbour more")] == ["s1"]


def test_a_received_version_1_document_opened_protected_is_not_upgraded(
    tmp_path: Path
) -> None:
    path = write_v1(Document(sources=[Source("s1", "Port report", text=REPORT)]),
                    tmp_path / "from-a-colleague.briefing", own=False)
    before = path.read_bytes()
    with Store.open(path, protect=True) as store:
        assert store.readonly and not store.origin.own
        assert store.document.source("s1").text == REPORT
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["from-a-colleague.briefing"]



# ------------------------------------------------------------------ damaged pieces
@pytest.mark.parametrize(("tamper", "needle"), [
    ("INSERT INTO source_text (source, seq, text) VALUES ('s9', 1, 'planted')",
     "a piece of source text belongs to no source ('s9')"),
    ("DELETE FROM source_text WHERE seq = 2",
     "source 's1' is malformed (text: a piece is missing)"),
    ("UPDATE source_text SET text = x'00ff' WHERE seq = 1",
     "a piece of source text is bytes, not text"),
    ("UPDATE source_text SET seq = 'two' WHERE seq = 2",
     "source 's1' is malformed (text: a piece is unnumbered)"),
])
def test_a_damaged_or_planted_piece_is_reported_in_one_line(
    tmp_path: Path, small_pieces: None, capsys: pytest.CaptureFixture[str],
    tamper: str, needle: str
) -> None:
    path = tmp_path / "R.briefing"
    write_briefing(Document(sources=[Source("s1", "Port report", text=REPORT)]), path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(tamper)
    conn.close()
    with pytest.raises(CorruptFile) as refused:
        Store.open(path, readonly=True)
    assert needle in str(refused.value)
    capsys.readouterr()
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(path) in err[0] and needle in err[0]


def test_the_clean_copy_keeps_a_long_text_whole(tmp_path: Path, small_pieces: None) -> None:
    path = tmp_path / "R.briefing"
    write_briefing(Document(sources=[Source("s1", "Port report", text=REPORT)]), path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TRIGGER planted AFTER UPDATE ON sources BEGIN SELECT 1; END")
    conn.close()
    copy = make_clean_copy(path, tmp_path / "clean.briefing")
    assert copy.source("s1").text == REPORT
    with Store.open(tmp_path / "clean.briefing") as store:
        assert store.document.source("s1").text == REPORT
        assert [h.id for h in store.search("harbour ceasefire")] == ["s1"]
