"""Analytic-rigour and integrity checks (a linter) over a briefing.

``run_checks(doc)`` returns :class:`Finding` s; each names a rule from
:data:`RULES` (which carries the explanation the editor shows), a severity,
the target ids and a message, and may suggest a :class:`Fix` that
``fix_op(doc, fix)`` turns into a Document op.  ``sourcing_summary(doc)``
describes what the key judgments rest on (ICD 206).  Nothing here imports Qt.
"""

from importlib import import_module
from typing import Any

# Names resolve on first use (PEP 562): the editor's checks dock needs Finding and
# Severity at start-up but not the rules, which load with the first check run.
_WHERE = {
    "Finding": "findings",
    "Fix": "findings",
    "FixTarget": "findings",
    "RULES": "findings",
    "Rule": "findings",
    "Severity": "findings",
    "Snapshot": "snapshot",
    "SourcingSummary": "sourcing",
    "apply_fix": "fixes",
    "exit_status": "report",
    "findings_to_json": "report",
    "fix_op": "fixes",
    "format_finding": "report",
    "format_text": "report",
    "has_errors": "runner",
    "run_checks": "runner",
    "snapshot_from_dict": "snapshot",
    "snapshot_from_json_file": "snapshot",
    "sourcing_summary": "sourcing",
    "summary_paragraphs": "sourcing",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'briefing.checks' has no attribute {name!r}")
    value = getattr(import_module(f"briefing.checks.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
