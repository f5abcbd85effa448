"""Every hook govinfo calls.  Each docstring is the reference for its hook.

A plugin is a module or object with functions named after these hooks, marked with
``govinfo.hookimpl``, registered through the ``govinfo`` entry-point group::

    [project.entry-points.govinfo]
    myformat = "myformat_plugin"

Each registration hook receives a ``register`` callback; call it once per thing you add,
with a frozen spec object.  Names are unique across all plugins: registering a name that is
already taken is an error, not an override.
"""

from __future__ import annotations

from collections.abc import Callable

import pluggy

from govinfo.findings import Rule
from govinfo.registry import ReaderSpec, ReporterSpec

hookspec = pluggy.HookspecMarker("govinfo")


@hookspec
def govinfo_register_readers(register: Callable[[ReaderSpec], None]) -> None:
    """Add input formats.

    Call ``register(ReaderSpec(...))`` for each reader.  A :class:`ReaderSpec` has a
    ``name`` (what ``--from`` takes), the file ``suffixes`` and ``media_types`` it reads,
    ``accepts(source) -> float`` saying how confident it is, from 0 (not this format) to 1
    (certainly this format), looking at the bytes and not only the name, and
    ``read(source) -> Document``.  ``read`` is a pure function of the :class:`Source`; it
    raises only :class:`govinfo.GovinfoError` subclasses, with a one-line message, on input
    it cannot read.
    """


@hookspec
def govinfo_register_reporters(register: Callable[[ReporterSpec], None]) -> None:
    """Add output formats.

    Call ``register(ReporterSpec(...))`` for each reporter.  A :class:`ReporterSpec` has a
    ``name`` (what ``--to`` takes), the output ``suffix`` (``.md``), ``can_render(document)
    -> bool`` and ``render(document, findings, options) -> str | bytes``.  ``options`` is a
    mapping of the keyword options the caller gave (``lang``, ``findings`` ...); a reporter
    ignores those it does not know.  ``render`` must not change what it is given.
    """


@hookspec
def govinfo_register_rules(register: Callable[[Rule], None]) -> None:
    """Add checks.

    Call ``register(Rule(...))`` for each rule.  A :class:`Rule` has a stable ``code``
    (``R1``; prefix yours, ``ACME1``), a one-line ``title``, a ``description`` of what it
    checks, the document ``kinds`` it applies to and ``check(document)``, which yields
    :class:`Finding` objects and never changes the document.  A rule that raises becomes a
    finding of its own rather than stopping the others.
    """
