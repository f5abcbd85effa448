"""Deciding how a damaged table must be read, by the statute's arithmetic.

A *span* is a stretch of a table's cells whose values the text gives as runs of digits that
do not show where one cell ends and the next begins (``713000074`` for the seven cells of a
row of table 三; ``10203120001200000`` for the fifteen of table 四), or with fewer values than
cells.  Each cell of a span is an unknown.  The solver decides them:

1. the readings of the span: every way the runs split into its cells (each run one cell or
   more, no number written with a leading zero), found by a search that prunes with the
   row identities inside the span (once a row's parts are read, its 总计 must be their
   sum, so the digits that follow are known) and stops at a budget;
2. a row whose own identity (R2, R4) admits exactly one reading is read that way, even when
   the columns then fail to add up: those fails are the report's, and the checks report
   them; a figure the narrative states for one of its cells may narrow the readings too;
3. the spans left open are decided together by the identities along the columns (R1, R3),
   by a search that propagates every identity (an equation with one unknown gives it) and
   stops at a budget: a span is read only where every solution reads it the same.

Nothing is guessed: a span that is still open is unreadable, and its cells list the values
they could hold.  Every decision is a reading note that says what decided it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import NamedTuple, TypeAlias

import attrs

from govinfo import arithmetic
from govinfo.arithmetic import Number
from govinfo.assemble.tables.values import MAX_DIGITS, Run, misfit
from govinfo.model.cells import SourceRef
from govinfo.statute import Axis, CellKind, ColumnDef, RowDef, TableDef, identities_of

#: One value per cell of a span; None for a cell the text does not show.
Reading: TypeAlias = tuple[Number | None, ...]

#: How many steps a search may take (each the trial of one value): the budgets that bound
#: the time any input can cost.  The readings of one span (real ones take under fifty)...
SPAN_BUDGET = 400
#: ... and the search along the columns of one table.
BUDGET = 5_000
#: How many readings of one span are weighed at most; a span with more stays unreadable.
MOST_READINGS = 64
#: How many cells the text may leave out of a span (a crawler drops an empty cell).
MOST_MISSING = 2


class Exhausted(Exception):
    """The search reached its budget."""


class Budget:
    """Steps left for a search; :meth:`spend` raises :class:`Exhausted` at the end."""

    def __init__(self, steps: int = BUDGET) -> None:
        self.left = steps

    def spend(self, steps: int = 1) -> None:
        self.left -= steps
        if self.left < 0:
            raise Exhausted


class Slot(NamedTuple):
    """A cell of the table a span covers: its row and its column's place in the row."""

    row: RowDef
    place: int

    @property
    def column(self) -> ColumnDef:
        return self.row.columns[self.place]

    @property
    def key(self) -> tuple[str, int]:
        return (self.row.key, self.place)


@attrs.frozen
class Span:
    """Cells whose values stand in the text as ``runs`` that do not show their cells."""

    slots: tuple[Slot, ...]
    runs: tuple[Run, ...]
    #: The text as printed, for the evidence.
    text: str
    source: SourceRef | None = None
    #: A cell recognised with doubt (OCR): ``runs`` are empty, ``text`` is what was
    #: recognised, ``confidence`` how sure the reader was; only the identities decide it.
    doubt: bool = False
    confidence: float | None = None


# --------------------------------------------------------------------------- readings


def _number(slot: Slot, run: Run, digits: str, first: bool, last: bool) -> Number | None:
    """The value ``digits`` of the run give the slot's column, or None when it cannot hold
    them (a sign on a count, a fraction on a count, a leading zero)."""
    if len(digits) > 1 and digits[0] == "0":
        return None
    piece = Run(
        run.sign if first else "",
        digits,
        run.fraction if last else "",
        run.unit if last else "",
    )
    if misfit(slot.column, piece) is not None or len(digits) > MAX_DIGITS:
        return None
    if slot.column.kind is CellKind.AMOUNT:
        return Decimal(digits + piece.fraction)
    value = int(digits)
    return -value if piece.sign == "-" else value


def readings(span: Span, budget: Budget, *, row_rules: bool) -> list[Reading]:
    """Every reading of the span's runs as its cells, at most :data:`MOST_READINGS` + 1 (more
    are not weighed).  With ``row_rules``, a row total inside the span is taken as the sum of
    its parts wherever those are read (the only total the row identity allows), which prunes
    the search (and parts that already sum to more than the digits left could write prune
    it further); readings that break the identity are then not among those returned.
    Raises :class:`Exhausted` at the budget's end."""
    slots = span.slots
    runs = span.runs
    digits_left = [sum(len(r.digits) for r in runs[i:]) for i in range(len(runs) + 1)]
    if digits_left[0] < len(slots):
        return _with_missing(span, budget)
    parts_of = _parts_of_rows(span) if row_rules else {}
    total_of = {p: total for total, parts in parts_of.items() for p in parts}
    found: list[Reading] = []
    values: list[Number | None] = [None] * len(slots)

    def search(run: int, at: int, place: int) -> None:
        if len(found) > MOST_READINGS:
            return
        budget.spend()
        if place == len(slots):
            if run == len(runs):
                found.append(tuple(values))
            return
        if run == len(runs):
            return
        digits = runs[run].digits
        rest = len(digits) - at
        slots_after = len(slots) - place - 1
        # Every run left needs a slot of its own, and every slot at least one digit.
        runs_after = len(runs) - run - 1
        wanted = None
        if place in parts_of:
            parts = [values[p] for p in parts_of[place]]
            if all(v is not None for v in parts):
                wanted = str(sum(v for v in parts if v is not None))
        if wanted is not None:
            lengths: range | tuple[int, ...] = (len(wanted),)
        elif digits[at] == "0":
            lengths = (1,)  # no number is written with a leading zero
        else:
            # The slots after this one hold at most MAX_DIGITS digits each.
            shortest = max(1, rest + digits_left[run + 1] - MAX_DIGITS * slots_after)
            lengths = range(shortest, min(rest, MAX_DIGITS) + 1)
        total = total_of.get(place)
        for length in lengths:
            if length > rest:
                break
            piece = digits[at : at + length]
            if wanted is not None and piece != wanted:
                return
            if length > MAX_DIGITS:
                break
            ends_run = length == rest
            after = rest - length + digits_left[run + 1]  # the digits left after this piece
            if after > MAX_DIGITS * slots_after:
                continue  # (the slots left cannot hold them: longer pieces are tried next)
            if ends_run:
                if slots_after < runs_after or slots_after > digits_left[run + 1]:
                    continue
            elif slots_after < runs_after + 1 or slots_after > after:
                continue
            value = _number(slots[place], runs[run], piece, at == 0, ends_run)
            if value is None:
                continue
            if total is not None:
                # The row's total is at least its parts' sum, and has at most the digits left
                # once every other slot before it has one.
                room = rest - length + digits_left[run + 1] - (total - place - 1)
                so_far = value + sum(v for p in parts_of[total] if (v := values[p]) is not None)
                if room < 1 or so_far >= 10**room:
                    break  # a longer piece only makes the sum larger and the room smaller
            values[place] = value
            if ends_run:
                search(run + 1, 0, place + 1)
            else:
                search(run, at + length, place + 1)
            values[place] = None

    search(0, 0, 0)
    return found


def _parts_of_rows(span: Span) -> dict[int, tuple[int, ...]]:
    """For each slot that is a row's total, the slots of that row's parts, where the span
    holds the whole row and the parts come before the total."""
    out: dict[int, tuple[int, ...]] = {}
    places: dict[tuple[str, int], int] = {slot.key: p for p, slot in enumerate(span.slots)}
    for place, slot in enumerate(span.slots):
        total = arithmetic.total_index(slot.row)
        if total != slot.place:
            continue
        parts = [places.get((slot.row.key, i)) for i in range(len(slot.row.columns)) if i != total]
        if all(p is not None and p < place for p in parts):
            out[place] = tuple(p for p in parts if p is not None)
    return out


def _with_missing(span: Span, budget: Budget) -> list[Reading]:
    """Readings when the runs hold fewer digits than the span has cells: each digit a cell,
    and the cells the text leaves out anywhere (at most :data:`MOST_MISSING` of them)."""
    slots = span.slots
    digits = [(run, i, d) for run in span.runs for i, d in enumerate(run.digits)]
    missing = len(slots) - len(digits)
    if missing > MOST_MISSING:
        return []
    found: list[Reading] = []
    for gaps in itertools.combinations(range(len(slots)), missing):
        budget.spend()
        values: list[Number | None] = []
        shown = iter(digits)
        for place, slot in enumerate(slots):
            if place in gaps:
                values.append(None)
                continue
            run, at, digit = next(shown)
            value = _number(slot, run, digit, at == 0, at == len(run.digits) - 1)
            if value is None:
                break
            values.append(value)
        else:
            found.append(tuple(values))
    return found


# --------------------------------------------------------------------------- rows


def row_equations(definition: TableDef) -> tuple[arithmetic.Equation, ...]:
    return tuple(e for e in arithmetic.equations(definition) if e.identity.axis is Axis.ROW)


def column_equations(definition: TableDef) -> tuple[arithmetic.Equation, ...]:
    return tuple(e for e in arithmetic.equations(definition) if e.identity.axis is Axis.COLUMN)


def fill_rows(span: Span, reading: Reading, definition: TableDef) -> Reading | None:
    """The reading with each cell the text leaves out given by its row's identity, where the
    row has just that one unknown; None when the identity cannot then hold (a count below 0,
    or a row read in full that breaks it)."""
    values = dict(zip((s.key for s in span.slots), reading, strict=True))
    for equation in row_equations(definition):
        terms = [(t.row.key, t.index) for t in equation.terms]
        if not any(term in values for term in terms):
            continue
        unknown = [t for t in terms if values.get(t) is None]
        if len(unknown) > 1:
            continue
        left = sum(v for t in equation.left if (v := values.get((t.row.key, t.index))) is not None)
        right = sum(
            v for t in equation.right if (v := values.get((t.row.key, t.index))) is not None
        )
        if not unknown:
            if left != right:
                return None
            continue
        (term,) = unknown
        on_left = any((t.row.key, t.index) == term for t in equation.left)
        value = right - left if on_left else left - right
        if value < 0:
            return None
        values[term] = value
    return tuple(values[s.key] for s in span.slots)


def holds_in_rows(span: Span, reading: Reading, definition: TableDef) -> bool:
    """Whether every row identity the span holds whole is satisfied by the reading."""
    return fill_rows(span, reading, definition) is not None


# --------------------------------------------------------------------------- columns


@attrs.frozen
class Solution:
    """What the column search found for the open spans: the readings every solution agrees
    on (None where they differ), and the readings each span had in some solution."""

    decided: tuple[Reading | None, ...]
    seen: tuple[tuple[Reading, ...], ...]
    exhausted: bool = False


def solve_columns(
    definition: TableDef,
    known: Mapping[tuple[str, int], Number],
    spans: Sequence[Span],
    candidates: Sequence[Sequence[Reading]],
    budget: Budget,
) -> Solution:
    """Choose a reading for each open span so that every identity of the table holds.

    ``known`` are the cells read with certainty; the other cells the identities involve are
    unknowns that propagation may give.  The search tries the spans with the fewest readings
    first and propagates every equation after each choice.
    """
    equations = [
        tuple((t.row.key, t.index) for t in side) for e in arithmetic.equations(definition)
        for side in (e.left, e.right)
    ]  # fmt: skip
    pairs = list(zip(equations[::2], equations[1::2], strict=True))
    order = sorted(range(len(spans)), key=lambda i: len(candidates[i]))
    solutions: list[tuple[Reading, ...]] = []
    too_many = False

    def propagate(values: dict[tuple[str, int], Number]) -> bool:
        changed = True
        while changed:
            changed = False
            for left, right in pairs:
                budget.spend()
                sums = [0, 0]
                unknown: list[tuple[int, tuple[str, int]]] = []
                for side, terms in enumerate((left, right)):
                    for term in terms:
                        value = values.get(term)
                        if value is None:
                            unknown.append((side, term))
                        else:
                            sums[side] += value  # type: ignore[assignment]
                if not unknown:
                    if sums[0] != sums[1]:
                        return False
                elif len(unknown) == 1:
                    side, term = unknown[0]
                    value = sums[1 - side] - sums[side]
                    if value < 0:
                        return False
                    values[term] = value
                    changed = True
        return True

    def search(depth: int, values: dict[tuple[str, int], Number]) -> None:
        nonlocal too_many
        if too_many:
            return
        if depth == len(order):
            reads = []
            for span in spans:
                reading = tuple(values.get(s.key) for s in span.slots)
                if any(v is None for v in reading):
                    return  # a cell no identity gives: not a solution
                reads.append(reading)
            solutions.append(tuple(reads))
            if len(solutions) > MOST_READINGS:
                too_many = True
            return
        index = order[depth]
        span = spans[index]
        for reading in candidates[index]:
            trial = dict(values)
            conflict = False
            for slot, value in zip(span.slots, reading, strict=True):
                if value is None:
                    continue
                if trial.get(slot.key, value) != value:
                    conflict = True
                    break
                trial[slot.key] = value
            if conflict or not propagate(trial):
                continue
            search(depth + 1, trial)

    start = dict(known)
    try:
        if propagate(start):
            search(0, start)
    except Exhausted:
        return Solution((None,) * len(spans), tuple(() for _ in spans), exhausted=True)
    if too_many:
        return Solution((None,) * len(spans), tuple(() for _ in spans))
    decided: list[Reading | None] = []
    seen: list[tuple[Reading, ...]] = []
    for i in range(len(spans)):
        distinct = tuple(dict.fromkeys(solution[i] for solution in solutions))
        seen.append(distinct)
        decided.append(distinct[0] if len(distinct) == 1 else None)
    return Solution(tuple(decided), tuple(seen))


def independent(
    definition: TableDef, known: Mapping[tuple[str, int], Number], spans: Sequence[Span]
) -> list[list[int]]:
    """The spans in groups that no identity links (through the cells not known): each group
    is a system of its own, decided whatever the others hold.  (A span that no identity can
    decide, or a group whose identities cannot hold, leaves the other groups decidable.)"""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(cell: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(cell, cell)
        while parent[cell] != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    def union(a: tuple[str, int], b: tuple[str, int]) -> None:
        parent[find(a)] = find(b)

    for equation in arithmetic.equations(definition):
        open_terms = [(t.row.key, t.index) for t in equation.terms]
        open_terms = [t for t in open_terms if t not in known]
        for term in open_terms[1:]:
            union(open_terms[0], term)
    for span in spans:
        for slot in span.slots[1:]:
            union(span.slots[0].key, slot.key)
    groups: dict[tuple[str, int], list[int]] = {}
    for index, span in enumerate(spans):
        groups.setdefault(find(span.slots[0].key), []).append(index)
    return list(groups.values())


def has_column_rules(definition: TableDef) -> bool:
    return any(i.axis is Axis.COLUMN for i in identities_of(definition.key))


def has_row_rules(definition: TableDef) -> bool:
    return any(i.axis is Axis.ROW for i in identities_of(definition.key))


def show(reading: Reading) -> str:
    """A reading as the notes print it: ``71 / 3 / 0 / …``."""
    return " / ".join("∅" if v is None else str(v) for v in reading)


def candidate_values(readings: Sequence[Reading], place: int) -> tuple[int, ...]:
    """The values a cell takes across readings (integers only), in order of first sight."""
    return tuple(
        dict.fromkeys(int(r[place]) for r in readings if isinstance(r[place], int))  # type: ignore[arg-type]
    )


def iter_readings(readings: Sequence[Reading], limit: int = 4) -> Iterator[str]:
    for reading in readings[:limit]:
        yield show(reading)


# --------------------------------------------------------------------------- decisions


@attrs.frozen
class Decision:
    """How a span is to be read: ``reading`` when decided (``how`` says by what: None when
    the digits allow no other reading), else None with ``why`` and the ``candidates`` left."""

    reading: Reading | None
    why: str
    how: str | None = None
    candidates: tuple[Reading, ...] = ()
    #: ``why`` in Chinese, for a decided span's note or an undecided one's cells.
    why_zh: str | None = None


Figures: TypeAlias = Mapping[str, tuple[int, str]]


def _figures_for(definition: TableDef, span: Span, figures: Figures) -> list[tuple[int, int, str]]:
    """(slot, value, sentence) for each slot of the span the narrative states a figure for."""
    found = []
    for place, slot in enumerate(span.slots):
        stated = figures.get(f"{definition.key}.{slot.row.key}.{slot.column.key}")
        if stated is not None:
            found.append((place, stated[0], stated[1]))
    return found


def _dedupe(found: Sequence[Reading]) -> list[Reading]:
    return list(dict.fromkeys(found))


def _row_stage(definition: TableDef, span: Span, figures: Figures) -> Decision | list[Reading]:
    """A span decided by its own rows (and the narrative), or the readings left open."""
    rules = has_row_rules(definition)
    try:
        plain = readings(span, Budget(SPAN_BUDGET), row_rules=False)
        kept = (
            readings(span, Budget(SPAN_BUDGET), row_rules=True)
            if rules and len(plain) > 1
            else plain
        )
    except Exhausted:
        return Decision(
            None,
            "the digits run together in more ways than the search weighs",
            why_zh="数字连写，拆法多到无法逐一权衡",
        )
    if len(plain) > MOST_READINGS:
        return Decision(
            None,
            f"the digits run together in more than {MOST_READINGS} ways",
            why_zh=f"数字连写，拆法超过 {MOST_READINGS} 种",
        )
    if not plain:
        return Decision(
            None, "the digits cannot be split into the row's cells", why_zh="数字无法拆分为本行各格"
        )
    if len(plain) == 1 and None not in plain[0]:
        return Decision(plain[0], "the only way the digits split")
    filled = _dedupe([r for r in (fill_rows(span, r, definition) for r in kept) if r is not None])
    if not filled:
        return Decision(
            None,
            "digits run together and no split satisfies the row's total",
            candidates=tuple(plain),
            why_zh="数字连写，没有一种拆法符合本行总计",
        )
    stated = _figures_for(definition, span, figures)
    narrowed = [r for r in filled if all(r[p] == v for p, v, _ in stated)] if stated else []
    if narrowed and len(narrowed) < len(filled):
        if len(narrowed) == 1 and None not in narrowed[0]:
            sentences = "; ".join(dict.fromkeys(s for _, _, s in stated))
            return Decision(
                narrowed[0],
                f"the only split that gives the figures the narrative states ({sentences})",
                how="narrative",
                why_zh=f"唯有此拆分与正文所述数字相符（{sentences}）",
            )
        filled = narrowed
    if len(filled) == 1 and None not in filled[0]:
        if len(plain) > 1:
            why, why_zh = (
                "the only split whose 总计 is the sum of the others",
                "唯有此拆分的总计等于其余各格之和",
            )
        else:
            why = "the only reading; the cells the text leaves out are given by the row's total"
            why_zh = "唯一读法；文中缺的格由本行总计推出"
        return Decision(filled[0], why, how="arithmetic", why_zh=why_zh)
    return filled


def decide(
    definition: TableDef,
    known: Mapping[tuple[str, int], Number],
    spans: Sequence[Span],
    figures: Figures,
    budget: Budget | None = None,
) -> list[Decision]:
    """How each span is to be read (see the module docstring)."""
    budget = budget or Budget()
    decisions: list[Decision | None] = []
    open_spans: list[int] = []
    left: dict[int, list[Reading]] = {}
    for index, span in enumerate(spans):
        found = _row_stage(definition, span, figures)
        if isinstance(found, Decision):
            decisions.append(found)
        else:
            decisions.append(None)
            open_spans.append(index)
            left[index] = found
    if open_spans and arithmetic.equations(definition):
        settled = dict(known)
        for decision, span in zip(decisions, spans, strict=True):
            if decision is not None and decision.reading is not None:
                settled.update(
                    (s.key, v) for s, v in zip(span.slots, decision.reading, strict=True)
                    if v is not None
                )  # fmt: skip
        solutions: dict[int, tuple[Solution, int]] = {}
        for group in independent(definition, settled, [spans[i] for i in open_spans]):
            members = [open_spans[k] for k in group]
            solved = solve_columns(
                definition,
                settled,
                [spans[i] for i in members],
                [left[i] for i in members],
                budget,
            )
            solutions.update((index, (solved, n)) for n, index in enumerate(members))
        for index in open_spans:
            solution, k = solutions[index]
            reading = solution.decided[k]
            if reading is not None:
                decisions[index] = (
                    Decision(
                        reading,
                        "the only reading with which every column balances",
                        how="arithmetic",
                        why_zh="唯有此读法使各列平衡",
                    )
                    if has_column_rules(definition)
                    else Decision(
                        reading,
                        "the only reading with which every row balances",
                        how="arithmetic",
                        why_zh="唯有此读法使各行平衡",
                    )
                )
            elif solution.exhausted:
                decisions[index] = Decision(
                    None,
                    "several splits are possible and the search of the columns ran out of "
                    "budget before deciding",
                    candidates=tuple(left[index]),
                    why_zh="有多种拆法，按列检索在作出判定前已用尽限额",
                )
            elif not solution.seen[k]:
                decisions[index] = Decision(
                    None,
                    f"{len(left[index])} splits are possible and none makes every column balance",
                    candidates=tuple(left[index]),
                    why_zh=f"有 {len(left[index])} 种拆法，没有一种使各列平衡",
                )
            else:
                decisions[index] = Decision(
                    None,
                    f"{len(solution.seen[k])} splits balance every column",
                    candidates=solution.seen[k],
                    why_zh=f"有 {len(solution.seen[k])} 种拆法都使各列平衡",
                )
    return [
        d
        if d is not None
        else Decision(
            None,
            f"{len(left[i])} splits are possible",
            candidates=tuple(left[i]),
            why_zh=f"有 {len(left[i])} 种可能的拆法",
        )
        for i, d in enumerate(decisions)
    ]
