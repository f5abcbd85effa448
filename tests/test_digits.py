"""Runs of glued digits, and the solver that decides them by the statute's arithmetic.

Properties: every reading gives back exactly the digits printed; a table whose rows are
glued reads as the true table or as unreadable cells, never as another number; any input
is decided or refused within the search's budget.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo
from govinfo import AnnualReport, Count, Table, Unreadable
from govinfo.assemble.tables.resolve import Budget, Exhausted, Slot, Span, decide, readings
from govinfo.assemble.tables.values import Run
from govinfo.statute import table_def
from govinfo.testing import strategies as gs

APPLICATIONS = table_def("applications", "2021")
APPEALS = table_def("appeals", "2021")


def _span(row_key: str, *runs: str) -> Span:
    row = APPLICATIONS.row(row_key)
    slots = tuple(Slot(row, i) for i in range(len(row.columns)))
    return Span(slots, tuple(Run("", r, "", "") for r in runs), " ".join(runs))


digit_runs = st.lists(st.text("0123456789", min_size=1, max_size=6), min_size=1, max_size=4)


@given(digit_runs)
def test_every_reading_rejoins_to_the_digits_printed(runs: list[str]) -> None:
    span = _span("received", *runs)
    try:
        found = readings(span, Budget(), row_rules=False)
    except Exhausted:
        return
    for reading in found:
        if None in reading:
            continue  # fewer digits than cells: the text leaves cells out
        assert "".join(map(str, reading)) == "".join(runs)
        for value in reading:
            assert value is not None
    assert len(set(found)) == len(found)


def test_a_row_its_own_total_decides() -> None:
    (decision,) = decide(APPLICATIONS, {}, [_span("received", "713000074")], {})
    assert decision.reading == (71, 3, 0, 0, 0, 0, 74)
    assert decision.how == "arithmetic"
    (decision,) = decide(APPLICATIONS, {}, [_span("received", "640020470")], {})
    assert decision.reading == (64, 0, 0, 2, 0, 4, 70)


def test_the_only_split_is_read_even_when_it_breaks_the_row() -> None:
    # 1000000: seven digits for seven cells, one way only; its total is 0 and its parts 1.
    (decision,) = decide(APPLICATIONS, {}, [_span("received", "1000000")], {})
    assert decision.reading == (1, 0, 0, 0, 0, 0, 0)
    assert decision.how is None


def test_table_four_as_one_run() -> None:
    slots = tuple(Slot(row, i) for row in APPEALS.rows for i in range(len(row.columns)))
    span = Span(slots, (Run("", "10203120001200000", "", ""),), "10203120001200000")
    (decision,) = decide(APPEALS, {}, [span], {})
    assert decision.reading == (1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0)


def test_a_cell_left_out_is_given_by_the_row_total() -> None:
    # 0 00000: six digits for seven cells; whichever is left out, the total makes it 0.
    (decision,) = decide(APPLICATIONS, {}, [_span("received", "0", "00000")], {})
    assert decision.reading == (0,) * 7
    assert decision.how == "arithmetic"


@pytest.mark.parametrize("runs", [["7" * 60] * 10, ["1234567890" * 6] * 10, ["9" * 200] * 7])
def test_adversarial_runs_finish_within_the_budget(runs: list[str]) -> None:
    decisions = decide(APPLICATIONS, {}, [_span("received", r) for r in runs[:1]], {})
    for row in APPLICATIONS.rows[: len(runs)]:
        decisions += decide(APPLICATIONS, {}, [_span(row.key, runs[0])], {})
    assert all(d.reading is None or len(d.reading) == 7 for d in decisions)


def _glued_text(report: AnnualReport) -> str:
    """The report as a crawler saves it: one line, every row's values glued together."""
    parts = ["某某局2022年政府信息公开工作年度报告"]
    for section in report.sections:
        assert section.heading is not None
        parts.append(section.heading)
        table = section.table
        if not isinstance(table, Table):
            continue
        definition = table.definition
        if definition.one_data_row:
            parts += [r.label.zh for r in definition.rows]
            parts.append("".join(str(getattr(ref.cell, "value", "")) for ref in table.cells()))
            continue
        for row in table.rows:
            label = definition.row(row.key).label.zh
            parts.append(label + "".join(str(getattr(c, "value", "")) for c in row.cells))
    return " ".join(parts)


@settings(max_examples=40)
@given(gs.printable_reports(version="2021"))
def test_glued_tables_read_true_or_unreadable_never_another_number(report: AnnualReport) -> None:
    # Blank totals cannot be glued: a report gluing its cells prints every one.
    for section in report.sections:
        if isinstance(section.table, Table):
            for ref in section.table.cells():
                if not isinstance(ref.cell, (Count, govinfo.Amount, govinfo.Change)):
                    return
    read = govinfo.read(_glued_text(report))
    assert isinstance(read, AnnualReport)
    for key in ("applications", "appeals"):
        expected, found = report.table(key), read.table(key)
        assert isinstance(expected, Table)
        assert isinstance(found, Table), (key, found)
        for ref in expected.cells():
            cell = found[ref.key]
            if isinstance(cell, Unreadable):
                continue
            assert getattr(cell, "value", None) == getattr(ref.cell, "value", None), ref.key
