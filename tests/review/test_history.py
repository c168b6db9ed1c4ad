"""The document's history, merged and read without Qt: file rows and review decisions."""

from __future__ import annotations

from briefing.core import ops
from briefing.core.model import evolve
from briefing.review.history import history, kinds, when
from tests.review import builders as b


def _with_reviews(entries: list[dict]) -> object:
    doc = b.identified_small()
    doc.apply(ops.SetInfo(evolve(doc.info, extra={**doc.info.extra, "reviews": entries})))
    return doc


def test_times_read_in_utc_whatever_their_spelling() -> None:
    assert when("2026-01-05T10:00:00Z") == "2026-01-05 10:00:00 UTC"
    assert when("2026-01-05T12:00:00+02:00") == "2026-01-05 10:00:00 UTC"
    assert when("2026-01-05 10:00:00") == "2026-01-05 10:00:00 UTC"  # SQLite's datetime('now')
    assert when("yesterday") == "yesterday"


def test_rows_and_decisions_merge_newest_first() -> None:
    doc = _with_reviews([{"file": "back.docx", "sha256": "x", "decisions": [
        # recorded before decisions carried their card: found again by the block's marker
        {"item": "k1", "kind": "edit", "reviewer": "Jane Reviewer", "decision": "accepted",
         "at": "2026-01-06T09:00:00Z", "block": "_brf_c_c2"},
        {"item": "k2", "kind": "comment", "reviewer": "Omar Field", "decision": "noted",
         "at": "2026-01-06T09:05:00Z", "block": "_brf_s_k2"},
        {"item": "k3", "kind": "delete", "reviewer": "Omar Field", "decision": "rejected",
         "at": "2026-01-06T09:06:00Z", "block": "_brf_c_gone", "claim": "gone"},
    ]}])
    rows = [("2026-01-06T08:59:00+00:00", "review-import", "back.docx: 3 item(s)"),
            ("2026-01-07T10:00:00+00:00", "marking-override",
             "exported brief.docx: marked UNCLASSIFIED, needs SECRET")]
    seen = [(e.at, e.kind, e.what, e.item, e.reviewer, e.file) for e in history(doc, rows)]
    assert seen == [
        ("2026-01-07 10:00:00 UTC", "Marking override", "Exported with override", "", "",
         "brief.docx"),
        ("2026-01-06 09:06:00 UTC", "Review decision", "Rejected",
         "Paragraph deleted · card gone (deleted)", "Omar Field", "back.docx"),
        ("2026-01-06 09:05:00 UTC", "Review decision", "Kept as note",
         "Comment · section “Evidence”", "Omar Field", "back.docx"),
        ("2026-01-06 09:00:00 UTC", "Review decision", "Accepted",
         "Edit · card “Full capacity is likely within two weeks.”", "Jane Reviewer",
         "back.docx"),
        ("2026-01-06 08:59:00 UTC", "Review import", "Review imported", "", "", "back.docx"),
    ]
    assert kinds(history(doc, rows)) == ["Review decision", "Review import", "Marking override"]


def test_damaged_review_records_are_skipped_not_fatal() -> None:
    doc = b.identified_small()
    doc.apply(ops.SetInfo(evolve(doc.info, extra={**doc.info.extra, "reviews": [
        "junk", {"file": "y.docx", "decisions": 7},
        {"file": "x.docx", "decisions": ["junk", {"decision": "accepted"}]}]})))
    assert [(e.what, e.item) for e in history(doc)] == [("Accepted", "Item · the document")]
