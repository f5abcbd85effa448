"""Values: a cell's text as a number, a blank mark or text, and runs of digits.

Only ASCII and full-width digits are digits here (²,  ⑤, Arabic-Indic or Devanagari digits
are text: a report prints its counts in one of the two).  A run of digits with nothing
between them (``8855698``) may hold several cells; :mod:`.resolve` decides how it splits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from govinfo.model.cells import Amount, Cell, Change, Count, NotReported, SourceRef, Unreadable
from govinfo.statute import CellKind, ColumnDef, Label

BLANK_MARKS = frozenset(
    {"", "/", "-", "—", "－", "——", "--", "&nbsp;", "无", "／", "—-", "–", "一一", "---", "\\"}
)

#: Full-width digits, signs and marks as their ASCII forms (the only forms of digits read).
_WIDE = str.maketrans("０１２３４５６７８９＋－．，", "0123456789+-.,")

#: Units a count may carry (采购项目数量 ``2笔``) and units of money.
COUNT_UNITS = ("笔", "件", "个", "项", "条", "次")
MONEY_UNITS = ("万元", "元")

#: A number as printed in a cell: sign, digits (thousands separated by commas, or not), a
#: fraction, a unit.
NUMBER = re.compile(
    r"^(?P<sign>[+-]?)(?P<digits>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?P<fraction>\.[0-9]+)?"
    rf"(?P<unit>{'|'.join(MONEY_UNITS + COUNT_UNITS)})?$"
)
#: Where a word of text breaks into pieces: numbers (with their sign, fraction and unit), and
#: what stands between them (glued label debris: ``0000000三``).
_PIECE = re.compile(
    rf"[+-]?[0-9][0-9,]*(?:\.[0-9]+)?(?:{'|'.join(MONEY_UNITS + COUNT_UNITS)})?|[^0-9+-]+|[+-]"
)
#: A label's own number (``1.属于国家秘密``, ``2、重复申请``): not a value.
_NUMBERED = re.compile(r"^[0-9]{1,2}[.、．][^0-9]")
#: A count with more digits than this is not a count (no report counts that many).
MAX_DIGITS = 15
#: What separates cells in text and is no value: table rules a converter left behind.
_SEPARATORS = str.maketrans("", "", "|｜\u3000\"'“”‘’「」『』")


#: A recognised value (OCR) is taken as read only when the reader is at least this sure of
#: each of its characters; one read with less is an unknown the arithmetic may decide.
SURE = 0.9


class Token(NamedTuple):
    text: str
    source: SourceRef | None
    kind: str  # number, blank, text
    #: A whole cell of a grid: never split further (glued digits are running text).
    cell: bool = False
    #: How sure the reader that recognised it is (None: text as printed).
    confidence: float | None = None

    @property
    def recognised(self) -> bool:
        return self.confidence is not None

    @property
    def doubtful(self) -> bool:
        """Recognised with less than :data:`SURE` confidence, or as a number no one writes
        (``00``, ``01``: two cells' digits run into one box): it says what the picture may
        hold, not what it holds."""
        if self.confidence is None:
            return False
        if self.confidence < SURE:
            return True
        run = run_of(self.text) if self.kind == "number" else None
        return run is not None and len(run.digits) > 1 and run.digits[0] == "0"


class Run(NamedTuple):
    """A number as printed, in its parts: ``+11`` is sign ``+`` and digits ``11``."""

    sign: str
    digits: str
    fraction: str
    unit: str


def ascii_digits(text: str) -> str:
    return text.translate(_WIDE)


def run_of(text: str) -> Run | None:
    """The parts of a number as printed; None when the text is not one."""
    match = NUMBER.match(ascii_digits(text.strip().replace("\xa0", "")))
    if match is None:
        return None
    digits = match["digits"].replace(",", "")
    return Run(match["sign"], digits, match["fraction"] or "", match["unit"] or "")


def token(
    text: str, source: SourceRef | None, *, cell: bool = False, confidence: float | None = None
) -> Token:
    if text.isascii() and text.isdigit():
        return Token(text, source, "number", cell, confidence)
    stripped = text.strip().replace("\xa0", "")
    if stripped in BLANK_MARKS:
        return Token(text, source, "blank", cell, confidence)
    if run_of(stripped) is not None:
        return Token(text, source, "number", cell, confidence)
    return Token(text, source, "text", cell, confidence)


def tokens_of(
    cell_text: str,
    source: SourceRef | None,
    *,
    grid: bool,
    confidence: float | None = None,
) -> list[Token]:
    """The tokens of a cell's text (a grid cell) or of a word of running text.

    Separators a converter left (``|``) and marks matching ignores (a label's closing quote)
    are no values; a word is broken where digits meet other text (``0000000三``), so that
    label debris glued to the values does not hide them.
    """
    if not cell_text.strip():
        return [Token(cell_text, source, "blank", True, confidence)] if grid else []
    parts = cell_text.translate(_SEPARATORS).split()  # (no empty parts)
    if grid and len(parts) == 1:
        return [token(parts[0], source, cell=True, confidence=confidence)]
    out = []
    for part in parts:
        if part in BLANK_MARKS or (part.isascii() and part.isdigit()) or _NUMBERED.match(part):
            out.append(token(part, source, confidence=confidence))
            continue
        pieces = _PIECE.findall(ascii_digits(part))
        if len(pieces) == 1 or not any(p[-1:].isdigit() or p.endswith(MONEY_UNITS) for p in pieces):
            out.append(token(part, source, confidence=confidence))
        else:
            out.extend(token(piece, source, confidence=confidence) for piece in pieces)
    return out


def value_cell(column: ColumnDef, token: Token) -> Cell:
    """The cell one token gives a column: its value with certainty, or why not."""
    raw = token.text.strip()
    if token.kind == "blank":
        return NotReported(token.text, source=token.source)
    if column.kind is CellKind.COUNT and raw.isascii() and raw.isdigit():
        # Most cells: a count in plain digits (what run_of and cell_of would make of it).
        if len(raw) > MAX_DIGITS:
            return _too_long(raw, token.source)
        return Count(int(raw), raw=raw, source=token.source)
    run = run_of(raw)
    if run is None:
        return Unreadable(raw, "not a number", source=token.source, reason_zh="不是数字")
    return cell_of(column, run, raw, token.source)


def cell_of(
    column: ColumnDef,
    run: Run,
    raw: str,
    source: SourceRef | None,
    *,
    decided_by: str | None = None,
) -> Cell:
    """The cell a number gives a column, or Unreadable when the column cannot hold it."""
    if len(run.digits) > MAX_DIGITS:
        return _too_long(raw, source)
    problem = misfit(column, run)
    if problem is not None:
        return Unreadable(raw, problem.en, source=source, reason_zh=problem.zh)
    extra = {"decided_by": decided_by} if decided_by is not None else {}
    if column.kind is CellKind.AMOUNT:
        unit = column.unit or (run.unit or None)
        return Amount(Decimal(run.digits + run.fraction), unit, raw=raw, source=source, **extra)  # type: ignore[arg-type]
    value = int(run.digits)
    if column.kind is CellKind.CHANGE:
        return Change(-value if run.sign == "-" else value, raw=raw, source=source, **extra)  # type: ignore[arg-type]
    return Count(value, raw=raw, source=source, **extra)  # type: ignore[arg-type]


def _too_long(raw: str, source: SourceRef | None) -> Unreadable:
    return Unreadable(
        raw,
        f"more than {MAX_DIGITS} digits: not a count",
        source=source,
        reason_zh=f"超过 {MAX_DIGITS} 位数字，不是件数",
    )


def misfit(column: ColumnDef, run: Run) -> Label | None:
    """Why the column cannot hold the number (in English and Chinese), or None when it can."""
    if column.kind is CellKind.AMOUNT:
        if run.sign == "-":
            return Label("金额不能为负", "a negative amount")
        if run.unit in COUNT_UNITS:
            return Label(f"金额不能以“{run.unit}”计", f"an amount cannot be counted in {run.unit}")
        if run.unit and column.unit and run.unit != column.unit:
            return Label(
                f"表格规定以{column.unit}计，此格写作{run.unit}",
                f"the form fixes {column.unit}, the cell says {run.unit}",
            )
        return None
    if run.fraction:
        return Label("不是整数", "not a whole number")
    if run.unit in MONEY_UNITS:
        return Label(f"件数不能以“{run.unit}”计", f"a count cannot be in {run.unit}")
    if column.kind is CellKind.COUNT and run.sign:
        if run.sign == "-":
            return Label("件数不能为负", "a negative count")
        return Label("件数不应带正负号", "a count has no sign")
    return None


def text_of(tokens: Sequence[Token]) -> str:
    """The tokens as one text, a blank shown as ∅."""
    return " ".join(t.text.strip() or "∅" for t in tokens)
