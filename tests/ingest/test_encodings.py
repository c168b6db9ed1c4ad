"""Text files in the encodings analysts actually receive."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core.errors import FileProblem
from briefing.ingest import import_bytes, sequential_ids
from briefing.ingest.text import decode_text

SAMPLE = "Über die Brücke — “Zoë’s café” costs €3.\nSecond line: naïve façade."


def _text(data: bytes, name: str = "note.txt") -> str:
    items = import_bytes(data, name, new_id=sequential_ids(lambda _: False))
    return items[0].source.text


@pytest.mark.parametrize(
    "encoded",
    [
        SAMPLE.encode("utf-8"),
        b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-16"),  # with BOM, native order
        b"\xfe\xff" + SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-be-bom", "cp1252"],
)
def test_text_decodes_to_the_same_characters(encoded):
    assert _text(encoded) == SAMPLE


def test_newlines_are_normalised():
    assert _text(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree"


def test_original_bytes_are_kept_unchanged():
    data = SAMPLE.encode("cp1252").replace(b"\n", b"\r\n")
    items = import_bytes(data, "legacy.txt", new_id=sequential_ids(lambda _: False))
    assert items[0].original == data


def test_legacy_cyrillic_is_detected():
    text = "Министерство обороны сообщило о проведении учений в северных районах страны. " * 4
    assert _text(text.encode("cp1251")) == text.strip()


prose = st.text(
    alphabet=st.characters(
        codec="cp1252", categories=("L", "N", "P", "Zs", "S"), exclude_characters="\x7f"
    ),
    min_size=1,
    max_size=200,
).filter(lambda t: t.strip())


@settings(max_examples=60, deadline=None)
@given(prose, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_round_trips_through_every_bom_encoding(text, encoding):
    assert decode_text(text.encode(encoding), path_for_test()) == text


@settings(max_examples=60, deadline=None)
@given(st.lists(prose, min_size=1, max_size=5), st.sampled_from(["\n", "\r\n", "\r"]))
def test_lines_survive_any_newline_convention(lines, newline):
    lines = [line.replace("\n", " ").strip() for line in lines]
    lines = [line for line in lines if line] or ["x"]
    data = newline.join(lines).encode("utf-8")
    try:
        text = _text(data)
    except FileProblem:
        pytest.fail("plain UTF-8 prose was refused")
    assert text.split("\n") == [line.rstrip() for line in lines]


def path_for_test():
    from pathlib import Path

    return Path("sample.txt")
