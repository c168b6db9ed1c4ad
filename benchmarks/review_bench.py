"""Review figures: reading a reviewed 1,000-claim export (200 comments, 500 tracked
changes) against pandoc reading the same file (``--track-changes=all -t json``).

The reviewed file is made here with lxml, as Word marks a review up: tracked
replacements (``w:del`` + ``w:ins``) in 500 claim paragraphs, 200 comments on
others.  Both the in-process read and ``briefing review --json`` as a whole
process are set against the pandoc process, run alternately.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pypandoc
from lxml import etree

from benchmarks.generate import synthetic_document
from benchmarks.harness import Figure, alternate, measure, python_command
from briefing.core import ops
from briefing.core.model import evolve
from briefing.documents import save_document
from briefing.export import export_document
from briefing.review import read_review

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
RATIO_TARGET = 0.5
DATE = "2026-01-05T10:00:00Z"


def _revision(tag: str, rid: int, text: str) -> etree._Element:
    element = etree.Element(f"{W}{tag}", {f"{W}id": str(rid), f"{W}author": "Bench Reviewer",
                                          f"{W}date": DATE})
    run = etree.SubElement(element, f"{W}r")
    etree.SubElement(run, f"{W}{'delText' if tag == 'del' else 't'}").text = text
    return element


def _mark_up(root: etree._Element, changes: int, comments: int) -> int:
    claims = [p for p in root.iter(f"{W}p")
              if any((s.get(f"{W}name") or "").startswith("_brf_c_")
                     for s in p.iter(f"{W}bookmarkStart"))]
    rid = 1000
    for paragraph in claims[:changes]:
        t = next(paragraph.iter(f"{W}t"))
        words = (t.text or "").split(" ")
        if len(words) < 3:
            continue
        t.text = " ".join(words[:-2]) + " "
        run = t.getparent()
        deleted = _revision("del", rid, words[-2])
        inserted = _revision("ins", rid + 1, "reportedly")
        rest = etree.Element(f"{W}r")
        rest_text = etree.SubElement(rest, f"{W}t")
        rest_text.text = " " + words[-1]
        rest_text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.addnext(deleted)
        deleted.addnext(inserted)
        inserted.addnext(rest)
        rid += 2
    for number, paragraph in enumerate(claims[changes : changes + comments]):
        start = etree.Element(f"{W}commentRangeStart", {f"{W}id": str(number)})
        paragraph.insert(1, start)
        etree.SubElement(paragraph, f"{W}commentRangeEnd", {f"{W}id": str(number)})
        ref = etree.SubElement(paragraph, f"{W}r")
        etree.SubElement(ref, f"{W}commentReference", {f"{W}id": str(number)})
    return min(comments, max(0, len(claims) - changes))


def _comments_xml(count: int) -> bytes:
    body = "".join(
        f'<w:comment w:id="{n}" w:author="Bench Reviewer" w:initials="BR" w:date="{DATE}">'
        f"<w:p><w:r><w:t>Check this, please ({n}).</w:t></w:r></w:p></w:comment>"
        for n in range(count)
    )
    return f'<w:comments xmlns:w="{W_NS}">{body}</w:comments>'.encode()


def reviewed_file(tmp: Path, claims: int = 1000, changes: int = 500,
                  comments: int = 200) -> tuple[Path, Path]:
    """The .briefing and its reviewed export."""
    doc = synthetic_document(claims, 100, 10)
    doc.apply(ops.SetInfo(evolve(doc.info, extra={"document_id": "bench"})))
    brief = tmp / f"review{claims}.briefing"
    if brief.exists():
        brief.unlink()
    save_document(doc, brief)
    exported = export_document(doc, tmp / f"review{claims}.docx")
    with zipfile.ZipFile(exported) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    made = _mark_up(root, changes, comments)
    parts["word/document.xml"] = etree.tostring(root)
    parts["word/comments.xml"] = _comments_xml(made)
    types = parts["[Content_Types].xml"].decode().replace(
        "</Types>", '<Override PartName="/word/comments.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>')
    parts["[Content_Types].xml"] = types.encode()
    rels = parts["word/_rels/document.xml.rels"].decode().replace(
        "</Relationships>", '<Relationship Id="rId990" Type="http://schemas.openxmlformats.org'
        '/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>')
    parts["word/_rels/document.xml.rels"] = rels.encode()
    reviewed = tmp / f"reviewed{claims}.docx"
    with zipfile.ZipFile(reviewed, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return brief, reviewed


def review_figures(tmp: Path, claims: int = 1000, changes: int = 500, comments: int = 200,
                   runs: int = 5) -> Iterator[Figure | str]:
    brief, reviewed = reviewed_file(tmp, claims, changes, comments)
    from briefing.documents import load_document

    doc = load_document(brief)
    review = read_review(doc, reviewed)
    yield (f"review of {claims:,} claims: {len(review.items)} items "
           f"({sum(i.kind == 'comment' for i in review.items)} comments)")
    commands = {
        "ours": python_command("briefing", "review", str(brief), str(reviewed), "--json"),
        "pandoc": [pypandoc.get_pandoc_path(), "--track-changes=all", "-t", "json",
                   str(reviewed), "-o", str(tmp / "review.json")],
    }
    times = alternate(commands, runs)
    inside = measure(lambda: read_review(doc, reviewed), repeat=runs, warmup=1)
    label = f"{claims:,} claims, {comments} comments, {changes} changes"
    yield Figure(f"read review ({label}) in process", inside, peer_runs=times["pandoc"],
                 peer_name="pandoc --track-changes=all", ratio_target=RATIO_TARGET)
    yield Figure(f"briefing review --json ({label}) (process)", times["ours"],
                 peer_runs=times["pandoc"], peer_name="pandoc --track-changes=all",
                 ratio_target=RATIO_TARGET, ratio_acceptable=1.0)
