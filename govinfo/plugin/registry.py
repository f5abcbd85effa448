"""The plugin manager, and the registry of readers, loaders, reporters and rules it yields.

The built-in plugins are registered from an explicit list (as pytest's default plugins are),
through the same hooks a third party's go through, so govinfo works even when its
distribution metadata is missing.  Third-party plugins come through the ``govinfo``
entry-point group.  A third-party plugin that fails to load, or whose hook raises, is left
out and named in :attr:`Registry.problems`; every other plugin keeps working.
"""

from __future__ import annotations

import functools
import importlib
import importlib.metadata
import os
import types
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import pluggy

from govinfo.errors import PluginError, ReaderNotFoundError, ReporterNotFoundError
from govinfo.model.findings import Rule
from govinfo.plugin.specs import LoaderSpec, ReaderSpec, ReporterSpec

if TYPE_CHECKING:
    from pluggy import HookimplOpts

    from govinfo.source import Source

PROJECT = "govinfo"
ENTRY_POINT_GROUP = "govinfo"
DISABLE_AUTOLOAD = "GOVINFO_DISABLE_PLUGIN_AUTOLOAD"
#: The values of ``GOVINFO_DISABLE_PLUGIN_AUTOLOAD`` that disable autoloading.
TRUTHY = ("1", "true", "yes", "on")

#: The built-in plugins, by name: registered first, through the same hooks as any other.
BUILTIN_PLUGINS: tuple[tuple[str, str], ...] = (
    ("statutory-checks", "govinfo.checks"),
    ("json", "govinfo_plugins.json_format"),
    ("txt", "govinfo_plugins.txt"),
    ("html", "govinfo_plugins.html"),
    ("pdf", "govinfo_plugins.pdf"),
    ("docx", "govinfo_plugins.docx"),
    ("image", "govinfo_plugins.ocr"),
    ("markdown", "govinfo_plugins.markdown"),
    ("table", "govinfo_plugins.terminal"),
    ("csv", "govinfo_plugins.csv_format"),
    ("html-report", "govinfo_plugins.html_report"),
)
BUILTIN_NAMES = frozenset(name for name, _ in BUILTIN_PLUGINS)


@attrs.frozen
class PluginInfo:
    """A registered plugin: its name, where it came from, and the hooks it implements."""

    name: str
    distribution: str | None
    version: str | None
    hooks: tuple[str, ...]


@attrs.frozen
class PluginProblem:
    """A plugin that was left out, and why (one line)."""

    plugin: str
    message: str


@attrs.frozen
class Registry:
    """What the plugins registered: readers, loaders, reporters and rules, by name.

    Immutable and picklable; build one with :func:`make_registry`.  ``owners`` says which
    plugin registered each reader, loader and reporter (keyed ``reader:txt``,
    ``reporter:html`` ...); ``problems`` which plugins were left out, and why.
    """

    readers: tuple[ReaderSpec, ...]
    reporters: tuple[ReporterSpec, ...]
    rules: tuple[Rule, ...]
    loaders: tuple[LoaderSpec, ...] = ()
    plugins: tuple[PluginInfo, ...] = ()
    owners: Mapping[str, str] = attrs.field(factory=dict)
    problems: tuple[PluginProblem, ...] = ()

    @classmethod
    def from_manager(cls, manager: PluginManager) -> Registry:
        collected = _Collector(manager)
        readers = collected.specs("govinfo_register_readers", "reader", ReaderSpec, "name")
        loaders = collected.specs("govinfo_register_loaders", "loader", LoaderSpec, "name")
        reporters = collected.specs("govinfo_register_reporters", "reporter", ReporterSpec, "name")
        rules = collected.specs("govinfo_register_rules", "rule", Rule, "code")
        plugins = []
        for name, plugin in manager.list_name_plugin():
            if plugin is None or name in collected.failed:
                continue
            dist, version = manager.origins.get(name, (None, None))
            hooks = tuple(sorted(h.name for h in manager.get_hookcallers(plugin) or ()))
            plugins.append(PluginInfo(name, dist, version, hooks))
        return cls(
            readers,
            reporters,
            rules,
            loaders,
            tuple(sorted(plugins, key=lambda p: p.name)),
            collected.owners,
            (*manager.problems, *collected.problems),
        )

    @property
    def inputs(self) -> tuple[ReaderSpec | LoaderSpec, ...]:
        """The readers and the loaders: every input format."""
        return (*self.readers, *self.loaders)

    def reader(self, name: str) -> ReaderSpec | LoaderSpec:
        for spec in self.inputs:
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
        return tuple(sorted(s.name for s in self.inputs))

    @property
    def reporter_names(self) -> tuple[str, ...]:
        return tuple(sorted(s.name for s in self.reporters))

    def owner(self, spec: ReaderSpec | LoaderSpec | ReporterSpec) -> str | None:
        """The plugin that registered a reader, loader or reporter."""
        return self.owners.get(f"{_KINDS[type(spec)]}:{spec.name}")

    def is_builtin(self, spec: ReaderSpec | LoaderSpec | ReporterSpec) -> bool:
        """Whether a reader, loader or reporter is a built-in one."""
        return self.owner(spec) in BUILTIN_NAMES

    def choose_reader(self, source: Source) -> ReaderSpec | LoaderSpec:
        """The reader (or loader) most confident it can read the source; its suffix breaks
        ties.  A third party's ``accepts`` that raises counts as not accepting."""
        best: tuple[float, bool] | None = None
        chosen: ReaderSpec | LoaderSpec | None = None
        for spec in self.inputs:
            try:
                confidence = float(spec.accepts(source))
            except Exception:
                if self.is_builtin(spec):
                    raise
                continue
            if confidence <= 0:
                continue
            rank = (confidence, source.suffix in spec.suffixes)
            if best is None or rank > best:
                best, chosen = rank, spec
        if chosen is None:
            from govinfo.source import sniff

            what = source.name or "the input"
            kind = sniff(source.data)
            said = f"{kind}, which " if kind else ""
            raise ReaderNotFoundError(
                f"{what}: {said}no reader accepts{'' if kind else ' this input'} "
                f"(readers: {', '.join(self.reader_names) or 'none'})"
            )
        return chosen


_KINDS: Mapping[type, str] = {ReaderSpec: "reader", LoaderSpec: "loader", ReporterSpec: "reporter"}


class _Collector:
    """Calls each plugin's registration hook on its own, so that one that raises is left
    out (and named) without losing the others'."""

    def __init__(self, manager: PluginManager) -> None:
        self.manager = manager
        self.owners: dict[str, str] = {}
        self.problems: list[PluginProblem] = []
        self.failed: set[str] = set()

    def specs(self, hook_name: str, what: str, kind: type[Any], key: str) -> tuple[Any, ...]:
        found: dict[str, Any] = {}
        caller = getattr(self.manager.hook, hook_name)
        # pluggy calls the last registered first; the built-ins were registered first.
        for impl in reversed(caller.get_hookimpls()):
            plugin = self.manager.get_name(impl.plugin) or repr(impl.plugin)
            if plugin in self.failed:
                continue
            mine: dict[str, Any] = {}

            def register(spec: object, mine: dict[str, Any] = mine) -> None:
                if not isinstance(spec, kind):
                    raise PluginError(f"register() takes a {kind.__name__}, got {spec!r}")
                name = getattr(spec, key)
                if name in found or name in mine:
                    raise PluginError(f"two plugins register the {what} {name!r}")
                mine[name] = spec

            try:
                impl.function(register=register)
            except PluginError:
                raise
            except Exception as exc:
                if plugin in BUILTIN_NAMES:
                    raise
                self.failed.add(plugin)
                self.problems.append(
                    PluginProblem(
                        plugin, f"its {hook_name} hook raised {type(exc).__name__}: {exc}"
                    )
                )
                continue
            found.update(mine)
            self.owners.update(dict.fromkeys((f"{what}:{name}" for name in mine), plugin))
        return tuple(found.values())


def autoload_disabled(environ: Mapping[str, str] | None = None) -> bool:
    """Whether ``GOVINFO_DISABLE_PLUGIN_AUTOLOAD`` is set to one of :data:`TRUTHY`."""
    value = (os.environ if environ is None else environ).get(DISABLE_AUTOLOAD, "")
    return value.strip().lower() in TRUTHY


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, remembering where each plugin came from and which were left out."""

    def __init__(self) -> None:
        super().__init__(PROJECT)
        self.origins: dict[str, tuple[str, str]] = {}
        self.problems: list[PluginProblem] = []

    def parse_hookimpl_opts(self, plugin: object, name: str) -> HookimplOpts | None:
        # A module's names are mostly what it imports and its constants; only a function (or
        # a method) can implement a hook, and the others are passed over without pluggy's
        # inspect.getattr_static, which costs more than the registering itself.
        if isinstance(plugin, types.ModuleType):
            value = vars(plugin).get(name)
            if not isinstance(value, _HOOKABLE):
                return None
        return super().parse_hookimpl_opts(plugin, name)


#: What pluggy takes a hook implementation from.
_HOOKABLE = (types.FunctionType, types.MethodType, staticmethod, classmethod)


def _own_version() -> str | None:
    try:
        return importlib.metadata.version("govinfo-cn")
    except importlib.metadata.PackageNotFoundError:
        return None


def make_plugin_manager(
    *,
    load_entrypoints: bool | None = None,
    plugins: Iterable[object] = (),
) -> PluginManager:
    """A fresh plugin manager with govinfo's hooks and its plugins registered.

    The built-ins (:data:`BUILTIN_PLUGINS`) first; then, unless ``load_entrypoints`` is
    False (or, when it is None, ``GOVINFO_DISABLE_PLUGIN_AUTOLOAD`` is set), the plugins of
    the ``govinfo`` entry-point group; then ``plugins``.  A hook implementation that matches
    no hook specification (a misspelt name) raises :class:`PluginError` for the plugins given
    here; an installed plugin that fails to load is left out and named in ``problems``.
    """
    from govinfo.plugin import hookspecs

    if load_entrypoints is None:
        load_entrypoints = not autoload_disabled()
    manager = PluginManager()
    manager.add_hookspecs(hookspecs)
    version = _own_version()
    for name, module in BUILTIN_PLUGINS:
        _register(manager, importlib.import_module(module), name)
        manager.origins[name] = ("govinfo-cn", version or "")
    if load_entrypoints:
        for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            if manager.get_plugin(entry_point.name) is not None:
                continue
            dist = entry_point.dist
            origin = (dist.name, dist.version) if dist is not None else ("?", "?")
            try:
                plugin = entry_point.load()
                _register(manager, plugin, entry_point.name)
                _check_pending(manager, plugin)
            except Exception as exc:
                if manager.get_plugin(entry_point.name) is not None:
                    manager.unregister(name=entry_point.name)
                manager.problems.append(
                    PluginProblem(
                        entry_point.name,
                        f"failed to load ({origin[0]}): {type(exc).__name__}: {exc}; "
                        f"{DISABLE_AUTOLOAD}=1 runs without it",
                    )
                )
                continue
            manager.origins[entry_point.name] = origin
    for plugin in plugins:
        _register(manager, plugin, None)
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"{exc}") from None
    return manager


def _check_pending(manager: PluginManager, plugin: object) -> None:
    """A hook of the plugin just registered that matches no hook specification."""
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"{exc}") from None


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

    The registry is immutable, so keeping it saves loading the plugins on every call.
    """
    return _registry(load_entrypoints=not autoload_disabled())


@functools.lru_cache(maxsize=2)
def _registry(*, load_entrypoints: bool) -> Registry:
    return make_registry(load_entrypoints=load_entrypoints)
