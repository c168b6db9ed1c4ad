"""The command line: exit codes, one-line errors, atomic outputs, and no Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import main
from tests.store.test_json import RICH

REPO = Path(__file__).resolve().parents[1]


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


@pytest.fixture
def rich_json(tmp_path: Path) -> Path:
    path = tmp_path / "rich.json"
    path.write_text(json.dumps(RICH), encoding="utf-8")
    return path


def test_version_and_help() -> None:
    assert run_cli("--version").stdout.startswith("briefing ")
    result = run_cli("--help")
    assert result.returncode == 0 and "export" in result.stdout


def test_export_never_loads_qt(rich_json: Path, tmp_path: Path) -> None:
    code = (
        "import sys; from briefing.cli import main; "
        f"rc = main(['export', {str(rich_json)!r}, '-o', {str(tmp_path / 'o.briefing')!r}]); "
        "assert rc == 0, rc; "
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))], 'Qt loaded'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def _assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0]


def test_unreadable_inputs_exit_2_with_one_line(tmp_path: Path) -> None:
    text = tmp_path / "renamed.briefing"
    text.write_text("hello")
    _assert_one_line_error(
        run_cli("export", str(text), "-o", str(tmp_path / "o.json")),
        "renamed.briefing",
        "not a Briefing document",
    )
    _assert_one_line_error(
        run_cli("export", str(tmp_path / "missing.json"), "-o", str(tmp_path / "o.briefing")),
        "missing.json",
    )
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "briefing/v1"')
    _assert_one_line_error(
        run_cli("export", str(bad), "-o", str(tmp_path / "o.briefing")),
        "bad.json",
        "not valid JSON",
    )
    assert not (tmp_path / "o.json").exists() and not (tmp_path / "o.briefing").exists()


def test_bad_usage_exits_2(rich_json: Path, tmp_path: Path) -> None:
    assert run_cli("export", str(rich_json)).returncode == 2  # no -o
    _assert_one_line_error(
        run_cli("export", str(rich_json), "-o", str(tmp_path / "x.odt")),
        "unknown output type '.odt'",
    )
    _assert_one_line_error(
        run_cli("new", str(tmp_path / "n.briefing"), "--template", "nope"),
        "unknown template 'nope'",
    )


def test_output_in_missing_folder_is_refused(rich_json: Path, tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "out.briefing"
    _assert_one_line_error(run_cli("export", str(rich_json), "-o", str(out)), "does not exist")
    assert not out.parent.exists()


def test_unwritable_folder_is_refused_and_input_untouched(
    rich_json: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import tempfile

    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)  # root ignores chmod; simulate instead
    before = rich_json.read_bytes()
    assert main(["export", str(rich_json), "-o", str(tmp_path / "out.briefing")]) == 2
    assert "out.briefing: cannot write here: permission denied" in capsys.readouterr().err
    assert rich_json.read_bytes() == before and not (tmp_path / "out.briefing").exists()


def test_disk_full_while_writing_leaves_no_half_file(
    rich_json: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "out.json"
    target.write_text("previous export")
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert main(["export", str(rich_json), "-o", str(target)]) == 2
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert "out.json: could not write: no space left on device" in capsys.readouterr().err
    assert target.read_text() == "previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "rich.json"]


def test_new_then_export_to_json(tmp_path: Path) -> None:
    doc = tmp_path / "memo.briefing"
    assert run_cli("new", str(doc), "--template", "memo", "--title", "Memo").returncode == 0
    assert run_cli("new", str(doc)).returncode == 2  # never overwrites
    assert run_cli("export", str(doc), "-o", str(tmp_path / "memo.json")).returncode == 0
    data = json.loads((tmp_path / "memo.json").read_text())
    assert data["briefing"]["title"] == "Memo"
    assert [s["title"] for s in data["sections"]][0] == "Bottom Line Up Front"


def test_two_writers_never_share_a_document(tmp_path: Path) -> None:
    doc = tmp_path / "shared.briefing"
    assert run_cli("new", str(doc)).returncode == 0
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from briefing.store.database import Store; "
            f"s = Store.open({str(doc)!r}); print('open', flush=True); sys.stdin.read(); s.close()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        second = (
            "from briefing.store.database import Store\n"
            f"try:\n    Store.open({str(doc)!r})\nexcept Exception as error:\n    print(error)"
        )
        result = subprocess.run(
            [sys.executable, "-c", second],
            capture_output=True,
            text=True,
            timeout=60,
            env=dict(os.environ, PYTHONPATH=str(REPO)),
        )
        assert "is open in another Briefing window or process" in result.stdout
    finally:
        holder.communicate("", timeout=60)
    assert holder.returncode == 0


def test_import_adds_the_article_with_provenance(tmp_path: Path, article_path: Path) -> None:
    import hashlib

    doc = tmp_path / "work.briefing"
    assert run_cli("new", str(doc)).returncode == 0
    result = run_cli("import", str(doc), str(article_path))
    assert result.returncode == 0, result.stderr
    assert "added 1 source" in result.stdout
    run_cli("export", str(doc), "-o", str(tmp_path / "out.json"))
    source = json.loads((tmp_path / "out.json").read_text())["sources"][0]
    assert source["text"].split() == article_path.read_text(encoding="utf-8").split()
    assert source["sha256"] == hashlib.sha256(article_path.read_bytes()).hexdigest()
    assert source["file_name"] == "news-article.txt"


def test_import_of_a_bad_file_reports_it_and_keeps_the_rest(tmp_path: Path) -> None:
    doc = tmp_path / "work.briefing"
    assert run_cli("new", str(doc)).returncode == 0
    (tmp_path / "good.txt").write_text("An analyst's note.\n\nSecond paragraph.\n")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7 truncated")
    result = run_cli("import", str(doc), str(tmp_path / "broken.pdf"), str(tmp_path / "good.txt"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "broken.pdf" in result.stderr
    run_cli("export", str(doc), "-o", str(tmp_path / "out.json"))
    titles = [s["title"] for s in json.loads((tmp_path / "out.json").read_text())["sources"]]
    assert len(titles) == 1


def test_check_exit_codes_follow_the_contract(tmp_path: Path) -> None:
    sample = REPO / "resources" / "samples" / "sample.json"
    ok = run_cli("check", str(sample))
    assert ok.returncode == 0 and "judgment-without-confidence" in ok.stdout
    broken = tmp_path / "broken.json"
    data = json.loads(sample.read_text(encoding="utf-8"))
    data["claims"][0]["citations"][0]["source"] = "nowhere"
    broken.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("check", str(broken), "--json")
    assert result.returncode == 1
    rules = [f["rule"] for f in json.loads(result.stdout)]
    assert "dangling-reference" in rules
    _assert_one_line_error(run_cli("check", str(tmp_path / "none.json")), "none.json")


def test_runaway_nesting_is_refused_by_every_json_reader(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    head = '{"format": "briefing/v1", "briefing": {"title": "x"}, "sources": [], "claims": [], '
    deep.write_text(head + '"sections": [], "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    for args in (["check", str(deep)], ["export", str(deep), "-o", str(tmp_path / "o.md")]):
        _assert_one_line_error(run_cli(*args), "deep.json", "nested too deeply")
