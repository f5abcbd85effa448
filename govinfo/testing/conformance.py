"""A conformance test any reporter plugin can run on itself.

    from govinfo.testing.conformance import check_reporter

    def test_my_reporter_conforms():
        check_reporter("mine")                      # renders documents of every kind
        check_reporter("mine", recoverable=cells)   # and every cell can be read back

``recoverable`` is a function from the reporter's output and a document to the values it
finds for each cell key: every statutory cell of the document must be there with its value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from hypothesis import HealthCheck, given, settings

from govinfo.model.documents import AnnualReport, Document
from govinfo.pipeline import render
from govinfo.plugin.registry import Registry, default_registry
from govinfo.report.present import plain_value
from govinfo.testing.strategies import documents

Recover = Callable[[str | bytes, Document], Mapping[str, str]]


def check_reporter(
    name: str,
    *,
    registry: Registry | None = None,
    recoverable: Recover | None = None,
    max_examples: int = 40,
) -> None:
    """Render hypothesis-generated documents of every kind with the reporter ``name``.

    Fails if rendering raises, returns something other than str or bytes, or (with
    ``recoverable``) loses or alters a cell value.
    """
    registry = registry or default_registry()
    spec = registry.reporter(name)

    @settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(documents())
    def conforms(document: Document) -> None:
        if not spec.can_render(document):
            return
        for options in ({}, {"lang": "en"}, {"no_findings": True}):
            output = render(document, name, registry=registry, **options)
            assert isinstance(output, (str, bytes)), type(output)
        if recoverable is None or not isinstance(document, AnnualReport):
            return
        found = recoverable(render(document, name, registry=registry), document)
        for table in document.tables():
            for ref in table.cells():
                if table.get_row(ref.row.key) is None:
                    continue
                assert found.get(ref.key) == plain_value(ref.cell), ref.key

    conforms()
