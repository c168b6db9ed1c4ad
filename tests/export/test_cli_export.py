"""``briefing export`` as a user runs it: options, one-line refusals, files written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import main
from tests.export.expect import FIXTURES
from tests.test_cli import run_cli

REPO = Path(__file__).resolve().parents[2]
SMALL = FIXTURES / "small.json"


def test_pandoc_citations_write_markdown_and_csl_json(tmp_path: Path) -> None:
    result = run_cli("export", str(SMALL), "-o", "brief.md", "--citations", "pandoc",
                     "--bibliography", "file", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["wrote brief.md", "wrote brief.csl.json"]
    text = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert "[@portlog, {para. 1}, duty harbour master&#59; Grade B2]" in text
    assert '"id": "portlog"' in (tmp_path / "brief.csl.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["brief.docx", "brief.html", "brief.json", "brief.briefing"])
def test_pandoc_citations_refused_for_other_outputs_in_one_line(tmp_path: Path, name: str) -> None:
    result = run_cli("export", str(SMALL), "-o", name, "--citations", "pandoc", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"briefing: {name}: --citations pandoc needs a Markdown (.md) output"
    ]
    assert list(tmp_path.iterdir()) == []


def test_default_citations_are_footnotes(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    assert main(["export", str(SMALL), "-o", str(out)]) == 0
    assert "[^1]" in out.read_text(encoding="utf-8")
    assert not (tmp_path / "brief.csl.json").exists()


def test_unknown_citation_mode_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("export", str(SMALL), "-o", "x.md", "--citations", "apa", cwd=tmp_path)
    assert result.returncode == 2 and "invalid choice: 'apa'" in result.stderr


HEAVY = ("briefing.ingest", "briefing.checks", "jsonschema", "urllib.request", "http", "email")


def test_export_to_word_loads_nothing_it_does_not_use(tmp_path: Path) -> None:
    """Start-up is most of a small export: no ingest, checks, full JSON Schema or web stack."""
    probe = (
        "import sys; from briefing.cli import main; "
        f"main(['export', {str(SMALL)!r}, '-o', {str(tmp_path / 'o.docx')!r}]); "
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r} "
        f"or m.startswith({HEAVY[:2]!r})))"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


def test_note_form_and_ibid_options(tmp_path: Path) -> None:
    out = tmp_path / "full.md"
    assert main(["export", str(SMALL), "-o", str(out), "--note-form", "full"]) == 0
    third = next(line for line in out.read_text(encoding="utf-8").splitlines()
                 if line.startswith("[^3]: "))
    assert third == (
        "[^3]: Duty harbour master; Port Authority Operations Desk, “Harbour Master Daily Log”, "
        "Port Authority, 18 December 2025, para. 1. <https://example.org/log?day=18&part=2>. "
        "Grade B2."
    )
    assert main(["export", str(SMALL), "-o", str(out), "--ibid"]) == 0
    third = next(line for line in out.read_text(encoding="utf-8").splitlines()
                 if line.startswith("[^3]: "))
    # note 2 cites another source, so note 3 is short, not "Ibid."
    assert third == (
        "[^3]: Duty harbour master; “Harbour Master Daily Log”, para. 1. Grade B2."
    )
