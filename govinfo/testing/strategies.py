"""Hypothesis strategies for govinfo documents, valid and corrupted.

``annual_reports()`` builds reports whose statutory arithmetic holds (so the checks find no
fail), in either format version, with blank 总计 cells, unprinted optional rows, tables
unavailable and cells carrying their source, as real reports have them.
``corrupted_reports()`` changes one reported cell of such a report and says which.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from govinfo.arithmetic import derived_totals
from govinfo.model.cells import (
    DECIDED_BY,
    Amount,
    Cell,
    Change,
    Count,
    NotReported,
    SourceRef,
    Unreadable,
)
from govinfo.model.documents import (
    RECOGNITIONS,
    AnnualReport,
    AnnualReportMetadata,
    Deadline,
    Document,
    DocumentNumber,
    DroppedText,
    Fact,
    KeyPoints,
    KeyPointsMetadata,
    Metadata,
    Origin,
    Part,
    ReadingNote,
    Responsibility,
    RuleOfLawReport,
    RuleOfLawSection,
    Section,
    StatedFigure,
    Task,
)
from govinfo.model.narrative import Item, NarrativeBlock, Paragraph
from govinfo.model.tables import Row, Table, TableUnavailable
from govinfo.statute import (
    ANNUAL_REPORT_SECTIONS,
    CLAIMS,
    FORMAT_VERSIONS,
    RULE_OF_LAW_FACTS,
    RULE_OF_LAW_SECTIONS,
    CellKind,
    ColumnDef,
    FormatVersion,
    RowDef,
    RowRole,
    TableKey,
    all_cell_keys,
    quantity,
    table_def,
)

T = TypeVar("T")

#: Texts a report prints in a cell it leaves empty.
BLANKS = ("", " ", "\xa0", "/", "-", "—", "－", "——", "&nbsp;")

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_PRINTABLE = st.characters(
    codec="utf-8", categories=("L", "N", "P", "Zs", "S"), exclude_characters="\x00"
)


def texts(*, min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """Text as documents have it: Chinese, Latin, digits, punctuation."""
    return st.text(st.one_of(_CJK, _PRINTABLE), min_size=min_size, max_size=max_size)


def source_refs() -> st.SearchStrategy[SourceRef]:
    return st.one_of(
        st.builds(SourceRef, line=st.integers(1, 10_000)),
        st.builds(SourceRef, offset=st.integers(0, 10**6)),
        st.builds(SourceRef, line=st.integers(1, 10_000), offset=st.integers(0, 10**6)),
        st.builds(
            SourceRef,
            line=st.none() | st.integers(1, 10_000),
            page=st.none() | st.integers(1, 500),
            image=st.sampled_from(("1.jpg", "table.png", "scan.tiff")),
            box=st.tuples(st.integers(0, 5000), st.integers(0, 5000)).flatmap(
                lambda at: st.tuples(
                    st.just(at[0]),
                    st.just(at[1]),
                    st.integers(at[0], at[0] + 3000),
                    st.integers(at[1], at[1] + 3000),
                )
            ),
        ),
    )


def _provenance(draw: st.DrawFn, raw: str) -> dict[str, Any]:
    """Sometimes the text a cell was read from and where."""
    if not draw(st.booleans()):
        return {}
    decided = draw(st.sampled_from((None, None, *DECIDED_BY)))
    return {"raw": raw, "source": draw(st.none() | source_refs()), "decided_by": decided}


amounts = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def cells(draw: st.DrawFn, column: ColumnDef, *, reported: bool | None = None) -> Cell:
    """Any cell the column may hold: a value of its kind, or not reported, or unreadable."""
    if reported is False or (reported is None and draw(st.integers(0, 9)) == 0):
        if draw(st.booleans()):
            return NotReported(
                draw(st.sampled_from(BLANKS)), source=draw(st.none() | source_refs())
            )
        return Unreadable(
            draw(texts(max_size=12)),
            draw(texts(min_size=1, max_size=20).filter(str.strip)),
            candidates=tuple(draw(st.lists(st.integers(0, 10**4), max_size=3, unique=True))),
            reason_zh=draw(st.none() | texts(min_size=1, max_size=20).filter(str.strip)),
        )
    if column.kind is CellKind.COUNT:
        value = draw(st.integers(0, 10**6))
        return Count(value, **_provenance(draw, str(value)))
    if column.kind is CellKind.CHANGE:
        value = draw(st.integers(-(10**4), 10**4))
        return Change(value, **_provenance(draw, str(value)))
    amount = draw(amounts)
    unit = column.unit if column.unit else draw(st.sampled_from((None, "元", "万元")))
    return Amount(amount, unit, **_provenance(draw, format(amount, "f")))


def _count(draw: st.DrawFn, value: int) -> Count:
    return Count(value, **_provenance(draw, str(value)))


@st.composite
def balanced_applications(
    draw: st.DrawFn,
    version: FormatVersion,
    *,
    blank_totals: bool = True,
    unprinted_rows: bool = True,
) -> Table:
    """Table 三 in which R1, R2 and R3 hold: the arithmetic is built, not hoped for.

    With ``blank_totals`` some rows leave 总计 blank; with ``unprinted_rows`` optional rows
    (all zero) may be left out, as real reports do.
    """
    definition = table_def("applications", version)
    columns = definition.rows[0].columns
    parts = [c for c in columns if not c.is_total]
    leaves = definition.rows_with_role(RowRole.OUTCOME)
    small = st.integers(0, 40)
    absent = {r.key for r in leaves if r.optional and unprinted_rows and draw(st.booleans())}
    values: dict[str, list[int]] = {}
    for row in leaves:
        values[row.key] = [0 if row.key in absent else draw(small) for _ in parts]
    outcome_total = [sum(values[r.key][i] for r in leaves) for i in range(len(parts))]
    forward = [draw(small) for _ in parts]
    over = [draw(st.integers(0, outcome_total[i] + forward[i])) for i in range(len(parts))]
    received = [outcome_total[i] + forward[i] - over[i] for i in range(len(parts))]
    for row in definition.rows:
        if row.role is RowRole.RECEIVED:
            values[row.key] = received
        elif row.role is RowRole.CARRIED_OVER:
            values[row.key] = over
        elif row.role is RowRole.OUTCOME_TOTAL:
            values[row.key] = outcome_total
        elif row.role is RowRole.CARRIED_FORWARD:
            values[row.key] = forward
    blank_all = blank_totals and draw(st.integers(0, 3)) == 0
    rows = []
    for row in definition.rows:
        if row.key in absent:
            continue
        row_cells: list[Cell] = [_count(draw, v) for v in values[row.key]]
        total = sum(values[row.key])
        if blank_totals and (blank_all or draw(st.integers(0, 5)) == 0):
            row_cells.append(NotReported(draw(st.sampled_from(BLANKS))))
        else:
            row_cells.append(_count(draw, total))
        rows.append(Row(row.key, tuple(row_cells)))
    return Table("applications", version, tuple(rows))


@st.composite
def balanced_appeals(draw: st.DrawFn, version: FormatVersion) -> Table:
    """Table 四 with every 总计 the sum of its four results."""
    rows = []
    for row in table_def("appeals", version).rows:
        values = [draw(st.integers(0, 30)) for c in row.columns if not c.is_total]
        rows.append(Row(row.key, tuple(_count(draw, v) for v in (*values, sum(values)))))
    return Table("appeals", version, tuple(rows))


@st.composite
def proactive_tables(draw: st.DrawFn, version: FormatVersion) -> Table:
    """Table 二: no arithmetic binds it, so any cells do."""
    rows = []
    for row in table_def("proactive", version).rows:
        if row.optional and draw(st.booleans()):
            continue
        rows.append(Row(row.key, tuple(draw(cells(c)) for c in row.columns)))
    return Table("proactive", version, tuple(rows))


def table_unavailable() -> st.SearchStrategy[TableUnavailable]:
    return st.one_of(
        st.builds(
            TableUnavailable,
            st.just("image"),
            st.lists(st.sampled_from(("1.jpg", "2.png", "table.gif")), min_size=1, max_size=3).map(
                tuple
            ),
        ),
        st.builds(TableUnavailable, st.just("absent")),
        st.builds(
            TableUnavailable,
            st.just("unreadable"),
            text=texts(min_size=1).filter(str.strip),
            detail=st.none() | texts(),
        ),
    )


@st.composite
def paragraphs(draw: st.DrawFn) -> Paragraph:
    return Paragraph(draw(texts(min_size=1)), source=draw(st.none() | source_refs()))


@st.composite
def items(draw: st.DrawFn, depth: int = 1) -> Item:
    inner: st.SearchStrategy[NarrativeBlock] = paragraphs()
    if depth > 0:
        inner = st.one_of(paragraphs(), items(depth - 1))
    number = draw(st.integers(1, 12))
    return Item(
        draw(st.sampled_from((f"（{number}）", f"{number}.", f"({number})", "一是", "二是"))),
        number,
        draw(texts()),
        tuple(draw(st.lists(inner, max_size=3))),
        source=draw(st.none() | source_refs()),
    )


def blocks(max_size: int = 4) -> st.SearchStrategy[tuple[NarrativeBlock, ...]]:
    return st.lists(st.one_of(paragraphs(), items()), max_size=max_size).map(tuple)


def origins() -> st.SearchStrategy[Origin | None]:
    return st.none() | st.builds(
        Origin,
        location=st.none() | st.sampled_from(("report.txt", "https://example.gov.cn/a.html", "-")),
        reader=st.none() | st.sampled_from(("txt", "html", "json")),
        encoding=st.none() | st.sampled_from(("utf-8", "gb18030")),
    )


dates = st.dates(dt.date(2019, 1, 1), dt.date(2030, 12, 31))


@st.composite
def annual_reports(
    draw: st.DrawFn,
    version: FormatVersion | None = None,
    *,
    unavailable: bool = True,
    blank_totals: bool = True,
    unprinted_rows: bool = True,
) -> AnnualReport:
    """A valid annual report: its statutory arithmetic holds, so no rule fails."""
    chosen: FormatVersion = draw(st.sampled_from(FORMAT_VERSIONS)) if version is None else version
    year = draw(st.integers(2019, 2020) if chosen == "2019" else st.integers(2021, 2030))
    metadata = AnnualReportMetadata(
        agency=draw(st.none() | texts(min_size=1, max_size=12)),
        year=year,
        language=draw(st.sampled_from(("zh", "en"))),
        title=draw(st.none() | texts()),
        published=draw(st.none() | dates),
        origin=draw(origins()),
        format_version=chosen,
    )
    makers: dict[TableKey, st.SearchStrategy[Table]] = {
        "proactive": proactive_tables(chosen),
        "applications": balanced_applications(
            chosen, blank_totals=blank_totals, unprinted_rows=unprinted_rows
        ),
        "appeals": balanced_appeals(chosen),
    }
    sections = []
    for definition in ANNUAL_REPORT_SECTIONS:
        table: Table | TableUnavailable | None = None
        if definition.table is not None:
            if unavailable and draw(st.integers(0, 4)) == 0:
                table = draw(table_unavailable())
            else:
                table = draw(makers[definition.table])
        sections.append(
            Section(
                definition.key,
                draw(st.none() | st.just(definition.heading) | texts(max_size=30)),
                draw(blocks()),
                table,
                source=draw(st.none() | source_refs()),
            )
        )
    dropped = draw(
        st.lists(
            st.builds(DroppedText, texts(), st.sampled_from(("navigation", "spam", "footer"))),
            max_size=2,
        )
    )
    report = AnnualReport(
        metadata,
        tuple(sections),
        preamble=draw(blocks(2)),
        notes=tuple(
            draw(
                st.lists(
                    st.builds(
                        ReadingNote,
                        texts(min_size=1).filter(str.strip),
                        keys=st.lists(st.sampled_from(_ALL_KEYS), max_size=2).map(tuple),
                        source=st.none() | source_refs(),
                    ),
                    max_size=2,
                )
            )
        ),
        dropped=tuple(dropped),
    )
    return attrs.evolve(report, stated=draw(stated_figures(report)))


_ALL_KEYS = tuple(sorted(set(all_cell_keys("2019")) | set(all_cell_keys("2021"))))


@st.composite
def stated_figures(draw: st.DrawFn, report: AnnualReport) -> tuple[StatedFigure, ...]:
    """What the narrative states, agreeing with the report's tables: figures of cells, groups
    and sums (some with the share they are of the applications handled, rounded as reports
    round), and true claims about table 四.  For a table that is unavailable the figures are
    those of a balanced table it may have been, so that they agree with each other."""
    version: FormatVersion = (
        report.metadata.format_version if report.metadata.format_version != "unknown" else "2021"
    )
    hidden: dict[str, Table] = {}

    def table_for(key: TableKey) -> Table | None:
        table = report.table(key)
        if isinstance(table, Table):
            return table
        if key == "proactive":
            return None  # no figure of table 二 is drawn
        if key not in hidden:
            maker = (
                balanced_applications(version)
                if key == "applications"
                else balanced_appeals(version)
            )
            hidden[key] = draw(maker)
        return hidden[key]

    def total(key: str) -> int | None:
        described = quantity(key)
        if described is None or described.table is None:
            return None
        table = table_for(described.table)
        if table is None:
            return None
        values, _ = derived_totals(table)
        found = 0
        cells = described.cells(table.definition)
        if not cells:
            return None
        for cell in cells:
            row, _, column = cell.split(".", 1)[1].rpartition(".")
            row_values = values.get(row)
            value = (
                None
                if row_values is None
                else row_values[table.definition.row(row).column_index(column)]
            )
            if not isinstance(value, int):
                return None  # a blank or unreadable cell: the figure would be uncertain
            found += value
        return found

    figures = []
    for key in draw(st.lists(st.sampled_from(_STATABLE), max_size=4, unique=True)):
        value = total(key)
        if value is None:
            continue
        percent = None
        described = quantity(key)
        whole = total(described.shares_of[0]) if described and described.shares_of else None
        if whole and draw(st.booleans()):
            places = draw(st.integers(0, 2))
            share = Decimal(value) * 100 / Decimal(whole)
            percent = share.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        figures.append(
            StatedFigure(
                key,
                value,
                f"{described.label.zh if described else key}{value}件",
                source=draw(st.none() | source_refs()),
                percent=percent,
            )
        )
    for subject, claim in draw(
        st.lists(
            st.tuples(
                st.sampled_from(("reconsideration", "litigation", "*")),
                st.sampled_from(tuple(CLAIMS)),
            ),
            max_size=2,
            unique=True,
        )
    ):
        key = f"appeals.{subject}.{CLAIMS[claim].column}"
        if total(key) == 0:
            figures.append(
                StatedFigure(
                    key,
                    0,
                    CLAIMS[claim].label.zh,
                    claim=claim,
                    source=draw(st.none() | source_refs()),
                )
            )
    return tuple(figures)


_STATABLE = (
    "applications.received.total",
    "applications.received.natural_person",
    "applications.received.legal_person",
    "applications.carried_over.total",
    "applications.outcome.total.total",
    "applications.outcome.disclosed.total",
    "applications.outcome.disclosed_or_partly.total",
    "applications.outcome.withheld.total",
    "applications.outcome.unavailable.total",
    "applications.outcome.other.total",
    "applications.carried_forward.total",
    "appeals.reconsideration.total",
    "appeals.litigation.total",
)


@attrs.frozen
class Corruption:
    """A report with one cell changed: which, and from what to what."""

    document: AnnualReport
    key: str
    row: str
    column: str
    before: int
    after: int


def _checked_cells(report: AnnualReport) -> list[tuple[Table, RowDef, ColumnDef]]:
    out = []
    for table in report.tables():
        if table.key == "proactive":
            continue  # no arithmetic binds table 二
        for row in table.rows:
            row_def = table.definition.row(row.key)
            for column, cell in zip(row_def.columns, row.cells, strict=True):
                if isinstance(cell, Count):
                    out.append((table, row_def, column))
    return out


@st.composite
def corrupted_reports(draw: st.DrawFn, version: FormatVersion | None = None) -> Corruption:
    """A valid report with one count of table 三 or 四 changed.

    Every count of those tables takes part in a rule, so the change must make one fail.
    Blank cells and unprinted rows are left out: they would let a change go unseen, which
    is why the rules say "uncertain" and not "holds" where they meet them.
    """
    report = draw(
        annual_reports(version, unavailable=False, blank_totals=False, unprinted_rows=False)
    )
    table, row, column = draw(st.sampled_from(_checked_cells(report)))
    key = f"{table.key}.{row.key}.{column.key}"
    cell = table[key]
    assert isinstance(cell, Count)
    after = draw(st.integers(0, cell.value + 50).filter(lambda n: n != cell.value))
    changed = report.with_table(table.replace(key, attrs.evolve(cell, value=after)))
    return Corruption(changed, key, row.key, column.key, cell.value, after)


# --------------------------------------------------------------------------- other kinds


@st.composite
def key_points(draw: st.DrawFn) -> KeyPoints:
    year = draw(st.integers(2019, 2030))
    number = draw(
        st.none()
        | st.builds(
            DocumentNumber,
            st.just(f"国知办函办字〔{year}〕495号"),
            st.sampled_from(("国知办函办字", "Guozhiban Hanbanzi")),
            st.just(year),
            st.integers(1, 999),
        )
    )
    metadata = KeyPointsMetadata(
        agency=draw(st.none() | texts(min_size=1, max_size=12)),
        year=year,
        language=draw(st.sampled_from(("zh", "en"))),
        title=draw(st.none() | texts()),
        published=draw(st.none() | dates),
        origin=draw(origins()),
        document_number=number,
        issued=draw(st.none() | dates),
    )
    deadlines = st.lists(
        st.builds(
            Deadline,
            texts(min_size=1).filter(str.strip),
            date=st.none() | dates,
            working_days=st.none() | st.integers(1, 30),
        ),
        max_size=2,
    ).map(tuple)
    # Valid key points name who is responsible for every task (rule K1).
    responsibility = st.builds(
        Responsibility,
        texts(min_size=1).filter(str.strip),
        lead=st.none() | texts(min_size=1, max_size=10),
        others=st.lists(texts(min_size=1, max_size=10), max_size=3).map(tuple),
    )
    counter = iter(range(1, 1000))
    parts = []
    for part_number in range(1, draw(st.integers(0, 4)) + 1):
        tasks = tuple(
            Task(
                n,
                f"（{n}）",
                draw(texts()),
                draw(texts()),
                responsible=draw(responsibility),
                deadlines=draw(deadlines),
                source=draw(st.none() | source_refs()),
            )
            for n in [next(counter) for _ in range(draw(st.integers(0, 3)))]
        )
        parts.append(Part(part_number, f"{part_number}.", draw(texts()), tasks))
    return KeyPoints(
        metadata,
        opening=draw(blocks(2)),
        parts=tuple(parts),
        closing=draw(blocks(2)),
        deadlines=draw(deadlines),
    )


@st.composite
def rule_of_law_reports(draw: st.DrawFn) -> RuleOfLawReport:
    metadata = Metadata(
        agency=draw(st.none() | texts(min_size=1, max_size=12)),
        year=draw(st.none() | st.integers(2019, 2030)),
        language=draw(st.sampled_from(("zh", "en"))),
        title=draw(st.none() | texts()),
        published=draw(st.none() | dates),
        origin=draw(origins()),
    )
    sections = []
    for definition in RULE_OF_LAW_SECTIONS:
        # Valid reports have the four mandated contents (rule L1); "other" may be absent.
        choices = RECOGNITIONS if definition.key == "other" else ("heading", "inference")
        how = draw(st.sampled_from(choices))
        if how == "absent":
            sections.append(RuleOfLawSection(definition.key, "absent"))
            continue
        heading = definition.label.zh if how == "heading" else draw(st.none() | texts())
        sections.append(RuleOfLawSection(definition.key, how, heading, draw(blocks())))
    facts = draw(
        st.lists(
            st.builds(
                Fact,
                st.sampled_from(tuple(RULE_OF_LAW_FACTS)),
                st.integers(0, 10_000),
                st.sampled_from(("件", "次", "家")),
                texts(min_size=1).filter(str.strip),
                source=st.none() | source_refs(),
            ),
            max_size=3,
        )
    )
    return RuleOfLawReport(metadata, tuple(sections), facts=tuple(facts))


def documents() -> st.SearchStrategy[Document]:
    """A valid document of any kind."""
    return st.one_of(annual_reports(), key_points(), rule_of_law_reports())


# --------------------------------------------------------------------------- invalid values


def invalid_cell_constructions() -> st.SearchStrategy[
    tuple[Callable[..., object], Sequence[object]]
]:
    """A cell constructor and arguments its validators forbid."""
    not_int = st.one_of(st.booleans(), st.floats(allow_nan=True), st.text(max_size=3), st.none())
    return st.one_of(
        st.tuples(st.just(Count), st.tuples(st.integers(max_value=-1))),
        st.tuples(st.just(Count), st.tuples(not_int)),
        st.tuples(st.just(Change), st.tuples(not_int)),
        st.tuples(
            st.just(Amount),
            st.tuples(
                st.decimals(max_value=Decimal("-0.01"), allow_nan=False, allow_infinity=False)
            ),
        ),
        st.tuples(
            st.just(Amount),
            st.tuples(st.sampled_from((Decimal("NaN"), Decimal("Infinity"), 1.5, 3))),
        ),
        st.tuples(st.just(NotReported), st.tuples(st.text(max_size=5).map(lambda s: s + "7"))),
        st.tuples(st.just(Unreadable), st.tuples(st.text(max_size=5), st.sampled_from(("", "  ")))),
        st.tuples(st.just(SourceRef), st.tuples(st.integers(max_value=0))),
    )


#: Sentences as report narratives have them (no heading words, no table labels).
PROSE = (
    "本机关认真贯彻落实政府信息公开条例，持续深化政务公开工作。",
    "全年通过门户网站主动公开各类政府信息，及时回应社会关切。",
    "严格执行信息发布审核制度，确保发布内容准确规范。",
    "加强政务新媒体管理，提升信息发布的时效性和权威性。",
    "进一步完善依申请公开办理流程，规范答复文书格式。",
    "部分工作人员业务还不够熟练。下一步将组织开展业务培训，提高工作人员的业务能力。同时完善"
    "考核机制，提升服务水平。",
    "部分栏目信息更新不够及时，内容还不够丰富。",
    "下一步将加大督促检查力度，推动工作常态化、规范化。",
    "本年度未收取信息处理费。",
)


@st.composite
def printable_reports(draw: st.DrawFn, version: FormatVersion | None = None) -> AnnualReport:
    """An annual report as an agency publishes one, that a page or a text of it can carry whole:
    the six statutory headings, narrative paragraphs of report prose, and every table printed,
    with counts (some totals blank) and amounts, never an unreadable cell."""
    chosen: FormatVersion = draw(st.sampled_from(FORMAT_VERSIONS)) if version is None else version
    year = draw(st.integers(2019, 2020) if chosen == "2019" else st.integers(2021, 2030))
    paragraphs_of = st.lists(st.sampled_from(PROSE), min_size=1, max_size=3).map(
        lambda texts: tuple(Paragraph(t) for t in texts)
    )
    makers: dict[TableKey, st.SearchStrategy[Table]] = {
        "proactive": _printable_proactive(chosen),
        "applications": balanced_applications(chosen, unprinted_rows=False),
        "appeals": balanced_appeals(chosen),
    }
    sections = []
    for definition in ANNUAL_REPORT_SECTIONS:
        table = draw(makers[definition.table]) if definition.table is not None else None
        sections.append(
            Section(definition.key, definition.heading, draw(paragraphs_of), _plain(table))
        )
    metadata = AnnualReportMetadata(
        agency="某某市某某局",
        year=year,
        title=f"某某市某某局{year}年政府信息公开工作年度报告",
        format_version=chosen,
    )
    return AnnualReport(metadata, tuple(sections))


@st.composite
def _printable_proactive(draw: st.DrawFn, version: FormatVersion) -> Table:
    rows = []
    for row in table_def("proactive", version).rows:
        values: list[Cell] = []
        for column in row.columns:
            if column.kind is CellKind.AMOUNT:
                values.append(Amount(Decimal(draw(st.integers(0, 10**6))) / 100, column.unit))
            elif column.kind is CellKind.CHANGE:
                values.append(Change(draw(st.integers(-50, 50))))
            else:
                values.append(Count(draw(st.integers(0, 500))))
        rows.append(Row(row.key, tuple(values)))
    return Table("proactive", version, tuple(rows))


def _plain(table: Table | None) -> Table | None:
    """The table with its cells' provenance dropped and blank marks as an empty cell."""
    if table is None:
        return None
    rows = []
    for row in table.rows:
        plain: list[Cell] = []
        for cell in row.cells:
            if isinstance(cell, NotReported):
                plain.append(NotReported(""))
            else:
                plain.append(attrs.evolve(cell, raw=None, source=None))  # type: ignore[arg-type]
        rows.append(Row(row.key, tuple(plain)))
    return Table(table.key, table.version, tuple(rows))


def blank_totals_report(year: int = 2019) -> AnnualReport:
    """A 2019-format report whose table 三 is printed as some real 2019 reports print it: the
    five 法人或其他组织 columns blank on every row but 一, and every row with nothing to count
    blank in all its cells, 总计 included; the arithmetic holds if every blank is 0, and only
    then.  (A fixed report: tests name its cells.)"""
    definition = table_def("applications", "2019")
    natural = {
        "received": 30,
        "carried_over": 2,
        "outcome.disclosed": 12,
        "outcome.partially_disclosed": 3,
        "outcome.unavailable.not_held": 9,
        "outcome.not_processed.duplicate": 2,
        "outcome.other": 1,
        "carried_forward": 5,
    }
    rows: dict[str, list[int | None]] = {}
    for row in definition.rows:
        value = natural.get(row.key, 0)
        if row.role is RowRole.OUTCOME_TOTAL:
            value = sum(v for k, v in natural.items() if k.startswith("outcome."))
        if row.role is RowRole.RECEIVED:
            rows[row.key] = [value, 0, 0, 0, 0, 0, value]
        elif value:
            rows[row.key] = [value, None, None, None, None, None, value]
        else:
            rows[row.key] = [None] * 7
    applications = Table.from_rows("applications", "2019", rows)
    proactive = Table.from_rows(
        "proactive",
        "2019",
        {r.key: [0] * len(r.columns) for r in table_def("proactive", "2019").rows},
    )
    appeals = Table.from_rows(
        "appeals", "2019", {r.key: [0] * len(r.columns) for r in table_def("appeals", "2019").rows}
    )
    tables = {"proactive": proactive, "applications": applications, "appeals": appeals}
    sections = tuple(
        Section(
            d.key,
            d.heading,
            (Paragraph(PROSE[d.number]),),
            _plain(tables[d.table]) if d.table else None,
        )
        for d in ANNUAL_REPORT_SECTIONS
    )
    metadata = AnnualReportMetadata(
        agency="某某市某某局",
        year=year,
        title=f"某某市某某局{year}年政府信息公开工作年度报告",
        format_version="2019",
    )
    return AnnualReport(metadata, sections)
