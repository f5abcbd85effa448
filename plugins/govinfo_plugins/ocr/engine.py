"""The text recogniser: PP-OCRv4's Chinese detection and recognition models, as the
``rapidocr-onnxruntime`` wheel ships them, run on onnxruntime's CPU build.

Only the models and their detector's post-processing are taken from RapidOCR; the crops are
made here.  RapidOCR turns every box taller than it is wide by a quarter turn (a vertical line
of text), which is what a lone digit in a table cell is: ``0`` turned on its side reads as
``o`` at a confidence of 0.6.  Here a box is cropped upright, to its ink and a margin of a
fifth of its height, from the page with its ruling lines taken out.

Each text box comes back with its characters, where each stands (from the recogniser's
columns) and how sure the recogniser is of each (its probability, 0–1).  Nothing is fetched:
the models are files inside the installed wheel.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from govinfo.errors import OcrUnavailableError

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

#: The extra to install, as the message says it.
EXTRA = "pip install 'govinfo-cn[ocr]'"
#: The environment variable that sets how many threads the recogniser uses (default: all).
THREADS = "GOVINFO_OCR_THREADS"
#: A box is cropped to its ink and this part of its ink's height on every side.
MARGIN = 0.2
#: The recogniser's input height, and the narrowest width it is given (its training shape).
_HEIGHT, _WIDTH = 48, 320
#: How many crops the recogniser takes at once.
_BATCH = 8
#: Grey levels below this are ink.
INK = 160
#: What stands for ink the recogniser reads as nothing (at confidence 0).
UNKNOWN = "\ufffd"


@dataclass(frozen=True, slots=True)
class Glyph:
    """One recognised character: its text, its box in pixels and the recogniser's
    probability for it."""

    ch: str
    x0: float
    x1: float
    top: float
    bottom: float
    confidence: float


@dataclass(frozen=True, slots=True)
class TextBox:
    """A box of text the detector found, in pixels, with its characters."""

    x0: int
    top: int
    x1: int
    bottom: int
    glyphs: tuple[Glyph, ...]

    @property
    def text(self) -> str:
        return "".join(g.ch for g in self.glyphs)


def opencv() -> Any:
    """OpenCV, loaded when a picture is read.  (Typed as Any: the overloads of its stubs
    refuse the uint8 arrays every call here passes.)"""
    import cv2

    return cv2


def available() -> bool:
    """Whether the ``ocr`` extra is installed (without loading it)."""
    import importlib.util

    return all(
        importlib.util.find_spec(name) is not None
        for name in ("rapidocr_onnxruntime", "onnxruntime", "cv2", "numpy", "PIL")
    )


def require(what: str) -> None:
    """OcrUnavailableError, naming ``what`` and the extra, when the extra is not installed."""
    if not available():
        raise OcrUnavailableError(f"{what} needs text recognition (OCR): {EXTRA}")


class Engine:
    """The detector and the recogniser, loaded once (a few tenths of a second)."""

    def __init__(self, threads: int | None = None) -> None:
        require("reading an image")
        from rapidocr_onnxruntime.ch_ppocr_det import TextDetector
        from rapidocr_onnxruntime.ch_ppocr_rec import TextRecognizer
        from rapidocr_onnxruntime.main import DEFAULT_CFG_PATH
        from rapidocr_onnxruntime.utils import read_yaml, update_model_path

        config = update_model_path(read_yaml(str(DEFAULT_CFG_PATH)))
        if threads is None:
            given = os.environ.get(THREADS, "")
            threads = int(given) if given.isdigit() and int(given) > 0 else None
        # The page comes scaled to the detector's size already: it is not scaled again (by
        # default the detector scales a page's shorter side up to 736 pixels, which makes a
        # wide, short table a picture of millions of pixels).
        config["Det"]["limit_type"] = "max"
        for part in ("Det", "Rec"):
            config[part]["intra_op_num_threads"] = threads or -1
            config[part]["inter_op_num_threads"] = 1 if threads else -1
        self.threads = threads
        self._detector: Any = TextDetector(config["Det"])
        self._recogniser: Any = TextRecognizer(config["Rec"])
        # The sessions again, with threads that sleep when they wait rather than spin: on a
        # machine shared with other work, spinning threads take turns from the ones working.
        for part, model in (("Det", self._detector.infer), ("Rec", self._recogniser.session)):
            model.session = _session(config[part]["model_path"], threads)
        self._characters: list[str] = self._recogniser.postprocess_op.character
        self._lock = threading.Lock()

    def read(
        self,
        image: NDArray[np.uint8],
        scale: float = 1.0,
        deadline: Callable[[], None] | None = None,
    ) -> list[TextBox]:
        """The text boxes of a grey page (ink dark on light, ruling lines taken out).

        The detector sees the page ``scale``d (a page of about 150 dpi is its best size);
        the recogniser reads each box at the page's own resolution.  ``deadline`` is called
        between the steps, and raises when the page's time is up.
        """
        cv2 = opencv()
        import numpy as np

        colour = np.asarray(cv2.cvtColor(image, cv2.COLOR_GRAY2BGR), dtype=np.uint8)
        if scale == 1.0:
            small = colour
        else:
            interpolation = cv2.INTER_AREA if scale < 1.0 else cv2.INTER_CUBIC
            small = cv2.resize(colour, None, fx=scale, fy=scale, interpolation=interpolation)
        with self._lock:
            found, _ = self._detector(small)
        if deadline is not None:
            deadline()
        if found is None or len(found) == 0:
            return []
        crops: list[tuple[NDArray[np.uint8], int, int, int, int]] = []
        height, width = image.shape
        for quad in found:
            x0 = max(math.floor(float(quad[:, 0].min()) / scale), 0)
            x1 = min(math.ceil(float(quad[:, 0].max()) / scale), width)
            y0 = max(math.floor(float(quad[:, 1].min()) / scale), 0)
            y1 = min(math.ceil(float(quad[:, 1].max()) / scale), height)
            if x1 - x0 < 2 or y1 - y0 < 2:
                continue
            ink = image[y0:y1, x0:x1] < INK
            rows, cols = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
            if len(rows) == 0:
                continue
            iy0, iy1 = y0 + int(rows[0]), y0 + int(rows[-1]) + 1
            ix0, ix1 = x0 + int(cols[0]), x0 + int(cols[-1]) + 1
            margin = max(1, round(MARGIN * (iy1 - iy0)))
            a, b = max(iy0 - margin, 0), min(iy1 + margin, height)
            c, d = max(ix0 - margin, 0), min(ix1 + margin, width)
            crops.append((colour[a:b, c:d], c, a, iy0, iy1))
        crops.extend(self._missed(image, colour, crops))
        order = sorted(range(len(crops)), key=lambda i: crops[i][0].shape[1] / crops[i][0].shape[0])
        boxes: list[TextBox | None] = [None] * len(crops)
        for start in range(0, len(order), _BATCH):
            if deadline is not None:
                deadline()
            batch = order[start : start + _BATCH]
            ratio = max(
                _WIDTH / _HEIGHT, *(crops[i][0].shape[1] / crops[i][0].shape[0] for i in batch)
            )
            tensor = np.concatenate(
                [self._recogniser.resize_norm_img(crops[i][0], ratio)[np.newaxis] for i in batch]
            ).astype(np.float32)
            with self._lock:
                predictions = self._recogniser.session(tensor)[0]
            for row, i in zip(predictions, batch, strict=True):
                boxes[i] = self._decode(row, crops[i], ratio)
        return [b for b in boxes if b is not None and b.glyphs]

    @staticmethod
    def _missed(
        image: NDArray[np.uint8],
        colour: NDArray[np.uint8],
        crops: list[tuple[NDArray[np.uint8], int, int, int, int]],
    ) -> list[tuple[NDArray[np.uint8], int, int, int, int]]:
        """Crops of the ink no detected box covers (the detector misses a lone ``0`` now and
        then), as tall as a line of text: they are recognised like the others, and ink that
        reads as nothing stands as an unknown character."""
        cv2 = opencv()
        import numpy as np

        heights = sorted(iy1 - iy0 for *_, iy0, iy1 in crops)
        if not heights:
            return []
        em = max(heights[len(heights) // 2], 4)
        ink = (image < INK).astype(np.uint8)
        for crop, x0, y0, *_ in crops:
            h, w = crop.shape[:2]
            ink[y0 : y0 + h, x0 : x0 + w] = 0
        # Specks of noise are no text: only ink at least a third of a line high counts, and
        # pieces of one word are joined.
        joined = cv2.dilate(ink, np.ones((max(em // 4, 1), max(em // 2, 1)), np.uint8))
        count, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
        height, width = image.shape
        found = []
        for label in range(1, min(count, 2000)):
            x, y, w, h, _area = (int(v) for v in stats[label])
            inside = ink[y : y + h, x : x + w] & (labels[y : y + h, x : x + w] == label)
            rows, cols = np.nonzero(inside.any(axis=1))[0], np.nonzero(inside.any(axis=0))[0]
            if len(rows) == 0:
                continue
            iy0, iy1 = y + int(rows[0]), y + int(rows[-1]) + 1
            ix0, ix1 = x + int(cols[0]), x + int(cols[-1]) + 1
            if iy1 - iy0 < em / 3 or iy1 - iy0 > 3 * em or int(inside.sum()) < em:
                continue
            margin = max(1, round(MARGIN * (iy1 - iy0)))
            a, b = max(iy0 - margin, 0), min(iy1 + margin, height)
            c, d = max(ix0 - margin, 0), min(ix1 + margin, width)
            found.append((colour[a:b, c:d], c, a, iy0, iy1))
        return found

    def _decode(
        self,
        prediction: NDArray[np.float32],
        crop: tuple[NDArray[np.uint8], int, int, int, int],
        ratio: float,
    ) -> TextBox:
        """CTC decoding: each run of one class is a character, at the mean of its columns."""
        import numpy as np

        image, left, top, ink_top, ink_bottom = crop
        h, w = image.shape[:2]
        columns = prediction.shape[0]
        # The crop is resized to the recogniser's height, its width in proportion; the rest of
        # the input is padding.  One column of the output is this many pixels of the crop.
        input_width = _HEIGHT * ratio
        resized = min(math.ceil(_HEIGHT * w / h), input_width)
        per_column = (input_width / columns) * (w / resized)
        best = prediction.argmax(axis=1)
        probability = prediction.max(axis=1)
        runs: list[tuple[int, list[int]]] = []
        previous = 0
        for column, cls in enumerate(best.tolist()):
            if cls != 0 and cls == previous and runs:
                runs[-1][1].append(column)
            elif cls != 0:
                runs.append((cls, [column]))
            previous = cls
        em = ink_bottom - ink_top
        kept: list[tuple[str, float, float]] = []  # (character, centre, probability)
        spaced: list[bool] = []  # whether a space stands before it
        space = False
        for cls, cs in runs:
            ch = self._characters[cls] if cls < len(self._characters) else ""
            if not ch or ch.isspace():
                space = True
                continue
            centre = left + (sum(cs) / len(cs) + 0.5) * per_column
            kept.append((ch, centre, float(np.max(probability[cs]))))
            spaced.append(space)
            space = False
        glyphs: list[Glyph] = []
        for n, (ch, centre, confidence) in enumerate(kept):
            half = (em if _wide(ch) else 0.55 * em) / 2
            x0, x1 = centre - half, centre + half
            # Characters of one word touch (a gap would read as a space); a space the
            # recogniser saw keeps them apart.
            if n > 0:
                middle = (kept[n - 1][1] + centre) / 2
                x0 = max(x0, middle) if spaced[n] else middle
            if n + 1 < len(kept):
                middle = (kept[n + 1][1] + centre) / 2
                x1 = min(x1, middle) if spaced[n + 1] else middle
            glyphs.append(Glyph(ch, x0, x1, float(ink_top), float(ink_bottom), confidence))
        if not glyphs:
            # Ink that reads as nothing: one character no one knows.
            glyphs.append(
                Glyph(UNKNOWN, float(left), float(left + w), float(ink_top), float(ink_bottom), 0.0)
            )
        return TextBox(left, top, left + w, top + h, tuple(glyphs))


def _session(path: str, threads: int | None) -> Any:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 4
    options.enable_cpu_mem_arena = False
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.add_session_config_entry("session.inter_op.allow_spinning", "0")
    if threads:
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(
        path, sess_options=options, providers=["CPUExecutionProvider"]
    )


def _wide(ch: str) -> bool:
    import unicodedata

    return unicodedata.east_asian_width(ch) in "WF"


_engines: dict[int | None, Engine] = {}
_engines_lock = threading.Lock()


def engine(threads: int | None = None) -> Engine:
    """The engine, loaded on first use and kept."""
    with _engines_lock:
        found = _engines.get(threads)
        if found is None:
            found = _engines[threads] = Engine(threads)
        return found
