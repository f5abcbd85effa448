"""The narrative: paragraphs and numbered items （一）…, 一是…, nested as the text numbers them."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

from govinfo.layout import TextBlock
from govinfo.model.cells import SourceRef
from govinfo.model.narrative import Item, NarrativeBlock, Paragraph
from govinfo.statute import ZH_NUMERALS
from govinfo.text import ENGLISH_NUMBERS, chinese_number, small_int

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
        return small_int(token, 3) or 0
    if len(token) == 1 and "a" <= token <= "h":
        return ord(token) - ord("a") + 1
    if token in ENGLISH_NUMBERS:
        return ENGLISH_NUMBERS[token]
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


#: Where an item's first sentence ends; a Chinese character.
_LEAD_END = re.compile(r"[。；;]|(?<=[A-Za-z)])\.(?:\s|$)")
_CHINESE = re.compile("[\u4e00-\u9fff]")


def _lead(text: str) -> tuple[str, str]:
    """An item's heading (its own short line, or its first sentence) and the rest."""
    sentence = _LEAD_END.search(text)
    if sentence is None and len(text) <= 120:
        return text.strip(), ""
    if sentence is None or sentence.end() > 200:
        head, _, rest = text.partition(" ")
        if 0 < len(head) <= 20 and rest and _CHINESE.search(head):
            return head, rest.strip()  # （一）主动公开方面 平潭…: the heading ends at the space
        return text.strip(), ""
    return text[: sentence.end()].strip(), text[sentence.end() :].strip()


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
