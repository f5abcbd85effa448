"""The statutory tables drawn as the official form draws them, in HTML.

Merged headers (the corner note over the label columns and the header rows, 申请人情况 over
the seven value columns, 法人或其他组织 over five, 三、本年度办理结果 down all its rows ...)
are derived from the format definitions: the labels' groups give the spans.  The HTML
reporter draws its page with this; the test pages use it too.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping

from govinfo.model.cells import Cell, NotReported
from govinfo.model.tables import Table
from govinfo.report.present import Lang, column_path, text
from govinfo.statute import RowDef

LabelHtml = Callable[[str], str]
CellHtml = Callable[[str, Cell], tuple[str, Mapping[str, str]]]


def escape(value: str) -> str:
    return html.escape(value, quote=False)


def plain_cell(key: str, cell: Cell) -> tuple[str, Mapping[str, str]]:
    """A data cell as printed: its text (``&nbsp;`` for a blank), no attributes."""
    if isinstance(cell, NotReported):
        return ("&nbsp;" if not cell.raw.strip() else escape(cell.raw)), {}
    raw = getattr(cell, "raw", None)
    value = raw if raw is not None else str(getattr(cell, "value", ""))
    return escape(value), {}


def _td(inner: str, *, rowspan: int = 1, colspan: int = 1, attrs: Mapping[str, str] = {}) -> str:
    spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    extra = "".join(f' {k}="{html.escape(v)}"' for k, v in attrs.items())
    return f"<td{spans}{extra}>{inner}</td>"


def _data(table: Table, key: str, cell: Cell, render: CellHtml) -> str:
    inner, attrs = render(f"{table.key}.{key}", cell)
    return _td(inner, attrs={"data-key": f"{table.key}.{key}", **attrs})


def _header_rows(paths: list[list[str]], label: LabelHtml) -> list[str]:
    """Rows of column labels for value columns given by their label paths (outermost first):
    columns sharing a path prefix share its label, spanning them; a path shorter than the
    deepest has its last label span down the rows left."""
    depth = max(len(path) for path in paths)
    rows = []
    for level in range(depth):
        cells = []
        index = 0
        while index < len(paths):
            path = paths[index]
            if len(path) <= level:
                index += 1
                continue
            span = 1
            while (
                index + span < len(paths)
                and len(paths[index + span]) > level + 1
                and len(path) > level + 1
                and paths[index + span][: level + 1] == path[: level + 1]
            ):
                span += 1
            last = len(path) == level + 1
            cells.append(
                _td(label(path[level]), rowspan=depth - level if last else 1, colspan=span)
            )
            index += span
        rows.append("".join(cells))
    return rows


def _stub(
    table: Table, row: RowDef, printed: list[RowDef], opened: set[str], label: LabelHtml, lang: Lang
) -> list[str]:
    """The label cells of a data row: its groups (each once, down the rows it holds) and its own."""
    cells = []
    for group in row.groups:
        if group.zh in opened:
            continue
        opened.add(group.zh)
        span = sum(1 for r in printed if group in r.groups)
        cells.append(_td(label(text(group, lang)), rowspan=span))
    depth = table.definition.stub_depth
    cells.append(_td(label(text(row.label, lang)), colspan=depth - len(row.groups)))
    return cells


def rows_table(table: Table, lang: Lang, label: LabelHtml, render: CellHtml) -> str:
    """A table whose rows each carry their values (三): the corner, the column labels above,
    then one line per printed row."""
    definition = table.definition
    columns = definition.rows[0].columns
    above = [text(definition.columns_label, lang)] if definition.columns_label else []
    paths = [[*above, *(text(g, lang) for g in c.groups), text(c.label, lang)] for c in columns]
    header = _header_rows(paths, label)
    corner = text(definition.corner, lang) if definition.corner else ""
    header[0] = _td(label(corner), rowspan=len(header), colspan=definition.stub_depth) + header[0]
    printed = [r for r in definition.rows if table.get_row(r.key) is not None]
    opened: set[str] = set()
    rows = header
    for row in printed:
        found = table.get_row(row.key)
        assert found is not None
        cells = _stub(table, row, printed, opened, label, lang)
        cells += [
            _data(table, f"{row.key}.{c.key}", cell, render)
            for c, cell in zip(row.columns, found.cells, strict=True)
        ]
        rows.append("".join(cells))
    return _wrap(rows)


def blocks_table(table: Table, lang: Lang, label: LabelHtml, render: CellHtml) -> str:
    """A table in blocks (二): each block's heading, its column labels, its rows."""
    definition = table.definition
    stub = text(definition.stub_label, lang) if definition.stub_label else ""
    rows = []
    block = None
    for row in definition.rows:
        found = table.get_row(row.key)
        if found is None:
            continue
        if row.block is not None and row.block != block:
            block = row.block
            rows.append(_td(label(text(block, lang)), colspan=len(row.columns) + 1))
            rows.append(
                _td(label(stub)) + "".join(_td(label(column_path(c, lang))) for c in row.columns)
            )
        rows.append(
            _td(label(text(row.label, lang)))
            + "".join(
                _data(table, f"{row.key}.{c.key}", cell, render)
                for c, cell in zip(row.columns, found.cells, strict=True)
            )
        )
    return _wrap(rows)


def one_row_table(table: Table, lang: Lang, label: LabelHtml, render: CellHtml) -> str:
    """A table whose rows are groups of columns over one data row (四)."""
    paths = [
        [*(text(g, lang) for g in row.groups), text(row.label, lang), text(c.label, lang)]
        for row in table.definition.rows
        for c in row.columns
    ]
    values = "".join(
        _data(table, ref.key.split(".", 1)[1], ref.cell, render) for ref in table.cells()
    )
    return _wrap([*_header_rows(paths, label), values])


def _wrap(rows: list[str]) -> str:
    body = "\n".join(f"<tr>{row}</tr>" for row in rows)
    return f'<table class="form" border="1">\n{body}\n</table>'


def form(
    table: Table,
    lang: Lang = "zh",
    *,
    label: LabelHtml = escape,
    render: CellHtml = plain_cell,
) -> str:
    """A statutory table as the official form draws it."""
    definition = table.definition
    if definition.one_data_row:
        return one_row_table(table, lang, label, render)
    if any(r.block is not None for r in definition.rows):
        return blocks_table(table, lang, label, render)
    return rows_table(table, lang, label, render)
