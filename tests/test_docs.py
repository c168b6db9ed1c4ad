"""The user guide (docs/guide.md) says what the program does.

Each test reads a part of the guide a user relies on and compares it with the
program: the screenshots it shows exist, the command lines it prints are
accepted (and the examples on the sample run as described), the vocabulary
tables are the ones in ``briefing.core.vocab``, the checks table matches the
rules, and the shortcut table matches the editor's actual actions.
"""

from __future__ import annotations

import os
import re
import shlex
import struct
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from briefing.checks import RULES
from briefing.core.vocab import (
    CREDIBILITY_LABELS,
    LIKELIHOOD_TERMS,
    RELIABILITY_LABELS,
    US_LEVELS,
)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the shortcut test opens a window

REPO = Path(__file__).resolve().parents[1]
GUIDE = REPO / "docs" / "guide.md"
IMAGES = REPO / "docs" / "images"
MAX_IMAGE_WIDTH = 1400

# Screenshots not yet generated (none: `make screenshots` writes every picture of the
# window, so a missing image fails the test).
PENDING_IMAGES: frozenset[str] = frozenset()
RENDERED_PAGES = frozenset(
    {"export-default.png", "export-pandoc-default.png", "export-house.png",
     "export-endnotes.png", "export-pdf.png"}
)
"""Exported pages rendered by LibreOffice (docs/tools/render_exports.py), not the editor."""
EXPECTED_IMAGES = (
    frozenset({"board.png", "reader.png", "inspector.png", "outline.png", "preview.png",
               "checks.png", "export.png", "speakers-reader.png", "speakers-inspector.png",
               "window-1366.png", "reader-2560.png"})
    | PENDING_IMAGES | RENDERED_PAGES
)


@cache
def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def section(heading: str) -> str:
    """The guide's text under the heading starting with *heading*, to the next one as high."""
    text = guide()
    match = re.search(rf"^(#+) {re.escape(heading)}.*$", text, re.MULTILINE)
    assert match, f"the guide has no heading {heading!r}"
    level = len(match.group(1))
    rest = text[match.end():]
    end = re.search(rf"^#{{1,{level}}} ", rest, re.MULTILINE)
    return rest[: end.start()] if end else rest


def table_rows(text: str) -> list[list[str]]:
    """Body rows of the first Markdown table in *text*, cells stripped of backticks."""
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines) if line.startswith("|")), None)
    assert start is not None, "no table found"
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip().strip("`") for cell in line.strip().strip("|").split("|")])
    return rows


def code_blocks(text: str, lang: str | None = None) -> list[str]:
    pattern = r"^```(\w*)\n(.*?)^```"
    return [body for tag, body in re.findall(pattern, text, re.MULTILINE | re.DOTALL)
            if lang is None or tag == lang]


# ------------------------------------------------------------------- images
def png_width(path: Path) -> int:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">I", head[16:20])[0]


def test_every_screenshot_the_guide_shows_exists_or_is_pending() -> None:
    referenced = re.findall(r"!\[[^\]]*\]\(images/([^)\s]+)\)", guide())
    assert set(referenced) == EXPECTED_IMAGES, "the guide should show every screenshot"
    for name in referenced:
        path = IMAGES / name
        if name in PENDING_IMAGES and not path.exists():
            continue
        assert path.exists(), f"docs/images/{name} is referenced by the guide but missing"
        assert png_width(path) <= MAX_IMAGE_WIDTH, f"{name} is wider than {MAX_IMAGE_WIDTH} px"


# --------------------------------------------------------------------- CLI
def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120)


@cache
def help_text(command: str | None) -> str:
    result = run_cli(*([command] if command else []), "--help")
    assert result.returncode == 0, result.stderr
    return result.stdout


def cli_lines(text: str) -> list[str]:
    """Every `briefing …` line in the code blocks of *text*, continuation lines joined."""
    lines: list[str] = []
    for block in code_blocks(text):
        for line in block.splitlines():
            if line.startswith("briefing"):
                lines.append(line)
            elif line.startswith(" ") and lines and line.strip().startswith("["):
                lines[-1] += " " + line.strip()
    return lines


OPTION = re.compile(r"(?:(?<=\s)|(?<=\[))(--?[A-Za-z][\w-]*)")


def test_every_command_line_in_the_guide_is_accepted() -> None:
    lines = cli_lines(section("4. The command line")) + cli_lines(section("6. Files"))
    assert len(lines) >= 15
    commands = re.findall(r"^    ([\w-]+)\s", help_text(None), re.MULTILINE)
    for line in lines:
        words = line.split("#")[0].split()
        command = words[1] if len(words) > 1 and re.fullmatch("[a-z][a-z-]*", words[1]) else None
        if command is not None:
            assert command in commands, f"{line!r}: briefing has no command {command!r}"
        usage = help_text(command)
        for option in OPTION.findall(line.split("#")[0]):
            assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", usage), (
                f"{line!r}: {option} is not an option of 'briefing {command or ''}'")


def example_commands() -> list[tuple[list[str], str | None]]:
    """(argv, expected stderr text or None) for each example; a comment means failure."""
    examples = []
    for block in code_blocks(section("Examples on the sample"), "sh"):
        for line in block.splitlines():
            if not line.startswith("briefing "):
                continue
            command, _, comment = line.partition("#")
            examples.append((shlex.split(command)[1:], comment.strip() or None))
    return examples


def test_examples_on_the_sample_run_as_the_guide_says(tmp_path: Path) -> None:
    (tmp_path / "harbour-notes.txt").write_text(
        "Port officials said grain ships left on Monday.\n\nInsurers remain cautious.\n",
        encoding="utf-8")
    examples = example_commands()
    assert len(examples) >= 10
    printed_check = code_blocks(section("Examples on the sample"), "")[0]
    check_shown = False
    for argv, failure in examples:
        result = run_cli(*argv, cwd=tmp_path)
        if failure is None:
            assert result.returncode == 0, f"briefing {shlex.join(argv)}: {result.stderr}"
        else:
            assert result.returncode == 2, f"briefing {shlex.join(argv)} should exit 2"
            assert failure in result.stderr, f"briefing {shlex.join(argv)}: {result.stderr}"
        if argv == ["check", "Sample.briefing"] and not check_shown:
            assert result.stdout == printed_check, "the guide shows another check report"
            check_shown = True
    assert check_shown
    for name in ("Sample.docx", "Sample.md", "Sample.html", "Sample.json",
                 "Sample-cited.md", "Sample-cited2.md", "Sample-cited2.csl.json",
                 "Weekly.briefing"):
        assert (tmp_path / name).stat().st_size > 0, name


def test_import_report_shown_in_the_guide_is_what_import_prints(tmp_path: Path) -> None:
    (tmp_path / "harbour-notes.txt").write_text("Grain ships left.\n", encoding="utf-8")
    assert run_cli("new", "Sample.briefing", "--template", "sample", cwd=tmp_path).returncode == 0
    result = run_cli("import", "Sample.briefing", "harbour-notes.txt", cwd=tmp_path)
    assert result.stdout.strip() in section("Examples on the sample")


# ------------------------------------------------------------ vocabularies
def test_estimative_table_is_icd_203_as_the_program_has_it() -> None:
    rows = table_rows(section("3.2 Estimative language"))
    expected = [[level.value, term.range_label, ", ".join(term.words), ", ".join(term.alt_words)]
                for level, term in LIKELIHOOD_TERMS.items()]
    assert rows == expected


def test_grade_tables_are_the_admiralty_labels() -> None:
    text = section("3.4 Source grades")
    reliability, credibility = text.split("\n\n| Credibility")
    assert table_rows(reliability) == [[r.value, label] for r, label in RELIABILITY_LABELS.items()]
    assert table_rows("| Credibility" + credibility) == [
        [c.value, label] for c, label in CREDIBILITY_LABELS.items()]


def test_us_marking_table_matches_the_levels() -> None:
    rows = table_rows(section("3.5 Markings"))
    assert rows == [[f"({mark})", word] for mark, word in US_LEVELS]


def test_new_briefing_choices_are_the_templates() -> None:
    from briefing.core.templates import TEMPLATES

    rows = table_rows(section("1. Start"))
    expected = [[label, ", ".join(titles) or "none"] for label, titles in TEMPLATES.values()]
    assert sorted(rows[:-1]) == sorted(expected)
    assert rows[-1][0].startswith("Sample briefing")


def test_checks_table_lists_every_rule_with_its_severity() -> None:
    rows = table_rows(section("2.5 Check"))
    assert {row[0]: row[1] for row in rows} == {
        code: rule.severity.value for code, rule in RULES.items()}


# --------------------------------------------------------------- shortcuts
@pytest.fixture
def window(qapp):  # noqa: ANN001, ANN201 - pytest-qt fixture
    from PySide6.QtCore import QSettings, QStandardPaths

    from briefing.core.document import Document
    from briefing.gui.document.session import Session
    from briefing.gui.window.main_window import MainWindow

    QStandardPaths.setTestModeEnabled(True)
    qapp.setOrganizationName("BriefingDocsTests")
    QSettings().clear()
    win = MainWindow(Session(Document()))
    yield win
    win.close()


def _menu_path(action, window) -> str:  # noqa: ANN001
    from PySide6.QtWidgets import QMenu

    for menu in window.findChildren(QMenu):
        if action in menu.actions():
            names = [menu.title().replace("&", "")]
            parent = menu.parent()
            while isinstance(parent, QMenu):
                names.insert(0, parent.title().replace("&", ""))
                parent = parent.parent()
            return " ▸ ".join(names)
    return ""


def test_shortcut_table_is_the_editors_actual_shortcuts(window) -> None:  # noqa: ANN001
    from PySide6.QtGui import QAction, QKeySequence

    from briefing.gui.window.menus import ACTIONS

    close = QKeySequence(QKeySequence.StandardKey.Close).toString()
    column = {"Ctrl+F4": 2, "Ctrl+W": 3}.get(close)
    if column is None:
        pytest.skip(f"the guide does not list this platform's standard keys (Close={close})")
    actual: dict[str, tuple[str, str]] = {}
    standard = {"Undo", "Redo"}
    for action in window.findChildren(QAction):
        keys = [k.toString() for k in action.shortcuts()]
        name = action.objectName().removeprefix("action_")
        text = action.text().replace("&", "")
        if name in ACTIONS and isinstance(ACTIONS[name][2], QKeySequence.StandardKey):
            standard.add(text)
        if keys:
            actual[text] = (_menu_path(action, window), " / ".join(keys))
    rows = table_rows(section("5. Keyboard shortcuts"))
    documented = {row[0].removesuffix(" *"): (row[1], row[column]) for row in rows
                  if row[column] != "—"}
    assert documented.keys() == actual.keys()
    for command, (menu, keys) in actual.items():
        assert documented[command][0] == menu, command
        assert keys in variants(documented[command][1]), f"{command}: {keys}"
    starred = {row[0].removesuffix(" *") for row in rows if row[0].endswith(" *")}
    assert starred == {row[0].removesuffix(" *") for row in rows} & standard
    for row in rows:  # only standard keys differ between platforms
        if not row[0].endswith(" *"):
            assert row[2] == row[3], row


def variants(cell: str) -> set[str]:
    """"F3 (KDE), Ctrl+G (GNOME)" -> {"F3", "Ctrl+G"}; a plain cell is its own variant."""
    found = re.findall(r"([^,()]+?)\s*\(\w+\)", cell)
    return {part.strip() for part in found} or {cell}


# ------------------------------------------------------------------- links
def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to -."""
    text = re.sub(r"[`*]", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def test_links_inside_the_guide_and_to_other_docs_resolve() -> None:
    text = guide()
    anchors = {github_slug(h) for h in re.findall(r"^#+ (.+)$", text, re.MULTILINE)}
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if target.startswith("#"):
            assert target[1:] in anchors, f"no heading for link {target}"
        elif not target.startswith(("http://", "https://", "images/")):
            assert (GUIDE.parent / target).exists(), f"broken link {target}"
