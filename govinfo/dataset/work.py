"""The work done for one file: read it, check it, and make the rows the database stores.

:func:`extract_document` is a pure function of the file's bytes (and the name it came under,
which tells its suffix): any process, on any machine with govinfo installed, can run it,
and the result pickles.  It never raises for what a file holds: a file that cannot be read
becomes a :class:`Failed` with one line saying why.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from decimal import Decimal

from govinfo import pipeline
from govinfo.dataset.diff import numbers_digest
from govinfo.dataset.records import DocumentRecord, Extracted, Failed, Result, Row
from govinfo.errors import GovinfoError
from govinfo.limits import Limits
from govinfo.model.cells import Cell, SourceRef, Unreadable
from govinfo.model.documents import AnnualReport, Document, KeyPoints, RuleOfLawReport
from govinfo.model.findings import Finding, Number, Numbering
from govinfo.model.narrative import plain_text
from govinfo.model.tables import Table
from govinfo.report.present import cell_kind
from govinfo.source import Source
from govinfo.statute import DocumentKind


def content_hash(data: bytes) -> str:
    """The hash a document is stored under: SHA-256 of its bytes, in hex."""
    return hashlib.sha256(data).hexdigest()


def extract_document(
    data: bytes,
    name: str,
    *,
    reader: str | None = None,
    kind: DocumentKind | None = None,
    limits: Limits | None = None,
) -> Result:
    """Read, check and lay out one file for the database (with the installed plugins),
    within ``limits`` (the defaults when None)."""
    digest = content_hash(data)
    try:
        document = pipeline.read(Source(data, name), reader=reader, kind=kind, limits=limits)
        findings = pipeline.check(document)
    except GovinfoError as exc:
        return Failed(name, digest, _one_line(str(exc)))
    except Exception as exc:  # a bug in a reader or the assembler: noted, the run goes on
        return Failed(name, digest, _one_line(f"govinfo failed: {type(exc).__name__}: {exc}"))
    return Extracted(
        _record(document, name, digest, len(data)),
        tuple(_sections(document)),
        tuple(cell_rows(document)),
        tuple(finding_rows(findings, digest)),
    )


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _record(document: Document, path: str, digest: str, size: int) -> DocumentRecord:
    meta = document.metadata
    origin = meta.origin
    tables = {t.key: t for t in document.tables()} if isinstance(document, AnnualReport) else {}
    numbers, nonzero = numbers_digest(tables)
    return DocumentRecord(
        path=path,
        hash=digest,
        size=size,
        reader=origin.reader if origin else None,
        encoding=origin.encoding if origin else None,
        kind=document.kind,
        agency=meta.agency,
        year=meta.year,
        format_version=getattr(meta, "format_version", None),
        title=meta.title,
        published=meta.published.isoformat() if meta.published else None,
        language=meta.language,
        numbers=numbers,
        nonzero=nonzero,
    )


def _sections(document: Document) -> Iterator[Row]:
    """(key, position, heading, text, table_key, table_status, table_version, table_detail)"""
    if isinstance(document, AnnualReport):
        for position, section in enumerate(document.sections):
            table = section.table
            key = section.definition.table
            if isinstance(table, Table):
                state: tuple[object, ...] = (key, "table", table.version, None)
            elif table is not None:
                detail = ", ".join(table.images) if table.images else table.detail
                state = (key, table.reason, None, detail)
            else:
                state = (None, None, None, None)
            yield (section.key, position, section.heading, plain_text(section.content), *state)
    elif isinstance(document, RuleOfLawReport):
        for position, part in enumerate(document.sections):
            text = plain_text(part.content)
            yield (part.key, position, part.heading, text, None, None, None, None)
    elif isinstance(document, KeyPoints):
        for position, points in enumerate(document.parts):
            text = "\n".join(f"{t.marker}{t.lead}{t.body}" for t in points.tasks)
            heading = f"{points.marker}{points.title}"
            yield (f"part{points.number}", position, heading, text, None, None, None, None)


def _sql(value: Number | None) -> int | str | None:
    """A number as SQLite stores it exactly (a Decimal as its text, in a NUMERIC column)."""
    return str(value) if isinstance(value, Decimal) else value


def _source(source: SourceRef | None) -> tuple[int | None, int | None, int | None]:
    if source is None:
        return (None, None, None)
    return (source.line, source.offset, source.page)


def cell_row(key: str, version: str, cell: Cell, unit: str, printed: bool) -> Row:
    """A row of ``cells`` (without ``document_id``), in :data:`CELL_COLUMNS` order."""
    reason, reason_zh, candidates = None, None, None
    if isinstance(cell, Unreadable):
        reason, reason_zh = cell.reason, cell.reason_zh
        candidates = json.dumps(cell.candidates) if cell.candidates else None
    return (
        version,
        key,
        cell_kind(cell),
        _sql(getattr(cell, "value", None)),
        unit,
        cell.raw or "",
        getattr(cell, "decided_by", None),
        *_source(cell.source),
        int(printed),
        reason,
        reason_zh,
        candidates,
    )


def cell_rows(document: Document) -> Iterator[Row]:
    """Every statutory cell of every table the document has, as the csv reporter lists them."""
    if not isinstance(document, AnnualReport):
        return
    for table in document.tables():
        for ref in table.cells():
            unit = getattr(ref.cell, "unit", None) or ref.column.unit or ""
            printed = table.get_row(ref.row.key) is not None
            yield cell_row(ref.key, table.version, ref.cell, unit, printed)


def finding_row(finding: Finding, fingerprint: str, evidence: str) -> Row:
    """A finding's row (in :data:`FINDING_COLUMNS` order), its evidence given as JSON."""
    where = finding.where
    return (
        fingerprint,
        finding.rule,
        finding.status.value,
        finding.severity.value,
        finding.message,
        finding.message_zh,
        where.key,
        where.table,
        where.row,
        where.column,
        _sql(finding.expected),
        _sql(finding.actual),
        _sql(finding.difference),
        _sql(finding.required),
        json.dumps(finding.cells),
        json.dumps(finding.missing),
        evidence,
    )


def finding_rows(findings: tuple[Finding, ...], identity: str) -> Iterator[Row]:
    """The rows of a document's findings, fingerprinted with ``identity``, its content hash:
    in the database a document is its bytes (two files of one agency and year with different
    numbers are two documents, whose findings keep apart)."""
    number = Numbering()
    for finding in findings:
        evidence = [
            {"key": e.key, "raw": e.raw, "line": e.source.line if e.source else None}
            for e in finding.evidence
        ]
        yield finding_row(
            finding,
            number(finding.rule, identity, finding.where.key or ""),
            json.dumps(evidence, ensure_ascii=False),
        )
