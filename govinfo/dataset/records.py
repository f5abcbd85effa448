"""What reading one file gives the database: the document's row and the rows of its sections,
cells and findings, or the file's error.  Plain, picklable values: they travel from the
process (or the machine) that read the file to the one that owns the database.
"""

from __future__ import annotations

from typing import TypeAlias

import attrs

from govinfo.dataset.schema import TABLES_BY_NAME


def _after_document_id(table: str) -> tuple[str, ...]:
    names = TABLES_BY_NAME[table].column_names
    assert names[0] == "document_id"
    return names[1:]


#: The columns of the rows an :class:`Extracted` holds, in order (``document_id`` is the
#: database's to give).
SECTION_COLUMNS = _after_document_id("sections")
#: A cell names its label by format version and key (the database numbers them).
CELL_COLUMNS = ("format_version", "key", *_after_document_id("cells")[1:])
#: A document's own findings: the columns the reading fills.
FINDING_COLUMNS = (
    "fingerprint", "rule", "status", "severity", "message", "message_zh", "where_key", "table_key",
    "row_key", "column_key", "expected", "actual", "difference", "required", "cells",
    "missing", "evidence",
)  # fmt: skip

Row: TypeAlias = tuple[object, ...]


@attrs.frozen
class DocumentRecord:
    """A document's row of ``documents`` (without ``id`` and ``agency_key``, which the
    database gives)."""

    path: str
    hash: str
    size: int
    reader: str | None
    encoding: str | None
    kind: str
    agency: str | None
    year: int | None
    format_version: str | None
    title: str | None
    published: str | None
    language: str | None
    numbers: str
    nonzero: bool


@attrs.frozen
class Extracted:
    """A file read: its document, and the rows of its sections, cells and findings."""

    document: DocumentRecord
    sections: tuple[Row, ...]
    cells: tuple[Row, ...]
    findings: tuple[Row, ...]

    @property
    def path(self) -> str:
        return self.document.path

    @property
    def hash(self) -> str:
        return self.document.hash


@attrs.frozen
class Failed:
    """A file that could not be read, and why (one line)."""

    path: str
    hash: str
    message: str


Result: TypeAlias = Extracted | Failed
