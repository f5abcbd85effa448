"""What evaluators check of a report's content (S1–S3), on copies of real reports changed the
way real reports differ: section 五 cut to nothing or a sentence, a fee stated beside a
section 六 that says none was charged, a table section left with its heading alone."""

from __future__ import annotations

from conftest import EXAMPLES

import govinfo
from govinfo import AnnualReport, Finding, Status, Table
from govinfo.model.narrative import Paragraph
from govinfo.testing import pages

BEIJING = (EXAMPLES / "beijing-ipo-2021-annual-report.zh.txt").read_text("utf-8")
FIVE = "五、存在的主要问题及改进情况"
SIX = "六、其他需要报告的事项"
THREE = "三、收到和处理政府信息公开申请情况"
FOUR = "四、政府信息公开行政复议、行政诉讼情况"


def read(text: str) -> AnnualReport:
    report = govinfo.read(text)
    assert isinstance(report, AnnualReport)
    return report


def found(report: AnnualReport, rule: str) -> list[Finding]:
    return [f for f in govinfo.check(report) if f.rule == rule]


def between(text: str, start: str, end: str, new: str) -> str:
    """The text with what stands between two headings replaced."""
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{new}{end}{tail}"


# --------------------------------------------------------------------------- S1


def test_section_five_as_published_says_enough() -> None:
    assert found(read(BEIJING), "S1") == []


def test_section_five_that_says_only_none() -> None:
    [finding] = found(read(between(BEIJING, FIVE, SIX, "无。\n\n")), "S1")
    assert (finding.status, finding.where.section) == (Status.FAIL, "problems")
    assert finding.message_zh == f"第五部分“{FIVE}”仅写“无。”"
    assert finding.evidence[0].raw == "无。"


def test_section_five_with_its_heading_alone() -> None:
    [finding] = found(read(between(BEIJING, FIVE, SIX, "\n")), "S1")
    assert finding.status is Status.FAIL
    assert finding.message == f"section {FIVE} has a heading and nothing under it"


def test_section_five_missing() -> None:
    head, rest = BEIJING.split(FIVE, 1)
    _, tail = rest.split(SIX, 1)
    [finding] = found(read(f"{head}{SIX}{tail}"), "S1")
    assert finding.status is Status.FAIL
    assert finding.message_zh == f"报告缺少第五部分“{FIVE}”"


def test_a_table_alone_is_not_said_to_lack_section_five() -> None:
    """Table 三 given alone (a picture of it, a fragment) has no section heading at all: that
    the report lacks section 五 cannot be told from it, so S1 does not assess it."""
    table = BEIJING.split(THREE, 1)[1].split(FOUR, 1)[0]
    report = read(table)
    assert all(s.heading is None for s in report.sections)
    assert isinstance(report.table("applications"), Table)
    [finding] = found(report, "S1")
    assert finding.status is Status.NOT_ASSESSABLE
    assert finding.message_zh == (
        f"文本中的部分标题不足两个（报告的一页或一部分），无法判断报告是否有第五部分“{FIVE}”"
    )


def test_one_section_with_its_table_is_not_said_to_lack_section_five() -> None:
    # Section 三 alone, heading and table (one page of the report), and section 一 under the
    # report's title (its first page): neither is said to lack section 五.
    three = THREE + BEIJING.split(THREE, 1)[1].split(FOUR, 1)[0]
    first = BEIJING.split("\n二、", 1)[0]
    assert first.startswith("北京市知识产权局\n\n2021年政府信息公开工作年度报告")
    for text in (three, first):
        report = read(text)
        assert sum(1 for s in report.sections if s.heading) == 1
        [finding] = found(report, "S1")
        assert finding.status is Status.NOT_ASSESSABLE, text[:40]
    # Two headings and no 五 are a report that lacks it.
    two = BEIJING.split(THREE, 1)[0]
    assert found(read(two), "S1")[0].status is Status.FAIL


def test_section_five_of_one_sentence_is_a_note() -> None:
    [finding] = found(read(between(BEIJING, FIVE, SIX, "信息公开培训力度需持续加强。\n\n")), "S1")
    assert finding.status is Status.NOTE
    assert "仅 1 句（14 字）" in (finding.message_zh or "")


# --------------------------------------------------------------------------- S2

BEIJING_FEES = "2021年我局发出收费通知的件数和总金额以及实际收取的总金额均为0。"


def test_a_fee_charged_beside_a_section_six_that_says_none() -> None:
    text = BEIJING.replace(
        "2021年，共收到6件依申请公开件，已全部答复。",
        "2021年，共收到6件依申请公开件，已全部答复，共收取信息处理费120元。",
    )
    [finding] = found(read(text), "S2")
    assert (finding.status, finding.where.section) == (Status.FAIL, "other")
    assert [e.raw for e in finding.evidence] == ["共收取信息处理费120元", BEIJING_FEES[:-1]]
    assert "120" in finding.message
    assert "none were charged" in finding.message


def test_a_fee_charged_beside_a_section_six_of_none() -> None:
    text = between(BEIJING, SIX, "北京市知识产权局官方网站", "无。\n\n").replace(
        "已全部答复。", "已全部答复，收取信息处理费50元。"
    )
    [finding] = found(read(text), "S2")
    assert finding.status is Status.FAIL
    assert "第六部分：无。" in (finding.message_zh or "")


def test_no_fee_notice_while_table_three_counts_an_unpaid_fee() -> None:
    report = read(BEIJING)
    table = report.table("applications")
    assert isinstance(table, Table)
    # One application not processed for an unpaid fee, one fewer disclosed: still balanced.
    changed = table.replace("outcome.other.fee_unpaid.natural_person", 1)
    changed = changed.replace("outcome.other.fee_unpaid.total", 1)
    changed = changed.replace("outcome.disclosed.natural_person", 1)
    changed = changed.replace("outcome.disclosed.total", 1)
    sections = tuple(
        s if s.key != "other" else type(s)(s.key, s.heading, (Paragraph(BEIJING_FEES),))
        for s in report.with_table(changed).sections
    )
    read_back = read(pages.text(AnnualReport(report.metadata, sections)))
    assert not [f for f in govinfo.check(read_back) if f.rule[0] == "R" and f.is_fail]
    [finding] = found(read_back, "S2")
    assert (finding.status, finding.cells) == (
        Status.FAIL,
        ("applications.outcome.other.fee_unpaid.total",),
    )
    assert (finding.expected, finding.actual) == (0, 1)


def test_administrative_fees_are_not_the_information_processing_fees() -> None:
    pingtan = read((EXAMPLES / "pingtan-2022-annual-report.crawl.txt").read_text("utf-8"))
    [finding] = found(pingtan, "S2")
    assert (finding.status, finding.where.key) == (Status.NOTE, "proactive.fees.amount")
    assert "9116.36" in finding.message
    assert "不同的费用" in (finding.message_zh or "")
    assert found(read(BEIJING), "S2") == []  # fees 0, none charged


# --------------------------------------------------------------------------- S3


def test_a_table_section_with_its_heading_alone() -> None:
    report = read(between(BEIJING, THREE, FOUR, "\n"))
    [finding] = found(report, "S3")
    assert (finding.status, finding.where.table) == (Status.FAIL, "applications")
    assert finding.message_zh == f"“{THREE}”有标题，但无表格、无图片，也无说明没有此类情况的文字"


def test_a_table_section_that_says_there_were_none() -> None:
    text = between(BEIJING, THREE, FOUR, "本年度未收到政府信息公开申请。\n\n")
    text = between(text, FOUR, FIVE, "本年度未发生政府信息公开行政复议、行政诉讼案件。\n\n")
    report = read(text)
    assert found(report, "S3") == []
    assert ("applications.received.total", 0) in [(f.key, f.value) for f in report.stated]
    # Table 三 is gone, so nothing contradicts the first; table 四 is gone too.
    assert [f for f in govinfo.check(report) if f.rule in ("N1", "N4") and f.is_fail] == []


def test_a_table_section_that_points_to_a_table_elsewhere() -> None:
    [finding] = found(read(between(BEIJING, THREE, FOUR, "详见附表。\n\n")), "S3")
    assert (finding.status, finding.where.table) == (Status.UNCERTAIN, "applications")
    assert "详见附表" in (finding.message_zh or "")


def test_table_four_gone_without_a_word() -> None:
    [finding] = found(read(between(BEIJING, FOUR, FIVE, "\n")), "S3")
    assert (finding.status, finding.where.table) == (Status.FAIL, "appeals")


def test_a_translation_that_left_the_tables_out_is_uncertain() -> None:
    english = read((EXAMPLES / "beijing-ipo-2021-annual-report.en.txt").read_text("utf-8"))
    assert [(f.status, f.where.table) for f in found(english, "S3")] == [
        (Status.UNCERTAIN, "applications"),
        (Status.UNCERTAIN, "appeals"),
    ]


def test_tables_as_images_are_no_empty_sections() -> None:
    shanghai = read((EXAMPLES / "shanghai-ipo-2022-annual-report.zh.txt").read_text("utf-8"))
    assert found(shanghai, "S3") == []
