"""JSON: the one converter between documents (and findings) and their JSON form.

The JSON form of a document (schema version 1) is an object with ``schema_version``,
``kind`` and the document's fields.  Decimals are strings, dates ISO ``YYYY-MM-DD``.  The
sections of an annual report are an object keyed by section key, in statutory order; a
table is ``{"version": ..., "rows": {...}}`` with its rows nested by their dotted keys
(``rows.outcome.withheld.state_secret.total``), or ``{"unavailable": reason, ...}``.  A cell
is a bare number when nothing else is known of it (an int; an amount as a string), else an
object: ``{"value", "raw", "source"}`` (and ``"unit"`` for amounts), ``{"not_reported": raw}``
or ``{"unreadable": raw, "reason": ..., "reason_zh": ...}``.

Loading rejects unknown keys and wrong types with messages that name the path
(``$.sections.applications.table.rows.received.total: expected an int ≥ 0, got -1``).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar, cast

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_unstructure_fn, override
from cattrs.v import format_exception

from govinfo.errors import GovinfoError, InvalidValueError, SchemaError
from govinfo.model.cells import (
    DECIDED_BY,
    Amount,
    Cell,
    Change,
    Count,
    NotReported,
    SourceRef,
    Unreadable,
)
from govinfo.model.documents import (
    AnnualReport,
    Document,
    KeyPoints,
    RuleOfLawReport,
    RuleOfLawSection,
    Section,
    StatedFigure,
)
from govinfo.model.findings import Finding, Number
from govinfo.model.narrative import Item, NarrativeBlock, Paragraph
from govinfo.model.tables import Row, Table, TableUnavailable
from govinfo.statute import (
    ANNUAL_REPORT_SECTIONS,
    FORMAT_VERSIONS,
    RULE_OF_LAW_SECTIONS,
    CellKind,
    ColumnDef,
    TableDef,
    TableKey,
    table_def,
)

SCHEMA_VERSION = 1

T = TypeVar("T")


class _Invalid(ValueError):
    """A value a custom hook refuses; becomes one line of a SchemaError."""


class _JSONFloat(str):
    """A JSON number with a fraction or exponent: never a valid value, kept as written."""

    __slots__ = ()


# --------------------------------------------------------------------------- helpers


def _at(path: tuple[str | int, ...], exc: Exception) -> Exception:
    """Wrap ``exc`` so that the error walker reports it at ``path`` below the current one."""
    for part in reversed(path):
        if isinstance(part, int):
            exc.__notes__ = [
                *getattr(exc, "__notes__", []),
                IterableValidationNote(f"[{part}]", part, object),
            ]
            exc = IterableValidationError(f"at [{part}]", [exc], object)
        else:
            exc.__notes__ = [
                *getattr(exc, "__notes__", []),
                AttributeValidationNote(f".{part}", part, object),
            ]
            exc = ClassValidationError(f"at .{part}", [exc], object)
    return exc


def _raise_all(errors: list[Exception], what: type) -> None:
    if len(errors) == 1 and isinstance(errors[0], (ClassValidationError, IterableValidationError)):
        raise errors[0]
    if errors:
        raise ClassValidationError(f"While structuring {what.__name__}", errors, what)


def _expect_mapping(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _Invalid(f"expected {what} (an object), got {_show(value)}")
    return value


def _show(value: object) -> str:
    if isinstance(value, _JSONFloat):
        return str(value)
    text = json.dumps(value, ensure_ascii=False) if _jsonable(value) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _jsonable(value: object) -> bool:
    return isinstance(value, (str, int, float, bool, type(None), list, dict))


def _extra_keys(given: Mapping[str, Any], allowed: tuple[str, ...]) -> list[str]:
    return [k for k in given if k not in allowed]


# --------------------------------------------------------------------------- converter


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)

    converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(Decimal, _decimal_text)
    converter.register_structure_hook(Decimal, lambda v, _: _structure_decimal(v))
    converter.register_structure_hook(str, _structure_exact(str, "a string"))
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_exact(bool, "true or false"))
    converter.register_unstructure_hook(SourceRef, _unstructure_source)
    converter.register_structure_hook(SourceRef, lambda v, _: _structure_source(v))
    number_type = Number | None
    converter.register_unstructure_hook_func(
        lambda t: t in (number_type, Number), _unstructure_number
    )
    converter.register_structure_hook_func(
        lambda t: t in (number_type, Number), lambda v, _: _structure_number(v)
    )

    def unstructure_block(block: NarrativeBlock) -> dict[str, Any]:
        tag = "paragraph" if isinstance(block, Paragraph) else "item"
        return {"type": tag, **converter.unstructure(block, type(block))}

    def structure_block(value: object, _: object) -> NarrativeBlock:
        data = dict(_expect_mapping(value, "a paragraph or an item"))
        tag = data.pop("type", None)
        if tag == "paragraph":
            return converter.structure(data, Paragraph)
        if tag == "item":
            return converter.structure(data, Item)
        raise _at(("type",), _Invalid(f"expected 'paragraph' or 'item', got {_show(tag)}"))

    converter.register_unstructure_hook_func(lambda t: t == NarrativeBlock, unstructure_block)
    converter.register_structure_hook_func(lambda t: t == NarrativeBlock, structure_block)

    converter.register_unstructure_hook(Table, _unstructure_table)
    converter.register_unstructure_hook(
        TableUnavailable, lambda t: _unstructure_unavailable(converter, t)
    )
    table_or_unavailable = Table | TableUnavailable | None
    converter.register_unstructure_hook_func(
        lambda t: t == table_or_unavailable,
        lambda t: None if t is None else converter.unstructure(t, type(t)),
    )
    converter.register_structure_hook_func(
        lambda t: t == table_or_unavailable,
        lambda v, _: _structure_any_table(converter, v),
    )

    # What a figure's share, claim and scope add is written only where there is one, so the
    # JSON of a plain figure is what it was before they were read.
    converter.register_unstructure_hook(
        StatedFigure,
        make_dict_unstructure_fn(
            StatedFigure,
            converter,
            percent=override(omit_if_default=True),
            claim=override(omit_if_default=True),
            scope=override(omit_if_default=True),
        ),
    )

    _register_keyed_sections(converter, Section, ANNUAL_REPORT_SECTIONS_KEYS)
    _register_keyed_sections(converter, RuleOfLawSection, RULE_OF_LAW_SECTION_KEYS)
    return converter


ANNUAL_REPORT_SECTIONS_KEYS = tuple(s.key for s in ANNUAL_REPORT_SECTIONS)
RULE_OF_LAW_SECTION_KEYS = tuple(s.key for s in RULE_OF_LAW_SECTIONS)


def _register_keyed_sections(
    converter: cattrs.Converter, section_type: type[Any], keys: tuple[str, ...]
) -> None:
    """Sections as an object keyed by section key, in statutory order."""
    tuple_type = tuple[section_type, ...]  # type: ignore[valid-type]
    fields = tuple(f.name for f in attrs.fields(section_type) if f.name != "key")

    def unstructure(sections: tuple[Any, ...]) -> dict[str, Any]:
        out = {}
        for section in sections:
            data = converter.unstructure(section, section_type)
            del data["key"]
            out[section.key] = data
        return out

    def structure(value: object, _: object) -> tuple[Any, ...]:
        data = _expect_mapping(value, "the sections keyed " + ", ".join(keys))
        errors: list[Exception] = []
        extra = _extra_keys(data, keys)
        if extra:
            errors.append(ForbiddenExtraKeysError("", section_type, set(extra)))
        missing = [k for k in keys if k not in data]
        for key in missing:
            errors.append(_at((key,), _Invalid("required section missing")))
        sections = []
        for key in keys:
            if key not in data:
                continue
            try:
                body = _expect_mapping(data[key], "a section")
                unknown = _extra_keys(body, fields)
                if unknown:
                    raise ForbiddenExtraKeysError("", section_type, set(unknown))
                sections.append(converter.structure({"key": key, **body}, section_type))
            except Exception as exc:  # collected and reported with their paths
                errors.append(_at((key,), exc))
        _raise_all(errors, section_type)
        return tuple(sections)

    converter.register_unstructure_hook_func(lambda t: t == tuple_type, unstructure)
    converter.register_structure_hook_func(lambda t: t == tuple_type, structure)


# --------------------------------------------------------------------------- scalars


def _decimal_text(value: Decimal) -> str:
    return format(value, "f")


def _structure_exact(kind: type[T], what: str) -> Callable[[object, object], T]:
    def structure(value: object, _: object) -> T:
        if type(value) is not kind:
            raise _Invalid(f"expected {what}, got {_show(value)}")
        return value

    return structure


def _structure_int(value: object, _: object = None) -> int:
    if type(value) is not int:
        raise _Invalid(f"expected an integer, got {_show(value)}")
    return value


def _structure_decimal(value: object) -> Decimal:
    if type(value) is not str:
        raise _Invalid(f"expected a decimal number as a string, got {_show(value)}")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise _Invalid(f"expected a decimal number as a string, got {_show(value)}") from None
    if not number.is_finite() or _decimal_text(number) != value.lstrip("+"):
        raise _Invalid(f'expected a plain decimal number such as "12.5", got {_show(value)}')
    return number


def _structure_date(value: object, _: object) -> dt.date:
    if not isinstance(value, str):
        raise _Invalid(f"expected a date YYYY-MM-DD, got {_show(value)}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _Invalid(f"expected a date YYYY-MM-DD, got {_show(value)}") from None


def _unstructure_number(value: Number | None) -> int | str | None:
    return _decimal_text(value) if isinstance(value, Decimal) else value


def _structure_number(value: object) -> Number | None:
    if value is None or type(value) is int:
        return value
    return _structure_decimal(value)


# --------------------------------------------------------------------------- cells


def _unstructure_source(source: SourceRef | None) -> dict[str, Any] | None:
    if source is None:
        return None
    out: dict[str, Any] = {}
    if source.page is not None:
        out["page"] = source.page
    if source.line is not None:
        out["line"] = source.line
    if source.offset is not None:
        out["offset"] = source.offset
    if source.image is not None:
        out["image"] = source.image
    if source.box is not None:
        out["box"] = list(source.box)
    return out


def _structure_source(value: object) -> SourceRef | None:
    if value is None:
        return None
    data = _expect_mapping(value, "a source {page, line, offset, image, box}")
    extra = _extra_keys(data, ("page", "line", "offset", "image", "box"))
    if extra:
        raise _Invalid(f"unknown keys {', '.join(map(repr, extra))} in a source")
    try:
        page, line, offset = data.get("page"), data.get("line"), data.get("offset")
        for number in (page, line, offset):
            if number is not None:
                _structure_int(number)
        image = data.get("image")
        if image is not None and not isinstance(image, str):
            raise _Invalid(f"a source's image: expected a string, got {image!r}")
        box = data.get("box")
        if box is not None:
            if not isinstance(box, list) or len(box) != 4:
                raise _Invalid(f"a source's box: expected four ints, got {box!r}")
            box = tuple(_structure_int(n) for n in box)
        return SourceRef(line=line, offset=offset, page=page, image=image, box=box)
    except InvalidValueError as exc:
        raise _Invalid(str(exc)) from None


def unstructure_cell(column: ColumnDef, cell: Cell) -> Any:
    """A cell's JSON form (see the module docstring)."""
    if isinstance(cell, NotReported):
        out: dict[str, Any] = {"not_reported": cell.raw}
    elif isinstance(cell, Unreadable):
        out = {"unreadable": cell.raw, "reason": cell.reason}
        if cell.reason_zh is not None:
            out["reason_zh"] = cell.reason_zh
        if cell.candidates:
            out["candidates"] = list(cell.candidates)
    else:
        value: Any = _decimal_text(cell.value) if isinstance(cell, Amount) else cell.value
        plain = cell.raw is None and cell.source is None and cell.decided_by is None
        if isinstance(cell, Amount) and cell.unit != column.unit:
            plain = False
        if plain:
            return value
        out = {"value": value}
        if isinstance(cell, Amount) and cell.unit != column.unit:
            out["unit"] = cell.unit
        if cell.raw is not None:
            out["raw"] = cell.raw
        if cell.decided_by is not None:
            out["decided_by"] = cell.decided_by
    if cell.source is not None:
        out["source"] = _unstructure_source(cell.source)
    return out


_CELL_KEYS = {
    "value": ("value", "raw", "source", "unit", "decided_by"),
    "not_reported": ("not_reported", "source"),
    "unreadable": ("unreadable", "reason", "reason_zh", "source", "candidates"),
}


def _structure_value(
    column: ColumnDef,
    value: object,
    raw: str | None,
    source: SourceRef | None,
    unit: str | None,
    decided_by: Any = None,
) -> Cell:
    if decided_by is not None and decided_by not in DECIDED_BY:
        raise _Invalid(
            f"expected 'decided_by' one of {', '.join(DECIDED_BY)}, got {_show(decided_by)}"
        )
    if column.kind is CellKind.AMOUNT:
        amount = _structure_decimal(value)
        return Amount(amount, unit, raw=raw, source=source, decided_by=decided_by)
    if type(value) is not int:
        raise _Invalid(f"expected an integer, got {_show(value)}")
    if column.kind is CellKind.COUNT:
        return Count(value, raw=raw, source=source, decided_by=decided_by)
    return Change(value, raw=raw, source=source, decided_by=decided_by)


def structure_cell(column: ColumnDef, value: object) -> Cell:
    """A cell from its JSON form in the given column."""
    try:
        if not isinstance(value, Mapping):
            return _structure_value(column, value, None, None, column.unit)
        form = next((k for k in _CELL_KEYS if k in value), None)
        if form is None:
            raise _Invalid(
                "expected a number, or an object with 'value', 'not_reported' or 'unreadable', "
                f"got {_show(value)}"
            )
        extra = _extra_keys(value, _CELL_KEYS[form])
        if extra or (form == "value" and "unit" in value and column.kind is not CellKind.AMOUNT):
            raise _Invalid(f"unknown keys {', '.join(map(repr, extra or ['unit']))} in a cell")
        source = _structure_source(value.get("source"))
        if form == "not_reported":
            raw = value["not_reported"]
            if not isinstance(raw, str):
                raise _Invalid(f"expected the text as printed (a string), got {_show(raw)}")
            return NotReported(raw, source=source)
        if form == "unreadable":
            raw, reason = value["unreadable"], value.get("reason")
            if not isinstance(raw, str) or not isinstance(reason, str):
                raise _Invalid("expected 'unreadable' and 'reason' as strings")
            reason_zh = value.get("reason_zh")
            if reason_zh is not None and not isinstance(reason_zh, str):
                raise _Invalid(f"expected 'reason_zh' as a string, got {_show(reason_zh)}")
            candidates = value.get("candidates", [])
            if not isinstance(candidates, list):
                raise _Invalid(f"expected 'candidates' as a list, got {_show(candidates)}")
            return Unreadable(
                raw,
                reason,
                source=source,
                candidates=tuple(map(_structure_int, candidates)),
                reason_zh=reason_zh,
            )
        raw = value.get("raw")
        if raw is not None and not isinstance(raw, str):
            raise _Invalid(f"expected 'raw' as a string, got {_show(raw)}")
        unit = value.get("unit", column.unit)
        if unit is not None and not isinstance(unit, str):
            raise _Invalid(f"expected 'unit' as a string, got {_show(unit)}")
        return _structure_value(column, value["value"], raw, source, unit, value.get("decided_by"))
    except InvalidValueError as exc:
        raise _Invalid(str(exc).split(": ", 1)[-1]) from None


# --------------------------------------------------------------------------- tables


def _nest(target: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = value


def _unstructure_table(table: Table) -> dict[str, Any]:
    definition = table.definition
    rows: dict[str, Any] = {}
    for row in table.rows:
        row_def = definition.row(row.key)
        _nest(
            rows,
            row.key,
            {
                c.key: unstructure_cell(c, cell)
                for c, cell in zip(row_def.columns, row.cells, strict=True)
            },
        )
    return {"version": table.version, "rows": rows, "summary": dict(table.summary())}


def _row_paths(definition: TableDef) -> dict[str, tuple[str, ...]]:
    return {row.key: tuple(row.key.split(".")) for row in definition.rows}


def _structure_table(value: Mapping[str, Any], key: TableKey) -> Table:
    # ("summary" is derived from the rows: written for the reader's convenience, not read.)
    extra = _extra_keys(value, ("version", "rows", "summary"))
    if extra:
        raise ForbiddenExtraKeysError("", Table, set(extra))
    version = value.get("version")
    if version not in FORMAT_VERSIONS:
        raise _at(
            ("version",),
            _Invalid(f"expected one of {', '.join(FORMAT_VERSIONS)}, got {_show(version)}"),
        )
    definition = table_def(key, version)
    try:
        rows_data = _expect_mapping(value.get("rows"), "the rows keyed by row")
    except _Invalid as exc:
        raise _at(("rows",), exc) from None
    errors: list[Exception] = []
    # Every nested key must lead to a row of this version.
    prefixes = {p[:i] for p in _row_paths(definition).values() for i in range(1, len(p))}
    leaves = set(_row_paths(definition).values())

    def walk(
        node: Mapping[str, Any], path: tuple[str, ...]
    ) -> Iterator[tuple[tuple[str, ...], Any]]:
        for name, child in node.items():
            here = (*path, name)
            if here in leaves:
                yield here, child
            elif here in prefixes:
                if isinstance(child, Mapping):
                    yield from walk(child, here)
                else:
                    errors.append(
                        _at(("rows", *here), _Invalid(f"expected an object, got {_show(child)}"))
                    )
            else:
                errors.append(
                    _at(
                        ("rows", *here),
                        _Invalid(f"no such row in the {version} format of table {key}"),
                    )
                )

    found = dict(walk(rows_data, ()))
    rows = []
    for row_def in definition.rows:
        path = tuple(row_def.key.split("."))
        if path not in found:
            continue
        try:
            cells_data = _expect_mapping(found[path], "a row keyed by column")
        except _Invalid as exc:
            errors.append(_at(("rows", *path), exc))
            continue
        cells = []
        for column in row_def.columns:
            if column.key not in cells_data:
                errors.append(_at(("rows", *path, column.key), _Invalid("required cell missing")))
                continue
            try:
                cells.append(structure_cell(column, cells_data[column.key]))
            except _Invalid as exc:
                errors.append(_at(("rows", *path, column.key), exc))
        for extra_column in _extra_keys(cells_data, row_def.column_keys):
            errors.append(
                _at(("rows", *path, extra_column), _Invalid("no such column in this row"))
            )
        if len(cells) == len(row_def.columns):
            rows.append(Row(row_def.key, tuple(cells)))
    _raise_all(errors, Table)
    return Table(key, version, tuple(rows))


def _unstructure_unavailable(
    converter: cattrs.Converter, table: TableUnavailable
) -> dict[str, Any]:
    return {
        "unavailable": table.reason,
        "images": list(table.images),
        "text": table.text,
        "detail": table.detail,
        "source": _unstructure_source(table.source),
    }


def _structure_any_table(
    converter: cattrs.Converter, value: object
) -> Table | TableUnavailable | None:
    """A section's table field.  Tables proper were built beforehand (they need the section's
    key, see _resolve_tables); here come None, built tables and unavailable ones."""
    if value is None or isinstance(value, (Table, TableUnavailable)):
        return value
    data = _expect_mapping(value, 'a table or {"unavailable": ...}')
    if "unavailable" not in data:
        raise _Invalid("expected a table of this section")
    extra = _extra_keys(data, ("unavailable", "images", "text", "detail", "source"))
    if extra:
        raise ForbiddenExtraKeysError("", TableUnavailable, set(extra))
    images = data.get("images", [])
    if not isinstance(images, list) or not all(type(i) is str for i in images):
        raise _at(("images",), _Invalid(f"expected a list of strings, got {_show(images)}"))
    for name in ("unavailable", "text", "detail"):
        if data.get(name) is not None and type(data[name]) is not str:
            raise _at((name,), _Invalid(f"expected a string, got {_show(data[name])}"))
    try:
        return TableUnavailable(
            data["unavailable"],
            tuple(images),
            text=data.get("text"),
            detail=data.get("detail"),
            source=_structure_source(data.get("source")),
        )
    except InvalidValueError as exc:
        raise _Invalid(str(exc)) from None


# --------------------------------------------------------------------------- documents

KINDS: Mapping[str, type[Any]] = {
    "annual_report": AnnualReport,
    "key_points": KeyPoints,
    "rule_of_law_report": RuleOfLawReport,
}


def _resolve_tables(data: dict[str, Any]) -> dict[str, Any]:
    """Section tables are structured knowing their section: done before cattrs sees them."""
    sections = data.get("sections")
    if not isinstance(sections, Mapping):
        return data
    errors: list[Exception] = []
    resolved: dict[str, Any] = {}
    for key, body in sections.items():
        if (
            isinstance(body, Mapping)
            and isinstance(body.get("table"), Mapping)
            and "unavailable" not in body["table"]
        ):
            table_key = next((s.table for s in ANNUAL_REPORT_SECTIONS if s.key == key), None)
            if table_key is None:
                errors.append(
                    _at(("sections", key, "table"), _Invalid("this section has no table"))
                )
                continue
            try:
                body = {**body, "table": _structure_table(body["table"], table_key)}
            except Exception as exc:
                errors.append(_at(("sections", key, "table"), exc))
                continue
        resolved[key] = body
    _raise_all(errors, AnnualReport)
    return {**data, "sections": resolved}


class _Codec:
    """The converter and the document envelope around it."""

    def __init__(self) -> None:
        self.converter = _make_converter()

    def unstructure(self, document: Document) -> dict[str, Any]:
        body = self.converter.unstructure(document, type(document))
        return {"schema_version": SCHEMA_VERSION, "kind": document.kind, **body}

    def structure(self, data: object) -> Document:
        try:
            envelope = dict(_expect_mapping(data, "a document"))
        except _Invalid as exc:
            raise SchemaError(f"$: {exc}") from None
        version = envelope.pop("schema_version", None)
        if version is None:
            raise SchemaError("$.schema_version: required field missing")
        if version != SCHEMA_VERSION:
            raise SchemaError(
                f"$.schema_version: this govinfo reads schema version {SCHEMA_VERSION}, "
                f"got {_show(version)}"
            )
        kind = envelope.pop("kind", None)
        if kind not in KINDS:
            raise SchemaError(f"$.kind: expected one of {', '.join(KINDS)}, got {_show(kind)}")
        try:
            if kind == "annual_report":
                envelope = _resolve_tables(envelope)
            return cast(Document, self.converter.structure(envelope, KINDS[kind]))
        except Exception as exc:
            raise SchemaError("; ".join(error_messages(exc))) from None

    def unstructure_findings(self, findings: tuple[Finding, ...]) -> list[dict[str, Any]]:
        return [cast("dict[str, Any]", self.converter.unstructure(f, Finding)) for f in findings]

    def structure_findings(self, data: object) -> tuple[Finding, ...]:
        try:
            return self.converter.structure(data, tuple[Finding, ...])
        except Exception as exc:
            raise SchemaError("; ".join(error_messages(exc))) from None


def error_messages(exc: BaseException, path: str = "$") -> list[str]:
    """``path: message`` for every error below a structuring exception."""
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        with_notes, without = exc.group_exceptions()
        messages = []
        for inner, note in with_notes:
            step = (
                f"[{note.index!r}]" if isinstance(note, IterableValidationNote) else f".{note.name}"
            )
            messages.extend(error_messages(inner, path + step))
        for inner in without:
            messages.extend(error_messages(inner, path))
        return messages
    if isinstance(exc, ForbiddenExtraKeysError):
        return [f"{path}: unknown keys {', '.join(map(repr, sorted(exc.extra_fields)))}"]
    if isinstance(exc, (_Invalid, GovinfoError)):
        return [f"{path}: {exc}"]
    if isinstance(exc, KeyError):
        return [f"{path}: required field missing"]
    return [f"{path}: {format_exception(exc, None)}"]


@functools.lru_cache(maxsize=1)
def codec() -> _Codec:
    """The converter, built on first use (it never changes afterwards)."""
    return _Codec()


def to_dict(document: Document) -> dict[str, Any]:
    """The document's JSON form as plain Python data."""
    return codec().unstructure(document)


def from_dict(data: object) -> Document:
    """A document from its JSON form; raises SchemaError naming the path of what is wrong."""
    return codec().structure(data)


def dumps(document: Document) -> str:
    """The canonical JSON text of a document: UTF-8 characters, two-space indent, final newline."""
    return json.dumps(to_dict(document), ensure_ascii=False, indent=2) + "\n"


#: The most digits an integer in govinfo's JSON may have (a count is far shorter; Python
#: refuses to convert 4,301 digits or more).
_JSON_INT_DIGITS = 30


class _Refused(str):
    """What the JSON parser found that no document may hold, for the path-naming check."""

    __slots__ = ()


def _json_int(text: str) -> int | _Refused:
    if len(text.lstrip("-")) > _JSON_INT_DIGITS:
        return _Refused(f"an integer of {len(text.lstrip('-'))} digits")
    return int(text)


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        out[key] = _Refused(f"the key {key!r} given twice") if key in out else value
    return out


def _refuse_unwritable(data: Any, path: str) -> None:
    """Refuse, naming the path, what the parser marked and strings no UTF-8 can hold (a lone
    surrogate such as "\\ud800", which would load and then fail to render)."""
    if isinstance(data, _Refused):
        raise SchemaError(f"{path}: {data}")
    if isinstance(data, str):
        if any("\ud800" <= ch <= "\udfff" for ch in data):
            raise SchemaError(f"{path}: a lone surrogate in a string (not Unicode text)")
    elif isinstance(data, dict):
        for key, value in data.items():
            _refuse_unwritable(key, path)
            _refuse_unwritable(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _refuse_unwritable(value, f"{path}[{index}]")


def loads(text: str | bytes) -> Document:
    """A document from JSON text; raises SchemaError naming the path of what is wrong."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SchemaError(f"$: not UTF-8 JSON ({exc.reason} at byte {exc.start})") from None
    try:
        data = json.loads(
            text, parse_float=_JSONFloat, parse_int=_json_int, object_pairs_hook=_json_object
        )
        _refuse_unwritable(data, "$")
    except json.JSONDecodeError as exc:
        raise SchemaError(
            f"$: not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise SchemaError("$: not JSON: nested too deeply") from None
    return from_dict(data)
