"""A PDF's pages into layout blocks, in reading order.

Each page: its ruled tables, then its other lines with page numbers and running heads taken
out, cut into unruled tables and paragraphs.  Across pages: a table going on with the same
columns is one grid, a paragraph going on is one paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govinfo.errors import PdfError
from govinfo.layout import Dropped, Layout, LayoutBlock, TextBlock
from govinfo.model.cells import SourceRef
from govinfo_plugins.pdf import pdfium
from govinfo_plugins.pdf.grids import (
    Locate,
    Table,
    continue_table,
    printed,
    same_columns,
    to_grid,
)
from govinfo_plugins.pdf.lines import (
    Line,
    cluster,
    confidences,
    group_lines,
    number_lines,
    squeeze,
)
from govinfo_plugins.pdf.paragraphs import Paragraph, append, continues, paragraphs
from govinfo_plugins.pdf.ruled import components, ruled_table
from govinfo_plugins.pdf.unruled import unruled_tables

#: The part of the page's height, at its top and at its bottom, where running heads live.
FOOTER_BAND = 0.12
# Page numbers and "page n of m", matched without whitespace after NFKC.
_FOOTERS = tuple(
    re.compile(p)
    for p in (
        r"[-—–~·•_]*\d{1,4}[-—–~·•_]*",  # 3  -3-  — 5 —
        r"第\d{1,4}页(共\d{1,4}页)?",
        r"第\d{1,4}页[,/]共\d{1,4}页",
        r"共\d{1,4}页第\d{1,4}页",
        r"\d{1,4}/\d{1,4}",
        r"(?i:page)\d{1,4}((?i:of)\d{1,4})?",
    )
)
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class _Page:
    number: int
    height: float
    lines: list[Line]
    tables: list[Table]
    items: list[Paragraph | Table] = field(default_factory=list)


def pdf_layout(data: bytes, name: str) -> Layout:
    """The layout of a PDF's text layer; PdfError naming ``name`` for a scanned PDF (see
    :mod:`.scanned` for one read by text recognition), one that needs a password, a damaged
    or truncated one, or not a PDF."""
    pages = pdfium.read_pages(data, name)
    if not any(page.chars for page in pages):
        raise PdfError(
            f"{name}: a scanned PDF (its pages are images, with no text layer): "
            "it needs text recognition (OCR)"
        )
    return pages_layout(pages)


def pages_layout(source_pages: list[pdfium.Page], locate: Locate = printed) -> Layout:
    """The layout of pages of characters and ruling lines (a PDF's, or recognised ones):
    ``locate`` gives the sources."""
    pages = [_page(page) for page in source_pages]
    dropped = _drop_running_heads(pages)
    left, right, indents = _margins(pages)
    for page in pages:
        _layout_page(page, left, right, indents)
    items: list[Paragraph | Table] = []
    for page in pages:
        for n, item in enumerate(page.items):
            previous = items[-1] if items and n == 0 else None
            if (
                isinstance(previous, Table)
                and isinstance(item, Table)
                and same_columns(previous, item)
            ):
                continue_table(previous, item)
            elif (
                isinstance(previous, Paragraph)
                and isinstance(item, Paragraph)
                and continues(previous, item)
            ):
                append(previous, item)
            else:
                items.append(item)
    blocks: list[LayoutBlock] = []
    for item in items:
        if isinstance(item, Paragraph):
            chars = [c for line in item.lines for c in line.chars]
            source = locate(item.page, item.lines[0].number, chars)
            blocks.append(TextBlock(item.text, source, item.heading, confidences(item.text, chars)))
        else:
            blocks.append(to_grid(item, locate))
    return Layout(tuple(blocks), dropped=tuple(dropped))


def _page(page: pdfium.Page) -> _Page:
    chars = page.chars
    number_lines(chars)
    tables: list[Table] = []
    for hs, vs in components(page.rules):
        found = ruled_table(hs, vs, chars, page.number)
        if found is not None:
            table, chars = found
            tables.append(table)
    return _Page(page.number, page.height, group_lines(chars), tables)


def _is_footer(text: str) -> bool:
    squeezed = squeeze(text)
    return any(p.fullmatch(squeezed) for p in _FOOTERS)


def _drop_running_heads(pages: list[_Page]) -> list[Dropped]:
    """Page numbers in the top or bottom band, and any line repeated in that band at the same
    height (within 4 pt) on another page, digits aside: a running header or footer."""

    def in_band(line: Line, height: float) -> bool:
        return line.bottom < FOOTER_BAND * height or line.top > (1 - FOOTER_BAND) * height

    def key(line: Line) -> str:
        return _DIGITS.sub("#", squeeze(line.text))

    heads = [
        [(key(line), line.top) for line in page.lines if in_band(line, page.height)]
        for page in pages
    ]
    dropped: list[Dropped] = []
    for n, page in enumerate(pages):
        kept = []
        for line in page.lines:
            if in_band(line, page.height):
                source = SourceRef(line.number, page=page.number)
                if _is_footer(line.text):
                    dropped.append(Dropped(line.text, "a page number", source))
                    continue
                k = key(line)
                if any(
                    k == other and abs(line.top - top) <= 4.0
                    for m, found in enumerate(heads)
                    if m != n
                    for other, top in found
                ):
                    dropped.append(Dropped(line.text, "a running header or footer", source))
                    continue
            kept.append(line)
        page.lines = kept
    return dropped


def _margins(pages: list[_Page]) -> tuple[float, float, bool]:
    """The body text's left and right edges over the whole document (the most common edges
    of long lines), and whether its paragraphs indent their first line."""
    long = [line for page in pages for line in page.lines if len(line.chars) >= 12]
    if not long:
        long = [line for page in pages for line in page.lines]
    if not long:
        return 0.0, 0.0, False

    def common(values: list[float]) -> float:
        return max(cluster(values, 2.0), key=lambda g: sum(1 for v in values if abs(v - g) <= 2.0))

    left, right = common([line.x0 for line in long]), common([line.x1 for line in long])
    indents = any(
        line.x0 > left + 1.5 * line.em and line.x1 >= right - 1.5 * line.em for line in long
    )
    return left, right, indents


def _layout_page(page: _Page, left: float, right: float, indents: bool) -> None:
    lines = page.lines
    items: list[Paragraph | Table] = list(page.tables)
    position = 0
    for start, stop, table in unruled_tables(lines, page.number):
        items.extend(paragraphs(lines[position:start], page.number, left, right, indents))
        items.append(table)
        position = stop
    items.extend(paragraphs(lines[position:], page.number, left, right, indents))
    items.sort(key=lambda item: item.top)
    page.items = items
