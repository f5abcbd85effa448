"""The figures the narrative states about table cells, found by the phrasings the statute
package lists (:data:`govinfo.statute.STATED_FIGURES`), each with the clause it stands in."""

from __future__ import annotations

from collections.abc import Sequence

from govinfo.assemble.tables.values import SURE
from govinfo.layout import TextBlock
from govinfo.model.cells import SourceRef
from govinfo.model.documents import StatedFigure
from govinfo.statute import STATED_FIGURES


def stated_figures(blocks: Sequence[TextBlock]) -> tuple[StatedFigure, ...]:
    """The figures the narrative states about table cells, each with its clause (a figure
    recognised off a picture with doubt is left out)."""
    found: dict[str, StatedFigure] = {}
    for block in blocks:
        if "件" not in block.text and "received" not in block.text:
            continue
        for figure in STATED_FIGURES:
            key = figure.key
            if key in found or not any(word in block.text for word in figure.words):
                continue
            match = figure.pattern.search(block.text)
            if match is None:
                continue
            sure = block.confidence
            if sure is not None and min(sure[match.start(1) : match.end(1)], default=0.0) < SURE:
                continue  # a figure recognised with doubt is not what the narrative states
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
