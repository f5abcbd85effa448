"""The statutory tables drawn as the official form draws them, in HTML.

Merged headers (the corner note over three columns and three rows, 申请人情况 over seven,
法人或其他组织 over five, 三、本年度办理结果 down all its rows ...) are derived from the format
definitions.  The HTML reporter draws its page with this; the test pages use it too.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping

from govinfo.cells import Cell, NotReported
from govinfo.present import Lang, column_path, text
from govinfo.tables import Table

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


def applications(table: Table, lang: Lang, label: LabelHtml, render: CellHtml) -> str:
    definition = table.definition
    columns = definition.rows[0].columns
    corner = text(definition.corner, lang) if definition.corner else ""
    applicants = text(definition.header, lang) if definition.header else ""
    legal = columns[1].groups[0]
    rows = [
        _td(label(corner), rowspan=3, colspan=3) + _td(label(applicants), colspan=7),
        _td(label(text(columns[0].label, lang)), rowspan=2)
        + _td(label(text(legal, lang)), colspan=5)
        + _td(label(text(columns[-1].label, lang)), rowspan=2),
        "".join(_td(label(text(c.label, lang))) for c in columns[1:6]),
    ]
    printed = [r for r in definition.rows if table.get_row(r.key) is not None]
    opened: set[str] = set()
    for row in printed:
        found = table.get_row(row.key)
        assert found is not None
        cells = []
        for group in row.groups:
            if group.zh in opened:
                continue
            opened.add(group.zh)
            span = sum(1 for r in printed if group in r.groups)
            cells.append(_td(label(text(group, lang)), rowspan=span))
        cells.append(_td(label(text(row.label, lang)), colspan=3 - len(row.groups)))
        cells += [
            _data(table, f"{row.key}.{c.key}", cell, render)
            for c, cell in zip(row.columns, found.cells, strict=True)
        ]
        rows.append("".join(cells))
    return _wrap(rows)


def proactive(table: Table, lang: Lang, label: LabelHtml, render: CellHtml) -> str:
    definition = table.definition
    header = text(definition.header, lang) if definition.header else ""
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
                _td(label(header)) + "".join(_td(label(column_path(c, lang))) for c in row.columns)
            )
        rows.append(
            _td(label(text(row.label, lang)))
            + "".join(
                _data(table, f"{row.key}.{c.key}", cell, render)
                for c, cell in zip(row.columns, found.cells, strict=True)
            )
        )
    return _wrap(rows)


def appeals(table: Table, lang: Lang, label: LabelHtml, render: CellHtml) -> str:
    definition = table.definition
    first, *litigation = definition.rows
    columns = first.columns
    names = "".join(_td(label(text(c.label, lang))) for c in columns)
    values = "".join(
        _data(table, ref.key.split(".", 1)[1], ref.cell, render) for ref in table.cells()
    )
    rows = [
        _td(label(text(first.label, lang)), colspan=len(columns))
        + _td(label(text(litigation[0].groups[0], lang)), colspan=len(columns) * len(litigation)),
        "".join(_td(label(text(c.label, lang)), rowspan=2) for c in columns)
        + "".join(_td(label(text(r.label, lang)), colspan=len(columns)) for r in litigation),
        names * len(litigation),
        values,
    ]
    return _wrap(rows)


def _wrap(rows: list[str]) -> str:
    body = "\n".join(f"<tr>{row}</tr>" for row in rows)
    return f'<table class="form" border="1">\n{body}\n</table>'


DRAW = {"applications": applications, "proactive": proactive, "appeals": appeals}


def form(
    table: Table,
    lang: Lang = "zh",
    *,
    label: LabelHtml = escape,
    render: CellHtml = plain_cell,
) -> str:
    """A statutory table as the official form draws it."""
    return DRAW[table.key](table, lang, label, render)
