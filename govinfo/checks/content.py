"""What evaluators check of a report's content, beyond its numbers.

- S1: section 五 (the main problems and how they are being addressed) is there and says
  more than 无 or a sentence or two;
- S2: what the report says of the information-processing fees (section 六) agrees with the
  rest of it;
- S3: a section 三 or 四 heading has its table, an image of it, or a sentence saying there
  were none.

The words are the statute package's (:mod:`govinfo.statute.narrative`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from govinfo.checks.locations import row_location, table_location
from govinfo.model.cells import Amount, Count
from govinfo.model.documents import AnnualReport, Document, Section, StatedFigure
from govinfo.model.findings import Evidence, Finding, Location, Severity, Status
from govinfo.model.narrative import plain_text
from govinfo.model.tables import Table, TableUnavailable
from govinfo.statute import (
    ELSEWHERE,
    NOTHING,
    TableKey,
    counts_the_area,
    section_def,
    table_def,
)

# --------------------------------------------------------------------------- S1

#: Sentence ends, in Chinese and in English.
_SENTENCES = re.compile(r"[。！？!?；;\n]+|\.(?:\s+|$)")
#: A section 五 of at most this many sentences says too little to tell the problems and what
#: is done about them.
BRIEF_SENTENCES = 2


def says_nothing(section: Section) -> str | None:
    """What a section prints when it says it has nothing to report (无。, 无其他需要报告的事项,
    a signature after it), None when it says something."""
    text = plain_text(section.content).strip()
    first = re.split(r"(?<=[。；;])|\s", text, maxsplit=1)[0] if text else ""
    return first if first and NOTHING.match(first) else None


def _sentences(text: str) -> list[str]:
    return [s for s in (p.strip() for p in _SENTENCES.split(text)) if len(s) > 1]


def check_problems_section(document: Document) -> Iterator[Finding]:
    """S1: section 五 missing, empty, 无, or a sentence or two."""
    if not isinstance(document, AnnualReport):
        return
    section = document.section("problems")
    heading = section_def("problems").heading
    where = Location(
        section="problems", labels=(heading,), labels_en=(section.definition.label.en,)
    )
    text = plain_text(section.content).strip()
    if not section.present and sum(1 for s in document.sections if s.heading) < 2:
        # A text with one section heading or none (a page of a report, a picture of a table,
        # a fragment) may be part of a report: that it lacks section 五 cannot be told.
        yield Finding(
            "S1",
            Status.NOT_ASSESSABLE,
            Severity.INFO,
            f"the text has fewer than two section headings (a page or a part of a report): "
            f"whether the report has section {heading} cannot be told from it",
            where,
            message_zh=f"文本中的部分标题不足两个（报告的一页或一部分），"
            f"无法判断报告是否有第五部分“{heading}”",
        )
        return
    if not section.present:
        yield Finding(
            "S1",
            Status.FAIL,
            Severity.WARNING,
            f"the report has no section {heading} (the main problems and improvements)",
            where,
            message_zh=f"报告缺少第五部分“{heading}”",
        )
        return
    if not text:
        yield Finding(
            "S1",
            Status.FAIL,
            Severity.WARNING,
            f"section {heading} has a heading and nothing under it",
            where,
            message_zh=f"第五部分“{heading}”只有标题，没有内容",
        )
        return
    evidence = (Evidence("problems", text, section.source),)
    if NOTHING.match(text):
        yield Finding(
            "S1",
            Status.FAIL,
            Severity.WARNING,
            f"section {heading} says only “{text}”",
            where,
            message_zh=f"第五部分“{heading}”仅写“{text}”",
            evidence=evidence,
        )
        return
    sentences = _sentences(text)
    if len(sentences) <= BRIEF_SENTENCES:
        count = len(sentences)
        yield Finding(
            "S1",
            Status.NOTE,
            Severity.INFO,
            f"section {heading} is {'one sentence' if count == 1 else f'{count} sentences'} "
            f"({len(text)} characters): too little to state the problems and what is done about "
            "them",
            where,
            message_zh=f"第五部分“{heading}”仅 {count} 句（{len(text)} 字），不足以说明存在的问题"
            "及改进情况",
            evidence=evidence,
        )


# --------------------------------------------------------------------------- S2

_COLLECTED = "information_fees.collected"
_NOTICES = "information_fees.notices"


def _stated(document: AnnualReport, key: str) -> list[StatedFigure]:
    return [f for f in document.stated if f.key == key and f.claim is None]


def check_fees(document: Document) -> Iterator[Finding]:
    """S2: the information-processing fees the report says it charged, or did not."""
    if not isinstance(document, AnnualReport):
        return
    other = document.section("other")
    heading = section_def("other").heading
    said_nothing = says_nothing(other)
    collected = _stated(document, _COLLECTED)
    none_collected = [f for f in collected if f.value == 0]
    charged = [f for f in collected if f.value > 0]
    notices = _stated(document, _NOTICES)
    no_notices = [f for f in notices if f.value == 0]
    where = Location(section="other", labels=(heading,), labels_en=(other.definition.label.en,))
    if charged and (none_collected or said_nothing):
        denial = none_collected[0].text if none_collected else f"section {heading}: {said_nothing}"
        denial_zh = none_collected[0].text if none_collected else f"第六部分：{said_nothing}"
        fee = charged[0]
        yield Finding(
            "S2",
            Status.FAIL,
            Severity.WARNING,
            f"the narrative states information-processing fees of {fee.value} ({fee.text}) and "
            f"also that none were charged ({denial})",
            where,
            message_zh=f"正文称收取信息处理费 {fee.value}（{fee.text}），又称未收取（{denial_zh}）",
            evidence=tuple(Evidence(f.key, f.text, f.source) for f in (fee, *none_collected[:1])),
        )
    applications = document.table("applications")
    if no_notices and isinstance(applications, Table) and applications.version == "2021":
        cell = applications["outcome.other.fee_unpaid.total"]
        if isinstance(cell, Count) and cell.value > 0:
            notice = no_notices[0]
            definition = applications.definition
            row = definition.row("outcome.other.fee_unpaid")
            yield Finding(
                "S2",
                Status.FAIL,
                Severity.WARNING,
                f"the narrative says no fee notice was issued ({notice.text}); table 三 counts "
                f"{cell.value} applications not processed because the notified fee was not paid",
                row_location(definition, row, row.column("total")),
                message_zh=f"正文称未发出收费通知（{notice.text}）；表三“{row.label.zh}”为 "
                f"{cell.value}，即曾发出收费通知",
                expected=0,
                actual=cell.value,
                difference=cell.value,
                cells=("applications.outcome.other.fee_unpaid.total",),
                evidence=(
                    Evidence(notice.key, notice.text, notice.source),
                    Evidence("applications.outcome.other.fee_unpaid.total", cell.raw, cell.source),
                ),
            )
    yield from _administrative_fees(document, none_collected)


def _administrative_fees(
    document: AnnualReport, none_collected: list[StatedFigure]
) -> Iterator[Finding]:
    """A note where table 二 reports 行政事业性收费 and the narrative says no information-
    processing fee was charged: they are different fees, and neither contradicts the other."""
    proactive = document.table("proactive")
    amount: Decimal | None = None
    evidence: Evidence | None = None
    if isinstance(proactive, Table) and proactive.definition.has_row("fees"):
        row = proactive.definition.row("fees")
        if "amount" in row.column_keys:
            cell = proactive["fees.amount"]
            if isinstance(cell, Amount):
                amount = cell.value
                evidence = Evidence("proactive.fees.amount", cell.raw, cell.source)
    stated = [f for f in document.stated if f.key == "proactive.fees.amount"]
    if amount is None and stated:
        amount = Decimal(stated[0].value)
        evidence = Evidence(stated[0].key, stated[0].text, stated[0].source)
    if amount is None or evidence is None:
        return
    definition = table_def("proactive", "2021")
    where = row_location(
        definition, definition.row("fees"), definition.row("fees").column("amount")
    )
    if amount > 0 and none_collected:
        denial = none_collected[0]
        yield Finding(
            "S2",
            Status.NOTE,
            Severity.INFO,
            f"table 二 reports administrative fees (行政事业性收费) of {amount} (10,000 yuan) and "
            f"the narrative says no information-processing fee was charged ({denial.text}): "
            "different fees (Art. 20(8) and 国办函〔2020〕109号), not a contradiction",
            where,
            message_zh=f"表二行政事业性收费为 {amount} 万元，正文称未收取信息处理费"
            f"（{denial.text}）：二者为不同的费用（条例第二十条第（八）项与国办函〔2020〕109号），并不矛盾",
            cells=("proactive.fees.amount",),
            evidence=(evidence, Evidence(denial.key, denial.text, denial.source)),
        )


# --------------------------------------------------------------------------- S3

#: For each table section, sets of quantities a figure of 0 for each of which says there was
#: nothing to count (未收到政府信息公开申请; 行政复议0件，行政诉讼0件).
_NONE_BY_TABLE: dict[TableKey, tuple[frozenset[str], ...]] = {
    "applications": (frozenset({"applications.received.total"}),),
    "appeals": (
        frozenset({"appeals.*.total"}),
        frozenset({"appeals.reconsideration.total", "appeals.litigation.total"}),
    ),
}


def _says_none(document: AnnualReport, key: TableKey) -> bool:
    """Whether the section says it is empty (无) or the narrative says there was none."""
    section = next(s for s in document.sections if s.definition.table == key)
    if says_nothing(section):
        return True
    own = counts_the_area(document.metadata.agency)
    zero = {f.key for f in document.stated if f.value == 0 and (f.scope is None or own)}
    return any(keys <= zero for keys in _NONE_BY_TABLE[key])


def check_table_sections(document: Document) -> Iterator[Finding]:
    """S3: a section 三 or 四 heading with neither table nor image nor a sentence saying
    there were none."""
    if not isinstance(document, AnnualReport):
        return
    for key in ("applications", "appeals"):
        section = next(s for s in document.sections if s.definition.table == key)
        table = section.table
        if section.heading is None or not isinstance(table, TableUnavailable):
            continue
        if table.reason != "absent" or table.images or _says_none(document, key):
            continue
        heading = section.definition.heading
        where = table_location(table_def(key, "2021"))
        pointer = ELSEWHERE.search(plain_text(section.content))
        if pointer is not None:
            yield Finding(
                "S3",
                Status.UNCERTAIN,
                Severity.INFO,
                f"section {heading} has no table in the text but refers to one elsewhere "
                f"({pointer.group(0)}), which was not read",
                where,
                message_zh=f"“{heading}”文中无表格，但称表格另见（{pointer.group(0)}），未能读取",
            )
            continue
        if document.metadata.language == "en":
            yield Finding(
                "S3",
                Status.UNCERTAIN,
                Severity.INFO,
                f"section {heading} has its heading and neither its table nor an image nor a "
                "sentence saying there were none; a translation may have left the table out",
                where,
                message_zh=f"“{heading}”有标题，但无表格、无图片，也无说明没有此类情况的文字；"
                "译文可能略去了表格",
            )
            continue
        yield Finding(
            "S3",
            Status.FAIL,
            Severity.WARNING,
            f"section {heading} has its heading and neither its table nor an image nor a "
            "sentence saying there were none",
            where,
            message_zh=f"“{heading}”有标题，但无表格、无图片，也无说明没有此类情况的文字",
        )
