"""The command line: ``python -m govinfo COMMAND``.  A thin layer over the Python API.

Exit codes: 0 success; 1 ``check`` found a fail; 2 bad usage or input that cannot be read.
Errors are one line on standard error; only a bug shows a traceback.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, ClassVar

from govinfo.errors import GovinfoError, InputError
from govinfo.statute.labels import DOCUMENT_KINDS

if TYPE_CHECKING:
    from govinfo.model.documents import Document
    from govinfo.model.findings import Finding, Status
    from govinfo.plugin.registry import Registry

# The stages a command runs are imported by that command (reading, checking, the database
# ...), so that ``--version``, ``--help`` and a bad usage cost only the parser.

PROG = "python -m govinfo"
EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
#: ``check --fail-on``: each level and the statuses that reach it.
_FAIL_LEVELS = ("fail", "uncertain", "not_assessable")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _limit_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--limit",
        action="append",
        default=[],
        metavar="NAME=N",
        help="raise or lower a limit on what one document may hold (input_bytes, "
        "text_chars, tables, cells, depth); see the README",
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Read Chinese government information-disclosure documents into typed, "
        "checked data.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
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
        _limit_option(sub)
        sub.add_argument(
            "--images",
            metavar="DIR",
            help="where the pictures a report refers to are (default: beside it); "
            "local files only, never fetched",
        )
        sub.add_argument(
            "--progress",
            action="store_true",
            help="a progress line on stderr while a scan is recognised (default: on a terminal)",
        )

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
        description="Read each FILE and say what the rules find: a verdict line per statutory "
        "table, the findings (fails first), a line that counts them.  Exit status: 0 when no "
        "finding reaches the --fail-on level, 1 when one does, 2 when an input cannot be read.",
    )
    inputs(check)
    check.add_argument("--json", action="store_true", help="print the findings as JSON")
    check.add_argument(
        "--fail-on",
        choices=_FAIL_LEVELS,
        default="fail",
        help="exit 1 when a finding of this status or a graver one exists: fail; uncertain "
        "(also when a rule cannot be decided); not_assessable (also when a table could not be "
        "checked at all). Default: fail",
    )
    check.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list every finding, those a verdict line stands for and their cells included",
    )
    check.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="the language of messages (default: zh)"
    )

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of govinfo's JSON, or the database's",
        description="Print the JSON Schema that govinfo's JSON follows, or with --db the "
        "SQL schema of the database extract makes.",
    )
    schema.add_argument(
        "--db", action="store_true", help="the database's tables, columns and indexes (SQL)"
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
    _dataset_parsers(commands)
    return parser


def _dataset_parsers(commands: argparse._SubParsersAction[_Parser]) -> None:
    def database(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--db", required=True, metavar="FILE", help="the SQLite database")

    def agencies(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--agencies",
            metavar="FILE",
            help="renamings of agencies, TOML (default: agencies.toml beside the database)",
        )

    extract = commands.add_parser(
        "extract",
        help="read many documents into a database",
        description="Read every document the paths name (files, folders walked recursively, "
        "globs) into a SQLite database, check each one and run the rules across documents. "
        "What is stored already is skipped, so a run that stopped resumes. Exits 1 if a "
        "file could not be read (it is recorded and the run goes on), 0 otherwise.",
    )
    extract.add_argument(
        "paths", nargs="*", metavar="PATH", help="a file, a folder or a glob ('*.txt')"
    )
    database(extract)
    extract.add_argument(
        "--jobs", type=int, metavar="N", help="processes reading in parallel (default: every core)"
    )
    extract.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="read on a Dask cluster: tcp://HOST:PORT, or local for one started here",
    )
    agencies(extract)
    extract.add_argument(
        "--from",
        dest="reader",
        metavar="NAME",
        help="the reader to use (default: chosen from each file's content)",
    )
    extract.add_argument("--kind", choices=DOCUMENT_KINDS, help="the kind of document expected")
    _limit_option(extract)
    extract.add_argument(
        "--retry-errors", action="store_true", help="read again the files that failed before"
    )
    extract.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="PATTERN",
        help="leave out the files of folders and globs whose name or path matches PATTERN "
        "('drafts/*', '*.en.txt'; README*, LICENSE*, CHANGELOG*, NOTICE* always)",
    )
    extract.add_argument(
        "--batch", type=int, default=64, metavar="N", help="documents per transaction (64)"
    )
    extract.add_argument(
        "--to",
        nargs=2,
        action="append",
        default=[],
        metavar=("FORMAT", "DIR"),
        help="then export the database to DIR: parquet or csv (one file per table)",
    )
    extract.add_argument(
        "--force", action="store_true", help="let the export overwrite files already in DIR"
    )

    listed = commands.add_parser(
        "agencies",
        help="list the agencies of a database",
        description="List the agencies of a database as they are matched across documents: "
        "the name matched under, the names printed, the years, the renamings applied.",
    )
    database(listed)
    agencies(listed)
    listed.add_argument("--json", action="store_true", help="as JSON")

    diff = commands.add_parser(
        "diff",
        help="compare two reports cell by cell",
        description="Compare two reports of one agency cell by cell (A, then B), or with --db "
        "every agency's reports for consecutive years. Exits 1 if a cell differs, 0 otherwise.",
    )
    diff.add_argument("files", nargs="*", metavar="FILE", help="the two reports, A then B")
    diff.add_argument("--db", metavar="FILE", help="compare consecutive years in this database")
    diff.add_argument("--agency", metavar="NAME", help="with --db: only this agency")
    agencies(diff)
    diff.add_argument("--json", action="store_true", help="as JSON")

    review = commands.add_parser(
        "review",
        help="confirm or dismiss findings",
        description="Mark a finding, by its fingerprint (or its first characters), confirmed "
        "or dismissed, with a comment; without a fingerprint, list the findings to review "
        "with their decisions. Decisions are kept across runs of extract.",
    )
    review.add_argument(
        "fingerprint",
        nargs="?",
        metavar="FINGERPRINT",
        help="the finding's fingerprint, or its first characters",
    )
    database(review)
    decision = review.add_mutually_exclusive_group()
    decision.add_argument("--confirm", action="store_true", help="the finding is right")
    decision.add_argument("--dismiss", action="store_true", help="the finding is wrong")
    decision.add_argument("--clear", action="store_true", help="forget the decision")
    review.add_argument("--comment", default="", metavar="TEXT", help="why")
    review.add_argument(
        "--rule", action="append", default=[], metavar="CODE", help="list this rule's findings"
    )
    review.add_argument("--json", action="store_true", help="list as JSON")


# --------------------------------------------------------------------------- helpers


def _read(path: str, args: argparse.Namespace, registry: Registry) -> Document:
    from govinfo import pipeline as api
    from govinfo.limits import Limits, applied
    from govinfo.source import Source

    bounds = Limits().with_options(args.limit)
    with applied(bounds):
        source = Source.from_path(path)
    if args.progress:
        os.environ["GOVINFO_PROGRESS"] = "1"
    return api.read(
        source,
        reader=args.reader,
        kind=args.kind,
        registry=registry,
        limits=bounds,
        images=args.images,
    )


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
    """Write an output file: never over an input, over an existing file only with --force;
    through a temporary file and a rename for a regular file (so a kill leaves the old one
    whole), straight into anything else that exists (a device such as /dev/null); with the
    permissions the umask gives."""
    import tempfile

    for given in inputs:
        if given != "-" and _same_file(target, Path(given)):
            raise InputError(f"{target}: is an input file; it is never overwritten")
    data = output.encode("utf-8") if isinstance(output, str) else output
    try:
        exists = target.exists()
        if exists and not force:
            raise InputError(f"{target}: exists; use --force to overwrite it")
        if exists and target.is_dir():
            raise InputError(f"{target}: is a folder; name a file, or a folder for several inputs")
        if exists and not target.is_file():
            with open(target, "wb") as stream:  # a device or a pipe: written as it is
                stream.write(data)
            return
        for parent in (target.parent, *target.parent.parents):
            if parent.exists():
                if not parent.is_dir():
                    raise InputError(f"{target}: cannot be written ({parent} is a file)")
                break
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long, a parent that is a file: not a folder; _write says why
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _targets(files: Sequence[str], folder: Path, suffix: str) -> list[Path]:
    """An output path in the folder for each input, in their order: named for its stem, or
    for its whole name where stems are shared (report.txt and report.html), numbered where
    even that is shared (a/report.txt and b/report.txt, or one file given twice)."""
    names = ["stdin" if f == "-" else Path(f).stem for f in files]
    out: list[Path] = []
    taken: set[str] = set()
    for path, stem in zip(files, names, strict=True):
        name = stem if names.count(stem) == 1 else ("stdin" if path == "-" else Path(path).name)
        candidate, n = f"{name}{suffix}", 2
        while candidate in taken:
            candidate, n = f"{name}.{n}{suffix}", n + 1
        taken.add(candidate)
        out.append(folder / candidate)
    return out


def _print_json(payload: object, **options: Any) -> None:
    import json

    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, **options) + "\n")


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"{PROG}: warning: {message}", file=sys.stderr)


# --------------------------------------------------------------------------- commands


def _render(args: argparse.Namespace, registry: Registry) -> int:
    from govinfo import pipeline as api

    to = args.to or _default_reporter(registry, sys.stdout)
    spec = registry.reporter(to)
    status = EXIT_OK
    folder: Path | None = None
    if args.output:
        out = Path(args.output)
        if len(args.files) > 1 or _is_dir(out) or args.output.endswith(("/", os.sep)):
            folder = out
    targets = _targets(args.files, folder, spec.suffix) if folder is not None else []
    terminal = args.output is None and sys.stdout.isatty()
    written = 0
    for index, path in enumerate(args.files):
        try:
            document = _read(path, args, registry)
            output = api.render(
                document,
                to,
                registry=registry,
                lang=args.lang,
                no_findings=args.no_findings,
                bom=args.bom,
                width=shutil.get_terminal_size().columns if terminal else 0,
                colour=terminal and not os.environ.get("NO_COLOR"),
            )
            if args.output is None:
                if written and spec.header_lines:
                    output = _without_header(output, spec.header_lines)
                if isinstance(output, bytes):
                    sys.stdout.flush()
                    sys.stdout.buffer.write(output)
                else:
                    sys.stdout.write(output)
                written += 1
            else:
                target = targets[index] if folder is not None else Path(args.output)
                _write(target, output, args.files, args.force)
        except GovinfoError as exc:
            _error(str(exc))
            status = EXIT_USAGE
    return status


def _without_header(output: str | bytes, lines: int) -> str | bytes:
    """An output without its first lines (a header written once already)."""
    if isinstance(output, bytes):
        return b"".join(output.splitlines(keepends=True)[lines:])
    return "".join(output.splitlines(keepends=True)[lines:])


def _version() -> str:
    from govinfo import __version__

    return __version__


def _reaches(finding: Finding, level: str) -> bool:
    """Whether a finding's status is at or above the ``--fail-on`` level."""
    graver = _FAIL_LEVELS[: _FAIL_LEVELS.index(level) + 1]
    return finding.status.value in graver


class _Printer:
    """Lines for a terminal or a file: on a terminal, status words in colour (unless NO_COLOR
    is set) and long lines wrapped to its width."""

    _COLOURS: ClassVar[dict[str, str]] = {
        "fail": "31", "uncertain": "33", "not_assessable": "35", "note": "2"
    }  # fmt: skip

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        terminal = stream.isatty()
        self.colour = terminal and not os.environ.get("NO_COLOR")
        self.width = shutil.get_terminal_size().columns if terminal else 0

    def line(self, prefix: str, text: str, status: Status | None = None) -> None:
        if self.width and len(prefix) + len(text) > self.width:
            body = textwrap.wrap(
                text, width=max(40, self.width - len(prefix)), subsequent_indent="    "
            )
        else:
            body = [text]
        for i, piece in enumerate(body):
            if self.colour and status is not None and i == 0:
                code = self._COLOURS[status.value]
                piece = f"\033[{code}m{piece}\033[0m"
            print(f"{prefix}{piece}" if i == 0 else f"{' ' * len(prefix)}{piece}", file=self.stream)


def _check(args: argparse.Namespace, registry: Registry) -> int:
    from govinfo import pipeline as api
    from govinfo.checks import suspect_cells
    from govinfo.model.findings import Status
    from govinfo.report import present as p
    from govinfo.report.verdicts import document_line, shown, table_verdicts

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
        if any(_reaches(f, args.fail_on) for f in findings) and status == EXIT_OK:
            status = EXIT_FAIL
        results.append((path, document, findings))
    lang = args.lang
    if args.json:
        from govinfo.io.serialize import codec

        payload = [
            {
                "file": path,
                "verdicts": [v.line(lang) for v in table_verdicts(document)],
                "summary": document_line(document, findings, lang),
                "tables": {v.key: dict(v.summary) for v in table_verdicts(document) if v.summary},
                "findings": codec().unstructure_findings(findings),
            }
            for path, document, findings in results
        ]
        _print_json(payload)
        return status
    out = _Printer(sys.stdout)
    for path, document, findings in results:
        prefix = f"{path}: "
        out.line(prefix, p.header_line(document, lang))
        for verdict in table_verdicts(document):
            out.line(prefix, verdict.line(lang))
        listed = list(findings) if args.verbose else shown(findings, document)
        for finding in listed:
            line = p.finding_line(finding, lang)
            if args.verbose and finding.cells:
                line += f" [{', '.join(finding.cells)}]"
            out.line(prefix, line, finding.status)
        for key in suspect_cells(findings):
            out.line(prefix, p.suspect_line(key, lang), Status.FAIL)
        out.line(prefix, document_line(document, findings, lang))
    return status


def _rules(args: argparse.Namespace, registry: Registry) -> int:
    rules = sorted(registry.rules, key=lambda r: r.code)
    if args.json:
        payload = [
            {"code": r.code, "title": r.title, "description": r.description, "kinds": list(r.kinds)}
            for r in rules
        ]
        _print_json(payload)
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
        _print_json(payload, sort_keys=True)
    else:
        for plugin in registry.plugins:
            origin = f"{plugin.distribution} {plugin.version}" if plugin.distribution else "-"
            print(f"{plugin.name}  ({origin})  {', '.join(plugin.hooks)}")
    return EXIT_OK


# --------------------------------------------------------------------------- dataset commands


def _extract(args: argparse.Namespace, registry: Registry) -> int:
    from govinfo.dataset.export import FORMATS, export, refuse_existing
    from govinfo.dataset.extraction import extract
    from govinfo.dataset.store import Store
    from govinfo.limits import Limits

    for to, _ in args.to:
        if to not in FORMATS:
            raise InputError(f"--to {to}: expected one of {', '.join(FORMATS)}")
    if args.jobs is not None and args.jobs < 1:
        raise InputError(f"--jobs {args.jobs}: expected 1 or more")
    if args.batch < 1:
        raise InputError(f"--batch {args.batch}: expected 1 or more")
    exports: set[tuple[str, str]] = set()
    for to, folder in args.to:  # before anything is read: a file there is refused now
        if (to, os.path.abspath(folder)) in exports:
            raise InputError(f"--to {to} {folder}: given twice")
        exports.add((to, os.path.abspath(folder)))
        refuse_existing(to, folder, args.force)
    summary = extract(
        args.paths,
        args.db,
        jobs=args.jobs,
        scheduler=args.scheduler,
        agencies=args.agencies,
        reader=args.reader,
        kind=args.kind,
        limits=Limits().with_options(args.limit),
        retry_errors=args.retry_errors,
        batch=args.batch,
        progress=sys.stderr.isatty(),
        exclude=args.exclude,
    )
    for failed in summary.failures:
        _warn(failed.message)
    with Store.open(args.db, create=False) as store:
        documents, errors = store.count("documents"), store.count("errors")
        by_rule = store.query(
            "SELECT rule, status, count(*) AS n FROM findings GROUP BY rule, status "
            "ORDER BY rule, status"
        )
        for to, folder in args.to:
            export(store, to, folder, force=args.force)
    print(
        f"read {summary.read}, failed {summary.failed}, skipped {summary.skipped}; in the "
        f"database: {_counted(documents, 'document')}, {_counted(errors, 'file')} that failed"
    )
    if summary.left_out:
        names = ", ".join(summary.left_out[:3]) + (" …" if len(summary.left_out) > 3 else "")
        print(f"left out by name: {_counted(len(summary.left_out), 'file')} ({names})")
    analysis = summary.analysis
    print(
        f"rules across documents: {_counted(analysis.agencies, 'agency', 'agencies')} worked "
        f"out, {_counted(analysis.decided, 'cell')} decided by a neighbouring year"
    )
    if by_rule:
        print("findings in the database, by rule:")
        counts: dict[str, list[str]] = {}
        for row in by_rule:
            counts.setdefault(row["rule"], []).append(f"{row['n']} {row['status']}")
        for rule, shown in counts.items():
            print(f"  {rule.ljust(3)} {', '.join(shown)}")
    return EXIT_FAIL if summary.failed else EXIT_OK


def _counted(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else words or word + 's'}"


def _agencies(args: argparse.Namespace, registry: Registry) -> int:
    from govinfo.dataset.agencies import AgencyMap, listing
    from govinfo.dataset.extraction import agencies_file
    from govinfo.dataset.store import Store

    with Store.open(args.db, create=False) as store:
        rows = store.connection.execute(
            "SELECT agency_key, agency, year FROM documents WHERE agency_key IS NOT NULL "
            "ORDER BY path"
        ).fetchall()
        digest, used = store.meta("agencies"), store.meta("agencies_file")
    # The renamings the database was matched with at extract time (a database of an earlier
    # govinfo recorded only their digest).
    if used is None:
        used = "" if digest == AgencyMap().digest else "(a file not recorded)"
    notes: list[str] = []
    if args.agencies is not None:
        # The renamings given, applied to the names the documents print.
        mapping = AgencyMap.load(args.agencies)
        rows = [(k, name, year) for _, name, year in rows if (k := mapping.key(name))]
        shown = mapping.path
        if mapping.digest != digest:
            notes.append(
                f"the database was matched with {used or 'no renamings'}: its findings "
                f"across documents follow those until extract --agencies {args.agencies} "
                "is run"
            )
    else:
        shown = used or None
        beside = agencies_file(args.db, None)
        if beside is not None and AgencyMap.load(beside).digest != digest:
            notes.append(f"{beside} is not applied yet: extract applies it")
    found = listing(rows, AgencyMap())
    if args.json:
        payload = {
            "renamings": shown,
            "database_renamings": used or None,
            "notes": notes,
            "agencies": [
                {
                    "key": a.key,
                    "names": list(a.names),
                    "years": list(a.years),
                    "documents": a.documents,
                    "renamed_from": list(a.renamed),
                }
                for a in found
            ],
        }
        _print_json(payload)
        return EXIT_OK
    print(f"renamings: {shown or 'none'}")
    for note in notes:
        print(f"note: {note}")
    for agency in found:
        years = ", ".join(map(str, agency.years))
        renamed = f"; renamed from {', '.join(agency.renamed)}" if agency.renamed else ""
        print(f"{agency.key}  [{years}]  {agency.documents} documents{renamed}")
        for name in agency.names:
            if name != agency.key:
                print(f"    printed as {name}")
    return EXIT_OK


def _diff(args: argparse.Namespace, registry: Registry) -> int:
    from tabulate import tabulate

    from govinfo.dataset.diff import compare, show

    pairs: list[tuple[Entry, Entry]] = []
    if args.db is not None:
        if args.files:
            raise InputError("give two files, or --db, not both")
        from govinfo.dataset.agencies import AgencyMap
        from govinfo.dataset.analysis import consecutive
        from govinfo.dataset.extraction import agencies_file
        from govinfo.dataset.store import Store

        agency = None
        if args.agency is not None:
            agency = AgencyMap.load(agencies_file(args.db, args.agencies)).key(args.agency)
        with Store.open(args.db, create=False) as store:
            pairs = list(consecutive(store, agency))
    else:
        if len(args.files) != 2:
            raise InputError(f"diff compares two files, got {len(args.files)} (or use --db)")
        from govinfo.dataset.entries import Entry

        first, second = (Entry.read(path, registry) for path in args.files)
        if first.agency_key and second.agency_key and first.agency_key != second.agency_key:
            _warn(
                f"the two reports are of different agencies: {first.agency} ({args.files[0]}), "
                f"{second.agency} ({args.files[1]})"
            )
        pairs = [(first, second)]
    differ = False
    payload = []
    for before, after in pairs:
        comparison = compare(before.tables, after.tables)
        found = comparison.changes
        differ = differ or bool(found)
        versions = [" / ".join(v) or "none" for v in comparison.versions]
        only = comparison.only_before + comparison.only_after
        if args.json:
            payload.append(
                {
                    "agency": after.agency_key,
                    "before": {"document": before.path, "year": before.year},
                    "after": {"document": after.path, "year": after.year},
                    "compared": comparison.compared,
                    "only_before": comparison.only_before,
                    "only_after": comparison.only_after,
                    "versions": {"before": versions[0], "after": versions[1]},
                    "versions_differ": comparison.versions_differ,
                    "changes": [
                        {
                            "key": c.key,
                            "row": c.labels[0],
                            "column": c.labels[1],
                            "before": show(c.before),
                            "after": show(c.after),
                            "change": c.change,
                        }
                        for c in found
                    ],
                }
            )
            continue
        verb = "differs" if len(found) == 1 else "differ"
        said = [f"{_counted(len(found), 'cell')} {verb}, of {comparison.compared} compared"]
        if comparison.versions_differ:
            said.append(f"the format versions differ ({versions[0]} → {versions[1]})")
        if only:
            said.append(f"{_counted(only, 'cell')} only one of them has, not compared")
        print(
            f"{after.agency or after.agency_key}: {before.year} → {after.year} "
            f"({before.path} → {after.path}): {'; '.join(said)}"
        )
        rows = [
            [c.key, c.labels[0], c.labels[1], show(c.before), show(c.after),
             "" if c.change is None else f"{c.change:+}"]
            for c in found
        ]  # fmt: skip
        if rows:
            print(
                tabulate(
                    rows,
                    headers=["key", "row", "column", "A", "B", "change"],
                    disable_numparse=True,
                )
            )
    if args.json:
        _print_json(payload, default=str)
    return EXIT_FAIL if differ else EXIT_OK


def _review(args: argparse.Namespace, registry: Registry) -> int:
    from govinfo.dataset.review import findings_to_review, mark
    from govinfo.dataset.store import Store

    decided = args.confirm or args.dismiss or args.clear
    with Store.open(args.db, create=False) as store:
        if args.fingerprint is not None:
            if not decided:
                raise InputError("say --confirm, --dismiss or --clear")
            decision = "confirmed" if args.confirm else "dismissed" if args.dismiss else None
            fingerprint = mark(store, args.fingerprint, decision, args.comment)
            print(f"{fingerprint}: {decision or 'no decision'}")
            return EXIT_OK
        if decided:
            raise InputError("give the fingerprint of the finding to decide on")
        found = findings_to_review(store, rules=args.rule)
    if args.json:
        keys = ("fingerprint", "rule", "status", "agency_key", "year", "document",
                "other_document", "where_key", "message", "decision", "comment")  # fmt: skip
        payload = [{k: row[k] for k in keys} for row in found]
        _print_json(payload)
        return EXIT_OK
    for row in found:
        decision = row["decision"] or "-"
        where = f" [{row['where_key']}]" if row["where_key"] else ""
        print(
            f"{row['fingerprint']}  {decision:<9}  {row['rule']} {row['status']}  "
            f"{row['agency_key'] or '-'} {row['year'] or '-'}{where}  {row['message']}"
        )
    return EXIT_OK


DATASET_COMMANDS = {"extract": _extract, "agencies": _agencies, "diff": _diff, "review": _review}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from govinfo.plugin.registry import default_registry

    try:
        registry = default_registry()
        for problem in registry.problems:
            _warn(f"plugin {problem.plugin!r} left out: {problem.message}")
        if args.command == "schema":
            if args.db:
                from govinfo.dataset.schema import ddl

                sys.stdout.write(ddl())
                return EXIT_OK
            from govinfo.io.schema import json_schema

            _print_json(json_schema())
            return EXIT_OK
        handler = {"render": _render, "check": _check, "rules": _rules, "plugins": _plugins}
        handler.update(DATASET_COMMANDS)
        return handler[args.command](args, registry)
    except GovinfoError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except sqlite3.Error as exc:  # a database changed under us, or broken: one line
        _error(_database_error(getattr(args, "db", None), exc))
        return EXIT_USAGE


def _database_error(database: object, exc: sqlite3.Error) -> str:
    from govinfo.dataset.store import IN_USE, in_use

    where = f"{database}: " if isinstance(database, str) else ""
    if in_use(exc):
        return f"{where}{IN_USE}"
    detail = " ".join(str(exc).split()) or type(exc).__name__
    return f"{where}cannot use the database ({detail})"


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
