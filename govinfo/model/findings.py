"""Findings: what a check reports, and the rules that produce them."""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from govinfo.model import _validators as v
from govinfo.model.cells import SourceRef
from govinfo.statute import DOCUMENT_KINDS, DocumentKind

if TYPE_CHECKING:
    from govinfo.model.documents import Document

Number: TypeAlias = int | Decimal


class Status(enum.Enum):
    """How a rule came out."""

    FAIL = "fail"  # the rule is broken by the numbers printed
    UNCERTAIN = "uncertain"  # it involves a cell that is not reported or unreadable
    NOT_ASSESSABLE = "not_assessable"  # the table it needs is unavailable
    NOTE = "note"  # not a problem: how the check read the document (a derived total)


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Location:
    """Where a finding points: a section, or a table and a row and/or a column of it.

    ``labels`` are the statutory labels leading there (Chinese, as the format prints them),
    ``labels_en`` the same in English; ``key`` the dotted key, ``*`` standing for every row
    or every column (``applications.*.business`` is a column).
    """

    table: str | None = attrs.field(default=None, validator=v.optional(str))
    row: str | None = attrs.field(default=None, validator=v.optional(str))
    column: str | None = attrs.field(default=None, validator=v.optional(str))
    section: str | None = attrs.field(default=None, validator=v.optional(str))
    labels: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(str))
    labels_en: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(str))

    @property
    def key(self) -> str:
        if self.table is None:
            return self.section or ""
        if self.row is None and self.column is None:
            return self.table
        return f"{self.table}.{self.row or '*'}.{self.column or '*'}"


@attrs.frozen
class Evidence:
    """A cell a finding rests on, with the text it was read from and where."""

    key: str = attrs.field(validator=v.instance_of(str))
    raw: str | None = attrs.field(default=None, validator=v.optional(str))
    source: SourceRef | None = attrs.field(default=None, validator=v.optional(SourceRef))


_number = attrs.field(default=None, validator=v.optional((int, Decimal)), kw_only=True)


@attrs.frozen
class Finding:
    """One result of one rule.

    For a fail, ``expected`` and ``actual`` are the two sides of the rule and ``difference``
    is ``actual - expected``.  For an uncertain finding, ``missing`` names the cells that are
    not reported and ``required`` says what they would have to come to for the rule to hold
    (those on the side of ``expected`` counted positive, those on the other side negative).
    """

    rule: str = attrs.field(validator=v.non_empty_text)
    status: Status = attrs.field(validator=v.instance_of(Status))
    severity: Severity = attrs.field(validator=v.instance_of(Severity))
    message: str = attrs.field(validator=v.non_empty_text)
    where: Location = attrs.field(factory=Location, validator=v.instance_of(Location))
    expected: Number | None = _number
    actual: Number | None = _number
    difference: Number | None = _number
    required: Number | None = _number
    cells: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(str), kw_only=True)
    missing: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(str), kw_only=True)
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), validator=v.tuple_of(Evidence), kw_only=True
    )
    #: The message in Chinese, where the rule gives one (``message`` is in English).
    message_zh: str | None = attrs.field(default=None, validator=v.optional(str), kw_only=True)
    #: A stable identity (rule, document, where): the same finding of the same report has the
    #: same fingerprint after a re-run, so decisions about it can be kept.  Given by
    #: :func:`govinfo.check`.
    fingerprint: str | None = attrs.field(default=None, validator=v.optional(str), kw_only=True)

    @property
    def is_fail(self) -> bool:
        return self.status is Status.FAIL

    def text(self, lang: str) -> str:
        """The message in ``lang`` (``zh`` or ``en``), the English where there is no other."""
        return self.message_zh if lang == "zh" and self.message_zh else self.message


#: Hex digits of a fingerprint: enough to stay unique over millions of findings, short enough
#: to type.
FINGERPRINT_LENGTH = 16


def fingerprint(rule: str, identity: str, where: str, ordinal: int = 0) -> str:
    """The stable name of the ``ordinal``-th finding of ``rule`` at ``where`` about
    ``identity`` (a document's identity that survives a re-read, :func:`govinfo.checks.
    document_identity`; for a finding across documents, the agency and year it concerns).
    Decisions about a finding are kept under it."""
    text = "\x1f".join((rule, identity, where, str(ordinal)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


class Numbering:
    """Fingerprints for findings in the order they come: those that share rule, identity and
    where are told apart by their order."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str, str], int] = {}

    def __call__(self, rule: str, identity: str, where: str) -> str:
        key = (rule, identity, where)
        ordinal = self._seen.get(key, 0)
        self._seen[key] = ordinal + 1
        return fingerprint(rule, identity, where, ordinal)


CheckFunction: TypeAlias = "Callable[[Document], Iterable[Finding]]"


def _kinds(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.tuple_of(str)(instance, attribute, value)
    for kind in value:
        if kind not in DOCUMENT_KINDS:
            v.fail(instance, attribute, f"document kinds from {DOCUMENT_KINDS}", kind)


@attrs.frozen
class Rule:
    """A check: a stable code, a one-line title, what it checks, and the function itself.

    ``check`` receives a document of one of ``kinds`` and yields findings; it must not change
    the document.  Register rules through the ``govinfo_register_rules`` hook.
    """

    code: str = attrs.field(validator=v.non_empty_text)
    title: str = attrs.field(validator=v.non_empty_text)
    description: str = attrs.field(validator=v.non_empty_text)
    kinds: tuple[DocumentKind, ...] = attrs.field(validator=_kinds)
    check: CheckFunction = attrs.field(eq=False)
