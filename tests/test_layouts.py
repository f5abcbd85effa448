"""Tables and documents in the layouts real copies take: each built from a real example by
changing only what the layout changes, and read back to the example's cells."""

from __future__ import annotations

import re

import opencc
import pytest
from conftest import EXAMPLES

import govinfo
from govinfo import AnnualReport, Status, Table

BEIJING = (EXAMPLES / "beijing-ipo-2021-annual-report.zh.txt").read_text(encoding="utf-8")
SHANGHAI = (EXAMPLES / "shanghai-govoffice-2025-annual-report.pdf-extract.md").read_text("utf-8")


def read(text: str) -> AnnualReport:
    report = govinfo.read(text)
    assert isinstance(report, AnnualReport)
    return report


def cells(report: AnnualReport, key: str) -> list[object]:
    table = report.table(key)  # type: ignore[arg-type]
    assert isinstance(table, Table), table
    return [getattr(ref.cell, "value", None) for ref in table.cells()]


def replace_section(text: str, heading: str, next_heading: str, body: str) -> str:
    start = text.index(heading)
    return text[:start] + body + text[text.index(next_heading, start) :]


BEIJING_REPORT = read(BEIJING)


def test_table_four_as_three_small_tables() -> None:
    body = "四、政府信息公开行政复议、行政诉讼情况\n\n" + "\n\n".join(
        f"{name}\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n| {values} |"
        for name, values in (
            ("行政复议", "27 | 10 | 9 | 15 | 61"),
            ("未经复议直接起诉", "1 | 2 | 3 | 4 | 10"),
            ("复议后起诉", "0 | 0 | 1 | 1 | 2"),
        )
    )
    report = read(replace_section(BEIJING, "四、政府信息公开", "五、", body + "\n\n"))
    assert cells(report, "appeals") == [27, 10, 9, 15, 61, 1, 2, 3, 4, 10, 0, 0, 1, 1, 2]


def test_table_four_with_a_header_shorter_than_its_values() -> None:
    body = (
        "四、政府信息公开行政复议、行政诉讼情况\n| 行政复议 | 行政诉讼 |\n"
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n"
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
        "| 27 | 10 | 9 | 15 | 61 | 1 | 2 | 3 | 4 | 10 | 0 | 0 | 1 | 1 | 2 |\n\n"
    )
    report = read(replace_section(BEIJING, "四、政府信息公开", "五、", body))
    assert cells(report, "appeals") == [27, 10, 9, 15, 61, 1, 2, 3, 4, 10, 0, 0, 1, 1, 2]


_PROACTIVE = """二、主动公开政府信息情况
| 第二十条第（一）项 |
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 4 | 1 | 31 |
{extra}| 第二十条第（五）项 |
| 信息内容 | 本年处理决定数量 |
| 行政许可 | 0 |
| 第二十条第（六）项 |
| 信息内容 | 本年处理决定数量 |
| 行政处罚 | 7 |
| 行政强制 | 0 |
| 第二十条第（八）项 |
| 信息内容 | 本年收费金额（单位：万元） |
| 行政事业性收费 | 0 |

"""


def test_table_two_with_a_row_the_format_does_not_have() -> None:
    extra = "| 其他主动公开文件 | 12 | 0 | 30 |\n"
    report = read(
        replace_section(BEIJING, "二、主动公开", "三、收到", _PROACTIVE.format(extra=extra))
    )
    assert cells(report, "proactive") == cells(BEIJING_REPORT, "proactive")
    assert any("其他主动公开文件" in n.message for n in report.notes)


def test_table_two_one_cell_per_line_with_a_stray_bar() -> None:
    lines = [line.strip("| ").split(" | ") for line in _PROACTIVE.format(extra="").splitlines()]
    body = "\n".join(f"{cell} |" for line in lines[1:] for cell in line if cell) + "\n\n"
    report = read(
        replace_section(BEIJING, "二、主动公开", "三、收到", "二、主动公开政府信息情况\n" + body)
    )
    assert cells(report, "proactive") == cells(BEIJING_REPORT, "proactive")


def test_table_two_in_the_2019_layout_in_a_later_report() -> None:
    old = """二、主动公开政府信息情况
| 第二十条第（一）项 |
| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
| 规章 | 0 | 0 | 0 |
| 规范性文件 | 4 | 4 | 20 |
| 第二十条第（五）项 |
| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
| 行政许可 | 10 | -2 | 86 |
| 其他对外管理服务事项 | 0 | 0 | 0 |
| 第二十条第（六）项 |
| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
| 行政处罚 | 5 | +1 | 3 |
| 行政强制 | 0 | 0 | 0 |
| 第二十条第（八）项 |
| 信息内容 | 上一年项目数量 | 本年增/减 |
| 行政事业性收费 | 0 | 0 |
| 第二十条第（九）项 |
| 信息内容 | 采购项目数量 | 采购总金额 |
| 政府集中采购 | 2 | 251000元 |

"""
    report = read(replace_section(BEIJING, "二、主动公开", "三、收到", old))
    table = report.table("proactive")
    assert isinstance(table, Table)
    assert table.version == "2019"
    assert report.metadata.format_version == "2021"  # told by table 三
    assert cells(report, "proactive")[6:9] == [10, -2, 86]
    v1 = [f for f in govinfo.check(report) if f.rule == "V1"]
    assert [f.status for f in v1] == [Status.FAIL]


def _without_headings(text: str) -> str:
    headings = r"一、总体情况|二、主动公开政府信息情况|三、收到和处理政府信息公开申请情况|四、政府信息公开行政复议、行政诉讼情况|六、其他需要报告的事项"  # noqa: E501
    return "\n".join(line for line in text.split("\n") if not re.fullmatch(headings, line.strip()))


def test_a_conversion_with_no_section_headings_is_read_by_its_tables() -> None:
    expected = read(SHANGHAI)
    report = read(_without_headings(SHANGHAI))
    for key in ("proactive", "applications", "appeals"):
        assert cells(report, key) == cells(expected, key), key
    assert report.section("general").content  # the text before the first table
    assert any("recognised by its table's labels" in n.message for n in report.notes)


def test_a_narrative_that_numbers_its_own_parts() -> None:
    expected = read(SHANGHAI)
    text = SHANGHAI.replace("一、总体情况", "一、工作概况", 1).replace(
        "二、主动公开政府信息情况",
        "二、工作机制保障\n本办健全工作机制。\n三、主动公开政府信息情况",
        1,
    )
    report = read(text)
    for key in ("proactive", "applications", "appeals"):
        assert cells(report, key) == cells(expected, key), key


def test_a_mirror_in_traditional_characters_with_taiwan_usage() -> None:
    text = opencc.OpenCC("s2twp").convert(BEIJING)
    assert "行政規範性檔案" in text
    report = read(text)
    for key in ("proactive", "applications", "appeals"):
        assert cells(report, key) == cells(BEIJING_REPORT, key), key
    # The document keeps the text as printed.
    assert report.section("general").heading == "一、總體情況"
    assert report.metadata.year == 2021


def test_a_mirror_with_pinyin_injected_after_characters() -> None:
    pinyin = {"信": "xin", "息": "xi", "公": "gong", "开": "kai", "申": "shen", "请": "qing"}
    text = re.sub("[信息公开申请]", lambda m: f"{m.group()}({pinyin[m.group()]})", BEIJING)
    report = read(text)
    for key in ("proactive", "applications", "appeals"):
        assert cells(report, key) == cells(BEIJING_REPORT, key), key
    assert any(d.reason == "pinyin injected after characters" for d in report.dropped)


@pytest.mark.parametrize(
    ("title", "agency"),
    [
        ("现公开孝感市人民政府办公室2022年政府信息公开工作年度报告", "孝感市人民政府办公室"),
        ("现公布区统计局2022年度政府信息公开工作年度报告", "区统计局"),
        ("平潭综合实验区海坛片区管理局 关于2022年度政府信息公开工作年度报告",
         "平潭综合实验区海坛片区管理局"),
    ],
)  # fmt: skip
def test_the_agency_without_lead_in_words(title: str, agency: str) -> None:
    text = title + "\n" + BEIJING[BEIJING.index("一、总体情况") :]
    assert read(text).metadata.agency == agency


@pytest.mark.parametrize(
    "period",
    ["本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。", "数据截止2023年12月31日。"],
)
def test_the_year_from_the_statistics_period(period: str) -> None:
    start = BEIJING.index("一、总体情况")
    text = "某某局政府信息公开工作年度报告\n" + period + "\n" + BEIJING[start:]
    assert read(text).metadata.year == 2023


def test_an_annual_report_that_mentions_the_key_points() -> None:
    text = BEIJING.replace(
        "一、总体情况",
        "根据《2021年政务公开工作要点》要求，现将本局年度报告公布如下。\n一、总体情况",
        1,
    )
    assert read(text).kind == "annual_report"


def _group_six_as_one_row(values: list[str]) -> str:
    """Beijing's report with （六）其他处理 printed as one row of seven values, as the 2019
    format prints it, its three rows left out."""
    start, end = BEIJING.index("\t（六）其它"), BEIJING.index("\t（七）总计")
    row = "\t（六）其他处理\n" + "".join(f"\t{v}\n" for v in values) + "\n"
    return BEIJING[:start] + row + BEIJING[end:]


def test_group_six_printed_as_one_row_of_zeros_in_a_2021_report() -> None:
    report = read(_group_six_as_one_row(["0"] * 7))
    table = report.table("applications")
    assert isinstance(table, Table)
    assert table.version == "2021"  # the other labels fit both versions; the year decides
    for row in ("no_correction", "fee_unpaid", "other"):
        cell = table[f"outcome.other.{row}.natural_person"]
        assert (getattr(cell, "value", None), getattr(cell, "decided_by", None)) == (
            0,
            "arithmetic",
        )
    before = BEIJING_REPORT.table("applications")
    assert isinstance(before, Table)
    values = {ref.key: getattr(ref.cell, "value", None) for ref in table.cells()}
    # The same cells as printed, and 3.其他, which Beijing does not print, now read as 0 too.
    assert values == {
        **{ref.key: getattr(ref.cell, "value", None) for ref in before.cells()},
        **{
            f"applications.outcome.other.other.{c.key}": 0
            for c in before.definition.rows[0].columns
        },
    }
    assert any("（六）其他处理：印作一行" in (n.message_zh or "") for n in report.notes)
    assert not [f for f in govinfo.check(report) if f.status is Status.FAIL]


def test_group_six_printed_as_one_row_of_counts_leaves_its_rows_unreadable() -> None:
    report = read(_group_six_as_one_row(["2", "0", "0", "0", "0", "0", "2"]))
    table = report.table("applications")
    assert isinstance(table, Table)
    for row in ("no_correction", "fee_unpaid", "other"):
        cell = table[f"outcome.other.{row}.natural_person"]
        assert isinstance(cell, govinfo.Unreadable)
        assert cell.raw == "2"
        assert getattr(table[f"outcome.other.{row}.business"], "value", None) == 0


def test_a_row_label_printed_with_characters_missing() -> None:
    misprinted = BEIJING.replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
    report = read(misprinted)
    assert cells(report, "applications") == cells(BEIJING_REPORT, "applications")
    note = next(n for n in report.notes if "印作“2.其他法律行政止公开”" in (n.message_zh or ""))
    assert note.keys[0] == "applications.outcome.withheld.prohibited_by_law.natural_person"
