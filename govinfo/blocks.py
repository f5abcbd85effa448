"""Blocks: what a reader turns text into, knowing nothing of the statutory meaning.

A reader yields text blocks (headings and paragraphs), grids of cells (with their spans and
where each came from) and images, in reading order.  The assembler makes a Document of them.
"""

from __future__ import annotations

from typing import NamedTuple, TypeAlias

import attrs

from govinfo.cells import SourceRef

# Blocks are tuples: a page makes hundreds of them, they are immutable and never validated
# (the model validates what the assembler makes of them).

#: ``new_tuple(GridCell, (text, source, 1, 1))``: a NamedTuple from all its fields in order,
#: without the Python frame of the class's own constructor (readers make hundreds of them).
new_tuple = tuple.__new__


class TextBlock(NamedTuple):
    """A paragraph or a heading (``heading`` is the reader's hint: <h2>, <strong>, a short line)."""

    text: str
    source: SourceRef | None = None
    heading: bool = False


class GridCell(NamedTuple):
    """One cell of a grid: its text as printed and where it came from.

    A cell spanning several rows or columns stands once in the grid, at its top-left, with
    its spans; the places it covers are not repeated.
    """

    text: str
    source: SourceRef | None = None
    rowspan: int = 1
    colspan: int = 1


class Grid(NamedTuple):
    """A table as laid out: rows of cells."""

    rows: tuple[tuple[GridCell, ...], ...]
    source: SourceRef | None = None


class Image(NamedTuple):
    """A picture in the document (a table published as an image)."""

    ref: str
    source: SourceRef | None = None
    alt: str = ""


Block: TypeAlias = TextBlock | Grid | Image


@attrs.frozen
class Blocks:
    """A reader's output: blocks in reading order, and what the reader knows of the source."""

    blocks: tuple[Block, ...]
    encoding: str | None = None
    location: str | None = None
    reader: str | None = None
    #: Metadata the container states outside the document (a crawler's header, a page title).
    header: tuple[tuple[str, str], ...] = ()
    #: Text the reader left out (page chrome), with why.
    dropped: tuple[tuple[str, str, SourceRef | None], ...] = ()
