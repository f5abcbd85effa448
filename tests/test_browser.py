"""The HTML reporter's page as a person sees it, in real headless Chromium, at a desktop's and
a phone's width: every cell shows its value or its mark and nothing else, the narrative
stands above its table, a wide table scrolls sideways inside the page, and row labels keep
several characters a line.

Set ``GOVINFO_SCREENSHOTS`` to a folder to keep the screenshots the test takes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from chromium import browser

import govinfo
from govinfo import AnnualReport, Source, Table
from govinfo.report import present as p

EXAMPLES = Path(__file__).parent.parent / "examples"

#: Measures the page once it is laid out and writes what it found into it, for --dump-dom.
MEASURE = """<script>
window.addEventListener("load", () => {
  const px = (e) => parseFloat(getComputedStyle(e).fontSize);
  const box = (e) => e.getBoundingClientRect();
  const out = {viewport: window.innerWidth, page: document.documentElement.scrollWidth};
  out.cells = {};
  for (const td of document.querySelectorAll("td[data-key]")) {
    out.cells[td.dataset.key] = td.innerText;
  }
  out.tables = [...document.querySelectorAll("div.table")].map(
    (d) => ({scroll: d.scrollWidth, client: d.clientWidth, right: box(d).right}));
  out.narrow_labels = [...document.querySelectorAll("table.form td:not([data-key])")]
    .filter((td) => td.innerText.trim().length >= 4 && box(td).width < 3.5 * px(td))
    .map((td) => td.innerText.trim());
  out.beside = [...document.querySelectorAll("section.part")].filter((s) => {
    const n = s.querySelector(".narrative"), t = s.querySelector("div.table");
    return n && t && n.innerText.trim() && box(n).bottom > box(t).top + 1;
  }).map((s) => s.id);
  const pre = document.createElement("pre");
  pre.id = "measured";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""

WIDTHS = {"desktop": 1280, "phone": 400}


def _broken() -> AnnualReport:
    report = govinfo.read(EXAMPLES / "beijing-ipo-2021-annual-report.zh.txt")
    assert isinstance(report, AnnualReport)
    table = report.table("applications")
    assert isinstance(table, Table)
    return report.with_table(table.replace("outcome.disclosed.research", 4))


def _documents() -> dict[str, AnnualReport]:
    found = {"beijing-broken": _broken()}
    for name in ("pingtan-2022-annual-report.crawl.txt", "shuyang-fgj-2023-annual-report.html"):
        document = govinfo.read(Source((EXAMPLES / name).read_bytes(), name))
        assert isinstance(document, AnnualReport)
        found[name] = document
    return found


def _chromium(page: Path, width: int, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", f"--user-data-dir={page.parent / 'profile'}",
        f"--window-size={width},1600", *args, page.as_uri(),
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


_MARKS = re.compile(rf"\s*[{p.FLAG}{p.SUSPECT}]$")


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("name", sorted(_documents()))
def test_the_page_at_a_desktop_and_a_phone_width(name: str, width: str, tmp_path: Path) -> None:
    document = _documents()[name]
    html = str(govinfo.render(document, "html"))
    page = tmp_path / "report.html"
    page.write_text(html.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    dom = _chromium(page, WIDTHS[width], "--dump-dom").stdout
    found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.S)
    assert found, "the measuring script did not run"
    measured = json.loads(found.group(1).replace("&amp;", "&").replace("&lt;", "<"))

    # Every statutory cell drawn shows its value or its mark, a finding's mark at most after it.
    flagged = {key for f in govinfo.check(document) for key in f.cells}
    drawn = measured["cells"]
    expected = {
        f"{table.key}.{row.key}.{column.key}": p.value_text(cell, column)
        for table in document.tables()
        for row in table.rows
        for column, cell in zip(table.definition.row(row.key).columns, row.cells, strict=True)
    }
    assert drawn, "no cell drawn"
    for key, text in drawn.items():
        bare = _MARKS.sub("", text.strip())
        assert bare == expected[key], (key, text)
        if bare != text.strip():
            assert key in flagged, (key, text)
    assert set(drawn) == set(expected)  # every cell of every row read, and no other

    # The narrative above its table, not beside it; labels not one character a line.
    assert measured["beside"] == []
    assert measured["narrow_labels"] == []
    # The page itself never scrolls sideways: a table wider than the screen scrolls in its box.
    assert measured["page"] <= measured["viewport"]
    for table in measured["tables"]:
        assert table["right"] <= measured["viewport"] + 0.5
    if width == "phone" and name != "beijing-broken":
        assert any(t["scroll"] > t["client"] for t in measured["tables"])

    # The top of the page (the verdicts), and table 三 as a person scrolls to it (the page
    # drawn with the parts before it hidden: a screenshot shows the top of the window only).
    keep = os.environ.get("GOVINFO_SCREENSHOTS")
    only = "<style>body > header, section.part:not(#section-applications) { display: none }"
    for part, extra in (("top", ""), ("applications", only + "</style>")):
        shown = tmp_path / f"{part}.html"
        shown.write_text(html.replace("</head>", extra + "</head>"), encoding="utf-8")
        shot = tmp_path / f"{part}.png"
        _chromium(shown, WIDTHS[width], f"--screenshot={shot}")
        assert shot.read_bytes().startswith(b"\x89PNG")
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            shutil.copy(shot, Path(keep) / f"{name}.{width}.{part}.png")
