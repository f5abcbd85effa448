"""Documents: the annual report, the key points and the rule-of-law report."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, ClassVar, Literal, TypeAlias, get_args

import attrs

from govinfo.errors import InvalidValueError
from govinfo.model import _validators as v
from govinfo.model.cells import SourceRef
from govinfo.model.narrative import NarrativeBlock, check_blocks
from govinfo.model.tables import Table, TableUnavailable
from govinfo.statute import (
    ANNUAL_REPORT_SECTIONS,
    CLAIMS,
    FORMAT_VERSIONS,
    RULE_OF_LAW_FACTS,
    RULE_OF_LAW_SECTIONS,
    TABLE_KEYS,
    DocumentKind,
    SectionDef,
    TableKey,
    section_def,
)

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
VersionOrUnknown = Literal["2019", "2021", "unknown"]
Recognition = Literal["heading", "inference", "absent"]
RECOGNITIONS: tuple[Recognition, ...] = get_args(Recognition)

_opt_str = attrs.field(default=None, validator=v.optional(str), kw_only=True)
_opt_source = attrs.field(default=None, validator=v.optional(SourceRef), kw_only=True)
_no_blocks = attrs.field(default=(), validator=check_blocks, kw_only=True)


#: The years a document may be for or of.
YEARS = range(1990, 2101)


def _year(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (type(value) is not int or value not in YEARS):
        v.fail(instance, attribute, "a year between 1990 and 2100 or None", value)


def _date(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (type(value) is not dt.date):
        v.fail(instance, attribute, "a datetime.date or None", value)


@attrs.frozen
class Origin:
    """Where a document was read from: the name it was given, the reader, the encoding."""

    location: str | None = _opt_str
    reader: str | None = _opt_str
    encoding: str | None = _opt_str


@attrs.frozen
class DroppedText:
    """Text found in the source but kept out of the document (navigation, footers, spam)."""

    text: str = attrs.field(validator=v.instance_of(str))
    reason: str = attrs.field(validator=v.non_empty_text)
    source: SourceRef | None = _opt_source


def _figure_value(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is int:
        v.int_at_least(0)(instance, attribute, value)
    elif not (type(value) is Decimal and value.is_finite() and value >= 0):
        v.fail(instance, attribute, "an int or a Decimal ≥ 0", value)


def _percent(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not (type(value) is Decimal and value.is_finite() and value >= 0):
        v.fail(instance, attribute, "a Decimal ≥ 0 or None", value)


@attrs.frozen
class StatedFigure:
    """A figure the narrative states about the tables (共受理申请8件: received.total).

    ``key`` names the quantity (:data:`govinfo.statute.QUANTITIES`): a cell's own key when
    the phrase names one cell, else a group of rows or a sum (予以公开及部分公开:
    ``applications.outcome.disclosed_or_partly.total``), resolved per format version.
    ``text`` is the clause as printed, so the figure can be checked against the table, or
    stand in for it when the table is an image.  ``percent`` is a share printed with the
    figure (占33.9%), as printed; ``claim`` the claim about table 四 the figure stands for
    (均获维持 states that none was other than upheld: the figure is 0); ``scope`` a word that
    makes the figure count a whole area (全区), as printed.
    """

    key: str = attrs.field(validator=v.non_empty_text)
    value: int | Decimal = attrs.field(validator=_figure_value)
    text: str = attrs.field(validator=v.non_empty_text)
    source: SourceRef | None = _opt_source
    percent: Decimal | None = attrs.field(default=None, validator=_percent, kw_only=True)
    claim: str | None = attrs.field(
        default=None, validator=v.optional_one_of(tuple(CLAIMS)), kw_only=True
    )
    scope: str | None = _opt_str


NoteRule: TypeAlias = Literal["A1", "O1"]
NOTE_RULES: tuple[NoteRule, ...] = get_args(NoteRule)


@attrs.frozen
class ReadingNote:
    """A choice the reader made where the source allowed more than one reading, and why."""

    message: str = attrs.field(validator=v.non_empty_text)
    keys: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(str), kw_only=True)
    source: SourceRef | None = _opt_source
    #: The message in Chinese, where the reader gives one.
    message_zh: str | None = attrs.field(default=None, validator=v.optional(str), kw_only=True)
    #: The rule whose finding reports it: A1 for a choice the reader made, O1 for values
    #: recognised off a picture that do not balance.
    rule: NoteRule = attrs.field(default="A1", validator=v.one_of(NOTE_RULES), kw_only=True)


@attrs.frozen
class Metadata:
    """What every document kind states about itself."""

    agency: str | None = _opt_str
    year: int | None = attrs.field(default=None, validator=_year, kw_only=True)
    language: Language = attrs.field(default="zh", validator=v.one_of(LANGUAGES), kw_only=True)
    title: str | None = _opt_str
    published: dt.date | None = attrs.field(default=None, validator=_date, kw_only=True)
    origin: Origin | None = attrs.field(default=None, validator=v.optional(Origin), kw_only=True)


@attrs.frozen
class AnnualReportMetadata(Metadata):
    """Metadata of an annual report, with the format version its tables follow."""

    format_version: VersionOrUnknown = attrs.field(
        default="unknown", validator=v.one_of((*FORMAT_VERSIONS, "unknown")), kw_only=True
    )


def _check_table(section: Section, attribute: attrs.Attribute[Any], value: Any) -> None:
    definition = section_def(section.key)
    if definition.table is None:
        if value is not None:
            v.fail(section, attribute, f"None (section {definition.heading} has no table)", value)
        return
    if not isinstance(value, (Table, TableUnavailable)):
        v.fail(section, attribute, "Table or TableUnavailable", value)
    if isinstance(value, Table) and value.key != definition.table:
        v.fail(section, attribute, f"the {definition.table!r} table", value.key)


@attrs.frozen
class Section:
    """One of the six statutory sections of an annual report.

    ``heading`` is the heading as printed, None where the source has none; ``content`` the
    narrative in order; ``table`` the statutory table of sections 二, 三 and 四 (or why it is
    unavailable), None for the others.
    """

    key: str = attrs.field(validator=v.one_of(tuple(s.key for s in ANNUAL_REPORT_SECTIONS)))
    heading: str | None = attrs.field(default=None, validator=v.optional(str))
    content: tuple[NarrativeBlock, ...] = attrs.field(default=(), validator=check_blocks)
    table: Table | TableUnavailable | None = attrs.field(default=None, validator=_check_table)
    source: SourceRef | None = _opt_source

    @property
    def definition(self) -> SectionDef:
        return section_def(self.key)

    @property
    def present(self) -> bool:
        """Whether the source has this section at all."""
        return self.heading is not None or bool(self.content) or isinstance(self.table, Table)

    @classmethod
    def empty(cls, key: str) -> Section:
        """A section the source does not have (its table, if any, absent)."""
        table = TableUnavailable("absent") if section_def(key).table else None
        return cls(key, table=table)


def _sections_in_order(kind: type, definitions: tuple[SectionDef, ...]) -> v.Validator:
    """A validator: one section of ``kind`` per definition, in the definitions' order."""
    expected = tuple(s.key for s in definitions)

    def check(report: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        v.tuple_of(kind)(report, attribute, value)
        keys = tuple(s.key for s in value)
        if keys != expected:
            v.fail(report, attribute, f"the {len(expected)} sections in order {expected}", keys)

    return check


@attrs.frozen
class AnnualReport:
    """政府信息公开工作年度报告: metadata and the six statutory sections."""

    kind: ClassVar[DocumentKind] = "annual_report"

    metadata: AnnualReportMetadata = attrs.field(validator=v.instance_of(AnnualReportMetadata))
    sections: tuple[Section, ...] = attrs.field(
        validator=_sections_in_order(Section, ANNUAL_REPORT_SECTIONS)
    )
    #: The text before section 一 (the basis the report is compiled on, its scope).
    preamble: tuple[NarrativeBlock, ...] = _no_blocks
    #: Figures the narrative states about table cells.
    stated: tuple[StatedFigure, ...] = attrs.field(
        default=(), validator=v.tuple_of(StatedFigure), kw_only=True
    )
    #: Choices the reader made and says so (a glued row split where only one split balances).
    notes: tuple[ReadingNote, ...] = attrs.field(
        default=(), validator=v.tuple_of(ReadingNote), kw_only=True
    )
    dropped: tuple[DroppedText, ...] = attrs.field(
        default=(), validator=v.tuple_of(DroppedText), kw_only=True
    )

    @classmethod
    def build(
        cls,
        metadata: AnnualReportMetadata,
        sections: dict[str, Section] | None = None,
        *,
        tables: dict[TableKey, Table | TableUnavailable] | None = None,
        preamble: tuple[NarrativeBlock, ...] = (),
        stated: tuple[StatedFigure, ...] = (),
        notes: tuple[ReadingNote, ...] = (),
        dropped: tuple[DroppedText, ...] = (),
    ) -> AnnualReport:
        """The six sections from those given; the rest are empty, tables placed by key."""
        given = dict(sections or {})
        built = []
        for definition in ANNUAL_REPORT_SECTIONS:
            section = given.pop(definition.key, None) or Section.empty(definition.key)
            if definition.table is not None and tables and definition.table in tables:
                section = attrs.evolve(section, table=tables.pop(definition.table))
            built.append(section)
        if given:
            raise InvalidValueError(f"AnnualReport.sections: no such section {next(iter(given))!r}")
        if tables:
            raise InvalidValueError(f"AnnualReport.tables: no such table {next(iter(tables))!r}")
        return cls(
            metadata, tuple(built), preamble=preamble, stated=stated, notes=notes, dropped=dropped
        )

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    def table(self, key: TableKey) -> Table | TableUnavailable:
        for section in self.sections:
            if section.definition.table == key:
                assert section.table is not None  # the Section validator guarantees it
                return section.table
        raise KeyError(key)

    def value(self, dotted: str) -> int | Decimal | None:
        """The number a cell holds (``report.value("applications.received.total")``), None when
        it holds none: not reported, unreadable, or its table unavailable.  A loop over many
        reports needs no ``isinstance`` checks.  KeyError for a key no table has."""
        key, _, local = dotted.partition(".")
        if key not in TABLE_KEYS or not local:
            raise KeyError(dotted)
        table = self.table(key)
        return table.value(local) if isinstance(table, Table) else None

    def tables(self) -> tuple[Table, ...]:
        """The statutory tables that are available."""
        return tuple(s.table for s in self.sections if isinstance(s.table, Table))

    def with_table(
        self, table: Table | TableUnavailable, key: TableKey | None = None
    ) -> AnnualReport:
        """A copy with one table replaced."""
        key = key or (table.key if isinstance(table, Table) else None)
        if key is None:
            raise InvalidValueError(
                "AnnualReport.with_table: name the table an unavailable one stands for"
            )
        return attrs.evolve(
            self,
            sections=tuple(
                attrs.evolve(s, table=table) if s.definition.table == key else s
                for s in self.sections
            ),
        )


# --------------------------------------------------------------------------- key points


@attrs.frozen
class DocumentNumber:
    """A document number (文号) such as 国知办函办字〔2022〕495号, as printed and parsed."""

    text: str = attrs.field(validator=v.non_empty_text)
    prefix: str = attrs.field(validator=v.non_empty_text)
    year: int = attrs.field(validator=_year)
    serial: int = attrs.field(validator=v.int_at_least(1))


@attrs.frozen
class KeyPointsMetadata(Metadata):
    """Metadata of a key-points document: its number and the date it was issued."""

    document_number: DocumentNumber | None = attrs.field(
        default=None, validator=v.optional(DocumentNumber), kw_only=True
    )
    issued: dt.date | None = attrs.field(default=None, validator=_date, kw_only=True)


@attrs.frozen
class Responsibility:
    """Who is responsible for a task: the unit that leads and the others, as printed."""

    raw: str = attrs.field(validator=v.non_empty_text)
    lead: str | None = _opt_str
    others: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(str), kw_only=True)


@attrs.frozen
class Deadline:
    """A deadline the text states: a date, or a number of working days, with its text."""

    text: str = attrs.field(validator=v.non_empty_text)
    date: dt.date | None = attrs.field(default=None, validator=_date, kw_only=True)
    working_days: int | None = attrs.field(
        default=None, validator=v.int_at_least(1, allow_none=True), kw_only=True
    )


@attrs.frozen
class Task:
    """A numbered task: its lead sentence, body, responsible units and deadlines."""

    number: int = attrs.field(validator=v.int_at_least(1))
    marker: str = attrs.field(validator=v.instance_of(str))
    lead: str = attrs.field(validator=v.instance_of(str))
    body: str = attrs.field(default="", validator=v.instance_of(str))
    responsible: Responsibility | None = attrs.field(
        default=None, validator=v.optional(Responsibility), kw_only=True
    )
    deadlines: tuple[Deadline, ...] = attrs.field(
        default=(), validator=v.tuple_of(Deadline), kw_only=True
    )
    source: SourceRef | None = _opt_source


@attrs.frozen
class Part:
    """A part of the key points (一、… / 1. …) and its tasks."""

    number: int = attrs.field(validator=v.int_at_least(1))
    marker: str = attrs.field(validator=v.instance_of(str))
    title: str = attrs.field(validator=v.instance_of(str))
    tasks: tuple[Task, ...] = attrs.field(default=(), validator=v.tuple_of(Task))
    source: SourceRef | None = _opt_source


@attrs.frozen
class KeyPoints:
    """政务公开工作要点: the issuing notice, the opening requirement, parts and tasks."""

    kind: ClassVar[DocumentKind] = "key_points"

    metadata: KeyPointsMetadata = attrs.field(validator=v.instance_of(KeyPointsMetadata))
    #: The issuing notice: addressees and text, before the key points themselves.
    notice: tuple[NarrativeBlock, ...] = _no_blocks
    opening: tuple[NarrativeBlock, ...] = _no_blocks
    parts: tuple[Part, ...] = attrs.field(default=(), validator=v.tuple_of(Part), kw_only=True)
    closing: tuple[NarrativeBlock, ...] = _no_blocks
    deadlines: tuple[Deadline, ...] = attrs.field(
        default=(), validator=v.tuple_of(Deadline), kw_only=True
    )
    dropped: tuple[DroppedText, ...] = attrs.field(
        default=(), validator=v.tuple_of(DroppedText), kw_only=True
    )

    def tasks(self) -> tuple[Task, ...]:
        return tuple(task for part in self.parts for task in part.tasks)


# --------------------------------------------------------------------------- rule of law


@attrs.frozen
class RuleOfLawSection:
    """One of the five mandated contents, and how it was recognised in the source."""

    key: str = attrs.field(validator=v.one_of(tuple(s.key for s in RULE_OF_LAW_SECTIONS)))
    recognised_by: Recognition = attrs.field(validator=v.one_of(RECOGNITIONS))
    heading: str | None = attrs.field(default=None, validator=v.optional(str))
    content: tuple[NarrativeBlock, ...] = attrs.field(default=(), validator=check_blocks)
    source: SourceRef | None = _opt_source

    def __attrs_post_init__(self) -> None:
        if self.recognised_by == "heading" and self.heading is None:
            raise InvalidValueError(
                "RuleOfLawSection.heading: a section recognised by its heading keeps it"
            )
        if self.recognised_by == "absent" and (self.heading is not None or self.content):
            raise InvalidValueError("RuleOfLawSection.content: an absent section has none")


def _fact_kind(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.one_of(tuple(RULE_OF_LAW_FACTS))(instance, attribute, value)


@attrs.frozen
class Fact:
    """A figure a rule-of-law report states, typed, with its sentence as evidence."""

    kind: str = attrs.field(validator=_fact_kind)
    value: int = attrs.field(validator=v.int_at_least(0))
    unit: str = attrs.field(validator=v.non_empty_text)
    evidence: str = attrs.field(validator=v.non_empty_text)
    source: SourceRef | None = _opt_source


@attrs.frozen
class RuleOfLawReport:
    """法治政府建设年度情况报告: the five mandated sections and the figures it states."""

    kind: ClassVar[DocumentKind] = "rule_of_law_report"

    metadata: Metadata = attrs.field(validator=v.instance_of(Metadata))
    sections: tuple[RuleOfLawSection, ...] = attrs.field(
        validator=_sections_in_order(RuleOfLawSection, RULE_OF_LAW_SECTIONS)
    )
    facts: tuple[Fact, ...] = attrs.field(default=(), validator=v.tuple_of(Fact), kw_only=True)
    dropped: tuple[DroppedText, ...] = attrs.field(
        default=(), validator=v.tuple_of(DroppedText), kw_only=True
    )

    def section(self, key: str) -> RuleOfLawSection:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)


Document: TypeAlias = AnnualReport | KeyPoints | RuleOfLawReport
DOCUMENT_TYPES: tuple[type[AnnualReport] | type[KeyPoints] | type[RuleOfLawReport], ...] = (
    AnnualReport,
    KeyPoints,
    RuleOfLawReport,
)
