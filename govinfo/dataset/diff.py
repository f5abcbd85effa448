"""Two reports cell by cell: what changed from one to the other.

Cells are matched by their dotted key, so a table in the 2019 format and one in the 2021
format are compared on the cells both formats have: :func:`compare` compares only those
(and counts the others), :func:`changes` lists the others too, as changed from or to
nothing.  A cell is the same when it holds the same value (or, left blank or unreadable,
when both are so): how it was printed or read does not count.  Compared by their numbers, a
total left blank counts as the sum of its row, as the checks count it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from decimal import Decimal

import attrs

from govinfo.arithmetic import Number, derived_totals
from govinfo.model.cells import Cell, NotReported, Unreadable, number
from govinfo.model.tables import CellRef, Table
from govinfo.statute import TABLE_KEYS, TableKey


@attrs.frozen
class CellChange:
    """A cell that differs: ``before`` and ``after`` are None where the report has no such
    cell (its table is not available, or its format lacks it)."""

    key: str
    before: Cell | None
    after: Cell | None
    #: The statutory labels of the cell (of the table it is in), row then column.
    labels: tuple[str, str]

    @property
    def change(self) -> Number | None:
        """after − before, when both are numbers."""
        a, b = _number(self.before), _number(self.after)
        return None if a is None or b is None else b - a


def _number(cell: Cell | None) -> Number | None:
    return None if cell is None else number(cell)


def state(cell: Cell) -> object:
    """What is compared of a cell: its value, or that it is blank or unreadable."""
    if isinstance(cell, NotReported):
        return "blank"
    if isinstance(cell, Unreadable):
        return ("unreadable", cell.raw)
    value = number(cell)
    return value.normalize() if isinstance(value, Decimal) else value


def show(cell: Cell | None, lang: str = "en") -> str:
    """A cell as a diff prints it (in English, or in Chinese for ``zh``)."""
    zh = lang == "zh"
    if cell is None:
        return "（无）" if zh else "(none)"
    if isinstance(cell, NotReported):
        return "（未填报）" if zh else "(blank)"
    if isinstance(cell, Unreadable):
        return f"（无法识读：{cell.raw}）" if zh else f"(unreadable: {cell.raw})"
    return str(number(cell))


def _compared(table: Table | None, numbers: bool) -> Iterator[tuple[CellRef, object]]:
    """Each cell of the table, and what is compared of it."""
    if table is None:
        return
    derived = derived_totals(table)[0] if numbers else {}
    for ref in table.cells():
        compared = state(ref.cell)
        if numbers and isinstance(ref.cell, NotReported) and ref.row.key in derived:
            value = derived[ref.row.key][ref.row.column_index(ref.column.key)]
            compared = "blank" if value is None else value
        yield ref, compared


def _labels(ref: CellRef) -> tuple[str, str]:
    row, column = ref.row, ref.column
    return (
        " / ".join((*(g.zh for g in row.groups), row.label.zh)),
        " / ".join((*(g.zh for g in column.groups), column.label.zh)),
    )


def changes(
    before: Mapping[TableKey, Table],
    after: Mapping[TableKey, Table],
    *,
    numbers: bool = False,
) -> Iterator[CellChange]:
    """The cells that differ between two reports' tables, in reading order; with
    ``numbers``, a blank total the same as a printed one that is its row's sum."""
    for key in TABLE_KEYS:
        first = {r.key: (r, c) for r, c in _compared(before.get(key), numbers)}
        second = {r.key: (r, c) for r, c in _compared(after.get(key), numbers)}
        for cell_key in dict.fromkeys((*second, *first)):
            a, b = first.get(cell_key), second.get(cell_key)
            if (a[1] if a else None) != (b[1] if b else None):
                ref = (b or a)[0]  # type: ignore[index]
                yield CellChange(
                    cell_key, a[0].cell if a else None, b[0].cell if b else None, _labels(ref)
                )


@attrs.frozen
class Comparison:
    """Two reports compared on the cells both have: the cells that differ, how many were
    compared, how many only one report has (not compared), and the format versions of each
    report's tables."""

    changes: tuple[CellChange, ...]
    compared: int
    only_before: int
    only_after: int
    versions: tuple[tuple[str, ...], tuple[str, ...]]

    @property
    def versions_differ(self) -> bool:
        before, after = self.versions
        return bool(before) and bool(after) and before != after


def _versions(tables: Mapping[TableKey, Table]) -> tuple[str, ...]:
    return tuple(sorted({str(t.version) for t in tables.values()}))


def compare(
    before: Mapping[TableKey, Table],
    after: Mapping[TableKey, Table],
    *,
    numbers: bool = False,
) -> Comparison:
    """The cells both reports have that differ, in reading order (a cell of a table only one
    has, or of a row only one format has, is counted, not compared)."""
    found = [
        c for c in changes(before, after, numbers=numbers)
        if c.before is not None and c.after is not None
    ]  # fmt: skip
    first = {r.key for key in TABLE_KEYS for r in _cells(before.get(key))}
    second = {r.key for key in TABLE_KEYS for r in _cells(after.get(key))}
    return Comparison(
        tuple(found),
        len(first & second),
        len(first - second),
        len(second - first),
        (_versions(before), _versions(after)),
    )


def _cells(table: Table | None) -> Iterator[CellRef]:
    if table is not None:
        yield from table.cells()


def numbers_digest(tables: Mapping[TableKey, Table]) -> tuple[str, bool]:
    """What two reports with the same numbers share (their tables, versions and numbers, a
    blank total counted as its row's sum: what :func:`changes` with ``numbers`` compares),
    and whether any of those numbers is not 0."""
    digest = hashlib.sha256()
    nonzero = False
    for key in TABLE_KEYS:
        table = tables.get(key)
        if table is None:
            continue
        derived = derived_totals(table)[0]
        parts = [f"{key}:{table.version}"]
        for row in table.definition.rows:
            found = table.get_row(row.key)
            if found is None:
                parts.append(f"{row.key}:{['blank'] * len(row.columns)}")
                continue
            compared = [
                ("unreadable", cell.raw)
                if isinstance(cell, Unreadable)
                else "blank"
                if value is None
                else value.normalize()
                if isinstance(value, Decimal)
                else value
                for cell, value in zip(found.cells, derived[row.key], strict=True)
            ]
            nonzero = nonzero or any(v for v in derived[row.key] if v is not None)
            parts.append(f"{row.key}:{compared}")
        digest.update("\n".join(parts).encode("utf-8"))
    return digest.hexdigest()[:32], nonzero
