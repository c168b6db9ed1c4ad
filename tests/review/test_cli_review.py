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


def test_a_briefing_never_exported_is_matched_by_content_and_says_so(tmp_path: Path) -> None:
    """The file carries an identity; it is the briefing that has none yet (a copy made
    from the same template, never exported). The warning must not blame the file."""
    brief = tmp_path / "copy.json"
    brief.write_text(dumps(b.small_document()), encoding="utf-8")
    reviewed = b.rewrite(b.exported(tmp_path), tmp_path / "reviewed.docx", _tracked_edits)
    result = run_cli("review", str(brief), str(reviewed))
    assert result.returncode == 0, result.stderr
    assert ("warning: this briefing has no identity yet (it was never exported to Word), so "
            "the file was matched to it by its content; check it is the briefing you sent "
            "out") in result.stdout.splitlines()


def test_a_moved_paragraph_is_listed_with_where_it_went(tmp_path: Path) -> None:
    brief = tmp_path / "harbour.json"
    brief.write_text(dumps(b.identified_small()), encoding="utf-8")

    def edit(root) -> None:  # c2 cut and pasted under Evidence, after c1
        c2 = b.marked(root, "_brf_c_c2")
        c2.getparent().remove(c2)
        b.marked(root, "_brf_c_c1").addnext(c2)

    reviewed = b.rewrite(b.exported(tmp_path), tmp_path / "moved.docx", edit)
    result = run_cli("review", str(brief), str(reviewed))
    assert result.returncode == 0, result.stderr
    assert ("  - Paragraph moved (untracked, Unknown reviewer): “(U) Full capacity is likely "
            "within two weeks.” to “Evidence”, after “Two berths reopened on 18 December.”"
            ) in result.stdout.splitlines()


def test_history_lists_decisions_and_the_import_newest_first(tmp_path: Path) -> None:
    from briefing.core import ops
    from briefing.core.model import evolve
    from briefing.store.database import Store

    doc = b.identified_small()
    doc.apply(ops.SetInfo(evolve(doc.info, extra={**doc.info.extra, "reviews": [
        {"file": "back.docx", "sha256": "x", "decisions": [
            {"item": "k1", "kind": "edit", "reviewer": "Jane Reviewer",
             "decision": "accepted", "at": "2026-01-06T09:00:00Z", "claim": "c2"}]}]})))
    brief = tmp_path / "harbour.briefing"
    save_document(doc, brief)
    with Store.open(brief) as store:
        store.record_history("review-import", "back.docx: 1 item(s)")
    result = run_cli("history", str(brief))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("\tReview import\tReview imported\t\t\tback.docx\t"
                             "back.docx: 1 item(s)")
    assert lines[1] == ("2026-01-06 09:00:00 UTC\tReview decision\tAccepted\t"
                        "Edit · card “Full capacity is likely within two weeks.”\t"
                        "Jane Reviewer\tback.docx")


def test_history_of_a_bad_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "junk.briefing"
    bad.write_bytes(b"not a briefing at all")
    result = run_cli("history", str(bad))
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "junk.briefing" in result.stderr
    missing = run_cli("history", str(tmp_path / "none.briefing"))
    assert missing.returncode == 2 and len(missing.stderr.splitlines()) == 1


def test_items_decided_in_the_editor_are_listed_with_their_decision(tmp_path: Path) -> None:
    from briefing.review import read_review
    from briefing.review.apply import accept_op
    from briefing.review.state import decide

    brief = tmp_path / "harbour.briefing"
    shutil.copy(FIXTURES / "small.json", tmp_path / "small.json")
    save_document(load_document(tmp_path / "small.json"), brief)
    assert run_cli("export", str(brief), "-o", str(tmp_path / "out.docx")).returncode == 0
    reviewed = b.rewrite(tmp_path / "out.docx", tmp_path / "reviewed.docx", _tracked_edits)
    doc = load_document(brief)
    review = read_review(doc, reviewed)
    edit, rename = review.items
    doc.apply(decide(doc, review, edit, "accepted", accept_op(doc, edit, review.snapshot)))
    doc.apply(decide(doc, review, rename, "rejected", None))
    save_document(doc, brief)

    result = run_cli("review", str(brief), str(reviewed))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith("; 2 item(s), 0 open")
    assert ("  - [accepted] Edit (tracked, Jane Reviewer, 2026-01-05): “(U) Full capacity is "
            "likely within two weeks.” → “(U) Full capacity is very likely within two weeks.”"
            ) in lines
    assert ("  - [rejected] Heading renamed (tracked, Omar Field, 2026-01-05): “Evidence” → "
            "“Reporting”") in lines
    data = json.loads(run_cli("review", str(brief), str(reviewed), "--json").stdout)
    assert [(i["kind"], i["decision"]) for i in data["items"]] == [
        ("edit", "accepted"), ("rename", "rejected")]


def test_undecided_items_are_open_in_json(tmp_path: Path) -> None:
    brief = tmp_path / "harbour.json"
    brief.write_text(dumps(b.identified_small()), encoding="utf-8")
    reviewed = b.rewrite(b.exported(tmp_path), tmp_path / "reviewed.docx", _tracked_edits)
    result = run_cli("review", str(brief), str(reviewed))
    assert result.stdout.splitlines()[0].endswith("; 2 item(s)")  # nothing decided yet
    assert "[accepted]" not in result.stdout and "[rejected]" not in result.stdout
    data = json.loads(run_cli("review", str(brief), str(reviewed), "--json").stdout)
    assert [i["decision"] for i in data["items"]] == ["open", "open"]
