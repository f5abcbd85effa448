"""Rows: a row's values are the cells between its label and the next label, read with
certainty or not at all; table 四's values stand in one data row under its column groups."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence

from govinfo.assemble.tables.labels import (
    Match,
    covered,
    is_debris,
    label_vocabulary,
    uncovered,
)
from govinfo.assemble.tables.resolve import place_orphans, resolve_candidates
from govinfo.assemble.tables.stream import Stream, pieces, span_of
from govinfo.assemble.tables.values import (
    Orphan,
    RowReading,
    Token,
    glued_cell,
    read_row,
    tokens_of,
)
from govinfo.model.documents import ReadingNote
from govinfo.model.tables import Row, Table, TableUnavailable
from govinfo.statute import Axis, Label, RowDef, TableDef, identities_of
from govinfo.text import fold


def _value_tokens(stream: Stream, start: int, end: int) -> tuple[list[Token], list[int], int]:
    """Value tokens between a label's end and the next label, the stream row of each, and
    the last cell used.

    Cells standing in the next label's row, before it, are that row's headers (merged
    group labels, their blank placeholders) and are left out.
    """
    label_cell = stream.at(start - 1)[0]
    label_row = stream.rows[label_cell]
    end_cell = stream.position(end)[0]
    next_row = stream.rows[end_cell] if end_cell < len(stream.texts) else None
    tokens: list[Token] = []
    rows: list[int] = []
    used = label_cell
    for index, piece, whole in pieces(stream, start, end):
        row = stream.rows[index]
        if next_row is not None and row == next_row and row != label_row:
            continue
        found = tokens_of(piece, stream.sources[index], grid=stream.grids[index] and whole)
        tokens.extend(found)
        rows.extend([row] * len(found))
        used = index
    return tokens, rows, used


def _row_tokens(
    stream: Stream, match: Match, end: int, vocabulary: frozenset[str]
) -> tuple[list[Token], set[int], int]:
    """A row's value tokens, the stream rows they came from and the last cell used.

    The values in the label's own row come first; only a label standing alone on its row
    takes the values of the rows after it, up to the next label.
    """
    tokens, rows, used = _value_tokens(stream, match.end, end)
    label_row = stream.rows[stream.at(match.end - 1)[0]]
    own = [t for t, row in zip(tokens, rows, strict=True) if row == label_row]
    if any(t.kind == "number" for t in own):
        return (
            [t for t in own if t.kind != "text" or not is_debris(t, vocabulary)],
            {label_row},
            used,
        )
    return [t for t in tokens if t.kind != "text" or not is_debris(t, vocabulary)], set(rows), used


def orphans(
    stream: Stream, used_rows: set[int], label_rows: set[int], width: int, lo: int, hi: int
) -> list[Orphan]:
    by_row: dict[int, list[int]] = {}
    for index, row in enumerate(stream.rows):
        if lo <= row <= hi and row not in used_rows and row not in label_rows:
            by_row.setdefault(row, []).append(index)
    found = []
    for row, cells in sorted(by_row.items()):
        tokens: list[Token] = []
        fragment = ""
        for index in cells:
            for token in tokens_of(
                stream.texts[index], stream.sources[index], grid=stream.grids[index]
            ):
                if token.kind == "text":
                    fragment += fold(token.text)
                else:
                    tokens.append(token)
        while len(tokens) > width and tokens[-1].kind == "blank":
            tokens.pop()
        if len(tokens) == width and any(t.kind == "number" for t in tokens):
            found.append(Orphan(row, tuple(tokens), fragment))
    return found


def _is_material(stream: Stream, index: int, vocabulary: frozenset[str]) -> bool:
    """A short cell of label debris, numbers or blanks: table, not narrative."""
    text = stream.texts[index]
    if len(text) > 40 or "。" in text:
        return False
    tokens = tokens_of(text, stream.sources[index], grid=stream.grids[index])
    return all(t.kind != "text" or is_debris(t, vocabulary) for t in tokens)


def table_bounds(
    stream: Stream, matches: Sequence[Match], first: int, last: int, vocabulary: frozenset[str]
) -> tuple[int, int]:
    """The first and last cells of the table: from its header labels (those long enough not
    to be words of the narrative) and the debris around them, to the debris after its end."""
    # (A match's cell is before ``first`` exactly when the match starts before that cell
    # does, and not more than 60 cells before when it starts at or after that one's start.)
    lo = stream.starts[first - 60] if first >= 60 else -1
    hi = stream.starts[first] if first < len(stream.starts) else len(stream.folded) + 1
    headers = [
        stream.at(m.start)[0]
        for m in matches
        if lo <= m.start < hi and m.kind != "row" and m.end - m.start >= 4
    ]
    first = min([first, *headers])
    while first > 0 and _is_material(stream, first - 1, vocabulary):
        first -= 1
    while last + 1 < len(stream.texts) and _is_material(stream, last + 1, vocabulary):
        last += 1
    return first, last


def read_rows(
    stream: Stream, definition: TableDef, matches: list[Match], *, at_end: bool
) -> tuple[Table, tuple[ReadingNote, ...], tuple[tuple[int, int], tuple[int, int]] | None] | None:
    row_matches: dict[str, Match] = {}
    by_row: dict[str, list[Match]] = {}
    for candidate in matches:
        if candidate.kind == "row":
            by_row.setdefault(candidate.key, []).append(candidate)
    position = 0
    for row in definition.rows:
        candidates = by_row.get(row.key, [])
        after = [m for m in candidates if m.start >= position]
        chosen = after[0] if after else (candidates[0] if candidates else None)
        if chosen is not None:
            row_matches[row.key] = chosen
            position = chosen.end
    if not row_matches:
        return None
    vocabulary = label_vocabulary(definition)
    readings: dict[str, RowReading] = {}
    used_rows: set[int] = set()
    label_rows: set[int] = set()
    first_cell = len(stream.texts)
    last_cell = 0
    identities = identities_of(definition.key)
    row_rule = any(i.axis is Axis.ROW for i in identities)
    column_rules = any(i.axis is Axis.COLUMN for i in identities)
    boundaries = sorted({m.start for m in matches})
    for row in definition.rows:
        match = row_matches.get(row.key)
        if match is None:
            continue
        at = bisect.bisect_left(boundaries, match.end)
        end = boundaries[at] if at < len(boundaries) else len(stream.folded)
        tokens, rows, used = _row_tokens(stream, match, end, vocabulary)
        reading = read_row(row, tokens, total_rule=row_rule)
        readings[row.key] = reading
        label_cell = stream.at(match.start)[0]
        label_rows.add(stream.rows[label_cell])
        if not reading.empty:
            used_rows |= rows
        first_cell = min(first_cell, label_cell)
        last_cell = max(last_cell, used)
    first_cell, last_cell = table_bounds(stream, matches, first_cell, last_cell, vocabulary)
    required = [r for r in definition.rows if not r.optional]
    found = [r for r in required if r.key in readings]
    if len(found) * 2 < len(required) or (at_end and len(found) < len(required)):
        text = " ".join(stream.texts[first_cell : last_cell + 1])
        missing = len(required) - len(found)
        unavailable = TableUnavailable(
            "unreadable",
            text=text or "(empty)",
            detail=f"{missing} of the {len(required)} rows of the format were not found"
            + (" (the text ends inside the table)" if at_end else ""),
        )
        return unavailable, (), span_of(stream, first_cell, last_cell)  # type: ignore[return-value]
    notes: list[ReadingNote] = []
    needs_orphans = any(
        not r.optional and (r.key not in readings or readings[r.key].empty) for r in definition.rows
    )
    if column_rules and needs_orphans:
        lo = stream.rows[first_cell]
        hi = stream.rows[min(last_cell, len(stream.texts) - 1)]
        width = len(definition.rows[0].columns)
        found_orphans = orphans(stream, used_rows, label_rows, width, lo, hi)
        placed = place_orphans(definition, readings, found_orphans)
        if placed is not None:
            readings, note = placed
            notes.append(note)
    built = []
    for row in definition.rows:
        found_reading = readings.get(row.key)
        if found_reading is None:
            continue
        if found_reading.note:
            source = next((c.source for c in found_reading.cells if c.source is not None), None)
            keys = tuple(f"{definition.key}.{row.key}.{c.key}" for c in row.columns)
            notes.append(ReadingNote(found_reading.note, keys=keys, source=source))
        built.append(Row(row.key, found_reading.cells))
    table = Table(definition.key, definition.version, tuple(built))
    table, more = resolve_candidates(table, definition, readings)
    notes.extend(more)
    return table, tuple(notes), span_of(stream, first_cell, last_cell)


def read_one_row_table(
    stream: Stream, definition: TableDef, matches: list[Match]
) -> tuple[Table, tuple[ReadingNote, ...], tuple[tuple[int, int], tuple[int, int]] | None] | None:
    """Table 四: the three groups are column headers; the values stand in one data row.

    After the first label, label text is skipped, and so are blank cells until the first
    number; the data row is the run of numbers (and blanks) up to the next text.
    """
    label_matches = [m for m in matches if m.kind in ("row", "column", "group")]
    if not label_matches:
        return None
    label_cover = covered(stream, matches)
    vocabulary = label_vocabulary(definition)
    start_cell = stream.at(min(m.start for m in label_matches))[0]
    tokens: list[Token] = []
    last = start_cell
    for index in range(start_cell, len(stream.texts)):
        piece = uncovered(stream.texts[index], label_cover[index])
        if label_cover[index] and not piece.strip():
            continue  # a label
        cell_tokens = tokens_of(
            piece, stream.sources[index], grid=stream.grids[index] and not label_cover[index]
        )
        if any(t.kind == "text" for t in cell_tokens):
            if tokens:
                break
            continue  # a note (注：…) or a label the format does not have
        if not tokens and all(t.kind == "blank" for t in cell_tokens):
            continue  # header placeholders
        tokens.extend(cell_tokens)
        last = index
    if not tokens:
        return None
    start_cell, last = table_bounds(stream, matches, start_cell, last, vocabulary)
    width = sum(len(r.columns) for r in definition.rows)
    flat = flat_row(definition)
    reading = read_flat(flat, tokens, definition)
    notes: tuple[ReadingNote, ...] = ()
    if reading.note:
        notes = (ReadingNote(reading.note, keys=tuple(definition.cell_keys())),)
    rows = []
    offset = 0
    for row in definition.rows:
        rows.append(Row(row.key, reading.cells[offset : offset + len(row.columns)]))
        offset += len(row.columns)
    assert offset == width
    return (
        Table(definition.key, definition.version, tuple(rows)),
        notes,
        span_of(stream, start_cell, last),
    )


@functools.lru_cache(maxsize=8)
def flat_row(definition: TableDef) -> RowDef:
    """Table 四's columns as one row (its values stand in one data row)."""
    return RowDef("all", Label("", ""), tuple(c for r in definition.rows for c in r.columns))


def read_flat(flat: RowDef, tokens: list[Token], definition: TableDef) -> RowReading:
    """The values of table 四 as one row, glued digits split by the R4 totals."""
    reading = read_row(flat, tokens, total_rule=False)
    if not reading.candidates:
        return reading
    groups = [len(r.columns) for r in definition.rows]

    def balances(values: tuple[int, ...]) -> bool:
        offset = 0
        for size in groups:
            part = values[offset : offset + size]
            if part[-1] != sum(part[:-1]):
                return False
            offset += size
        return True

    good = [r for r in reading.candidates if balances(r)]
    if len(good) != 1:
        return reading._replace(candidates=())
    source = next((t.source for t in tokens if t.source is not None), None)
    cells = tuple(
        glued_cell(c, n, tokens, source) for c, n in zip(flat.columns, good[0], strict=True)
    )
    return RowReading(
        flat.key,
        cells,
        reading.text,
        note=f"{reading.text!r} read as {' / '.join(map(str, good[0]))}, the only split in which "
        "every 总计 is the sum of its results",
    )
