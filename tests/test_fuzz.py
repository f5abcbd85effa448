"""Fuzzing as part of the suite: every example, mutated (bytes flipped, the file cut short,
pieces of other examples spliced in, digits changed, lines duplicated and deleted), gives a
document or a govinfo error, never another exception; every document read round-trips
through JSON, is checked without an exception, and renders with every reporter.

A longer run by hand: ``tests/fuzz/`` (atheris)."""

from __future__ import annotations

import random

import pytest
from conftest import EXAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo
from govinfo import GovinfoError, Source
from govinfo.testing.mutations import mutate

FILES = sorted(EXAMPLES.iterdir())
DATA = [path.read_bytes() for path in FILES]


def exercise(data: bytes, name: str) -> None:
    """What a user does with an input: read it; check, render and save what was read."""
    message = ""
    try:
        document = govinfo.read(Source(data, name))
    except GovinfoError as exc:
        message = str(exc).strip()
        document = None
    if document is None:
        assert message
        assert "\n" not in message, message
        return
    assert govinfo.loads(govinfo.dumps(document)) == document
    findings = govinfo.check(document)
    for reporter in ("markdown", "table", "csv", "html", "json"):
        assert govinfo.render(document, reporter, findings=findings)


@pytest.mark.parametrize("index", range(len(FILES)), ids=[p.name for p in FILES])
@settings(max_examples=25)
@given(seed=st.integers(0, 2**32 - 1), steps=st.integers(1, 6))
def test_a_mutated_example_reads_or_fails_in_one_line(index: int, seed: int, steps: int) -> None:
    data = mutate(DATA[index], random.Random(seed), DATA, steps)
    exercise(data, FILES[index].name)
