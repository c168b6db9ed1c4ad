"""Thin Qt item models over a core Document; each observes ``doc.events``."""
