"""Cells: what one place of a statutory table holds.

A cell is read with certainty (a :class:`Count`, :class:`Change` or :class:`Amount`), or it is
explicitly not reported (:class:`NotReported`), or it could not be read (:class:`Unreadable`);
the last two keep the text they came from.  Arithmetic between cells is the checks' job: a
cell only refuses values that cannot exist.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Literal, TypeAlias, get_args

import attrs

from govinfo.errors import InvalidValueError
from govinfo.model import _validators as v


def _position(minimum: int) -> v.Validator:
    return v.int_at_least(minimum, allow_none=True)


def _somewhere(ref: SourceRef, attribute: attrs.Attribute[Any], value: Any) -> None:
    if ref.line is None and ref.offset is None and ref.page is None and ref.image is None:
        raise InvalidValueError(
            "SourceRef: expected a page, a line, an offset or an image, got none"
        )


def _box(ref: SourceRef, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if (
        not isinstance(value, tuple)
        or len(value) != 4
        or not all(type(n) is int and n >= 0 for n in value)
        or value[0] > value[2]
        or value[1] > value[3]
    ):
        v.fail(ref, attribute, "a box (left, top, right, bottom) of four ints ≥ 0", value)


@attrs.frozen(repr=False)
class SourceRef:
    """Where something was read in its source: a 1-based page (of a PDF) and/or line (of a
    text, or a line of the page), and/or a 0-based character offset.

    What was read off a picture by text recognition also names the picture (``image``: the
    file's name as the report refers to it; None for a page of a scanned PDF) and the
    ``box`` the text stands in: left, top, right, bottom, in the picture's pixels (in points
    from the top left for a page of a PDF).
    """

    line: int | None = attrs.field(default=None, validator=_position(1))
    offset: int | None = attrs.field(default=None, validator=_position(0))
    page: int | None = attrs.field(default=None, validator=_position(1), kw_only=True)
    image: str | None = attrs.field(default=None, validator=v.optional(str), kw_only=True)
    box: tuple[int, int, int, int] | None = attrs.field(
        default=None, validator=[_box, _somewhere], kw_only=True
    )

    def __repr__(self) -> str:
        fields = (
            ("page", self.page),
            ("line", self.line),
            ("offset", self.offset),
            ("image", self.image),
            ("box", self.box),
        )
        given = ", ".join(f"{name}={value!r}" for name, value in fields if value is not None)
        return f"SourceRef({given})"

    def __str__(self) -> str:
        parts = []
        if self.image is not None:
            parts.append(self.image)
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.offset is not None:
            parts.append(f"offset {self.offset}")
        if self.box is not None:
            parts.append("box {},{},{},{}".format(*self.box))
        return ", ".join(parts)


_raw = attrs.field(default=None, validator=v.optional(str), kw_only=True)
_source = attrs.field(
    default=None,
    validator=v.optional(SourceRef),
    kw_only=True,
)

#: How a value that the text alone does not decide was decided: by the statute's arithmetic
#: (the only reading that satisfies it), by a figure the narrative states for the cell, or by
#: the same agency's report of the year before.
DecidedBy: TypeAlias = Literal["arithmetic", "narrative", "previous_year"]
DECIDED_BY: tuple[DecidedBy, ...] = get_args(DecidedBy)
_decided = attrs.field(default=None, validator=v.optional_one_of(DECIDED_BY), kw_only=True)


def _repr(cell: attrs.AttrsInstance) -> str:
    """A cell's repr: its value, then only the provenance it has."""
    fields = attrs.fields(type(cell))
    shown = []
    for field in fields:
        value = getattr(cell, field.name)
        if field.kw_only and value in (None, ()):
            continue
        shown.append(f"{field.name}={value!r}")
    return f"{type(cell).__name__}({', '.join(shown)})"


@attrs.frozen(repr=False)
class Count:
    """A number of documents, decisions or applications: an int ≥ 0."""

    value: int = attrs.field(validator=v.int_at_least(0))
    raw: str | None = _raw
    source: SourceRef | None = _source
    decided_by: DecidedBy | None = _decided

    __repr__ = _repr


@attrs.frozen(repr=False)
class Change:
    """A signed change against last year (本年增/减)."""

    value: int = attrs.field(validator=v.signed_int)
    raw: str | None = _raw
    source: SourceRef | None = _source
    decided_by: DecidedBy | None = _decided

    __repr__ = _repr


@attrs.frozen(repr=False)
class Amount:
    """A sum of money: a Decimal ≥ 0 and its unit (None when the report prints none)."""

    value: Decimal = attrs.field(validator=v.amount)
    unit: str | None = attrs.field(default=None, validator=v.optional(str))
    raw: str | None = _raw
    source: SourceRef | None = _source
    decided_by: DecidedBy | None = _decided

    __repr__ = _repr


@attrs.frozen(repr=False)
class NotReported:
    """A cell the report leaves empty: blank, ``/``, ``-``, ``—``, ``&nbsp;``... kept as printed."""

    raw: str = attrs.field(default="", validator=v.no_digits)
    source: SourceRef | None = _source

    __repr__ = _repr


@attrs.frozen(repr=False)
class Unreadable:
    """A cell whose text could not be read with certainty; nothing is guessed.

    ``candidates`` are the values the cell could hold, where the text narrows them to a few
    (glued digits that split several ways): the cell is one of them, no one knows which.
    ``reason`` is in English; ``reason_zh``, where the reader gives it, in Chinese.
    """

    raw: str = attrs.field(validator=v.instance_of(str))
    reason: str = attrs.field(validator=v.non_empty_text)
    source: SourceRef | None = _source
    candidates: tuple[int, ...] = attrs.field(default=(), validator=v.tuple_of(int), kw_only=True)
    reason_zh: str | None = attrs.field(default=None, validator=v.optional_text, kw_only=True)

    __repr__ = _repr

    def why(self, lang: str) -> str:
        """The reason in ``lang`` (``zh`` or ``en``), the English where there is no other."""
        return self.reason_zh if lang == "zh" and self.reason_zh else self.reason


Cell: TypeAlias = Count | Change | Amount | NotReported | Unreadable

CELL_TYPES: tuple[type, ...] = (Count, Change, Amount, NotReported, Unreadable)
Number: TypeAlias = int | Decimal


def number(cell: Cell) -> Number | None:
    """The cell's value, or None when the report gives none that can be used."""
    if isinstance(cell, (Count, Change, Amount)):
        return cell.value
    return None


def numbers(cells: Iterable[Cell]) -> tuple[Number | None, ...]:
    """``number(cell)`` of each cell."""
    return tuple(map(number, cells))
