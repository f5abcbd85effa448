"""Text recognition end to end, on real pages: the Hongze report drawn at 150 and 300 dpi and
as a scanned PDF, degraded copies of it, the HTML reporter's tables as Chromium draws them,
a report laid out like the image seed with its pictures beside it; and the limits.

Every cell is right or unreadable, never a different number.  Each picture is recognised once
per session (the recogniser is the slow part): the documents are cached.

Skipped without the ``ocr`` extra unless GOVINFO_OCR_TESTS=required (as CI sets it).
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import struct
import subprocess
import sys
import zlib
from decimal import Decimal
from pathlib import Path

import pictures
import pytest
from conftest import ROOT, require_ocr
from test_pdf_reader import EXPECTED, Expected, _cell_of

import govinfo
from govinfo import AnnualReport, GovinfoError, LimitError, Source, SourceRef, Table
from govinfo.model.cells import NotReported, Unreadable
from govinfo.statute import TableKey

SEED = ROOT / "examples" / "shanghai-ipo-2022-annual-report.zh.txt"
#: The cells of Hongze's table 四 whose rows do not add up as printed (总计 0 for parts that
#: come to 11 and to 5): recognised right, but the arithmetic contradicts them.
CONTRADICTED = {
    f"appeals.{row}.{column}"
    for row in ("reconsideration", "litigation_after")
    for column in ("upheld", "corrected", "other", "pending", "total")
}


@pytest.fixture(autouse=True)
def _ocr() -> None:
    require_ocr()


def _value(text: str) -> object:
    return Decimal(text) if "." in text else int(text)


@functools.cache
def hongze(kind: str) -> AnnualReport:
    """The Hongze report recognised: ``150`` (every page drawn at 150 dpi, as one multi-page
    TIFF), ``300`` (its table pages, 2 to 4, at 300 dpi), ``scanned`` (a PDF of its pages as
    pictures, no text layer), or a degradation of its table pages at 200 dpi."""
    if kind == "150":
        data = pictures.as_tiff(pictures.hongze_pages(150), 150)
        source = Source(data, "hongze-150dpi.tiff")
    elif kind == "300":  # the pages with the tables (2 to 4): a 300 dpi page takes longer
        data = pictures.as_tiff(pictures.hongze_pages(300)[1:4], 300)
        source = Source(data, "hongze-300dpi.tiff")
    elif kind == "scanned":
        data = pictures.as_scanned_pdf(pictures.hongze_pages(150), 150)
        source = Source(data, "hongze-scanned.pdf")
    else:
        degrade = pictures.DEGRADATIONS[kind]
        pages = [degrade(p) for p in pictures.hongze_pages(200)[1:4]]
        source = Source(pictures.as_tiff(pages, 200), f"hongze-{kind}.tiff")
    document = govinfo.read(source)
    assert isinstance(document, AnnualReport)
    return document


def _judge(document: AnnualReport, expected: list[Expected]) -> tuple[int, list[str], list[str]]:
    """(cells read right, cells read as another number or as blank, cells unreadable)."""
    right, wrong, unread = 0, [], []
    for e in expected:
        if len(e.keys) != 1:
            continue
        cell = _cell_of(document, e.keys[0])
        value = getattr(cell, "value", None)
        if value == _value(e.value):
            right += 1
        elif isinstance(cell, Unreadable):
            unread.append(e.keys[0])
        else:  # another number, or a printed value read as blank (NotReported)
            wrong.append(f"{e.id}: {e.value} read as {cell!r}")
    return right, wrong, unread


@pytest.mark.parametrize("kind", ["150", "300", "scanned"])
def test_hongze_recognised_reads_every_cell_the_arithmetic_allows(kind: str) -> None:
    document = hongze(kind)
    right, wrong, unread = _judge(document, EXPECTED)
    assert wrong == []
    # All 179 cells but those of the two rows the report's own table 四 contradicts.
    assert set(unread) <= CONTRADICTED, unread
    assert right >= 169, unread
    assert document.metadata.format_version == "2021"
    o1 = [f for f in govinfo.check(document) if f.rule == "O1"]
    for finding in o1:
        assert "the OCR reading does not balance" in finding.message
        assert "the report's own error or a misread" in finding.message
    # Each contradicted row is said to be: by O1 (its values read surely), or its 总计, read
    # with doubt, is unreadable between what the picture shows and what the parts give.
    for row, parts in (("reconsideration", 11), ("litigation_after", 5)):
        total = _cell_of(document, f"appeals.{row}.total")
        said = any(f"appeals.{row}.total" in f.cells for f in o1)
        assert said or (isinstance(total, Unreadable) and set(total.candidates) == {0, parts})
    # The group printed as one row: its rows' cells together hold the printed value.
    group = next(e for e in EXPECTED if len(e.keys) > 1)
    values = [getattr(_cell_of(document, k), "value", None) for k in group.keys]
    assert sum(v for v in values if v is not None) == _value(group.value)


@functools.cache
def hongze_page(number: int) -> AnnualReport | str:
    """One page of the Hongze report drawn at 150 dpi as its own picture, read; or the one
    line it is refused with."""
    out = io.BytesIO()
    pictures.hongze_pages(150)[number - 1].save(out, "PNG")
    try:
        document = govinfo.read(Source(out.getvalue(), f"hongze-page-{number}.png"))
    except GovinfoError as error:
        return str(error)
    assert isinstance(document, AnnualReport)
    return document


def test_each_page_as_its_own_picture_reads_what_it_holds() -> None:
    # Page 1 has the title and 一 only; 2 has 二 over its table; 3 has the last rows of table
    # 二 and then 三 over most of its table; 4 the rest of 三, 四 and 五; 5 has 六 alone.
    first = hongze_page(1)
    assert isinstance(first, AnnualReport)
    assert "年度报告" in (first.metadata.title or "")
    assert [s.key for s in first.sections if s.heading is not None] == ["general"]
    refused = hongze_page(5)
    assert isinstance(refused, str)
    assert "no document of a known kind" in refused
    read: dict[str, object] = {}
    for number in (2, 3, 4):
        document = hongze_page(number)
        assert isinstance(document, AnnualReport), document
        for e in EXPECTED:
            if len(e.keys) != 1:
                continue
            cell = _cell_of(document, e.keys[0])  # None where the page has no such table
            if getattr(cell, "value", None) == _value(e.value):
                read[e.keys[0]] = cell
            else:  # a row off the page is unreadable, never another number or a blank
                assert cell is None or isinstance(cell, Unreadable), (number, e, cell)
    third = hongze_page(3)
    assert isinstance(third, AnnualReport)
    received = _cell_of(third, "applications.received.natural_person")
    assert getattr(received, "value", None) == 21
    assert getattr(received, "source", None) == SourceRef(
        line=17, image="hongze-page-3.png", box=(662, 1011, 694, 1032)
    )
    # The table 三 rows of page 3 (一 to （四）2) are read off it.
    not_held = _cell_of(third, "applications.outcome.unavailable.not_held.total")
    assert getattr(not_held, "value", None) == 10
    cut = _cell_of(third, "applications.carried_forward.total")
    assert isinstance(cut, Unreadable)
    assert "the text ends before this row" in cut.reason
    assert len(read) >= 60, sorted(read)


def test_sources_name_the_picture_the_page_and_the_box() -> None:
    document = hongze("150")
    table = document.table("applications")
    assert isinstance(table, Table)
    cell = table["received.natural_person"]
    source = cell.source
    assert source is not None
    assert (source.image, source.page) == ("hongze-150dpi.tiff", 3)
    assert source.box is not None
    x0, top, x1, bottom = source.box
    width, height = pictures.hongze_pages(150)[2].size
    assert 0 <= x0 < x1 <= width
    assert 0 <= top < bottom <= height
    scanned = hongze("scanned").table("applications")
    assert isinstance(scanned, Table)
    page_source = scanned["received.natural_person"].source
    assert page_source is not None
    assert (page_source.image, page_source.page) == (None, 3)
    assert page_source.box is not None  # in points of the PDF's page


@pytest.mark.parametrize("kind", sorted(pictures.DEGRADATIONS))
def test_a_degraded_copy_reads_right_or_unreadable(kind: str) -> None:
    right, wrong, unread = _judge(hongze(kind), EXPECTED)
    assert wrong == []
    assert right >= 150, (right, unread)


# --------------------------------------------------------------------------- Chromium


@functools.cache
def beijing() -> AnnualReport:
    document = govinfo.read(pictures.SHOT_EXAMPLE)
    assert isinstance(document, AnnualReport)
    return document


def _same_cells(document: AnnualReport, keys: tuple[TableKey, ...]) -> tuple[int, list[str]]:
    """(cells read as Beijing's, cells read otherwise) for the tables ``keys``."""
    right, wrong = 0, []
    for key in keys:
        printed, read = beijing().table(key), document.table(key)
        assert isinstance(printed, Table)
        assert isinstance(read, Table), (key, read)
        for ref in printed.cells():
            value = getattr(ref.cell, "value", None)
            if value is None:
                continue
            got = read[ref.key]
            if getattr(got, "value", None) == value:
                right += 1
            elif not isinstance(got, Unreadable):
                wrong.append(f"{ref.key}: {value} read as {got!r}")
    return right, wrong


@pytest.mark.parametrize("key", ["proactive", "applications", "appeals"])
def test_a_table_screenshotted_from_the_html_page_reads_back(key: TableKey, tmp_path: Path) -> None:
    picture = tmp_path / f"{key}.png"
    pictures.table_shots()[key].save(picture)
    document = govinfo.read(picture)
    assert isinstance(document, AnnualReport)
    right, wrong = _same_cells(document, (key,))
    assert wrong == []
    printed = beijing().table(key)
    assert isinstance(printed, Table)
    assert right == len([r for r in printed.cells() if getattr(r.cell, "value", None) is not None])


def _seed_folder(folder: Path) -> Path:
    """The image seed's text, with the Beijing report's tables as Chromium draws them in
    the pictures it names (table 三 cut in two, as the seed pastes it)."""
    shots = pictures.table_shots()
    report = folder / "report.txt"
    shutil.copy(SEED, report)
    top, bottom = pictures.split_at_a_rule(shots["applications"])
    for name, picture in (
        ("1.jpg", shots["proactive"]),
        ("2.jpg", top),
        ("3.jpg", bottom),
        ("4.jpg", shots["appeals"]),
    ):
        picture.convert("L").save(folder / name, "JPEG", quality=85)
    return report


def test_a_report_with_its_tables_as_pictures_beside_it_reads_them(tmp_path: Path) -> None:
    report = _seed_folder(tmp_path)
    before = govinfo.read(SEED)
    assert isinstance(before, AnnualReport)
    assert all(s.table.reason == "image" for s in before.sections if s.table is not None)  # type: ignore[union-attr]
    document = govinfo.read(report)
    assert isinstance(document, AnnualReport)
    right, wrong = _same_cells(document, pictures.TABLE_SECTIONS)
    assert wrong == []
    assert right == 193
    cell = document.table("proactive")["rules.issued"]  # type: ignore[index]
    assert cell.source is not None
    assert cell.source.image == "1.jpg"


def test_images_dir_points_elsewhere_and_names_what_is_missing(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    shutil.copy(SEED, report)
    elsewhere = tmp_path / "saved"
    elsewhere.mkdir()
    pictures.table_shots()["appeals"].convert("L").save(elsewhere / "4.jpg", quality=85)
    result = subprocess.run(
        [sys.executable, "-m", "govinfo", "render", str(report), "--images", str(elsewhere),
         "--to", "json"],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )  # fmt: skip
    document = govinfo.read(Source(result.stdout.encode(), "out.json"))
    assert isinstance(document, AnnualReport)
    assert isinstance(document.table("appeals"), Table)
    proactive = next(s for s in document.sections if s.key == "proactive").table
    assert proactive is not None
    assert proactive.reason == "image"  # type: ignore[union-attr]
    assert proactive.detail == "no file 1.jpg where the pictures are looked for"  # type: ignore[union-attr]


# --------------------------------------------------------------------------- limits


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims ``width`` × ``height`` pixels (and holds almost none)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("width", "height", "said"),
    [
        (8000, 8000, "8000×8000 pixels, more than the 50000000 a page may have"),
        (30000, 30000, "a picture of more than 50000000 pixels (a decompression bomb?)"),
    ],
)
def test_a_decompression_bomb_is_refused_unread(width: int, height: int, said: str) -> None:
    with pytest.raises(LimitError) as raised:
        govinfo.read(Source(_png_header(width, height), "bomb.png"))
    assert said in str(raised.value)


def test_a_damaged_picture_is_refused_in_one_line() -> None:
    with pytest.raises(GovinfoError) as raised:
        govinfo.read(Source(_png_header(200, 200)[:40], "cut.png"))
    assert "\n" not in str(raised.value)
    assert "cut.png: a picture that cannot be decoded" in str(raised.value)


def test_a_page_over_its_time_budget_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVINFO_OCR_PAGE_SECONDS", "0.001")
    picture = io.BytesIO()
    pictures.table_shots()["appeals"].save(picture, "PNG")
    with pytest.raises(LimitError, match="set GOVINFO_OCR_PAGE_SECONDS to allow more"):
        govinfo.read(Source(picture.getvalue(), "slow.png"))


def test_a_scan_of_several_pages_says_how_far_it_is(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GOVINFO_PROGRESS", "1")
    shot = pictures.table_shots()["appeals"]
    data = pictures.as_tiff([shot, shot], 200)
    govinfo.read(Source(data, "two.tiff"))
    err = capfd.readouterr().err
    assert "\rtwo.tiff: page 1 of 2 recognised" in err
    assert "\rtwo.tiff: page 2 of 2 recognised" in err
    assert err.endswith("\n")
    monkeypatch.setenv("GOVINFO_PROGRESS", "0")
    govinfo.read(Source(data, "two.tiff"))
    assert "recognised" not in capfd.readouterr().err


def test_without_the_extra_the_message_names_it(tmp_path: Path) -> None:
    """A fresh interpreter in which the recogniser cannot be imported."""
    report = _seed_folder(tmp_path)
    script = (
        "import importlib.util, sys\n"
        "real = importlib.util.find_spec\n"
        "importlib.util.find_spec = lambda n, *a: None if n == 'rapidocr_onnxruntime' "
        "else real(n, *a)\n"
        "from govinfo.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {**os.environ, "GOVINFO_PROGRESS": "0"}
    picture = subprocess.run(
        [sys.executable, "-c", script, "render", str(tmp_path / "4.jpg")],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert picture.returncode == 2
    lines = picture.stderr.splitlines()
    assert len(lines) == 1, lines
    assert (
        "reading a picture needs text recognition (OCR): pip install 'govinfo-cn[ocr]'"
        in (lines[0])
    )
    scanned = tmp_path / "scanned.pdf"
    scanned.write_bytes(pictures.as_scanned_pdf(pictures.hongze_pages(150)[:1], 150))
    pdf = subprocess.run(
        [sys.executable, "-c", script, "check", str(scanned)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert pdf.returncode == 2
    assert "a scanned PDF" in pdf.stderr
    assert "pip install 'govinfo-cn[ocr]'" in pdf.stderr
    seed = subprocess.run(
        [sys.executable, "-c", script, "render", str(report), "--to", "json"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    document = govinfo.read(Source(seed.stdout.encode(), "out.json"))
    assert isinstance(document, AnnualReport)
    appeals = next(s for s in document.sections if s.key == "appeals").table
    assert appeals is not None
    assert "pip install 'govinfo-cn[ocr]'" in (appeals.detail or "")  # type: ignore[union-attr]


def test_no_blank_is_made_of_a_printed_value() -> None:
    """A printed 0 the detector missed is found in the ink no box covers and read."""
    document = hongze("150")
    cell = _cell_of(document, "proactive.rules.repealed")
    assert not isinstance(cell, NotReported)
    assert getattr(cell, "value", None) == 0


def test_an_html_report_s_pictures_are_read_from_its_folder_only(tmp_path: Path) -> None:
    """A saved page refers to its pictures by the site's paths: each is looked for in the
    page's folder by its file name; a picture on the web is never fetched."""
    pictures.table_shots()["appeals"].convert("L").save(tmp_path / "4.jpg", quality=85)
    lines = SEED.read_text("utf-8").splitlines()
    body = []
    for line in lines:
        if line.strip() == "4.jpg":
            body.append('<p><img src="/uploads/2023/4.jpg?v=2" alt="表四"></p>')
        elif line.strip() == "1.jpg":
            body.append('<p><img src="https://www.example.gov.cn/1.jpg"></p>')
        elif line.strip().endswith(".jpg"):
            body.append(f'<p><img src="{line.strip()}"></p>')
        elif line.strip():
            body.append(f"<p>{line.strip()}</p>")
    page = tmp_path / "report.html"
    page.write_text(
        "<html><head><meta charset='utf-8'></head><body><div id='zoom'>"
        + "\n".join(body)
        + "</div></body></html>",
        "utf-8",
    )
    document = govinfo.read(page)
    assert isinstance(document, AnnualReport)
    right, wrong = _same_cells(document, ("appeals",))
    assert (right, wrong) == (15, [])
    sections = {s.key: s.table for s in document.sections}
    assert sections["proactive"].detail == "a picture on the web (never fetched)"  # type: ignore[union-attr]
    assert sections["applications"].detail == (  # type: ignore[union-attr]
        "no file 2.jpg where the pictures are looked for; "
        "no file 3.jpg where the pictures are looked for"
    )
