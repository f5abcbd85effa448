"""The plugin system: hooks, the manager factory, built-ins registered like anyone's, and a
broken plugin left out without breaking the others."""

from __future__ import annotations

import inspect
import subprocess
import sys
from collections.abc import Callable

import pytest
from conftest import EXAMPLES

import govinfo
from govinfo import (
    AnnualReport,
    Finding,
    LoaderSpec,
    PluginError,
    ReaderSpec,
    ReporterSpec,
    Rule,
    Severity,
    Source,
    Status,
    hookimpl,
)
from govinfo.layout import Layout, TextBlock
from govinfo.model.documents import Document
from govinfo.plugin import hookspecs
from govinfo.plugin.registry import (
    BUILTIN_PLUGINS,
    autoload_disabled,
    make_plugin_manager,
    make_registry,
)
from govinfo.testing import registered


def test_every_hook_is_prefixed_and_documented() -> None:
    hooks = [
        (name, fn)
        for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
        if name.startswith("govinfo_")
    ]
    assert {name for name, _ in hooks} == {
        "govinfo_register_readers",
        "govinfo_register_loaders",
        "govinfo_register_reporters",
        "govinfo_register_rules",
    }
    for name, fn in hooks:
        assert fn.__doc__, name
        assert len(fn.__doc__.split()) > 30, name


def test_builtins_are_registered_from_the_explicit_list() -> None:
    registry = make_registry(load_entrypoints=False)
    plugins = {p.name: p for p in registry.plugins}
    assert set(plugins) == {name for name, _ in BUILTIN_PLUGINS}
    assert plugins["json"].distribution == "govinfo-cn"
    assert plugins["json"].hooks == ("govinfo_register_loaders", "govinfo_register_reporters")
    assert "json" in registry.reader_names
    assert "json" in registry.reporter_names
    assert {r.code for r in registry.rules} >= {"R1", "R2", "R3", "R4", "V1", "V2", "D1", "D2"}
    txt = registry.reader("txt")
    assert isinstance(txt, ReaderSpec)
    assert txt.layout.__module__ == "govinfo_plugins.txt"
    assert registry.owners["reader:html"] == "html"
    assert registry.owners["reporter:html"] == "html-report"
    assert registry.is_builtin(registry.reporter("markdown"))
    assert registry.problems == ()


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


def test_a_third_party_reader_makes_layout_and_the_host_assembles() -> None:
    """The worked example of the README: a reader that only makes layout blocks."""

    def layout(source: Source, decoded: object) -> Layout:
        lines = source.data.decode("utf-8").split(";")
        return Layout(tuple(TextBlock(line) for line in lines))

    class Semicolons:
        @hookimpl
        def govinfo_register_readers(self, register: Callable[[ReaderSpec], None]) -> None:
            register(ReaderSpec("semi", (".semi",), lambda s: 0.0, layout, binary=True))

    text = (EXAMPLES / "beijing-ipo-2021-annual-report.zh.txt").read_text("utf-8")
    data = ";".join(line for line in text.splitlines() if line.strip()).encode()
    with registered(Semicolons()) as registry:
        document = govinfo.read(Source(data, "report.semi"), reader="semi", registry=registry)
    assert isinstance(document, AnnualReport)
    assert document.metadata.origin is not None
    assert document.metadata.origin.reader == "semi"
    assert document.section("problems").heading == "五、存在的主要问题及改进情况"


def test_a_third_party_rule_runs_with_the_builtins(beijing: AnnualReport) -> None:
    def always(document: Document) -> list[Finding]:
        return [Finding("ACME1", Status.FAIL, Severity.WARNING, "always")]

    class Acme:
        @hookimpl
        def govinfo_register_rules(self, register: Callable[[Rule], None]) -> None:
            register(Rule("ACME1", "Always.", "Always fails.", ("annual_report",), always))

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
        def govinfo_register_loaders(self, register: Callable[[LoaderSpec], None]) -> None:
            register(LoaderSpec("json", (".json",), lambda s: 1.0, lambda s: govinfo.loads(s.data)))

    with (
        pytest.raises(PluginError, match="two plugins register the loader 'json'"),
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
            register(ReaderSpec("maybe", (".txt",), lambda s: 0.5, lambda s, d: Layout(())))

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
        ReaderSpec("bad name", (".txt",), lambda s: 1.0, lambda s, d: Layout(()))


# --------------------------------------------------------------------------- isolation


class Boom(Exception):
    pass


def test_a_plugin_whose_hook_raises_is_left_out_and_named(beijing: AnnualReport) -> None:
    class Broken:
        @hookimpl
        def govinfo_register_rules(self, register: Callable[[Rule], None]) -> None:
            raise Boom("no")

    with registered(Broken()) as registry:
        assert [p.message for p in registry.problems] == [
            "its govinfo_register_rules hook raised Boom: no"
        ]
        assert {r.code for r in registry.rules} >= {"R1", "R4"}
        assert govinfo.check(beijing, registry=registry)


def test_a_reader_whose_accepts_raises_is_never_chosen() -> None:
    def accepts(source: Source) -> float:
        raise Boom("accepts")

    class Greedy:
        @hookimpl
        def govinfo_register_readers(self, register: Callable[[ReaderSpec], None]) -> None:
            register(ReaderSpec("greedy", (".txt",), accepts, lambda s, d: Layout(())))

    path = EXAMPLES / "beijing-ipo-2021-annual-report.zh.txt"
    with registered(Greedy()) as registry:
        document = govinfo.read(path, registry=registry)
    assert document.metadata.origin is not None
    assert document.metadata.origin.reader == "txt"


def test_a_reporter_that_raises_reports_its_failure_in_one_line(beijing: AnnualReport) -> None:
    def render(document: object, findings: object, options: object) -> str:
        raise Boom("render")

    class Bad:
        @hookimpl
        def govinfo_register_reporters(self, register: Callable[[ReporterSpec], None]) -> None:
            register(ReporterSpec("bad", ".txt", lambda d: True, render))

    with (
        registered(Bad()) as registry,
        pytest.raises(PluginError, match=r"the bad reporter \(.*\) failed: Boom: render"),
    ):
        govinfo.render(beijing, "bad", registry=registry)


@pytest.mark.parametrize(
    ("value", "disabled"),
    [("1", True), ("true", True), ("YES", True), ("on", True), ("0", False), ("off", False),
     ("", False), ("no", False), ("false", False)],
)  # fmt: skip
def test_disable_autoload_takes_the_usual_truthy_values(value: str, disabled: bool) -> None:
    assert autoload_disabled({"GOVINFO_DISABLE_PLUGIN_AUTOLOAD": value}) is disabled


def test_disable_autoload_runs_with_builtins_only() -> None:
    code = (
        "import govinfo.plugin.registry as r; reg = r.default_registry(); "
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
