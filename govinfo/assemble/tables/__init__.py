"""Reading the statutory tables out of layout blocks, by their labels.

The material of a table section (grid cells, or text split at whitespace) becomes a stream
of cells (:mod:`.stream`).  Every statutory label (rows, row groups, columns, blocks) is looked
for in the folded stream (:mod:`.labels`), so that labels broken across lines or cells, glued
to numbers or printed in a local order are still found.  A row's values are the cells between
its label and the next label (:mod:`.rows`); they are read with certainty or not at all
(:mod:`.values`), and where the text allows more than one reading, the statute's arithmetic
decides when exactly one reading satisfies it (:mod:`.resolve`).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from govinfo.assemble.tables.labels import detect_version, find_labels
from govinfo.assemble.tables.resolve import Figures
from govinfo.assemble.tables.rows import read_one_row_table, read_rows
from govinfo.assemble.tables.stream import Stream
from govinfo.layout import Image, LayoutBlock
from govinfo.model.documents import ReadingNote
from govinfo.model.tables import Table, TableUnavailable
from govinfo.statute import FormatVersion, TableKey, table_def


@attrs.frozen
class TableReading:
    """What was read for one statutory table, and what of the material it used."""

    table: Table | TableUnavailable
    notes: tuple[ReadingNote, ...] = ()
    #: Elements (by index) and the text offsets in them that belong to the table.
    span: tuple[tuple[int, int], tuple[int, int]] | None = None
    version_evidence: str | None = None


def _images(elements: Sequence[tuple[int, LayoutBlock]]) -> tuple[str, ...]:
    return tuple(e.ref for _, e in elements if isinstance(e, Image))


def table_version(key: TableKey, stream: Stream) -> FormatVersion | None:
    """The version a table's own labels tell (None when they fit both)."""
    return detect_version(stream, key)[0]


def read_table(
    key: TableKey,
    elements: Sequence[tuple[int, LayoutBlock]],
    version: FormatVersion | None,
    *,
    at_end: bool = False,
    figures: Figures | None = None,
    stream: Stream | None = None,
) -> TableReading:
    """One statutory table from the elements of its section (in reading order).

    ``version`` is the one to read it in when its labels fit both (the report's).
    ``figures`` are what the narrative states for cells (dotted key → value and sentence):
    where the text allows a cell more than one reading, a stated figure may decide it.
    ``stream`` is the elements' stream, when the caller has built it.
    """
    if stream is None:
        stream = Stream.build(elements)
    detected, evidence = detect_version(stream, key)
    chosen: FormatVersion = detected or version or "2021"
    definition = table_def(key, chosen)
    matches = find_labels(stream, definition)
    images = _images(elements)
    # (Not ``figures or {}``: the figures may be found only when a damaged cell asks.)
    stated = figures if figures is not None else {}
    if definition.one_data_row:
        reading = read_one_row_table(stream, definition, matches, stated)
    else:
        reading = read_rows(stream, definition, matches, stated, at_end=at_end)
    if reading is None:
        if images:
            unread = tuple(
                dict.fromkeys(e.unread for _, e in elements if isinstance(e, Image) and e.unread)
            )
            detail = "; ".join(unread) if unread else None
            return TableReading(TableUnavailable("image", images, detail=detail))
        return TableReading(TableUnavailable("absent"))
    return TableReading(reading.table, reading.notes, reading.bounds, evidence)
