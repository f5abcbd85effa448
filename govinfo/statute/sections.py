"""The sections of the documents the statute prescribes: their headings and order.

Sources: 《中华人民共和国政府信息公开条例》 Art. 50 and the format 国办公开办函〔2021〕30号 for
the annual report's six sections; 厅字〔2019〕28号 for the five contents of the rule-of-law
report.
"""

from __future__ import annotations

import attrs

from govinfo.statute.labels import ZH_NUMERALS, Label, TableKey


@attrs.frozen(cache_hash=True)
class SectionDef:
    """One of the six statutory sections of the annual report."""

    key: str
    number: int
    label: Label
    table: TableKey | None = None
    #: Other wordings of the heading seen in real reports (without the numeral).
    variants: tuple[str, ...] = ()
    #: Words a heading of this section contains, every one of them, in Chinese (the rule-of-law
    #: report's headings are recognised by these alone)...
    keywords: tuple[str, ...] = ()
    #: ... and in the English translations seen (any one group, all words of it).
    keywords_en: tuple[tuple[str, ...], ...] = ()
    #: A section the document may leave empty (the rule-of-law report's 其他需要报告的情况).
    optional: bool = False

    @property
    def heading(self) -> str:
        """The heading as the format prints it, with its numeral: 一、总体情况."""
        return f"{ZH_NUMERALS[self.number]}、{self.label.zh}"


# --------------------------------------------------------------------------- sections

ANNUAL_REPORT_SECTIONS: tuple[SectionDef, ...] = (
    SectionDef(
        "general",
        1,
        Label("总体情况", "General situation"),
        keywords=("总体",),
        keywords_en=(("general",), ("overall",)),
    ),
    SectionDef(
        "proactive",
        2,
        Label("主动公开政府信息情况", "Proactive disclosure of government information"),
        table="proactive",
        variants=("行政机关主动公开政府信息情况",),
        keywords=("主动公开",),
        keywords_en=(("initiative", "disclos"), ("proactive",), ("active", "disclos")),
    ),
    SectionDef(
        "applications",
        3,
        Label(
            "收到和处理政府信息公开申请情况",
            "Applications for government information received and handled",
        ),
        table="applications",
        keywords=("申请",),
        keywords_en=(("application",),),
    ),
    SectionDef(
        "appeals",
        4,
        Label(
            "政府信息公开行政复议、行政诉讼情况",
            "Administrative reconsideration and litigation over government information",
        ),
        table="appeals",
        keywords=("复议", "诉讼"),
        keywords_en=(("reconsideration",), ("litigation",)),
    ),
    SectionDef(
        "problems",
        5,
        Label("存在的主要问题及改进情况", "Main problems and improvements"),
        variants=("政府信息公开工作存在的主要问题及改进情况", "存在的主要问题及整改措施"),
        keywords=("问题",),
        keywords_en=(("problem",),),
    ),
    SectionDef(
        "other",
        6,
        Label("其他需要报告的事项", "Other matters to report"),
        keywords=("其他", "报告"),
        keywords_en=(("other", "matter"),),
    ),
)

RULE_OF_LAW_SECTIONS: tuple[SectionDef, ...] = (
    SectionDef(
        "measures",
        1,
        Label(
            "上一年度推进法治政府建设的主要举措和成效",
            "Main measures and results in building rule-of-law government last year",
        ),
        keywords=("举措", "成效"),
    ),
    SectionDef(
        "shortfalls",
        2,
        Label("存在的不足和原因", "Shortfalls and their causes"),
        keywords=("不足",),
    ),
    SectionDef(
        "leadership",
        3,
        Label(
            "党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况",
            "How the principal Party and government leaders fulfilled their duty as first "
            "responsible persons for the rule of law",
        ),
        keywords=("第一责任人",),
    ),
    SectionDef(
        "plans",
        4,
        Label(
            "下一年度推进法治政府建设的主要安排",
            "Main arrangements for building rule-of-law government next year",
        ),
        keywords=("安排",),
    ),
    SectionDef(
        "other",
        5,
        Label("其他需要报告的情况", "Other matters to report"),
        keywords=("其他",),
        optional=True,
    ),
)


def section_def(key: str) -> SectionDef:
    for section in ANNUAL_REPORT_SECTIONS:
        if section.key == key:
            return section
    raise KeyError(key)


def section_for_table(key: TableKey) -> SectionDef:
    for section in ANNUAL_REPORT_SECTIONS:
        if section.table == key:
            return section
    raise KeyError(key)
