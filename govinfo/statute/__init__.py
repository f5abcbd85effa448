"""What the law prescribes, as data: the documents, their sections, the statutory tables of
both format versions, their arithmetic, and the phrasings of what the narrative states.

Everything statutory is written down here once.  The model validates against it, readers
take the words that mark a document from it, the assembler maps layout onto it, and the
checks and reporters derive from it; none of them restates it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govinfo.statute.arithmetic import (
        IDENTITIES,
        IDENTITIES_BY_CODE,
        Axis,
        Basis,
        Identity,
        identities_of,
    )
    from govinfo.statute.crossyear import CROSS_YEAR, SAME, CrossYearIdentity
    from govinfo.statute.kinds import (
        ANNUAL_REPORT_MARKERS,
        KIND_LABELS,
        KIND_WORDS,
        TABLE_MARKERS,
        TITLE_ENDINGS,
    )
    from govinfo.statute.labels import (
        DOCUMENT_KINDS,
        FIRST_YEAR,
        FORMAT_DOCUMENTS,
        FORMAT_VERSIONS,
        TABLE_KEYS,
        ZH_NUMERALS,
        CellKind,
        DocumentKind,
        FormatVersion,
        Label,
        RowRole,
        TableKey,
        version_for_year,
    )
    from govinfo.statute.narrative import (
        APPEAL_SUBJECTS,
        CLAIM_PATTERNS,
        CLAIMS,
        ELSEWHERE,
        INCLUDES_CARRIED_OVER,
        NONE_STATED,
        NOTHING,
        QUANTITIES,
        SCOPE_WORDS,
        SHARE,
        STATED_FIGURES,
        WITH_CARRIED_OVER,
        Claim,
        ClaimPattern,
        FigurePattern,
        NoneStated,
        Quantity,
        Term,
        counts_the_area,
        quantity,
    )
    from govinfo.statute.ruleoflaw import FACT_PATTERNS, RULE_OF_LAW_FACTS, FactPattern
    from govinfo.statute.sections import (
        ANNUAL_REPORT_SECTIONS,
        RULE_OF_LAW_SECTIONS,
        SectionDef,
        section_def,
        section_for_table,
    )
    from govinfo.statute.tables import (
        APPLICANT_COLUMNS,
        TABLES,
        ColumnDef,
        RowDef,
        TableDef,
        all_cell_keys,
        table_def,
    )

#: Where each name is defined: the module is imported when the name is first used, so that
#: a part of the statute (the document kinds, for the command line's parser) costs only
#: its own module.
_EXPORTS: dict[str, str] = {
    "IDENTITIES": "govinfo.statute.arithmetic",
    "IDENTITIES_BY_CODE": "govinfo.statute.arithmetic",
    "Axis": "govinfo.statute.arithmetic",
    "Basis": "govinfo.statute.arithmetic",
    "Identity": "govinfo.statute.arithmetic",
    "identities_of": "govinfo.statute.arithmetic",
    "CROSS_YEAR": "govinfo.statute.crossyear",
    "SAME": "govinfo.statute.crossyear",
    "CrossYearIdentity": "govinfo.statute.crossyear",
    "ANNUAL_REPORT_MARKERS": "govinfo.statute.kinds",
    "KIND_LABELS": "govinfo.statute.kinds",
    "KIND_WORDS": "govinfo.statute.kinds",
    "TABLE_MARKERS": "govinfo.statute.kinds",
    "TITLE_ENDINGS": "govinfo.statute.kinds",
    "DOCUMENT_KINDS": "govinfo.statute.labels",
    "FIRST_YEAR": "govinfo.statute.labels",
    "FORMAT_DOCUMENTS": "govinfo.statute.labels",
    "FORMAT_VERSIONS": "govinfo.statute.labels",
    "TABLE_KEYS": "govinfo.statute.labels",
    "ZH_NUMERALS": "govinfo.statute.labels",
    "CellKind": "govinfo.statute.labels",
    "DocumentKind": "govinfo.statute.labels",
    "FormatVersion": "govinfo.statute.labels",
    "Label": "govinfo.statute.labels",
    "RowRole": "govinfo.statute.labels",
    "TableKey": "govinfo.statute.labels",
    "version_for_year": "govinfo.statute.labels",
    "APPEAL_SUBJECTS": "govinfo.statute.narrative",
    "CLAIM_PATTERNS": "govinfo.statute.narrative",
    "CLAIMS": "govinfo.statute.narrative",
    "ELSEWHERE": "govinfo.statute.narrative",
    "INCLUDES_CARRIED_OVER": "govinfo.statute.narrative",
    "NONE_STATED": "govinfo.statute.narrative",
    "NOTHING": "govinfo.statute.narrative",
    "QUANTITIES": "govinfo.statute.narrative",
    "SCOPE_WORDS": "govinfo.statute.narrative",
    "SHARE": "govinfo.statute.narrative",
    "STATED_FIGURES": "govinfo.statute.narrative",
    "WITH_CARRIED_OVER": "govinfo.statute.narrative",
    "Claim": "govinfo.statute.narrative",
    "ClaimPattern": "govinfo.statute.narrative",
    "FigurePattern": "govinfo.statute.narrative",
    "NoneStated": "govinfo.statute.narrative",
    "Quantity": "govinfo.statute.narrative",
    "Term": "govinfo.statute.narrative",
    "counts_the_area": "govinfo.statute.narrative",
    "quantity": "govinfo.statute.narrative",
    "FACT_PATTERNS": "govinfo.statute.ruleoflaw",
    "RULE_OF_LAW_FACTS": "govinfo.statute.ruleoflaw",
    "FactPattern": "govinfo.statute.ruleoflaw",
    "ANNUAL_REPORT_SECTIONS": "govinfo.statute.sections",
    "RULE_OF_LAW_SECTIONS": "govinfo.statute.sections",
    "SectionDef": "govinfo.statute.sections",
    "section_def": "govinfo.statute.sections",
    "section_for_table": "govinfo.statute.sections",
    "APPLICANT_COLUMNS": "govinfo.statute.tables",
    "TABLES": "govinfo.statute.tables",
    "ColumnDef": "govinfo.statute.tables",
    "RowDef": "govinfo.statute.tables",
    "TableDef": "govinfo.statute.tables",
    "all_cell_keys": "govinfo.statute.tables",
    "table_def": "govinfo.statute.tables",
}

__all__ = [
    "ANNUAL_REPORT_MARKERS",
    "ANNUAL_REPORT_SECTIONS",
    "APPEAL_SUBJECTS",
    "APPLICANT_COLUMNS",
    "CLAIMS",
    "CLAIM_PATTERNS",
    "CROSS_YEAR",
    "DOCUMENT_KINDS",
    "ELSEWHERE",
    "FACT_PATTERNS",
    "FIRST_YEAR",
    "FORMAT_DOCUMENTS",
    "FORMAT_VERSIONS",
    "IDENTITIES",
    "IDENTITIES_BY_CODE",
    "INCLUDES_CARRIED_OVER",
    "KIND_LABELS",
    "KIND_WORDS",
    "NONE_STATED",
    "NOTHING",
    "QUANTITIES",
    "RULE_OF_LAW_FACTS",
    "RULE_OF_LAW_SECTIONS",
    "SAME",
    "SCOPE_WORDS",
    "SHARE",
    "STATED_FIGURES",
    "TABLES",
    "TABLE_KEYS",
    "TABLE_MARKERS",
    "TITLE_ENDINGS",
    "WITH_CARRIED_OVER",
    "ZH_NUMERALS",
    "Axis",
    "Basis",
    "CellKind",
    "Claim",
    "ClaimPattern",
    "ColumnDef",
    "CrossYearIdentity",
    "DocumentKind",
    "FactPattern",
    "FigurePattern",
    "FormatVersion",
    "Identity",
    "Label",
    "NoneStated",
    "Quantity",
    "RowDef",
    "RowRole",
    "SectionDef",
    "TableDef",
    "TableKey",
    "Term",
    "all_cell_keys",
    "counts_the_area",
    "identities_of",
    "quantity",
    "section_def",
    "section_for_table",
    "table_def",
    "version_for_year",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
