"""The database's schema, as data: every table, column, index and view with what it holds.

:func:`ddl` makes the SQL that creates it (``python -m govinfo schema --db`` prints it); the
README's "Dataset" section documents the same tables.  Any SQLite client opens the file as it
is.  ``cells_tidy`` is the csv reporter's layout (one row per statutory cell, its columns in
the reporter's order), for every stored document.
"""

from __future__ import annotations

import attrs

#: Raised when the tables change in a way an older database cannot be read with.
SCHEMA_VERSION = 2


@attrs.frozen
class Column:
    name: str
    type: str
    doc: str


@attrs.frozen
class Index:
    name: str
    columns: str
    doc: str
    unique: bool = False


@attrs.frozen
class TableSpec:
    name: str
    doc: str
    columns: tuple[Column, ...]
    primary_key: str | None = None
    indexes: tuple[Index, ...] = ()
    #: Stored in the order of its primary key (rows read together are stored together).
    without_rowid: bool = False

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


@attrs.frozen
class View:
    name: str
    doc: str
    select: str


def _c(name: str, type_: str, doc: str) -> Column:
    return Column(name, type_, doc)


_SOURCE = (
    _c("line", "INTEGER", "the line it was read from (1-based)"),
    _c("char_offset", "INTEGER", "the character offset it was read from (0-based)"),
    _c("page", "INTEGER", "the page of a paged format (1-based)"),
)

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "meta",
        "What the database was made with: schema_version, govinfo_version (of the last "
        "run), agencies (a digest of the renamings agencies were matched with), "
        "agencies_file (the file they were read from, '' for none).",
        (
            _c("name", "TEXT NOT NULL", "the setting"),
            _c("value", "TEXT NOT NULL", "its value"),
        ),
        primary_key="name",
    ),
    TableSpec(
        "files",
        "Every file extraction has seen, and the hash of the bytes it held then: files with "
        "the same bytes share one document (or one error).",
        (
            _c("path", "TEXT NOT NULL", "the file, as it was found"),
            _c("hash", "TEXT NOT NULL", "SHA-256 of its bytes (documents.hash or errors.hash)"),
        ),
        primary_key="path",
        indexes=(Index("files_hash", "hash", "the files holding a document"),),
    ),
    TableSpec(
        "documents",
        "One row per document read, keyed by the hash of its bytes: the same bytes under "
        "another name are one document.",
        (
            _c("id", "INTEGER NOT NULL", "the document's number in this database"),
            _c("path", "TEXT NOT NULL", "the file it was read from (one of files.path)"),
            _c("hash", "TEXT NOT NULL UNIQUE", "SHA-256 of its bytes (hex)"),
            _c("size", "INTEGER NOT NULL", "its bytes"),
            _c("reader", "TEXT", "the reader (or loader) that read it"),
            _c("encoding", "TEXT", "the encoding its text was decoded from (NULL: binary)"),
            _c("kind", "TEXT NOT NULL", "annual_report, key_points or rule_of_law_report"),
            _c("agency", "TEXT", "the agency as the document names it"),
            _c(
                "agency_key",
                "TEXT",
                "the agency normalised and renamed: what is matched across documents",
            ),
            _c("year", "INTEGER", "the year it reports on"),
            _c("format_version", "TEXT", "2019, 2021 or unknown (annual reports)"),
            _c("title", "TEXT", "the title as printed"),
            _c("published", "TEXT", "the publication date (ISO)"),
            _c("language", "TEXT", "zh or en"),
            _c(
                "numbers",
                "TEXT NOT NULL",
                "a digest of its tables' numbers (a blank total as its row's sum): the same "
                "for two reports with the same numbers",
            ),
            _c("nonzero", "INTEGER NOT NULL", "1 if any of those numbers is not 0"),
            _c("govinfo_version", "TEXT NOT NULL", "the govinfo that read it"),
        ),
        primary_key="id",
        indexes=(
            Index("documents_agency_year", "agency_key, year", "an agency's reports by year"),
            Index("documents_path", "path", "a file's document"),
        ),
    ),
    TableSpec(
        "sections",
        "The sections of each document in order: heading, narrative, and the state of the "
        "statutory table the section holds.",
        (
            _c("document_id", "INTEGER NOT NULL", "documents.id"),
            _c(
                "key",
                "TEXT NOT NULL",
                "general, proactive, applications, appeals, problems, other (a rule-of-law "
                "report's or key points' own)",
            ),
            _c("position", "INTEGER NOT NULL", "its place in the document (0-based)"),
            _c("heading", "TEXT", "the heading as printed"),
            _c("text", "TEXT NOT NULL", "the narrative, a paragraph a line"),
            _c("table_key", "TEXT", "the statutory table the section holds (NULL: none)"),
            _c("table_status", "TEXT", "table, image, absent or unreadable"),
            _c("table_version", "TEXT", "the format version the table follows"),
            _c("table_detail", "TEXT", "the images, or why the table cannot be read"),
        ),
        primary_key="document_id, key",
        without_rowid=True,
    ),
    TableSpec(
        "cells",
        "Every statutory cell of every table read: what it holds, the text it was read "
        "from, where, and what decided it (its key and labels are in labels; cells_tidy "
        "joins them).",
        (
            _c("document_id", "INTEGER NOT NULL", "documents.id"),
            _c(
                "label_id",
                "INTEGER NOT NULL",
                "labels.id: the cell's key in its table's format version",
            ),
            _c("kind", "TEXT NOT NULL", "count, change, amount, not_reported or unreadable"),
            _c("value", "NUMERIC", "the value of a count, change or amount"),
            _c("unit", "TEXT NOT NULL", "the unit of an amount ('' for none)"),
            _c("raw", "TEXT NOT NULL", "the text it was read from ('' for none)"),
            _c(
                "decided_by",
                "TEXT",
                "arithmetic, narrative or previous_year: what decided a value the text alone "
                "does not",
            ),
            *_SOURCE,
            _c("printed", "INTEGER NOT NULL", "0 for a cell of a row the report does not print"),
            _c("reason", "TEXT", "why an unreadable cell could not be read"),
            _c("reason_zh", "TEXT", "the reason in Chinese, where the reader gives one"),
            _c("candidates", "TEXT", "the values an unreadable cell could hold (a JSON array)"),
        ),
        primary_key="document_id, label_id",
        indexes=(Index("cells_label", "label_id, value", "one cell over every document"),),
        without_rowid=True,
    ),
    TableSpec(
        "labels",
        "The statutory labels of every cell key, per format version (from govinfo.statute).",
        (
            _c("id", "INTEGER NOT NULL", "the label's number (cells.label_id)"),
            _c("format_version", "TEXT NOT NULL", "2019 or 2021"),
            _c("key", "TEXT NOT NULL", "the dotted key (applications.received.total)"),
            _c("position", "INTEGER NOT NULL", "the cell's place in reading order"),
            _c("table_key", "TEXT NOT NULL", "proactive, applications or appeals"),
            _c("row_group", "TEXT NOT NULL", "the row's group labels, joined by ' / '"),
            _c("row_label", "TEXT NOT NULL", "the row's label as the format prints it"),
            _c("column_group", "TEXT NOT NULL", "the column's group labels, joined by ' / '"),
            _c("column_label", "TEXT NOT NULL", "the column's label as the format prints it"),
        ),
        primary_key="id",
        indexes=(Index("labels_key", "key, format_version", "a key's labels", unique=True),),
    ),
    TableSpec(
        "findings",
        "What the rules find: in one document (scope document) and across documents "
        "(scope dataset: R6, R7, C1–C3, A2), each naming the documents it concerns.",
        (
            _c("id", "INTEGER NOT NULL", "the finding's number in this database"),
            _c(
                "fingerprint",
                "TEXT NOT NULL UNIQUE",
                "its stable name (rule, document, where): review decisions refer to it",
            ),
            _c("scope", "TEXT NOT NULL", "document or dataset"),
            _c("document_id", "INTEGER", "the document it is about (documents.id)"),
            _c(
                "other_document_id",
                "INTEGER",
                "the other document a finding across documents names",
            ),
            _c("agency_key", "TEXT", "the agency a finding across documents concerns"),
            _c("year", "INTEGER", "the year a finding across documents concerns"),
            _c("rule", "TEXT NOT NULL", "the rule's code"),
            _c("status", "TEXT NOT NULL", "fail, uncertain, not_assessable or note"),
            _c("severity", "TEXT NOT NULL", "error, warning or info"),
            _c("message", "TEXT NOT NULL", "what was found, in one line"),
            _c("message_zh", "TEXT", "the message in Chinese, where the rule gives one"),
            _c(
                "where_key",
                "TEXT NOT NULL",
                "the dotted key it points at (* for every row or column)",
            ),
            _c("table_key", "TEXT", "the table it points at"),
            _c("row_key", "TEXT", "the row"),
            _c("column_key", "TEXT", "the column"),
            _c("expected", "NUMERIC", "a fail's one side"),
            _c("actual", "NUMERIC", "and its other side"),
            _c("difference", "NUMERIC", "actual − expected"),
            _c("required", "NUMERIC", "what cells not reported would have to come to"),
            _c("cells", "TEXT NOT NULL", "the cells involved (a JSON array of keys)"),
            _c("missing", "TEXT NOT NULL", "those not reported (a JSON array of keys)"),
            _c(
                "evidence",
                "TEXT NOT NULL",
                "the cells' text and where (a JSON array of objects: document, year, key, "
                "value, raw, line)",
            ),
        ),
        primary_key="id",
        indexes=(
            Index("findings_rule_status", "rule, status", "every finding of a rule"),
            Index("findings_document", "document_id", "a document's findings"),
            Index("findings_agency_year", "agency_key, year", "an agency's findings"),
        ),
    ),
    TableSpec(
        "errors",
        "Files that could not be read, each with its one-line message; a re-run skips them "
        "unless asked to retry.",
        (
            _c("path", "TEXT NOT NULL", "the file"),
            _c("hash", "TEXT NOT NULL", "SHA-256 of its bytes"),
            _c("message", "TEXT NOT NULL", "why it could not be read"),
            _c("govinfo_version", "TEXT NOT NULL", "the govinfo that tried"),
        ),
        primary_key="path",
        indexes=(Index("errors_hash", "hash", "a file's bytes"),),
    ),
    TableSpec(
        "reviews",
        "A reviewer's decisions on findings, by fingerprint; extraction never changes them.",
        (
            _c("fingerprint", "TEXT NOT NULL", "findings.fingerprint"),
            _c("decision", "TEXT NOT NULL", "confirmed or dismissed"),
            _c("comment", "TEXT NOT NULL", "why ('' for no comment)"),
            _c("reviewed_at", "TEXT NOT NULL", "when (ISO, UTC)"),
        ),
        primary_key="fingerprint",
    ),
    TableSpec(
        "stale_agencies",
        "Agencies whose findings across documents are to be worked out again: their "
        "documents changed in a run that had not got that far.",
        (_c("agency_key", "TEXT NOT NULL", "documents.agency_key"),),
        primary_key="agency_key",
        without_rowid=True,
    ),
)

TABLES_BY_NAME = {t.name: t for t in TABLES}

#: The csv reporter's columns, then the document's number and matched agency.
CELLS_TIDY = View(
    "cells_tidy",
    "The csv reporter's layout for every stored document: document, agency, year, "
    'format_version, "table", row_group, "row", column_group, "column", key, kind, value, '
    "unit, raw, decided_by, page, line; then document_id and agency_key.",
    """SELECT d.path AS document, d.agency AS agency, d.year AS year,
       l.format_version AS format_version, l.table_key AS "table", l.row_group AS row_group,
       l.row_label AS "row", l.column_group AS column_group, l.column_label AS "column",
       l.key AS key, c.kind AS kind, c.value AS value, c.unit AS unit, c.raw AS raw,
       c.decided_by AS decided_by, c.page AS page, c.line AS line, c.document_id AS document_id,
       d.agency_key AS agency_key, l.position AS position
FROM cells AS c
JOIN documents AS d ON d.id = c.document_id
JOIN labels AS l ON l.id = c.label_id""",
)

FINDINGS_TIDY = View(
    "findings_tidy",
    "Every finding with its documents' paths, the agency and year it concerns, and the "
    "reviewer's decision.",
    """SELECT f.fingerprint AS fingerprint, f.scope AS scope, f.rule AS rule,
       f.status AS status, f.severity AS severity,
       COALESCE(f.agency_key, d.agency_key) AS agency_key, COALESCE(f.year, d.year) AS year,
       d.path AS document, o.path AS other_document, f.where_key AS where_key,
       f.message AS message, f.message_zh AS message_zh, f.expected AS expected, f.actual AS actual,
       f.difference AS difference, f.required AS required, f.cells AS cells,
       f.missing AS missing, f.evidence AS evidence, r.decision AS decision,
       r.comment AS comment, f.document_id AS document_id,
       f.other_document_id AS other_document_id, f.id AS id
FROM findings AS f
LEFT JOIN documents AS d ON d.id = f.document_id
LEFT JOIN documents AS o ON o.id = f.other_document_id
LEFT JOIN reviews AS r ON r.fingerprint = f.fingerprint""",
)

VIEWS: tuple[View, ...] = (CELLS_TIDY, FINDINGS_TIDY)


def _create_table(table: TableSpec) -> str:
    width = max(len(c.name) for c in table.columns)
    lines = [f"  {c.name.ljust(width)} {c.type},  -- {c.doc}" for c in table.columns]
    if table.primary_key:
        lines.append(f"  PRIMARY KEY ({table.primary_key})")
    else:
        lines[-1] = lines[-1].replace(",  --", "  --", 1)
    suffix = " WITHOUT ROWID" if table.without_rowid else ""
    return f"-- {table.doc}\nCREATE TABLE {table.name} (\n" + "\n".join(lines) + f"\n){suffix};"


def statements() -> list[str]:
    """The SQL statements that create the database, with what each table and column holds."""
    out = []
    for table in TABLES:
        out.append(_create_table(table))
        for index in table.indexes:
            unique = "UNIQUE " if index.unique else ""
            out.append(
                f"-- {index.doc}\nCREATE {unique}INDEX {index.name} ON {table.name} "
                f"({index.columns});"
            )
    for view in VIEWS:
        out.append(f"-- {view.doc}\nCREATE VIEW {view.name} AS\n{view.select};")
    return out


def ddl() -> str:
    """The SQL that creates the database, as one script."""
    header = f"-- govinfo dataset, schema version {SCHEMA_VERSION}\n\n"
    return header + "\n\n".join(statements()) + "\n"
