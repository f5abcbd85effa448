"""The command line, run as users run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ocr_installed

import govinfo
from govinfo import AnnualReport, Table
from govinfo.cli import main

#: What a picture that is no picture is refused with.
PICTURE_REFUSED = (
    "a picture that cannot be decoded"
    if ocr_installed()
    else "reading a picture needs text recognition (OCR)"
)


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
    assert (
        "R4 不符 [appeals.reconsideration.*]: 行政复议：总计 = 维持 + 纠正 + 其他 + 尚未审结" in out
    )
    assert "（应为 2，实为 1，相差 -1）" in out
    assert f"{broken}: 表四 不平衡：R4 2/3 行（1 处不符）" in out.splitlines()
    assert out.rstrip().endswith("1 处不符 · 1 条说明")
    english = run("check", "--lang", "en", str(broken)).stdout.decode()
    assert "(expected 2, found 1, difference -1)" in english
    assert english.rstrip().endswith("1 fail · 1 note")


def test_check_names_the_one_changed_cell(beijing: AnnualReport, tmp_path: Path) -> None:
    table = beijing.table("applications")
    assert isinstance(table, Table)
    broken = tmp_path / "broken.json"
    changed = table.replace("outcome.unavailable.not_held.business", 1)
    broken.write_text(govinfo.dumps(beijing.with_table(changed)))
    result = run("check", str(broken))
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    suspects = [line for line in lines if "可疑格" in line]
    assert suspects == [
        f"{broken}: 可疑格 applications.outcome.unavailable.not_held.business：所在行与所在列均不符"
    ]


def test_check_json(beijing_json: Path) -> None:
    result = run("check", "--json", str(beijing_json))
    payload = json.loads(result.stdout)
    assert payload[0]["file"] == str(beijing_json)
    assert payload[0]["findings"][0]["rule"] == "D2"
    assert payload[0]["findings"][0]["status"] == "note"
    assert len(payload[0]["findings"][0]["fingerprint"]) == 16
    assert payload[0]["verdicts"][1] == "表三 平衡：R1 7/7 列 · R2 25/25 行 · R3 7/7 列"
    assert payload[0]["summary"] == "1 条说明"
    # The report prints 24 of the 25 rows of table 三: （六）3.其他 is missing.
    assert payload[0]["tables"]["applications"]["cells"] == 175
    assert payload[0]["tables"]["applications"]["read"] == 168
    assert payload[0]["tables"]["applications"]["not_printed"] == 7


def test_stdin(beijing_json: Path) -> None:
    result = run("render", "-", "--to", "json", stdin=beijing_json.read_bytes())
    assert result.returncode == 0
    assert result.stdout == beijing_json.read_bytes()


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(b"\x00\x01\x02 not a report")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\t\n")
    picture = tmp_path / "table.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"schema_version": 1, "kind": "annual_report"}')
    for args, said in (
        (("render", str(tmp_path / "missing.json")), "No such file"),
        (("check", str(garbage)), "no reader accepts"),
        (("render", str(garbage), "--from", "nope"), "no reader named 'nope'"),
        (("render", str(garbage), "--to", "nope"), "no reporter named 'nope'"),
        (("check", str(empty)), f"{empty}: is empty"),
        (("check", str(picture)), f"{picture}: {PICTURE_REFUSED}"),
        (("check", str(wrong)), f"{wrong}: $.metadata: required field missing"),
    ):
        result = run(*args)
        assert result.returncode == 2, args
        assert result.stdout == b""
        lines = result.stderr.decode().splitlines()
        assert len(lines) == 1, lines
        assert lines[0].startswith("python -m govinfo: error: "), lines
        assert said in lines[0], (said, lines[0])
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


def test_fail_on_levels_and_the_blank_total_report(tmp_path: Path) -> None:
    """A 2019-format report whose 总计 column and most applicant cells are blank (as a real
    Shanghai 2019 report is): it balances if the blanks are 0, so check says one line per
    table and the document's, exits 0, and exits 1 when asked to fail on uncertain."""
    from govinfo.testing import pages, strategies

    report = strategies.blank_totals_report()
    path = tmp_path / "shanghai-like.txt"
    path.write_text(pages.text(report), encoding="utf-8")
    result = run("check", str(path))
    assert result.returncode == 0, result.stdout.decode()
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 5, lines  # the header, a line per table, the document's
    assert "表三 空白格按 0 计即平衡" in lines[2]
    assert lines[-1].endswith("1 条说明")
    assert run("check", "--fail-on", "uncertain", str(path)).returncode == 1
    verbose = run("check", "--verbose", str(path)).stdout.decode().splitlines()
    assert len(verbose) > 5
    assert any(line.split(": ", 1)[1].startswith("R3 存疑") for line in verbose)


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"python -m govinfo {govinfo.__version__}"


def test_outputs_follow_the_umask_and_do_not_collide(beijing_json: Path, tmp_path: Path) -> None:
    import os

    old = os.umask(0o022)
    try:
        out = tmp_path / "one.json"
        assert main(["render", str(beijing_json), "--to", "json", "-o", str(out)]) == 0
        assert out.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(old)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "report.json", tmp_path / "b" / "report.json"
    first.write_bytes(beijing_json.read_bytes())
    second.write_bytes(beijing_json.read_bytes())
    folder = tmp_path / "out"
    assert main(["render", str(first), str(second), "--to", "markdown", "-o", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["report.json.2.md", "report.json.md"]
    # One file given twice: two outputs, neither refused as existing.
    again = tmp_path / "again"
    assert main(["render", str(first), str(first), "--to", "markdown", "-o", str(again)]) == 0
    assert sorted(p.name for p in again.iterdir()) == ["report.json.2.md", "report.json.md"]


def test_several_csvs_to_standard_output_have_one_header(
    beijing_json: Path, tmp_path: Path
) -> None:
    second = tmp_path / "y.json"
    second.write_bytes(beijing_json.read_bytes())
    out = run("render", str(beijing_json), str(second), "--to", "csv", "--bom").stdout.decode()
    assert out.count("document,agency,year") == 1
    assert out.startswith("\ufeff")
    assert out.count("\ufeff") == 1


def test_a_str_naming_a_file_is_refused_with_the_way_out() -> None:
    with pytest.raises(govinfo.InputError, match=r"pass pathlib.Path\("):
        govinfo.read("examples/beijing-ipo-2021-annual-report.zh.txt")


def test_value_without_isinstance(beijing: AnnualReport) -> None:
    assert beijing.value("applications.received.total") == 6
    assert beijing.value("applications.outcome.other.other.total") is None  # not printed
    table = beijing.table("applications")
    assert isinstance(table, Table)
    assert table.value("received.natural_person") == 5
    with pytest.raises(KeyError):
        beijing.value("applications.nope.total")
