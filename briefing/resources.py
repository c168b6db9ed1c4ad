"""Where the bundled resources (samples, templates, icons) live, Qt-free.

From a source checkout the ``resources/`` folder sits beside the package; in a
PyInstaller bundle it is unpacked under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from briefing.core.document import Document


def resource_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def sample_path() -> Path:
    return resource_path("samples", "sample.json")


def sample_document() -> Document:
    """The bundled sample briefing, loaded fresh (the shipped file is never written)."""
    from briefing.store.jsonio import load_json

    return load_json(sample_path())
