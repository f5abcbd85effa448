"""The engine that evaluates the statute's identities (:mod:`govinfo.statute.arithmetic`).

An identity is expanded, once per table definition, into equations between cells
(:func:`equations`): R1 into one per column of table 三, R2 into one per row, and so on.
:func:`unbalanced` evaluates them over a table's numbers, worked out once, and yields a
:class:`Balance` only for an equation that does not plainly hold: what each side comes to,
which cells have no value, and what those would have to come to.  The checks turn a Balance
into a finding; the table reading asks :func:`holds` whether a way of reading a damaged row
satisfies the statute.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TypeAlias

import attrs

from govinfo.model.cells import NotReported
from govinfo.model.tables import Table
from govinfo.statute import Axis, ColumnDef, Identity, RowDef, TableDef, identities_of

Number: TypeAlias = int | Decimal
#: A table's numbers: each printed row's values by row key, None where a cell gives none.
Values: TypeAlias = Mapping[str, Sequence[Number | None]]


@attrs.frozen
class Term:
    """One cell in an equation."""

    key: str
    row: RowDef
    column: ColumnDef
    #: The column's place in its row.
    index: int


@attrs.frozen
class Equation:
    """One identity applied to one column (R1, R3) or one row (R2, R4): Σ left = Σ right."""

    identity: Identity
    left: tuple[Term, ...]
    right: tuple[Term, ...]
    #: The row (for a row identity) or the column (for a column identity) it runs along.
    row: RowDef | None = None
    column: ColumnDef | None = None

    @property
    def terms(self) -> tuple[Term, ...]:
        return (*self.left, *self.right)


def _term(definition: TableDef, row: RowDef, index: int) -> Term:
    column = row.columns[index]
    return Term(f"{definition.key}.{row.key}.{column.key}", row, column, index)


@functools.lru_cache(maxsize=16)
def equations(definition: TableDef, codes: tuple[str, ...] | None = None) -> tuple[Equation, ...]:
    """Every equation the table's identities (or those of ``codes``) make, in code order."""
    out: list[Equation] = []
    for identity in identities_of(definition.key):
        if codes is not None and identity.code not in codes:
            continue
        if identity.axis is Axis.COLUMN:
            left_rows = [r for role in identity.left for r in definition.rows_with_role(role)]
            right_rows = [r for role in identity.right for r in definition.rows_with_role(role)]
            for index, column in enumerate(left_rows[0].columns):
                out.append(
                    Equation(
                        identity,
                        tuple(_term(definition, r, index) for r in left_rows),
                        tuple(_term(definition, r, index) for r in right_rows),
                        column=column,
                    )
                )
        else:
            for row in definition.rows:
                total = total_index(row)
                if total is None:
                    continue
                parts = [i for i in range(len(row.columns)) if i != total]
                out.append(
                    Equation(
                        identity,
                        tuple(_term(definition, row, i) for i in parts),
                        (_term(definition, row, total),),
                        row=row,
                    )
                )
    return tuple(out)


@functools.lru_cache(maxsize=256)
def total_index(row: RowDef) -> int | None:
    """Where the row's total column is, None if it has none."""
    return next((i for i, c in enumerate(row.columns) if c.is_total), None)


@attrs.frozen
class Balance:
    """An equation that does not plainly hold over a table's numbers.

    ``left`` and ``right`` are what the cells with a value come to on each side; ``missing``
    the cells without one (``unprinted`` those of them in an optional row the report does not
    print); ``derived`` the blank totals whose value is the sum of their row.
    """

    equation: Equation
    left: Number
    right: Number
    missing: tuple[Term, ...] = ()
    unprinted: tuple[Term, ...] = ()
    derived: tuple[Term, ...] = ()
    #: Whether cells are missing on the left side, on the right side.
    missing_left: bool = False
    missing_right: bool = False

    @property
    def difference(self) -> Number:
        """Right less left, over the cells with a value."""
        return self.right - self.left

    @property
    def required(self) -> Number:
        """What the missing cells would have to come to for the equation to hold: those on
        the left counted positive, those on the right negative, when both sides miss some;
        when only one side does, what that side's missing cells must sum to."""
        if self.missing_right and not self.missing_left:
            return self.left - self.right
        return self.right - self.left

    @property
    def impossible(self) -> bool:
        """The missing cells all stand on one side and would have to come to less than
        nothing: counts are never negative, so the equation is broken whatever they hold."""
        return bool(self.missing) and self.missing_left != self.missing_right and self.required < 0


def derived_totals(table: Table) -> tuple[Values, frozenset[str]]:
    """The table's numbers with each blank total that its row gives derived (the sum of the
    row), and the keys of the totals derived (:meth:`Table.numbers_derived`, worked out once
    for every rule)."""
    return table.numbers_derived()


def evaluate(
    equation: Equation,
    values: Values,
    *,
    derived: frozenset[str] = frozenset(),
) -> Balance | None:
    """The equation over the values: None when it holds (an unprinted optional row counting
    as nothing, if it holds so), else how it stands."""
    sums: list[Number] = [0, 0]
    missing: list[Term] = []
    unprinted: list[Term] = []
    sides = [False, False]
    for side, terms in enumerate((equation.left, equation.right)):
        for term in terms:
            found = values.get(term.row.key)
            value = None if found is None else found[term.index]
            if value is None:
                missing.append(term)
                sides[side] = True
                if found is None and term.row.optional:
                    unprinted.append(term)
            else:
                sums[side] += value
    if sums[0] == sums[1] and len(unprinted) == len(missing):
        return None
    return Balance(
        equation,
        sums[0],
        sums[1],
        tuple(missing),
        tuple(unprinted),
        tuple(t for t in equation.terms if t.key in derived) if derived else (),
        missing_left=sides[0],
        missing_right=sides[1],
    )


def unbalanced(
    table: Table, codes: tuple[str, ...] | None = None, *, derive: bool = True
) -> Iterator[Balance]:
    """The equations of the table (or of ``codes``) that do not plainly hold.

    With ``derive``, a blank total whose row gives its value is derived (and a row identity
    whose total is blank is not evaluated: the total is what its row makes it).
    """
    values, derived = derived_totals(table) if derive else (table.numbers(), frozenset())
    for equation in equations(table.definition, codes):
        if equation.row is not None:
            row = table.get_row(equation.row.key)
            total = equation.right[0].index
            if row is not None and isinstance(row.cells[total], NotReported):
                continue  # a blank total is derived, not checked
        balance = evaluate(equation, values, derived=derived)
        if balance is not None:
            yield balance


def holds(definition: TableDef, values: Values, codes: Iterable[str] | None = None) -> bool:
    """Whether every equation of the named identities holds over the values, every cell they
    involve having one (an unprinted optional row counts as nothing)."""
    wanted = tuple(codes) if codes is not None else None
    return all(evaluate(e, values) is None for e in equations(definition, wanted))
