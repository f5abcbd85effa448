"""What every reporter shows, derived from the model and the format definitions.

Reporters differ in how they lay things out; what a cell reads as, what a row is called in
either language, which findings concern which table or cell, and what a document's header
says are decided here, once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Literal

import attrs

from govinfo.model.cells import Amount, Cell, Change, Count, NotReported, Unreadable
from govinfo.model.documents import AnnualReport, Document, KeyPoints
from govinfo.model.findings import Finding, Status
from govinfo.model.tables import Table, TableUnavailable
from govinfo.statute import (
    FORMAT_DOCUMENTS,
    KIND_LABELS,
    RULE_OF_LAW_FACTS,
    ColumnDef,
    Label,
    RowDef,
    section_for_table,
)

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


def any_document(document: Document) -> bool:
    """``can_render`` for a reporter that renders every kind of document."""
    return True


def lang_option(options: Mapping[str, object]) -> Lang:
    value = options.get("lang", "zh")
    return "en" if value == "en" else "zh"


def findings_option(options: Mapping[str, object]) -> bool:
    """Whether findings are shown (the option ``no_findings=True`` hides them)."""
    return not options.get("no_findings", False)


def text(label: Label, lang: Lang) -> str:
    return label.zh if lang == "zh" else label.en


def row_path(row: RowDef, lang: Lang, separator: str = " / ") -> str:
    """A row's label with the group labels above it.

    For example 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密.
    """
    return separator.join([*(text(g, lang) for g in row.groups), text(row.label, lang)])


def column_path(column: ColumnDef, lang: Lang, separator: str = " / ") -> str:
    return separator.join([*(text(g, lang) for g in column.groups), text(column.label, lang)])


#: What a reporter draws in a cell that holds no value read: not reported, unreadable.
NOT_REPORTED = "—"
UNREADABLE = "?"
#: The marks on a cell a shown finding involves, and on the suspect cell.
FLAG = "⚠"
SUSPECT = "‼"

#: Every mark a reporter draws, and what it means.
LEGEND: tuple[tuple[str, Label], ...] = (
    (NOT_REPORTED, Label("未填报（空白、/、-）", "not reported (blank, /, -)")),
    (UNREADABLE, Label("无法识读：原文见表下", "unreadable: the text is given under the table")),
    (FLAG, Label("涉及不符或存疑的检查", "involved in a failing or undecided rule")),
    (SUSPECT, Label("可疑格：所在行与所在列均不符", "suspect: its row and its column both fail")),
)


def value_text(cell: Cell, column: ColumnDef) -> str:
    """What a cell shows: the number read (with its unit where it is not the one the form
    fixes), or the mark for a cell not reported (—) or unreadable (?), never the text as if
    it were a number."""
    if isinstance(cell, Count):
        return str(cell.value)
    if isinstance(cell, Change):
        return f"{cell.value:+d}" if cell.value else "0"
    if isinstance(cell, Amount):
        amount = format(cell.value, "f")
        return f"{amount} {cell.unit}" if cell.unit and cell.unit != column.unit else amount
    if isinstance(cell, NotReported):
        return NOT_REPORTED
    return UNREADABLE


def with_marks(
    shown: str, key: str, flagged: Mapping[str, object], suspects: frozenset[str]
) -> str:
    """A cell's text with its finding mark: ‼ for the suspect, ⚠ for any other it involves."""
    if key in suspects:
        return f"{shown} {SUSPECT}"
    if key in flagged:
        return f"{shown} {FLAG}"
    return shown


def legend(lang: Lang, used: Iterable[str] | None = None) -> list[str]:
    """The legend's lines, for the marks ``used`` (all when None)."""
    wanted = set(used) if used is not None else None
    return [
        f"{mark} {text(label, lang)}" for mark, label in LEGEND if wanted is None or mark in wanted
    ]


@attrs.frozen
class UnreadText:
    """The text of cells that could not be read, once for all the cells it stands in."""

    keys: tuple[str, ...]
    raw: str
    reason: str
    #: The reason in Chinese, where the reader gives it.
    reason_zh: str | None = None
    #: The cells named as the form names them, by row then columns: Chinese, English.
    names: tuple[str, str] = ("", "")


def unread_texts(table: Table) -> list[UnreadText]:
    """The unreadable cells of a table, grouped by the text they came from."""
    groups: dict[tuple[str, str, str | None], list[str]] = {}
    for ref in table.cells():
        if isinstance(ref.cell, Unreadable):
            cell = ref.cell
            groups.setdefault((cell.raw, cell.reason, cell.reason_zh), []).append(ref.key)
    return [
        UnreadText(tuple(keys), raw, reason, reason_zh, table.definition.cell_names(keys))
        for (raw, reason, reason_zh), keys in groups.items()
    ]


def unread_line(item: UnreadText, lang: Lang) -> str:
    cells = item.names[0] if lang == "zh" else item.names[1]
    raw = item.raw or ("（空）" if lang == "zh" else "(empty)")
    if lang == "zh":
        return f"{UNREADABLE} {cells}：原文“{raw}”（{item.reason_zh or item.reason}）"
    return f"{UNREADABLE} {cells}: the text {raw!r} ({item.reason})"


def plain_value(cell: Cell) -> str:
    """The value alone, for data exports: '' when there is none."""
    if isinstance(cell, (Count, Change)):
        return str(cell.value)
    if isinstance(cell, Amount):
        return format(cell.value, "f")
    return ""


def cell_kind(cell: Cell) -> str:
    return {
        Count: "count",
        Change: "change",
        Amount: "amount",
        NotReported: "not_reported",
        Unreadable: "unreadable",
    }[type(cell)]


def unavailable_text(table: TableUnavailable, lang: Lang) -> str:
    if table.reason == "image":
        images = ", ".join(table.images)
        return f"以图片发布（{images}）" if lang == "zh" else f"published as an image ({images})"
    if table.reason == "absent":
        return "文中无此表" if lang == "zh" else "not in the document"
    detail = f"; {table.detail}" if table.detail else ""
    return ("无法可靠读取" if lang == "zh" else "present but unreadable") + detail


def table_title(key: str, lang: Lang) -> str:
    section = section_for_table(key)  # type: ignore[arg-type]
    return section.heading if lang == "zh" else f"{section.number}. {section.label.en}"


def title(document: Document, lang: Lang) -> str:
    kind = text(KIND_LABELS[document.kind], lang)
    meta = document.metadata
    if meta.title:
        return meta.title
    parts = [p for p in (meta.agency, str(meta.year) if meta.year else None) if p]
    return f"{' '.join(parts)} {kind}".strip()


_META: Mapping[str, Label] = {
    "kind": Label("文件类型", "Kind"),
    "agency": Label("机关", "Agency"),
    "year": Label("年度", "Year"),
    "format_version": Label("格式版本", "Format version"),
    "language": Label("语言", "Language"),
    "published": Label("发布日期", "Published"),
    "document_number": Label("文号", "Document number"),
    "issued": Label("印发日期", "Issued"),
    "origin": Label("来源", "Read from"),
}


def metadata_rows(document: Document, lang: Lang) -> list[tuple[str, str]]:
    """The document's header as (label, value) pairs, values present only."""
    meta = document.metadata
    rows: list[tuple[str, object]] = [
        ("kind", text(KIND_LABELS[document.kind], lang)),
        ("agency", meta.agency),
        ("year", meta.year),
    ]
    if isinstance(document, AnnualReport):
        rows.append(("format_version", document.metadata.format_version))
    if isinstance(document, KeyPoints):
        number = document.metadata.document_number
        rows.append(("document_number", number.text if number else None))
        rows.append(("issued", document.metadata.issued))
    rows += [("language", meta.language), ("published", meta.published)]
    if meta.origin is not None:
        origin = meta.origin
        how = ", ".join(p for p in (origin.reader, origin.encoding) if p)
        rows.append(("origin", f"{origin.location or '-'} ({how})" if how else origin.location))
    return [(text(_META[k], lang), str(v)) for k, v in rows if v not in (None, "")]


# --------------------------------------------------------------------------- findings

STATUS_LABELS: Mapping[Status, Label] = {
    Status.FAIL: Label("不符", "fail"),
    Status.UNCERTAIN: Label("存疑", "uncertain"),
    Status.NOT_ASSESSABLE: Label("无法检查", "not assessable"),
    Status.NOTE: Label("说明", "note"),
}


def findings_for_table(findings: tuple[Finding, ...], key: str) -> list[Finding]:
    return [f for f in findings if f.where.table == key]


def other_findings(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if f.where.table is None]


def flagged_cells(findings: tuple[Finding, ...]) -> dict[str, list[Finding]]:
    """For each cell key, the fail and uncertain findings that involve it."""
    flagged: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.status not in (Status.FAIL, Status.UNCERTAIN):
            continue
        for key in finding.cells:
            flagged.setdefault(key, []).append(finding)
    return flagged


def finding_line(finding: Finding, lang: Lang) -> str:
    """A finding in one line: rule, status, where, the message in ``lang``, and for a fail
    what was expected, what was found and the difference."""
    status = text(STATUS_LABELS[finding.status], lang)
    where = f" [{finding.where.key}]" if finding.where.key else ""
    line = f"{finding.rule} {status}{where}: {finding.text(lang)}"
    if (
        finding.status is Status.FAIL
        and finding.expected is not None
        and finding.actual is not None
    ):
        difference = finding.difference if finding.difference is not None else 0
        if lang == "zh":
            line += f"（应为 {finding.expected}，实为 {finding.actual}，相差 {difference:+}）"
        else:
            line += (
                f" (expected {finding.expected}, found {finding.actual}, difference {difference:+})"
            )
    return line


def suspect_line(key: str, lang: Lang) -> str:
    if lang == "zh":
        return f"可疑格 {key}：所在行与所在列均不符"
    return f"suspect cell {key}: its row and its column both fail"


def header_line(document: Document, lang: Lang) -> str:
    """Who, which year, which format, in a line (``北京市知识产权局 · 2021 年度 · 格式
    国办公开办函〔2021〕30号``)."""
    meta = document.metadata
    parts = [meta.agency or ("（未写明机关）" if lang == "zh" else "(agency not stated)")]
    if meta.year is not None:
        parts.append(f"{meta.year} 年度" if lang == "zh" else f"year {meta.year}")
    if isinstance(document, AnnualReport):
        version = document.metadata.format_version
        if version != "unknown":
            issued = FORMAT_DOCUMENTS[version]
            parts.append(f"格式 {issued}" if lang == "zh" else f"format {issued} ({version})")
    else:
        parts.insert(0, text(KIND_LABELS[document.kind], lang))
    return " · ".join(parts)


# --------------------------------------------------------------------------- tables


@attrs.frozen
class RowGroup:
    """One block of table 二 (第二十条第（N）项) or a whole table: a heading and rows."""

    heading: str | None
    columns: tuple[ColumnDef, ...]
    rows: tuple[tuple[RowDef, tuple[Cell, ...]], ...]


def row_groups(table: Table) -> Iterator[RowGroup]:
    """The table in blocks of rows sharing their columns, printed rows only."""
    current: list[tuple[RowDef, tuple[Cell, ...]]] = []
    heading: str | None = None
    columns: tuple[ColumnDef, ...] = ()
    for row_def in table.definition.rows:
        row = table.get_row(row_def.key)
        if row is None:
            continue
        block = row_def.block.zh if row_def.block else None
        if current and (row_def.columns != columns or block != heading):
            yield RowGroup(heading, columns, tuple(current))
            current = []
        heading, columns = block, row_def.columns
        current.append((row_def, row.cells))
    if current:
        yield RowGroup(heading, columns, tuple(current))


def group_heading(block: RowGroup, lang: Lang) -> str | None:
    first = block.rows[0][0]
    return text(first.block, lang) if first.block else None


def fact_label(kind: str, lang: Lang) -> str:
    return text(RULE_OF_LAW_FACTS[kind], lang)
