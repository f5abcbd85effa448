"""Which kind of document a layout is, from its content and the statute's markers."""

from __future__ import annotations

from collections.abc import Sequence

from govinfo.assemble.headings import Heading
from govinfo.layout import LayoutBlock, TextBlock
from govinfo.statute import KIND_WORDS, DocumentKind
from govinfo.text import fold


def says_it_is(kind: DocumentKind, text: str) -> bool:
    """Whether the text's opening has the words that name documents of ``kind``."""
    folded = fold(text)
    return any(all(word in folded for word in group) for group in KIND_WORDS[kind])


def detect_kind(blocks: Sequence[LayoutBlock], headings: Sequence[Heading]) -> DocumentKind | None:
    """The kind of document the blocks are; None if none is recognised.

    An annual report has its statutory headings, or its statutory tables (``headings`` holds
    an empty one where a table stands without its heading): a text whose tables are the
    statute's is an annual report whatever else it mentions (工作要点 in its opening).
    """
    if len(headings) >= 2 or any(not h.text for h in headings):
        return "annual_report"
    text = "\n".join(b.text for b in blocks if isinstance(b, TextBlock))
    if says_it_is("rule_of_law_report", text[:3000]):
        return "rule_of_law_report"
    if says_it_is("key_points", text[:20000]):
        return "key_points"
    return None
