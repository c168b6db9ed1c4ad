"""Imports read only regular files, and only so much: no device, pipe or socket."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest

from briefing.core.errors import FileProblem
from briefing.ingest import common
from briefing.ingest.common import read_file
from tests.reliability.helpers import assert_one_line_error, run_cli

posix_only = pytest.mark.skipif(os.name != "posix", reason="devices and FIFOs are POSIX")


@posix_only
def test_a_symlink_to_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    bait = tmp_path / "notes.txt"
    bait.symlink_to("/dev/zero")
    with pytest.raises(FileProblem, match="not a regular file"):
        read_file(bait)


@posix_only
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "dictated.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(FileProblem, match="not a regular file"):
        read_file(fifo)
    assert time.monotonic() - started < 5


@posix_only
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(FileProblem, match="no such device|not a regular file|cannot read"):
            read_file(path)
    finally:
        server.close()


@posix_only
def test_cli_import_of_dev_zero_and_a_fifo_exits_2_and_adds_nothing(tmp_path: Path) -> None:
    doc = tmp_path / "R.briefing"
    assert run_cli("new", str(doc)).returncode == 0
    bait = tmp_path / "zero.txt"
    bait.symlink_to("/dev/zero")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    for path in (bait, fifo):
        assert_one_line_error(run_cli("import", str(doc), str(path)), str(path),
                              "not a regular file")
    assert time.monotonic() - started < 20
    result = run_cli("export", str(doc), "-o", str(tmp_path / "out.json"))
    assert result.returncode == 0
    assert '"sources": []' in (tmp_path / "out.json").read_text(encoding="utf-8")


@posix_only
@pytest.mark.parametrize("command", ["export", "check", "open-json"])
def test_a_json_document_that_is_a_device_or_fifo_is_refused(tmp_path: Path, command: str
                                                             ) -> None:
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for path in (zero, fifo):
        if command == "open-json":
            from briefing.store.jsonio import load_json

            with pytest.raises(FileProblem, match="not a regular file"):
                load_json(path)
            continue
        args = ["check", str(path)] if command == "check" else \
            ["export", str(path), "-o", str(tmp_path / "out.md")]
        assert_one_line_error(run_cli(*args), str(path), "not a regular file")


def test_reads_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "MAX_IMPORT_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_bytes(b"tide " * 400)
    with pytest.raises(FileProblem, match="larger than"):
        read_file(big)
    small = tmp_path / "small.txt"
    small.write_bytes(b"tide " * 100)
    assert read_file(small) == b"tide " * 100
