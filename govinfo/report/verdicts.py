"""A verdict a person can read at a glance: one line per statutory table, one for the document.

Each table's line says how many of each identity's equations hold (R1 7/7 columns …), how
many cells are blank and whether the table balances if they are taken as 0, and how its
cells were read; the document's line counts what the checks found.  Uncertain findings that
would hold were every blank 0 are *collapsed* into their table's line: they are listed only
when asked for (``--verbose``, JSON).  Nothing here says that a report passed: the checks can
only say what holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs

from govinfo import arithmetic
from govinfo.model.cells import NotReported
from govinfo.model.documents import AnnualReport, Document
from govinfo.model.findings import Finding, Status
from govinfo.model.tables import Table, TableUnavailable
from govinfo.statute import IDENTITIES_BY_CODE, TABLE_KEYS, Axis, TableKey, identities_of

_NUMERALS = {"proactive": "二", "applications": "三", "appeals": "四"}
_ROMAN = {"proactive": "II", "applications": "III", "appeals": "IV"}


@attrs.frozen
class Tally:
    """How the equations of one identity came out over one table."""

    code: str
    equations: int
    holding: int
    failing: int
    #: Undecided: they involve cells that are blank or unreadable.
    open: int
    #: Of the undecided, those that hold were every blank 0.
    open_if_zero: int

    @property
    def axis(self) -> Axis:
        return IDENTITIES_BY_CODE[self.code].axis


@attrs.frozen
class TableVerdict:
    """One statutory table at a glance."""

    key: TableKey
    tallies: tuple[Tally, ...] = ()
    summary: Mapping[str, int] = attrs.field(factory=dict)
    unavailable: TableUnavailable | None = None

    @property
    def failing(self) -> int:
        return sum(t.failing for t in self.tallies)

    @property
    def undecided(self) -> int:
        """Equations that cannot be decided even with every blank taken as 0."""
        return sum(t.open - t.open_if_zero for t in self.tallies)

    @property
    def blank_balances(self) -> bool:
        """Every undecided equation holds were every blank 0 (and there is one)."""
        return any(t.open for t in self.tallies) and self.undecided == 0

    def line(self, lang: str = "zh") -> str:
        name = f"表{_NUMERALS[self.key]}" if lang == "zh" else f"Table {_ROMAN[self.key]}"
        if self.unavailable is not None:
            return f"{name} {_unavailable(self.unavailable, lang)}"
        parts = [_tally(t, lang) for t in self.tallies]
        if not self.tallies:
            state = "无算术关系" if lang == "zh" else "has no arithmetic"
        elif self.failing:
            state = "不平衡" if lang == "zh" else "does not balance"
        elif self.undecided:
            state = "能否平衡待定" if lang == "zh" else "cannot be decided"
        elif self.blank_balances:
            state = "空白格按 0 计即平衡" if lang == "zh" else "balances if its blanks are 0"
        else:
            state = "平衡" if lang == "zh" else "balances"
        head = f"{name} {state}"
        body = " · ".join(parts)
        tail = _cells(self.summary, lang)
        sep = "：" if lang == "zh" else ": "
        semi = "；" if lang == "zh" else "; "
        return head + (sep + body if body else "") + (semi + tail if tail else "")


def _tally(tally: Tally, lang: str) -> str:
    held = tally.holding + (tally.open_if_zero if tally.open == tally.open_if_zero else 0)
    unit = (
        ("列" if tally.axis is Axis.COLUMN else "行")
        if lang == "zh"
        else ("columns" if tally.axis is Axis.COLUMN else "rows")
    )
    text = f"{tally.code} {held}/{tally.equations} {unit}"
    if tally.failing:
        text += f"（{tally.failing} 处不符）" if lang == "zh" else f" ({tally.failing} failing)"
    return text


def _cells(summary: Mapping[str, int], lang: str) -> str:
    parts = []
    blank = summary.get("not_reported", 0)
    if blank:
        parts.append(f"{blank} 格空白" if lang == "zh" else f"{blank} cells blank")
    for how, zh, en in (
        ("arithmetic", "按算术关系识读", "read by the arithmetic"),
        ("narrative", "按正文识读", "read by the narrative"),
        ("previous_year", "按上年报告识读", "read by last year's report"),
    ):
        count = summary.get(f"decided_by_{how}", 0)
        if count:
            parts.append(f"{count} 格{zh}" if lang == "zh" else f"{count} cells {en}")
    unreadable = summary.get("unreadable", 0)
    if unreadable:
        parts.append(
            f"{unreadable} 格无法识读" if lang == "zh" else f"{unreadable} cells unreadable"
        )
    return (" · " if lang != "zh" else "，").join(parts)


def _unavailable(table: TableUnavailable, lang: str) -> str:
    images = "、".join(table.images) if lang == "zh" else ", ".join(table.images)
    if table.reason == "image":
        # Why the picture was not read, as the host says it (in English: the JSON has it).
        why = f" ({table.detail})" if table.detail else ""
        return (
            f"以图片发布（{images}），无法检查"
            if lang == "zh"
            else (f"is published as an image ({images}): not checked{why}")
        )
    if table.reason == "absent":
        return "文中无此表" if lang == "zh" else "is not in the document"
    return "在文中但无法识读" if lang == "zh" else "is in the text but unreadable"


def _with_blanks_as_zero(table: Table) -> arithmetic.Values:
    values, _ = arithmetic.derived_totals(table)
    out: dict[str, list[arithmetic.Number | None]] = {}
    for row in table.rows:
        found = list(values[row.key])
        for i, cell in enumerate(row.cells):
            if found[i] is None and isinstance(cell, NotReported):
                found[i] = 0
        out[row.key] = found
    return out


def table_verdict(table: Table) -> TableVerdict:
    """The verdict of one available table."""
    zeros = _with_blanks_as_zero(table)
    tallies = []
    for identity in identities_of(table.key):
        equations = arithmetic.equations(table.definition, (identity.code,))
        open_ones = {id(b.equation): b for b in arithmetic.unbalanced(table, (identity.code,))}
        failing = sum(1 for b in open_ones.values() if not b.missing or b.impossible)
        undecided = [b for b in open_ones.values() if b.missing and not b.impossible]
        if_zero = sum(1 for b in undecided if arithmetic.evaluate(b.equation, zeros) is None)
        tallies.append(
            Tally(
                identity.code,
                len(equations),
                len(equations) - len(open_ones),
                failing,
                len(undecided),
                if_zero,
            )
        )
    return TableVerdict(table.key, tuple(tallies), table.summary())


def table_verdicts(document: Document) -> tuple[TableVerdict, ...]:
    """A verdict for each statutory table of an annual report, in statutory order."""
    if not isinstance(document, AnnualReport):
        return ()
    out = []
    for key in TABLE_KEYS:
        table = document.table(key)
        if isinstance(table, Table):
            out.append(table_verdict(table))
        else:
            out.append(TableVerdict(key, unavailable=table))
    return tuple(out)


def collapsed(finding: Finding, document: Document) -> bool:
    """Whether a finding is one its table's verdict line stands for: a statutory identity
    not assessable because the table is unavailable, or undecided only by blank cells that
    would make it hold were they 0."""
    if finding.rule not in IDENTITIES_BY_CODE or not isinstance(document, AnnualReport):
        return False
    table = document.table(IDENTITIES_BY_CODE[finding.rule].table)
    if finding.status is Status.NOT_ASSESSABLE:
        return isinstance(table, TableUnavailable)
    if finding.status is not Status.UNCERTAIN or finding.required != 0:
        return False
    if not isinstance(table, Table):
        return False
    return all(isinstance(table[key], NotReported) for key in finding.missing)


def shown(findings: Iterable[Finding], document: Document) -> list[Finding]:
    """The findings a person is shown by default: fails first, then uncertain, not
    assessable and notes, those a verdict line stands for left out."""
    order = {Status.FAIL: 0, Status.UNCERTAIN: 1, Status.NOT_ASSESSABLE: 2, Status.NOTE: 3}
    kept = [f for f in findings if not collapsed(f, document)]
    return sorted(kept, key=lambda f: order[f.status])


def document_line(document: Document, findings: Sequence[Finding], lang: str = "zh") -> str:
    """What the checks found, counted (never that the report passed): a verdict line that
    stands for collapsed findings counts once (a note for blanks that balance as 0, not
    assessable for a table that is unavailable)."""
    counts = dict.fromkeys(Status, 0)
    for finding in shown(findings, document):
        counts[finding.status] += 1
    for verdict in table_verdicts(document):
        counts[Status.NOTE] += verdict.blank_balances
        counts[Status.NOT_ASSESSABLE] += verdict.unavailable is not None and any(
            f.status is Status.NOT_ASSESSABLE
            and collapsed(f, document)
            and IDENTITIES_BY_CODE[f.rule].table == verdict.key
            for f in findings
        )
    words = {
        Status.FAIL: ("处不符", "fail", "fails"),
        Status.UNCERTAIN: ("处存疑", "uncertain", "uncertain"),
        Status.NOT_ASSESSABLE: ("处无法检查", "not assessable", "not assessable"),
        Status.NOTE: ("条说明", "note", "notes"),
    }
    parts = []
    for status, (zh, one, many) in words.items():
        n = counts[status]
        if n:
            parts.append(f"{n} {zh}" if lang == "zh" else f"{n} {one if n == 1 else many}")
    if not parts:
        return "无发现" if lang == "zh" else "no findings"
    return (" · ").join(parts)
