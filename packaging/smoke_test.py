"""Smoke-test a built bundle: the CLI works with no venv, and exports survive pandoc.

    python packaging/smoke_test.py [BUNDLE]      (default: dist/Briefing)

Run with the project's venv Python (it uses pypandoc's pandoc as the independent reader
and the in-tree exporter as the reference).  The bundle itself runs with an empty
environment: PATH=/usr/bin:/bin and a fresh, empty HOME.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "sample.json"
sys.path.insert(0, str(ROOT))
EDITOR_GRACE_SECONDS = 10


def executable(bundle: Path) -> Path:
    if sys.platform == "win32":
        return bundle / "briefing.exe"
    if sys.platform == "darwin":
        return bundle / "Briefing"
    return bundle / "briefing"


def clean_env(home: Path) -> dict[str, str]:
    if sys.platform == "win32":
        system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        return {
            "SYSTEMROOT": system_root,
            "PATH": rf"{system_root}\System32",
            "USERPROFILE": str(home),
            "APPDATA": str(home),
            "TEMP": str(home),
            "TMP": str(home),
        }
    return {"PATH": "/usr/bin:/bin", "HOME": str(home)}


class Smoke:
    def __init__(self, bundle: Path, work: Path) -> None:
        self.exe = executable(bundle)
        self.work = work
        home = work / "home"
        home.mkdir()
        self.env = clean_env(home)
        self.failures: list[str] = []
        self.passed = 0

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.exe), *args]
        print("$", " ".join(["env -i", *[f"{k}={v}" for k, v in self.env.items()], *command]))
        result = subprocess.run(
            command, cwd=self.work, env=self.env, capture_output=True, text=True, timeout=300
        )
        for line in (result.stdout + result.stderr).splitlines()[:6]:
            print("  " + line)
        return result

    def check(self, name: str, ok: bool, detail: str = "") -> None:
        print(("ok   " if ok else "FAIL ") + name + (f" ({detail})" if detail else ""))
        if ok:
            self.passed += 1
        else:
            self.failures.append(name)


def pandoc_notes(path: Path) -> tuple[int, str]:
    """Number of footnotes/endnotes pandoc finds in *path*, and its plain text."""
    import pypandoc

    ast = json.loads(pypandoc.convert_file(str(path), "json"))
    text = pypandoc.convert_file(str(path), "plain", extra_args=["--wrap=none", "--standalone"])
    return sum(1 for node in _walk(ast) if node.get("t") == "Note"), text


def _walk(node: Any) -> Iterator[dict]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def reference_export(suffix: str, work: Path) -> Path:
    """The same sample exported by the source tree, for comparison."""
    from briefing.export import export_document
    from briefing.resources import sample_document

    target = work / f"reference{suffix}"
    export_document(sample_document(), target)
    return target


def check_version(smoke: Smoke) -> None:
    from briefing import __version__

    result = smoke.run("--version")
    smoke.check(
        "--version prints the version",
        result.returncode == 0 and result.stdout.strip() == f"briefing {__version__}",
        result.stdout.strip() or result.stderr.strip(),
    )


def check_export(smoke: Smoke, suffix: str) -> None:
    out = smoke.work / f"sample{suffix}"
    result = smoke.run("export", str(SAMPLE), "-o", str(out))
    smoke.check(f"export {suffix} exits 0", result.returncode == 0 and out.exists())
    if not out.exists():
        return
    notes, text = pandoc_notes(out)
    expected, _ = pandoc_notes(reference_export(suffix, smoke.work))
    smoke.check(
        f"pandoc reads all notes of the {suffix} export",
        notes == expected and notes > 0,
        f"{notes} notes, source tree gives {expected}",
    )
    from briefing.resources import sample_document

    title = sample_document().info.title
    smoke.check(f"{suffix} export holds the sample's title", title in text, title)


def sample_sources(work: Path) -> list[Path]:
    """A PDF, a Word file and a BibTeX library: each importer's libraries must be bundled."""
    from briefing.export import export_document
    from briefing.resources import sample_document

    sources = [work / "report.docx", work / "library.bib"]
    export_document(sample_document(), sources[0])
    sources[1].write_text(
        "@book{harbour2024,\n  title = {Harbours of the North},\n"
        "  author = {Lind, Aino},\n  year = {2024},\n  publisher = {Coast Press}\n}\n",
        encoding="utf-8",
    )
    try:
        from tests.ingest.builders import make_pdf
    except ImportError:
        print("info: tests/ingest/builders.py not found; PDF import not checked")
    else:
        pdf = work / "grain.pdf"
        pdf.write_bytes(make_pdf(["The harvest rose.", "Officials said exports fell."]))
        sources.append(pdf)
    return sources


def check_document_commands(smoke: Smoke) -> None:
    doc = smoke.work / "Sample.briefing"
    result = smoke.run("new", str(doc), "--template", "sample")
    created = result.returncode == 0 and doc.exists()
    smoke.check("new --template sample creates a .briefing", created)
    notes = smoke.work / "notes.txt"
    notes.write_text("Harbour report\n\nThe mayor said the ferry resumes in May.\n", "utf-8")
    result = smoke.run("import", str(doc), str(notes))
    smoke.check("import adds a text source", result.returncode == 0, result.stdout.strip())
    for source in sample_sources(smoke.work):
        result = smoke.run("import", str(doc), str(source))
        smoke.check(f"import {source.suffix} source", result.returncode == 0, result.stderr.strip())
    result = smoke.run("check", str(doc))
    smoke.check("check runs", result.returncode in (0, 1) and "error" in result.stdout)
    result = smoke.run("export", str(smoke.work / "missing.briefing"), "-o", "x.docx")
    smoke.check(
        "a missing file gets one clear line, no traceback",
        result.returncode == 2
        and "missing.briefing" in result.stderr
        and "Traceback" not in result.stderr,
        result.stderr.strip(),
    )


def check_editor_starts(smoke: Smoke) -> None:
    """The editor opens a document on Qt's offscreen platform and keeps running."""
    doc = smoke.work / "Sample.briefing"
    command = [str(smoke.exe), str(doc)]
    env = {**smoke.env, "QT_QPA_PLATFORM": "offscreen"}
    print("$", "QT_QPA_PLATFORM=offscreen", " ".join(command))
    process = subprocess.Popen(
        command, cwd=smoke.work, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        _out, err = process.communicate(timeout=EDITOR_GRACE_SECONDS)
        detail = f"exited {process.returncode}: {err}"
        smoke.check("the editor starts and stays open", False, detail)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        smoke.check("the editor starts and stays open", True, f"{EDITOR_GRACE_SECONDS} s")


def check_legal_files(smoke: Smoke) -> None:
    """LICENSE and THIRD-PARTY-NOTICES at the top and beside the program (Help > About)."""
    bundle = smoke.exe.parent
    inside = [p.parent for p in bundle.rglob("THIRD-PARTY-NOTICES") if p.parent != bundle]
    for name in ("LICENSE", "THIRD-PARTY-NOTICES"):
        smoke.check(f"{name} at the top of the bundle", (bundle / name).is_file())
        smoke.check(f"{name} beside the program", any((d / name).is_file() for d in inside))
    notices = bundle / "THIRD-PARTY-NOTICES"
    text = notices.read_text(encoding="utf-8") if notices.is_file() else ""
    smoke.check("notices carry the LGPL for Qt",
                "GNU LESSER GENERAL PUBLIC LICENSE" in text and "PySide6" in text)


def report_unresolved_libraries(bundle: Path) -> None:
    """Linux: libraries the bundle expects from the system (informational)."""
    if not sys.platform.startswith("linux"):
        return
    missing: set[str] = set()
    internal = bundle / "_internal"
    for path in internal.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        result = subprocess.run(
            ["ldd", str(path)],
            capture_output=True,
            text=True,
            env={"LD_LIBRARY_PATH": str(internal), "PATH": "/usr/bin:/bin"},
        )
        missing.update(
            line.split()[0] for line in result.stdout.splitlines() if "not found" in line
        )
    if missing:
        print(
            "info: taken from the desktop system at run time, absent on this machine: "
            + ", ".join(sorted(missing))
        )


CHECKS: tuple[Callable[[Smoke], None], ...] = (
    check_version,
    lambda smoke: check_export(smoke, ".docx"),
    lambda smoke: check_export(smoke, ".md"),
    check_document_commands,
    check_editor_starts,
    check_legal_files,
)


def main(argv: list[str]) -> int:
    bundle = (Path(argv[0]) if argv else ROOT / "dist" / "Briefing").resolve()
    smoke_exe = executable(bundle)
    if not smoke_exe.exists():
        print(f"smoke test: no {smoke_exe}; run 'make package' first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="briefing-smoke-") as tmp:
        smoke = Smoke(bundle, Path(tmp))
        for check in CHECKS:
            check(smoke)
    report_unresolved_libraries(bundle)
    print(f"smoke test: {smoke.passed} passed, {len(smoke.failures)} failed")
    return 1 if smoke.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
