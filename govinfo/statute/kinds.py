"""The kinds of document the statute prescribes, and what marks a text as one of them.

Readers use the markers to say how sure they are that an input is theirs; the assembler
weighs them, with the statutory tables, to tell which kind a text is.
"""

from __future__ import annotations

from collections.abc import Mapping

from govinfo.statute.labels import DocumentKind, Label, TableKey

KIND_LABELS: Mapping[DocumentKind, Label] = {
    "annual_report": Label(
        "政府信息公开工作年度报告", "Annual report on government information disclosure"
    ),
    "key_points": Label("政务公开工作要点", "Key points of government affairs disclosure"),
    "rule_of_law_report": Label(
        "法治政府建设年度情况报告", "Annual report on building rule-of-law government"
    ),
}

#: Words of the annual report's section headings (Chinese, then the English of machine
#: translations, lower case): a text with several of them is likely a report.
ANNUAL_REPORT_MARKERS: tuple[str, ...] = (
    "总体情况",
    "主动公开",
    "收到和处理",
    "行政复议",
    "存在的主要问题",
    "其他需要报告",
    "general situation",
    "other matters",
    "reconsideration",
    "main problems",
)

#: Labels only each statutory table prints, those that open it first: a text that has one
#: has that table, whatever its headings say, and the table begins where the first stands.
TABLE_MARKERS: Mapping[TableKey, tuple[str, ...]] = {
    "proactive": ("第二十条第（一）项", "第二十条第（五）项", "本年制发件数", "本年新制作数量"),
    "applications": (
        "（本列数据的勾稽关系为",
        "（本列数据的钩稽关系为",
        "申请人情况",
        "本年新收政府信息公开申请数量",
        "上年结转政府信息公开申请数量",
    ),
    "appeals": ("行政复议行政诉讼", "未经复议直接起诉", "复议后起诉"),
}

#: How the title of each kind ends, as printed (the agency and the year stand before it).
TITLE_ENDINGS: Mapping[DocumentKind, str] = {
    "annual_report": r"(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)",
    "rule_of_law_report": r"法治政府建设(?:工作)?年度(?:情况)?报告",
    "key_points": r"政务公开工作要点",
}

#: Words (folded) that say a text is key points, or a rule-of-law report, wherever they stand
#: in its opening: (all words of any one group).
KIND_WORDS: Mapping[DocumentKind, tuple[tuple[str, ...], ...]] = {
    "key_points": (
        ("政务公开工作要点",),
        ("keypointsofgovernmentaffairsdisclosure",),
        ("govermentaffairsdisclosurework",),
        ("keypoints", "governmentaffairsdisclosure"),
    ),
    "rule_of_law_report": (("法治政府建设", "情况报告"),),
}
