"""Command-line front end (DESIGN §5).  Never imports Qt except to open the editor.

Exit codes: 0 ok, 1 check found errors, 2 bad usage or unreadable input.
User errors print one line on stderr naming the file, never a traceback.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import __version__
from briefing.core.document import Document
from briefing.core.errors import BriefingError, FileProblem
from briefing.documents import load_document, save_document

if TYPE_CHECKING:
    from briefing.store.database import Store

COMMANDS = ("new", "import", "export", "check", "review", "history", "open", "clean-copy")
EXPORT_SUFFIXES = (".briefing", ".json", ".docx", ".md", ".html", ".pdf")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Offline editor for cited analytic briefings.",
        epilog="Run 'briefing COMMAND --help' for a command's options. "
        "With only FILE (or nothing), opens the editor.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_open = sub.add_parser("open", help="open the editor (the default command)")
    p_open.add_argument("file", nargs="?", help=".briefing or .json document")

    p_new = sub.add_parser("new", help="create a new .briefing document")
    p_new.add_argument("file")
    p_new.add_argument("--template", default="assessment", help="outline template or 'sample'")
    p_new.add_argument("--title", default="Untitled briefing")

    p_import = sub.add_parser("import", help="add sources to a .briefing document")
    p_import.add_argument("file")
    p_import.add_argument("sources", nargs="+", metavar="SOURCE")

    p_export = sub.add_parser("export", help="export or convert a document")
    p_export.add_argument("input", help=".briefing or .json")
    p_export.add_argument("-o", "--output", required=True, help="; ".join(EXPORT_SUFFIXES))
    p_export.add_argument("--notes", choices=("footnotes", "endnotes"))
    p_export.add_argument("--reference-doc", metavar="T.docx",
                          help="Word house-style template (.docx, .dotx or .dotm; macros never "
                          "carried)")
    p_export.add_argument(
        "--note-form",
        choices=("short", "full"),
        help="later notes to a source: short form after the first full note, or always in "
        "full (default: what the briefing says, else short)",
    )
    p_export.add_argument(
        "--paper", choices=("a4", "letter"),
        help=".docx without --reference-doc: paper size (default: from the locale)",
    )
    p_export.add_argument(
        "--contents", action="store_true",
        help=".docx: a table of contents after the title (Word fills it on update)",
    )
    p_export.add_argument(
        "--keep-empty-sections", action="store_true",
        help="keep the headings of sections with nothing in them (left out by default)",
    )
    p_export.add_argument(
        "--ibid", action="store_true", help='write "Ibid." for a note to the source just cited'
    )
    p_export.add_argument(
        "--show-confidence", action="store_true", help="show judgments' confidence and likelihood"
    )
    p_export.add_argument(
        "--sourcing-summary", action="store_true", help="append a sourcing summary"
    )
    p_export.add_argument(
        "--citations",
        choices=("notes", "pandoc"),
        default="notes",
        help=".md only: footnotes (default) or pandoc [@key] citations plus OUTPUT.csl.json",
    )
    p_export.add_argument(
        "--bibliography", choices=("embedded", "file"), default="embedded",
        help="with --citations pandoc: CSL items in the front matter (default) or in "
        "OUTPUT.csl.json beside it",
    )
    p_export.add_argument(
        "--override-marking",
        action="store_true",
        help="export although the classification is below a portion mark (banner raised; "
        "recorded in a .briefing's history)",
    )

    p_check = sub.add_parser("check", help="lint sourcing, estimative language and markings")
    p_check.add_argument("input")
    p_check.add_argument("--json", action="store_true", help="machine-readable findings")

    p_review = sub.add_parser(
        "review", help="what a colleague's reviewed .docx proposes, per card and section"
    )
    p_review.add_argument("input", help="the .briefing (or .json) the .docx was exported from")
    p_review.add_argument("reviewed", help="the reviewed .docx")
    p_review.add_argument("--json", action="store_true", help="machine-readable items")

    p_history = sub.add_parser(
        "history", help="what happened to a briefing, newest first: review imports and "
        "decisions, exports with a marking override")
    p_history.add_argument("input", help=".briefing (a .json has only its review decisions)")

    p_clean = sub.add_parser(
        "clean-copy", help="copy a refused document's records into a fresh file, running none "
        "of its SQL")
    p_clean.add_argument("input", help="the .briefing that was refused")
    p_clean.add_argument("-o", "--output", help="default: 'INPUT (clean copy).briefing'")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
        args_list.insert(0, "open")
    args = _parser().parse_args(args_list)
    try:
        return _dispatch(args)
    except BriefingError as error:
        print(f"briefing: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "open":
        return _open_editor(args.file)
    if args.command == "new":
        return _new(Path(args.file), args.template, args.title)
    if args.command == "import":
        return _import(Path(args.file), [Path(s) for s in args.sources])
    if args.command == "export":
        return _export(args)
    if args.command == "history":
        return _history(Path(args.input))
    if args.command == "review":
        return _review(Path(args.input), Path(args.reviewed), as_json=args.json)
    if args.command == "clean-copy":
        return _clean_copy(Path(args.input), Path(args.output) if args.output else None)
    return _check(Path(args.input), as_json=args.json)


def _open_editor(file: str | None) -> int:
    if file is not None:
        path = Path(file)
        if not path.exists():
            raise FileProblem(path, "no such file")
    try:
        from briefing.gui.app import run
    except ImportError as error:
        print(f"briefing: the editor cannot start: {error}", file=sys.stderr)
        return 2
    return run(file)


def _new(path: Path, template: str, title: str) -> int:
    from briefing.core.templates import TEMPLATES, new_document

    if path.exists():
        raise FileProblem(path, "already exists; choose another name")
    if template == "sample":
        from briefing.resources import sample_document

        doc = sample_document()
    elif template in TEMPLATES:
        doc = new_document(template, title)
    else:
        names = ", ".join([*TEMPLATES, "sample"])
        raise FileProblem(path, f"unknown template {template!r} (choose from {names})")
    save_document(doc, path)
    print(f"created {path}")
    return 0


def _import(path: Path, sources: list[Path]) -> int:
    """Add each SOURCE file as one all-or-nothing change; report each failure on one line."""
    from briefing.ingest import import_into
    from briefing.store.database import Store

    failed = 0
    with Store.open(path) as store:
        _tell_upgrade(store)
        for source in sources:
            try:
                added = import_into(store.document, source)
            except BriefingError as error:
                print(f"briefing: {error}", file=sys.stderr)
                failed += 1
                continue
            store.flush()
            titles = ", ".join(repr(store.document.source(i).title) for i in added)
            print(f"{source}: added {len(added)} source(s): {titles}")
    return 2 if failed else 0


def _clean_copy(source: Path, target: Path | None) -> int:
    from briefing.store.clean_copy import clean_copy_name, make_clean_copy

    target = target or clean_copy_name(source)
    if target.suffix.lower() != ".briefing":
        raise FileProblem(target, "a clean copy is a .briefing file; use that suffix")
    if target.exists():
        raise FileProblem(target, "already exists; choose another name")
    doc = make_clean_copy(source, target)
    print(f"wrote {target} ({len(doc.sources)} source(s), {len(doc.claims)} claim(s))")
    return 0


def _export(args: argparse.Namespace) -> int:
    source, target = Path(args.input), Path(args.output)
    suffix = target.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise FileProblem(
            target,
            f"unknown output type {suffix or '(none)'!r}; use one of " + ", ".join(EXPORT_SUFFIXES),
        )
    if args.citations == "pandoc" and suffix != ".md":
        raise FileProblem(target, "--citations pandoc needs a Markdown (.md) output")
    if target.exists() and source.exists() and target.resolve() == source.resolve():
        raise FileProblem(target, "is the input file; choose another output name")
    doc = load_document(source)
    if suffix == ".docx":
        doc = _identified(source, doc)
    if suffix in (".briefing", ".json"):
        save_document(doc, target)
    else:
        from briefing.export import ExportOptions, export_document

        options = ExportOptions(
            show_estimates=args.show_confidence,
            sourcing_summary=args.sourcing_summary,
            citations=args.citations,
            bibliography=args.bibliography,
            note_form=args.note_form,
            ibid=args.ibid,
            paper=args.paper,
            contents=args.contents,
            keep_empty_sections=args.keep_empty_sections,
        )
        if args.override_marking:
            _record_marking_override(source, doc, target)
        export_document(
            doc,
            target,
            notes=args.notes,
            reference_doc=Path(args.reference_doc) if args.reference_doc else None,
            options=options,
            allow_underclassified=args.override_marking,
        )
    print(f"wrote {target}")
    if args.citations == "pandoc" and args.bibliography == "file":
        from briefing.export.csl import bibliography_path

        print(f"wrote {bibliography_path(target)}")
    return 0


def _tell_upgrade(store: Store) -> None:
    """One line on stderr when opening *store* upgraded its file (and where the
    original is kept)."""
    if store.upgraded is not None:
        from briefing.store.connect import upgrade_note

        print(f"briefing: note: {upgrade_note(store.path, store.upgraded)}", file=sys.stderr)


def _identified(source: Path, doc: Document) -> Document:
    """*doc* with its document id, given and saved first if a .briefing lacks one.

    The id lets ``briefing review`` match the reviewed .docx to this briefing; a
    JSON input, a briefing open in the editor and one from elsewhere (nothing is
    written into a colleague's file) are exported as they are.
    """
    from briefing.core.identity import document_id, ensure_document_id

    if document_id(doc) or source.suffix.lower() != ".briefing":
        return doc
    from briefing.store.database import Store

    try:
        with Store.open(source, protect=True) as store:
            if store.readonly:
                return doc
            _tell_upgrade(store)
            ensure_document_id(store.document)
            store.flush()
            return store.document
    except BriefingError:
        return doc


def _record_marking_override(source: Path, doc: Document, target: Path) -> None:
    """Record a needed --override-marking in the .briefing's history before exporting."""
    from briefing.export.api import marking_shortfall

    shortfall = marking_shortfall(doc)
    if shortfall is None:
        return
    if source.suffix.lower() != ".briefing":
        print(f"briefing: {source}: marking override not recorded (no history)", file=sys.stderr)
        return
    from briefing.store.database import Store

    with Store.open(source) as store:  # refuses (nothing exported) if it cannot be recorded
        _tell_upgrade(store)
        store.record_history("marking-override", f"exported {target.name}: {shortfall}")


def _check(path: Path, *, as_json: bool) -> int:
    """Lint a document; a JSON file is checked as written, broken references included."""
    from briefing.checks import findings_to_json, format_text, run_checks
    from briefing.checks.report import exit_status
    from briefing.checks.snapshot import snapshot_from_json_file

    doc = snapshot_from_json_file(path) if path.suffix.lower() == ".json" else load_document(path)
    findings = run_checks(doc)
    if as_json:
        print(findings_to_json(findings))
    else:
        print(format_text(findings, doc), end="")
    return exit_status(findings)


def _review(path: Path, reviewed: Path, *, as_json: bool) -> int:
    """List what *reviewed* proposes for the briefing at *path* (nothing is changed)."""
    from briefing.review import read_review
    from briefing.review.report import format_text, to_json

    doc = load_document(path)
    review = read_review(doc, reviewed)
    if as_json:
        print(to_json(review, doc))
    else:
        print(format_text(review, doc), end="")
    return 0


def _history(path: Path) -> int:
    """Print the briefing's history, newest first, one entry a line (tab-separated)."""
    from briefing.review.history import history

    rows: list[tuple[str, str, str]] = []
    if path.suffix.lower() == ".briefing":
        from briefing.store.connect import sqlite_problem
        from briefing.store.database import Store

        with Store.open(path, readonly=True) as store:
            doc = store.document
            try:
                rows = store.history()
            except sqlite3.Error as error:
                raise sqlite_problem(path, error) from None
    else:
        doc = load_document(path)
    for entry in history(doc, rows):
        fields = (entry.at, entry.kind, entry.what, entry.item, entry.reviewer, entry.file,
                  entry.detail)
        print("\t".join(" ".join(f.split()) for f in fields).rstrip("\t"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
