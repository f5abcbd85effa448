"""The rules across documents, each firing on a crafted pair of reports and quiet on a
consistent one; glued cells decided by the neighbouring year; the real Pingtan reports."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from conftest import ROOT
from datasets import entries, years

from govinfo import Count, Table, Unreadable
from govinfo.dataset import analysis
from govinfo.dataset.agencies import AgencyMap, normalise
from govinfo.dataset.collection import missing_years
from govinfo.dataset.diff import changes, compare, numbers_digest
from govinfo.dataset.entries import Entry, SetFinding
from govinfo.dataset.extraction import extract
from govinfo.dataset.store import Store
from govinfo.errors import InputError
from govinfo.model.findings import Status
from govinfo.statute import TableKey

PINGTAN = ROOT / "tests" / "data" / "pingtan"


def found(findings: tuple[SetFinding, ...], rule: str) -> list[SetFinding]:
    return [f for f in findings if f.finding.rule == rule]


def run(values: dict[int, dict[str, int]]) -> analysis.Outcome:
    return analysis.analyse_agency(entries(values))


# --------------------------------------------------------------------------- R7


def test_r7_is_quiet_on_consistent_years() -> None:
    outcome = run(years(2019, 2024))
    assert [f.finding.rule for f in outcome.findings] == []


def test_r7_fails_when_carried_over_is_not_last_years_carried_forward() -> None:
    values = years(2020, 2021)
    values[2021]["applications.carried_over.natural_person"] = (
        values[2020]["applications.carried_forward.natural_person"] + 2
    )
    (fail,) = found(run(values).findings, "R7")
    finding = fail.finding
    assert finding.status is Status.FAIL
    assert finding.where.key == "applications.carried_over.natural_person"
    assert (finding.expected, finding.actual, finding.difference) == (
        values[2020]["applications.carried_forward.natural_person"],
        values[2021]["applications.carried_over.natural_person"],
        2,
    )
    # Both years' cells are named: the evidence holds one cell of each document.
    assert {(e.year, e.key) for e in fail.evidence} == {
        (2021, "applications.carried_over.natural_person"),
        (2020, "applications.carried_forward.natural_person"),
    }
    assert "(2020)" in finding.message
    assert "(2021)" in finding.message
    assert (finding.message_zh or "").startswith("自然人：二、上年结转政府信息公开申请数量(2021)")
    assert fail.document is not None
    assert fail.other is not None
    assert (fail.document.year, fail.other.year) == (2021, 2020)


def test_cross_year_rules_need_consecutive_years() -> None:
    values = years(2019, 2021)
    del values[2020]
    values[2021]["applications.carried_over.natural_person"] += 5
    assert found(run(values).findings, "R7") == []


# --------------------------------------------------------------------------- R6


def test_r6_is_quiet_when_in_force_follows_from_last_year() -> None:
    assert found(run(years(2021, 2024)).findings, "R6") == []


def test_r6_fails_with_both_years_cells() -> None:
    values = years(2021, 2022)
    key = "proactive.normative_documents.in_force"
    values[2022][key] += 3
    (fail,) = found(run(values).findings, "R6")
    assert fail.finding.where.key == key
    assert fail.finding.difference == 3
    assert {(e.year, e.key) for e in fail.evidence} == {
        (2022, key),
        (2021, key),
        (2022, "proactive.normative_documents.issued"),
        (2022, "proactive.normative_documents.repealed"),
    }
    message = fail.finding.message
    assert message.startswith("行政规范性文件: 现行有效件数(2022)")
    assert "现行有效件数(2021)" in message
    assert "本年制发件数(2022)" in message


def test_r6_holds_only_between_tables_of_the_2021_format() -> None:
    values = years(2020, 2021)
    values[2021]["proactive.normative_documents.in_force"] += 3
    assert found(run(values).findings, "R6") == []


def test_r6_is_uncertain_when_a_cell_is_blank() -> None:
    values = years(2021, 2022)
    (before, after) = entries(values)
    table = after.tables["proactive"]
    assert isinstance(table, Table)
    after = after.with_table(table.replace("proactive.rules.issued", None))
    outcome = analysis.analyse_agency([before, after])
    (uncertain,) = found(outcome.findings, "R6")
    assert uncertain.finding.status is Status.UNCERTAIN
    assert uncertain.finding.missing == ("proactive.rules.issued",)
    # The one cell not reported would have to make it hold.
    expected = (
        values[2022]["proactive.rules.in_force"]
        - values[2021]["proactive.rules.in_force"]
        + values[2022]["proactive.rules.repealed"]
    )
    assert uncertain.finding.required == expected


# --------------------------------------------------------------------------- C1


def test_c1_finds_numbers_copied_from_the_year_before() -> None:
    values = years(2021, 2022)
    values[2022] = dict(values[2021])
    values[2022]["proactive.licensing.decisions"] = 1  # not all zeros
    values[2021]["proactive.licensing.decisions"] = 1
    (copied,) = found(run(values).findings, "C1")
    assert copied.finding.status is Status.FAIL
    assert copied.year == 2022
    assert copied.other is not None
    assert copied.other.year == 2021


def test_c1_leaves_reports_of_all_zeros_alone() -> None:
    values = years(2021, 2022)
    zeros = dict.fromkeys(values[2021], 0)
    assert found(run({2021: zeros, 2022: dict(zeros)}).findings, "C1") == []


def test_c1_is_quiet_on_consistent_years() -> None:
    assert found(run(years(2019, 2024)).findings, "C1") == []


# --------------------------------------------------------------------------- C2


def test_c2_finds_two_reports_of_one_year_with_other_numbers() -> None:
    values = years(2022, 2022)[2022]
    key = "proactive.penalties.decisions"
    (first,) = entries({2022: values})
    (again,) = entries({2022: {**values, key: values[key] + 4}})
    reports = [first, attrs.evolve(again, path="again.html")]
    (differing,) = found(analysis.analyse_agency(reports).findings, "C2")
    assert differing.finding.cells == (key,)
    assert "again.html" in differing.finding.message
    assert {(e.document, e.value) for e in differing.evidence} == {
        ("2022.txt", values[key]),
        ("again.html", values[key] + 4),
    }


def test_c2_compares_the_cells_both_reports_have() -> None:
    values = years(2022, 2022)[2022]
    key = "proactive.penalties.decisions"
    (first,) = entries({2022: values})
    (again,) = entries({2022: {**values, key: values[key] + 4}})
    # The second copy has no table 四 (a picture there): that is said, not counted.
    tables: dict[TableKey, Table] = {k: t for k, t in again.tables.items() if k != "appeals"}
    other = attrs.evolve(again, path="again.html", tables=tables)
    (differing,) = found(analysis.analyse_agency([first, other]).findings, "C2")
    assert differing.finding.cells == (key,)
    # The 2021 format: table 二 has 10 cells, 三 25 rows of 7 (175), 四 3 rows of 5 (15).
    assert "differ in 1 of the 185 cells both have" in differing.finding.message
    assert "tables only in one: appeals" in differing.finding.message
    assert "15 cells only one has, not compared" in differing.finding.message
    assert "在二者共有的 185 格中有 1 格不同" in (differing.finding.message_zh or "")
    # Without the differing cell, the copies differ only in what one of them lacks: quiet.
    (same,) = entries({2022: values})
    without: dict[TableKey, Table] = {k: t for k, t in same.tables.items() if k != "appeals"}
    lacking = attrs.evolve(same, path="same.html", hash="another", numbers="other", tables=without)
    assert found(analysis.analyse_agency([first, lacking]).findings, "C2") == []


def test_c2_is_quiet_on_the_same_report_saved_twice() -> None:
    (first,) = entries({2022: years(2022, 2022)[2022]})
    twin = attrs.evolve(first, path="2022.html", hash="other")
    assert analysis.analyse_agency([first, twin]).findings == ()


# --------------------------------------------------------------------------- C3


def test_c3_names_the_years_an_agency_lacks() -> None:
    agencies = [("a", "甲局", (2021, 2022, 2023)), ("b", "某某局", (2021, 2023))]
    (missing,) = missing_years({2021: 2, 2022: 1, 2023: 2}, agencies)
    assert (missing.agency_key, missing.year) == ("b", 2022)
    assert missing.finding.message == (
        "某某局: no report of 2022 read from this set, a year 1 other agency of the set "
        "report on (its reports read: 2021, 2023)"
    )
    assert missing.finding.message_zh == (
        "某某局：本集未读到其 2022 年度报告，而集内另有 1 个机关有该年度报告"
        "（已读到其报告的年度：2021, 2023）"
    )


def test_c3_says_files_that_failed_may_hold_the_report() -> None:
    agencies = [("a", "甲局", (2020, 2021)), ("b", "公安局", (2021,))]
    (missing,) = missing_years({2020: 1, 2021: 2}, agencies, failed=3)
    assert missing.finding.message == (
        "公安局: no report of 2020 read from this set, a year 1 other agency of the set "
        "report on (its reports read: 2021); 3 files of the set failed to read and may "
        "include it"
    )
    assert missing.finding.message_zh == (
        "公安局：本集未读到其 2020 年度报告，而集内另有 1 个机关有该年度报告"
        "（已读到其报告的年度：2021）；集内有 3 个文件未能读取，其中可能有该报告"
    )
    assert "no report for" not in missing.finding.message


def test_c3_is_quiet_when_every_agency_reports_every_year() -> None:
    agencies = [("a", "甲局", (2021, 2022)), ("b", "乙局", (2021, 2022))]
    assert list(missing_years({2021: 2, 2022: 2}, agencies)) == []


# --------------------------------------------------------------------------- A2 and Pingtan


def _read(name: str) -> Entry:
    return Entry.read(str(PINGTAN / f"pingtan-{name}-annual-report.crawl.txt"))


def _row(entry: Entry, row: str) -> tuple[object, ...]:
    table = entry.tables["proactive"]
    return tuple(
        getattr(table.cell(row, c), "value", "unreadable")
        for c in ("issued", "repealed", "in_force")
    )


def test_glued_cells_are_decided_by_the_neighbouring_year() -> None:
    # 行政规范性文件 "2023" (2021) reads 2 / 0 / 23 or 20 / 2 / 3, "2025" (2022) 2 / 0 / 25 or
    # 20 / 2 / 5: only 23 + 2 − 0 = 25 lets R6 hold.
    before, after = _read("hzs-2021"), _read("hzs-2022")
    assert _row(before, "normative_documents") == ("unreadable",) * 3
    outcome = analysis.analyse_agency([before, after])
    decided = {e.year: _row(e, "normative_documents") for e in outcome.entries}
    assert decided == {2021: (2, 0, 23), 2022: (2, 0, 25)}
    cell = outcome.entries[0].tables["proactive"]["normative_documents.in_force"]
    assert isinstance(cell, Count)
    assert (cell.decided_by, cell.raw) == ("previous_year", "2023")
    notes = found(outcome.findings, "A2")
    assert {(n.year, n.other.year if n.other else None) for n in notes} == {
        (2021, 2022),
        (2022, 2021),
    }
    assert all(n.finding.status is Status.NOTE for n in notes)
    (first,) = [n for n in notes if n.year == 2021]
    assert (first.finding.message_zh or "").startswith("行政规范性文件：“2023”读作 2 / 0 / 23")
    assert "与下一年度（2022，" in (first.finding.message_zh or "")
    assert found(outcome.findings, "R6") == []


def test_a_glued_cell_stays_unreadable_without_a_year_that_decides_it() -> None:
    alone = analysis.analyse_agency([_read("hzs-2021")])
    cell = alone.entries[0].tables["proactive"]["normative_documents.in_force"]
    assert isinstance(cell, Unreadable)
    assert alone.decided == ()
    # 2021 (2 / 0 / 23 or 20 / 2 / 3) against 2020, in the 2019 format: R6 does not apply.
    with_2020 = analysis.analyse_agency([_read("hzs-2020"), _read("hzs-2021")])
    assert with_2020.decided == ()


@pytest.fixture(scope="module")
def pingtan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    database = tmp_path_factory.mktemp("pingtan") / "pingtan.sqlite"
    summary = extract([str(PINGTAN)], database, jobs=1)
    assert (summary.read, summary.failed) == (39, 1)
    return database


def test_the_pingtan_departments_across_years(pingtan: Path) -> None:
    """Every finding across documents on the forty real reports, each checked by hand
    against the text (table 二 as printed: 公安局 2021 行政规范性文件 002, 2022 417, ...)."""
    with Store.open(pingtan, create=False) as store:
        rows = store.query(
            "SELECT rule, status, d.path AS path, f.year, f.where_key, f.expected, f.actual "
            "FROM findings f JOIN documents d ON d.id = f.document_id "
            "WHERE scope = 'dataset' AND status = 'fail' ORDER BY 3, 1, 5"
        )
        missing = store.query(
            "SELECT agency_key, year FROM findings WHERE rule = 'C3' ORDER BY 1, 2"
        )
        decided = store.query(
            "SELECT document, key, value FROM cells_tidy WHERE decided_by = 'previous_year' "
            "ORDER BY 1, 2"
        )
    got = [
        (Path(r["path"]).name.removeprefix("pingtan-").removesuffix("-annual-report.crawl.txt"),
         r["rule"], r["where_key"].removeprefix("proactive."), r["expected"], r["actual"])
        for r in rows
    ]  # fmt: skip
    normative = "normative_documents.in_force"
    assert got == [
        ("czj-2022", "R6", normative, 11, 8),  # 3 + 8 − 0, printed 808
        ("czj-2024", "R6", normative, 6, 1),  # 8 + 0 − 2, printed 021
        ("gaj-2022", "R6", normative, 5, 7),  # 2 + 4 − 1, printed 417
        ("gyz-2022", "R6", "rules.in_force", 1, 0),  # 规章 101 in 2021, 000 in 2022
        ("hzs-2023", "R6", normative, 26, 16),  # 25 (decided) + 5 − 4, printed 5416
        ("hzs-2024", "R6", normative, 25, 21),  # 16 + 15 − 6, printed 15621
        ("jjf-2022", "R6", normative, 10, 5),  # 5 + 5 − 0, printed 505
        ("jjf-2023", "R6", normative, 11, 6),  # 5 + 6 − 0, printed 606
    ]
    assert [(r["agency_key"], r["year"]) for r in missing] == [
        ("平潭综合实验区公安局", 2020),  # only the title was crawled
        ("平潭综合实验区公安局", 2023),
        ("平潭综合实验区国有资产管理局", 2024),
    ]
    values = {
        (Path(r["document"]).name[8:16], r["key"].removeprefix("proactive.")): r["value"]
        for r in decided
    }
    assert values == {
        ("gwh-2021", "normative_documents.issued"): 20,
        ("gwh-2021", "normative_documents.repealed"): 1,
        ("gwh-2021", "normative_documents.in_force"): 55,
        ("gwh-2022", "normative_documents.issued"): 34,
        ("gwh-2022", "normative_documents.repealed"): 0,
        ("gwh-2022", "normative_documents.in_force"): 89,
        ("hzs-2021", "normative_documents.issued"): 2,
        ("hzs-2021", "normative_documents.repealed"): 0,
        ("hzs-2021", "normative_documents.in_force"): 23,
        ("hzs-2022", "normative_documents.issued"): 2,
        ("hzs-2022", "normative_documents.repealed"): 0,
        ("hzs-2022", "normative_documents.in_force"): 25,
    }


# --------------------------------------------------------------------------- agencies


def test_agency_names_are_normalised() -> None:
    assert normalise(" 平潭综合实验区海坛片区管理局 关于2021年度") == "平潭综合实验区海坛片区管理局"
    assert normalise("ＡＢＣ市　财政局２０２２年政府信息公开工作年度报告") == "abc市财政局"
    assert normalise("某某局2023年度报告") == "某某局"


def test_renamings_are_read_from_a_file(tmp_path: Path) -> None:
    mapping = tmp_path / "agencies.toml"
    mapping.write_text(
        '[renamed]\n"平潭综合实验区国有资产管理局" = "平潭综合实验区国资委"\n'
        '"平潭综合实验区国资委" = "平潭综合实验区投资促进局"\n',
        encoding="utf-8",
    )
    renamings = AgencyMap.load(mapping)
    assert renamings.key("平潭综合实验区国有资产管理局 2019年") == "平潭综合实验区投资促进局"
    assert renamings.key("平潭综合实验区公安局") == "平潭综合实验区公安局"
    mapping.write_text('[renamed]\n"甲局" = "乙局"\n"乙局" = "甲局"\n', encoding="utf-8")
    with pytest.raises(InputError, match="circle"):
        AgencyMap.load(mapping)
    mapping.write_text("[renamed\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a TOML file"):
        AgencyMap.load(mapping)


# --------------------------------------------------------------------------- same numbers


def test_reports_have_the_same_numbers_when_no_cell_differs() -> None:
    (entry,) = entries({2022: years(2022, 2022)[2022]})
    table = entry.tables["applications"]
    total = table["received.total"]
    assert isinstance(total, Count)
    # A total left blank is its row's sum: the same numbers as the total printed.
    blanked = entry.with_table(table.replace("received.total", None))
    assert list(changes(entry.tables, blanked.tables, numbers=True)) == []
    assert numbers_digest(entry.tables) == numbers_digest(blanked.tables)
    (change,) = changes(entry.tables, blanked.tables)
    assert (change.key, change.change) == ("applications.received.total", None)
    # An absent row is a row of blanks.
    appeals = entry.tables["appeals"]
    blank_row = appeals.replace("litigation_after.total", None)
    for column in ("upheld", "corrected", "other", "pending"):
        blank_row = blank_row.replace(f"litigation_after.{column}", None)
    absent = attrs.evolve(
        appeals, rows=tuple(r for r in appeals.rows if r.key != "litigation_after")
    )
    assert numbers_digest({"appeals": blank_row}) == numbers_digest({"appeals": absent})
    changed = entry.with_table(table.replace("received.total", total.value + 1))
    assert numbers_digest(entry.tables) != numbers_digest(changed.tables)
    (change,) = changes(entry.tables, changed.tables, numbers=True)
    assert change.change == 1


def test_compare_counts_the_cells_only_one_report_has_and_compares_the_others() -> None:
    (entry,) = entries({2022: years(2022, 2022)[2022]})
    appeals = entry.tables["appeals"]
    cells = len(list(appeals.cells()))
    # The other report's table of appeals is a picture: its cells are not compared.
    without: dict[TableKey, Table] = {k: t for k, t in entry.tables.items() if k != "appeals"}
    comparison = compare(entry.tables, without)
    assert (comparison.changes, comparison.only_before, comparison.only_after) == ((), cells, 0)
    assert comparison.compared == sum(len(list(t.cells())) for t in without.values())
    assert comparison.versions == (("2021",), ("2021",))
    assert not comparison.versions_differ
    total = entry.tables["applications"]["received.total"]
    assert isinstance(total, Count)
    changed = entry.with_table(entry.tables["applications"].replace("received.total", 7))
    (change,) = compare(without, changed.tables).changes
    assert (change.key, change.change) == ("applications.received.total", 7 - total.value)
