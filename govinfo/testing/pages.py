"""Realistic HTML pages built from a Document, in the layouts agency sites publish.

Labels come from the format definitions; numbers from the document.  The pages are what the
HTML reader must read back to the same Document as the text reader does.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from govinfo.model.cells import Amount, Cell, Change, NotReported
from govinfo.model.documents import AnnualReport
from govinfo.model.narrative import Item, NarrativeBlock, Paragraph
from govinfo.model.tables import Table, TableUnavailable
from govinfo.report.forms import escape, form


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _narrative(blocks: Iterable[NarrativeBlock], word: bool) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            text = _esc(block.text)
            out.append(
                f'<p class="MsoNormal"><span lang="EN-US"><span>{text}</span></span></p>'
                if word
                else f"<p>{text}</p>"
            )
        elif isinstance(block, Item):
            head = _esc(f"{block.marker}{block.heading}")
            out.append(f"<p><strong>{head}</strong></p>")
            out.append(_narrative(block.content, word))
    return "\n".join(out)


def _word_label(text: str) -> str:
    """A label as Word exports it: split across spans, ended by <o:p>."""
    half = len(text) // 2
    return (
        f'<p class="MsoNormal"><span>{_esc(text[:half])}</span>'
        f"<span>{_esc(text[half:])}</span><o:p></o:p></p>"
    )


def _table(section_table: Table | TableUnavailable | None, word: bool, images: bool) -> str:
    if isinstance(section_table, TableUnavailable) or section_table is None:
        return ""
    if images:
        return f'<p><img src="/upload/{section_table.key}.jpg" alt=""></p>'
    return form(section_table, label=_word_label if word else escape)


def page(
    report: AnnualReport,
    *,
    word: bool = False,
    chrome: bool = False,
    images: bool = False,
    charset: str = "utf-8",
    links: int = 2,
) -> str:
    """An HTML page of the report: Word-exported markup, CMS chrome (with ``links`` links in
    its navigation), tables as images."""
    body = []
    if report.metadata.title:
        body.append(f"<h1>{_esc(report.metadata.title)}</h1>")
    body.append(_narrative(report.preamble, word))
    for section in report.sections:
        if section.heading:
            body.append(f"<p><strong>{_esc(section.heading)}</strong></p>")
        body.append(_narrative(section.content, word))
        body.append(_table(section.table, word, images))
    content = "\n".join(body)
    if chrome:
        content = (
            '<div class="header"><ul class="nav"><li><a href="/">首页</a></li>'
            + "".join(
                f'<li><a href="/zwgk/{i}/" title="政务公开栏目{i}">政务公开栏目{i}</a></li>'
                for i in range(links - 1)
            )
            + '</ul><div class="search">搜索</div></div>'
            '<div class="crumb">当前位置：首页 &gt; 政府信息公开年报</div>'
            f'<div class="main"><div id="zoom" class="TRS_Editor">{content}</div>'
            '<div class="share">分享到：微信 微博</div></div>'
            '<div class="footer"><p>主办单位：某某局 网站标识码：1100000001</p>'
            "<p>京ICP备05060933号 京公网安备11010502030000号</p></div>"
            "<script>var _hmt = _hmt || [];</script>"
        )
    return (
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" '
        f'content="text/html; charset={charset}"><title>政府信息公开工作年度报告</title>'
        f"<style>td {{ border: 1px solid; }}</style></head><body>{content}</body></html>"
    )


def _value(cell: Cell) -> str:
    if isinstance(cell, NotReported):
        return cell.raw
    if isinstance(cell, Change):
        return f"{cell.value:+d}" if cell.value else "0"
    if isinstance(cell, Amount):
        return format(cell.value, "f")
    return str(getattr(cell, "value", ""))


def _pipe(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _text_table(table: Table) -> list[str]:
    """A statutory table as a converter writes it in text: pipe rows, one per printed row,
    a group label only on the first row it heads."""
    definition = table.definition
    lines: list[str] = []
    if definition.one_data_row:
        lines.append(_pipe([*(g.zh for r in definition.rows for g in r.groups[:1]), "", ""]))
        lines.append(_pipe(r.label.zh for r in definition.rows))
        lines.append(_pipe(c.label.zh for r in definition.rows for c in r.columns))
        lines.append(_pipe(_value(ref.cell) for ref in table.cells()))
        return lines
    if definition.columns_label is not None:
        columns = definition.rows[0].columns
        stub = [""] * definition.stub_depth
        lines.append(
            _pipe([definition.columns_label.zh, *stub[1:], *(c.label.zh for c in columns)])
        )
    opened: set[str] = set()
    block = None
    for row in definition.rows:
        found = table.get_row(row.key)
        if found is None:
            continue
        if row.block is not None and row.block != block:
            block = row.block
            lines.append(_pipe([block.zh]))
            stub_label = definition.stub_label.zh if definition.stub_label else ""
            lines.append(_pipe([stub_label, *(c.label.zh for c in row.columns)]))
        labels = []
        for group in row.groups:
            labels.append("" if group.zh in opened else group.zh)
            opened.add(group.zh)
        labels.append(row.label.zh)
        lines.append(_pipe([*labels, *(_value(c) for c in found.cells)]))
    return lines


def text(report: AnnualReport) -> str:
    """The report as plain text: the title, each heading and paragraph on its own line, each
    table as pipe rows."""
    lines = [report.metadata.title] if report.metadata.title else []
    for section in report.sections:
        if section.heading:
            lines.append(section.heading)
        lines.extend(b.text for b in section.content if isinstance(b, Paragraph))
        if isinstance(section.table, Table):
            lines.extend(_text_table(section.table))
    return "\n".join(lines) + "\n"
