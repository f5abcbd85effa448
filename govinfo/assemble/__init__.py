"""The assembler: any reader's layout to a Document, by the statute.

It is shared by every reader, so a fix here helps every input format.  It keeps page chrome
and injected spam out (:mod:`.noise`), tells which kind of document the layout is
(:mod:`.kinds`), reads a mirror site's Traditional copy in Simplified characters and gives it
back as printed (:mod:`.mirror`), and builds that document: the annual report's sections,
narrative, tables and metadata (:mod:`.annual`, with the tables read by :mod:`.tables`), the
key points (:mod:`.keypoints`) or the rule-of-law report (:mod:`.ruleoflaw`).
"""

from __future__ import annotations

from govinfo.assemble.annual import assemble_annual_report
from govinfo.assemble.headings import anchor_tables, find_headings
from govinfo.assemble.kinds import detect_kind
from govinfo.assemble.metadata import title_of
from govinfo.assemble.mirror import restore, unmirror
from govinfo.assemble.noise import clean
from govinfo.errors import UnknownDocumentError
from govinfo.layout import Layout, TextBlock
from govinfo.model.documents import Document, Origin
from govinfo.statute import DocumentKind


def assemble(layout: Layout, origin: Origin, kind: DocumentKind | None = None) -> Document:
    """A document of the kind detected from the layout's content (or of ``kind``)."""
    layout, printed = unmirror(layout)
    document = _assemble(layout, origin, kind)
    return restore(document, printed) if printed is not None else document


def _assemble(layout: Layout, origin: Origin, kind: DocumentKind | None) -> Document:
    blocks, dropped = clean(layout)
    headings = anchor_tables(blocks, find_headings(blocks))
    chosen = kind or detect_kind(blocks, headings)
    # The other kinds' modules (and their patterns) are loaded when a document needs them.
    if chosen == "key_points":
        from govinfo.assemble.keypoints import assemble_key_points

        return assemble_key_points(layout, origin)
    if chosen == "rule_of_law_report":
        from govinfo.assemble.ruleoflaw import assemble_rule_of_law

        texts = [b for b in blocks if isinstance(b, TextBlock)]
        return assemble_rule_of_law(texts, dropped, origin)
    if chosen is None:
        title = title_of(dict(layout.header), blocks)
        body = sum(len(b.text) for b in blocks if isinstance(b, TextBlock))
        if title.title is not None and body <= len(title.title) + 200:
            raise UnknownDocumentError(
                f"{origin.location or 'the input'}: only the title of an annual report "
                f"({title.title}), no report body"
            )
        raise UnknownDocumentError(
            f"{origin.location or 'the input'}: no document of a known kind found (an annual "
            "report has its statutory headings or tables; key points and rule-of-law reports "
            "say what they are); --kind names the kind"
        )
    return assemble_annual_report(layout, origin, blocks, dropped, headings)


__all__ = ["assemble"]
