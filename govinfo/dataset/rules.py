"""The rules over a set of documents, as a catalogue: each one's code, title and what it
checks.  R6 and R7 are the statute's identities across years
(:data:`govinfo.statute.crossyear.CROSS_YEAR`); the others are about the collection.
"""

from __future__ import annotations

import attrs

from govinfo.model.findings import Severity, Status
from govinfo.statute.crossyear import CROSS_YEAR


@attrs.frozen
class SetRule:
    code: str
    title: str
    description: str


def _cross_year(code: str) -> SetRule:
    identity = next(i for i in CROSS_YEAR if i.code == code)
    versions = " and ".join(identity.versions)
    return SetRule(
        code,
        f"Across years: {identity.statement.zh}.",
        f"{identity.statement.en}, for two reports of one agency for consecutive years whose "
        f"tables follow the {versions} format; a fail states both years' cells.",
    )


R6, R7 = (_cross_year(code) for code in ("R6", "R7"))

C1 = SetRule(
    "C1",
    "A report does not repeat the year before's numbers.",
    "Every statutory table of a report equals the agency's report of the year before, cell "
    "by cell: the numbers were copied (reports that are all zeros are left alone).",
)
C2 = SetRule(
    "C2",
    "One agency, one year, one set of numbers.",
    "Two reports of one agency for one year whose tables differ in a cell both have (the "
    "same report saved twice, as a page and as text, is one report; a table or cell only "
    "one has is named, not counted).",
)
C3 = SetRule(
    "C3",
    "Every agency of the set reports for every year the others do.",
    "An agency with reports in the set has none read from the set for a year that other "
    "agencies have (its report may be elsewhere, or among the files that failed to read).",
)
A2 = SetRule(
    "A2",
    "A cell read with the agency's report of the year before or after.",
    "Glued digits that split several ways, read the one way with which R6 holds against "
    "the same agency's neighbouring report; the cell says decided_by previous_year.",
)

SET_RULES: tuple[SetRule, ...] = (R6, R7, C1, C2, C3, A2)

#: How each comes out when it finds something.
OUTCOME: dict[str, tuple[Status, Severity]] = {
    "R6": (Status.FAIL, Severity.ERROR),
    "R7": (Status.FAIL, Severity.ERROR),
    "C1": (Status.FAIL, Severity.WARNING),
    "C2": (Status.FAIL, Severity.ERROR),
    "C3": (Status.FAIL, Severity.WARNING),
    "A2": (Status.NOTE, Severity.INFO),
}
