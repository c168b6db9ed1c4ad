"""Two CLI writers on one document: one wins, the other is refused clearly; readers work.

The store tests prove the lock itself (``tests/store/test_store.py::
test_second_writer_is_refused_but_a_reader_may_open``, ``tests/test_cli.py::
test_two_writers_never_share_a_document``); these run two real ``briefing
import`` commands against one file.
"""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from briefing.store.locking import lock_path
from tests.reliability.helpers import (
    REPO,
    assert_one_line_error,
    cli_env,
    open_whole,
    run_cli,
    wait_for,
)


def _holds_lock(document: Path, pid: int) -> bool:
    try:
        return lock_path(document).read_text().startswith(f"{pid} ")
    except OSError:
        return False


HOLDER = """
import sys
from pathlib import Path
from briefing.ingest import import_into
from briefing.store.database import Store
with Store.open(sys.argv[1]) as store:
    print("holding", flush=True)
    sys.stdin.readline()  # the test says when to go on
    import_into(store.document, Path(sys.argv[2]))
"""


def test_second_import_exits_2_while_the_first_holds_the_document(tmp_path: Path) -> None:
    doc = tmp_path / "shared.briefing"
    assert run_cli("new", str(doc)).returncode == 0
    dictated = tmp_path / "dictated.txt"
    dictated.write_text("The pilot boat was repainted.\n", encoding="utf-8")
    (tmp_path / "memo.txt").write_text("Berth four reopens on Monday.\n", encoding="utf-8")
    first = subprocess.Popen(  # a writer holding the document until told to go on
        [sys.executable, "-c", HOLDER, str(doc), str(dictated)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
        cwd=REPO,
    )
    try:
        wait_for(lambda: _holds_lock(doc, first.pid), "the first writer to take the lock")
        second = run_cli("import", str(doc), str(tmp_path / "memo.txt"))
        line = assert_one_line_error(second, str(doc), "open in another Briefing")
        assert f"process {first.pid}" in line
        reader = run_cli("export", str(doc), "-o", str(tmp_path / "copy.json"))
        assert reader.returncode == 0, reader.stderr
        assert run_cli("check", str(doc)).returncode in (0, 1)
    finally:
        out, err = first.communicate("go\n", timeout=60)
    assert first.returncode == 0, err
    with open_whole(doc) as document:
        assert [s.file_name for s in document.sources] == ["dictated.txt"]
    assert not lock_path(doc).exists()


def test_racing_imports_never_corrupt_the_document(tmp_path: Path) -> None:
    doc = tmp_path / "race.briefing"
    assert run_cli("new", str(doc)).returncode == 0
    files = []
    for n in range(2):
        path = tmp_path / f"note{n}.txt"
        path.write_text(f"Harbour note {n}: " + "tide and berth " * 20_000, encoding="utf-8")
        files.append(path)
    succeeded = 0
    for _round in range(4):
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda p: run_cli("import", str(doc), str(p)), files))
        for result in results:
            if result.returncode != 0:
                assert_one_line_error(result, str(doc), "open in another Briefing")
        succeeded += sum(r.returncode == 0 for r in results)
        with open_whole(doc) as document:
            assert len(document.sources) == succeeded
            assert all(len(s.text) > 300_000 for s in document.sources)
    assert succeeded >= 4  # at least one import per round got through
