"""Outline templates for a new briefing (section titles only)."""

from __future__ import annotations

from briefing.core.document import Document
from briefing.core.identity import identified
from briefing.core.model import BriefingInfo, Section

TEMPLATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "blank": ("Blank briefing", ()),
    "assessment": (
        "Intelligence assessment",
        ("Key Judgments", "Background", "Discussion", "Outlook"),
    ),
    "memo": ("Policy memo", ("Bottom Line Up Front", "Background", "Options", "Recommendation")),
    "sitrep": (
        "Situation report",
        ("Summary", "Situation", "Key Developments", "Outlook", "Gaps and Collection Needs"),
    ),
}


def new_document(template: str = "assessment", title: str = "Untitled briefing") -> Document:
    """A fresh Document with the sections of *template* (raises KeyError if unknown)."""
    _label, titles = TEMPLATES[template]
    sections = [Section(id=f"k{i + 1}", title=name) for i, name in enumerate(titles)]
    return Document(identified(BriefingInfo(title=title)), sections=sections)
