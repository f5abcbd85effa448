"""The Beijing IPO 2021 annual report (examples/beijing-ipo-2021-annual-report.zh.txt), built by
hand in Python: every number below was copied from the document, cell by cell."""

from __future__ import annotations

from decimal import Decimal

from govinfo import AnnualReport, AnnualReportMetadata, Paragraph, Section, Table

Z7 = (0, 0, 0, 0, 0, 0, 0)

PROACTIVE = Table.from_rows(
    "proactive",
    "2021",
    {
        "rules": (0, 0, 0),
        "normative_documents": (4, 1, 31),
        "licensing": (0,),
        "penalties": (7,),
        "coercion": (0,),
        "fees": (Decimal("0"),),
    },
)

# Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
APPLICATIONS = Table.from_rows(
    "applications",
    "2021",
    {
        "received": (5, 0, 0, 0, 1, 0, 6),
        "carried_over": Z7,
        "outcome.disclosed": (2, 0, 0, 0, 0, 0, 2),
        "outcome.partially_disclosed": Z7,
        "outcome.withheld.state_secret": Z7,
        "outcome.withheld.prohibited_by_law": Z7,
        "outcome.withheld.three_securities": (1, 0, 0, 0, 0, 0, 1),
        "outcome.withheld.third_party": Z7,
        "outcome.withheld.internal_affairs": Z7,
        "outcome.withheld.process_information": Z7,
        "outcome.withheld.enforcement_files": Z7,
        "outcome.withheld.inquiry_matters": Z7,
        "outcome.unavailable.not_held": (2, 0, 0, 0, 0, 0, 2),
        "outcome.unavailable.needs_creation": Z7,
        "outcome.unavailable.still_unclear": (0, 0, 0, 0, 1, 0, 1),
        "outcome.not_processed.petition": Z7,
        "outcome.not_processed.duplicate": Z7,
        "outcome.not_processed.publication": Z7,
        "outcome.not_processed.excessive": Z7,
        "outcome.not_processed.confirmation": Z7,
        # The report prints rows 1 and 2 of （六）其它处理 only: row 3 is absent.
        "outcome.other.no_correction": Z7,
        "outcome.other.fee_unpaid": Z7,
        "outcome.total": (5, 0, 0, 0, 1, 0, 6),
        "carried_forward": Z7,
    },
)

# 行政复议 | 未经复议直接起诉 | 复议后起诉: 维持, 纠正, 其他, 尚未审结, 总计.
APPEALS = Table.from_rows(
    "appeals",
    "2021",
    {
        "reconsideration": (1, 0, 0, 0, 1),
        "litigation_direct": (0, 0, 0, 0, 0),
        "litigation_after": (0, 0, 0, 0, 0),
    },
)


def build() -> AnnualReport:
    return AnnualReport.build(
        AnnualReportMetadata(
            agency="北京市知识产权局",
            year=2021,
            language="zh",
            title="2021年政府信息公开工作年度报告",
            format_version="2021",
        ),
        {
            "problems": Section(
                "problems",
                "五、存在的主要问题及改进情况",
                tuple(
                    Paragraph(text)
                    for text in (
                        "一是政务公开精准化程度需持续深化。改进措施：坚持以服务为民为导向，及时"
                        "通过网站、微信公众号、政策培训等渠道，向企业公众主动推送政策信息，提供"
                        "政策解读，实现政策信息精准定制和送达，重点做好知识产权公共服务领域的"
                        "公开工作。",
                        "二是信息公开培训力度需持续加强。改进措施：进一步加强宣传教育培训，组织"
                        "学习《政府信息公开条例》等相关规定，提高干部思想认识，提高信息报送的积极"
                        "性、主动性，提升信息公开质量。",
                    )
                ),
            ),
            "other": Section(
                "other",
                "六、其他需要报告的事项",
                (Paragraph("2021年我局发出收费通知的件数和总金额以及实际收取的总金额均为0。"),),
            ),
        },
        tables={"proactive": PROACTIVE, "applications": APPLICATIONS, "appeals": APPEALS},
    )
