"""The dataset's commands: extract, agencies, diff, review, schema --db."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from govinfo.cli import main
from govinfo.dataset.schema import SCHEMA_VERSION, TABLES, VIEWS
from govinfo.testing.corpus import write_corpus

PINGTAN = ROOT / "tests" / "data" / "pingtan"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def pingtan(name: str) -> Path:
    return PINGTAN / f"pingtan-{name}-annual-report.crawl.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three departments' reports: 行政审批局 2021–2023, 管委会办公室 2021–2022, 公安局 2020
    (only its title was crawled)."""
    target = tmp_path / "reports"
    target.mkdir()
    for name in ("hzs-2021", "hzs-2022", "hzs-2023", "gwh-2021", "gwh-2022", "gaj-2020"):
        shutil.copy(pingtan(name), target)
    return target


def test_extract_reads_stores_and_sums_up(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "reports.sqlite"
    assert main(["extract", str(folder), "--db", str(database), "--jobs", "1"]) == 1
    out, err = capsys.readouterr()
    assert "pingtan-gaj-2020-annual-report.crawl.txt" in err
    assert "no report body" in err
    lines = out.splitlines()
    assert lines[0] == (
        "read 5, failed 1, skipped 0; in the database: 5 documents, 1 file that failed"
    )
    assert lines[1] == (
        "rules across documents: 2 agencies worked out, 12 cells decided by a neighbouring year"
    )
    assert lines[2] == "findings in the database, by rule:"
    assert "  A2  4 note" in lines
    assert "  R6  1 fail" in lines  # 行政审批局 2023: 25 + 5 − 4 ≠ 16
    # A second run reads nothing, and says nothing failed in it.
    assert main(["extract", str(folder), "--db", str(database)]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("read 0, failed 0, skipped 6;")


def test_extract_takes_globs_and_exports(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "reports.sqlite"
    pattern = str(folder / "pingtan-hzs-*.txt")
    out_dir = tmp_path / "out"
    arguments = ["extract", pattern, "--db", str(database), "--jobs", "1"]
    assert main([*arguments, "--to", "csv", str(out_dir)]) == 0
    assert capsys.readouterr().out.startswith("read 3, failed 0, skipped 0;")
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "cells.csv", "documents.csv", "errors.csv", "findings.csv", "sections.csv",
    ]  # fmt: skip
    assert main(["extract", "--db", str(database), "--to", "xlsx", str(out_dir)]) == 2
    assert "--to xlsx: expected one of parquet, csv" in capsys.readouterr().err
    assert main(["extract", str(tmp_path / "nothing*.txt"), "--db", str(database)]) == 2
    assert "matches no file" in capsys.readouterr().err


def test_notes_beside_reports_and_excluded_files_are_left_out(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A README about the reports (it names table 四's columns) is not one of them; nor are
    # the files an --exclude pattern matches. A file named on its own is read.
    (folder / "README.md").write_text(
        "# 平潭各部门年度报告\n\n表四各列：复议 | 直接起诉 | 复议后起诉，各为维持、纠正、其他、"
        "尚未审结、总计。\n",
        encoding="utf-8",
    )
    drafts = folder / "drafts"
    drafts.mkdir()
    shutil.copy(pingtan("jjf-2023"), drafts)
    database = tmp_path / "reports.sqlite"
    arguments = ["extract", str(folder), "--db", str(database), "--jobs", "1"]
    assert main([*arguments, "--exclude", "drafts/*", "--exclude", "*gaj*"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("read 5, failed 0, skipped 0;")
    left = [str(folder / "README.md"), str(drafts / pingtan("jjf-2023").name)]
    gaj = str(folder / pingtan("gaj-2020").name)
    # In the order the folder is walked: its files, then its folders'.
    assert lines[1] == f"left out by name: 3 files ({left[0]}, {gaj}, {left[1]})"
    db = sqlite3.connect(database)
    paths = {p for (p,) in db.execute("SELECT path FROM files")}
    db.close()
    assert paths.isdisjoint([*left, gaj])
    assert len(paths) == 5
    # Named on its own, the README is read (whatever comes of it): it is not left out.
    readme = ["extract", str(folder / "README.md"), "--db", str(database), "--jobs", "1"]
    main(readme)
    out = capsys.readouterr().out
    assert "left out" not in out
    db = sqlite3.connect(database)
    assert db.execute("SELECT count(*) FROM files WHERE path = ?", left[:1]).fetchone()[0] == 1
    db.close()
    # The notes' names are matched against a file's name only: a folder named notices/ is read.
    notices = tmp_path / "notices"
    notices.mkdir()
    shutil.copy(pingtan("jjf-2023"), notices)
    main(["extract", str(notices), "--db", str(tmp_path / "n.sqlite"), "--jobs", "1"])
    assert capsys.readouterr().out.startswith("read 1, failed 0, skipped 0;")


def test_schema_db_is_the_database_the_readme_documents(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["schema", "--db"]) == 0
    sql = capsys.readouterr().out
    sqlite3.connect(":memory:").executescript(sql)
    section = README[README.index("## Dataset") :]
    for table in TABLES:
        assert f"`{table.name}`" in section, table.name
        for column in table.columns:
            assert f"`{column.name}`" in section, (table.name, column.name)
        for index in table.indexes:
            assert index.name in section, index.name
    for view in VIEWS:
        assert f"`{view.name}`" in section


def test_agencies_lists_names_matched_and_renamings(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "reports.sqlite"
    main(["extract", str(folder), "--db", str(database), "--jobs", "1"])
    capsys.readouterr()
    assert main(["agencies", "--db", str(database)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "renamings: none"
    assert "平潭综合实验区行政审批局  [2021, 2022, 2023]  3 documents" in out
    # Two departments matched as one by a renaming beside the database: a re-run matches
    # them again without reading anything.
    (tmp_path / "agencies.toml").write_text(
        '[renamed]\n"平潭综合实验区管委会办公室" = "平潭综合实验区行政审批局"\n', encoding="utf-8"
    )
    assert main(["extract", str(folder), "--db", str(database)]) == 0
    out = capsys.readouterr().out
    assert "rules across documents: 2 agencies worked out" in out
    assert main(["agencies", "--db", str(database), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["renamings"] == str(tmp_path / "agencies.toml")
    (agency,) = listed["agencies"]
    assert agency["key"] == "平潭综合实验区行政审批局"
    assert agency["documents"] == 5
    assert agency["renamed_from"] == ["平潭综合实验区管委会办公室"]
    # Two reports for 2021 and two for 2022 with other numbers: C2 says so.
    db = sqlite3.connect(database)
    assert db.execute("SELECT count(*) FROM findings WHERE rule = 'C2'").fetchone() == (2,)
    db.close()


def test_diff_two_reports(capsys: pytest.CaptureFixture[str]) -> None:
    before, after = pingtan("czj-2021"), pingtan("czj-2022")
    assert main(["diff", str(before), str(after)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("平潭综合实验区财政金融局: 2021 → 2022")
    line = next(
        x for x in out.splitlines() if x.startswith("proactive.normative_documents.in_force")
    )
    assert line.split()[-3:] == ["3", "8", "+5"]  # 303 in 2021, 808 in 2022
    assert main(["diff", str(before), str(before)]) == 0
    assert "0 cells differ" in capsys.readouterr().out
    assert main(["diff", str(before)]) == 2
    assert "diff compares two files" in capsys.readouterr().err


def test_diff_over_the_database(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "reports.sqlite"
    main(["extract", str(folder), "--db", str(database), "--jobs", "1"])
    capsys.readouterr()
    assert (
        main(["diff", "--db", str(database), "--agency", "平潭综合实验区行政审批局", "--json"]) == 1
    )
    pairs = json.loads(capsys.readouterr().out)
    assert [(p["before"]["year"], p["after"]["year"]) for p in pairs] == [
        (2021, 2022),
        (2022, 2023),
    ]
    changed = {c["key"]: (c["before"], c["after"]) for c in pairs[0]["changes"]}
    # The cells the neighbouring years decided compare as decided.
    assert changed["proactive.normative_documents.in_force"] == ("23", "25")


def test_review_decisions_survive_a_rerun(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "reports.sqlite"
    main(["extract", str(folder), "--db", str(database), "--jobs", "1"])
    capsys.readouterr()
    assert main(["review", "--db", str(database), "--rule", "R6", "--json"]) == 0
    (r6,) = json.loads(capsys.readouterr().out)
    assert r6["decision"] is None
    fingerprint = r6["fingerprint"]
    arguments = ["review", fingerprint[:8], "--db", str(database)]
    assert main([*arguments, "--confirm", "--comment", "checked against the PDF"]) == 0
    assert capsys.readouterr().out == f"{fingerprint}: confirmed\n"
    # The agency's reports change (its 2021 report read again): every finding across its
    # documents is worked out again, and the decision is still there.
    changed = folder / pingtan("hzs-2021").name
    changed.write_text(changed.read_text("utf-8") + "\n", encoding="utf-8")
    main(["extract", str(folder), "--db", str(database), "--jobs", "1"])
    out = capsys.readouterr().out
    assert out.startswith("read 1,")
    assert "1 agency worked out" in out
    assert main(["review", "--db", str(database), "--rule", "R6", "--json"]) == 0
    (again,) = json.loads(capsys.readouterr().out)
    assert (again["fingerprint"], again["decision"], again["comment"]) == (
        fingerprint,
        "confirmed",
        "checked against the PDF",
    )
    assert main(["review", "--db", str(database)]) == 0
    listed = capsys.readouterr().out
    assert f"{fingerprint}  confirmed" in listed
    assert main(["review", "0000000000", "--db", str(database), "--dismiss"]) == 2
    assert "no finding has this fingerprint" in capsys.readouterr().err
    assert main(["review", fingerprint, "--db", str(database)]) == 2
    assert "say --confirm, --dismiss or --clear" in capsys.readouterr().err


def test_commands_on_a_database_that_is_not_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in (["agencies"], ["review"], ["diff"]):
        assert main([*command, "--db", str(tmp_path / "none.sqlite")]) == 2
        assert "no such database" in capsys.readouterr().err


def test_extract_in_parallel_processes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = tmp_path / "files"
    write_corpus(files, 12, seed=5)
    database = tmp_path / "reports.sqlite"
    assert main(["extract", str(files), "--db", str(database), "--jobs", "2"]) == 0
    assert capsys.readouterr().out.startswith("read 12, failed 0, skipped 0;")


def test_every_rule_across_documents_is_in_the_readme() -> None:
    from govinfo.dataset.rules import SET_RULES

    for rule in SET_RULES:
        assert f"| `{rule.code}` | {rule.title} |" in README, rule.code


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A database of 行政审批局's 2021–2023 reports."""
    reports = tmp_path / "three"
    reports.mkdir()
    for name in ("hzs-2021", "hzs-2022", "hzs-2023"):
        shutil.copy(pingtan(name), reports)
    made = tmp_path / "three.sqlite"
    assert main(["extract", str(reports), "--db", str(made), "--jobs", "1"]) == 0
    return made


def _execute(database: Path, *statements: str) -> None:
    db = sqlite3.connect(database)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def test_a_database_missing_a_table_is_one_error_line(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    for table in ("files", "findings"):
        part = tmp_path / f"without-{table}.sqlite"
        shutil.copy(database, part)
        _execute(part, f"DROP TABLE {table}")
        for command in (["extract", str(tmp_path / "three")], ["review"], ["agencies"]):
            assert main([*command, "--db", str(part)]) == 2
            out, err = capsys.readouterr()
            assert out == ""
            assert err == (
                f"python -m govinfo: error: {part}: not a complete govinfo database: "
                f"no table {table}\n"
            )


def test_any_other_database_error_is_one_line(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _execute(database, "DROP VIEW findings_tidy", "CREATE VIEW findings_tidy AS SELECT 1 AS x")
    capsys.readouterr()
    assert main(["review", "--db", str(database)]) == 2
    assert capsys.readouterr().err == (
        f"python -m govinfo: error: {database}: cannot use the database (no such column: status)\n"
    )


def test_extracts_started_together_on_one_new_database_wait_for_each_other(
    tmp_path: Path,
) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    for name in ("hzs-2021", "hzs-2022", "gwh-2021"):
        shutil.copy(pingtan(name), reports)
    database = tmp_path / "r.sqlite"
    command = [sys.executable, "-m", "govinfo", "extract", str(reports), "--db", str(database)]
    runs = [
        subprocess.Popen([*command, "--jobs", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    outcomes = []
    for run in runs:
        _, err = run.communicate(timeout=120)
        outcomes.append((run.returncode, err.decode()))
    assert outcomes == [(0, "")] * 3
    db = sqlite3.connect(database)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT count(*) FROM documents").fetchone() == (3,)
    assert db.execute("SELECT count(*) FROM files").fetchone() == (3,)
    version = db.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
    assert version == (str(SCHEMA_VERSION),)
    db.close()


def test_an_export_never_overwrites_a_file_unless_forced(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    mine = out_dir / "findings.csv"
    mine.write_text("my own notes\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["extract", "--db", str(database), "--to", "csv", str(out_dir)]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == (
        "",
        f"python -m govinfo: error: {mine}: exists; use --force to overwrite it\n",
    )
    assert sorted(p.name for p in out_dir.iterdir()) == ["findings.csv"]  # nothing written
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    arguments = ["extract", "--db", str(database), "--to", "csv", str(out_dir), "--force"]
    assert main(arguments) == 0
    assert mine.read_text(encoding="utf-8").startswith("fingerprint,scope,rule,")
    # A run that reads files refuses before it reads them.
    reports = tmp_path / "three"
    again = tmp_path / "again.sqlite"
    assert main(["extract", str(reports), "--db", str(again), "--to", "csv", str(out_dir)]) == 2
    assert "documents.csv: exists; use --force" in capsys.readouterr().err
    assert not again.exists()
    # The same export twice would write over its own files: refused too.
    twice = ["--to", "csv", str(tmp_path / "new"), "--to", "csv", str(tmp_path / "new")]
    assert main(["extract", "--db", str(database), *twice]) == 2
    assert capsys.readouterr().err.endswith(f"--to csv {tmp_path / 'new'}: given twice\n")
    assert not (tmp_path / "new").exists()


def test_extract_batch_0_is_refused(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["extract", "--db", str(database), "--batch", "0"]) == 2
    assert capsys.readouterr().err == "python -m govinfo: error: --batch 0: expected 1 or more\n"


def test_c3_in_a_set_with_a_file_that_failed_does_not_say_there_is_no_report(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "reports.sqlite"
    assert main(["extract", str(folder), "--db", str(database), "--jobs", "1"]) == 1
    capsys.readouterr()
    assert main(["review", "--db", str(database), "--rule", "C3", "--json"]) == 0
    (c3,) = json.loads(capsys.readouterr().out)
    assert (c3["agency_key"], c3["year"]) == ("平潭综合实验区管委会办公室", 2023)
    assert c3["message"] == (
        "平潭综合实验区管委会办公室: no report of 2023 read from this set, a year 1 other "
        "agency of the set report on (its reports read: 2021, 2022); 1 file of the set "
        "failed to read and may include it"
    )


def test_agencies_applies_the_renamings_it_is_given_and_names_the_databases(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "ag.sqlite"
    main(["extract", str(folder), "--db", str(database), "--jobs", "1"])
    renamings = tmp_path / "elsewhere" / "ren.toml"
    renamings.parent.mkdir()
    renamings.write_text(
        '[renamed]\n"平潭综合实验区管委会办公室" = "平潭综合实验区行政审批局"\n', encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["agencies", "--db", str(database), "--agencies", str(renamings)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"renamings: {renamings}",
        "note: the database was matched with no renamings: its findings across documents "
        f"follow those until extract --agencies {renamings} is run",
        "平潭综合实验区行政审批局  [2021, 2022, 2023]  5 documents; renamed from "
        "平潭综合实验区管委会办公室",
        "    printed as 平潭综合实验区管委会办公室",
    ]
    # Matched with them at extract time, the plain listing names the file it was matched with.
    main(["extract", str(folder), "--db", str(database), "--agencies", str(renamings)])
    capsys.readouterr()
    assert main(["agencies", "--db", str(database)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"renamings: {renamings}",
        "平潭综合实验区行政审批局  [2021, 2022, 2023]  5 documents; renamed from "
        "平潭综合实验区管委会办公室",
        "    printed as 平潭综合实验区管委会办公室",
    ]
    assert main(["agencies", "--db", str(database), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert (listed["renamings"], listed["database_renamings"], listed["notes"]) == (
        str(renamings),
        str(renamings),
        [],
    )
    # Renamings beside the database that extract has not applied yet are named as such.
    (tmp_path / "agencies.toml").write_text("[renamed]\n", encoding="utf-8")
    assert main(["agencies", "--db", str(database)]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == [
        f"renamings: {renamings}",
        f"note: {tmp_path / 'agencies.toml'} is not applied yet: extract applies it",
    ]


def test_diff_across_format_versions_compares_the_cells_both_have(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 财政金融局's 2020 report is in the 2019 format, its 2021 report in the 2021 format;
    # the 172 cells both formats have hold the same numbers, 54 cells only one format has.
    before, after = pingtan("czj-2020"), pingtan("czj-2021")
    assert main(["diff", str(before), str(after)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out == (
        f"平潭综合实验区财政金融局: 2020 → 2021 ({before} → {after}): 0 cells differ, of 172 "
        "compared; the format versions differ (2019 → 2021); 54 cells only one of them has, "
        "not compared\n"
    )
    assert main(["diff", str(before), str(after), "--json"]) == 0
    (pair,) = json.loads(capsys.readouterr().out)
    assert (pair["compared"], pair["only_before"], pair["only_after"]) == (172, 26, 28)
    assert (pair["versions"], pair["versions_differ"], pair["changes"]) == (
        {"before": "2019", "after": "2021"},
        True,
        [],
    )
    # The same over a database of the two.
    reports = tmp_path / "czj"
    reports.mkdir()
    shutil.copy(before, reports)
    shutil.copy(after, reports)
    database = tmp_path / "czj.sqlite"
    assert main(["extract", str(reports), "--db", str(database), "--jobs", "1"]) == 0
    capsys.readouterr()
    assert main(["diff", "--db", str(database)]) == 0
    assert capsys.readouterr().out == (
        f"平潭综合实验区财政金融局: 2020 → 2021 ({reports / before.name} → "
        f"{reports / after.name}): 0 cells differ, of 172 compared; the format versions "
        "differ (2019 → 2021); 54 cells only one of them has, not compared\n"
    )


def test_diff_of_two_agencies_reports_warns(capsys: pytest.CaptureFixture[str]) -> None:
    first, second = pingtan("czj-2021"), pingtan("gaj-2021")
    main(["diff", str(first), str(second)])
    assert capsys.readouterr().err == (
        "python -m govinfo: warning: the two reports are of different agencies: "
        f"平潭综合实验区财政金融局 ({first}), 平潭综合实验区公安局 ({second})\n"
    )
