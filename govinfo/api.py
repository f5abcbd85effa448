"""The Python API: read, check, render.  The command line is a thin layer over these."""

from __future__ import annotations

import os
from typing import Any

import attrs

from govinfo.checks import run_rules
from govinfo.documents import Document
from govinfo.errors import InvalidValueError, ReporterNotFoundError
from govinfo.findings import Finding
from govinfo.formats import DocumentKind
from govinfo.registry import Registry, default_registry
from govinfo.sources import Source

SourceLike = str | bytes | os.PathLike[str] | Source


def as_source(source: SourceLike) -> Source:
    """A Source from a path (os.PathLike), bytes, str (the document's text) or a Source."""
    if isinstance(source, Source):
        return source
    if isinstance(source, bytes):
        return Source(source)
    if isinstance(source, str):
        return Source.from_text(source)
    return Source.from_path(source)


def read(
    source: SourceLike,
    *,
    reader: str | None = None,
    kind: DocumentKind | None = None,
    registry: Registry | None = None,
) -> Document:
    """Read one document.

    ``source`` is a path (``pathlib.Path`` or any os.PathLike), the document's bytes, its text
    as a ``str``, or a :class:`Source`.  ``reader`` names the reader to use (else the most
    confident one is chosen from the content); ``kind`` asks for a kind of document, and a
    reader that finds another kind raises.  Errors are :class:`GovinfoError` subclasses.
    """
    registry = registry or default_registry()
    src = as_source(source)
    if kind is not None:
        src = attrs.evolve(src, kind=kind)
    spec = registry.reader(reader) if reader else registry.choose_reader(src)
    document = spec.read(src)
    if kind is not None and document.kind != kind:
        raise InvalidValueError(
            f"{src.name or 'the input'}: reads as a {document.kind}, not a {kind}"
        )
    return document


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
    return spec.render(document, findings, options)
