"""What the command line costs: ``python -m govinfo`` against ``python -c pass``.

Run by hand:  python benchmarks/bench_cli.py [--runs N] [--callgrind] [--before CHECKOUT]

Runs, in turns so that a busy moment of the machine slows all alike, ``python -c pass``,
``python -m govinfo --version`` and ``python -m govinfo render`` of the Beijing 2021 seed,
and prints the median wall time of each and its ratio to ``python -c pass``.  Target (issue
12): render costs at most 5 times ``python -c pass``.  ``--callgrind`` also counts the
instructions of one run of each under valgrind (steadier than wall time on a busy machine).
``--before`` names another checkout of govinfo (``git worktree add /tmp/before COMMIT``)
whose commands are run in the same turns, with its folders first on ``PYTHONPATH``.

The children run with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` removed), after one
warm-up run each, so that what is measured is an installed govinfo's start, not compiling
its source.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "beijing-ipo-2021-annual-report.zh.txt"


def _commands(label: str) -> dict[str, list[str]]:
    python = sys.executable
    return {
        f"{label}--version": [python, "-m", "govinfo", "--version"],
        f"{label}render": [python, "-m", "govinfo", "render", str(EXAMPLE)],
    }


def _environ(checkout: Path | None) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if checkout is not None:
        paths = [str(checkout), str(checkout / "plugins")]
        environ["PYTHONPATH"] = os.pathsep.join([*paths, environ.get("PYTHONPATH", "")])
    else:
        environ.pop("PYTHONPATH", None)
    return environ


def _cwd(environ: dict[str, str]) -> str:
    """The folder to run in: the checkout first on PYTHONPATH (``-m`` puts it first on
    sys.path too), else this one."""
    return environ.get("PYTHONPATH", "").split(os.pathsep)[0] or str(ROOT)


def _run(command: list[str], environ: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=environ, cwd=_cwd(environ), stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def _instructions(command: list[str], environ: dict[str, str]) -> int:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
            env=environ,
            cwd=_cwd(environ),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=True,
        )
    found = re.search(r"refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from valgrind: {done.stderr[-300:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="runs of each command (21)")
    parser.add_argument(
        "--callgrind", action="store_true", help="also count instructions under valgrind"
    )
    parser.add_argument(
        "--before", type=Path, metavar="CHECKOUT", help="also run another checkout's commands"
    )
    args = parser.parse_args()
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "pass": ([sys.executable, "-c", "pass"], _environ(None))
    }
    if args.before is not None:
        before = args.before.resolve()
        for name, command in _commands("before: ").items():
            commands[name] = (command, _environ(before))
    for name, command in _commands("").items():
        commands[name] = (command, _environ(None))
    for command, environ in commands.values():  # warm up: write the bytecode caches
        _run(command, environ)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, (command, environ) in commands.items():
            samples[name].append(_run(command, environ))
    base = statistics.median(samples["pass"])
    print(f"median wall time of {args.runs} interleaved runs (ratio to python -c pass):")
    for name, times in samples.items():
        median = statistics.median(times)
        print(f"  {name:<20} {median * 1000:8.1f} ms  {median / base:5.2f}×")
    print("target: render at most 5×")
    if args.callgrind:
        if shutil.which("valgrind") is None:
            print("valgrind is not installed: no instruction counts")
            return
        counts = {name: _instructions(c, e) for name, (c, e) in commands.items()}
        print("instructions under callgrind (ratio to python -c pass):")
        for name, count in counts.items():
            print(f"  {name:<20} {count / 1e6:8.0f} M   {count / counts['pass']:5.2f}×")


if __name__ == "__main__":
    main()
