"""The annual report from layout blocks: sections, narrative, tables, metadata."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping

from govinfo.assemble.headings import Heading, regions
from govinfo.assemble.kinds import is_annual_report
from govinfo.assemble.metadata import period_year, published_date, title_of
from govinfo.assemble.narrative import narrative
from govinfo.assemble.stated import stated_figures
from govinfo.assemble.tables import TableReading, read_table, table_version
from govinfo.assemble.tables.resolve import Figures
from govinfo.assemble.tables.stream import Stream
from govinfo.errors import UnknownDocumentError
from govinfo.layout import Layout, LayoutBlock, TextBlock, text_slice
from govinfo.model.documents import (
    AnnualReport,
    AnnualReportMetadata,
    DroppedText,
    Origin,
    ReadingNote,
    Section,
    StatedFigure,
)
from govinfo.model.tables import Table, TableUnavailable
from govinfo.statute import (
    ANNUAL_REPORT_SECTIONS,
    FORMAT_VERSIONS,
    QUANTITIES,
    CellKind,
    FormatVersion,
    TableKey,
    counts_the_area,
    quantity,
    table_def,
    version_for_year,
)
from govinfo.text import language_of


def _table_section(
    key: TableKey,
    region: tuple[tuple[int, LayoutBlock], ...],
    version: FormatVersion | None,
    figures: Figures,
    at_end: bool,
    stream: Stream,
) -> tuple[TableReading, list[TextBlock]]:
    """The section's table and the text blocks that are narrative, not table."""
    reading = read_table(key, region, version, at_end=at_end, figures=figures, stream=stream)
    texts: list[TextBlock] = []
    span = reading.span
    for index, block in region:
        if not isinstance(block, TextBlock):
            continue
        if span is None:
            texts.append(block)
            continue
        (first, first_at), (last, last_at) = span
        if index < first or index > last:
            texts.append(block)
            continue
        pieces = []
        if index == first:
            pieces.append(text_slice(block.text, block.confidence, 0, first_at))
        if index == last:
            pieces.append(text_slice(block.text, block.confidence, last_at, len(block.text)))
        for piece, confidence in pieces:
            if piece:
                texts.append(TextBlock(piece, block.source, confidence=confidence))
    return reading, texts


def _same_element(
    region: tuple[tuple[int, LayoutBlock], ...],
) -> tuple[tuple[int, LayoutBlock], ...]:
    """Number a region's blocks by position, so that split text blocks stay apart."""
    return tuple(enumerate(block for _, block in region))


def _infer_missing(
    texts: dict[str, list[TextBlock]], present: set[str]
) -> tuple[dict[str, list[TextBlock]], list[ReadingNote]]:
    """A section without a heading (五 dropped by a converter) recognised by its words.

    Its text ran on in the section before it: from the first paragraph there with the
    section's keywords on, it is the missing section's.
    """
    notes: list[ReadingNote] = []
    keys = [s.key for s in ANNUAL_REPORT_SECTIONS]
    for definition in ANNUAL_REPORT_SECTIONS:
        if definition.key in present or definition.table is not None or definition.number == 1:
            continue
        before = next(
            (k for k in reversed(keys[: keys.index(definition.key)]) if k in present), None
        )
        if before is None:
            continue
        blocks = texts.get(before, [])
        start = next(
            (i for i, b in enumerate(blocks) if all(k in b.text for k in definition.keywords)), None
        )
        if start is None or (start == 0 and before != "appeals"):
            continue
        texts[definition.key] = blocks[start:]
        texts[before] = blocks[:start]
        after = next(s.heading for s in ANNUAL_REPORT_SECTIONS if s.key == before)
        words = "、".join(definition.keywords)
        notes.append(
            ReadingNote(
                f"section {definition.heading} has no heading: its text was recognised by the "
                f"words {words} after section {after}",
                source=blocks[start].source,
                message_zh=f"{definition.heading} 无标题：按词语 {words} 识别，位于 {after} 之后",
            )
        )
    return texts, notes


def assemble_annual_report(
    layout: Layout,
    origin: Origin,
    elements: list[LayoutBlock],
    dropped: list[DroppedText],
    headings: list[Heading],
) -> AnnualReport:
    """An annual report from a reader's layout, cleaned (``elements``, ``dropped``), and the
    statutory headings found in it."""
    if not is_annual_report(elements, headings):
        raise UnknownDocumentError(
            f"{origin.location or 'the input'}: no annual report found (fewer than two of the "
            "six statutory section headings, no statutory table, and no report title above "
            "a heading)"
        )
    found = regions(elements, headings)
    header = dict(layout.header)
    title = title_of(header, found.preamble)
    preamble_texts = [
        b for i, b in enumerate(found.preamble) if isinstance(b, TextBlock) and i not in title.used
    ]
    inferred: list[ReadingNote] = [
        ReadingNote(
            f"section {h.section.heading} has no heading: it was recognised by its table's "
            "labels, where the table begins",
            source=elements[h.element].source,
            message_zh=f"{h.section.heading} 无标题：按其表格的行列标签识别，自表格起",
        )
        for h in headings
        if not h.text
    ]
    general_text: list[TextBlock] = []
    if "general" not in found.headings and headings and not headings[0].text:
        # No heading before the first table: the text before it (the title apart) is 一.
        general_text, preamble_texts = preamble_texts, []
        if general_text:
            inferred.append(
                ReadingNote(
                    "section 一、总体情况 has no heading: the text before the first table was "
                    "taken as it",
                    source=general_text[0].source,
                    message_zh="一、总体情况 无标题：第一张表格之前的文字作为此部分",
                )
            )
    all_texts = [b.text for b in elements if isinstance(b, TextBlock)]

    year = title.year if title.year is not None else period_year(all_texts[:40])
    # What the narrative states for cells may decide how a damaged cell reads (looked for
    # when a table has such a cell: most are read as printed).
    text_blocks = [b for b in elements if isinstance(b, TextBlock)]
    figures = _Deciding(
        lambda: _deciding_figures(
            stated_figures(text_blocks, year=year, only=_DECIDING), title.agency
        )
    )
    tables: dict[TableKey, TableReading] = {}
    texts: dict[str, list[TextBlock]] = {}
    last_key = headings[-1].section.key
    regions_of = {
        h.section.key: _same_element(found.sections.get(h.section.key, ())) for h in headings
    }
    streams = {
        h.section.table: Stream.build(regions_of[h.section.key])
        for h in headings
        if h.section.table is not None
    }
    version = _report_version(streams, year)
    for definition in (h.section for h in headings):
        region = regions_of[definition.key]
        if definition.table is None:
            texts[definition.key] = [b for _, b in region if isinstance(b, TextBlock)]
            continue
        reading, texts[definition.key] = _table_section(
            definition.table,
            region,
            version,
            figures,
            at_end=definition.key == last_key,
            stream=streams[definition.table],
        )
        tables[definition.table] = reading
    if general_text:
        texts["general"] = general_text
    texts, notes = _infer_missing(texts, set(found.headings) | set(texts))
    notes = inferred + notes
    sections: dict[str, Section] = {}
    for definition in ANNUAL_REPORT_SECTIONS:
        if definition.key not in texts:
            continue
        heading = found.headings.get(definition.key)
        table = tables[definition.table].table if definition.table in tables else None
        if definition.table is not None and table is None:
            table = TableUnavailable("absent")
        sections[definition.key] = Section(
            definition.key,
            heading.text if heading and heading.text else None,
            narrative(texts[definition.key]),
            table,
            source=elements[heading.element].source if heading else None,
        )
    notes = [n for reading in tables.values() for n in reading.notes] + notes
    metadata = AnnualReportMetadata(
        agency=title.agency,
        year=year,
        language=language_of(all_texts),
        title=title.title,
        published=published_date(header, all_texts),
        origin=origin,
        format_version=_format_version(tables) or "unknown",
    )
    narrative_texts = [b for key in texts for b in texts[key]]
    section_of: list[str | None] = [None] * len(preamble_texts)
    section_of += [key for key in texts for _ in texts[key]]
    return AnnualReport.build(
        metadata,
        sections,
        preamble=narrative(preamble_texts),
        stated=stated_figures([*preamble_texts, *narrative_texts], year=year, sections=section_of),
        notes=tuple(notes),
        dropped=tuple(dropped),
    )


#: The quantities that are one count cell in some format version: only their figures may
#: decide a damaged cell.
_DECIDING = frozenset(
    key
    for key, described in QUANTITIES.items()
    if described.table is not None
    and any(
        len(cells := described.cells(table_def(described.table, version))) == 1
        and table_def(described.table, version)
        .row(cells[0].split(".", 1)[1].rpartition(".")[0])
        .column(cells[0].rpartition(".")[2])
        .kind
        is CellKind.COUNT
        for version in FORMAT_VERSIONS
    )
)


class _Deciding(Mapping[str, tuple[int, str]]):
    """The figures that may decide a damaged cell, found the first time they are asked for."""

    def __init__(self, find: Callable[[], Figures]) -> None:
        self._find = find

    @functools.cached_property
    def _found(self) -> Figures:
        return self._find()

    def __getitem__(self, key: str) -> tuple[int, str]:
        return self._found[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._found)

    def __len__(self) -> int:
        return len(self._found)


def _deciding_figures(stated: tuple[StatedFigure, ...], agency: str | None) -> Figures:
    """The stated figures that may decide a damaged cell: each that names exactly one count
    cell (in the version a table may be read in), not a claim, and not for a wider area than
    the report's own."""
    figures: dict[str, tuple[int, str]] = {}
    for figure in stated:
        described = quantity(figure.key)
        if (
            described is None
            or described.table is None
            or figure.claim is not None
            or type(figure.value) is not int
            or (figure.scope is not None and not counts_the_area(agency))
        ):
            continue
        for version in FORMAT_VERSIONS:
            definition = table_def(described.table, version)
            cells = described.cells(definition)
            if len(cells) != 1:
                continue
            row, _, column = cells[0].split(".", 1)[1].rpartition(".")
            if definition.row(row).column(column).kind is CellKind.COUNT:
                figures[cells[0]] = (figure.value, figure.text)
    return figures


def _report_version(streams: dict[TableKey, Stream], year: int | None) -> FormatVersion | None:
    """The version to read a table in whose labels fit both: the one table 三's labels tell,
    else another table's, else the one in force for the report's year."""
    for key in ("applications", "proactive", "appeals"):
        stream = streams.get(key)
        told = table_version(key, stream) if stream is not None else None
        if told is not None:
            return told
    return version_for_year(year) if year is not None else None


def _format_version(tables: dict[TableKey, TableReading]) -> FormatVersion | None:
    """The version of table 三, else of any table read with evidence for its version."""
    for key in ("applications", "proactive", "appeals"):
        reading = tables.get(key)
        if reading is not None and isinstance(reading.table, Table) and reading.version_evidence:
            version: FormatVersion = reading.table.version
            return version
    return None
