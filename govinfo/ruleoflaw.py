"""Rule-of-law reports (法治政府建设年度情况报告) from a reader's blocks.

The five mandated contents are found by their headings where the source kept them, else
from their content and order: the measures and results come first; the shortfalls are the
一是/二是 list of what 有待 improvement; the principal leader's duties open with 主要负责人 and
第一责任人; next year's plans open with the next year and 将.  How each section was
recognised is recorded; the figures the report states (reconsideration and litigation
cases, normative documents reviewed, penalties) become typed facts with their sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govinfo.blocks import Blocks, TextBlock
from govinfo.documents import (
    DroppedText,
    Fact,
    Metadata,
    Origin,
    Recognition,
    RuleOfLawReport,
    RuleOfLawSection,
)
from govinfo.formats import RULE_OF_LAW_SECTIONS
from govinfo.text import fold

_TITLE = re.compile(
    r"(?P<agency>[\u4e00-\u9fa5（）()]{2,40}?)\s*(?P<year>20\d\d)\s*年度?\s*法治政府建设"
    r"(?:工作)?年度(?:情况)?报告"
)
#: Words a heading of each mandated section has (the sources' wording varies).
_HEADING_WORDS = {
    "measures": ("举措", "成效"),
    "shortfalls": ("不足",),
    "leadership": ("第一责任人",),
    "plans": ("安排",),
    "other": ("其他",),
}
_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、.．]\s*(\S.{0,60})$")
_FACTS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), kind, unit)
    for pattern, kind, unit in (
        (r"行政复议案件\s*(\d+)\s*件", "reconsideration_cases", "件"),
        (r"(?:新增|办理|收到)?行政复议\s*(\d+)\s*件", "reconsideration_cases", "件"),
        (r"行政应诉案件\s*(\d+)\s*件", "litigation_cases", "件"),
        (r"审核行政规范性文件\s*(\d+)\s*件", "normative_documents_reviewed", "件"),
        (r"(?:作出|办理)行政处罚\s*(\d+)\s*件", "penalties", "件"),
    )
)


def looks_like_rule_of_law(text: str) -> bool:
    return "法治政府建设" in fold(text[:3000]) and "情况报告" in fold(text[:3000])


def _heading_section(text: str) -> str | None:
    match = _HEADING.match(text)
    if match is None:
        return None
    words = match.group(1)
    for key, required in _HEADING_WORDS.items():
        if all(w in words for w in required):
            return key
    return None


def _facts(blocks: Sequence[TextBlock]) -> tuple[Fact, ...]:
    found: list[Fact] = []
    seen: set[tuple[str, int]] = set()
    for block in blocks:
        for sentence in re.split(r"(?<=[。；;])", block.text):
            for pattern, kind, unit in _FACTS:
                match = pattern.search(sentence)
                if match is None:
                    continue
                value = int(match.group(1))
                if (kind, value) in seen:
                    continue
                seen.add((kind, value))
                found.append(Fact(kind, value, unit, sentence.strip(), source=block.source))
    return tuple(found)


def assemble_rule_of_law(
    blocks: Blocks,
    texts: Sequence[TextBlock],
    dropped: Sequence[DroppedText],
    year_hint: int | None = None,
) -> RuleOfLawReport:
    """The five sections from the cleaned text blocks, by heading or by inference."""
    from govinfo.assemble import narrative

    title = None
    agency = None
    year = year_hint
    blocks_list = list(texts)
    if blocks_list:
        match = _TITLE.search(blocks_list[0].text[:200])
        if match:
            title = match.group(0)
            agency = match.group("agency")
            year = int(match.group("year"))
            rest = blocks_list[0].text[match.end() :].strip()
            blocks_list[0] = TextBlock(rest, blocks_list[0].source) if rest else blocks_list[0]
            if not rest:
                blocks_list = blocks_list[1:]
    assigned: dict[str, list[TextBlock]] = {s.key: [] for s in RULE_OF_LAW_SECTIONS}
    how: dict[str, Recognition] = {}
    headings: dict[str, str] = {}
    current = "measures"
    next_year = str(year + 1) if year else None
    for block in blocks_list:
        text = block.text.strip()
        key = _heading_section(text)
        if key is not None:
            current = key
            how[key] = "heading"
            headings[key] = text
            continue
        if current == "measures" and re.match(r"^一是.{0,40}(有待|不足|薄弱|差距)", text):
            current = "shortfalls"
            how.setdefault(current, "inference")
        elif (
            current in ("measures", "shortfalls") and "主要负责人" in text and "第一责任人" in text
        ):
            current = "leadership"
            how.setdefault(current, "inference")
        elif (
            current in ("leadership", "shortfalls")
            and next_year
            and re.match(rf"^{next_year}\s*年.{{0,80}}将", text)
        ):
            current = "plans"
            how.setdefault(current, "inference")
        elif current == "measures" and "measures" not in how:
            how["measures"] = "inference"
        assigned[current].append(block)
    sections = []
    for definition in RULE_OF_LAW_SECTIONS:
        content = assigned[definition.key]
        if not content and definition.key not in headings:
            sections.append(RuleOfLawSection(definition.key, "absent"))
            continue
        sections.append(
            RuleOfLawSection(
                definition.key,
                how.get(definition.key, "inference"),
                headings.get(definition.key),
                narrative(content),
                source=content[0].source if content else None,
            )
        )
    metadata = Metadata(
        agency=agency,
        year=year,
        language="zh",
        title=title,
        origin=Origin(location=blocks.location, reader=blocks.reader, encoding=blocks.encoding),
    )
    return RuleOfLawReport(
        metadata, tuple(sections), facts=_facts(blocks_list), dropped=tuple(dropped)
    )
