"""What plugins register: frozen, typed specs of readers, loaders and reporters.

(Rules are registered as :class:`govinfo.model.findings.Rule`.)  A spec holds functions; the
host calls them.  See the hooks in :mod:`govinfo.plugin.hookspecs` for the contract of each.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import pluggy

from govinfo.model import _validators as v

if TYPE_CHECKING:
    from govinfo.decode import Decoded
    from govinfo.layout import Layout
    from govinfo.model.documents import Document
    from govinfo.model.findings import Finding
    from govinfo.source import Source

#: Marks a plugin's hook implementations: ``@hookimpl def govinfo_register_readers(register)``.
hookimpl = pluggy.HookimplMarker("govinfo")

#: The keyword options a caller gave a reporter (``lang``, ``no_findings`` ...).
Options = Mapping[str, Any]


def _name(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value or not all(c.isalnum() or c in "-_" for c in value):
        v.fail(instance, attribute, "a name of letters, digits, '-' and '_'", value)


def _suffix(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.startswith(".") or value != value.lower():
        v.fail(instance, attribute, "a lower-case suffix with its dot ('.md')", value)


def _suffixes(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.tuple_of(str)(instance, attribute, value)
    for item in value:
        _suffix(instance, attribute, item)


def _callable(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not callable(value):
        v.fail(instance, attribute, "a callable", value)


def _optional_callable(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _callable(instance, attribute, value)


@attrs.frozen
class ReaderSpec:
    """An input format that the host assembles: see ``govinfo_register_readers``.

    ``layout(source, decoded)`` turns the input into layout blocks.  For a text format the
    host decodes the bytes first (``charset(data)`` may name the charset they declare) and
    passes the :class:`~govinfo.decode.Decoded` text; a ``binary`` reader (PDF, Word) gets
    ``None`` and reads ``source.data`` itself.
    """

    name: str = attrs.field(validator=_name)
    suffixes: tuple[str, ...] = attrs.field(validator=_suffixes)
    accepts: Callable[[Source], float] = attrs.field(validator=_callable)
    layout: Callable[[Source, Decoded | None], Layout] = attrs.field(validator=_callable)
    binary: bool = attrs.field(default=False, validator=v.instance_of(bool), kw_only=True)
    charset: Callable[[bytes], str | None] | None = attrs.field(
        default=None, validator=_optional_callable, kw_only=True
    )
    description: str = attrs.field(default="", validator=v.instance_of(str), kw_only=True)


@attrs.frozen
class LoaderSpec:
    """An input format that already is a document (govinfo's JSON): see
    ``govinfo_register_loaders``.  ``load(source)`` returns the document itself."""

    name: str = attrs.field(validator=_name)
    suffixes: tuple[str, ...] = attrs.field(validator=_suffixes)
    accepts: Callable[[Source], float] = attrs.field(validator=_callable)
    load: Callable[[Source], Document] = attrs.field(validator=_callable)
    description: str = attrs.field(default="", validator=v.instance_of(str), kw_only=True)


@attrs.frozen
class ReporterSpec:
    """An output format: see ``govinfo_register_reporters``."""

    name: str = attrs.field(validator=_name)
    suffix: str = attrs.field(validator=_suffix)
    can_render: Callable[[Document], bool] = attrs.field(validator=_callable)
    render: Callable[[Document, tuple[Finding, ...], Options], str | bytes] = attrs.field(
        validator=_callable
    )
    description: str = attrs.field(default="", validator=v.instance_of(str), kw_only=True)
    #: How many lines at the start of every output are a header (CSV's column names): when
    #: the outputs of several documents go to one stream, it is written once.
    header_lines: int = attrs.field(default=0, validator=v.int_at_least(0), kw_only=True)
