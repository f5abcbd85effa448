"""Golden files: the JSON of every example document, one file per case.

The cases are discovered by listing ``tests/golden/json``: a regression test is a new file.
``GOVINFO_REGENERATE=1 python -m pytest tests/test_golden.py`` rewrites them after a change
whose diff you have read.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

import govinfo
from govinfo import Source

GOLDEN = ROOT / "tests" / "golden" / "json"
REGENERATE = os.environ.get("GOVINFO_REGENERATE") == "1"

#: Examples no reader of this version reads yet, and why.
NOT_READ_YET = {
    "beijing-ipo-2020-rule-of-law-report.zh.txt": "rule-of-law reports are not read yet",
    "cnipa-2022-disclosure-key-points.en.txt": "key points are not read yet",
}


def _render(example: Path) -> str:
    return govinfo.dumps(govinfo.read(Source(example.read_bytes(), example.name)))


@pytest.mark.parametrize("golden", sorted(GOLDEN.glob("*.json")), ids=lambda p: p.stem)
def test_example_reads_to_its_golden_json(golden: Path) -> None:
    example = EXAMPLES / golden.stem
    rendered = _render(example)
    if REGENERATE:
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


def test_every_example_has_a_golden_file_or_a_reason() -> None:
    goldens = {p.stem for p in GOLDEN.glob("*.json")}
    for example in sorted(EXAMPLES.iterdir()):
        if example.name in NOT_READ_YET:
            with pytest.raises(govinfo.GovinfoError):
                govinfo.read(Source(example.read_bytes(), example.name))
            continue
        if REGENERATE and example.name not in goldens:
            (GOLDEN / f"{example.name}.json").write_text(_render(example), encoding="utf-8")
            goldens.add(example.name)
        assert example.name in goldens, example.name
