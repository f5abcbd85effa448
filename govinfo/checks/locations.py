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
    images = ", ".join(table.images)
    why, why_zh = {
        "image": (f"published as an image ({images})", f"以图片发布（{images}）"),
        "absent": ("not in the document", "文中无此表"),
        "unreadable": ("present but unreadable", "在文中但无法识读"),
    }[table.reason]
    heading = section_for_table(definition.key).heading
    return Finding(
        rule,
        Status.NOT_ASSESSABLE,
        Severity.INFO,
        f"table {heading} is {why}",
        table_location(definition),
        message_zh=f"表{heading[0]}{why_zh}，无法检查",
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
