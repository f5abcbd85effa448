"""Pages whose printed PDFs test the PDF reader's layout beyond the one real PDF: a ruled table
over two pages (spans, a vertical group label, a tinted header, white backgrounds under the
text, the header repeated on the new page); tables with no rules at all; a label cut by a
page break and a group label not repeated on the new page.

Print them with :func:`chromium.print_pdf` (A4, WenQuanYi Micro Hei).
"""

from __future__ import annotations

FONT = '"WenQuanYi Micro Hei"'
STYLE = f"""
@page {{ size: A4; margin: 22mm 20mm; }}
body {{ font-family: {FONT}; font-size: 12pt; line-height: 1.7; }}
p {{ text-indent: 2em; margin: 0; background: #ffffff; }}
h2 {{ font-size: 14pt; margin: 8pt 0 4pt 0; }}
"""
PARA = (
    "本年度，本机关坚持以公开为常态、不公开为例外，认真贯彻落实各项规定，不断完善信息公开"
    "制度，建立健全工作保障机制，推进政府信息公开工作规范、有序、健康发展。全年共主动公开"
    "政府信息一千余条，均在法定期限内完成审核和发布，未发生泄密事件。"
)
CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def _page(title: str, style: str, body: str) -> str:
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{STYLE}{style}</style></head><body>{body}</body></html>"
    )


def _tr(*cells: str, first: str = "") -> str:
    """A row: ``first`` is markup put before the cells (a spanning label)."""
    return f"<tr>{first}" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _labelled(label: str, span: int, *values: object) -> str:
    return _tr(*map(str, values), first=f'<td colspan="{span}">{label}</td>')


def ruled(filler: int = 14) -> str:
    """Table 三 in four value columns, ruled, over two pages; ``filler`` rows of （三）."""
    rows = [_labelled("一、本年新收申请数量", 3, 7, 1, 0, 8)]
    rows.append(_labelled("二、上年结转申请数量", 3, 0, 0, 0, 0))
    group = 2 + filler + 3 + 2
    rows.append(
        _tr(
            "3", "0", "0", "3",
            first=f'<td rowspan="{group}" class="v">三、本年度办理结果</td>'
            '<td colspan="2">（一）予以公开</td>',
        )
    )  # fmt: skip
    rows.append(_labelled("（二）部分公开", 2, 1, 0, 0, 1))
    for k in range(filler):
        first = f'<td rowspan="{filler}" class="g">（三）不予公开</td>' if k == 0 else ""
        rows.append(
            _tr(f"{k + 1}.第{k + 1}种不予公开情形", str(k % 3), "0", "0", str(k % 3), first=first)
        )
    rows.append(
        _tr(
            "1.本机关不掌握",
            "2",
            "0",
            "0",
            "2",
            first='<td rowspan="3" class="g">（四）无法提供的情形</td>',
        )
    )
    rows.append(_tr("2.没有现成信息", "1", "0", "0", "1"))
    rows.append(_tr("3.补正后仍不明确", "0", "1", "0", "1"))
    rows.append(_labelled("（五）其他处理", 2, 0, 0, 0, 0))
    rows.append(_labelled("（六）总计", 2, 7, 1, 0, 8))
    rows.append(_labelled("四、结转下年度继续办理", 3, 0, 0, 0, 0))
    head = (
        f'<tr><th rowspan="3" colspan="3">{CORNER}</th><th colspan="4">申请人情况</th></tr>'
        '<tr><th rowspan="2" class="n">自然人</th><th colspan="2">法人或其他组织</th>'
        '<th rowspan="2" class="n">总计</th></tr>'
        '<tr><th class="n">商业企业</th><th class="n">科研机构</th></tr>'
    )
    style = """
table { border-collapse: collapse; width: 100%; font-size: 10pt; line-height: 1.3; }
td, th { border: 1px solid #000; padding: 3pt 2pt; text-align: center;
         vertical-align: middle; font-weight: normal; }
thead th { background: #c6d9f1; }
td.v { width: 1.1em; } td.g { width: 4.2em; } th.n { width: 2.3em; }
"""
    body = (
        '<h2 style="text-align:center">测试区人民政府2023年政府信息公开工作年度报告</h2>'
        f"<p>{PARA}</p><h2>一、总体情况</h2><p>{PARA}{PARA}</p>"
        "<h2>二、收到和处理政府信息公开申请情况</h2>"
        f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
        f"<h2>三、存在的主要问题及改进情况</h2><p>{PARA}{PARA}{PARA}</p>"
    )
    return _page("测试报告（有框线）", style, body)


def _numbers(*values: object) -> str:
    return "".join(f'<td class="num">{v}</td>' for v in values)


def unruled() -> str:
    """Three tables with no rules: columns by position only."""
    headers = "".join(
        f'<th class="w">{h}</th>' for h in ("本年制发件数", "本年废止件数", "现行有效件数")
    )
    documents = (
        f"<table><tr><th>信息内容</th>{headers}</tr>"
        f'<tr><td class="lab">规章</td>{_numbers(2, 0, 11)}</tr>'
        f'<tr><td class="lab">行政规范性文件</td>{_numbers(14, 3, 128)}</tr></table>'
    )
    applications = (
        '<table><tr><th rowspan="2">项目</th><th colspan="3">申请人情况</th></tr>'
        '<tr><th class="w">自然人</th><th class="w">法人或其他组织</th>'
        '<th class="w"><span class="spaced">总</span>计</th></tr>'
        + "".join(
            f'<tr><td class="lab">{label}</td>{_numbers(*values)}</tr>'
            for label, values in (
                ("一、本年新收政府信息公开申请数量", (21, 3, 24)),
                ("二、上年结转政府信息公开申请数量", (1, 0, 1)),
                ("5.要求行政机关确认或重新出具已获取信息", (0, 2, 2)),
                ("四、结转下年度继续办理", ("7730.28", 0, "7730.28")),
            )
        )
        + "</table>"
    )
    narrow = (
        f'<table style="width: 62%"><tr><th>信息内容</th>{headers}</tr>'
        f"<tr><td>规章</td>{_numbers(5, 1, 40)}</tr>"
        f"<tr><td>行政规范性文件</td>{_numbers(9, 0, 77)}</tr></table>"
    )
    style = f"""
@page {{ @bottom-center {{ content: "— " counter(page) " —"; font-family: {FONT};
                          font-size: 10pt; }} }}
table {{ border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.4; }}
td, th {{ border: none; padding: 4pt 6pt; vertical-align: middle; font-weight: normal; }}
th {{ text-align: center; }}
td.num {{ text-align: right; width: 4.5em; }} th.w {{ width: 4.5em; }} td.lab {{ width: 11em; }}
.spaced {{ letter-spacing: 2.5em; }}
"""
    body = (
        f"<h2>二、主动公开政府信息情况</h2><p>{PARA}</p>{documents}<p>{PARA}</p>{applications}"
        f"<p>{PARA}</p>{narrow}<h2>三、其他需要报告的事项</h2><p>{PARA}</p>"
    )
    return _page("测试报告（无框线）", style, body)


def split() -> str:
    """A ruled table cut by a page break the way WPS and Word cut one: the narrow label
    （四）无法提供 of a merged cell wraps, its first line ends page 1 and the rest begins
    page 2; the group label 三、办理结果 is not repeated on page 2, whose table has no top
    line over the label columns.  A running header and 第 n 页 footers."""
    columns = (
        '<colgroup><col style="width:2.2em"><col style="width:4.6em"><col style="width:13em">'
        "<col><col><col></colgroup>"
    )
    head = "<tr><th colspan=3>项目</th><th>自然人</th><th>法人</th><th>总计</th></tr>"
    groups = "<td rowspan=8 class=v>三、办理结果</td><td rowspan=6 class=g>（三）不予公开</td>"
    first = "".join(
        _tr(f"{k + 1}.第{k + 1}种情形", str(k), "0", str(k), first=groups if k == 0 else "")
        for k in range(6)
    )
    first += _tr("1.本机关不掌握", "2", "0", "2", first='<td rowspan=2 class="g cut">（四）无</td>')
    first += '<tr class="last">' + "".join(f"<td>{c}</td>" for c in ("2.没有现成信息", 3, 1, 4))
    first += "</tr>"
    second = (
        '<tr class="first"><td class="v"></td><td class="g top">法提供</td>'
        "<td>3.补正后仍不明确</td><td>0</td><td>1</td><td>1</td></tr>"
        + _labelled("四、结转下年度继续办理", 3, 6, 0, 6)
    )
    style = f"""
@page {{ @top-center {{ content: "测试区人民政府信息公开年报"; font-family: {FONT};
                       font-size: 9pt; }}
        @bottom-center {{ content: "第 " counter(page) " 页"; font-family: {FONT};
                          font-size: 9pt; }} }}
.page {{ break-after: page; }}
table {{ border-collapse: collapse; width: 100%; font-size: 10pt; line-height: 1.3;
         table-layout: fixed; }}
td, th {{ border: 0.75pt solid #000; padding: 3pt 2pt; text-align: center;
          vertical-align: middle; font-weight: normal; }}
td.v {{ border-bottom: none; }}
td.cut {{ vertical-align: bottom; text-align: left; border-bottom: none; }}
td.top {{ vertical-align: top; text-align: left; border-top: none; }}
tr.first td.v {{ border-top: none; }}
"""
    body = (
        '<div class="page"><h2>三、收到和处理政府信息公开申请情况</h2>'
        f"<p>{PARA * 6}</p><table>{columns}{head}{first}</table></div>"
        f"<div><table>{columns}{second}</table>"
        f"<h2>四、政府信息公开行政复议、行政诉讼情况</h2><p>{PARA}</p></div>"
    )
    return _page("split", style, body)
