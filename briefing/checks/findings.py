"""What a check reports: findings, their severities and the fixes they suggest.

A :class:`Finding` names a rule (a stable code such as ``uncited-claim``), a
severity, the records it is about (``targets``: ``claim``, ``source`` and
``section`` ids, and ``citation``/``block`` indices where it helps), a one-line
message and, where the remedy is mechanical, a :class:`Fix`.  A fix is data:
the editor turns it into a Document op with :func:`briefing.checks.fixes.fix_op`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER: dict[Severity, int] = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class FixTarget(StrEnum):
    """Which record a fix changes."""

    CLAIM = "claim"
    CITATION = "citation"
    BLOCK = "block"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Fix:
    """A suggested change: set *changes* on one record.

    ``expect`` holds the field values the fix was computed from; applying a
    fix after those fields changed is refused, so a stale suggestion never
    overwrites newer work.
    """

    label: str
    target: FixTarget
    changes: dict[str, Any]
    expect: dict[str, Any] = field(default_factory=dict)
    claim: str | None = None
    citation: int | None = None
    section: str | None = None
    block: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"label": self.label, "target": self.target.value}
        for name in ("claim", "citation", "section", "block"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        out["changes"] = dict(self.changes)
        return out


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a briefing."""

    rule: str
    severity: Severity
    targets: dict[str, str | int]
    """``claim``/``source``/``section`` ids; ``citation``/``block`` indices (0-based)."""
    message: str
    fix: Fix | None = None

    @property
    def claim(self) -> str | None:
        value = self.targets.get("claim")
        return None if value is None else str(value)

    @property
    def source(self) -> str | None:
        value = self.targets.get("source")
        return None if value is None else str(value)

    @property
    def section(self) -> str | None:
        value = self.targets.get("section")
        return None if value is None else str(value)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "targets": dict(self.targets),
            "message": self.message,
        }
        if self.fix is not None:
            out["fix"] = self.fix.to_dict()
        return out


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's stable code, severity and the explanation the editor shows."""

    code: str
    severity: Severity
    title: str
    why: str
    action: str


def _rule(code: str, severity: Severity, title: str, why: str, action: str) -> Rule:
    return Rule(code, severity, title, why, action)


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        _rule(
            "dangling-reference",
            _E,
            "Reference to a missing record",
            "A block or citation names a claim or source that is not in the briefing; "
            "the export would have a gap or a note pointing nowhere.",
            "Restore the missing claim or source, or remove the reference.",
        ),
        _rule(
            "uncited-claim",
            _E,
            "Information without a source",
            "ICD 206 asks that reported information be traceable to its source; "
            "a reader cannot check an uncited statement.",
            "Add a citation to the passage it comes from, or mark the claim as an "
            "assumption or judgment if it is your own reasoning.",
        ),
        _rule(
            "quote-not-in-source",
            _E,
            "Quote not found in the source",
            "The excerpt no longer matches the source text, so the note would misquote the source.",
            "Correct the quote to the source's exact words, or cite the right source.",
        ),
        _rule(
            "anchor-moved",
            _W,
            "Quote found at a different place",
            "The quoted words are in the source but not at the recorded position; "
            "locators and highlights would point at the wrong passage.",
            "Apply the fix to re-anchor the citation where the words now are.",
        ),
        _rule(
            "judgment-without-confidence",
            _W,
            "Judgment without confidence or likelihood",
            "ICD 203 asks analysts to express uncertainty: a judgment needs a "
            "confidence level, a likelihood, or both.",
            "Set the judgment's confidence and/or likelihood.",
        ),
        _rule(
            "estimative-mismatch",
            _W,
            "Likelihood words disagree with the likelihood",
            "The text says one probability and the card records another, so the "
            "reader and the record disagree.",
            "Make the text and the likelihood field say the same calibrated term.",
        ),
        _rule(
            "confidence-mismatch",
            _W,
            "Confidence words disagree with the confidence",
            "The text states one confidence level and the card records another, so "
            "the reader and the record disagree.",
            "Make the text and the confidence field say the same level (the fix sets "
            "the field to what the text says).",
        ),
        _rule(
            "mixed-estimative-scales",
            _W,
            "Two estimative word sets mixed",
            "ICD 203 offers two word sets ('likely' and 'probable' families) and asks "
            "that one product use one of them.",
            "Use the briefing's main word set throughout (the message names the word).",
        ),
        _rule(
            "confidence-and-likelihood-in-sentence",
            _W,
            "Confidence and likelihood in one sentence",
            "ICD 203 asks not to combine a confidence level and a degree of likelihood "
            "in one sentence: readers conflate the two.",
            "Split the sentence: state the likelihood of the event, then your "
            "confidence in the judgment.",
        ),
        _rule(
            "banner-below-portion",
            _E,
            "Banner lower than a portion",
            "The overall classification must be at least the highest portion marking; "
            "otherwise the document is under-classified.",
            "Raise the briefing's classification (the fix sets it to the highest portion).",
        ),
        _rule(
            "missing-portion-mark",
            _E,
            "Portion without a valid marking",
            "With a marking scheme every exported paragraph needs a portion mark from that scheme.",
            "Set the claim's or paragraph's portion marking.",
        ),
        _rule(
            "single-source-judgment",
            _W,
            "Key judgment on a single source",
            "A key judgment that rests on one source fails if that source is wrong; "
            "ICD 206 readers want to see this.",
            "Corroborate with another source or say in the text that it is single-source.",
        ),
        _rule(
            "weak-basis-high-confidence",
            _W,
            "High confidence on weak sources",
            "High confidence resting only on unreliable sources (D–F) or doubtful "
            "information (4–6) overstates what the evidence supports.",
            "Lower the confidence or add better-graded sources.",
        ),
        _rule(
            "source-missing-metadata",
            _W,
            "Cited source lacks title, date or URL",
            "A note without title, date or (for web, news and social sources) URL "
            "cannot be followed back by the reader.",
            "Complete the source's title, publication date and URL.",
        ),
        _rule(
            "empty-section",
            _W,
            "Empty section",
            "A heading with nothing under it reads as a gap in the briefing; exports "
            "leave it out unless asked to keep empty sections.",
            "Place claims or write a paragraph in it, or delete the section.",
        ),
        _rule(
            "unused-source",
            _I,
            "Source not cited",
            "Nothing in the briefing rests on this source.",
            "Cite it, or remove it if it is not needed.",
        ),
        _rule(
            "unplaced-claim",
            _I,
            "Claim not placed in the outline",
            "Claims left on the board are not exported.",
            "Place the claim in a section, or delete it.",
        ),
        _rule(
            "duplicate-claim",
            _I,
            "Duplicate claim",
            "Two claims say the same thing; readers see the statement twice.",
            "Merge the claims (keep one, move its citations) or reword one of them.",
        ),
    )
}


def make_finding(
    rule: str, targets: dict[str, str | int], message: str, fix: Fix | None = None
) -> Finding:
    """A finding of *rule*, with the rule's severity."""
    return Finding(rule, RULES[rule].severity, targets, message, fix)
