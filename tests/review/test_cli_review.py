"""``briefing review DOC.briefing REVIEWED.docx [--json]`` end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from briefing.documents import load_document, save_document
from briefing.store.jsonio import dumps
from tests.export.expect import FIXTURES
from tests.review import builders as b
from tests.review.test_word_markup import _tracked_edits
from tests.test_cli import run_cli


def test_export_then_review_a_briefing(tmp_path: Path) -> None:
    brief = tmp_path / "harbour.briefing"
    shutil.copy(FIXTURES / "small.json", tmp_path / "small.json")
    save_document(load_document(tmp_path / "small.json"), brief)
    assert run_cli("export", str(brief), "-o", str(tmp_path / "out.docx")).returncode == 0
    assert load_document(brief).info.extra["document_id"]  # given at the first export
    reviewed = b.rewrite(tmp_path / "out.docx", tmp_path / "reviewed.docx", _tracked_edits)
    result = run_cli("review", str(brief), str(reviewed))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("reviewed.docx: export revision ")
    assert "Key Judgments › card c2 “Full capacity is likely within two weeks.”" in lines
    assert ("  - Edit (tracked, Jane Reviewer, 2026-01-05): “(U) Full capacity is likely within "
            "two weeks.” → “(U) Full capacity is very likely within two weeks.”") in lines
    assert "  - Heading renamed (tracked, Omar Field, 2026-01-05): “Evidence” → “Reporting”" \
        in lines
    data = json.loads(run_cli("review", str(brief), str(reviewed), "--json").stdout)
    assert [(i["kind"], i["claim_id"], i["reviewer"]) for i in data["items"]] == [
        ("edit", "c2", "Jane Reviewer"), ("rename", None, "Omar Field")]
    assert data["document"] == load_document(brief).info.extra["document_id"]


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    brief = tmp_path / "harbour.json"
    brief.write_text(dumps(b.identified_small()), encoding="utf-8")
    not_docx = tmp_path / "notes.docx"
    not_docx.write_text("just text", encoding="utf-8")
    for args in ([str(brief), str(not_docx)], [str(brief), str(tmp_path / "missing.docx")],
                 [str(tmp_path / "none.briefing"), str(not_docx)]):
        result = run_cli("review", *args)
        assert result.returncode == 2 and result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
