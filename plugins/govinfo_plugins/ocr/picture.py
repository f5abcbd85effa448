"""Pictures as the recogniser needs them: decoded within limits, grey, upright, their ruling
lines found and taken out.

Pillow decodes; its size is read from the header before a pixel is, so that a decompression
bomb (a small file that claims a huge picture) is refused unread.  A page photographed or
scanned a degree or two askew is turned upright first: the angle is the one at which the
rows of ink line up best (ruling lines and lines of text alike).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from govinfo.errors import GovinfoError, InputError, LimitError
from govinfo_plugins.ocr.engine import opencv

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

#: More pixels than a page scanned at 600 dpi has; a picture claiming more is refused unread.
MAX_PIXELS = 50_000_000
#: Fewer pixels on a side than any legible table has.
MIN_SIDE = 16
#: More frames than a multi-page scan has.
MAX_FRAMES = 500
#: Degrees: a page turned further than this is not searched for its angle.
MAX_SKEW = 3.0
#: Grey levels below this are ink, for finding lines.
INK = 170
#: A page more of whose light pixels than this are not quite white is grainy (noise).
GRAIN = 0.15


@dataclass(frozen=True, slots=True)
class Picture:
    """A page as a grey array, and the resolution it states (None when it states none)."""

    grey: NDArray[np.uint8]
    dpi: float | None = None


def decode(data: bytes, name: str) -> list[Picture]:
    """The frames of a picture (one, or each page of a multi-page TIFF), grey.

    LimitError for one larger than :data:`MAX_PIXELS` (said from its header, before a pixel is
    decoded; Pillow's own guard refuses the far larger ones first); InputError for one that
    cannot be decoded.
    """
    import numpy as np
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            picture = Image.open(io.BytesIO(data))
            frames = []
            for n, frame in enumerate(ImageSequence.Iterator(picture)):
                if n >= MAX_FRAMES:
                    raise LimitError(
                        f"{name}: more than the {MAX_FRAMES} pages a scanned report may have"
                    )
                width, height = frame.size
                _check_size(width, height, name)
                dpi = frame.info.get("dpi")
                stated = float(dpi[0]) if isinstance(dpi, tuple) and dpi and dpi[0] else None
                if stated is not None and not 50 <= stated <= 1200:
                    stated = None
                grey = frame.convert("L") if frame.mode != "L" else frame.copy()
                if frame.mode in ("RGBA", "LA", "PA") or "transparency" in frame.info:
                    # Transparent parts are the page: white.
                    rgba = frame.convert("RGBA")
                    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
                    grey = Image.alpha_composite(white, rgba).convert("L")
                frames.append(Picture(np.asarray(grey, dtype=np.uint8).copy(), stated))
                if picture.format != "TIFF":
                    break
    except GovinfoError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise LimitError(
            f"{name}: a picture of more than {MAX_PIXELS} pixels (a decompression bomb?): "
            "not decoded"
        ) from None
    except UnidentifiedImageError:
        raise InputError(
            f"{name}: a picture that cannot be decoded (damaged or truncated?)"
        ) from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise InputError(f"{name}: a picture that cannot be decoded ({exc})") from None
    return frames


def _check_size(width: int, height: int, name: str) -> None:
    if width * height > MAX_PIXELS:
        raise LimitError(
            f"{name}: {width}×{height} pixels, more than the {MAX_PIXELS} a page may have "
            "(a decompression bomb?): not decoded"
        )
    if min(width, height) < MIN_SIDE:
        raise InputError(f"{name}: {width}×{height} pixels, too small to hold a table")


def upright(grey: NDArray[np.uint8]) -> tuple[NDArray[np.uint8], float]:
    """The page turned so that its rows of ink are level, and the angle it was turned by
    (degrees; 0 when it was level)."""
    cv2 = opencv()
    import numpy as np

    height, width = grey.shape
    scale = min(1.0, 800 / max(height, width))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ink = (small < INK).astype(np.float32)
    if ink.sum() < 50:
        return grey, 0.0
    centre = (ink.shape[1] / 2, ink.shape[0] / 2)

    def sharpness(angle: float) -> float:
        turn = cv2.getRotationMatrix2D(centre, angle, 1.0)
        rotated = cv2.warpAffine(ink, turn, (ink.shape[1], ink.shape[0]))
        rows = rotated.sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.25), key=sharpness)
    best = max(np.arange(best - 0.2, best + 0.21, 0.05), key=sharpness)
    angle = float(round(best, 2))
    if abs(angle) < 0.1:
        return grey, 0.0
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    turned = np.asarray(
        cv2.warpAffine(grey, turn, (width, height), flags=cv2.INTER_LINEAR, borderValue=(255,)),
        dtype=np.uint8,
    )
    return turned, angle


@dataclass(frozen=True, slots=True)
class Stroke:
    """A ruling line found in a picture, in pixels: horizontal at y = ``at`` from ``a`` to
    ``b``, or vertical at x = ``at``."""

    horizontal: bool
    at: float
    a: float
    b: float


def denoised(grey: NDArray[np.uint8]) -> NDArray[np.uint8]:
    """The page with its grain smoothed out where it has any (a scan's or a photo's noise,
    specks of dust): a median of each pixel's neighbours, which keeps the edges of strokes.
    A clean page is returned as it is."""
    cv2 = opencv()
    import numpy as np

    # The paper's grain: the part of its light pixels that are not quite white (on a clean
    # page only the soft edges of strokes, a twentieth or so).
    light = grey[grey >= 200]
    if light.size == 0 or float((light < 245).mean()) < GRAIN:
        return grey
    return np.asarray(cv2.medianBlur(grey, 3), dtype=np.uint8)


def text_height(grey: NDArray[np.uint8]) -> float:
    """About how tall a line of the page's text is, in pixels: the height most of its
    characters' pieces of ink reach (a character is a few pieces; a ruling line is one long
    piece and is left out)."""
    cv2 = opencv()
    import numpy as np

    height, width = grey.shape
    scale: float = min(1.0, 1600 / max(height, width))
    small = (
        cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        if scale < 1.0
        else grey
    )
    _, ink = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    heights = [
        int(stats[i][3])
        for i in range(1, count)
        if 3 <= stats[i][3] <= small.shape[0] / 8 and stats[i][2] <= 3 * stats[i][3]
    ]
    if len(heights) < 5:
        return 24.0
    heights.sort()
    found: float = heights[(len(heights) * 4) // 5] / scale
    return max(found, 6.0)


def ruling_lines(
    grey: NDArray[np.uint8],
    em: float | None = None,
    erase_from: NDArray[np.uint8] | None = None,
) -> tuple[list[Stroke], NDArray[np.uint8]]:
    """The page's straight ruling lines, and the page with them taken out (white): from
    ``erase_from`` where it is given (the page smoothed, whose thin lines smoothing erased).

    A line is a thin run of ink longer than any stroke of a character (one and a half times
    the height of a line of text, ``em``); characters crossed by it keep their other strokes.
    """
    cv2 = opencv()
    import numpy as np

    if em is None:
        em = text_height(grey)
    _, ink = cv2.threshold(grey, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ink = np.where(grey < 235, ink, 0).astype(np.uint8)
    length = max(12, round(1.6 * em))
    thin = max(3, round(0.25 * em))
    strokes: list[Stroke] = []
    masks = []
    border = {"borderType": cv2.BORDER_CONSTANT, "borderValue": 0}
    for horizontal in (True, False):
        shape = (length, 1) if horizontal else (1, length)
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, shape)
        lines = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel, **border)
        # Small breaks in a line (a faint scan, a dashed rule) are closed.
        gap = cv2.getStructuringElement(
            cv2.MORPH_RECT, (max(3, length // 3), 1) if horizontal else (1, max(3, length // 3))
        )
        lines = cv2.morphologyEx(lines, cv2.MORPH_CLOSE, gap, **border)
        count, labels, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
        keep = np.zeros(count, dtype=bool)
        for label in range(1, count):
            x, y, w, h, _area = (int(v) for v in stats[label])
            across, along = (h, w) if horizontal else (w, h)
            if along < length or across > thin:
                continue
            keep[label] = True
            if horizontal:
                strokes.append(Stroke(True, y + h / 2, float(x), float(x + w)))
            else:
                strokes.append(Stroke(False, x + w / 2, float(y), float(y + h)))
        masks.append(keep[labels])
    found = (masks[0] | masks[1]).astype(np.uint8)
    found = cv2.dilate(found, np.ones((3, 3), np.uint8))
    base = grey if erase_from is None else erase_from
    clean = np.where(found > 0, 255, base).astype(np.uint8)
    return strokes, clean
