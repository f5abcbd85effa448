"""Read an agency-style page of about 40 KB with all three tables; compare with a bare parse.

Run by hand, on one core:  python benchmarks/bench_html.py [--seconds N]
Targets (issue: reading HTML): reading a page end to end costs no more than 5 times
``lxml.html.fromstring`` alone, and at least 100 pages/s.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html

import govinfo
from govinfo import AnnualReport, Source
from govinfo.testing.pages import page

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE = EXAMPLES / "beijing-ipo-2021-annual-report.zh.txt"


def measure(works: list[Callable[[], object]], seconds: float) -> list[float]:
    """The median time of each piece of work, run in turns so that each sees the machine
    in the same state (a busy moment slows them alike, and the ratio stays fair)."""
    for work in works:
        work()
    samples: list[list[float]] = [[] for _ in works]
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        for work, found in zip(works, samples, strict=True):
            start = time.perf_counter()
            work()
            found.append(time.perf_counter() - start)
    return [statistics.median(found) for found in samples]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    report = govinfo.read(EXAMPLE)
    assert isinstance(report, AnnualReport)
    html = page(report, word=True, chrome=True, links=160)
    data = html.encode("utf-8")
    source = Source(data, "page.html")
    full, read, bare = measure(
        [
            lambda: govinfo.check(govinfo.read(source)),
            lambda: govinfo.read(source),
            lambda: lxml.html.fromstring(data),
        ],
        args.seconds,
    )
    print(f"page: {len(data) / 1024:.1f} KB")
    print(f"read and check: {full * 1000:.2f} ms/page, {1 / full:.0f} pages/s (target: 100)")
    print(f"read alone: {read * 1000:.2f} ms/page")
    print(f"lxml.html.fromstring alone: {bare * 1000:.3f} ms/page")
    print(f"ratio, read and check: {full / bare:.1f} (target: at most 5)")
    print(f"ratio, read alone: {read / bare:.1f}")


if __name__ == "__main__":
    main()
