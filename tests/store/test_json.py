"""briefing/v1 JSON: lossless through a .briefing file, clear errors with JSON paths."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from briefing.cli import main
from briefing.core.document import Document
from briefing.core.errors import InvalidJson
from briefing.store.jsonio import dumps, load_json, loads
from tests.strategies import documents

RICH: dict[str, Any] = {
    "format": "briefing/v1",
    "briefing": {
        "title": "Ukraine: intentions vs. diplomacy",
        "subtitle": "Weekly \u202eRTL\u202c",
        "authors": ["A. Analyst", "B. Editor"],
        "date": "2025-12",
        "marking_scheme": ["LOW", "HIGH"],
        "classification": "HIGH",
        "caveats": "ORCON",
        "note_style": "endnotes",
        "citation_style": "chicago-note",
        "future_field": {"nested": [1, 2]},
    },
    "sources": [
        {
            "id": "s1",
            "key": "article",
            "kind": "news",
            "title": "Article *with* [markup]",
            "authors": ["Reporter One"],
            "publisher": "Wire",
            "container": "Daily",
            "published": "2025",
            "url": "https://example.org/x?a=1&b=2",
            "doi": "10.1/x",
            "accessed": "2025-12-20",
            "descriptor": "News report citing six officials",
            "reliability": "B",
            "text": "Para one\x0bwith VT.\n\nPara two 😀 שלום\x00nul.",
            "notes": "n",
            "file_name": "a.txt",
            "sha256": "ab" * 32,
            "imported": "2025-12-20T10:00:00+00:00",
            "x-custom": True,
        }
    ],
    "claims": [
        {
            "id": "c1",
            "text": "Putin wants more [^1] & <b>",
            "kind": "judgment",
            "confidence": "moderate",
            "likelihood": "likely",
            "portion": "HIGH",
            "tags": ["intent"],
            "status": "checked",
            "notes": "check later",
            "citations": [
                {
                    "source": "s1",
                    "quote": "Para one",
                    "start": 0,
                    "end": 8,
                    "locator": "para. 1",
                    "attribution": "six sources",
                    "credibility": 2,
                    "note": "n",
                },
                {"source": "s1", "start": None, "end": None, "credibility": "3"},
            ],
        },
        {"id": "c2", "text": ""},
    ],
    "sections": [
        {
            "id": "k1",
            "title": "Key Judgments",
            "blocks": [{"claim": "c1"}, {"text": "Prose *here*", "portion": "LOW"}],
            "sections": [{"id": "k2", "title": "Sub", "blocks": [], "sections": []}],
        }
    ],
}


def canonical(value: Any) -> Any:
    """What a lossless round trip must give back: empties dropped, credibility as text."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if item in (None, "", [], {}) and key not in ("title", "text", "blocks", "sections"):
                continue
            out[key] = str(item) if key == "credibility" else canonical(item)
        return out
    if isinstance(value, list):
        return [canonical(v) for v in value]
    return value


def _subset(expected: Any, actual: Any, path: str = "$") -> None:
    if isinstance(expected, dict):
        for key, item in expected.items():
            assert key in actual, f"{path}.{key} lost"
            _subset(item, actual[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert len(expected) == len(actual), f"{path}: length changed"
        for i, (a, b) in enumerate(zip(expected, actual, strict=True)):
            _subset(a, b, f"{path}[{i}]")
    else:
        assert expected == actual, f"{path}: {expected!r} became {actual!r}"


def _cli_round_trip(tmp: Path, data: dict[str, Any]) -> dict[str, Any]:
    (tmp / "x.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["export", str(tmp / "x.json"), "-o", str(tmp / "x.briefing")]) == 0
    assert main(["export", str(tmp / "x.briefing"), "-o", str(tmp / "y.json")]) == 0
    return json.loads((tmp / "y.json").read_text(encoding="utf-8"))


def test_rich_document_round_trips_every_field(tmp_path: Path) -> None:
    back = _cli_round_trip(tmp_path, RICH)
    _subset(canonical(RICH), back)
    assert back["briefing"]["future_field"] == {"nested": [1, 2]}
    assert back["sources"][0]["text"] == RICH["sources"][0]["text"]


@settings(max_examples=25)
@given(documents())
def test_generated_documents_round_trip_through_cli(
    tmp_path_factory: pytest.TempPathFactory, doc: Document
) -> None:
    tmp = tmp_path_factory.mktemp("cli")
    data = json.loads(dumps(doc))
    back = _cli_round_trip(tmp, data)
    assert back == data


def _problem(data: Any) -> str:
    with pytest.raises(InvalidJson) as info:
        loads(json.dumps(data), "doc.json")
    return str(info.value)


def test_not_json_names_file_and_position() -> None:
    with pytest.raises(InvalidJson, match=r"doc.json: not valid JSON \(line 1, column 2"):
        loads("{oops", "doc.json")


def test_wrong_format_is_named() -> None:
    assert "format 'zotero'" in _problem({"format": "zotero"})
    assert "format 'list'" in _problem([1, 2])


def test_dangling_references_give_json_paths() -> None:
    data = copy.deepcopy(RICH)
    data["claims"][0]["citations"][0]["source"] = "s9"
    data["sections"][0]["blocks"].append({"claim": "c7"})
    message = _problem(data)
    assert "$.claims[0].citations[0].source: no source with id 's9'" in message
    assert "$.sections[0].blocks[2].claim: no claim with id 'c7'" in message


def test_duplicate_ids_and_double_placement_give_json_paths() -> None:
    data = copy.deepcopy(RICH)
    data["sources"].append(dict(data["sources"][0], key="other"))
    data["sections"][0]["sections"][0]["blocks"] = [{"claim": "c1"}]
    message = _problem(data)
    assert "$.sources[1].id: duplicate id 's1'" in message
    assert "$.sections[0].sections[0].blocks[0].claim: claim 'c1' is already placed" in message


def test_schema_violations_give_json_paths() -> None:
    data = copy.deepcopy(RICH)
    data["claims"][1]["kind"] = "opinion"
    data["claims"][0]["citations"][0]["start"] = -3
    message = _problem(data)
    assert "$.claims[0].citations[0].start" in message
    assert "$.claims[1].kind: 'opinion' is not one of" in message


def test_lone_surrogate_is_refused_with_its_place() -> None:
    data = copy.deepcopy(RICH)
    data["claims"][1]["text"] = "bad \ud800 text"
    assert "claim 'c2': text holds an invalid character" in _problem(data)


def test_load_json_reports_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"format": "briefing/v1", "x": "caf\xe9"}'.encode("latin-1"))
    with pytest.raises(InvalidJson, match="latin1.json: not UTF-8"):
        load_json(path)
