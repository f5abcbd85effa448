"""The statute's arithmetic as checks (R1–R4), and the notes on blank totals and unprinted rows
(D1, D2).  The identities are the statute's (:mod:`govinfo.statute.arithmetic`), evaluated by
:mod:`govinfo.arithmetic`; a finding and its evidence are built only where one does not hold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from govinfo.arithmetic import Balance, Term, derived_totals, unbalanced
from govinfo.checks.locations import column_location, row_location, tables_to_check
from govinfo.model.cells import Cell, Unreadable
from govinfo.model.documents import AnnualReport, Document
from govinfo.model.findings import Evidence, Finding, Severity, Status
from govinfo.model.tables import Table
from govinfo.statute import IDENTITIES_BY_CODE


def _cell(table: Table, term: Term) -> Cell | None:
    """The term's cell, None when its row is not printed."""
    row = table.get_row(term.row.key)
    return None if row is None else row.cells[term.index]


def _evidence(
    table: Table, terms: Iterable[Term], *, unreadable_only: bool
) -> tuple[Evidence, ...]:
    """What the terms' cells were read from: every cell's for a fail; for an undecided
    finding only the unreadable cells', whose text says why they are missing (a blank's is
    nothing to see, and a report full of blanks costs no more to check than a clean one)."""
    found = []
    for term in terms:
        cell = _cell(table, term)
        if cell is None or (unreadable_only and not isinstance(cell, Unreadable)):
            continue
        if cell.raw is not None or cell.source is not None:
            found.append(Evidence(term.key, cell.raw, cell.source))
    return tuple(found)


def _statement(balance: Balance, lang: str = "en") -> str:
    equation = balance.equation
    zh = lang == "zh"
    said = equation.identity.statement.zh if zh else equation.identity.statement.en
    where = equation.column if equation.column is not None else equation.row
    assert where is not None
    line = where.label
    return f"{line.zh}：{said}" if zh else f"{line.en}: {said}"


def _named(terms: Sequence[Term], by_row: bool, lang: str) -> str:
    """Cells named as a reader of the form finds them: by their row in a column's equation,
    by their column in a row's; many of them shortened."""
    names = [
        (t.row.label if by_row else t.column.label).zh
        if lang == "zh"
        else (t.row.label if by_row else t.column.label).en
        for t in terms
    ]
    if len(names) > _NAMED:
        more = len(names) - _NAMED
        names = [*names[:_NAMED], f"等 {more} 格" if lang == "zh" else f"and {more} more"]
    return "、".join(names) if lang == "zh" else "; ".join(names)


#: Cells a message names before it says how many more (the keys are all in the finding).
_NAMED = 4


def _missing(table: Table, terms: Sequence[Term], by_row: bool, lang: str) -> str:
    """The cells with no number, said as what they are: printed and not read (unreadable),
    or not reported (blank, a dash, a row not printed)."""
    unread = [t for t in terms if isinstance(_cell(table, t), Unreadable)]
    blank = [t for t in terms if not isinstance(_cell(table, t), Unreadable)]
    zh = lang == "zh"
    if not unread:
        names = _named(blank, by_row, lang)
        return f"未报告的格（{names}）" if zh else f"cells not reported ({names})"
    if not blank:
        names = _named(unread, by_row, lang)
        return f"无法识读的格（{names}）" if zh else f"cells that could not be read ({names})"
    unread_names, blank_names = _named(unread, by_row, lang), _named(blank, by_row, lang)
    if zh:
        return f"未读出数值的格（无法识读：{unread_names}；未报告：{blank_names}）"
    return f"cells with no value read (unreadable: {unread_names}; not reported: {blank_names})"


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
    statement, statement_zh = _statement(balance), _statement(balance, "zh")
    cells = tuple(t.key for t in equation.terms)
    by_row = equation.column is not None
    note = note_zh = ""
    if balance.derived:
        note = f" (derived: {_named(balance.derived, by_row, 'en')})"
        note_zh = f"（按行求和：{_named(balance.derived, by_row, 'zh')}）"
    decided = [t for t in equation.terms if _decided(table, t)]
    if decided:
        note += f" (read by arithmetic: {_named(decided, by_row, 'en')})"
        note_zh += f"（按算术关系识读：{_named(decided, by_row, 'zh')}）"
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
            evidence=_evidence(table, equation.terms, unreadable_only=False),
            message_zh=f"{statement_zh}：{balance.left} ≠ {balance.right}{note_zh}",
        )
    listed = _missing(table, balance.missing, by_row, "en")
    listed_zh = _missing(table, balance.missing, by_row, "zh")
    if balance.impossible:
        return Finding(
            rule,
            Status.FAIL,
            Severity.ERROR,
            f"{statement}: cannot hold, the {listed} "
            f"would have to come to {balance.required}{note}",
            where,
            expected=balance.left,
            actual=balance.right,
            difference=balance.difference,
            required=balance.required,
            cells=cells,
            missing=missing,
            evidence=_evidence(table, equation.terms, unreadable_only=False),
            message_zh=f"{statement_zh}：不能成立，{listed_zh}须合计 {balance.required}{note_zh}",
        )
    if balance.missing_left and balance.missing_right:
        how = "those on the left less those on the right would have to come to"
        how_zh = "左边的减去右边的须为"
    else:
        how = "they would have to come to"
        how_zh = "它们须合计"
    return Finding(
        rule,
        Status.UNCERTAIN,
        Severity.WARNING,
        f"{statement}: involves {listed}; for it to hold {how} {balance.required}{note}",
        where,
        expected=balance.left if not balance.missing_left else None,
        actual=balance.right if not balance.missing_right else None,
        required=balance.required,
        cells=cells,
        missing=missing,
        evidence=_evidence(table, balance.missing, unreadable_only=True),
        message_zh=f"{statement_zh}：涉及{listed_zh}；要成立，{how_zh} {balance.required}{note_zh}",
    )


def _decided(table: Table, term: Term) -> bool:
    """Whether the cell was read by the arithmetic (or other evidence) rather than as printed:
    a fail that involves it says so, since the reading is evidence too."""
    return getattr(_cell(table, term), "decided_by", None) is not None


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
        if not derived:
            continue
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
                message_zh=f"{row.label.zh}：{column.label.zh}空白；检查按本行之和 {value} 计",
            )


def check_unprinted_rows(document: Document) -> Iterator[Finding]:
    """D2: an optional row of the format that the report does not print."""
    if not isinstance(document, AnnualReport):
        return
    for table in document.tables():
        definition = table.definition
        for row in definition.rows:
            if row.optional and table.get_row(row.key) is None:
                path = " / ".join([*(g.zh for g in row.groups), row.label.zh])
                yield Finding(
                    "D2",
                    Status.NOTE,
                    Severity.INFO,
                    f"{path}: not printed; the checks count it only where the arithmetic needs it",
                    row_location(definition, row),
                    cells=tuple(f"{table.key}.{row.key}.{c.key}" for c in row.columns),
                    message_zh=f"{path}：报告未列此行；仅在算术需要时按 0 计",
                )
