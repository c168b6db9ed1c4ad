"""Screenshots of the window's layout at a laptop's and a large monitor's size, for the
guide: ``python -m briefing.gui.layout_shots OUTDIR`` (run it under Xvfb or a desktop;
offscreen works too).

At 1366×768 the whole window (``window-1366.png``, ``reader-1366.png``); at 2560×1440
each pane on its own (``*-2560.png``), every picture at most 1400 px wide.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

MAX_WIDTH = 1400


def _save(widget, path: Path) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    image = widget.grab()
    if image.width() > MAX_WIDTH:
        image = image.scaledToWidth(MAX_WIDTH, Qt.TransformationMode.SmoothTransformation)
    image.save(str(path))


def _window(width: int, height: int):  # noqa: ANN202
    from briefing.gui.document.session import Session
    from briefing.gui.window.main_window import MainWindow
    from briefing.resources import sample_document

    window = MainWindow(Session(sample_document()))
    window.resize(width, height)
    window.show()
    return window


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    outdir = Path((argv or sys.argv[1:])[0])
    outdir.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QSettings, QStandardPaths, Qt

    QStandardPaths.setTestModeEnabled(True)
    from briefing.gui import dialogs
    from briefing.gui.app import make_application
    from briefing.gui.screenshots import _settle

    app = make_application([])
    app.setOrganizationName("BriefingScreenshots")
    QSettings().clear()
    dialogs.ask_save_changes = lambda *_a: "discard"
    for width, height, tag in ((1366, 768, "1366"), (2560, 1440, "2560")):
        window = _window(width, height)
        _settle(app, lambda w=window: w.checks.current)
        window.select_claim("c1")
        window.outline.select_claim("c1")
        app.processEvents()
        if tag == "1366":
            _save(window, outdir / "window-1366.png")
        else:
            for name, widget in (("outline", window.outline_dock),
                                 ("board", window.tabs), ("inspector", window.inspector_dock)):
                _save(widget, outdir / f"{name}-{tag}.png")
        source = window.session.doc.claim("c1").citations[0]
        window.open_source(source.source, source.start, source.end)
        window.reader.set_active_claim("c1")
        app.processEvents()
        _save(window if tag == "1366" else window.tabs, outdir / f"reader-{tag}.png")
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        window.close()
        app.processEvents()
    print(f"layout screenshots written to {outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
