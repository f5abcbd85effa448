"""The text reader: pasted, crawled or converted text to layout blocks.

It knows layouts, not statutory meaning: one cell per line with tab indents (a table pasted
from a web page), rows on one line split by tabs or ``|`` (Word, Excel, Markdown), paragraphs
hard-wrapped by a PDF converter, a crawler's header, image file names standing for pictures.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from govinfo.decode import Decoded, looks_binary
from govinfo.layout import Dropped, Grid, GridCell, Image, Layout, LayoutBlock, TextBlock
from govinfo.model.cells import SourceRef
from govinfo.plugin.specs import ReaderSpec, hookimpl
from govinfo.source import Source, sniff
from govinfo.statute import ANNUAL_REPORT_MARKERS

_IMAGE = re.compile(r"^(?:!\[[^\]]*\]\()?([^\s()]+?\.(?:jpe?g|png|gif|bmp|webp))\)?$", re.I)
_PIPE_SEPARATOR = re.compile(r"^\|?[\s:|-]*-[\s:|-]*\|?$")
_PAGE_FOOTER = re.compile(r"^[—\-－]\s*\d{1,3}\s*[—\-－]$|^第\s*\d+\s*页(\s*共\s*\d+\s*页)?$")
_HEADER_LINE = re.compile(r"^([^\s:：]{1,12})\s*[:：]\s*(.*)$")
_HEADER_END = re.compile(r"^=+\s*正文\s*=+$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_SENTENCE_END = tuple("。！？；：!?;:”）)」")
_ITEM_START = re.compile(
    r"^\s*(（[一二三四五六七八九十]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d+[.、．])"
)


class _Lines(NamedTuple):
    """The text's lines (without their line breaks) and where each starts in the text.

    Line ``i`` (0-based) is line ``i + 1`` of the source; a SourceRef is made only for the
    lines that become blocks or cells.
    """

    texts: list[str]
    offsets: list[int]  # one more than lines: where the text ends

    def source(self, i: int, column: int = 0) -> SourceRef:
        """Where line ``i`` (or a column of it) is."""
        return SourceRef(i + 1, self.offsets[i] + column)


def _lines(text: str) -> _Lines:
    raw = text.splitlines(keepends=True)
    return _Lines(
        list(map(_WITHOUT_BREAK, raw)),
        list(itertools.accumulate(map(len, raw), initial=0)),
    )


_WITHOUT_BREAK = operator.methodcaller("rstrip", "\r\n")


def _is_pipe_row(text: str) -> bool:
    """A Markdown table row, its outer pipes optional: ``| a | 1 |`` or ``a | 1 | 2``."""
    return "|" in text and _is_pipe_text(text.strip())


def _is_pipe_text(stripped: str) -> bool:
    return "|" in stripped and (
        stripped.count("|") >= 2 or (stripped.startswith("|") and stripped.endswith("|"))
    )


def _is_tab_row(text: str) -> bool:
    if "\t" not in text:
        return False
    stripped = text.strip()
    return "\t" in stripped and len([f for f in stripped.split("\t") if f.strip()]) >= 2


def _pipe_cells(lines: _Lines, i: int) -> tuple[GridCell, ...]:
    text = lines.texts[i]
    body = text.strip()
    start = text.index(body[0]) + (1 if body.startswith("|") else 0)
    cells = []
    position = start
    for field in body.removeprefix("|").removesuffix("|").split("|"):
        cells.append(GridCell(field.strip(), lines.source(i, position)))
        position += len(field) + 1
    return tuple(cells)


def _tab_cells(lines: _Lines, i: int) -> tuple[GridCell, ...]:
    cells = []
    position = 0
    for field in lines.texts[i].split("\t"):
        if field.strip():
            cells.append(GridCell(field.strip(), lines.source(i, position)))
        position += len(field) + 1
    return tuple(cells)


def _cell_per_line_grid(lines: _Lines, start: int) -> tuple[Grid, int]:
    """A table pasted one cell per line, each indented by a tab, rows parted by blank lines.

    A line without the tab right after a cell continues it (a label broken across lines).
    """
    # First where the cells are (which lines, where rows end, what continues a cell), then
    # the cells.
    texts = lines.texts
    at: list[int] = []  # the line of each cell
    ends: list[int] = []  # how many cells there are at the end of each row
    more: dict[int, list[str]] = {}  # lines continuing a cell, by the cell's place
    row_start = 0
    i = start
    end = len(texts)
    while i < end:
        text = texts[i]
        if text[:1] == "\t":
            at.append(i)
        elif not text.strip():
            if len(at) > row_start:
                ends.append(len(at))
                row_start = len(at)
            # The table goes on only if the next non-blank line is indented again.
            j = i + 1
            while j < end and not texts[j].strip():
                j += 1
            if j >= end or texts[j][:1] != "\t":
                i = j
                break
            i = j
            continue
        elif len(at) > row_start and len(text.strip()) <= 12 and not _ITEM_START.match(text):
            more.setdefault(len(at) - 1, []).append(text.strip())
        else:
            break
        i += 1
    if len(at) > row_start:
        ends.append(len(at))
    # A cell line starts with its tab, so stripping the line strips the cell.
    offsets = lines.offsets
    cells = []
    for place, line in enumerate(at):
        text = texts[line].strip()
        if place in more:
            text = "\n".join([text, *more[place]])
        cells.append(GridCell(text, SourceRef(line + 1, offsets[line])))  # (lines.source)
    rows = tuple(tuple(cells[a:b]) for a, b in zip([0, *ends], ends, strict=False))
    return Grid(rows, lines.source(start)), i


def _wrap_width(texts: list[str]) -> int:
    """The width paragraphs are wrapped at (text converted from a PDF), 0 if they are not."""
    text_lines = [
        stripped
        for text in texts
        if (stripped := text.strip()) and text[:1] != "\t" and not _is_pipe_text(stripped)
    ]
    if len(text_lines) < 8:
        return 0
    longest = sorted(len(t) for t in text_lines)[int(len(text_lines) * 0.9)]
    if longest < 15 or longest > 200:
        return 0
    wrapped = sum(
        1 for t in text_lines if len(t) >= longest * 0.85 and not t.endswith(_SENTENCE_END)
    )
    return longest if wrapped >= len(text_lines) * 0.3 else 0


def to_layout(text: str) -> Layout:
    """The layout blocks of a text document."""
    lines = _lines(text)
    texts = lines.texts
    source = lines.source
    header: list[tuple[str, str]] = []
    dropped: list[Dropped] = []
    start = 0
    # A crawler's header: "key: value" lines closed by a ===== 正文 ===== line.
    for i, line in enumerate(texts[:40]):
        if _HEADER_END.match(line.strip()):
            for h, head in enumerate(texts[:i]):
                match = _HEADER_LINE.match(head.strip())
                if match:
                    header.append((match.group(1), match.group(2).strip()))
                if head.strip():
                    dropped.append(Dropped(head, "the crawler's header", source(h)))
            dropped.append(Dropped(line, "the crawler's header", source(i)))
            start = i + 1
            break
    width = _wrap_width(texts[start:])
    wrapped = width > 0
    blocks: list[LayoutBlock] = []
    paragraph: list[int] = []

    def flush() -> None:
        if paragraph:
            first = paragraph[0]
            joined = (
                "".join(texts[p].strip() for p in paragraph) if wrapped else texts[first].strip()
            )
            blocks.append(TextBlock(joined, source(first), heading=_heading_hint(joined)))
            paragraph.clear()

    i = start
    end = len(texts)
    while i < end:
        line = texts[i]
        stripped = line.strip()
        if not stripped:
            flush()
            i += 1
            continue
        if line[:1] == "\t" and not _is_tab_row(line):
            flush()
            grid, i = _cell_per_line_grid(lines, i)
            blocks.append(grid)
            continue
        if _is_pipe_row(line) or _is_tab_row(line):
            flush()
            rows = []
            first = i
            while i < end and (_is_pipe_row(texts[i]) or _is_tab_row(texts[i])):
                if not _PIPE_SEPARATOR.match(texts[i].strip()):
                    rows.append(
                        _pipe_cells(lines, i) if _is_pipe_row(texts[i]) else _tab_cells(lines, i)
                    )
                i += 1
            blocks.append(Grid(tuple(rows), source(first)))
            continue
        if _PAGE_FOOTER.match(stripped):
            if not wrapped:
                flush()  # a wrapped paragraph runs on over the page break
            dropped.append(Dropped(line, "a page number", source(i)))
            i += 1
            continue
        image = _IMAGE.match(stripped) if len(stripped) <= 300 and "." in stripped else None
        if image:
            flush()
            blocks.append(Image(image.group(1), source(i)))
            i += 1
            continue
        if _MD_HEADING.match(stripped):
            flush()
            blocks.append(TextBlock(_MD_HEADING.sub("", stripped), source(i), heading=True))
            i += 1
            continue
        if (
            wrapped
            and paragraph
            and (_ITEM_START.match(stripped) or _ends_paragraph(texts[paragraph[-1]], width))
        ):
            flush()
        paragraph.append(i)
        if not wrapped:
            flush()
        i += 1
    flush()
    return Layout(tuple(blocks), header=tuple(header), dropped=tuple(dropped))


def _ends_paragraph(line: str, width: int) -> bool:
    """Whether a wrapped paragraph ends after this line: a short line (a heading, the last
    line of a paragraph, a title) or a full stop."""
    text = line.strip()
    return text.endswith("。") or len(text) < width * 0.7


def _heading_hint(text: str) -> bool:
    return len(text) <= 40 and not text.endswith(("。", "；", ";"))


# --------------------------------------------------------------------------- plugin


_MARKERS = tuple(
    dict.fromkeys(
        marker.encode(encoding)
        for marker in ANNUAL_REPORT_MARKERS
        for encoding in (("utf-8", "gb18030") if not marker.isascii() else ("ascii",))
    )
)


def _has_markers(sample: bytes, wanted: int) -> bool:
    """Whether the sample has at least ``wanted`` of the markers (looked for in turn, and
    no further than needed)."""
    for marker in _MARKERS:
        if marker in sample:
            wanted -= 1
            if wanted == 0:
                return True
    return False


def accepts(source: Source) -> float:
    """Text that is not markup: sure when it has the statutory headings, else a fallback.

    Looks at the bytes only (the headings in UTF-8 or GB18030), so choosing a reader costs
    no decoding.
    """
    if sniff(source.data) is not None:
        return 0.0  # a PDF, an image, a Word file...: not text
    head = source.data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<", b"{", b"[")) and source.suffix not in (".txt", ".md"):
        return 0.0
    if looks_binary(source.data[:4096]):  # a sniff: decoding looks at more, and says why
        return 0.0
    sample = source.data[:262144].lower()
    if _has_markers(sample, 3):
        return 0.9
    return 0.3 if source.suffix in (".txt", ".md", ".text") else 0.1


def layout(source: Source, decoded: Decoded | None) -> Layout:
    assert decoded is not None  # a text format: the host decodes it
    return to_layout(decoded.text)


def _iter_specs() -> Iterator[ReaderSpec]:
    yield ReaderSpec(
        "txt",
        (".txt", ".md", ".text"),
        accepts,
        layout,
        description="text pasted, crawled or converted from a page or a PDF",
    )


@hookimpl
def govinfo_register_readers(register: Callable[[ReaderSpec], None]) -> None:
    for spec in _iter_specs():
        register(spec)
