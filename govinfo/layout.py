"""Layout: what a reader turns its input into, knowing nothing of the statutory meaning.

A reader yields layout blocks in reading order: text blocks (headings and paragraphs), grids
of cells (with their spans and where each came from) and images.  The host hands them to
the assembler, which maps them onto the statute.

Blocks are named tuples: a page makes hundreds of them, they are immutable and never
validated (the model validates what the assembler makes of them).

A reader that recognises text (OCR) rather than copying it says how sure it is of each
character: ``confidence`` holds one probability (0–1) per character of ``text``.  The
assembler reads such text as *recognised*: a value read at less than
:data:`govinfo.assemble.tables.values.SURE` is an unknown for the statute's arithmetic to
decide, and one read surely is kept only where the arithmetic does not contradict it.  Text
copied as printed (a text layer, markup) has ``confidence`` None.
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
    #: How sure a recognising reader is of each character of ``text``; None as printed.
    confidence: tuple[float, ...] | None = None


class GridCell(NamedTuple):
    """One cell of a grid: its text as printed and where it came from.

    A cell spanning several rows or columns stands once in the grid, at its top-left, with
    its spans; the places it covers are not repeated.
    """

    text: str
    source: SourceRef | None = None
    rowspan: int = 1
    colspan: int = 1
    #: How sure a recognising reader is of each character of ``text``; None as printed.
    confidence: tuple[float, ...] | None = None


class Grid(NamedTuple):
    """A table as laid out: rows of cells."""

    rows: tuple[tuple[GridCell, ...], ...]
    source: SourceRef | None = None


class Image(NamedTuple):
    """A picture in the document (a table published as an image)."""

    ref: str
    source: SourceRef | None = None
    alt: str = ""
    #: Why the host did not read it (no such file beside the report, the ocr extra missing).
    unread: str = ""


LayoutBlock: TypeAlias = TextBlock | Grid | Image


def fitted(confidence: tuple[float, ...] | None, old: str, new: str) -> tuple[float, ...] | None:
    """The confidences of a text rewritten from ``old`` to ``new`` (characters converted,
    pieces cut out): kept where each character stayed in its place, else the least of them
    for every character (a recognised text never becomes surer by being rewritten)."""
    if confidence is None or len(new) == len(old) == len(confidence):
        return confidence
    return (min(confidence, default=1.0),) * len(new)


def text_slice(
    text: str, confidence: tuple[float, ...] | None, start: int, end: int
) -> tuple[str, tuple[float, ...] | None]:
    """``text[start:end]`` stripped, and the confidences of the characters it keeps."""
    piece = text[start:end]
    stripped = piece.strip()
    if confidence is None or not stripped:
        return stripped, None if confidence is None else ()
    lead = len(piece) - len(piece.lstrip())
    at = start + lead
    return stripped, confidence[at : at + len(stripped)]


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
