"""Opening a reviewed .docx safely: the parts a review needs, nothing executed or fetched.

The package is checked before anything is parsed: an OLE container (what Word
writes for a password-protected document, or a legacy .doc) is named as such, a
damaged zip or one expanding past the limit is refused (the ingest guard), and
each XML part is parsed without DTDs, entities or network access.  A macro-enabled
document (.docm) is read without its macros: the VBA project is never opened.
External relationships (linked images, templates) are never followed.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from briefing.core.errors import FileProblem
from briefing.core.reading import open_regular
from briefing.ingest.common import MAX_DECOMPRESSED
from briefing.ingest.word import check_zip

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_PART = 64 * 1024 * 1024
MAX_FILE = 200 * 1024 * 1024
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True, remove_comments=True
)
_WORD_PARTS = {
    "document": "word/document.xml",
    "comments": "word/comments.xml",
    "comments_extended": "word/commentsExtended.xml",
    "footnotes": "word/footnotes.xml",
    "endnotes": "word/endnotes.xml",
    "core": "docProps/core.xml",
}
_WHAT = {
    "comments": "the comments",
    "comments_extended": "the comment replies",
    "footnotes": "the footnotes",
    "endnotes": "the endnotes",
    "core": "the file's properties",
}


@dataclass
class Package:
    """The parsed parts of a reviewed file (None when a part is absent)."""

    path: Path
    parts: dict[str, etree._Element | None]
    custom_xml: list[bytes]
    warnings: list[str] = field(default_factory=list)
    sha256: str = ""


def read_bytes(path: Path) -> bytes:
    try:
        with open_regular(path) as handle:  # no device, FIFO or socket (issue 19)
            data = handle.read(MAX_FILE + 1)
        if len(data) > MAX_FILE:
            raise FileProblem(path, f"is too large to be a reviewed briefing "
                              f"(over {MAX_FILE >> 20} MB)")
        return data
    except FileNotFoundError:
        raise FileProblem(path, "no such file") from None
    except IsADirectoryError:
        raise FileProblem(path, "is a folder, not a .docx file") from None
    except OSError as error:
        raise FileProblem(path, f"cannot be read ({error.strerror or error})") from None


def parse_xml(data: bytes, path: Path, name: str) -> etree._Element:
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        raise FileProblem(path, f"is damaged: its part {name} is not well-formed XML") from None


def open_package(path: str | Path) -> Package:
    """The review-relevant parts of the .docx at *path* (raises FileProblem)."""
    path = Path(path)
    data = read_bytes(path)
    if data.startswith(OLE_MAGIC):
        raise FileProblem(
            path,
            "is password-protected or an old-style .doc; save it from Word as an "
            "unprotected .docx and import that",
        )
    check_zip(data, path, MAX_DECOMPRESSED)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        if _WORD_PARTS["document"] not in names:
            raise FileProblem(path, "is not a Word document (no word/document.xml)")
        warnings = []
        if any(n.lower().endswith("vbaproject.bin") for n in names):
            warnings.append("the file contains macros; they were ignored (never run)")
        parts: dict[str, etree._Element | None] = {}
        for key, name in _WORD_PARTS.items():
            parts[key] = None
            if name not in names:
                continue
            try:
                parts[key] = _read_part(archive, name, path)
            except FileProblem as problem:
                if key == "document":
                    raise
                warnings.append(f"{_WHAT[key]} could not be read ({problem.problem}); "
                                "the rest of the review is shown")
        custom = [
            archive.read(n)
            for n in sorted(names)
            if re.fullmatch(r"customXml/item\d+\.xml", n)
            and archive.getinfo(n).file_size <= MAX_PART
        ]
    return Package(path, parts, custom, warnings, hashlib.sha256(data).hexdigest())


def _read_part(archive: zipfile.ZipFile, name: str, path: Path) -> etree._Element:
    if archive.getinfo(name).file_size > MAX_PART:
        raise FileProblem(path, f"part {name} is larger than {MAX_PART >> 20} MB")
    try:
        data = archive.read(name)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise FileProblem(path, f"is damaged: its part {name} cannot be read") from None
    return parse_xml(data, path, name)
