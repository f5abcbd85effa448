"""govinfo: Chinese government information-disclosure documents as typed, validated data.

The pipeline (:mod:`govinfo.pipeline`)::

    bytes ──decode──▶ text ──reader──▶ layout ──assemble──▶ Document ──check──▶ findings
                                                                   └──reporter──▶ output
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govinfo.lazy import exports as _exports

if TYPE_CHECKING:
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

#: Where each name of the API is defined: imported when first used, so that ``import govinfo``
#: (and the command line, which starts by importing it) loads only the stages that run.
_EXPORTS: dict[str, str] = {
    "DecodeError": "govinfo.errors",
    "GovinfoError": "govinfo.errors",
    "InputError": "govinfo.errors",
    "InvalidValueError": "govinfo.errors",
    "LimitError": "govinfo.errors",
    "OcrUnavailableError": "govinfo.errors",
    "PdfError": "govinfo.errors",
    "PluginError": "govinfo.errors",
    "ReaderNotFoundError": "govinfo.errors",
    "ReporterNotFoundError": "govinfo.errors",
    "SchemaError": "govinfo.errors",
    "UnknownDocumentError": "govinfo.errors",
    "WordError": "govinfo.errors",
    "Limits": "govinfo.limits",
    "Amount": "govinfo.model.cells",
    "Cell": "govinfo.model.cells",
    "Change": "govinfo.model.cells",
    "Count": "govinfo.model.cells",
    "NotReported": "govinfo.model.cells",
    "SourceRef": "govinfo.model.cells",
    "Unreadable": "govinfo.model.cells",
    "AnnualReport": "govinfo.model.documents",
    "AnnualReportMetadata": "govinfo.model.documents",
    "Deadline": "govinfo.model.documents",
    "Document": "govinfo.model.documents",
    "DocumentNumber": "govinfo.model.documents",
    "DroppedText": "govinfo.model.documents",
    "Fact": "govinfo.model.documents",
    "KeyPoints": "govinfo.model.documents",
    "KeyPointsMetadata": "govinfo.model.documents",
    "Metadata": "govinfo.model.documents",
    "Origin": "govinfo.model.documents",
    "Part": "govinfo.model.documents",
    "ReadingNote": "govinfo.model.documents",
    "Responsibility": "govinfo.model.documents",
    "RuleOfLawReport": "govinfo.model.documents",
    "RuleOfLawSection": "govinfo.model.documents",
    "Section": "govinfo.model.documents",
    "StatedFigure": "govinfo.model.documents",
    "Task": "govinfo.model.documents",
    "Evidence": "govinfo.model.findings",
    "Finding": "govinfo.model.findings",
    "Location": "govinfo.model.findings",
    "Rule": "govinfo.model.findings",
    "Severity": "govinfo.model.findings",
    "Status": "govinfo.model.findings",
    "Item": "govinfo.model.narrative",
    "NarrativeBlock": "govinfo.model.narrative",
    "Paragraph": "govinfo.model.narrative",
    "Row": "govinfo.model.tables",
    "Table": "govinfo.model.tables",
    "TableUnavailable": "govinfo.model.tables",
    "check": "govinfo.pipeline",
    "read": "govinfo.pipeline",
    "render": "govinfo.pipeline",
    "Registry": "govinfo.plugin.registry",
    "make_plugin_manager": "govinfo.plugin.registry",
    "make_registry": "govinfo.plugin.registry",
    "LoaderSpec": "govinfo.plugin.specs",
    "ReaderSpec": "govinfo.plugin.specs",
    "ReporterSpec": "govinfo.plugin.specs",
    "hookimpl": "govinfo.plugin.specs",
    "Source": "govinfo.source",
}

__version__ = "0.1.0"


def dumps(document: Document) -> str:
    """The canonical JSON of a document (see :mod:`govinfo.io.serialize`)."""
    from govinfo.io.serialize import dumps as _dumps

    return _dumps(document)


def loads(text: str | bytes) -> Document:
    """A document from its JSON; :class:`SchemaError` names the path of what is wrong."""
    from govinfo.io.serialize import loads as _loads

    return _loads(text)


__getattr__, __dir__ = _exports(__name__, _EXPORTS)


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
