"""What the law prescribes, as data: the documents, their sections, the statutory tables of
both format versions, their arithmetic, and the phrasings of what the narrative states.

Everything statutory is written down here once.  The model validates against it, readers
take the words that mark a document from it, the assembler maps layout onto it, and the
checks and reporters derive from it; none of them restates it.
"""

from __future__ import annotations

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
from govinfo.statute.narrative import STATED_FIGURES, FigurePattern
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

__all__ = [
    "ANNUAL_REPORT_MARKERS",
    "ANNUAL_REPORT_SECTIONS",
    "APPLICANT_COLUMNS",
    "CROSS_YEAR",
    "DOCUMENT_KINDS",
    "FACT_PATTERNS",
    "FIRST_YEAR",
    "FORMAT_DOCUMENTS",
    "FORMAT_VERSIONS",
    "IDENTITIES",
    "IDENTITIES_BY_CODE",
    "KIND_LABELS",
    "KIND_WORDS",
    "RULE_OF_LAW_FACTS",
    "RULE_OF_LAW_SECTIONS",
    "SAME",
    "STATED_FIGURES",
    "TABLES",
    "TABLE_KEYS",
    "TABLE_MARKERS",
    "TITLE_ENDINGS",
    "ZH_NUMERALS",
    "Axis",
    "Basis",
    "CellKind",
    "ColumnDef",
    "CrossYearIdentity",
    "DocumentKind",
    "FactPattern",
    "FigurePattern",
    "FormatVersion",
    "Identity",
    "Label",
    "RowDef",
    "RowRole",
    "SectionDef",
    "TableDef",
    "TableKey",
    "all_cell_keys",
    "identities_of",
    "section_def",
    "section_for_table",
    "table_def",
    "version_for_year",
]
