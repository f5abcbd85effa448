"""Cells: what one place of a statutory table holds.

A cell is read with certainty (a :class:`Count`, :class:`Change` or :class:`Amount`), or it is
explicitly not reported (:class:`NotReported`), or it could not be read (:class:`Unreadable`);
the last two keep the text they came from.  Arithmetic between cells is the checks' job: a
cell only refuses values that cannot exist.
"""

from __future__ import annotations

import collections
import itertools
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, TypeAlias

import attrs

from govinfo import _validators as v
from govinfo.errors import InvalidValueError


@attrs.frozen
class SourceRef:
    """Where something was read in its source: a 1-based line and/or a 0-based offset."""

    line: int | None = None
    offset: int | None = None

    def __attrs_post_init__(self) -> None:
        # One check for both fields: SourceRefs are made for every line and cell read.
        line, offset = self.line, self.offset
        if line is not None and (type(line) is not int or line < 1):
            raise InvalidValueError(f"SourceRef.line: expected an int ≥ 1 or None, got {line!r}")
        if offset is not None and (type(offset) is not int or offset < 0):
            raise InvalidValueError(
                f"SourceRef.offset: expected an int ≥ 0 or None, got {offset!r}"
            )
        if line is None and offset is None:
            raise InvalidValueError("SourceRef: expected a line or an offset, got neither")

    def __str__(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.offset is not None:
            parts.append(f"offset {self.offset}")
        return ", ".join(parts)


_raw = attrs.field(default=None, validator=v.optional(str), kw_only=True)
_source = attrs.field(
    default=None,
    validator=v.optional(SourceRef),
    kw_only=True,
)


def _check_provenance(cell: Count | Change | Amount) -> None:
    if cell.raw is not None and not isinstance(cell.raw, str):
        raise InvalidValueError(
            f"{type(cell).__name__}.raw: expected a str or None, got {cell.raw!r}"
        )
    if cell.source is not None and not isinstance(cell.source, SourceRef):
        raise InvalidValueError(
            f"{type(cell).__name__}.source: expected a SourceRef or None, got {cell.source!r}"
        )


@attrs.frozen
class Count:
    """A number of documents, decisions or applications: an int ≥ 0."""

    value: int
    raw: str | None = attrs.field(default=None, kw_only=True)
    source: SourceRef | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        # One check for every field: a report has hundreds of counts.
        value = self.value
        if type(value) is not int or value < 0:
            raise InvalidValueError(f"Count.value: expected an int ≥ 0, got {value!r}")
        _check_provenance(self)


@attrs.frozen
class Change:
    """A signed change against last year (本年增/减)."""

    value: int = attrs.field(validator=v.signed_int)
    raw: str | None = _raw
    source: SourceRef | None = _source


@attrs.frozen
class Amount:
    """A sum of money: a Decimal ≥ 0 and its unit (None when the report prints none)."""

    value: Decimal = attrs.field(validator=v.amount)
    unit: str | None = attrs.field(default=None, validator=v.optional(str))
    raw: str | None = _raw
    source: SourceRef | None = _source


@attrs.frozen
class NotReported:
    """A cell the report leaves empty: blank, ``/``, ``-``, ``—``, ``&nbsp;``... kept as printed."""

    raw: str = attrs.field(default="", validator=v.no_digits)
    source: SourceRef | None = _source


@attrs.frozen
class Unreadable:
    """A cell whose text could not be read with certainty; nothing is guessed."""

    raw: str = attrs.field(validator=v.instance_of(str))
    reason: str = attrs.field(validator=v.non_empty_text)
    source: SourceRef | None = _source


Cell: TypeAlias = Count | Change | Amount | NotReported | Unreadable

# Readers make a SourceRef for every line and cell and a Count for every number they read,
# from values they have already established (a line number ≥ 1, the int of a digit string).
# These build the same frozen instances without running the checks again: the objects are
# made and their slots filled through the slots' own setters (past the frozen classes'
# ``__setattr__``); the bulk forms do it by C-level maps, with no Python frame per object.
_new = object.__new__
_exhaust: Callable[[Iterable[object]], None] = collections.deque[object](maxlen=0).extend


def _slot_setter(cls: type, name: str) -> Callable[[Any, Any], None]:
    setter: Callable[[Any, Any], None] = cls.__dict__[name].__set__
    return setter


_SOURCE_LINE = _slot_setter(SourceRef, "line")
_SOURCE_OFFSET = _slot_setter(SourceRef, "offset")
_COUNT_VALUE = _slot_setter(Count, "value")
_COUNT_RAW = _slot_setter(Count, "raw")
_COUNT_SOURCE = _slot_setter(Count, "source")


def source_at(line: int | None, offset: int | None = None) -> SourceRef:
    """``SourceRef(line=line, offset=offset)`` for a line ≥ 1 and an offset ≥ 0 known valid."""
    ref: SourceRef = _new(SourceRef)
    _SOURCE_LINE(ref, line)
    _SOURCE_OFFSET(ref, offset)
    return ref


def count_of(value: int, raw: str | None, source: SourceRef | None) -> Count:
    """``Count(value, raw=raw, source=source)`` for an int ≥ 0 read from ``raw``."""
    cell: Count = _new(Count)
    _COUNT_VALUE(cell, value)
    _COUNT_RAW(cell, raw)
    _COUNT_SOURCE(cell, source)
    return cell


def sources_at(lines: Sequence[int], offsets: Sequence[int]) -> list[SourceRef]:
    """``[source_at(line, offset) ...]`` for lines ≥ 1 and offsets ≥ 0 known valid."""
    refs: list[SourceRef] = list(map(_new, itertools.repeat(SourceRef, len(lines))))
    _exhaust(map(_SOURCE_LINE, refs, lines))
    _exhaust(map(_SOURCE_OFFSET, refs, offsets))
    return refs


def counts_of(
    values: Sequence[int], raws: Sequence[str | None], sources: Sequence[SourceRef | None]
) -> list[Count]:
    """``[count_of(value, raw, source) ...]`` for ints ≥ 0 read from ``raws``."""
    cells: list[Count] = list(map(_new, itertools.repeat(Count, len(values))))
    _exhaust(map(_COUNT_VALUE, cells, values))
    _exhaust(map(_COUNT_RAW, cells, raws))
    _exhaust(map(_COUNT_SOURCE, cells, sources))
    return cells


CELL_TYPES: tuple[type, ...] = (Count, Change, Amount, NotReported, Unreadable)
Number: TypeAlias = int | Decimal


def number(cell: Cell) -> Number | None:
    """The cell's value, or None when the report gives none that can be used."""
    if isinstance(cell, (Count, Change, Amount)):
        return cell.value
    return None


def numbers(cells: Iterable[Cell]) -> tuple[Number | None, ...]:
    """``number(cell)`` of each cell, without a Python call each: a Count, Change or Amount
    has a value, a NotReported or Unreadable cell has none."""
    return tuple(map(getattr, cells, _VALUE, _NO_VALUE))


_VALUE = itertools.repeat("value")
_NO_VALUE = itertools.repeat(None)
