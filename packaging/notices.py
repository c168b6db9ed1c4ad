"""Write THIRD-PARTY-NOTICES for the bundle from the installed distributions' metadata.

    python packaging/notices.py [OUTPUT]      (default: build/THIRD-PARTY-NOTICES)

The bundle build (packaging/build.py) runs this before PyInstaller and ships the file
beside LICENSE.  What it lists is what the bundle carries: the Python interpreter and
standard library, and every distribution ``briefing`` requires at run time, followed
transitively (extras and markers that do not apply here are left out).  For each one:
name, version, licence (the SPDX ``License-Expression``, else ``License``, else the
trove classifiers), home page, and the full text of every licence file the
distribution installs.  Qt for Python carries no licence file in its wheel, so the
LGPL-3.0 and GPL-3.0 texts come from packaging/licenses/, with a note on how to
replace the bundled Qt libraries (LGPL-3.0 section 4).
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
import sys
import sysconfig
from collections.abc import Iterator
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LICENSES = Path(__file__).resolve().parent / "licenses"
DEFAULT_OUTPUT = ROOT / "build" / "THIRD-PARTY-NOTICES"
LICENCE_FILE = re.compile(r"(?:^|/)(?:licen[cs]es?|copying|notice|authors)[^/]*$", re.IGNORECASE)
QT_DISTRIBUTIONS = {"pyside6-essentials", "shiboken6"}
RULE = "=" * 78

QT_NOTE = """\
Qt for Python (PySide6) and the Qt libraries it wraps (QtCore, QtGui, QtWidgets and
the Qt plugins in this folder) are used under the GNU Lesser General Public License,
version 3 (LGPL-3.0-only), whose text follows, with the GNU General Public License,
version 3, that it builds on.

They are shipped unmodified, as separate shared libraries inside this folder
(PySide6/ and PySide6/Qt/lib/ on Linux, PySide6\\ on Windows, Contents/Frameworks/
on macOS), and Briefing loads them at run time.  You may replace them with your own
build of the same Qt and Qt for Python version: put your libraries in their place.
The source code of the bundled version is published by The Qt Company at
https://download.qt.io/official_releases/QtForPython/ and https://code.qt.io/ ;
a copy is available from the Briefing team on request for three years after this
release."""


def runtime_distributions(root: str = "briefing") -> list[metadata.Distribution]:
    """*root*'s run-time requirements, transitively, sorted by name (*root* excluded)."""
    environment = {**default_environment(), "extra": ""}
    seen: dict[str, metadata.Distribution] = {}
    pending = [root]
    while pending:
        name = canonicalize_name(pending.pop())
        if name in seen:
            continue
        dist = metadata.distribution(name)
        seen[name] = dist
        for line in dist.requires or ():
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate(environment):
                pending.append(requirement.name)
    seen.pop(canonicalize_name(root), None)
    return sorted(seen.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression") or ""
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) < 100:
        return text
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return ", ".join(classifiers) or "see the licence text below"


def home_page(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    if meta.get("Home-page"):
        return meta["Home-page"]
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"homepage", "home", "source", "repository", "source code"}:
            return url.strip()
    return ""


def licence_texts(dist: metadata.Distribution) -> Iterator[tuple[str, str]]:
    """(file name, text) of each licence/notice file the distribution installed."""
    for file in sorted(dist.files or (), key=str):
        if LICENCE_FILE.search(str(file)) and not str(file).endswith((".py", ".pyc")):
            path = Path(str(file.locate()))
            if path.is_file():
                yield Path(str(file)).name, path.read_text(encoding="utf-8", errors="replace")


def python_section() -> str:
    version = ".".join(map(str, sys.version_info[:3]))
    head = [RULE, f"Python {version}", "Licence: PSF-2.0 (Python Software Foundation License)",
            "Home page: https://www.python.org/", RULE]
    for folder in (sysconfig.get_path("stdlib"), Path(sys.base_prefix) / "lib"):
        path = Path(folder) / "LICENSE.txt"
        if path.is_file():
            return "\n".join(head) + "\n\n" + path.read_text(encoding="utf-8", errors="replace")
    return "\n".join([*head, "", "The Python licence text: https://docs.python.org/3/license.html"])


def distribution_section(dist: metadata.Distribution) -> str:
    name = dist.metadata["Name"]
    lines = [RULE, f"{name} {dist.version}", f"Licence: {licence_of(dist)}"]
    if home_page(dist):
        lines.append(f"Home page: {home_page(dist)}")
    lines.append(RULE)
    body = [f"--- {file_name} ---\n{text.rstrip()}" for file_name, text in licence_texts(dist)]
    if canonicalize_name(name) in QT_DISTRIBUTIONS and not body:
        body.append("The Qt for Python notice and licence texts are in the Qt section above.")
    return "\n".join(lines) + "\n\n" + "\n\n".join(body or ["(no licence file installed)"])


def qt_section() -> str:
    texts = [(LICENSES / name).read_text(encoding="utf-8") for name in
             ("LGPL-3.0.txt", "GPL-3.0.txt")]
    return "\n".join([RULE, "Qt and Qt for Python (LGPL-3.0-only)", RULE, "", QT_NOTE, "",
                      *texts])


def notices(root: str = "briefing") -> str:
    """The whole THIRD-PARTY-NOTICES text for *root*'s bundle."""
    dists = runtime_distributions(root)
    own = metadata.distribution(root)
    summary = [f"  {d.metadata['Name']} {d.version}: {licence_of(d)}" for d in dists]
    head = [
        f"THIRD-PARTY NOTICES for Briefing {own.version}",
        "",
        "Briefing itself is under the MIT licence (the file LICENSE beside this one).",
        "This copy of Briefing includes the following software from others, each under its",
        "own licence; their notices and licence texts follow.  Generated from the installed",
        "distributions' metadata by packaging/notices.py.",
        "",
        f"  Python {'.'.join(map(str, sys.version_info[:3]))}: PSF-2.0",
        *summary,
    ]
    sections = [python_section(), qt_section(), *(distribution_section(d) for d in dists)]
    return "\n".join(head) + "\n\n" + "\n\n\n".join(sections).rstrip() + "\n"


def main(argv: list[str]) -> int:
    output = Path(argv[0]) if argv else DEFAULT_OUTPUT
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(notices(), encoding="utf-8")
    print(f"notices: {output}  ({len(runtime_distributions())} distributions)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
