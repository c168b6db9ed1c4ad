"""The Document keeps its invariants and every edit can be undone exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.core import ops
from briefing.core.document import Document
from briefing.core.errors import DomainError
from briefing.core.model import Block, Citation, Claim, Section, Source
from briefing.store.jsonio import dumps
from tests.strategies import documents, hostile_text


def small_doc() -> Document:
    doc = Document(
        sources=[Source("s1", "Article", text="Alpha said beta.")],
        claims=[
            Claim("c1", "Beta.", citations=(Citation("s1", quote="beta", start=11, end=15),)),
            Claim("c2", "Gamma."),
        ],
        sections=[
            Section("k1", "Key Judgments", blocks=(Block.for_claim("c1"),)),
            Section("k2", "Outlook"),
        ],
    )
    return doc


def test_claim_is_placed_at_most_once() -> None:
    doc = small_doc()
    with pytest.raises(DomainError, match="already placed"):
        doc.place_claim("c1", "k2")
    assert doc.placement("c1") == ("k1", 0)


def test_duplicate_ids_and_keys_are_refused() -> None:
    doc = small_doc()
    with pytest.raises(DomainError, match="already exists"):
        doc.add_claim(Claim("c1", "again"))
    doc.update_source("s1", key="smith2025")
    with pytest.raises(DomainError, match="already used"):
        doc.add_source(Source("s2", "Other", key="smith2025"))


def test_citation_must_name_an_existing_source() -> None:
    doc = small_doc()
    with pytest.raises(DomainError, match="no source with id 's9'"):
        doc.add_citation("c2", Citation("s9"))
    assert doc.claim("c2").citations == ()


def test_cited_source_cannot_be_removed_until_uncited() -> None:
    doc = small_doc()
    with pytest.raises(DomainError, match="cited 1 time"):
        doc.remove_source("s1")
    doc.remove_citation("c1", 0)
    doc.remove_source("s1")
    assert not doc.has_source("s1")


def test_section_cannot_move_into_its_own_descendant() -> None:
    doc = small_doc()
    doc.add_section(Section("k3", "Sub"), parent="k1")
    with pytest.raises(DomainError, match="into itself"):
        doc.move_section("k1", "k3", 0)
    assert [s.id for s in doc.sections] == ["k1", "k2"]


def test_removing_a_section_returns_its_claims_to_the_board() -> None:
    doc = small_doc()
    undo = doc.remove_section("k1")
    assert [c.id for c in doc.unplaced_claims()] == ["c1", "c2"]
    doc.apply(undo)
    assert doc.placement("c1") == ("k1", 0)


def test_delete_placed_claim_unplaces_it_and_undo_restores_both() -> None:
    doc = small_doc()
    before = dumps(doc)
    undo = doc.delete_claim("c1")
    assert not doc.has_claim("c1") and doc.section("k1").blocks == ()
    doc.apply(undo)
    assert dumps(doc) == before


def test_subscribers_see_each_applied_edit() -> None:
    doc = small_doc()
    seen: list[ops.Op] = []
    doc.events.subscribe(seen.append)
    doc.update_claim("c2", text="Changed")
    doc.add_prose("k2", "Analyst prose.")
    assert [type(op) for op in seen] == [ops.ReplaceClaim, ops.InsertBlock]


def test_failed_batch_leaves_document_unchanged() -> None:
    doc = small_doc()
    before = dumps(doc)
    batch = ops.Batch((ops.RenameSection("k1", "New"), ops.RemoveClaim("nope")))
    with pytest.raises(DomainError):
        doc.apply(batch)
    assert dumps(doc) == before


def test_bad_vocabulary_values_are_refused() -> None:
    doc = small_doc()
    with pytest.raises(DomainError, match="likelihood 'probably'"):
        doc.update_claim("c2", likelihood="probably")
    with pytest.raises(DomainError, match="lone surrogate"):
        doc.update_claim("c2", text="bad \ud800")


def _edits(doc: Document, data: st.DataObject) -> list[ops.Op]:
    claims = [c.id for c in doc.claims] or ["none"]
    sections = [s.id for s in doc.all_sections()] or ["none"]
    pick = data.draw
    return [
        ops.InsertClaim(Claim(doc.new_id("c"), pick(hostile_text)), pick(st.integers(0, 5))),
        ops.ReplaceClaim(Claim(pick(st.sampled_from(claims)), pick(hostile_text))),
        ops.RemoveClaim(pick(st.sampled_from(claims))),
        ops.MoveClaim(pick(st.sampled_from(claims)), pick(st.integers(0, 5))),
        ops.InsertBlock(pick(st.sampled_from(sections)), 0, Block.prose(pick(hostile_text))),
        ops.InsertBlock(pick(st.sampled_from(sections)), None, Block.for_claim(claims[0])),
        ops.RemoveBlock(pick(st.sampled_from(sections)), pick(st.integers(0, 3))),
        ops.MoveBlock(
            pick(st.sampled_from(sections)),
            0,
            pick(st.sampled_from(sections)),
            pick(st.integers(0, 3)),
        ),
        ops.MoveSection(pick(st.sampled_from(sections)), None, pick(st.integers(0, 2))),
        ops.MoveSection(pick(st.sampled_from(sections)), pick(st.sampled_from(sections)), 0),
        ops.RemoveSection(pick(st.sampled_from(sections))),
        ops.RenameSection(pick(st.sampled_from(sections)), pick(hostile_text)),
        ops.InsertSection(Section(doc.new_id("k"), "New"), None, pick(st.integers(0, 3))),
    ]


@given(documents(), st.data())
def test_any_sequence_of_edits_undoes_to_the_original(doc: Document, data: st.DataObject) -> None:
    original = dumps(doc)
    inverses: list[ops.Op] = []
    for _ in range(data.draw(st.integers(1, 12))):
        op = data.draw(st.sampled_from(_edits(doc, data)))
        state = dumps(doc)
        try:
            inverses.append(doc.apply(op))
        except DomainError:
            assert dumps(doc) == state, f"refused {op} changed the document"
    for inverse in reversed(inverses):
        doc.apply(inverse)
    assert dumps(doc) == original


def test_copy_is_independent_of_later_edits() -> None:
    doc = small_doc()
    seen: list[ops.Op] = []
    doc.events.subscribe(seen.append)
    snapshot = doc.copy()
    before = dumps(snapshot)
    doc.update_claim("c2", text="Edited")
    doc.unplace_claim("c1")
    doc.add_source(Source("s2", "Another"))
    assert dumps(snapshot) == before
    assert snapshot.placement("c1") == ("k1", 0)
    snapshot.update_claim("c2", text="Edited in the copy")
    assert doc.claim("c2").text == "Edited" and len(seen) == 3


def test_each_kind_of_record_is_numbered_from_one():
    """A new document's first source is s1 and its first claim c1, whatever came before."""
    doc = Document()
    assert doc.new_id("s") == "s1"
    doc.apply(ops.InsertSource(Source(id=doc.new_id("s"), title="A"), None, None))
    doc.apply(ops.InsertSection(Section(id=doc.new_id("k"), title="S"), None, None))
    assert doc.new_id("c") == "c1"
    doc.apply(ops.InsertClaim(Claim(id=doc.new_id("c"))))
    assert [doc.new_id(p) for p in "sck"] == ["s2", "c2", "k2"]


def test_a_bound_listener_is_forgotten_with_its_object_and_a_function_is_kept() -> None:
    import gc

    from briefing.core.events import Emitter

    class Panel:
        def __init__(self) -> None:
            self.seen: list[object] = []

        def on_op(self, op: object) -> None:
            self.seen.append(op)

    emitter, heard = Emitter(), []
    panel, kept = Panel(), Panel()
    emitter.subscribe(panel.on_op)
    emitter.subscribe(kept.on_op)
    emitter.subscribe(kept.on_op)  # once only
    emitter.subscribe(heard.append)
    assert emitter.listener_count() == 3
    emitter.emit("op1")  # any object stands for an op here
    del panel
    gc.collect()
    assert emitter.listener_count() == 2
    emitter.emit("op2")
    assert kept.seen == ["op1", "op2"] and heard == ["op1", "op2"]
    emitter.unsubscribe(kept.on_op)
    emitter.emit("op3")
    assert kept.seen == ["op1", "op2"] and heard == ["op1", "op2", "op3"]


def test_failed_batch_undoes_its_steps_last_first() -> None:
    """Issue 14: with two steps done before the failure, undoing them in the order they
    were done puts the claims back as a, c, b."""
    doc = Document(claims=[Claim("a", "A."), Claim("b", "B."), Claim("c", "C.")])
    batch = ops.Batch((ops.RemoveClaim("b"), ops.RemoveClaim("c"), ops.RemoveClaim("nope")))
    with pytest.raises(DomainError):
        doc.apply(batch)
    assert [c.id for c in doc.claims] == ["a", "b", "c"]
