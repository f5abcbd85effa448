"""The statute's arithmetic as checks (R1–R4), and the notes on blank totals and unprinted rows
(D1, D2).  The identities are the statute's (:mod:`govinfo.statute.arithmetic`), evaluated by
:mod:`govinfo.arithmetic`; a finding and its evidence are built only where one does not hold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from govinfo.arithmetic import Balance, Term, derived_totals, unbalanced
from govinfo.checks.locations import column_location, row_location, tables_to_check
from govinfo.model.documents import AnnualReport, Document
from govinfo.model.findings import Evidence, Finding, Severity, Status
from govinfo.model.tables import Table
from govinfo.statute import IDENTITIES_BY_CODE, TableDef


def _evidence(table: Table, terms: tuple[Term, ...]) -> tuple[Evidence, ...]:
    found = []
    for term in terms:
        cell = table.cell(term.row.key, term.column.key)
        if cell.raw is not None or cell.source is not None:
            found.append(Evidence(term.key, cell.raw, cell.source))
    return tuple(found)


def _statement(definition: TableDef, balance: Balance) -> str:
    equation = balance.equation
    said = equation.identity.statement.zh
    if equation.column is not None:
        return f"{equation.column.label.zh}: {said}"
    assert equation.row is not None
    return f"{equation.row.label.zh}: {said}"


def finding_of(table: Table, balance: Balance) -> Finding:
    """The finding for an equation that does not hold: a fail, or uncertain."""
    equation = balance.equation
    definition = table.definition
    rule = equation.identity.code
    where = (
        column_location(definition, equation.column)
        if equation.column is not None
        else row_location(definition, equation.row)  # type: ignore[arg-type]
    )
    statement = _statement(definition, balance)
    cells = tuple(t.key for t in equation.terms)
    evidence = _evidence(table, equation.terms)
    note = f" (derived: {', '.join(t.key for t in balance.derived)})" if balance.derived else ""
    missing = tuple(t.key for t in balance.missing)
    if not missing:
        return Finding(
            rule,
            Status.FAIL,
            Severity.ERROR,
            f"{statement}: {balance.left} ≠ {balance.right}{note}",
            where,
            expected=balance.left,
            actual=balance.right,
            difference=balance.difference,
            cells=cells,
            evidence=evidence,
        )
    if balance.impossible:
        return Finding(
            rule,
            Status.FAIL,
            Severity.ERROR,
            f"{statement}: cannot hold, the cells not reported ({', '.join(missing)}) "
            f"would have to come to {balance.required}{note}",
            where,
            expected=balance.left,
            actual=balance.right,
            difference=balance.difference,
            required=balance.required,
            cells=cells,
            missing=missing,
            evidence=evidence,
        )
    if balance.missing_left and balance.missing_right:
        how = "those on the left less those on the right would have to come to"
    else:
        how = "they would have to come to"
    return Finding(
        rule,
        Status.UNCERTAIN,
        Severity.WARNING,
        f"{statement}: involves cells not reported ({', '.join(missing)}); "
        f"for it to hold {how} {balance.required}{note}",
        where,
        expected=balance.left if not balance.missing_left else None,
        actual=balance.right if not balance.missing_right else None,
        required=balance.required,
        cells=cells,
        missing=missing,
        evidence=evidence,
    )


def check_identity(code: str) -> Callable[[Document], Iterator[Finding]]:
    """The check of one identity of the statute: a finding per equation that does not hold."""
    identity = IDENTITIES_BY_CODE[code]

    def check(document: Document) -> Iterator[Finding]:
        for item in tables_to_check(document, identity.table, code):
            if isinstance(item, Table):
                for balance in unbalanced(item, (code,)):
                    yield finding_of(item, balance)
            else:
                yield item

    check.__doc__ = f"{code}: {identity.statement.en}."
    return check


def check_derived_totals(document: Document) -> Iterator[Finding]:
    """D1: a total cell left blank whose value the checks derive from its row."""
    if not isinstance(document, AnnualReport):
        return
    for table in document.tables():
        values, derived = derived_totals(table)
        definition = table.definition
        for key in sorted(derived, key=list(definition.cell_keys()).index):
            row_key, _, column_key = key.removeprefix(f"{table.key}.").rpartition(".")
            row = definition.row(row_key)
            column = row.column(column_key)
            value = values[row_key][row.column_index(column_key)]
            yield Finding(
                "D1",
                Status.NOTE,
                Severity.INFO,
                f"{row.label.zh}: {column.label.zh} left blank; "
                f"the checks use the sum of the row, {value}",
                row_location(definition, row, column),
                actual=value,
                cells=(key,),
            )


def check_unprinted_rows(document: Document) -> Iterator[Finding]:
    """D2: an optional row of the format that the report does not print."""
    if not isinstance(document, AnnualReport):
        return
    for table in document.tables():
        definition = table.definition
        for row in definition.rows:
            if row.optional and table.get_row(row.key) is None:
                yield Finding(
                    "D2",
                    Status.NOTE,
                    Severity.INFO,
                    f"{' / '.join(g.zh for g in row.groups)} / {row.label.zh}: not printed; the "
                    "checks count it only where the arithmetic needs it",
                    row_location(definition, row),
                    cells=tuple(f"{table.key}.{row.key}.{c.key}" for c in row.columns),
                )
