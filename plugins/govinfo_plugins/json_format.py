"""The JSON loader and reporter: govinfo's own schema, in and out."""

from __future__ import annotations

from collections.abc import Callable

from govinfo.model.documents import Document
from govinfo.model.findings import Finding
from govinfo.plugin.specs import LoaderSpec, Options, ReporterSpec, hookimpl
from govinfo.report import present as p
from govinfo.source import Source


def accepts(source: Source) -> float:
    """Certain for a JSON object that declares a govinfo schema version; never otherwise."""
    head = source.data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{"):
        return 0.0
    return 1.0 if b'"schema_version"' in head else 0.1


def load(source: Source) -> Document:
    from govinfo.io.serialize import loads

    return loads(source.data)


def render(document: Document, findings: tuple[Finding, ...], options: Options) -> str:
    """The canonical JSON of the document, loadable again (``check --json`` gives findings)."""
    from govinfo.io.serialize import dumps

    return dumps(document)


@hookimpl
def govinfo_register_loaders(register: Callable[[LoaderSpec], None]) -> None:
    register(
        LoaderSpec(
            "json",
            (".json",),
            accepts,
            load,
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
