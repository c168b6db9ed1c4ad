"""The briefing/v1 JSON interchange: validated load, canonical dump.

Loading checks the file against the shared JSON Schema, then ids and
references, and reports the first problems with their JSON path
(``$.claims[3].citations[0].source``).  Dumping writes every non-empty field,
keys in a stable order, so a document diffs cleanly.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from briefing.core.atomic import write_text_atomic
from briefing.core.document import Document
from briefing.core.errors import DomainError, FileProblem, InvalidJson
from briefing.core.reading import open_regular
from briefing.store.records import (
    claim_from_dict,
    claim_to_dict,
    info_from_dict,
    info_to_dict,
    record_to_dict,
    section_from_dict,
    section_to_dict,
    source_from_dict,
)

FORMAT = "briefing/v1"
MAX_JSON_BYTES = 2 << 30
MAX_PROBLEMS = 3


@cache
def _validator() -> Any:
    import jsonschema

    schema_text = resources.files("briefing.store").joinpath("briefing-v1.schema.json")
    schema = json.loads(schema_text.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def document_to_dict(doc: Document) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "briefing": info_to_dict(doc.info),
        "sources": [record_to_dict(s) for s in doc.sources],
        "claims": [claim_to_dict(c) for c in doc.claims],
        "sections": [section_to_dict(s) for s in doc.sections],
    }


def dumps(doc: Document) -> str:
    """The document as briefing/v1 JSON text (UTF-8, two-space indent)."""
    return json.dumps(document_to_dict(doc), ensure_ascii=False, indent=2) + "\n"


def dump_json(doc: Document, path: str | Path) -> None:
    """Write the document to *path* atomically."""
    write_text_atomic(path, dumps(doc))


def parse_json(text: str, origin: str = "<json>") -> Any:
    """JSON text → Python data; bad syntax or runaway nesting raise InvalidJson."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidJson(
            origin, f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise InvalidJson(origin, "not a Briefing JSON file (nested too deeply)") from None


def read_json(path: str | Path) -> Any:
    """Read and parse a UTF-8 JSON file, every problem one InvalidJson/FileProblem line."""
    path = Path(path)
    try:
        with open_regular(path) as handle:  # no device, FIFO or socket; a capped read
            raw = handle.read(MAX_JSON_BYTES + 1)
    except OSError as error:
        raise FileProblem(path, f"cannot read: {(error.strerror or str(error)).lower()}") from None
    if len(raw) > MAX_JSON_BYTES:
        raise FileProblem(path, f"is larger than {MAX_JSON_BYTES >> 20} MB, more than a "
                          "briefing JSON file holds")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidJson(path, f"not UTF-8 text (byte {error.start})") from None
    return parse_json(text, str(path))


def loads(text: str, origin: str = "<json>") -> Document:
    """Parse briefing/v1 JSON text; problems raise InvalidJson naming *origin*."""
    return _document(parse_json(text, origin), origin)


def load_json(path: str | Path) -> Document:
    return _document(read_json(path), str(path))


def _document(data: Any, origin: str) -> Document:
    try:
        return document_from_dict(data, origin)
    except RecursionError:
        raise InvalidJson(origin, "the outline or a field is nested too deeply") from None


def document_from_dict(data: Any, origin: str = "<json>") -> Document:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise InvalidJson(
            origin, f"not a Briefing JSON file (format {found!r}, expected {FORMAT!r})"
        )
    problems = schema_problems(data) or reference_problems(data)
    if problems:
        raise InvalidJson(origin, "; ".join(problems[:MAX_PROBLEMS]) + _more(problems))
    try:
        return Document(
            info_from_dict(data["briefing"]),
            [source_from_dict(s) for s in data["sources"]],
            [claim_from_dict(c) for c in data["claims"]],
            [section_from_dict(s) for s in data["sections"]],
        )
    except DomainError as error:
        raise InvalidJson(origin, str(error)) from None


def _more(problems: list[str]) -> str:
    extra = len(problems) - MAX_PROBLEMS
    return f" (and {extra} more)" if extra > 0 else ""


def _path(parts: Any) -> str:
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


@cache
def _fast_validator() -> Any:
    import fastjsonschema

    schema_text = resources.files("briefing.store").joinpath("briefing-v1.schema.json")
    return fastjsonschema.compile(json.loads(schema_text.read_text(encoding="utf-8")))


def schema_problems(data: Any) -> list[str]:
    """Schema violations as ``$.path: message``, sorted by path.

    A compiled validator answers quickly for the usual valid file; only an
    invalid one pays for jsonschema's complete list of problems with paths.
    """
    import fastjsonschema

    try:
        _fast_validator()(data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{_path(e.absolute_path)}: {_short(e)}" for e in errors]


def _short(error: Any) -> str:
    message = str(error.message)
    if error.validator == "oneOf" and "blocks" in map(str, error.absolute_path):
        return "a block needs either 'claim' (a claim id) or 'text' (prose), not both"
    return message if len(message) <= 160 else message[:157] + "..."


def reference_problems(data: dict[str, Any]) -> list[str]:
    """Duplicate ids, dangling references and claims placed twice, with paths."""
    problems: list[str] = []
    source_ids = _unique_ids(data["sources"], "sources", problems)
    claim_ids = _unique_ids(data["claims"], "claims", problems)
    for ci, claim in enumerate(data["claims"]):
        for xi, citation in enumerate(claim.get("citations") or ()):
            if citation["source"] not in source_ids:
                path = f"$.claims[{ci}].citations[{xi}].source"
                problems.append(f"{path}: no source with id {citation['source']!r}")
    placed: dict[str, str] = {}
    section_ids: set[str] = set()
    _walk_sections(data["sections"], "$.sections", claim_ids, placed, section_ids, problems)
    return problems


def _unique_ids(items: list[dict[str, Any]], name: str, problems: list[str]) -> set[str]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item["id"] in seen:
            problems.append(f"$.{name}[{i}].id: duplicate id {item['id']!r}")
        seen.add(item["id"])
    return seen


def _walk_sections(
    sections: list[dict[str, Any]],
    path: str,
    claim_ids: set[str],
    placed: dict[str, str],
    section_ids: set[str],
    problems: list[str],
) -> None:
    for si, section in enumerate(sections):
        here = f"{path}[{si}]"
        if section["id"] in section_ids:
            problems.append(f"{here}.id: duplicate section id {section['id']!r}")
        section_ids.add(section["id"])
        for bi, block in enumerate(section.get("blocks") or ()):
            claim = block.get("claim")
            if claim is None:
                continue
            where = f"{here}.blocks[{bi}].claim"
            if claim not in claim_ids:
                problems.append(f"{where}: no claim with id {claim!r}")
            elif claim in placed:
                problems.append(f"{where}: claim {claim!r} is already placed at {placed[claim]}")
            else:
                placed[claim] = where
        _walk_sections(
            section.get("sections") or [],
            f"{here}.sections",
            claim_ids,
            placed,
            section_ids,
            problems,
        )
