"""Briefing: an offline editor that turns sources into cited analytic briefings."""

__version__ = "0.1.0"
