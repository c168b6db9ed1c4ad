"""Pure domain layer: model, vocabularies, the Document mutation API and errors.

Nothing in this package performs I/O beyond small helpers in :mod:`atomic`,
and nothing here imports Qt.
"""
