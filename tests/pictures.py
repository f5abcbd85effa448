"""Pictures for the text-recognition tests: real pages drawn, the HTML reporter's tables as
Chromium shows them, and copies degraded as scans and photos degrade them.

Everything is made once per test session (the recogniser's tests are the slow ones).
"""

from __future__ import annotations

import functools
import io
import random
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from chromium import browser

import govinfo
from govinfo.statute import TableKey

if TYPE_CHECKING:
    from PIL import Image as PILImage

DATA = Path(__file__).parent / "data"
EXAMPLES = Path(__file__).parent.parent / "examples"
HONGZE = DATA / "hongze-district-2023-annual-report.pdf"
#: The example whose HTML page is screenshotted.
SHOT_EXAMPLE = EXAMPLES / "beijing-ipo-2021-annual-report.zh.txt"
TABLE_SECTIONS: tuple[TableKey, ...] = ("proactive", "applications", "appeals")

_FOLDER = Path(tempfile.mkdtemp(prefix="govinfo-pictures-"))


@functools.cache
def hongze_pages(dpi: int) -> tuple[PILImage.Image, ...]:
    """The Hongze report's pages drawn in grey at ``dpi`` (PDFium, as pdftoppm would)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(HONGZE.read_bytes())
    try:
        return tuple(page.render(scale=dpi / 72, grayscale=True).to_pil() for page in document)
    finally:
        document.close()


def as_tiff(pages: tuple[PILImage.Image, ...] | list[PILImage.Image], dpi: int) -> bytes:
    """Pages as one multi-page TIFF, as a scanner saves a scan."""
    out = io.BytesIO()
    first, *rest = [p.convert("L") for p in pages]
    first.save(
        out, "TIFF", save_all=True, append_images=rest, dpi=(dpi, dpi), compression="tiff_lzw"
    )
    return out.getvalue()


def as_scanned_pdf(pages: tuple[PILImage.Image, ...], dpi: int) -> bytes:
    """Pages as a PDF of pictures only (no text layer), as a scanner makes one."""
    out = io.BytesIO()
    first, *rest = [p.convert("L") for p in pages]
    first.save(out, "PDF", save_all=True, append_images=rest, resolution=float(dpi))
    return out.getvalue()


# --------------------------------------------------------------------------- degraded copies


def rotated(page: PILImage.Image, degrees: float) -> PILImage.Image:
    from PIL import Image

    return page.convert("L").rotate(
        degrees, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255
    )


def blurred(page: PILImage.Image, radius: float = 1.0) -> PILImage.Image:
    from PIL import ImageFilter

    return page.convert("L").filter(ImageFilter.GaussianBlur(radius))


def jpeg(page: PILImage.Image, quality: int = 40) -> PILImage.Image:
    from PIL import Image

    out = io.BytesIO()
    page.convert("L").save(out, "JPEG", quality=quality)
    return Image.open(io.BytesIO(out.getvalue())).convert("L")


def noisy(page: PILImage.Image, sigma: float = 14.0, seed: int = 19) -> PILImage.Image:
    """Grey noise of the given strength, and one speck in a thousand pixels."""
    import numpy as np
    from PIL import Image

    generator = np.random.default_rng(seed)
    grey = np.asarray(page.convert("L"), dtype=np.float64) + generator.normal(
        0.0, sigma, page.size[::-1]
    )
    specks = generator.random(grey.shape) < 0.001
    grey[specks] = 0.0
    return Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8))


DEGRADATIONS: dict[str, Callable[[PILImage.Image], PILImage.Image]] = {
    "rotated 1.5°": lambda p: rotated(p, 1.5),
    "blurred": blurred,
    "jpeg q40": jpeg,
    "noise": noisy,
}


# --------------------------------------------------------------------------- Chromium


def _hidden_except(key: str) -> str:
    return (
        "<style>body > header, section.part:not(#section-" + key + "), section.part h2, "
        "section.part .narrative, section.part .verdict, section.part .findings, "
        "section.part ol, section.part ul { display: none !important } "
        "body { max-width: none !important } div.table { overflow: visible !important }</style>"
    )


@functools.cache
def table_shots(example: Path = SHOT_EXAMPLE) -> dict[str, PILImage.Image]:
    """Each statutory table of the example's HTML page as Chromium draws it (at a device
    scale of 2, as a phone or a high-resolution screen shows it), cropped to the table."""
    from PIL import Image

    document = govinfo.read(example)
    html = str(govinfo.render(document, "html"))
    shots: dict[str, PILImage.Image] = {}
    for key in TABLE_SECTIONS:
        page = _FOLDER / f"{key}.html"
        page.write_text(html.replace("</head>", _hidden_except(key) + "</head>"), "utf-8")
        shot = _FOLDER / f"{key}.png"
        command = [
            browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--hide-scrollbars", f"--user-data-dir={_FOLDER / 'profile'}",
            "--window-size=1400,1600", "--force-device-scale-factor=2",
            f"--screenshot={shot}", page.as_uri(),
        ]  # fmt: skip
        subprocess.run(command, capture_output=True, timeout=120, check=True)
        shots[key] = _table_frame(Image.open(shot).convert("L"))
    return shots


def _table_frame(picture: PILImage.Image, margin: int = 10) -> PILImage.Image:
    """The picture cropped to the table's ruling lines (what is above and below it left out)."""
    import numpy as np
    from govinfo_plugins.ocr.picture import ruling_lines

    strokes, _ = ruling_lines(np.asarray(picture))
    long = [s for s in strokes if s.horizontal and s.b - s.a > 0.3 * picture.width]
    assert long, "no table drawn"
    left, right = min(s.a for s in long), max(s.b for s in long)
    top, bottom = min(s.at for s in long), max(s.at for s in long)
    return picture.crop(
        (
            max(round(left) - margin, 0),
            max(round(top) - margin, 0),
            min(round(right) + margin, picture.width),
            min(round(bottom) + margin, picture.height),
        )
    )


def split_at_a_rule(picture: PILImage.Image) -> tuple[PILImage.Image, PILImage.Image]:
    """A table's picture cut in two at the ruling line nearest its middle (a table pasted as
    two pictures, as the Shanghai seed does)."""
    import numpy as np
    from govinfo_plugins.ocr.picture import ruling_lines

    strokes, _ = ruling_lines(np.asarray(picture.convert("L")))
    ys = sorted(s.at for s in strokes if s.horizontal and s.b - s.a > 0.5 * picture.width)
    middle = min(ys, key=lambda y: abs(y - picture.height / 2))
    cut = round(middle)
    return picture.crop((0, 0, picture.width, cut + 2)), picture.crop(
        (0, cut - 1, picture.width, picture.height)
    )


def shuffle_seed() -> random.Random:
    return random.Random(19)
