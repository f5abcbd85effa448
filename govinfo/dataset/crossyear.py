"""The statute's identities across years (R6, R7: :mod:`govinfo.statute.crossyear`) over two
reports of one agency for consecutive years.

Each identity is expanded, for a pair of tables, into equations between cells of the two
years (:func:`equations`); :func:`check_pair` evaluates them over the tables' numbers (a blank
total derived from its row, as the checks of one report do) and makes a finding for each
that does not hold, stating both years' cells.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import PurePath
from typing import TypeAlias

import attrs

from govinfo.arithmetic import Number, Values, derived_totals
from govinfo.checks.locations import row_location
from govinfo.dataset.entries import CellEvidence, Entry, SetFinding
from govinfo.dataset.rules import OUTCOME
from govinfo.model.findings import Finding, Severity, Status
from govinfo.model.tables import Table
from govinfo.statute import ColumnDef, RowDef, TableDef
from govinfo.statute.crossyear import CROSS_YEAR, SAME, CrossYearIdentity


@attrs.frozen
class Term:
    """A cell of one of the two years: ``offset`` 0 is the year checked, −1 the year before."""

    offset: int
    key: str
    row: RowDef
    column: ColumnDef
    sign: int = 1


@attrs.frozen
class Equation:
    """``left`` (of the year checked) = Σ sign · term."""

    identity: CrossYearIdentity
    definition: TableDef
    left: Term
    terms: tuple[Term, ...]

    @property
    def cells(self) -> tuple[Term, ...]:
        return (self.left, *self.terms)


def applies(identity: CrossYearIdentity, before: Table, after: Table) -> bool:
    """Whether both tables follow a format version the identity holds between."""
    return before.version in identity.versions and after.version in identity.versions


def equations(identity: CrossYearIdentity, before: Table, after: Table) -> tuple[Equation, ...]:
    """The identity's equations between the two tables (cells the formats lack left out)."""
    return _equations(identity, before.definition, after.definition)


@functools.lru_cache(maxsize=16)
def _equations(
    identity: CrossYearIdentity, before: TableDef, after: TableDef
) -> tuple[Equation, ...]:
    return tuple(_expand(identity, before, after))


def _expand(identity: CrossYearIdentity, before: TableDef, after: TableDef) -> Iterator[Equation]:
    definitions = {-1: before, 0: after}

    def term(offset: int, row_key: str, column_key: str, sign: int) -> Term | None:
        definition = definitions[offset]
        if not definition.has_row(row_key):
            return None
        row = definition.row(row_key)
        if column_key not in row.column_keys:
            return None
        key = f"{identity.table}.{row_key}.{column_key}"
        return Term(offset, key, row, row.column(column_key), sign)

    for row_key in identity.rows:
        if not after.has_row(row_key):
            continue
        row = after.row(row_key)
        columns = row.column_keys if identity.columns == (SAME,) else identity.columns
        for column_key in columns:
            left = term(0, row_key, column_key, 1)
            terms = [
                term(
                    offset,
                    row_key if t_row == SAME else t_row,
                    column_key if t_column == SAME else t_column,
                    sign,
                )
                for offset, t_row, t_column, sign in identity.terms
            ]
            if left is not None and all(t is not None for t in terms):
                yield Equation(identity, after, left, tuple(t for t in terms if t is not None))


ValueOf: TypeAlias = Callable[[Term], "Number | None"]


def values_of(before: Table, after: Table) -> ValueOf:
    """The value of a term in the two tables' numbers (blank totals derived from their row)."""
    numbers: dict[int, Values] = {-1: derived_totals(before)[0], 0: derived_totals(after)[0]}

    def value(term: Term) -> Number | None:
        found = numbers[term.offset].get(term.row.key)
        return None if found is None else found[term.row.column_index(term.column.key)]

    return value


def _sides(equation: Equation, value: ValueOf) -> tuple[Number | None, Number, list[Term]]:
    """The checked cell's value, what the terms with a value come to, and the cells that
    have none."""
    left = value(equation.left)
    known: Number = 0
    missing = [] if left is not None else [equation.left]
    for term in equation.terms:
        part = value(term)
        if part is None:
            missing.append(term)
        else:
            known += term.sign * part
    return left, known, missing


def holds(equation: Equation, value: ValueOf) -> bool:
    """Whether every cell of the equation has a value and it holds."""
    left, known, missing = _sides(equation, value)
    return not missing and left == known


def _along_row(equation: Equation) -> bool:
    return all(t.row.key == equation.left.row.key for t in equation.terms)


def _label(equation: Equation, term: Term, year: int | None) -> str:
    """A term as a message names it: the part of its label that varies, and its year."""
    label = term.column.label.zh if _along_row(equation) else term.row.label.zh
    return f"{label}({year})"


def _fixed(equation: Equation) -> str:
    """What the cells of the equation share: their row, or their column."""
    left = equation.left
    return left.row.label.zh if _along_row(equation) else left.column.label.zh


def _files(before: Entry, after: Entry, lang: str = "en") -> str:
    colon, semicolon = ("：", "；") if lang == "zh" else (": ", "; ")
    return semicolon.join(
        f"{entry.year}{colon}{PurePath(entry.path).name}" for entry in (before, after)
    )


def _finding(
    equation: Equation, before: Entry, after: Entry, value: ValueOf, identity: str | None
) -> SetFinding | None:
    left, known, missing = _sides(equation, value)
    if not missing and left == known:
        return None
    years = {-1: before.year, 0: after.year}
    entries = {-1: before, 0: after}

    def shown(term: Term) -> str:
        number = value(term)
        return f"{_label(equation, term, years[term.offset])} {'∅' if number is None else number}"

    expression = ""
    for index, term in enumerate(equation.terms):
        if index:
            expression += f" {'−' if term.sign < 0 else '+'} {shown(term)}"
        else:
            expression += f"{'−' if term.sign < 0 else ''}{shown(term)}"
    statement = f"{_fixed(equation)}: {shown(equation.left)}"
    statement_zh = f"{_fixed(equation)}：{shown(equation.left)}"
    files = _files(before, after)
    files_zh = _files(before, after, "zh")
    status, severity = OUTCOME[equation.identity.code]
    required: Number | None = None
    if len(missing) == 1:
        # The one cell without a value would have to make the equation hold.
        (term,) = missing
        required = known if term is equation.left else term.sign * ((left or 0) - known)
    keys = ", ".join(f"{t.key}({years[t.offset]})" for t in missing)
    if not missing:
        total = f" = {known}" if len(equation.terms) > 1 else ""
        message = f"{statement} ≠ {expression}{total} ({files})"
        message_zh = f"{statement_zh} ≠ {expression}{total}（{files_zh}）"
    elif required is not None and required < 0:
        message = (
            f"{statement} = {expression} cannot hold: the cell with no value read ({keys}) would "
            f"have to be {required} ({files})"
        )
        message_zh = (
            f"{statement_zh} = {expression} 不能成立：未读到数值的格（{keys}）须为 {required}"
            f"（{files_zh}）"
        )
    else:
        status, severity = Status.UNCERTAIN, Severity.WARNING
        need = f"; it would have to be {required}" if required is not None else ""
        need_zh = f"；它须为 {required}" if required is not None else ""
        message = (
            f"{statement} = {expression} involves cells with no value read, not reported or "
            f"unreadable ({keys}){need} ({files})"
        )
        message_zh = (
            f"{statement_zh} = {expression} 涉及未读到数值的格（未填报或无法识读：{keys}）"
            f"{need_zh}（{files_zh}）"
        )
    expected = known if all(t is equation.left for t in missing) else None
    difference = left - expected if left is not None and expected is not None else None
    definition = equation.definition
    finding = Finding(
        equation.identity.code,
        status,
        severity,
        message,
        row_location(definition, equation.left.row, equation.left.column),
        expected=expected,
        actual=left,
        difference=difference,
        required=required,
        cells=tuple(dict.fromkeys(t.key for t in equation.cells)),
        missing=tuple(dict.fromkeys(t.key for t in missing)),
        message_zh=message_zh,
    )
    evidence = tuple(
        CellEvidence.of(entries[t.offset], t.key, entries[t.offset].tables[definition.key][t.key])
        for t in equation.cells
    )
    return SetFinding(finding, after.agency_key, after.year, after, before, evidence, identity)


def check_pair(before: Entry, after: Entry, identity: str | None = None) -> Iterator[SetFinding]:
    """R6 and R7 between an agency's reports for two consecutive years."""
    for rule in CROSS_YEAR:
        first, second = before.tables.get(rule.table), after.tables.get(rule.table)
        if first is None or second is None or not applies(rule, first, second):
            continue
        value = values_of(first, second)
        for equation in equations(rule, first, second):
            found = _finding(equation, before, after, value, identity)
            if found is not None:
                yield found
