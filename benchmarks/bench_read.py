"""Read and check one report repeatedly; print documents per second and time per document.

Run by hand, on one core:  python benchmarks/bench_read.py [FILE] [--seconds N]
Target (issue: reading text): at least 300 documents/s for a report the size of the Beijing
2021 seed.  The figure is measured here, never asserted in a unit test.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import govinfo
from govinfo import Source

DEFAULT = (
    Path(__file__).resolve().parent.parent / "examples" / "beijing-ipo-2021-annual-report.zh.txt"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--seconds", type=float, default=10.0, help="how long to measure")
    args = parser.parse_args()
    source = Source(args.file.read_bytes(), args.file.name)
    govinfo.check(govinfo.read(source))  # warm the plugin registry and caches
    samples: list[float] = []
    deadline = time.perf_counter() + args.seconds
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        govinfo.check(govinfo.read(source))
        samples.append(time.perf_counter() - start)
    median = statistics.median(samples)
    print(f"{args.file.name}: {len(source.data)} bytes, {len(samples)} runs")
    p95 = sorted(samples)[int(len(samples) * 0.95)]
    print(f"per document: median {median * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms")
    print(f"documents per second: {1 / median:.0f} (target: 300)")


if __name__ == "__main__":
    main()
