"""Which kind of document a layout is, from its content and the statute's markers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from govinfo.assemble.headings import Heading, has_its_table
from govinfo.layout import LayoutBlock, TextBlock
from govinfo.statute import KIND_WORDS, TITLE_ENDINGS, DocumentKind
from govinfo.text import fold


def says_it_is(kind: DocumentKind, text: str) -> bool:
    """Whether the text's opening has the words that name documents of ``kind``."""
    folded = fold(text)
    return any(all(word in folded for word in group) for group in KIND_WORDS[kind])


def detect_kind(blocks: Sequence[LayoutBlock], headings: Sequence[Heading]) -> DocumentKind | None:
    """The kind of document the blocks are; None if none is recognised.

    An annual report has its statutory headings, or its statutory tables (``headings`` holds
    an empty one where a table stands without its heading): a text whose tables are the
    statute's is an annual report whatever else it mentions (工作要点 in its opening). One
    page of a report (a picture, a fragment) is one when a heading stands over its table, or
    when the report's title opens it above one heading.
    """
    if has_statutory_layout(blocks, headings):
        return "annual_report"
    text = _text(blocks)
    if says_it_is("rule_of_law_report", text[:3000]):
        return "rule_of_law_report"
    if says_it_is("key_points", text[:20000]):
        return "key_points"
    return "annual_report" if _under_its_title(headings, text) else None


def has_statutory_layout(blocks: Sequence[LayoutBlock], headings: Sequence[Heading]) -> bool:
    """Whether the blocks have an annual report's layout: two statutory headings, or a
    statutory table (under its heading or without one)."""
    return len(headings) >= 2 or any(
        not h.text or has_its_table(blocks, h, headings) for h in headings
    )


def is_annual_report(blocks: Sequence[LayoutBlock], headings: Sequence[Heading]) -> bool:
    """Whether an annual report can be built from the blocks: its layout, or one heading
    under the report's title."""
    return has_statutory_layout(blocks, headings) or _under_its_title(headings, _text(blocks))


def _under_its_title(headings: Sequence[Heading], text: str) -> bool:
    """Whether a heading stands under an annual report's title opening the text (its first
    page)."""
    return bool(headings) and _ANNUAL_TITLE.search(text[:500]) is not None


def _text(blocks: Sequence[LayoutBlock]) -> str:
    return "\n".join(b.text for b in blocks if isinstance(b, TextBlock))


_ANNUAL_TITLE = re.compile(TITLE_ENDINGS["annual_report"])
