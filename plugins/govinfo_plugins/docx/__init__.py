"""The Word reader: a .docx to layout blocks.

The OOXML is read with lxml, streamed from the zip and bounded (python-docx is not used: it
repeats a merged cell at every place it covers and recomputes a table on every call).  A
merged cell (``w:gridSpan``, ``w:vMerge``) stands once in its grid, with its spans;
headings are told by style, outline level or bold; auto-numbering is printed as Word prints
it (``一、`` from a list).  Sources are paragraph numbers (``line``).

A Word 97-2003 ``.doc`` or a WPS file (an OLE2 compound file), RTF, a zip that is no
``.docx`` are refused in one line that says what the file is.
"""

from __future__ import annotations

from collections.abc import Callable

from govinfo.decode import Decoded
from govinfo.layout import Layout
from govinfo.plugin.specs import ReaderSpec, hookimpl
from govinfo.source import Source

SUFFIXES = (".docx", ".doc", ".wps", ".docm", ".dotx")
#: The signature of an OLE2 compound file: a Word 97-2003 .doc, a WPS file, an encrypted .docx.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def accepts(source: Source) -> float:
    """Sure for a zip holding ``word/document.xml``; likely for an OLE2 compound file (a
    ``.doc``, refused in words) or RTF; a fallback for another zip or a Word name."""
    data = source.data
    if data.startswith(b"PK\x03\x04"):
        # The central directory at the end names every member; the first local header the
        # first one.
        if b"word/document" in data[-65536:] or b"word/document" in data[:4096]:
            return 1.0
        return 0.5 if source.suffix in SUFFIXES else 0.3
    if data.startswith(OLE2_MAGIC):
        return 0.9
    if data[:8].lstrip(b"\xef\xbb\xbf").startswith(b"{\\rtf"):
        return 0.5
    return 0.3 if source.suffix in SUFFIXES else 0.0


def layout(source: Source, decoded: Decoded | None) -> Layout:
    from govinfo_plugins.docx.document import docx_layout  # zipfile and the rest: when read

    return docx_layout(source.data, source.name or "the input")


@hookimpl
def govinfo_register_readers(register: Callable[[ReaderSpec], None]) -> None:
    register(
        ReaderSpec(
            "docx",
            SUFFIXES,
            accepts,
            layout,
            binary=True,
            description="Word documents (.docx); a .doc or WPS file is refused in words",
        )
    )
