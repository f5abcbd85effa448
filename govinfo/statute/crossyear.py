"""Identities between two reports of one agency for consecutive years, as data.

Not stated by the format, but what the tables mean: evaluators check them (R6, R7), and real
reports break them often, so a break is reported with both years' cells.
"""

from __future__ import annotations

import attrs

from govinfo.statute.labels import FormatVersion, Label, TableKey

#: In a term: the same row (or column) as the cell checked.
SAME = "*"


@attrs.frozen
class CrossYearIdentity:
    """A cell of year Y equals a signed sum of cells of Y and of Y − 1.

    The identity is checked for every cell ``table.row.column`` with ``row`` in ``rows`` and
    ``column`` in ``columns`` (``SAME`` for every column of the row).  Each term is ``(year
    offset, row, column, sign)``: offset 0 is year Y, −1 the year before; ``SAME`` in a term
    stands for the checked cell's row or column.
    """

    code: str
    table: TableKey
    statement: Label
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    terms: tuple[tuple[int, str, str, int], ...]
    #: The format versions both reports' tables must follow.
    versions: tuple[FormatVersion, ...]


CROSS_YEAR: tuple[CrossYearIdentity, ...] = (
    CrossYearIdentity(
        "R6",
        "proactive",
        Label(
            "现行有效件数(Y) = 现行有效件数(Y−1) + 本年制发件数(Y) − 本年废止件数(Y)",
            "in force (Y) = in force (Y−1) + issued (Y) − repealed (Y)",
        ),
        rows=("rules", "normative_documents"),
        columns=("in_force",),
        terms=((-1, SAME, "in_force", 1), (0, SAME, "issued", 1), (0, SAME, "repealed", -1)),
        versions=("2021",),
    ),
    CrossYearIdentity(
        "R7",
        "applications",
        Label("上年结转(Y) = 结转下年度继续办理(Y−1)", "carried over (Y) = carried forward (Y−1)"),
        rows=("carried_over",),
        columns=(SAME,),
        terms=((-1, "carried_forward", SAME, 1),),
        versions=("2019", "2021"),
    ),
)
