"""govinfo: Chinese government information-disclosure documents as typed, validated data.

The pipeline (:mod:`govinfo.pipeline`)::

    bytes ──decode──▶ text ──reader──▶ layout ──assemble──▶ Document ──check──▶ findings
                                                                   └──reporter──▶ output
"""

from __future__ import annotations

from govinfo.errors import (
    DecodeError,
    GovinfoError,
    InputError,
    InvalidValueError,
    LimitError,
    OcrUnavailableError,
    PdfError,
    PluginError,
    ReaderNotFoundError,
    ReporterNotFoundError,
    SchemaError,
    UnknownDocumentError,
    WordError,
)
from govinfo.limits import Limits
from govinfo.model.cells import Amount, Cell, Change, Count, NotReported, SourceRef, Unreadable
from govinfo.model.documents import (
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
from govinfo.model.findings import Evidence, Finding, Location, Rule, Severity, Status
from govinfo.model.narrative import Item, NarrativeBlock, Paragraph
from govinfo.model.tables import Row, Table, TableUnavailable
from govinfo.pipeline import check, read, render
from govinfo.plugin.registry import Registry, make_plugin_manager, make_registry
from govinfo.plugin.specs import LoaderSpec, ReaderSpec, ReporterSpec, hookimpl
from govinfo.source import Source

__version__ = "0.1.0"


def dumps(document: Document) -> str:
    """The canonical JSON of a document (see :mod:`govinfo.io.serialize`)."""
    from govinfo.io.serialize import dumps as _dumps

    return _dumps(document)


def loads(text: str | bytes) -> Document:
    """A document from its JSON; :class:`SchemaError` names the path of what is wrong."""
    from govinfo.io.serialize import loads as _loads

    return _loads(text)


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
    "LimitError",
    "Limits",
    "LoaderSpec",
    "Location",
    "Metadata",
    "NarrativeBlock",
    "NotReported",
    "OcrUnavailableError",
    "Origin",
    "Paragraph",
    "Part",
    "PdfError",
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
    "UnknownDocumentError",
    "Unreadable",
    "WordError",
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
