"""From thousands of reports to one dataset.

:func:`extract` reads files, folders and globs into a SQLite database (schema:
:mod:`govinfo.dataset.schema`), in parallel, resuming where a run stopped; then runs the
rules across documents (R6, R7 across years; copied numbers, differing duplicates and
missing years; glued cells decided by the neighbouring years).  :func:`cells` and
:func:`findings` give the database as pandas DataFrames.

With ``jobs`` above 1 the worker processes start afresh and import the calling script: call
:func:`extract` from under ``if __name__ == "__main__":``.
"""

from __future__ import annotations

from govinfo.dataset.export import cells, findings
from govinfo.dataset.extraction import Summary, extract
from govinfo.model.findings import fingerprint

__all__ = ["Summary", "cells", "extract", "findings", "fingerprint"]
