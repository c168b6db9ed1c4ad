"""A review made with python-docx (its comments API) plus lxml tracked changes."""

from __future__ import annotations

from pathlib import Path

import docx
import docx.document
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from briefing.export import export_document
from briefing.review import read_review
from tests.review import builders as b
from tests.review.helpers import accept_all, pandoc_view

pytestmark = pytest.mark.skipif(
    not hasattr(docx.document.Document, "add_comment"),
    reason="python-docx's comments API arrived in 1.2 (the floor is 1.1)",
)


def _paragraph(document, mark: str):
    return next(p for p in document.paragraphs
                if any(s.get(f"{b.W}name") == mark for s in p._p.iter(f"{b.W}bookmarkStart")))


def _reviewed(tmp_path: Path) -> Path:
    document = docx.Document(str(b.exported(tmp_path)))
    c1 = _paragraph(document, "_brf_c_c1")
    document.add_comment(c1.runs[0], text="Which berths?", author="Ana Lee", initials="AL")
    prose = _paragraph(document, "_brf_p_k1_05efd9b9")
    document.add_comment(prose.runs, text="Source?", author="Ana Lee", initials="AL")
    run = prose.runs[0]._r
    run.find(f"{b.W}t").text = "(U) Reopening is partial; "
    tail = parse_xml(
        f'<w:del {nsdecls("w")} w:id="41" w:author="Ana Lee" w:date="{b.DATE}">'
        '<w:r><w:delText>dredging</w:delText></w:r></w:del>')
    added = parse_xml(
        f'<w:ins {nsdecls("w")} w:id="42" w:author="Ana Lee" w:date="{b.DATE}">'
        '<w:r><w:t>silting</w:t></w:r></w:ins>')
    rest = parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> sets the pace.</w:t></w:r>')
    run.addnext(tail)
    tail.addnext(added)
    added.addnext(rest)
    path = tmp_path / "python-docx.docx"
    document.save(str(path))
    return path


def test_comments_and_changes_land_on_their_blocks(tmp_path: Path) -> None:
    review = read_review(b.identified_small(), _reviewed(tmp_path))
    found = [(i.kind, i.reviewer, i.block, i.text or i.after, i.words) for i in review.items]
    assert found == [
        ("edit", "Ana Lee", "_brf_p_k1_05efd9b9",
         "(U) Reopening is partial; silting sets the pace.", ""),
        ("comment", "Ana Lee", "_brf_p_k1_05efd9b9", "Source?",
         "(U) Reopening is partial; silting sets the pace."),
        ("comment", "Ana Lee", "_brf_c_c1", "Which berths?",
         "(U) Two berths reopened on 18 December."),
    ]


def test_accepting_and_rejecting_all_match_pandoc(tmp_path: Path) -> None:
    path = _reviewed(tmp_path)
    doc = b.identified_small()
    accept_all(doc, read_review(doc, path))
    accepted = export_document(doc, tmp_path / "accepted.docx")
    assert pandoc_view(accepted, "accept") == pandoc_view(path, "accept")
    original = tmp_path / "export.docx"
    assert pandoc_view(path, "reject") == pandoc_view(original, "accept")
