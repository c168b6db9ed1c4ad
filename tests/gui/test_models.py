"""Each item model passes qtmodeltester and follows Document events."""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefing.core.document import Document
from briefing.core.model import Citation, Claim, Section, Source
from briefing.gui.models.citations import CitationsModel
from briefing.gui.models.claims import ClaimFilter, ClaimFilterProxy, ClaimsModel
from briefing.gui.models.sources import CITED, SourcesModel


def _doc() -> Document:
    return Document(
        sources=[Source(id="s1", title="Article", text="One. Two."),
                 Source(id="s2", title="Report", text="Three.")],
        claims=[
            Claim(id="c1", text="Alpha", citations=(Citation("s1", "One.", 0, 4),)),
            Claim(id="c2", text="Beta", kind="judgment", confidence="high"),
            Claim(id="c3", text="Gamma", tags=("europe",),
                  citations=(Citation("s2"), Citation("s1"))),
        ],
        sections=[Section(id="k1", title="Key Judgments")],
    )


def _texts(model) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_sources_model_passes_tester_and_follows_edits(qtmodeltester):
    doc = _doc()
    model = SourcesModel(doc)
    qtmodeltester.check(model, force_py=True)
    assert _texts(model) == ["Article", "Report"]
    assert model.index(0, CITED).data() == 2
    doc.add_source(Source(id="s3", title="Post"), index=1)
    assert _texts(model) == ["Article", "Post", "Report"]
    doc.update_source("s3", title="Social post")
    assert model.index(1, 0).data() == "Social post"
    doc.remove_source("s3")
    doc.remove_citation("c3", 1)
    assert model.index(0, CITED).data() == 1
    qtmodeltester.check(model, force_py=True)


def test_claims_model_passes_tester_and_follows_edits(qtmodeltester):
    doc = _doc()
    model = ClaimsModel(doc)
    qtmodeltester.check(model, force_py=True)
    doc.add_claim(Claim(id="c4", text="Delta"))
    doc.update_claim("c1", text="Alpha 2")
    doc.delete_claim("c2")
    assert _texts(model) == ["Alpha 2", "Gamma", "Delta"]
    qtmodeltester.check(model, force_py=True)


def test_filter_proxy_passes_tester_and_hides_cards(qtmodeltester):
    doc = _doc()
    proxy = ClaimFilterProxy()
    proxy.setSourceModel(ClaimsModel(doc))
    proxy.set_filter(ClaimFilter(kind="judgment"))
    qtmodeltester.check(proxy, force_py=True)
    assert _texts(proxy) == ["Beta"]
    proxy.set_filter(ClaimFilter(source="s1"))
    assert _texts(proxy) == ["Alpha", "Gamma"]
    proxy.set_filter(ClaimFilter(tag="EUROPE"))
    assert _texts(proxy) == ["Gamma"]
    doc.place_claim("c1", "k1")
    proxy.set_filter(ClaimFilter(unplaced_only=True))
    assert _texts(proxy) == ["Beta", "Gamma"]
    proxy.set_filter(ClaimFilter(text="one."))
    assert _texts(proxy) == ["Alpha"], "text filter also searches citation quotes"


def test_citations_model_passes_tester_and_follows_edits(qtmodeltester):
    doc = _doc()
    model = CitationsModel(doc)
    model.set_claim("c3")
    qtmodeltester.check(model, force_py=True)
    assert _texts(model) == ["Report", "Article"]
    doc.update_citation("c3", 0, attribution="a spokesman")
    assert model.index(0, 2).data(Qt.ItemDataRole.DisplayRole) == "a spokesman"
    doc.remove_citation("c3", 0)
    assert _texts(model) == ["Article"]
    qtmodeltester.check(model, force_py=True)
