"""Statutory tables: rows of cells, validated against the format definitions."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal, TypeAlias, get_args

import attrs

from govinfo.errors import InvalidValueError
from govinfo.model import _validators as v
from govinfo.model.cells import (
    CELL_TYPES,
    Amount,
    Cell,
    Change,
    Count,
    NotReported,
    Number,
    SourceRef,
    Unreadable,
    number,
    numbers,
)
from govinfo.statute import (
    FORMAT_VERSIONS,
    TABLE_KEYS,
    CellKind,
    ColumnDef,
    FormatVersion,
    RowDef,
    TableDef,
    TableKey,
    table_def,
)

_ALLOWED: Mapping[CellKind, tuple[type, ...]] = {
    CellKind.COUNT: (Count, NotReported, Unreadable),
    CellKind.CHANGE: (Change, NotReported, Unreadable),
    CellKind.AMOUNT: (Amount, NotReported, Unreadable),
}

CellInput: TypeAlias = "Cell | int | Decimal | None"
_ABSENT = NotReported("")


def make_cell(column: ColumnDef, value: CellInput, *, where: str = "") -> Cell:
    """A cell of the column's kind from a plain value: an int, a Decimal, None (blank) or a cell."""
    if value is None:
        return NotReported("")
    if isinstance(value, (Count, Change, Amount, NotReported, Unreadable)):
        return value
    try:
        if column.kind is CellKind.COUNT:
            return Count(value)  # type: ignore[arg-type]  # Count's validator names a Decimal
        if column.kind is CellKind.CHANGE:
            return Change(value)  # type: ignore[arg-type]  # as above
        if type(value) is int:
            return Amount(Decimal(value), column.unit)
        return Amount(value, column.unit)  # type: ignore[arg-type]  # a bool is refused here
    except InvalidValueError as exc:
        raise InvalidValueError(f"{where or column.key}: {exc}") from None


@attrs.frozen
class Row:
    """One data row: its key in the table and one cell per column of its definition."""

    key: str = attrs.field(validator=v.instance_of(str))
    cells: tuple[Cell, ...] = attrs.field(validator=v.tuple_of(CELL_TYPES))


def _check_row(definition: TableDef, row: Row) -> None:
    where = f"{definition.key}.{row.key}"
    if not definition.has_row(row.key):
        raise InvalidValueError(
            f"{where}: no such row in the {definition.version} format "
            f"(rows: {', '.join(definition.row_keys)})"
        )
    row_def = definition.row(row.key)
    if len(row.cells) != len(row_def.columns):
        raise InvalidValueError(
            f"{where}: expected {len(row_def.columns)} cells "
            f"({', '.join(row_def.column_keys)}), got {len(row.cells)}"
        )
    for column, cell in zip(row_def.columns, row.cells, strict=True):
        allowed = _ALLOWED[column.kind]
        if not isinstance(cell, allowed):
            names = " or ".join(t.__name__ for t in allowed)
            raise InvalidValueError(f"{where}.{column.key}: expected {names}, got {cell!r}")
        if (
            isinstance(cell, Amount)
            and column.unit is not None
            and cell.unit is not None
            and cell.unit != column.unit
        ):
            raise InvalidValueError(
                f"{where}.{column.key}: the form fixes the unit {column.unit!r}, got {cell.unit!r}"
            )


def _check_rows(table: Table, attribute: attrs.Attribute[Any], rows: tuple[Row, ...]) -> None:
    definition = table.definition
    order = definition.row_keys
    last = -1
    for row in rows:
        _check_row(definition, row)
        place = order.index(row.key)
        if place <= last:
            raise InvalidValueError(
                f"{table.key}.{row.key}: rows must be unique and in the format's order"
            )
        last = place


@attrs.frozen
class CellRef:
    """A cell together with where it stands: its key and its row and column definitions."""

    key: str
    row: RowDef
    column: ColumnDef
    cell: Cell


@attrs.frozen
class Table:
    """A statutory table as printed.

    Rows follow the format's order; a row the report leaves out is absent, and every one of
    its cells reads as not reported.
    """

    key: TableKey = attrs.field(validator=v.one_of(TABLE_KEYS))
    version: FormatVersion = attrs.field(validator=v.one_of(FORMAT_VERSIONS))
    rows: tuple[Row, ...] = attrs.field(validator=[v.tuple_of(Row), _check_rows])
    _index: Mapping[str, Row] = attrs.field(init=False, repr=False, eq=False)
    _numbers: Mapping[str, tuple[Number | None, ...]] | None = attrs.field(
        init=False, default=None, repr=False, eq=False
    )
    _derived: tuple[Mapping[str, Sequence[Number | None]], frozenset[str]] | None = attrs.field(
        init=False, default=None, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", {row.key: row for row in self.rows})

    def numbers(self) -> Mapping[str, tuple[Number | None, ...]]:
        """Each printed row's values by row key, None where a cell gives none (worked out
        once: every arithmetic rule reads them)."""
        found = self._numbers
        if found is None:
            found = {row.key: numbers(row.cells) for row in self.rows}
            object.__setattr__(self, "_numbers", found)
        return found

    def numbers_derived(self) -> tuple[Mapping[str, Sequence[Number | None]], frozenset[str]]:
        """The numbers with each blank total that its row gives derived (the sum of the
        row), and the keys of the totals derived (worked out once: every arithmetic rule
        and the narrative checks read them)."""
        found = self._derived
        if found is None:
            found = _derive_totals(self)
            object.__setattr__(self, "_derived", found)
        return found

    @property
    def definition(self) -> TableDef:
        return table_def(self.key, self.version)

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_rows(
        cls,
        key: TableKey,
        version: FormatVersion,
        rows: Mapping[str, Sequence[CellInput]],
    ) -> Table:
        """Build from ``{row_key: [value per column]}``; rows are put in the format's order."""
        definition = table_def(key, version)
        unknown = [k for k in rows if not definition.has_row(k)]
        if unknown:
            raise InvalidValueError(
                f"{key}.{unknown[0]}: no such row in the {version} format "
                f"(rows: {', '.join(definition.row_keys)})"
            )
        built = []
        for row_def in definition.rows:
            if row_def.key not in rows:
                continue
            values = rows[row_def.key]
            if len(values) != len(row_def.columns):
                raise InvalidValueError(
                    f"{key}.{row_def.key}: expected {len(row_def.columns)} values "
                    f"({', '.join(row_def.column_keys)}), got {len(values)}"
                )
            built.append(
                Row(
                    row_def.key,
                    tuple(
                        make_cell(c, v, where=f"{key}.{row_def.key}.{c.key}")
                        for c, v in zip(row_def.columns, values, strict=True)
                    ),
                )
            )
        return cls(key, version, tuple(built))

    @classmethod
    def from_cells(
        cls,
        key: TableKey,
        version: FormatVersion,
        cells: Mapping[str, CellInput],
        *,
        default: CellInput = None,
    ) -> Table:
        """Build from ``{"row.column": value}``; a row none of whose cells is given is absent,
        other missing cells take ``default``."""
        definition = table_def(key, version)
        prefix = f"{key}."
        by_row: dict[str, dict[str, CellInput]] = {}
        for dotted, value in cells.items():
            local = dotted[len(prefix) :] if dotted.startswith(prefix) else dotted
            row_key, _, column_key = local.rpartition(".")
            if (
                not definition.has_row(row_key)
                or column_key not in definition.row(row_key).column_keys
            ):
                raise InvalidValueError(f"{key}.{local}: no such cell in the {version} format")
            by_row.setdefault(row_key, {})[column_key] = value
        return cls.from_rows(
            key,
            version,
            {
                row_key: [given.get(c, default) for c in definition.row(row_key).column_keys]
                for row_key, given in by_row.items()
            },
        )

    def summary(self) -> Mapping[str, int]:
        """How the table's cells were read: ``read`` as printed, ``decided`` by the arithmetic,
        the narrative or the year before (each counted under ``decided_by_<how>`` too),
        ``not_reported`` (printed blank), ``unreadable``, and ``not_printed`` (the cells of the
        rows the report does not print)."""
        counts = {
            "cells": 0, "read": 0, "decided": 0, "not_reported": 0, "unreadable": 0,
            "not_printed": 0,
        }  # fmt: skip
        for ref in self.cells():
            cell = ref.cell
            counts["cells"] += 1
            if self.get_row(ref.row.key) is None:
                counts["not_printed"] += 1
            elif isinstance(cell, Unreadable):
                counts["unreadable"] += 1
            elif isinstance(cell, NotReported):
                counts["not_reported"] += 1
            elif cell.decided_by is not None:
                counts["decided"] += 1
                how = f"decided_by_{cell.decided_by}"
                counts[how] = counts.get(how, 0) + 1
            else:
                counts["read"] += 1
        return counts

    # ------------------------------------------------------------------ access
    def get_row(self, key: str) -> Row | None:
        return self._index.get(key)

    def cell(self, row: str, column: str) -> Cell:
        """The cell at ``row``/``column``; an absent row's cells read as not reported."""
        index = self.definition.row(row).column_index(column)
        found = self._index.get(row)
        if found is None:
            return _ABSENT
        return found.cells[index]

    def __getitem__(self, dotted: str) -> Cell:
        """``table["received.total"]`` or ``table["applications.received.total"]``."""
        local = dotted.removeprefix(f"{self.key}.")
        row, _, column = local.rpartition(".")
        try:
            return self.cell(row, column)
        except (KeyError, ValueError):
            raise KeyError(dotted) from None

    def value(self, dotted: str) -> Number | None:
        """The number a cell holds (``table.value("received.total")``), None when it holds none
        (not reported, unreadable, its row not printed).  KeyError for a key the table has not."""
        return number(self[dotted])

    def cells(self) -> Iterator[CellRef]:
        """Every cell of the format, in reading order, absent rows included."""
        for row_def in self.definition.rows:
            found = self.get_row(row_def.key)
            for i, column in enumerate(row_def.columns):
                cell = NotReported("") if found is None else found.cells[i]
                yield CellRef(f"{self.key}.{row_def.key}.{column.key}", row_def, column, cell)

    def replace(self, dotted: str, cell: CellInput) -> Table:
        """A copy with one cell replaced (the row is added if it was absent)."""
        local = dotted.removeprefix(f"{self.key}.")
        row_key, _, column_key = local.rpartition(".")
        definition = self.definition
        if not definition.has_row(row_key) or column_key not in definition.row(row_key).column_keys:
            raise KeyError(dotted)
        row_def = definition.row(row_key)
        current = self.get_row(row_key)
        cells = list(current.cells if current else (NotReported(""),) * len(row_def.columns))
        index = row_def.column_keys.index(column_key)
        cells[index] = make_cell(row_def.columns[index], cell, where=f"{self.key}.{local}")
        rows = {r.key: r for r in self.rows}
        rows[row_key] = Row(row_key, tuple(cells))
        return attrs.evolve(self, rows=tuple(rows[k] for k in definition.row_keys if k in rows))


def _derive_totals(table: Table) -> tuple[Mapping[str, Sequence[Number | None]], frozenset[str]]:
    numbers = table.numbers()
    if not any(None in values for values in numbers.values()):
        return numbers, frozenset()
    out: dict[str, Sequence[Number | None]] = dict(numbers)
    derived: set[str] = set()
    definition = table.definition
    for row in table.rows:
        values = numbers[row.key]
        columns = definition.row(row.key).columns
        index = next((i for i, c in enumerate(columns) if c.is_total), None)
        if (
            index is None
            or values[index] is not None
            or not isinstance(row.cells[index], NotReported)
        ):
            continue
        parts = [v for i, v in enumerate(values) if i != index]
        if all(v is not None for v in parts):
            filled = list(values)
            filled[index] = sum(v for v in parts if v is not None)
            out[row.key] = filled
            derived.add(f"{table.key}.{row.key}.{columns[index].key}")
    return out, frozenset(derived)


UnavailableReason = Literal["image", "absent", "unreadable"]
UNAVAILABLE_REASONS: tuple[UnavailableReason, ...] = get_args(UnavailableReason)


def _check_unavailable(
    table: TableUnavailable, attribute: attrs.Attribute[Any], value: Any
) -> None:
    if table.reason == "image" and not table.images:
        raise InvalidValueError("TableUnavailable.images: a table published as an image names it")
    if table.reason == "unreadable" and not (table.text or "").strip():
        raise InvalidValueError(
            "TableUnavailable.text: an unreadable table keeps the text that could not be read"
        )


@attrs.frozen
class TableUnavailable:
    """A statutory table that cannot be had, and why.

    ``image``: published as a picture (``images`` names it); ``absent``: not in the document;
    ``unreadable``: present, but its text could not be read with certainty (``text`` keeps it).
    """

    reason: UnavailableReason = attrs.field(validator=v.one_of(UNAVAILABLE_REASONS))
    images: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(str))
    text: str | None = attrs.field(default=None, validator=v.optional(str))
    detail: str | None = attrs.field(default=None, validator=v.optional(str))
    source: SourceRef | None = attrs.field(
        default=None, validator=[v.optional(SourceRef), _check_unavailable]
    )
