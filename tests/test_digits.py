"""Runs of glued digits: every way of reading them gives back exactly the digits printed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govinfo.assemble.tables.values import glued_readings, splits

digits = st.text("0123456789", min_size=1, max_size=9)


@given(digits, st.integers(1, 6))
def test_every_split_rejoins_to_the_digits(run: str, parts: int) -> None:
    found = list(splits(run, parts))
    for reading in found:
        assert len(reading) == parts
        assert "".join(map(str, reading)) == run
    assert len(set(found)) == len(found)


@given(st.lists(digits, min_size=1, max_size=3), st.integers(1, 7))
def test_every_reading_of_several_runs_rejoins_to_each_run(runs: list[str], width: int) -> None:
    readings = glued_readings(runs, width)
    if readings is None:
        return
    for reading in readings:
        assert len(reading) == width
        assert "".join(map(str, reading)) == "".join(runs)


def test_the_splits_of_a_short_run() -> None:
    assert sorted(splits("105", 2)) == [(10, 5)]  # 1 / 05 has a leading zero
    assert sorted(splits("110", 2)) == [(1, 10), (11, 0)]
    assert list(splits("000", 3)) == [(0, 0, 0)]
