"""Extract generated reports into a database: documents per second with 1 and 2 processes,
peak memory for a small and a large run, and a re-run of the complete database.

Run by hand:  python benchmarks/bench_extract.py [--count 10000] [--small 1000] [--repeat 3]
                                                [--folder DIR]
Targets (issue: from thousands of reports to one dataset): 2 processes at least 1.7 times
as fast as one; the same peak memory for 1,000 documents as for 10,000; a re-run of a
complete database in under 5% of the first run's time.  Each run is a fresh process (its
peak memory its own, and its workers'); the load of the machine is printed beside each
figure, since other work on it slows the parallel run most.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from govinfo.testing.corpus import write_corpus

#: One run, in a fresh interpreter: its wall time, CPU time and peak memory (its own and
#: its largest worker's), as JSON.
CHILD = """
import json, resource, sys, time
from govinfo.dataset import extract
start = time.perf_counter()
summary = extract([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]))
wall = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF)
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "wall": wall,
    "cpu": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime,
    "main_rss_mb": own.ru_maxrss / 1024,
    "worker_rss_mb": workers.ru_maxrss / 1024,
    "read": summary.read,
    "skipped": summary.skipped,
}))
"""


def run(folder: Path, database: Path, jobs: int) -> dict[str, float]:
    load = os.getloadavg()[0]
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(database), str(jobs)],
        check=True,
        capture_output=True,
        text=True,
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    figures["load"] = load
    return figures


def show(name: str, figures: dict[str, float]) -> None:
    documents = figures["read"] or figures["skipped"]
    print(
        f"{name}: {figures['wall']:.1f} s, {documents / figures['wall']:.0f} documents/s "
        f"(read {figures['read']:.0f}, skipped {figures['skipped']:.0f}; "
        f"CPU {figures['cpu']:.1f} s; peak memory {figures['main_rss_mb']:.0f} MB, "
        f"workers {figures['worker_rss_mb']:.0f} MB; "
        f"load before {figures['load']:.2f})"
    )


def _burn(steps: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(steps):
        total += i * i
    return time.perf_counter() - start


def machine() -> float:
    """What two processes of pure Python get from this machine now, against one: the
    ceiling of the parallel run (a machine shared with other work gives less than 2)."""
    steps = 10_000_000
    one = _burn(steps)
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_burn, [steps, steps])
        two = time.perf_counter() - start
    return 2 * one / two


def corpus(folder: Path, count: int) -> Path:
    """The generated reports (written once per folder and count)."""
    target = folder / f"reports-{count}"
    if not target.is_dir() or sum(1 for _ in target.iterdir()) != count:
        write_corpus(target, count, seed=count)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="documents of the large run")
    parser.add_argument("--small", type=int, default=1_000, help="documents of the small run")
    parser.add_argument("--folder", type=Path, help="where the reports and databases go")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each (the best counts)")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="bench-extract-"))
    folder.mkdir(parents=True, exist_ok=True)
    large, small = corpus(folder, args.count), corpus(folder, args.small)
    print(f"{args.count} and {args.small} generated reports in {folder}")

    def fresh(name: str) -> Path:
        database = folder / name
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        return database

    ones, twos = [], []
    for attempt in range(args.repeat):
        # In turns, so that a busy spell of the machine slows both alike.
        print(f"the machine: 2 processes of pure Python do {machine():.2f}x the work of one")
        ones.append(run(large, fresh("one.sqlite"), 1))
        show(f"{args.count}, 1 process (run {attempt + 1})", ones[-1])
        twos.append(run(large, fresh("two.sqlite"), 2))
        show(f"{args.count}, 2 processes (run {attempt + 1})", twos[-1])
    one = min(ones, key=lambda f: f["wall"])
    two = min(twos, key=lambda f: f["wall"])
    print(
        f"2 processes / 1 process, best runs: {one['wall'] / two['wall']:.2f}x (target: 1.7x); "
        f"{args.count / one['wall']:.0f} and {args.count / two['wall']:.0f} documents/s"
    )
    few = run(small, fresh("small.sqlite"), 1)
    show(f"{args.small}, 1 process", few)
    print(
        f"peak memory, {args.small} vs {args.count} documents: {few['main_rss_mb']:.0f} MB vs "
        f"{one['main_rss_mb']:.0f} MB (target: flat)"
    )
    again = run(large, folder / "two.sqlite", 2)
    show(f"{args.count}, re-run of the complete database", again)
    share = again["wall"] / two["wall"]
    print(f"re-run / first run: {share:.1%} (target: under 5%)")
    size = (folder / "two.sqlite").stat().st_size / 1e6
    print(f"database: {size:.0f} MB for {args.count} documents")


if __name__ == "__main__":
    main()
