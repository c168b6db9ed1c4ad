"""Bad input gets one clear FileProblem naming the file, and nothing else."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.core.errors import FileProblem
from briefing.ingest import ImportCancelled, import_bytes, import_file, sequential_ids
from briefing.ingest.word import check_zip
from tests.ingest import builders
from tests.ingest.conftest import FIXTURES


def _problem(path, **kwargs) -> str:
    with pytest.raises(FileProblem) as caught:
        import_file(path, new_id=sequential_ids(lambda _: False), **kwargs)
    message = str(caught.value)
    assert str(path) in message
    assert "\n" not in message
    return message


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("random.pdf", os.urandom(2000), "not a PDF"),
        ("empty.txt", b"", "is empty"),
        ("empty.pdf", b"", "is empty"),
        ("text.docx", b"Plain words, not a Word file.\n", "not a Word document"),
        ("binary.txt", b"\x00\x01\x02\x03\xff\xfe\x00" * 200, "binary"),
        ("controls.txt", bytes(range(1, 32)) * 50, "binary"),
        ("broken.json", b"[{\"type\": \"book\", ", "not valid JSON"),
        ("notalist.json", b"42", "not a CSL-JSON library"),
        ("notype.json", b'[{"id": "x1", "title": "No type"}]', "entry 1 (x1) has no CSL 'type'"),
        ("empty.bib", b"% only a comment\n", "no BibTeX entries"),
        ("page.html", b"<html><body><script>x()</script></body></html>", "no readable text"),
    ],
)
def test_bad_files_are_refused_with_a_clear_reason(tmp_path, name, data, expected):
    assert expected in _problem(_write(tmp_path, name, data))


def test_malformed_bibtex_names_the_entry(tmp_path):
    text = (
        "@book{good, title={Fine}}\n\n@article{broken, title = {no end\n"
        "@book{later, title={X}}\n"
    )
    message = _problem(_write(tmp_path, "refs.bib", text.encode()))
    assert "line 3" in message


def test_duplicate_bibtex_key_is_reported(tmp_path):
    text = "@book{same, title={One}}\n@book{same, title={Two}}\n"
    assert "'same'" in _problem(_write(tmp_path, "dup.bib", text.encode()))


def test_briefing_json_is_not_taken_for_a_library(tmp_path):
    data = json.dumps({"format": "briefing/v1", "briefing": {}}).encode()
    assert "Briefing JSON document" in _problem(_write(tmp_path, "doc.json", data))


def test_unknown_suffix_is_refused_before_reading(tmp_path):
    message = _problem(tmp_path / "slides.pptx")
    assert "cannot import '.pptx' files" in message and ".docx" in message


def test_missing_file_and_folder(tmp_path):
    assert "no such file" in _problem(tmp_path / "gone.txt")
    (tmp_path / "folder.txt").mkdir()
    assert "folder" in _problem(tmp_path / "folder.txt")


def test_encrypted_pdf(tmp_path):
    path = _write(tmp_path, "locked.pdf", builders.make_pdf(password="s3cret"))
    assert "encrypted" in _problem(path)


def test_image_only_pdf(tmp_path):
    path = _write(tmp_path, "scan.pdf", builders.make_pdf(blank=True))
    assert "no extractable text" in _problem(path)


def test_zip_bomb_docx_is_refused_without_inflating(tmp_path):
    path = _write(tmp_path, "bomb.docx", builders.make_zip_bomb(300 << 20))
    assert path.stat().st_size < 5 << 20
    assert "zip bomb" in _problem(path)


def test_decompression_limit_is_checked_on_declared_sizes(tmp_path):
    data = builders.make_docx()
    check_zip(data, tmp_path / "ok.docx")
    with pytest.raises(FileProblem, match="more than"):
        check_zip(data, tmp_path / "small-limit.docx", limit=1000)


def test_progress_reports_and_can_cancel(tmp_path):
    path = _write(tmp_path, "big.txt", b"word " * 600_000)
    seen: list[tuple[int, int]] = []
    import_file(path, new_id=sequential_ids(lambda _: False), progress=lambda d, t: seen.append(
        (d, t)))
    assert seen[-1] == (3_000_000, 3_000_000)
    assert len(seen) >= 2
    with pytest.raises(ImportCancelled):
        import_file(path, new_id=sequential_ids(lambda _: False), progress=lambda d, t: False)


def _fixture_inputs() -> dict[str, bytes]:
    return {
        "a.docx": builders.make_docx(),
        "a.pdf": builders.make_pdf(),
        "a.html": (FIXTURES / "ferry-article.html").read_bytes(),
        "a.bib": (FIXTURES / "library.bib").read_bytes(),
        "a.json": (FIXTURES / "library.json").read_bytes(),
        "a.md": (FIXTURES / "notes.md").read_bytes(),
    }


INPUTS = _fixture_inputs()


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(INPUTS)))
    data = bytearray(INPUTS[name])
    how = draw(st.sampled_from(["truncate", "flip", "splice"]))
    if how == "truncate":
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif how == "flip":
        for _ in range(draw(st.integers(1, 20))):
            i = draw(st.integers(0, len(data) - 1))
            data[i] = draw(st.integers(0, 255))
    else:
        i = draw(st.integers(0, len(data)))
        data[i:i] = draw(st.binary(min_size=1, max_size=64))
    return name, bytes(data)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_files_give_only_file_problems(case):
    name, data = case
    try:
        items = import_bytes(data, name, new_id=sequential_ids(lambda _: False))
    except FileProblem as problem:
        assert name in str(problem)
        return
    for item in items:
        item.source.text.encode("utf-8")  # no lone surrogates slipped through
