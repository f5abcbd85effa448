"""The statutory labels of a table, looked for in the folded stream: rows, row groups,
columns, blocks; and which format version the labels found belong to."""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from govinfo.assemble.tables.stream import Stream
from govinfo.assemble.tables.values import Token
from govinfo.statute import FORMAT_VERSIONS, FormatVersion, RowDef, TableDef, TableKey, table_def
from govinfo.text import fold, fold_cell


class Match(NamedTuple):
    start: int  # folded positions
    end: int
    kind: str  # row, group, column, block, header
    key: str


@functools.lru_cache(maxsize=256)
def _row_labels(row: RowDef) -> tuple[str, ...]:
    labels = [row.label.zh, *row.aliases]
    return tuple(dict.fromkeys(fold(label) for label in labels))


@functools.lru_cache(maxsize=16)
def _other_labels(definition: TableDef) -> tuple[tuple[str, str, str], ...]:
    """(kind, key, folded label) of every label of the table that is not a row's own."""
    return tuple(_iter_other_labels(definition))


def _iter_other_labels(definition: TableDef) -> Iterator[tuple[str, str, str]]:
    seen: set[str] = set()
    for row in definition.rows:
        for group in row.groups:
            yield "group", group.zh, fold(group.zh)
            # Group labels are often printed without their numbering, or broken.
            bare = re.sub(
                r"^[（(][一二三四五六七八九十]+[）)]|^[一二三四五六七八九十]+、", "", group.zh
            )
            if bare != group.zh and len(bare) >= 4:
                yield "group", group.zh, fold(bare)
        if row.block is not None and row.block.zh not in seen:
            seen.add(row.block.zh)
            yield "block", row.block.zh, fold(row.block.zh)
        for column in row.columns:
            for label in (*column.groups, column.label):
                if label.zh not in seen:
                    seen.add(label.zh)
                    yield "column", label.zh, fold(label.zh)
    for note in (definition.corner, definition.stub_label, definition.columns_label):
        if note is not None:
            yield "header", note.zh, fold(note.zh)


_START = operator.itemgetter(0)

_END = operator.itemgetter(1)


@functools.lru_cache(maxsize=16)
def _searched_labels(definition: TableDef) -> tuple[tuple[str, str, str], ...]:
    """(folded label, kind, key) of every label looked for in a table's material.

    A text that several labels share is looked for once, for the first of them: a match of
    the others would stand at the same place and be dropped as lying inside it.
    """
    rows = [(label, "row", row.key) for row in definition.rows for label in _row_labels(row)]
    others = [(label, kind, key) for kind, key, label in _other_labels(definition)]
    first: dict[str, tuple[str, str, str]] = {}
    for entry in rows + [entry for entry in others if len(entry[0]) >= 2]:
        first.setdefault(entry[0], entry)
    return tuple(first.values())


def find_labels(stream: Stream, definition: TableDef) -> list[Match]:
    matches: list[Match] = []
    find = stream.folded.find
    for label, kind, key in _searched_labels(definition):
        start = find(label)
        while start >= 0:
            matches.append(Match(start, start + len(label), kind, key))
            start = find(label, start + 1)
    # A label inside a longer one is not a label of its own (其他 inside 2.其他法律…): sorted
    # by start, longest first, a match ending before the furthest end so far lies inside.
    # (Two stable sorts with C-level keys: by end, descending, then by start.)
    matches.sort(key=_END, reverse=True)
    matches.sort(key=_START)
    kept: list[Match] = []
    furthest = -1
    for match in matches:
        if match.end <= furthest:
            continue
        kept.append(match)
        furthest = match.end
    return kept


@functools.lru_cache(maxsize=16)
def label_vocabulary(definition: TableDef) -> frozenset[str]:
    chars: set[str] = set()
    for row in definition.rows:
        for label in (row.label, *row.groups):
            chars.update(fold(label.zh))
        for column in row.columns:
            for label in (column.label, *column.groups):
                chars.update(fold(label.zh))
    return frozenset(ch for ch in chars if not ch.isdigit())


def is_debris(token: Token, vocabulary: frozenset[str]) -> bool:
    """Pieces of labels broken up by a converter (（四）无, 予处理): not values, not noise."""
    folded = _NUMBERING.sub("", fold_cell(token.text), count=1)
    return bool(folded) and not any(map(str.isdigit, folded)) and vocabulary.issuperset(folded)


#: A label's own number (``2.``), which debris may keep.
_NUMBERING = re.compile(r"^\d{1,2}[.、]")


@functools.lru_cache(maxsize=8)
def distinctive_labels(key: TableKey) -> dict[FormatVersion, tuple[str, ...]]:
    """Labels only one version of a table has, folded: how the version is told apart."""
    labels: dict[FormatVersion, set[str]] = {}
    groups: dict[FormatVersion, set[str]] = {}
    for version in FORMAT_VERSIONS:
        definition = table_def(key, version)
        found: set[str] = set()
        for row in definition.rows:
            found.add(fold(row.label.zh))
            found.update(fold(c.label.zh) for c in row.columns)
        labels[version] = found
        groups[version] = {fold(g.zh) for row in definition.rows for g in row.groups}
    out: dict[FormatVersion, tuple[str, ...]] = {}
    for version in FORMAT_VERSIONS:
        # A label the other version prints too, as a row or as a group over rows, tells
        # nothing: （六）其他处理 is a row in 2019 and heads three rows in 2021.
        others = set().union(*(labels[v] | groups[v] for v in FORMAT_VERSIONS if v != version))
        out[version] = tuple(sorted(labels[version] - others))
    return out


def detect_version(stream: Stream, key: TableKey) -> tuple[FormatVersion | None, str | None]:
    """The version whose distinctive labels the material has, and the label that told."""
    scores: dict[FormatVersion, list[str]] = {}
    for version, labels in distinctive_labels(key).items():
        scores[version] = [label for label in labels if label in stream.folded]
    best = sorted(FORMAT_VERSIONS, key=lambda v: len(scores[v]), reverse=True)
    if scores[best[0]] and len(scores[best[0]]) > len(scores[best[1]]):
        return best[0], scores[best[0]][0]
    return None, None


def covered(stream: Stream, matches: Sequence[Match]) -> list[list[tuple[int, int]]]:
    """For each cell, the character ranges that labels cover."""
    covered: list[list[tuple[int, int]]] = [[] for _ in stream.texts]
    for match in matches:
        if match.end <= match.start:
            continue
        first_cell, first_char = stream.at(match.start)
        last_cell, last_char = stream.at(match.end - 1)
        for index in range(first_cell, last_cell + 1):
            lo = first_char if index == first_cell else 0
            hi = last_char + 1 if index == last_cell else len(stream.texts[index])
            covered[index].append((lo, hi))
    return covered


def uncovered(text: str, ranges: list[tuple[int, int]]) -> str:
    """The text with the given ranges blanked out."""
    if not ranges:
        return text
    chars = list(text)
    for lo, hi in ranges:
        hi = min(hi, len(text))
        if lo < hi:
            chars[lo:hi] = " " * (hi - lo)
    return "".join(chars)


#: How alike a printed label must be to the statute's for a row the text lacks (the share of
#: characters in common, difflib's ratio): 2.其他法律行政止公开 for 2.其他法律行政法规禁止公开
#: is 0.89.
MISPRINT_LIKENESS = 0.75

#: The longest stretch of a cell that can be a label: a number (2.) and no digits after it.
_LABEL_LIKE = re.compile(r"(?:\d{1,2}[.、])?[^\d]{3,}")
_NUMBER = re.compile(r"^\d{1,2}[.、]")


def misprinted_rows(
    stream: Stream,
    definition: TableDef,
    found: dict[str, Match],
    matches: Sequence[Match],
) -> list[tuple[Match, str]]:
    """Rows whose label is printed with characters missing or changed, found where the
    statute puts them: a row whose neighbours' labels are both found, the only row missing
    between them, whose place holds exactly one text alike to its label (its number, if it
    has one, the same).  Each with the text as printed."""
    import difflib

    rows = definition.rows
    out: list[tuple[Match, str]] = []
    for i, row in enumerate(rows):
        if row.key in found or i == 0 or i + 1 >= len(rows):
            continue
        before, after = found.get(rows[i - 1].key), found.get(rows[i + 1].key)
        if before is None or after is None or before.end >= after.start:
            continue
        label = fold(row.label.zh)
        number = _NUMBER.match(label)
        # (A column's label inside the text, 其他 in 2.其他法律…, does not make it taken.)
        taken = [
            (m.start, m.end)
            for m in matches
            if m.kind in ("row", "group") and m.end > before.end and m.start < after.start
        ]
        candidates = []
        first = stream.at(before.end)[0] if before.end < len(stream.folded) else len(stream.texts)
        for cell in range(first, len(stream.texts)):
            start = stream.starts[cell]
            if start >= after.start:
                break
            end = stream.starts[cell + 1] if cell + 1 < len(stream.texts) else len(stream.folded)
            for piece in _LABEL_LIKE.finditer(stream.folded[start:end]):
                lo, hi = start + piece.start(), start + piece.end()
                if lo < before.end or hi > after.start or any(a < hi and lo < b for a, b in taken):
                    continue
                text = piece.group()
                if number and not text.startswith(number.group()):
                    continue
                if difflib.SequenceMatcher(None, text, label).ratio() >= MISPRINT_LIKENESS:
                    candidates.append((Match(lo, hi, "row", row.key), text))
        if len(candidates) == 1:
            out.append(candidates[0])
    return out
