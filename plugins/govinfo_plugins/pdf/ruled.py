"""Tables drawn with ruling lines: boundaries where the lines are, a cell spanning wherever
the line between two places is missing."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from govinfo_plugins.pdf.grids import TOLERANCE, Cell, Table
from govinfo_plugins.pdf.lines import Char, cluster, group_lines, lines_text

#: More rule pieces on one page than any table has (a hatched drawing, a chart): the page's
#: rules are not read as tables.
MAX_RULES = 4000
#: Points: pieces of a line at most this long, at most DASH_GAP apart, are a dashed line.
DASH = 8.0
DASH_GAP = 6.0


@dataclass(slots=True)
class Rule:
    """A straight ruling line: horizontal at y = ``at`` from ``a`` to ``b``, or vertical at
    x = ``at``."""

    horizontal: bool
    at: float
    a: float
    b: float


def merge_collinear(rules: list[Rule]) -> list[Rule]:
    """Pieces of one line joined: Chromium draws every cell's border on its own, so a line
    across a spanning cell is several touching pieces; a dashed or dotted line is short
    pieces a little apart."""
    out: list[Rule] = []
    for horizontal in (True, False):
        group: list[Rule] = []  # pieces within a point of the first one's position
        for r in sorted((r for r in rules if r.horizontal == horizontal), key=lambda r: r.at):
            if group and r.at - group[0].at > 1.0:
                out.extend(_joined(group))
                group = []
            group.append(r)
        out.extend(_joined(group))
    return out


def _joined(group: list[Rule]) -> list[Rule]:
    """Pieces at about one position joined where they touch (dashes: nearly touch)."""
    out: list[Rule] = []
    positions: list[list[float]] = []
    last = 0.0  # the length of the last piece joined into out[-1]
    for r in sorted(group, key=lambda r: r.a):
        length = r.b - r.a
        if out:
            o = out[-1]
            gap = DASH_GAP if max(length, last) <= DASH else TOLERANCE
            if r.a <= o.b + gap:
                o.b = max(o.b, r.b)
                positions[-1].append(r.at)
                last = length
                continue
        out.append(Rule(r.horizontal, r.at, r.a, r.b))
        positions.append([r.at])
        last = length
    for rule, found in zip(out, positions, strict=True):
        rule.at = sum(found) / len(found)
    return out


class _Sets:
    """Union-find over ``n`` places."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.find(j)] = self.find(i)


def components(rules: list[Rule]) -> list[tuple[list[Rule], list[Rule]]]:
    """Groups of horizontal and vertical rules that touch, each with at least two of each:
    the candidate tables."""
    if len(rules) > MAX_RULES:
        return []
    hs = [r for r in rules if r.horizontal]
    vs = [r for r in rules if not r.horizontal]
    sets = _Sets(len(hs) + len(vs))
    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            touch = h.a - TOLERANCE <= v.at <= h.b + TOLERANCE
            if touch and v.a - TOLERANCE <= h.at <= v.b + TOLERANCE:
                sets.union(len(hs) + j, i)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(sets.find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(sets.find(len(hs) + j), ([], []))[1].append(v)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


def _covered(rules: list[Rule], at: float, a: float, b: float) -> bool:
    """Whether a rule at ``at`` covers most of ``a`` to ``b``."""
    need = 0.5 * (b - a)
    return any(abs(r.at - at) <= TOLERANCE and min(r.b, b) - max(r.a, a) >= need for r in rules)


#: Points: a line running on past the last line across it by less than this (a border drawn
#: a little long) makes no column or row of its own.
OVERHANG = 6.0


def _edges(positions: list[float], low: float, high: float) -> list[float]:
    """The boundaries: where the lines are, and the extent of the lines across them (a table
    cut by a page break has no closing line), unless that only overhangs the last line."""
    found = cluster(positions, TOLERANCE)
    if low < found[0] - OVERHANG:
        found.insert(0, low)
    if high > found[-1] + OVERHANG:
        found.append(high)
    return cluster(found, TOLERANCE)


def ruled_table(
    hs: list[Rule], vs: list[Rule], chars: list[Char], page: int
) -> tuple[Table, list[Char]] | None:
    """The table the rules draw, and the characters outside it; None for a frame around a
    single place (a box, not a table).

    The outer extent of the lines is a boundary even where no line is drawn (a table cut by
    a page break has no closing line).
    """
    ys = _edges([h.at for h in hs], min(v.a for v in vs), max(v.b for v in vs))
    xs = _edges([v.at for v in vs], min(h.a for h in hs), max(h.b for h in hs))
    if len(xs) * len(ys) < 6:
        return None
    nr, nc = len(ys) - 1, len(xs) - 1
    sets = _Sets(nr * nc)
    at_x = [[v for v in vs if abs(v.at - x) <= TOLERANCE] for x in xs]
    at_y = [[h for h in hs if abs(h.at - y) <= TOLERANCE] for y in ys]
    for r in range(nr):
        for c in range(nc):
            if c + 1 < nc and not _covered(at_x[c + 1], xs[c + 1], ys[r], ys[r + 1]):
                sets.union(r * nc + c, r * nc + c + 1)
            if r + 1 < nr and not _covered(at_y[r + 1], ys[r + 1], xs[c], xs[c + 1]):
                sets.union(r * nc + c, (r + 1) * nc + c)
    spans: dict[int, list[int]] = {}
    for r in range(nr):
        for c in range(nc):
            s = spans.setdefault(sets.find(r * nc + c), [r, c, r, c])
            s[0], s[1], s[2], s[3] = min(s[0], r), min(s[1], c), max(s[2], r), max(s[3], c)
    inside: dict[int, list[Char]] = {}
    outside: list[Char] = []
    for ch in chars:
        cx, cy = ch.cx, ch.cy
        if not (xs[0] - 1 <= cx <= xs[-1] + 1 and ys[0] - 1 <= cy <= ys[-1] + 1):
            outside.append(ch)
            continue
        c = min(max(bisect.bisect(xs, cx) - 1, 0), nc - 1)
        r = min(max(bisect.bisect(ys, cy) - 1, 0), nr - 1)
        inside.setdefault(sets.find(r * nc + c), []).append(ch)
    cells: list[Cell] = []
    for root, (r0, c0, r1, c1) in spans.items():
        cell = Cell(r0, c0, r1 + 1, c1 + 1, page=page)
        if root in inside:
            # Text over several lines: the vertical group label (one character a line), headers
            # stacked two characters a line, a letter-spaced 总 计 all come out whole.
            lines = group_lines(inside[root])
            cell.text = lines_text(lines)
            cell.chars = [c for found in lines for c in found.chars]
            cell.line = min(ch.line for ch in inside[root])
            last = lines[-1]
            cell.wrapped = last.x1 - last.x0 >= (xs[c1 + 1] - xs[c0]) - 2.5 * last.em
        cells.append(cell)
    cells.sort(key=lambda k: (k.r0, k.c0))
    line = min((k.line for k in cells if k.line), default=0)
    return Table(xs, cells, page, ys[0], ys[-1], True, nr, line), outside
