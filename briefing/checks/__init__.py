"""Analytic-rigour and integrity checks (a linter) over a briefing.

``run_checks(doc)`` returns :class:`Finding` s; each names a rule from
:data:`RULES` (which carries the explanation the editor shows), a severity,
the target ids and a message, and may suggest a :class:`Fix` that
``fix_op(doc, fix)`` turns into a Document op.  ``sourcing_summary(doc)``
describes what the key judgments rest on (ICD 206).  Nothing here imports Qt.
"""

from briefing.core.lazy import lazy_exports

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
    "clear_caches": "memo",
    "describe": "report",
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

__getattr__, __dir__ = lazy_exports(__name__, _WHERE, globals())
