"""Seconds per page to recognise the Hongze report drawn at 150 dpi, on one and on two cores.

Run by hand (it needs the ocr extra):  python benchmarks/bench_ocr.py [--pages 2,3,4] [--runs N]

Each setting runs in a fresh interpreter pinned to its cores (``os.sched_setaffinity``) with
the recogniser's threads set to match (GOVINFO_OCR_THREADS), so that neither sees the other's
warm caches; loading the models is timed apart from reading the pages.  The figure is the
median over the runs of the seconds per page: the whole of it (upright, ruling lines, the
detector, the recogniser, the layout), not the models alone.  On a machine shared with other
work the figures rise with its load: say how loaded it was (``uptime``) beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "tests" / "data" / "hongze-district-2023-annual-report.pdf"

WORKER = """
import json, os, sys, time
cores, threads, pages, runs = json.loads(sys.argv[1])
os.sched_setaffinity(0, cores)
os.environ["GOVINFO_OCR_THREADS"] = str(threads)
import pypdfium2
document = pypdfium2.PdfDocument(open(sys.argv[2], "rb").read())
grey = [document[n - 1].render(scale=150 / 72, grayscale=True).to_numpy() for n in pages]
grey = [g[:, :, 0] if g.ndim == 3 else g for g in grey]
start = time.perf_counter()
from govinfo_plugins.ocr.engine import engine
from govinfo_plugins.ocr.page import recognise
engine()
load = time.perf_counter() - start
per_page = []
for _ in range(runs):
    start = time.perf_counter()
    for n, g in zip(pages, grey):
        recognise(g, n, dpi=150.0, name="bench", image=None, label=n)
    per_page.append((time.perf_counter() - start) / len(pages))
print(json.dumps({"load": load, "per_page": per_page}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", default="2,3,4", help="the pages to recognise (1-based)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    pages = [int(p) for p in args.pages.split(",")]
    available = sorted(os.sched_getaffinity(0))
    settings = [("one core", available[:1], 1)]
    if len(available) >= 2:
        settings.append(("two cores", available[:2], 2))
    print(f"Hongze pages {pages} at 150 dpi, {args.runs} runs; load average {os.getloadavg()}")
    for label, cores, threads in settings:
        found = subprocess.run(
            [sys.executable, "-c", WORKER, json.dumps([cores, threads, pages, args.runs]), PDF],
            check=True,
            capture_output=True,
            text=True,
        )
        result = json.loads(found.stdout.strip().splitlines()[-1])
        median = statistics.median(result["per_page"])
        best = min(result["per_page"])
        print(
            f"{label:>9}: {median:5.2f} s a page (best {best:.2f} s); "
            f"loading the models {result['load']:.2f} s"
        )


if __name__ == "__main__":
    main()
