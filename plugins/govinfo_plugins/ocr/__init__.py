"""The picture reader: text recognition (OCR) of tables published as pictures and of scanned
pages, to layout like any other reader's.

A picture (PNG, JPEG, GIF, BMP, TIFF, WebP) is turned upright, its ruling lines are found and
taken out, its text is detected and recognised by PP-OCRv4 (:mod:`.engine`), and its
characters and ruling lines go through the PDF reader's layout (ruled tables from the lines,
unruled ones from the columns, paragraphs).  Every character keeps the recogniser's
probability for it: the layout's ``confidence``, which the assembler weighs (a value read with
doubt is an unknown for the statute's arithmetic).  Sources name the picture, the line and the
box in pixels.

The same is done for the pages of a PDF without a text layer, and for the pictures an HTML or
text report refers to (resolved by the host, beside the report or in ``--images``).

All of it needs the ``ocr`` extra (``pip install 'govinfo-cn[ocr]'``): numpy, OpenCV, Pillow,
onnxruntime and the models are loaded when a picture is read, never before.
"""

from __future__ import annotations

from collections.abc import Callable

from govinfo.decode import Decoded
from govinfo.layout import Layout
from govinfo.plugin.specs import ReaderSpec, hookimpl
from govinfo.source import Source
from govinfo_plugins.ocr.engine import require

SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp")

#: The first bytes of the pictures read.
MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
)


def is_picture(data: bytes) -> bool:
    return data.startswith(MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def accepts(source: Source) -> float:
    """Sure for a picture's first bytes; a fallback for a picture's name (so that a damaged
    one is refused in words)."""
    if is_picture(source.data):
        return 1.0
    return 0.2 if source.suffix in SUFFIXES else 0.0


def layout(source: Source, decoded: Decoded | None) -> Layout:
    name = source.name or "the input"
    require(f"{name}: reading a picture")
    from govinfo_plugins.ocr.scan import picture_layout  # numpy, OpenCV, onnxruntime

    return picture_layout(source.data, name)


@hookimpl
def govinfo_register_readers(register: Callable[[ReaderSpec], None]) -> None:
    register(
        ReaderSpec(
            "image",
            SUFFIXES,
            accepts,
            layout,
            binary=True,
            description="tables published as pictures, by text recognition (the ocr extra)",
        )
    )
