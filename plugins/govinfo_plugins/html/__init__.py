"""The HTML reader: an agency's web page to layout blocks.

This module registers the reader and says which inputs are HTML; lxml and the reading
itself (:mod:`govinfo_plugins.html.page`) are loaded when a page is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from govinfo.decode import Decoded, looks_binary
from govinfo.layout import Layout
from govinfo.plugin.specs import ReaderSpec, hookimpl
from govinfo.source import Source, sniff

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_TAG = re.compile(rb"<(?:body|div|p[ >]|table|meta)")  # (in a lower-cased head)


def declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:8192])
    return match.group(1).decode("ascii", "replace") if match else None


def accepts(source: Source) -> float:
    """HTML markup: sure with the statutory headings in it, likely for any page."""
    if sniff(source.data) is not None:
        return 0.0  # a PDF, an image, a Word file...: not text
    if looks_binary(source.data[:4096]):  # a sniff: decoding looks at more, and says why
        return 0.0
    head = source.data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    is_html = (
        head.startswith((b"<!doctype html", b"<html", b"<?xml")) or _TAG.search(head) is not None
    )
    if not is_html:
        return 0.6 if source.suffix in (".html", ".htm", ".shtml") else 0.0
    return 0.95


def layout(source: Source, decoded: Decoded | None) -> Layout:
    from govinfo_plugins.html.page import to_layout  # lxml: loaded for a page only

    assert decoded is not None  # a text format: the host decodes it
    exact = decoded.encoding == "utf-8" and decoded.whole  # the text is these bytes' UTF-8
    return to_layout(decoded.text, location=source.name, utf8=source.data if exact else None)


@hookimpl
def govinfo_register_readers(register: Callable[[ReaderSpec], None]) -> None:
    register(
        ReaderSpec(
            "html",
            (".html", ".htm", ".shtml", ".xhtml"),
            accepts,
            layout,
            charset=declared_charset,
            description="agency web pages, CMS and Word-exported HTML",
        )
    )
