"""Word documents (.docx) built from layout blocks or from a Document, with python-docx.

Tables are drawn as a clerk draws them in Word: "Table Grid" style, merged cells made with
``cell.merge`` (``w:gridSpan`` and ``w:vMerge restart``/continue, what Word writes), a row
that ends early closed with ``w:gridAfter``.  A report's tables are the official form, with
its merged headers (:func:`govinfo.report.forms.form`).  The Word reader must read these
back to what they were made of.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import docx
import lxml.html
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tc
from docx.table import _Cell

from govinfo.layout import Grid, GridCell, LayoutBlock, TextBlock
from govinfo.model.documents import AnnualReport
from govinfo.model.narrative import Item, NarrativeBlock, Paragraph
from govinfo.model.tables import Table
from govinfo.report.forms import form

# Characters XML 1.0 cannot hold (python-docx refuses them): dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class Placement(NamedTuple):
    """Where a grid's cells land, and the grid's size."""

    cells: list[tuple[int, int, GridCell]]  # (row, column, cell)
    height: int
    width: int
    #: Per row, the grid columns up to the last one a cell stands on or covers.
    ends: list[int]


def place(rows: Sequence[Sequence[GridCell]]) -> Placement:
    """Where each cell lands, as HTML places ``<td>``: at the first place of its row not
    covered by a span from above.  A rowspan running past the last row adds rows; spans
    running into each other (no Word table can draw them) raise ValueError."""
    taken: set[tuple[int, int]] = set()
    placed: list[tuple[int, int, GridCell]] = []
    height = len(rows)
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            rowspan, colspan = max(cell.rowspan, 1), max(cell.colspan, 1)
            area = {(r + i, c + j) for i in range(rowspan) for j in range(colspan)}
            if not area.isdisjoint(taken):
                r2, c2 = min(area & taken)
                raise ValueError(f"cells overlap at row {r2 + 1}, column {c2 + 1}")
            placed.append((r, c, cell))
            taken |= area
            c += colspan
            width = max(width, c)
            height = max(height, r + rowspan)
    ends = [0] * height
    for r, c in taken:
        ends[r] = max(ends[r], c + 1)
    return Placement(placed, height, width, ends)


def _write_cell(cell: _Cell, text: str) -> None:
    lines = _NOT_XML.sub("", text).split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _write_grid(document: WordDocument, grid: Grid) -> bool:
    placement = place(grid.rows)
    if not placement.cells:
        return False
    table = document.add_table(rows=placement.height, cols=placement.width)
    table.style = "Table Grid"
    # Every w:tc before any merge: its index in its row is its grid column.  Merging removes
    # only the w:tc it covers, so each origin stays valid while others are merged.
    rows = table._tbl.tr_lst
    tcs: list[list[CT_Tc]] = [list(tr.tc_lst) for tr in rows]
    for tr, end, row in zip(rows, placement.ends, tcs, strict=True):
        if end < placement.width:  # a short row: Word's w:gridAfter
            for tc in row[end:]:
                tr.remove(tc)
            grid_after = OxmlElement("w:gridAfter")
            grid_after.set(qn("w:val"), str(placement.width - end))
            tr.get_or_add_trPr().append(grid_after)
    for r, c, cell in placement.cells:
        rowspan, colspan = max(cell.rowspan, 1), max(cell.colspan, 1)
        tc = tcs[r][c]
        if rowspan > 1 or colspan > 1:
            tc = tc.merge(tcs[r + rowspan - 1][c + colspan - 1])
        _write_cell(_Cell(tc, table), cell.text)
    return True


def write_docx(blocks: Iterable[LayoutBlock], *, heading_level: int = 1) -> bytes:
    """A .docx of layout blocks: headings in Word's ``Heading {heading_level}`` style,
    paragraphs, tables (images are left out).  A cell's line breaks are paragraphs of the
    cell; each table is followed by an empty paragraph, as Word leaves one."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, Grid):
            if _write_grid(document, block):
                document.add_paragraph()
        elif isinstance(block, TextBlock):
            text = _NOT_XML.sub("", block.text)
            if block.heading:
                document.add_heading(text, level=heading_level)
            else:
                document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def form_grid(table: Table) -> Grid:
    """A statutory table as the official form draws it, as a grid with its merged cells."""
    root = lxml.html.fromstring(form(table))
    rows = []
    for tr in root.iter("tr"):
        cells = []
        for td in tr.iter("td"):
            text = td.text_content().replace("\xa0", " ").strip()
            cells.append(
                GridCell(text, None, int(td.get("rowspan", "1")), int(td.get("colspan", "1")))
            )
        rows.append(tuple(cells))
    return Grid(tuple(rows))


def _narrative(content: Iterable[NarrativeBlock]) -> list[LayoutBlock]:
    out: list[LayoutBlock] = []
    for block in content:
        if isinstance(block, Paragraph):
            out.append(TextBlock(block.text))
        elif isinstance(block, Item):
            out.append(TextBlock(f"{block.marker}{block.heading}", heading=True))
            out.extend(_narrative(block.content))
    return out


def report_blocks(report: AnnualReport) -> list[LayoutBlock]:
    """What an agency's Word file of the report holds: its title, its preamble, each section's
    heading, narrative and table (as the form draws it)."""
    blocks: list[LayoutBlock] = []
    if report.metadata.title:
        blocks.append(TextBlock(report.metadata.title, heading=True))
    blocks.extend(_narrative(report.preamble))
    for section in report.sections:
        if section.heading:
            blocks.append(TextBlock(section.heading, heading=True))
        blocks.extend(_narrative(section.content))
        if isinstance(section.table, Table):
            blocks.append(form_grid(section.table))
    return blocks


def report_docx(report: AnnualReport) -> bytes:
    """The report as an agency writes it in Word."""
    return write_docx(report_blocks(report))
