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

from govinfo.assemble.narrative import narrative
from govinfo.layout import TextBlock
from govinfo.model.documents import (
    DroppedText,
    Fact,
    Metadata,
    Origin,
    Recognition,
    RuleOfLawReport,
    RuleOfLawSection,
)
from govinfo.statute import FACT_PATTERNS, RULE_OF_LAW_SECTIONS, TITLE_ENDINGS
from govinfo.text import small_int

_TITLE = re.compile(
    r"(?P<agency>[\u4e00-\u9fa5（）()]{2,40}?)\s*(?P<year>20\d\d)\s*年度?\s*"
    + TITLE_ENDINGS["rule_of_law_report"]
)
_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、.．]\s*(\S.{0,60})$")


def _heading_section(text: str) -> str | None:
    match = _HEADING.match(text)
    if match is None:
        return None
    words = match.group(1)
    for section in RULE_OF_LAW_SECTIONS:
        if all(w in words for w in section.keywords):
            return section.key
    return None


def _facts(blocks: Sequence[TextBlock]) -> tuple[Fact, ...]:
    found: list[Fact] = []
    seen: set[tuple[str, int]] = set()
    for block in blocks:
        for sentence in re.split(r"(?<=[。；;])", block.text):
            for fact in FACT_PATTERNS:
                kind, unit = fact.kind, fact.unit
                match = fact.pattern.search(sentence)
                if match is None:
                    continue
                value = small_int(match.group(1))
                if value is None:
                    continue
                if (kind, value) in seen:
                    continue
                seen.add((kind, value))
                found.append(Fact(kind, value, unit, sentence.strip(), source=block.source))
    return tuple(found)


def assemble_rule_of_law(
    texts: Sequence[TextBlock], dropped: Sequence[DroppedText], origin: Origin
) -> RuleOfLawReport:
    """The five sections from the cleaned text blocks, by heading or by inference."""
    title = None
    agency = None
    year = None
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
        origin=origin,
    )
    return RuleOfLawReport(
        metadata, tuple(sections), facts=_facts(blocks_list), dropped=tuple(dropped)
    )
