"""Read the cells back out of the built-in reporters' outputs, for the conformance kit.

Each function takes a reporter's output and the document it drew, and gives, for every cell
key it finds, the text drawn there (the value, or the mark of a cell with none: ``—`` not
reported, ``?`` unreadable), the finding marks taken off.  A test then holds every cell of
the document to what the reporter drew (:func:`govinfo.testing.conformance.check_reporter`).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator, Mapping

from govinfo.model.documents import AnnualReport, Document
from govinfo.model.tables import Table
from govinfo.report import present as p

_MARKS = re.compile(rf"\s*[{p.FLAG}{p.SUSPECT}]\s*$")


def _bare(text: str) -> str:
    return _MARKS.sub("", text.strip()).strip().strip("*").strip()


def _text(output: str | bytes) -> str:
    return output if isinstance(output, str) else output.decode("utf-8")


def json_cells(output: str | bytes, document: Document) -> Mapping[str, str]:
    from govinfo.io.serialize import loads

    loaded = loads(output)
    if not isinstance(loaded, AnnualReport):
        return {}
    return {ref.key: p.plain_value(ref.cell) for t in loaded.tables() for ref in t.cells()}


def csv_cells(output: str | bytes, document: Document) -> Mapping[str, str]:
    rows = csv.DictReader(io.StringIO(_text(output).lstrip("\ufeff")))
    return {row["key"]: row["value"] for row in rows}


def html_cells(output: str | bytes, document: Document) -> Mapping[str, str]:
    import lxml.html

    root = lxml.html.fromstring(_text(output))
    found: dict[str, str] = {}
    for td in root.iter("td"):
        key = td.get("data-key")
        if key:
            found[key] = _bare(td.text_content())
    return found


def _groups(document: Document) -> Iterator[tuple[Table, p.RowGroup]]:
    if isinstance(document, AnnualReport):
        for table in document.tables():
            for group in p.row_groups(table):
                yield table, group


def _keys(table: Table, group: p.RowGroup) -> list[list[str]]:
    return [[f"{table.key}.{row.key}.{c.key}" for c in row.columns] for row, _ in group.rows]


def markdown_cells(output: str | bytes, document: Document) -> Mapping[str, str]:
    """The cells of the Markdown reporter's pipe tables, one table per group of rows."""
    blocks: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in _text(output).splitlines():
        if line.startswith("|"):
            current.append(
                [c.replace("\\|", "|").strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            )
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    found: dict[str, str] = {}
    at = 0
    for table, group in _groups(document):
        labels = [p.column_path(c, "zh") for c in group.columns]
        while at < len(blocks) and blocks[at][0][1:] != labels:
            at += 1
        if at == len(blocks):
            break
        rows = blocks[at][2:]  # after the header and the separator
        for keys, row in zip(_keys(table, group), rows, strict=False):
            found.update(zip(keys, (_bare(v) for v in row[1:]), strict=False))
        at += 1
    return found


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _slice(line: str, spans: list[tuple[int, int]]) -> list[str]:
    """The fields of a tabulate line between display columns (Chinese characters count two)."""
    out = []
    for start, end in spans:
        column, piece = 0, []
        for ch in line:
            if start <= column < end:
                piece.append(ch)
            column += _width(ch)
        out.append("".join(piece).strip())
    return out


def table_cells(output: str | bytes, document: Document) -> Mapping[str, str]:
    """The cells of the terminal reporter's tables: each tabulate block's data lines (those
    with values; a group's label or a wrapped label's second line has none), in order."""
    lines = _text(output).splitlines()
    blocks: list[list[list[str]]] = []
    for i, line in enumerate(lines):
        if not re.fullmatch(r"-+(\s+-+)*", line):
            continue
        spans = [(m.start(), m.end()) for m in re.finditer(r"-+", line)]
        rows = []
        for body in lines[i + 1 :]:
            if not body.strip():
                break
            fields = _slice(body, spans)
            if any(fields[1:]):
                rows.append(fields)
        blocks.append(rows)
    found: dict[str, str] = {}
    groups = list(_groups(document))
    for (table, group), rows in zip(groups, blocks, strict=False):
        for keys, row in zip(_keys(table, group), rows, strict=False):
            found.update(zip(keys, (_bare(v) for v in row[1:]), strict=False))
    return found
