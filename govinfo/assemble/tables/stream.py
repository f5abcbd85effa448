"""The table material as one stream of cells, and the folded text labels are looked for in.

The material of a table section (grid cells, or the words of text blocks) is kept as columns
of plain values (a table has hundreds of cells), with the folded text of all of them and where
each cell's text starts in it, so that a label broken across cells is found by one search.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterator, Sequence

import attrs

from govinfo.layout import Grid, LayoutBlock, TextBlock
from govinfo.model.cells import SourceRef
from govinfo.text import fold_cell, fold_cell_with_map


@attrs.frozen
class Stream:
    """The table material as cells (grid cells, or words of text) kept in columns: cell
    ``i`` is ``texts[i]``, read at ``sources[i]``, standing in row ``rows[i]`` of the
    material, and so on.

    (Columns of plain values, not an object per cell: a table has hundreds of cells.)
    """

    texts: tuple[str, ...]
    sources: tuple[SourceRef | None, ...]
    #: The row of the material each cell stands in (a grid row, or a text block).
    rows: tuple[int, ...]
    #: The index of the element each cell came from.
    elements: tuple[int, ...]
    #: Where each cell stands in its element's text (0 for grid cells).
    offsets: tuple[int, ...]
    #: Whether each is a cell of a grid (an empty one is a blank value), not a word of text.
    grids: tuple[bool, ...]
    #: How sure the reader that recognised each is of it (its least sure character); None
    #: for text as printed.
    confidences: tuple[float | None, ...]
    folded: str
    #: Where each cell's folded text starts in ``folded``.
    starts: tuple[int, ...]
    #: For cells whose folding is not one character for one: the source index of each
    #: folded character (None where it is).
    maps: tuple[tuple[int, ...] | None, ...]

    @classmethod
    def build(cls, elements: Sequence[tuple[int, LayoutBlock]]) -> Stream:
        texts: list[str] = []
        sources: list[SourceRef | None] = []
        rows: list[int] = []
        indices: list[int] = []
        offsets: list[int] = []
        grids: list[bool] = []
        confidences: list[float | None] = []
        row = 0
        for index, element in elements:
            if isinstance(element, Grid):
                before = len(texts)
                for grid_row in element.rows:
                    texts.extend(map(_TEXT, grid_row))
                    sources.extend(map(_SOURCE, grid_row))
                    confidences.extend(_least(c.confidence) for c in grid_row)
                    rows.extend(itertools.repeat(row, len(grid_row)))
                    row += 1
                size = len(texts) - before
                indices.extend(itertools.repeat(index, size))
                offsets.extend(itertools.repeat(0, size))
                grids.extend(itertools.repeat(True, size))
            elif isinstance(element, TextBlock):
                words = list(_WORD.finditer(element.text))
                size = len(words)
                at = list(map(_MATCH_START, words))
                texts.extend(map(_MATCH_TEXT, words))
                source = element.source
                if source is not None and source.offset is not None:
                    sources.extend([SourceRef(source.line, source.offset + a) for a in at])
                else:
                    sources.extend(itertools.repeat(source, size))
                rows.extend(itertools.repeat(row, size))
                indices.extend(itertools.repeat(index, size))
                offsets.extend(at)
                sure = element.confidence
                if sure is None:
                    confidences.extend(itertools.repeat(None, size))
                else:
                    confidences.extend(_least(sure[m.start() : m.end()]) for m in words)
                grids.extend(itertools.repeat(False, size))
                row += 1
        parts = list(map(fold_cell, texts))
        maps: list[tuple[int, ...] | None] = [None] * len(texts)
        # Only the cells whose folding changed them need a map (found without a Python loop).
        for i in itertools.compress(range(len(texts)), map(operator.ne, texts, parts)):
            parts[i], maps[i] = fold_cell_with_map(texts[i])
        starts = tuple(itertools.accumulate(map(len, parts), initial=0))[:-1]
        return cls(
            tuple(texts),
            tuple(sources),
            tuple(rows),
            tuple(indices),
            tuple(offsets),
            tuple(grids),
            tuple(confidences),
            "".join(parts),
            starts,
            tuple(maps),
        )

    def at(self, folded_index: int) -> tuple[int, int]:
        """(cell, character in its text) of a position in the folded stream."""
        cell = bisect.bisect_right(self.starts, folded_index) - 1
        offset = folded_index - self.starts[cell]
        mapping = self.maps[cell]
        return cell, (offset if mapping is None else mapping[offset])

    def rows_between(self, lo: int, hi: int) -> Iterator[tuple[int, range]]:
        """The rows of the material from ``lo`` to ``hi`` (inclusive), each with its cells
        (a row's cells stand together: rows only grow along the stream)."""
        rows = self.rows
        start = bisect.bisect_left(rows, lo)
        stop = bisect.bisect_right(rows, hi)
        while start < stop:
            row = rows[start]
            end = bisect.bisect_right(rows, row, start, stop)
            yield row, range(start, end)
            start = end

    def position(self, folded_index: int) -> tuple[int, int]:
        """(cell, character) of a folded position; the end of the stream past the last."""
        if folded_index >= len(self.folded):
            return len(self.texts), 0
        return self.at(folded_index)


def _least(confidence: tuple[float, ...] | None) -> float | None:
    """The confidence of a piece of recognised text: its least sure character's."""
    if confidence is None:
        return None
    return min(confidence, default=1.0)


_TEXT = operator.attrgetter("text")  # (of a GridCell)

_SOURCE = operator.attrgetter("source")

_WORD = re.compile(r"\S+")

_MATCH_TEXT = operator.methodcaller("group")

_MATCH_START = operator.methodcaller("start")


def span_of(
    stream: Stream, first: int, last: int, *, first_at: int = 0
) -> tuple[tuple[int, int], tuple[int, int]]:
    """The elements and text offsets from cell ``first`` (from its character ``first_at``)
    to the end of cell ``last``."""
    last = min(last, len(stream.texts) - 1)
    return (stream.elements[first], stream.offsets[first] + first_at), (
        stream.elements[last],
        stream.offsets[last] + len(stream.texts[last]),
    )


def pieces(stream: Stream, start: int, end: int) -> Iterator[tuple[int, str, bool]]:
    """The text between two folded positions, cell by cell: (cell index, text, whole cell).

    ``start`` is where a label ends, ``end`` where the next begins (or the stream's end);
    empty cells in between are given too (in a grid they are blank values).
    """
    if start <= 0 or start > len(stream.folded):
        return
    label_cell, label_char = stream.at(start - 1)
    end_cell, end_char = stream.position(end)
    for index in range(label_cell, min(end_cell, len(stream.texts) - 1) + 1):
        text = stream.texts[index]
        lo = label_char + 1 if index == label_cell else 0
        hi = end_char if index == end_cell else len(text)
        if index == label_cell and lo >= len(text):
            continue  # the label fills its cell
        if index == end_cell and hi == 0:
            continue  # the next label starts its cell
        yield index, text[lo:hi], lo == 0 and hi == len(text)
