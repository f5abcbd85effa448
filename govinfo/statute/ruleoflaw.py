"""The rule-of-law report's figures, as data: which facts it states and how they are phrased.

Source: 《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from govinfo.statute.labels import Label
from govinfo.text import compiled

#: The figures a rule-of-law report states that are extracted as typed facts.
RULE_OF_LAW_FACTS: Mapping[str, Label] = {
    "reconsideration_cases": Label("行政复议案件", "Administrative reconsideration cases"),
    "litigation_cases": Label("行政应诉案件", "Administrative litigation cases"),
    "normative_documents_reviewed": Label(
        "审核行政规范性文件", "Administrative normative documents reviewed"
    ),
    "penalties": Label("行政处罚", "Administrative penalties"),
}


@attrs.frozen
class FactPattern:
    """A phrasing of one fact: the first group of the regular expression ``regex`` is the
    number, in ``unit``."""

    regex: str
    kind: str
    unit: str

    @property
    def pattern(self) -> re.Pattern[str]:
        """``regex`` compiled (when a rule-of-law report is first read)."""
        return compiled(self.regex)


FACT_PATTERNS: tuple[FactPattern, ...] = tuple(
    FactPattern(pattern, kind, unit)
    for pattern, kind, unit in (
        (r"行政复议案件\s*(\d+)\s*件", "reconsideration_cases", "件"),
        (r"(?:新增|办理|收到)?行政复议\s*(\d+)\s*件", "reconsideration_cases", "件"),
        (r"行政应诉案件\s*(\d+)\s*件", "litigation_cases", "件"),
        (r"审核行政规范性文件\s*(\d+)\s*件", "normative_documents_reviewed", "件"),
        (r"(?:作出|办理)行政处罚\s*(\d+)\s*件", "penalties", "件"),
    )
)
