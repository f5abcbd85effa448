"""Realistic HTML pages built from a Document, in the layouts agency sites publish.

Labels come from the format definitions; numbers from the document.  The pages are what the
HTML reader must read back to the same Document as the text reader does.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from govinfo import AnnualReport, Item, Paragraph, Table, TableUnavailable
from govinfo.cells import Cell, NotReported
from govinfo.formats import TableDef
from govinfo.narrative import Block


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _value(cell: Cell) -> str:
    if isinstance(cell, NotReported):
        return "&nbsp;"
    return _esc(str(getattr(cell, "value", "")))


def _narrative(blocks: Iterable[Block], word: bool) -> str:
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


def _cell(text: str, *, rowspan: int = 1, colspan: int = 1, word: bool = False) -> str:
    spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    if word:
        # Word splits labels across spans and ends cells with <o:p>.
        half = len(text) // 2
        text = f"<span>{text[:half]}</span><span>{text[half:]}</span><o:p></o:p>"
        return f'<td{spans} valign="center"><p class="MsoNormal">{text}</p></td>'
    return f"<td{spans}>{text}</td>"


def _applications(table: Table, word: bool) -> str:
    definition = table.definition
    columns = definition.rows[0].columns
    rows = [
        "<tr>" + _cell(_esc(definition.corner.zh if definition.corner else ""), rowspan=3,
                       colspan=3, word=word)
        + _cell("申请人情况", colspan=7, word=word) + "</tr>",
        "<tr>" + _cell(columns[0].label.zh, rowspan=2, word=word)
        + _cell("法人或其他组织", colspan=5, word=word)
        + _cell(columns[-1].label.zh, rowspan=2, word=word) + "</tr>",
        "<tr>" + "".join(_cell(c.label.zh, word=word) for c in columns[1:6]) + "</tr>",
    ]  # fmt: skip
    printed = [r for r in definition.rows if table.get_row(r.key) is not None]
    done: set[str] = set()
    for row in printed:
        found = table.get_row(row.key)
        assert found is not None
        cells = []
        depth = len(row.groups)
        for group in row.groups:
            if group.zh in done:
                continue
            done.add(group.zh)
            span = sum(1 for r in printed if group in r.groups)
            cells.append(_cell(_esc(group.zh), rowspan=span, word=word))
        label_span = 3 - depth
        cells.append(_cell(_esc(row.label.zh), colspan=label_span, word=word))
        cells.extend(f"<td>{_value(c)}</td>" for c in found.cells)
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table border="1">' + "\n".join(rows) + "</table>"


def _proactive(table: Table, word: bool) -> str:
    definition = table.definition
    out = []
    block = None
    for row in definition.rows:
        found = table.get_row(row.key)
        if found is None:
            continue
        if row.block != block and row.block is not None:
            block = row.block
            out.append(f"<tr>{_cell(_esc(block.zh), colspan=4, word=word)}</tr>")
            out.append(
                "<tr>" + _cell("信息内容", word=word)
                + "".join(_cell(_esc(c.label.zh), word=word) for c in row.columns) + "</tr>"
            )  # fmt: skip
        out.append(
            "<tr>" + _cell(_esc(row.label.zh), word=word)
            + "".join(f"<td>{_value(c)}</td>" for c in found.cells) + "</tr>"
        )  # fmt: skip
    return '<table border="1">' + "\n".join(out) + "</table>"


def _appeals(table: Table, word: bool) -> str:
    definition: TableDef = table.definition
    columns = definition.rows[0].columns
    labels = "".join(_cell(_esc(c.label.zh), word=word) for c in columns)
    values = "".join(f"<td>{_value(c.cell)}</td>" for c in table.cells())
    return (
        '<table border="1"><tr>' + _cell("行政复议", colspan=5, word=word)
        + _cell("行政诉讼", colspan=10, word=word) + "</tr>"
        + "<tr>" + "".join(_cell(_esc(c.label.zh), rowspan=2, word=word) for c in columns)
        + _cell("未经复议直接起诉", colspan=5, word=word)
        + _cell("复议后起诉", colspan=5, word=word) + "</tr>"
        + f"<tr>{labels}{labels}</tr><tr>{values}</tr></table>"
    )  # fmt: skip


def _table(section_table: Table | TableUnavailable | None, word: bool, images: bool) -> str:
    if isinstance(section_table, TableUnavailable) or section_table is None:
        return ""
    if images:
        return f'<p><img src="/upload/{section_table.key}.jpg" alt=""></p>'
    if section_table.key == "applications":
        return _applications(section_table, word)
    if section_table.key == "proactive":
        return _proactive(section_table, word)
    return _appeals(section_table, word)


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
