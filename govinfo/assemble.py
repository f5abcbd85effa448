"""The assembler: any reader's blocks to a Document.

It finds the six statutory sections by their headings (Chinese, or the English of machine
translations), even inside a line; keeps page chrome and injected spam out of the narrative
and reports them; builds each section's narrative of paragraphs and numbered items; reads
the tables of sections 二, 三 and 四 by their labels (:mod:`govinfo.tableread`); and takes
the agency, year, title and the figures the narrative states.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Sequence

import attrs

from govinfo.blocks import Block, Blocks, TextBlock
from govinfo.cells import SourceRef
from govinfo.documents import (
    AnnualReport,
    AnnualReportMetadata,
    Document,
    DroppedText,
    Origin,
    ReadingNote,
    Section,
    StatedFigure,
)
from govinfo.errors import ReaderNotFoundError
from govinfo.formats import (
    ANNUAL_REPORT_SECTIONS,
    ZH_NUMERALS,
    DocumentKind,
    FormatVersion,
    SectionDef,
    TableKey,
)
from govinfo.keypoints import assemble_key_points, looks_like_key_points
from govinfo.narrative import Block as NarrativeBlock
from govinfo.narrative import Item, Paragraph
from govinfo.noise import chrome_reason, strip_spam
from govinfo.ruleoflaw import assemble_rule_of_law, looks_like_rule_of_law
from govinfo.tableread import TableReading, read_table
from govinfo.tables import Table, TableUnavailable
from govinfo.text import chinese_number, fold_cell, fold_with_map, language_of

# --------------------------------------------------------------------------- headings

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
_WORDS = {
    "first": 1, "one": 1, "second": 2, "two": 2, "third": 3, "three": 3,
    "fourth": 4, "four": 4, "fifth": 5, "five": 5, "sixth": 6, "six": 6,
}  # fmt: skip
_EN_HEADING = re.compile(r"^\s*([ivx]+|\d+|[a-z]+)\s*[.,、:)]\s*(.+)$", re.I)
_END_WORDS = ("情况", "事项", "措施")


@attrs.frozen
class _Heading:
    section: SectionDef
    element: int
    start: int  # in the element's text
    end: int
    text: str


@functools.lru_cache(maxsize=16)
def _numeral(number: int) -> re.Pattern[str]:
    numeral = ZH_NUMERALS[number]
    # The numeral at the start or after a space or a mark.  The pattern begins with the
    # numeral (the regex engine then skips ahead to it) and looks back from there.
    return re.compile(rf"{numeral}(?<![^\s。；;：:）)]{numeral})\s*[、.．]\s*")


def _zh_heading(text: str, start: int, section: SectionDef) -> tuple[int, int] | None:
    for match in _numeral(section.number).finditer(text, start):
        window = text[match.end() : match.end() + 60]
        folded, where = fold_with_map(window)
        head = folded[:26]
        if not all(k in head for k in section.keywords):
            continue
        end = None
        for label in (section.label.zh, *section.variants):
            if folded.startswith(fold_cell(label)):
                end = where[len(fold_cell(label)) - 1] + 1
                break
        if end is None:
            last_keyword = max(folded.find(k) + len(k) for k in section.keywords)
            positions = [folded.find(w, last_keyword) for w in _END_WORDS]
            positions = [p for p in positions if 0 <= p <= 24]
            if positions:
                end = where[min(positions) + 1] + 1
            else:
                sentence = re.search(r"[。\s]", window)
                end = sentence.start() if sentence else len(window)
        return match.start() + (
            len(match.group(0)) - len(match.group(0).lstrip())
        ), match.end() + end
    return None


def _en_heading(text: str, section: SectionDef) -> bool:
    stripped = text.strip()
    if len(stripped) > 160:
        return False
    match = _EN_HEADING.match(stripped)
    if not match:
        return False
    numeral, rest = match.group(1).lower(), match.group(2).lower()
    value = _ROMAN.get(numeral) or _WORDS.get(numeral) or (int(numeral) if numeral.isdigit() else 0)
    if value != section.number:
        return False
    return any(all(word in rest for word in group) for group in section.keywords_en)


def _find_headings(elements: Sequence[Block]) -> list[_Heading]:
    """The statutory headings, in order; a heading missing from the source is skipped."""
    found: list[_Heading] = []
    cursor = (0, 0)
    for section in ANNUAL_REPORT_SECTIONS:
        hit = _next_heading(elements, cursor, section)
        if hit is not None:
            found.append(hit)
            cursor = (hit.element, hit.end)
    return found


def _next_heading(
    elements: Sequence[Block], cursor: tuple[int, int], section: SectionDef
) -> _Heading | None:
    first, offset = cursor
    for index in range(first, len(elements)):
        element = elements[index]
        if not isinstance(element, TextBlock):
            continue
        start = offset if index == first else 0
        span = _zh_heading(element.text, start, section)
        if span is not None:
            return _Heading(
                section, index, span[0], span[1], element.text[span[0] : span[1]].strip()
            )
        if start == 0 and _en_heading(element.text, section):
            return _Heading(section, index, 0, len(element.text), element.text.strip())
    return None


# --------------------------------------------------------------------------- regions


def _split_text(block: TextBlock, start: int, end: int) -> TextBlock | None:
    text = block.text[start:end]
    if not text.strip():
        return None
    source = block.source
    if source is not None and source.offset is not None:
        source = SourceRef(line=source.line, offset=source.offset + start)
    return TextBlock(text.strip(), source, heading=block.heading)


@attrs.frozen
class _Regions:
    preamble: tuple[Block, ...]
    sections: dict[str, tuple[tuple[int, Block], ...]]
    headings: dict[str, _Heading]


def _regions(elements: Sequence[Block], headings: list[_Heading]) -> _Regions:
    """The blocks of the preamble and of each section, headings cut out."""
    bounds = [(h.element, h.start, h.end) for h in headings]
    pieces: list[tuple[int, Block, int]] = []  # (region number, block, element index)
    region = -1
    for index, element in enumerate(elements):
        cuts = [(s, e) for (i, s, e) in bounds if i == index]
        if not cuts or not isinstance(element, TextBlock):
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
    sections: dict[str, list[tuple[int, Block]]] = {h.section.key: [] for h in headings}
    preamble: list[Block] = []
    for number, block, index in pieces:
        if number < 0:
            preamble.append(block)
        else:
            sections[headings[number].section.key].append((index, block))
    return _Regions(
        tuple(preamble),
        {k: tuple(v) for k, v in sections.items()},
        {h.section.key: h for h in headings},
    )


# --------------------------------------------------------------------------- narrative

_LEVEL1 = re.compile(
    r"^\s*(?P<marker>[（(]\s*(?P<n>[一二三四五六七八九十]{1,3}|\d{1,2}|[A-Ha-h])\s*[）)])\s*"
)
_LEVEL2 = re.compile(
    r"^\s*(?P<marker>(?P<n>[一二三四五六七八九十]{1,3})是|the (?P<w>first|second|third|fourth"
    r"|fifth|sixth|seventh|eighth) is|(?P<w2>first|second|third|fourth|fifth|sixth),)\s*",
    re.I,
)


def _number(token: str) -> int:
    """An item's number: 3, 三, c (third letter) or an English ordinal word."""
    token = token.strip().lower()
    if token.isdigit():
        return int(token)
    if len(token) == 1 and "a" <= token <= "h":
        return ord(token) - ord("a") + 1
    if token in _WORDS:
        return _WORDS[token]
    return chinese_number(token) or 1


def _sequential_split(text: str, pattern_for: object) -> list[str]:
    """Split running text before markers that follow each other in sequence (一是 … 二是 …)."""
    assert callable(pattern_for)
    parts: list[int] = []
    position = 0
    n = 1
    while n <= 30:
        match = pattern_for(n).search(text, position)
        if match is None:
            break
        parts.append(match.start(1))
        position = match.end()
        n += 1
    if len(parts) < 2 and not (parts and parts[0] == 0):
        return [text]
    cuts = [0, *[p for p in parts if p > 0], len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(cuts) if text[a:b].strip()]


@functools.lru_cache(maxsize=64)
def _inline_level1(n: int) -> re.Pattern[str]:
    numeral = ZH_NUMERALS[n] if n < len(ZH_NUMERALS) else str(n)
    # The bracket at the start or after a space or a mark (looked back at from the bracket:
    # a pattern that begins with its first character is searched quickly).
    return re.compile(rf"([（(](?<![^\s。；;][（(]){numeral}[）)])")


@functools.lru_cache(maxsize=64)
def _inline_level2(n: int) -> re.Pattern[str]:
    numeral = ZH_NUMERALS[n] if n < len(ZH_NUMERALS) else str(n)
    return re.compile(rf"({numeral}(?<![^\s。；;：:，,]{numeral})是)")


def _lead(text: str) -> tuple[str, str]:
    """An item's heading (its own short line, or its first sentence) and the rest."""
    sentence = re.search(r"[。；;]|(?<=[A-Za-z)])\.(?:\s|$)", text)
    if sentence is None and len(text) <= 120:
        return text.strip(), ""
    if sentence is None or sentence.end() > 200:
        head, _, rest = text.partition(" ")
        if 0 < len(head) <= 20 and rest and re.search(r"[\u4e00-\u9fff]", head):
            return head, rest.strip()  # （一）主动公开方面 平潭…: the heading ends at the space
        return text.strip(), ""
    return text[: sentence.start()].strip(), text[sentence.end() :].strip()


def narrative(texts: Sequence[TextBlock]) -> tuple[NarrativeBlock, ...]:
    """Paragraphs and numbered items, nested: （一） items hold their 一是 items."""
    pieces: list[tuple[str, SourceRef | None]] = []
    for block in texts:
        level1s = (
            _sequential_split(block.text, _inline_level1)
            if "（" in block.text or "(" in block.text
            else [block.text]
        )
        for level1 in level1s:
            level2s = _sequential_split(level1, _inline_level2) if "是" in level1 else [level1]
            for level2 in level2s:
                pieces.append((level2, block.source))
    top: list[NarrativeBlock] = []
    # Open items as (marker, number, heading, content so far, source); built when closed.
    current: tuple[str, int, str, list[NarrativeBlock], SourceRef | None] | None = None
    inner: tuple[str, int, str, list[NarrativeBlock], SourceRef | None] | None = None

    def build(item: tuple[str, int, str, list[NarrativeBlock], SourceRef | None]) -> Item:
        marker, number, heading, content, source = item
        return Item(marker, number, heading, tuple(content), source=source)

    def close_inner() -> None:
        nonlocal inner
        if inner is None:
            return
        (current[3] if current is not None else top).append(build(inner))
        inner = None

    def close_current() -> None:
        nonlocal current
        close_inner()
        if current is not None:
            top.append(build(current))
            current = None

    for text, source in pieces:
        first = _LEVEL1.match(text)
        second = None if first else _LEVEL2.match(text)
        if first:
            close_current()
            heading, rest = _lead(text[first.end() :])
            content: list[NarrativeBlock] = [Paragraph(rest, source=source)] if rest else []
            current = (first.group("marker"), _number(first.group("n")), heading, content, source)
        elif second:
            close_inner()
            number = second.group("n") or second.group("w") or second.group("w2") or "1"
            heading, rest = _lead(text[second.end() :])
            content = [Paragraph(rest, source=source)] if rest else []
            inner = (second.group("marker").strip(), _number(number), heading, content, source)
        else:
            paragraph = Paragraph(text, source=source)
            if inner is not None:
                inner[3].append(paragraph)
            elif current is not None:
                current[3].append(paragraph)
            else:
                top.append(paragraph)
    close_current()
    return tuple(top)


# --------------------------------------------------------------------------- metadata

_TITLE_A = re.compile(
    r"(?P<agency>[\u4e00-\u9fa5（）()]{2,40}?)\s*(?P<year>20\d\d)\s*年度?\s*"
    r"(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)"
)
_TITLE_B = re.compile(
    r"(?P<year>20\d\d)\s*年?度?\s*(?P<agency>[\u4e00-\u9fa5（）()]{2,40}?)\s*"
    r"(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)"
)
_DATE = re.compile(
    r"(?:发布)?(?:时间|日期)\s*[:：]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)


def _date(text: str) -> dt.date | None:
    match = _DATE.search(text)
    if match is None:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


@attrs.frozen
class _Title:
    title: str | None
    agency: str | None
    year: int | None
    used: tuple[int, ...]  # preamble blocks that make the title


def _title(header: dict[str, str], preamble: Sequence[Block]) -> _Title:
    """The title line and the agency and year it names.

    Looked for in the container's own title (a crawler's 标题), then in each of the first
    blocks, then in two blocks together (the agency on one line, the title on the next);
    the first that names an agency and a year wins.
    """
    candidates: list[tuple[str, tuple[int, ...]]] = []
    if "标题" in header:
        candidates.append((header["标题"], ()))
    texts = [(i, b.text) for i, b in enumerate(preamble) if isinstance(b, TextBlock)][:6]
    candidates += [(text, (i,)) for i, text in texts]
    candidates += [(a + b, (i, j)) for (i, a), (j, b) in itertools.pairwise(texts) if len(a) <= 40]
    for text, used in candidates:
        head = text[:160]
        for pattern in (_TITLE_A, _TITLE_B):
            match = pattern.search(head)
            if match is None:
                continue
            agency = re.sub(r"^(正文|标题[:：]?)", "", match.group("agency").strip()).strip()
            return _Title(match.group(0).strip(), agency or None, int(match.group("year")), used)
    return _Title(None, None, None, ())


# --------------------------------------------------------------------------- stated figures

# (pattern, cell key, words one of which a text must have for the pattern to be tried)
_STATED: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = tuple(
    (re.compile(pattern), key, words)
    for pattern, key, words in (
        (
            r"(?:共|累计|全年|全区|本年度?)?(?:收到|受理|新收)[^。；，,\d]{0,8}?申请\s*(\d+)\s*件",
            "applications.received.total",
            ("申请",),
        ),
        (
            r"(?:共|累计)?(?:收到|受理)\s*(\d+)\s*件(?:依申请公开|政府信息公开申请|申请)",
            "applications.received.total",
            ("申请",),
        ),
        (
            r"(?:共|累计)?(?:收到|受理)(?:依申请|政府信息公开申请)[^。；，,\d]{0,8}?(\d+)\s*件",
            "applications.received.total",
            ("申请",),
        ),
        (r"办结\s*(\d+)\s*件", "applications.outcome.total.total", ("办结",)),
        (r"(?<!及)予以公开\s*(\d+)\s*件", "applications.outcome.disclosed.total", ("予以公开",)),
        (r"行政复议案件\s*(\d+)\s*件", "appeals.reconsideration.total", ("行政复议案件",)),
        (
            r"[Aa] total of (\d+) [^.]{0,40}?(?:applications?|requests?|documents?)"
            r"[^.]{0,20}?(?:were|was) received",
            "applications.received.total",
            ("received",),
        ),
    )
)


def stated_figures(blocks: Sequence[TextBlock]) -> tuple[StatedFigure, ...]:
    """The figures the narrative states about table cells, each with its clause."""
    found: dict[str, StatedFigure] = {}
    for block in blocks:
        if "件" not in block.text and "received" not in block.text:
            continue
        for pattern, key, words in _STATED:
            if key in found or not any(word in block.text for word in words):
                continue
            match = pattern.search(block.text)
            if match is None:
                continue
            clause_start = max(block.text.rfind(p, 0, match.start()) for p in "。；，,") + 1
            clause_end = min(
                [e for e in (block.text.find(p, match.end()) for p in "。；;") if e >= 0]
                or [len(block.text)]
            )
            source = block.source
            if source is not None and source.offset is not None:
                source = SourceRef(line=source.line, offset=source.offset + match.start())
            found[key] = StatedFigure(
                key, int(match.group(1)), block.text[clause_start:clause_end].strip(), source=source
            )
    return tuple(found.values())


# --------------------------------------------------------------------------- assembly


def _clean(blocks: Blocks) -> tuple[list[Block], list[DroppedText]]:
    """The blocks without page chrome and injected spam, and what was dropped."""
    dropped = [DroppedText(text, reason, source=source) for text, reason, source in blocks.dropped]
    kept: list[Block] = []
    for block in blocks.blocks:
        if isinstance(block, TextBlock):
            reason = chrome_reason(block.text) if len(block.text) <= 200 else None
            if reason is not None:
                dropped.append(DroppedText(block.text, reason, source=block.source))
                continue
            text, spam = strip_spam(block.text)
            for run in spam:
                dropped.append(DroppedText(run, "spam injected into the text", source=block.source))
            if not text.strip():
                continue
            if spam:
                block = block._replace(text=text)
        kept.append(block)
    return kept, dropped


def _table_section(
    key: TableKey,
    region: tuple[tuple[int, Block], ...],
    version: FormatVersion | None,
    at_end: bool,
) -> tuple[TableReading, list[TextBlock]]:
    """The section's table and the text blocks that are narrative, not table."""
    reading = read_table(key, region, version, at_end=at_end)
    texts: list[TextBlock] = []
    span = reading.span
    for index, block in region:
        if not isinstance(block, TextBlock):
            continue
        if span is None:
            texts.append(block)
            continue
        (first, first_at), (last, last_at) = span
        if index < first or index > last:
            texts.append(block)
            continue
        before = block.text[:first_at].strip() if index == first else ""
        after = block.text[last_at:].strip() if index == last else ""
        for piece in (before, after):
            if piece:
                texts.append(TextBlock(piece, block.source))
    return reading, texts


def _same_element(region: tuple[tuple[int, Block], ...]) -> tuple[tuple[int, Block], ...]:
    """Number a region's blocks by position, so that split text blocks stay apart."""
    return tuple(enumerate(block for _, block in region))


def _published(header: dict[str, str], texts: Sequence[str]) -> dt.date | None:
    """The publication date the container or the first lines state."""
    for key in ("发布时间", "发布日期", "时间", "日期"):
        if key in header:
            found = _date(f"时间:{header[key]}")
            if found is not None:
                return found
    return _date(" ".join(texts[:3]))


def _infer_missing(
    texts: dict[str, list[TextBlock]], present: set[str]
) -> tuple[dict[str, list[TextBlock]], list[ReadingNote]]:
    """A section without a heading (五 dropped by a converter) recognised by its words.

    Its text ran on in the section before it: from the first paragraph there with the
    section's keywords on, it is the missing section's.
    """
    notes: list[ReadingNote] = []
    keys = [s.key for s in ANNUAL_REPORT_SECTIONS]
    for definition in ANNUAL_REPORT_SECTIONS:
        if definition.key in present or definition.table is not None or definition.number == 1:
            continue
        before = next(
            (k for k in reversed(keys[: keys.index(definition.key)]) if k in present), None
        )
        if before is None:
            continue
        blocks = texts.get(before, [])
        start = next(
            (i for i, b in enumerate(blocks) if all(k in b.text for k in definition.keywords)), None
        )
        if start is None or (start == 0 and before != "appeals"):
            continue
        texts[definition.key] = blocks[start:]
        texts[before] = blocks[:start]
        notes.append(
            ReadingNote(
                f"section {definition.heading} has no heading: its text was recognised by the "
                f"words {'、'.join(definition.keywords)} after section "
                f"{next(s.heading for s in ANNUAL_REPORT_SECTIONS if s.key == before)}",
                source=blocks[start].source,
            )
        )
    return texts, notes


def detect_kind(
    elements: Sequence[Block], headings: Sequence[_Heading] | None = None
) -> DocumentKind | None:
    """The kind of document the blocks are, from their content; None if none is recognised."""
    if len(headings if headings is not None else _find_headings(elements)) >= 2:
        return "annual_report"
    text = "\n".join(b.text for b in elements if isinstance(b, TextBlock))
    if looks_like_rule_of_law(text):
        return "rule_of_law_report"
    if looks_like_key_points(text):
        return "key_points"
    return None


def assemble(blocks: Blocks, kind: DocumentKind | None = None) -> Document:
    """A document of the kind detected from the blocks' content (or of ``kind``)."""
    elements, dropped = _clean(blocks)
    headings = _find_headings(elements)
    chosen = kind or detect_kind(elements, headings)
    if chosen == "key_points":
        return assemble_key_points(blocks)
    if chosen == "rule_of_law_report":
        texts = [b for b in elements if isinstance(b, TextBlock)]
        return assemble_rule_of_law(blocks, texts, dropped)
    if chosen is None:
        raise ReaderNotFoundError(
            f"{blocks.location or 'the input'}: no document of a known kind found (an annual "
            "report has its six statutory headings; key points and rule-of-law reports say "
            "what they are); --kind names the kind"
        )
    return assemble_annual_report(blocks, (elements, dropped, headings))


def assemble_annual_report(
    blocks: Blocks,
    cleaned: tuple[list[Block], list[DroppedText], list[_Heading]] | None = None,
) -> AnnualReport:
    """An annual report from a reader's blocks (``cleaned``: what :func:`assemble` found)."""
    if cleaned is None:
        elements, dropped = _clean(blocks)
        headings = _find_headings(elements)
    else:
        elements, dropped, headings = cleaned
    if len(headings) < 2:
        raise ReaderNotFoundError(
            f"{blocks.location or 'the input'}: no annual report found (fewer than two of the "
            "six statutory section headings)"
        )
    regions = _regions(elements, headings)
    header = dict(blocks.header)
    title = _title(header, regions.preamble)
    preamble_texts = [
        b
        for i, b in enumerate(regions.preamble)
        if isinstance(b, TextBlock) and i not in title.used
    ]
    all_texts = [b.text for b in elements if isinstance(b, TextBlock)]

    tables: dict[TableKey, TableReading] = {}
    texts: dict[str, list[TextBlock]] = {}
    version: FormatVersion | None = None
    last_key = headings[-1].section.key
    # Table 三 first: its version is the report's, and the other tables default to it.
    order = sorted(
        (h.section for h in headings), key=lambda s: (s.table != "applications", s.number)
    )
    for definition in order:
        region = _same_element(regions.sections.get(definition.key, ()))
        if definition.table is None:
            texts[definition.key] = [b for _, b in region if isinstance(b, TextBlock)]
            continue
        reading, texts[definition.key] = _table_section(
            definition.table, region, version, at_end=definition.key == last_key
        )
        tables[definition.table] = reading
        if isinstance(reading.table, Table) and version is None:
            version = reading.table.version
    texts, notes = _infer_missing(texts, set(regions.headings))
    sections: dict[str, Section] = {}
    for definition in ANNUAL_REPORT_SECTIONS:
        if definition.key not in texts:
            continue
        heading = regions.headings.get(definition.key)
        table = tables[definition.table].table if definition.table in tables else None
        if definition.table is not None and table is None:
            table = TableUnavailable("absent")
        sections[definition.key] = Section(
            definition.key,
            heading.text if heading else None,
            narrative(texts[definition.key]),
            table,
            source=elements[heading.element].source if heading else None,
        )
    notes = [n for reading in tables.values() for n in reading.notes] + notes
    metadata = AnnualReportMetadata(
        agency=title.agency,
        year=title.year,
        language=language_of(all_texts),
        title=title.title,
        published=_published(header, all_texts),
        origin=Origin(location=blocks.location, reader=blocks.reader, encoding=blocks.encoding),
        format_version=_format_version(tables) or "unknown",
    )
    narrative_texts = [b for key in texts for b in texts[key]]
    return AnnualReport.build(
        metadata,
        sections,
        preamble=narrative(preamble_texts),
        stated=stated_figures([*preamble_texts, *narrative_texts]),
        notes=tuple(notes),
        dropped=tuple(dropped),
    )


def _format_version(tables: dict[TableKey, TableReading]) -> FormatVersion | None:
    """The version of table 三, else of any table read with evidence for its version."""
    for key in ("applications", "proactive", "appeals"):
        reading = tables.get(key)
        if reading is not None and isinstance(reading.table, Table) and reading.version_evidence:
            version: FormatVersion = reading.table.version
            return version
    return None


__all__ = [
    "assemble",
    "assemble_annual_report",
    "detect_kind",
    "narrative",
    "stated_figures",
]
