"""The statutory section headings of an annual report, found wherever they stand, and the
regions of blocks between them.

Headings are found in Chinese (一、总体情况, misspelt or reworded, even inside a line) and in
the English of machine translations (``I.``, ``Second,``, ``Iii.``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from govinfo.layout import Grid, LayoutBlock, TextBlock, text_slice
from govinfo.model.cells import SourceRef
from govinfo.statute import ANNUAL_REPORT_SECTIONS, TABLE_MARKERS, ZH_NUMERALS, SectionDef
from govinfo.text import ENGLISH_NUMBERS, fold, fold_cell, fold_with_map, small_int

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
_EN_HEADING = re.compile(r"^\s*([ivx]+|\d+|[a-z]+)\s*[.,、:)]\s*(.+)$", re.I)
_END_WORDS = ("情况", "事项", "措施")


@attrs.frozen
class Heading:
    section: SectionDef
    element: int
    start: int  # in the element's text
    end: int
    text: str


@functools.lru_cache(maxsize=16)
def _numeral(number: int | None) -> re.Pattern[str]:
    numeral = ZH_NUMERALS[number] if number is not None else "[一二三四五六七八九十]"
    return re.compile(rf"{numeral}\s*[、.．]\s*")


#: What may stand before a heading's numeral (the start, a space, a mark); anything else only
#: when the heading's whole label follows (a crawler glues 0000000四、政府信息公开… together).
_BEFORE = re.compile(r"[\s。；;：:）)]")


def _zh_heading(
    text: str, start: int, section: SectionDef, *, any_numeral: bool = False
) -> tuple[int, int] | None:
    """Where the section's heading stands in the text (from ``start``), if it does.

    With ``any_numeral`` only the section's whole label is taken, under any numeral (a
    report whose narrative numbers its own parts shifts the statutory headings' numerals).
    """
    for match in _numeral(None if any_numeral else section.number).finditer(text, start):
        window = text[match.end() : match.end() + 60]
        folded, where = fold_with_map(window)
        head = folded[:26]
        if not all(k in head for k in section.keywords):
            continue
        end = None
        labels = [fold_cell(label) for label in (section.label.zh, *section.variants)]
        for label in labels:
            if folded.startswith(label):
                end = where[len(label) - 1] + 1
                break
        if any_numeral and end is None:
            continue
        bounded = match.start() == 0 or _BEFORE.match(text, match.start() - 1) is not None
        # Glued to what stands before it, a heading must begin as its label does (the rest
        # may be reworded: 政府信息公开行政复议与行政诉讼情况).
        if not bounded and end is None and not any(folded.startswith(lb[:6]) for lb in labels):
            continue
        if end is None:
            last_keyword = max(folded.find(k) + len(k) for k in section.keywords)
            positions = [folded.find(w, last_keyword) for w in _END_WORDS]
            positions = [p for p in positions if 0 <= p <= 24]
            if positions:
                end = where[min(positions) + 1] + 1
            else:
                sentence = re.search(r"[。\s]", window)
                end = sentence.start() if sentence else len(window)
        return match.start(), match.end() + end
    return None


def _en_heading(text: str, section: SectionDef) -> bool:
    stripped = text.strip()
    if len(stripped) > 160:
        return False
    match = _EN_HEADING.match(stripped)
    if not match:
        return False
    numeral, rest = match.group(1).lower(), match.group(2).lower()
    value = _ROMAN.get(numeral) or ENGLISH_NUMBERS.get(numeral) or (small_int(numeral, 2) or 0)
    if value != section.number:
        return False
    return any(all(word in rest for word in group) for group in section.keywords_en)


def find_headings(elements: Sequence[LayoutBlock]) -> list[Heading]:
    """The statutory headings, in order; a heading missing from the source is skipped."""
    found: list[Heading] = []
    cursor = (0, 0)
    for section in ANNUAL_REPORT_SECTIONS:
        hit = _next_heading(elements, cursor, section)
        if hit is None:
            hit = _next_heading(elements, cursor, section, any_numeral=True)
        if hit is not None:
            found.append(hit)
            cursor = (hit.element, hit.end)
    return found


def _next_heading(
    elements: Sequence[LayoutBlock],
    cursor: tuple[int, int],
    section: SectionDef,
    *,
    any_numeral: bool = False,
) -> Heading | None:
    first, offset = cursor
    for index in range(first, len(elements)):
        element = elements[index]
        if not isinstance(element, TextBlock):
            continue
        start = offset if index == first else 0
        span = _zh_heading(element.text, start, section, any_numeral=any_numeral)
        if span is not None:
            return Heading(
                section, index, span[0], span[1], element.text[span[0] : span[1]].strip()
            )
        if not any_numeral and start == 0 and _en_heading(element.text, section):
            return Heading(section, index, 0, len(element.text), element.text.strip())
    return None


# --------------------------------------------------------------------------- regions


def _split_text(block: TextBlock, start: int, end: int) -> TextBlock | None:
    text, confidence = text_slice(block.text, block.confidence, start, end)
    if not text:
        return None
    source = block.source
    if source is not None and source.offset is not None:
        source = SourceRef(line=source.line, offset=source.offset + start)
    return TextBlock(text, source, heading=block.heading, confidence=confidence)


@attrs.frozen
class Regions:
    preamble: tuple[LayoutBlock, ...]
    sections: dict[str, tuple[tuple[int, LayoutBlock], ...]]
    headings: dict[str, Heading]


def regions(elements: Sequence[LayoutBlock], headings: list[Heading]) -> Regions:
    """The blocks of the preamble and of each section, headings cut out."""
    bounds = [(h.element, h.start, h.end) for h in headings]
    pieces: list[tuple[int, LayoutBlock, int]] = []  # (region number, block, element index)
    region = -1
    for index, element in enumerate(elements):
        cuts = [(s, e) for (i, s, e) in bounds if i == index]
        if not cuts:
            pieces.append((region, element, index))
            continue
        if not isinstance(element, TextBlock):  # a table where a section starts
            region += len(cuts)
            pieces.append((region, element, index))
            continue
        position = 0
        for start, end in cuts:
            before = _split_text(element, position, start)
            if before is not None:
                pieces.append((region, before, index))
            region += 1
            position = end
        after = _split_text(element, position, len(element.text))
        if after is not None:
            pieces.append((region, after, index))
    sections: dict[str, list[tuple[int, LayoutBlock]]] = {h.section.key: [] for h in headings}
    preamble: list[LayoutBlock] = []
    for number, block, index in pieces:
        if number < 0:
            preamble.append(block)
        else:
            sections[headings[number].section.key].append((index, block))
    return Regions(
        tuple(preamble),
        {k: tuple(v) for k, v in sections.items()},
        {h.section.key: h for h in headings},
    )


# --------------------------------------------------------------------------- table anchors


def _marker_at(block: LayoutBlock, markers: Sequence[str], start: int) -> int | None:
    """Where in the block (from ``start``) the first of a table's opening labels stands."""
    if isinstance(block, TextBlock):
        folded, where = fold_with_map(block.text[start:])
        found = [folded.find(m) for m in markers]
        hits = [f for f in found if f >= 0]
        return start + where[min(hits)] if hits else None
    if isinstance(block, Grid):
        text = fold("".join(cell.text for row in block.rows for cell in row))
        return 0 if any(m in text for m in markers) else None
    return None


#: How many blocks after its heading a table may begin (a sentence or two between them).
TABLE_AFTER_HEADING = 4


def has_its_table(
    elements: Sequence[LayoutBlock], heading: Heading, headings: Sequence[Heading] = ()
) -> bool:
    """Whether the statutory table of the heading's section stands under it: its opening
    labels in a grid, or opening a line of text, within a few blocks of the heading and
    before the next of ``headings`` (a label named in a sentence is no table)."""
    table = heading.section.table
    if table is None:
        return False
    markers = [fold(m) for m in TABLE_MARKERS[table]]
    following = [h.element for h in headings if h.element > heading.element]
    stop = min([len(elements), heading.element + 1 + TABLE_AFTER_HEADING, *following])
    for index in range(heading.element, stop):
        block = elements[index]
        start = heading.end if index == heading.element else 0
        at = _marker_at(block, markers, start)
        if at is None:
            continue
        if isinstance(block, Grid):
            return True
        if isinstance(block, TextBlock):
            line = block.text[block.text.rfind("\n", 0, at) + 1 : at]
            if not line.strip(" \t|│\u3000"):
                return True
    return False


def anchor_tables(elements: Sequence[LayoutBlock], headings: list[Heading]) -> list[Heading]:
    """The headings, with a section start for each statutory table whose heading the text
    lacks but whose labels are there: the table marks where its section begins (its heading
    text is then empty)."""
    found = sorted(headings, key=lambda h: (h.element, h.start))
    have = {h.section.key for h in found}
    for section in ANNUAL_REPORT_SECTIONS:
        if section.table is None or section.key in have:
            continue
        markers = [fold(m) for m in TABLE_MARKERS[section.table]]
        before = [h for h in found if h.section.number < section.number]
        after = [h for h in found if h.section.number > section.number]
        lo = (before[-1].element, before[-1].end) if before else (0, 0)
        hi = (after[0].element, after[0].start) if after else (len(elements), 0)
        anchor = None
        for index in range(lo[0], min(hi[0] + 1, len(elements))):
            start = lo[1] if index == lo[0] else 0
            at = _marker_at(elements[index], markers, start)
            if at is not None and (index, at) < hi:
                anchor = Heading(section, index, at, at, "")
                break
        if anchor is not None:
            found.append(anchor)
            found.sort(key=lambda h: (h.element, h.start))
            have.add(section.key)
    return sorted(found, key=lambda h: h.section.number)
