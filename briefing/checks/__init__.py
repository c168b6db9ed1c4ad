"""Analytic-rigour and integrity checks (a linter) over a briefing.

``run_checks(doc)`` returns :class:`Finding` s; each names a rule from
:data:`RULES` (which carries the explanation the editor shows), a severity,
the target ids and a message, and may suggest a :class:`Fix` that
``fix_op(doc, fix)`` turns into a Document op.  ``sourcing_summary(doc)``
describes what the key judgments rest on (ICD 206).  Nothing here imports Qt.
"""

from briefing.checks.findings import RULES, Finding, Fix, FixTarget, Rule, Severity
from briefing.checks.fixes import apply_fix, fix_op
from briefing.checks.report import (
    exit_status,
    findings_to_json,
    format_finding,
    format_text,
)
from briefing.checks.runner import has_errors, run_checks
from briefing.checks.snapshot import Snapshot, snapshot_from_dict, snapshot_from_json_file
from briefing.checks.sourcing import SourcingSummary, sourcing_summary, summary_paragraphs

__all__ = [
    "RULES",
    "Finding",
    "Fix",
    "FixTarget",
    "Rule",
    "Severity",
    "Snapshot",
    "SourcingSummary",
    "apply_fix",
    "exit_status",
    "findings_to_json",
    "fix_op",
    "format_finding",
    "format_text",
    "has_errors",
    "run_checks",
    "snapshot_from_dict",
    "snapshot_from_json_file",
    "sourcing_summary",
    "summary_paragraphs",
]
