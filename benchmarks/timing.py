"""What the benchmarks share: timing pieces of work in turns."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


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
