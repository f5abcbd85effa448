"""Realistic HTML pages built from a Document, in the layouts agency sites publish.

Labels come from the format definitions; numbers from the document.  The pages are what the
HTML reader must read back to the same Document as the text reader does.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from govinfo import AnnualReport, Item, Paragraph, Table, TableUnavailable
from govinfo.forms import escape, form
from govinfo.narrative import Block


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


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
