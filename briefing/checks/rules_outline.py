"""Outline rules: a section with nothing in it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from briefing.checks.findings import Finding, make_finding
from briefing.checks.snapshot import Context
from briefing.core.model import Section


def _has_content(section: Section, claims: Mapping[str, object]) -> bool:
    """True when *section* or a section under it holds a block an export would show."""
    for block in section.blocks:
        if block.claim is None:
            if block.text.strip():
                return True
        elif block.claim in claims:
            return True
    return any(_has_content(child, claims) for child in section.sections)


def empty_sections(ctx: Context) -> Iterator[Finding]:
    """``empty-section`` for each outermost section with nothing to export under it."""
    claims = ctx.snap.claims

    def visit(sections: tuple[Section, ...]) -> Iterator[Finding]:
        for section in sections:
            if _has_content(section, claims):
                yield from visit(section.sections)
                continue
            title = section.title.strip() or "Untitled section"
            yield make_finding(
                "empty-section",
                {"section": section.id},
                f"Section {title!r} has nothing in it; exports leave its heading out "
                "unless you choose to keep empty sections.",
            )

    yield from visit(ctx.snap.sections)
