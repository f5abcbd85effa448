"""Extraction: every file read, checked and stored, then the rules across documents.

The files are hashed here; those whose bytes are stored already (or failed before) are
skipped, so a run that was stopped resumes where it stopped and a changed file is read
again.  The rest are read where the runner puts them (:mod:`.schedule`) and written here in
batches, one transaction each.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import attrs
from tqdm import tqdm

from govinfo.dataset.agencies import AgencyMap
from govinfo.dataset.analysis import Analysis, analyse
from govinfo.dataset.inputs import expand
from govinfo.dataset.records import Failed, Result
from govinfo.dataset.schedule import Task, available_cores, runner, work
from govinfo.dataset.store import Store, govinfo_version
from govinfo.dataset.work import content_hash
from govinfo.errors import GovinfoError, InputError
from govinfo.limits import Limits, applied
from govinfo.plugin.registry import default_registry
from govinfo.source import Source
from govinfo.statute import DocumentKind

#: Documents written per transaction.
BATCH = 64
#: The renamings used when none are named: this file beside the database, if there is one.
AGENCIES_FILE = "agencies.toml"


@attrs.frozen
class Summary:
    """What a run did: files read, failed and skipped, and the failures' messages."""

    read: int
    failed: int
    skipped: int
    failures: tuple[Failed, ...]
    analysis: Analysis
    #: Files of the folders and globs given that were left out by name (README.md, …).
    left_out: tuple[str, ...] = ()


def agencies_file(database: str | os.PathLike[str], given: str | None) -> str | None:
    """The renamings file: the one given, else ``agencies.toml`` beside the database."""
    if given is not None:
        return given
    beside = Path(database).with_name(AGENCIES_FILE)
    return str(beside) if beside.is_file() else None


def prepare(store: Store, agencies: AgencyMap) -> None:
    """Match agencies again if the renamings changed since the last run, and work every
    agency out again if govinfo did (its rules may have)."""
    if store.meta("agencies") != agencies.digest:
        store.rematch_agencies(agencies.key)
    if store.meta("govinfo_version") != govinfo_version():
        store.mark_all_stale()
    with store.transaction():
        store.update_labels()
        store.set_meta("agencies", agencies.digest)
        store.set_meta("agencies_file", os.path.abspath(agencies.path) if agencies.path else "")
        store.set_meta("govinfo_version", govinfo_version())


class _Plan:
    """The files to read, hashed one at a time as the runner asks for them (and looked up
    in the database one at a time: memory does not grow with what is stored)."""

    def __init__(
        self, files: Sequence[str], store: Store, tick: Callable[[], object], limits: Limits
    ) -> None:
        self.files = files
        self.limits = limits
        self.store = store
        self.tick = tick
        self.skipped = 0
        self.unreadable: list[Failed] = []
        #: Files whose bytes are stored under another name.
        self.seen: list[tuple[str, str]] = []

    def tasks(self) -> Iterator[Task]:
        for path in self.files:
            try:
                with applied(self.limits):
                    data = Source.from_path(path).data
            except GovinfoError as exc:  # unreadable, a FIFO, beyond a limit
                self.unreadable.append(Failed(path, "", str(exc)))
                self.tick()
                continue
            digest = content_hash(data)
            stored = self.store.hash_of(path)
            if stored == digest:
                self.skip()
            elif self.store.has(digest):
                self.seen.append((path, digest))
                self.skip()
            else:
                # (Two files with the same bytes in one run are both read; the second is
                # stored as a file of the first's document.)
                yield (path, data)

    def skip(self) -> None:
        self.skipped += 1
        self.tick()


def extract(
    paths: Sequence[str],
    database: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
    agencies: str | None = None,
    reader: str | None = None,
    kind: DocumentKind | None = None,
    limits: Limits | None = None,
    retry_errors: bool = False,
    batch: int = BATCH,
    progress: bool = False,
    exclude: Sequence[str] = (),
) -> Summary:
    """Read every file the paths name (files, folders, globs) into the database.

    ``jobs`` processes read them (default: every core), or the Dask cluster at
    ``scheduler`` (``tcp://HOST:PORT``, or ``local``); ``agencies`` is the renamings file;
    ``limits`` are what one document may hold (a file beyond them is recorded as an error).
    With ``progress`` a bar on standard error counts the files.  Folders and globs leave
    out the notes beside reports (``README*``, ``LICENSE*``, …) and the files whose name or
    path matches a pattern of ``exclude``.
    """
    if batch < 1:
        raise InputError(f"batch {batch}: expected 1 or more documents per transaction")
    registry = default_registry()
    suffixes = {s for spec in registry.inputs for s in spec.suffixes}
    inputs = expand(paths, suffixes, exclude)
    files = list(inputs.files)
    mapping = AgencyMap.load(agencies_file(database, agencies))
    jobs = jobs or available_cores()
    with Store.open(database) as store:
        prepare(store, mapping)
        if retry_errors:
            store.forget_errors()
        bar = tqdm(total=len(files), unit="file", disable=not progress, leave=False)
        bounds = limits or Limits()
        plan = _Plan(files, store, lambda: bar.update(1), bounds)
        read = 0
        failures: list[Failed] = []
        pending: list[Result] = []

        def flush() -> None:
            store.write(pending, mapping.key)
            pending.clear()

        tasks = plan.tasks()
        first = next(tasks, None)  # no pool nor cluster is started for nothing to read
        results: Iterator[Result] = iter(())
        if first is not None:
            results = runner(jobs, scheduler)(
                itertools.chain([first], tasks), work(reader, kind, bounds)
            )
        try:
            for result in results:
                pending.append(result)
                if isinstance(result, Failed):
                    failures.append(result)
                else:
                    read += 1
                bar.update(1)
                if len(pending) >= batch:
                    flush()
            pending.extend(plan.unreadable)
            failures.extend(plan.unreadable)
            flush()
            store.write((), mapping.key, plan.seen)
        finally:
            bar.close()
        analysis = analyse(store)
    return Summary(read, len(failures), plan.skipped, tuple(failures), analysis, inputs.left_out)
