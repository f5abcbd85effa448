"""The PDF reader: a real report's every statutory cell, layouts printed by a browser, and
files that cannot be read, each in one line."""

from __future__ import annotations

import functools
import subprocess
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import pdfbytes
import pdfpages
import pytest
from chromium import print_pdf
from conftest import EXAMPLES, ROOT
from govinfo_plugins.pdf.document import pdf_layout
from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo
from govinfo import AnnualReport, GovinfoError, PdfError, Source, Table
from govinfo.layout import Grid, Layout, TextBlock
from govinfo.statute import TABLE_KEYS, table_def
from govinfo.testing import pages

DATA = Path(__file__).parent / "data"
HONGZE = DATA / "hongze-district-2023-annual-report.pdf"
HONGZE_CELLS = DATA / "hongze-district-2023-annual-report.cells.tsv"


def fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


# --------------------------------------------------------------------------- Hongze 2023


class Expected(NamedTuple):
    """One line of the hand-read cells: the cells its label fragments name, and the value.

    A fragment naming a group of rows (（六）其他处理) and no row of it names the group's
    cells: the report printed the group as one row.
    """

    rows: str
    columns: str
    value: str
    keys: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.rows}/{self.columns}"


def _matches(fragments: str, text: str, own: str) -> bool:
    """``a+!b+=c``: the label holds ``a``, does not hold ``b``, its own label is ``c``."""
    for fragment in fragments.split("+"):
        kind, piece = (
            (fragment[0], fold(fragment[1:])) if fragment[:1] in "!=" else ("", fold(fragment))
        )
        if (kind == "!" and piece in text) or (kind == "=" and own != piece):
            return False
        if kind == "" and piece not in text:
            return False
    return True


def _statutory_keys(rows: str, columns: str) -> tuple[str, ...]:
    """The cells of the 2021 format whose row and column labels the fragments match."""
    found = []
    for table_key in TABLE_KEYS:
        definition = table_def(table_key, "2021")
        for row in definition.rows:
            row_text = fold("".join(g.zh for g in row.groups) + row.label.zh)
            if not _matches(rows, row_text, fold(row.label.zh)):
                continue
            for column in row.columns:
                column_text = fold("".join(g.zh for g in column.groups) + column.label.zh)
                if _matches(columns, column_text, fold(column.label.zh)):
                    found.append(f"{table_key}.{row.key}.{column.key}")
    return tuple(found)


def expectations() -> list[Expected]:
    out = []
    for line in HONGZE_CELLS.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows, columns, value = line.split("\t")
        keys = _statutory_keys(rows, columns)
        # One cell, or the cells of one column over a group's rows.
        assert len(keys) == 1 or len({k.rsplit(".", 1)[1] for k in keys}) == 1, (line, keys)
        out.append(Expected(rows, columns, value, keys))
    return out


EXPECTED = expectations()


@functools.cache
def hongze() -> AnnualReport:
    document = govinfo.read(HONGZE)
    assert isinstance(document, AnnualReport)
    return document


def _cell_of(document: AnnualReport, key: str) -> object:
    section = next(s for s in document.sections if key.startswith(f"{s.key}."))
    table = section.table
    if not isinstance(table, Table):
        return None
    try:
        return table[key]
    except KeyError:
        return None  # a key of the other format version


def _value(text: str) -> object:
    return Decimal(text) if "." in text else int(text)


def test_the_expectations_name_every_cell_of_the_format_once() -> None:
    assert len(EXPECTED) == 186
    single = [e.keys[0] for e in EXPECTED if len(e.keys) == 1]
    assert len(single) == len(set(single)) == 179


@pytest.mark.parametrize("expected", [pytest.param(e, id=e.id) for e in EXPECTED])
def test_hongze_cell(expected: Expected) -> None:
    document = hongze()
    value = _value(expected.value)
    if len(expected.keys) == 1:
        cell = _cell_of(document, expected.keys[0])
        assert getattr(cell, "value", None) == value, cell
        assert getattr(cell, "raw", None) == expected.value
        source = getattr(cell, "source", None)
        assert source is not None
        assert source.page in (2, 3, 4)
        assert source.line is not None
        return
    # A group printed as one row: its rows' cells together hold the printed value.
    table = document.table("applications")
    assert isinstance(table, Table)
    assert table.version == "2021"
    cells = [_cell_of(document, key) for key in expected.keys]
    values = [getattr(c, "value", None) for c in cells]
    assert any(v is not None for v in values)
    assert sum(v for v in values if v is not None) == value


def test_hongze_reads_in_the_format_it_is_printed_in() -> None:
    document = hongze()
    assert document.metadata.format_version == "2021"
    versions = {s.key: s.table.version for s in document.sections if isinstance(s.table, Table)}
    assert versions == dict.fromkeys(("proactive", "applications", "appeals"), "2021")


def test_hongze_has_no_value_beyond_the_expectations() -> None:
    claimed = {key for e in EXPECTED for key in e.keys}
    document = hongze()
    extra = [
        ref.key
        for section in document.sections
        if isinstance(section.table, Table)
        for ref in section.table.cells()
        if getattr(ref.cell, "value", None) is not None and ref.key not in claimed
    ]
    assert extra == []


def test_hongze_table_four_does_not_add_up_where_it_does_not() -> None:
    """行政复议 总计 printed 0 with parts 10 + 1 + 0 + 0; 复议后起诉 总计 0 with parts 5."""
    r4 = [f for f in govinfo.check(hongze()) if f.rule == "R4"]
    fails = sorted(f.where.key for f in r4 if f.is_fail)
    assert fails == ["appeals.litigation_after.*", "appeals.reconsideration.*"]
    by_row = {f.where.key: f for f in r4 if f.is_fail}
    assert (
        by_row["appeals.reconsideration.*"].expected,
        by_row["appeals.reconsideration.*"].actual,
    ) == (11, 0)
    assert (
        by_row["appeals.litigation_after.*"].expected,
        by_row["appeals.litigation_after.*"].actual,
    ) == (5, 0)


@functools.cache
def hongze_layout() -> Layout:
    return pdf_layout(HONGZE.read_bytes(), HONGZE.name)


def _shape(grid: Grid) -> list[list[tuple[str, int, int]]]:
    return [[(c.text, c.rowspan, c.colspan) for c in row] for row in grid.rows]


def _grids(layout: Layout) -> list[Grid]:
    return [b for b in layout.blocks if isinstance(b, Grid)]


def _texts(layout: Layout) -> list[TextBlock]:
    return [b for b in layout.blocks if isinstance(b, TextBlock)]


def test_hongze_layout_tables() -> None:
    proactive, applications, appeals = _grids(hongze_layout())
    # Table 二 goes on from page 2 to page 3, its blocks of one value column spanning three.
    rows = _shape(proactive)
    assert len(rows) == 14
    assert rows[9] == [("行政处罚", 1, 1), ("4119", 1, 3)]
    assert rows[13] == [("行政事业性收费", 1, 1), ("7730.28", 1, 3)]
    assert {c.source.page for c in proactive.rows[9] if c.source} == {3}
    # Table 三: the vertical label (one character a line) whole, down the rows it heads over
    # the page break; the headers stacked two characters a line whole.
    rows = _shape(applications)
    assert len(rows) == 26
    assert rows[0] == [(pdfpages.CORNER, 3, 3), ("申请人情况", 1, 7)]
    assert rows[2] == [
        (t, 1, 1) for t in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
    ]
    assert rows[5][0] == ("三、本年度办理结果", 20, 1)
    assert rows[15][0] == ("（四）无法提供", 3, 1)
    assert rows[17][0][0] == "3.补正后申请内容仍不明确"
    assert applications.rows[17][0].source == govinfo.SourceRef(1, page=4)
    # The two rows printed unlike the form: a label with characters missing, and （六） as one
    # row (as the 2019 format has it).
    assert rows[8] == [("2.其他法律行政止公开", 1, 1), *[("0", 1, 1)] * 7]
    assert rows[23] == [("（六）其他处理", 1, 2), *[("0", 1, 1)] * 7]
    # Table 四: one data row under two levels of headers.
    rows = _shape(appeals)
    assert rows[0] == [("行政复议", 1, 5), ("行政诉讼", 1, 10)]
    assert [t for t, *_ in rows[3]] == [
        "10",
        "1",
        "0",
        "0",
        "0",
        *["0"] * 5,
        "5",
        "0",
        "0",
        "0",
        "0",
    ]


def test_hongze_layout_text() -> None:
    layout = hongze_layout()
    texts = _texts(layout)
    headings = [b.text for b in texts if b.heading]
    assert headings[:3] == ["洪泽区人民政府", "2023年政府信息公开工作年度报告", "一、总体情况"]
    assert "六、其他需要报告的事项" in headings
    # A paragraph going on over the page break is one paragraph; no spaces inside Chinese.
    joined = next(b for b in texts if b.text.startswith("2023年，洪泽区政府信息公开工作取得"))
    assert joined.text.endswith("业务工作水平。")
    assert " " not in joined.text
    assert all(b.source is not None and b.source.page and b.source.line for b in texts)
    assert {d.reason for d in layout.dropped} == {"a page number"}
    assert [d.source.page for d in layout.dropped if d.source] == [1, 2, 3, 4, 5]


def test_the_layout_is_a_function_of_the_bytes() -> None:
    data = HONGZE.read_bytes()
    assert pdf_layout(data, "a.pdf") == pdf_layout(data, "a.pdf") == hongze_layout()


# --------------------------------------------------------------------------- printed by a browser


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Layout]:
    """The test pages printed by Chromium (with its own running header and footer for the
    first), read."""
    folder = tmp_path_factory.mktemp("printed")
    out = {}
    for name, html, header_footer in (
        ("ruled", pdfpages.ruled(), True),
        ("unruled", pdfpages.unruled(), False),
        ("split", pdfpages.split(), False),
    ):
        data = print_pdf(html, folder / f"{name}.pdf", header_footer=header_footer)
        out[name] = pdf_layout(data, f"{name}.pdf")
    return out


def test_ruled_table_over_two_pages(printed: dict[str, Layout]) -> None:
    layout = printed["ruled"]
    (grid,) = _grids(layout)
    rows = _shape(grid)
    assert rows[:3] == [
        [(pdfpages.CORNER, 3, 3), ("申请人情况", 1, 4)],
        [("自然人", 2, 1), ("法人或其他组织", 1, 2), ("总计", 2, 1)],
        [("商业企业", 1, 1), ("科研机构", 1, 1)],
    ]
    assert sum(1 for row in rows if row and row[0][0] == "自然人") == 1  # <thead> repeated
    assert len(rows) == 27
    assert rows[5][0] == ("三、本年度办理结果", 21, 1)
    assert rows[7][0] == ("（三）不予公开", 14, 1)
    assert rows[-1] == [("四、结转下年度继续办理", 1, 3), *[("0", 1, 1)] * 4]
    pages_of = [c.source.page for c in (grid.rows[0][0], grid.rows[-1][0]) if c.source]
    assert pages_of == [1, 2]
    texts = [b.text for b in _texts(layout)]
    assert not any("file://" in t or "测试报告" in t or t in ("1/2", "2/2") for t in texts)
    # Chromium's date and title above, its URL and 1/2 below, on every page.
    assert {d.reason for d in layout.dropped} == {"a running header or footer"}
    assert len(layout.dropped) == 4
    paragraphs = [t for t in texts if t.startswith("本年度")]
    assert len(paragraphs) == 3
    assert " " not in paragraphs[0]
    assert paragraphs[0].endswith("未发生泄密事件。")
    assert [b.text for b in _texts(layout) if b.heading] == [
        "测试区人民政府2023年政府信息公开工作年度报告",
        "一、总体情况",
        "二、收到和处理政府信息公开申请情况",
        "三、存在的主要问题及改进情况",
    ]


def test_tables_without_rules(printed: dict[str, Layout]) -> None:
    layout = printed["unruled"]
    documents, applications, narrow = _grids(layout)
    assert _shape(documents) == [
        [(t, 1, 1) for t in ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数")],
        [(t, 1, 1) for t in ("规章", "2", "0", "11")],
        [(t, 1, 1) for t in ("行政规范性文件", "14", "3", "128")],
    ]
    rows = _shape(applications)
    assert rows[:2] == [
        [("项目", 2, 1), ("申请人情况", 1, 3)],
        [("自然人", 1, 1), ("法人或其他组织", 1, 1), ("总计", 1, 1)],  # 总    计: one cell
    ]
    assert rows[4] == [(t, 1, 1) for t in ("5.要求行政机关确认或重新出具已获取信息", "0", "2", "2")]
    assert rows[5][1][0] == "7730.28"
    assert len(rows) == 6
    assert _shape(narrow)[0] == [
        (t, 1, 1) for t in ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数")
    ]
    assert [t for t, *_ in _shape(narrow)[1]] == ["规章", "5", "1", "40"]
    texts = [b.text for b in _texts(layout)]
    assert texts[0] == "二、主动公开政府信息情况"
    assert texts.count(texts[1]) == 4  # the paragraphs, and no — n — footer
    assert not any("—" in t and len(t) < 8 for t in texts)


def test_a_label_cut_by_the_page_break(printed: dict[str, Layout]) -> None:
    layout = printed["split"]
    (grid,) = _grids(layout)
    rows = _shape(grid)
    assert len(rows) == 11
    assert rows[7][0] == ("（四）无法提供", 3, 1)
    assert rows[1][0] == ("三、办理结果", 9, 1)  # not repeated on page 2: spans into it
    assert rows[9] == [(t, 1, 1) for t in ("3.补正后仍不明确", "0", "1", "1")]
    texts = [b.text for b in _texts(layout)]
    assert "测试区人民政府信息公开年报" not in texts
    assert not any("第" in t and "页" in t and len(t) < 8 for t in texts)


# --------------------------------------------------------------------------- what cannot be read


def _refused(data: bytes, name: str, *, reader: str | None = "pdf") -> str:
    with pytest.raises(GovinfoError) as caught:
        govinfo.read(Source(data, name), reader=reader)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{name}: ")
    return message


def test_not_a_pdf() -> None:
    assert "not a PDF" in _refused(b"GIF89a not a pdf at all", "picture.pdf")


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.999])
def test_truncated(fraction: float) -> None:
    data = HONGZE.read_bytes()
    message = _refused(data[: int(len(data) * fraction)], "cut.pdf", reader=None)
    assert "a truncated PDF" in message


def test_damaged() -> None:
    data = b"%PDF-1.7\n" + b"\x00garbage" * 200 + b"\n%%EOF\n"
    assert "a damaged PDF" in _refused(data, "broken.pdf", reader=None)


def test_scanned() -> None:
    message = _refused(pdfbytes.pdf(pdfbytes.BOX), "scan.pdf", reader=None)
    assert "a scanned PDF" in message
    assert "no text layer" in message


def test_encrypted_with_a_password() -> None:
    data = pdfbytes.pdf(pdfbytes.text("secret"), user=b"secret")
    assert "an encrypted PDF: it cannot be opened without its password" in _refused(
        data, "locked.pdf", reader=None
    )


def test_encrypted_with_an_owner_password_only_is_read() -> None:
    """Permissions only (no copying, no printing), as government sites often publish."""
    data = pdfbytes.pdf(pdfbytes.text("Open to all"), user=b"")
    (block,) = pdf_layout(data, "owner.pdf").blocks
    assert block == TextBlock("Open to all", govinfo.SourceRef(1, page=1))


def test_a_page_saved_as_pdf_is_read_as_html() -> None:
    report = govinfo.read(EXAMPLES / "beijing-ipo-2021-annual-report.zh.txt")
    assert isinstance(report, AnnualReport)
    document = govinfo.read(Source(pages.page(report).encode("utf-8"), "report.pdf"))
    assert document.metadata.origin is not None
    assert document.metadata.origin.reader == "html"


def test_the_command_line_says_why_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from govinfo.cli import main

    locked = tmp_path / "locked.pdf"
    locked.write_bytes(pdfbytes.pdf(pdfbytes.text("x"), user=b"secret"))
    assert main(["check", str(locked)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err
    assert str(locked) in err
    assert "password" in err


@settings(max_examples=25)
@given(st.data())
def test_damaged_bytes_give_a_document_or_one_line(data: st.DataObject) -> None:
    original = bytearray(HONGZE.read_bytes())
    kind = data.draw(st.sampled_from(["flip", "cut", "cut the end"]))
    if kind == "flip":
        for _ in range(data.draw(st.integers(1, 40))):
            original[data.draw(st.integers(0, len(original) - 1))] = data.draw(st.integers(0, 255))
    elif kind == "cut":
        at = data.draw(st.integers(0, len(original) - 1))
        del original[at : at + data.draw(st.integers(1, 5000))]
    else:
        original = original[: data.draw(st.integers(0, len(original) - 1))] + b"\n%%EOF\n"
    message = ""
    try:
        govinfo.read(Source(bytes(original), "fuzzed.pdf"))
    except GovinfoError as exc:
        message = str(exc)
    assert "\n" not in message


# --------------------------------------------------------------------------- cost


def test_reading_text_does_not_load_pdfium() -> None:
    script = (
        "import sys, pathlib, govinfo; "
        f"govinfo.read(pathlib.Path({str(EXAMPLES / 'beijing-ipo-2021-annual-report.zh.txt')!r})); "
        "print(sorted(m for m in sys.modules if 'pdfium' in m))"
    )
    found = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert found.stdout.strip() == "[]"
    assert PdfError.__mro__[1:3] == (GovinfoError, ValueError)
