"""Hostile and broken input: every one gives a document (what could not be read recorded) or
one error line and exit 2; never a traceback, a hang, a lost or overwritten file.

Each test is the smallest input that once broke govinfo, made from a real example.
"""

from __future__ import annotations

import json
import os
import random
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES

import govinfo
from govinfo import AnnualReport, GovinfoError, LimitError, Limits, SchemaError, Table
from govinfo.cli import main

BEIJING = (EXAMPLES / "beijing-ipo-2021-annual-report.zh.txt").read_text(encoding="utf-8")
SHUYANG = (EXAMPLES / "shuyang-fgj-2023-annual-report.html").read_text(encoding="utf-8")
KEY_POINTS = (EXAMPLES / "cnipa-2022-disclosure-key-points.en.txt").read_text(encoding="utf-8")
RULE_OF_LAW = (EXAMPLES / "beijing-ipo-2020-rule-of-law-report.zh.txt").read_text("utf-8")
BEIJING_JSON = govinfo.dumps(govinfo.read(BEIJING))
#: More digits than Python converts (its limit is 4,300).
HUGE = "9" * 5000


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govinfo", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


# --------------------------------------------------------------------------- cost


def _table_four(lines: list[str]) -> str:
    start, end = BEIJING.index("四、政府信息公开行政复议"), BEIJING.index("五、存在的主要问题")
    body = (
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n"
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n" + "\n".join(lines) + "\n\n"
    )
    return BEIJING[:start] + body + BEIJING[end:]


@pytest.mark.parametrize(("runs", "length"), [(6, 60), (7, 200)])
def test_table_four_as_long_glued_runs_is_unreadable_not_a_long_search(
    runs: int, length: int
) -> None:
    """Six lines of sixty glued digits and a line of twenty zeros once took 131 s."""
    rng = random.Random(runs)
    lines = ["".join(rng.choice("0123456789") for _ in range(length)) for _ in range(runs)]
    report = govinfo.read(_table_four([*lines, "0" * 20]))
    assert isinstance(report, AnnualReport)
    table = report.table("appeals")
    assert isinstance(table, Table)
    assert table.summary()["unreadable"] == 15


# --------------------------------------------------------------------------- limits


def test_each_limit_refuses_in_one_line_naming_it_and_can_be_raised(tmp_path: Path) -> None:
    big = BEIJING.replace(
        "六、其他需要报告的事项",
        "我局扎实推进政务公开工作。\n" * 300_000 + "六、其他需要报告的事项",
    )
    with pytest.raises(LimitError, match=r"more than the limit text_chars=4,000,000"):
        govinfo.read(big)
    with pytest.raises(LimitError, match=r"more than the limit text_chars=1,000"):
        govinfo.read(BEIJING, limits=Limits(text_chars=1000))
    assert isinstance(govinfo.read(BEIJING, limits=Limits(text_chars=len(BEIJING))), AnnualReport)
    with pytest.raises(
        LimitError, match=r"the input: [0-9,]+ bytes, more than the limit input_bytes=1,000"
    ):
        govinfo.read(BEIJING, limits=Limits(input_bytes=1000))
    with pytest.raises(LimitError, match=r"a table: 30 cells, more than the limit cells=10"):
        govinfo.read(SHUYANG.encode(), limits=Limits(cells=10))
    many = SHUYANG.replace("</body>", "<table><tr><td>1</td></tr></table>" * 3 + "</body>")
    path = tmp_path / "many.html"
    path.write_text(many.replace("<table", '<div class="TRS_Editor"><table', 1), "utf-8")
    line = one_line_error(run("check", "--limit", "tables=2", str(path)))
    assert "more than the limit tables=2" in line
    assert run("check", "--limit", "tables=900", str(path)).returncode == 0
    assert "no limit 'bogus'" in one_line_error(run("check", "--limit", "bogus=1", str(path)))
    with pytest.raises(LimitError, match="whole number"):
        Limits().with_options(["cells=lots"])


def test_an_html_page_nested_deeper_than_the_parser_reads_says_so(tmp_path: Path) -> None:
    """260 levels of <div> once gave the misleading 'no document of a known kind found'."""
    start = SHUYANG.index(">", SHUYANG.index("<body")) + 1
    end = SHUYANG.rindex("</body>")
    deep = SHUYANG[:start] + "<div>" * 260 + SHUYANG[start:end] + "</div>" * 260 + SHUYANG[end:]
    with pytest.raises(LimitError, match="nested 256 deep or more, deeper than the HTML parser"):
        govinfo.read(deep)
    shallow = SHUYANG[:start] + "<div>" * 20 + SHUYANG[start:end] + "</div>" * 20 + SHUYANG[end:]
    assert isinstance(govinfo.read(shallow), AnnualReport)
    with pytest.raises(LimitError, match="more than the limit depth=12"):
        govinfo.read(shallow, limits=Limits(depth=12))
    with pytest.raises(LimitError, match="at most 256"):
        Limits(depth=300)


# --------------------------------------------------------------------------- tracebacks


def test_numbers_beyond_pythons_digit_limit_are_no_counts() -> None:
    # A table cell (text).
    report = govinfo.read(BEIJING.replace("\t5\n", f"\t{HUGE}\n", 1))
    assert isinstance(report, AnnualReport)
    cell = report.table("applications")["received.natural_person"]  # type: ignore[index]
    assert isinstance(cell, govinfo.Unreadable)
    assert cell.raw == HUGE
    # A narrative figure.
    said = BEIJING.replace("依据《中华", f"共受理申请{HUGE}件。依据《中华", 1)
    assert isinstance(govinfo.read(said), AnnualReport)
    # A rule-of-law fact, a key-points document number.
    assert govinfo.read(RULE_OF_LAW.replace("72件", f"{HUGE}件", 1)).kind == "rule_of_law_report"
    points = govinfo.read(KEY_POINTS.replace("No. 495", f"No. {HUGE}"))
    assert points.metadata.document_number is None  # type: ignore[attr-defined]
    # HTML spans, and one that is no digit at all.
    for span in (f'colspan="{HUGE}"', f'rowspan="{HUGE}"', 'colspan="²"', 'rowspan="⑤"'):
        page = SHUYANG.replace('colspan="', span[:-1], 1) if "col" in span else SHUYANG
        page = page.replace('rowspan="', span[:-1], 1) if "row" in span else page
        assert isinstance(govinfo.read(page.encode()), AnnualReport)
    # An integer in JSON: refused, naming where.
    with pytest.raises(SchemaError, match=r"received\.total\.value: an integer of 5000 digits"):
        govinfo.loads(BEIJING_JSON.replace('"value": 6', f'"value": {HUGE}', 1))


@pytest.mark.parametrize("date", ["2022-13-30", "0000-05-30", "2022-02-30"])
def test_an_impossible_date_in_key_points_is_no_date(date: str) -> None:
    points = govinfo.read(KEY_POINTS.replace("2022-05-30", date))
    assert points.kind == "key_points"
    assert points.metadata.published is None


@pytest.mark.parametrize("text", ["2022年13月30日前完成", "0个工作日内完成", "3000年底前完成"])
def test_an_impossible_deadline_is_no_deadline(text: str) -> None:
    points = govinfo.read(KEY_POINTS.replace("Please follow", f"{text}。Please follow"))
    assert points.kind == "key_points"


def test_output_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(BEIJING, "utf-8")
    (tmp_path / "afile").write_text("keep", "utf-8")
    for target, says in (
        (tmp_path / "afile" / "out.md", "is a file"),
        (tmp_path / ("x" * 300 + ".md"), "File name too long"),
        (Path("/proc/no-such-folder/out.md"), "cannot be written"),
    ):
        assert says in one_line_error(run("render", str(source), "-o", str(target)))
    assert (tmp_path / "afile").read_text("utf-8") == "keep"


def test_json_with_a_lone_surrogate_or_a_key_twice_is_refused_naming_where() -> None:
    with pytest.raises(SchemaError, match=r"^\$\.metadata\.agency: a lone surrogate"):
        govinfo.loads(BEIJING_JSON.replace("北京市知识产权局", "\\ud800", 1))
    twice = BEIJING_JSON.replace('"value": 6', '"value": 6, "value": 7', 1)
    with pytest.raises(SchemaError, match=r"received\.total\.value: the key 'value' given twice"):
        govinfo.loads(twice)
    assert govinfo.loads(BEIJING_JSON) == govinfo.loads(BEIJING_JSON.encode())


# --------------------------------------------------------------------------- data safety


def test_a_device_output_stays_a_device() -> None:
    before = os.stat("/dev/null")
    assert main(["render", str(EXAMPLES / "beijing-ipo-2021-annual-report.zh.txt"),
                 "-o", "/dev/null", "--force"]) == 0  # fmt: skip
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert (before.st_ino, before.st_rdev) == (after.st_ino, after.st_rdev)


def test_a_fifo_input_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    line = one_line_error(run("check", str(fifo)))
    assert line.endswith("not a regular file (a FIFO); give a file, or - for standard input")
    with pytest.raises(GovinfoError, match="not a regular file"):
        govinfo.read(fifo)


def test_csv_cells_that_would_be_formulas_are_written_as_text(tmp_path: Path) -> None:
    from govinfo_plugins.csv_format import neutralised

    hostile = BEIJING.replace(
        "北京市知识产权局2021年", '=HYPERLINK("http://x","y")北京市知识产权局2021年', 1
    )
    path = tmp_path / "=cmd.txt"
    path.write_text(hostile, "utf-8")
    result = run("render", path.name, "--to", "csv", cwd=tmp_path)
    assert result.returncode == 0
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["document"].startswith("'")
    for row in rows:
        for name, value in row.items():
            assert not value.startswith(("=", "+", "@")), (name, value)
    fields = ("-", "-3", "+5", "=1+1", "@SUM(A1)", "-2+3+cmd|' /C calc'!A0")
    assert [neutralised(t) for t in fields] == [
        "-", "-3", "+5", "'=1+1", "'@SUM(A1)", "'-2+3+cmd|' /C calc'!A0",
    ]  # fmt: skip


def test_a_plugin_that_fails_loses_no_other_result(tmp_path: Path) -> None:
    """Covered at length in test_plugins; here: check over several files, one broken, loses
    none of the others' results."""
    good = tmp_path / "good.txt"
    good.write_text(BEIJING, "utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"kind": "annual_report"}), "utf-8")
    result = run("check", str(bad), str(good))
    assert result.returncode == 2
    assert f"{good}: 1 条说明" in result.stdout
    assert result.stderr.count("\n") == 1


def test_displaced_rows_with_many_rows_open_are_not_a_long_search() -> None:
    """A fuzzer's damaged copy of the Hongze PDF: six rows of values without labels while
    most rows are open once made the placement try every permutation (more than 30 s)."""
    damaged = Path(__file__).parent / "data" / "fuzz" / "displaced-rows-search.pdf"
    report = govinfo.read(damaged)
    assert isinstance(report, AnnualReport)


def test_a_pdf_whose_text_holds_half_a_surrogate_pair_reads_as_unicode() -> None:
    """A fuzzer's damaged copy of the Hongze PDF whose text layer gives a lone surrogate: the
    document read once held it, and its JSON could not be read back."""
    damaged = Path(__file__).parent / "data" / "fuzz" / "lone-surrogate.pdf"
    report = govinfo.read(damaged)
    assert govinfo.loads(govinfo.dumps(report)) == report
