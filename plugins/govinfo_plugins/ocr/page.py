"""A recognised page as the PDF reader's pages are: characters with their boxes, and ruling
lines, in points; then the same layout (ruled tables, unruled tables, paragraphs).

A picture's pixels become points at the resolution it states, or, where it states none, at
the resolution at which its text is of the size a report's table text is (its ideographs
about 12 points high): the layout's measures (gutters, tolerances) are in points.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from govinfo.errors import LimitError
from govinfo.model.cells import SourceRef
from govinfo_plugins.ocr.engine import TextBox, engine
from govinfo_plugins.ocr.picture import denoised, ruling_lines, text_height, upright
from govinfo_plugins.pdf.lines import Char, extent
from govinfo_plugins.pdf.pdfium import Page
from govinfo_plugins.pdf.ruled import Rule, merge_collinear

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

#: Seconds one page may take to be recognised (GOVINFO_OCR_PAGE_SECONDS sets another);
#: a page that takes longer is refused.
PAGE_BUDGET = 60.0
PAGE_SECONDS = "GOVINFO_OCR_PAGE_SECONDS"
#: The detector sees a page with its text about this many pixels high (its best size, and a
#: quarter of the time it takes on a page at 150 dpi),
#: and at most this many pixels on its longer side.
DETECT_EM = 17.0
DETECT_SIDE = 2000
#: Points: the height of an ideograph in a report's tables, for a picture that states no dpi.
TEXT_HEIGHT = 12.0


@dataclass(frozen=True, slots=True)
class Recognised:
    """A page read off a picture: as the layout takes it, and how to name where its text
    stands (``image`` the picture's name, None for a page of a PDF; ``page`` the page to name,
    None for a single picture; ``units`` the source box's units to a point)."""

    page: Page
    image: str | None
    label: int | None
    units: float
    angle: float = 0.0
    seconds: float = 0.0


def recognise(
    grey: NDArray[np.uint8],
    number: int,
    *,
    dpi: float | None,
    name: str,
    image: str | None,
    label: int | None,
    units: float | None = None,
) -> Recognised:
    """Recognise one page: turned upright, its ruling lines found and taken out, its text
    read.  ``units`` are the source box's units to a point (default: pixels)."""
    started = time.monotonic()
    budget = page_budget()

    def deadline() -> None:
        seconds = time.monotonic() - started
        if seconds > budget:
            raise LimitError(
                f"{name}: page {number} took more than the {budget:g} s a page may take to "
                f"recognise (set {PAGE_SECONDS} to allow more)"
            )

    grey, angle = upright(grey)
    smooth = denoised(grey)
    em = text_height(smooth)
    # The lines are found on the page as it is (smoothing a grainy page erases thin lines),
    # the text read from it smoothed.
    strokes, clean = ruling_lines(grey, em, erase_from=smooth)
    deadline()
    height, width = grey.shape
    # The detector reads text best at about DETECT_EM pixels a line, and a page of at most
    # DETECT_SIDE pixels a side takes it a second or two.
    scale = min(DETECT_EM / em, 2.0, DETECT_SIDE / max(height, width))
    boxes = engine().read(clean, scale, deadline)
    seconds = time.monotonic() - started
    per_point = (dpi / 72.0) if dpi else _pixels_per_point(boxes)
    points = 1.0 / per_point
    chars = [
        Char(g.ch, g.x0 * points, g.x1 * points, g.top * points, g.bottom * points, 0, g.confidence)
        for box in boxes
        for g in box.glyphs
    ]
    rules = [Rule(s.horizontal, s.at * points, s.a * points, s.b * points) for s in strokes]
    page = Page(number, height * points, chars, merge_collinear(rules))
    return Recognised(
        page,
        image,
        label,
        per_point if units is None else units,
        angle,
        seconds,
    )


def page_budget() -> float:
    """The seconds a page may take: :data:`PAGE_BUDGET`, or what GOVINFO_OCR_PAGE_SECONDS says."""
    try:
        given = float(os.environ.get(PAGE_SECONDS, "") or PAGE_BUDGET)
    except ValueError:
        return PAGE_BUDGET
    return given if given > 0 else PAGE_BUDGET


def _pixels_per_point(boxes: Sequence[TextBox]) -> float:
    """Pixels to a point, from the height of the ideographs (2 if there are none: 144 dpi)."""
    heights = [
        g.bottom - g.top for box in boxes for g in box.glyphs if "\u4e00" <= g.ch <= "\u9fff"
    ]
    if len(heights) < 3:
        return 2.0
    return max(statistics.median(heights) / TEXT_HEIGHT, 0.25)


def locator(
    pages: Sequence[Recognised],
) -> Callable[[int, int, Sequence[Char]], SourceRef | None]:
    """Sources for the layout of recognised pages: the picture, the page, the line and the
    box of the text."""
    by_number = {r.page.number: r for r in pages}

    def locate(page: int, line: int, chars: Sequence[Char]) -> SourceRef | None:
        found = by_number.get(page)
        if found is None:
            return SourceRef(line or None, page=page)
        box = None
        if chars:
            x0, top, x1, bottom = extent(chars)
            u = found.units
            box = (
                max(int(x0 * u), 0),
                max(int(top * u), 0),
                max(int(x1 * u + 0.999), 0),
                max(int(bottom * u + 0.999), 0),
            )
        if line == 0 and found.label is None and found.image is None:
            return None
        return SourceRef(line or None, page=found.label, image=found.image, box=box)

    return locate
