"""The narrative against the tables: a figure the text states and the cell it describes (N1)."""

from __future__ import annotations

from collections.abc import Iterator

from govinfo.arithmetic import derived_totals
from govinfo.checks.locations import row_location
from govinfo.model.documents import AnnualReport, Document
from govinfo.model.findings import Evidence, Finding, Severity, Status
from govinfo.model.tables import Table, TableUnavailable
from govinfo.statute import TABLE_KEYS, RowRole, table_def

_REASONS_ZH = {"image": "以图片发布", "absent": "文中无此表", "unreadable": "无法识读"}


def check_stated_figures(document: Document) -> Iterator[Finding]:
    """N1: a figure the narrative states against the table cell it describes."""
    if not isinstance(document, AnnualReport):
        return
    for figure in document.stated:
        table_key, _, local = figure.key.partition(".")
        row_key, _, column_key = local.rpartition(".")
        if table_key not in TABLE_KEYS:
            continue
        table = document.table(table_key)
        version = table.version if isinstance(table, Table) else "2021"
        definition = table_def(table_key, version)
        if not definition.has_row(row_key):
            continue
        row = definition.row(row_key)
        column = row.column(column_key)
        where = row_location(definition, row, column)
        evidence = (Evidence(figure.key, figure.text, figure.source),)
        said = f"the narrative states {figure.value} ({figure.text})"
        said_zh = f"正文称 {figure.value}（{figure.text}）"
        if isinstance(table, TableUnavailable):
            yield Finding(
                "N1",
                Status.UNCERTAIN,
                Severity.INFO,
                f"{said}; the table it would be checked against is unavailable ({table.reason})",
                where,
                message_zh=f"{said_zh}；可供核对的表格不可用（{_REASONS_ZH[table.reason]}）",
                expected=figure.value,
                cells=(figure.key,),
                evidence=evidence,
            )
            continue
        values, _ = derived_totals(table)
        index = row.column_index(column_key)

        def value_of(key: str, values: object = values, index: int = index) -> object:
            found = values.get(key)  # type: ignore[attr-defined]
            return None if found is None else found[index]

        value = value_of(row_key)
        if value is None:
            yield Finding(
                "N1",
                Status.UNCERTAIN,
                Severity.WARNING,
                f"{said}; the table does not report {row.label.zh} / {column.label.zh}",
                where,
                message_zh=f"{said_zh}；表中未报告 {row.label.zh} / {column.label.zh}",
                expected=figure.value,
                cells=(figure.key,),
                missing=(figure.key,),
                evidence=evidence,
            )
            continue
        if value == figure.value:
            continue
        if row.role is RowRole.RECEIVED:
            carried = [value_of(r.key) for r in definition.rows_with_role(RowRole.CARRIED_OVER)]
            known = [c for c in carried if isinstance(c, int)]
            if (
                len(known) == len(carried)
                and isinstance(value, int)
                and value + sum(known) == figure.value
            ):
                yield Finding(
                    "N1",
                    Status.NOTE,
                    Severity.INFO,
                    f"{said}: new applications ({value}) and those carried over from "
                    "last year counted together",
                    where,
                    message_zh=f"{said_zh}：本年新收（{value}）与上年结转合并计算",
                    expected=figure.value,
                    actual=value,
                    cells=(figure.key,),
                    evidence=evidence,
                )
                continue
        yield Finding(
            "N1",
            Status.FAIL,
            Severity.WARNING,
            f"{said}; the table says {value}",
            where,
            message_zh=f"{said_zh}；表中为 {value}",
            expected=figure.value,
            actual=value,  # type: ignore[arg-type]
            difference=value - figure.value,  # type: ignore[operator]
            cells=(figure.key,),
            evidence=evidence,
        )
