"""Real crawled department reports of one city (平潭综合实验区), read cell by cell.

The crawler saved each report on one line, its table cells glued together with no separator.
Every expected value below was read by hand off the text in ``tests/data/pingtan/``; the
glued rows can only be read with the statute's arithmetic, and where the text allows more
than one reading the cell must be unreadable, never guessed.  The reports' own arithmetic
errors must come out as fails of the checks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

import govinfo
from govinfo import AnnualReport, Count, Status, Table, Unreadable
from govinfo.statute import table_def

DATA = ROOT / "tests" / "data" / "pingtan"
ZERO = (0, 0, 0, 0, 0, 0, 0)


def read(name: str) -> AnnualReport:
    report = govinfo.read(DATA / f"pingtan-{name}-annual-report.crawl.txt")
    assert isinstance(report, AnnualReport)
    return report


def values(table: Table | object, row: str) -> tuple[int | str | None, ...]:
    """A row's values: the number, or 'unreadable'."""
    assert isinstance(table, Table)
    out: list[int | str | None] = []
    for column in table.definition.row(row).columns:
        cell = table.cell(row, column.key)
        out.append("unreadable" if isinstance(cell, Unreadable) else getattr(cell, "value", None))
    return tuple(out)


def applications(report: AnnualReport, nonzero: dict[str, tuple[int, ...]]) -> None:
    """Every row of table 三 is the given values, or all zeros."""
    table = report.table("applications")
    assert isinstance(table, Table)
    for row in table.definition.rows:
        if row.optional and table.get_row(row.key) is None:
            continue
        assert values(table, row.key) == nonzero.get(row.key, ZERO), row.key


def fails(report: AnnualReport) -> list[tuple[str, str]]:
    return [(f.rule, f.where.key) for f in govinfo.check(report) if f.status is Status.FAIL]


def test_jjf_2021_rows_with_a_cell_left_out() -> None:
    report = read("jjf-2021")
    assert (report.metadata.agency, report.metadata.year) == ("平潭综合实验区经济发展局", 2021)
    proactive = report.table("proactive")
    assert values(proactive, "rules") == (0, 0, 0)
    assert values(proactive, "normative_documents") == (5, 0, 5)
    for row in ("licensing", "penalties", "coercion"):
        assert values(proactive, row) == (0,)
    # （一） and （二） print six zeros for seven cells: the column totals (all 0) give the
    # seventh, whichever it is.
    applications(report, {})
    table = report.table("applications")
    assert isinstance(table, Table)
    disclosed = table["outcome.disclosed.total"]
    assert isinstance(disclosed, Count)
    assert disclosed.decided_by == "arithmetic"
    assert values(report.table("appeals"), "reconsideration") == (0, 0, 0, 0, 0)
    assert fails(report) == []


def test_czj_2019_the_2019_format_and_splits_only_the_arithmetic_decides() -> None:
    report = read("czj-2019")
    assert report.metadata.format_version == "2019"
    proactive = report.table("proactive")
    assert isinstance(proactive, Table)
    assert proactive.version == "2019"
    assert values(proactive, "rules") == (0, 0, 0)
    assert values(proactive, "licensing") == (3, 0, 0)  # 300: the only split
    assert values(proactive, "other_services") == (0, 0, 0)
    assert values(proactive, "coercion") == (0, 0, 0)
    assert values(proactive, "fees") == (0, 0)
    # Table 二 has no arithmetic: 1077 (1/0/77 or 10/7/7), 3500 (3/50/0 or 35/0/0) and
    # 2832995元 split several ways, and the narrative states none of them.
    for row in ("normative_documents", "penalties", "procurement"):
        assert set(values(proactive, row)) == {"unreadable"}, row
    cell = proactive["normative_documents.made"]
    assert isinstance(cell, Unreadable)
    assert cell.candidates == (1, 10)
    # 三三、本年度办理结果: the crawler's stray 三 is label debris, not a value.
    applications(report, {})
    assert values(report.table("appeals"), "litigation_after") == (0, 0, 0, 0, 0)
    assert fails(report) == []


def test_gwh_2022_glued_rows_split_by_their_totals() -> None:
    report = read("gwh-2022")
    applications(
        report,
        {
            "received": (14, 2, 0, 0, 0, 0, 16),
            "outcome.disclosed": (5, 0, 0, 0, 0, 0, 5),
            "outcome.withheld.internal_affairs": (1, 0, 0, 0, 0, 0, 1),
            "outcome.withheld.process_information": (2, 0, 0, 0, 0, 0, 2),
            "outcome.unavailable.not_held": (5, 0, 0, 0, 0, 0, 5),
            "outcome.other.no_correction": (1, 0, 0, 0, 0, 0, 1),
            "outcome.other.other": (0, 2, 0, 0, 0, 0, 2),
            "outcome.total": (14, 2, 0, 0, 0, 0, 16),
        },
    )
    appeals = report.table("appeals")
    assert values(appeals, "reconsideration") == (0, 0, 0, 0, 0)
    assert values(appeals, "litigation_direct") == (1, 0, 0, 0, 1)
    assert values(appeals, "litigation_after") == (0, 0, 0, 0, 0)
    proactive = report.table("proactive")
    assert values(proactive, "rules") == (0, 0, 0)
    # 34089: the narrative says 制发34件 but also 现行有效件数424件, which no split gives:
    # the narrative does not decide it, and it stays unreadable.
    assert set(values(proactive, "normative_documents")) == {"unreadable"}
    assert fails(report) == []


def test_gaj_2021_a_report_that_does_not_balance() -> None:
    report = read("gaj-2021")
    proactive = report.table("proactive")
    assert values(proactive, "normative_documents") == (0, 0, 2)
    assert values(proactive, "penalties") == (141,)
    applications(
        report,
        {
            "received": (1, 0, 0, 0, 0, 0, 1),
            "outcome.other.other": (1, 0, 0, 0, 0, 0, 1),
            "outcome.total": (1, 0, 0, 0, 0, 0, 1),
            "carried_forward": (1, 0, 0, 0, 0, 0, 1),
        },
    )
    # One application received, one handled and one carried forward: 1 + 0 ≠ 1 + 1.
    assert fails(report) == [
        ("R1", "applications.*.natural_person"),
        ("R1", "applications.*.total"),
    ]


def test_hzs_2024_heading_reworded_and_table_four_wrong() -> None:
    report = read("hzs-2024")
    assert report.section("appeals").heading == "四、政府信息公开行政复议与行政诉讼情况"
    applications(
        report,
        {
            "received": (28, 0, 0, 0, 0, 0, 28),
            "outcome.disclosed": (18, 0, 0, 0, 0, 0, 18),
            "outcome.partially_disclosed": (6, 0, 0, 0, 0, 0, 6),
            "outcome.unavailable.not_held": (4, 0, 0, 0, 0, 0, 4),
            "outcome.total": (28, 0, 0, 0, 0, 0, 28),
        },
    )
    assert values(report.table("appeals"), "reconsideration") == (1, 0, 0, 0, 0)
    assert fails(report) == [("R4", "appeals.reconsideration.*")]


def test_htp_2024_a_row_the_report_leaves_out_and_totals_left_at_zero() -> None:
    report = read("htp-2024")
    proactive = report.table("proactive")
    assert isinstance(proactive, Table)
    assert proactive.get_row("rules") is None  # 规章 is not printed
    assert any("规章: the row is not in the text" in n.message for n in report.notes)
    assert values(proactive, "normative_documents") == (0, 0, 0)
    applications(
        report,
        {
            "received": (5, 1, 0, 0, 0, 0, 0),
            "outcome.unavailable.not_held": (4, 0, 0, 0, 0, 0, 0),
            "outcome.unavailable.still_unclear": (1, 0, 0, 0, 0, 0, 0),
            "outcome.other.no_correction": (1, 0, 0, 0, 0, 0, 0),
            "outcome.other.other": (0, 1, 0, 0, 0, 0, 0),
            "outcome.total": (5, 1, 0, 0, 0, 0, 0),
        },
    )
    assert values(report.table("appeals"), "reconsideration") == (0, 0, 1, 0, 1)
    found = fails(report)
    assert ("R2", "applications.received.*") in found
    assert ("R3", "applications.*.natural_person") in found  # 4 + 1 + 1 = 6 ≠ 5


def test_gaj_2020_the_crawler_kept_only_the_title() -> None:
    with pytest.raises(govinfo.UnknownDocumentError, match="only the title of an annual report"):
        read("gaj-2020")


@pytest.mark.parametrize("path", sorted(DATA.glob("*.txt")), ids=lambda p: p.name)
def test_no_table_that_is_in_the_text_is_absent(path: Path) -> None:
    try:
        report = govinfo.read(path)
    except govinfo.UnknownDocumentError:
        return
    assert isinstance(report, AnnualReport)
    text = path.read_text("utf-8")
    for key, marker in (
        ("proactive", "第二十条"),
        ("applications", "本年新收"),
        ("appeals", "尚未审结"),
    ):
        if marker in text:
            assert isinstance(report.table(key), Table), key  # type: ignore[arg-type]
    assert table_def("applications", report.metadata.format_version)  # type: ignore[arg-type]
