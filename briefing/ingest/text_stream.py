"""Decoding and cleaning a large text file piece by piece, with a bounded peak.

``clean_text(decode_text(data))`` holds the file's bytes, the whole decoded text,
its lines as separate strings and the cleaned text at once: about five times the
file.  Here the bytes are decoded incrementally, each piece (whole lines: it
ends at a newline, so a CRLF pair is never split) is cleaned on its own by the
same :func:`briefing.ingest.common.clean_text` rules, and the pieces are
appended to one string that grows in place: the peak is the bytes, the text and
one piece, about twice the file (the bytes are kept as the source's original).
The result is exactly ``clean_text(decode_text(data, path))``.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from briefing.core.errors import FileProblem
from briefing.ingest.common import looks_binary, normalise_newlines
from briefing.ingest.text import bom_encoding, decode_text, legacy_encoding

PIECE_BYTES = 4 << 20
BINARY_SAMPLE = 65536
SMALL = 8 << 20
"""Below this, the plain decode and clean is used (no gain in pieces)."""


def decode_clean(data: bytes, path: Path) -> str:
    """The cleaned text of *data* (FileProblem when binary or of no known encoding)."""
    from briefing.ingest.common import clean_text

    if len(data) < SMALL:
        return clean_text(decode_text(data, path))
    encoding = bom_encoding(data) or "utf-8"
    try:
        text = _decoded(data, encoding, path)
    except UnicodeDecodeError:
        if encoding != "utf-8":
            raise FileProblem(path, f"is not valid {encoding} text") from None
        legacy = legacy_encoding(data)
        if legacy is None:
            raise FileProblem(path, "is not text in any encoding we recognise (binary file?)"
                              ) from None
        try:
            text = _decoded(data, legacy, path)
        except (UnicodeDecodeError, LookupError):
            raise FileProblem(path, f"is not valid {legacy} text") from None
    return text.strip("\n")


def _decoded(data: bytes, encoding: str, path: Path) -> str:
    """The cleaned text, grown piece by piece: ``text += piece`` on the only reference
    resizes the string in place, so the pieces and the whole never coexist."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    view = memoryview(data)
    text = ""
    carry = ""
    sample: str | None = ""
    for start in range(0, len(data), PIECE_BYTES):
        final = start + PIECE_BYTES >= len(data)
        decoded = decoder.decode(view[start:start + PIECE_BYTES], final)
        if sample is not None:  # looks_binary's sample: the text's first characters
            sample += decoded[:BINARY_SAMPLE - len(sample)]
            if len(sample) >= BINARY_SAMPLE or final:
                _refuse_binary(sample, path)
                sample = None
        if "\x00" in decoded:
            raise FileProblem(path, "looks like a binary file, not text")
        chunk = carry + decoded
        cut = len(chunk) if final else chunk.rfind("\n") + 1
        carry = chunk[cut:]
        if cut:
            text += _clean_piece(chunk[:cut])
        del chunk, decoded
    if carry:
        text += _clean_piece(carry)
    return text


def _refuse_binary(first: str, path: Path) -> None:
    if looks_binary(first):
        raise FileProblem(path, "looks like a binary file, not text")


def _clean_piece(piece: str) -> str:
    """clean_text's rules for whole lines, without its strip of the text's ends."""
    from briefing.ingest.common import _CONTROL

    piece = normalise_newlines(piece).replace("\ufeff", "")
    piece = _CONTROL.sub("", piece)
    return "\n".join(line.rstrip(" \t") for line in piece.split("\n"))
