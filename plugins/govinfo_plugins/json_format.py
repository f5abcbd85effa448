"""The JSON reader and reporter: govinfo's own schema, in and out."""

from __future__ import annotations

from collections.abc import Callable

import govinfo
from govinfo import Document, Finding, ReaderSpec, ReporterSpec, Source, hookimpl
from govinfo import present as p
from govinfo.registry import Options


def accepts(source: Source) -> float:
    """Certain for a JSON object that declares a govinfo schema version; never otherwise."""
    head = source.data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{"):
        return 0.0
    return 1.0 if b'"schema_version"' in head else 0.1


def read(source: Source) -> Document:
    return govinfo.loads(source.data)


def render(document: Document, findings: tuple[Finding, ...], options: Options) -> str:
    """The canonical JSON of the document, loadable again (``check --json`` gives findings)."""
    return govinfo.dumps(document)


@hookimpl
def govinfo_register_readers(register: Callable[[ReaderSpec], None]) -> None:
    register(
        ReaderSpec(
            "json",
            (".json",),
            accepts,
            read,
            media_types=("application/json",),
            description="govinfo's JSON schema (python -m govinfo schema)",
        )
    )


@hookimpl
def govinfo_register_reporters(register: Callable[[ReporterSpec], None]) -> None:
    register(
        ReporterSpec(
            "json",
            ".json",
            p.any_document,
            render,
            description="the document in govinfo's JSON schema, canonical and loadable",
        )
    )
