"""Key points and rule-of-law reports, read from the seed documents."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import EXAMPLES

import govinfo
from govinfo import KeyPoints, RuleOfLawReport, Source, Status
from govinfo.assemble.keypoints import deadlines, responsibility
from govinfo.model.narrative import plain_text


def read(name: str, kind: str | None = None) -> govinfo.Document:
    return govinfo.read(Source((EXAMPLES / name).read_bytes(), name), kind=kind)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def cnipa() -> KeyPoints:
    document = read("cnipa-2022-disclosure-key-points.en.txt")
    assert isinstance(document, KeyPoints)
    return document


def test_cnipa_notice(cnipa: KeyPoints) -> None:
    meta = cnipa.metadata
    assert meta.document_number is not None
    assert (meta.document_number.text, meta.document_number.year, meta.document_number.serial) == (
        "Guozhiban Hanbanzi [2022] No. 495",
        2022,
        495,
    )
    assert (meta.issued, meta.published, meta.language) == (
        dt.date(2022, 5, 26),
        dt.date(2022, 5, 30),
        "en",
    )
    assert meta.agency == "State Intellectual Property Office"


def test_cnipa_twelve_tasks_in_four_parts(cnipa: KeyPoints) -> None:
    assert [len(p.tasks) for p in cnipa.parts] == [2, 4, 3, 3]
    assert [t.number for t in cnipa.tasks()] == list(range(1, 13))
    assert cnipa.parts[1].title == "Improve the quality of policy disclosure"
    first = cnipa.tasks()[0]
    assert first.lead == "Strengthen information disclosure involving market entities"
    assert first.body.endswith("directly benefit enterprises and the people.")
    assert all(t.responsible is not None for t in cnipa.tasks())


def test_cnipa_opening_once_and_no_site(cnipa: KeyPoints) -> None:
    text = "\n".join(
        [plain_text(cnipa.opening), plain_text(cnipa.notice), plain_text(cnipa.closing)]
        + [t.lead + t.body for t in cnipa.tasks()]
    )
    assert text.count("To do a good job in government affairs disclosure work in 2022") == 1
    for chrome in ("News Updates", "Telephone", "Copyright", "ICP", "Head Office", "Shenzhen"):
        assert chrome not in text
    assert any(d.reason == "a page summary repeating the opening" for d in cnipa.dropped)


def test_cnipa_responsible_units(cnipa: KeyPoints) -> None:
    tasks = cnipa.tasks()
    assert tasks[3].responsible is not None
    assert (tasks[3].responsible.lead, tasks[3].responsible.others) == (
        "office",
        ("Legal Affairs Department", "Public Service Department", "Human Resources Department"),
    )
    assert tasks[2].responsible is not None
    assert tasks[2].responsible.others == ("Treaty and Law Department", "Office")
    assert tasks[5].responsible is not None
    assert tasks[5].responsible.lead == "Public Service Department"
    assert "Review and Invalidation Department" in tasks[5].responsible.others
    assert tasks[11].responsible is not None
    assert tasks[11].responsible.others == ("Office",)


def test_cnipa_deadlines(cnipa: KeyPoints) -> None:
    assert [(d.text, d.date, d.working_days) for d in cnipa.deadlines] == [
        ("before January 5, 2023", dt.date(2023, 1, 5), None),
        ("within 5 working days", None, 5),
    ]
    assert [d.date for d in cnipa.tasks()[2].deadlines] == [dt.date(2022, 12, 31)]


def test_chinese_responsibility_and_deadlines() -> None:
    who, rest = responsibility("加强政策解读。（公共服务司牵头，办公室、保护司按职责分工负责）")
    assert who is not None
    assert (who.lead, who.others, rest) == ("公共服务司", ("办公室", "保护司"), "加强政策解读。")
    who, _ = responsibility("按时完成。（政策起草部门负责）")
    assert who is not None
    assert (who.lead, who.others) == (None, ("政策起草部门",))
    assert [d.working_days for d in deadlines("5个工作日内报送")] == [5]
    assert [d.date for d in deadlines("2023年1月5日前报送")] == [dt.date(2023, 1, 5)]


@pytest.fixture(scope="module")
def rule_of_law() -> RuleOfLawReport:
    document = read("beijing-ipo-2020-rule-of-law-report.zh.txt")
    assert isinstance(document, RuleOfLawReport)
    return document


def test_rule_of_law_sections_by_content(rule_of_law: RuleOfLawReport) -> None:
    meta = rule_of_law.metadata
    assert (meta.agency, meta.year) == ("北京市知识产权局", 2020)
    assert [(s.key, s.recognised_by) for s in rule_of_law.sections] == [
        ("measures", "inference"),
        ("shortfalls", "inference"),
        ("leadership", "inference"),
        ("plans", "inference"),
        ("other", "absent"),
    ]
    shortfalls = plain_text(rule_of_law.section("shortfalls").content)
    assert shortfalls.startswith("一是法治政府建设力度有待加强")
    assert plain_text(rule_of_law.section("leadership").content).startswith(
        "北京市知识产权局主要负责人"
    )
    assert plain_text(rule_of_law.section("plans").content).startswith("2021年,北京市知识产权局将")


def test_rule_of_law_keeps_no_spam(rule_of_law: RuleOfLawReport) -> None:
    text = "\n".join(plain_text(s.content) for s in rule_of_law.sections)
    assert "E星体育" not in text
    assert "使命" not in text
    assert "依法推进政务公开和信息公开。加强主动公开" in text  # the sentence spam was cut from
    assert {d.reason for d in rule_of_law.dropped} == {
        "spam injected into the text",
        "a slogan of the hosting site",
    }


def test_rule_of_law_facts(rule_of_law: RuleOfLawReport) -> None:
    facts = {(f.kind, f.value) for f in rule_of_law.facts}
    assert facts == {("normative_documents_reviewed", 8), ("penalties", 6), ("litigation_cases", 7)}
    litigation = next(f for f in rule_of_law.facts if f.kind == "litigation_cases")
    assert litigation.evidence.startswith("全年新增行政应诉案件7件")


def test_checks_on_other_kinds(rule_of_law: RuleOfLawReport, cnipa: KeyPoints) -> None:
    l1 = [f for f in govinfo.check(rule_of_law) if f.rule == "L1"]
    assert [(f.status, f.where.section) for f in l1] == [(Status.NOTE, "other")]
    assert [f for f in govinfo.check(cnipa) if f.status is Status.FAIL] == []
    import attrs

    part = attrs.evolve(cnipa.parts[0].tasks[0], responsible=None)
    broken = attrs.evolve(
        cnipa, parts=(attrs.evolve(cnipa.parts[0], tasks=(part,)), *cnipa.parts[1:])
    )
    k1 = [f for f in govinfo.check(broken) if f.rule == "K1"]
    assert len(k1) == 1
    assert k1[0].status is Status.FAIL


def test_kind_detected_and_overridden() -> None:
    assert read("cnipa-2022-disclosure-key-points.en.txt").kind == "key_points"
    assert read("beijing-ipo-2020-rule-of-law-report.zh.txt").kind == "rule_of_law_report"
    assert read("beijing-ipo-2021-annual-report.zh.txt").kind == "annual_report"
    forced = read("beijing-ipo-2020-rule-of-law-report.zh.txt", kind="key_points")
    assert forced.kind == "key_points"
