"""What the assembler makes of recognised text (a layout whose cells carry confidences), with
no recogniser at all: values read with doubt decided by the identities or left unreadable,
values the identities contradict left unreadable with rule O1, printed text as before."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

import govinfo
from govinfo import AnnualReport, Table
from govinfo.assemble import assemble
from govinfo.layout import Grid, GridCell, Layout
from govinfo.model.cells import Count, Unreadable
from govinfo.model.documents import Origin
from govinfo.pipeline import as_source, layout_of
from govinfo.plugin.registry import default_registry
from govinfo.plugin.specs import ReaderSpec

BEIJING = Path(__file__).parent.parent / "examples" / "beijing-ipo-2021-annual-report.zh.txt"
#: Table 四 of the Beijing report, as its data row prints it: 行政复议 1 0 0 0 1, then the
#: two kinds of 行政诉讼, all 0.
PRINTED = ("1", "0", "0", "0", "1") + ("0",) * 10


@functools.cache
def _layout() -> Layout:
    source = as_source(BEIJING)
    spec = default_registry().choose_reader(source)
    assert isinstance(spec, ReaderSpec)
    return layout_of(source, spec)[0]


def _appeals(values: tuple[str, ...], sure: tuple[float | None, ...]) -> AnnualReport:
    """The Beijing report with table 四's data row replaced: ``values`` as recognised with
    confidence ``sure`` (None: as printed)."""
    layout = _layout()
    blocks = list(layout.blocks)
    index = next(
        i
        for i, b in enumerate(blocks)
        if isinstance(b, Grid) and any("行政复议" in c.text for r in b.rows for c in r)
    )
    grid = blocks[index]
    assert isinstance(grid, Grid)
    row = tuple(
        GridCell(text, cell.source, confidence=None if s is None else (s,) * len(text))
        for text, s, cell in zip(values, sure, grid.rows[-1], strict=True)
    )
    blocks[index] = grid._replace(rows=(*grid.rows[:-1], row))
    document = assemble(
        Layout(tuple(blocks), layout.header, layout.dropped), Origin(location="test")
    )
    assert isinstance(document, AnnualReport)
    return document


def _cells(document: AnnualReport) -> dict[str, object]:
    table = document.table("appeals")
    assert isinstance(table, Table)
    return {ref.key.removeprefix("appeals."): ref.cell for ref in table.cells()}


def test_recognised_surely_and_balanced_reads_as_printed() -> None:
    cells = _cells(_appeals(PRINTED, (0.99,) * 15))
    assert [getattr(c, "value", None) for c in cells.values()] == [int(v) for v in PRINTED]
    assert all(getattr(c, "decided_by", None) is None for c in cells.values())


def test_a_value_read_with_doubt_is_decided_by_its_row() -> None:
    sure: list[float | None] = [0.99] * 15
    sure[4] = 0.6  # 行政复议 总计, recognised as 1 with doubt
    document = _appeals(PRINTED, tuple(sure))
    cell = _cells(document)["reconsideration.total"]
    assert isinstance(cell, Count)
    assert (cell.value, cell.decided_by, cell.raw) == (1, "arithmetic", "1")
    note = next(n for n in document.notes if "reconsideration.total" in " ".join(n.keys))
    assert "with doubt (confidence 0.60)" in note.message
    assert "the only value the identities admit" in note.message


def test_ink_read_as_nothing_is_decided_by_its_row() -> None:
    values = list(PRINTED)
    sure: list[float | None] = [0.99] * 15
    values[1], sure[1] = "\ufffd", 0.0  # 结果纠正: ink the recogniser read as nothing
    cell = _cells(_appeals(tuple(values), tuple(sure)))["reconsideration.corrected"]
    assert isinstance(cell, Count)
    assert (cell.value, cell.decided_by) == (0, "arithmetic")


def test_a_doubtful_value_the_identities_contradict_is_unreadable_with_both() -> None:
    values = list(PRINTED)
    sure: list[float | None] = [0.99] * 15
    values[4], sure[4] = "7", 0.7  # 总计 recognised as 7 with doubt; the row says 1
    cell = _cells(_appeals(tuple(values), tuple(sure)))["reconsideration.total"]
    assert isinstance(cell, Unreadable)
    assert cell.raw == "7"
    assert set(cell.candidates) == {1, 7}
    assert "the report's own error" in cell.reason
    assert "a misread" in cell.reason


def test_values_the_identities_contradict_are_unreadable_and_said_so() -> None:
    values = list(PRINTED)
    values[4] = "0"  # 行政复议 总计 recognised surely as 0: 1 + 0 + 0 + 0 ≠ 0
    document = _appeals(tuple(values), (0.99,) * 15)
    cells = _cells(document)
    row = [cells[f"reconsideration.{c}"] for c in ("upheld", "corrected", "other", "pending")]
    row.append(cells["reconsideration.total"])
    assert all(isinstance(c, Unreadable) for c in row)
    assert [c.raw for c in row if isinstance(c, Unreadable)] == ["1", "0", "0", "0", "0"]
    # The other rows balance: kept.
    assert all(getattr(cells[f"litigation_direct.{c}"], "value", None) == 0 for c in ("total",))
    findings = [f for f in govinfo.check(document) if f.rule == "O1"]
    assert len(findings) == 1
    message = findings[0].message
    assert "the OCR reading does not balance" in message
    assert "the report's own error or a misread" in message
    assert "1 ≠ 0" in message
    assert "识别结果不平衡" in (findings[0].message_zh or "")


def test_a_contradiction_with_a_cell_not_read_is_found_too() -> None:
    values = list(PRINTED)
    sure: list[float | None] = [0.99] * 15
    values[0] = "10"  # 结果维持 recognised surely as 10 ...
    sure[1] = 0.5  # ... 结果纠正 with doubt: 10 + ? + 0 + 0 = 1 cannot hold
    cells = _cells(_appeals(tuple(values), tuple(sure)))
    assert all(
        isinstance(cells[f"reconsideration.{c}"], Unreadable)
        for c in ("upheld", "corrected", "other", "pending", "total")
    )


def test_printed_values_that_do_not_balance_are_kept_for_the_checks() -> None:
    values = list(PRINTED)
    values[4] = "0"
    document = _appeals(tuple(values), (None,) * 15)
    assert getattr(_cells(document)["reconsideration.total"], "value", None) == 0
    rules = {f.rule for f in govinfo.check(document)}
    assert "R4" in rules
    assert "O1" not in rules


@pytest.mark.parametrize("text", ["00", "01"])
def test_a_number_no_one_writes_is_doubtful(text: str) -> None:
    values = list(PRINTED)
    values[1] = text  # 结果纠正 recognised as 00: two cells' zeros run into one
    cell = _cells(_appeals(tuple(values), (0.99,) * 15))["reconsideration.corrected"]
    if text == "00":  # the row gives 0, which 00 is
        assert isinstance(cell, Count)
        assert (cell.value, cell.decided_by) == (0, "arithmetic")
    else:  # the row gives 0, the picture says 1
        assert isinstance(cell, Unreadable)
        assert set(cell.candidates) == {0, 1}


def test_picture_references_stay_in_their_folder(tmp_path: Path) -> None:
    from govinfo.pipeline import picture_path

    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "1.jpg").write_bytes(b"x")
    (tmp_path / "secret.jpg").write_bytes(b"x")
    folder = str(tmp_path / "pics")
    found = str((tmp_path / "pics" / "1.jpg").resolve())
    assert picture_path("1.jpg", folder) == found
    assert picture_path("/uploads/2023/1.jpg?v=3#top", folder) == found
    assert picture_path("report_files\\\\1.jpg", folder) == found
    assert picture_path("%31.jpg", folder) == found
    for ref in ("../secret.jpg", "http://example.com/1.jpg", "//cdn.example.com/1.jpg",
                "data:image/png;base64,AAAA", "file:///etc/passwd", "", "/", "2.jpg"):  # fmt: skip
        assert picture_path(ref, folder) is None, ref


def test_a_doubt_is_decided_though_another_row_does_not_balance() -> None:
    values = list(PRINTED)
    sure: list[float | None] = [0.99] * 15
    values[4] = "0"  # 行政复议 总计 0 for parts that come to 1: contradicted (O1)
    sure[9] = 0.5  # 未经复议直接起诉 总计 recognised with doubt: its own row gives 0
    sure[1] = 0.5  # and a doubt inside the contradicted row, which nothing decides
    cells = _cells(_appeals(tuple(values), tuple(sure)))
    total = cells["litigation_direct.total"]
    assert isinstance(total, Count)
    assert (total.value, total.decided_by) == (0, "arithmetic")
    assert isinstance(cells["reconsideration.corrected"], Unreadable)
    assert isinstance(cells["reconsideration.upheld"], Unreadable)
