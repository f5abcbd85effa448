"""Where the work for each file runs: in this process, in a pool of processes, or on a Dask
cluster.  Whichever it is, the results come back here, to the one process that writes them.

Files travel in chunks (a handful of documents per task, so that handing work over costs
little beside reading it) and only a few chunks per worker are in flight at once, so that
memory stays the same whether a run has a thousand files or a million.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
import os
import socket
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import islice
from typing import TypeAlias

from govinfo.dataset.records import Result
from govinfo.dataset.work import extract_document
from govinfo.errors import InputError
from govinfo.limits import Limits
from govinfo.statute import DocumentKind

#: A file to read: the name it came under and its bytes.
Task: TypeAlias = tuple[str, bytes]
Work: TypeAlias = Callable[[Sequence[Task]], list[Result]]
Runner: TypeAlias = Callable[[Iterator[Task], Work], Iterator[Result]]

#: Documents per task, and tasks in flight per worker.
CHUNK = 8
IN_FLIGHT = 4


def _work(
    tasks: Sequence[Task], reader: str | None, kind: DocumentKind | None, limits: Limits | None
) -> list[Result]:
    return [
        extract_document(data, name, reader=reader, kind=kind, limits=limits)
        for name, data in tasks
    ]


def work(
    reader: str | None = None, kind: DocumentKind | None = None, limits: Limits | None = None
) -> Work:
    """The work for a chunk of files (a picklable function)."""
    return functools.partial(_work, reader=reader, kind=kind, limits=limits)


def _chunks(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    while chunk := list(islice(tasks, size)):
        yield chunk


def available_cores() -> int:
    """The cores this process may run on."""
    counted = getattr(os, "process_cpu_count", None)
    if counted is not None:  # Python 3.13
        return int(counted() or 1)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def in_process(tasks: Iterator[Task], work: Work) -> Iterator[Result]:
    for chunk in _chunks(tasks, 1):
        yield from work(chunk)


def process_pool(jobs: int) -> Runner:
    """A pool of ``jobs`` processes (started afresh, not forked: safe beside threads)."""

    def run(tasks: Iterator[Task], work: Work) -> Iterator[Result]:
        chunks = _chunks(tasks, CHUNK)
        context = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(jobs, mp_context=context)
        pending: set[Future[list[Result]]] = set()

        def fill() -> None:
            while len(pending) < IN_FLIGHT * jobs:
                chunk = next(chunks, None)
                if chunk is None:
                    return
                pending.add(pool.submit(work, chunk))

        try:
            fill()
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    pending.discard(future)
                    yield from future.result()
                fill()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    return run


def dask_cluster(address: str, jobs: int) -> Runner:
    """A Dask distributed cluster: ``local`` starts one of ``jobs`` worker processes here;
    ``tcp://HOST:PORT`` is a running scheduler (its workers need govinfo installed)."""

    def run(tasks: Iterator[Task], work: Work) -> Iterator[Result]:
        try:
            from distributed import Client, LocalCluster, as_completed
        except ImportError:
            raise InputError(
                "--scheduler needs Dask distributed: pip install 'govinfo-cn[dask]'"
            ) from None
        cluster = None
        if address == "local":
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=jobs,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)  # type: ignore[no-untyped-call]
        else:
            _reachable(address)
            try:
                client = Client(address, timeout="10s")  # type: ignore[no-untyped-call]
            except (OSError, TimeoutError, ValueError) as exc:
                raise InputError(f"{address}: cannot reach the scheduler: {exc}") from None
        try:
            workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
            chunks = _chunks(tasks, CHUNK)
            first = islice(chunks, IN_FLIGHT * workers)
            submitted = [client.submit(work, c, pure=False) for c in first]
            running = as_completed(submitted)  # type: ignore[no-untyped-call]
            for future in running:
                yield from future.result()
                future.release()
                chunk = next(chunks, None)
                if chunk is not None:
                    running.add(client.submit(work, chunk, pure=False))  # type: ignore[no-untyped-call]
        finally:
            client.close()  # type: ignore[no-untyped-call]
            if cluster is not None:
                cluster.close()

    return run


def _reachable(address: str) -> None:
    """Refuse at once a scheduler address nothing listens at (Dask would retry for a while)."""
    host, _, port = address.removeprefix("tcp://").rpartition(":")
    if not host or not port.isdigit():
        raise InputError(f"{address}: expected tcp://HOST:PORT or local")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=5).close()
    except OSError as exc:
        raise InputError(f"{address}: cannot reach the scheduler: {exc.strerror or exc}") from None


def runner(jobs: int, scheduler: str | None) -> Runner:
    """The runner for ``--jobs`` and ``--scheduler``."""
    if scheduler is not None:
        return dask_cluster(scheduler, jobs)
    if jobs <= 1:
        return in_process
    return process_pool(jobs)
