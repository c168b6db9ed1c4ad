"""Conversion between model records and plain dicts (the briefing/v1 shapes).

Shared by the JSON interchange and the SQLite store, which keeps each record
as the same JSON object.  Empty values are left out; unknown keys travel in
``extra`` and come back out unchanged.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source, field_names

_TUPLE_FIELDS = {"authors", "tags"}
_WITH_TUPLES = frozenset({Source, Claim, BriefingInfo})
"""The record types with a field in _TUPLE_FIELDS (lists in JSON, tuples in the model)."""


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == () or value == [] or value == {}


_REQUIRED_BY_TYPE = {Source: {"id", "title"}, Claim: {"id", "text"}, Citation: {"source"}}


def record_to_dict(record: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The fields of a flat record that are not empty (or required), in declaration order."""
    out: dict[str, Any] = {}
    required = _REQUIRED_BY_TYPE.get(type(record), set())
    record_type: type = type(record)
    for name in field_names(record_type):
        if name in skip:
            continue
        value = getattr(record, name)
        if _is_empty(value) and name not in required:
            continue
        out[name] = list(value) if isinstance(value, tuple) else value
    out.update(record.extra)
    return out


@cache
def _known(record_type: type) -> frozenset[str]:
    return frozenset(field_names(record_type))


def _split(data: dict[str, Any], record_type: type) -> tuple[dict[str, Any], dict[str, Any]]:
    known = _known(record_type)
    if data.keys() <= known:  # the common case: no unknown keys to keep in ``extra``
        plain: dict[str, Any] = dict(data)
        if record_type in _WITH_TUPLES:
            for key in _TUPLE_FIELDS.intersection(plain):
                plain[key] = tuple(plain[key])
        return plain, {}
    kwargs: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        if key in known:
            kwargs[key] = tuple(value) if key in _TUPLE_FIELDS else value
        else:
            extra[key] = value
    if extra:
        kwargs["extra"] = extra
    return kwargs, extra


def _none_to_default(kwargs: dict[str, Any], record_type: type) -> None:
    """Treat an explicit JSON null like an absent optional text field."""
    if None not in kwargs.values():
        return
    for key in [k for k, v in kwargs.items() if v is None]:
        if key not in ("start", "end", "claim"):
            del kwargs[key]


def source_from_dict(data: dict[str, Any]) -> Source:
    kwargs, _ = _split(data, Source)
    _none_to_default(kwargs, Source)
    return Source(**kwargs)


def citation_to_dict(citation: Citation) -> dict[str, Any]:
    return record_to_dict(citation)


def citation_from_dict(data: dict[str, Any]) -> Citation:
    kwargs, _ = _split(data, Citation)
    _none_to_default(kwargs, Citation)
    if "credibility" in kwargs and not isinstance(kwargs["credibility"], str):
        kwargs["credibility"] = str(kwargs["credibility"])
    return Citation(**kwargs)


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    out = record_to_dict(claim, skip=("citations",))
    if claim.citations:
        out["citations"] = [citation_to_dict(c) for c in claim.citations]
        # keep "citations" before notes/extra for readable diffs
        out = {k: out[k] for k in _claim_key_order(out)}
    return out


def _claim_key_order(out: dict[str, Any]) -> list[str]:
    names = list(field_names(Claim))
    return sorted(out, key=lambda k: names.index(k) if k in names else len(names))


def claim_from_dict(data: dict[str, Any]) -> Claim:
    kwargs, _ = _split(data, Claim)
    _none_to_default(kwargs, Claim)
    kwargs["citations"] = tuple(citation_from_dict(c) for c in data.get("citations") or ())
    return Claim(**kwargs)


def block_to_dict(block: Block) -> dict[str, Any]:
    if block.claim is not None:
        out: dict[str, Any] = {"claim": block.claim}
    else:
        out = {"text": block.text}
        if block.portion:
            out["portion"] = block.portion
    out.update(block.extra)
    return out


def block_from_dict(data: dict[str, Any]) -> Block:
    if len(data) == 1 and isinstance(data.get("claim"), str):
        return Block(claim=data["claim"])  # most blocks: a placed claim, nothing else
    kwargs, _ = _split(data, Block)
    if kwargs.get("portion") is None:
        kwargs.pop("portion", None)
    return Block(**kwargs)


def section_to_dict(section: Section) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": section.id,
        "title": section.title,
        "blocks": [block_to_dict(b) for b in section.blocks],
        "sections": [section_to_dict(s) for s in section.sections],
    }
    out.update(section.extra)
    return out


def section_from_dict(data: dict[str, Any]) -> Section:
    kwargs, _ = _split(data, Section)
    kwargs["blocks"] = tuple(block_from_dict(b) for b in data.get("blocks") or ())
    kwargs["sections"] = tuple(section_from_dict(s) for s in data.get("sections") or ())
    return Section(**kwargs)


def info_to_dict(info: BriefingInfo) -> dict[str, Any]:
    out = record_to_dict(info)
    out["title"] = info.title
    if info.marking_scheme == "none":
        out.pop("marking_scheme", None)
    return {k: out[k] for k in _info_key_order(out)}


def _info_key_order(out: dict[str, Any]) -> list[str]:
    names = list(field_names(BriefingInfo))
    return sorted(out, key=lambda k: names.index(k) if k in names else len(names))


def info_from_dict(data: dict[str, Any]) -> BriefingInfo:
    kwargs, _ = _split(data, BriefingInfo)
    _none_to_default(kwargs, BriefingInfo)
    if isinstance(kwargs.get("marking_scheme"), list):
        kwargs["marking_scheme"] = tuple(kwargs["marking_scheme"])
    return BriefingInfo(**kwargs)
