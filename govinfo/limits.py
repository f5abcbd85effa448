"""Limits on what is read, so that any input is read in time and memory about linear in its
size, or refused in one line that names the limit (:class:`govinfo.LimitError`).

The defaults are far above any real report (the longest run to a few hundred thousand
characters, a few dozen tables of a few hundred cells) and below what makes reading slow or
large.  ``govinfo.read(..., limits=Limits(cells=100_000))`` and ``--limit cells=100000`` raise
one; readers ask :func:`current` for the limits in force.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from typing import Any

import attrs

from govinfo.errors import LimitError

#: The deepest the HTML parser (libxml2) reads elements nested; below that it drops them.
PARSER_DEPTH = 256


def _positive(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int or value < 1:
        raise LimitError(f"the limit {attribute.name} must be a whole number ≥ 1, not {value!r}")


def _depth(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    _positive(instance, attribute, value)
    if value > PARSER_DEPTH:
        raise LimitError(
            f"the limit depth can be at most {PARSER_DEPTH}, the deepest the HTML parser reads"
        )


@attrs.frozen
class Limits:
    """What one document may hold before it is refused."""

    #: Bytes of a file or of standard input.
    input_bytes: int = attrs.field(default=64 * 2**20, validator=_positive)
    #: Characters of a text format once decoded, or of the text a PDF or Word file holds.
    text_chars: int = attrs.field(default=4_000_000, validator=_positive)
    #: Tables (grids) in one document.
    tables: int = attrs.field(default=500, validator=_positive)
    #: Cells of one table.
    cells: int = attrs.field(default=20_000, validator=_positive)
    #: Elements nested in an HTML page.
    depth: int = attrs.field(default=PARSER_DEPTH, validator=_depth)

    def with_options(self, options: Sequence[str]) -> Limits:
        """These limits with ``name=N`` options applied (the command line's ``--limit``)."""
        changes: dict[str, int] = {}
        names = [f.name for f in attrs.fields(Limits)]
        for option in options:
            name, _, value = option.partition("=")
            name = name.strip().replace("-", "_")
            if name not in names:
                raise LimitError(f"no limit {name!r}: the limits are {', '.join(names)}")
            digits = value.strip().replace("_", "")
            if not digits.isascii() or not digits.isdigit() or len(digits) > 18:
                raise LimitError(f"the limit {name} must be a whole number, not {value!r}")
            changes[name] = int(digits)
        return attrs.evolve(self, **changes)


def exceeded(what: str, found: int, unit: str, name: str, limit: int) -> LimitError:
    """The error for an input beyond a limit: what, how much, the limit and how to raise it."""
    return LimitError(
        f"{what}: {found:,} {unit}, more than the limit {name}={limit:,} "
        f"(raise it with --limit {name}=N, or govinfo.Limits({name}=N))"
    )


#: The defaults (a frozen value: one serves every read).
DEFAULTS = Limits()
_CURRENT: ContextVar[Limits] = ContextVar("govinfo_limits", default=DEFAULTS)


def current() -> Limits:
    """The limits in force (those :func:`govinfo.read` was given, else the defaults)."""
    return _CURRENT.get()


@contextlib.contextmanager
def applied(limits: Limits | None) -> Iterator[Limits]:
    """The limits in force for the block (the defaults when None)."""
    token = _CURRENT.set(limits or DEFAULTS)
    try:
        yield _CURRENT.get()
    finally:
        _CURRENT.reset(token)
