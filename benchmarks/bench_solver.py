"""The solver of damaged tables: the worst real table, and adversarial runs of digits.

Run by hand:  python benchmarks/bench_solver.py [--seconds N]
Target (issue: reading every table in the text): the worst real table, and a table of ten
sixty-digit runs, each well under 50 ms to decide.  Measured here, never in a unit test.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from govinfo.assemble.tables.resolve import Budget, Slot, Span, decide
from govinfo.assemble.tables.values import Run
from govinfo.statute import table_def

ROOT = Path(__file__).resolve().parent.parent
APPLICATIONS = table_def("applications", "2021")


def timed(work: Callable[[], object], seconds: float) -> float:
    """The median time of the work, run for about ``seconds``."""
    work()
    samples = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _spans(rows: dict[str, str]) -> list[Span]:
    out = []
    for key, digits in rows.items():
        row = APPLICATIONS.row(key)
        slots = tuple(Slot(row, i) for i in range(len(row.columns)))
        out.append(Span(slots, (Run("", digits, "", ""),), digits))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    # The Pingtan example's table 三: every row glued, 26 spans.
    text = (ROOT / "examples" / "pingtan-2022-annual-report.crawl.txt").read_text("utf-8")
    start = text.index("一、本年新收")
    body = text[start : text.index("四、政府信息公开行政", start)]
    rows = {}
    for row in APPLICATIONS.rows:
        at = body.find(row.label.zh)
        if at < 0:
            continue
        rest = body[at + len(row.label.zh) :].lstrip()
        digits = ""
        for ch in rest:
            if not ch.isdigit():
                break
            digits += ch
        if digits:
            rows[row.key] = digits
    real = _spans(rows)
    adversarial = _spans({row.key: "1234567890" * 6 for row in APPLICATIONS.rows[:10]})
    sevens = _spans({row.key: "7" * 60 for row in APPLICATIONS.rows[:10]})
    for name, spans in (
        (f"Pingtan 2022 table 三 ({len(real)} glued rows)", real),
        ("ten sixty-digit runs (1234567890 × 6)", adversarial),
        ("ten sixty-digit runs (7 × 60)", sevens),
    ):
        median = timed(
            lambda spans=spans: decide(APPLICATIONS, {}, spans, {}, Budget()), args.seconds
        )
        print(f"{name}: {median * 1000:.2f} ms (target: well under 50)")


if __name__ == "__main__":
    main()
