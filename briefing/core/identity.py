"""A briefing's own identity: a random id kept in the briefing's properties.

The id travels in every Word export (:mod:`briefing.export.docx_identity`) so a
reviewed copy can be matched to the briefing it came from.  It is stored as the
optional ``document_id`` field of the briefing properties (``info.extra``), so
both the .briefing file and the ``briefing/v1`` JSON keep it without a schema change.
"""

from __future__ import annotations

import uuid

from briefing.core import ops
from briefing.core.document import Document
from briefing.core.model import BriefingInfo, evolve

ID_FIELD = "document_id"


def document_id(doc: Document) -> str:
    """The briefing's id, or "" for one made before ids existed."""
    return str(doc.info.extra.get(ID_FIELD) or "")


def identified(info: BriefingInfo) -> BriefingInfo:
    """*info* with a fresh id when it has none (the same record otherwise)."""
    if info.extra.get(ID_FIELD):
        return info
    extra = {**info.extra, ID_FIELD: str(uuid.uuid4())}
    fresh: BriefingInfo = evolve(info, extra=extra)
    return fresh


def ensure_document_id(doc: Document) -> str:
    """Give *doc* an id if it has none (an edit the store saves, outside undo); return it."""
    if not document_id(doc):
        doc.apply(ops.SetInfo(identified(doc.info)))
    return document_id(doc)
