"""Every hook govinfo calls.  Each docstring is the reference for its hook.

A plugin is a module or object with functions named after these hooks, marked with
``govinfo.hookimpl``, registered through the ``govinfo`` entry-point group::

    [project.entry-points.govinfo]
    myformat = "myformat_plugin"

Each registration hook receives a ``register`` callback; call it once per thing you add,
with a frozen spec object.  Names are unique across all plugins: registering a name that is
already taken is an error, not an override.  The built-in readers, reporters and rules are
registered through these same hooks.
"""

from __future__ import annotations

from collections.abc import Callable

import pluggy

from govinfo.model.findings import Rule
from govinfo.plugin.specs import LoaderSpec, ReaderSpec, ReporterSpec

hookspec = pluggy.HookspecMarker("govinfo")


@hookspec
def govinfo_register_readers(register: Callable[[ReaderSpec], None]) -> None:
    """Add input formats that the host assembles into documents.

    Call ``register(ReaderSpec(...))`` for each reader.  A reader makes layout only: the
    host runs the pipeline ``bytes → decode → reader → assemble → Document``, so a reader
    never sees, and never needs, the statutory meaning.

    - ``name``: what ``--from`` takes; ``suffixes``: the file suffixes it reads (``.pdf``).
    - ``accepts(source) -> float``: how confident it is, from 0 (not this format) to 1
      (certainly this format), from the bytes (``source.data``), not only the name; it must
      be quick (look at the first few KB) and must not raise.
    - ``layout(source, decoded) -> Layout``: the input as :mod:`govinfo.layout` blocks in
      reading order (``TextBlock``, ``Grid`` of ``GridCell`` with spans, ``Image``), with
      what the container states about itself (``header``) and what was left out
      (``dropped``).  For a text format the host decodes first and passes the
      :class:`govinfo.decode.Decoded` text (``charset=`` may name the charset the bytes
      declare); a ``binary=True`` reader gets ``None`` and reads ``source.data``.
    - ``layout`` is a pure function of its arguments; on input it cannot read it raises a
      :class:`govinfo.GovinfoError` subclass (``DecodeError``, ``InputError``) with a
      one-line message.  Nothing is fetched from the network.
    """


@hookspec
def govinfo_register_loaders(register: Callable[[LoaderSpec], None]) -> None:
    """Add input formats that already hold a document (govinfo's own JSON is one).

    Call ``register(LoaderSpec(name, suffixes, accepts, load))``; ``load(source) ->
    Document`` returns the document itself, with no assembly.  ``accepts`` is as for readers:
    loaders and readers compete for an input, the most confident wins.
    """


@hookspec
def govinfo_register_reporters(register: Callable[[ReporterSpec], None]) -> None:
    """Add output formats.

    Call ``register(ReporterSpec(...))`` for each reporter.  A :class:`ReporterSpec` has a
    ``name`` (what ``--to`` takes), the output ``suffix`` (``.md``), ``can_render(document)
    -> bool`` and ``render(document, findings, options) -> str | bytes``.  ``options`` is a
    mapping of the keyword options the caller gave (``lang``, ``no_findings`` ...); a reporter
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
