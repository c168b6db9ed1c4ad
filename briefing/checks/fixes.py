"""Turning a suggested :class:`~briefing.checks.findings.Fix` into a Document op.

The editor wraps the op in its undo stack like any other edit; undo is the
inverse op ``Document.apply`` returns.  A fix whose record changed since the
check ran (its ``expect`` values no longer hold) is refused with a
:class:`DomainError`, so it never overwrites newer work.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from briefing.checks.findings import Fix, FixTarget
from briefing.core import ops
from briefing.core.document import Document
from briefing.core.errors import DomainError


def fix_op(doc: Document, fix: Fix) -> ops.Op:
    """The op that performs *fix* on *doc* as it is now."""
    if fix.target == FixTarget.INFO:
        _check_expect(doc.info, fix)
        return ops.SetInfo(replace(doc.info, **fix.changes))
    if fix.target in (FixTarget.CLAIM, FixTarget.CITATION):
        claim = doc.claim(_need(fix.claim, "claim"))
        if fix.target == FixTarget.CLAIM:
            _check_expect(claim, fix)
            return ops.ReplaceClaim(replace(claim, **fix.changes))
        index = _need(fix.citation, "citation")
        if not 0 <= index < len(claim.citations):
            raise DomainError(f"claim {claim.id!r} no longer has citation {index + 1}")
        _check_expect(claim.citations[index], fix)
        cites = list(claim.citations)
        cites[index] = replace(cites[index], **fix.changes)
        return ops.ReplaceClaim(replace(claim, citations=tuple(cites)))
    section = doc.section(_need(fix.section, "section"))
    index = _need(fix.block, "block")
    if not 0 <= index < len(section.blocks):
        raise DomainError(f"section {section.id!r} no longer has block {index + 1}")
    _check_expect(section.blocks[index], fix)
    return ops.ReplaceBlock(section.id, index, replace(section.blocks[index], **fix.changes))


def apply_fix(doc: Document, fix: Fix) -> ops.Op:
    """Perform *fix* on *doc*; returns the inverse op (apply it to undo)."""
    return doc.apply(fix_op(doc, fix))


def _need(value: Any, name: str) -> Any:
    if value is None:
        raise DomainError(f"the fix names no {name}")
    return value


def _check_expect(record: Any, fix: Fix) -> None:
    for name, value in fix.expect.items():
        if getattr(record, name) != value:
            raise DomainError(f"cannot {fix.label.lower()}: the {name} changed since the check")
