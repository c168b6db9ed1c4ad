"""A hostile --reference-doc: zip bomb refused, remote template and external links dropped."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from briefing.core.document import Document
from briefing.core.errors import FileProblem
from briefing.core.model import BriefingInfo
from briefing.export import export_document
from briefing.ingest import word
from tests.export.expect import small_document
from tests.reliability.helpers import assert_one_line_error, run_cli

ATTACHED_TEMPLATE = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate")
EVIL = "https://templates.evil.example/house.dotm"
TRACKER = "https://tracker.evil.example/pixel"


def _hostile_template(path: Path) -> Path:
    """A house template that links a remote template and a header hyperlink, by hand."""
    document = docx.Document()
    settings_part = document.part._settings_part
    rid = settings_part.relate_to(EVIL, ATTACHED_TEMPLATE, is_external=True)
    document.settings.element.append(
        parse_xml(f'<w:attachedTemplate {nsdecls("w", "r")} r:id="{rid}"/>'))
    header = document.sections[0].header
    paragraph = header.paragraphs[0]
    paragraph.text = "House header "
    link = header.part.relate_to(TRACKER, RT.HYPERLINK, is_external=True)
    paragraph._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{link}"><w:r><w:t>our site</w:t></w:r>'
        "</w:hyperlink>"))
    document.save(str(path))
    with zipfile.ZipFile(path) as package:  # the attack is really in the template
        assert any(EVIL.encode() in package.read(n) for n in package.namelist())
    return path


def _all_bytes(path: Path) -> bytes:
    with zipfile.ZipFile(path) as package:
        return b"".join(package.read(name) for name in package.namelist())


def test_the_remote_template_and_external_links_do_not_reach_the_export(tmp_path: Path) -> None:
    template = _hostile_template(tmp_path / "house.docx")
    out = export_document(small_document(), tmp_path / "out.docx", reference_doc=template)
    data = _all_bytes(out)
    assert b"evil.example" not in data
    assert b"attachedTemplate" not in data
    out = export_document(Document(BriefingInfo(title="Plain")), tmp_path / "plain.docx",
                          reference_doc=template)  # unmarked: the template's header stays
    assert b"evil.example" not in _all_bytes(out)
    header = docx.Document(str(out)).sections[0].header.paragraphs[0]
    assert "".join(t.text for t in header._p.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")) == \
        "House header our site"


def test_a_zip_bomb_template_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(word, "MAX_DECOMPRESSED", 4 << 20)
    template = tmp_path / "bomb.docx"
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/media/filler.bin", b"\0" * (8 << 20))
    template.write_bytes(buffer.getvalue())
    assert template.stat().st_size < 200_000
    with pytest.raises(FileProblem, match="bomb.docx: would expand to 8 MB"):
        export_document(small_document(), tmp_path / "out.docx", reference_doc=template)
    assert not (tmp_path / "out.docx").exists()


def test_a_template_that_is_a_device_is_refused(tmp_path: Path) -> None:
    template = tmp_path / "house.docx"
    template.symlink_to("/dev/zero")
    doc = tmp_path / "R.json"
    assert run_cli("new", str(tmp_path / "R.briefing")).returncode == 0
    result = run_cli("export", str(tmp_path / "R.briefing"), "-o", str(tmp_path / "o.docx"),
                     "--reference-doc", str(template))
    assert_one_line_error(result, "house.docx", "not a regular file")
    assert not doc.exists()
