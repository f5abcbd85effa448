"""The format version: each table follows the report's (V1), and the version its year (V2)."""

from __future__ import annotations

from collections.abc import Iterator

from govinfo.checks.locations import table_location
from govinfo.model.documents import AnnualReport, Document
from govinfo.model.findings import Finding, Severity, Status
from govinfo.statute import FIRST_YEAR, section_for_table, version_for_year


def check_format_version(document: Document) -> Iterator[Finding]:
    """V1: every table follows the format version the report declares."""
    if not isinstance(document, AnnualReport):
        return
    declared = document.metadata.format_version
    for table in document.tables():
        if declared != "unknown" and table.version != declared:
            yield Finding(
                "V1",
                Status.FAIL,
                Severity.WARNING,
                f"table {section_for_table(table.key).heading} follows the {table.version} "
                f"format, the report declares {declared}",
                table_location(table.definition),
                message_zh=f"{section_for_table(table.key).heading}的表格用 "
                f"{table.version} 年格式，报告其余用 {declared} 年格式",
            )


def check_version_year(document: Document) -> Iterator[Finding]:
    """V2: the format version fits the report's year."""
    if not isinstance(document, AnnualReport) or document.metadata.year is None:
        return
    year = document.metadata.year
    for table in document.tables():
        heading = section_for_table(table.key).heading
        if FIRST_YEAR[table.version] > year:
            yield Finding(
                "V2",
                Status.FAIL,
                Severity.WARNING,
                f"table {heading} follows the {table.version} format, which did not exist "
                f"for {year}",
                table_location(table.definition),
                message_zh=f"{heading}的表格用 {table.version} 年格式，而 {year} 年尚无此格式",
            )
        elif table.version != (in_force := version_for_year(year)):
            yield Finding(
                "V2",
                Status.NOTE,
                Severity.INFO,
                f"table {heading} follows the {table.version} format, replaced from "
                f"{FIRST_YEAR[in_force]} reports on",
                table_location(table.definition),
                message_zh=f"{heading}的表格用 {table.version} 年格式，"
                f"{FIRST_YEAR[in_force]} 年起的报告已改用新格式",
            )
