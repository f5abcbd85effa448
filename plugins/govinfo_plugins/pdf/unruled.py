"""Tables without ruling lines: columns found from where the text stands.

A run of lines cut into two or more text runs (single-run lines allowed between them) is a
candidate.  Its columns are the gutters of the body rows (from the first row holding a
number: body columns are aligned alike, headers are centred over them); its rows start at
the lines with two or more cells; wrapped header text, a label centred beside a group
header and a group header centred over several columns are recognised in the header.
"""

from __future__ import annotations

import bisect
import itertools
import statistics

from govinfo_plugins.pdf.grids import Cell, Table
from govinfo_plugins.pdf.lines import (
    Char,
    Line,
    chars_text,
    group_lines,
    is_ideograph,
    is_number,
    lines_text,
    segments,
)

_Pieces = dict[tuple[int, int], list[Char]]  # the characters of a row by the columns they span


def unruled_tables(lines: list[Line], page: int) -> list[tuple[int, int, Table]]:
    """The tables among a page's lines: (first line index, end index, table)."""
    segs = [segments(line) for line in lines]
    found: list[tuple[int, int, Table]] = []
    i = 0
    while i < len(lines):
        if len(segs[i]) < 2:
            i += 1
            continue
        j, last_multi = i, i
        while j + 1 < len(lines):
            if lines[j + 1].top - lines[j].bottom > 3.0 * lines[j].em:
                break
            if len(segs[j + 1]) >= 2:
                last_multi = j + 1
            elif j + 1 - last_multi > 2:
                break
            j += 1
        end = last_multi + 1
        multi = [k for k in range(i, end) if len(segs[k]) >= 2]
        table = _columns_table(lines, segs, i, end, multi, page) if len(multi) >= 2 else None
        if table is None:
            i = end
            continue
        found.append(table)
        i = table[1]
    return found


def _add(pieces: _Pieces, span: tuple[int, int], chars: list[Char]) -> None:
    """Text runs of one row in the same column are one cell (a letter-spaced 总    计)."""
    hit = next((s for s in pieces if s[0] < span[1] and span[0] < s[1]), None)
    if hit is None:
        pieces[span] = list(chars)
    else:
        pieces[(min(hit[0], span[0]), max(hit[1], span[1]))] = pieces.pop(hit) + chars


def _columns_table(
    lines: list[Line],
    segs: list[list[list[Char]]],
    i: int,
    end: int,
    multi: list[int],
    page: int,
) -> tuple[int, int, Table] | None:
    """The table in ``lines[i:end]`` from the x-positions of its text."""
    em = statistics.median(lines[k].em for k in multi)

    def seg_text(seg: list[Char]) -> str:
        return chars_text(seg, em)

    numeric = [k for k in multi if any(is_number(seg_text(s)) for s in segs[k])]
    body = [k for k in multi if k >= numeric[0]] if numeric else multi
    if len(body) < 2:
        body = multi
    runs: list[list[float]] = []
    for x0, x1 in sorted((s[0].x0, s[-1].x1) for k in body for s in segs[k]):
        if runs and x0 <= runs[-1][1] + 0.5 * em:
            runs[-1][1] = max(runs[-1][1], x1)
        else:
            runs.append([x0, x1])
    if len(runs) < 2:
        return None

    def over_body(seg: list[Char]) -> bool:
        return any(seg[0].x0 < b and a < seg[-1].x1 for a, b in runs)

    # Letter-spaced header words (总    计): single ideographs cut apart by wide spacing, of
    # which at most one stands over a body column, are one run.
    segs = list(segs)
    for k in range(max(i - 3, 0), end):
        if k in body:
            continue
        merged: list[list[Char]] = []
        for seg in segs[k]:
            previous = merged[-1] if merged else None
            if (
                previous is not None
                and len(seg) == 1
                and is_ideograph(seg[0].ch)
                and all(is_ideograph(c.ch) for c in previous)
                and len(previous) <= 2
                and seg[0].x0 - previous[-1].x1 < 4 * em
                and not (over_body(previous) and over_body(seg))
            ):
                merged[-1] = previous + seg
            else:
                merged.append(seg)
        segs[k] = merged

    def boundaries(ks: range) -> list[float]:
        """Where in each gutter the boundary goes.  A number column is right-aligned, so
        the gutter left of it is most of its width and its middle would cut the header
        centred above; the runs of the other lines reaching into the gutter say which side
        they belong to, and the boundary goes between the two sides."""
        others = [(s[0].x0, s[-1].x1) for k in ks if k not in body for s in segs[k]]
        out = [min(lines[k].x0 for k in ks) - 1]
        for (_, a), (b, _) in itertools.pairwise(runs):
            lo, hi = a, b
            for x0, x1 in others:
                if x1 <= a or x0 >= b or (x0 <= a and x1 >= b):
                    continue
                if x0 <= a or (x1 < b and x0 - a <= b - x1):
                    lo = max(lo, x1)  # it belongs to the left
                else:
                    hi = min(hi, x0)  # to the right
            out.append((lo + hi) / 2 if lo < hi else (a + b) / 2)
        out.append(max(lines[k].x1 for k in ks) + 1)
        return out

    bounds = boundaries(range(i, end))
    nc = len(bounds) - 1

    def cols(seg: list[Char]) -> tuple[int, int]:
        cs = [min(max(bisect.bisect(bounds, ch.cx) - 1, 0), nc - 1) for ch in seg]
        return min(cs), max(cs) + 1

    def centred(seg: list[Char]) -> bool:
        c0, c1 = cols(seg)
        middle, width = (bounds[c0] + bounds[c1]) / 2, bounds[c1] - bounds[c0]
        return abs((seg[0].x0 + seg[-1].x1) / 2 - middle) <= max(0.15 * width, em)

    # Header lines just above, centred over their columns (a left-aligned heading above the
    # table is not one); at most three.  Then the boundaries again, with them.
    for _ in range(3):
        if i == 0 or lines[i].top - lines[i - 1].bottom > 1.5 * em:
            break
        if not all(centred(s) for s in segs[i - 1]) or lines[i - 1].x1 > bounds[-1] + em:
            break
        i -= 1
    bounds = boundaries(range(i, end))
    # One trailing wrapped line inside the first column.
    if (
        end < len(lines)
        and lines[end].top - lines[end - 1].bottom <= 1.0 * em
        and len(segs[end]) == 1
        and cols(lines[end].chars) == (0, 1)
        and lines[end].x1 < bounds[1]
    ):
        end += 1

    pieces: list[_Pieces] = []
    for k in range(i, end):
        p: _Pieces = {}
        for seg in segs[k]:
            _add(p, cols(seg), seg)
        pieces.append(p)
    anchors = [n for n, p in enumerate(pieces) if len(p) >= 2]
    if len(anchors) < 2:
        return None

    def middle(n: int) -> float:
        return (lines[i + n].top + lines[i + n].bottom) / 2

    # Rows: a line with two or more cells starts a row; a line with one cell belongs to the
    # nearest such line (the one above on a tie: wrapped text runs down); lines above the
    # first are header rows of their own.
    rows: list[list[int]] = [[n] for n in range(len(pieces)) if n in anchors or n < anchors[0]]
    for n in range(anchors[0], len(pieces)):
        if n in anchors:
            continue
        before = max(a for a in anchors if a < n)
        after = next((a for a in anchors if a > n), None)
        nearer_after = (
            after is not None and middle(after) - middle(n) < middle(n) - middle(before) - 0.15 * em
        )
        target = after if nearer_after else before
        next(r for r in rows if r[0] == target).append(n)

    def row_pieces(row: list[int]) -> _Pieces:
        out: _Pieces = {}
        for n in sorted(row):
            for span, cs in pieces[n].items():
                _add(out, span, cs)
        return out

    first_number = next(
        (
            n
            for n, r in enumerate(rows)
            if any(
                is_number(seg_text(sorted(cs, key=lambda c: c.x0))) for cs in row_pieces(r).values()
            )
        ),
        len(rows),
    )
    # The header: a row whose cells all sit under cells of the same span in the row above is
    # text wrapped in those cells; a row sharing no column with the row above, close under
    # it, is a label centred beside that row (项目 beside 申请人情况).
    header: list[list[int]] = []
    for r in rows[:first_number]:
        if header:
            above, here = row_pieces(header[-1]), row_pieces(r)
            disjoint = all(not (a[0] < b[1] and b[0] < a[1]) for a in above for b in here)
            close = middle(r[0]) - middle(header[-1][0]) < 1.5 * em
            if set(here) <= set(above) or (disjoint and close):
                header[-1] = header[-1] + r
                continue
        header.append(r)
    rows = header + rows[first_number:]
    bounds[0] = min(lines[k].x0 for k in range(i, end)) - 1
    bounds[-1] = max(lines[k].x1 for k in range(i, end)) + 1
    table_pieces = [row_pieces(r) for r in rows]
    # A group header over several header cells: widened to the columns it is centred over.
    for rn in range(len(header) - 1):
        here, below = table_pieces[rn], table_pieces[rn + 1]
        for span in list(here):
            cs = here[span]
            centre = (min(c.x0 for c in cs) + max(c.x1 for c in cs)) / 2
            best = span
            for c0 in range(span[0], -1, -1):
                for c1 in range(span[1], nc + 1):
                    if any(o != span and o[0] < c1 and c0 < o[1] for o in here):
                        continue
                    width = bounds[c1] - bounds[c0]
                    under = [b for b in below if c0 <= b[0] and b[1] <= c1]
                    centred_here = abs((bounds[c0] + bounds[c1]) / 2 - centre) <= 0.1 * width
                    if len(under) >= 2 and centred_here and c1 - c0 > best[1] - best[0]:
                        best = (c0, c1)
            if best != span:
                here[best] = here.pop(span)
    cells: list[Cell] = []
    for rn in range(len(rows)):
        taken = [False] * nc
        for (c0, c1), cs in sorted(table_pieces[rn].items()):
            grouped = group_lines(cs)
            text = lines_text(grouped)
            cell = Cell(rn, c0, rn + 1, c1, text, page, min(c.line for c in cs))
            cell.chars = [c for found in grouped for c in found.chars]
            cells.append(cell)
            for c in range(c0, c1):
                taken[c] = True
        for c in range(nc):
            if taken[c]:
                continue
            # An empty place in the header under a header cell: that cell goes down.
            over = (
                next((k for k in cells if k.r1 == rn and k.c0 <= c < k.c1), None)
                if rn < len(header)
                else None
            )
            if over is not None and not any(taken[over.c0 : over.c1]):
                if over.r1 == rn:
                    over.r1 += 1
                for cc in range(over.c0, over.c1):
                    taken[cc] = True
                continue
            cells.append(Cell(rn, c, rn + 1, c + 1, "", page))
    cells.sort(key=lambda k: (k.r0, k.c0))
    top, bottom = lines[i].top, lines[end - 1].bottom
    first_line = lines[i].number
    return i, end, Table(bounds, cells, page, top, bottom, False, len(rows), first_line)
