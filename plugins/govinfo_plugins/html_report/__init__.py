"""The HTML reporter: one self-contained page that looks like the form.

This module registers the reporter; the page (:mod:`govinfo_plugins.html_report.page`, with
the form's merged headers, the styles and the script) is built when a document is rendered.
"""

from __future__ import annotations

from collections.abc import Callable

from govinfo.model.documents import Document
from govinfo.model.findings import Finding
from govinfo.plugin.specs import Options, ReporterSpec, hookimpl
from govinfo.report import present as p


def render(document: Document, findings: tuple[Finding, ...], options: Options) -> str:
    from govinfo_plugins.html_report import page

    return page.render(document, findings, options)


@hookimpl
def govinfo_register_reporters(register: Callable[[ReporterSpec], None]) -> None:
    register(
        ReporterSpec(
            "html",
            ".html",
            p.any_document,
            render,
            description="one self-contained page drawn like the form, findings marked on cells",
        )
    )
