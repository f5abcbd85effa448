"""Register a throwaway plugin for the length of a test."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from govinfo.plugin.registry import Registry, make_plugin_manager


@contextlib.contextmanager
def registered(*plugins: object, load_entrypoints: bool = False) -> Iterator[Registry]:
    """A registry from a fresh plugin manager with ``plugins`` added to the built-ins.

    Nothing outside the ``with`` block sees the plugins: pass the registry to the API
    (``govinfo.render(doc, "mine", registry=registry)``).  ``load_entrypoints=True`` also
    loads the installed third-party plugins.  A misspelt hook or a duplicate name raises
    :class:`govinfo.PluginError`, as it would in use::

        from govinfo import hookimpl
        from govinfo.testing import registered

        class Shout:
            @hookimpl
            def govinfo_register_reporters(self, register):
                register(ReporterSpec("shout", ".txt", lambda d: True,
                                      lambda d, f, o: d.kind.upper()))

        with registered(Shout()) as registry:
            assert govinfo.render(doc, "shout", registry=registry) == "ANNUAL_REPORT"
    """
    manager = make_plugin_manager(load_entrypoints=load_entrypoints, plugins=plugins)
    try:
        yield Registry.from_manager(manager)
    finally:
        for plugin in plugins:
            if manager.is_registered(plugin):
                manager.unregister(plugin)
