"""Opening a file from elsewhere for reading: only a regular file, never blocking.

An input path may name a device (a symlink to ``/dev/zero`` reads forever), a
FIFO (its open waits for a writer) or a socket.  :func:`open_regular` opens
without blocking and checks what was opened, so every reader of outside files
(imports, JSON documents, templates, reviewed files) refuses such a path in one
line instead of hanging or reading without end.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from briefing.core.errors import FileProblem


def open_regular(path: Path) -> BinaryIO:
    """*path* opened for reading if it is a regular file (FileProblem otherwise).

    The open does not block on a FIFO (``O_NONBLOCK``), and the check is made on the
    opened file, so a swapped symlink cannot slip a device in between.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise FileProblem(path, "is not a regular file (a device, pipe or socket); "
                              "only files can be imported")
        if hasattr(os, "O_NONBLOCK"):  # POSIX: back to ordinary reads
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
