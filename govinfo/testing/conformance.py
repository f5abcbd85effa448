"""A conformance test any reporter plugin can run on itself.

    from govinfo.testing.conformance import check_reporter

    def test_my_reporter_conforms():
        check_reporter("mine")                      # renders documents of every kind
        check_reporter("mine", recoverable=cells)   # and every cell can be read back

``recoverable`` is a function from the reporter's output and a document to the text it
finds for each cell key (:mod:`govinfo.testing.recover` has one for every built-in reporter):
every statutory cell of the document must be there, drawn as its value or its mark
(``drawn=True``: ``—`` not reported, ``?`` unreadable, never the text as if it were a
number), or as its plain value for a data export (``drawn=False``: '' where there is none).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from hypothesis import HealthCheck, given, settings

from govinfo.model.documents import AnnualReport, Document
from govinfo.pipeline import render
from govinfo.plugin.registry import Registry, default_registry
from govinfo.report.present import plain_value, value_text
from govinfo.testing.strategies import documents

Recover = Callable[[str | bytes, Document], Mapping[str, str]]


def check_reporter(
    name: str,
    *,
    registry: Registry | None = None,
    recoverable: Recover | None = None,
    drawn: bool = True,
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
                expected = value_text(ref.cell, ref.column) if drawn else plain_value(ref.cell)
                assert found.get(ref.key) == expected, (ref.key, found.get(ref.key), expected)

    conforms()
