"""packaging/linux/install.sh installs and removes the bundle's desktop integration."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import ICON_SIZES, ICONS, LINUX

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell script")


def fake_bundle(root: Path) -> Path:
    """A stand-in for dist/Briefing: an executable `briefing` and the bundled icons."""
    bundle = root / "Briefing"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    shutil.copytree(ICONS, bundle / "_internal" / "resources" / "icons")
    exe = bundle / "briefing"
    exe.write_text('#!/bin/sh\necho briefing-fake "$@"\n', encoding="utf-8")
    exe.chmod(0o755)
    return bundle


def run_install(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run(
        ["sh", str(LINUX / "install.sh"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_install_then_uninstall(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    bundle = fake_bundle(tmp_path)
    result = run_install(home, str(bundle))
    assert result.returncode == 0, result.stderr

    share = home / ".local" / "share"
    command = home / ".local" / "bin" / "briefing"
    ran = subprocess.run([str(command), "--version"], capture_output=True, text=True)
    assert ran.stdout.strip() == "briefing-fake --version"
    desktop = (share / "applications" / "briefing.desktop").read_text(encoding="utf-8")
    assert f"Exec={command} %f" in desktop.splitlines()
    assert (share / "mime" / "packages" / "briefing.xml").exists()
    assert (share / "metainfo" / "org.briefing.Briefing.metainfo.xml").exists()
    for size in ICON_SIZES:
        hicolor = share / "icons" / "hicolor" / f"{size}x{size}"
        assert (hicolor / "apps" / "briefing.png").exists()
        assert (hicolor / "mimetypes" / "application-x-briefing.png").exists()
    if shutil.which("update-mime-database"):
        assert (share / "mime" / "application" / "x-briefing.xml").exists()

    result = run_install(home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not command.exists() and not (home / ".local" / "lib" / "briefing").exists()
    assert not (share / "applications" / "briefing.desktop").exists()
    assert not list((share / "icons").rglob("*briefing*"))


def test_install_without_a_bundle_says_what_to_do(tmp_path: Path) -> None:
    result = run_install(tmp_path, str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "make package" in result.stderr
    assert not (tmp_path / ".local").exists()
