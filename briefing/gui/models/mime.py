"""Drag-and-drop payloads shared by the board and the outline (JSON in custom MIME types)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData

CLAIMS_MIME = "application/x-briefing-claims"
"""A JSON list of claim ids (dragged from the board)."""
PASSAGE_MIME = "application/x-briefing-passage"
"""A JSON object ``{"source": id, "start": n, "end": n}`` (a Reader selection dragged)."""
OUTLINE_MIME = "application/x-briefing-outline"
"""A JSON list of outline items: ``{"section": id}`` or ``{"block": [section id, index]}``."""


def encode(mime_type: str, payload: Any, text: str = "") -> QMimeData:
    data = QMimeData()
    data.setData(mime_type, json.dumps(payload).encode("utf-8"))
    if text:
        data.setText(text)
    return data


def decode(data: QMimeData, mime_type: str) -> Any:
    """The payload of *mime_type* in *data*, or None when absent or malformed."""
    if not data.hasFormat(mime_type):
        return None
    try:
        return json.loads(bytes(data.data(mime_type).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
