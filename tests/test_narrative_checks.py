"""The narrative against the tables (N1–N4), on real reports with sentences real reports use
put into them, on the real reports as they are, and on generated reports whose narrative
restates their tables.

Every expected value was worked out by hand from the report's own table: the Beijing 2021
report's 三 is 6 received, （一）2 + （二）0, （四） 2 + 0 + 1 = 3, 四 1 upheld reconsideration;
the Pingtan 2022 report's 四 is 行政复议 0 1 1 0 2, 直接起诉 1 0 0 0 1; the Shanghai 2025
report's 三 has （七）1191, （三）20, （五）80.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo import AnnualReport, Finding, Status, Table
from govinfo.arithmetic import derived_totals
from govinfo.assemble.annual import _deciding_figures
from govinfo.checks.content import check_fees, check_problems_section, check_table_sections
from govinfo.checks.narrative import (
    _may_be_share,
    check_claims,
    check_stated_figures,
    check_stated_parts,
    check_stated_shares,
)
from govinfo.model.documents import Document, StatedFigure
from govinfo.model.narrative import Paragraph
from govinfo.statute import QUANTITIES, quantity, section_for_table, table_def
from govinfo.testing import pages
from govinfo.testing import strategies as gs

NARRATIVE = ("N1", "N2", "N3", "N4")
DATA = ROOT / "tests" / "data"


def example(name: str) -> str:
    return (EXAMPLES / name).read_text("utf-8")


def read(text: str) -> AnnualReport:
    report = govinfo.read(text)
    assert isinstance(report, AnnualReport)
    return report


def narrative(report: AnnualReport) -> list[Finding]:
    return [f for f in govinfo.check(report) if f.rule in NARRATIVE]


def replaced(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# --------------------------------------------------------------------------- what phrases name


def test_a_group_resolves_per_format_version() -> None:
    other = QUANTITIES["applications.outcome.other.total"]
    assert other.cells(table_def("applications", "2019")) == ("applications.outcome.other.total",)
    assert other.cells(table_def("applications", "2021")) == (
        "applications.outcome.other.no_correction.total",
        "applications.outcome.other.fee_unpaid.total",
        "applications.outcome.other.other.total",
    )
    both = QUANTITIES["applications.outcome.disclosed_or_partly.total"]
    assert both.cells(table_def("applications", "2021")) == (
        "applications.outcome.disclosed.total",
        "applications.outcome.partially_disclosed.total",
    )
    litigation = QUANTITIES["appeals.litigation.total"]
    assert litigation.cells(table_def("appeals", "2019")) == (
        "appeals.litigation_direct.total",
        "appeals.litigation_after.total",
    )
    issued = QUANTITIES["proactive.normative_documents.issued"]
    assert issued.cells(table_def("proactive", "2019")) == ("proactive.normative_documents.made",)
    assert (
        QUANTITIES["proactive.normative_documents.in_force"].cells(table_def("proactive", "2019"))
        == ()
    )


def test_only_a_figure_of_one_count_cell_may_decide_a_damaged_cell() -> None:
    stated = (
        StatedFigure("applications.received.total", 6, "收到申请6件"),
        StatedFigure("applications.outcome.unavailable.total", 3, "无法提供3件"),
        StatedFigure("applications.outcome.other.total", 1, "其他处理1件"),
        StatedFigure("appeals.reconsideration.corrected", 0, "无被纠错", claim="not_corrected"),
        StatedFigure("applications.carried_over.total", 2, "全市上年结转2件", scope="全市"),
        StatedFigure("proactive.fees.amount", Decimal("3"), "行政事业性收费3万元"),
    )
    figures = _deciding_figures(stated, "某某市某某局")
    # 其他处理 is one cell in the 2019 format only; a group, a claim, a figure of the whole
    # city in a department's report and an amount decide nothing.
    assert figures == {
        "applications.received.total": (6, "收到申请6件"),
        "applications.outcome.other.total": (1, "其他处理1件"),
    }
    assert "applications.carried_over.total" in _deciding_figures(stated, "某某市人民政府")


# --------------------------------------------------------------------------- the issue's sentences

BEIJING = example("beijing-ipo-2021-annual-report.zh.txt")
BEIJING_SENTENCE = "2021年，共收到6件依申请公开件，已全部答复。"


def test_beijing_sum_and_sub_row_and_litigation() -> None:
    report = read(
        replaced(
            BEIJING,
            BEIJING_SENTENCE,
            "2021年，共收到政府信息公开申请6件，办结6件。其中，予以公开及部分公开3件，"
            "因本机关不掌握等原因无法提供2件。全年因政府信息公开申请引发行政复议1件、行政诉讼1件。",
        )
    )
    found = {f.where.key: f for f in narrative(report)}
    assert set(found) == {
        "applications.outcome.disclosed_or_partly.total",
        "applications.outcome.unavailable.not_held.total",
        "appeals.litigation.total",
    }
    both = found["applications.outcome.disclosed_or_partly.total"]
    assert (both.rule, both.status) == ("N1", Status.FAIL)
    assert (both.expected, both.actual, both.difference) == (3, 2, -1)  # （一）2 + （二）0
    assert both.cells == (
        "applications.outcome.disclosed.total",
        "applications.outcome.partially_disclosed.total",
    )
    assert both.where.labels == (
        "收到和处理政府信息公开申请情况",
        "（一）予以公开 + （二）部分公开",
    )
    [evidence] = both.evidence
    assert evidence.raw == "予以公开及部分公开3件"  # the clause, as printed
    assert evidence.source is not None
    assert evidence.source.line == 23
    # 无法提供2件 where （四） is 2 + 0 + 1 = 3: the figure is （四）1 alone, and says so.
    alone = found["applications.outcome.unavailable.not_held.total"]
    assert (alone.status, alone.expected, alone.actual) == (Status.FAIL, 2, 3)
    assert alone.where.labels[-2:] == ("1.本机关不掌握相关政府信息", "总计")
    assert "1.本机关不掌握相关政府信息 一行" in (alone.message_zh or "")
    assert "1. Not held by this body alone" in alone.message
    assert alone.cells == (
        "applications.outcome.unavailable.not_held.total",
        "applications.outcome.unavailable.needs_creation.total",
        "applications.outcome.unavailable.still_unclear.total",
    )
    litigation = found["appeals.litigation.total"]
    assert (litigation.expected, litigation.actual) == (1, 0)
    assert litigation.cells == ("appeals.litigation_direct.total", "appeals.litigation_after.total")


def test_beijing_table_two_documents_decisions_and_fees() -> None:
    # Table 二: 行政规范性文件 4 / 1 / 31, 行政许可 0, 行政处罚 7, 行政强制 0, 收费 0 万元.
    report = read(
        replaced(
            BEIJING,
            BEIJING_SENTENCE,
            "2021年，本年度制发规范性文件4件，废止规范性文件1件，现行有效规范性文件30件；"
            "作出行政许可决定0件，行政处罚决定8件，行政事业性收费0万元。",
        )
    )
    found = {f.where.key: (f.status, f.expected, f.actual) for f in narrative(report)}
    assert found == {
        "proactive.normative_documents.in_force": (Status.FAIL, 30, 31),
        "proactive.penalties.decisions": (Status.FAIL, 8, 7),
    }
    keys = {f.key for f in report.stated}
    assert {
        "proactive.normative_documents.issued",
        "proactive.normative_documents.repealed",
        "proactive.licensing.decisions",
        "proactive.fees.amount",
    } <= keys


def test_a_sentence_before_the_table_naming_its_rows() -> None:
    # Right under the heading of 二, a sentence with the labels 规章 and 行政处罚 in it.
    text = replaced(
        BEIJING,
        "二、主动公开政府信息情况\n",
        "二、主动公开政府信息情况\n本年度制定规章2件，作出行政处罚决定7件。\n",
    )
    report = read(text)
    proactive = report.table("proactive")
    assert isinstance(proactive, Table)
    assert [proactive.value(f"rules.{c}") for c in ("issued", "repealed", "in_force")] == [0, 0, 0]
    assert proactive.value("penalties.decisions") == 7
    [finding] = narrative(report)
    assert (finding.where.key, finding.expected, finding.actual) == ("proactive.rules.issued", 2, 0)


def test_reconsideration_that_is_not_about_disclosure_is_not_read() -> None:
    # A justice bureau counts every reconsideration it decided; table 四 only those over
    # disclosure.  Outside section 四 the sentence must say it is about disclosure.
    text = replaced(BEIJING, BEIJING_SENTENCE, "全年办理行政复议案件120件，行政诉讼案件35件。")
    report = read(text)
    assert not [f for f in report.stated if f.key.startswith("appeals")]
    said = replaced(
        BEIJING, BEIJING_SENTENCE, "全年因政府信息公开申请引发行政复议案件2件，均获维持。"
    )
    found = {(f.rule, f.where.key, f.status) for f in narrative(read(said))}
    assert found == {("N1", "appeals.reconsideration.total", Status.FAIL)}  # 2 ≠ 1, upheld


PINGTAN = example("pingtan-2022-annual-report.crawl.txt")


def test_pingtan_upheld_claim_against_corrected_and_other() -> None:
    report = read(
        replaced(
            PINGTAN,
            "共有行政诉讼案件1件、行政复议案件2件，均已结案",
            "行政复议7件，诉讼9件，均获维持",
        )
    )
    found = {(f.rule, f.where.key): f for f in narrative(report) if f.status is Status.FAIL}
    assert set(found) == {
        ("N1", "appeals.reconsideration.total"),
        ("N1", "appeals.litigation.total"),
        ("N4", "appeals.*.not_upheld"),
    }
    reconsideration = found["N1", "appeals.reconsideration.total"]
    assert (reconsideration.expected, reconsideration.actual) == (7, 2)
    assert found["N1", "appeals.litigation.total"].actual == 1  # 直接起诉 1 + 复议后起诉 0
    claim = found["N4", "appeals.*.not_upheld"]
    assert (claim.expected, claim.actual) == (0, 2)
    assert claim.cells == ("appeals.reconsideration.corrected", "appeals.reconsideration.other")
    assert claim.message_zh == (
        "正文称均获维持（2022年，全区政府信息公开工作方面行政复议7件，诉讼9件，均获维持）；"
        "表中为 行政复议 结果纠正 1、行政复议 其他结果 1"
    )
    assert "administrative reconsideration" not in claim.message  # labels, not keys
    assert "Administrative reconsideration Corrected 1" in claim.message


def _issue_report() -> AnnualReport:
    """A report whose tables have what the issue names: （一）+（二） = 250 + 25 = 275, （四） =
    265 + 50 + 22 = 337, 行政复议 2 with 1 尚未审结, 行政诉讼 1 upheld; its narrative the issue's
    sentences."""
    columns = 7

    def row(value: int) -> tuple[int, ...]:
        return (value, *(0,) * (columns - 2), value)

    natural = {
        "received": 630,
        "carried_over": 10,
        "outcome.disclosed": 250,
        "outcome.partially_disclosed": 25,
        "outcome.withheld.third_party": 10,
        "outcome.unavailable.not_held": 265,
        "outcome.unavailable.needs_creation": 50,
        "outcome.unavailable.still_unclear": 22,
        "outcome.not_processed.duplicate": 8,
        "outcome.other.no_correction": 5,
        "outcome.total": 635,
        "carried_forward": 5,
    }
    definition = table_def("applications", "2021")
    applications = Table.from_rows(
        "applications", "2021", {r.key: row(natural.get(r.key, 0)) for r in definition.rows}
    )
    appeals = Table.from_rows(
        "appeals",
        "2021",
        {
            "reconsideration": (1, 0, 0, 1, 2),
            "litigation_direct": (1, 0, 0, 0, 1),
            "litigation_after": (0, 0, 0, 0, 0),
        },
    )
    beijing = read(BEIJING)
    report = beijing.with_table(applications).with_table(appeals)
    sentences = {
        "general": "2021年，共收到政府信息公开申请630件。其中，予以公开及部分公开258件，"
        "因本机关不掌握等原因无法提供265件。",
        "appeals": "行政复议7件，诉讼9件，均获维持。",
    }
    sections = tuple(
        s
        if s.key not in sentences
        else type(s)(s.key, s.heading, (Paragraph(sentences[s.key]),), s.table)
        for s in report.sections
    )
    return read(pages.text(AnnualReport(report.metadata, sections)))


def test_the_issue_sentences_each_a_finding_citing_the_sentence_and_the_cells() -> None:
    report = _issue_report()
    found = {(f.rule, f.where.key): f for f in narrative(report)}
    assert set(found) == {
        ("N1", "applications.outcome.disclosed_or_partly.total"),
        ("N1", "applications.outcome.unavailable.not_held.total"),
        ("N1", "appeals.reconsideration.total"),
        ("N1", "appeals.litigation.total"),
        ("N4", "appeals.*.not_upheld"),
    }
    assert all(f.status is Status.FAIL for f in found.values())
    both = found["N1", "applications.outcome.disclosed_or_partly.total"]
    assert (both.expected, both.actual, both.difference) == (258, 275, 17)
    assert both.evidence[0].raw == "予以公开及部分公开258件"
    alone = found["N1", "applications.outcome.unavailable.not_held.total"]
    assert (alone.expected, alone.actual) == (265, 337)
    assert alone.where.row == "outcome.unavailable.not_held"
    assert alone.message_zh == (
        "正文称 265（因本机关不掌握等原因无法提供265件），所称为（四）无法提供，表中为 337；"
        "265 仅为其中 1.本机关不掌握相关政府信息 一行"
    )
    reconsideration = found["N1", "appeals.reconsideration.total"]
    assert (reconsideration.expected, reconsideration.actual) == (7, 2)
    litigation = found["N1", "appeals.litigation.total"]
    assert (litigation.expected, litigation.actual) == (9, 1)
    upheld = found["N4", "appeals.*.not_upheld"]
    assert upheld.cells == ("appeals.reconsideration.pending",)
    assert upheld.evidence[0].raw == "行政复议7件，诉讼9件，均获维持"
    assert upheld.message_zh is not None
    assert upheld.message_zh.endswith("表中为 行政复议 尚未审结 1")


SHANGHAI = example("shanghai-govoffice-2025-annual-report.pdf-extract.md")


def test_shanghai_percentages_within_the_rounding_truncated_and_wrong() -> None:
    text = replaced(SHANGHAI, "分公开 208 件（17.46%）", "分公开 258 件（17.46%）")
    text = replaced(text, "不予公开 20 件（1.68%）", "不予公开 20 件（1.6%）")
    text = replaced(text, "不予处理 80 件（6.72%）", "不予处理 80 件（7.72%）")
    found = {(f.rule, f.where.key): f for f in narrative(read(text))}
    assert set(found) == {
        ("N1", "applications.outcome.disclosed_or_partly.total"),
        ("N3", "applications.outcome.withheld.total"),
        ("N3", "applications.outcome.not_processed.total"),
    }
    # 258 is wrong, but 17.46% is 208 of 1191 as the table has it: one finding, N1's.
    assert found["N1", "applications.outcome.disclosed_or_partly.total"].actual == 208
    # 20 of 1191 is 1.679…%: 1.6 is cut off, not rounded (1.7).
    cut = found["N3", "applications.outcome.withheld.total"]
    assert (cut.status, cut.expected, cut.actual) == (Status.NOTE, Decimal("1.6"), Decimal("1.7"))
    # 80 of 1191 is 6.717…%, printed 7.72.
    wrong = found["N3", "applications.outcome.not_processed.total"]
    assert (wrong.status, wrong.expected, wrong.actual) == (
        Status.FAIL,
        Decimal("7.72"),
        Decimal("6.72"),
    )
    assert "1191" in (wrong.message_zh or "")


def test_shanghai_as_published_agrees_with_its_tables() -> None:
    report = read(SHANGHAI)
    keys = {f.key for f in report.stated}
    assert {
        "applications.outcome.disclosed_or_partly.total",
        "applications.outcome.unavailable.total",
        "applications.outcome.other.total",
        "appeals.*.corrected",
    } <= keys
    assert [f.percent for f in report.stated if f.percent is not None] == [
        Decimal("17.46"),
        Decimal("1.68"),
        Decimal("47.36"),
        Decimal("6.72"),
        Decimal("26.78"),
    ]
    assert narrative(report) == []


SHANGHAI_IPO = example("shanghai-ipo-2022-annual-report.zh.txt")


def test_parts_of_a_total_with_the_tables_as_images() -> None:
    text = replaced(
        SHANGHAI_IPO,
        "办结8件。",
        "办结8件。其中予以公开3件（占40%），无法提供4件，不予处理2件（占25%）。",
    )
    report = read(text)
    fails = {(f.rule, f.where.key): f for f in narrative(report) if f.status is Status.FAIL}
    assert set(fails) == {
        ("N2", "applications.outcome.total.total"),
        ("N3", "applications.outcome.disclosed.total"),
    }
    parts = fails["N2", "applications.outcome.total.total"]
    assert (parts.expected, parts.actual, parts.difference) == (8, 9, 1)  # 3 + 4 + 2 > 8
    assert [e.raw for e in parts.evidence] == [
        "办结8件",
        "其中予以公开3件（占40%）",
        "无法提供4件",
        "不予处理2件（占25%）",
    ]
    share = fails["N3", "applications.outcome.disclosed.total"]
    assert (share.expected, share.actual) == (Decimal("40"), Decimal("38"))  # 3 of 8: 37.5%
    # 2 of the 8 the narrative states is 25%: right, though no table could be read.
    shares = [f.where.key for f in narrative(report) if f.rule == "N3"]
    assert shares == ["applications.outcome.disclosed.total"]
    # The figures themselves can only be uncertain: the table is an image.
    n1 = [f for f in narrative(report) if f.rule == "N1"]
    assert n1
    assert all(f.status is Status.UNCERTAIN for f in n1)


def test_a_share_of_a_whole_that_cannot_be_read_is_uncertain() -> None:
    # The tables are images; the narrative states 8 received and 8 handled. 2 at 5% is no
    # share of 8 (25%) but may be one of 一 + 二, which is at least 8 and cannot be read (40);
    # 3 at 40% cannot be: of 8 or more it is at most 37.5%.
    text = replaced(
        SHANGHAI_IPO, "办结8件。", "办结8件。其中予以公开3件（占40%），不予处理2件（占5%）。"
    )
    found = {f.where.key: f for f in narrative(read(text)) if f.rule == "N3"}
    assert set(found) == {
        "applications.outcome.disclosed.total",
        "applications.outcome.not_processed.total",
    }
    assert found["applications.outcome.disclosed.total"].status is Status.FAIL
    may = found["applications.outcome.not_processed.total"]
    assert (may.status, may.expected, may.actual) == (Status.UNCERTAIN, Decimal(5), Decimal(25))
    assert "一、本年新收 + 二、上年结转" in (may.message_zh or "")


@pytest.mark.parametrize(
    ("percent", "part", "least", "may"),
    [
        ("16", 1, 6, False),  # 1/6 = 16.7%, 1/7 = 14.3%: no whole of 6 or more gives 16%
        ("5", 2, 8, True),  # 2/40
        ("40", 3, 8, False),  # at most 37.5%
        ("37.5", 3, 8, True),
        ("14.3", 1, 6, True),  # 1/7
        ("0", 0, 5, True),
        ("1", 0, 5, False),
    ],
)
def test_a_percentage_may_be_a_share_of_a_whole_of_at_least(
    percent: str, part: int, least: int, may: bool
) -> None:
    assert _may_be_share(Decimal(percent), part, least) is may


def test_english_of_a_machine_translation() -> None:
    report = read(
        replaced(
            BEIJING,
            BEIJING_SENTENCE,
            "In 2021, a total of 7 applications were received, and all of them were answered.",
        )
    )
    [finding] = narrative(report)
    assert (finding.rule, finding.status, finding.expected, finding.actual) == (
        "N1",
        Status.FAIL,
        7,
        6,
    )
    upheld = read(
        replaced(
            PINGTAN,
            "共有行政诉讼案件1件、行政复议案件2件，均已结案",
            "there were 2 cases of administrative reconsideration, and all of them were upheld",
        )
    )
    claims = [f for f in narrative(upheld) if f.rule == "N4"]
    assert [(f.status, f.where.key, f.actual) for f in claims] == [
        (Status.FAIL, "appeals.reconsideration.not_upheld", 2)
    ]


def test_the_phrasings_of_machine_translations() -> None:
    from govinfo.assemble.stated import stated_figures
    from govinfo.layout import TextBlock

    text = (
        "In 2022, a total of 75 applications for government information disclosure were "
        "received. Among them, 21 were disclosed, 9 were partially disclosed, 4 were not "
        "disclosed, 37 could not be provided, and 1 was carried forward to the next year. "
        "There were 2 cases of administrative reconsideration and 1 case of administrative "
        "litigation over government information disclosure, and all of them were upheld. "
        "The number and total amount of charge notices issued were all 0."
    )
    stated = stated_figures([TextBlock(text)], year=2022)
    assert [(f.key, f.value, f.claim) for f in stated] == [
        ("applications.received.total", 75, None),
        ("applications.outcome.disclosed.total", 21, None),
        ("applications.outcome.partially_disclosed.total", 9, None),
        ("applications.outcome.withheld.total", 4, None),
        ("applications.outcome.unavailable.total", 37, None),
        ("applications.carried_forward.total", 1, None),
        ("appeals.reconsideration.total", 2, None),
        ("appeals.litigation.total", 1, None),
        ("appeals.*.not_upheld", 0, "upheld"),
        ("information_fees.notices", 0, None),
        ("information_fees.collected", 0, None),
    ]


def test_a_department_s_figure_for_the_whole_district_is_a_note() -> None:
    text = replaced(BEIJING, BEIJING_SENTENCE, "2021年，全市共收到政府信息公开申请1280件。")
    [finding] = narrative(read(text))
    assert (finding.status, finding.expected, finding.actual) == (Status.NOTE, 1280, 6)
    assert "全市" in (finding.message_zh or "")
    # In a government's own report 全区 is its own area: the figure is compared.
    government = replaced(text, "北京市知识产权局\n", "北京市某某区人民政府\n")
    [compared] = narrative(read(government))
    assert compared.status is Status.FAIL


def test_a_figure_of_another_year_is_not_the_report_s() -> None:
    text = replaced(
        BEIJING,
        BEIJING_SENTENCE,
        "2020年共收到政府信息公开申请9件，2021年共收到政府信息公开申请6件。",
    )
    report = read(text)
    assert [(f.key, f.value) for f in report.stated][:1] == [("applications.received.total", 6)]
    assert narrative(report) == []


def test_carried_over_counted_with_the_new_is_a_note_or_said() -> None:
    # Pingtan: 收到75件 is 74 new and 1 carried over, 自然人72件 is 71 and 1.
    notes = list(narrative(read(PINGTAN)))
    assert [(f.status, f.where.key, f.expected, f.actual) for f in notes] == [
        (Status.NOTE, "applications.received.total", 75, 74),
        (Status.NOTE, "applications.received.natural_person", 72, 71),
    ]
    said = replaced(
        PINGTAN, "全区收到政府信息公开申请75件", "全区收到政府信息公开申请75件（含上年结转1件）"
    )
    found = [f.where.key for f in narrative(read(said))]
    assert "applications.received.total" not in found  # it says what it counts


# ------------------------------------------------------------------- real reports as they are


def _real_files() -> Iterator[Path]:
    yield from sorted(p for p in EXAMPLES.iterdir() if p.is_file())
    yield from sorted((DATA / "pingtan").glob("*.txt"))
    yield DATA / "hongze-district-2023-annual-report.pdf"


@pytest.mark.parametrize("path", list(_real_files()), ids=lambda p: p.name)
def test_no_false_alarm_on_real_reports(path: Path) -> None:
    try:
        document = govinfo.read(path)
    except govinfo.UnknownDocumentError:
        return
    fails = [
        (f.rule, f.where.key) for f in govinfo.check(document) if f.is_fail and f.rule[0] in "NS"
    ]
    # The one real discrepancy among them: see test_pingtan_jjf_2023_says_none_received.
    expected = (
        [("N1", "applications.received.total")]
        if path.name == "pingtan-jjf-2023-annual-report.crawl.txt"
        else []
    )
    assert fails == expected


def test_pingtan_jjf_2023_says_none_received() -> None:
    """The narrative says 共收到政府信息公开申请0条; the table's 一 is 3 (and nothing handled or
    carried forward, so R1 fails too)."""
    report = read((DATA / "pingtan" / "pingtan-jjf-2023-annual-report.crawl.txt").read_text())
    [finding] = narrative(report)
    assert (finding.status, finding.expected, finding.actual) == (Status.FAIL, 0, 3)
    assert finding.evidence[0].raw == "共收到政府信息公开申请0条"
    assert {f.rule for f in govinfo.check(report) if f.is_fail} == {"R1", "N1"}


def test_pingtan_shares_and_a_reply_that_is_no_total() -> None:
    # 公安局 2024: 8 received; 同意公开3件，占比37.5%；区分处理后公开1件，占比12.5%；无法提供4件，
    # 占比50%: each as the table has it.
    gaj = read((DATA / "pingtan" / "pingtan-gaj-2024-annual-report.crawl.txt").read_text())
    shares = {f.key: (f.value, f.percent) for f in gaj.stated if f.percent is not None}
    assert shares == {
        "applications.outcome.disclosed.total": (3, Decimal("37.5")),
        "applications.outcome.partially_disclosed.total": (1, Decimal("12.5")),
        "applications.outcome.unavailable.total": (4, Decimal("50")),
    }
    assert narrative(gaj) == []
    # 财政金融局 2024: 办结依申请2件，其中公开答复1件 — a kind of reply, not the replies.
    czj = read((DATA / "pingtan" / "pingtan-czj-2024-annual-report.crawl.txt").read_text())
    assert [(f.key, f.value) for f in czj.stated if f.key.startswith("applications")] == [
        ("applications.received.total", 2),
        ("applications.outcome.total.total", 2),
        ("applications.outcome.unavailable.total", 1),
    ]
    assert narrative(czj) == []


def test_a_figure_agreeing_with_the_parts_of_a_misprinted_total_is_a_note() -> None:
    # 行政审批局 2024: 因依申请公开引发行政复议1起; table 四 prints 总计 0 beside 1 + 0 + 0 + 0.
    report = read((DATA / "pingtan" / "pingtan-hzs-2024-annual-report.crawl.txt").read_text())
    [finding] = narrative(report)
    assert (finding.status, finding.where.key, finding.expected, finding.actual) == (
        Status.NOTE,
        "appeals.reconsideration.total",
        1,
        0,
    )
    assert any(f.rule == "R4" and f.is_fail for f in govinfo.check(report))


# --------------------------------------------------------------------------- generated reports

CHECKS: tuple[Callable[[Document], Iterator[Finding]], ...] = (
    check_stated_figures,
    check_stated_parts,
    check_stated_shares,
    check_claims,
    check_problems_section,
    check_fees,
    check_table_sections,
)


@given(gs.documents())
def test_the_new_checks_never_raise(document: Document) -> None:
    for check in CHECKS:
        for finding in check(document):
            assert finding.message
            assert finding.message_zh


@given(gs.documents(), st.data())
def test_any_stated_figure_never_makes_them_raise(document: Document, data: st.DataObject) -> None:
    if not isinstance(document, AnnualReport):
        return
    keys = sorted(QUANTITIES)
    stated = data.draw(
        st.lists(
            st.builds(
                StatedFigure,
                st.sampled_from(keys) | st.text(min_size=1, max_size=30).filter(str.strip),
                st.integers(0, 10**6) | st.decimals(0, 10**6, places=2),
                st.just("figure"),
                percent=st.none() | st.decimals(0, 100, places=1),
                claim=st.none() | st.sampled_from(("upheld", "not_corrected", "concluded", "none")),
                scope=st.none() | st.just("全市"),
            ),
            max_size=6,
        )
    )
    changed = AnnualReport(
        document.metadata, document.sections, preamble=document.preamble, stated=tuple(stated)
    )
    for check in CHECKS:
        list(check(changed))


def _value(table: Table, key: str) -> int | Decimal | None:
    """What the table gives for a quantity, None where a cell has no number or the version
    has no such cells."""
    described = quantity(key)
    assert described is not None
    values, _ = derived_totals(table)
    cells = described.cells(table.definition)
    if not cells:
        return None
    total: int | Decimal = 0
    for cell in cells:
        row, _, column = cell.split(".", 1)[1].rpartition(".")
        found = values.get(row)
        value = None if found is None else found[table.definition.row(row).column_index(column)]
        if value is None:
            return None
        total += value
    return total


#: Sentences that restate table 三 and 四 as reports write them: each figure's quantity, and
#: the phrase before its number.
SENTENCES = (
    (
        ("applications.received.total", "本年度共新收政府信息公开申请"),
        ("applications.received.natural_person", "涉及自然人"),
        ("applications.received.legal_person", "法人或其他组织"),
        ("applications.carried_over.total", "上年结转"),
        ("applications.outcome.total.total", "办结"),
        ("applications.carried_forward.total", "结转下年度继续办理"),
    ),
    (
        ("applications.outcome.disclosed.total", "其中，予以公开"),
        ("applications.outcome.partially_disclosed.total", "部分公开"),
        ("applications.outcome.withheld.total", "不予公开"),
        ("applications.outcome.unavailable.total", "因本机关不掌握等原因无法提供"),
        ("applications.outcome.not_processed.total", "属信访、重复申请等不予处理"),
        ("applications.outcome.other.total", "其他处理"),
    ),
    (
        ("appeals.reconsideration.total", "全年行政复议"),
        ("appeals.litigation.total", "行政诉讼"),
    ),
    (
        ("proactive.normative_documents.issued", "本年度制发规范性文件"),
        ("proactive.normative_documents.repealed", "废止规范性文件"),
        ("proactive.normative_documents.in_force", "现行有效规范性文件"),
        ("proactive.rules.issued", "制定规章"),
        ("proactive.licensing.decisions", "作出行政许可决定"),
        ("proactive.penalties.decisions", "行政处罚决定"),
        ("proactive.coercion.decisions", "行政强制决定"),
        ("proactive.fees.amount", "行政事业性收费"),
    ),
)


def _restated(report: AnnualReport, off_by: int) -> tuple[AnnualReport, list[str]]:
    """The report with each table section's narrative restating its table (each figure
    ``off_by`` from it, the shares as the table gives them), and the figures' keys."""
    tables: dict[str, Table] = {t.key: t for t in report.tables()}
    handled = _value(tables["applications"], "applications.outcome.total.total")
    sentences: dict[str, list[str]] = {}
    keys = []
    for sentence in SENTENCES:
        clauses = []
        for key, words in sentence:
            value = _value(tables[key.split(".", 1)[0]], key)
            if value is None:
                continue
            unit = "万元" if isinstance(value, Decimal) else "件"
            clause = (
                f"{words}{format(value + off_by, 'f') if unit == '万元' else value + off_by}{unit}"
            )
            if "outcome." in key and key != "applications.outcome.total.total" and handled:
                share = (Decimal(value) * 100 / handled).quantize(
                    Decimal("0.01"), rounding=ROUND_HALF_UP
                )
                clause += f"（{share}%）"
            clauses.append(clause)
            keys.append(key)
        if clauses:
            section = section_for_table(sentence[0][0].split(".", 1)[0]).key  # type: ignore[arg-type]
            sentences.setdefault(section, []).append("，".join(clauses) + "。")
    sections = tuple(
        s
        if s.key not in sentences
        else type(s)(s.key, s.heading, (Paragraph("".join(sentences[s.key])),), s.table)
        for s in report.sections
    )
    return AnnualReport(report.metadata, sections), keys


@given(gs.printable_reports())
def test_a_narrative_that_restates_its_tables_agrees_with_them(report: AnnualReport) -> None:
    restated, keys = _restated(report, 0)
    read_back = read(pages.text(restated))
    assert {f.key for f in read_back.stated} >= set(keys)
    assert [f for f in narrative(read_back) if f.status is Status.FAIL] == []


@given(gs.printable_reports())
def test_each_figure_off_by_one_is_one_finding(report: AnnualReport) -> None:
    restated, keys = _restated(report, 1)
    read_back = read(pages.text(restated))
    found = narrative(read_back)
    by_figure = sorted(f.evidence[0].key for f in found)
    assert by_figure == sorted(keys), [f.message for f in found]


def test_a_figure_against_a_cell_printed_but_not_read_says_so() -> None:
    """平潭综合实验区国土资源与规划委员会 2022 prints 行政规范性文件 as ``34089`` (34 / 0 / 89,
    3 / 40 / 89, 340 / 8 / 9 ...) and says 本年度制发规范性文件34件，现行有效件数424件: no split
    gives both, so the cells stay unreadable, and N1 says they could not be read (they are
    printed), not that the table does not report them."""
    report = govinfo.read(DATA / "pingtan" / "pingtan-gwh-2022-annual-report.crawl.txt")
    found = {f.where.key: f for f in govinfo.check(report) if f.rule == "N1"}
    issued = found["proactive.normative_documents.issued"]
    assert issued.status is Status.UNCERTAIN
    assert (issued.message_zh or "").endswith("；表中 行政规范性文件 / 本年制发件数 无法识读")
    assert issued.message.endswith(
        "; the table's Administrative normative documents / Issued this year could not be read"
    )
    in_force = found["proactive.normative_documents.in_force"]
    assert (in_force.message_zh or "").endswith("；表中 行政规范性文件 / 现行有效件数 无法识读")
