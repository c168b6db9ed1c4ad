"""The desktop editor (PySide6).  The only package that imports Qt.

Entry point: :func:`briefing.gui.app.run`.
"""
