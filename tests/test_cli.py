"""The command line, run as users run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import govinfo
from govinfo import AnnualReport, Table
from govinfo.cli import main


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "govinfo", *args], input=stdin, capture_output=True, check=False
    )


@pytest.fixture
def beijing_json(tmp_path: Path, beijing: AnnualReport) -> Path:
    path = tmp_path / "x.json"
    path.write_text(govinfo.dumps(beijing), encoding="utf-8")
    return path


def test_render_json_back_is_byte_identical(beijing_json: Path) -> None:
    result = run("render", str(beijing_json), "--to", "json")
    assert result.returncode == 0, result.stderr
    assert result.stdout == beijing_json.read_bytes()
    assert result.stderr == b""


def test_check_exits_0_then_1_naming_the_changed_cell(
    beijing_json: Path, beijing: AnnualReport, tmp_path: Path
) -> None:
    result = run("check", str(beijing_json))
    assert result.returncode == 0, result.stdout
    table = beijing.table("appeals")
    assert isinstance(table, Table)
    broken = tmp_path / "broken.json"
    broken.write_text(govinfo.dumps(beijing.with_table(table.replace("reconsideration.upheld", 2))))
    result = run("check", str(broken))
    assert result.returncode == 1
    out = result.stdout.decode()
    assert "R4 fail [appeals.reconsideration.*] 行政复议:" in out
    assert out.rstrip().endswith("1 fail, 1 note")


def test_check_names_the_one_changed_cell(beijing: AnnualReport, tmp_path: Path) -> None:
    table = beijing.table("applications")
    assert isinstance(table, Table)
    broken = tmp_path / "broken.json"
    changed = table.replace("outcome.unavailable.not_held.business", 1)
    broken.write_text(govinfo.dumps(beijing.with_table(changed)))
    result = run("check", str(broken))
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    suspects = [line for line in lines if "suspect cell" in line]
    assert suspects == [
        f"{broken}: suspect cell applications.outcome.unavailable.not_held.business: "
        "its row and its column both fail"
    ]


def test_check_json(beijing_json: Path) -> None:
    result = run("check", "--json", str(beijing_json))
    payload = json.loads(result.stdout)
    assert payload[0]["file"] == str(beijing_json)
    assert payload[0]["findings"][0]["rule"] == "D2"
    assert payload[0]["findings"][0]["status"] == "note"


def test_stdin(beijing_json: Path) -> None:
    result = run("render", "-", "--to", "json", stdin=beijing_json.read_bytes())
    assert result.returncode == 0
    assert result.stdout == beijing_json.read_bytes()


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(b"\x00\x01\x02 not a report")
    for args in (
        ("render", str(tmp_path / "missing.json")),
        ("check", str(garbage)),
        ("render", str(garbage), "--from", "nope"),
        ("render", str(garbage), "--to", "nope"),
    ):
        result = run(*args)
        assert result.returncode == 2, args
        assert result.stdout == b""
        lines = result.stderr.decode().splitlines()
        assert len(lines) == 1, lines
        assert lines[0].startswith("python -m govinfo: error: "), lines
    assert (
        "reporters: csv, html, json, markdown, table"
        in run("render", str(garbage), "--to", "nope").stderr.decode()
    )


def test_schema_errors_reach_the_user_with_their_path(beijing_json: Path) -> None:
    data = json.loads(beijing_json.read_text())
    data["sections"]["appeals"]["table"]["rows"]["reconsideration"]["total"] = -1
    beijing_json.write_text(json.dumps(data, ensure_ascii=False))
    result = run("check", str(beijing_json))
    assert result.returncode == 2
    assert "$.sections.appeals.table.rows.reconsideration.total: expected an int ≥ 0, got -1" in (
        result.stderr.decode()
    )


def test_bad_usage_exits_2() -> None:
    assert run().returncode == 2
    assert run("render").returncode == 2
    assert run("frobnicate").returncode == 2


def test_output_never_overwrites(beijing_json: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert main(["render", str(beijing_json), "--to", "json", "-o", str(out)]) == 0
    assert out.read_bytes() == beijing_json.read_bytes()
    out.write_text("mine")
    assert main(["render", str(beijing_json), "--to", "json", "-o", str(out)]) == 2
    assert out.read_text() == "mine"
    assert main(["render", str(beijing_json), "--to", "json", "-o", str(out), "--force"]) == 0
    assert out.read_bytes() == beijing_json.read_bytes()
    before = beijing_json.read_bytes()
    assert (
        main(["render", str(beijing_json), "--to", "json", "-o", str(beijing_json), "--force"]) == 2
    )
    assert beijing_json.read_bytes() == before


def test_output_folder_for_several_inputs(beijing_json: Path, tmp_path: Path) -> None:
    second = tmp_path / "y.json"
    second.write_bytes(beijing_json.read_bytes())
    folder = tmp_path / "out"
    assert main(["render", str(beijing_json), str(second), "--to", "json", "-o", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["x.json", "y.json"]


def test_rules_and_plugins_listings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "D1  A total left blank is derived from its row." in out.splitlines()
    assert "R1  Each column of table 三 balances" in out
    assert main(["rules", "--json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    assert {r["code"] for r in rules} >= {"R1", "R2", "R3", "R4"}
    assert main(["plugins", "--json"]) == 0
    plugins = json.loads(capsys.readouterr().out)
    assert [p["name"] for p in plugins] == sorted(p["name"] for p in plugins)
    assert {"json", "statutory-checks"} <= {p["name"] for p in plugins}
    assert all(set(p) == {"name", "distribution", "version", "hooks"} for p in plugins)


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].endswith("2020-12/schema")
    assert [k["properties"]["kind"]["const"] for k in schema["oneOf"]] == [
        "annual_report",
        "key_points",
        "rule_of_law_report",
    ]
