"""Extraction into a database: what it stores, re-runs, changed and corrupt files, a run
killed and resumed, the process pool and the Dask cluster giving the same database, exports."""

from __future__ import annotations

import csv
import itertools
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT
from datasets import contents
from govinfo_plugins.csv_format import COLUMNS
from govinfo_plugins.csv_format import rows as csv_rows

import govinfo
from govinfo.dataset import export as exports
from govinfo.dataset.extraction import extract
from govinfo.dataset.records import CELL_COLUMNS, FINDING_COLUMNS
from govinfo.dataset.schema import TABLES_BY_NAME, ddl
from govinfo.dataset.store import Store
from govinfo.testing.corpus import Odds, write_corpus

#: Every anomaly often enough that a few dozen reports hold each.
OFTEN = Odds(
    arithmetic=0.1,
    carried_over=0.1,
    in_force=0.1,
    copied=0.1,
    differing=0.05,
    twin=0.05,
    missing=0.05,
    blank_total=0.1,
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 36, seed=7, odds=OFTEN)
    return folder


@pytest.fixture(scope="module")
def stored(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    database = tmp_path_factory.mktemp("db") / "reports.sqlite"
    summary = extract([str(corpus)], database, jobs=1)
    assert (summary.read, summary.failed, summary.skipped) == (36, 0, 0)
    return database


def _count(database: Path, sql: str) -> int:
    db = sqlite3.connect(database)
    try:
        return int(db.execute(sql).fetchone()[0])
    finally:
        db.close()


def test_the_rows_a_reading_gives_fit_the_schema() -> None:
    cells = TABLES_BY_NAME["cells"].column_names
    assert ("format_version", "key", *cells[2:]) == CELL_COLUMNS
    assert set(FINDING_COLUMNS) <= set(TABLES_BY_NAME["findings"].column_names)
    sqlite3.connect(":memory:").executescript(ddl())


def test_cells_are_the_csv_reporters_rows(stored: Path, corpus: Path) -> None:
    db = sqlite3.connect(stored)
    db.row_factory = sqlite3.Row
    for path in sorted(corpus.iterdir())[:6]:
        expected = csv_rows(govinfo.read(path))
        got = db.execute(
            "SELECT * FROM cells_tidy WHERE document = ? ORDER BY position", (str(path),)
        ).fetchall()
        assert len(got) == len(expected)
        for row, want in zip(got, expected, strict=True):
            for column in COLUMNS:
                value, wanted = row[column], want[column]
                if column == "value" and wanted:
                    assert Decimal(str(value)) == Decimal(wanted), (path, want["key"])
                else:
                    assert ("" if value is None else str(value)) == wanted, (column, want)
    db.close()


def test_reasons_and_messages_are_kept_in_both_languages(tmp_path: Path) -> None:
    # The Shanghai extraction prints two values where table 二's rows 规章 and 行政规范性文件
    # have three: unreadable, each with its reason in English and Chinese; its findings have
    # their Chinese messages.
    folder = tmp_path / "reports"
    folder.mkdir()
    name = "shanghai-govoffice-2025-annual-report.pdf-extract.md"
    shutil.copy(EXAMPLES / name, folder / name)
    database = tmp_path / "reports.sqlite"
    extract([str(folder)], database, jobs=1)
    report = govinfo.read(folder / name)
    assert isinstance(report, govinfo.AnnualReport)
    unread = {
        ref.key: ref.cell
        for table in report.tables()
        for ref in table.cells()
        if isinstance(ref.cell, govinfo.Unreadable)
    }
    assert len(unread) == 6
    assert {cell.reason_zh for cell in unread.values()} == {"有 2 个数值，而本行有 3 列"}
    db = sqlite3.connect(database)
    stored = dict(
        db.execute(
            "SELECT l.key, c.reason || ' | ' || c.reason_zh FROM cells AS c "
            "JOIN labels AS l ON l.id = c.label_id WHERE c.kind = 'unreadable'"
        ).fetchall()
    )
    assert stored == {key: f"{c.reason} | {c.reason_zh}" for key, c in unread.items()}
    messages = db.execute("SELECT rule, message, message_zh FROM findings").fetchall()
    assert messages
    assert all(zh and zh != en for _, en, zh in messages)
    (document_id,) = db.execute("SELECT id FROM documents").fetchone()
    db.close()
    # Read back as the model's cells (as diff and the rules across documents read them).
    tables = Store.open(database).tables([document_id])[document_id]
    back = {r.key: r.cell for t in tables.values() for r in t.cells() if r.key in unread}
    assert back == unread


def test_every_planted_anomaly_is_found(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "files", 60, seed=2, odds=OFTEN)
    database = tmp_path / "reports.sqlite"
    extract([str(tmp_path / "files")], database, jobs=1)
    db = sqlite3.connect(database)
    found = set(
        db.execute(
            "SELECT rule, agency_key, year FROM findings_tidy WHERE status = 'fail' "
            "AND document IS NOT NULL OR rule = 'C3'"
        )
    )
    planted = {(p.rule, p.agency, p.year) for p in corpus.planted}
    assert {p[0] for p in planted} >= {"R2", "R6", "R7", "C1", "C2", "C3"}
    assert planted <= found
    # A report saved twice (as text and as a page) is one set of numbers: C2 only where a
    # second report with other numbers was planted.
    twins = [
        (a.agency, a.year)
        for a, b in itertools.pairwise(corpus.files)
        if (a.agency, a.year) == (b.agency, b.year)
    ]
    differing = set(db.execute("SELECT 'C2', agency_key, year FROM findings WHERE rule = 'C2'"))
    assert differing == {p for p in planted if p[0] == "C2"}
    assert len(twins) > len(differing)
    db.close()


def test_a_rerun_skips_what_is_stored(stored: Path, corpus: Path) -> None:
    before = contents(stored)
    summary = extract([str(corpus)], stored, jobs=1)
    assert (summary.read, summary.failed, summary.skipped) == (0, 0, 36)
    assert summary.analysis.agencies == 0
    assert contents(stored) == before


def test_a_changed_file_is_read_again(corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    for path in sorted(corpus.iterdir())[:6]:
        (folder / path.name).write_bytes(path.read_bytes())
    database = tmp_path / "reports.sqlite"
    extract([str(folder)], database, jobs=1)
    changed = sorted(folder.iterdir())[2]
    old_hash = _hashes(database)[str(changed)]
    changed.write_text(changed.read_text("utf-8") + "\n本报告完。\n", encoding="utf-8")
    summary = extract([str(folder)], database, jobs=1)
    assert (summary.read, summary.skipped) == (1, 5)
    hashes = _hashes(database)
    assert len(hashes) == 6
    assert hashes[str(changed)] != old_hash
    assert _count(database, f"SELECT count(*) FROM documents WHERE hash = '{old_hash}'") == 0


def _hashes(database: Path) -> dict[str, str]:
    db = sqlite3.connect(database)
    try:
        return dict(db.execute("SELECT path, hash FROM documents"))
    finally:
        db.close()


def test_a_corrupt_file_in_a_folder_is_recorded_and_the_run_goes_on(
    corpus: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "files" / "nested"
    folder.mkdir(parents=True)
    for path in sorted(corpus.iterdir())[:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 200)
    (folder / "cut.html").write_bytes(b"<html><body><p>\xe4\xb8")
    (folder / "notes.csv").write_text("not a suffix any reader takes", encoding="utf-8")
    database = tmp_path / "reports.sqlite"
    summary = extract([str(tmp_path / "files")], database, jobs=1)
    assert (summary.read, summary.failed) == (3, 2)
    db = sqlite3.connect(database)
    errors = dict(db.execute("SELECT path, message FROM errors"))
    db.close()
    assert set(errors) == {str(folder / "broken.txt"), str(folder / "cut.html")}
    assert all("\n" not in m and m for m in errors.values())
    assert errors[str(folder / "broken.txt")].endswith(
        "no reader accepts this input (readers: docx, html, image, json, pdf, txt)"
    )
    # Failed files are skipped on the next run, and read again when asked.
    again = extract([str(tmp_path / "files")], database, jobs=1)
    assert (again.read, again.failed, again.skipped) == (0, 0, 5)
    retried = extract([str(tmp_path / "files")], database, jobs=1, retry_errors=True)
    assert (retried.read, retried.failed, retried.skipped) == (0, 2, 3)


def test_limits_apply_to_each_file_of_a_run(corpus: Path, tmp_path: Path) -> None:
    """``--limit`` bounds each file as it does for render and check: a file beyond one is
    recorded with the message that names the limit, and the others are read."""
    files = sorted(corpus.iterdir())[:3]
    sizes = sorted(path.stat().st_size for path in files)
    database = tmp_path / "limited.sqlite"
    command = [sys.executable, "-m", "govinfo", "extract", *map(str, files), "--db", str(database)]
    done = subprocess.run(
        [*command, "--jobs", "1", "--limit", f"input_bytes={sizes[1]}"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 1
    assert "read 2, failed 1" in done.stdout
    db = sqlite3.connect(database)
    (message,) = db.execute("SELECT message FROM errors").fetchone()
    db.close()
    assert f"more than the limit input_bytes={sizes[1]:,}" in message
    # A limit the pipeline applies to the text read (not the bytes) is passed to the workers.
    text = extract(
        [str(p) for p in files],
        tmp_path / "chars.sqlite",
        jobs=1,
        limits=govinfo.Limits(text_chars=10),
    )
    assert (text.read, text.failed) == (0, 3)
    assert all("text_chars=10" in failed.message for failed in text.failures)


def test_a_killed_run_leaves_a_consistent_database_and_resumes(tmp_path: Path) -> None:
    files = tmp_path / "files"
    write_corpus(files, 240, seed=3)
    database = tmp_path / "killed.sqlite"
    command = [sys.executable, "-m", "govinfo", "extract", str(files), "--db", str(database)]
    process = subprocess.Popen(
        [*command, "--jobs", "1", "--batch", "4"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    stored = 0
    deadline = time.monotonic() + 60
    while stored < 12 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
        if database.exists():
            try:
                stored = _count(database, "SELECT count(*) FROM documents")
            except sqlite3.OperationalError:  # the schema is being made
                stored = 0
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    db = sqlite3.connect(database)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    documents = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 12 <= documents < 240
    # Every document stored was stored whole: its sections and all its cells.
    partial = db.execute(
        "SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM sections s "
        "WHERE s.document_id = d.id) != 6 OR (SELECT count(*) FROM cells c "
        "WHERE c.document_id = d.id) = 0"
    ).fetchone()[0]
    assert partial == 0
    db.close()
    summary = extract([str(files)], database, jobs=1)
    assert (summary.read, summary.skipped, summary.failed) == (240 - documents, documents, 0)
    clean = tmp_path / "clean.sqlite"
    extract([str(files)], clean, jobs=1)
    assert contents(database) == contents(clean)


def test_the_process_pool_and_a_dask_cluster_make_the_same_database(
    corpus: Path, stored: Path, tmp_path: Path
) -> None:
    pool = tmp_path / "pool.sqlite"
    extract([str(corpus)], pool, jobs=2)
    cluster = tmp_path / "dask.sqlite"
    summary = extract([str(corpus)], cluster, jobs=2, scheduler="local")
    assert (summary.read, summary.failed) == (36, 0)
    expected = contents(stored)
    assert contents(pool) == expected
    assert contents(cluster) == expected


def test_a_dask_scheduler_that_cannot_be_reached_is_an_error(tmp_path: Path) -> None:
    files = tmp_path / "files"
    write_corpus(files, 1)
    with pytest.raises(govinfo.GovinfoError, match="cannot reach the scheduler"):
        extract([str(files)], tmp_path / "x.sqlite", scheduler="tcp://127.0.0.1:9")


def test_fingerprints_are_the_same_in_a_database_made_again(
    stored: Path, corpus: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again.sqlite"
    extract([str(corpus)], again, jobs=1)
    query = "SELECT fingerprint FROM findings ORDER BY 1"
    db, other = sqlite3.connect(stored), sqlite3.connect(again)
    assert db.execute(query).fetchall() == other.execute(query).fetchall()
    db.close()
    other.close()


def test_exports_have_one_header_and_every_row(stored: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    with Store.open(stored, create=False) as store:
        written = exports.export(store, "csv", tmp_path / "csv")
        exports.export(store, "parquet", tmp_path / "parquet")
        counts = {
            "documents": store.count("documents"),
            "cells": store.count("cells"),
            "findings": store.count("findings"),
        }
    assert sorted(p.name for p in written) == [
        "cells.csv", "documents.csv", "errors.csv", "findings.csv", "sections.csv",
    ]  # fmt: skip
    with open(tmp_path / "csv" / "cells.csv", encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert tuple(rows[0][: len(COLUMNS)]) == COLUMNS
    assert sum(1 for r in rows if r[: len(COLUMNS)] == list(COLUMNS)) == 1
    assert len(rows) - 1 == counts["cells"]
    for name, count in counts.items():
        table = pq.read_table(tmp_path / "parquet" / f"{name}.parquet")
        assert table.num_rows == count
    cells = pq.read_table(tmp_path / "parquet" / "cells.parquet")
    assert tuple(cells.column_names[: len(COLUMNS)]) == COLUMNS


def test_the_dataset_as_dataframes(stored: Path) -> None:
    pytest.importorskip("pandas")
    cells = exports.cells(stored)
    findings = exports.findings(stored)
    assert list(cells.columns[: len(COLUMNS)]) == list(COLUMNS)
    assert len(cells) == _count(stored, "SELECT count(*) FROM cells")
    assert len(findings) == _count(stored, "SELECT count(*) FROM findings")
    received = cells[cells.key == "applications.received.total"]
    assert received["value"].notna().any()


def test_a_file_that_is_not_a_govinfo_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(govinfo.GovinfoError, match="not one govinfo made"):
        Store.open(other)
    text = tmp_path / "text.sqlite"
    text.write_text("hello " * 1000, encoding="utf-8")
    with pytest.raises(govinfo.GovinfoError, match="not a govinfo database"):
        Store.open(text)
    with pytest.raises(govinfo.GovinfoError, match="no such database"):
        Store.open(tmp_path / "missing.sqlite", create=False)


def test_the_same_bytes_under_two_names_are_one_document(corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    first = sorted(corpus.iterdir())[0]
    for name in ("a.txt", "b.txt"):
        (folder / name).write_bytes(first.read_bytes())
    database = tmp_path / "reports.sqlite"
    summary = extract([str(folder)], database, jobs=1)
    assert _count(database, "SELECT count(*) FROM files") == 2
    assert list(_hashes(database)) == [str(folder / "a.txt")]
    assert (extract([str(folder)], database, jobs=1).skipped) == 2
    # a.txt now holds other bytes: they are read, and the document b.txt still holds stays.
    old = _hashes(database)[str(folder / "a.txt")]
    (folder / "a.txt").write_bytes(sorted(corpus.iterdir())[1].read_bytes())
    summary = extract([str(folder)], database, jobs=1)
    assert (summary.read, summary.skipped) == (1, 1)
    hashes = _hashes(database)
    assert hashes[str(folder / "b.txt")] == old
    assert hashes[str(folder / "a.txt")] != old
    # b.txt goes the same way: the first document is held by no file any more.
    (folder / "b.txt").write_bytes(sorted(corpus.iterdir())[2].read_bytes())
    extract([str(folder)], database, jobs=1)
    assert old not in _hashes(database).values()
    assert len(_hashes(database)) == 2
