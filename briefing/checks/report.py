"""Findings for people and for programs: grouped text lines, JSON, exit status.

``briefing check INPUT`` prints :func:`format_text`; with ``--json`` it prints
:func:`findings_to_json`; it exits with :func:`exit_status` (1 when any
error-level finding exists, else 0).  The editor's Checks dock lists each
finding as :func:`describe` words it (the text line without the rule code).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable

from briefing.checks.findings import Finding, Severity
from briefing.checks.snapshot import Snapshot
from briefing.core.document import Document
from briefing.core.model import Claim, Source

_HEADINGS = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}
_COUNT_WORDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}
FIRST_WORDS = 6
FIRST_CHARS = 48


def findings_to_json(findings: Iterable[Finding]) -> str:
    """A JSON list of finding objects (rule, severity, targets, message, fix?)."""
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2)


def exit_status(findings: Iterable[Finding]) -> int:
    """1 when any finding is an error, else 0."""
    return 1 if any(f.severity == Severity.ERROR for f in findings) else 0


def first_words(text: str, words: int = FIRST_WORDS, chars: int = FIRST_CHARS) -> str:
    """The opening words of *text* on one line, control characters removed."""
    # Printable text has no control, format or separator character but the plain space.
    clean = (
        text
        if text.isprintable()
        else "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text)
    )
    parts = clean.split()
    short = " ".join(parts[:words])
    if len(short) > chars:
        short = short[: chars - 1].rstrip()
    return short + ("…" if short != " ".join(parts) else "")


def subject(finding: Finding, doc: Document | Snapshot | None = None) -> str:
    """What the finding is about: a claim's id and first words, a source's name ..."""
    claim = _claim(doc, finding.claim)
    if claim is not None:
        return f"{claim.id} “{first_words(claim.text)}”"
    source = _source(doc, finding.source)
    if source is not None and finding.claim is None:
        return f"{source.id} “{first_words(source.title or source.key)}”"
    for name in ("claim", "source"):
        if name in finding.targets:
            return f"{name} {finding.targets[name]}"
    if finding.section is not None:
        title = _section_title(doc, finding.section)
        return f"section {finding.section}" + (f" “{first_words(title)}”" if title.strip() else "")
    return "briefing"


def _claim(doc: Document | Snapshot | None, claim_id: str | None) -> Claim | None:
    if doc is None or claim_id is None:
        return None
    if isinstance(doc, Snapshot):
        return doc.claims.get(claim_id)
    return doc.claim(claim_id) if doc.has_claim(claim_id) else None


def _source(doc: Document | Snapshot | None, source_id: str | None) -> Source | None:
    if doc is None or source_id is None:
        return None
    if isinstance(doc, Snapshot):
        return doc.sources.get(source_id)
    return doc.source(source_id) if doc.has_source(source_id) else None


def _section_title(doc: Document | Snapshot | None, section_id: str) -> str:
    for root in doc.sections if doc is not None else ():
        for section in root.walk():
            if section.id == section_id:
                return section.title
    return ""


def describe(finding: Finding, doc: Document | Snapshot | None = None) -> str:
    """Subject and message on one line, as the editor's Checks dock lists a finding:
    ``c4 “Officials expect the talks…”: Judgment 'c4' states neither …``."""
    return f"{subject(finding, doc)}: {first_words(finding.message, 80, 400)}"


def format_finding(finding: Finding, doc: Document | Snapshot | None = None) -> str:
    """One line: rule, subject (with the claim's first words when *doc* is given), message."""
    return f"{finding.rule}: {describe(finding, doc)}"


def format_text(findings: list[Finding], doc: Document | Snapshot | None = None) -> str:
    """Findings grouped by severity, one line each, and a closing count."""
    snap = Snapshot.of(doc) if doc is not None else None
    lines: list[str] = []
    for severity in Severity:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        lines.append(f"{_HEADINGS[severity]} ({len(group)})")
        lines.extend(f"  {format_finding(f, snap)}" for f in group)
    lines.append(summary_line(findings))
    return "\n".join(lines) + "\n"


def summary_line(findings: list[Finding]) -> str:
    if not findings:
        return "No findings."
    counts = []
    for severity in Severity:
        n = sum(1 for f in findings if f.severity == severity)
        word = _COUNT_WORDS[severity]
        counts.append(f"{n} {word}{'s' if n != 1 and severity != Severity.INFO else ''}")
    return ", ".join(counts) + "."
