"""A PDF's pages through PDFium: each page's characters with their boxes, and its ruling lines.

PDFium comes with the ``pypdfium2`` wheel and is called through its raw bindings
(``pypdfium2.raw``).  Importing them costs tens of milliseconds, so this module is imported
only when a PDF is read.  No form environment is set up: no JavaScript runs, nothing is
fetched.  PDFium is not thread-safe: one lock serialises its use.
"""

from __future__ import annotations

import ctypes
import math
import statistics
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

import pypdfium2.raw as pdfium_c

from govinfo.errors import LimitError, PdfError
from govinfo_plugins.pdf.lines import Char
from govinfo_plugins.pdf.ruled import Rule, merge_collinear

#: More pages than any report has; a file with more is refused rather than read for minutes.
MAX_PAGES = 2000
#: A colour whose red, green and blue are all at least this is white: never a rule.
WHITE = 235
#: Points: a filled shape thinner than this is a drawn line.
THIN = 2.5

_lock = threading.Lock()

# PDFium handles (pointers) as the bindings return them.
_Handle = Any


class Page(NamedTuple):
    """What a page holds: its number (1-based), its height, its characters and its rules."""

    number: int
    height: float
    chars: list[Char]
    rules: list[Rule]


def read_pages(data: bytes, name: str) -> list[Page]:
    """The pages of a PDF; PdfError (one line, naming ``name``) for one that cannot be read.
    A page without a text layer (a scan) has no characters.

    A PDF encrypted with an owner password only (its permissions forbid copying or printing,
    its user password is empty) opens without a password and is read.
    """
    if b"%PDF-" not in data[:1024]:
        raise PdfError(f"{name}: not a PDF (no %PDF- header)")
    if b"%%EOF" not in data[-2048:]:
        # PDFium would repair the file silently and give fewer pages.
        raise PdfError(f"{name}: a truncated PDF (no %%EOF at its end)")
    with _lock, _document(data, name) as document:
        count = pdfium_c.FPDF_GetPageCount(document)
        if count <= 0:
            raise PdfError(f"{name}: a damaged PDF (no pages)")
        if count > MAX_PAGES:
            raise LimitError(f"{name}: {count} pages, more than the {MAX_PAGES} a report may have")
        return [_page(document, number, name) for number in range(count)]


@contextmanager
def _document(data: bytes, name: str) -> Iterator[_Handle]:
    # PDFium reads ``data`` until the document is closed: it stays referenced here.
    document = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None)
    if not document:
        error = pdfium_c.FPDF_GetLastError()
        if error == pdfium_c.FPDF_ERR_PASSWORD:
            raise PdfError(f"{name}: an encrypted PDF: it cannot be opened without its password")
        if error == pdfium_c.FPDF_ERR_SECURITY:
            raise PdfError(f"{name}: an encrypted PDF with a security handler PDFium lacks")
        what = "bad format" if error == pdfium_c.FPDF_ERR_FORMAT else f"error {error}"
        raise PdfError(f"{name}: a damaged PDF (PDFium cannot read it: {what})")
    try:
        yield document
    finally:
        pdfium_c.FPDF_CloseDocument(document)


def _page(document: _Handle, index: int, name: str) -> Page:
    page = pdfium_c.FPDF_LoadPage(document, index)
    if not page:
        raise PdfError(f"{name}: a damaged PDF (page {index + 1} cannot be loaded)")
    try:
        box = pdfium_c.FS_RECTF()
        pdfium_c.FPDF_GetPageBoundingBox(page, ctypes.byref(box))
        chars = _chars(page, box.top, name)
        rules = _rules(page, box.top) if chars else []
        return Page(index + 1, box.top - box.bottom, chars, rules)
    finally:
        pdfium_c.FPDF_ClosePage(page)


def _chars(page: _Handle, top: float, name: str) -> list[Char]:
    text_page = pdfium_c.FPDFText_LoadPage(page)
    if not text_page:
        raise PdfError(f"{name}: a damaged PDF (a page's text cannot be loaded)")
    try:
        return _read_chars(text_page, top)
    finally:
        pdfium_c.FPDFText_ClosePage(text_page)


def _char(code: int) -> str:
    """A character PDFium gives by its code: U+FFFD for none, and for half of a surrogate
    pair (a damaged file's text holds them alone; no Unicode text may)."""
    return "\ufffd" if not code or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else chr(code)


def _read_chars(text_page: _Handle, top: float) -> list[Char]:
    count = pdfium_c.FPDFText_CountChars(text_page)
    if count <= 0:
        return []
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(text_page, 0, count, buffer)
    text = bytes(memoryview(buffer).cast("B"))[: 2 * max(written - 1, 0)].decode(
        "utf-16-le", "replace"
    )
    if len(text) != count:  # surrogate pairs shift the indices: one call a character
        text = "".join(_char(pdfium_c.FPDFText_GetUnicode(text_page, i)) for i in range(count))
    left, right, bottom, top_ = (ctypes.c_double() for _ in range(4))
    refs = tuple(ctypes.byref(v) for v in (left, right, bottom, top_))
    loose = pdfium_c.FS_RECTF()
    loose_ref = ctypes.byref(loose)
    char_box, loose_box = pdfium_c.FPDFText_GetCharBox, pdfium_c.FPDFText_GetLooseCharBox
    chars: list[Char] = []
    advances: list[tuple[float, float, float]] = []  # the loose box: left, right, height
    for i, ch in enumerate(text):
        # The characters PDFium generates (guessed spaces and line ends) are whitespace.
        if ch.isspace() or ch in "\x00\ufffe\uffff" or not char_box(text_page, i, *refs):
            continue
        if right.value - left.value <= 0 and top_.value - bottom.value <= 0:
            continue
        chars.append(Char(ch, left.value, right.value, top - top_.value, top - bottom.value))
        if loose_box(text_page, i, loose_ref):
            advances.append((loose.left, loose.right, loose.top - loose.bottom))
        else:
            advances.append((left.value, right.value, -1.0))
    # Horizontally the loose box (the glyph's advance) is the extent that counts: a tight "1"
    # sits inside a wide advance, CJK punctuation has small glyphs in full-width advances.
    # Vertically the tight box is kept.  Some fonts give absurd loose boxes (hundreds of
    # points high): one much taller than the page's usual is not used.
    heights = [h for *_, h in advances if h > 0]
    usual = statistics.median(heights) if heights else 0.0
    for c, (x0, x1, height) in zip(chars, advances, strict=True):
        if 0 < height <= 3.0 * usual and x0 <= c.x0 + 1 and x1 >= c.x1 - 1:
            c.x0, c.x1 = x0, x1
    return chars


def _dark(get_colour: Callable[..., int], obj: _Handle) -> bool:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not get_colour(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return True  # a pattern or an unknown colour space: assume it shows
    return a.value > 0 and min(r.value, g.value, b.value) < WHITE


_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _rules(page: _Handle, top: float) -> list[Rule]:
    """Straight ruling lines: the edges of stroked paths in a colour that shows, and filled
    shapes thinner than THIN in such a colour.  A filled white rectangle (what WPS puts under
    every line of body text) is never a rule, nor is a large tinted cell background."""
    rules: list[Rule] = []
    matrix_out = pdfium_c.FS_MATRIX()
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    px, py = ctypes.c_float(), ctypes.c_float()

    def add(x0: float, y0: float, x1: float, y1: float) -> None:
        y0, y1 = top - y0, top - y1
        if abs(y1 - y0) <= 1.0 and abs(x1 - x0) >= 2.0:
            rules.append(Rule(True, (y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= 1.0 and abs(y1 - y0) >= 2.0:
            rules.append(Rule(False, (x0 + x1) / 2, min(y0, y1), max(y0, y1)))

    def matrix(obj: _Handle, outer: _Matrix) -> _Matrix:
        """The object's matrix, then the outer one (of the forms it sits in)."""
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix_out)):
            return outer
        m = matrix_out
        a0, b0, c0, d0, e0, f0 = outer
        return (
            m.a * a0 + m.b * c0, m.a * b0 + m.b * d0,
            m.c * a0 + m.d * c0, m.c * b0 + m.d * d0,
            m.e * a0 + m.f * c0 + e0, m.e * b0 + m.f * d0 + f0,
        )  # fmt: skip

    def path(obj: _Handle, outer: _Matrix) -> None:
        pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke))
        stroked = bool(stroke.value) and _dark(pdfium_c.FPDFPageObj_GetStrokeColor, obj)
        filled = fill_mode.value != 0 and _dark(pdfium_c.FPDFPageObj_GetFillColor, obj)
        if not (stroked or filled):
            return  # most paths of a WPS page: the white boxes under the text
        a, b, c, d, e, f = matrix(obj, outer)
        subpaths: list[list[tuple[float, float]]] = []
        for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
            pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(px), ctypes.byref(py))
            x, y = px.value, py.value
            point = (a * x + c * y + e, b * x + d * y + f)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
                subpaths.append([point])
            elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
                if stroked:
                    add(*subpaths[-1][-1], *point)
                subpaths[-1].append(point)
            else:  # a Bézier curve's point: curves are never rules
                subpaths[-1].append((math.nan, math.nan))
                subpaths[-1].append(point)
            if pdfium_c.FPDFPathSegment_GetClose(segment) and stroked:
                add(*point, *subpaths[-1][0])
        if filled and not stroked:
            for subpath in subpaths:
                xs = [p[0] for p in subpath]
                ys = [p[1] for p in subpath]
                if any(math.isnan(v) for v in xs):
                    continue
                width, height = max(xs) - min(xs), max(ys) - min(ys)
                if min(width, height) <= THIN and max(width, height) >= 2.0:
                    mx, my = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
                    if width >= height:
                        add(min(xs), my, max(xs), my)
                    else:
                        add(mx, min(ys), mx, max(ys))

    def walk(objects: Iterator[_Handle], outer: _Matrix, depth: int) -> None:
        for obj in objects:
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                path(obj, outer)
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 16:
                # A form XObject: its objects are in its own space.
                walk(_form_objects(obj), matrix(obj, outer), depth + 1)

    walk(_page_objects(page), _IDENTITY, 0)
    return merge_collinear(rules)


def _page_objects(page: _Handle) -> Iterator[_Handle]:
    for i in range(pdfium_c.FPDFPage_CountObjects(page)):
        yield pdfium_c.FPDFPage_GetObject(page, i)


def _form_objects(form: _Handle) -> Iterator[_Handle]:
    for i in range(pdfium_c.FPDFFormObj_CountObjects(form)):
        yield pdfium_c.FPDFFormObj_GetObject(form, i)


def render(data: bytes, numbers: list[int], dpi: float) -> Iterator[tuple[int, Any]]:
    """Pages (1-based ``numbers``) drawn in grey at ``dpi``: (number, a numpy array of
    height × width).  For pages to be recognised; numpy comes with the ``ocr`` extra."""
    import numpy as np
    import pypdfium2

    for number in numbers:
        with _lock:
            document = pypdfium2.PdfDocument(data)
            try:
                page = document[number - 1]
                try:
                    bitmap = page.render(scale=dpi / 72.0, grayscale=True)
                    array = np.array(bitmap.to_numpy(), dtype=np.uint8)
                finally:
                    page.close()
            finally:
                document.close()
        if array.ndim == 3:
            array = array[:, :, 0]
        yield number, array
