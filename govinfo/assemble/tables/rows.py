"""Rows: a row's values are the cells between its label and the next label.

A row whose values stand one to a cell is read as printed.  A row whose values run together
(or leave cells out) becomes a span for the solver (:mod:`.resolve`); whatever is left open
there is unreadable, with the values each cell could hold.  Table 四's values stand in one
data row under its column groups: its fifteen cells are read the same way, as one stretch.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import NamedTuple

import attrs

from govinfo import arithmetic
from govinfo.arithmetic import Number
from govinfo.assemble.tables.labels import (
    Match,
    covered,
    is_debris,
    label_vocabulary,
    misprinted_rows,
    uncovered,
)
from govinfo.assemble.tables.resolve import (
    Budget,
    Decision,
    Exhausted,
    Figures,
    Slot,
    Span,
    candidate_values,
    decide,
    iter_readings,
    readings,
    show,
)
from govinfo.assemble.tables.stream import Stream, pieces, span_of
from govinfo.assemble.tables.values import (
    Run,
    Token,
    cell_of,
    run_of,
    text_of,
    tokens_of,
    value_cell,
)
from govinfo.model.cells import Cell, NotReported, SourceRef, Unreadable, number
from govinfo.model.documents import ReadingNote
from govinfo.model.tables import Row, Table
from govinfo.statute import RowDef, TableDef
from govinfo.text import fold

Bounds = tuple[tuple[int, int], tuple[int, int]]

#: A number glued to the word it counts or dates, as prose writes them.
_STATED_NUMBER = re.compile(r"[0-9０-９]+(?=\s*[年月日件条个项次份人])")


class Values(NamedTuple):
    """What the text gives for some cells: each cell read (``cells``), or a ``span`` for the
    solver, and the text after the values that is not theirs (``rest``)."""

    text: str
    cells: tuple[Cell, ...] | None = None
    span: Span | None = None
    rest: str = ""
    #: No values stand after the label: they may have been displaced (see orphans).
    empty: bool = False
    #: Cells recognised with doubt (OCR), each a span of its own for the arithmetic to
    #: decide; ``cells`` holds a placeholder in their places.
    doubts: tuple[Span, ...] = ()
    #: The places of ``cells`` read off a picture (OCR) rather than printed text.
    recognised: frozenset[int] = frozenset()


def read_values(slots: Sequence[Slot], tokens: Sequence[Token]) -> Values:
    """The cells of ``slots`` from their value tokens, or the span the solver must decide."""
    width = len(slots)
    tokens = list(tokens)
    while len(tokens) > width and tokens and tokens[-1].kind == "blank":
        tokens.pop()
    while len(tokens) > width and tokens and tokens[0].kind == "blank":
        tokens.pop(0)
    text = text_of(tokens)
    source = next((t.source for t in tokens if t.source is not None), None)

    def unreadable(reason: str, reason_zh: str) -> Values:
        cell = Unreadable(text, reason, source=source, reason_zh=reason_zh)
        return Values(text, tuple(cell for _ in slots))

    if not tokens:
        return unreadable("no values follow the row's label", "行标签后没有数值")._replace(
            empty=True
        )
    # Text recognised with doubt (``O`` for ``0``, ink read as nothing) is a value unknown.
    first_text = next(
        (i for i, t in enumerate(tokens) if t.kind == "text" and not t.doubtful), None
    )
    rest = ""
    if first_text is not None:
        after = tokens[first_text:]
        digits = sum(len(r.digits) for t in tokens[:first_text] if (r := run_of(t.text)))
        # Values, then text: the text is not the row's (a table's last row runs into the
        # narrative after it) when the values before it can fill the row.
        if first_text == 0 or (first_text < width and digits < width):
            among = after[0].text.strip()
            return unreadable(f"text among the values ({among!r})", f"数值中夹有文字（“{among}”）")
        rest = text_of(after)
        tokens = tokens[:first_text]
        text = text_of(tokens)
    recognised = frozenset(p for p, t in enumerate(tokens) if t.recognised)
    if len(tokens) == width:
        if any(t.doubtful for t in tokens):
            return _with_doubts(slots, tokens, text, rest)
        cells = tuple(map(value_cell, [s.column for s in slots], tokens))
        return Values(text, cells, rest=rest, recognised=recognised)
    if any(t.doubtful for t in tokens):
        # Recognised values that do not fill the row one to a cell, some with doubt: what
        # the picture holds is not known cell by cell, only the identities may decide it.
        unknown = [Token("", t.source, "text", True, 0.0) for t in tokens[:1]] * width
        return _with_doubts(slots, unknown, text, rest, shown=text)
    runs = [run_of(t.text) for t in tokens]
    if len(tokens) > width or any(t.cell or t.kind != "number" for t in tokens) or None in runs:
        return unreadable(
            f"{len(tokens)} values where the row has {width} columns",
            f"有 {len(tokens)} 个数值，而本行有 {width} 列",
        )
    span = Span(tuple(slots), tuple(r for r in runs if r is not None), text, source)
    return Values(text, span=span, rest=rest)


def _with_doubts(
    slots: Sequence[Slot], tokens: Sequence[Token], text: str, rest: str, shown: str | None = None
) -> Values:
    """A row whose recognised values are read where sure and left to the identities where
    recognised with doubt (each such cell a span of its own, decided in :func:`settle`)."""
    cells: list[Cell] = []
    doubts: list[Span] = []
    for slot, t in zip(slots, tokens, strict=True):
        if not t.doubtful:
            cells.append(value_cell(slot.column, t))
            continue
        printed = t.text.strip() if shown is None else shown
        cells.append(
            Unreadable(printed, "recognised with doubt", source=t.source, reason_zh="识别存疑")
        )
        doubts.append(Span((slot,), (), printed, t.source, doubt=True, confidence=t.confidence))
    recognised = frozenset(p for p, t in enumerate(tokens) if t.recognised)
    return Values(text, tuple(cells), rest=rest, doubts=tuple(doubts), recognised=recognised)


def slots_of(rows: Iterable[RowDef]) -> tuple[Slot, ...]:
    return tuple(Slot(row, i) for row in rows for i in range(len(row.columns)))


@functools.lru_cache(maxsize=16)
def row_slots(definition: TableDef) -> Mapping[str, tuple[Slot, ...]]:
    """Each row's slots, by row key (made once for a table's definition)."""
    return {row.key: slots_of((row,)) for row in definition.rows}


# --------------------------------------------------------------------------- the stream


def _value_tokens(stream: Stream, start: int, end: int) -> tuple[list[Token], list[int], int]:
    """Value tokens between a label's end and the next label, the stream row of each, and
    the last cell used.

    Cells standing in the next label's row, before it, are that row's headers (merged
    group labels, their blank placeholders) and are left out.
    """
    label_cell = stream.at(start - 1)[0]
    label_row = stream.rows[label_cell]
    end_cell = stream.position(end)[0]
    next_row = stream.rows[end_cell] if end_cell < len(stream.texts) else None
    tokens: list[Token] = []
    rows: list[int] = []
    used = label_cell
    for index, piece, whole in pieces(stream, start, end):
        row = stream.rows[index]
        if next_row is not None and row == next_row and row != label_row:
            continue
        found = tokens_of(
            piece,
            stream.sources[index],
            grid=stream.grids[index] and whole,
            confidence=stream.confidences[index],
        )
        tokens.extend(found)
        rows.extend([row] * len(found))
        used = index
    return tokens, rows, used


def _row_tokens(
    stream: Stream, match: Match, end: int, vocabulary: frozenset[str]
) -> tuple[list[Token], set[int], int]:
    """A row's value tokens, the stream rows they came from and the last cell used.

    The values in the label's own row come first; only a label standing alone on its row
    takes the values of the rows after it, up to the next label.
    """
    tokens, rows, used = _value_tokens(stream, match.end, end)
    label_row = stream.rows[stream.at(match.end - 1)[0]]
    own = [t for t, row in zip(tokens, rows, strict=True) if row == label_row]
    if any(t.kind == "number" for t in own):
        return (
            [t for t in own if t.kind != "text" or not is_debris(t, vocabulary)],
            {label_row},
            used,
        )
    return [t for t in tokens if t.kind != "text" or not is_debris(t, vocabulary)], set(rows), used


@attrs.frozen
class Orphan:
    """A row of values no label claims (displaced by a converter), and any label debris in it."""

    row: int
    tokens: tuple[Token, ...]
    fragment: str


def orphans(
    stream: Stream, used_rows: set[int], label_rows: set[int], width: int, lo: int, hi: int
) -> list[Orphan]:
    found = []
    for row, cells in stream.rows_between(lo, hi):
        if row in used_rows or row in label_rows:
            continue
        tokens: list[Token] = []
        fragment = ""
        for index in cells:
            for token in tokens_of(
                stream.texts[index],
                stream.sources[index],
                grid=stream.grids[index],
                confidence=stream.confidences[index],
            ):
                if token.kind == "text":
                    fragment += fold(token.text)
                else:
                    tokens.append(token)
        while len(tokens) > width and tokens[-1].kind == "blank":
            tokens.pop()
        if len(tokens) == width and any(t.kind == "number" for t in tokens):
            found.append(Orphan(row, tuple(tokens), fragment))
    return found


def unknown_rows(
    stream: Stream,
    claimed: set[int],
    lo: int,
    hi: int,
    vocabulary: frozenset[str],
) -> list[tuple[str, SourceRef | None]]:
    """Rows of the material no label claims that have a label of their own the format does
    not know (其他主动公开文件) and values: a local addition, kept as a note."""
    found = []
    for row, indices in stream.rows_between(lo, hi):
        # (A row without a digit has no values: most unclaimed rows are headers.)
        if row in claimed or not any(
            map(_HAS_DIGIT.search, stream.texts[indices.start : indices.stop])
        ):
            continue
        tokens = [
            t
            for i in indices
            for t in tokens_of(stream.texts[i], stream.sources[i], grid=stream.grids[i])
        ]
        label = [t for t in tokens if t.kind == "text" and not is_debris(t, vocabulary)]
        if label and any(t.kind == "number" for t in tokens):
            found.append((text_of(tokens), stream.sources[indices[0]]))
    return found


def _is_material(stream: Stream, index: int, vocabulary: frozenset[str]) -> bool:
    """A short cell of label debris, numbers or blanks: table, not narrative."""
    text = stream.texts[index]
    if len(text) > 40 or "。" in text:
        return False
    tokens = tokens_of(text, stream.sources[index], grid=stream.grids[index])
    return all(t.kind != "text" or is_debris(t, vocabulary) for t in tokens)


#: A digit a value may be printed with (the only digits read: :mod:`.values`).
_HAS_DIGIT = re.compile("[0-9０-９]")
_SENTENCE_END = re.compile(r"[。；;]")
_DIGIT = re.compile(r"\d")
#: A count or a percentage the narrative states (12件, 33.9%): no value of a table.
_STATED_FIGURE = re.compile(
    r"[0-9０-９]+(?:\.[0-9]+)?(?=\s*(?:[年月日件条个项次份人起宗元%％]|万元))"
)


def in_a_sentence(stream: Stream, position: int) -> bool:
    """Whether a label found at a folded position stands in a sentence of the narrative
    (其中，不予公开3件，无法提供4件。): in a word of text, a sentence end follows it before any
    number that is not a count the narrative states."""
    cell, char = stream.at(position)
    if stream.grids[cell]:
        return False
    text = stream.texts[cell]
    stop = _SENTENCE_END.search(text, char)
    if stop is None:
        return False
    return _DIGIT.search(_STATED_FIGURE.sub("", text[char : stop.start()])) is None


def narrative_before(stream: Stream, matches: Sequence[Match], first: int) -> int:
    """Where the table begins in its first cell: in a word of text that runs from the
    narrative into the table (…共收到政府信息公开申请0条。（本列数据的勾稽关系…, a crawl that
    lost every space), after the last sentence before its first label that stands in no
    sentence; else 0."""
    if first >= len(stream.texts) or stream.grids[first]:
        return 0
    text = stream.texts[first]
    lo = stream.starts[first]
    hi = stream.starts[first + 1] if first + 1 < len(stream.starts) else len(stream.folded)
    for position in sorted({m.start for m in matches if lo <= m.start < hi}):
        if not in_a_sentence(stream, position):
            at = stream.at(position)[1]
            end = max(text.rfind(mark, 0, at) for mark in "。；;")
            return end + 1 if end >= 0 else 0
    return 0


def table_bounds(
    stream: Stream, matches: Sequence[Match], first: int, last: int, vocabulary: frozenset[str]
) -> tuple[int, int]:
    """The first and last cells of the table: from its header labels (those long enough not
    to be words of the narrative) and the debris around them, to the debris after its end."""
    # (A match's cell is before ``first`` exactly when the match starts before that cell
    # does, and not more than 60 cells before when it starts at or after that one's start.)
    lo = stream.starts[first - 60] if first >= 60 else -1
    hi = stream.starts[first] if first < len(stream.starts) else len(stream.folded) + 1
    headers = [
        stream.at(m.start)[0]
        for m in matches
        if lo <= m.start < hi
        and m.kind != "row"
        and m.end - m.start >= 4
        and not in_a_sentence(stream, m.start)
    ]
    first = min([first, *headers])
    while first > 0 and _is_material(stream, first - 1, vocabulary):
        first -= 1
    while last + 1 < len(stream.texts) and _is_material(stream, last + 1, vocabulary):
        last += 1
    return first, last


# --------------------------------------------------------------------------- tables


@attrs.frozen
class RowsRead:
    """A table read from its rows, the notes on how, and the material it used."""

    table: Table
    notes: tuple[ReadingNote, ...]
    bounds: Bounds | None
    #: Where the text stops before the table does, the last row it holds.
    cut_after: str | None = None


def _keys(definition: TableDef, slots: Iterable[Slot]) -> tuple[str, ...]:
    return tuple(f"{definition.key}.{s.row.key}.{s.column.key}" for s in slots)


def _label(slots: Sequence[Slot]) -> str:
    rows = list(dict.fromkeys(s.row for s in slots))
    return rows[0].label.zh if len(rows) == 1 else "、".join(r.label.zh for r in rows)


def _decided_cells(span: Span, decision: Decision) -> tuple[Cell, ...]:
    if decision.reading is None:
        readings = decision.candidates
        listed = "; ".join(iter_readings(readings)) + (" …" if len(readings) > 4 else "")
        more, more_zh = (f" ({listed})", f"（{listed}）") if readings else ("", "")
        why_zh = f"{decision.why_zh}{more_zh}" if decision.why_zh is not None else None
        return tuple(
            Unreadable(
                span.text,
                f"{decision.why}{more}",
                source=span.source,
                candidates=candidate_values(readings, place) if len(readings) <= 16 else (),
                reason_zh=why_zh,
            )
            for place in range(len(span.slots))
        )
    out: list[Cell] = []
    for slot, value in zip(span.slots, decision.reading, strict=True):
        run = run_of(str(value)) if value is not None else None
        assert run is not None  # a decided reading has every value
        sign = "-" if isinstance(value, int) and value < 0 else ""
        out.append(
            cell_of(
                slot.column,
                Run(sign, run.digits, run.fraction, ""),
                span.text,
                span.source,
                decided_by=decision.how,
            )
        )
    return tuple(out)


def _known(
    definition: TableDef, cells: Mapping[str, tuple[Cell, ...]]
) -> dict[tuple[str, int], Number]:
    """The numbers read with certainty, by (row, column), an unprinted optional row as 0s."""
    known: dict[tuple[str, int], Number] = {}
    for row in definition.rows:
        found = cells.get(row.key)
        if found is None:
            if row.optional:
                known.update(((row.key, i), 0) for i in range(len(row.columns)))
            continue
        for i, cell in enumerate(found):
            value = number(cell)
            if value is not None:
                known[(row.key, i)] = value
    return known


def settle(
    definition: TableDef,
    values: Mapping[str, Values],
    figures: Figures,
) -> tuple[dict[str, tuple[Cell, ...]], list[ReadingNote]]:
    """The cells of every row, the spans decided by the solver, and the notes on how.

    ``values`` are keyed by row key (a span may cover several rows: it is given under the key
    of its first row, and the others are left out).

    Values recognised off a picture are certified first: one that an identity contradicts
    (the identity fails with every cell of it read) is not kept (see :func:`certify`).  Then
    the spans (digits run together, cells recognised with doubt) are decided.
    """
    cells: dict[str, tuple[Cell, ...]] = {}
    spans: list[Span] = []
    recognised: set[tuple[str, int]] = set()
    for key, found in values.items():
        if found.cells is not None:
            cells[key] = found.cells
            recognised.update((key, place) for place in found.recognised)
        elif found.span is not None:
            spans.append(found.span)
        spans.extend(found.doubts)
    notes = certify(definition, cells, recognised)
    if not spans:
        return cells, notes
    decisions = decide(definition, _known(definition, cells), spans, figures)
    for span, decision in zip(spans, decisions, strict=True):
        if span.doubt:
            (slot,) = span.slots
            cell, note = _doubt_cell(definition, span, decision)
            row_cells = list(cells[slot.row.key])
            row_cells[slot.place] = cell
            cells[slot.row.key] = tuple(row_cells)
            if note is not None:
                notes.append(note)
            continue
        read = _decided_cells(span, decision)
        for row, group in itertools.groupby(zip(span.slots, read, strict=True), lambda p: p[0].row):
            cells[row.key] = tuple(c for _, c in group)
        if decision.reading is not None and decision.how is not None:
            shown = show(decision.reading)
            notes.append(
                ReadingNote(
                    f"{_label(span.slots)}: {span.text!r} read as {shown}, {decision.why}",
                    keys=_keys(definition, span.slots),
                    source=span.source,
                    message_zh=f"{_label(span.slots)}：“{span.text}”读作 {shown}，{decision.why_zh}"
                    if decision.why_zh
                    else None,
                )
            )
    return cells, notes


def _cell_name(slot: Slot, lang: str = "en") -> str:
    row, column = slot.row.label.zh, slot.column.label.zh
    return f"{row}・{column}" if lang == "zh" else f"{row} / {column}"


def _doubt_cell(
    definition: TableDef, span: Span, decision: Decision
) -> tuple[Cell, ReadingNote | None]:
    """The cell recognised with doubt: the value the identities admit, where they admit
    exactly one and the recognised text does not say another number; else unreadable."""
    (slot,) = span.slots
    printed = span.text
    sure = f"{span.confidence:.2f}" if span.confidence is not None else "?"
    seen = f"recognised as {printed!r}" if printed else "recognised as nothing"
    seen_zh = f"识别为“{printed}”" if printed else "未能识别"
    value = decision.reading[0] if decision.reading is not None else None
    if value is None:
        why = decision.why
        return (
            Unreadable(
                printed,
                f"{seen} with doubt (confidence {sure}), and the identities do not decide it "
                f"({why})",
                source=span.source,
                reason_zh=f"{seen_zh}，把握不足（置信度 {sure}），表内等式也无法确定"
                f"（{decision.why_zh or why}）",
            ),
            None,
        )
    guess = run_of(printed)
    guessed = None if guess is None else Decimal(guess.digits + guess.fraction)
    if guessed is not None and guessed != value:
        return (
            Unreadable(
                printed,
                f"{seen} with doubt (confidence {sure}); the identities admit only {value}: "
                f"the picture may hold {printed} (the report's own error) or {value} (a misread)",
                source=span.source,
                reason_zh=f"{seen_zh}，把握不足（置信度 {sure}）；表内等式只容许 {value}：图中"
                f"可能是 {printed}（报告本身有误），也可能是 {value}（识别有误）",
                candidates=(value, int(guessed))
                if isinstance(value, int) and guessed == int(guessed)
                else (),
            ),
            None,
        )
    run = run_of(str(value))
    assert run is not None
    sign = "-" if isinstance(value, int) and value < 0 else ""
    cell = cell_of(
        slot.column,
        Run(sign, run.digits, run.fraction, ""),
        printed,
        span.source,
        decided_by="arithmetic",
    )
    note = ReadingNote(
        f"{_cell_name(slot)}: {seen} with doubt (confidence {sure}); read as {value}, the only "
        "value the identities admit",
        keys=_keys(definition, span.slots),
        source=span.source,
        message_zh=f"{_cell_name(slot, 'zh')}：{seen_zh}，把握不足（置信度 {sure}）；"
        f"读作 {value}，为勾稽关系唯一允许的值",
    )
    return cell, note


def certify(
    definition: TableDef,
    cells: dict[str, tuple[Cell, ...]],
    recognised: set[tuple[str, int]],
) -> list[ReadingNote]:
    """Take out the recognised values an identity contradicts, and say so.

    An equation of the table's identities whose every cell is read, some of them recognised
    off a picture, and which does not hold: either the report's numbers do not add up or a
    number was misread, and nothing tells which.  Its recognised cells are left unreadable
    (with the text recognised), and a note (rule O1) says that the recognised reading does
    not balance.  Printed cells are kept: the checks report the report's own errors.
    """
    if not recognised:
        return []
    known = _known(definition, cells)
    failing: list[tuple[arithmetic.Equation, Number, Number]] = []
    for equation in arithmetic.equations(definition):
        terms = [(t.row.key, t.index) for t in equation.terms]
        if not any(t in recognised for t in terms):
            continue
        sides = []
        for side in (equation.left, equation.right):
            keys = [(t.row.key, t.index) for t in side]
            sides.append(
                (sum(known[k] for k in keys if k in known), any(k not in known for k in keys))
            )
        (left, left_open), (right, right_open) = sides
        # It fails when every cell is read and the sides differ, and when the cells not read
        # stand on one side only and would have to come to less than nothing.
        if left_open and right_open:
            continue
        if (not left_open and not right_open and left != right) or (
            (left_open and right < left) or (right_open and left < right)
        ):
            failing.append((equation, left, right))
    notes = []
    for equation, left, right in failing:
        where = equation.column if equation.column is not None else equation.row
        assert where is not None
        statement = equation.identity.statement
        taken = [t for t in equation.terms if (t.row.key, t.index) in recognised]
        complete = all((t.row.key, t.index) in known for t in equation.terms)
        shown = f"{left} ≠ {right}" if complete else f"{left} and {right} with cells not read"
        shown_zh = f"{left} ≠ {right}" if complete else f"{left} 与 {right}，另有未识读的格"
        for term in taken:
            row = list(cells[term.row.key])
            cell = row[term.index]
            if isinstance(cell, Unreadable):
                continue
            printed = getattr(cell, "raw", None) or str(number(cell))
            row[term.index] = Unreadable(
                printed,
                f"recognised as {printed}, but the recognised values do not balance "
                f"({where.label.zh}: {statement.en}: {shown}): the report's own error "
                "or a misread",
                source=cell.source,
                reason_zh=f"识别为 {printed}，但识别所得的数值不平衡（{where.label.zh}："
                f"{statement.zh}：{shown_zh}）：可能是报告本身有误，也可能是识别有误",
            )
            cells[term.row.key] = tuple(row)
        notes.append(
            ReadingNote(
                f"the OCR reading does not balance: {where.label.zh}: {statement.en}: "
                f"{shown}. This may be the report's own error or a misread; the "
                f"recognised cells of it are left unreadable ({len(taken)})",
                keys=tuple(t.key for t in equation.terms),
                source=next((c.source for c in _cells_of(cells, taken) if c.source), None),
                message_zh=f"识别结果不平衡：{where.label.zh}：{statement.zh}：{shown_zh}。"
                f"可能是报告本身有误，也可能是识别有误；其中识别所得的 {len(taken)} 格不予采用",
                rule="O1",
            )
        )
    return notes


def _cells_of(
    cells: Mapping[str, tuple[Cell, ...]], terms: Sequence[arithmetic.Term]
) -> list[Cell]:
    return [cells[t.row.key][t.index] for t in terms if t.row.key in cells]


def read_rows(
    stream: Stream,
    definition: TableDef,
    matches: list[Match],
    figures: Figures,
    *,
    at_end: bool,
) -> RowsRead | None:
    """A table whose rows each carry their values (二, 三), from its labels in the stream."""
    row_matches: dict[str, Match] = {}
    by_row: dict[str, list[Match]] = {}
    for candidate in matches:
        if candidate.kind == "row":
            by_row.setdefault(candidate.key, []).append(candidate)
    position = 0
    for row in definition.rows:
        candidates = by_row.get(row.key, [])
        # A label in a sentence of the narrative (本年度制定规章2件。) is the row's only if the
        # table prints it nowhere else.
        outside = [m for m in candidates if not in_a_sentence(stream, m.start)]
        candidates = outside or candidates
        after = [m for m in candidates if m.start >= position]
        chosen = after[0] if after else (candidates[0] if candidates else None)
        if chosen is not None:
            row_matches[row.key] = chosen
            position = chosen.end
    if not row_matches:
        return None
    notes: list[ReadingNote] = []
    misprints = misprinted_rows(stream, definition, row_matches, matches)
    for misprint, printed in misprints:
        row = definition.row(misprint.key)
        row_matches[row.key] = misprint
        notes.append(
            ReadingNote(
                f"{row.label.zh}: its label is printed {printed!r}; it stands where the format "
                "puts this row, the only one missing between its neighbours",
                keys=_keys(definition, slots_of((row,))),
                source=stream.sources[stream.at(misprint.start)[0]],
                message_zh=f"{row.label.zh}：标签印作“{printed}”；位于法定格式此行的位置，"
                "是前后两行之间唯一缺少的一行",
            )
        )
    if misprints:
        inside = {m for m in matches for p, _ in misprints if p.start <= m.start and m.end <= p.end}
        matches = sorted([*(m for m in matches if m not in inside), *(m for m, _ in misprints)])
    vocabulary = label_vocabulary(definition)
    values: dict[str, Values] = {}
    used_rows: set[int] = set()
    label_rows: set[int] = set()
    first_cell = len(stream.texts)
    last_cell = 0
    boundaries = sorted({m.start for m in matches})
    last_row: RowDef | None = None
    for row in definition.rows:
        match = row_matches.get(row.key)
        if match is None:
            continue
        at = bisect.bisect_left(boundaries, match.end)
        end = boundaries[at] if at < len(boundaries) else len(stream.folded)
        tokens, rows, used = _row_tokens(stream, match, end, vocabulary)
        found = read_values(row_slots(definition)[row.key], tokens)
        values[row.key] = found
        label_cell = stream.at(match.start)[0]
        label_rows.add(stream.rows[label_cell])
        if not found.empty:
            used_rows |= rows
        first_cell = min(first_cell, label_cell)
        last_cell = max(last_cell, used)
        last_row = row
    for group, members, match in _groups_as_rows(definition, row_matches, matches):
        at = bisect.bisect_left(boundaries, match.end)
        end = boundaries[at] if at < len(boundaries) else len(stream.folded)
        tokens, rows, used = _row_tokens(stream, match, end, vocabulary)
        found = read_values(slots_of(members[:1]), tokens)
        if found.empty:
            continue
        for member, read in zip(members, _group_cells(group, members, found), strict=True):
            values[member.key] = Values(found.text, read)
        used_rows |= rows
        last_cell = max(last_cell, used)
        notes.append(
            ReadingNote(
                f"{group}: printed as one row, as the 2019 format has it; its values are the "
                "sums of its rows: a 0 makes each of them 0, any other value leaves them "
                "unreadable",
                keys=_keys(definition, slots_of(members)),
                source=stream.sources[stream.at(match.start)[0]],
                message_zh=f"{group}：印作一行（2019 年格式的印法）；其数值为所辖各行之和："
                "为 0 则各行均为 0，否则各行无法识读",
            )
        )
    first_cell, last_cell = table_bounds(stream, matches, first_cell, last_cell, vocabulary)
    empty = [
        r
        for r in definition.rows
        if not r.optional and (r.key not in values or values[r.key].empty)
    ]
    if empty and arithmetic.equations(definition):
        lo = stream.rows[first_cell]
        hi = stream.rows[min(last_cell, len(stream.texts) - 1)]
        width = len(definition.rows[0].columns)
        found_orphans = orphans(stream, used_rows, label_rows, width, lo, hi)
        placed = place_orphans(definition, values, found_orphans)
        if placed is not None:
            values, note = placed
            notes.append(note)
    cells, more = settle(definition, values, figures)
    notes.extend(more)
    cut_after = None
    missing = [r for r in definition.rows if r.key not in cells and not r.optional]
    order = definition.row_keys
    last_at = order.index(last_row.key) if last_row is not None else -1
    for row in missing:
        if at_end and order.index(row.key) > last_at and last_row is not None:
            cut_after = last_row.label.zh
            cut = Unreadable(
                "",
                f"the text ends before this row (cut off after {cut_after})",
                reason_zh=f"原文在此行之前结束（止于 {cut_after}）",
            )
            cells[row.key] = tuple(cut for _ in row.columns)
        else:
            notes.append(
                ReadingNote(
                    f"{row.label.zh}: the row is not in the text; its cells read as not reported",
                    keys=_keys(definition, slots_of((row,))),
                    message_zh=f"{row.label.zh}：文中无此行，各格按未填报计",
                )
            )
    lo = stream.rows[first_cell]
    hi = stream.rows[min(last_cell, len(stream.texts) - 1)]
    for text, source in unknown_rows(stream, used_rows | label_rows, lo, hi, vocabulary):
        notes.append(
            ReadingNote(
                f"text in the table that is no row of the format, left out of it: {text!r}",
                source=source,
                message_zh=f"表中不属于法定格式任何一行的文字，未计入：“{text}”",
            )
        )
    for key, found in values.items():
        if found.rest:
            notes.append(
                ReadingNote(
                    f"{definition.row(key).label.zh}: the text after its values is not part of "
                    f"the table ({found.rest[:80]!r})",
                    keys=_keys(definition, slots_of((definition.row(key),))),
                    message_zh=f"{definition.row(key).label.zh}：数值之后的文字不属于表格"
                    f"（“{found.rest[:80]}”）",
                )
            )
    built = tuple(Row(r.key, cells[r.key]) for r in definition.rows if r.key in cells)
    return RowsRead(
        Table(definition.key, definition.version, built),
        tuple(notes),
        span_of(
            stream, first_cell, last_cell, first_at=narrative_before(stream, matches, first_cell)
        ),
        cut_after,
    )


def _groups_as_rows(
    definition: TableDef, found: Mapping[str, Match], matches: Sequence[Match]
) -> Iterator[tuple[str, tuple[RowDef, ...], Match]]:
    """Groups of rows printed as one row under the group's label (（六）其他处理 with seven
    values, as the 2019 format prints it): groups none of whose rows' labels is found, whose
    own label is."""
    members: dict[str, list[RowDef]] = {}
    for row in definition.rows:
        if row.groups:
            members.setdefault(row.groups[-1].zh, []).append(row)
    for group, rows in members.items():
        if len(rows) < 2 or any(r.key in found for r in rows):
            continue
        match = next((m for m in matches if m.kind == "group" and m.key == group), None)
        if match is not None:
            yield group, tuple(rows), match


def _group_cells(
    group: str, members: Sequence[RowDef], found: Values
) -> Iterator[tuple[Cell, ...]]:
    """The cells of a group's rows from the group's own values (their sums): 0 where the
    sum is 0, counts being never negative; unreadable where it is more; blank where blank.
    Values run together (``0000000``) are split where only one split fits the row identity
    (which the sums keep)."""
    printed = found.cells
    if printed is None and found.span is not None:
        printed = _only_reading(found.span)
    for member in members:
        out: list[Cell] = []
        for index, column in enumerate(member.columns):
            cell = printed[index] if printed is not None else None
            value = number(cell) if cell is not None else None
            if cell is None:
                out.append(
                    Unreadable(
                        found.text,
                        f"{group}: printed as one row, not read",
                        reason_zh=f"{group}：各行合并印为一行，未能读取",
                    )
                )
            elif isinstance(cell, NotReported):
                out.append(cell)
            elif value == 0:
                zero = run_of("0")
                assert zero is not None
                out.append(
                    cell_of(column, zero, cell.raw or "0", cell.source, decided_by="arithmetic")
                )
            else:
                shown = cell.raw if cell.raw is not None else found.text
                out.append(
                    Unreadable(
                        shown,
                        f"{group}: printed as one row, its rows together {shown}",
                        source=cell.source,
                        reason_zh=f"{group}：各行合并印为一行，合计 {shown}",
                    )
                )
        yield tuple(out)


def _only_reading(span: Span) -> tuple[Cell, ...] | None:
    """The span's cells when its digits can be read one way only, with the row identity."""
    try:
        plain = readings(span, Budget(), row_rules=False)
        if len(plain) == 1:  # the digits allow no other reading
            return _decided_cells(span, Decision(plain[0], "the only split"))
        ruled = readings(span, Budget(), row_rules=True)
    except Exhausted:
        return None
    if len(ruled) != 1:
        return None
    return _decided_cells(span, Decision(ruled[0], "the only split that balances", "arithmetic"))


#: The most ways of placing displaced rows of values that are weighed.
PLACEMENTS = 5000


def place_orphans(
    definition: TableDef, values: dict[str, Values], found: list[Orphan]
) -> tuple[dict[str, Values], ReadingNote] | None:
    """Give displaced rows of values to the rows that lack them, where only one way fits.

    A way fits when every orphan's label debris is part of its row's label and the whole
    table then satisfies every identity.  None when no orphan is placed with certainty.
    """
    open_rows = [r for r in definition.rows if (r.key not in values or values[r.key].empty)]
    if not found or not open_rows or len(found) > len(open_rows) or len(found) > 6:
        return None

    def fits(orphan: Orphan, label: str) -> bool:
        return not orphan.fragment or orphan.fragment in label

    # The rows each orphan could be, and every way of giving them distinct rows: at most
    # PLACEMENTS ways are weighed (more, and none is placed: the rows stay unreadable).
    labels = {r.key: fold("".join([*(g.zh for g in r.groups), r.label.zh])) for r in open_rows}
    choices = [[r for r in open_rows if fits(o, labels[r.key])] for o in found]
    if math.prod(len(c) for c in choices) > PLACEMENTS:
        return None
    solutions = []
    for chosen in itertools.product(*choices):
        if len({r.key for r in chosen}) < len(chosen):
            continue
        trial = dict(values)
        for orphan, row in zip(found, chosen, strict=True):
            trial[row.key] = read_values(slots_of((row,)), orphan.tokens)
        if _balanced(definition, trial):
            solutions.append((chosen, trial))
            if len(solutions) > 1:
                return None
    if len(solutions) != 1:
        return None
    chosen, trial = solutions[0]
    placed = ", ".join(
        f"{' '.join(t.text.strip() for t in o.tokens)} → {r.label.zh}"
        for o, r in zip(found, chosen, strict=True)
    )
    note = ReadingNote(
        f"rows of values standing apart from their labels were placed ({placed}): the only "
        "placement that fits the labels' remains and balances the table",
        keys=_keys(definition, slots_of(chosen)),
        source=found[0].tokens[0].source,
        message_zh=f"与行标签分离的数值行已归位（{placed}）：唯有此归位与标签残文相符且表格平衡",
    )
    return trial, note


def _balanced(definition: TableDef, values: Mapping[str, Values]) -> bool:
    """Whether every identity holds with these rows, every cell of them read."""
    numbers: dict[str, tuple[Number | None, ...]] = {}
    for row in definition.rows:
        found = values.get(row.key)
        if found is None or found.cells is None:
            if not row.optional:
                return False
            continue
        if any(isinstance(c, (Unreadable, NotReported)) for c in found.cells):
            return False
        numbers[row.key] = tuple(number(c) for c in found.cells)
    return arithmetic.holds(definition, numbers)


def read_one_row_table(
    stream: Stream, definition: TableDef, matches: list[Match], figures: Figures
) -> RowsRead | None:
    """Table 四: the row labels are column groups; the values stand in one data row.

    After the first label, label text is skipped, and so are blank cells until the first
    number; the data row is the run of numbers (and blanks) up to the next text.
    """
    label_matches = [m for m in matches if m.kind in ("row", "column", "group")]
    if not label_matches:
        return None
    # Labels in a sentence of the narrative before the table (行政复议7件，均获维持。) are not
    # where the table starts, where the table prints its own.
    label_matches = [m for m in label_matches if not in_a_sentence(stream, m.start)] or (
        label_matches
    )
    label_cover = covered(stream, matches)
    vocabulary = label_vocabulary(definition)
    start_cell = stream.at(min(m.start for m in label_matches))[0]
    tokens: list[Token] = []
    last = start_cell
    done = False
    for index in range(start_cell, len(stream.texts)):
        piece = uncovered(stream.texts[index], label_cover[index])
        if label_cover[index] and not piece.strip():
            continue  # a label
        # A date or a count the narrative states (2023年, 12件) is no value of the table.
        piece = _STATED_NUMBER.sub(" ", piece)
        grid = stream.grids[index] and not label_cover[index]
        for piece_token in tokens_of(
            piece, stream.sources[index], grid=grid, confidence=stream.confidences[index]
        ):
            if piece_token.kind == "text" and not (tokens and piece_token.doubtful):
                # (Text recognised with doubt among the values is a value unknown.)
                if is_debris(piece_token, vocabulary):
                    continue
                if tokens:
                    done = True
                    break
                continue  # a note (注：…), a sentence, a label the format does not have
            if not tokens and piece_token.kind == "blank":
                continue  # header placeholders
            tokens.append(piece_token)
            last = index
        if done:
            break
    if not tokens:
        return None
    start_cell, last = table_bounds(stream, matches, start_cell, last, vocabulary)
    slots = slots_of(definition.rows)
    found = read_values(slots, tokens)
    values: dict[str, Values] = {definition.rows[0].key: found}
    if found.cells is not None:
        # One stretch of values for the rows: each row's own.
        values = {}
        offset = 0
        for row in definition.rows:
            width = len(row.columns)
            values[row.key] = Values(
                found.text,
                found.cells[offset : offset + width],
                doubts=tuple(d for d in found.doubts if d.slots[0].row.key == row.key),
                recognised=frozenset(
                    p - offset for p in found.recognised if offset <= p < offset + width
                ),
            )
            offset += width
    cells, notes = settle(definition, values, figures)
    rows = tuple(Row(r.key, cells[r.key]) for r in definition.rows)
    return RowsRead(
        Table(definition.key, definition.version, rows),
        tuple(notes),
        span_of(stream, start_cell, last, first_at=narrative_before(stream, matches, start_cell)),
    )
