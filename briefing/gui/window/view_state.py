"""Where the analyst left a briefing: the tab, the card, the source and how far each view
was scrolled, kept per file (QSettings) and restored when the file is opened again."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from briefing.gui.window.main_window import MainWindow

GROUP = "documents"
MAX_REMEMBERED = 50


def _key(window: MainWindow) -> str | None:
    path = window.session.path
    if path is None:
        return None
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"{GROUP}/{digest}"


def capture(window: MainWindow) -> dict[str, Any]:
    """What to remember of *window*'s views now."""
    outline = window.outline.current()
    return {
        "tab": window.tabs.currentIndex(),
        "claim": window.inspector.claim_editor.claim_id or "",
        "source": window.reader.source_id or "",
        "reader_scroll": window.reader.text.verticalScrollBar().value(),
        "board_scroll": window.board.view.verticalScrollBar().value(),
        "outline": list(outline) if outline is not None else None,
        "outline_scroll": window.outline.view.verticalScrollBar().value(),
    }


def save(window: MainWindow) -> None:
    key = _key(window)
    if key is not None:
        QSettings().setValue(key, json.dumps(capture(window)))


def restore(window: MainWindow) -> bool:
    """Put *window*'s views back as they were when the file was last closed."""
    key = _key(window)
    raw = QSettings().value(key) if key is not None else None
    try:
        state = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        state = None
    if not isinstance(state, dict):
        return False
    doc = window.session.doc
    source = state.get("source")
    if isinstance(source, str) and doc.has_source(source):
        window.reader.set_source(source)
    claim = state.get("claim")
    if isinstance(claim, str) and doc.has_claim(claim):
        window.select_claim(claim)
    window.outline.ensure_rows()  # rows to select and scroll to (else laid out later)
    outline = state.get("outline")
    if (isinstance(outline, list) and len(outline) == 2 and isinstance(outline[0], str)
            and doc.has_section(outline[0])):
        block = outline[1]
        if isinstance(block, int):
            window.outline.select_block(outline[0], block)
        else:
            window.outline.select_section(outline[0])
    tab = state.get("tab")
    if isinstance(tab, int) and 0 <= tab < window.tabs.count():
        window.tabs.setCurrentIndex(tab)
    for bar, name in ((window.reader.text.verticalScrollBar(), "reader_scroll"),
                      (window.board.view.verticalScrollBar(), "board_scroll"),
                      (window.outline.view.verticalScrollBar(), "outline_scroll")):
        value = state.get(name)
        if isinstance(value, int):
            bar.setValue(value)
    return True
