"""HTML export: standalone, offline, escaped, with the same notes and the banner."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source
from briefing.export import ExportOptions, build_ir, export_document, preview_html
from tests.export import readers
from tests.export.expect import assert_claims_read_back, expected_claims, small_document


def test_html_shows_claims_with_the_same_notes(tmp_path: Path) -> None:
    path = export_document(small_document(), tmp_path / "brief.html")
    html = path.read_text(encoding="utf-8")
    expected = expected_claims(build_ir(small_document()), separator_in_text=True)
    assert_claims_read_back(expected, readers.html_read(html))


def test_banner_heads_and_foots_the_page() -> None:
    root = lxml.html.fromstring(preview_html(small_document()))
    assert [e.text for e in root.xpath("//header|//footer")] == ["UNCLASSIFIED//FOR TRAINING"] * 2
    assert "(U) Two berths reopened on 18 December." in root.text_content()


def test_page_loads_nothing_from_outside_and_escapes_everything() -> None:
    source = Source(id="s1", title='<img src="http://evil.test/x.png">', url="https://example.org/")
    claim = Claim(
        id="c1",
        text="<script>alert(1)</script> <link rel=stylesheet href=http://evil.test/c.css>",
        citations=(Citation("s1", attribution="<iframe src=http://evil.test>"),),
    )
    doc = Document(
        BriefingInfo(title="</title><script>x</script>"),
        [source],
        [claim],
        [Section(id="k1", title="<style>body{}</style>", blocks=(Block.for_claim("c1"),))],
    )
    root = lxml.html.fromstring(preview_html(doc, ExportOptions()))
    assert not root.xpath("//script|//img|//iframe|//link|//object|//embed")
    assert len(root.xpath("//style")) == 1  # our own inline CSS only
    assert not [e for e in root.xpath("//*[@src]")]
    assert root.xpath("//title")[0].text == "</title><script>x</script>"
    assert "<script>alert(1)</script>" in root.text_content()
    links = [a.get("href") for a in root.xpath("//a[@href]")]
    assert all(h.startswith("#") or h == "https://example.org/" for h in links)
    csp = root.xpath("//meta[@http-equiv='Content-Security-Policy']")[0].get("content")
    assert "default-src 'none'" in csp
