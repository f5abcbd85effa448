"""The PDF reader: a PDF's text layer to layout blocks.

PDFium (the ``pypdfium2`` wheel) gives every character with its box and every path with its
drawing mode and colours.  From those, knowing nothing of the statute: characters into lines
and paragraphs, headings by size and length, ruled tables from their lines (a spanning cell
where a line is missing), unruled tables from their columns, page numbers and running heads
dropped, and a table or a paragraph going on over a page break joined.  Sources are the
page and the line of the page (counted over all its text, tables included).

PDFium is loaded only when a PDF is read.  A page without a text layer (a scan) is drawn and
recognised (OCR) when the ``ocr`` extra is installed; a scanned PDF without it, one that needs
a password, a damaged or truncated one is refused in one line that says which.
"""

from __future__ import annotations

from collections.abc import Callable

from govinfo.decode import Decoded
from govinfo.layout import Layout
from govinfo.plugin.specs import ReaderSpec, hookimpl
from govinfo.source import Source

SUFFIXES = (".pdf",)


def accepts(source: Source) -> float:
    """Sure for the ``%PDF-`` header (it may follow a little junk); a fallback for a file
    named .pdf, so that a PDF without its header is refused in words (an HTML page saved
    under a .pdf name goes to the HTML reader, which is surer)."""
    if b"%PDF-" in source.data[:1024]:
        return 1.0
    return 0.2 if source.suffix in SUFFIXES else 0.0


def layout(source: Source, decoded: Decoded | None) -> Layout:
    from govinfo_plugins.pdf.scanned import read_pdf  # PDFium: loaded for a PDF only

    return read_pdf(source.data, source.name or "the input")


@hookimpl
def govinfo_register_readers(register: Callable[[ReaderSpec], None]) -> None:
    register(
        ReaderSpec(
            "pdf",
            SUFFIXES,
            accepts,
            layout,
            binary=True,
            description="PDFs as agencies publish them (PDFium); scanned pages by text "
            "recognition (the ocr extra)",
        )
    )
