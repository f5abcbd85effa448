"""The arithmetic of the statutory tables, as data: which cells stand on each side of what.

The format states one identity (R1, in the corner cell of table 三); the layout implies three
more (R2–R4), and complete real reports satisfy them exactly.  Each is declared here once:
the checks evaluate them (:mod:`govinfo.arithmetic`), and so does the table reading when it
must decide how a damaged row is to be read.  Identities across two reports (R6, R7) are
declared in :mod:`govinfo.statute.crossyear`.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from govinfo.statute.labels import Label, RowRole, TableKey


class Axis(enum.Enum):
    """What an identity runs along."""

    #: Once per value column: rows (by their role) on each side.
    COLUMN = "column"
    #: Once per row: the row's total column equals the sum of its other columns.
    ROW = "row"


class Basis(enum.Enum):
    """Why the identity must hold."""

    STATED = "stated by the format"
    LAYOUT = "implied by the layout"


@attrs.frozen
class Identity:
    """One identity of one table.

    For ``Axis.COLUMN``: in every value column, the cells of the rows whose roles are in
    ``left`` sum to those of the rows in ``right``.  For ``Axis.ROW``: in every row with a
    total column, the total equals the sum of the other columns.
    """

    code: str
    table: TableKey
    axis: Axis
    basis: Basis
    #: The identity as the format writes it, in Chinese and in English.
    statement: Label
    left: tuple[RowRole, ...] = ()
    right: tuple[RowRole, ...] = ()


IDENTITIES: tuple[Identity, ...] = (
    Identity(
        "R1",
        "applications",
        Axis.COLUMN,
        Basis.STATED,
        Label("一 + 二 = 三（七）总计 + 四", "I + II = III(7) total + IV"),
        left=(RowRole.RECEIVED, RowRole.CARRIED_OVER),
        right=(RowRole.OUTCOME_TOTAL, RowRole.CARRIED_FORWARD),
    ),
    Identity(
        "R2",
        "applications",
        Axis.ROW,
        Basis.LAYOUT,
        Label("总计 = 六类申请人之和", "total = the six applicant columns"),
    ),
    Identity(
        "R3",
        "applications",
        Axis.COLUMN,
        Basis.LAYOUT,
        Label("（七）总计 = （一）…（六）之和", "(7) total = the sum of (1)…(6)"),
        left=(RowRole.OUTCOME,),
        right=(RowRole.OUTCOME_TOTAL,),
    ),
    Identity(
        "R4",
        "appeals",
        Axis.ROW,
        Basis.LAYOUT,
        Label(
            "总计 = 维持 + 纠正 + 其他 + 尚未审结", "total = upheld + corrected + other + pending"
        ),
    ),
)

IDENTITIES_BY_CODE: Mapping[str, Identity] = {i.code: i for i in IDENTITIES}


def identities_of(table: TableKey) -> tuple[Identity, ...]:
    """The identities a table carries, in code order."""
    return tuple(i for i in IDENTITIES if i.table == table)
