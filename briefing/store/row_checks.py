"""Checking the records read from a .briefing file before they become a Document.

Rows are parsed as JSON with the JSON reader's guard against runaway nesting
and checked against the same briefing/v1 JSON Schema as an interchange file, so
a wrongly typed or deeply nested record is reported in one line naming the
record (``source 's3'``), never as a traceback.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from briefing.core.errors import CorruptFile, DomainError

FORMAT = "briefing/v1"


class RecordProblem(ValueError):
    """A stored record that is not what Briefing writes; the message names it."""


def check_records(info: Any, sources: list[Any], claims: list[Any], outline: Any) -> None:
    """Raise RecordProblem naming the first record that breaks the briefing/v1 schema."""
    from briefing.store.jsonio import schema_problems

    data = {"format": FORMAT, "briefing": info, "sources": sources, "claims": claims,
            "sections": outline}
    problems = schema_problems(data)
    if problems:
        raise RecordProblem(_name_record(problems[0], data))


def _name_record(problem: str, data: dict[str, Any]) -> str:
    path, _, message = problem.partition(": ")
    parts = path.replace("]", "").replace("[", ".").split(".")  # $ sources 3 title
    if len(parts) >= 3 and parts[1] in ("sources", "claims") and parts[2].isdigit():
        record = data[parts[1]][int(parts[2])]
        rid = record.get("id") if isinstance(record, dict) else None
        kind = parts[1][:-1]
        name = f"{kind} {rid!r}" if isinstance(rid, str) else f"{kind} number {int(parts[2]) + 1}"
        field = ".".join(parts[3:]) or "record"
        return f"{name} is malformed ({field}: {_short(message)})"
    where = {"briefing": "the document's properties", "sections": "the outline"}.get(
        parts[1] if len(parts) > 1 else "", "a record")
    return f"{where} {'are' if where.endswith('properties') else 'is'} malformed " \
        f"({'.'.join(parts[2:]) or 'record'}: {_short(message)})"


def _short(text: str) -> str:
    return text if len(text) <= 100 else text[:97] + "..."


def inconsistency(path: Path, conn: sqlite3.Connection, error: BaseException) -> CorruptFile:
    """One line for a document whose records could not be read into a Document."""
    if isinstance(error, RecordProblem):
        return CorruptFile(path, f"the document inside is damaged: {error}")
    if isinstance(error, DomainError):
        return CorruptFile(path, f"the document inside is inconsistent: {error}")
    culprit = _unreadable_record(conn)
    if culprit:
        return CorruptFile(path, f"the document inside is damaged: {culprit}")
    reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)[:160]
    return CorruptFile(path, f"the document inside is inconsistent: {reason}")


def _unreadable_record(conn: sqlite3.Connection) -> str:
    """The first stored record that is not one JSON object, in words ("" if none)."""
    queries = (("the document's properties", "SELECT NULL, data FROM info NOT INDEXED"),
               ("the outline", "SELECT NULL, data FROM outline NOT INDEXED"),
               ("source", "SELECT id, data FROM sources NOT INDEXED"),
               ("claim", "SELECT id, data FROM claims NOT INDEXED"))
    try:
        for kind, sql in queries:
            rows = conn.execute(sql).fetchall()
            if not rows and kind in ("the document's properties", "the outline"):
                return f"{kind} {'are' if kind.endswith('properties') else 'is'} missing"
            for rid, data in rows:
                label = f"{kind} {rid!r}" if rid is not None else kind
                problem = _json_problem(data, kind == "the outline")
                if problem:
                    return f"{label} {problem}"
    except sqlite3.Error:
        return ""
    return ""


def _json_problem(data: object, is_list: bool) -> str:
    if not isinstance(data, str | bytes):
        return f"holds {type(data).__name__} where text is stored"
    try:
        value = json.loads(data)
    except RecursionError:
        return "is nested too deeply"
    except ValueError:
        return "is not valid JSON"
    if not isinstance(value, list if is_list else dict):
        return "is not a stored record"
    return ""
