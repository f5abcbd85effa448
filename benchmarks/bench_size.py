"""Time and peak memory of reading and checking a report as it grows from 100 KB to 50 MB,
each size in a fresh process: they should grow about linearly, and a size beyond a limit is
refused at once in one line.

Run by hand:  python benchmarks/bench_size.py [--baseline PATH] [--sizes 0.1,1,10,50]

The report is the Beijing 2021 example with its section 六 grown by paragraphs (text), and
the Shuyang page with a long layout table of rows after the report (HTML).  ``--baseline``
names another checkout of govinfo to measure side by side, in the same run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

_MEASURE = """
import resource, sys, time
import govinfo
from govinfo import GovinfoError, Source
data = open(sys.argv[1], "rb").read()
start = time.perf_counter()
try:
    govinfo.check(govinfo.read(Source(data, sys.argv[1])))
    outcome = "read"
except GovinfoError as exc:
    outcome = "refused: " + str(exc)[:90]
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{seconds:.2f}\\t{peak:.0f}\\t{outcome}")
"""


def _text(size: int) -> bytes:
    base = (EXAMPLES / "beijing-ipo-2021-annual-report.zh.txt").read_text("utf-8")
    paragraph = "我局坚持以人民为中心，扎实推进政务公开工作，取得积极成效。\n"
    grow = max(0, size - len(base.encode())) // len(paragraph.encode())
    at = base.index("六、其他需要报告的事项")
    return (base[:at] + paragraph * grow + base[at:]).encode()


def _html(size: int) -> bytes:
    base = (EXAMPLES / "shuyang-fgj-2023-annual-report.html").read_text("utf-8")
    row = "<tr><td>某某事项</td><td>已办理</td></tr>"
    grow = max(0, size - len(base.encode())) // len(row.encode())
    at = base.rindex("</body>")
    return (base[:at] + "<table>" + row * grow + "</table>" + base[at:]).encode()


def _run(checkout: Path, path: Path) -> str:
    env = {**os.environ, "PYTHONPATH": f"{checkout}{os.pathsep}{checkout / 'plugins'}"}
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path)],
        capture_output=True, text=True, env=env, check=False, timeout=900, cwd=path.parent,
    )  # fmt: skip
    return done.stdout.strip() or f"failed: {done.stderr.strip().splitlines()[-1:]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="another checkout to measure beside")
    parser.add_argument("--sizes", default="0.1,1,10,50", help="sizes in MB")
    args = parser.parse_args()
    checkouts = [("this", ROOT)] + ([("baseline", args.baseline)] if args.baseline else [])
    print("format\tMB\tcheckout\tseconds\tpeak MB\toutcome")
    with tempfile.TemporaryDirectory() as folder:
        for name, make in (("txt", _text), ("html", _html)):
            for mb in (float(s) for s in args.sizes.split(",")):
                path = Path(folder, f"report-{mb}.{name}")
                path.write_bytes(make(int(mb * 2**20)))
                for label, checkout in checkouts:
                    print(f"{name}\t{mb:g}\t{label}\t{_run(checkout, path)}", flush=True)


if __name__ == "__main__":
    main()
