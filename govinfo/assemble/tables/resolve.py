"""Deciding how a damaged table must be read, by the statute's arithmetic: displaced rows of
values placed, rows of glued digits split, where exactly one way satisfies the identities."""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from govinfo import arithmetic
from govinfo.assemble.tables.values import SPLIT_LIMIT, Orphan, RowReading, read_row
from govinfo.model.cells import Cell, Count, NotReported, Unreadable
from govinfo.model.documents import ReadingNote
from govinfo.model.tables import Row, Table
from govinfo.statute import RowDef, TableDef
from govinfo.text import fold


def _balances(definition: TableDef, readings: Mapping[str, RowReading], codes: str) -> bool:
    """Whether the table the readings make satisfies the named identities (``"R1 R3"``):
    none fails, none is left undecided."""
    rows = tuple(
        Row(row.key, readings[row.key].cells) for row in definition.rows if row.key in readings
    )
    table = Table(definition.key, definition.version, rows)
    return not any(arithmetic.unbalanced(table, tuple(codes.split())))


def balanced(definition: TableDef, readings: dict[str, RowReading]) -> bool:
    """Whether R1, R2 and R3 hold with these rows, every cell of them read."""
    for row in definition.rows:
        reading = readings.get(row.key)
        if reading is None:
            if not row.optional:
                return False
        elif any(isinstance(c, (Unreadable, NotReported)) for c in reading.cells):
            return False
    return _balances(definition, readings, "R1 R2 R3")


def place_orphans(
    definition: TableDef, readings: dict[str, RowReading], orphans: list[Orphan]
) -> tuple[dict[str, RowReading], ReadingNote] | None:
    """Give displaced rows of values to the rows that lack them, where only one way fits.

    A way fits when every orphan's label debris is part of its row's label and the whole
    table then balances (R1, R2, R3).  None when no orphan is placed with certainty.
    """
    open_rows = [r for r in definition.rows if (r.key not in readings or readings[r.key].empty)]
    if not orphans or not open_rows or len(orphans) > len(open_rows) or len(orphans) > 6:
        return None

    def fits(orphan: Orphan, row: RowDef) -> bool:
        label = fold("".join([*(g.zh for g in row.groups), row.label.zh]))
        return not orphan.fragment or orphan.fragment in label

    solutions = []
    for chosen in itertools.permutations(open_rows, len(orphans)):
        if not all(fits(o, r) for o, r in zip(orphans, chosen, strict=True)):
            continue
        trial = dict(readings)
        for orphan, row in zip(orphans, chosen, strict=True):
            trial[row.key] = read_row(row, orphan.tokens, total_rule=True)
        if balanced(definition, trial):
            solutions.append((chosen, trial))
            if len(solutions) > 1:
                return None
    if len(solutions) != 1:
        return None
    chosen, trial = solutions[0]
    placed = ", ".join(
        f"{' '.join(t.text.strip() for t in o.tokens)} → {r.label.zh}"
        for o, r in zip(orphans, chosen, strict=True)
    )
    keys = tuple(f"{definition.key}.{r.key}.{c.key}" for r in chosen for c in r.columns)
    note = ReadingNote(
        f"rows of values standing apart from their labels were placed ({placed}): the only "
        "placement that fits the labels' remains and balances the table",
        keys=keys,
        source=orphans[0].tokens[0].source,
    )
    return trial, note


def resolve_candidates(
    table: Table, definition: TableDef, readings: dict[str, RowReading]
) -> tuple[Table, list[ReadingNote]]:
    """Rows left with several splits: keep a combination only if exactly one balances R1 and R3."""
    open_rows = {k: r for k, r in readings.items() if r.candidates}
    if not open_rows or definition.key != "applications":
        return table, []
    combos = 1
    for reading in open_rows.values():
        combos *= len(reading.candidates)
    if combos > SPLIT_LIMIT:
        return table, []
    balanced = []
    keys = list(open_rows)
    for combination in itertools.product(*(open_rows[k].candidates for k in keys)):
        trial = dict(readings)
        for key, values in zip(keys, combination, strict=True):
            trial[key] = trial[key]._replace(cells=tuple(Count(v) for v in values))
        if _balances(definition, trial, "R1 R3"):
            balanced.append(combination)
            if len(balanced) > 1:
                return table, []
    if len(balanced) != 1:
        return table, []
    notes = []
    for key, values in zip(keys, balanced[0], strict=True):
        row = definition.row(key)
        reading = open_rows[key]
        source = next((c.source for c in reading.cells if c.source is not None), None)
        for column, value in zip(row.columns, values, strict=True):
            cell: Cell = Count(value, raw=reading.text, source=source)
            table = table.replace(f"{key}.{column.key}", cell)
        notes.append(
            ReadingNote(
                f"{row.label.zh}: {reading.text!r} read as {' / '.join(map(str, values))}, "
                f"the only split of the {len(reading.candidates)} possible with which every "
                "column balances",
                keys=tuple(f"{definition.key}.{key}.{c.key}" for c in row.columns),
            )
        )
    return table, notes
