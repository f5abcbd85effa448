"""Glued digits read with the agency's neighbouring reports.

A row whose digits run together and split several ways (行政规范性文件 ``2023``: 2 / 0 / 23 or
20 / 2 / 3) is unreadable in its report alone.  Across years, R6 ties its 现行有效件数 to the
year before's and to the year after's: where one neighbouring report, with whatever its own
cells may be, admits exactly one of the splits (and the other neighbour none of the others),
that split is the reading.  Readings decided so help decide their neighbours in turn.

The splits are worked out again from the cell's text (:func:`govinfo.assemble.tables.resolve.
readings`), kept to the values each cell could hold as its report found them.  A decided cell
says ``decided_by="previous_year"``, and an A2 note names both documents.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Mapping, Sequence
from pathlib import PurePath
from typing import TypeAlias

import attrs

from govinfo.arithmetic import Number
from govinfo.assemble.tables.resolve import (
    SPAN_BUDGET,
    Budget,
    Exhausted,
    Reading,
    Slot,
    Span,
    candidate_values,
    iter_readings,
    readings,
    show,
)
from govinfo.assemble.tables.values import run_of
from govinfo.checks.locations import row_location
from govinfo.dataset.crossyear import (
    Equation,
    Term,
    ValueOf,
    applies,
    equations,
    holds,
    values_of,
)
from govinfo.dataset.entries import CellEvidence, Entry, SetFinding
from govinfo.dataset.rules import OUTCOME
from govinfo.model.cells import Count, DecidedBy, Unreadable
from govinfo.model.findings import Finding
from govinfo.model.tables import CellRef, Table
from govinfo.statute import TableKey
from govinfo.statute.crossyear import CROSS_YEAR

#: How many combinations of two reports' readings one equation weighs at most.
MOST_COMBINATIONS = 4096


@attrs.frozen
class OpenSpan:
    """Cells of one report whose text splits several ways: each reading gives them all."""

    entry: int
    table: TableKey
    keys: tuple[str, ...]
    span: Span
    readings: tuple[Reading, ...]


@attrs.frozen
class Decision:
    """A span read one way, the neighbouring report that decided it, and by which rules."""

    span: OpenSpan
    reading: Reading
    by: int
    rules: tuple[str, ...]


def _spans_of(refs: Sequence[CellRef], entry: int, table: TableKey) -> Iterator[OpenSpan]:
    cells = [r.cell for r in refs if isinstance(r.cell, Unreadable)]
    if len(cells) != len(refs):
        return
    first = cells[0]
    runs = [run_of(piece) for piece in first.raw.split()]
    if not runs or None in runs:
        return
    slots = tuple(Slot(r.row, r.row.column_index(r.column.key)) for r in refs)
    span = Span(slots, tuple(r for r in runs if r is not None), first.raw, first.source)
    try:
        found = readings(span, Budget(SPAN_BUDGET), row_rules=False)
    except Exhausted:
        return
    kept = tuple(
        r
        for r in found
        if None not in r and all(v in c.candidates for v, c in zip(r, cells, strict=True))
    )
    # The splits must be those the report found: every value each cell could hold.
    same = all(
        set(candidate_values(kept, place)) == set(cell.candidates)
        for place, cell in enumerate(cells)
    )
    if len(kept) > 1 and same:
        yield OpenSpan(entry, table, tuple(r.key for r in refs), span, kept)


def _printed(table: Table) -> Iterator[CellRef]:
    definition = table.definition
    for row in table.rows:
        row_def = definition.row(row.key)
        for column, cell in zip(row_def.columns, row.cells, strict=True):
            yield CellRef(f"{table.key}.{row.key}.{column.key}", row_def, column, cell)


def open_spans(entry: Entry, index: int, table_key: TableKey) -> Iterator[OpenSpan]:
    """The spans of the entry's table that split several ways: runs of unreadable cells
    with candidates and the same text, taken whole, else row by row."""
    table = entry.tables.get(table_key)
    if table is None or not any(
        isinstance(c, Unreadable) and c.candidates for row in table.rows for c in row.cells
    ):
        return
    group: list[CellRef] = []

    def flush() -> Iterator[OpenSpan]:
        if not group:
            return
        whole = list(_spans_of(group, index, table_key))
        if whole:
            yield from whole
        else:
            for _, row in itertools.groupby(group, key=lambda r: r.row.key):
                yield from _spans_of(list(row), index, table_key)

    for ref in _printed(table):
        cell = ref.cell
        if isinstance(cell, Unreadable) and cell.candidates:
            last = group[-1].cell if group else None
            if last is not None and (last.raw, last.source) != (cell.raw, cell.source):
                yield from flush()
                group = []
            group.append(ref)
        else:
            yield from flush()
            group = []
    yield from flush()


Where: TypeAlias = Mapping[tuple[int, str], tuple[OpenSpan, int]]


@attrs.frozen
class _Check:
    """One equation between two neighbouring reports (``before`` and ``after`` indexes)."""

    before: int
    after: int
    equation: Equation
    value: ValueOf

    def entry_of(self, term: Term) -> int:
        return self.before if term.offset == -1 else self.after


def _checks(entries: Sequence[Entry]) -> Iterator[_Check]:
    for i, j in itertools.pairwise(range(len(entries))):
        year, following = entries[i].year, entries[j].year
        if year is None or following != year + 1:
            continue
        for rule in CROSS_YEAR:
            first, second = entries[i].tables.get(rule.table), entries[j].tables.get(rule.table)
            if first is not None and second is not None and applies(rule, first, second):
                value = values_of(first, second)
                for equation in equations(rule, first, second):
                    yield _Check(i, j, equation, value)


def decide(entries: Sequence[Entry]) -> list[Decision]:
    """The spans of the entries (one agency's reports, at most one per year, in order) that
    their neighbouring years decide."""
    tables = sorted({i.table for i in CROSS_YEAR})
    spans = [s for i, e in enumerate(entries) for t in tables for s in open_spans(e, i, t)]
    if not spans:
        return []
    where: Where = {(s.entry, key): (s, place) for s in spans for place, key in enumerate(s.keys)}
    domains: dict[OpenSpan, tuple[Reading, ...]] = {s: s.readings for s in spans}
    checks = list(_checks(entries))
    decided: list[Decision] = []
    changed = True
    while changed:
        changed = False
        for span in spans:
            if len(domains[span]) == 1:
                continue
            # What each neighbour admits, every equation with it holding at once.
            supports: dict[int, set[Reading]] = {}
            rules: dict[int, set[str]] = {}
            for check in checks:
                if span.entry not in (check.before, check.after):
                    continue
                support = _support(check, span, where, domains)
                if support is None:
                    continue
                other = check.after if span.entry == check.before else check.before
                supports[other] = supports.get(other, support) & support
                rules.setdefault(other, set()).add(check.equation.identity.code)
            singles = {next(iter(s)) for s in supports.values() if len(s) == 1}
            if len(singles) != 1:
                continue
            (reading,) = singles
            if any(reading not in s for s in supports.values()):
                continue  # the other neighbour admits other readings only
            by = next(o for o, s in supports.items() if s == {reading})
            domains[span] = (reading,)
            decided.append(Decision(span, reading, by, tuple(sorted(rules[by]))))
            changed = True
    return decided


def _support(
    check: _Check,
    span: OpenSpan,
    where: Where,
    domains: Mapping[OpenSpan, tuple[Reading, ...]],
) -> set[Reading] | None:
    """The span's readings with which the equation can hold, whatever the other spans it
    involves read as; None when it involves no cell of the span, or a cell that has no
    value, or cannot hold at all."""
    involved: dict[OpenSpan, None] = {}
    for term in check.equation.cells:
        found = where.get((check.entry_of(term), term.key))
        if found is not None:
            involved[found[0]] = None
        elif check.value(term) is None:
            return None
    if span not in involved:
        return None
    order = list(involved)
    choices = [domains[s] for s in order]
    if math.prod(len(c) for c in choices) > MOST_COMBINATIONS:
        return None
    mine = order.index(span)
    supported: set[Reading] = set()
    for combination in itertools.product(*choices):
        assigned = dict(zip(order, combination, strict=True))

        def value(term: Term, assigned: dict[OpenSpan, Reading] = assigned) -> Number | None:
            found = where.get((check.entry_of(term), term.key))
            if found is None:
                return check.value(term)
            return assigned[found[0]][found[1]]

        if holds(check.equation, value):
            supported.add(combination[mine])
    return supported or None


def apply(entries: Sequence[Entry], decisions: Sequence[Decision]) -> list[Entry]:
    """The entries with the decided cells read (``decided_by="previous_year"``)."""
    out = list(entries)
    for decision in decisions:
        span = decision.span
        entry = out[span.entry]
        table = entry.tables[span.table]
        for key, value in zip(span.keys, decision.reading, strict=True):
            cell = table[key]
            decided = Count(int(value or 0), raw=cell.raw, source=cell.source, decided_by=BY)
            table = table.replace(key, decided)
        out[span.entry] = entry.with_table(table)
    return out


#: What decided a cell read with a neighbouring year's report.
BY: DecidedBy = "previous_year"


def notes(entries: Sequence[Entry], decisions: Sequence[Decision]) -> Iterator[SetFinding]:
    """An A2 note for each decision, naming both documents (``entries`` as decided)."""
    status, severity = OUTCOME["A2"]
    for decision in decisions:
        span = decision.span
        entry, other = entries[span.entry], entries[decision.by]
        first = span.span.slots[0]
        table = entry.tables[span.table]
        splits = "; ".join(iter_readings(span.readings))
        more = " …" if len(span.readings) > 4 else ""
        when = "before" if (other.year or 0) < (entry.year or 0) else "after"
        statements = "; ".join(
            f"{i.code} {i.statement.zh}" for i in CROSS_YEAR if i.code in decision.rules
        )
        message = (
            f"{first.row.label.zh}: {span.span.text!r} read as {show(decision.reading)} "
            f"(of {len(span.readings)} splits: {splits}{more}), the only one with which "
            f"{statements} holds against the report of the year {when}, {other.year} "
            f"({PurePath(other.path).name})"
        )
        when_zh = "上一" if when == "before" else "下一"
        message_zh = (
            f"{first.row.label.zh}：“{span.span.text}”读作 {show(decision.reading)}（共 "
            f"{len(span.readings)} 种拆法：{splits}{more}），唯有此读法使 {statements} 与"
            f"{when_zh}年度（{other.year}，{PurePath(other.path).name}）的报告相符"
        )
        finding = Finding(
            "A2",
            status,
            severity,
            message,
            row_location(table.definition, first.row),
            cells=span.keys,
            message_zh=message_zh,
        )
        evidence = tuple(CellEvidence.of(entry, k, table[k]) for k in span.keys)
        yield SetFinding(finding, entry.agency_key, entry.year, entry, other, evidence)
