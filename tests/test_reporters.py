"""The reporters: conformance on generated documents, and what each shows on real reports."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLES

import govinfo
from govinfo import AnnualReport, Source, Table
from govinfo.report.present import plain_value, value_text
from govinfo.testing import recover
from govinfo.testing.conformance import check_reporter


@pytest.mark.parametrize("name", ["markdown", "table", "html"])
def test_reporter_conforms(name: str) -> None:
    check_reporter(name)


RECOVER = {
    "json": (recover.json_cells, False),
    "csv": (recover.csv_cells, False),
    "markdown": (recover.markdown_cells, True),
    "table": (recover.table_cells, True),
    "html": (recover.html_cells, True),
}


@pytest.mark.parametrize("name", sorted(RECOVER))
def test_every_cell_is_drawn_as_its_value_or_mark(name: str) -> None:
    found, drawn = RECOVER[name]
    check_reporter(name, recoverable=found, drawn=drawn, max_examples=25)


@pytest.mark.parametrize("name", sorted(RECOVER))
@pytest.mark.parametrize("example", sorted(EXAMPLES.iterdir()), ids=lambda p: p.name)
def test_every_example_cell_is_drawn_as_its_value_or_mark(name: str, example: Path) -> None:
    document = govinfo.read(Source(example.read_bytes(), example.name))
    if not isinstance(document, AnnualReport):
        return
    found, drawn = RECOVER[name]
    cells = found(govinfo.render(document, name), document)
    for table in document.tables():
        for ref in table.cells():
            if table.get_row(ref.row.key) is None:
                continue
            expected = value_text(ref.cell, ref.column) if drawn else plain_value(ref.cell)
            assert cells.get(ref.key) == expected, (ref.key, cells.get(ref.key), expected)


@pytest.fixture(scope="module")
def broken() -> AnnualReport:
    report = govinfo.read(EXAMPLES / "beijing-ipo-2021-annual-report.zh.txt")
    assert isinstance(report, AnnualReport)
    table = report.table("applications")
    assert isinstance(table, Table)
    return report.with_table(table.replace("outcome.disclosed.research", 4))


def test_markdown_rows_carry_their_groups_and_findings(broken: AnnualReport) -> None:
    text = govinfo.render(broken, "markdown")
    assert isinstance(text, str)
    assert (
        "| 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 | 0 | 0 | **0** ⚠ | 0 | 0 | 0 | 0 |"
        in text
    )
    disclosed = "| 三、本年度办理结果 / （一）予以公开 | **2** ⚠ | **0** ⚠ | **4** ‼ |"
    assert disclosed + " **0** ⚠ | **0** ⚠ | **0** ⚠ | **2** ⚠ |" in text
    assert "## 检查结果" in text
    assert "R2" in text.split("## 检查结果")[1]
    assert "## 检查结果" not in str(govinfo.render(broken, "markdown", no_findings=True))
    english = govinfo.render(broken, "markdown", lang="en")
    assert "| III. Outcomes this year / (3) Not disclosed / 1. State secret |" in str(english)


def test_markdown_says_why_a_table_is_missing() -> None:
    report = govinfo.read(EXAMPLES / "shanghai-ipo-2022-annual-report.zh.txt")
    text = str(govinfo.render(report, "markdown"))
    assert "*三、收到和处理政府信息公开申请情况: 以图片发布（2.jpg, 3.jpg）*" in text


def test_terminal_table_aligns_chinese(broken: AnnualReport) -> None:
    from wcwidth import wcswidth

    text = str(govinfo.render(broken, "table"))
    lines = text.splitlines()
    header = next(line for line in lines if "自然人" in line and "总计" in line)
    row = next(line for line in lines if line.startswith("一、本年新收"))
    # The value columns start at the same display column in the header and in the rows.
    assert wcswidth(header[: header.index("自然人")]) == wcswidth(row[: row.index("5")])
    assert "R2 不符 [applications.outcome.disclosed.*]" in text
    assert "4 ‼" in text  # the cell whose row and column both fail


def test_csv_tidy_rows(broken: AnnualReport) -> None:
    text = str(govinfo.render(broken, "csv"))
    rows = list(csv.DictReader(io.StringIO(text)))
    cell = next(
        r for r in rows if r["key"] == "applications.outcome.withheld.three_securities.total"
    )
    assert cell["row"] == "3.危及“三安全一稳定”"
    assert cell["row_group"] == "三、本年度办理结果 / （三）不予公开"
    assert (cell["column"], cell["value"], cell["raw"], cell["kind"]) == ("总计", "1", "1", "count")
    assert cell["format_version"] == "2021"
    assert text.startswith("document,agency,year,format_version,table,")
    bom = govinfo.render(broken, "csv", bom=True)
    assert str(bom).startswith("\ufeffdocument,")


def test_csv_keeps_blank_and_unreadable_cells() -> None:
    text = (EXAMPLES / "pingtan-2022-annual-report.crawl.txt").read_text(encoding="utf-8")
    report = govinfo.read(text)
    rows = {r["key"]: r for r in csv.DictReader(io.StringIO(str(govinfo.render(report, "csv"))))}
    glued = rows["proactive.normative_documents.issued"]
    assert (glued["kind"], glued["value"], glued["raw"], glued["decided_by"]) == (
        "count",
        "88",
        "8855698",
        "narrative",
    )
    report = govinfo.read(text.replace("动态更新本年度制发的规范性文件88件", ""))
    rows = {r["key"]: r for r in csv.DictReader(io.StringIO(str(govinfo.render(report, "csv"))))}
    glued = rows["proactive.normative_documents.issued"]
    assert (glued["kind"], glued["value"], glued["raw"]) == ("unreadable", "", "8855698")
    shuyang = govinfo.read(EXAMPLES / "shuyang-fgj-2023-annual-report.html")
    rows = {r["key"]: r for r in csv.DictReader(io.StringIO(str(govinfo.render(shuyang, "csv"))))}
    assert rows["applications.received.business"]["kind"] == "not_reported"


BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = os.environ.get("GOVINFO_BROWSER_TESTS") == "required"


@pytest.mark.skipif(
    BROWSER is None and not REQUIRED, reason="no chromium (apt-get install chromium)"
)
def test_html_page_in_a_real_browser(broken: AnnualReport, tmp_path: Path) -> None:
    assert BROWSER is not None, "GOVINFO_BROWSER_TESTS=required but chromium is not installed"
    page = tmp_path / "report.html"
    page.write_text(str(govinfo.render(broken, "html")), encoding="utf-8")
    common = [
        BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]  # fmt: skip
    dom = subprocess.run(
        [*common, "--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    console = [line for line in dom.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []
    assert 'data-ready="1"' in dom.stdout  # the page's script ran to its end
    import lxml.html

    root = lxml.html.fromstring(dom.stdout)
    suspect = root.xpath('//td[@data-key="applications.outcome.disclosed.research"]')[0]
    assert "fail" in suspect.get("class", "").split()
    assert "suspect" in suspect.get("class", "").split()
    assert "R2:" in suspect.get("title", "")
    assert "R3:" in suspect.get("title", "")
    untouched = root.xpath('//td[@data-key="applications.received.natural_person"]')[0]
    assert "flag" not in (untouched.get("class") or "")
    assert len(root.xpath('//ol[@class="findings"]/li[@class="fail"]')) == 2
    shot = tmp_path / "report.png"
    subprocess.run(
        [*common, f"--screenshot={shot}", "--window-size=1400,2400", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    assert shot.read_bytes().startswith(b"\x89PNG")
    assert shot.stat().st_size > 10_000


def test_html_is_self_contained(broken: AnnualReport) -> None:
    page = str(govinfo.render(broken, "html"))
    for external in ("http://", "https://", "src=", "<link"):
        assert external not in page.split("<main>")[0] + page.split("</main>")[1]
    assert json.loads(page.split('id="govinfo-findings">')[1].split("</script>")[0])


def test_reporters_render_every_example() -> None:
    for example in sorted(EXAMPLES.iterdir()):
        document = govinfo.read(Source(example.read_bytes(), example.name))  # every one reads
        for name in ("markdown", "table", "csv", "html", "json"):
            assert govinfo.render(document, name)
