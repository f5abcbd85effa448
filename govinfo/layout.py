"""Layout: what a reader turns its input into, knowing nothing of the statutory meaning.

A reader yields layout blocks in reading order: text blocks (headings and paragraphs), grids
of cells (with their spans and where each came from) and images.  The host hands them to
the assembler, which maps them onto the statute.

Blocks are named tuples: a page makes hundreds of them, they are immutable and never
validated (the model validates what the assembler makes of them).
"""

from __future__ import annotations

from typing import NamedTuple, TypeAlias

import attrs

from govinfo.model.cells import SourceRef


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


LayoutBlock: TypeAlias = TextBlock | Grid | Image


@attrs.frozen
class Dropped:
    """Text a reader left out of the layout (page chrome, a crawler's header), and why."""

    text: str
    reason: str
    source: SourceRef | None = None


@attrs.frozen
class Layout:
    """A reader's output: blocks in reading order, and what the container says of itself."""

    blocks: tuple[LayoutBlock, ...]
    #: Metadata the container states outside the document (a crawler's 标题, a page <title>).
    header: tuple[tuple[str, str], ...] = ()
    #: Text the reader left out, with why.
    dropped: tuple[Dropped, ...] = ()
