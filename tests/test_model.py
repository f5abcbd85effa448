"""The model: immutable, structural, and refusing what cannot exist."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings

from govinfo import (
    Amount,
    AnnualReport,
    AnnualReportMetadata,
    Count,
    InvalidValueError,
    NotReported,
    Row,
    Section,
    SourceRef,
    Table,
    TableUnavailable,
    Unreadable,
)
from govinfo.model.cells import number
from govinfo.model.documents import RuleOfLawSection
from govinfo.testing import strategies as gs


@given(gs.invalid_cell_constructions())
def test_construction_refuses_what_validators_forbid(
    case: tuple[Callable[..., object], Sequence[object]],
) -> None:
    constructor, args = case
    with pytest.raises(InvalidValueError) as raised:
        constructor(*args)
    # The message names the class and the field.
    assert str(raised.value).startswith(f"{constructor.__name__}.")


def test_count_error_names_the_field() -> None:
    with pytest.raises(InvalidValueError, match=r"^Count\.value: expected an int ≥ 0, got -1$"):
        Count(-1)
    with pytest.raises(InvalidValueError, match=r"Count\.value: .* got True"):
        Count(True)


def test_table_errors_name_the_cell() -> None:
    with pytest.raises(
        InvalidValueError, match=r"^appeals\.reconsideration\.pending: Count\.value"
    ):
        Table.from_rows("appeals", "2021", {"reconsideration": (0, 0, 0, -2, 0)})
    with pytest.raises(
        InvalidValueError, match=r"^applications\.outcome\.other: no such row in the 2021"
    ):
        Table.from_rows("applications", "2021", {"outcome.other": (0,) * 7})
    with pytest.raises(InvalidValueError, match=r"expected 5 values"):
        Table.from_rows("appeals", "2021", {"reconsideration": (0, 0, 0)})
    with pytest.raises(InvalidValueError, match=r"unique and in the format's order"):
        Table(
            "appeals",
            "2021",
            (Row("litigation_after", (Count(0),) * 5), Row("reconsideration", (Count(0),) * 5)),
        )
    with pytest.raises(InvalidValueError, match=r"fixes the unit '万元', got '元'"):
        Table.from_rows("proactive", "2021", {"fees": (Amount(Decimal(1), "元"),)})
    with pytest.raises(InvalidValueError, match=r"expected Count or NotReported or Unreadable"):
        Table.from_rows("appeals", "2021", {"reconsideration": (Amount(Decimal(1)),) * 5})


def test_not_reported_keeps_text_but_never_a_number() -> None:
    for raw in ("", "/", "-", "—", "&nbsp;", "\xa0"):
        assert NotReported(raw).raw == raw
    with pytest.raises(InvalidValueError):
        NotReported("12")
    assert Unreadable("8855698", "glued digits").raw == "8855698"


def test_absent_rows_read_as_not_reported(beijing: AnnualReport) -> None:
    table = beijing.table("applications")
    assert isinstance(table, Table)
    assert table.get_row("outcome.other.other") is None
    assert table["outcome.other.other.total"] == NotReported("")
    assert table["applications.received.total"] == Count(6)
    with pytest.raises(KeyError):
        table["received.nope"]


def test_models_are_frozen_hashable_and_picklable(beijing: AnnualReport) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        beijing.metadata.year = 2020  # type: ignore[misc]
    assert hash(beijing) == hash(pickle.loads(pickle.dumps(beijing)))
    assert pickle.loads(pickle.dumps(beijing)) == beijing
    assert all(isinstance(s, Section) for s in beijing.sections)
    assert isinstance(beijing.sections, tuple)


def test_replace_returns_a_new_table(beijing: AnnualReport) -> None:
    table = beijing.table("applications")
    assert isinstance(table, Table)
    changed = table.replace("received.natural_person", 9)
    assert changed["received.natural_person"] == Count(9)
    assert table["received.natural_person"] == Count(5)
    assert changed != table


def test_annual_report_requires_six_sections_in_order() -> None:
    metadata = AnnualReportMetadata()
    sections = tuple(
        Section.empty(k)
        for k in ("general", "proactive", "applications", "appeals", "problems", "other")
    )
    AnnualReport(metadata, sections)
    with pytest.raises(InvalidValueError, match="6 sections in order"):
        AnnualReport(metadata, sections[::-1])
    with pytest.raises(InvalidValueError, match=r"Section\.table"):
        Section("general", table=TableUnavailable("absent"))
    with pytest.raises(InvalidValueError, match=r"Section\.table"):
        Section("applications", table=None)
    appeals = Table.from_rows("appeals", "2021", {})
    with pytest.raises(InvalidValueError, match="the 'applications' table"):
        Section("applications", table=appeals)


def test_unavailable_tables_say_why() -> None:
    assert TableUnavailable("image", ("1.jpg",)).images == ("1.jpg",)
    with pytest.raises(InvalidValueError, match="names it"):
        TableUnavailable("image")
    with pytest.raises(InvalidValueError, match="keeps the text"):
        TableUnavailable("unreadable")
    with pytest.raises(InvalidValueError, match="one of"):
        TableUnavailable("lost")  # type: ignore[arg-type]


def test_source_ref_needs_a_position() -> None:
    assert str(SourceRef(line=3, offset=10)) == "line 3, offset 10"
    with pytest.raises(InvalidValueError):
        SourceRef()


def test_rule_of_law_section_recognition_is_consistent() -> None:
    with pytest.raises(InvalidValueError):
        RuleOfLawSection("measures", "heading")
    with pytest.raises(InvalidValueError):
        RuleOfLawSection("other", "absent", "五、其他")


@settings(max_examples=30)
@given(gs.annual_reports())
def test_table_numbers_are_each_cells_number(report: AnnualReport) -> None:
    for section in report.sections:
        table = section.table
        if not isinstance(table, Table):
            continue
        expected = {row.key: tuple(map(number, row.cells)) for row in table.rows}
        assert table.numbers() == expected
        assert table.numbers() is table.numbers()  # worked out once
        # The remembered numbers are not part of the value: copies stay equal and picklable.
        assert table == attrs.evolve(table)
        assert pickle.loads(pickle.dumps(table)) == table
