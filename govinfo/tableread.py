"""Reading the statutory tables out of blocks, by their labels.

The material of a table section (grid cells, or text split at whitespace) becomes a stream
of cells.  Every statutory label (rows, row groups, columns, blocks) is looked for in the
folded stream, so that labels broken across lines or cells, glued to numbers or printed in
a local order are still found.  A row's values are the cells between its label and the next
label; they are read with certainty or not at all:

- as many numbers (or blank marks) as the row has columns: read;
- fewer, glued together (``713000074``): split only where exactly one split is possible, or
  exactly one satisfies the statutory arithmetic, and a reading note says so;
- anything else: every cell of the row is unreadable, keeping the text.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import NamedTuple

import attrs

from govinfo.blocks import Block, Grid, Image, TextBlock, new_tuple
from govinfo.cells import (
    Amount,
    Cell,
    Change,
    Count,
    NotReported,
    SourceRef,
    Unreadable,
    count_of,
    counts_of,
    source_at,
)
from govinfo.documents import ReadingNote
from govinfo.formats import (
    FORMAT_VERSIONS,
    CellKind,
    ColumnDef,
    FormatVersion,
    Label,
    RowDef,
    TableDef,
    TableKey,
    table_def,
)
from govinfo.tables import Row, Table, TableUnavailable, row_of
from govinfo.text import fold, fold_cell, fold_cell_with_map, normalize_digits

BLANK_MARKS = frozenset({"", "/", "-", "—", "－", "——", "--", "&nbsp;", "无", "／", "—-"})
_NUMBER = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万元|元)?$")
_SPLIT_LIMIT = 20_000


@attrs.frozen
class Stream:
    """The table material as cells (grid cells, or words of text) kept in columns: cell
    ``i`` is ``texts[i]``, read at ``sources[i]``, standing in row ``rows[i]`` of the
    material, and so on.

    (Columns of plain values, not an object per cell: a table has hundreds of cells.)
    """

    texts: tuple[str, ...]
    sources: tuple[SourceRef | None, ...]
    #: The row of the material each cell stands in (a grid row, or a text block).
    rows: tuple[int, ...]
    #: The index of the element each cell came from.
    elements: tuple[int, ...]
    #: Where each cell stands in its element's text (0 for grid cells).
    offsets: tuple[int, ...]
    #: Whether each is a cell of a grid (an empty one is a blank value), not a word of text.
    grids: tuple[bool, ...]
    folded: str
    #: Where each cell's folded text starts in ``folded``.
    starts: tuple[int, ...]
    #: For cells whose folding is not one character for one: the source index of each
    #: folded character (None where it is).
    maps: tuple[tuple[int, ...] | None, ...]

    @classmethod
    def build(cls, elements: Sequence[tuple[int, Block]]) -> Stream:
        texts: list[str] = []
        sources: list[SourceRef | None] = []
        rows: list[int] = []
        indices: list[int] = []
        offsets: list[int] = []
        grids: list[bool] = []
        row = 0
        for index, element in elements:
            if isinstance(element, Grid):
                before = len(texts)
                for grid_row in element.rows:
                    texts.extend(map(_TEXT, grid_row))
                    sources.extend(map(_SOURCE, grid_row))
                    rows.extend(itertools.repeat(row, len(grid_row)))
                    row += 1
                size = len(texts) - before
                indices.extend(itertools.repeat(index, size))
                offsets.extend(itertools.repeat(0, size))
                grids.extend(itertools.repeat(True, size))
            elif isinstance(element, TextBlock):
                words = list(_WORD.finditer(element.text))
                size = len(words)
                at = list(map(_MATCH_START, words))
                texts.extend(map(_MATCH_TEXT, words))
                source = element.source
                if source is not None and source.offset is not None:
                    sources.extend([source_at(source.line, source.offset + a) for a in at])
                else:
                    sources.extend(itertools.repeat(source, size))
                rows.extend(itertools.repeat(row, size))
                indices.extend(itertools.repeat(index, size))
                offsets.extend(at)
                grids.extend(itertools.repeat(False, size))
                row += 1
        parts = list(map(fold_cell, texts))
        maps: list[tuple[int, ...] | None] = [None] * len(texts)
        # Only the cells whose folding changed them need a map (found without a Python loop).
        for i in itertools.compress(range(len(texts)), map(operator.ne, texts, parts)):
            parts[i], maps[i] = fold_cell_with_map(texts[i])
        starts = tuple(itertools.accumulate(map(len, parts), initial=0))[:-1]
        return cls(
            tuple(texts),
            tuple(sources),
            tuple(rows),
            tuple(indices),
            tuple(offsets),
            tuple(grids),
            "".join(parts),
            starts,
            tuple(maps),
        )

    def at(self, folded_index: int) -> tuple[int, int]:
        """(cell, character in its text) of a position in the folded stream."""
        cell = bisect.bisect_right(self.starts, folded_index) - 1
        offset = folded_index - self.starts[cell]
        mapping = self.maps[cell]
        return cell, (offset if mapping is None else mapping[offset])

    def position(self, folded_index: int) -> tuple[int, int]:
        """(cell, character) of a folded position; the end of the stream past the last."""
        if folded_index >= len(self.folded):
            return len(self.texts), 0
        return self.at(folded_index)


class _Match(NamedTuple):
    start: int  # folded positions
    end: int
    kind: str  # row, group, column, block, header
    key: str


@functools.lru_cache(maxsize=256)
def _row_labels(row: RowDef) -> tuple[str, ...]:
    labels = [row.label.zh, *row.aliases]
    return tuple(dict.fromkeys(fold(label) for label in labels))


@functools.lru_cache(maxsize=16)
def _other_labels(definition: TableDef) -> tuple[tuple[str, str, str], ...]:
    """(kind, key, folded label) of every label of the table that is not a row's own."""
    return tuple(_iter_other_labels(definition))


def _iter_other_labels(definition: TableDef) -> Iterator[tuple[str, str, str]]:
    seen: set[str] = set()
    for row in definition.rows:
        for group in row.groups:
            yield "group", group.zh, fold(group.zh)
            # Group labels are often printed without their numbering, or broken.
            bare = re.sub(
                r"^[（(][一二三四五六七八九十]+[）)]|^[一二三四五六七八九十]+、", "", group.zh
            )
            if bare != group.zh and len(bare) >= 4:
                yield "group", group.zh, fold(bare)
        if row.block is not None and row.block.zh not in seen:
            seen.add(row.block.zh)
            yield "block", row.block.zh, fold(row.block.zh)
        for column in row.columns:
            for label in (*column.groups, column.label):
                if label.zh not in seen:
                    seen.add(label.zh)
                    yield "column", label.zh, fold(label.zh)
    for note in (definition.corner, definition.header):
        if note is not None:
            yield "header", note.zh, fold(note.zh)


_START = operator.itemgetter(0)
_END = operator.itemgetter(1)


@functools.lru_cache(maxsize=16)
def _searched_labels(definition: TableDef) -> tuple[tuple[str, str, str], ...]:
    """(folded label, kind, key) of every label looked for in a table's material.

    A text that several labels share is looked for once, for the first of them: a match of
    the others would stand at the same place and be dropped as lying inside it.
    """
    rows = [(label, "row", row.key) for row in definition.rows for label in _row_labels(row)]
    others = [(label, kind, key) for kind, key, label in _other_labels(definition)]
    first: dict[str, tuple[str, str, str]] = {}
    for entry in rows + [entry for entry in others if len(entry[0]) >= 2]:
        first.setdefault(entry[0], entry)
    return tuple(first.values())


def _all_matches(stream: Stream, definition: TableDef) -> list[_Match]:
    matches: list[_Match] = []
    find = stream.folded.find
    for label, kind, key in _searched_labels(definition):
        start = find(label)
        while start >= 0:
            matches.append(new_tuple(_Match, (start, start + len(label), kind, key)))
            start = find(label, start + 1)
    # A label inside a longer one is not a label of its own (其他 inside 2.其他法律…): sorted
    # by start, longest first, a match ending before the furthest end so far lies inside.
    # (Two stable sorts with C-level keys: by end, descending, then by start.)
    matches.sort(key=_END, reverse=True)
    matches.sort(key=_START)
    kept: list[_Match] = []
    furthest = -1
    for match in matches:
        if match.end <= furthest:
            continue
        kept.append(match)
        furthest = match.end
    return kept


# --------------------------------------------------------------------------- values


class _Token(NamedTuple):
    text: str
    source: SourceRef | None
    kind: str  # number, blank, text
    #: A whole cell of a grid: never split further (glued digits are running text).
    cell: bool = False


def _token(text: str, source: SourceRef | None, *, cell: bool = False) -> _Token:
    if text.isdigit() and text.isascii():
        return _Token(text, source, "number", cell)
    stripped = text.strip().replace("\xa0", "")
    if stripped in BLANK_MARKS:
        return _Token(text, source, "blank", cell)
    if _NUMBER.match(normalize_digits(stripped)):
        return _Token(text, source, "number", cell)
    return _Token(text, source, "text", cell)


def _tokens(cell_text: str, source: SourceRef | None, *, grid: bool) -> list[_Token]:
    if not cell_text.strip():
        return [_Token(cell_text, source, "blank", True)] if grid else []
    # Marks that matching ignores (a label's closing quote) are not values.
    parts = [part for part in cell_text.split() if part.isdigit() or fold(part)]
    return [_token(part, source, cell=grid and len(parts) == 1) for part in parts]


def _value(column: ColumnDef, token: _Token) -> Cell:
    raw = token.text.strip()
    if column.kind is CellKind.COUNT and raw.isdigit() and raw.isascii():
        return count_of(int(raw), raw, token.source)
    if token.kind == "blank":
        return NotReported(token.text, source=token.source)
    match = _NUMBER.match(normalize_digits(raw.replace("\xa0", "")))
    assert match is not None
    sign, digits, fraction, unit = match.groups()
    digits = digits.replace(",", "")
    if column.kind is CellKind.AMOUNT:
        if sign == "-":
            return Unreadable(raw, "a negative amount", source=token.source)
        if unit and column.unit and unit != column.unit:
            return Unreadable(
                raw, f"the form fixes {column.unit}, the cell says {unit}", source=token.source
            )
        return Amount(
            Decimal(digits + (fraction or "")), column.unit or unit, raw=raw, source=token.source
        )
    if fraction or unit:
        return Unreadable(raw, "not a whole number", source=token.source)
    value = int(digits)
    if column.kind is CellKind.CHANGE:
        return Change(-value if sign == "-" else value, raw=raw, source=token.source)
    if sign == "-":
        return Unreadable(raw, "a negative count", source=token.source)
    return Count(value, raw=raw, source=token.source)


def splits(digits: str, parts: int) -> Iterator[tuple[int, ...]]:
    """Every way to cut a run of digits into ``parts`` numbers written without leading zeros."""
    if parts == 1:
        if digits and (digits == "0" or not digits.startswith("0")):
            yield (int(digits),)
        return
    if len(digits) < parts:
        return
    first_options = (
        ["0"] if digits.startswith("0") else [digits[:k] for k in range(1, len(digits) - parts + 2)]
    )
    for head in first_options:
        for rest in splits(digits[len(head) :], parts - 1):
            yield (int(head), *rest)


def glued_readings(
    runs: Sequence[str], width: int, limit: int = _SPLIT_LIMIT
) -> list[tuple[int, ...]] | None:
    """Every reading of digit runs as ``width`` numbers (each run one or more of them).

    None when there are too many to weigh.
    """
    readings: list[tuple[int, ...]] = []
    for counts in _compositions(width, len(runs)):
        partial: list[list[tuple[int, ...]]] = []
        for run, count in zip(runs, counts, strict=True):
            options = list(itertools.islice(splits(run, count), limit + 1))
            if not options:
                break
            partial.append(options)
        else:
            for combination in itertools.product(*partial):
                readings.append(tuple(n for part in combination for n in part))
                if len(readings) > limit:
                    return None
    return readings


def _compositions(total: int, parts: int) -> Iterator[tuple[int, ...]]:
    if parts == 1:
        if total >= 1:
            yield (total,)
        return
    for first in range(1, total - parts + 2):
        for rest in _compositions(total - first, parts - 1):
            yield (first, *rest)


# --------------------------------------------------------------------------- rows


class RowReading(NamedTuple):
    """A row read from the stream: its cells, how, and the text they came from.

    (A tuple, not an attrs class: every row of every table makes one, and it never leaves
    here.)
    """

    key: str
    cells: tuple[Cell, ...]
    text: str
    #: Readings that remain when the row alone cannot decide (glued digits).
    candidates: tuple[tuple[int, ...], ...] = ()
    note: str | None = None
    #: No values stand after the label: they may have been displaced (see orphans).
    empty: bool = False


def read_row(row: RowDef, tokens: Sequence[_Token], *, total_rule: bool) -> RowReading:
    """The cells of one row from its value tokens."""
    width = len(row.columns)
    tokens = list(tokens)
    while len(tokens) > width and tokens and tokens[-1].kind == "blank":
        tokens.pop()
    while len(tokens) > width and tokens and tokens[0].kind == "blank":
        tokens.pop(0)
    text = " ".join(t.text.strip() or "∅" for t in tokens)
    source = next((t.source for t in tokens if t.source is not None), None)

    def unreadable(reason: str) -> RowReading:
        return RowReading(
            row.key,
            tuple(Unreadable(text, reason, source=source) for _ in row.columns),
            text,
        )

    if not tokens:
        return unreadable("no values follow the row's label")._replace(empty=True)
    if any(t.kind == "text" for t in tokens):
        noise = next(t.text.strip() for t in tokens if t.kind == "text")
        return unreadable(f"text among the values ({noise!r})")
    if len(tokens) == width:
        return RowReading(
            row.key, tuple(_value(c, t) for c, t in zip(row.columns, tokens, strict=True)), text
        )
    digits_only = all(
        t.kind == "number" and not t.cell and normalize_digits(t.text.strip()).isdigit()
        for t in tokens
    )
    if len(tokens) > width or not digits_only:
        return unreadable(f"{len(tokens)} values where the row has {width} columns")
    runs = [normalize_digits(t.text.strip()) for t in tokens]
    readings = glued_readings(runs, width)
    if readings is None:
        return unreadable("digits run together in too many possible ways")
    totals = [i for i, c in enumerate(row.columns) if c.is_total]
    if total_rule and totals:
        t = totals[0]
        readings = [r for r in readings if r[t] == sum(v for i, v in enumerate(r) if i != t)]
    if not readings:
        return unreadable("digits run together and no split satisfies the row's total")
    if len(readings) == 1:
        how = (
            "the only split"
            if not (total_rule and totals)
            else "the only split whose 总计 is the sum"
        )
        cells = tuple(
            _glued_cell(c, n, tokens, source) for c, n in zip(row.columns, readings[0], strict=True)
        )
        return RowReading(
            row.key,
            cells,
            text,
            note=f"{row.label.zh}: {text!r} read as {' / '.join(map(str, readings[0]))}, {how}",
        )
    return RowReading(
        row.key,
        tuple(
            Unreadable(
                text, f"digits run together: {len(readings)} splits are possible", source=source
            )
            for _ in row.columns
        ),
        text,
        candidates=tuple(readings),
    )


def _glued_cell(
    column: ColumnDef, value: int, tokens: Sequence[_Token], source: SourceRef | None
) -> Cell:
    raw = "".join(t.text.strip() for t in tokens)
    if column.kind is CellKind.AMOUNT:
        return Amount(Decimal(value), column.unit, raw=raw, source=source)
    if column.kind is CellKind.CHANGE:
        return Change(value, raw=raw, source=source)
    return Count(value, raw=raw, source=source)


# --------------------------------------------------------------------------- tables


@attrs.frozen
class TableReading:
    """What was read for one statutory table, and what of the material it used."""

    table: Table | TableUnavailable
    notes: tuple[ReadingNote, ...] = ()
    #: Elements (by index) and the text offsets in them that belong to the table.
    span: tuple[tuple[int, int], tuple[int, int]] | None = None
    version_evidence: str | None = None


@functools.lru_cache(maxsize=8)
def distinctive_labels(key: TableKey) -> dict[FormatVersion, tuple[str, ...]]:
    """Labels only one version of a table has, folded: how the version is told apart."""
    labels: dict[FormatVersion, set[str]] = {}
    for version in FORMAT_VERSIONS:
        definition = table_def(key, version)
        found: set[str] = set()
        for row in definition.rows:
            found.add(fold(row.label.zh))
            found.update(fold(c.label.zh) for c in row.columns)
        labels[version] = found
    out: dict[FormatVersion, tuple[str, ...]] = {}
    for version in FORMAT_VERSIONS:
        others = set().union(*(labels[v] for v in FORMAT_VERSIONS if v != version))
        out[version] = tuple(sorted(labels[version] - others))
    return out


def detect_version(stream: Stream, key: TableKey) -> tuple[FormatVersion | None, str | None]:
    """The version whose distinctive labels the material has, and the label that told."""
    scores: dict[FormatVersion, list[str]] = {}
    for version, labels in distinctive_labels(key).items():
        scores[version] = [label for label in labels if label in stream.folded]
    best = sorted(FORMAT_VERSIONS, key=lambda v: len(scores[v]), reverse=True)
    if scores[best[0]] and len(scores[best[0]]) > len(scores[best[1]]):
        return best[0], scores[best[0]][0]
    return None, None


def _images(elements: Sequence[tuple[int, Block]]) -> tuple[str, ...]:
    return tuple(e.ref for _, e in elements if isinstance(e, Image))


def read_table(
    key: TableKey,
    elements: Sequence[tuple[int, Block]],
    version: FormatVersion | None,
    *,
    at_end: bool = False,
) -> TableReading:
    """One statutory table from the elements of its section (in reading order)."""
    stream = Stream.build(elements)
    detected, evidence = detect_version(stream, key)
    chosen: FormatVersion = detected or version or "2021"
    definition = table_def(key, chosen)
    matches = _all_matches(stream, definition)
    images = _images(elements)
    if key == "appeals":
        reading = _read_single_row_table(stream, definition, matches)
    else:
        reading = _read_rows(stream, definition, matches, at_end=at_end)
    if reading is None:
        if images:
            return TableReading(TableUnavailable("image", images))
        return TableReading(TableUnavailable("absent"))
    table, notes, span = reading
    return TableReading(table, notes, span, evidence)


def _span(stream: Stream, first: int, last: int) -> tuple[tuple[int, int], tuple[int, int]]:
    last = min(last, len(stream.texts) - 1)
    return (stream.elements[first], stream.offsets[first]), (
        stream.elements[last],
        stream.offsets[last] + len(stream.texts[last]),
    )


def _pieces(stream: Stream, start: int, end: int) -> Iterator[tuple[int, str, bool]]:
    """The text between two folded positions, cell by cell: (cell index, text, whole cell).

    ``start`` is where a label ends, ``end`` where the next begins (or the stream's end);
    empty cells in between are given too (in a grid they are blank values).
    """
    if start <= 0 or start > len(stream.folded):
        return
    label_cell, label_char = stream.at(start - 1)
    end_cell, end_char = stream.position(end)
    for index in range(label_cell, min(end_cell, len(stream.texts) - 1) + 1):
        text = stream.texts[index]
        lo = label_char + 1 if index == label_cell else 0
        hi = end_char if index == end_cell else len(text)
        if index == label_cell and lo >= len(text):
            continue  # the label fills its cell
        if index == end_cell and hi == 0:
            continue  # the next label starts its cell
        yield index, text[lo:hi], lo == 0 and hi == len(text)


def _value_tokens(stream: Stream, start: int, end: int) -> tuple[list[_Token], list[int], int]:
    """Value tokens between a label's end and the next label, the stream row of each, and
    the last cell used.

    Cells standing in the next label's row, before it, are that row's headers (merged
    group labels, their blank placeholders) and are left out.
    """
    label_cell = stream.at(start - 1)[0]
    label_row = stream.rows[label_cell]
    end_cell = stream.position(end)[0]
    next_row = stream.rows[end_cell] if end_cell < len(stream.texts) else None
    tokens: list[_Token] = []
    rows: list[int] = []
    used = label_cell
    for index, piece, whole in _pieces(stream, start, end):
        row = stream.rows[index]
        if next_row is not None and row == next_row and row != label_row:
            continue
        found = _tokens(piece, stream.sources[index], grid=stream.grids[index] and whole)
        tokens.extend(found)
        rows.extend([row] * len(found))
        used = index
    return tokens, rows, used


@functools.lru_cache(maxsize=16)
def _label_vocabulary(definition: TableDef) -> frozenset[str]:
    chars: set[str] = set()
    for row in definition.rows:
        for label in (row.label, *row.groups):
            chars.update(fold(label.zh))
        for column in row.columns:
            for label in (column.label, *column.groups):
                chars.update(fold(label.zh))
    return frozenset(ch for ch in chars if not ch.isdigit())


def _is_debris(token: _Token, vocabulary: frozenset[str]) -> bool:
    """Pieces of labels broken up by a converter (（四）无, 予处理): not values, not noise."""
    folded = re.sub(r"^\d{1,2}[.、]", "", fold(token.text))
    return bool(folded) and not any(ch.isdigit() for ch in folded) and set(folded) <= vocabulary


def _row_tokens(
    stream: Stream, match: _Match, end: int, vocabulary: frozenset[str]
) -> tuple[list[_Token], set[int], int]:
    """A row's value tokens, the stream rows they came from and the last cell used.

    The values in the label's own row come first; only a label standing alone on its row
    takes the values of the rows after it, up to the next label.
    """
    tokens, rows, used = _value_tokens(stream, match.end, end)
    label_row = stream.rows[stream.at(match.end - 1)[0]]
    own = [t for t, row in zip(tokens, rows, strict=True) if row == label_row]
    if any(t.kind == "number" for t in own):
        return (
            [t for t in own if t.kind != "text" or not _is_debris(t, vocabulary)],
            {label_row},
            used,
        )
    return [t for t in tokens if t.kind != "text" or not _is_debris(t, vocabulary)], set(rows), used


@attrs.frozen
class _Orphan:
    """A row of values no label claims (displaced by a converter), and any label debris in it."""

    row: int
    tokens: tuple[_Token, ...]
    fragment: str


def _orphans(
    stream: Stream, used_rows: set[int], label_rows: set[int], width: int, lo: int, hi: int
) -> list[_Orphan]:
    by_row: dict[int, list[int]] = {}
    for index, row in enumerate(stream.rows):
        if lo <= row <= hi and row not in used_rows and row not in label_rows:
            by_row.setdefault(row, []).append(index)
    found = []
    for row, cells in sorted(by_row.items()):
        tokens: list[_Token] = []
        fragment = ""
        for index in cells:
            for token in _tokens(
                stream.texts[index], stream.sources[index], grid=stream.grids[index]
            ):
                if token.kind == "text":
                    fragment += fold(token.text)
                else:
                    tokens.append(token)
        while len(tokens) > width and tokens[-1].kind == "blank":
            tokens.pop()
        if len(tokens) == width and any(t.kind == "number" for t in tokens):
            found.append(_Orphan(row, tuple(tokens), fragment))
    return found


def _is_material(stream: Stream, index: int, vocabulary: frozenset[str]) -> bool:
    """A short cell of label debris, numbers or blanks: table, not narrative."""
    text = stream.texts[index]
    if len(text) > 40 or "。" in text:
        return False
    tokens = _tokens(text, stream.sources[index], grid=stream.grids[index])
    return all(t.kind != "text" or _is_debris(t, vocabulary) for t in tokens)


def _table_bounds(
    stream: Stream, matches: Sequence[_Match], first: int, last: int, vocabulary: frozenset[str]
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


def _plain_grid_row(stream: Stream, match: _Match, row: RowDef) -> tuple[RowReading, int] | None:
    """The quick reading of the common case: a grid row holding the label, then exactly one
    plain count per column, then nothing.  None when the row is anything else.

    (Only for rows whose columns are all counts.)
    """
    texts = stream.texts
    rows = stream.rows
    width = len(row.columns)
    label_cell, label_char = stream.at(match.end - 1)
    if not stream.grids[label_cell]:
        return None
    rest = texts[label_cell][label_char + 1 :]
    if rest and fold(rest):
        return None
    after = label_cell + 1 + width
    label_row = rows[label_cell]
    # Stream rows never decrease: the values are all in the label's row when the last is,
    # and the row ends with them when the next cell is in another.
    if (
        after > len(texts)
        or rows[after - 1] != label_row
        or (after < len(texts) and rows[after] == label_row)
    ):
        return None
    values = list(texts[label_cell + 1 : after])
    joined = "".join(values)
    if not (joined.isdigit() and joined.isascii()) or not all(values):
        return None
    counts = counts_of(list(map(int, values)), values, stream.sources[label_cell + 1 : after])
    return RowReading(row.key, tuple(counts), " ".join(values)), after - 1


_TEXT = operator.attrgetter("text")  # (of a GridCell)
_SOURCE = operator.attrgetter("source")
_WORD = re.compile(r"\S+")
_MATCH_TEXT = operator.methodcaller("group")
_MATCH_START = operator.methodcaller("start")


@functools.lru_cache(maxsize=16)
def _counts_only(definition: TableDef) -> tuple[tuple[RowDef, bool], ...]:
    """Each row of the format, and whether every column of it is a count."""
    return tuple(
        (row, all(c.kind is CellKind.COUNT for c in row.columns)) for row in definition.rows
    )


def _read_rows(
    stream: Stream, definition: TableDef, matches: list[_Match], *, at_end: bool
) -> tuple[Table, tuple[ReadingNote, ...], tuple[tuple[int, int], tuple[int, int]] | None] | None:
    row_matches: dict[str, _Match] = {}
    by_row: dict[str, list[_Match]] = {}
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
    vocabulary = _label_vocabulary(definition)
    boundaries: list[int] | None = None  # where labels start, for rows read from tokens
    readings: dict[str, RowReading] = {}
    used_rows: set[int] = set()
    label_rows: set[int] = set()
    first_cell = len(stream.texts)
    last_cell = 0
    has_total = definition.key == "applications"
    for row, counts_only in _counts_only(definition):
        match = row_matches.get(row.key)
        if match is None:
            continue
        plain = _plain_grid_row(stream, match, row) if counts_only else None
        if plain is not None:
            reading, used = plain
            rows = {stream.rows[used]}
        else:
            if boundaries is None:
                boundaries = sorted({m.start for m in matches})
            at = bisect.bisect_left(boundaries, match.end)
            end = boundaries[at] if at < len(boundaries) else len(stream.folded)
            tokens, rows, used = _row_tokens(stream, match, end, vocabulary)
            reading = read_row(row, tokens, total_rule=has_total)
        readings[row.key] = reading
        label_cell = stream.at(match.start)[0]
        label_rows.add(stream.rows[label_cell])
        if not reading.empty:
            used_rows |= rows
        first_cell = min(first_cell, label_cell)
        last_cell = max(last_cell, used)
    first_cell, last_cell = _table_bounds(stream, matches, first_cell, last_cell, vocabulary)
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
        return unavailable, (), _span(stream, first_cell, last_cell)  # type: ignore[return-value]
    notes: list[ReadingNote] = []
    needs_orphans = any(
        not r.optional and (r.key not in readings or readings[r.key].empty) for r in definition.rows
    )
    if has_total and needs_orphans:
        lo = stream.rows[first_cell]
        hi = stream.rows[min(last_cell, len(stream.texts) - 1)]
        orphans = _orphans(stream, used_rows, label_rows, len(definition.rows[0].columns), lo, hi)
        placed = _place_orphans(definition, readings, orphans)
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
        built.append(row_of(row.key, found_reading.cells))
    table = Table(definition.key, definition.version, tuple(built))
    table, more = _resolve_candidates(table, definition, readings)
    notes.extend(more)
    return table, tuple(notes), _span(stream, first_cell, last_cell)


def _balances(definition: TableDef, readings: Mapping[str, RowReading], rules: str) -> bool:
    """Whether the table the readings make satisfies the named rules (``"R1 R3"``) with no
    fail and no uncertainty."""
    from govinfo.checks import BUILTIN_RULES
    from govinfo.documents import AnnualReport, AnnualReportMetadata

    rows = tuple(
        Row(row.key, readings[row.key].cells) for row in definition.rows if row.key in readings
    )
    table = Table(definition.key, definition.version, rows)
    report = AnnualReport.build(AnnualReportMetadata(), tables={"applications": table})
    wanted = rules.split()
    return not any(
        f.status.value in ("fail", "uncertain")
        for rule in BUILTIN_RULES
        if rule.code in wanted
        for f in rule.check(report)
    )


def _balanced(definition: TableDef, readings: dict[str, RowReading]) -> bool:
    """Whether R1, R2 and R3 hold with these rows, every cell of them read."""
    for row in definition.rows:
        reading = readings.get(row.key)
        if reading is None:
            if not row.optional:
                return False
        elif any(isinstance(c, (Unreadable, NotReported)) for c in reading.cells):
            return False
    return _balances(definition, readings, "R1 R2 R3")


def _place_orphans(
    definition: TableDef, readings: dict[str, RowReading], orphans: list[_Orphan]
) -> tuple[dict[str, RowReading], ReadingNote] | None:
    """Give displaced rows of values to the rows that lack them, where only one way fits.

    A way fits when every orphan's label debris is part of its row's label and the whole
    table then balances (R1, R2, R3).  None when no orphan is placed with certainty.
    """
    open_rows = [r for r in definition.rows if (r.key not in readings or readings[r.key].empty)]
    if not orphans or not open_rows or len(orphans) > len(open_rows) or len(orphans) > 6:
        return None

    def fits(orphan: _Orphan, row: RowDef) -> bool:
        label = fold("".join([*(g.zh for g in row.groups), row.label.zh]))
        return not orphan.fragment or orphan.fragment in label

    solutions = []
    for chosen in itertools.permutations(open_rows, len(orphans)):
        if not all(fits(o, r) for o, r in zip(orphans, chosen, strict=True)):
            continue
        trial = dict(readings)
        for orphan, row in zip(orphans, chosen, strict=True):
            trial[row.key] = read_row(row, orphan.tokens, total_rule=True)
        if _balanced(definition, trial):
            solutions.append((chosen, trial))
            if len(solutions) > 1:
                return None
    if len(solutions) != 1:
        return None
    chosen, trial = solutions[0]
    placed = ", ".join(
        f"{' '.join(t.text.strip() for t in o.tokens)} → {r.label.zh}"
        for o, r in zip(orphans, chosen, strict=True)
    )
    keys = tuple(f"{definition.key}.{r.key}.{c.key}" for r in chosen for c in r.columns)
    note = ReadingNote(
        f"rows of values standing apart from their labels were placed ({placed}): the only "
        "placement that fits the labels' remains and balances the table",
        keys=keys,
        source=orphans[0].tokens[0].source,
    )
    return trial, note


def _resolve_candidates(
    table: Table, definition: TableDef, readings: dict[str, RowReading]
) -> tuple[Table, list[ReadingNote]]:
    """Rows left with several splits: keep a combination only if exactly one balances R1 and R3."""
    open_rows = {k: r for k, r in readings.items() if r.candidates}
    if not open_rows or definition.key != "applications":
        return table, []
    combos = 1
    for reading in open_rows.values():
        combos *= len(reading.candidates)
    if combos > _SPLIT_LIMIT:
        return table, []
    balanced = []
    keys = list(open_rows)
    for combination in itertools.product(*(open_rows[k].candidates for k in keys)):
        trial = dict(readings)
        for key, values in zip(keys, combination, strict=True):
            trial[key] = trial[key]._replace(cells=tuple(Count(v) for v in values))
        if _balances(definition, trial, "R1 R3"):
            balanced.append(combination)
            if len(balanced) > 1:
                return table, []
    if len(balanced) != 1:
        return table, []
    notes = []
    for key, values in zip(keys, balanced[0], strict=True):
        row = definition.row(key)
        reading = open_rows[key]
        source = next((c.source for c in reading.cells if c.source is not None), None)
        for column, value in zip(row.columns, values, strict=True):
            cell: Cell = Count(value, raw=reading.text, source=source)
            table = table.replace(f"{key}.{column.key}", cell)
        notes.append(
            ReadingNote(
                f"{row.label.zh}: {reading.text!r} read as {' / '.join(map(str, values))}, "
                f"the only split of the {len(reading.candidates)} possible with which every "
                "column balances",
                keys=tuple(f"{definition.key}.{key}.{c.key}" for c in row.columns),
            )
        )
    return table, notes


def _covered(stream: Stream, matches: Sequence[_Match]) -> list[list[tuple[int, int]]]:
    """For each cell, the character ranges that labels cover."""
    covered: list[list[tuple[int, int]]] = [[] for _ in stream.texts]
    for match in matches:
        if match.end <= match.start:
            continue
        first_cell, first_char = stream.at(match.start)
        last_cell, last_char = stream.at(match.end - 1)
        for index in range(first_cell, last_cell + 1):
            lo = first_char if index == first_cell else 0
            hi = last_char + 1 if index == last_cell else len(stream.texts[index])
            covered[index].append((lo, hi))
    return covered


def _uncovered(text: str, ranges: list[tuple[int, int]]) -> str:
    """The text with the given ranges blanked out."""
    if not ranges:
        return text
    chars = list(text)
    for lo, hi in ranges:
        hi = min(hi, len(text))
        if lo < hi:
            chars[lo:hi] = " " * (hi - lo)
    return "".join(chars)


def _read_single_row_table(
    stream: Stream, definition: TableDef, matches: list[_Match]
) -> tuple[Table, tuple[ReadingNote, ...], tuple[tuple[int, int], tuple[int, int]] | None] | None:
    """Table 四: the three groups are column headers; the values stand in one data row.

    After the first label, label text is skipped, and so are blank cells until the first
    number; the data row is the run of numbers (and blanks) up to the next text.
    """
    label_matches = [m for m in matches if m.kind in ("row", "column", "group")]
    if not label_matches:
        return None
    covered = _covered(stream, matches)
    vocabulary = _label_vocabulary(definition)
    start_cell = stream.at(min(m.start for m in label_matches))[0]
    tokens: list[_Token] = []
    last = start_cell
    for index in range(start_cell, len(stream.texts)):
        piece = _uncovered(stream.texts[index], covered[index])
        if covered[index] and not piece.strip():
            continue  # a label
        cell_tokens = _tokens(
            piece, stream.sources[index], grid=stream.grids[index] and not covered[index]
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
    start_cell, last = _table_bounds(stream, matches, start_cell, last, vocabulary)
    width = sum(len(r.columns) for r in definition.rows)
    flat = _flat_row(definition)
    reading = _read_flat(flat, tokens, definition)
    notes: tuple[ReadingNote, ...] = ()
    if reading.note:
        notes = (ReadingNote(reading.note, keys=tuple(definition.cell_keys())),)
    rows = []
    offset = 0
    for row in definition.rows:
        rows.append(row_of(row.key, reading.cells[offset : offset + len(row.columns)]))
        offset += len(row.columns)
    assert offset == width
    return (
        Table(definition.key, definition.version, tuple(rows)),
        notes,
        _span(stream, start_cell, last),
    )


@functools.lru_cache(maxsize=8)
def _flat_row(definition: TableDef) -> RowDef:
    """Table 四's columns as one row (its values stand in one data row)."""
    return RowDef("all", Label("", ""), tuple(c for r in definition.rows for c in r.columns))


def _read_flat(flat: RowDef, tokens: list[_Token], definition: TableDef) -> RowReading:
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
        _glued_cell(c, n, tokens, source) for c, n in zip(flat.columns, good[0], strict=True)
    )
    return RowReading(
        flat.key,
        cells,
        reading.text,
        note=f"{reading.text!r} read as {' / '.join(map(str, good[0]))}, the only split in which "
        "every 总计 is the sum of its results",
    )
