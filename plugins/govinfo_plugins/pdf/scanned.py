"""A PDF whose pages (some or all) have no text layer: those pages drawn and recognised (OCR,
with the ``ocr`` extra), the others read from their text, one layout of them all."""

from __future__ import annotations

from govinfo.errors import PdfError
from govinfo.layout import Layout
from govinfo_plugins.ocr.engine import EXTRA, available
from govinfo_plugins.pdf import pdfium
from govinfo_plugins.pdf.document import pages_layout


def read_pdf(data: bytes, name: str) -> Layout:
    """The layout of a PDF: its text layer, and its pages without one recognised where the
    ``ocr`` extra is installed.  PdfError for a scanned PDF without it (the message names the
    extra), and for one in which recognition finds no text."""
    pages = pdfium.read_pages(data, name)
    blank = [page.number for page in pages if not page.chars]
    if not blank:
        return pages_layout(pages)
    if not available():
        if len(blank) < len(pages):
            return pages_layout(pages)  # the pages with text (the scanned ones need the extra)
        raise PdfError(
            f"{name}: a scanned PDF (its pages are images, with no text layer): "
            f"it needs text recognition (OCR): {EXTRA}"
        )
    from govinfo_plugins.ocr.page import locator
    from govinfo_plugins.ocr.scan import recognise_pdf_pages

    found = recognise_pdf_pages(data, name, blank)
    by_number = {r.page.number: r.page for r in found}
    pages = [by_number.get(page.number, page) for page in pages]
    if not any(page.chars for page in pages):
        raise PdfError(
            f"{name}: a scanned PDF (its pages are images, with no text layer), and text "
            "recognition found no text on them"
        )
    return pages_layout(pages, locator(found))
