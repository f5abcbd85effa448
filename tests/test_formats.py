"""The format definitions against the statutory format, label by label."""

from __future__ import annotations

import pytest

from govinfo.statute import (
    ANNUAL_REPORT_SECTIONS,
    FORMAT_VERSIONS,
    RULE_OF_LAW_SECTIONS,
    CellKind,
    RowRole,
    all_cell_keys,
    table_def,
)


def test_six_sections_with_their_headings_and_tables() -> None:
    assert [s.heading for s in ANNUAL_REPORT_SECTIONS] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert [s.table for s in ANNUAL_REPORT_SECTIONS] == [
        None,
        "proactive",
        "applications",
        "appeals",
        None,
        None,
    ]


def test_rule_of_law_report_has_five_mandated_sections() -> None:
    assert [s.label.zh for s in RULE_OF_LAW_SECTIONS] == [
        "上一年度推进法治政府建设的主要举措和成效",
        "存在的不足和原因",
        "党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况",
        "下一年度推进法治政府建设的主要安排",
        "其他需要报告的情况",
    ]


def test_table_two_2021_blocks_columns_rows() -> None:
    table = table_def("proactive", "2021")
    blocks = [
        (r.block.zh if r.block else None, r.label.zh, [c.label.zh for c in r.columns])
        for r in table.rows
    ]
    docs = ["本年制发件数", "本年废止件数", "现行有效件数"]
    assert blocks == [
        ("第二十条第（一）项", "规章", docs),
        ("第二十条第（一）项", "行政规范性文件", docs),
        ("第二十条第（五）项", "行政许可", ["本年处理决定数量"]),
        ("第二十条第（六）项", "行政处罚", ["本年处理决定数量"]),
        ("第二十条第（六）项", "行政强制", ["本年处理决定数量"]),
        ("第二十条第（八）项", "行政事业性收费", ["本年收费金额（单位：万元）"]),
    ]
    fee = table.row("fees").column("amount")
    assert (fee.kind, fee.unit) == (CellKind.AMOUNT, "万元")


def test_table_two_2019_blocks_columns_rows() -> None:
    table = table_def("proactive", "2019")
    rows = {
        r.label.zh: (r.block.zh if r.block else None, [c.label.zh for c in r.columns])
        for r in table.rows
    }
    assert rows == {
        "规章": ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"]),
        "规范性文件": (
            "第二十条第（一）项",
            ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ),
        "行政许可": ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"]),
        "其他对外管理服务事项": (
            "第二十条第（五）项",
            ["上一年项目数量", "本年增/减", "处理决定数量"],
        ),
        "行政处罚": ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"]),
        "行政强制": ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"]),
        "行政事业性收费": ("第二十条第（八）项", ["上一年项目数量", "本年增/减"]),
        "政府集中采购": ("第二十条第（九）项", ["采购项目数量", "采购总金额"]),
    }
    assert table.row("licensing").column("change").kind is CellKind.CHANGE
    procurement = table.row("procurement").column("amount")
    assert (procurement.kind, procurement.unit) == (CellKind.AMOUNT, None)


@pytest.mark.parametrize("version", FORMAT_VERSIONS)
def test_table_three_seven_columns(version: str) -> None:
    table = table_def("applications", version)  # type: ignore[arg-type]
    for row in table.rows:
        assert [c.label.zh for c in row.columns] == [
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "总计",
        ]
        assert [g.zh for c in row.columns[1:6] for g in c.groups] == ["法人或其他组织"] * 5
    assert table.corner is not None
    assert table.corner.zh == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


COMMON_ROWS = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
]


def test_table_three_rows_2019() -> None:
    labels = [r.label.zh for r in table_def("applications", "2019").rows]
    assert labels == [*COMMON_ROWS, "（六）其他处理", "（七）总计", "四、结转下年度继续办理"]


def test_table_three_rows_2021_split_other_handling() -> None:
    table = table_def("applications", "2021")
    assert [r.label.zh for r in table.rows] == [
        *COMMON_ROWS,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
        "（七）总计",
        "四、结转下年度继续办理",
    ]
    assert [g.zh for g in table.row("outcome.other.fee_unpaid").groups] == [
        "三、本年度办理结果",
        "（六）其他处理",
    ]
    assert [r.key for r in table.rows if r.optional] == ["outcome.other.other"]


def test_table_three_roles_drive_the_arithmetic() -> None:
    table = table_def("applications", "2021")
    assert [r.key for r in table.rows_with_role(RowRole.RECEIVED)] == ["received"]
    assert [r.key for r in table.rows_with_role(RowRole.OUTCOME_TOTAL)] == ["outcome.total"]
    assert len(table.rows_with_role(RowRole.OUTCOME)) == 21


@pytest.mark.parametrize("version", FORMAT_VERSIONS)
def test_table_four_fifteen_cells(version: str) -> None:
    table = table_def("appeals", version)  # type: ignore[arg-type]
    cells = [
        ([g.zh for g in r.groups] + [r.label.zh], c.label.zh) for r in table.rows for c in r.columns
    ]
    assert len(cells) == 15
    assert [c for _, c in cells[:5]] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert [path for path, _ in cells[::5]] == [
        ["行政复议"],
        ["行政诉讼", "未经复议直接起诉"],
        ["行政诉讼", "复议后起诉"],
    ]


@pytest.mark.parametrize("version", FORMAT_VERSIONS)
def test_cell_keys_unique_and_dotted(version: str) -> None:
    keys = list(all_cell_keys(version))  # type: ignore[arg-type]
    assert len(keys) == len(set(keys))
    assert "applications.received.total" in keys
    assert "appeals.litigation_after.pending" in keys
    assert all(k.count(".") >= 2 for k in keys)


def test_every_label_has_english() -> None:
    for version in FORMAT_VERSIONS:
        for key in ("proactive", "applications", "appeals"):
            table = table_def(key, version)
            for row in table.rows:
                assert row.label.en
                assert all(c.label.en for c in row.columns)
