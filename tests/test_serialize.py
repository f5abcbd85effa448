"""JSON: round trips, the schema, and errors that name their path."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given

import govinfo
from govinfo import AnnualReport, SchemaError
from govinfo.io.schema import json_schema
from govinfo.io.serialize import from_dict, to_dict
from govinfo.model.documents import Document
from govinfo.testing import strategies as gs

VALIDATOR = jsonschema.Draft202012Validator(json_schema())


@given(gs.documents())
def test_json_round_trip_is_the_identity(document: Document) -> None:
    text = govinfo.dumps(document)
    again = govinfo.loads(text)
    assert again == document
    assert govinfo.dumps(again) == text


@given(gs.documents())
def test_output_follows_the_published_schema(document: Document) -> None:
    VALIDATOR.validate(to_dict(document))


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_beijing_json_shape(beijing: AnnualReport) -> None:
    data = to_dict(beijing)
    assert list(data)[:2] == ["schema_version", "kind"]
    assert data["schema_version"] == 1
    assert data["kind"] == "annual_report"
    assert list(data["sections"]) == [
        "general",
        "proactive",
        "applications",
        "appeals",
        "problems",
        "other",
    ]
    rows = data["sections"]["applications"]["table"]["rows"]
    assert rows["received"]["total"] == 6
    assert rows["outcome"]["withheld"]["three_securities"]["natural_person"] == 1
    assert "other" not in rows["outcome"]["other"]  # the unprinted row stays unprinted
    assert data["sections"]["proactive"]["table"]["rows"]["fees"]["amount"] == "0"


def _data(beijing: AnnualReport) -> dict[str, Any]:
    return json.loads(govinfo.dumps(beijing))  # type: ignore[no-any-return]


def _error(data: object) -> str:
    with pytest.raises(SchemaError) as raised:
        from_dict(data)
    return str(raised.value)


def test_errors_name_the_path_of_a_cell(beijing: AnnualReport) -> None:
    data = _data(beijing)
    data["sections"]["applications"]["table"]["rows"]["received"]["total"] = "x"
    assert _error(data) == (
        '$.sections.applications.table.rows.received.total: expected an integer, got "x"'
    )
    data["sections"]["applications"]["table"]["rows"]["received"]["total"] = -1
    assert _error(data) == (
        "$.sections.applications.table.rows.received.total: expected an int ≥ 0, got -1"
    )


def test_unknown_keys_are_rejected(beijing: AnnualReport) -> None:
    data = _data(beijing)
    data["metadata"]["colour"] = "red"
    assert _error(data) == "$.metadata: unknown keys 'colour'"
    data = _data(beijing)
    data["sections"]["appeals"]["table"]["rows"]["reconsideration"]["surprise"] = 1
    assert _error(data) == (
        "$.sections.appeals.table.rows.reconsideration.surprise: no such column in this row"
    )
    data = _data(beijing)
    data["sections"]["applications"]["table"]["rows"]["outcome"]["bogus"] = {}
    assert "$.sections.applications.table.rows.outcome.bogus: no such row" in _error(data)
    data = _data(beijing)
    data["sections"]["extra"] = {}
    assert _error(data) == "$.sections: unknown keys 'extra'"


def test_wrong_types_are_rejected_with_paths(beijing: AnnualReport) -> None:
    data = _data(beijing)
    data["metadata"]["year"] = "2021"
    data["metadata"]["published"] = "21 Jan 2022"
    data["sections"]["other"]["content"][0] = {"type": "poem", "text": "x"}
    assert _error(data).split("; ") == [
        '$.metadata.year: expected an integer, got "2021"',
        '$.metadata.published: expected a date YYYY-MM-DD, got "21 Jan 2022"',
        "$.sections.other.content[0].type: expected 'paragraph' or 'item', got \"poem\"",
    ]


def test_a_float_is_not_a_count(beijing: AnnualReport) -> None:
    text = govinfo.dumps(beijing).replace('"total": 6', '"total": 6.0', 1)
    with pytest.raises(SchemaError, match=r"received\.total: expected an integer, got 6\.0"):
        govinfo.loads(text)


def test_envelope_errors() -> None:
    assert _error([]) == "$: expected a document (an object), got []"
    assert _error({}) == "$.schema_version: required field missing"
    assert _error({"schema_version": 2}).startswith("$.schema_version: this govinfo reads")
    assert _error({"schema_version": 1, "kind": "memo"}).startswith("$.kind: expected one of")
    with pytest.raises(SchemaError, match=r"^\$: not JSON"):
        govinfo.loads("{")
    with pytest.raises(SchemaError, match=r"^\$: not UTF-8"):
        govinfo.loads(b"\xff\xfe{}")


def test_cells_with_provenance_become_objects(beijing: AnnualReport) -> None:
    data = _data(beijing)
    rows = data["sections"]["applications"]["table"]["rows"]
    rows["received"]["total"] = {"value": 6, "raw": "６", "source": {"line": 120}}
    rows["carried_over"]["total"] = {"not_reported": "—"}
    rows["carried_forward"]["total"] = {"unreadable": "0 0", "reason": "two numbers in one cell"}
    report = from_dict(data)
    assert isinstance(report, AnnualReport)
    table = report.table("applications")
    assert isinstance(table, govinfo.Table)
    assert table["received.total"] == govinfo.Count(6, raw="６", source=govinfo.SourceRef(line=120))
    assert table["carried_over.total"] == govinfo.NotReported("—")
    assert table["carried_forward.total"] == govinfo.Unreadable("0 0", "two numbers in one cell")
    assert json.loads(govinfo.dumps(report))["sections"]["applications"]["table"]["rows"] == rows
