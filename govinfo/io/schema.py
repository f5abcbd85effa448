"""The JSON Schema of govinfo's JSON, derived from the model and the format definitions."""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from govinfo.io.serialize import SCHEMA_VERSION
from govinfo.model.cells import DECIDED_BY
from govinfo.model.documents import (
    AnnualReport,
    KeyPoints,
    RuleOfLawReport,
    RuleOfLawSection,
    Section,
    StatedFigure,
)
from govinfo.model.findings import Finding, Number
from govinfo.model.narrative import Item, NarrativeBlock, Paragraph
from govinfo.model.tables import UNAVAILABLE_REASONS, Table, TableUnavailable
from govinfo.statute import (
    ANNUAL_REPORT_SECTIONS,
    CLAIMS,
    FORMAT_VERSIONS,
    RULE_OF_LAW_SECTIONS,
    CellKind,
    ColumnDef,
    TableDef,
    TableKey,
    table_def,
)

DECIMAL = {"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}
NON_NEGATIVE = {"type": "string", "pattern": r"^\d+(\.\d+)?$"}
SOURCE = {
    "type": ["object", "null"],
    "properties": {
        "page": {"type": "integer", "minimum": 1},
        "line": {"type": "integer", "minimum": 1},
        "offset": {"type": "integer", "minimum": 0},
        "image": {"type": "string"},
        "box": {
            "type": "array",
            "items": {"type": "integer", "minimum": 0},
            "minItems": 4,
            "maxItems": 4,
        },
    },
    "additionalProperties": False,
}
_SKIP = object()


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: classes may refer to themselves
            self.defs[name] = self.class_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def class_schema(self, cls: type, *, tag: str | None = None) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties["type"] = {"const": tag}
            required.append("type")
        for field in attrs.fields(cls):
            schema = self.type_schema(hints[field.name], owner=cls, field=field.name)
            if schema is _SKIP:
                continue
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        out: dict[str, Any] = {
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if cls.__doc__:
            out["description"] = " ".join(cls.__doc__.split("\n\n")[0].split())
        if required:
            out["required"] = required
        return out

    def type_schema(self, tp: Any, *, owner: type, field: str) -> Any:
        if tp == Table | TableUnavailable | None:
            return _SKIP if owner is Section else {}
        if owner is StatedFigure and field == "value":
            return {"anyOf": [{"type": "integer", "minimum": 0}, NON_NEGATIVE]}
        if owner is StatedFigure and field == "percent":
            return {"anyOf": [NON_NEGATIVE, {"type": "null"}]}
        if owner is StatedFigure and field == "claim":
            return {"enum": [*CLAIMS, None]}
        if tp == Number | None or tp == Number:
            return {"anyOf": [{"type": "integer"}, DECIMAL, {"type": "null"}]}
        if tp == NarrativeBlock:
            return {"oneOf": [self.ref(Paragraph), self.ref(Item)]}
        if tp == tuple[Section, ...]:
            return _sections(self, Section, ANNUAL_REPORT_SECTIONS_KEYS)
        if tp == tuple[RuleOfLawSection, ...]:
            return _sections(self, RuleOfLawSection, RULE_OF_LAW_KEYS)
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is type(None):
            return {"type": "null"}
        if tp is dt.date:
            return {"type": "string", "format": "date"}
        if tp is Decimal:
            return DECIMAL
        if origin is typing.Literal:
            return {"enum": list(args)}
        if origin in (typing.Union, types.UnionType):
            return {"anyOf": [self.type_schema(a, owner=owner, field=field) for a in args]}
        if origin is tuple:
            return {"type": "array", "items": self.type_schema(args[0], owner=owner, field=field)}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [m.value for m in tp]}
        if isinstance(tp, type) and tp.__name__ == "SourceRef":
            return SOURCE
        if attrs.has(tp):
            return self.ref(tp)
        raise TypeError(f"no JSON Schema for {tp!r} ({owner.__name__}.{field})")


ANNUAL_REPORT_SECTIONS_KEYS = tuple(s.key for s in ANNUAL_REPORT_SECTIONS)
RULE_OF_LAW_KEYS = tuple(s.key for s in RULE_OF_LAW_SECTIONS)


def _sections(builder: _Builder, cls: type, keys: tuple[str, ...]) -> dict[str, Any]:
    body = builder.class_schema(cls)
    body["properties"].pop("key")
    body["required"] = [r for r in body.get("required", []) if r != "key"]
    properties = {}
    for key in keys:
        section = {**body, "properties": dict(body["properties"])}
        table = next((s.table for s in ANNUAL_REPORT_SECTIONS if s.key == key), None)
        if cls is Section:
            section["properties"]["table"] = (
                {"type": "null"} if table is None else _any_table(table)
            )
        properties[key] = section
    return {
        "type": "object",
        "properties": properties,
        "required": list(keys),
        "additionalProperties": False,
    }


def _cell(column: ColumnDef) -> dict[str, Any]:
    if column.kind is CellKind.AMOUNT:
        value: dict[str, Any] = {**DECIMAL, "pattern": r"^\d+(\.\d+)?$"}
    elif column.kind is CellKind.COUNT:
        value = {"type": "integer", "minimum": 0}
    else:
        value = {"type": "integer"}
    with_value: dict[str, Any] = {
        "type": "object",
        "properties": {
            "value": value,
            "raw": {"type": "string"},
            "source": SOURCE,
            "decided_by": {"enum": list(DECIDED_BY)},
        },
        "required": ["value"],
        "additionalProperties": False,
    }
    if column.kind is CellKind.AMOUNT:
        with_value["properties"]["unit"] = {"type": ["string", "null"]}
    return {
        "anyOf": [
            value,
            with_value,
            {
                "type": "object",
                "properties": {"not_reported": {"type": "string"}, "source": SOURCE},
                "required": ["not_reported"],
                "additionalProperties": False,
            },
            {
                "type": "object",
                "properties": {
                    "unreadable": {"type": "string"},
                    "reason": {"type": "string", "minLength": 1},
                    "reason_zh": {"type": "string", "minLength": 1},
                    "source": SOURCE,
                    "candidates": {"type": "array", "items": {"type": "integer"}},
                },
                "required": ["unreadable", "reason"],
                "additionalProperties": False,
            },
        ]
    }


def _rows(definition: TableDef) -> dict[str, Any]:
    tree: dict[str, Any] = {}
    for row in definition.rows:
        node = tree
        *parents, last = row.key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = {
            "type": "object",
            "description": " / ".join([*(g.zh for g in row.groups), row.label.zh]),
            "properties": {c.key: _cell(c) for c in row.columns},
            "required": list(row.column_keys),
            "additionalProperties": False,
        }

    def as_schema(node: dict[str, Any]) -> dict[str, Any]:
        if node.get("type") == "object":
            return node
        return {
            "type": "object",
            "properties": {k: as_schema(v) for k, v in node.items()},
            "additionalProperties": False,
        }

    return as_schema(tree)


def _any_table(key: TableKey) -> dict[str, Any]:
    options: list[dict[str, Any]] = [
        {
            "type": "object",
            "description": f"{table_def(key, version).title.zh}, {version} format",
            "properties": {
                "version": {"const": version},
                "rows": _rows(table_def(key, version)),
                "summary": {
                    "description": "how the cells were read (derived from the rows)",
                    "type": "object",
                    "additionalProperties": {"type": "integer", "minimum": 0},
                },
            },
            "required": ["version", "rows"],
            "additionalProperties": False,
        }
        for version in FORMAT_VERSIONS
    ]
    options.append(
        {
            "type": "object",
            "description": "the table is unavailable, and why",
            "properties": {
                "unavailable": {"enum": list(UNAVAILABLE_REASONS)},
                "images": {"type": "array", "items": {"type": "string"}},
                "text": {"type": ["string", "null"]},
                "detail": {"type": ["string", "null"]},
                "source": SOURCE,
            },
            "required": ["unavailable"],
            "additionalProperties": False,
        }
    )
    return {"oneOf": options}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a govinfo document."""
    builder = _Builder()
    kinds = []
    for cls in (AnnualReport, KeyPoints, RuleOfLawReport):
        body = builder.class_schema(cls)
        body["properties"] = {
            "schema_version": {"const": SCHEMA_VERSION},
            "kind": {"const": cls.kind},
            **body["properties"],
        }
        body["required"] = ["schema_version", "kind", *body.get("required", [])]
        kinds.append(body)
    builder.defs["Paragraph"] = builder.class_schema(Paragraph, tag="paragraph")
    builder.defs["Item"] = builder.class_schema(Item, tag="item")
    builder.ref(Finding)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "govinfo document",
        "description": "A Chinese government information-disclosure document read by govinfo: "
        "an annual report, key points, or a rule-of-law report.",
        "oneOf": kinds,
        "$defs": builder.defs,
    }
