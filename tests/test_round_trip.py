"""Any report an agency could publish reads back to itself: drawn by the strategies, written
as a page (plain, Word-exported, inside a CMS) or as text, and read by the readers."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

import govinfo
from govinfo import AnnualReport, Source, Table
from govinfo.model.narrative import plain_text
from govinfo.testing import pages
from govinfo.testing import strategies as gs


def content(report: AnnualReport) -> dict[str, Any]:
    """What a report says, without where it was read from: headings, narrative, every cell's
    value (None for a blank), the format version."""
    tables: dict[str, object] = {}
    for section in report.sections:
        table = section.table
        if isinstance(table, Table):
            tables[table.key] = (
                table.version,
                [(ref.key, getattr(ref.cell, "value", None)) for ref in table.cells()],
            )
        elif table is not None:
            tables[section.key] = table.reason
    return {
        "version": report.metadata.format_version,
        "year": report.metadata.year,
        "headings": [s.heading for s in report.sections],
        "narrative": [plain_text(s.content) for s in report.sections],
        "tables": tables,
    }


def _read(text: str, name: str) -> AnnualReport:
    document = govinfo.read(Source(text.encode("utf-8"), name))
    assert isinstance(document, AnnualReport)
    return document


@settings(max_examples=25)
@given(gs.printable_reports())
def test_a_report_reads_back_from_its_page(report: AnnualReport) -> None:
    expected = content(report)
    for markup in (pages.page(report), pages.page(report, word=True, chrome=True)):
        assert content(_read(markup, "report.html")) == expected


@settings(max_examples=25)
@given(gs.printable_reports())
def test_a_report_reads_back_from_its_text(report: AnnualReport) -> None:
    assert content(_read(pages.text(report), "report.txt")) == content(report)
