"""Lines of running text into paragraphs and heading lines."""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass

from govinfo_plugins.pdf.lines import TERMINAL, Line, is_number, join

#: A heading's text does not end with one of these.
_NO_HEADING_END = TERMINAL + "；;，,：:、"


@dataclass(slots=True)
class Paragraph:
    lines: list[Line]
    page: int
    text: str = ""
    heading: bool = False
    #: It may go on at the top of the next page.
    open_end: bool = False
    indented: bool = False
    top: float = 0.0


def size_change(a: Line, b: Line) -> bool:
    return a.em_exact and b.em_exact and abs(a.em - b.em) > 0.2 * a.em


def paragraphs(
    lines: list[Line], page: int, left: float, right: float, indents: bool
) -> list[Paragraph]:
    """Lines into paragraphs.  A paragraph starts at an indented line, after a short line,
    after a wide gap, at a change of font size, and (in text that does not indent its
    paragraphs) after a line ending a sentence.  A heading is one line, short or in a
    larger font, not ending in punctuation, not right-aligned (a signature or a date)."""
    if not lines:
        return []
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(lines) if b.top - a.bottom > -1]
    usual = statistics.median(gaps) if gaps else 0.0
    out: list[Paragraph] = []
    for n, line in enumerate(lines):
        indented = line.x0 > left + 0.8 * line.em
        new = n == 0
        if n:
            p = lines[n - 1]
            new = (
                indented
                or p.x1 < right - 1.5 * p.em
                or line.top - p.bottom > max(usual * 1.6 + 2.0, 0.8 * line.em)
                or size_change(p, line)
                or (not indents and p.text[-1] in TERMINAL)
            )
        if new:
            out.append(Paragraph([line], page, indented=indented, top=line.top))
        else:
            out[-1].lines.append(line)
    body = statistics.median(line.em for line in lines)
    for paragraph in out:
        for line in paragraph.lines:
            paragraph.text = join(paragraph.text, line.text)
        last = paragraph.lines[-1]
        paragraph.open_end = last.x1 >= right - 1.5 * last.em and last.text[-1] not in TERMINAL
        first = paragraph.lines[0]
        paragraph.heading = (
            len(paragraph.lines) == 1
            and len(first.text) <= 40
            and first.text[-1] not in _NO_HEADING_END
            and not is_number(first.text)
            and (first.x1 < right - 2.0 * first.em or first.em >= 1.15 * body)
            and not (first.x0 > (left + right) / 2)
        )
    return out


def continues(a: Paragraph, b: Paragraph) -> bool:
    """Whether ``b``, at the top of a page, goes on with ``a``, the last of the page before:
    ``a``'s last line is full and ends no sentence, ``b`` starts unindented in the same size."""
    return (
        a.open_end
        and not a.heading
        and not b.indented
        and not b.heading
        and not size_change(a.lines[-1], b.lines[0])
    )


def append(a: Paragraph, b: Paragraph) -> None:
    a.text = join(a.text, b.text)
    a.lines += b.lines
    a.open_end = b.open_end
