"""The vocabulary of the statute: labels, what a column holds, what part a row plays.

Everything the law prescribes lives in :mod:`govinfo.statute`, as data; this module holds the
small types the rest of it is written in.
"""

from __future__ import annotations

import enum
from typing import Literal, get_args

import attrs

FormatVersion = Literal["2019", "2021"]
FORMAT_VERSIONS: tuple[FormatVersion, ...] = get_args(FormatVersion)
#: The document that issued each format version (a version is named by its year).
FORMAT_DOCUMENTS: dict[FormatVersion, str] = {
    "2019": "国办公开办函〔2019〕60号",
    "2021": "国办公开办函〔2021〕30号",
}
#: The first report year each format version is for: the trial format for the 2019 and 2020
#: reports, the revised one from the 2021 reports on.
FIRST_YEAR: dict[FormatVersion, int] = {"2019": 2019, "2021": 2021}


def version_for_year(year: int) -> FormatVersion:
    """The format version in force for a report of this year (the trial one before it)."""
    return max(FORMAT_VERSIONS, key=lambda v: (FIRST_YEAR[v] <= year, FIRST_YEAR[v]))


TableKey = Literal["proactive", "applications", "appeals"]
TABLE_KEYS: tuple[TableKey, ...] = get_args(TableKey)

DocumentKind = Literal["annual_report", "key_points", "rule_of_law_report"]
DOCUMENT_KINDS: tuple[DocumentKind, ...] = get_args(DocumentKind)


@attrs.frozen(cache_hash=True)
class Label:
    """A statutory label: the Chinese exactly as the format prints it, and an English one."""

    zh: str
    en: str


class CellKind(enum.Enum):
    """What a column holds."""

    COUNT = "count"  # an int >= 0
    CHANGE = "change"  # a signed int (本年增/减)
    AMOUNT = "amount"  # a Decimal >= 0 with a unit


class RowRole(enum.Enum):
    """The part a row of table 三 plays in the arithmetic the format states."""

    RECEIVED = "received"  # 一, left side of R1
    CARRIED_OVER = "carried_over"  # 二, left side of R1
    OUTCOME = "outcome"  # a leaf of 三, summed by R3
    OUTCOME_TOTAL = "outcome_total"  # 三（七）, right side of R1 and R3
    CARRIED_FORWARD = "carried_forward"  # 四, right side of R1
    ENTRY = "entry"  # any other row (tables 二 and 四)


ZH_NUMERALS = ("零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十")
