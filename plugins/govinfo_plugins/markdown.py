"""The Markdown reporter: the whole document, readable on GitHub and in any editor.

Pipe tables cannot merge cells, so a row carries the group labels above it
(``三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密``).  Labels come from the format
definitions through :mod:`govinfo.report.present`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from govinfo.checks import suspect_cells
from govinfo.model.documents import AnnualReport, Document, KeyPoints, RuleOfLawReport
from govinfo.model.findings import Finding
from govinfo.model.narrative import Item, NarrativeBlock, Paragraph
from govinfo.model.tables import Table
from govinfo.plugin.specs import Options, ReporterSpec, hookimpl
from govinfo.report import present as p
from govinfo.report.verdicts import document_line, shown, table_verdicts
from govinfo.statute import RULE_OF_LAW_SECTIONS, Label

_FINDINGS = {"zh": "检查结果", "en": "Findings"}
_NONE = {"zh": "无", "en": "none"}
_MISSING = {"zh": "（原文无此标题）", "en": "(no heading in the source)"}


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def _table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    lines = [
        "| " + " | ".join(_escape(h) for h in header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(_escape(c) for c in row) + " |" for row in rows]
    return lines


def _narrative(blocks: Iterable[NarrativeBlock], depth: int = 0) -> list[str]:
    out: list[str] = []
    indent = "  " * depth
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(f"{indent}{block.text}" if depth else block.text)
            out.append("")
        elif isinstance(block, Item):
            out.append(f"{indent}- **{block.marker}{block.heading}**")
            out.append("")
            out += _narrative(block.content, depth + 1)
    return out


def statutory_table(
    table: Table,
    lang: p.Lang,
    flagged: dict[str, list[Finding]],
    suspects: frozenset[str] = frozenset(),
) -> list[str]:
    """A statutory table as pipe tables, one per block: each cell its value or mark (— not
    reported, ? unreadable, its text then given under the table); cells a finding involves
    are marked ⚠, the cell where a failing row meets a failing column ‼."""
    out: list[str] = []
    for block in p.row_groups(table):
        heading = p.group_heading(block, lang)
        if heading:
            out += [f"**{heading}**", ""]
        stub = table.definition.stub_label
        header = [p.text(stub, lang) if stub is not None else ""]
        header += [p.column_path(c, lang) for c in block.columns]
        rows = []
        for row, cells in block.rows:
            values = []
            for column, cell in zip(row.columns, cells, strict=True):
                key = f"{table.key}.{row.key}.{column.key}"
                value = p.value_text(cell, column)
                if key in flagged or key in suspects:
                    value = f"**{value}**"  # (in bold, and marked)
                values.append(p.with_marks(value, key, flagged, suspects))
            rows.append([p.row_path(row, lang), *values])
        out += [*_table(header, rows), ""]
    unread = p.unread_texts(table)
    if unread:
        out += [f"- {_escape(p.unread_line(item, lang))}" for item in unread]
        out.append("")
    return out


def _findings(findings: Iterable[Finding], lang: p.Lang) -> list[str]:
    rows = [
        [f.rule, p.text(p.STATUS_LABELS[f.status], lang), f.where.key or "", f.text(lang)]
        for f in findings
    ]
    header = (
        ["规则", "状态", "位置", "说明"] if lang == "zh" else ["Rule", "Status", "Where", "Message"]
    )
    return [*_table(header, rows), ""] if rows else [_NONE[lang], ""]


def _annual(
    document: AnnualReport, findings: tuple[Finding, ...], lang: p.Lang, show: bool
) -> list[str]:
    out = _narrative(document.preamble)
    flagged = p.flagged_cells(tuple(shown(findings, document))) if show else {}
    suspects = frozenset(suspect_cells(findings)) if show else frozenset()
    verdicts = {v.key: v for v in table_verdicts(document)}
    for section in document.sections:
        heading = section.heading or f"{section.definition.heading} {_MISSING[lang]}"
        out += [f"## {heading}", ""]
        out += _narrative(section.content)
        if section.definition.table is not None:
            out += [f"> {verdicts[section.definition.table].line(lang)}", ""]
        if isinstance(section.table, Table):
            out += statutory_table(section.table, lang, flagged, suspects)
        elif section.table is not None:
            out += [f"*{p.table_title(section.definition.table or '', lang)}: "
                    f"{p.unavailable_text(section.table, lang)}*", ""]  # fmt: skip
            if section.table.text:
                out += ["```text", section.table.text, "```", ""]
    return out


def _key_points(document: KeyPoints, lang: p.Lang) -> list[str]:
    out = [*_narrative(document.notice), *_narrative(document.opening)]
    for part in document.parts:
        out += [f"## {part.marker} {part.title}".replace("  ", " "), ""]
        for task in part.tasks:
            space = " " if task.marker.endswith(")") else ""
            out += [f"### {task.marker}{space}{task.lead}", ""]
            if task.body:
                out += [task.body, ""]
            if task.responsible:
                units = ", ".join(task.responsible.others)
                lead = task.responsible.lead
                label = "责任单位" if lang == "zh" else "Responsible"
                lead_label = "牵头" if lang == "zh" else "lead"
                who = f"{lead} ({lead_label}); {units}" if lead else units
                out += [f"*{label}: {who or task.responsible.raw}*", ""]
            for deadline in task.deadlines:
                out += [f"- ⏱ {deadline.text}"]
            if task.deadlines:
                out.append("")
    out += _narrative(document.closing)
    return out


def _rule_of_law(document: RuleOfLawReport, lang: p.Lang) -> list[str]:
    out: list[str] = []
    for section in document.sections:
        heading = section.heading or p.text(section_label(section.key), lang)
        out += [f"## {heading} ({section.recognised_by})", ""]
        out += _narrative(section.content)
    if document.facts:
        header = ["事项", "数值", "依据"] if lang == "zh" else ["Fact", "Value", "Evidence"]
        rows = [
            [p.fact_label(f.kind, lang), f"{f.value}{f.unit}", f.evidence] for f in document.facts
        ]
        out += [*_table(header, rows), ""]
    return out


def section_label(key: str) -> Label:
    return next(s.label for s in RULE_OF_LAW_SECTIONS if s.key == key)


def render(document: Document, findings: tuple[Finding, ...], options: Options) -> str:
    lang = p.lang_option(options)
    show = p.findings_option(options)
    out = [f"# {p.title(document, lang)}", "", p.header_line(document, lang), ""]
    out += [*_table(["", ""], [[k, v] for k, v in p.metadata_rows(document, lang)]), ""]
    if isinstance(document, AnnualReport):
        out += _annual(document, findings, lang, show)
    elif isinstance(document, KeyPoints):
        out += _key_points(document, lang)
    else:
        out += _rule_of_law(document, lang)
    if show:
        out += [f"## {_FINDINGS[lang]}", "", document_line(document, findings, lang), ""]
        out += _findings(shown(findings, document), lang)
    if isinstance(document, AnnualReport):
        out += [f"- {_escape(line)}" for line in p.legend(lang)]
    return "\n".join(out).rstrip("\n") + "\n"


@hookimpl
def govinfo_register_reporters(register: Callable[[ReporterSpec], None]) -> None:
    register(
        ReporterSpec(
            "markdown",
            ".md",
            p.any_document,
            render,
            description="the whole document in Markdown, tables and findings included",
        )
    )
