"""Values: a cell's text as a number, a blank mark, or text; digit runs and their splits."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import NamedTuple

import attrs

from govinfo.model.cells import Amount, Cell, Change, Count, NotReported, SourceRef, Unreadable
from govinfo.statute import CellKind, ColumnDef, RowDef
from govinfo.text import fold, normalize_digits

BLANK_MARKS = frozenset({"", "/", "-", "—", "－", "——", "--", "&nbsp;", "无", "／", "—-"})

NUMBER = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万元|元)?$")

SPLIT_LIMIT = 20_000


class Token(NamedTuple):
    text: str
    source: SourceRef | None
    kind: str  # number, blank, text
    #: A whole cell of a grid: never split further (glued digits are running text).
    cell: bool = False


def token(text: str, source: SourceRef | None, *, cell: bool = False) -> Token:
    if text.isdigit() and text.isascii():
        return Token(text, source, "number", cell)
    stripped = text.strip().replace("\xa0", "")
    if stripped in BLANK_MARKS:
        return Token(text, source, "blank", cell)
    if NUMBER.match(normalize_digits(stripped)):
        return Token(text, source, "number", cell)
    return Token(text, source, "text", cell)


def tokens_of(cell_text: str, source: SourceRef | None, *, grid: bool) -> list[Token]:
    if not cell_text.strip():
        return [Token(cell_text, source, "blank", True)] if grid else []
    # Marks that matching ignores (a label's closing quote) are not values.
    parts = [part for part in cell_text.split() if part.isdigit() or fold(part)]
    return [token(part, source, cell=grid and len(parts) == 1) for part in parts]


def value_cell(column: ColumnDef, token: Token) -> Cell:
    raw = token.text.strip()
    if column.kind is CellKind.COUNT and raw.isdigit() and raw.isascii():
        return Count(int(raw), raw=raw, source=token.source)
    if token.kind == "blank":
        return NotReported(token.text, source=token.source)
    match = NUMBER.match(normalize_digits(raw.replace("\xa0", "")))
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
    runs: Sequence[str], width: int, limit: int = SPLIT_LIMIT
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


def glued_cell(
    column: ColumnDef, value: int, tokens: Sequence[Token], source: SourceRef | None
) -> Cell:
    raw = "".join(t.text.strip() for t in tokens)
    if column.kind is CellKind.AMOUNT:
        return Amount(Decimal(value), column.unit, raw=raw, source=source)
    if column.kind is CellKind.CHANGE:
        return Change(value, raw=raw, source=source)
    return Count(value, raw=raw, source=source)


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


def read_row(row: RowDef, tokens: Sequence[Token], *, total_rule: bool) -> RowReading:
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
            row.key, tuple(value_cell(c, t) for c, t in zip(row.columns, tokens, strict=True)), text
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
            glued_cell(c, n, tokens, source) for c, n in zip(row.columns, readings[0], strict=True)
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


@attrs.frozen
class Orphan:
    """A row of values no label claims (displaced by a converter), and any label debris in it."""

    row: int
    tokens: tuple[Token, ...]
    fragment: str
