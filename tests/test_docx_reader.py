"""The Word reader: merged cells standing once, hand-made WordprocessingML, files that are
not a .docx in one line, bounded on big tables; reports written in Word read back."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLES, ROOT
from govinfo_plugins.docx.document import docx_layout
from govinfo_plugins.docx.package import MAX_DOCUMENT_BYTES
from govinfo_plugins.docx.tables import MAX_SPAN
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from readback import annual_examples, cells, only, own_and_shared
from test_round_trip import content
from wordml import W, big_table, p, package, tc, zip_of

import govinfo
from govinfo import AnnualReport, LimitError, Source, WordError
from govinfo.layout import Grid, GridCell, Image, LayoutBlock, TextBlock
from govinfo.model.cells import SourceRef
from govinfo.testing import pages
from govinfo.testing import strategies as gs
from govinfo.testing.word import form_grid, place, report_blocks, report_docx, write_docx


def blocks_of(data: bytes) -> list[LayoutBlock]:
    return list(docx_layout(data, "test.docx").blocks)


#: A short report: headings, paragraphs, a table with merged cells.
SAMPLE: list[LayoutBlock] = [
    TextBlock("某某市某某局2023年政府信息公开工作年度报告", heading=True),
    TextBlock("本报告根据《中华人民共和国政府信息公开条例》要求编制。"),
    TextBlock("三、收到和处理政府信息公开申请情况", heading=True),
    Grid(
        (
            (GridCell("项目", rowspan=2), GridCell("申请人情况", colspan=2)),
            (GridCell("自然人"), GridCell("总计")),
            (GridCell("一、本年新收政府信息公开申请数量"), GridCell("12"), GridCell("12")),
        )
    ),
    TextBlock("六、其他需要报告的事项", heading=True),
    TextBlock("本年度未收取信息处理费。"),
]
SAMPLE_DOCX = write_docx(SAMPLE)


def line(block: LayoutBlock | GridCell) -> int | None:
    return block.source.line if block.source is not None else None


Shape = tuple[tuple[tuple[str, int, int], ...], ...]


def shape(grid: Grid) -> Shape:
    """A grid without its locators: (text, rowspan, colspan) per cell."""
    return tuple(tuple((c.text, c.rowspan, c.colspan) for c in row) for row in grid.rows)


def only_grid(data: bytes) -> Grid:
    blocks = blocks_of(data)
    grids = [b for b in blocks if isinstance(b, Grid)]
    assert len(grids) == 1, blocks
    return grids[0]


# --------------------------------------------------------------------------- strategies

WORDS = st.text(
    alphabet=st.sampled_from("政府信息公开申请数量一二三（）、.0123456789abcXYZ“”：%"),
    min_size=1,
    max_size=8,
)
LINE = st.lists(WORDS, min_size=1, max_size=3).map(" ".join)
CELL_TEXT = st.one_of(st.just(""), st.lists(LINE, min_size=1, max_size=3).map("\n".join))


@st.composite
def merged_grids(draw: st.DrawFn, max_rows: int = 7, max_cols: int = 7) -> Grid:
    """An R x C table cut into rectangles: each free place, in reading order, starts a cell
    as wide and tall as the draw says and the free places around it allow."""
    n_rows = draw(st.integers(1, max_rows))
    n_cols = draw(st.integers(1, max_cols))
    taken: set[tuple[int, int]] = set()
    rows: list[tuple[GridCell, ...]] = []
    for r in range(n_rows):
        row: list[GridCell] = []
        for c in range(n_cols):
            if (r, c) in taken:
                continue
            free = 1
            while c + free < n_cols and (r, c + free) not in taken:
                free += 1
            width = draw(st.integers(1, free))
            height = draw(st.integers(1, n_rows - r))
            # the places below must be free across the whole width
            for h in range(1, height):
                if any((r + h, c + j) in taken for j in range(width)):
                    height = h
                    break
            taken.update((r + i, c + j) for i in range(height) for j in range(width))
            row.append(GridCell(draw(CELL_TEXT), None, height, width))
        rows.append(tuple(row))
    return Grid(tuple(rows), None)


# --------------------------------------------------------------------------- round trips

#: A table whose second row is wholly covered by rowspans: an empty row.
COVERED_ROW = Grid(((GridCell("A", None, 2, 1), GridCell("B", None, 2, 1)), ()), None)


@example(COVERED_ROW)
@given(merged_grids())
def test_random_merged_grid_round_trips(grid: Grid) -> None:
    data = write_docx([grid])
    found = only_grid(data)
    assert shape(found) == shape(grid)
    # locators: every cell with a paragraph has a line, increasing in reading order
    lines = [n for row in found.rows for c in row if (n := line(c)) is not None]
    assert len(lines) == sum(map(len, found.rows))
    assert lines == sorted(lines)
    assert len(set(lines)) == len(lines)
    assert line(found) == lines[0]


@given(merged_grids(max_rows=6, max_cols=6))
def test_spans_agree_with_python_docx(grid: Grid) -> None:
    """Each place of the grid belongs to the w:tc that python-docx's table.cell(r, c) gives."""
    data = write_docx([grid])
    found = only_grid(data)
    table = docx.Document(io.BytesIO(data)).tables[0]
    placed, height, width, _ = place(found.rows)
    assert (height, width) == (len(table.rows), len(table.columns))
    owner: dict[tuple[int, int], int] = {}
    for i, (r, c, cell) in enumerate(placed):
        for dr in range(cell.rowspan):
            for dc in range(cell.colspan):
                assert (r + dr, c + dc) not in owner  # spans stand once
                owner[r + dr, c + dc] = i
    assert len(owner) == height * width  # and cover the table
    tcs: dict[int, object] = {}
    for (r, c), i in owner.items():
        tc = table.cell(r, c)._tc
        assert tcs.setdefault(i, tc) is tc
    assert len(set(map(id, tcs.values()))) == len(placed)


@settings(max_examples=40)
@given(
    st.lists(
        st.one_of(
            st.tuples(LINE, st.booleans()).map(lambda t: TextBlock(t[0], None, t[1])),
            merged_grids(max_rows=4, max_cols=4),
        ),
        max_size=6,
    )
)
def test_blocks_round_trip_in_order(blocks: list[TextBlock | Grid]) -> None:
    found = blocks_of(write_docx(blocks))
    assert len(found) == len(blocks)
    for want, got in zip(blocks, found, strict=True):
        assert type(want) is type(got)
        if isinstance(want, Grid):
            assert isinstance(got, Grid)
            assert shape(got) == shape(want)
        else:
            assert isinstance(got, TextBlock)
            assert (got.text, got.heading) == (want.text, want.heading)
    lines = [n for b in found if (n := line(b)) is not None]
    assert len(lines) == len(found)
    assert lines == sorted(lines)


def filled(grid: Grid) -> Shape:
    """What a Word table keeps of an HTML-like grid: a hole before a row's end (the places
    after it covered by a rowspan, or holding cells) becomes an empty cell; holes at a row's
    end stay out (w:gridAfter)."""
    placement = place(grid.rows)
    by_place = {(r, c): cell for r, c, cell in placement.cells}
    covered = {
        (r + i, c + j)
        for r, c, cell in placement.cells
        for i in range(cell.rowspan)
        for j in range(cell.colspan)
    }
    rows = []
    for r in range(placement.height):
        row = []
        for c in range(placement.ends[r]):
            if (r, c) in by_place:
                cell = by_place[r, c]
                row.append((cell.text, cell.rowspan, cell.colspan))
            elif (r, c) not in covered:
                row.append(("", 1, 1))
        rows.append(tuple(row))
    return tuple(rows)


@given(merged_grids(), st.data())
def test_ragged_grid_round_trips(grid: Grid, data: st.DataObject) -> None:
    """Cells dropped from a full grid: rows end early or leave holes, as HTML tables do."""
    rows = [tuple(c for c in row if not data.draw(st.booleans(), "drop")) for row in grid.rows]
    ragged = Grid(tuple(rows), None)
    try:
        place(ragged.rows)
    except ValueError:
        assume(False)  # spans running into each other: no Word table draws that
    assume(any(rows))
    found = only_grid(write_docx([ragged]))
    assert shape(found) == filled(ragged)


def beijing() -> AnnualReport:
    report = govinfo.read(EXAMPLES / "beijing-ipo-2021-annual-report.zh.txt")
    assert isinstance(report, AnnualReport)
    return report


def test_the_form_of_table_three_round_trips() -> None:
    table = beijing().table("applications")
    assert isinstance(table, govinfo.Table)
    grid = form_grid(table)
    found = only_grid(write_docx([grid]))
    assert shape(found) == shape(grid)
    assert [(c.text, c.rowspan, c.colspan) for c in found.rows[0]][1:] == [("申请人情况", 1, 7)]
    assert (found.rows[0][0].rowspan, found.rows[0][0].colspan) == (3, 3)
    assert [(c.text, c.rowspan, c.colspan) for c in found.rows[1]] == [
        ("自然人", 2, 1),
        ("法人或其他组织", 1, 5),
        ("总计", 2, 1),
    ]
    outcomes = found.rows[5][0]
    assert outcomes.text == "三、本年度办理结果"
    assert outcomes.rowspan == len(found.rows) - 3 - 3  # 一, 二 above it and 四 below
    _, height, width, _ = place(found.rows)
    assert (height, width) == (len(found.rows), 10)


def test_a_report_s_blocks_round_trip() -> None:
    blocks = report_blocks(beijing())
    found = blocks_of(write_docx(blocks))
    assert [type(b) for b in found] == [type(b) for b in blocks]
    assert [(b.text, b.heading) for b in found if isinstance(b, TextBlock)] == [
        (b.text, b.heading) for b in blocks if isinstance(b, TextBlock)
    ]
    assert [shape(b) for b in found if isinstance(b, Grid)] == [
        shape(b) for b in blocks if isinstance(b, Grid)
    ]


def test_big_table_is_laid_out_whole() -> None:
    data = big_table(10_000)
    blocks = blocks_of(data)
    grid = blocks[0]
    assert isinstance(grid, Grid)
    assert len(grid.rows) == 10_000
    assert grid.rows[0][0] == GridCell("组0", SourceRef(1), 5, 1)
    assert all(len(row) == (10 if r % 5 == 0 else 9) for r, row in enumerate(grid.rows))


# --------------------------------------------------------------------------- hand-made XML


def texts(data: bytes) -> list[tuple[str, bool]]:
    return [(b.text, b.heading) for b in blocks_of(data) if isinstance(b, TextBlock)]


STYLES = f"""<w:styles xmlns:w="{W}">
<w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>
  <w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="zh2"><w:name w:val="标题 2"/></w:style>
<w:style w:type="paragraph" w:styleId="mine"><w:name w:val="My Heading"/>
  <w:basedOn w:val="1"/></w:style>
<w:style w:type="paragraph" w:styleId="outline"><w:name w:val="x"/>
  <w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="boldp"><w:name w:val="bold para"/>
  <w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="strong"><w:name w:val="Strong"/>
  <w:rPr><w:b/></w:rPr></w:style>
</w:styles>"""


def test_headings_by_style_outline_and_bold() -> None:
    body = "".join(
        [
            p("一、总体情况", '<w:pStyle w:val="1"/>'),
            p("（一）标题二", '<w:pStyle w:val="zh2"/>'),
            p("based on heading 1", '<w:pStyle w:val="mine"/>'),
            p("outline in style", '<w:pStyle w:val="outline"/>'),
            p("outline direct", '<w:outlineLvl w:val="0"/>'),
            p("outline 9 is body text", '<w:pStyle w:val="1"/><w:outlineLvl w:val="9"/>'),
            p("二、主动公开政府信息情况", rpr="<w:b/>"),
            p("bold by paragraph style", '<w:pStyle w:val="boldp"/>'),
            p("bold by character style", rpr='<w:rStyle w:val="strong"/>'),
            p("not bold: b val=0", rpr='<w:b w:val="0"/>'),
            p("这是一个加粗的句子。", rpr="<w:b/>"),
            p("加粗" * 30, rpr="<w:b/>"),
            "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>half </w:t></w:r><w:r><w:t>bold</w:t></w:r></w:p>",
            p("plain"),
        ]
    )
    assert texts(package(body, {"word/styles.xml": STYLES})) == [
        ("一、总体情况", True),
        ("（一）标题二", True),
        ("based on heading 1", True),
        ("outline in style", True),
        ("outline direct", True),
        ("outline 9 is body text", False),
        ("二、主动公开政府信息情况", True),
        ("bold by paragraph style", True),
        ("bold by character style", True),
        ("not bold: b val=0", False),
        ("这是一个加粗的句子。", False),
        ("加粗" * 30, False),
        ("half bold", False),
        ("plain", False),
    ]


def test_left_out_text_boxes_deletions_hidden_fields() -> None:
    textbox = (
        '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
        "<w:txbxContent><w:p><w:r><w:t>IN A TEXT BOX</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></v:shape></w:pict></w:r>"
    )
    body = (
        f"<w:p><w:r><w:t>before </w:t></w:r>{textbox}<w:r><w:t>after</w:t></w:r></w:p>"
        '<w:p><w:del w:id="1" w:author="a"><w:r><w:delText>DELETED</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>inserted</w:t></w:r></w:ins>'
        '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>MOVED AWAY</w:t></w:r></w:moveFrom></w:p>'
        "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r><w:r><w:t>shown</w:t></w:r></w:p>"
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText>PAGE</w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        '<w:p><w:r><w:t>note</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
        '<w:p><w:hyperlink r:id="x" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        "<w:r><w:t>link</w:t></w:r></w:hyperlink><w:r><w:tab/><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p>"
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>in a content control</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
        "<w:p/><w:p><w:r><w:t>　　全角缩进</w:t></w:r></w:p>"
    )
    parts = {
        "word/footnotes.xml": f'<w:footnotes xmlns:w="{W}"><w:footnote w:id="1">'
        "<w:p><w:r><w:t>FOOT</w:t></w:r></w:p></w:footnote></w:footnotes>",
        "word/header1.xml": f'<w:hdr xmlns:w="{W}"><w:p><w:r><w:t>HEADER</w:t></w:r></w:p></w:hdr>',
    }
    blocks = blocks_of(package(body, parts))
    assert [b.text for b in blocks if isinstance(b, TextBlock)] == [
        "before after",
        "inserted",
        "shown",
        "7",
        "note",
        "link\ta\nb",
        "in a content control",
        "全角缩进",
    ]
    # the empty paragraph counts as a line
    assert [line(b) for b in blocks] == [1, 2, 3, 4, 5, 6, 7, 9]


def test_table_details_nested_gridbefore_hmerge_sdt_rows() -> None:
    nested = "<w:tbl><w:tr>" + tc(p("n1")) + tc(p("n2")) + "</w:tr></w:tbl>"
    body = (
        p("intro")
        + "<w:tbl>"
        + "<w:tr>" + tc(p("a") + p("") + p("a2"), '<w:vMerge w:val="restart"/>')
        + tc(p("b") + nested) + "</w:tr>"
        + "<w:tr>" + tc(p("IGNORED?"), "<w:vMerge/>") + tc(p("c")) + "</w:tr>"
        + '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + tc(p("d")) + "</w:tr>"
        + "<w:tr>" + tc(p("e"), '<w:hMerge w:val="restart"/>')
        + tc(p("f"), '<w:hMerge/>') + "</w:tr>"
        + "<w:sdt><w:sdtContent><w:tr>" + tc(p("g")) + tc(p("h")) + "</w:tr></w:sdtContent></w:sdt>"
        + '<w:tr><w:trPr><w:del w:id="9" w:author="a"/></w:trPr>'
        + tc(p("gone")) + tc(p("gone")) + "</w:tr>"
        + "<w:tr>" + tc(p("no restart above"), '<w:gridSpan w:val="2"/>') + "</w:tr>"
        + "<w:tr>" + tc(p(""), '<w:gridSpan w:val="2"/><w:vMerge/>') + "</w:tr>"
        + "</w:tbl>"
        + p("outro")
    )  # fmt: skip
    blocks = blocks_of(package(body))
    assert isinstance(blocks[0], TextBlock)
    assert isinstance(blocks[2], TextBlock)
    grid = blocks[1]
    assert isinstance(grid, Grid)
    assert shape(grid) == (
        (("a\na2\nIGNORED?", 2, 1), ("b\nn1\nn2", 1, 1)),
        (("c", 1, 1),),
        (("", 1, 1), ("d", 1, 1)),
        (("e\nf", 1, 2),),
        (("g", 1, 1), ("h", 1, 1)),
        (("no restart above", 2, 2),),
        (),
    )
    assert line(grid) == 2
    assert line(grid.rows[0][0]) == 2
    assert line(grid.rows[0][1]) == 5
    assert line(grid.rows[2][0]) is None  # the gridBefore placeholder
    assert blocks[2] == TextBlock("outro", SourceRef(17), False)


NUMBERING = f"""<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>
</w:numbering>"""


def num(level: int, num_id: int = 1) -> str:
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


def test_auto_numbering_is_printed() -> None:
    body = "".join(
        [
            p("总体情况", num(0)),
            p("强化公文公开", num(1)),
            p("第一点", num(2)),
            p("第二点", num(2)),
            p("做好平台维护", num(1)),
            p("主动公开政府信息情况", num(0)),
            p("重新从（一）开始", num(1)),
            p("a bullet", num(0, 2)),
            p("numId 0 is no numbering", num(0, 0)),
            p("start override", num(0, 3)),
        ]
    )
    assert [t for t, _ in texts(package(body, {"word/numbering.xml": NUMBERING}))] == [
        "一、总体情况",
        "（一）强化公文公开",
        "1. 第一点",
        "2. 第二点",
        "（二）做好平台维护",
        "二、主动公开政府信息情况",
        "（一）重新从（一）开始",
        "a bullet",
        "numId 0 is no numbering",
        "十、start override",
    ]


def test_strict_ooxml_namespace() -> None:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    data = package(p("strict") + "<w:tbl><w:tr>" + tc(p("x")) + "</w:tr></w:tbl>", namespace=strict)
    blocks = blocks_of(data)
    assert blocks[0] == TextBlock("strict", SourceRef(1), False)
    assert isinstance(blocks[1], Grid)
    assert shape(blocks[1]) == ((("x", 1, 1),),)


def test_main_part_found_by_relationship_and_odd_names() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="/word/document2.xml"/></Relationships>',
        )
        z.writestr(
            "Word\\Document2.xml",
            f'<w:document xmlns:w="{W}"><w:body>{p("found")}</w:body></w:document>',
        )
    assert texts(out.getvalue()) == [("found", False)]


def test_empty_body_and_empty_table() -> None:
    assert blocks_of(package("")) == []
    assert blocks_of(package("<w:tbl><w:tblPr/></w:tbl><w:sectPr/>")) == []


# --------------------------------------------------------------------------- bad files


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"hello, not a docx at all", "not a zip"),
        (OLE2, r"Word 97-2003 \.doc \(or WPS\) file: save it as \.docx"),
        (OLE2 + "EncryptionInfo".encode("utf-16-le"), "password-protected"),
        (b"{\\rtf1\\ansi hello}", "RTF"),
        (b"%PDF-1.7\n", "PDF"),
        (b"\xef\xbb\xbf<html><body>x</body></html>", "HTML or MHT"),
        (b"MIME-Version: 1.0\r\nContent-Type: multipart/related", "HTML or MHT"),
        (b'<?xml version="1.0"?><w:wordDocument xmlns:w="x"/>', "Word 2003 XML"),
        (zip_of({"hello.txt": "hi"}), "no word/document.xml"),
        (
            zip_of({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}),
            "OpenDocument",
        ),
        (
            zip_of(
                {
                    "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="r" Type="http://x/officeDocument" Target="xl/workbook.xml"/>'
                    "</Relationships>",
                    "xl/workbook.xml": "<workbook/>",
                }
            ),
            "Excel",
        ),
        (package("", document=f"<w:document xmlns:w='{W}'><w:body>"), "not well-formed"),
        (package("", document="<worksheet/>"), "not a WordprocessingML document"),
        (package("<w:p><w:r><w:t>unclosed</w:r></w:p>"), "not well-formed"),
    ],
)
def test_bad_files(data: bytes, message: str) -> None:
    with pytest.raises(WordError, match=message) as e:
        blocks_of(data)
    assert "\n" not in str(e.value)
    assert str(e.value).startswith("test.docx: ")


@pytest.mark.parametrize("fraction", [0.1, 0.3, 0.5, 0.7, 0.9, 0.99])
def test_truncated_docx(fraction: float) -> None:
    data = write_docx(SAMPLE)
    with pytest.raises(WordError, match="truncated or damaged"):
        blocks_of(data[: int(len(data) * fraction)])


def test_damaged_member_data() -> None:
    data = bytearray(big_table(200))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 100, start + 140):
        data[i] ^= 0x5A
    with pytest.raises(WordError, match=r"truncated or damaged|not well-formed"):
        blocks_of(bytes(data))


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE w:document ['
    '<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
    + "".join(
        f'<!ENTITY {c} "{("&" + p_ + ";") * 10}">'
        for p_, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + f']><w:document xmlns:w="{W}"><w:body>'
    + "<w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>"
)
XXE = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
)


@pytest.mark.parametrize("document", [BILLION_LAUGHS, XXE])
def test_entity_attacks_refused(document: str) -> None:
    with pytest.raises(WordError, match="DOCTYPE"):
        blocks_of(package("", document=document))


def test_doctype_in_styles_refused() -> None:
    styles = f'<!DOCTYPE s [<!ENTITY x "y">]><w:styles xmlns:w="{W}"/>'
    with pytest.raises(WordError, match="DOCTYPE"):
        blocks_of(package(p("x"), {"word/styles.xml": styles}))


def test_oversized_document_refused_before_reading() -> None:
    """A zip bomb: 65 MB of document.xml deflated to a few hundred KB."""
    filler = b" " * (MAX_DOCUMENT_BYTES + 1024)
    document = f'<w:document xmlns:w="{W}"><w:body>'.encode() + filler + b"</w:body></w:document>"
    data = package("", document=document.decode())
    assert len(data) < 1_000_000
    with pytest.raises(LimitError, match="over the 67108864-byte limit"):
        blocks_of(data)


def lie_about_size(data: bytes, name: str, size: int) -> bytes:
    """The zip with ``name``'s uncompressed size stated as ``size`` in both its headers."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(name)
    struct.pack_into("<I", out, info.header_offset + 22, size)  # local file header
    encoded = name.encode()
    at = out.rfind(b"PK\x01\x02", 0, out.rfind(encoded))  # its central directory entry
    struct.pack_into("<I", out, at + 24, size)
    return bytes(out)


def test_understated_size_is_caught() -> None:
    data = lie_about_size(big_table(50), "word/document.xml", 100)
    with pytest.raises(WordError, match=r"truncated or damaged|not well-formed"):
        blocks_of(data)


@given(st.data())
def test_damaged_bytes_give_blocks_or_one_line(data: st.DataObject) -> None:
    """Bytes flipped anywhere in a real .docx: blocks or a WordError, never anything else."""
    original = bytearray(SAMPLE_DOCX)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(original) - 1))
        original[at] = data.draw(st.integers(0, 255))
    message = None
    try:
        blocks_of(bytes(original))
    except WordError as e:
        message = str(e)
    assert message is None or (message and "\n" not in message)


def test_written_merges_are_what_word_writes() -> None:
    """The writer's XML: gridSpan on the origin, vMerge restart then bare vMerge continues."""
    grid = Grid((
        (GridCell("A", None, 2, 2), GridCell("B", None)),
        (GridCell("C", None),),
    ), None)  # fmt: skip
    document = docx.Document(io.BytesIO(write_docx([grid])))
    xml = document.tables[0]._tbl.xml
    assert xml.count('w:gridSpan w:val="2"') == 2
    assert xml.count('w:vMerge w:val="restart"') == 1
    assert xml.count("<w:vMerge/>") == 1


def test_writer_drops_non_xml_characters_and_skips_images() -> None:
    found = blocks_of(write_docx([TextBlock("x\x07y", None), Image("1.jpg"), Grid((), None)]))
    assert found == [TextBlock("xy", SourceRef(1), False)]


def test_more_layout_cases() -> None:
    drawing_textbox = (
        '<w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData>'
        '<wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>'
        "<w:txbxContent><w:p><w:r><w:t>SHAPE TEXT</w:t></w:r></w:p>"
        "<w:tbl><w:tr>" + tc(p("TABLE IN A SHAPE")) + "</w:tr></w:tbl>"
        "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )
    alternate = (
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        "<mc:Choice><w:drawing/></mc:Choice><mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent>"
    )
    body = (
        f"<w:p><w:r><w:t>text</w:t></w:r>{drawing_textbox}</w:p>"
        f"<w:p><w:r>{alternate}<w:t>beside a shape</w:t></w:r></w:p>"
        # two tables with nothing between them stay two grids
        "<w:tbl><w:tr>" + tc(p("t1")) + "</w:tr></w:tbl>"
        "<w:tbl><w:tr>" + tc(p("t2")) + "</w:tr></w:tbl>"
        # a table inside a body-level content control (read whole, not streamed)
        "<w:sdt><w:sdtContent><w:tbl>"
        "<w:tr>" + tc(p("s1"), '<w:vMerge w:val="restart"/>') + tc(p("s2")) + "</w:tr>"
        "<w:tr>" + tc(p(""), "<w:vMerge/>") + tc(p("s3")) + "</w:tr>"
        "</w:tbl></w:sdtContent></w:sdt>"
        # a continuation under a wider cell is a cell of its own
        "<w:tbl><w:tr>"
        + tc(p("wide"), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>')
        + "</w:tr>"
        "<w:tr>" + tc(p("narrow"), "<w:vMerge/>") + tc(p("z")) + "</w:tr></w:tbl>"
        + p("end")
    )  # fmt: skip
    blocks = blocks_of(package(body))
    assert blocks[:2] == [
        TextBlock("text", SourceRef(1), False),
        TextBlock("beside a shape", SourceRef(2), False),
    ]
    assert [shape(b) for b in blocks[2:6] if isinstance(b, Grid)] == [
        ((("t1", 1, 1),),),
        ((("t2", 1, 1),),),
        ((("s1", 2, 1), ("s2", 1, 1)), (("s3", 1, 1),)),
        ((("wide", 1, 2),), (("narrow", 1, 1), ("z", 1, 1))),
    ]
    assert [line(b) for b in blocks] == [1, 2, 3, 4, 5, 9, 12]
    assert blocks[-1] == TextBlock("end", SourceRef(12), False)


def test_no_body() -> None:
    assert blocks_of(package("", document=f'<w:document xmlns:w="{W}"/>')) == []


def test_damaged_styles_part_is_ignored() -> None:
    data = package(p("x", '<w:pStyle w:val="1"/>'), {"word/styles.xml": "<w:styles"})
    assert texts(data) == [("x", False)]


def test_overlapping_spans_are_refused_by_the_writer() -> None:
    # B runs down into the place C's colspan takes
    grid = Grid(
        ((GridCell("A", None), GridCell("B", None, 2, 1)), (GridCell("C", None, 1, 2),)), None
    )
    with pytest.raises(ValueError, match="overlap at row 2, column 2"):
        write_docx([grid])


def test_junk_span_values() -> None:
    body = (
        "<w:tbl><w:tr>"
        + tc(p("a"), '<w:gridSpan w:val="abc"/>')
        + tc(p("b"), '<w:gridSpan w:val="-3"/>')
        + tc(p("c"), '<w:gridSpan w:val="99999999999"/>')
        + "</w:tr><w:tr>"
        + tc(p("d"), '<w:vMerge w:val="bogus"/>')
        + "</w:tr></w:tbl>"
    )
    assert shape(only_grid(package(body))) == (
        (("a", 1, 1), ("b", 1, 1), ("c", 1, MAX_SPAN)),
        (("d", 1, 1),),
    )


# --------------------------------------------------------------------------- reports in Word


@pytest.mark.parametrize("example", annual_examples(), ids=lambda p: p.name)
def test_an_example_written_in_word_reads_back(example: Path) -> None:
    report = govinfo.read(example)
    assert isinstance(report, AnnualReport)
    back = govinfo.read(Source(report_docx(report), "report.docx"))
    assert isinstance(back, AnnualReport)
    assert back.metadata.origin is not None
    assert back.metadata.origin.reader == "docx"
    own, shared = own_and_shared(report)
    assert only(cells(back), own) == only(cells(report), own)
    # A row of digits glued together and split: the form prints the whole row in each of its
    # cells, so Word holds what the page of the same form holds.
    if shared:
        page = govinfo.read(Source(pages.page(report).encode("utf-8"), "report.html"))
        assert isinstance(page, AnnualReport)
        assert only(cells(back), shared) == only(cells(page), shared)


@settings(max_examples=25)
@given(gs.printable_reports())
def test_a_report_reads_back_from_its_word_file(report: AnnualReport) -> None:
    back = govinfo.read(Source(report_docx(report), "report.docx"))
    assert isinstance(back, AnnualReport)
    assert content(back) == content(report)


# --------------------------------------------------------------------------- through the pipeline

OLE2_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "WordDocument".encode("utf-16-le")


@pytest.mark.parametrize("name", ["report.doc", "report.wps", "report.docx", "report"])
def test_a_word_97_file_is_refused_in_one_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(OLE2_DOC)
    with pytest.raises(WordError) as caught:
        govinfo.read(path)
    assert str(caught.value) == f"{path}: a Word 97-2003 .doc (or WPS) file: save it as .docx"


def test_a_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(zip_of({"report.txt": "一、总体情况"}))
    with pytest.raises(WordError, match=r"report\.docx: a zip archive but not a \.docx"):
        govinfo.read(path)


def test_a_word_web_page_named_doc_is_read_as_html() -> None:
    report = beijing()
    document = govinfo.read(Source(pages.page(report, word=True).encode("utf-8"), "report.doc"))
    assert document.metadata.origin is not None
    assert document.metadata.origin.reader == "html"


_BIG_TABLE_READ = """
import resource, sys
sys.path.insert(0, "tests")
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
import govinfo
from govinfo import Limits, Source
from govinfo.statute import ANNUAL_REPORT_SECTIONS
from wordml import big_table, big_table_xml, p, package

body = p("某某局2023年政府信息公开工作年度报告")
for section in ANNUAL_REPORT_SECTIONS:
    body += p(section.heading, rpr="<w:b/>") + p("本年度情况如下。")
    if section.key == "applications":
        body += big_table_xml(10_000)
runs = ((None, big_table(10_000)), (None, package(body)), (Limits(cells=100_000), package(body)))
for limits, data in runs:
    try:
        print(govinfo.read(Source(data, "big.docx"), limits=limits).kind)
    except govinfo.GovinfoError as exc:
        print(str(exc) if "\\n" not in str(exc) else "MORE THAN ONE LINE")
"""


def test_a_table_of_ten_thousand_rows_is_refused_or_read_within_memory() -> None:
    """Beyond the cells limit, refused in one line, alone and in a report's section 三; with
    the limit raised, the report read within 2 GB of memory."""
    found = subprocess.run(
        [sys.executable, "-c", _BIG_TABLE_READ],
        capture_output=True, text=True, timeout=600, cwd=ROOT, check=True,
    )  # fmt: skip
    lines = found.stdout.splitlines()
    refused = "big.docx: a table: 92,000 cells, more than the limit cells=20,000"
    assert lines[0].startswith(refused)
    assert lines[1].startswith(refused)
    assert lines[2] == "annual_report"
