"""The CSV reporter: one row per statutory cell, the tidy long format for pandas, R or Excel.

Columns: document, agency, year, format_version, table, row_group, row, column_group,
column, key, kind, value, unit, raw, decided_by, page, line.  ``row`` and ``column`` are the
Chinese labels exactly as the format prints them, ``key`` the stable dotted key, ``raw`` the
text the value was read from, ``decided_by`` what decided a value the text alone does not
(``arithmetic``, ``narrative``, ``previous_year``).  ``bom=True`` starts the file with a
byte-order mark, for Excel.

A text field that a spreadsheet would take for a formula (beginning with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return, and not a plain number such as ``-3``) is written with a
``'`` before it, as the OWASP guidance on CSV injection advises: a crawled page's
``=HYPERLINK(…)`` shows as text.  :func:`rows` gives the fields as they are.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable

from govinfo.model.documents import AnnualReport, Document
from govinfo.model.findings import Finding
from govinfo.model.tables import Table
from govinfo.plugin.specs import Options, ReporterSpec, hookimpl
from govinfo.report import present as p

COLUMNS = (
    "document", "agency", "year", "format_version", "table", "row_group", "row",
    "column_group", "column", "key", "kind", "value", "unit", "raw", "decided_by", "page",
    "line",
)  # fmt: skip


def rows(document: Document) -> list[dict[str, str]]:
    """The CSV rows of a document: every cell of every available statutory table."""
    if not isinstance(document, AnnualReport):
        return []
    meta = document.metadata
    name = meta.origin.location if meta.origin and meta.origin.location else (meta.title or "")
    out = []
    for table in document.tables():
        for ref in table.cells():
            cell = ref.cell
            unit = getattr(cell, "unit", None) or ref.column.unit or ""
            out.append(
                {
                    "document": name,
                    "agency": meta.agency or "",
                    "year": str(meta.year or ""),
                    "format_version": table.version,
                    "table": table.key,
                    "row_group": " / ".join(g.zh for g in ref.row.groups),
                    "row": ref.row.label.zh,
                    "column_group": " / ".join(g.zh for g in ref.column.groups),
                    "column": ref.column.label.zh,
                    "key": ref.key,
                    "kind": p.cell_kind(cell),
                    "value": p.plain_value(cell),
                    "unit": unit,
                    "raw": cell.raw or "",
                    "decided_by": getattr(cell, "decided_by", None) or "",
                    "page": str(cell.source.page) if cell.source and cell.source.page else "",
                    "line": str(cell.source.line) if cell.source and cell.source.line else "",
                }
            )
    return out


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[-+]?[0-9.,]*")


def neutralised(text: str) -> str:
    """The field as a spreadsheet shows it as text: a ``'`` before what would be a formula."""
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def render(document: Document, findings: tuple[Finding, ...], options: Options) -> str:
    buffer = io.StringIO()
    if options.get("bom"):
        buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: neutralised(v) for k, v in row.items()} for row in rows(document))
    return buffer.getvalue()


@hookimpl
def govinfo_register_reporters(register: Callable[[ReporterSpec], None]) -> None:
    register(
        ReporterSpec(
            "csv",
            ".csv",
            p.any_document,
            render,
            description="one row per statutory cell, for pandas, R or a spreadsheet",
            header_lines=1,
        )
    )


__all__ = ["COLUMNS", "Table", "neutralised", "rows"]
