"""The rules across documents, run over one agency's reports and over the whole set.

For one agency (:func:`analyse_agency`): its reports by year, those with the same tables
counted once; two that differ for one year (C2); glued cells its neighbouring years decide
(A2); then, for each pair of consecutive years, R6, R7 and copied numbers (C1).  Over the set
(:func:`analyse`): every agency whose documents changed, then the years each agency lacks
(C3).  What it decides and finds replaces what an earlier run had for those agencies.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import islice

import attrs

from govinfo.dataset import readings
from govinfo.dataset.collection import copied, differing, distinct, missing_years
from govinfo.dataset.crossyear import check_pair
from govinfo.dataset.entries import Entry, SetFinding, by_year, set_finding_rows
from govinfo.dataset.store import Store
from govinfo.model.tables import Table
from govinfo.statute import FORMAT_VERSIONS, TableKey, table_def
from govinfo.statute.crossyear import CROSS_YEAR, SAME

#: The rules worked out per agency (C3 is over the whole set).
PER_AGENCY = ("R6", "R7", "C1", "C2", "A2")
#: Agencies worked out in one transaction.
BATCH = 100


@attrs.frozen
class Outcome:
    """One agency's reports as decided, the cells decided, and the findings."""

    entries: tuple[Entry, ...]
    decided: tuple[tuple[Entry, str, int], ...]
    findings: tuple[SetFinding, ...]


def _whole(entry: Entry) -> Entry:
    return entry


def analyse_agency(entries: Sequence[Entry], whole: Callable[[Entry], Entry] = _whole) -> Outcome:
    """The rules across documents over one agency's reports (in order of year).

    The entries need only the rows the identities across years involve (:data:`ROWS`);
    ``whole`` gives an entry with all its tables, for the cells two reports of one year
    differ in.
    """
    years = {year: distinct(found) for year, found in by_year(entries).items()}
    findings: list[SetFinding] = []
    for kept in years.values():
        for other in kept[1:]:
            found = differing(whole(kept[0]), whole(other))
            if found is not None:
                findings.append(found)
    # Only a year with one set of numbers can decide its neighbours, or be decided.
    chain = [kept[0] for kept in years.values() if len(kept) == 1]
    decisions = readings.decide(chain)
    decided_chain = readings.apply(chain, decisions)
    findings.extend(readings.notes(decided_chain, decisions))
    replaced = {id(old): new for old, new in zip(chain, decided_chain, strict=True)}
    years = {y: [replaced.get(id(e), e) for e in kept] for y, kept in years.items()}
    for year, kept in years.items():
        for before in years.get(year - 1, ()):
            for after in kept:
                # An agency with two sets of numbers for a year: each pair is its own.
                several = len(kept) > 1 or len(years[year - 1]) > 1
                identity = f"{after.agency_key}:{year}:{before.hash}:{after.hash}"
                findings.extend(check_pair(before, after, identity if several else None))
                found = copied(before, after)
                if found is not None:
                    findings.append(found)
    decided = tuple(
        (decided_chain[d.span.entry], key, int(value or 0))
        for d in decisions
        for key, value in zip(d.span.keys, d.reading, strict=True)
    )
    return Outcome(tuple(e for kept in years.values() for e in kept), decided, tuple(findings))


@attrs.frozen
class Analysis:
    """What a run of the rules across documents did."""

    agencies: int
    decided: int


def _batches(items: Sequence[str], size: int) -> Iterator[list[str]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _needed_keys() -> tuple[str, ...]:
    """The cells of the rows the identities across years involve, in either format."""
    rows: set[tuple[TableKey, str]] = set()
    for identity in CROSS_YEAR:
        rows.update((identity.table, r) for r in identity.rows)
        rows.update((identity.table, r) for _, r, _, _ in identity.terms if r != SAME)
    keys: list[str] = []
    for version in FORMAT_VERSIONS:
        for table, row in sorted(rows):
            definition = table_def(table, version)
            if definition.has_row(row):
                keys.extend(f"{table}.{row}.{c}" for c in definition.row(row).column_keys)
    return tuple(dict.fromkeys(keys))


#: What the rules across documents read of each report's tables.
ROWS = _needed_keys()


def _entry(row: sqlite3.Row, tables: Mapping[TableKey, Table]) -> Entry:
    return Entry(
        row["path"],
        row["hash"],
        row["agency"],
        row["agency_key"],
        row["year"],
        tables,
        row["numbers"],
        bool(row["nonzero"]),
        row["id"],
    )


def stored_entries(
    store: Store, agency: str, keys: Sequence[str] | None = None, *, afresh: bool = False
) -> list[Entry]:
    """An agency's stored annual reports, their tables whole or of the rows of ``keys``;
    ``afresh``, with the cells other years decided unreadable again."""
    rows = store.documents_of(agency)
    ids = [r["id"] for r in rows]
    if afresh:
        store.revert_decisions(ids)
    tables = store.tables(ids, keys)
    return [_entry(r, tables[r["id"]]) for r in rows]


def _whole_from(store: Store) -> Callable[[Entry], Entry]:
    def whole(entry: Entry) -> Entry:
        assert entry.id is not None
        return attrs.evolve(entry, tables=store.tables([entry.id])[entry.id])

    return whole


def consecutive(store: Store, agency: str | None = None) -> Iterator[tuple[Entry, Entry]]:
    """Each agency's reports for consecutive years, as stored (one pair per two reports of
    one year with different numbers)."""
    agencies = [agency] if agency is not None else store.agencies()
    for key in agencies:
        years = {y: distinct(found) for y, found in by_year(stored_entries(store, key)).items()}
        for year, kept in years.items():
            for before in years.get(year - 1, ()):
                for after in kept:
                    yield before, after


def analyse(store: Store, progress: Callable[[int], None] | None = None) -> Analysis:
    """Work the rules across documents out again for every stale agency, then C3."""
    stale = store.stale_agencies()
    decided = 0
    for batch in _batches(stale, BATCH):
        with store.transaction():
            for agency in batch:
                entries = stored_entries(store, agency, ROWS, afresh=True)
                outcome = analyse_agency(entries, _whole_from(store))
                for entry, key, value in outcome.decided:
                    assert entry.id is not None
                    store.decide(entry.id, key, value)
                decided += len(outcome.decided)
                store.replace_set_findings(
                    set_finding_rows(outcome.findings), PER_AGENCY, agency=agency
                )
            store.clear_stale(batch)
        if progress is not None:
            progress(len(batch))
    with store.transaction():
        found = missing_years(
            store.agencies_by_year(), store.years_of_agencies(), store.count("errors")
        )
        store.replace_set_findings(set_finding_rows(found), ("C3",))
    return Analysis(len(stale), decided)
