"""Reading JSON for checking: damaged references become findings, bad files one error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.checks import run_checks, snapshot_from_json_file
from briefing.core.errors import FileProblem, InvalidJson
from briefing.store.jsonio import document_to_dict
from tests.checks.helpers import briefing, cite, claim


def write(tmp_path: Path, data: object, name: str = "b.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_dangling_references_in_a_file_are_reported(tmp_path: Path) -> None:
    data = document_to_dict(briefing([claim("c1", citations=(cite(),))], body=["c1"]))
    data["sections"][0]["blocks"].append({"claim": "c404"})
    findings = run_checks(snapshot_from_json_file(write(tmp_path, data)))
    assert [(f.rule, f.claim) for f in findings if f.severity == "error"] == [
        ("dangling-reference", "c404")
    ]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b'{"format": "other"}', "not a Briefing JSON file"),
        (b'{"format": "briefing/v1", "sources": 3}', "$"),
    ],
)
def test_bad_files_raise_one_clear_error(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(InvalidJson) as caught:
        snapshot_from_json_file(path)
    assert str(path) in str(caught.value) and problem in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="cannot read"):
        snapshot_from_json_file(tmp_path / "absent.json")
