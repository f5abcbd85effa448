"""Rules about a collection of reports: copied numbers (C1), one agency's two reports for one
year that differ (C2), and agencies missing a year the others have (C3)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import PurePath

from govinfo.dataset.diff import compare, show
from govinfo.dataset.entries import CellEvidence, Entry, SetFinding
from govinfo.dataset.rules import OUTCOME
from govinfo.model.findings import Finding, Location

#: How many differing cells a C2 finding names.
SHOWN = 10


def distinct(entries: Sequence[Entry]) -> list[Entry]:
    """The entries whose numbers differ from every earlier one's (the same report saved
    twice is one)."""
    kept: dict[str, Entry] = {}
    for entry in entries:
        kept.setdefault(entry.numbers, entry)
    return list(kept.values())


def _name(entry: Entry) -> str:
    return PurePath(entry.path).name


def copied(before: Entry, after: Entry) -> SetFinding | None:
    """C1: the report's statutory tables equal the year before's exactly (and are not all
    zeros)."""
    if before.numbers != after.numbers or not after.nonzero:
        return None
    status, severity = OUTCOME["C1"]
    message = (
        f"every statutory table of the {after.year} report ({_name(after)}) equals the "
        f"{before.year} report's ({_name(before)}), cell for cell"
    )
    finding = Finding("C1", status, severity, message, Location())
    return SetFinding(finding, after.agency_key, after.year, after, before)


def differing(first: Entry, other: Entry) -> SetFinding | None:
    """C2: two reports of one agency for one year whose tables differ in a cell both have
    (the entries with their whole tables, to name the cells).  A table or a cell only one
    of them has is said, not counted: one copy may show as a picture what the other prints."""
    if first.numbers == other.numbers:
        return None
    compared = compare(first.tables, other.tables, numbers=True)
    found = list(compared.changes)
    if not found:
        return None
    missing = sorted(set(first.tables) ^ set(other.tables))
    shown = ", ".join(f"{c.key} {show(c.before)} → {show(c.after)}" for c in found[:SHOWN])
    shown_zh = "，".join(
        f"{c.key} {show(c.before, 'zh')} → {show(c.after, 'zh')}" for c in found[:SHOWN]
    )
    more = f" and {len(found) - SHOWN} more" if len(found) > SHOWN else ""
    more_zh = f" 等，另有 {len(found) - SHOWN} 格" if len(found) > SHOWN else ""
    only = compared.only_before + compared.only_after
    tables = f"; tables only in one: {', '.join(missing)}" if missing else ""
    tables_zh = f"；仅一份有的表：{', '.join(missing)}" if missing else ""
    cells = f"; {only} cells only one has, not compared" if only else ""
    cells_zh = f"；另有 {only} 格仅一份有，未作比较" if only else ""
    status, severity = OUTCOME["C2"]
    message = (
        f"two reports for {other.year} ({_name(first)}, {_name(other)}) differ in "
        f"{len(found)} of the {compared.compared} cells both have: {shown}{more}{tables}{cells}"
    )
    message_zh = (
        f"{other.year} 年度的两份报告（{_name(first)}、{_name(other)}）在二者共有的 "
        f"{compared.compared} 格中有 {len(found)} 格不同：{shown_zh}{more_zh}{tables_zh}{cells_zh}"
    )
    evidence = tuple(
        CellEvidence.of(entry, c.key, cell)
        for c in found[:SHOWN]
        for entry, cell in ((first, c.before), (other, c.after))
        if cell is not None
    )
    finding = Finding(
        "C2",
        status,
        severity,
        message,
        Location(),
        cells=tuple(c.key for c in found),
        message_zh=message_zh,
    )
    identity = f"{other.agency_key}:{other.year}:{other.hash}"
    return SetFinding(finding, other.agency_key, other.year, other, first, evidence, identity)


def missing_years(
    agencies_by_year: Mapping[int, int],
    agencies: Iterable[tuple[str, str, Sequence[int]]],
    failed: int = 0,
) -> Iterator[SetFinding]:
    """C3: for each agency (key, name, years), the years of the set it has no report for;
    ``agencies_by_year`` says how many agencies report on each year of the set, ``failed``
    how many files of the set could not be read (any of them may be the report).

    What the set lacks is said, not that the agency published nothing: a report may be
    outside the set, or among the files that failed."""
    status, severity = OUTCOME["C3"]
    for agency, name, have in agencies:
        for year in sorted(set(agencies_by_year) - set(have)):
            others = agencies_by_year[year]
            years = ", ".join(map(str, have))
            message = (
                f"{name}: no report of {year} read from this set, a year {others} other "
                f"{'agency' if others == 1 else 'agencies'} of the set report on (its reports "
                f"read: {years})"
            )
            message_zh = (
                f"{name}：本集未读到其 {year} 年度报告，而集内另有 {others} 个机关有该年度报告"
                f"（已读到其报告的年度：{years}）"
            )
            if failed:
                files = "file" if failed == 1 else "files"
                message += f"; {failed} {files} of the set failed to read and may include it"
                message_zh += f"；集内有 {failed} 个文件未能读取，其中可能有该报告"
            finding = Finding("C3", status, severity, message, Location(), message_zh=message_zh)
            yield SetFinding(finding, agency, year)
