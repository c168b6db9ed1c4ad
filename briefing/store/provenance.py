"""Where a document came from: the analyst's own, or received from elsewhere.

A document counts as the analyst's own when it carries this user's *origin
stamp* and no download mark.  The stamp is a row of the file's ``history``
(action ``origin``): a random file id and an HMAC of it under a key that only
this user on this computer holds (``origin.key`` in Briefing's configuration
folder, readable by the user alone).  Every file the store writes is stamped;
a file received from someone else carries their stamp, which does not verify
here.  (A sender who once received a stamped file from this user could copy
that stamp into another file: the stamp decides only the extra caution below,
never whether the schema is verified, which happens at every open.)

The download mark is the operating system's: the ``Zone.Identifier`` stream on
Windows (zone 3 or 4), the ``com.apple.quarantine`` attribute on macOS, and the
``user.xdg.origin.url`` attribute browsers set on Linux.

A document from elsewhere gets the full ``integrity_check``, its journal never
runs, and the editor opens it in Protected mode (read-only until the analyst
chooses Enable Editing, which stamps it as theirs and removes the mark).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CONFIG_ENV = "BRIEFING_CONFIG_DIR"
ORIGIN_ACTION = "origin"
KEY_BYTES = 32
LINUX_ORIGIN_ATTR = "user.xdg.origin.url"
MAC_QUARANTINE_ATTR = "com.apple.quarantine"
INTERNET_ZONES = {3: "the Internet", 4: "a restricted site"}


@dataclass(frozen=True)
class Origin:
    own: bool
    where: str = ""
    """For a document from elsewhere, where it came from, in words."""


def config_dir() -> Path:
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    if os.name == "nt":
        return Path(os.environ.get("APPDATA") or Path.home()) / "Briefing"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Briefing"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "briefing"


def user_key() -> bytes | None:
    """This user's stamping key, made on first use; None if it cannot be kept."""
    path = config_dir() / "origin.key"
    with contextlib.suppress(OSError):
        data = path.read_bytes()
        if len(data) == KEY_BYTES:
            return data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0), 0o600)
    except FileExistsError:
        with contextlib.suppress(OSError):
            data = path.read_bytes()
            return data if len(data) == KEY_BYTES else None
        return None
    except OSError:
        return None
    key = secrets.token_bytes(KEY_BYTES)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    return key


def _mac(key: bytes, file_id: str) -> str:
    return hmac.new(key, f"briefing-origin:{file_id}".encode(), hashlib.sha256).hexdigest()


def new_stamp() -> str | None:
    key = user_key()
    if key is None:
        return None
    file_id = secrets.token_hex(16)
    return f"{file_id}:{_mac(key, file_id)}"


def is_own_stamp(detail: object) -> bool:
    if not isinstance(detail, str) or detail.count(":") != 1:
        return False
    key = user_key()
    file_id, mac = detail.split(":")
    return key is not None and hmac.compare_digest(_mac(key, file_id), mac)


def stamp(conn: sqlite3.Connection) -> None:
    """Add this user's origin stamp (inside the caller's transaction)."""
    value = new_stamp()
    if value is not None:
        conn.execute(
            "INSERT INTO history (at, action, detail) VALUES (datetime('now'), ?, ?)",
            (ORIGIN_ACTION, value),
        )


def origin_of(path: Path, conn: sqlite3.Connection) -> Origin:
    """Own or from elsewhere (the schema has been verified: history is a plain table)."""
    mark = download_mark(path)
    if mark:
        return Origin(False, mark)
    stamps = conn.execute(
        "SELECT detail FROM history NOT INDEXED WHERE action = ? LIMIT 16", (ORIGIN_ACTION,)
    ).fetchall()
    if any(is_own_stamp(detail) for (detail,) in stamps):
        return Origin(True)
    return Origin(False, "was not created by you on this computer")


# ------------------------------------------------------------- download marks
def download_mark(path: Path) -> str:
    """Where the OS says the file was downloaded from, in words; "" when unmarked."""
    if os.name == "nt":  # pragma: no cover - Windows only; parse_zone_identifier is tested
        try:
            text = Path(f"{path}:Zone.Identifier").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return parse_zone_identifier(text)
    if sys.platform == "darwin":  # pragma: no cover - macOS only; parse_quarantine is tested
        value = _mac_xattr(path, MAC_QUARANTINE_ATTR)
        return parse_quarantine(value) if value is not None else ""
    try:
        url = os.getxattr(path, LINUX_ORIGIN_ATTR)  # type: ignore[attr-defined,unused-ignore]  # Linux only
    except (OSError, AttributeError):
        return ""
    return f"was downloaded from {_printable(url.decode('utf-8', 'replace'))}"


def parse_zone_identifier(text: str) -> str:
    """Windows' ``[ZoneTransfer]`` stream: zone 3 (Internet) and 4 mark a download."""
    fields = {}
    for line in text.splitlines():
        key, _, value = line.partition("=")
        fields[key.strip().lower()] = value.strip()
    try:
        zone = int(fields.get("zoneid", ""))
    except ValueError:
        return ""
    if zone not in INTERNET_ZONES:
        return ""
    url = fields.get("hosturl") or fields.get("referrerurl")
    return f"was downloaded from {_printable(url)}" if url else \
        f"was downloaded from {INTERNET_ZONES[zone]}"


def parse_quarantine(value: bytes) -> str:
    """macOS' ``flags;time;agent;uuid``: the agent is the program that downloaded it."""
    parts = value.decode("utf-8", "replace").split(";")
    agent = parts[2] if len(parts) > 2 and parts[2] else ""
    return f"was downloaded (by {_printable(agent)})" if agent else "was downloaded"


def _printable(text: str) -> str:
    text = "".join(ch for ch in text if ch.isprintable())
    return text if len(text) <= 120 else text[:117] + "..."


def clear_download_mark(path: Path) -> None:
    """Remove the download mark (the analyst chose to trust the document)."""
    with contextlib.suppress(OSError, AttributeError):
        if os.name == "nt":  # pragma: no cover
            os.remove(f"{path}:Zone.Identifier")
        elif sys.platform == "darwin":  # pragma: no cover
            _mac_removexattr(path, MAC_QUARANTINE_ATTR)
        else:
            os.removexattr(path, LINUX_ORIGIN_ATTR)  # type: ignore[attr-defined,unused-ignore]  # Linux


def _libc() -> Any:  # pragma: no cover - macOS only (a ctypes.CDLL)
    import ctypes
    import ctypes.util

    return ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)


def _mac_xattr(path: Path, name: str) -> bytes | None:  # pragma: no cover - macOS only
    import ctypes

    buffer = ctypes.create_string_buffer(1024)
    size = _libc().getxattr(os.fsencode(path), name.encode(), buffer, 1024, 0, 0)
    return buffer.raw[:size] if size >= 0 else None


def _mac_removexattr(path: Path, name: str) -> None:  # pragma: no cover - macOS only
    _libc().removexattr(os.fsencode(path), name.encode(), 0)
