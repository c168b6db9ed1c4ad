"""Large texts are decoded and cleaned in pieces, with exactly the result of the whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.core.errors import FileProblem
from briefing.ingest import text_stream
from briefing.ingest.common import clean_text
from briefing.ingest.text import decode_text
from briefing.ingest.text_stream import decode_clean

PATH = Path("notes.txt")
PIECES = st.lists(st.sampled_from(list("ab é\t\r\n\u2028\u2029\ufeff\x0b\f") + ["\r\n", "  \n"]),
                  max_size=120).map("".join)


@pytest.fixture(autouse=True)
def _tiny_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_stream, "PIECE_BYTES", 7)  # every boundary case, on small texts
    monkeypatch.setattr(text_stream, "SMALL", 0)


@given(PIECES, st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "cp1252"]))
def test_pieces_equal_the_whole(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    try:
        expected = clean_text(decode_text(data, PATH))
    except FileProblem as problem:
        with pytest.raises(FileProblem) as caught:
            decode_clean(data, PATH)
        assert str(caught.value) == str(problem)
        return
    assert decode_clean(data, PATH) == expected


def test_a_crlf_split_between_pieces_is_one_newline() -> None:
    data = b"abcdef\r\nghi  \r\n\r\n"  # the CR is the 7th byte, the LF the 8th
    assert decode_clean(data, PATH) == "abcdef\nghi"


def test_a_nul_after_the_first_piece_is_still_binary() -> None:
    with pytest.raises(FileProblem, match="binary"):
        decode_clean(b"plain text here\n" * 3 + b"\x00more", PATH)


def test_latin1_is_found_when_utf8_fails_midway() -> None:
    data = ("Le port de Brest a rouvert " * 3 + "à l'aube.\n").encode("cp1252")
    assert decode_clean(data, PATH) == clean_text(decode_text(data, PATH))
    assert decode_clean(data, PATH).endswith("à l'aube.")
