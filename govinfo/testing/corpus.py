"""Synthetic collections of annual reports, for tests and benchmarks of the dataset.

:func:`write_corpus` writes N reports of several agencies over several years, as text or as
HTML pages (:mod:`govinfo.testing.pages`), in the format version of their year, from a
seeded builder: the same seed writes the same files.  Each agency's reports hold together
across years as the statute's identities say (:data:`govinfo.statute.crossyear.CROSS_YEAR`:
this year's 上年结转 is last year's 结转下年度继续办理, 现行有效件数 follows from last year's),
and each report's own arithmetic holds, with blank totals as real reports leave them; a few
anomalies are planted, each recorded with the rule that must find it (:class:`Planted`):
an arithmetic error (R2), a break across years (R6, R7), numbers copied from the year before
(C1), a second report of one year with other numbers (C2), a year left out (C3).  A second
report of one year with the same numbers (the page beside the text) is planted too, and
must be found by nothing.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Literal

import attrs

from govinfo.model.cells import Amount, Cell, Change, Count, NotReported
from govinfo.model.documents import AnnualReport, AnnualReportMetadata, Section
from govinfo.model.narrative import Paragraph
from govinfo.model.tables import Row, Table
from govinfo.statute import (
    ANNUAL_REPORT_SECTIONS,
    CellKind,
    FormatVersion,
    RowRole,
    TableKey,
    table_def,
)
from govinfo.statute.crossyear import CROSS_YEAR, SAME
from govinfo.testing.pages import page, text
from govinfo.testing.strategies import PROSE

Layout = Literal["txt", "html"]
Values = dict[str, int]

CITIES = (
    "福州市", "厦门市", "泉州市", "漳州市", "莆田市", "三明市", "南平市", "龙岩市", "宁德市",
    "南京市", "苏州市", "无锡市", "常州市", "南通市", "扬州市", "镇江市", "泰州市", "盐城市",
    "杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "衢州市", "台州市",
)  # fmt: skip
DISTRICTS = ("", "鼓楼区", "台江区", "仓山区", "城关区", "新城区", "开发区", "高新区")
DEPARTMENTS = (
    "发展和改革局", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局",
    "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局",
    "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会",
    "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局",
    "城市管理局", "行政审批局", "林业局", "粮食和物资储备局", "人民政府办公室", "信访局",
)  # fmt: skip

YEARS = tuple(range(2019, 2025))


def format_version(year: int) -> FormatVersion:
    """The format a report for ``year`` follows: the trial one to 2020, the revised after."""
    return "2019" if year <= 2020 else "2021"


def agencies(count: int) -> list[str]:
    """``count`` agency names, the same for the same count."""
    names = [f"{c}{d}{p}" for d in DISTRICTS for c in CITIES for p in DEPARTMENTS]
    if count > len(names):
        raise ValueError(f"at most {len(names)} agencies, asked for {count}")
    return names[:count]


@attrs.frozen
class Planted:
    """An anomaly planted in the corpus, and the rule that must find it."""

    rule: str
    agency: str
    year: int
    key: str = ""


@attrs.frozen
class Generated:
    """A file written, and what it is."""

    path: Path
    agency: str
    year: int
    layout: Layout


@attrs.frozen
class Corpus:
    files: tuple[Generated, ...]
    planted: tuple[Planted, ...]


@attrs.frozen
class Odds:
    """How often each anomaly is planted (per report), and how often a total is left blank."""

    arithmetic: float = 0.02
    carried_over: float = 0.02
    in_force: float = 0.02
    copied: float = 0.01
    differing: float = 0.005
    twin: float = 0.01
    missing: float = 0.01
    blank_total: float = 0.1

    @classmethod
    def none(cls) -> Odds:
        return cls(0, 0, 0, 0, 0, 0, 0, 0)


class Builder:
    """Reports of one agency over the years, the same for the same seed."""

    def __init__(self, seed: int | str, odds: Odds | None = None) -> None:
        self.random = random.Random(seed)
        self.odds = odds or Odds()

    def chance(self, odds: float) -> bool:
        return odds > 0 and self.random.random() < odds

    def blank_total(self) -> bool:
        return self.chance(self.odds.blank_total)

    def small(self, high: int = 12) -> int:
        """A small count, most often 0 (most applicants and outcomes are few)."""
        return 0 if self.random.random() < 0.5 else self.random.randint(1, high)

    # ------------------------------------------------------------------ tables

    def proactive(self, version: FormatVersion, before: Values | None) -> Values:
        values: Values = {}
        definition = table_def("proactive", version)
        for row in definition.rows:
            for column in row.columns:
                key = f"proactive.{row.key}.{column.key}"
                if column.kind is CellKind.CHANGE:
                    values[key] = self.random.randint(-5, 5)
                elif column.kind is CellKind.AMOUNT:
                    values[key] = self.random.randint(0, 10**6)  # hundredths
                else:
                    values[key] = self.random.randint(0, 40)
        return self.across_years("proactive", version, values, before)

    def across_years(
        self, table: TableKey, version: FormatVersion, values: Values, before: Values | None
    ) -> Values:
        """The values with the cells the identities across years fix worked out from the
        year before's (a cell that would come out below 0 has its subtracted terms as 0)."""
        if before is None:
            return values
        for identity in CROSS_YEAR:
            if identity.table != table or version not in identity.versions:
                continue
            definition = table_def(table, version)
            for row_key in identity.rows:
                row = definition.row(row_key)
                columns = row.column_keys if identity.columns == (SAME,) else identity.columns
                for column in columns:
                    terms = [
                        (
                            offset,
                            f"{table}.{row_key if r == SAME else r}.{column if c == SAME else c}",
                            sign,
                        )
                        for offset, r, c, sign in identity.terms
                    ]
                    if any(offset == -1 and key not in before for offset, key, _ in terms):
                        continue  # the year before's table is in another format
                    left = f"{table}.{row_key}.{column}"

                    def total(terms: Sequence[tuple[int, str, int]] = terms) -> int:
                        return sum(
                            sign * (before if offset == -1 else values)[key]
                            for offset, key, sign in terms
                        )

                    if total() < 0:
                        for offset, key, sign in terms:
                            if offset == 0 and sign < 0:
                                values[key] = 0
                    values[left] = total()
        return values

    def applications(self, version: FormatVersion, before: Values | None) -> Values:
        """Table 三's values, R1–R3 holding, 上年结转 as the identities across years fix it."""
        definition = table_def("applications", version)
        columns = [c.key for c in definition.rows[0].columns if not c.is_total]
        leaves = definition.rows_with_role(RowRole.OUTCOME)
        values: Values = {}

        def row_values(row_key: str, parts: Sequence[int]) -> None:
            for column, value in zip(columns, parts, strict=True):
                values[f"applications.{row_key}.{column}"] = value
            values[f"applications.{row_key}.total"] = sum(parts)

        for row in leaves:
            row_values(row.key, [self.small() for _ in columns])
        outcome = [sum(values[f"applications.{r.key}.{c}"] for r in leaves) for c in columns]
        forward = [self.small(5) for _ in columns]
        (over_row,) = definition.rows_with_role(RowRole.CARRIED_OVER)
        fixed = self.across_years(
            "applications",
            version,
            {f"applications.{over_row.key}.{c}": 0 for c in (*columns, "total")},
            before,
        )
        over = [
            fixed[f"applications.{over_row.key}.{c}"]
            if before
            else self.random.randint(0, outcome[i] + forward[i])
            for i, c in enumerate(columns)
        ]
        # 一 + 二 = 三（七） + 四: what is carried over and not handled is carried forward.
        forward = [max(f, o - t) for f, o, t in zip(forward, over, outcome, strict=True)]
        received = [t + f - o for t, f, o in zip(outcome, forward, over, strict=True)]
        for role, parts in (
            (RowRole.RECEIVED, received),
            (RowRole.CARRIED_OVER, over),
            (RowRole.OUTCOME_TOTAL, outcome),
            (RowRole.CARRIED_FORWARD, forward),
        ):
            for row in definition.rows_with_role(role):
                row_values(row.key, parts)
        return values

    def appeals(self, version: FormatVersion) -> Values:
        values: Values = {}
        for row in table_def("appeals", version).rows:
            parts = [self.small(3) for c in row.columns if not c.is_total]
            keys = [f"appeals.{row.key}.{c.key}" for c in row.columns]
            values.update(zip(keys, (*parts, sum(parts)), strict=True))
        return values

    # ------------------------------------------------------------------ reports

    def values(self, year: int, before: Values | None) -> Values:
        """Every cell's value of a report for ``year`` (``before``: the year before's)."""
        version = format_version(year)
        return {
            **self.proactive(version, before),
            **self.applications(version, before),
            **self.appeals(version),
        }

    def report(
        self, agency: str, year: int, values: Mapping[str, int], printed: Sequence[str] = ()
    ) -> AnnualReport:
        """The report of those values, some totals of table 三 left blank (never those of
        ``printed``)."""
        version = format_version(year)
        sections = []
        for definition in ANNUAL_REPORT_SECTIONS:
            table = None
            if definition.table is not None:
                table = self.table(definition.table, version, values, printed)
            paragraphs = tuple(
                Paragraph(p) for p in self.random.sample(PROSE, self.random.randint(1, 3))
            )
            sections.append(Section(definition.key, definition.heading, paragraphs, table))
        metadata = AnnualReportMetadata(
            agency=agency,
            year=year,
            title=f"{agency}{year}年政府信息公开工作年度报告",
            format_version=version,
        )
        return AnnualReport(metadata, tuple(sections))

    def table(
        self,
        key: TableKey,
        version: FormatVersion,
        values: Mapping[str, int],
        printed: Sequence[str] = (),
    ) -> Table:
        definition = table_def(key, version)
        rows = []
        for row in definition.rows:
            cells: list[Cell] = []
            for column in row.columns:
                cell_key = f"{key}.{row.key}.{column.key}"
                value = values[cell_key]
                if column.kind is CellKind.AMOUNT:
                    cells.append(Amount(Decimal(value) / 100, column.unit))
                elif column.kind is CellKind.CHANGE:
                    cells.append(Change(value))
                elif (
                    column.is_total
                    and key == "applications"
                    and cell_key not in printed
                    and self.blank_total()
                ):
                    cells.append(NotReported(""))
                else:
                    cells.append(Count(value))
            rows.append(Row(row.key, tuple(cells)))
        return Table(key, version, tuple(rows))


@attrs.frozen
class Draft:
    """A report to write (None for a year left out), how, and what is planted in it."""

    agency: str
    year: int
    report: AnnualReport | None
    layout: Layout
    planted: tuple[Planted, ...] = ()


def reports(
    count: int, seed: int = 0, *, years: Sequence[int] = YEARS, odds: Odds | None = None
) -> Iterator[Draft]:
    """``count`` reports, agency by agency over the years, with the anomalies planted."""
    odds = odds or Odds()
    made = 0
    for index, agency in enumerate(agencies(min(count // len(years) + 10 + count // 20, 6000))):
        builder = Builder(f"{seed}:{index}", odds)
        layout: Layout = "html" if builder.chance(0.5) else "txt"
        before: Values | None = None
        for position, year in enumerate(years):
            if made >= count:
                return
            if position and builder.chance(odds.missing):
                yield Draft(agency, year, None, layout, (Planted("C3", agency, year),))
                before = None
                continue
            values = builder.values(year, before)
            planted: list[Planted] = []
            if (
                before is not None
                and format_version(year) == format_version(year - 1)
                and any(before.values())
                and builder.chance(odds.copied)
            ):
                values = dict(before)
                planted.append(Planted("C1", agency, year))
            else:
                planted.extend(_plant(builder, odds, agency, year, values, before))
            report = builder.report(agency, year, values, [p.key for p in planted])
            yield Draft(agency, year, report, layout, tuple(planted))
            made += 1
            if made < count and builder.chance(odds.twin):
                other: Layout = "txt" if layout == "html" else "html"
                yield Draft(agency, year, report, other)
                made += 1
            elif made < count and builder.chance(odds.differing):
                changed = {**values, DIFFERING: values[DIFFERING] + 1}
                planted_c2 = (Planted("C2", agency, year, DIFFERING),)
                yield Draft(agency, year, builder.report(agency, year, changed), layout, planted_c2)
                made += 1
            before = values


#: The cell a second report of one year changes (no arithmetic binds it).
DIFFERING = "proactive.licensing.decisions"


def _plant(
    builder: Builder,
    odds: Odds,
    agency: str,
    year: int,
    values: Values,
    before: Values | None,
) -> Iterator[Planted]:
    if builder.chance(odds.arithmetic):
        key = "applications.outcome.disclosed.total"
        values[key] += 1
        yield Planted("R2", agency, year, key)
    if before is not None and builder.chance(odds.carried_over):
        # One more carried over than last year carried forward, and one more carried
        # forward: the report's own arithmetic still holds.
        key = "applications.carried_over.natural_person"
        values[key] += 1
        values["applications.carried_over.total"] += 1
        values["applications.carried_forward.natural_person"] += 1
        values["applications.carried_forward.total"] += 1
        yield Planted("R7", agency, year, key)
    if (
        before is not None
        and format_version(year - 1) == "2021"
        and format_version(year) == "2021"
        and builder.chance(odds.in_force)
    ):
        key = "proactive.normative_documents.in_force"
        values[key] += 1
        yield Planted("R6", agency, year, key)


def write_corpus(
    folder: str | Path,
    count: int,
    seed: int = 0,
    *,
    years: Sequence[int] = YEARS,
    odds: Odds | None = None,
) -> Corpus:
    """Write ``count`` reports into ``folder`` (made if need be), one file each, named
    ``<n>-<year>.txt`` or ``.html``."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    files: list[Generated] = []
    planted: list[Planted] = []
    for draft in reports(count, seed, years=years, odds=odds):
        planted.extend(draft.planted)
        if draft.report is None:
            continue
        path = target / f"{len(files):06d}-{draft.year}.{draft.layout}"
        content = text(draft.report) if draft.layout == "txt" else page(draft.report)
        path.write_text(content, encoding="utf-8")
        files.append(Generated(path, draft.agency, draft.year, draft.layout))
    return Corpus(tuple(files), tuple(planted))
