"""The terminal reporter (``table``): the statutory tables aligned for a terminal.

tabulate lays the tables out, with wcwidth so that Chinese characters count as two columns;
a header says who, which year and which format; each table has its verdict line, its cells
their values or marks (— not reported, ? unreadable, ⚠ involved in a finding, ‼ suspect),
the text of unreadable cells once under the table, and its findings; a legend explains the
marks.  Options: ``lang``, ``no_findings``, ``width`` (wrap to it), ``colour``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from govinfo.checks import suspect_cells
from govinfo.model.documents import AnnualReport, Document, KeyPoints
from govinfo.model.findings import Finding, Status
from govinfo.model.tables import Table
from govinfo.plugin.specs import Options, ReporterSpec, hookimpl
from govinfo.report import present as p
from govinfo.report.verdicts import document_line, shown, table_verdicts

#: Columns a row label takes before it wraps, and a column header (English labels are long:
#: unwrapped, table 三 would take 180 columns).
_LABEL_WIDTH = {"zh": 40, "en": 30}
_HEADER_WIDTH: dict[str, int | None] = {"zh": None, "en": 12}
#: How a row's depth is drawn: a no-break space, so that a label too long for its column is
#: cut by width rather than after its indent.
_INDENT = "·\u00a0"
_COLOURS = {Status.FAIL: "31", Status.UNCERTAIN: "33", Status.NOT_ASSESSABLE: "35"}


def _grid(header: list[str], rows: list[list[str]], widths: list[int | None] | None = None) -> str:
    from tabulate import tabulate  # (only this reporter needs it)

    return tabulate(
        rows,
        headers=header,
        tablefmt="simple",
        disable_numparse=True,
        stralign="left",
        maxcolwidths=widths,
        maxheadercolwidths=widths,  # type: ignore[arg-type]  # tabulate takes None per column
    )


def _table(
    table: Table,
    lang: p.Lang,
    flagged: dict[str, list[Finding]],
    suspects: frozenset[str],
) -> list[str]:
    out = []
    for group in p.row_groups(table):
        heading = p.group_heading(group, lang)
        if heading:
            out.append(heading)
        rows = []
        open_groups: tuple[str, ...] = ()
        for row, cells in group.rows:
            groups = tuple(p.text(g, lang) for g in row.groups)
            for depth, label in enumerate(groups):
                if open_groups[: depth + 1] != groups[: depth + 1]:
                    rows.append([_INDENT * depth + label, *([""] * len(cells))])
            open_groups = groups
            values = [
                p.with_marks(p.value_text(cell, column), f"{table.key}.{row.key}.{column.key}",
                             flagged, suspects)
                for column, cell in zip(row.columns, cells, strict=True)
            ]  # fmt: skip
            rows.append([_INDENT * len(groups) + p.text(row.label, lang), *values])
        header = ["", *(p.text(c.label, lang) for c in group.columns)]
        widths = [_LABEL_WIDTH[lang], *([_HEADER_WIDTH[lang]] * len(group.columns))]
        out += [_grid(header, rows, widths), ""]
    for item in p.unread_texts(table):
        out.append(p.unread_line(item, lang))
    return out


def _wrap(lines: list[str], width: int) -> list[str]:
    if not width:
        return lines
    out = []
    for line in lines:
        if len(line) <= width:
            out.append(line)
        else:
            out += textwrap.wrap(line, width=width, subsequent_indent="    ") or [line]
    return out


def _finding(finding: Finding, lang: p.Lang, colour: bool) -> str:
    line = p.finding_line(finding, lang)
    code = _COLOURS.get(finding.status)
    return f"\033[{code}m{line}\033[0m" if colour and code else line


def render(document: Document, findings: tuple[Finding, ...], options: Options) -> str:
    lang = p.lang_option(options)
    show = p.findings_option(options)
    width = int(options.get("width") or 0)
    colour = bool(options.get("colour"))
    out = [p.title(document, lang), p.header_line(document, lang), ""]
    listed = shown(findings, document) if show else []
    if isinstance(document, AnnualReport):
        flagged = p.flagged_cells(tuple(listed))
        suspects = frozenset(suspect_cells(findings)) if show else frozenset()
        verdicts = {v.key: v for v in table_verdicts(document)}
        for section in document.sections:
            key = section.definition.table
            if key is None:
                continue
            out += [f"== {p.table_title(key, lang)}", verdicts[key].line(lang), ""]
            if isinstance(section.table, Table):
                out += _table(section.table, lang, flagged, suspects)
            if show:
                out += _wrap(
                    [
                        f"  {_finding(f, lang, colour)}"
                        for f in p.findings_for_table(tuple(listed), key)
                    ],
                    width,
                )
                out += [f"  {p.suspect_line(k, lang)}" for k in suspects if k.startswith(key)]
            out.append("")
        rest = p.other_findings(tuple(listed))
    elif isinstance(document, KeyPoints):
        rows = [
            [t.marker, t.lead, (t.responsible.lead or "") if t.responsible else "",
             ", ".join(t.responsible.others) if t.responsible else ""]
            for part in document.parts for t in part.tasks
        ]  # fmt: skip
        header = ["", "任务", "牵头", "责任单位"] if lang == "zh" else ["", "Task", "Lead", "Units"]
        out += [_grid(header, rows, [None, 40, 24, 40]), ""]
        rest = listed
    else:
        rows = [[s.key, s.recognised_by, s.heading or ""] for s in document.sections]
        out += [_grid(["", "", ""], rows), ""]
        facts = [[p.fact_label(f.kind, lang), f"{f.value}{f.unit}"] for f in document.facts]
        if facts:
            out += [_grid(["", ""], facts), ""]
        rest = listed
    if show:
        out += _wrap([_finding(f, lang, colour) for f in rest], width)
        out += ["", document_line(document, findings, lang)]
    if isinstance(document, AnnualReport):
        out += ["", *p.legend(lang)]
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
