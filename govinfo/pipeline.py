"""The pipeline, and the Python API over it: read, check, render.

    bytes ──decode──▶ text ──reader──▶ layout ──assemble──▶ Document ──check──▶ findings
                                                                   └──reporter──▶ output

:func:`read` runs the first three stages: it decodes a text format's bytes
(:mod:`govinfo.decode`), lets the chosen reader plugin make layout blocks of them
(:mod:`govinfo.layout`), and assembles those into a document (:mod:`govinfo.assemble`).  A
loader (govinfo's JSON) gives a document directly.  :func:`check` runs every registered rule;
:func:`render` every registered reporter.  The command line is a thin layer over these.
"""

from __future__ import annotations

import itertools
import operator
import os
import posixpath
import re
import urllib.parse
from typing import Any

import attrs

from govinfo.assemble import assemble
from govinfo.checks import run_rules
from govinfo.decode import decode
from govinfo.errors import (
    GovinfoError,
    InputError,
    InvalidValueError,
    PluginError,
    ReaderNotFoundError,
    ReporterNotFoundError,
    SchemaError,
)
from govinfo.layout import Grid, Image, Layout, LayoutBlock, TextBlock
from govinfo.limits import Limits, applied, current, exceeded
from govinfo.model.documents import Document, Origin
from govinfo.model.findings import Finding
from govinfo.plugin.registry import Registry, default_registry
from govinfo.plugin.specs import LoaderSpec, ReaderSpec
from govinfo.source import Source
from govinfo.statute import DocumentKind

SourceLike = str | bytes | os.PathLike[str] | Source


def as_source(source: SourceLike) -> Source:
    """A Source from a path (os.PathLike), bytes, str (the document's text) or a Source."""
    if isinstance(source, Source):
        return source
    if isinstance(source, bytes):
        return Source(source)
    if isinstance(source, str):
        if "\n" not in source and len(source) < 1024 and _names_a_file(source):
            raise InputError(
                f"{source!r} is the name of a file, but a str is read as the document's text: "
                f"pass pathlib.Path({source!r}) to read the file"
            )
        return Source.from_text(source)
    return Source.from_path(source)


def _names_a_file(text: str) -> bool:
    try:
        return os.path.isfile(text)
    except (OSError, ValueError):
        return False


def layout_of(source: Source, spec: ReaderSpec) -> tuple[Layout, Origin]:
    """The reader's layout of the source, and where it was read from (decoding it first
    for a text format)."""
    decoded = None
    if not spec.binary:
        declared = spec.charset(source.data) if spec.charset is not None else None
        decoded = decode(source.data, declared, name=source.name)
        most = current().text_chars
        if len(decoded.text) > most:
            name = source.name or "the input"
            raise exceeded(name, len(decoded.text), "characters", "text_chars", most)
    layout = spec.layout(source, decoded)
    origin = Origin(
        location=source.name,
        reader=spec.name,
        encoding=decoded.encoding if decoded is not None else None,
    )
    return layout, origin


def read(
    source: SourceLike,
    *,
    reader: str | None = None,
    kind: DocumentKind | None = None,
    registry: Registry | None = None,
    limits: Limits | None = None,
    images: str | os.PathLike[str] | None = None,
) -> Document:
    """Read one document.

    ``source`` is a path (``pathlib.Path`` or any os.PathLike), the document's bytes, its text
    as a ``str``, or a :class:`Source`.  ``reader`` names the reader to use (else the most
    confident one is chosen from the content); ``kind`` asks for a kind of document, and a
    document of another kind is an error.  ``limits`` are what the document may hold
    (:class:`govinfo.Limits`, the defaults when None): beyond them it is refused with a
    :class:`LimitError`.  ``images`` is the folder where the pictures the document refers to
    are (default: beside a file; for bytes or text, none are read).  Errors are
    :class:`GovinfoError` subclasses.
    """
    with applied(limits) as bounds:
        return _read(source, reader, kind, registry or default_registry(), bounds, images)


def _read(
    source: SourceLike,
    reader: str | None,
    kind: DocumentKind | None,
    registry: Registry,
    bounds: Limits,
    images: str | os.PathLike[str] | None,
) -> Document:
    src = as_source(source)
    name = src.name or "the input"
    if len(src.data) > bounds.input_bytes:
        raise exceeded(name, len(src.data), "bytes", "input_bytes", bounds.input_bytes)
    if images is not None:
        src = attrs.evolve(src, images=os.fspath(images))
    if not src.data.strip():
        raise InputError(f"{src.name or 'the input'}: is empty")
    spec = registry.reader(reader) if reader else registry.choose_reader(src)
    try:
        if isinstance(spec, LoaderSpec):
            try:
                document = spec.load(src)
            except SchemaError as exc:
                raise SchemaError(f"{src.name or 'the input'}: {exc}") from None
        else:
            layout, origin = layout_of(src, spec)
            layout = read_pictures(layout, src, registry)
            _within(layout, name, bounds)
            document = assemble(layout, origin, kind)
    except GovinfoError:
        raise
    except Exception as exc:
        if registry.is_builtin(spec):
            raise
        raise PluginError(
            f"{src.name or 'the input'}: the {spec.name} reader "
            f"({registry.owner(spec)}) failed: {type(exc).__name__}: {exc}"
        ) from exc
    if kind is not None and document.kind != kind:
        raise InvalidValueError(
            f"{src.name or 'the input'}: reads as a {document.kind}, not a {kind}"
        )
    return document


_CELL_TEXT = operator.attrgetter("text")  # (of a GridCell)


def _within(layout: Layout, name: str, bounds: Limits) -> None:
    """Refuse a layout beyond the limits before it is assembled: its text, its tables, the
    cells of each."""
    chars = tables = 0
    for block in layout.blocks:
        if isinstance(block, TextBlock):
            chars += len(block.text)
        elif isinstance(block, Grid):
            tables += 1
            cells = sum(map(len, block.rows))
            if cells > bounds.cells:
                raise exceeded(f"{name}: a table", cells, "cells", "cells", bounds.cells)
            chars += sum(map(len, map(_CELL_TEXT, itertools.chain.from_iterable(block.rows))))
    if tables > bounds.tables:
        raise exceeded(name, tables, "tables", "tables", bounds.tables)
    if chars > bounds.text_chars:
        raise exceeded(name, chars, "characters of text", "text_chars", bounds.text_chars)


#: Schemes of references that are not files beside the report: never fetched.
_REMOTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def picture_path(ref: str, folder: str) -> str | None:
    """The file a picture reference names inside ``folder``, or None: a URL (``http:``,
    ``data:``, ``//host``) is never fetched, and a path leaving the folder (``../``) is not
    followed.  A reference to a page's folder of pictures (``report_files/1.jpg``, a crawler's
    ``/uploads/…/1.jpg``) is also looked for by its file name alone."""
    if _REMOTE.match(ref):
        return None
    path = urllib.parse.unquote(ref.split("?", 1)[0].split("#", 1)[0]).replace("\\", "/")
    if not path.strip("/"):
        return None
    root = os.path.realpath(folder)
    for candidate in (path.lstrip("/"), posixpath.basename(path)):
        full = os.path.realpath(os.path.join(root, *candidate.split("/")))
        if os.path.commonpath([root, full]) == root and os.path.isfile(full):
            return full
    return None


def read_pictures(layout: Layout, source: Source, registry: Registry) -> Layout:
    """Each picture the layout refers to that is a file in the source's folder of images,
    read by the reader that accepts it (text recognition, with the ``ocr`` extra): its blocks
    stand where the picture stood.  A picture that is not read stays, saying why."""
    if source.images is None or not any(isinstance(b, Image) for b in layout.blocks):
        return layout
    blocks: list[LayoutBlock] = []
    for block in layout.blocks:
        if not isinstance(block, Image):
            blocks.append(block)
            continue
        path = picture_path(block.ref, source.images)
        if path is None:
            why = (
                "a picture on the web (never fetched)"
                if _REMOTE.match(block.ref)
                else f"no file {block.ref} where the pictures are looked for"
            )
            blocks.append(block._replace(unread=why))
            continue
        try:
            picture = Source.from_path(path)
            spec = registry.choose_reader(picture)
            if isinstance(spec, LoaderSpec) or not spec.binary:
                raise ReaderNotFoundError(f"{block.ref}: not a picture")
            read = spec.layout(picture, None)
        except GovinfoError as exc:
            blocks.append(block._replace(unread=str(exc)))
            continue
        blocks.extend(read.blocks)
    return attrs.evolve(layout, blocks=tuple(blocks))


def check(document: Document, *, registry: Registry | None = None) -> tuple[Finding, ...]:
    """Every registered rule's findings on the document, in rule order.  Never raises."""
    return run_rules(document, (registry or default_registry()).rules)


def render(
    document: Document,
    to: str = "markdown",
    *,
    findings: tuple[Finding, ...] | None = None,
    registry: Registry | None = None,
    **options: Any,
) -> str | bytes:
    """Render a document with the reporter named ``to``.

    ``findings`` default to :func:`check`'s; the other keyword options go to the reporter.
    """
    registry = registry or default_registry()
    spec = registry.reporter(to)
    if not spec.can_render(document):
        raise ReporterNotFoundError(f"the {to} reporter cannot render a {document.kind}")
    if findings is None:
        findings = check(document, registry=registry)
    try:
        return spec.render(document, findings, options)
    except GovinfoError:
        raise
    except Exception as exc:
        if registry.is_builtin(spec):
            raise
        raise PluginError(
            f"the {to} reporter ({registry.owner(spec)}) failed: {type(exc).__name__}: {exc}"
        ) from exc
