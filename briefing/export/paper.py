"""Paper size of an export: A4, or US Letter in the countries that use it."""

from __future__ import annotations

import locale
import os
import sys

LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PR"})
"""Where letter paper is the norm (CLDR's paper-size data, the common cases)."""


def default_paper() -> str:
    """ "letter" where the user's locale is in a letter-paper country, else "a4"."""
    for name in ("LC_PAPER", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            break
    else:
        value = (locale.getlocale()[0] or "") if sys.platform != "win32" else ""
    territory = value.split(".")[0].replace("-", "_").partition("_")[2].upper()
    return "letter" if territory in LETTER_TERRITORIES else "a4"
