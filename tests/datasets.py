"""Helpers for the dataset's tests: a database's contents in a form two runs can be compared
by, and reports built with the seeded builder as entries for the rules across documents."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from govinfo.dataset.agencies import normalise
from govinfo.dataset.entries import Entry
from govinfo.dataset.work import content_hash
from govinfo.testing.corpus import Builder, Odds

AGENCY = "福州市财政局"


def contents(database: Path) -> dict[str, list[tuple[Any, ...]]]:
    """What a database holds, without the numbers it gave its rows: documents by hash, each
    cell and finding with the hashes of its documents."""
    db = sqlite3.connect(database)
    try:
        columns = [r[1] for r in db.execute("PRAGMA table_info(documents)") if r[1] != "id"]
        return {
            "documents": sorted(db.execute(f"SELECT {', '.join(columns)} FROM documents")),
            "sections": sorted(
                db.execute(
                    "SELECT d.hash, s.key, s.position, s.heading, s.text, s.table_status, "
                    "s.table_version FROM sections s JOIN documents d ON d.id = s.document_id"
                )
            ),
            "cells": sorted(
                db.execute(
                    "SELECT d.hash, c.format_version, c.key, c.kind, c.value, c.raw, "
                    "c.decided_by, c.line FROM cells_tidy c "
                    "JOIN documents d ON d.id = c.document_id"
                )
            ),
            "findings": sorted(
                db.execute(
                    "SELECT f.fingerprint, f.scope, f.rule, f.status, f.message, f.where_key, "
                    "d.hash, o.hash, f.agency_key, f.year, f.evidence FROM findings f "
                    "LEFT JOIN documents d ON d.id = f.document_id "
                    "LEFT JOIN documents o ON o.id = f.other_document_id"
                ),
                key=repr,
            ),
            "errors": sorted(db.execute("SELECT path, hash, message FROM errors")),
        }
    finally:
        db.close()


def entries(values: Mapping[int, Mapping[str, int]], *, agency: str = AGENCY) -> list[Entry]:
    """An agency's reports with the given values, year by year, as entries (no totals left
    blank)."""
    builder = Builder("entries", Odds.none())
    out = []
    for year, cells in sorted(values.items()):
        report = builder.report(agency, year, cells)
        digest = content_hash(f"{agency}{year}{sorted(cells.items())}".encode())
        out.append(Entry.of(report, f"{year}.txt", digest, normalise(agency)))
    return out


def years(first: int, last: int, seed: str = "years") -> dict[int, dict[str, int]]:
    """One agency's consistent values for the years ``first`` to ``last``."""
    builder = Builder(seed, Odds.none())
    out: dict[int, dict[str, int]] = {}
    before = None
    for year in range(first, last + 1):
        before = out[year] = builder.values(year, before)
    return out
