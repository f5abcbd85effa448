"""Reports printed to PDF by a real browser read back to the same cells: each example annual
report drawn by the HTML reporter, printed by headless Chromium, read by the PDF reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import print_pdf
from readback import annual_examples, cells, only, own_and_shared

import govinfo
from govinfo import AnnualReport, Source


@pytest.mark.parametrize("example", annual_examples(), ids=lambda p: p.name)
def test_an_example_printed_by_a_browser_reads_back(example: Path, tmp_path: Path) -> None:
    report = govinfo.read(example)
    assert isinstance(report, AnnualReport)
    page = str(govinfo.render(report, "html"))
    printed = print_pdf(page, tmp_path / "report.pdf")
    back = govinfo.read(Source(printed, "report.pdf"))
    assert isinstance(back, AnnualReport)
    assert back.metadata.origin is not None
    assert back.metadata.origin.reader == "pdf"
    own, shared = own_and_shared(report)
    assert only(cells(back), own) == only(cells(report), own)
    # A row of digits glued together and split: the page prints the whole row in each of its
    # cells, so the PDF reads them as the page itself reads.
    if shared:
        page_read = govinfo.read(Source(page.encode("utf-8"), "report.html"))
        assert isinstance(page_read, AnnualReport)
        assert only(cells(back), shared) == only(cells(page_read), shared)
