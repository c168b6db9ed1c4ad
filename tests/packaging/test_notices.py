"""THIRD-PARTY-NOTICES, as packaging/notices.py writes it for the bundle build."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import pytest

from tests.packaging.conftest import PACKAGING

# What the bundle carries besides Briefing, by hand from pyproject.toml's dependencies.
RUNTIME = ("PySide6_Essentials", "shiboken6", "python-docx", "lxml", "Markdown",
           "charset-normalizer", "pypdf", "bibtexparser", "pylatexenc", "fastjsonschema")
TEST_ONLY = ("pytest", "hypothesis", "ruff", "import-linter", "pypandoc_binary")


@pytest.fixture(scope="module")
def text(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("notices") / "THIRD-PARTY-NOTICES"
    done = subprocess.run([sys.executable, str(PACKAGING / "notices.py"), str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return out.read_text(encoding="utf-8")


def _summary(text: str) -> list[str]:
    head = text.split("=" * 78, 1)[0]
    return [line.strip().split(" ", 1)[0] for line in head.splitlines() if line.startswith("  ")]


def test_every_runtime_dependency_is_listed_and_no_test_tool(text: str) -> None:
    listed = _summary(text)
    for name in RUNTIME:
        assert name in listed, name
    for name in TEST_ONLY:
        assert name not in listed, name
    assert "Python" in listed and "briefing" not in listed


def test_licence_texts_are_included(text: str) -> None:
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text
    assert "GNU GENERAL PUBLIC LICENSE" in text
    assert "replace them with your own" in text  # LGPL-3.0 section 4: Qt stays replaceable
    assert "PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2" in text
    rule = "=" * 78
    match = re.search(rf"^{rule}\npython-docx \S+\nLicence: MIT\n.*?{rule}\n(.*?)\n{rule}",
                      text, re.MULTILINE | re.DOTALL)
    assert match is not None, "a python-docx section with its licence"
    assert "--- LICENSE ---" in match.group(1)
    assert "Permission is hereby granted" in match.group(1)


def test_requirements_follow_markers_and_skip_extras() -> None:
    spec = importlib.util.spec_from_file_location("notices", PACKAGING / "notices.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    names = {d.metadata["Name"] for d in module.runtime_distributions()}
    assert "typing_extensions" in names  # python-docx needs it on every Python
    assert "pytest" not in names  # bibtexparser's "test" extra is not followed
