"""The plugin system: hooks, the manager factory, built-ins registered like anyone's."""

from __future__ import annotations

import inspect
import subprocess
import sys
from collections.abc import Callable

import pytest

import govinfo
from govinfo import (
    AnnualReport,
    Finding,
    PluginError,
    ReaderSpec,
    ReporterSpec,
    Rule,
    Severity,
    Source,
    Status,
    hookimpl,
    hookspecs,
)
from govinfo.documents import Document
from govinfo.registry import make_plugin_manager, make_registry
from govinfo.testing import registered


def test_every_hook_is_prefixed_and_documented() -> None:
    hooks = [
        (name, fn)
        for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
        if name.startswith("govinfo_")
    ]
    assert {name for name, _ in hooks} == {
        "govinfo_register_readers",
        "govinfo_register_reporters",
        "govinfo_register_rules",
    }
    for name, fn in hooks:
        assert fn.__doc__, name
        assert len(fn.__doc__.split()) > 30, name


def test_builtins_come_through_entry_points() -> None:
    registry = make_registry(load_entrypoints=False)
    plugins = {p.name: p for p in registry.plugins}
    assert plugins["json"].distribution == "govinfo-cn"
    assert plugins["json"].version == govinfo.__version__
    assert plugins["json"].hooks == ("govinfo_register_readers", "govinfo_register_reporters")
    assert "json" in registry.reader_names
    assert "json" in registry.reporter_names
    assert {r.code for r in registry.rules} >= {"R1", "R2", "R3", "R4", "V1", "V2", "D1", "D2"}
    # No module named plain `plugins` is installed: the built-ins live in govinfo_plugins.
    assert registry.reader("json").read.__module__ == "govinfo_plugins.json_format"


class Shout:
    @hookimpl
    def govinfo_register_reporters(self, register: Callable[[ReporterSpec], None]) -> None:
        register(ReporterSpec("shout", ".txt", lambda d: True, lambda d, f, o: d.kind.upper()))


def test_throwaway_plugin_is_seen_only_inside(beijing: AnnualReport) -> None:
    with registered(Shout()) as registry:
        assert govinfo.render(beijing, "shout", registry=registry) == "ANNUAL_REPORT"
    with pytest.raises(
        govinfo.ReporterNotFoundError,
        match="no reporter named 'shout'; reporters: csv, html, json, markdown, table",
    ):
        govinfo.render(beijing, "shout")


def test_a_third_party_rule_runs_with_the_builtins(beijing: AnnualReport) -> None:
    def no_agency(document: Document) -> list[Finding]:
        return [Finding("ACME1", Status.FAIL, Severity.WARNING, "always")]

    class Acme:
        @hookimpl
        def govinfo_register_rules(self, register: Callable[[Rule], None]) -> None:
            register(Rule("ACME1", "Always.", "Always fails.", ("annual_report",), no_agency))

    with registered(Acme()) as registry:
        findings = govinfo.check(beijing, registry=registry)
    assert [f.rule for f in findings if f.status is Status.FAIL] == ["ACME1"]


def test_misspelt_hook_fails_loudly() -> None:
    class Typo:
        @hookimpl
        def govinfo_register_reporter(self, register: object) -> None:  # no trailing s
            pass

    with pytest.raises(PluginError, match="govinfo_register_reporter"):
        make_plugin_manager(load_entrypoints=False, plugins=[Typo()])


def test_duplicate_names_are_an_error() -> None:
    class Json:
        @hookimpl
        def govinfo_register_readers(self, register: Callable[[ReaderSpec], None]) -> None:
            register(ReaderSpec("json", (".json",), lambda s: 1.0, lambda s: govinfo.loads(s.data)))

    with (
        pytest.raises(PluginError, match="two plugins register the reader 'json'"),
        registered(Json()),
    ):
        pass


def test_register_takes_spec_objects_only() -> None:
    class Loose:
        @hookimpl
        def govinfo_register_readers(self, register: Callable[[object], None]) -> None:
            register({"name": "loose"})

    with pytest.raises(PluginError, match="takes a ReaderSpec"), registered(Loose()):
        pass


def test_reader_choice_by_confidence_and_suffix(beijing: AnnualReport) -> None:
    class Maybe:
        @hookimpl
        def govinfo_register_readers(self, register: Callable[[ReaderSpec], None]) -> None:
            register(ReaderSpec("maybe", (".txt",), lambda s: 0.5, lambda s: beijing))

    with registered(Maybe()) as registry:
        assert (
            registry.choose_reader(Source(govinfo.dumps(beijing).encode(), "x.json")).name == "json"
        )
        assert registry.choose_reader(Source(b"plain", "x.txt")).name == "maybe"
    registry = make_registry(load_entrypoints=False)
    with pytest.raises(govinfo.ReaderNotFoundError, match=r"x\.bin: no reader accepts this input"):
        registry.choose_reader(Source(b"\x00\x01" * 100, "x.bin"))


def test_specs_validate_their_fields() -> None:
    with pytest.raises(govinfo.InvalidValueError, match=r"ReporterSpec\.suffix"):
        ReporterSpec("x", "md", lambda d: True, lambda d, f, o: "")
    with pytest.raises(govinfo.InvalidValueError, match=r"ReaderSpec\.name"):
        ReaderSpec("bad name", (".txt",), lambda s: 1.0, lambda s: None)  # type: ignore[arg-type,return-value]


def test_disable_autoload_runs_with_builtins_only() -> None:
    code = (
        "import govinfo.registry as r; reg = r.default_registry(); "
        "print(sorted({p.distribution for p in reg.plugins}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={"GOVINFO_DISABLE_PLUGIN_AUTOLOAD": "1", "PATH": ""},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "['govinfo-cn']"
