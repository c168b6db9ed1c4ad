"""Build the Briefing desktop bundle for this OS into dist/ (what `make package` runs).

    python packaging/build.py [--no-smoke]

Steps: write build/THIRD-PARTY-NOTICES from the installed distributions
(packaging/notices.py); PyInstaller with packaging/briefing.spec, which ships it and
LICENSE inside the bundle (Help ▸ About shows them); copy both to the top of the bundle
folder too, where a person browsing it sees them; on Linux, copy the desktop-integration
files and install.sh into the bundle and pack dist/Briefing-VERSION-linux-ARCH.tar.gz;
print the bundle's size; then run packaging/smoke_test.py against the fresh bundle
(the CLI with an empty environment, and an export that pandoc reads back).
"""

from __future__ import annotations

import argparse
import platform
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
BUNDLE = DIST / "Briefing"
NOTICES = ROOT / "build" / "THIRD-PARTY-NOTICES"  # written by packaging/notices.py
LINUX_FILES = (
    "install.sh",
    "briefing.desktop",
    "briefing-mime.xml",
    "org.briefing.Briefing.metainfo.xml",
)


def version() -> str:
    text = (ROOT / "briefing" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    if match is None:
        raise SystemExit("build: no __version__ in briefing/__init__.py")
    return match.group(1)


def run_pyinstaller() -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(ROOT / "build" / "pyinstaller"),
        str(PACKAGING / "briefing.spec"),
    ]
    print("+", " ".join(command), flush=True)
    subprocess.run(command, cwd=ROOT, check=True)


def write_notices() -> None:
    command = [sys.executable, str(PACKAGING / "notices.py"), str(NOTICES)]
    print("+", " ".join(command), flush=True)
    subprocess.run(command, cwd=ROOT, check=True)


def add_legal_files() -> None:
    """LICENSE and THIRD-PARTY-NOTICES at the top of the bundle folder (and the .app)."""
    for path in (ROOT / "LICENSE", NOTICES):
        shutil.copy2(path, BUNDLE / path.name)


def add_linux_integration() -> Path:
    """Put install.sh and the .desktop/MIME/AppStream files in the bundle; pack a tarball."""
    for name in LINUX_FILES:
        shutil.copy2(PACKAGING / "linux" / name, BUNDLE / name)
    archive = DIST / f"Briefing-{version()}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(BUNDLE, arcname="Briefing")
    return archive


def tree_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-smoke", action="store_true", help="skip the smoke test")
    args = parser.parse_args()

    write_notices()
    run_pyinstaller()
    add_legal_files()
    print(f"bundle: {BUNDLE.relative_to(ROOT)}  {megabytes(tree_size(BUNDLE))}")
    if sys.platform == "darwin":
        app = DIST / "Briefing.app"
        print(f"app:    {app.relative_to(ROOT)}  {megabytes(tree_size(app))}")
    if sys.platform.startswith("linux"):
        archive = add_linux_integration()
        print(f"archive: {archive.relative_to(ROOT)}  {megabytes(archive.stat().st_size)}")
    if args.no_smoke:
        return 0
    smoke = [sys.executable, str(PACKAGING / "smoke_test.py"), str(BUNDLE)]
    return subprocess.run(smoke, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
