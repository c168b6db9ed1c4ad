"""The Outline tab: dropping cards, moving and re-nesting, inline edits, undo (issue 7)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from briefing.core import ops
from briefing.core.model import Section
from briefing.gui import dialogs
from briefing.gui.app import Editor
from briefing.gui.models import mime
from briefing.gui.models.claims import CLAIM_ID_ROLE, PLACED_ROLE
from briefing.gui.models.outline import OutlineModel
from briefing.resources import sample_document
from tests.gui.helpers import open_window

COPY = Qt.DropAction.CopyAction
MOVE = Qt.DropAction.MoveAction


def _titles(model: OutlineModel, parent: QModelIndex = QModelIndex()) -> list[str]:  # noqa: B008
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def _drag_cards(window, claim_ids: list[str]):
    """The mime data the board produces when the user drags these cards."""
    board = window.board
    indexes = [board.proxy.mapFromSource(board.model.index(board.model.row_of(c)))
               for c in claim_ids]
    return board.proxy.mimeData(indexes)


def test_outline_model_passes_modeltester_through_edits(qtbot, qtmodeltester):
    window = open_window(qtbot, sample_document())
    model = window.outline.model
    qtmodeltester.check(model, force_py=True)
    doc = window.session.doc
    window.session.push(__import__("briefing.core.ops", fromlist=["ops"]).InsertSection(
        Section(id="sub", title="Sub"), "k2", 0))
    model.dropMimeData(_drag_cards(window, ["c11"]), COPY, 2, 0, model.section_index("k3"))
    window.outline.select_section("k4")
    window.outline.move_item(-1)
    window.outline.indent()
    window.outline.outdent()
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert [s.title for s in doc.sections] == _titles(model)


def test_dragging_a_card_into_key_judgments_places_it_and_undo_returns_it(qtbot):
    window = open_window(qtbot, sample_document())
    doc, model = window.session.doc, window.outline.model
    key = model.section_index("k1")
    assert key.data() == "Key Judgments"
    data = _drag_cards(window, ["c11"])
    assert model.canDropMimeData(data, COPY, 2, 0, key)
    assert model.dropMimeData(data, COPY, 2, 0, key)
    shown = model.index(2, 0, key)
    assert shown.data(CLAIM_ID_ROLE) == "c11"
    assert doc.claim("c11").text.split()[0] in shown.data()
    assert doc.placement("c11") == ("k1", 2)
    card = window.board.model.index(window.board.model.row_of("c11"))
    assert card.data(PLACED_ROLE) is True
    window.session.undo_stack.undo()
    assert doc.placement("c11") is None
    assert doc.has_claim("c11")
    assert all(model.index(r, 0, key).data(CLAIM_ID_ROLE) != "c11"
               for r in range(model.rowCount(key)))
    window.session.undo_stack.redo()
    assert doc.placement("c11") == ("k1", 2)


def test_several_cards_dropped_in_order_are_one_undo_step(qtbot):
    window = open_window(qtbot, sample_document())
    doc, model, stack = window.session.doc, window.outline.model, window.session.undo_stack
    before = stack.count()
    assert model.dropMimeData(_drag_cards(window, ["c13", "c11"]), COPY, -1, 0,
                              model.section_index("k2"))
    assert [b.claim for b in doc.section("k2").blocks][-2:] == ["c11", "c13"]
    assert stack.count() == before + 1
    stack.undo()
    assert doc.placement("c11") is None and doc.placement("c13") is None


def test_renaming_a_section_inline_is_undoable(qtbot):
    window = open_window(qtbot, sample_document())
    model = window.outline.model
    index = model.section_index("k2")
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(index, "Context", Qt.ItemDataRole.EditRole)
    assert model.section_index("k2").data() == "Context"
    assert window.session.doc.section("k2").title == "Context"
    window.session.undo_stack.undo()
    assert model.section_index("k2").data() == "Background"


def test_prose_is_editable_inline_but_claims_are_not(qtbot):
    window = open_window(qtbot, sample_document())
    model, doc = window.outline.model, window.session.doc
    prose, claim = model.block_index("k1", 0), model.block_index("k1", 1)
    assert model.flags(prose) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(claim) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(prose, "Our own summary.", Qt.ItemDataRole.EditRole)
    assert doc.section("k1").blocks[0].text == "Our own summary."
    assert "Our own summary." in model.block_index("k1", 0).data()


def test_moving_a_section_into_its_own_child_is_refused(qtbot):
    window = open_window(qtbot, sample_document())
    doc, model = window.session.doc, window.outline.model
    from briefing.core import ops

    window.session.push(ops.InsertSection(Section(id="kid", title="Detail"), "k2"))
    child = model.section_index("kid")
    assert child.parent() == model.section_index("k2")
    data = model.mimeData([model.section_index("k2")])
    steps = window.session.undo_stack.count()
    for target in (child, model.section_index("k2")):
        assert not model.canDropMimeData(data, MOVE, -1, 0, target)
        assert not model.dropMimeData(data, MOVE, -1, 0, target)
    assert doc.parent_of("kid") == "k2" and doc.parent_of("k2") is None
    assert window.session.undo_stack.count() == steps
    # but it can go into another section, as one undoable step
    assert model.dropMimeData(data, MOVE, -1, 0, model.section_index("k4"))
    assert doc.parent_of("k2") == "k4"
    assert _titles(model) == ["Key Judgments", "Negotiations", "Outlook"]
    window.session.undo_stack.undo()
    assert _titles(model) == ["Key Judgments", "Background", "Negotiations", "Outlook"]


def test_dragging_blocks_and_sections_reorders_them(qtbot):
    window = open_window(qtbot, sample_document())
    doc, model = window.session.doc, window.outline.model
    # block c4 (k1, row 4) to the top of Outlook
    data = model.mimeData([model.block_index("k1", 4)])
    assert model.dropMimeData(data, MOVE, 0, 0, model.section_index("k4"))
    assert doc.placement("c4") == ("k4", 0)
    # Outlook to the top (drop on the root before row 0)
    assert model.dropMimeData(model.mimeData([model.section_index("k4")]), MOVE, 0, 0,
                              QModelIndex())
    assert _titles(model) == ["Outlook", "Key Judgments", "Background", "Negotiations"]
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert _titles(model) == ["Key Judgments", "Background", "Negotiations", "Outlook"]
    assert doc.placement("c4") == ("k1", 4)


def test_keyboard_moves_indent_and_outdent(qtbot):
    window = open_window(qtbot, sample_document())
    doc, outline = window.session.doc, window.outline
    outline.view.setFocus()
    outline.select_section("k3")
    qtbot.keyClick(outline.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [s.id for s in doc.sections] == ["k1", "k3", "k2", "k4"]
    qtbot.keyClick(outline.view, Qt.Key.Key_Tab)
    assert doc.parent_of("k3") == "k1"
    assert outline.current() == ("k3", None)  # the selection follows the moved section
    qtbot.keyClick(outline.view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert doc.parent_of("k3") is None
    outline.select_claim("c1")
    qtbot.keyClick(outline.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert doc.placement("c1") == ("k1", 2)
    assert outline.current() == ("k1", 2)


def test_removing_a_claim_returns_it_to_the_board(qtbot):
    window = open_window(qtbot, sample_document())
    doc = window.session.doc
    window.outline.select_claim("c2")
    window.outline.view.setFocus()
    window.act_delete()
    assert doc.has_claim("c2") and doc.placement("c2") is None
    assert window.session.undo_stack.undoText() == "Return Claim to Board"
    window.session.undo_stack.undo()
    assert doc.placement("c2") is not None


def test_insert_menu_adds_section_subsection_and_paragraph(qtbot):
    window = open_window(qtbot, sample_document())
    doc, outline = window.session.doc, window.outline
    outline.select_section("k2")
    window.actions_["insert_section"].trigger()
    assert window.outline.isVisible()
    assert [s.title for s in doc.sections][2] == "New section"
    new_id = doc.sections[2].id
    window.actions_["insert_subsection"].trigger()
    assert [s.title for s in doc.section(new_id).sections] == ["New section"]
    outline.select_claim("c5")
    window.actions_["insert_prose"].trigger()
    assert doc.section("k2").blocks[2].claim is None
    assert outline.current() == ("k2", 2)


def test_file_new_asks_for_a_template(qtbot, monkeypatch):
    editor = Editor()
    window = editor.new_window()
    qtbot.addWidget(window)
    monkeypatch.setattr(dialogs, "ask_template", lambda *_a: "memo")
    window.act_new()
    new = editor.windows[-1]
    qtbot.addWidget(new)
    assert new is not window
    assert _titles(new.outline.model) == ["Bottom Line Up Front", "Background", "Options",
                                          "Recommendation"]
    monkeypatch.setattr(dialogs, "ask_template", lambda *_a: None)
    window.act_new()
    assert editor.windows[-1] is new
    assert mime.CLAIMS_MIME in new.board.model.mimeTypes()


def test_alt_arrows_at_a_sections_edge_move_a_block_into_the_next_section(qtbot):
    window = open_window(qtbot, sample_document())
    doc, outline = window.session.doc, window.outline
    outline.view.setFocus()
    first = doc.section("k2").blocks[0]
    last = doc.section("k1").blocks[-1]
    outline.select_section("k2")
    outline._select(outline.model.block_index("k2", 0))
    qtbot.keyClick(outline.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert doc.section("k1").blocks[-1] == first  # now the last block of Key Judgments
    end = len(doc.section("k1").blocks) - 1
    assert outline.current() == ("k1", end)  # and still selected
    qtbot.keyClick(outline.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert doc.section("k2").blocks[0] == first  # back at the top of Background
    assert doc.section("k1").blocks[-1] == last
    window.session.undo_stack.undo()
    assert doc.section("k1").blocks[-1] == first
    assert window.session.undo_stack.redoText() == "Move Block"


def test_outline_is_shown_beside_board_and_reader_and_follows_the_board(qtbot):
    """The outline is a pane of its own, visible with the Board and with the Reader."""
    window = open_window(qtbot, sample_document())
    window.resize(1366, 740)
    outline = window.outline
    assert outline.isVisible() and window.board.isVisible()
    window.tabs.setCurrentWidget(window.reader)
    assert outline.isVisible() and window.reader.isVisible()
    placed = next(c.id for c in window.session.doc.claims if window.session.doc.is_placed(c.id))
    window.select_claim(placed)
    section, block = outline.current()
    assert window.session.doc.section(section).blocks[block].claim == placed


def _shown_blocks(model: OutlineModel, section_id: str) -> list[str]:
    parent = model.section_index(section_id)
    count = len(model._doc.section(section_id).blocks)
    return [model.index(r, 0, parent).data(CLAIM_ID_ROLE) for r in range(count)]


def test_a_block_moved_inside_its_section_shows_in_its_new_place_with_its_notes(qtbot):
    """Rows, note numbers and held indexes follow a move within a section (and its undo)."""
    from PySide6.QtCore import QPersistentModelIndex

    window = open_window(qtbot, sample_document())
    doc, model = window.session.doc, window.outline.model
    blocks = [b.claim for b in doc.section("k1").blocks]
    assert len(blocks) == 5 and all(blocks[1:])  # a paragraph, then four claims
    held = QPersistentModelIndex(model.block_index("k1", 3))  # e.g. the view's selection
    first_numbers = model.note_numbers(blocks[1])
    window.session.push(ops.MoveBlock("k1", 1, "k1", 4), "Move Block", None)
    assert _shown_blocks(model, "k1") == [blocks[0], blocks[2], blocks[3], blocks[4], blocks[1]]
    assert held.row() == 2 and held.data(CLAIM_ID_ROLE) == blocks[3]
    assert model.note_numbers(blocks[1]) != first_numbers
    superscripts = "".join(f" {n}".translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
                           for n in model.note_numbers(blocks[1]))
    assert model.block_index("k1", 4).data().endswith(superscripts)
    window.session.undo_stack.undo()
    assert _shown_blocks(model, "k1") == blocks
    assert held.row() == 3 and model.note_numbers(blocks[1]) == first_numbers


def test_a_long_block_takes_at_most_three_lines_of_the_binder(qtbot):
    """At 1366×768 the outline pane is narrow: a paragraph in full made rows so tall that
    only three or four blocks were visible. Rows stop at three lines (the last elided);
    the whole text stays in the row's tooltip."""


def test_the_outline_shows_every_section_open_once_the_window_has_painted(qtbot):
    """Its rows are laid out just after the first paint (a large briefing paints at once),
    and then every section is open, its first card visible where a user would click it."""
    window = open_window(qtbot, sample_document())
    window.resize(1366, 768)
    qtbot.waitExposed(window)
    view = window.outline.view
    key = view.model().index(0, 0)
    long_rows = [view.model().index(r, 0, key) for r in range(view.model().rowCount(key))]
    line = view.fontMetrics().lineSpacing()
    heights = [view.visualRect(i).height() for i in long_rows]
    assert heights and max(heights) <= 3 * line + 8
    texts = [window.session.doc.claim(i.data(CLAIM_ID_ROLE)).text
             for i in long_rows if i.data(CLAIM_ID_ROLE)]
    assert any(len(t) > 150 for t in texts)  # more than three lines of a ~250-px pane
    tips = [i.data(Qt.ItemDataRole.ToolTipRole) for i in long_rows if i.data(CLAIM_ID_ROLE)]
    assert all(text in tip for text, tip in zip(texts, tips, strict=True))


    model = window.outline.model
    key_judgments = model.index(0, 0)
    qtbot.waitUntil(lambda: view.isExpanded(key_judgments), timeout=2000)
    first = model.index(0, 0, key_judgments)
    rect = view.visualRect(first)
    assert rect.height() > 0 and view.viewport().rect().intersects(rect)
    assert all(view.isExpanded(model.index(row, 0)) for row in range(model.rowCount()))
