"""The narrative against the tables.

- N1: a figure the narrative states against the cells it names (a cell, a group of rows such
  as （四）无法提供, or a sum such as 予以公开及部分公开);
- N2: figures the narrative states as the parts of a figure it also states, which do not
  add up to it;
- N3: a percentage printed with a figure (占33.9%) against the share the table gives;
- N4: a claim about table 四's outcomes (均获维持, 无被纠错, 均已审结, 未发生) against its cells.

What a phrase names is the statute's (:data:`govinfo.statute.QUANTITIES`), resolved in the
version of the table it is checked against; totals left blank are derived from their rows.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_UP, Decimal

import attrs

from govinfo.arithmetic import Number, Values, derived_totals, equations
from govinfo.checks.locations import row_location
from govinfo.model.cells import Unreadable
from govinfo.model.documents import AnnualReport, Document, StatedFigure
from govinfo.model.findings import Evidence, Finding, Location, Severity, Status
from govinfo.model.tables import Table, TableUnavailable
from govinfo.statute import (
    CLAIMS,
    ColumnDef,
    Quantity,
    RowDef,
    RowRole,
    TableDef,
    counts_the_area,
    quantity,
    section_for_table,
    table_def,
)

_REASONS_ZH = {"image": "以图片发布", "absent": "文中无此表", "unreadable": "无法识读"}


# --------------------------------------------------------------------------- resolving


@attrs.frozen
class Resolved:
    """A stated figure and the cells it names, with what the table gives for them."""

    figure: StatedFigure
    quantity: Quantity
    definition: TableDef
    table: Table | TableUnavailable
    cells: tuple[str, ...]
    #: Each cell's number (a blank total derived from its row), None where it has none.
    values: tuple[Number | None, ...]
    #: The figure counts a whole area the report's own tables do not (全区 in a department's).
    wider: bool

    @property
    def available(self) -> bool:
        return isinstance(self.table, Table)

    @property
    def total(self) -> Number | None:
        """What the cells come to, None if any has no number."""
        if not self.available or any(v is None for v in self.values):
            return None
        return sum((v for v in self.values if v is not None), 0)

    @property
    def known(self) -> Number:
        return sum((v for v in self.values if v is not None), 0)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(c for c, v in zip(self.cells, self.values, strict=True) if v is None)

    @property
    def agrees(self) -> bool | None:
        """True when the table gives the figure, False when it gives another, None when it
        cannot say (the table unavailable, a cell without a number, or a wider scope)."""
        total = self.total
        if total is None or self.wider:
            return None
        return total == self.figure.value

    @property
    def location(self) -> Location:
        if len(self.cells) == 1:
            row, column = _split(self.cells[0])
            definition_row = self.definition.row(row)
            return row_location(self.definition, definition_row, definition_row.column(column))
        return quantity_location(self.definition, self.quantity)

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.figure.key, self.figure.text, self.figure.source)


def quantity_location(definition: TableDef, described: Quantity) -> Location:
    """Where a finding about a quantity of several cells points: its table, and the row (or
    group) and column its key names, labelled with the quantity's label."""
    return Location(
        table=definition.key,
        row=described.row_part,
        column=described.column_part,
        section=section_for_table(definition.key).key,
        labels=(definition.title.zh, described.label.zh),
        labels_en=(definition.title.en, described.label.en),
    )


def _split(cell: str) -> tuple[str, str]:
    """A dotted cell key's row and column."""
    row, _, column = cell.split(".", 1)[1].rpartition(".")
    return row, column


class _Tables:
    """Each table's numbers, derived once for all the figures of a document."""

    def __init__(self, document: AnnualReport) -> None:
        self.document = document
        self._values: dict[str, Values] = {}

    def resolve(self, figure: StatedFigure) -> Resolved | None:
        described = quantity(figure.key)
        if described is None or described.table is None:
            return None
        table = self.document.table(described.table)
        if isinstance(table, Table):
            version = table.version
        else:
            declared = self.document.metadata.format_version
            version = declared if declared != "unknown" else "2021"
        definition = table_def(described.table, version)
        cells = described.cells(definition)
        if not cells:
            return None  # the version has no such cells (现行有效 in the 2019 format)
        values: tuple[Number | None, ...] = (None,) * len(cells)
        if isinstance(table, Table):
            values = tuple(self.value(table, cell) for cell in cells)
        wider = figure.scope is not None and not counts_the_area(self.document.metadata.agency)
        return Resolved(figure, described, definition, table, cells, values, wider)

    def value(self, table: Table, cell: str) -> Number | None:
        if table.key not in self._values:
            self._values[table.key] = derived_totals(table)[0]
        row, column = _split(cell)
        found = self._values[table.key].get(row)
        if found is None:
            return None
        return found[table.definition.row(row).column_index(column)]

    def sum(self, table: Table, cells: Sequence[str]) -> Number | None:
        values = [self.value(table, cell) for cell in cells]
        if any(v is None for v in values):
            return None
        return sum((v for v in values if v is not None), 0)


def _resolved(document: AnnualReport) -> tuple[_Tables, list[Resolved]]:
    tables = _Tables(document)
    out = [r for r in map(tables.resolve, document.stated) if r is not None]
    return tables, out


def _said(figure: StatedFigure) -> tuple[str, str]:
    return (
        f"the narrative states {figure.value} ({figure.text})",
        f"正文称 {figure.value}（{figure.text}）",
    )


def _unavailable(rule: str, resolved: Resolved, what: str, what_zh: str) -> Finding:
    assert isinstance(resolved.table, TableUnavailable)
    reason = resolved.table.reason
    return Finding(
        rule,
        Status.UNCERTAIN,
        Severity.INFO,
        f"{what}; the table it would be checked against is unavailable ({reason})",
        resolved.location,
        message_zh=f"{what_zh}；可供核对的表格不可用（{_REASONS_ZH[reason]}）",
        expected=resolved.figure.value,
        cells=resolved.cells,
        evidence=(resolved.evidence,),
    )


def _scope_note(rule: str, resolved: Resolved, actual: Number, what: str, what_zh: str) -> Finding:
    scope = resolved.figure.scope
    return Finding(
        rule,
        Status.NOTE,
        Severity.INFO,
        f"{what}: a figure for {scope} (the whole area), while the report's tables are its "
        f"own; the table says {actual}, not compared",
        resolved.location,
        message_zh=f"{what_zh}：此为{scope}的数字，本报告表格只计本机关，表中为 {actual}，不作比较",
        expected=resolved.figure.value,
        actual=actual,
        cells=resolved.cells,
        evidence=(resolved.evidence,),
    )


# --------------------------------------------------------------------------- N1


def check_stated_figures(document: Document) -> Iterator[Finding]:
    """N1: a figure the narrative states against the cells it names."""
    if not isinstance(document, AnnualReport):
        return
    tables, resolved = _resolved(document)
    for item in resolved:
        if item.figure.claim is None:
            yield from _figure_finding(tables, item)


def _figure_finding(tables: _Tables, item: Resolved) -> Iterator[Finding]:
    figure = item.figure
    said, said_zh = _said(figure)
    if not isinstance(item.table, Table):
        yield _unavailable("N1", item, said, said_zh)
        return
    table = item.table
    label, label_zh = item.quantity.label.en, item.quantity.label.zh
    if item.missing:
        if item.known > figure.value and not item.wider:
            yield Finding(
                "N1",
                Status.FAIL,
                Severity.WARNING,
                f"{said}; the cells of {label} the table reports already come to {item.known}",
                item.location,
                message_zh=f"{said_zh}；表中{label_zh}已报告的格合计已为 {item.known}",
                expected=figure.value,
                actual=item.known,
                difference=item.known - figure.value,
                cells=item.cells,
                missing=item.missing,
                evidence=(item.evidence,),
            )
            return
        names_zh, names = _not_read(table, item.missing)
        yield Finding(
            "N1",
            Status.UNCERTAIN,
            Severity.INFO if item.wider else Severity.WARNING,
            f"{said}; {names}",
            item.location,
            message_zh=f"{said_zh}；{names_zh}",
            expected=figure.value,
            required=figure.value - item.known,
            cells=item.cells,
            missing=item.missing,
            evidence=(item.evidence,),
        )
        return
    value = item.total
    assert value is not None
    if value == figure.value:
        return
    carried = _with_carried_over(tables, table, item)
    if carried is not None and value + carried == figure.value:
        yield Finding(
            "N1",
            Status.NOTE,
            Severity.INFO,
            f"{said}: new applications ({value}) and those carried over from last year counted "
            "together",
            item.location,
            message_zh=f"{said_zh}：本年新收（{value}）与上年结转合并计算",
            expected=figure.value,
            actual=value,
            cells=item.cells,
            evidence=(item.evidence,),
        )
        return
    if item.wider:
        yield _scope_note("N1", item, value, said, said_zh)
        return
    parts = _parts_sum(tables, table, item)
    if parts == figure.value:
        yield Finding(
            "N1",
            Status.NOTE,
            Severity.INFO,
            f"{said}: what the table's cells of {label} are the sum of comes to {parts}, as "
            f"the narrative says; the total printed is {value}, which those cells do not give",
            item.location,
            message_zh=f"{said_zh}：表中{label_zh}各分项之和为 {parts}，与正文相符；表中所印总计为 "
            f"{value}，与其分项不符",
            expected=figure.value,
            actual=value,
            cells=item.cells,
            evidence=(item.evidence,),
        )
        return
    alone = _one_row(tables, table, item)
    if alone is not None:
        row, cells = alone
        group, group_zh = item.quantity.label.en, item.quantity.label.zh
        yield Finding(
            "N1",
            Status.FAIL,
            Severity.WARNING,
            f"{said} for {group}, which the table gives as {value}; {figure.value} is the row "
            f"{row.label.en} alone",
            row_location(item.definition, row, _column_of(row, cells)),
            message_zh=f"{said_zh}，所称为{group_zh}，表中为 {value}；{figure.value} 仅为其中 "
            f"{row.label.zh} 一行",
            expected=figure.value,
            actual=value,
            difference=value - figure.value,
            cells=item.cells,
            evidence=(item.evidence,),
        )
        return
    sum_of = "" if len(item.cells) == 1 else f" ({label})"
    sum_of_zh = "" if len(item.cells) == 1 else f"（{label_zh}）"
    yield Finding(
        "N1",
        Status.FAIL,
        Severity.WARNING,
        f"{said}; the table says {value}{sum_of}",
        item.location,
        message_zh=f"{said_zh}；表中为 {value}{sum_of_zh}",
        expected=figure.value,
        actual=value,
        difference=value - figure.value,
        cells=item.cells,
        evidence=(item.evidence,),
    )


def _not_read(table: Table, cells: Sequence[str]) -> tuple[str, str]:
    """What the table says of cells with no number, Chinese and English: printed and not
    read (unreadable), not reported (blank, a dash, a row not printed), or some of each."""

    def unreadable(key: str) -> bool:
        try:
            return isinstance(table[key], Unreadable)
        except KeyError:
            return False

    unread = [c for c in cells if unreadable(c)]
    blank = [c for c in cells if not unreadable(c)]
    (unread_zh, unread_en), (blank_zh, blank_en) = (
        table.definition.cell_names(unread),
        table.definition.cell_names(blank),
    )
    if not unread:
        return f"表中未报告 {blank_zh}", f"the table does not report {blank_en}"
    if not blank:
        return f"表中 {unread_zh} 无法识读", f"the table's {unread_en} could not be read"
    return (
        f"表中 {unread_zh} 无法识读，未报告 {blank_zh}",
        f"the table's {unread_en} could not be read and it does not report {blank_en}",
    )


def _with_carried_over(tables: _Tables, table: Table, item: Resolved) -> Number | None:
    """For a figure of applications received, what the same columns of 二、上年结转 come to
    (a narrative often counts them together), None for another figure."""
    rows = {_split(c)[0] for c in item.cells}
    received = {r.key for r in item.definition.rows_with_role(RowRole.RECEIVED)}
    carried = item.definition.rows_with_role(RowRole.CARRIED_OVER)
    if not rows or not rows <= received or not carried:
        return None
    return tables.sum(table, [f"{table.key}.{carried[0].key}.{_split(c)[1]}" for c in item.cells])


def _parts_sum(tables: _Tables, table: Table, item: Resolved) -> Number | None:
    """What the cells the figure's totals are the sums of come to (a row's applicant columns
    for its 总计), None where that is the figure's cells themselves or a cell has no number."""
    parts = sorted(leaves(item.definition, item.cells))
    if set(parts) == set(item.cells):
        return None
    return tables.sum(table, parts)


def _one_row(
    tables: _Tables, table: Table, item: Resolved
) -> tuple[RowDef, tuple[str, ...]] | None:
    """For a figure of a group of rows (无法提供), the one row of it whose cells come to the
    figure when the group does not (因本机关不掌握等原因无法提供265件: （四）1 alone)."""
    by_row: dict[str, list[str]] = {}
    for cell in item.cells:
        by_row.setdefault(_split(cell)[0], []).append(cell)
    if len(by_row) < 2 or item.figure.value == 0:
        return None
    matching = [r for r, cells in by_row.items() if tables.sum(table, cells) == item.figure.value]
    if len(matching) != 1:
        return None
    return item.definition.row(matching[0]), tuple(by_row[matching[0]])


def _column_of(row: RowDef, cells: tuple[str, ...]) -> ColumnDef | None:
    columns = {_split(c)[1] for c in cells}
    return row.column(next(iter(columns))) if len(columns) == 1 else None


# --------------------------------------------------------------------------- N2


@functools.lru_cache(maxsize=8)
def _definitions(definition: TableDef) -> Mapping[str, tuple[str, ...]]:
    """Each cell the statute's arithmetic defines as a sum (a 总计, （七）总计), and its parts."""
    out: dict[str, tuple[str, ...]] = {}
    for equation in equations(definition):
        if equation.identity.code == "R1" or len(equation.right) != 1:
            continue
        out.setdefault(equation.right[0].key, tuple(t.key for t in equation.left))
    return out


def leaves(definition: TableDef, cells: Sequence[str]) -> frozenset[str]:
    """The cells no total stands for that the given cells come to: 三（七）总计 is every
    outcome row's every applicant column."""
    defined = _definitions(definition)
    out: set[str] = set()
    todo = list(cells)
    while todo:
        cell = todo.pop()
        if cell in defined:
            todo.extend(defined[cell])
        else:
            out.add(cell)
    return frozenset(out)


def check_stated_parts(document: Document) -> Iterator[Finding]:
    """N2: figures stated as the parts of a figure also stated, which do not add up to it."""
    if not isinstance(document, AnnualReport):
        return
    _, resolved = _resolved(document)
    by_key: dict[str, list[Resolved]] = {}
    for item in resolved:
        if item.figure.claim is None and not item.wider:
            by_key.setdefault(item.figure.key, []).append(item)
    # A quantity stated with two values cannot say which is the total or the part.
    figures = [items[0] for items in by_key.values() if len({i.figure.value for i in items}) == 1]
    spans = {id(i): leaves(i.definition, i.cells) for i in figures}
    for total in figures:
        whole = spans[id(total)]
        inside = [
            p
            for p in figures
            if p is not total and p.definition is total.definition and spans[id(p)] < whole
        ]
        parts = [p for p in inside if not any(spans[id(p)] < spans[id(q)] for q in inside)]
        if not parts or _overlap([spans[id(p)] for p in parts]):
            continue
        involved = [total, *parts]
        agreement = [i.agrees for i in involved]
        if False in agreement or all(a is True for a in agreement):
            continue  # N1 says which figure the table contradicts, or the table confirms all
        came = sum((p.figure.value for p in parts), 0)
        complete = frozenset().union(*(spans[id(p)] for p in parts)) == whole
        stated = total.figure.value
        if came == stated or (not complete and came < stated):
            continue
        listed = "; ".join(f"{p.figure.value} ({p.figure.text})" for p in parts)
        listed_zh = "、".join(f"{p.figure.value}（{p.figure.text}）" for p in parts)
        said, said_zh = _said(total.figure)
        how = "add up to" if complete else "may come to at most"
        yield Finding(
            "N2",
            Status.FAIL,
            Severity.WARNING,
            f"{said}; the parts it states, which should {how} it, come to {came}: {listed}",
            total.location,
            message_zh=f"{said_zh}；所述各项合计 {came}，"
            f"{'应与之相等' if complete else '不应超过'}：{listed_zh}",
            expected=stated,
            actual=came,
            difference=came - stated,
            cells=total.cells,
            evidence=tuple(i.evidence for i in involved),
        )


def _overlap(spans: Sequence[frozenset[str]]) -> bool:
    seen: set[str] = set()
    for span in spans:
        if seen & span:
            return True
        seen |= span
    return False


# --------------------------------------------------------------------------- N3


def _places(percent: Decimal) -> int:
    exponent = percent.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _share(part: Number, whole: Number, places: int, rounding: str) -> Decimal:
    exact = Decimal(part) * 100 / Decimal(whole)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=rounding)


def _within(percent: Decimal, part: Number, whole: Number) -> bool:
    """Whether the percentage is the share rounded as the report rounds (to its places)."""
    exact = Decimal(part) * 100 / Decimal(whole)
    return abs(exact - percent) <= Decimal(5).scaleb(-_places(percent) - 1)


def check_stated_shares(document: Document) -> Iterator[Finding]:
    """N3: a percentage printed with a figure against the share the table gives."""
    if not isinstance(document, AnnualReport):
        return
    tables, resolved = _resolved(document)
    stated: dict[str, set[Number]] = {}
    for item in resolved:
        stated.setdefault(item.figure.key, set()).add(item.figure.value)
    for item in resolved:
        percent = item.figure.percent
        if percent is None or item.wider or item.figure.claim is not None:
            continue
        bases = [_base(tables, item, key, stated) for key in item.quantity.shares_of]
        wholes = [(key, b) for key, b in zip(item.quantity.shares_of, bases, strict=True) if b]
        if not wholes:
            continue
        part = item.total
        counted = part if part is not None else item.figure.value
        if any(_within(percent, counted, b) for _, b in wholes):
            continue
        if part is not None and any(_within(percent, item.figure.value, b) for _, b in wholes):
            continue  # the share of the figure as stated: N1 says what is wrong with it
        places = _places(percent)
        said, said_zh = _said(item.figure)
        key, whole = wholes[0]
        base = quantity(key)
        assert base is not None
        unknown = [
            q
            for k, b in zip(item.quantity.shares_of, bases, strict=True)
            if b is None
            and (q := quantity(k)) is not None
            and _may_be_share(percent, counted, _least(tables, item, q, stated, counted))
        ]
        if unknown:
            # A share of a whole that can be read neither from the table nor the narrative
            # (and that is not ruled out by what it cannot be less than) may be the one
            # meant: the percentage can be neither confirmed nor faulted.
            names = "、".join(q.label.zh for q in unknown)
            names_en = "; ".join(q.label.en for q in unknown)
            shown = _share(counted, whole, places, ROUND_HALF_UP)
            yield Finding(
                "N3",
                Status.UNCERTAIN,
                Severity.INFO,
                f"{said}, {percent}%: not its share of {whole} ({base.label.en}), {shown}%; "
                f"it may be a share of {names_en}, which cannot be read",
                item.location,
                message_zh=f"{said_zh}，占 {percent}%：不是 {whole}（{base.label.zh}）中的占比"
                f"（{shown}%）；或为{names}中的占比，而{'这些数' if len(unknown) > 1 else '该数'}"
                "无从读取",
                expected=percent,
                actual=shown,
                cells=item.cells,
                evidence=(item.evidence,),
            )
            continue
        truncated = [(k, b) for k, b in wholes if _share(counted, b, places, ROUND_DOWN) == percent]
        if truncated:
            key, whole = truncated[0]
            base = quantity(key)
            assert base is not None
            yield Finding(
                "N3",
                Status.NOTE,
                Severity.INFO,
                f"{said}, {percent}% of {whole} ({base.label.en}): the share cut off, not "
                f"rounded ({_share(counted, whole, places, ROUND_HALF_UP)}%)",
                item.location,
                message_zh=f"{said_zh}，占 {whole}（{base.label.zh}）的 {percent}%：为截尾"
                f"而非四舍五入（应为 {_share(counted, whole, places, ROUND_HALF_UP)}%）",
                expected=percent,
                actual=_share(counted, whole, places, ROUND_HALF_UP),
                cells=item.cells,
                evidence=(item.evidence,),
            )
            continue
        actual = _share(counted, whole, places, ROUND_HALF_UP)
        source = "the table" if part is not None else "the narrative"
        source_zh = "表中" if part is not None else "正文所述"
        yield Finding(
            "N3",
            Status.FAIL,
            Severity.WARNING,
            f"{said}, {percent}%; {source} gives {counted} of {whole} ({base.label.en}), {actual}%",
            item.location,
            message_zh=f"{said_zh}，占 {percent}%；{source_zh}为 {whole}（{base.label.zh}）"
            f"中的 {counted}，占 {actual}%",
            expected=percent,
            actual=actual,
            difference=actual - percent,
            cells=item.cells,
            evidence=(item.evidence,),
        )


def _least(
    tables: _Tables,
    item: Resolved,
    whole: Quantity,
    stated: Mapping[str, set[Number]],
    part: Number,
) -> Number:
    """The least a whole not read can be: the part it holds, or a quantity the identities
    never let exceed it."""
    known = [_base(tables, item, key, stated) for key in whole.at_least]
    return max([part, *(k for k in known if k is not None)])


def _may_be_share(percent: Decimal, part: Number, least: Number) -> bool:
    """Whether some whole number of at least ``least`` makes ``part`` the percentage, as the
    report rounds it (to its places)."""
    half = Decimal(5).scaleb(-_places(percent) - 1)
    if part == 0:
        return percent <= half
    low, high = percent - half, percent + half  # the share's window
    if low <= 0:
        return True  # a whole large enough makes any share that small
    smallest = max(Decimal(least), (Decimal(part) * 100 / high).to_integral_value(ROUND_CEILING))
    largest = (Decimal(part) * 100 / low).to_integral_value(ROUND_FLOOR)
    return smallest <= largest


def _base(
    tables: _Tables, item: Resolved, key: str, stated: Mapping[str, set[Number]]
) -> Number | None:
    """What a share is of: the table's cells, else the one figure the narrative states for
    it; None (or 0) when neither says."""
    described = quantity(key)
    if described is None or described.table is None:
        return None
    if isinstance(item.table, Table) and described.table == item.table.key:
        return tables.sum(item.table, described.cells(item.definition))
    values = stated.get(key, set())
    return next(iter(values)) if len(values) == 1 else None


# --------------------------------------------------------------------------- N4


def check_claims(document: Document) -> Iterator[Finding]:
    """N4: a claim about table 四's outcomes against its cells."""
    if not isinstance(document, AnnualReport):
        return
    _, resolved = _resolved(document)
    for item in resolved:
        claim_key = item.figure.claim
        if claim_key is None:
            continue
        claim = CLAIMS[claim_key]
        said = f"the narrative says {claim.label.en} ({item.figure.text})"
        said_zh = f"正文称{claim.label.zh}（{item.figure.text}）"
        if not isinstance(item.table, Table):
            yield _unavailable("N4", item, said, said_zh)
            continue
        found = [
            (cell, value)
            for cell, value in zip(item.cells, item.values, strict=True)
            if value is not None and value > 0
        ]
        if found:
            names_zh = "、".join(f"{_label(item.definition, c, 'zh')} {v}" for c, v in found)
            names = "; ".join(f"{_label(item.definition, c, 'en')} {v}" for c, v in found)
            came = sum((v for _, v in found), 0)
            if item.wider:
                yield _scope_note("N4", item, came, said, said_zh)
                continue
            yield Finding(
                "N4",
                Status.FAIL,
                Severity.WARNING,
                f"{said}; the table has {names}",
                item.location,
                message_zh=f"{said_zh}；表中为 {names_zh}",
                expected=0,
                actual=came,
                difference=came,
                cells=tuple(c for c, _ in found),
                evidence=(item.evidence,),
            )
        elif item.missing:
            names_zh, names = _not_read(item.table, item.missing)
            yield Finding(
                "N4",
                Status.UNCERTAIN,
                Severity.INFO,
                f"{said}; {names}",
                item.location,
                message_zh=f"{said_zh}；{names_zh}",
                expected=0,
                required=0,
                cells=item.cells,
                missing=item.missing,
                evidence=(item.evidence,),
            )


def _label(definition: TableDef, cell: str, lang: str) -> str:
    row_key, column_key = _split(cell)
    row = definition.row(row_key)
    column = row.column(column_key)
    labels = [*row.groups, row.label, column.label]
    return " ".join(label.zh if lang == "zh" else label.en for label in labels)
