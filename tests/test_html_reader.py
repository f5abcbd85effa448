"""The HTML reader: real CMS pages and pages built from the example reports."""

from __future__ import annotations

from typing import Any

import lxml.etree
import pytest
from conftest import EXAMPLES
from govinfo_plugins.html import page as html_reader
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo import AnnualReport, Count, NotReported, Source, Status, Table, TableUnavailable
from govinfo.layout import TextBlock
from govinfo.model.narrative import plain_text
from govinfo.plugin.registry import default_registry
from govinfo.testing.pages import page


def read_example(name: str) -> AnnualReport:
    document = govinfo.read(Source((EXAMPLES / name).read_bytes(), name))
    assert isinstance(document, AnnualReport)
    return document


def content(report: AnnualReport) -> dict[str, Any]:
    """What a document says, without where it was read from."""
    tables: dict[str, object] = {}
    for key in ("proactive", "applications", "appeals"):
        table = report.table(key)
        if isinstance(table, Table):
            tables[key] = [
                (c.key, type(c.cell).__name__, getattr(c.cell, "value", None))
                for c in table.cells()
            ]
        else:
            tables[key] = table.reason
    return {
        "metadata": (report.metadata.agency, report.metadata.year, report.metadata.format_version),
        "headings": [s.heading for s in report.sections],
        "narrative": [plain_text(s.content) for s in report.sections],
        "tables": tables,
        "stated": [(f.key, f.value) for f in report.stated],
    }


def test_shuyang_page_every_statutory_cell() -> None:
    report = read_example("shuyang-fgj-2023-annual-report.html")
    assert (report.metadata.agency, report.metadata.year) == ("沭阳县发展和改革局", 2023)
    assert report.metadata.origin is not None
    assert report.metadata.origin.reader == "html"
    proactive = report.table("proactive")
    assert isinstance(proactive, Table)
    assert [getattr(c.cell, "value", None) for c in proactive.cells()] == [
        0,
        0,
        0,
        8,
        0,
        18,
        0,
        0,
        0,
        0,
    ]
    applications = report.table("applications")
    assert isinstance(applications, Table)
    natural = {26: ("received", "outcome.disclosed", "outcome.total")}
    for ref in applications.cells():
        if ref.column.key in ("natural_person", "total"):
            expected = 26 if ref.row.key in natural[26] else 0
            assert ref.cell == Count(expected, raw=str(expected), source=ref.cell.source), ref.key
        else:
            # Every 法人或其他组织 cell is blank on the page: not reported, never 0.
            assert isinstance(ref.cell, NotReported), ref.key
    appeals = report.table("appeals")
    assert isinstance(appeals, Table)
    assert [getattr(c.cell, "value", None) for c in appeals.cells()] == [0, 0, 0, 1, 1] + [0] * 10
    assert [s.heading for s in report.sections][4] == "五、存在的主要问题及整改措施"
    assert [f for f in govinfo.check(report) if f.status is Status.FAIL] == []


def test_shuyang_narrative_without_the_site() -> None:
    report = read_example("shuyang-fgj-2023-annual-report.html")
    text = "\n".join(plain_text(s.content) for s in report.sections)
    for chrome in ("首页", "网站地图", "无障碍", "ICP", "索引号"):
        assert chrome not in text
    assert report.dropped
    # The CMS wraps the report in its own <ucapcontent> element, inside div#zoomcon.
    assert {d.reason for d in report.dropped} == {"outside the report (ucapcontent)"}
    assert any("无障碍" in d.text for d in report.dropped)
    assert plain_text(report.section("other").content)


@pytest.fixture(scope="module")
def beijing() -> AnnualReport:
    return read_example("beijing-ipo-2021-annual-report.zh.txt")


@pytest.mark.parametrize(
    ("layout", "options"),
    [
        ("plain", {}),
        ("word-export", {"word": True}),
        ("cms-with-chrome", {"chrome": True}),
        ("word-in-cms", {"word": True, "chrome": True}),
    ],
)
def test_pages_read_to_the_same_document_as_the_text(
    beijing: AnnualReport, layout: str, options: dict[str, bool]
) -> None:
    html = page(beijing, word=options.get("word", False), chrome=options.get("chrome", False))
    report = govinfo.read(Source(html.encode("utf-8"), f"{layout}.html"))
    assert isinstance(report, AnnualReport)
    assert content(report) == content(beijing)


def test_gb2312_page_encoded_in_gbk(beijing: AnnualReport) -> None:
    html = page(beijing, charset="gb2312", chrome=True)
    report = govinfo.read(Source(html.encode("gbk"), "page.html"))
    assert isinstance(report, AnnualReport)
    assert report.metadata.origin is not None
    assert report.metadata.origin.encoding == "gb18030"
    assert content(report) == content(beijing)


def test_page_whose_tables_are_images(beijing: AnnualReport) -> None:
    report = govinfo.read(Source(page(beijing, images=True).encode(), "page.html"))
    assert isinstance(report, AnnualReport)
    for key in ("proactive", "applications", "appeals"):
        table = report.table(key)
        assert table == TableUnavailable("image", (f"/upload/{key}.jpg",))


def test_reader_chosen_by_content(beijing: AnnualReport) -> None:
    registry = default_registry()
    html = page(beijing).encode()
    text = (EXAMPLES / "beijing-ipo-2021-annual-report.zh.txt").read_bytes()
    assert registry.choose_reader(Source(html)).name == "html"
    assert registry.choose_reader(Source(text)).name == "txt"
    assert registry.choose_reader(Source(html, "saved.txt")).name == "html"


@pytest.mark.parametrize("span", ["2;", "0", "999999999", "-3", "x", ""])
def test_malformed_spans_do_not_crash(span: str) -> None:
    html = (
        "<html><body><p>一、总体情况</p><p>无。</p><p>四、政府信息公开行政复议、行政诉讼情况</p>"
        f'<table><tr><td colspan="{span}" rowspan="{span}">行政复议</td><td>行政诉讼</td></tr>'
        "<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>"
        "<tr>"
        + "<td>0</td>" * 15
        + "</tr></table><p>五、存在的主要问题及改进情况</p></body></html>"
    )
    report = govinfo.read(Source(html.encode(), "x.html"))
    assert isinstance(report, AnnualReport)
    table = report.table("appeals")
    assert isinstance(table, Table)
    assert all(c.cell == Count(0, raw="0", source=c.cell.source) for c in table.cells())


def test_nested_layout_tables_and_br() -> None:
    html = (
        "<html><body><table><tr><td><div>导航</div></td><td>"
        "<p>一、总体情况</p><p>第一段。<br>第二段。</p><p>二、主动公开政府信息情况</p>"
        "<table><tr><td>第二十条第（一）项</td></tr>"
        "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
        "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
        "<tr><td>行政规范性文件</td><td>1</td><td>0</td><td>9</td></tr>"
        "<tr><td>第二十条第（五）项</td></tr><tr><td>信息内容</td><td>本年处理决定数量</td></tr>"
        "<tr><td>行政<br>许可</td><td>&nbsp;3&nbsp;</td></tr>"
        "<tr><td>第二十条第（六）项</td></tr><tr><td>信息内容</td><td>本年处理决定数量</td></tr>"
        "<tr><td>行政处罚</td><td>2</td></tr><tr><td>行政强制</td><td>0</td></tr>"
        "<tr><td>第二十条第（八）项</td></tr><tr><td>信息内容</td><td>本年收费金额（单位：万元）</td></tr>"
        "<tr><td>行政事业性收费</td><td>0.5</td></tr></table>"
        "<p>三、收到和处理政府信息公开申请情况</p></td></tr></table></body></html>"
    )
    report = govinfo.read(Source(html.encode(), "x.html"))
    assert isinstance(report, AnnualReport)
    assert plain_text(report.section("general").content) == "第一段。\n第二段。"
    table = report.table("proactive")
    assert isinstance(table, Table)
    assert table["licensing.decisions"] == Count(
        3, raw="3", source=table["licensing.decisions"].source
    )


def test_not_html_that_parses() -> None:
    with pytest.raises(govinfo.GovinfoError):
        govinfo.read(Source(b"<html><body><p>nothing here</p></body></html>", "x.html"))


# The report's container: the quick search against the plain definition ---------------


def _plain_find_report(root: Any) -> Any:
    """The definition: from the root down, the first child whose text (whitespace
    dropped) holds every label the page has, as long as there is one."""

    def squeezed(element: Any) -> str:
        return "".join("".join(element.itertext()).split())

    labels = [label for label in html_reader._LABELS if label in squeezed(root)]
    best = root
    while labels:
        for child in best:
            if isinstance(child.tag, str) and all(label in squeezed(child) for label in labels):
                best = child
                break
        else:
            break
    return best


_PIECES = [*html_reader._LABELS[:6], "总体", "情况", "一、", " ", "\n", "正文", "导航", ""]


@st.composite
def _trees(draw: st.DrawFn, depth: int = 0) -> str:
    """Nested markup with labels whole, split across elements, repeated or missing."""
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 3 else 0))):
        tag = draw(st.sampled_from(["div", "p", "span", "td", "section"]))
        inner = draw(_trees(depth + 1))
        parts.append(f"<{tag}>{inner}</{tag}>{draw(st.sampled_from(_PIECES))}")
    return draw(st.sampled_from(_PIECES)) + "".join(parts)


@given(_trees())
def test_report_container_is_the_one_the_definition_names(markup: str) -> None:
    root = lxml.etree.fromstring(
        f"<html><body>{markup}</body></html>", parser=lxml.etree.HTMLParser()
    )
    assert html_reader.find_report(root) is _plain_find_report(root)


def test_report_container_on_the_example_pages(beijing: AnnualReport) -> None:
    pages = [
        page(beijing, word=True, chrome=True, links=160),
        page(beijing, chrome=True),
        (EXAMPLES / "shuyang-fgj-2023-annual-report.html").read_bytes().decode("utf-8"),
    ]
    for text in pages:
        root = lxml.etree.fromstring(text, parser=lxml.etree.HTMLParser())
        found = html_reader.find_report(root)
        assert found is _plain_find_report(root)
        assert found is not root


_FRAGMENTS = [
    "<p>", "</p>", "<td rowspan=2>", "</td>", "<tr>", "<table>", "</table>", "<br>",
    "<img src=1.jpg>",
    "<meta charset=gb2312>", "<script>x</script>", "&nbsp;", "&amp;", "&#20010;", "&bogus;",
    "一、总体情况", "收到和处理政府信息公开申请情况", "\r\n", "\n", "\r", "\x0c", "\t", " ", "\x00",
    "\x01", "\x7f", "<!-- c -->", "<?pi x?>", "<![CDATA[x]]>", "<", ">", "é", "\u3000", "𠀀",
]  # fmt: skip


@given(st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=3), max_size=60).map("".join))
def test_utf8_bytes_parse_to_the_blocks_the_text_does(text: str) -> None:
    def outcome(**given: Any) -> object:
        try:
            return html_reader.to_layout(text, **given)
        except govinfo.DecodeError as error:
            return str(error)

    assert outcome(utf8=text.encode("utf-8")) == outcome()


def test_utf8_pages_are_parsed_from_their_bytes(beijing: AnnualReport) -> None:
    pages = [
        page(beijing, word=True, chrome=True, links=160),
        (EXAMPLES / "shuyang-fgj-2023-annual-report.html").read_bytes().decode("utf-8"),
    ]
    for text in pages:
        assert html_reader.to_layout(text, utf8=text.encode("utf-8")) == html_reader.to_layout(text)


@pytest.mark.parametrize("junk", ["\x1f", "\x00", "\x0b", "\x0c", "\x01\x02", "\ufffe"])
def test_control_characters_in_a_tail_the_reader_extends(junk: str) -> None:
    # A <br>'s tail and the text after a dropped <script> are extended by the reader; lxml
    # refuses control characters there, so they become U+FFFD instead of a crash.
    markup = (
        f"<html><body><div><p>一、总体情况</p><br>{junk}说明<p>二、主动公开政府信息情况</p>"
        f"<p>六、其他需要报告的事项</p>x<script>s</script>{junk}尾</div></body></html>"
    )
    blocks = html_reader.to_layout(markup)
    text = "\n".join(b.text for b in blocks.blocks if isinstance(b, TextBlock))
    assert "说明" in text
    assert "尾" in text


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p><b>工作概述</b></p>", [("工作概述", True, 3)]),
        ("<p> <strong>工作</strong>\n<b>概述</b> </p>", [("工作", True, 3), ("概述", True, 3)]),
        ("<p><b>工作</b>概述</p>", [("工作概述", False, 3)]),
        ("<h3>工作<span>概述</span></h3><p>正文\n<br>第二行</p>", [
            ("工作概述", True, 3), ("正文", False, 3), ("第二行", False, 3),
        ]),
        ("\n<div>\n前言<table><tr><td>1</td></tr></table>后记</div>", [
            ("前言", False, 4), ("后记", False, 4),
        ]),
    ],
)  # fmt: skip
def test_text_blocks_heading_hint_and_source(
    markup: str, expected: list[tuple[str, bool, int]]
) -> None:
    # A block is a heading when it stood in <h1>…<h6> or when every word of it was bold;
    # its source is the line of the element its first text (whitespace too) stood in.
    blocks = html_reader.to_layout(f"<html><body>\n\n{markup}</body></html>")
    found = [
        (b.text, b.heading, b.source.line if b.source else None)
        for b in blocks.blocks
        if isinstance(b, TextBlock)
    ]
    assert found == expected
