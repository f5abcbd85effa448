"""Tables while a PDF is read: cells placed on column and row boundaries, a table continued
over a page break joined to its start, and the finished table as a layout Grid."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from govinfo.layout import Grid, GridCell
from govinfo.model.cells import SourceRef
from govinfo_plugins.pdf.lines import (
    TERMINAL,
    Char,
    cluster,
    confidences,
    is_number,
    join,
    squeeze,
)

#: Where a page's text stands, for sources: (page, line, the characters) to a SourceRef.
Locate = Callable[[int, int, Sequence[Char]], SourceRef | None]

#: Points: two ruling-line positions closer than this are one boundary.
TOLERANCE = 2.5
# Numbering that starts an item (（四） 一、 3. ①): such text never continues the cell above
# it across a page break.
_LIST_MARKER = re.compile(
    r"^\s*([(（][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+[、.．]|\d+[.、．)）]|[①-⑳])"
)


@dataclass(slots=True)
class Cell:
    """A cell over rows ``r0`` to ``r1`` and columns ``c0`` to ``c1`` (ends exclusive)."""

    r0: int
    c0: int
    r1: int
    c1: int
    text: str = ""
    page: int = 0
    #: The page's line its first character stands on (0: an empty cell).
    line: int = 0
    #: Its last line runs to the cell's right edge: its text may go on.
    wrapped: bool = False
    #: Its characters, in the order of its text.
    chars: list[Char] = field(default_factory=list)


@dataclass(slots=True)
class Table:
    #: Column boundaries.
    xs: list[float]
    cells: list[Cell]
    page: int
    top: float
    bottom: float
    ruled: bool
    rows: int = 0
    #: The page's line of its first character.
    line: int = 0


def same_columns(a: Table, b: Table) -> bool:
    """Whether table ``b`` (at the top of a page) may go on from ``a`` (ending the one before):
    the same outer edges and, for ruled tables, one set of inner boundaries within the other
    (a part of a table may have fewer columns than the rest)."""
    tolerance = TOLERANCE if a.ruled and b.ruled else 3.0 * TOLERANCE
    if abs(a.xs[0] - b.xs[0]) > tolerance * 2 or abs(a.xs[-1] - b.xs[-1]) > tolerance * 2:
        return False
    if not (a.ruled and b.ruled):
        return len(a.xs) == len(b.xs) and all(
            abs(x - y) <= tolerance * 4 for x, y in zip(a.xs, b.xs, strict=True)
        )
    small, big = sorted((a.xs[1:-1], b.xs[1:-1]), key=len)
    return all(any(abs(x - y) <= tolerance for y in big) for x in small)


def _row_texts(table: Table, row: int) -> list[tuple[int, int, str]]:
    return [(k.c0, k.c1, squeeze(k.text)) for k in table.cells if k.r0 == row]


def continue_table(a: Table, b: Table) -> None:
    """Append ``b`` (the top of the next page) to ``a`` (the bottom of this one).

    A header repeated on the new page is dropped.  At the seam, a cell of the new page's first
    row under a text cell ending the page before, with the same columns, continues it: an
    empty one (a group label not repeated) makes the cell above span down; one with text
    joins it when the text above was wrapped and does not end a sentence or a bracket, and
    the new text is no number and no item marker (a label cut by the page break).
    """
    xs = cluster(a.xs + b.xs, TOLERANCE * 2) if a.ruled and b.ruled else a.xs
    for table in (a, b):
        edges = table.xs
        for cell in table.cells:
            cell.c0 = min(range(len(xs)), key=lambda k: abs(xs[k] - edges[cell.c0]))
            cell.c1 = min(range(len(xs)), key=lambda k: abs(xs[k] - edges[cell.c1]))
        table.xs = xs
    skip = 0
    while (
        skip < min(a.rows, b.rows) - 1
        and _row_texts(a, skip) == _row_texts(b, skip)
        and any(text for *_, text in _row_texts(a, skip))
    ):
        skip += 1
    if skip:
        b.cells = [k for k in b.cells if k.r0 >= skip]
        for k in b.cells:
            k.r0 -= skip
            k.r1 -= skip
        b.rows -= skip
    bottom = {(k.c0, k.c1): k for k in a.cells if k.r1 == a.rows}
    joined: set[int] = set()
    for k in b.cells:
        if k.r0 != 0 or (k.c0, k.c1) not in bottom:
            continue
        above = bottom[(k.c0, k.c1)]
        if not above.text or is_number(above.text):
            continue
        if not k.text:
            pass  # a group label not repeated on the new page
        elif (
            above.wrapped
            and above.text[-1] not in TERMINAL + "）)"
            and not is_number(k.text)
            and not _LIST_MARKER.match(k.text)
        ):
            above.text = join(above.text, k.text)
            above.chars = above.chars + k.chars
        else:
            continue
        above.r1 = a.rows + k.r1
        joined.add(id(k))
    for k in b.cells:
        if id(k) not in joined:
            k.r0 += a.rows
            k.r1 += a.rows
            a.cells.append(k)
    a.rows += b.rows
    a.cells.sort(key=lambda k: (k.r0, k.c0))


def printed(page: int, line: int, chars: Sequence[Char]) -> SourceRef | None:
    """The source of printed text: its page and line."""
    return SourceRef(line or None, page=page)


def to_grid(table: Table, locate: Locate = printed) -> Grid:
    rows: list[list[GridCell]] = [[] for _ in range(table.rows)]
    for k in table.cells:
        rows[k.r0].append(
            GridCell(
                k.text,
                locate(k.page, k.line, k.chars),
                k.r1 - k.r0,
                k.c1 - k.c0,
                confidences(k.text, k.chars),
            )
        )
    chars = [c for k in table.cells for c in k.chars]
    return Grid(tuple(tuple(row) for row in rows), locate(table.page, table.line, chars))
