"""Read and check a real five-page PDF report; compare with ``pdftotext -layout`` on the file.

Run by hand, on one core:  taskset -c 1 python benchmarks/bench_pdf.py [--seconds N] [--runs N]
Target (issue: PDF and Word): reading and checking the Hongze report costs no more than
3 times ``pdftotext -layout`` (poppler-utils) on the same file.  Also measured, each in a
fresh interpreter: what loading PDFium adds to starting up.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from govinfo_plugins.pdf.document import pdf_layout
from timing import measure

import govinfo
from govinfo import Source

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "tests" / "data" / "hongze-district-2023-annual-report.pdf"
TEXT = ROOT / "examples" / "beijing-ipo-2021-annual-report.zh.txt"


def cold(scripts: list[str], runs: int) -> list[float]:
    """The median wall time of each script in a fresh interpreter, run in turns, with the
    modules' bytecode cached as an installed package has it (a first run writes it, whatever
    PYTHONDONTWRITEBYTECODE says)."""
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for script in scripts:
        subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT, env=environ)
    samples: list[list[float]] = [[] for _ in scripts]
    for _ in range(runs):
        for script, found in zip(scripts, samples, strict=True):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT, env=environ)
            found.append(time.perf_counter() - start)
    return [statistics.median(found) for found in samples]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--runs", type=int, default=15, help="fresh interpreters per script")
    args = parser.parse_args()
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        raise SystemExit("pdftotext is needed (apt-get install poppler-utils)")
    data = PDF.read_bytes()
    source = Source(data, PDF.name)
    full, read, layout, baseline = measure(
        [
            lambda: govinfo.check(govinfo.read(source)),
            lambda: govinfo.read(source),
            lambda: pdf_layout(data, PDF.name),
            lambda: subprocess.run(
                [pdftotext, "-layout", str(PDF), "-"], check=True, capture_output=True
            ),
        ],
        args.seconds,
    )
    print(f"{PDF.name}: {len(data) / 1024:.0f} KB, 5 pages")
    print(f"pdftotext -layout (a process): {baseline * 1000:.1f} ms")
    print(f"read and check: {full * 1000:.1f} ms, {full / baseline:.2f} x pdftotext (target: 3)")
    print(f"read alone: {read * 1000:.1f} ms, {read / baseline:.2f} x")
    print(f"layout alone (the PDF reader): {layout * 1000:.1f} ms, {layout / baseline:.2f} x")
    startup, pdfium, text, pdf = cold(
        [
            "import govinfo",
            "import govinfo, pypdfium2.raw",
            f"import govinfo, pathlib; govinfo.read(pathlib.Path({str(TEXT)!r}))",
            f"import govinfo, pathlib; govinfo.read(pathlib.Path({str(PDF)!r}))",
        ],
        args.runs,
    )
    print(f"fresh interpreter, import govinfo: {startup * 1000:.0f} ms")
    print(f"  and import pypdfium2.raw (loads PDFium): +{(pdfium - startup) * 1000:.0f} ms")
    print(f"  and read a text report: +{(text - startup) * 1000:.0f} ms (PDFium not loaded)")
    print(f"  and read the PDF: +{(pdf - startup) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
