"""A ``w:tbl`` read a row at a time into a grid in which a merged cell stands once.

``w:gridSpan`` gives a cell's colspan; ``w:vMerge restart`` opens a vertical merge that each
``w:vMerge`` (``continue`` or no value) at the same grid column in the next rows extends;
legacy ``w:hMerge continue`` widens the cell on its left.  ``w:gridBefore`` columns become
one blank cell; tracked deleted rows are skipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from govinfo.layout import Grid, GridCell
from govinfo.model.cells import SourceRef
from govinfo_plugins.docx.names import to_int

if TYPE_CHECKING:
    from govinfo_plugins.docx.body import Reader

#: A w:gridSpan or w:gridBefore above this is taken as this (Word draws at most 63 columns).
MAX_SPAN = 1000


class _Open:
    """A cell while its table is read: its spans grow as continuations are met."""

    __slots__ = ("colspan", "line", "rowspan", "text")

    def __init__(self, text: str, line: int | None, colspan: int) -> None:
        self.text, self.line, self.rowspan, self.colspan = text, line, 1, colspan

    def cover(self, text: str) -> None:
        """Text found in a place this cell covers (rare): kept, on a line of its own."""
        if text:
            self.text = f"{self.text}\n{text}" if self.text else text


class Table:
    """A w:tbl read a row at a time into a grid, merged cells once at their top-left.

    A vertical continuation (``w:vMerge`` without ``restart``) grows the cell standing at the
    same grid column in the row above, if that cell is as wide; otherwise it is a cell of its
    own.  A legacy ``w:hMerge`` continuation grows the cell on its left in the same row.
    """

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.start = reader.line + 1
        self.rows: list[list[_Open]] = []
        self.above: dict[int, _Open] = {}  # grid column -> the cell starting there, row above

    def add_row(self, tr: etree._Element) -> None:
        reader, w = self.reader, self.reader.w
        col = 0
        trpr = tr[0] if len(tr) else None
        if trpr is not None and trpr.tag == w.trPr:
            if trpr.find(w.delete) is not None:  # a tracked deletion of the row
                return
            before = trpr.find(w.gridBefore)
            skipped = (to_int(before.get(w.val)) or 0) if before is not None else 0
            col = min(max(skipped, 0), MAX_SPAN)
        row: list[_Open] = []
        here: dict[int, _Open] = {}
        left: _Open | None = None  # the cell at the place before this one
        if col > 0:  # grid columns skipped at the row start: a blank cell keeps places
            left = here[0] = _Open("", None, col)
            row.append(left)
        for tc in reader.children(tr, w.tc):
            span, vmerge, hmerge = 1, None, None
            tcpr = tc[0] if len(tc) else None
            if tcpr is not None and tcpr.tag == w.tcPr:  # w:tcPr comes first when present
                for prop in tcpr:
                    tag = prop.tag
                    if tag == w.gridSpan:
                        span = min(max(to_int(prop.get(w.val)) or 1, 1), MAX_SPAN)
                    elif tag == w.vMerge:
                        vmerge = prop.get(w.val, "continue")
                    elif tag == w.hMerge:
                        hmerge = prop.get(w.val, "continue")
            line = reader.line + 1
            text = reader.cell_text(tc)
            origin = self.above.get(col) if vmerge == "continue" else None
            if origin is not None and origin.colspan == span:
                origin.rowspan += 1
                origin.cover(text)
                here[col] = left = origin
            elif hmerge == "continue" and left is not None and row and left is row[-1]:
                left.colspan += span
                left.cover(text)
            else:
                left = here[col] = _Open(text, line if reader.line >= line else None, span)
                row.append(left)
            col += span
        self.rows.append(row)
        self.above = here

    def grid(self) -> Grid:
        return Grid(
            tuple(
                tuple([GridCell(c.text, _source(c.line), c.rowspan, c.colspan) for c in row])
                for row in self.rows
            ),
            _source(self.start if self.reader.line >= self.start else None),
        )


def _source(line: int | None) -> SourceRef | None:
    return SourceRef(line) if line is not None else None
