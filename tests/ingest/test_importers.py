"""Each importer on a real file: text, metadata, provenance and original bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings

from briefing.core.document import Document
from briefing.core.errors import DomainError, FileProblem
from briefing.core.validate import check_source
from briefing.ingest import (
    from_paste,
    import_bytes,
    import_file,
    import_into,
    locator_for,
    sequential_ids,
)
from tests.ingest import builders
from tests.ingest.conftest import FIXTURES, IMPORTED
from tests.material import ARTICLE, FIRST_WORDS, LAST_WORDS, REPORT
from tests.strategies import hostile_text


def _one(path: Path, new_id) -> object:
    items = import_file(path, new_id=new_id, imported=IMPORTED)
    assert len(items) == 1
    return items[0]


def test_article_imports_with_provenance(seed_path, new_id):
    item = _one(seed_path, new_id)
    source = item.source
    raw = seed_path.read_bytes()
    assert item.original == raw
    assert source.sha256 == hashlib.sha256(raw).hexdigest()
    assert source.file_name == "news-article.txt"
    assert source.imported == IMPORTED
    ends = {ARTICLE: (FIRST_WORDS, LAST_WORDS)}.get(seed_path, (
        "U.S. intelligence agencies continue to assess",
        "did not immediately respond to requests for comment.",
    ))
    assert source.text.startswith(ends[0])
    assert source.text.endswith(ends[1])
    assert source.key == "news-article"


def test_import_time_defaults_to_now_in_iso_8601(tmp_path, new_id):
    path = tmp_path / "a.txt"
    path.write_text("Some words.")
    stamp = import_file(path, new_id=new_id)[0].source.imported
    assert stamp[:2] == "20" and stamp[10] == "T" and stamp.endswith("+00:00")


def test_html_keeps_main_text_and_reads_metadata(new_id):
    source = _one(FIXTURES / "ferry-article.html", new_id).source
    assert source.title == "Ferry service to resume next month"
    assert source.authors == ("Lena Hartmann",)
    assert source.container == "Valley Courier"
    assert source.published == "2025-11-03"
    assert source.url == "https://courier.example/news/ferry-resumes"
    assert source.kind == "news"
    text = source.text
    assert "The river ferry between Altmark and Seedorf will run again" in text
    assert "made by hand & shipped" in text
    assert "“We know how much the villages depend on this crossing,” said Mara Voss" in text
    assert "Weekdays\t06:10" in text
    for boilerplate in (
        "trackPageView", "TRACKING TEXT", "font-family", "Politics", "cookies",
        "Read also", "Subscriber-only", "All rights reserved", "Filed under", "late script",
    ):
        assert boilerplate not in text, boilerplate


def test_html_in_legacy_encoding_declared_by_meta(tmp_path, new_id):
    page = '<html><head><meta charset="windows-1252"><title>Caf\u00e9 notes</title></head>'
    page += "<body><p>Cr\u00e8me br\u00fbl\u00e9e \u2013 \u20ac5</p></body></html>"
    path = tmp_path / "cafe.htm"
    path.write_bytes(page.encode("cp1252"))
    source = _one(path, new_id).source
    assert source.title == "Caf\u00e9 notes"
    assert source.text == "Cr\u00e8me br\u00fbl\u00e9e \u2013 \u20ac5"


def test_docx_body_table_heading_and_footnote(tmp_path, new_id):
    path = tmp_path / "harbour.docx"
    path.write_bytes(builders.make_docx())
    source = _one(path, new_id).source
    assert source.title == builders.DOCX_TITLE
    assert source.authors == ("Ines Ortega", "Paul Brandt")
    paragraphs = source.text.split("\n\n")
    assert paragraphs[0] == "Findings"
    assert paragraphs[1] == builders.DOCX_PARAGRAPHS[0] + "[1]"
    assert paragraphs[2] == "Month\tContainers\nApril\t1,240"
    assert paragraphs[3] == builders.DOCX_PARAGRAPHS[1]
    assert paragraphs[-1] == f"[1] {builders.FOOTNOTE}"


def test_docx_title_falls_back_to_first_heading(tmp_path, new_id):
    path = tmp_path / "untitled.docx"
    path.write_bytes(builders.make_docx(title="", with_footnote=False))
    assert _one(path, new_id).source.title == "Findings"


def test_pdf_pages_are_kept_for_locators(tmp_path, new_id):
    path = tmp_path / "grain.pdf"
    path.write_bytes(builders.make_pdf())
    source = _one(path, new_id).source
    assert source.title == "Quarterly Grain Report"
    assert source.authors == ("Grain Desk",)
    assert source.text.split("\f") == builders.PDF_PAGES
    assert source.extra["pages"] == 3
    start = source.text.index("Barley prices")
    assert locator_for(source, start, start + 6) == "p. 2"
    start = source.text.index("damaged early")
    end = source.text.index("modest recovery") + 5
    assert locator_for(source, start, end) == "pp. 2–3"


def test_pdf_page_labels_are_used(tmp_path, new_id):
    path = tmp_path / "excerpt.pdf"
    path.write_bytes(builders.make_pdf(labels_from=211))
    source = _one(path, new_id).source
    start = source.text.index("Analysts at the cooperative")
    assert locator_for(source, start, start + 8) == "p. 213"


def test_one_page_pdf_still_gets_a_page_locator(tmp_path, new_id):
    path = tmp_path / "single.pdf"
    path.write_bytes(builders.make_pdf(["Only one page of text here."]))
    source = _one(path, new_id).source
    assert "\f" not in source.text
    assert locator_for(source, 5, 10) == "p. 1"


def test_markdown_front_matter_becomes_metadata(new_id):
    source = _one(FIXTURES / "notes.md", new_id).source
    assert source.title == "Field Notes: Market Visit"
    assert source.authors == ("Sam Whitfield",)
    assert source.published == "2025-06-12"
    assert source.text.startswith("Market Visit\n\nStall holders")
    start = source.text.index("Two traders")
    assert locator_for(source, start, start + 3) == "para. 3"


def test_markdown_is_rendered_headings_and_paragraphs_kept_syntax_gone(new_id):
    source = _one(REPORT, new_id).source
    assert source.title == "Lower Valley Water Outlook"
    assert source.text.startswith(
        "Lower Valley Water Outlook\n\nPrepared by the Basin Planning Office, 2 November. "
        "For planning use.\n\nSummary\n\nStorage in the three downstream lakes stands at "
        "38 percent of capacity,"
    )
    for syntax in ("#", "**", "*Prepared", "- Municipal", "](", "https://example.org"):
        assert syntax not in source.text, syntax
    assert "See the allocation plan for the figures" in source.text  # a link keeps its words
    # locators count rendered paragraphs: each heading and each list item is one
    irrigation = source.text.index("Irrigation supply depends")
    assert locator_for(source, irrigation, irrigation + 10) == "para. 9"
    assert locator_for(source, source.text.index("A wet winter")) == "para. 12"


def test_markdown_raw_html_gives_its_words_only(new_id, tmp_path):
    path = tmp_path / "hostile.md"
    path.write_text("# Note\n\n<script>alert('x')</script>\n\n<img src='http://x.invalid/a.png'>"
                    "\n\nSafe <b>words</b> here.<style>p{}</style>\n", encoding="utf-8")
    assert _one(path, new_id).source.text == "Note\n\nSafe words here."


def test_markdown_with_only_syntax_holds_no_text(new_id, tmp_path):
    path = tmp_path / "empty.md"
    path.write_text("---\ntitle: x\n---\n\n<!-- nothing -->\n\n***\n", encoding="utf-8")
    with pytest.raises(FileProblem, match="empty.md: holds no text"):
        _one(path, new_id)


def test_bibtex_library_yields_one_source_per_entry(new_id):
    items = import_file(FIXTURES / "library.bib", new_id=new_id)
    by_key = {item.source.key: item.source for item in items}
    assert list(by_key) == ["mueller2021", "board2023", "garcia2019", "portal2024", "memo2022"]
    article = by_key["mueller2021"]
    assert article.authors == ("Jörg Müller", "Ana Dvořák", "Regional Water Board")
    assert article.title == "Groundwater Levels in the Upper Rhine Plain, 1990–2020"
    assert (article.kind, article.published, article.doi) == (
        "article", "2021-03", "10.5555/jhn.2021.0042"
    )
    assert article.container == "Journal of Hydrological Notes"
    report = by_key["board2023"]
    assert (report.kind, report.publisher) == ("report", "Regional Water Board")
    assert report.url == "https://water.example/reports/drought_review%202023.pdf"
    assert by_key["garcia2019"].authors == ("Lucía García",)
    assert by_key["garcia2019"].kind == "book"
    assert (by_key["portal2024"].kind, by_key["portal2024"].accessed) == ("web", "2024-05-02")
    assert by_key["memo2022"].kind == "other"
    for item in items:
        assert item.source.sha256 == hashlib.sha256(item.original).hexdigest()
        assert item.original.startswith(b"@")
        assert item.source.file_name == "library.bib"


def test_csl_json_library(new_id):
    items = import_file(FIXTURES / "library.json", new_id=new_id)
    news, data, speech = (item.source for item in items)
    assert (news.kind, news.authors, news.container, news.published) == (
        "news", ("Chidi Okafor",), "The Morning Ledger", "2024-09-14"
    )
    assert news.url == "https://ledger.example/night-trains"
    assert (data.kind, data.authors, data.doi) == (
        "dataset", ("National Statistics Office",), "10.5555/rail.2023"
    )
    assert (speech.kind, speech.authors, speech.published) == (
        "statement", ("Anna van den Berg",), "2022-02"
    )
    assert speech.notes == "Opening statement on rolling stock procurement."


def test_keys_are_made_unique_against_the_document(new_id):
    items = import_file(
        FIXTURES / "library.bib", new_id=new_id, key_taken=lambda key: key == "garcia2019"
    )
    assert "garcia2019-2" in [item.source.key for item in items]


def test_import_into_adds_every_source_with_originals_as_one_undo_step():
    doc = Document()
    ids = import_into(doc, FIXTURES / "library.json")
    assert [s.id for s in doc.sources] == ids == ["s1", "s2", "s3"]
    assert doc.original("s1").startswith(b"{")
    ids2 = import_into(doc, FIXTURES / "library.json")
    assert len(set(ids + ids2)) == 6
    assert doc.source(ids2[0]).key == "okafor2024-2"


def test_import_into_leaves_document_unchanged_on_failure(tmp_path):
    doc = Document()
    bad = tmp_path / "broken.bib"
    bad.write_text("@article{ok, title={Fine}}\n@article{bad, title = {never closed\n")
    with pytest.raises(FileProblem, match="broken.bib"):
        import_into(doc, bad)
    assert doc.sources == []


def test_paste_makes_a_source(new_id):
    item = from_paste("  First line is the title\r\nSecond line.\r\n", new_id=new_id)
    assert item.source.title == "First line is the title"
    assert item.source.text == "  First line is the title\nSecond line."
    assert item.original == item.source.text.encode("utf-8")
    assert item.source.sha256 == hashlib.sha256(item.original).hexdigest()


def test_import_bytes_names_the_file_in_errors(new_id):
    with pytest.raises(FileProblem, match="dropped.pdf"):
        import_bytes(b"not a pdf at all", "dropped.pdf", new_id=new_id)


def test_lone_surrogate_in_a_library_is_a_file_problem(tmp_path, new_id):
    path = tmp_path / "odd.json"
    path.write_text('[{"id": "x", "type": "book", "title": "bad \\ud800 title"}]')
    with pytest.raises(FileProblem, match="odd.json.*lone surrogate"):
        import_file(path, new_id=new_id)


@settings(max_examples=60, deadline=None)
@given(hostile_text)
def test_paste_of_hostile_text_gives_a_valid_source_or_a_clear_refusal(text):
    try:
        item = from_paste(text, new_id=sequential_ids(lambda _: False))
    except DomainError as error:
        assert "empty" in str(error) or "surrogate" in str(error)
        return
    check_source(item.source)
    assert item.source.text.strip()
    assert "\r" not in item.source.text and "\x00" not in item.source.text


def test_html_with_unclosed_head_and_no_article(tmp_path, new_id):
    page = "<html><head><title>Notice</title><body><p>Roads close at noon.</p><p>Detour east.</p>"
    path = tmp_path / "notice.html"
    path.write_text(page, encoding="utf-8")
    source = _one(path, new_id).source
    assert (source.title, source.kind) == ("Notice", "web")
    assert source.text == "Roads close at noon.\n\nDetour east."
