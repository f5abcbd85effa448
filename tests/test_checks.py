"""The statutory checks on real numbers and on generated reports."""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import given

import govinfo
from govinfo import (
    AnnualReport,
    Finding,
    NotReported,
    Rule,
    Status,
    Table,
    TableUnavailable,
    Unreadable,
)
from govinfo.checks import run_rules, suspect_cells
from govinfo.model.documents import Document
from govinfo.testing import strategies as gs


def fails(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if f.status is Status.FAIL]


def applications(report: AnnualReport) -> Table:
    table = report.table("applications")
    assert isinstance(table, Table)
    return table


def test_beijing_balances(beijing: AnnualReport) -> None:
    findings = govinfo.check(beijing)
    assert fails(findings) == []
    # The unprinted （六）3.其他 is noted once, and does not make R3 uncertain.
    assert [(f.rule, f.status, f.where.key) for f in findings] == [
        ("D2", Status.NOTE, "applications.outcome.other.other.*")
    ]


def test_one_changed_cell_fails_naming_its_row_and_column(beijing: AnnualReport) -> None:
    changed = beijing.with_table(applications(beijing).replace("outcome.disclosed.research", 4))
    found = {(f.rule, f.where.key): f for f in fails(govinfo.check(changed))}
    assert set(found) == {
        ("R2", "applications.outcome.disclosed.*"),
        ("R3", "applications.*.research"),
    }
    r2 = found["R2", "applications.outcome.disclosed.*"]
    assert (r2.expected, r2.actual, r2.difference) == (6, 2, -4)
    assert r2.where.labels == (
        "收到和处理政府信息公开申请情况",
        "三、本年度办理结果",
        "（一）予以公开",
    )
    assert "applications.outcome.disclosed.research" in r2.cells
    r3 = found["R3", "applications.*.research"]
    assert (r3.expected, r3.actual) == (4, 0)
    assert r3.where.labels[-2:] == ("法人或其他组织", "科研机构")


def test_suspect_cell_is_where_row_and_column_fail(beijing: AnnualReport) -> None:
    changed = beijing.with_table(applications(beijing).replace("outcome.disclosed.research", 4))
    assert suspect_cells(govinfo.check(changed)) == ("applications.outcome.disclosed.research",)
    assert suspect_cells(govinfo.check(beijing)) == ()


def test_r1_per_column(beijing: AnnualReport) -> None:
    changed = beijing.with_table(applications(beijing).replace("carried_forward.natural_person", 2))
    keys = {(f.rule, f.where.key) for f in fails(govinfo.check(changed))}
    assert ("R1", "applications.*.natural_person") in keys
    assert ("R2", "applications.carried_forward.*") in keys


def test_r4_table_four(beijing: AnnualReport) -> None:
    table = beijing.table("appeals")
    assert isinstance(table, Table)
    changed = beijing.with_table(table.replace("litigation_direct.total", 3))
    [finding] = fails(govinfo.check(changed))
    assert (finding.rule, finding.where.key, finding.expected, finding.actual) == (
        "R4",
        "appeals.litigation_direct.*",
        0,
        3,
    )
    assert finding.where.labels == (
        "政府信息公开行政复议、行政诉讼情况",
        "行政诉讼",
        "未经复议直接起诉",
    )


def test_blank_total_column_is_derived_not_an_error(beijing: AnnualReport) -> None:
    table = applications(beijing)
    for row in table.rows:
        table = table.replace(f"{row.key}.total", NotReported("&nbsp;"))
    report = beijing.with_table(table)
    findings = govinfo.check(report)
    assert fails(findings) == []
    derived = [f for f in findings if f.rule == "D1"]
    assert len(derived) == len(table.rows)
    assert {f.status for f in derived} == {Status.NOTE}
    received = next(f for f in derived if f.where.row == "received")
    assert received.actual == 6
    # A derived total still catches a broken column total: R1 uses it.  R3 cannot tell,
    # since the unprinted （六）3.其他 might hold the 2 it lacks: it says so.
    broken = report.with_table(table.replace("outcome.total.natural_person", 7))
    findings = govinfo.check(broken)
    assert {(f.rule, f.where.key) for f in fails(findings)} == {
        ("R1", "applications.*.natural_person"),
        ("R1", "applications.*.total"),
    }
    r3 = [f for f in findings if f.rule == "R3"]
    assert {(f.where.key, f.status, f.required) for f in r3} == {
        ("applications.*.natural_person", Status.UNCERTAIN, 2),
        ("applications.*.total", Status.UNCERTAIN, 2),
    }


def test_not_reported_leaf_gives_uncertain_with_what_it_must_be(beijing: AnnualReport) -> None:
    report = beijing.with_table(
        applications(beijing).replace("outcome.disclosed.natural_person", NotReported("/"))
    )
    findings = govinfo.check(report)
    assert fails(findings) == []
    uncertain = {(f.rule, f.where.key): f for f in findings if f.status is Status.UNCERTAIN}
    r2 = uncertain["R2", "applications.outcome.disclosed.*"]
    assert r2.required == 2
    assert r2.missing == ("applications.outcome.disclosed.natural_person",)
    assert uncertain["R3", "applications.*.natural_person"].required == 2


def test_unreadable_cell_that_cannot_balance_is_a_fail(beijing: AnnualReport) -> None:
    # 总计 of 一 says 6 but the readable columns already make 9: no count can fix that.
    table = applications(beijing).replace("received.natural_person", 8)
    table = table.replace("received.business", Unreadable("3?", "illegible"))
    findings = govinfo.check(beijing.with_table(table))
    r2 = next(f for f in findings if f.rule == "R2" and f.where.row == "received")
    assert r2.status is Status.FAIL
    assert r2.required == -3


def test_a_finding_says_which_cells_were_printed_but_not_read(beijing: AnnualReport) -> None:
    """A cell printed and not read is unreadable, not "not reported": the message says which
    of the cells with no value are which."""
    table = applications(beijing).replace("received.business", Unreadable("3?", "illegible"))
    table = table.replace("received.research", NotReported("/"))
    findings = govinfo.check(beijing.with_table(table))
    r2 = next(f for f in findings if f.rule == "R2" and f.where.row == "received")
    assert (r2.message_zh or "").endswith(
        "涉及未读出数值的格（无法识读：商业企业；未报告：科研机构）；要成立，它们须合计 0"
    )
    assert "cells with no value read (unreadable: Businesses; not reported: Research" in r2.message
    r1 = next(f for f in findings if f.rule == "R1" and f.where.column == "business")
    assert "涉及无法识读的格（一、本年新收政府信息公开申请数量）" in (r1.message_zh or "")
    assert "involves cells that could not be read (I. New applications" in r1.message
    r1 = next(f for f in findings if f.rule == "R1" and f.where.column == "research")
    assert "涉及未报告的格（一、本年新收政府信息公开申请数量）" in (r1.message_zh or "")


def test_unavailable_tables_are_not_assessable(beijing: AnnualReport) -> None:
    report = beijing.with_table(TableUnavailable("image", ("2.jpg", "3.jpg")), "applications")
    report = report.with_table(TableUnavailable("absent"), "appeals")
    findings = govinfo.check(report)
    assert fails(findings) == []
    not_assessable = [(f.rule, f.where.key) for f in findings if f.status is Status.NOT_ASSESSABLE]
    assert not_assessable == [
        ("R1", "applications"),
        ("R2", "applications"),
        ("R3", "applications"),
        ("R4", "appeals"),
    ]
    assert "2.jpg, 3.jpg" in findings[0].message


def test_version_rules(beijing: AnnualReport) -> None:
    table_2019 = Table.from_rows("proactive", "2019", {"rules": (1, 1, 3)})
    report = beijing.with_table(table_2019)
    v1 = [f for f in govinfo.check(report) if f.rule == "V1"]
    assert [(f.status, f.where.key) for f in v1] == [(Status.FAIL, "proactive")]
    early = attrs.evolve(beijing, metadata=attrs.evolve(beijing.metadata, year=2020))
    v2 = [f for f in govinfo.check(early) if f.rule == "V2"]
    assert len(v2) == 3
    assert all(f.status is Status.FAIL for f in v2)


def test_amounts_take_no_part_in_arithmetic(beijing: AnnualReport) -> None:
    proactive = beijing.table("proactive")
    assert isinstance(proactive, Table)
    report = beijing.with_table(proactive.replace("fees.amount", Decimal("96171.6")))
    assert fails(govinfo.check(report)) == []


def test_a_rule_that_raises_becomes_a_finding(beijing: AnnualReport) -> None:
    def broken(document: Document) -> list[Finding]:
        raise ZeroDivisionError("boom")

    rule = Rule("X1", "Broken.", "Always raises.", ("annual_report",), broken)
    [finding] = run_rules(beijing, (rule,))
    assert (finding.rule, finding.status) == ("X1", Status.NOT_ASSESSABLE)
    assert "ZeroDivisionError: boom" in finding.message


@given(gs.documents())
def test_valid_documents_never_fail(document: Document) -> None:
    # The content rules (S1–S3) judge the sections' words, which the strategies draw at
    # random; every other rule holds of a valid document.
    found = fails(govinfo.check(document))
    assert [f for f in found if not f.rule.startswith("S")] == []


@given(gs.corrupted_reports())
def test_any_changed_cell_fails_naming_its_row_or_column(corruption: gs.Corruption) -> None:
    found = fails(govinfo.check(corruption.document))
    assert found, corruption.key
    assert any(
        f.where.row == corruption.row or f.where.column == corruption.column for f in found
    ), (corruption.key, found)
    assert any(corruption.key in f.cells for f in found)
