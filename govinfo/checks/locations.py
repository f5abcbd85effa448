"""Where a finding points, from the statute's labels: a table, a row, a column, a cell."""

from __future__ import annotations

from collections.abc import Iterator

from govinfo.model.documents import AnnualReport, Document
from govinfo.model.findings import Finding, Location, Severity, Status
from govinfo.model.tables import Table, TableUnavailable
from govinfo.statute import ColumnDef, RowDef, TableDef, TableKey, section_for_table, table_def


def row_location(definition: TableDef, row: RowDef, column: ColumnDef | None = None) -> Location:
    labels = [definition.title.zh, *(g.zh for g in row.groups), row.label.zh]
    labels_en = [definition.title.en, *(g.en for g in row.groups), row.label.en]
    if column is not None:
        labels += [*(g.zh for g in column.groups), column.label.zh]
        labels_en += [*(g.en for g in column.groups), column.label.en]
    return Location(
        table=definition.key,
        row=row.key,
        column=column.key if column else None,
        section=section_for_table(definition.key).key,
        labels=tuple(labels),
        labels_en=tuple(labels_en),
    )


def column_location(definition: TableDef, column: ColumnDef) -> Location:
    return Location(
        table=definition.key,
        column=column.key,
        section=section_for_table(definition.key).key,
        labels=(definition.title.zh, *(g.zh for g in column.groups), column.label.zh),
        labels_en=(definition.title.en, *(g.en for g in column.groups), column.label.en),
    )


def table_location(definition: TableDef) -> Location:
    return Location(
        table=definition.key,
        section=section_for_table(definition.key).key,
        labels=(definition.title.zh,),
        labels_en=(definition.title.en,),
    )


def unavailable(rule: str, definition: TableDef, table: TableUnavailable) -> Finding:
    why = {
        "image": f"published as an image ({', '.join(table.images)})",
        "absent": "not in the document",
        "unreadable": "present but unreadable",
    }[table.reason]
    return Finding(
        rule,
        Status.NOT_ASSESSABLE,
        Severity.INFO,
        f"table {section_for_table(definition.key).heading} is {why}",
        table_location(definition),
    )


def tables_to_check(document: Document, key: TableKey, rule: str) -> Iterator[Finding | Table]:
    """The table to check, or the not-assessable finding when it is unavailable."""
    if not isinstance(document, AnnualReport):
        return
    table = document.table(key)
    if isinstance(table, TableUnavailable):
        # The definitions of both versions share the title and the location.
        yield unavailable(rule, table_def(key, "2021"), table)
        return
    yield table
