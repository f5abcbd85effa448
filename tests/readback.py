"""What a report's tables say, to compare a report with what is read back from a rendering of
it: every cell's kind and value, by key."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

from conftest import EXAMPLES

import govinfo
from govinfo import AnnualReport, Table
from govinfo.model.cells import Cell

Cells = dict[str, tuple[str, object]]


def annual_examples() -> list[Path]:
    """The examples that are annual reports with tables."""
    found = []
    for path in sorted(EXAMPLES.iterdir()):
        document = govinfo.read(path)
        if isinstance(document, AnnualReport) and any(
            isinstance(s.table, Table) for s in document.sections
        ):
            found.append(path)
    return found


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").strip())
    except InvalidOperation:
        return None


def prints_its_value(cell: Cell) -> bool:
    """Whether the text a form prints for the cell (its raw text) reads as its value: not so
    for a row of digits glued together, whose every cell keeps the whole row, split or
    unreadable."""
    raw = getattr(cell, "raw", None)
    if raw is None:
        return True
    number = _number(raw)
    value = getattr(cell, "value", None)
    return number is None if value is None else number == value


def cells(report: AnnualReport) -> Cells:
    return {
        ref.key: (type(ref.cell).__name__, getattr(ref.cell, "value", None))
        for section in report.sections
        if isinstance(section.table, Table)
        for ref in section.table.cells()
    }


def own_and_shared(report: AnnualReport) -> tuple[set[str], set[str]]:
    """The keys of the cells whose printed text is their own value, and of the others."""
    own: set[str] = set()
    shared: set[str] = set()
    for section in report.sections:
        if isinstance(section.table, Table):
            for ref in section.table.cells():
                (own if prints_its_value(ref.cell) else shared).add(ref.key)
    return own, shared


def only(found: Cells, keys: set[str]) -> Cells:
    return {k: v for k, v in found.items() if k in keys}
