"""Review decisions: a reviewer marks a finding confirmed or dismissed, with a comment.

Decisions are stored by the finding's fingerprint, in their own table: extraction and the
rules across documents replace findings, never decisions, so a decision holds for the same
finding found again by a later run.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from govinfo.dataset.store import Store
from govinfo.errors import InputError

DECISIONS = ("confirmed", "dismissed")
#: A fingerprint may be given by its first characters, at least these many.
SHORTEST = 6


def resolve(store: Store, given: str) -> str:
    """The one fingerprint of a finding stored that starts with ``given``."""
    prefix = given.strip().lower()
    if len(prefix) < SHORTEST:
        raise InputError(f"{given!r}: give at least {SHORTEST} characters of a fingerprint")
    found = [
        r[0]
        for r in store.connection.execute(
            "SELECT fingerprint FROM findings WHERE fingerprint >= ? AND fingerprint < ? "
            "ORDER BY 1 LIMIT 2",
            (prefix, prefix + "\uffff"),
        )
    ]
    if not found:
        raise InputError(f"{given}: no finding has this fingerprint")
    if len(found) > 1:
        raise InputError(f"{given}: several findings' fingerprints start so; give more of it")
    return str(found[0])


def mark(store: Store, given: str, decision: str | None, comment: str = "") -> str:
    """Store a decision (None clears it) on the finding whose fingerprint is ``given``."""
    if decision is not None and decision not in DECISIONS:
        raise InputError(f"{decision!r}: expected one of {', '.join(DECISIONS)}")
    fingerprint = resolve(store, given)
    store.review(fingerprint, decision, comment)
    return fingerprint


def findings_to_review(
    store: Store,
    *,
    rules: Sequence[str] = (),
    statuses: Sequence[str] = ("fail", "uncertain"),
    agency: str | None = None,
) -> list[sqlite3.Row]:
    """The findings of the given statuses (and rules, and agency), with their decisions."""
    clauses = [f"status IN ({', '.join('?' for _ in statuses)})"]
    params: list[object] = list(statuses)
    if rules:
        clauses.append(f"rule IN ({', '.join('?' for _ in rules)})")
        params.extend(rules)
    if agency is not None:
        clauses.append("agency_key = ?")
        params.append(agency)
    return store.query(
        f"SELECT * FROM findings_tidy WHERE {' AND '.join(clauses)} "
        "ORDER BY agency_key, year, rule, where_key, id",
        params,
    )
