"""Read and check HTML pages; compare each with a bare parse of the same bytes.

Run by hand, on one core:  python benchmarks/bench_html.py [--seconds N]

The pages: each real HTML page in ``examples/``, an agency-style page of about 40 KB built
from the Beijing seed (Word markup, CMS chrome, links), and a 2019-format page whose table 三
leaves the 总计 column and most applicant cells blank.  Target: reading and checking a page
costs at most 4 times ``lxml.html.fromstring`` alone (the floor is about 2: a parse and one
walk).  Each page's three pieces of work are timed in turns, so the ratio stays fair on a
busy machine.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import lxml.html
from timing import measure

import govinfo
from govinfo import AnnualReport, Source
from govinfo.testing.pages import page

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE = EXAMPLES / "beijing-ipo-2021-annual-report.zh.txt"


def pages() -> dict[str, bytes]:
    from govinfo.testing import strategies

    found = {p.name: p.read_bytes() for p in sorted(EXAMPLES.glob("*.html"))}
    report = govinfo.read(EXAMPLE)
    assert isinstance(report, AnnualReport)
    found["agency-style page (Beijing seed)"] = page(
        report, word=True, chrome=True, links=160
    ).encode("utf-8")
    found["2019 page, blank totals"] = page(strategies.blank_totals_report()).encode("utf-8")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per page")
    args = parser.parse_args()
    for name, data in pages().items():
        source = Source(data, "page.html")
        full, read, bare = measure(
            [
                lambda source=source: govinfo.check(govinfo.read(source)),
                lambda source=source: govinfo.read(source),
                lambda data=data: lxml.html.fromstring(data),
            ],
            args.seconds,
        )
        print(
            f"{name}: {len(data) / 1024:.1f} KB; read and check {full * 1000:.2f} ms "
            f"({full / bare:.1f}x the parse, target at most 4), read alone {read * 1000:.2f} "
            f"ms ({read / bare:.1f}x), lxml.html.fromstring {bare * 1000:.3f} ms"
        )


if __name__ == "__main__":
    main()
