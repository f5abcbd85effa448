"""``--help`` of every command, pinned by golden files (``tests/golden/help/<command>.txt``)."""

from __future__ import annotations

import os

import pytest
from conftest import ROOT

from govinfo.cli import main

GOLDEN = ROOT / "tests" / "golden" / "help"
COMMANDS = (
    "", "render", "check", "schema", "rules", "plugins", "extract", "agencies", "diff", "review",
)  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c or "govinfo")
def test_help_is_pinned(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"] if command else ["--help"])
    assert exited.value.code == 0
    output = capsys.readouterr().out
    golden = GOLDEN / f"{command or 'govinfo'}.txt"
    if os.environ.get("GOVINFO_REGENERATE") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


def test_every_command_has_a_golden() -> None:
    assert sorted(p.stem for p in GOLDEN.glob("*.txt")) == sorted(c or "govinfo" for c in COMMANDS)
