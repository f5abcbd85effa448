"""Sources: the bytes of one document and the name they came under."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import PurePath

import attrs

from govinfo import limits
from govinfo.errors import GovinfoError, InputError
from govinfo.model import _validators as v
from govinfo.statute import DocumentKind


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
        """The bytes of a file, or of standard input for ``-``: at most the ``input_bytes``
        limit (:mod:`govinfo.limits`), and only from a regular file (a FIFO or a device
        would block or never end)."""
        name = os.fspath(path)
        most = limits.current().input_bytes
        try:
            if name == "-":
                data = sys.stdin.buffer.read(most + 1)
            else:
                status = os.stat(name)
                if stat.S_ISDIR(status.st_mode):
                    raise InputError(f"{name}: is a folder, not a document")
                if not stat.S_ISREG(status.st_mode):
                    raise InputError(
                        f"{name}: not a regular file ({_file_kind(status.st_mode)}); "
                        "give a file, or - for standard input"
                    )
                if status.st_size > most:
                    raise limits.exceeded(name, status.st_size, "bytes", "input_bytes", most)
                with open(name, "rb") as handle:
                    data = handle.read(most + 1)
        except GovinfoError:
            raise
        except OSError as exc:
            raise InputError(f"{name}: {exc.strerror or exc}") from None
        if len(data) > most:
            raise limits.exceeded(name, len(data), "bytes or more", "input_bytes", most)
        return cls(data, name, images=None if name == "-" else os.path.dirname(name) or ".")

    @classmethod
    def from_text(cls, text: str, name: str | None = None) -> Source:
        return cls(text.encode("utf-8"), name, media_type="text/plain; charset=utf-8")


def _file_kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return "not a file"


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
