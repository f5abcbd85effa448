"""Golden files: every example document through every reporter, one file per case.

The cases are discovered by listing ``tests/golden/<reporter>/``: a regression test is a new
file.  ``GOVINFO_REGENERATE=1 python -m pytest tests/test_golden.py`` rewrites them after a
change whose diff you have read.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

import govinfo
from govinfo import Source
from govinfo.registry import default_registry

GOLDEN = ROOT / "tests" / "golden"
REGENERATE = os.environ.get("GOVINFO_REGENERATE") == "1"
REPORTERS = ("json", "markdown", "table", "csv", "html")

#: Examples no reader of this version reads yet, and why.
NOT_READ_YET: dict[str, str] = {}


def _render(example: Path, reporter: str) -> str:
    document = govinfo.read(Source(example.read_bytes(), example.name))
    output = govinfo.render(document, reporter)
    return output if isinstance(output, str) else output.decode("utf-8")


def _cases() -> list[tuple[str, Path]]:
    return [
        (reporter, path)
        for reporter in REPORTERS
        for path in sorted((GOLDEN / reporter).glob("*"))
        if path.is_file()
    ]


@pytest.mark.parametrize(("reporter", "golden"), _cases(), ids=lambda v: str(getattr(v, "name", v)))
def test_example_renders_to_its_golden_file(reporter: str, golden: Path) -> None:
    suffix = default_registry().reporter(reporter).suffix
    example = EXAMPLES / golden.name.removesuffix(suffix)
    rendered = _render(example, reporter)
    if REGENERATE:
        golden.write_bytes(rendered.encode("utf-8"))
    assert rendered == golden.read_bytes().decode("utf-8")


@pytest.mark.parametrize("reporter", REPORTERS)
def test_every_example_has_a_golden_file_or_a_reason(reporter: str) -> None:
    suffix = default_registry().reporter(reporter).suffix
    folder = GOLDEN / reporter
    goldens = {p.name for p in folder.glob("*")} if folder.exists() else set()
    for example in sorted(EXAMPLES.iterdir()):
        if example.name in NOT_READ_YET:
            with pytest.raises(govinfo.GovinfoError):
                govinfo.read(Source(example.read_bytes(), example.name))
            continue
        name = f"{example.name}{suffix}"
        if REGENERATE and name not in goldens:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(_render(example, reporter).encode("utf-8"))
            goldens.add(name)
        assert name in goldens, name
