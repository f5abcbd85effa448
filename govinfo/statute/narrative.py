"""The figures a report's narrative states about its tables, as data: how each is phrased and
which cell it names.

Each entry is a pattern whose first group is the figure, the dotted key of the cell it
describes, and the words one of which a sentence must have for the pattern to be tried (a
quick test that spares the regex engine most sentences).
"""

from __future__ import annotations

import re

import attrs


@attrs.frozen
class FigurePattern:
    """A phrasing of one figure: ``pattern``'s first group is the number."""

    pattern: re.Pattern[str]
    key: str
    words: tuple[str, ...]


def _figure(pattern: str, key: str, *words: str) -> FigurePattern:
    return FigurePattern(re.compile(pattern), key, words)


STATED_FIGURES: tuple[FigurePattern, ...] = (
    _figure(
        r"(?:共|累计|全年|全区|本年度?)?(?:收到|受理|新收)[^。；，,\d]{0,8}?申请\s*(\d+)\s*件",
        "applications.received.total",
        "申请",
    ),
    _figure(
        r"(?:共|累计)?(?:收到|受理)\s*(\d+)\s*件(?:依申请公开|政府信息公开申请|申请)",
        "applications.received.total",
        "申请",
    ),
    _figure(
        r"(?:共|累计)?(?:收到|受理)(?:依申请|政府信息公开申请)[^。；，,\d]{0,8}?(\d+)\s*件",
        "applications.received.total",
        "申请",
    ),
    _figure(r"办结\s*(\d+)\s*件", "applications.outcome.total.total", "办结"),
    _figure(r"(?<!及)予以公开\s*(\d+)\s*件", "applications.outcome.disclosed.total", "予以公开"),
    _figure(r"行政复议案件\s*(\d+)\s*件", "appeals.reconsideration.total", "行政复议案件"),
    _figure(
        r"现行有效(?:的)?(?:行政)?规范性文件(?:共)?\s*(\d+)\s*件",
        "proactive.normative_documents.in_force",
        "现行有效",
    ),
    _figure(
        r"规范性文件\s*\d+\s*件[，,、]\s*现行有效(?:件数)?(?:为|共)?\s*(\d+)\s*件",
        "proactive.normative_documents.in_force",
        "现行有效",
    ),
    _figure(
        r"(?:本年度?|今年|全年|共)?(?:制发|制定|印发)(?:的)?(?:行政)?规范性文件(?:共)?\s*(\d+)\s*件",
        "proactive.normative_documents.issued",
        "制发",
        "制定",
        "印发",
    ),
    _figure(
        r"废止(?:的)?(?:行政)?规范性文件(?:共)?\s*(\d+)\s*件",
        "proactive.normative_documents.repealed",
        "废止",
    ),
    _figure(r"现行有效(?:的)?规章(?:共)?\s*(\d+)\s*件", "proactive.rules.in_force", "现行有效"),
    _figure(
        r"(?:制发|制定)(?:的)?规章(?:共)?\s*(\d+)\s*件", "proactive.rules.issued", "制发", "制定"
    ),
    _figure(
        r"[Aa] total of (\d+) [^.]{0,40}?(?:applications?|requests?|documents?)"
        r"[^.]{0,20}?(?:were|was) received",
        "applications.received.total",
        "received",
    ),
)
