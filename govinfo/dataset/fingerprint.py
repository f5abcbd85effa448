"""A finding's fingerprint: the stable name a reviewer's decision is stored under.

It is made of the rule, the identity of the document (its content hash, or for a finding
across documents the agency and year it concerns) and where the finding points; findings
that share all three are told apart by their order.  Re-reading the same bytes, or
re-running the rules over the same set, gives the same fingerprints.
"""

from __future__ import annotations

import hashlib

#: Hex digits kept: enough to stay unique over millions of findings, short enough to type.
LENGTH = 16


def fingerprint(rule: str, identity: str, where: str, ordinal: int = 0) -> str:
    """The fingerprint of the ``ordinal``-th finding of ``rule`` at ``where`` in ``identity``."""
    text = "\x1f".join((rule, identity, where, str(ordinal)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:LENGTH]


class Numbering:
    """Gives each (rule, identity, where) its next ordinal, in the order findings come."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str, str], int] = {}

    def __call__(self, rule: str, identity: str, where: str) -> str:
        key = (rule, identity, where)
        ordinal = self._seen.get(key, 0)
        self._seen[key] = ordinal + 1
        return fingerprint(rule, identity, where, ordinal)
