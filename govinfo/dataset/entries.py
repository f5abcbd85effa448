"""The documents of a set as the rules across documents see them, and what those rules find.

An :class:`Entry` is one annual report: where it came from, the agency and year it is
matched under, and its statutory tables.  A :class:`SetFinding` is a model
:class:`~govinfo.model.findings.Finding` with the documents it names (the one it is about
and the other one), the agency, the year, and the cells of both documents it rests on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping

import attrs

from govinfo import pipeline
from govinfo.dataset.agencies import normalise
from govinfo.dataset.diff import numbers_digest
from govinfo.dataset.records import Row
from govinfo.dataset.work import content_hash, finding_row
from govinfo.model.cells import Cell, number
from govinfo.model.documents import AnnualReport
from govinfo.model.findings import Finding, Numbering
from govinfo.model.tables import Table
from govinfo.plugin.registry import Registry
from govinfo.source import Source
from govinfo.statute import TableKey


@attrs.frozen
class Entry:
    """An annual report of the set.

    ``tables`` may hold only the rows a rule needs (see
    :func:`govinfo.dataset.analysis.stored_entries`); ``numbers`` and ``nonzero`` are of the
    whole tables (:func:`govinfo.dataset.diff.numbers_digest`).
    """

    path: str
    hash: str
    agency: str | None
    agency_key: str | None
    year: int | None
    tables: Mapping[TableKey, Table] = attrs.field(factory=dict, eq=False)
    numbers: str = ""
    nonzero: bool = False
    #: documents.id when the document is stored.
    id: int | None = None

    @classmethod
    def read(cls, path: str, registry: Registry | None = None) -> Entry:
        """The annual report in a file (not stored; its agency normalised, not renamed)."""
        source = Source.from_path(path)
        report = pipeline.read(source, kind="annual_report", registry=registry)
        assert isinstance(report, AnnualReport)
        agency = report.metadata.agency
        key = normalise(agency) if agency else None
        return cls.of(report, path, content_hash(source.data), key)

    @classmethod
    def of(cls, report: AnnualReport, path: str, digest: str, agency_key: str | None) -> Entry:
        """The entry of a report read from a file (not stored)."""
        meta = report.metadata
        tables = {t.key: t for t in report.tables()}
        numbers, nonzero = numbers_digest(tables)
        return cls(path, digest, meta.agency, agency_key, meta.year, tables, numbers, nonzero)

    def with_table(self, table: Table) -> Entry:
        return attrs.evolve(self, tables={**self.tables, table.key: table})

    def cell(self, key: str) -> Cell | None:
        """The cell at a dotted key; None when its table is not available here, or its
        format has no such cell."""
        table = self.tables.get(key.partition(".")[0])  # type: ignore[call-overload]
        if table is None:
            return None
        try:
            return table[key]  # type: ignore[no-any-return]
        except KeyError:
            return None


@attrs.frozen
class CellEvidence:
    """One cell of one document that a finding across documents rests on."""

    document: str
    year: int | None
    key: str
    value: int | str | None
    raw: str | None
    line: int | None

    @classmethod
    def of(cls, entry: Entry, key: str, cell: Cell) -> CellEvidence:
        value = number(cell)
        shown = value if value is None or isinstance(value, int) else str(value)
        line = cell.source.line if cell.source else None
        return cls(entry.path, entry.year, key, shown, cell.raw, line)


@attrs.frozen
class SetFinding:
    """A finding across documents: about ``document``, naming ``other`` too."""

    finding: Finding
    agency_key: str | None
    year: int | None
    document: Entry | None = None
    other: Entry | None = None
    evidence: tuple[CellEvidence, ...] = ()
    #: What its fingerprint names beside the rule and where it points: the agency and the
    #: year, unless told more (the documents, when an agency has several for one year).
    identity: str | None = None

    def fingerprint_identity(self) -> str:
        return self.identity or f"{self.agency_key}:{self.year}"


def set_finding_rows(findings: Iterable[SetFinding]) -> Iterator[Row]:
    """The rows of ``findings``: document_id, other_document_id, agency_key, year, then the
    columns of a document's findings."""
    numbering = Numbering()
    for found in findings:
        finding = found.finding
        fingerprint = numbering(finding.rule, found.fingerprint_identity(), finding.where.key)
        evidence = json.dumps([attrs.asdict(e) for e in found.evidence], ensure_ascii=False)
        yield (
            found.document.id if found.document else None,
            found.other.id if found.other else None,
            found.agency_key,
            found.year,
            *finding_row(finding, fingerprint, evidence),
        )


def by_year(entries: Iterable[Entry]) -> dict[int, list[Entry]]:
    """The entries that name their year, by year (in the order given)."""
    out: dict[int, list[Entry]] = {}
    for entry in entries:
        if entry.year is not None:
            out.setdefault(entry.year, []).append(entry)
    return dict(sorted(out.items()))
