"""The Checks dock: findings by severity, kept current, selectable and fixable (issue 7)."""

from __future__ import annotations

from briefing.checks import Severity
from briefing.gui.models.findings import FINDING_ROLE, FindingsModel
from briefing.resources import sample_document
from tests.gui.helpers import open_window


def _rows(model, parent=None):
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    return [model.index(r, 0, parent) for r in range(model.rowCount(parent))]


def test_checks_dock_lists_the_samples_warning_and_double_click_selects_c4(qtbot):
    window = open_window(qtbot, sample_document())
    checks = window.checks
    qtbot.waitUntil(lambda: checks.current, timeout=10_000)
    groups = [g.data() for g in _rows(checks.model)]
    assert groups == ["Warnings (1)", "Notes (2)"]
    [warning] = _rows(checks.model, _rows(checks.model)[0])
    opening = " ".join(window.session.doc.claim("c4").text.split()[:4])
    assert warning.data().startswith(f"c4 \u201c{opening}")  # named by its first words
    assert "ICD 203" in warning.data(0x03)  # the tooltip explains the rule
    assert warning.data(0x03).startswith(warning.data())  # and shows the whole line
    checks.view.setCurrentIndex(warning)
    assert "confidence" in checks.explain.text().lower()
    assert not checks.fix_button.isEnabled()  # this rule has no mechanical fix
    checks.view.doubleClicked.emit(warning)
    assert window.board.current_claim_id() == "c4"
    assert window.outline.current() == ("k1", 4)
    assert window.checks_label.text() == "0 errors · 1 warning"


def test_checks_update_after_an_edit_and_a_fix_is_undoable(qtbot):
    window = open_window(qtbot, sample_document())
    doc, checks = window.session.doc, window.checks
    doc_before = doc.info.classification
    window.session.doc.set_info(classification="U")  # now below the CONFIDENTIAL portion
    qtbot.waitUntil(lambda: checks.current and checks.model.count(Severity.ERROR) == 1,
                    timeout=10_000)
    assert window.checks_label.text().startswith("1 error")
    [error] = _rows(checks.model, _rows(checks.model)[0])
    finding = error.data(FINDING_ROLE)
    assert finding.rule == "banner-below-portion"
    checks.view.setCurrentIndex(error)
    assert checks.fix_button.isEnabled()
    checks.fix_button.click()
    assert doc.info.classification == doc_before
    qtbot.waitUntil(lambda: checks.current and checks.model.count(Severity.ERROR) == 0,
                    timeout=10_000)
    window.session.undo_stack.undo()
    assert doc.info.classification == "U"
    qtbot.waitUntil(lambda: checks.current and checks.model.count(Severity.ERROR) == 1,
                    timeout=10_000)


def test_findings_model_passes_modeltester(qtbot, qtmodeltester):
    from briefing.checks import run_checks

    model = FindingsModel()
    doc = sample_document()
    model.set_findings(run_checks(doc))
    qtmodeltester.check(model, force_py=True)
    doc.set_info(classification="U")
    model.set_findings(run_checks(doc))  # the tester watches the reset signals
    assert [model.index(r, 0).data() for r in range(model.rowCount())][0] == "Errors (1)"
    model.set_findings([])
    assert model.rowCount() == 0


def _notes(n: int, start: int = 0):
    from briefing.checks import Finding, Severity

    return [Finding("unplaced-claim", Severity.INFO, {"claim": f"c{i}"}, f"Claim c{i} unplaced")
            for i in range(start, start + n)]


def test_long_groups_are_fetched_as_the_view_scrolls(qtbot, qtmodeltester):
    from briefing.gui.models.findings import FETCH_ROWS

    model = FindingsModel()
    assert model.set_findings(_notes(FETCH_ROWS * 2 + 50))
    group = model.index(0, 0)
    assert model.rowCount(group) == FETCH_ROWS and model.canFetchMore(group)
    assert group.data() == f"Notes ({FETCH_ROWS * 2 + 50})"  # the title counts them all
    while model.canFetchMore(group):
        model.fetchMore(group)
    assert model.rowCount(group) == FETCH_ROWS * 2 + 50
    tested = FindingsModel()
    tested.set_findings(_notes(FETCH_ROWS * 2 + 50))
    qtmodeltester.check(tested, force_py=True)  # it fetches as a view would


def test_a_changed_finding_is_one_row_not_a_reset(qtbot):
    model = FindingsModel()
    model.set_findings(_notes(10))
    resets, inserted, removed = [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    assert not model.set_findings(_notes(10))  # the same findings: nothing happens
    assert not model.set_findings(_notes(4) + _notes(1, 50) + _notes(5, 5))
    assert resets == [] and removed == [(4, 4)] and inserted == [(4, 4)]
    assert model.index(4, 0, model.index(0, 0)).data() == "claim c50: Claim c50 unplaced"


def test_dock_lines_are_the_cli_report_lines_without_the_rule_code(qtbot):
    from briefing.checks import format_finding

    window = open_window(qtbot, sample_document())
    checks, doc = window.checks, window.session.doc
    qtbot.waitUntil(lambda: checks.current, timeout=10_000)
    rows = [row for group in _rows(checks.model) for row in _rows(checks.model, group)]
    assert rows
    for row in rows:
        finding = row.data(FINDING_ROLE)
        assert format_finding(finding, doc) == f"{finding.rule}: {row.data()}"
        assert "\u201c" in row.data()  # every sample finding is about a named record


def test_editing_a_claim_renames_its_finding_row_and_double_click_still_selects_it(qtbot):
    window = open_window(qtbot, sample_document())
    checks, doc = window.checks, window.session.doc
    qtbot.waitUntil(lambda: checks.current, timeout=10_000)
    resets, inserted = [], []
    checks.model.modelReset.connect(lambda: resets.append(1))
    checks.model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    doc.update_claim("c4", text="Officials expect the talks to stall before the spring thaw.")

    def warning_row():
        [row] = _rows(checks.model, _rows(checks.model)[0])
        return row

    qtbot.waitUntil(lambda: checks.current
                    and warning_row().data().startswith("c4 \u201cOfficials expect the talks to "
                                                        "stall\u2026\u201d: Judgment 'c4'"),
                    timeout=10_000)
    assert resets == [] and inserted == [(0, 0)]  # one row replaced: views repaint it
    checks.view.doubleClicked.emit(warning_row())
    assert window.board.current_claim_id() == "c4"


def test_a_finding_chosen_while_the_outline_is_shown_selects_its_row_there(qtbot):
    window = open_window(qtbot, sample_document())
    checks = window.checks
    qtbot.waitUntil(lambda: checks.current, timeout=10_000)
    window.outline.select_section("k2")
    [warning] = _rows(checks.model, _rows(checks.model)[0])
    checks.view.doubleClicked.emit(warning)
    assert window.outline.isVisible()
    assert window.outline.current() == ("k1", 4)  # c4's row
    assert window.inspector.claim_editor.claim_id == "c4"
