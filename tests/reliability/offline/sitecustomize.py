"""Loaded at start-up by every child of the offline test: log and refuse any network use.

An audit hook (PEP 578) sees every socket connection, name lookup, URL
request and child process a Python program starts, whichever library asks;
each one is written to ``$BRIEFING_NET_LOG`` and refused.
"""

import os
import sys

_LOG = os.environ.get("BRIEFING_NET_LOG", "")
_REFUSED = {
    "socket.connect",
    "socket.connect_ex",
    "socket.sendto",
    "socket.sendmsg",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
    "urllib.Request",
    "http.client.connect",
    "ftplib.connect",
    "smtplib.connect",
    "webbrowser.open",
    "subprocess.Popen",
    "os.system",
    "os.exec",
    "os.posix_spawn",
    "os.spawn",
}


def _hook(event: str, args: tuple) -> None:
    if event not in _REFUSED or not _LOG:
        return
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"{event} {args!r:.200}\n")
    raise PermissionError(f"offline test: {event} refused")


sys.addaudithook(_hook)
