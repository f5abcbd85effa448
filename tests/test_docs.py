"""The README documents what users rely on: keys, rules, commands."""

from __future__ import annotations

import re
import types

import pytest
from conftest import ROOT

import govinfo
from govinfo.plugin.registry import BUILTIN_NAMES, make_registry
from govinfo.statute import FORMAT_VERSIONS, TABLE_KEYS, table_def
from govinfo.testing import registered

README = (ROOT / "README.md").read_text(encoding="utf-8")
CHANGELOG = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_every_row_and_column_key_is_documented() -> None:
    for key in TABLE_KEYS:
        for version in FORMAT_VERSIONS:
            definition = table_def(key, version)
            for row in definition.rows:
                assert f"`{key}.{row.key}`" in README, (key, row.key)
                for column in row.columns:
                    assert f"`{column.key}`" in README, (key, row.key, column.key)


def test_every_builtin_rule_is_in_the_catalogue() -> None:
    for rule in make_registry(load_entrypoints=False).rules:
        assert re.search(rf"^\| `{rule.code}` \| {re.escape(rule.title)} \|", README, re.M), (
            rule.code
        )


def test_quick_start_opens_the_readme_and_ci_runs_it() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    install_and_render, install_and_test = blocks[0].strip(), blocks[1].strip()
    assert "python -m govinfo render examples/" in install_and_render
    assert "pytest" in install_and_test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in (*install_and_render.splitlines(), *install_and_test.splitlines()):
        assert command.strip() in ci, command


def test_changelog_keeps_a_changelog() -> None:
    assert CHANGELOG.startswith("# Changelog")
    assert "## [Unreleased]" in CHANGELOG


def test_python_examples_run_and_say_what_they_print(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    api = blocks[0]
    namespace: dict[str, object] = {}
    exec(compile(api, "README.md", "exec"), namespace)
    for line in api.splitlines():
        code, _, comment = line.partition("  # ")
        if re.match(r"^'|^[A-Z]\w*\(", comment):  # the comment shows what the line gives
            assert repr(eval(code, namespace)) == comment, code
    assert namespace["same"] == namespace["report"]
    exec(compile(blocks[1], "README.md", "exec"), {})


def test_the_worked_reader_example_reads_a_report() -> None:
    block = next(b for b in re.findall(r"```python\n(.*?)```", README, re.S) if "def layout" in b)
    namespace: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), namespace)
    plugin = types.SimpleNamespace(govinfo_register_readers=namespace["govinfo_register_readers"])
    text = (ROOT / "examples" / "beijing-ipo-2021-annual-report.zh.txt").read_text("utf-8")
    data = ";".join(line for line in text.splitlines() if line.strip()).encode("utf-8")
    with registered(plugin) as registry:
        document = govinfo.read(govinfo.Source(data, "report.semi"), registry=registry)
    assert isinstance(document, govinfo.AnnualReport)
    assert document.section("other").heading == "六、其他需要报告的事项"


def test_every_builtin_plugin_is_in_the_table() -> None:
    table = README.split("Built in:", 1)[1].split("\n\n", 2)[1]
    listed = re.findall(r"^\| `([\w-]+)` \|", table, re.M)
    assert sorted(listed) == sorted(BUILTIN_NAMES)
