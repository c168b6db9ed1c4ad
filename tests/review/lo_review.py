"""Edit a .docx in LibreOffice with change tracking on, then save it as .docx (UNO).

Run with a Python that has LibreOffice's ``uno`` module (Debian: /usr/bin/python3 with
python3-uno):  ``lo_review.py SRC DST PROFILE_DIR AUTHOR JSON_REPLACEMENTS``.
JSON_REPLACEMENTS is a list of [find, replace] or [find, replace, true] (a regular
expression, where "\\n" in the replacement starts a new paragraph).  With an empty list
the file is only opened and saved (a round trip).
"""

import contextlib
import json
import os
import subprocess
import sys
import time

import uno  # noqa: F401 - LibreOffice's bridge, present only in its own Python
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe, proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        if proc.poll() is not None:
            raise SystemExit("soffice exited")
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # noqa: BLE001 - not listening yet
            time.sleep(0.25)
    raise SystemExit("soffice did not answer")


def set_author(ctx, author):
    given, _, family = author.partition(" ")
    provider = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", ctx)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (prop("nodepath", "/org.openoffice.UserProfile/Data"),))
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", family)
    access.commitChanges()


def main():
    src, dst, profile, author, replacements = sys.argv[1:6]
    pipe = f"brf{os.getpid()}"
    proc = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}", "--headless",
         "--invisible", "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe, proc)
        set_author(ctx, author)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
        pairs = json.loads(replacements)
        if pairs:
            doc.RecordChanges = True
            for find, replace, *regex in pairs:
                descriptor = doc.createReplaceDescriptor()
                descriptor.SearchString, descriptor.ReplaceString = find, replace
                descriptor.SearchRegularExpression = bool(regex and regex[0])
                doc.replaceAll(descriptor)
        doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "MS Word 2007 XML"),))
        doc.close(True)
        with contextlib.suppress(Exception):  # the bridge goes away as it quits
            desktop.terminate()
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()


if __name__ == "__main__":
    main()
