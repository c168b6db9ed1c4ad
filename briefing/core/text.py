"""Plain-text helpers shared by every layer."""

from __future__ import annotations


def collapse(value: str) -> str:
    """Whitespace runs as single spaces, ends stripped (Unicode whitespace included)."""
    return " ".join(value.split())
