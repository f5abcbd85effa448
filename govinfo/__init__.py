"""govinfo: Chinese government information-disclosure documents as typed, validated data."""

from __future__ import annotations

from govinfo.api import check, read, render
from govinfo.cells import Amount, Cell, Change, Count, NotReported, SourceRef, Unreadable
from govinfo.documents import (
    AnnualReport,
    AnnualReportMetadata,
    Deadline,
    Document,
    DocumentNumber,
    DroppedText,
    Fact,
    KeyPoints,
    KeyPointsMetadata,
    Metadata,
    Origin,
    Part,
    ReadingNote,
    Responsibility,
    RuleOfLawReport,
    RuleOfLawSection,
    Section,
    StatedFigure,
    Task,
)
from govinfo.errors import (
    DecodeError,
    GovinfoError,
    InputError,
    InvalidValueError,
    PluginError,
    ReaderNotFoundError,
    ReporterNotFoundError,
    SchemaError,
)
from govinfo.findings import Evidence, Finding, Location, Rule, Severity, Status
from govinfo.narrative import Item, Paragraph
from govinfo.registry import (
    ReaderSpec,
    Registry,
    ReporterSpec,
    hookimpl,
    make_plugin_manager,
    make_registry,
)
from govinfo.serialize import dumps, loads
from govinfo.sources import Source
from govinfo.tables import Row, Table, TableUnavailable

__version__ = "0.1.0"

__all__ = [
    "Amount",
    "AnnualReport",
    "AnnualReportMetadata",
    "Cell",
    "Change",
    "Count",
    "Deadline",
    "DecodeError",
    "Document",
    "DocumentNumber",
    "DroppedText",
    "Evidence",
    "Fact",
    "Finding",
    "GovinfoError",
    "InputError",
    "InvalidValueError",
    "Item",
    "KeyPoints",
    "KeyPointsMetadata",
    "Location",
    "Metadata",
    "NotReported",
    "Origin",
    "Paragraph",
    "Part",
    "PluginError",
    "ReaderNotFoundError",
    "ReaderSpec",
    "ReadingNote",
    "Registry",
    "ReporterNotFoundError",
    "ReporterSpec",
    "Responsibility",
    "Row",
    "Rule",
    "RuleOfLawReport",
    "RuleOfLawSection",
    "SchemaError",
    "Section",
    "Severity",
    "Source",
    "SourceRef",
    "StatedFigure",
    "Status",
    "Table",
    "TableUnavailable",
    "Task",
    "Unreadable",
    "__version__",
    "check",
    "dumps",
    "hookimpl",
    "loads",
    "make_plugin_manager",
    "make_registry",
    "read",
    "render",
]
