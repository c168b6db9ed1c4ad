"""Nothing fetched, nothing run: the whole CLI workflow with the network refused.

Every ``briefing`` command runs in a child whose ``sitecustomize`` installs an
audit hook that logs and refuses sockets, name lookups, URL requests and child
processes.  The sources carry remote images, scripts, style sheets and
frames; the exports must not reference any remote resource (a hyperlink the
analyst cited stays a plain ``<a href>`` link, never loaded by itself).
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import lxml.html
import markdown
import pytest

from tests.ingest import builders
from tests.reliability.helpers import (
    HOSTILE_PAGE,
    REPO,
    cli_command,
    marked_document,
    write_json,
)

OFFLINE = Path(__file__).resolve().parent / "offline"
CITED_LINK = "https://example.org/harbour/report-2025"

RESOURCE_TAGS = {
    "img", "script", "link", "iframe", "frame", "object", "embed", "base", "audio", "video",
    "source", "track", "image", "use", "picture", "input", "form", "meta",
}  # fmt: skip
REMOTE = re.compile(r"(https?:)?//", re.IGNORECASE)


def _hostile_json(tmp_path: Path) -> Path:
    data = marked_document("S", "S")
    data["claims"][0]["text"] = (
        'Crane <img src="https://tracker.example.net/x.png"> and '
        "![map](https://t.example.net/m.png) "
        "<script src=https://t.example.net/s.js></script> [pilot](javascript:alert(1))"
    )
    data["claims"][1]["citations"][0]["note"] = f"See the board's report at {CITED_LINK}"
    data["sources"][0]["url"] = CITED_LINK
    return write_json(tmp_path / "hostile.json", data)


def _offline(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PYTHONPATH": f"{OFFLINE}:{REPO}",
        "BRIEFING_NET_LOG": str(tmp_path / "network.log"),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    return subprocess.run(
        cli_command(*args), capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120
    )


def test_the_audit_hook_catches_a_fetch(tmp_path: Path) -> None:
    """The guard itself works: a plain fetch is logged and refused."""
    code = "import urllib.request; urllib.request.urlopen('http://192.0.2.1/', timeout=1)"
    env = {"PYTHONPATH": str(OFFLINE), "BRIEFING_NET_LOG": str(tmp_path / "network.log")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env)
    assert result.returncode != 0
    assert "urllib.Request" in (tmp_path / "network.log").read_text()


def _assert_no_remote_resources(page: str) -> None:
    root = lxml.html.document_fromstring(page)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in RESOURCE_TAGS:
            assert tag == "meta" and element.get("http-equiv", "").lower() != "refresh", tag
        for name, value in element.attrib.items():
            if name.lower() == "href":
                assert tag == "a", f"<{tag} href> loads {value}"
                assert not value.lower().startswith("javascript:"), value
            elif name.lower() in ("src", "srcset", "data", "poster", "background", "action"):
                raise AssertionError(f"<{tag} {name}={value!r}> loads a resource")
            elif name.lower() == "style":
                assert "url(" not in value.lower(), value
    for style in root.iter("style"):
        assert "url(" not in (style.text or "").lower() and "@import" not in (style.text or "")


def test_whole_workflow_makes_no_connection(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("Tug crews expect longer shifts.\n", encoding="utf-8")
    (tmp_path / "page.html").write_bytes(HOSTILE_PAGE)
    (tmp_path / "review.docx").write_bytes(builders.make_docx())
    (tmp_path / "grain.pdf").write_bytes(builders.make_pdf())
    doc = tmp_path / "work.briefing"
    steps = [
        ("export", str(_hostile_json(tmp_path)), "-o", str(doc)),
        ("import", str(doc), "notes.txt", "page.html", "review.docx", "grain.pdf"),
        ("check", str(doc)),
        ("export", str(doc), "-o", "out.docx"),
        ("export", str(doc), "-o", "out.md"),
        ("export", str(doc), "-o", "out.html"),
        ("review", str(doc), "out.docx"),  # its links (external relationships) not followed
    ]
    for args in steps:
        result = _offline(tmp_path, *args)
        assert result.returncode in (0, 1), (args, result.stderr)
        assert "Traceback" not in result.stderr
    log = tmp_path / "network.log"
    assert not log.exists(), f"network use attempted:\n{log.read_text()}"

    page = (tmp_path / "out.html").read_text(encoding="utf-8")
    # the claim's markup is shown as text, not obeyed
    assert "<script src=https://t.example.net/s.js>" in lxml.html.fromstring(page).text_content()
    _assert_no_remote_resources(page)
    assert CITED_LINK in page, "the analyst's cited link should survive as text or a link"

    text = (tmp_path / "out.md").read_text(encoding="utf-8")
    _assert_no_remote_resources(markdown.markdown(text, extensions=["footnotes"]))

    with zipfile.ZipFile(tmp_path / "out.docx") as package:
        for name in package.namelist():
            if name.endswith(".rels"):
                rels = package.read(name).decode("utf-8")
                for rel in re.findall(r"<Relationship [^>]*>", rels):
                    if 'TargetMode="External"' in rel:
                        assert rel.count("/hyperlink") == 1, f"{name}: {rel}"


@pytest.mark.parametrize("tag", ["img", "script", "iframe"])
def test_imported_page_keeps_text_but_no_resource(tmp_path: Path, tag: str) -> None:
    from briefing.ingest import import_bytes, sequential_ids

    (item,) = import_bytes(HOSTILE_PAGE, "page.html", new_id=sequential_ids(lambda _: False))
    assert "berth four would restart on Monday" in item.source.text
    assert "tracker.example.net" not in item.source.text
    assert "fetch(" not in item.source.text and f"<{tag}" not in item.source.text
