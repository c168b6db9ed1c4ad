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


LICENCE = "LICENSE"
NOTICES = "THIRD-PARTY-NOTICES"


def legal_text(name: str) -> str | None:
    """The text of LICENSE or THIRD-PARTY-NOTICES, or None where this copy has none.

    The bundle carries both beside the program (packaging/build.py puts them there).  A
    source checkout has LICENSE at its root, and THIRD-PARTY-NOTICES in build/ once
    ``python packaging/notices.py`` has written it; an installed wheel has LICENSE in its
    metadata.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    checkout = Path(__file__).resolve().parent.parent
    places = [Path(bundle) / name] if bundle else [checkout / name, checkout / "build" / name]
    for path in places:
        if path.is_file():
            return path.read_text(encoding="utf-8", errors="replace")
    if name == LICENCE and not bundle:
        from importlib import metadata

        try:
            return metadata.distribution("briefing").read_text(f"licenses/{name}")
        except metadata.PackageNotFoundError:
            return None
    return None
