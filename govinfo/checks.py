"""The statutory checks: R1–R4 of the format, the format-version checks, derived totals.

They are registered through the ``govinfo_register_rules`` hook, as a third party's rules
would be; :func:`govinfo.check` runs every registered rule.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

import attrs
import pluggy

from govinfo.cells import Cell, NotReported, number
from govinfo.documents import AnnualReport, Document, KeyPoints, RuleOfLawReport
from govinfo.findings import Evidence, Finding, Location, Number, Rule, Severity, Status
from govinfo.formats import (
    RULE_OF_LAW_SECTIONS,
    ColumnDef,
    RowDef,
    RowRole,
    TableDef,
    TableKey,
    section_for_table,
    table_def,
)
from govinfo.tables import Table, TableUnavailable

hookimpl = pluggy.HookimplMarker("govinfo")


# --------------------------------------------------------------------------- locations


def _row_location(definition: TableDef, row: RowDef, column: ColumnDef | None = None) -> Location:
    labels = [definition.title.zh, *(g.zh for g in row.groups), row.label.zh]
    labels_en = [definition.title.en, *(g.en for g in row.groups), row.label.en]
    if column is not None:
        labels += [*(g.zh for g in column.groups), column.label.zh]
        labels_en += [*(g.en for g in column.groups), column.label.en]
    return Location(
        table=definition.key,
        row=row.key,
        column=column.key if column else None,
        section=section_for_table(definition.key).key,
        labels=tuple(labels),
        labels_en=tuple(labels_en),
    )


def _column_location(definition: TableDef, column: ColumnDef) -> Location:
    return Location(
        table=definition.key,
        column=column.key,
        section=section_for_table(definition.key).key,
        labels=(definition.title.zh, *(g.zh for g in column.groups), column.label.zh),
        labels_en=(definition.title.en, *(g.en for g in column.groups), column.label.en),
    )


def _table_location(definition: TableDef) -> Location:
    return Location(
        table=definition.key,
        section=section_for_table(definition.key).key,
        labels=(definition.title.zh,),
        labels_en=(definition.title.en,),
    )


# --------------------------------------------------------------------------- operands


@attrs.frozen
class _Operand:
    """One cell in an equation: its value if known, and how it was known."""

    key: str
    value: Number | None
    cell: Cell
    derived: bool = False
    #: The cell stands in an optional row the report does not print.
    unprinted: bool = False

    @property
    def evidence(self) -> Evidence | None:
        raw = self.cell.raw
        if raw is None and self.cell.source is None:
            return None
        return Evidence(self.key, raw, self.cell.source)


def _operand(table: Table, row: RowDef, column: ColumnDef, *, derive: bool) -> _Operand:
    """The cell's value; a blank total cell is derived from its row when ``derive`` is set."""
    key = f"{table.key}.{row.key}.{column.key}"
    cell = table.cell(row.key, column.key)
    value = number(cell)
    if value is None and derive and column.is_total and isinstance(cell, NotReported):
        parts = [number(table.cell(row.key, c.key)) for c in row.columns if not c.is_total]
        if all(p is not None for p in parts):
            return _Operand(key, sum(p for p in parts if p is not None), cell, True)
    unprinted = row.optional and table.get_row(row.key) is None
    return _Operand(key, value, cell, False, unprinted)


def _describe(value: Number | None) -> str:
    return "—" if value is None else str(value)


def _equation(
    rule: str,
    where: Location,
    left: Sequence[_Operand],
    right: Sequence[_Operand],
    statement: str,
) -> Finding | None:
    """Check Σ left = Σ right; a finding if it fails or cannot be decided, else None."""
    operands = [*left, *right]
    missing = tuple(o.key for o in operands if o.value is None)
    known_left = sum((o.value for o in left if o.value is not None), start=0)
    known_right = sum((o.value for o in right if o.value is not None), start=0)
    if not missing and known_left == known_right:
        return None
    cells = tuple(o.key for o in operands)
    evidence = tuple(e for e in (o.evidence for o in operands) if e is not None)
    derived = [o.key for o in operands if o.derived]
    note = f" (derived: {', '.join(derived)})" if derived else ""
    if not missing:
        return Finding(
            rule,
            Status.FAIL,
            Severity.ERROR,
            f"{statement}: {known_left} ≠ {known_right}{note}",
            where,
            expected=known_left,
            actual=known_right,
            difference=known_right - known_left,
            cells=cells,
            evidence=evidence,
        )
    required = known_right - known_left
    if required == 0 and all(o.unprinted for o in operands if o.value is None):
        return None  # holds as printed; the unprinted optional row is noted by D2
    missing_left = any(o.value is None for o in left)
    missing_right = any(o.value is None for o in right)
    if missing_right and not missing_left:
        required = -required
    # Counts are never negative: if the missing cells all stand on one side and would have
    # to come to less than nothing, the rule is broken whatever they hold.
    if required < 0 and missing_left != missing_right:
        return Finding(
            rule,
            Status.FAIL,
            Severity.ERROR,
            f"{statement}: cannot hold, the cells not reported ({', '.join(missing)}) "
            f"would have to come to {required}{note}",
            where,
            expected=known_left,
            actual=known_right,
            difference=known_right - known_left,
            required=required,
            cells=cells,
            missing=missing,
            evidence=evidence,
        )
    if missing_left and missing_right:
        how = "those on the left less those on the right would have to come to"
    else:
        how = "they would have to come to"
    return Finding(
        rule,
        Status.UNCERTAIN,
        Severity.WARNING,
        f"{statement}: involves cells not reported ({', '.join(missing)}); "
        f"for it to hold {how} {required}{note}",
        where,
        expected=known_left if not missing_left else None,
        actual=known_right if not missing_right else None,
        required=required,
        cells=cells,
        missing=missing,
        evidence=evidence,
    )


def _unavailable(rule: str, definition: TableDef, table: TableUnavailable) -> Finding:
    why = {
        "image": f"published as an image ({', '.join(table.images)})",
        "absent": "not in the document",
        "unreadable": "present but unreadable",
    }[table.reason]
    return Finding(
        rule,
        Status.NOT_ASSESSABLE,
        Severity.INFO,
        f"table {section_for_table(definition.key).heading} is {why}",
        _table_location(definition),
    )


def _tables(
    document: Document, key: TableKey, rule: str
) -> Iterator[Finding | tuple[Table, TableDef]]:
    """The table to check, or the not-assessable finding when it is unavailable."""
    if not isinstance(document, AnnualReport):
        return
    table = document.table(key)
    if isinstance(table, TableUnavailable):
        # The definitions of both versions share the title and the location.
        yield _unavailable(rule, table_def(key, "2021"), table)
        return
    yield table, table.definition


# --------------------------------------------------------------------------- R1–R4


def _applicant_columns(definition: TableDef) -> tuple[ColumnDef, ...]:
    return definition.rows[0].columns


def _values(table: Table, derive: bool) -> Mapping[str, Sequence[Number | None]]:
    """Each printed row's values, None where there is none; a blank total derived from its
    row when ``derive`` is set.  The quick path of the rules: operands and findings are only
    built where a rule does not plainly hold."""
    numbers = table.numbers()
    if not derive or not any(None in values for values in numbers.values()):
        return numbers
    out: dict[str, Sequence[Number | None]] = dict(numbers)
    definition = table.definition
    for row in table.rows:
        values = list(numbers[row.key])
        if None not in values:
            continue
        columns = definition.row(row.key).columns
        for i, column in enumerate(columns):
            if column.is_total and values[i] is None and isinstance(row.cells[i], NotReported):
                parts = [v for j, v in enumerate(values) if j != i]
                if all(v is not None for v in parts):
                    values[i] = sum(v for v in parts if v is not None)
        out[row.key] = values
    return out


def _plainly_holds(
    values: Mapping[str, Sequence[Number | None]],
    left: Sequence[RowDef],
    right: Sequence[RowDef],
    index: int,
) -> bool:
    total: Number = 0
    for rows, sign in ((left, 1), (right, -1)):
        for row in rows:
            found = values.get(row.key)
            if found is None and row.optional:
                continue  # an unprinted optional row: the rule holds if it holds without it
            value = None if found is None else found[index]
            if value is None:
                return False
            total += sign * value
    return total == 0


def _column_sums(
    document: Document,
    rule: str,
    left: tuple[RowRole, ...],
    right: tuple[RowRole, ...],
    statement: str,
) -> Iterator[Finding]:
    """Per column of table 三: the rows of the ``left`` roles sum to those of ``right``."""
    for item in _tables(document, "applications", rule):
        if isinstance(item, Finding):
            yield item
            continue
        table, definition = item
        left_rows = [r for role in left for r in definition.rows_with_role(role)]
        right_rows = [r for role in right for r in definition.rows_with_role(role)]
        values = _values(table, derive=True)
        for index, column in enumerate(_applicant_columns(definition)):
            if _plainly_holds(values, left_rows, right_rows, index):
                continue
            finding = _equation(
                rule,
                _column_location(definition, column),
                [_operand(table, r, column, derive=True) for r in left_rows],
                [_operand(table, r, column, derive=True) for r in right_rows],
                f"{column.label.zh}: {statement}",
            )
            if finding:
                yield finding


def check_column_balance(document: Document) -> Iterator[Finding]:
    """R1: per column of table 三, 一 + 二 = 三（七）总计 + 四."""
    return _column_sums(
        document,
        "R1",
        (RowRole.RECEIVED, RowRole.CARRIED_OVER),
        (RowRole.OUTCOME_TOTAL, RowRole.CARRIED_FORWARD),
        "一 + 二 = 三（七）总计 + 四",
    )


@functools.lru_cache(maxsize=256)
def _total_index(row: RowDef) -> int | None:
    """Where the row's total column is (its first), None if it has none."""
    return next((i for i, c in enumerate(row.columns) if c.is_total), None)


def _row_totals(document: Document, key: TableKey, rule: str) -> Iterator[Finding]:
    for item in _tables(document, key, rule):
        if isinstance(item, Finding):
            yield item
            continue
        table, definition = item
        values = _values(table, derive=False)
        for row in definition.rows:
            index = _total_index(row)
            if index is None:
                continue
            total = row.columns[index]
            found = values.get(row.key)
            # The total is the sum of the others: the rule plainly holds.
            if found is not None and None not in found and 2 * found[index] == sum(found):  # type: ignore[operator,arg-type]
                continue
            if isinstance(table.cell(row.key, total.key), NotReported):
                continue  # a blank total is derived, not checked: see rule D1
            parts = [_operand(table, row, c, derive=False) for c in row.columns if not c.is_total]
            finding = _equation(
                rule,
                _row_location(definition, row),
                parts,
                [_operand(table, row, total, derive=False)],
                f"{row.label.zh}: {total.label.zh} = sum of the other columns",
            )
            if finding:
                yield finding


def check_application_rows(document: Document) -> Iterator[Finding]:
    """R2: per row of table 三, 总计 = the six applicant columns."""
    return _row_totals(document, "applications", "R2")


def check_outcome_total(document: Document) -> Iterator[Finding]:
    """R3: per column of table 三, （七）总计 = the sum of the outcome rows."""
    return _column_sums(
        document, "R3", (RowRole.OUTCOME,), (RowRole.OUTCOME_TOTAL,), "（七）总计 = （一）…（六）"
    )


def check_appeal_rows(document: Document) -> Iterator[Finding]:
    """R4: table 四, each 总计 = 维持 + 纠正 + 其他 + 尚未审结."""
    return _row_totals(document, "appeals", "R4")


def check_derived_totals(document: Document) -> Iterator[Finding]:
    """D1: a total cell left blank whose value the checks derive from its row."""
    if not isinstance(document, AnnualReport):
        return
    for table in document.tables():
        definition = table.definition
        for row in definition.rows:
            if table.get_row(row.key) is None:
                continue
            for column in row.columns:
                if not column.is_total or not isinstance(
                    table.cell(row.key, column.key), NotReported
                ):
                    continue  # only a blank total is derived
                operand = _operand(table, row, column, derive=True)
                if operand.derived:
                    yield Finding(
                        "D1",
                        Status.NOTE,
                        Severity.INFO,
                        f"{row.label.zh}: {column.label.zh} left blank; "
                        f"the checks use the sum of the row, {operand.value}",
                        _row_location(definition, row, column),
                        actual=operand.value,
                        cells=(operand.key,),
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
                    _row_location(definition, row),
                    cells=tuple(f"{table.key}.{row.key}.{c.key}" for c in row.columns),
                )


def check_stated_figures(document: Document) -> Iterator[Finding]:
    """N1: a figure the narrative states against the table cell it describes."""
    if not isinstance(document, AnnualReport):
        return
    for figure in document.stated:
        table_key, _, local = figure.key.partition(".")
        row_key, _, column_key = local.rpartition(".")
        if table_key not in ("proactive", "applications", "appeals"):
            continue
        table = document.table(table_key)  # type: ignore[arg-type]
        definition = table_def(table_key, table.version if isinstance(table, Table) else "2021")  # type: ignore[arg-type]
        if not definition.has_row(row_key):
            continue
        row = definition.row(row_key)
        column = row.column(column_key)
        where = _row_location(definition, row, column)
        evidence = (Evidence(figure.key, figure.text, figure.source),)
        said = f"the narrative states {figure.value} ({figure.text})"
        if isinstance(table, TableUnavailable):
            yield Finding(
                "N1",
                Status.UNCERTAIN,
                Severity.INFO,
                f"{said}; the table it would be checked against is unavailable ({table.reason})",
                where,
                expected=figure.value,
                cells=(figure.key,),
                evidence=evidence,
            )
            continue
        operand = _operand(table, row, column, derive=True)
        if operand.value is None:
            yield Finding(
                "N1",
                Status.UNCERTAIN,
                Severity.WARNING,
                f"{said}; the table does not report {row.label.zh} / {column.label.zh}",
                where,
                expected=figure.value,
                cells=(figure.key,),
                missing=(figure.key,),
                evidence=evidence,
            )
            continue
        if operand.value == figure.value:
            continue
        if row.role is RowRole.RECEIVED:
            carried = [
                _operand(table, r, column, derive=True).value
                for r in definition.rows_with_role(RowRole.CARRIED_OVER)
            ]
            if (
                all(c is not None for c in carried)
                and operand.value + sum(c for c in carried if c is not None) == figure.value
            ):
                yield Finding(
                    "N1",
                    Status.NOTE,
                    Severity.INFO,
                    f"{said}: new applications ({operand.value}) and those carried over from "
                    "last year counted together",
                    where,
                    expected=figure.value,
                    actual=operand.value,
                    cells=(figure.key,),
                    evidence=evidence,
                )
                continue
        yield Finding(
            "N1",
            Status.FAIL,
            Severity.WARNING,
            f"{said}; the table says {operand.value}",
            where,
            expected=figure.value,
            actual=operand.value,
            difference=operand.value - figure.value,
            cells=(figure.key,),
            evidence=evidence,
        )


def check_reading_notes(document: Document) -> Iterator[Finding]:
    """A1: the choices the reader made where the source allowed more than one reading."""
    if not isinstance(document, AnnualReport):
        return
    for note in document.notes:
        yield Finding(
            "A1",
            Status.NOTE,
            Severity.INFO,
            note.message,
            cells=note.keys,
            evidence=(Evidence(note.keys[0], None, note.source),)
            if note.keys and note.source
            else (),
        )


def check_task_responsibility(document: Document) -> Iterator[Finding]:
    """K1: every task of the key points names the units responsible for it."""
    if not isinstance(document, KeyPoints):
        return
    for part in document.parts:
        for task in part.tasks:
            if task.responsible is None:
                yield Finding(
                    "K1",
                    Status.FAIL,
                    Severity.WARNING,
                    f"task {task.marker}{task.lead} names no responsible unit",
                    Location(section=f"{part.marker}{part.title}", labels=(part.title, task.lead)),
                )


def check_mandated_sections(document: Document) -> Iterator[Finding]:
    """L1: a rule-of-law report has the five contents 厅字〔2019〕28号 mandates."""
    if not isinstance(document, RuleOfLawReport):
        return
    for section in document.sections:
        if section.recognised_by != "absent":
            continue
        definition = next(s for s in RULE_OF_LAW_SECTIONS if s.key == section.key)
        optional = section.key == "other"
        yield Finding(
            "L1",
            Status.NOTE if optional else Status.FAIL,
            Severity.INFO if optional else Severity.WARNING,
            f"{definition.number}. {definition.label.zh}: "
            + ("nothing else reported" if optional else "not found in the report"),
            Location(
                section=section.key, labels=(definition.label.zh,), labels_en=(definition.label.en,)
            ),
        )


# --------------------------------------------------------------------------- versions


def check_format_version(document: Document) -> Iterator[Finding]:
    """V1: every table follows the format version the report declares."""
    if not isinstance(document, AnnualReport):
        return
    declared = document.metadata.format_version
    for table in document.tables():
        if declared != "unknown" and table.version != declared:
            yield Finding(
                "V1",
                Status.FAIL,
                Severity.WARNING,
                f"table {section_for_table(table.key).heading} follows the {table.version} "
                f"format, the report declares {declared}",
                _table_location(table.definition),
            )


def check_version_year(document: Document) -> Iterator[Finding]:
    """V2: the format version fits the report's year."""
    if not isinstance(document, AnnualReport) or document.metadata.year is None:
        return
    year = document.metadata.year
    for table in document.tables():
        heading = section_for_table(table.key).heading
        if table.version == "2021" and year <= 2020:
            yield Finding(
                "V2",
                Status.FAIL,
                Severity.WARNING,
                f"table {heading} follows the 2021 format, which did not exist for {year}",
                _table_location(table.definition),
            )
        elif table.version == "2019" and year >= 2021:
            yield Finding(
                "V2",
                Status.NOTE,
                Severity.INFO,
                f"table {heading} follows the 2019 format, replaced from 2021 reports on",
                _table_location(table.definition),
            )


BUILTIN_RULES: tuple[Rule, ...] = (
    Rule(
        "R1",
        "Each column of table 三 balances: 一 + 二 = 三（七）总计 + 四.",
        "The format states it in the corner cell (第一项加第二项之和，等于第三项加第四项之和): "
        "new and carried-over applications equal those handled plus those carried forward, "
        "in every applicant column and in 总计.",
        ("annual_report",),
        check_column_balance,
    ),
    Rule(
        "R2",
        "Each row of table 三: 总计 = the six applicant columns.",
        "In every row of table 三 the 总计 cell equals 自然人 plus the five 法人或其他组织 "
        "columns. A blank 总计 is not checked: the sum is derived and used by R1 and R3 (D1).",
        ("annual_report",),
        check_application_rows,
    ),
    Rule(
        "R3",
        "Each column of table 三: （七）总计 = the sum of the outcome rows.",
        "In every column, （七）总计 equals （一）予以公开 + （二）部分公开 plus every "
        "reason row of （三）不予公开, （四）无法提供, （五）不予处理 and （六）其他处理.",
        ("annual_report",),
        check_outcome_total,
    ),
    Rule(
        "R4",
        "Table 四: each 总计 = 维持 + 纠正 + 其他 + 尚未审结.",
        "For 行政复议 and for both kinds of 行政诉讼, the 总计 cell equals 结果维持 + 结果纠正 + "
        "其他结果 + 尚未审结.",
        ("annual_report",),
        check_appeal_rows,
    ),
    Rule(
        "D1",
        "A total left blank is derived from its row.",
        "Reports often leave the 总计 column blank. That is not an error: the sum of the row "
        "is used in its place by the other rules, and this note says so.",
        ("annual_report",),
        check_derived_totals,
    ),
    Rule(
        "D2",
        "An optional row the report does not print.",
        "Some rows of the format are left out by many reports (the 2021 （六）3.其他). Such a row "
        "is noted; a rule it takes part in is uncertain only if it does not hold without it.",
        ("annual_report",),
        check_unprinted_rows,
    ),
    Rule(
        "N1",
        "A figure the narrative states matches the table.",
        "Figures such as 共受理申请N件, 办结N件 and 予以公开N件 are compared with the cells they "
        "describe: a fail when they differ, uncertain when the table is unavailable or the cell "
        "not reported, a note when the narrative counts new and carried-over applications "
        "together.",
        ("annual_report",),
        check_stated_figures,
    ),
    Rule(
        "A1",
        "How the reader read what could be read more than one way.",
        "Glued digits split where only one split balances, rows of values placed under the "
        "labels they were displaced from, a section recognised without its heading: each "
        "choice is reported with its reason.",
        ("annual_report",),
        check_reading_notes,
    ),
    Rule(
        "K1",
        "Every task of the key points names its responsible units.",
        "A task without the closing parentheses that name who is responsible (牵头 and the "
        "others) cannot be followed up.",
        ("key_points",),
        check_task_responsibility,
    ),
    Rule(
        "L1",
        "A rule-of-law report has the five mandated contents.",
        "Measures and results, shortfalls, the principal leaders' duties and next year's plans "
        "must be there (found by heading or by content); 'other matters' may be empty.",
        ("rule_of_law_report",),
        check_mandated_sections,
    ),
    Rule(
        "V1",
        "Every table follows the format version the report declares.",
        "The version is detected from the rows and columns of each table; a table that "
        "follows another version than the report's is reported.",
        ("annual_report",),
        check_format_version,
    ),
    Rule(
        "V2",
        "The format version fits the report's year.",
        "The 2021 format (国办公开办函〔2021〕30号) cannot appear in a report for 2020 or "
        "earlier; a 2019-format table in a report for 2021 or later is noted.",
        ("annual_report",),
        check_version_year,
    ),
)


@hookimpl
def govinfo_register_rules(register: Callable[[Rule], None]) -> None:
    for rule in BUILTIN_RULES:
        register(rule)


def suspect_cells(findings: Iterable[Finding]) -> tuple[str, ...]:
    """The cells where a failing row rule meets a failing column rule of the same table.

    When one cell of table 三 is wrong, its row (R2) and its column (R1 or R3) both fail and
    this names it; a table with row rules only (四) gives no suspects.
    """
    failing = [f for f in findings if f.status is Status.FAIL]
    rows = {c for f in failing if f.where.row and not f.where.column for c in f.cells}
    columns = {c for f in failing if f.where.column and not f.where.row for c in f.cells}
    ordered = [c for f in failing for c in f.cells]
    return tuple(dict.fromkeys(c for c in ordered if c in rows and c in columns))


def run_rules(document: Document, rules: Iterable[Rule]) -> tuple[Finding, ...]:
    """Every rule that applies to the document's kind; a rule that raises becomes a finding."""
    findings: list[Finding] = []
    for rule in rules:
        if document.kind not in rule.kinds:
            continue
        try:
            findings.extend(rule.check(document))
        except Exception as exc:  # a plugin's bug must not stop the other rules
            findings.append(
                Finding(
                    rule.code,
                    Status.NOT_ASSESSABLE,
                    Severity.ERROR,
                    f"the rule raised {type(exc).__name__}: {exc}",
                )
            )
    return tuple(findings)
