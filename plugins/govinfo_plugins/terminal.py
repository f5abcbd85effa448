"""The terminal reporter (``table``): the statutory tables aligned for a terminal.

tabulate lays the tables out, with wcwidth so that Chinese characters count as two columns;
a compact header names the document, and each table's findings stand under it.
"""

from __future__ import annotations

from collections.abc import Callable

from tabulate import tabulate

from govinfo.model.documents import AnnualReport, Document, KeyPoints
from govinfo.model.findings import Finding
from govinfo.model.tables import Table
from govinfo.plugin.specs import Options, ReporterSpec, hookimpl
from govinfo.report import present as p


def _grid(header: list[str], rows: list[list[str]], widths: list[int | None] | None = None) -> str:
    return tabulate(
        rows,
        headers=header,
        tablefmt="simple",
        disable_numparse=True,
        stralign="left",
        maxcolwidths=widths,
    )


def _table(table: Table, lang: p.Lang, flagged: dict[str, list[Finding]]) -> list[str]:
    out = []
    for block in p.row_groups(table):
        heading = p.group_heading(block, lang)
        if heading:
            out.append(heading)
        rows = []
        open_groups: tuple[str, ...] = ()
        for row, cells in block.rows:
            groups = tuple(p.text(g, lang) for g in row.groups)
            for depth, group in enumerate(groups):
                if open_groups[: depth + 1] != groups[: depth + 1]:
                    rows.append(["· " * depth + group, *([""] * len(cells))])
            open_groups = groups
            values = []
            for column, cell in zip(row.columns, cells, strict=True):
                value = p.value_text(cell, column)
                if f"{table.key}.{row.key}.{column.key}" in flagged:
                    value = f"{value or '∅'} !"
                values.append(value)
            rows.append(["· " * len(groups) + p.text(row.label, lang), *values])
        header = ["", *(p.text(c.label, lang) for c in block.columns)]
        widths: list[int | None] = [32, *([None] * len(block.columns))]
        out += [_grid(header, rows, widths), ""]
    return out


def render(document: Document, findings: tuple[Finding, ...], options: Options) -> str:
    lang = p.lang_option(options)
    show = p.findings_option(options)
    meta = " · ".join(v for _, v in p.metadata_rows(document, lang))
    out = [p.title(document, lang), meta, ""]
    if isinstance(document, AnnualReport):
        flagged = p.flagged_cells(findings) if show else {}
        for section in document.sections:
            key = section.definition.table
            if key is None:
                continue
            out += [f"== {p.table_title(key, lang)}", ""]
            if isinstance(section.table, Table):
                out += _table(section.table, lang, flagged)
            elif section.table is not None:
                out += [p.unavailable_text(section.table, lang), ""]
            if show:
                out += [f"  {p.finding_line(f, lang)}" for f in p.findings_for_table(findings, key)]
                out.append("")
    elif isinstance(document, KeyPoints):
        rows = [
            [t.marker, t.lead, (t.responsible.lead or "") if t.responsible else "",
             ", ".join(t.responsible.others) if t.responsible else ""]
            for part in document.parts for t in part.tasks
        ]  # fmt: skip
        header = ["", "任务", "牵头", "责任单位"] if lang == "zh" else ["", "Task", "Lead", "Units"]
        out += [_grid(header, rows, [None, 40, 24, 40]), ""]
    else:
        rows = [[s.key, s.recognised_by, s.heading or ""] for s in document.sections]
        out += [_grid(["", "", ""], rows), ""]
        facts = [[p.fact_label(f.kind, lang), f"{f.value}{f.unit}"] for f in document.facts]
        if facts:
            out += [_grid(["", ""], facts), ""]
    if show:
        rest = p.other_findings(findings) if isinstance(document, AnnualReport) else list(findings)
        out += [p.finding_line(f, lang) for f in rest]
    return "\n".join(out).rstrip("\n") + "\n"


@hookimpl
def govinfo_register_reporters(register: Callable[[ReporterSpec], None]) -> None:
    register(
        ReporterSpec(
            "table",
            ".txt",
            p.any_document,
            render,
            description="the statutory tables aligned for a terminal, findings under each",
        )
    )
