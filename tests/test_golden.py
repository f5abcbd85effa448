"""Golden files, one file per case, discovered by listing ``tests/golden/<reporter>/``.

The JSON golden of each example pins the *readers* (bytes to Document); every other
reporter's golden is rendered from that JSON golden, so a reader fix touches one golden per
example and a reporter fix touches one reporter's goldens.
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
from govinfo.plugin.registry import default_registry

GOLDEN = ROOT / "tests" / "golden"
REGENERATE = os.environ.get("GOVINFO_REGENERATE") == "1"
REPORTERS = ("markdown", "table", "csv", "html")


def _text(output: str | bytes) -> str:
    return output if isinstance(output, str) else output.decode("utf-8")


def _read(example: Path) -> str:
    return _text(govinfo.render(govinfo.read(Source(example.read_bytes(), example.name)), "json"))


def _check(golden: Path, rendered: str) -> None:
    if REGENERATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(rendered.encode("utf-8"))
    assert rendered == golden.read_bytes().decode("utf-8")


def _examples() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if p.is_file())


@pytest.mark.parametrize("example", _examples(), ids=lambda p: p.name)
def test_example_reads_to_its_json_golden(example: Path) -> None:
    _check(GOLDEN / "json" / f"{example.name}.json", _read(example))


def _cases() -> list[tuple[str, Path]]:
    return [
        (reporter, path)
        for reporter in REPORTERS
        for path in sorted((GOLDEN / "json").glob("*.json"))
    ]


@pytest.mark.parametrize(("reporter", "source"), _cases(), ids=lambda v: str(getattr(v, "stem", v)))
def test_reporter_renders_the_json_golden_to_its_golden(reporter: str, source: Path) -> None:
    document = govinfo.loads(source.read_bytes())
    suffix = default_registry().reporter(reporter).suffix
    _check(GOLDEN / reporter / f"{source.stem}{suffix}", _text(govinfo.render(document, reporter)))


def test_no_golden_without_its_example() -> None:
    names = {p.name for p in _examples()}
    for folder in (GOLDEN / r for r in ("json", *REPORTERS)):
        for golden in folder.glob("*"):
            assert any(golden.name.startswith(name) for name in names), golden
