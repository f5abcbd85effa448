"""The command line: ``python -m govinfo COMMAND``.  A thin layer over the Python API.

Exit codes: 0 success; 1 ``check`` found a fail; 2 bad usage or input that cannot be read.
Errors are one line on standard error; only a bug shows a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from govinfo import pipeline as api
from govinfo.checks import suspect_cells
from govinfo.errors import GovinfoError, InputError
from govinfo.model.documents import Document
from govinfo.model.findings import Finding, Status
from govinfo.plugin.registry import Registry, default_registry
from govinfo.source import Source
from govinfo.statute import DOCUMENT_KINDS

PROG = "python -m govinfo"
EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Read Chinese government information-disclosure documents into typed, "
        "checked data.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    def inputs(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("files", nargs="+", metavar="FILE", help="a document; - reads stdin")
        sub.add_argument(
            "--from",
            dest="reader",
            metavar="NAME",
            help="the reader to use (default: chosen from the content)",
        )
        sub.add_argument("--kind", choices=DOCUMENT_KINDS, help="the kind of document expected")

    render = commands.add_parser(
        "render",
        help="render documents with a reporter",
        description="Read each FILE and render it with a reporter.",
    )
    inputs(render)
    render.add_argument(
        "--to",
        metavar="NAME",
        help="the reporter: markdown, table, csv, html, json or a plugin's "
        "(default: table on a terminal, else markdown)",
    )
    render.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="a file, or a folder (one file per input); default: standard output",
    )
    render.add_argument("--force", action="store_true", help="overwrite existing outputs")
    render.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="the language of labels (default: zh)"
    )
    render.add_argument(
        "--no-findings", action="store_true", help="leave the findings out of the output"
    )
    render.add_argument(
        "--bom", action="store_true", help="start text output with a byte-order mark (Excel)"
    )

    check = commands.add_parser(
        "check",
        help="check documents against the statutory rules",
        description="Read each FILE and list what the rules find.  Exits 1 if any rule "
        "fails, 0 otherwise.",
    )
    inputs(check)
    check.add_argument("--json", action="store_true", help="print the findings as JSON")

    commands.add_parser(
        "schema",
        help="print the JSON Schema of govinfo's JSON",
        description="Print the JSON Schema that govinfo's JSON follows.",
    )
    rules = commands.add_parser(
        "rules",
        help="list the rules",
        description="List every registered rule: its code, what it checks.",
    )
    rules.add_argument("--json", action="store_true", help="as JSON")
    plugins = commands.add_parser(
        "plugins",
        help="list the plugins",
        description="List the registered plugins, their versions and hooks.",
    )
    plugins.add_argument("--json", action="store_true", help="as JSON")
    return parser


# --------------------------------------------------------------------------- helpers


def _read(path: str, args: argparse.Namespace, registry: Registry) -> Document:
    source = Source.from_path(path)
    return api.read(source, reader=args.reader, kind=args.kind, registry=registry)


def _default_reporter(registry: Registry, stream: IO[str]) -> str:
    names = registry.reporter_names
    preferred = ["table", "markdown"] if stream.isatty() else ["markdown"]
    for name in [*preferred, "json"]:
        if name in names:
            return name
    return names[0] if names else "markdown"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _write(target: Path, output: str | bytes, inputs: Sequence[str], force: bool) -> None:
    for given in inputs:
        if given != "-" and _same_file(target, Path(given)):
            raise InputError(f"{target}: is an input file; it is never overwritten")
    if target.exists() and not force:
        raise InputError(f"{target}: exists; use --force to overwrite it")
    data = output.encode("utf-8") if isinstance(output, str) else output
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"{PROG}: warning: {message}", file=sys.stderr)


# --------------------------------------------------------------------------- commands


def _render(args: argparse.Namespace, registry: Registry) -> int:
    to = args.to or _default_reporter(registry, sys.stdout)
    spec = registry.reporter(to)
    status = EXIT_OK
    folder: Path | None = None
    if args.output:
        out = Path(args.output)
        if len(args.files) > 1 or out.is_dir() or args.output.endswith(("/", os.sep)):
            folder = out
    for path in args.files:
        try:
            document = _read(path, args, registry)
            output = api.render(
                document,
                to,
                registry=registry,
                lang=args.lang,
                no_findings=args.no_findings,
                bom=args.bom,
            )
            if args.output is None:
                if isinstance(output, bytes):
                    sys.stdout.flush()
                    sys.stdout.buffer.write(output)
                else:
                    sys.stdout.write(output)
            else:
                stem = "stdin" if path == "-" else Path(path).stem
                target = folder / f"{stem}{spec.suffix}" if folder else Path(args.output)
                _write(target, output, args.files, args.force)
        except GovinfoError as exc:
            _error(str(exc))
            status = EXIT_USAGE
    return status


def _finding_line(finding: Finding) -> str:
    where = f" [{finding.where.key}]" if finding.where.key else ""
    return f"{finding.rule} {finding.status.value}{where} {finding.message}"


def _check(args: argparse.Namespace, registry: Registry) -> int:
    status = EXIT_OK
    results = []
    for path in args.files:
        try:
            document = _read(path, args, registry)
        except GovinfoError as exc:
            _error(str(exc))
            status = EXIT_USAGE
            continue
        findings = api.check(document, registry=registry)
        if any(f.status is Status.FAIL for f in findings) and status == EXIT_OK:
            status = EXIT_FAIL
        results.append((path, findings))
    if args.json:
        from govinfo.io.serialize import codec

        payload = [
            {"file": path, "findings": codec().unstructure_findings(findings)}
            for path, findings in results
        ]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return status
    for path, findings in results:
        for finding in findings:
            print(f"{path}: {_finding_line(finding)}")
        for key in suspect_cells(findings):
            print(f"{path}: suspect cell {key}: its row and its column both fail")
        counts = {s: sum(1 for f in findings if f.status is s) for s in Status}
        summary = ", ".join(f"{n} {s.value.replace('_', ' ')}" for s, n in counts.items() if n)
        print(f"{path}: {summary or 'no findings'}")
    return status


def _rules(args: argparse.Namespace, registry: Registry) -> int:
    rules = sorted(registry.rules, key=lambda r: r.code)
    if args.json:
        payload = [
            {"code": r.code, "title": r.title, "description": r.description, "kinds": list(r.kinds)}
            for r in rules
        ]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        width = max((len(r.code) for r in rules), default=0)
        for rule in rules:
            print(f"{rule.code.ljust(width)}  {rule.title}")
    return EXIT_OK


def _plugins(args: argparse.Namespace, registry: Registry) -> int:
    if args.json:
        payload = [
            {"name": p.name, "distribution": p.distribution, "version": p.version, "hooks": p.hooks}
            for p in registry.plugins
        ]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    else:
        for plugin in registry.plugins:
            origin = f"{plugin.distribution} {plugin.version}" if plugin.distribution else "-"
            print(f"{plugin.name}  ({origin})  {', '.join(plugin.hooks)}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        registry = default_registry()
        for problem in registry.problems:
            _warn(f"plugin {problem.plugin!r} left out: {problem.message}")
        if args.command == "schema":
            from govinfo.io.schema import json_schema

            sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
            return EXIT_OK
        handler = {"render": _render, "check": _check, "rules": _rules, "plugins": _plugins}
        return handler[args.command](args, registry)
    except GovinfoError as exc:
        _error(str(exc))
        return EXIT_USAGE


def run() -> None:
    """The console entry point."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader of our output went away (| head): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = EXIT_OK
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)
