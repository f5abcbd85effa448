"""The database: one SQLite file, written by one process, in transactions.

A batch of results is written in one transaction, so a run that is killed leaves the
documents of the batches it finished and nothing of the one it was writing.  Each document
is stored under the hash of its bytes, and each file with the hash of the bytes it holds
(``files``): a document goes when no file holds its bytes any more.  Agencies whose documents
changed are listed in ``stale_agencies`` in the same transaction, so that the rules across
documents are worked out again for them even when the run that changed them stopped before
it got there.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.metadata
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any, cast

from govinfo.dataset.records import (
    CELL_COLUMNS,
    FINDING_COLUMNS,
    SECTION_COLUMNS,
    Extracted,
    Failed,
    Result,
    Row,
)
from govinfo.dataset.schema import SCHEMA_VERSION, TABLES, VIEWS, statements
from govinfo.errors import InputError
from govinfo.model.cells import Amount, Cell, Change, Count, NotReported, SourceRef, Unreadable
from govinfo.model.tables import Row as TableRow
from govinfo.model.tables import Table
from govinfo.statute import FORMAT_VERSIONS, TABLE_KEYS, TableKey, table_def


@functools.cache
def govinfo_version() -> str:
    try:
        return importlib.metadata.version("govinfo-cn")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - a source tree
        return "unknown"


#: Seconds a connection waits for another process that holds the database's lock.
BUSY_TIMEOUT = 60.0
#: What is said when that wait was not enough.
IN_USE = "the database is in use by another process; try again when it is done"


def in_use(exc: sqlite3.Error) -> bool:
    """Whether an error of SQLite's says another connection holds the database."""
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _insert(table: str, columns: Sequence[str], *, replace: bool = False) -> str:
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    return f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


_DOCUMENT_COLUMNS = tuple(
    c.name for c in next(t for t in TABLES if t.name == "documents").columns if c.name != "id"
)
_INSERT_DOCUMENT = _insert("documents", _DOCUMENT_COLUMNS)
_INSERT_SECTION = _insert("sections", ("document_id", *SECTION_COLUMNS))
_INSERT_CELL = _insert("cells", ("document_id", "label_id", *CELL_COLUMNS[2:]))
_INSERT_FINDING = _insert("findings", ("scope", "document_id", *FINDING_COLUMNS))
_INSERT_ERROR = _insert("errors", ("path", "hash", "message", "govinfo_version"), replace=True)


def _label_rows() -> Iterator[Row]:
    """(format_version, key, position, table_key, row_group, row_label, column_group,
    column_label) of every cell of the statute's tables."""
    for version in FORMAT_VERSIONS:
        position = 0
        for key in TABLE_KEYS:
            for row in table_def(key, version).rows:
                for column in row.columns:
                    yield (
                        version,
                        f"{key}.{row.key}.{column.key}",
                        position,
                        key,
                        " / ".join(g.zh for g in row.groups),
                        row.label.zh,
                        " / ".join(g.zh for g in column.groups),
                        column.label.zh,
                    )
                    position += 1


class Store:
    """A govinfo database (see :mod:`govinfo.dataset.schema`)."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self.connection = connection
        self.path = path
        #: labels.id by (format_version, key).
        self.label_ids: dict[tuple[str, str], int] = {}

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> Store:
        """The database at ``path``; a new one is made there when ``create`` (else a missing
        file is an error).  Anything but a whole govinfo database of this schema is refused.

        Another process writing the database is waited for (:data:`BUSY_TIMEOUT` seconds at a
        time); a new database's schema is made in one immediate transaction, looked at again
        once its lock is held, so that runs started together on one new file make it once."""
        name = os.fspath(path)
        exists = os.path.exists(name) and os.path.getsize(name) > 0
        if not exists and not create:
            raise InputError(f"{name}: no such database (make it with extract)")
        try:
            connection = sqlite3.connect(name, isolation_level=None, timeout=BUSY_TIMEOUT)
        except sqlite3.Error as exc:
            raise InputError(f"{name}: cannot open the database: {exc}") from None
        store = cls(connection, name)
        try:
            store._prepare(create)
        except sqlite3.OperationalError as exc:
            connection.close()
            if in_use(exc):
                raise InputError(f"{name}: {IN_USE}") from None
            raise InputError(f"{name}: cannot use the database ({exc})") from None
        except sqlite3.DatabaseError as exc:
            connection.close()
            raise InputError(f"{name}: not a govinfo database ({exc})") from None
        except BaseException:
            connection.close()
            raise
        return store

    def _names(self) -> dict[str, str]:
        """The tables and views of the database, name → type."""
        found = self.connection.execute(
            "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')"
        )
        return {str(n): str(t) for n, t in found}

    def _prepare(self, create: bool) -> None:
        run = self.connection.execute
        names = self._names()
        if not names and create:
            # Made here, unless another run made it while this one waited for the lock.
            with self.transaction():
                names = self._names()
                if not names:
                    for statement in statements():
                        run(statement)
                    self.set_meta("schema_version", str(SCHEMA_VERSION))
                    self.set_meta("govinfo_version", govinfo_version())
                    self.update_labels()
                    names = self._names()
        self._validate(names)
        run("PRAGMA journal_mode = WAL")
        run("PRAGMA synchronous = NORMAL")
        labels = run("SELECT id, format_version, key FROM labels")
        self.label_ids = {(version, key): number for number, version, key in labels}

    def _validate(self, names: Mapping[str, str]) -> None:
        """Refuse a database that is not govinfo's, of another schema version, or that lacks
        one of its tables or views."""
        if "meta" not in names:
            raise InputError(f"{self.path}: a SQLite database, but not one govinfo made")
        version = self.meta("schema_version")
        if version != str(SCHEMA_VERSION):
            raise InputError(
                f"{self.path}: a govinfo database of schema version {version}; "
                f"this govinfo reads version {SCHEMA_VERSION}"
            )
        wanted = [(t.name, "table") for t in TABLES] + [(v.name, "view") for v in VIEWS]
        for wanted_name, kind in wanted:
            if names.get(wanted_name) != kind:
                raise InputError(
                    f"{self.path}: not a complete govinfo database: no {kind} {wanted_name}"
                )

    def update_labels(self) -> None:
        """The statute's labels, those of keys already numbered kept under their number."""
        db = self.connection
        known = {(v, k): i for i, v, k in db.execute("SELECT id, format_version, key FROM labels")}
        following = max(known.values(), default=0) + 1
        for row in _label_rows():
            number = known.get((row[0], row[1]))
            if number is None:
                number, following = following, following + 1
            db.execute(_insert("labels", _LABEL_COLUMNS, replace=True), (number, *row))
            self.label_ids[str(row[0]), str(row[1])] = number

    def close(self) -> None:
        """Close, leaving one self-contained file (the write-ahead log folded back in)."""
        try:
            self.connection.execute("PRAGMA busy_timeout = 0")  # not waited for: best effort
            self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.connection.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.OperationalError:  # another connection still has it open
            pass
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    # ------------------------------------------------------------------ meta

    def meta(self, name: str) -> str | None:
        found = self.connection.execute("SELECT value FROM meta WHERE name = ?", (name,))
        row = found.fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, name: str, value: str) -> None:
        self.connection.execute(
            "INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)", (name, value)
        )

    # ------------------------------------------------------------------ writing documents

    def hash_of(self, path: str) -> str | None:
        """The hash of the bytes ``path`` held when it was last seen."""
        found = self.connection.execute("SELECT hash FROM files WHERE path = ?", (path,))
        row = found.fetchone()
        return None if row is None else str(row[0])

    def has(self, digest: str) -> bool:
        """Whether a document (or a file that failed) with these bytes is stored."""
        db = self.connection
        return any(
            db.execute(f"SELECT 1 FROM {table} WHERE hash = ? LIMIT 1", (digest,)).fetchone()
            for table in ("documents", "errors")
        )

    def forget_errors(self) -> None:
        """Drop the record of the files that failed, so that they are read again."""
        with self.transaction() as db:
            db.execute("DELETE FROM files WHERE hash IN (SELECT hash FROM errors)")
            db.execute("DELETE FROM errors")

    def write(
        self,
        results: Iterable[Result],
        agency_key: Callable[[str | None], str | None],
        seen: Iterable[tuple[str, str]] = (),
    ) -> None:
        """Store a batch of results, and the files ``seen`` (path, hash) whose bytes are
        stored already, in one transaction."""
        version = govinfo_version()
        with self.transaction() as db:
            for result in results:
                self._point(result.path, result.hash)
                if isinstance(result, Failed):
                    db.execute(_INSERT_ERROR, (result.path, result.hash, result.message, version))
                elif not self.has(result.hash):
                    self._insert(result, agency_key, version)
            for path, digest in seen:
                self._point(path, digest)

    def _point(self, path: str, digest: str) -> None:
        """Record that ``path`` holds the bytes of ``digest``; what it held before goes, unless
        another file holds it too."""
        db = self.connection
        old = self.hash_of(path)
        if old == digest:
            return
        db.execute("INSERT OR REPLACE INTO files (path, hash) VALUES (?, ?)", (path, digest))
        db.execute("DELETE FROM errors WHERE path = ?", (path,))
        if old is None:
            return
        other = db.execute("SELECT path FROM files WHERE hash = ? LIMIT 1", (old,)).fetchone()
        for document_id, agency, named in db.execute(
            "SELECT id, agency_key, path FROM documents WHERE hash = ?", (old,)
        ).fetchall():
            if other is None:
                self._mark_stale(agency)
                self.delete_document(document_id)
            elif named == path:
                db.execute("UPDATE documents SET path = ? WHERE id = ?", (other[0], document_id))

    def delete_document(self, document_id: int) -> None:
        db = self.connection
        for table in ("sections", "cells"):
            db.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
        db.execute(
            "DELETE FROM findings WHERE document_id = ? OR other_document_id = ?",
            (document_id, document_id),
        )
        db.execute("DELETE FROM documents WHERE id = ?", (document_id,))

    def _insert(
        self, result: Extracted, agency_key: Callable[[str | None], str | None], version: str
    ) -> None:
        db = self.connection
        record = result.document
        values = {
            **{name: getattr(record, name, None) for name in _DOCUMENT_COLUMNS},
            "agency_key": agency_key(record.agency),
            "govinfo_version": version,
        }
        cursor = db.execute(_INSERT_DOCUMENT, tuple(values[c] for c in _DOCUMENT_COLUMNS))
        document_id = cursor.lastrowid
        db.executemany(_INSERT_SECTION, [(document_id, *row) for row in result.sections])
        labels = self.label_ids
        db.executemany(
            _INSERT_CELL,
            [(document_id, labels[row[0], row[1]], *row[2:]) for row in result.cells],  # type: ignore[index]  # a cell row starts with its version and key
        )
        db.executemany(
            _INSERT_FINDING, [("document", document_id, *row) for row in result.findings]
        )
        if record.kind == "annual_report":
            self._mark_stale(values["agency_key"])

    def _mark_stale(self, agency: object) -> None:
        if agency is not None:
            self.connection.execute(
                "INSERT OR IGNORE INTO stale_agencies (agency_key) VALUES (?)", (agency,)
            )

    # ------------------------------------------------------------------ agencies

    def rematch_agencies(self, agency_key: Callable[[str | None], str | None]) -> None:
        """Match every document's agency again (the renamings changed): an agency that gains
        or loses a document is stale."""
        db = self.connection
        rows = db.execute("SELECT id, agency, agency_key FROM documents").fetchall()
        with self.transaction():
            for document_id, agency, old in rows:
                new = agency_key(agency)
                if new != old:
                    self._mark_stale(old)
                    self._mark_stale(new)
                    db.execute(
                        "UPDATE documents SET agency_key = ? WHERE id = ?", (new, document_id)
                    )

    def mark_all_stale(self) -> None:
        with self.transaction():
            self.connection.execute(
                "INSERT OR IGNORE INTO stale_agencies (agency_key) SELECT DISTINCT agency_key "
                "FROM documents WHERE agency_key IS NOT NULL"
            )

    def stale_agencies(self) -> list[str]:
        found = self.connection.execute("SELECT agency_key FROM stale_agencies ORDER BY 1")
        return [r[0] for r in found]

    def documents_of(self, agency: str) -> list[sqlite3.Row]:
        """The annual reports of an agency that name their year, by year and path."""
        return self.query(
            "SELECT * FROM documents WHERE agency_key = ? AND kind = 'annual_report' "
            "AND year IS NOT NULL ORDER BY year, path, id",
            (agency,),
        )

    def tables(
        self, document_ids: Sequence[int], keys: Sequence[str] | None = None
    ) -> dict[int, dict[TableKey, Table]]:
        """The statutory tables of the documents, as the model's tables again (with only the
        rows that have a cell in ``keys``, if given)."""
        if not document_ids:
            return {}
        db = self.connection
        marks = ", ".join("?" for _ in document_ids)
        wanted = f"AND l.key IN ({', '.join('?' for _ in keys)})" if keys is not None else ""
        versions: dict[tuple[int, str], str] = {
            (r[0], r[1]): r[2]
            for r in db.execute(
                "SELECT document_id, table_key, table_version FROM sections "
                f"WHERE table_status = 'table' AND document_id IN ({marks})",
                tuple(document_ids),
            )
        }
        cells: dict[tuple[int, str], dict[str, Cell]] = {}
        for row in db.execute(
            f"SELECT c.document_id, {', '.join(_CELL_READ)} FROM cells AS c "
            "JOIN labels AS l ON l.id = c.label_id "
            f"WHERE c.document_id IN ({marks}) AND c.printed = 1 {wanted}",
            (*document_ids, *(keys or ())),
        ):
            key = row[1]
            cells.setdefault((row[0], key.partition(".")[0]), {})[key] = cell_of(row[1:])
        out: dict[int, dict[TableKey, Table]] = {i: {} for i in document_ids}
        for (document_id, key), version in versions.items():
            given = cells.get((document_id, key), {})
            table = _table(cast(TableKey, key), version, given)
            out[document_id][table.key] = table
        return out

    # ------------------------------------------------------------------ findings across documents

    def replace_set_findings(
        self, rows: Iterable[Row], rules: Sequence[str], agency: str | None = None
    ) -> None:
        """Replace the findings across documents of ``rules`` (of one agency's, if given)."""
        db = self.connection
        clause = f"scope = 'dataset' AND rule IN ({', '.join('?' for _ in rules)})"
        params: tuple[object, ...] = tuple(rules)
        if agency is not None:
            clause += " AND agency_key = ?"
            params += (agency,)
        db.execute(f"DELETE FROM findings WHERE {clause}", params)
        db.executemany(_INSERT_SET_FINDING, [("dataset", *row) for row in rows])

    def revert_decisions(self, document_ids: Sequence[int]) -> None:
        """Undo the cells decided across documents: they are unreadable again."""
        marks = ", ".join("?" for _ in document_ids)
        self.connection.execute(
            "UPDATE cells SET kind = 'unreadable', value = NULL, decided_by = NULL "
            f"WHERE decided_by = 'previous_year' AND document_id IN ({marks})",
            tuple(document_ids),
        )

    def decide(self, document_id: int, key: str, value: int) -> None:
        self.connection.execute(
            "UPDATE cells SET kind = 'count', value = ?, decided_by = 'previous_year' "
            "WHERE document_id = ? AND label_id IN (SELECT id FROM labels WHERE key = ?)",
            (value, document_id, key),
        )

    def clear_stale(self, agencies: Iterable[str]) -> None:
        self.connection.executemany(
            "DELETE FROM stale_agencies WHERE agency_key = ?", ((a,) for a in agencies)
        )

    def agencies(self) -> list[str]:
        """The agencies with annual reports that name their year."""
        query = f"SELECT DISTINCT agency_key FROM documents {_REPORTS} ORDER BY 1"
        return [r[0] for r in self.connection.execute(query)]

    def agencies_by_year(self) -> dict[int, int]:
        """How many agencies have a report for each year."""
        return dict(
            self.connection.execute(
                f"SELECT year, count(DISTINCT agency_key) FROM documents {_REPORTS} GROUP BY year"
            )
        )

    def years_of_agencies(self) -> Iterator[tuple[str, str, tuple[int, ...]]]:
        """Each agency, its name as its documents print it most often, and its years (one
        agency at a time)."""
        found = self.connection.execute(
            "SELECT agency_key, (SELECT agency FROM documents AS n WHERE n.agency_key = "
            "d.agency_key GROUP BY agency ORDER BY count(*) DESC, agency LIMIT 1), "
            f"group_concat(DISTINCT year) FROM documents AS d {_REPORTS} GROUP BY agency_key "
            "ORDER BY agency_key"
        )
        for agency, name, years in found:
            yield agency, name or agency, tuple(sorted(int(y) for y in str(years).split(",")))

    # ------------------------------------------------------------------ reviews

    def review(self, fingerprint: str, decision: str | None, comment: str) -> None:
        with self.transaction() as db:
            if decision is None:
                db.execute("DELETE FROM reviews WHERE fingerprint = ?", (fingerprint,))
            else:
                db.execute(
                    "INSERT OR REPLACE INTO reviews (fingerprint, decision, comment, "
                    "reviewed_at) VALUES (?, ?, ?, ?)",
                    (fingerprint, decision, comment, _now()),
                )

    # ------------------------------------------------------------------ reading

    def query(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        self.connection.row_factory = sqlite3.Row
        try:
            return self.connection.execute(sql, params).fetchall()
        finally:
            self.connection.row_factory = None

    def count(self, table: str) -> int:
        return int(self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


_LABEL_COLUMNS = next(t for t in TABLES if t.name == "labels").column_names
#: The documents the rules across documents see: annual reports naming agency and year.
_REPORTS = "WHERE kind = 'annual_report' AND agency_key IS NOT NULL AND year IS NOT NULL"
_INSERT_SET_FINDING = _insert(
    "findings",
    ("scope", "document_id", "other_document_id", "agency_key", "year", *FINDING_COLUMNS),
)

_CELL_READ = (
    "l.key", "c.kind", "c.value", "c.unit", "c.raw", "c.decided_by", "c.line",
    "c.char_offset", "c.page", "c.reason", "c.reason_zh", "c.candidates",
)  # fmt: skip


def cell_of(row: Sequence[Any]) -> Cell:
    """A model cell from a row of ``cells`` (in ``_CELL_READ`` order)."""
    _, kind, value, unit, raw, decided_by, line, offset, page, reason, reason_zh, candidates = row
    source = (
        SourceRef(line, offset, page=page)
        if line is not None or offset is not None or page is not None
        else None
    )
    text = raw or None
    if kind == "count":
        return Count(int(value), raw=text, source=source, decided_by=decided_by)
    if kind == "change":
        return Change(int(value), raw=text, source=source, decided_by=decided_by)
    if kind == "amount":
        amount = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
        return Amount(amount, unit or None, raw=text, source=source, decided_by=decided_by)
    if kind == "not_reported":
        return NotReported(raw or "", source=source)
    return Unreadable(
        raw or "",
        reason or "unreadable",
        source=source,
        candidates=tuple(json.loads(candidates)) if candidates else (),
        reason_zh=reason_zh or None,
    )


def _table(key: TableKey, version: str, cells: Mapping[str, Cell]) -> Table:
    """The table of the cells stored (those of printed rows), by key."""
    definition = table_def(key, version)  # type: ignore[arg-type]
    by_row: dict[str, dict[str, Cell]] = {}
    for dotted, cell in cells.items():
        row_key, _, column_key = dotted.removeprefix(f"{key}.").rpartition(".")
        by_row.setdefault(row_key, {})[column_key] = cell
    rows = []
    for row in definition.rows:
        found = by_row.get(row.key)
        if found is not None:
            cells_of = tuple(found.get(c, _BLANK) for c in row.column_keys)
            rows.append(TableRow(row.key, cells_of))
    return Table(key, definition.version, tuple(rows))


_BLANK = NotReported("")
