"""Sources: the bytes of one document and the name they came under."""

from __future__ import annotations

import os
import sys
from pathlib import PurePath

import attrs

from govinfo.errors import InputError
from govinfo.model import _validators as v
from govinfo.statute import DocumentKind

#: Inputs larger than this are refused rather than read into memory.
MAX_INPUT_BYTES = 64 * 1024 * 1024


@attrs.frozen
class Source:
    """One document's bytes, with the name and media type they came under (if any).

    Reading a document is a function of its Source alone.
    """

    data: bytes = attrs.field(validator=v.instance_of(bytes), repr=lambda d: f"<{len(d)} bytes>")
    name: str | None = attrs.field(default=None, validator=v.optional(str))
    media_type: str | None = attrs.field(default=None, validator=v.optional(str), kw_only=True)
    #: The kind of document the caller says it is (``--kind``); readers detect it otherwise.
    kind: DocumentKind | None = attrs.field(default=None, validator=v.optional(str), kw_only=True)
    #: The folder where the pictures the document refers to are (``1.jpg`` where a table
    #: stands): beside the file by default, ``--images`` elsewhere; None: none are read.
    images: str | None = attrs.field(default=None, validator=v.optional(str), kw_only=True)
    #: The name's last suffix, lower-cased, with its dot ('' if none); every reader's
    #: ``accepts`` asks for it.
    suffix: str = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "suffix", PurePath(self.name).suffix.lower() if self.name else "")

    @classmethod
    def from_path(cls, path: str | os.PathLike[str]) -> Source:
        """The bytes of a file, or of standard input for ``-``."""
        name = os.fspath(path)
        try:
            if name == "-":
                data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
            else:
                size = os.stat(name).st_size
                if size > MAX_INPUT_BYTES:
                    raise InputError(
                        f"{name}: {size} bytes, more than the {MAX_INPUT_BYTES} a document may have"
                    )
                with open(name, "rb") as handle:
                    data = handle.read(MAX_INPUT_BYTES + 1)
        except InputError:
            raise
        except OSError as exc:
            raise InputError(f"{name}: {exc.strerror or exc}") from None
        if len(data) > MAX_INPUT_BYTES:
            raise InputError(f"{name}: more than the {MAX_INPUT_BYTES} bytes a document may have")
        return cls(data, name, images=None if name == "-" else os.path.dirname(name) or ".")

    @classmethod
    def from_text(cls, text: str, name: str | None = None) -> Source:
        return cls(text.encode("utf-8"), name, media_type="text/plain; charset=utf-8")


#: What the first bytes of a file say it is, for formats no text reader reads.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97-2003 .doc (or WPS) file: save it as .docx"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"BM", "a BMP image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"{\\rtf", "an RTF document: save it as .docx"),
)


def sniff(data: bytes) -> str | None:
    """What a file is by its first bytes (``a PDF``, ``a PNG image``), where that is known."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "a WebP image"
    if data.startswith(b"PK\x03\x04"):
        head = data[:4096]
        if b"word/" in head:
            return "a Word .docx file"
        if b"xl/" in head:
            return "an Excel workbook"
        return "a zip archive"
    return None
