"""The plugin manager and the registry of readers, reporters and rules it yields."""

from __future__ import annotations

import functools
import importlib.metadata
import os
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import pluggy

from govinfo import _validators as v
from govinfo.errors import (
    PluginError,
    ReaderNotFoundError,
    ReporterNotFoundError,
)
from govinfo.findings import Finding, Rule

if TYPE_CHECKING:
    from govinfo.documents import Document
    from govinfo.sources import Source

PROJECT = "govinfo"
DISTRIBUTION = "govinfo-cn"
ENTRY_POINT_GROUP = "govinfo"
DISABLE_AUTOLOAD = "GOVINFO_DISABLE_PLUGIN_AUTOLOAD"

hookimpl = pluggy.HookimplMarker(PROJECT)

Options = Mapping[str, Any]


def _name(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value or not all(c.isalnum() or c in "-_" for c in value):
        v.fail(instance, attribute, "a name of letters, digits, '-' and '_'", value)


def _suffix(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.startswith(".") or value != value.lower():
        v.fail(instance, attribute, "a lower-case suffix with its dot ('.md')", value)


def _suffixes(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.tuple_of(str)(instance, attribute, value)
    for item in value:
        _suffix(instance, attribute, item)


def _callable(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not callable(value):
        v.fail(instance, attribute, "a callable", value)


@attrs.frozen
class ReaderSpec:
    """An input format: see the ``govinfo_register_readers`` hook."""

    name: str = attrs.field(validator=_name)
    suffixes: tuple[str, ...] = attrs.field(validator=_suffixes)
    accepts: Callable[[Source], float] = attrs.field(validator=_callable)
    read: Callable[[Source], Document] = attrs.field(validator=_callable)
    media_types: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(str), kw_only=True)
    description: str = attrs.field(default="", validator=v.instance_of(str), kw_only=True)


@attrs.frozen
class ReporterSpec:
    """An output format: see the ``govinfo_register_reporters`` hook."""

    name: str = attrs.field(validator=_name)
    suffix: str = attrs.field(validator=_suffix)
    can_render: Callable[[Document], bool] = attrs.field(validator=_callable)
    render: Callable[[Document, tuple[Finding, ...], Options], str | bytes] = attrs.field(
        validator=_callable
    )
    description: str = attrs.field(default="", validator=v.instance_of(str), kw_only=True)


@attrs.frozen
class PluginInfo:
    """A registered plugin: its name, where it came from, and the hooks it implements."""

    name: str
    distribution: str | None
    version: str | None
    hooks: tuple[str, ...]


def _collect(hook: Any, what: str, kind: type[Any], key: str) -> tuple[Any, ...]:
    found: dict[str, Any] = {}

    def register(spec: object) -> None:
        if not isinstance(spec, kind):
            raise PluginError(f"register() takes a {kind.__name__}, got {spec!r}")
        name = getattr(spec, key)
        if name in found:
            raise PluginError(f"two plugins register the {what} {name!r}")
        found[name] = spec

    hook(register=register)
    return tuple(found.values())


@attrs.frozen
class Registry:
    """What the plugins registered: readers, reporters and rules, by name.

    Immutable and picklable; build one with :func:`make_registry`.
    """

    readers: tuple[ReaderSpec, ...]
    reporters: tuple[ReporterSpec, ...]
    rules: tuple[Rule, ...]
    plugins: tuple[PluginInfo, ...] = ()

    @classmethod
    def from_manager(cls, manager: PluginManager) -> Registry:
        hook = manager.hook
        readers = _collect(hook.govinfo_register_readers, "reader", ReaderSpec, "name")
        reporters = _collect(hook.govinfo_register_reporters, "reporter", ReporterSpec, "name")
        rules = _collect(hook.govinfo_register_rules, "rule", Rule, "code")
        plugins = []
        for name, plugin in manager.list_name_plugin():
            if plugin is None:
                continue
            dist, version = manager.origins.get(name, (None, None))
            hooks = tuple(sorted(h.name for h in manager.get_hookcallers(plugin) or ()))
            plugins.append(PluginInfo(name, dist, version, hooks))
        return cls(readers, reporters, rules, tuple(sorted(plugins, key=lambda p: p.name)))

    def reader(self, name: str) -> ReaderSpec:
        for spec in self.readers:
            if spec.name == name:
                return spec
        raise ReaderNotFoundError(
            f"no reader named {name!r}; readers: {', '.join(self.reader_names) or 'none'}"
        )

    def reporter(self, name: str) -> ReporterSpec:
        for spec in self.reporters:
            if spec.name == name:
                return spec
        raise ReporterNotFoundError(
            f"no reporter named {name!r}; reporters: {', '.join(self.reporter_names) or 'none'}"
        )

    @property
    def reader_names(self) -> tuple[str, ...]:
        return tuple(sorted(s.name for s in self.readers))

    @property
    def reporter_names(self) -> tuple[str, ...]:
        return tuple(sorted(s.name for s in self.reporters))

    def choose_reader(self, source: Source) -> ReaderSpec:
        """The reader most confident it can read the source; its suffix breaks ties."""
        best: tuple[float, bool, str] | None = None
        chosen: ReaderSpec | None = None
        for spec in self.readers:
            confidence = float(spec.accepts(source))
            if confidence <= 0:
                continue
            rank = (confidence, source.suffix in spec.suffixes, spec.name)
            if best is None or rank[:2] > best[:2]:
                best, chosen = rank, spec
        if chosen is None:
            what = source.name or "the input"
            raise ReaderNotFoundError(
                f"{what}: no reader accepts this input "
                f"(readers: {', '.join(self.reader_names) or 'none'})"
            )
        return chosen


def autoload_disabled(environ: Mapping[str, str] | None = None) -> bool:
    value = (os.environ if environ is None else environ).get(DISABLE_AUTOLOAD, "")
    return value.strip().lower() not in ("", "0", "false", "no")


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, remembering which distribution each plugin came from."""

    def __init__(self) -> None:
        super().__init__(PROJECT)
        self.origins: dict[str, tuple[str, str]] = {}


def make_plugin_manager(
    *,
    load_entrypoints: bool | None = None,
    plugins: Iterable[object] = (),
) -> PluginManager:
    """A fresh plugin manager with govinfo's hooks and its plugins registered.

    Built-in plugins come through the ``govinfo`` entry-point group of the ``govinfo-cn``
    distribution, as any other's do.  ``load_entrypoints=False`` (or the environment variable
    ``GOVINFO_DISABLE_PLUGIN_AUTOLOAD=1`` when it is None) loads the built-ins only.
    ``plugins`` are registered after them.  A hook implementation that matches no hook
    specification (a misspelt name) raises :class:`PluginError`.
    """
    from govinfo import hookspecs

    if load_entrypoints is None:
        load_entrypoints = not autoload_disabled()
    manager = PluginManager()
    manager.add_hookspecs(hookspecs)
    own = False
    for dist in importlib.metadata.distributions():
        name = dist.metadata["Name"]
        is_own = name is not None and name.lower() == DISTRIBUTION
        own = own or is_own
        if not (is_own or load_entrypoints):
            continue
        for entry_point in dist.entry_points:
            if entry_point.group != ENTRY_POINT_GROUP or manager.get_plugin(entry_point.name):
                continue
            try:
                plugin = entry_point.load()
            except Exception as exc:
                raise PluginError(
                    f"plugin {entry_point.name!r} ({name}) failed to load: "
                    f"{type(exc).__name__}: {exc}; set {DISABLE_AUTOLOAD}=1 to run without it"
                ) from exc
            _register(manager, plugin, entry_point.name)
            manager.origins[entry_point.name] = (name, dist.version)
    if not own:
        raise PluginError(
            f"the {DISTRIBUTION} distribution is not installed, so its built-in plugins are "
            "missing: install it (pip install -e .)"
        )
    for plugin in plugins:
        _register(manager, plugin, None)
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"{exc}") from None
    return manager


def _register(manager: PluginManager, plugin: object, name: str | None) -> None:
    try:
        manager.register(plugin, name=name)
    except (ValueError, pluggy.PluginValidationError) as exc:
        raise PluginError(f"cannot register plugin {name or plugin!r}: {exc}") from None


def make_registry(
    *,
    load_entrypoints: bool | None = None,
    plugins: Iterable[object] = (),
) -> Registry:
    """The readers, reporters and rules of a fresh plugin manager (see make_plugin_manager)."""
    return Registry.from_manager(
        make_plugin_manager(load_entrypoints=load_entrypoints, plugins=plugins)
    )


def default_registry() -> Registry:
    """The registry of the installed plugins, built once per autoload setting.

    The registry is immutable, so keeping it saves rescanning the installed distributions
    on every call; nothing in it changes afterwards.
    """
    return _registry(load_entrypoints=not autoload_disabled())


@functools.lru_cache(maxsize=2)
def _registry(*, load_entrypoints: bool) -> Registry:
    return make_registry(load_entrypoints=load_entrypoints)
