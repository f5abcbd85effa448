"""The text reader: pasted, crawled or converted text to blocks, then the shared assembler.

It knows layouts, not statutory meaning: one cell per line with tab indents (a table pasted
from a web page), rows on one line split by tabs or ``|`` (Word, Excel, Markdown), paragraphs
hard-wrapped by a PDF converter, a crawler's header, image file names standing for pictures.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from govinfo import Document, ReaderSpec, Source, hookimpl
from govinfo.assemble import assemble
from govinfo.blocks import Block, Blocks, Grid, GridCell, Image, TextBlock, new_tuple
from govinfo.cells import SourceRef, source_at
from govinfo.text import decode, looks_binary

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


class _Line(NamedTuple):
    text: str
    number: int  # 1-based
    offset: int  # of the line's first character in the decoded text

    @property
    def source(self) -> SourceRef:
        return source_at(self.number, self.offset)


def _lines(text: str) -> list[_Line]:
    raw = text.splitlines(keepends=True)
    return list(
        map(
            new_tuple,
            itertools.repeat(_Line),
            zip(
                [line.rstrip("\r\n") for line in raw],
                range(1, len(raw) + 1),
                itertools.accumulate(map(len, raw), initial=0),
                strict=False,  # one offset more than lines: where the text ends
            ),
        )
    )


def _is_blank(line: _Line) -> bool:
    return not line.text.strip()


def _is_pipe_row(line: _Line) -> bool:
    """A Markdown table row, its outer pipes optional: ``| a | 1 |`` or ``a | 1 | 2``."""
    return _is_pipe_text(line.text.strip())


def _is_pipe_text(stripped: str) -> bool:
    return "|" in stripped and (
        stripped.count("|") >= 2 or (stripped.startswith("|") and stripped.endswith("|"))
    )


def _is_tab_row(line: _Line) -> bool:
    if "\t" not in line.text:
        return False
    stripped = line.text.strip()
    return "\t" in stripped and len([f for f in stripped.split("\t") if f.strip()]) >= 2


def _pipe_cells(line: _Line) -> tuple[GridCell, ...]:
    body = line.text.strip()
    start = line.text.index(body[0]) + (1 if body.startswith("|") else 0)
    cells = []
    position = start
    for field in body.removeprefix("|").removesuffix("|").split("|"):
        cells.append(GridCell(field.strip(), source_at(line.number, line.offset + position)))
        position += len(field) + 1
    return tuple(cells)


def _tab_cells(line: _Line) -> tuple[GridCell, ...]:
    cells = []
    position = 0
    for field in line.text.split("\t"):
        if field.strip():
            cells.append(GridCell(field.strip(), source_at(line.number, line.offset + position)))
        position += len(field) + 1
    return tuple(cells)


def _cell_per_line_grid(lines: list[_Line], start: int) -> tuple[Grid, int]:
    """A table pasted one cell per line, each indented by a tab, rows parted by blank lines.

    A line without the tab right after a cell continues it (a label broken across lines).
    """
    rows: list[tuple[GridCell, ...]] = []
    row: list[GridCell] = []
    i = start
    end = len(lines)
    while i < end:
        text, number, offset = lines[i]
        if text[:1] == "\t":
            row.append(new_tuple(GridCell, (text[1:].strip(), source_at(number, offset), 1, 1)))
        elif _is_blank(lines[i]):
            if row:
                rows.append(tuple(row))
                row = []
            # The table goes on only if the next non-blank line is indented again.
            j = i + 1
            while j < end and _is_blank(lines[j]):
                j += 1
            if j >= end or lines[j].text[:1] != "\t":
                i = j
                break
        elif row and len(text.strip()) <= 12 and not _ITEM_START.match(text):
            last = row[-1]
            row[-1] = last._replace(text=f"{last.text}\n{text.strip()}")
        else:
            break
        i += 1
    if row:
        rows.append(tuple(row))
    return Grid(tuple(rows), lines[start].source), i


def _wrap_width(lines: list[_Line]) -> int:
    """The width paragraphs are wrapped at (text converted from a PDF), 0 if they are not."""
    text_lines = [
        stripped
        for line in lines
        if (stripped := line.text.strip()) and line.text[:1] != "\t" and not _is_pipe_text(stripped)
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


def to_blocks(text: str, *, encoding: str | None = None, location: str | None = None) -> Blocks:
    """The blocks of a text document."""
    lines = _lines(text)
    header: list[tuple[str, str]] = []
    dropped: list[tuple[str, str, SourceRef | None]] = []
    start = 0
    # A crawler's header: "key: value" lines closed by a ===== 正文 ===== line.
    for i, line in enumerate(lines[:40]):
        if _HEADER_END.match(line.text.strip()):
            for head in lines[:i]:
                match = _HEADER_LINE.match(head.text.strip())
                if match:
                    header.append((match.group(1), match.group(2).strip()))
                if head.text.strip():
                    dropped.append((head.text, "the crawler's header", head.source))
            dropped.append((line.text, "the crawler's header", line.source))
            start = i + 1
            break
    width = _wrap_width(lines[start:])
    wrapped = width > 0
    blocks: list[Block] = []
    paragraph: list[_Line] = []

    def flush() -> None:
        if paragraph:
            joined = (
                "".join(p.text.strip() for p in paragraph) if wrapped else paragraph[0].text.strip()
            )
            blocks.append(TextBlock(joined, paragraph[0].source, heading=_heading_hint(joined)))
            paragraph.clear()

    i = start
    while i < len(lines):
        line = lines[i]
        stripped = line.text.strip()
        if not stripped:
            flush()
            i += 1
            continue
        if line.text.startswith("\t") and not _is_tab_row(line):
            flush()
            grid, i = _cell_per_line_grid(lines, i)
            blocks.append(grid)
            continue
        if _is_pipe_row(line) or _is_tab_row(line):
            flush()
            rows = []
            first = line
            while i < len(lines) and (_is_pipe_row(lines[i]) or _is_tab_row(lines[i])):
                current = lines[i]
                if not _PIPE_SEPARATOR.match(current.text.strip()):
                    rows.append(
                        _pipe_cells(current) if _is_pipe_row(current) else _tab_cells(current)
                    )
                i += 1
            blocks.append(Grid(tuple(rows), first.source))
            continue
        if _PAGE_FOOTER.match(stripped):
            if not wrapped:
                flush()  # a wrapped paragraph runs on over the page break
            dropped.append((line.text, "a page number", line.source))
            i += 1
            continue
        image = _IMAGE.match(stripped) if len(stripped) <= 300 and "." in stripped else None
        if image:
            flush()
            blocks.append(Image(image.group(1), line.source))
            i += 1
            continue
        if _MD_HEADING.match(stripped):
            flush()
            blocks.append(TextBlock(_MD_HEADING.sub("", stripped), line.source, heading=True))
            i += 1
            continue
        if (
            wrapped
            and paragraph
            and (_ITEM_START.match(stripped) or _ends_paragraph(paragraph[-1], width))
        ):
            flush()
        paragraph.append(line)
        if not wrapped:
            flush()
        i += 1
    flush()
    return Blocks(
        tuple(blocks),
        encoding=encoding,
        location=location,
        reader="txt",
        header=tuple(header),
        dropped=tuple(dropped),
    )


def _ends_paragraph(line: _Line, width: int) -> bool:
    """Whether a wrapped paragraph ends after this line: a short line (a heading, the last
    line of a paragraph, a title) or a full stop."""
    text = line.text.strip()
    return text.endswith("。") or len(text) < width * 0.7


def _heading_hint(text: str) -> bool:
    return len(text) <= 40 and not text.endswith(("。", "；", ";"))


# --------------------------------------------------------------------------- plugin


_MARKERS = tuple(
    {
        word.encode(encoding)
        for word in (
            "总体情况",
            "主动公开",
            "收到和处理",
            "行政复议",
            "存在的主要问题",
            "其他需要报告",
        )
        for encoding in ("utf-8", "gb18030")
    }
    | {b"general situation", b"other matters", b"reconsideration", b"main problems"}
)


def accepts(source: Source) -> float:
    """Text that is not markup: sure when it has the statutory headings, else a fallback.

    Looks at the bytes only (the headings in UTF-8 or GB18030), so choosing a reader costs
    no decoding.
    """
    head = source.data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<", b"{", b"[")) and source.suffix not in (".txt", ".md"):
        return 0.0
    if looks_binary(source.data[:4096]):  # a sniff: decoding looks at more, and says why
        return 0.0
    sample = source.data[:262144].lower()
    if sum(1 for marker in _MARKERS if marker in sample) >= 3:
        return 0.9
    return 0.3 if source.suffix in (".txt", ".md", ".text") else 0.1


def read(source: Source) -> Document:
    decoded = decode(source.data, name=source.name)
    return assemble(
        to_blocks(decoded.text, encoding=decoded.encoding, location=source.name), source.kind
    )


def _iter_specs() -> Iterator[ReaderSpec]:
    yield ReaderSpec(
        "txt",
        (".txt", ".md", ".text"),
        accepts,
        read,
        media_types=("text/plain", "text/markdown"),
        description="text pasted, crawled or converted from a page or a PDF",
    )


@hookimpl
def govinfo_register_readers(register: Callable[[ReaderSpec], None]) -> None:
    for spec in _iter_specs():
        register(spec)
