"""HTML export: standalone, offline, escaped, with the same notes and the banner."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source
from briefing.export import ExportOptions, build_ir, export_document, preview_html
from briefing.export.html_writer import claim_anchor, claim_from_title, render_preview
from briefing.export.sanitize import collapse
from tests.export import readers
from tests.export.expect import assert_claims_read_back, small_claims, small_document


def test_html_shows_claims_with_the_same_notes(tmp_path: Path) -> None:
    path = export_document(small_document(), tmp_path / "brief.html")
    html = path.read_text(encoding="utf-8")
    expected = small_claims(estimates=False, separator_in_text=True)
    assert_claims_read_back(expected, readers.html_read(html))


def test_banner_heads_and_foots_the_page() -> None:
    root = lxml.html.fromstring(preview_html(small_document()))
    banners = root.xpath("//div[@class='banner']")
    assert [e.text for e in banners] == ["UNCLASSIFIED//FOR TRAINING"] * 2
    body = root.xpath("//body")[0]
    assert body[0] is banners[0] and body[-1] is banners[1]
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


def test_each_claim_paragraph_is_an_anchor_named_after_its_claim() -> None:
    doc = small_document()
    root = lxml.html.fromstring(preview_html(doc))
    ir = build_ir(doc)
    for paragraph in (p for p in ir.body if getattr(p, "claim_id", None)):
        (element,) = root.xpath(f"//p[@id='{claim_anchor(paragraph.claim_id)}']")
        assert collapse(paragraph.text) in collapse(element.text_content())
    prose = [p for p in ir.body if hasattr(p, "claim_id") and p.claim_id is None]
    assert prose, "the fixture should have a prose paragraph"
    for paragraph in prose:
        assert not root.xpath("//p[@id][contains(., $t)]", t=collapse(paragraph.text))


def test_preview_parts_make_up_the_same_page() -> None:
    doc = small_document()
    ir = build_ir(doc)
    page = render_preview(ir, part_blocks=2)
    assert len(page.parts) > 3
    joined = lxml.html.fromstring("<div>" + "".join(page.parts) + "</div>")
    whole = lxml.html.fromstring(preview_html(doc)).xpath("//body")[0]
    assert collapse(joined.text_content()) == collapse(whole.text_content())
    for part in page.parts:  # each part is whole: every element it opens, it closes
        assert lxml.html.fragment_fromstring(part, create_parent="div").text_content().strip()
    # the notes keep their numbers across parts: each run starts where the last ended
    starts = [int(ol.get("start", "1")) for ol in joined.xpath("//div[@class='footnote']/ol")]
    counts = [len(ol) for ol in joined.xpath("//div[@class='footnote']/ol")]
    assert starts == [1 + sum(counts[:i]) for i in range(len(counts))]
    assert sum(counts) == len(ir.notes)
    # no ids for Qt; each claim's paragraph names its claim in its title instead
    assert not joined.xpath("//*[@id]")
    titled = {claim_from_title(p.get("title")): collapse(p.text_content())
              for p in joined.xpath("//p[@title]")}
    claims = {p.claim_id: p for p in ir.body if getattr(p, "claim_id", None)}
    assert set(titled) == set(claims)
    assert all(collapse(claims[c].text) in text for c, text in titled.items())
