"""The stages import downwards only, and nothing imports in a circle.

Every import of every module counts, those inside functions too (only those under
``if TYPE_CHECKING:`` are left out: they are for the type checker, not for running).  A
module may import its own stage and the stages below it; readers may not import the
assembler or the checks; the assembler may not import the checks.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

#: The stages in the order data flows, lowest first: a module of a stage imports only from its
#: own stage and those before it.  (Prefixes of module names; the longest prefix decides.)
STAGES: tuple[tuple[str, ...], ...] = (
    ("govinfo.errors", "govinfo.text", "govinfo.limits", "govinfo.lazy"),
    ("govinfo.statute",),
    ("govinfo.model",),
    ("govinfo.arithmetic",),
    ("govinfo.source", "govinfo.decode"),
    ("govinfo.layout",),
    ("govinfo.plugin.specs",),
    # Readers make layout only.
    (
        "govinfo_plugins.txt",
        "govinfo_plugins.html",
        "govinfo_plugins.pdf",
        "govinfo_plugins.docx",
        "govinfo_plugins.ocr",
    ),
    ("govinfo.assemble",),
    ("govinfo.checks",),
    ("govinfo.report", "govinfo.io"),
    # Reporters and loaders: what a person or a program sees.
    ("govinfo_plugins",),
    ("govinfo.plugin",),
    ("govinfo.pipeline",),
    ("govinfo.dataset",),
    ("govinfo", "govinfo.cli", "govinfo.__main__"),
    ("govinfo.testing",),
)


def _modules() -> dict[str, Path]:
    found = {}
    for top, folder in (
        ("govinfo", ROOT / "govinfo"),
        ("govinfo_plugins", ROOT / "plugins" / "govinfo_plugins"),
    ):
        for path in folder.rglob("*.py"):
            parts = [top, *path.relative_to(folder).with_suffix("").parts]
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _stage(module: str) -> int:
    best, length = -1, -1
    for index, prefixes in enumerate(STAGES):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > length:
                best, length = index, len(prefix)
    assert best >= 0, f"{module} belongs to no stage"
    return best


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(module: str, path: Path) -> set[str]:
    """The project modules ``module`` imports, as running code."""
    tree = ast.parse(path.read_text("utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for statement in node.orelse:
                visit(statement)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            for alias in node.names:
                name = f"{base}.{alias.name}"
                found.add(name if name in MODULES else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {m for m in found if m.split(".")[0] in ("govinfo", "govinfo_plugins") and m in MODULES}


GRAPH = {module: _imports(module, path) - {module} for module, path in MODULES.items()}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down_the_stages(module: str) -> None:
    stage = _stage(module)
    upward = sorted(
        m for m in GRAPH[module] if _stage(m) > stage and not module.startswith(m + ".")
    )
    assert upward == [], f"{module} (stage {stage}) imports from later stages"


def test_readers_and_the_assembler_do_not_import_what_comes_after_them() -> None:
    readers = [m for m in MODULES if _stage(m) == _stage("govinfo_plugins.txt")]
    assert {"govinfo_plugins.txt", "govinfo_plugins.html"} <= set(readers)
    for module in readers:
        assert not {
            m for m in GRAPH[module] if m.startswith(("govinfo.assemble", "govinfo.checks"))
        }
    for module in (m for m in MODULES if m.startswith("govinfo.assemble")):
        assert not {m for m in GRAPH[module] if m.startswith("govinfo.checks")}, module


def test_no_import_cycles() -> None:
    # Packages import their submodules and the reverse (a submodule naming its package's
    # __init__ for a re-export) is not a cycle of behaviour; every other cycle is.
    def edges(module: str) -> set[str]:
        return {m for m in GRAPH[module] if not m.startswith(module + ".")}

    done: set[str] = set()
    path: list[str] = []

    def walk(module: str) -> None:
        if module in path:
            cycle = [*path[path.index(module) :], module]
            raise AssertionError(" → ".join(cycle))
        if module in done:
            return
        path.append(module)
        for imported in sorted(edges(module)):
            if not module.startswith(imported + "."):
                walk(imported)
        path.pop()
        done.add(module)

    for module in sorted(MODULES):
        walk(module)


def test_every_package_is_installed() -> None:
    """A package missing from pyproject.toml works in the editable install and nowhere else."""
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    packages = {m for m, p in MODULES.items() if p.name == "__init__.py"}
    assert packages == listed
