"""The built-in checks, registered through the ``govinfo_register_rules`` hook as a third
party's rules would be; :func:`govinfo.check` runs every registered rule.

- :mod:`.statutory`: the statute's arithmetic (R1–R4) and the notes on blank totals (D1) and
  unprinted rows (D2);
- :mod:`.narrative`: what the narrative states against the tables: figures (N1), parts of
  a stated total (N2), percentages (N3), claims about table 四's outcomes (N4);
- :mod:`.content`: what evaluators check of the content: section 五 (S1), the fees of
  section 六 (S2), a table section with nothing under its heading (S3);
- :mod:`.reading`: how the reader read what could be read more than one way (A1);
- :mod:`.versions`: the format version (V1, V2);
- :mod:`.documents`: the key points (K1) and the rule-of-law report (L1).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs
import pluggy

from govinfo.checks.content import check_fees, check_problems_section, check_table_sections
from govinfo.checks.documents import check_mandated_sections, check_task_responsibility
from govinfo.checks.narrative import (
    check_claims,
    check_stated_figures,
    check_stated_parts,
    check_stated_shares,
)
from govinfo.checks.reading import check_reading_notes, check_recognised_balance
from govinfo.checks.statutory import check_derived_totals, check_identity, check_unprinted_rows
from govinfo.checks.versions import check_format_version, check_version_year
from govinfo.model.documents import Document
from govinfo.model.findings import Finding, Numbering, Rule, Severity, Status

hookimpl = pluggy.HookimplMarker("govinfo")

check_column_balance = check_identity("R1")
check_application_rows = check_identity("R2")
check_outcome_total = check_identity("R3")
check_appeal_rows = check_identity("R4")

BUILTIN_RULES: tuple[Rule, ...] = (
    Rule(
        "R1",
        "Each column of table 三 balances: 一 + 二 = 三（七）总计 + 四.",
        "The format states it in the corner cell (第一项加第二项之和，等于第三项加第四项之和): "
        "new and carried-over applications equal those handled plus those carried forward, "
        "in every applicant column and in 总计.",
        ("annual_report",),
        check_column_balance,
    ),
    Rule(
        "R2",
        "Each row of table 三: 总计 = the six applicant columns.",
        "In every row of table 三 the 总计 cell equals 自然人 plus the five 法人或其他组织 "
        "columns. A blank 总计 is not checked: the sum is derived and used by R1 and R3 (D1).",
        ("annual_report",),
        check_application_rows,
    ),
    Rule(
        "R3",
        "Each column of table 三: （七）总计 = the sum of the outcome rows.",
        "In every column, （七）总计 equals （一）予以公开 + （二）部分公开 plus every "
        "reason row of （三）不予公开, （四）无法提供, （五）不予处理 and （六）其他处理.",
        ("annual_report",),
        check_outcome_total,
    ),
    Rule(
        "R4",
        "Table 四: each 总计 = 维持 + 纠正 + 其他 + 尚未审结.",
        "For 行政复议 and for both kinds of 行政诉讼, the 总计 cell equals 结果维持 + 结果纠正 + "
        "其他结果 + 尚未审结.",
        ("annual_report",),
        check_appeal_rows,
    ),
    Rule(
        "D1",
        "A total left blank is derived from its row.",
        "Reports often leave the 总计 column blank. That is not an error: the sum of the row "
        "is used in its place by the other rules, and this note says so.",
        ("annual_report",),
        check_derived_totals,
    ),
    Rule(
        "D2",
        "An optional row the report does not print.",
        "Some rows of the format are left out by many reports (the 2021 （六）3.其他). Such a row "
        "is noted; a rule it takes part in is uncertain only if it does not hold without it.",
        ("annual_report",),
        check_unprinted_rows,
    ),
    Rule(
        "N1",
        "A figure the narrative states matches the table.",
        "Figures the narrative states (新收, 上年结转, 办结, 结转下年度, each applicant type, "
        "予以公开, 部分公开, 予以公开及部分公开, 不予公开, 无法提供, 不予处理, 其他处理, "
        "行政复议, 行政诉讼, table 二's documents, decisions and fees) are compared with the "
        "cells they name, a total left blank derived from its row: a fail when they differ "
        "(saying so when the figure of a group is one row of it alone), uncertain when the "
        "table is unavailable or a cell not reported, a note when new and carried-over "
        "applications are counted together or the figure counts a wider area (全区 in a "
        "department's report).",
        ("annual_report",),
        check_stated_figures,
    ),
    Rule(
        "N2",
        "Parts the narrative states add up to the total it states.",
        "Where the narrative states a total and figures that are parts of it (办结N件，其中予以"
        "公开…), the parts must come to the total when they are all of it, and never to more. "
        "Checked where the table cannot confirm the figures (an image, blank cells); where it "
        "contradicts one, N1 says which.",
        ("annual_report",),
        check_stated_parts,
    ),
    Rule(
        "N3",
        "A percentage the narrative states is the share the table gives.",
        "A percentage printed with a figure (予以公开208件（17.46%）, 占33.9%) is compared with "
        "the figure's share of the applications handled (or received), within the rounding "
        "the percentage is printed to; a share cut off rather than rounded is a note.",
        ("annual_report",),
        check_stated_shares,
    ),
    Rule(
        "N4",
        "A claim about table 四's outcomes matches the table.",
        "均获维持 and 全部维持 (none corrected, other or pending), 无被纠错 (none corrected), "
        "均已审结 (none pending) and 未发生行政复议 (none at all) are checked against the "
        "cells of table 四 for the reconsideration, the litigation or both, as the sentence "
        "says.",
        ("annual_report",),
        check_claims,
    ),
    Rule(
        "S1",
        "Section 五 states the main problems and improvements.",
        "Evaluators mark a report whose section 五 (存在的主要问题及改进情况) is missing, empty, "
        "says only 无, or is a sentence or two.",
        ("annual_report",),
        check_problems_section,
    ),
    Rule(
        "S2",
        "What the report says of the information-processing fees agrees.",
        "A fee charged stated in the narrative while section 六 or another sentence says none "
        "was charged (未收取信息处理费, 无), or no fee notice issued while table 三 counts "
        "applications not processed for an unpaid fee, is a fail. Table 二's 行政事业性收费 is "
        "another fee: where it and the information-processing fees differ in being charged "
        "at all, a note says so.",
        ("annual_report",),
        check_fees,
    ),
    Rule(
        "S3",
        "A section 三 or 四 heading has its table.",
        "A heading of section 三 or 四 with neither its table, nor an image of it, nor a "
        "sentence saying there were none (未收到政府信息公开申请, 未发生行政复议、行政诉讼) is a "
        "fail; in a translation, where the table may have been left out, and where the "
        "section points to a table elsewhere (详见附表), it is uncertain.",
        ("annual_report",),
        check_table_sections,
    ),
    Rule(
        "A1",
        "How the reader read what could be read more than one way.",
        "Glued digits split where only one split balances, rows of values placed under the "
        "labels they were displaced from, a section recognised without its heading: each "
        "choice is reported with its reason.",
        ("annual_report",),
        check_reading_notes,
    ),
    Rule(
        "O1",
        "Values recognised off a picture balance.",
        "A table read by text recognition (a picture, a scanned page) is kept cell by cell only "
        "where the identities do not contradict it. Where an identity fails with every cell of "
        "it read, the report may be wrong or a number misread, and nothing on the picture "
        "says which: the finding says the recognised reading does not balance, and the "
        "recognised cells of that identity are left unreadable.",
        ("annual_report",),
        check_recognised_balance,
    ),
    Rule(
        "K1",
        "Every task of the key points names its responsible units.",
        "A task without the closing parentheses that name who is responsible (牵头 and the "
        "others) cannot be followed up.",
        ("key_points",),
        check_task_responsibility,
    ),
    Rule(
        "L1",
        "A rule-of-law report has the five mandated contents.",
        "Measures and results, shortfalls, the principal leaders' duties and next year's plans "
        "must be there (found by heading or by content); 'other matters' may be empty.",
        ("rule_of_law_report",),
        check_mandated_sections,
    ),
    Rule(
        "V1",
        "Every table follows the format version the report declares.",
        "The version is detected from the rows and columns of each table; a table that "
        "follows another version than the report's is reported.",
        ("annual_report",),
        check_format_version,
    ),
    Rule(
        "V2",
        "The format version fits the report's year.",
        "The 2021 format (国办公开办函〔2021〕30号) cannot appear in a report for 2020 or "
        "earlier; a 2019-format table in a report for 2021 or later is noted.",
        ("annual_report",),
        check_version_year,
    ),
)


@hookimpl
def govinfo_register_rules(register: Callable[[Rule], None]) -> None:
    for rule in BUILTIN_RULES:
        register(rule)


def suspect_cells(findings: Iterable[Finding]) -> tuple[str, ...]:
    """The cells where a failing row rule meets a failing column rule of the same table.

    When one cell of table 三 is wrong, its row (R2) and its column (R1 or R3) both fail and
    this names it; a table with row rules only (四) gives no suspects.
    """
    failing = [f for f in findings if f.status is Status.FAIL]
    rows = {c for f in failing if f.where.row and not f.where.column for c in f.cells}
    columns = {c for f in failing if f.where.column and not f.where.row for c in f.cells}
    ordered = [c for f in failing for c in f.cells]
    return tuple(dict.fromkeys(c for c in ordered if c in rows and c in columns))


def run_rules(document: Document, rules: Iterable[Rule]) -> tuple[Finding, ...]:
    """Every rule that applies to the document's kind; a rule that raises becomes a finding."""
    findings: list[Finding] = []
    for rule in rules:
        if document.kind not in rule.kinds:
            continue
        try:
            findings.extend(rule.check(document))
        except Exception as exc:  # a plugin's bug must not stop the other rules
            findings.append(
                Finding(
                    rule.code,
                    Status.NOT_ASSESSABLE,
                    Severity.ERROR,
                    f"the rule raised {type(exc).__name__}: {exc}",
                    message_zh=f"检查规则出错（{type(exc).__name__}：{exc}）",
                )
            )
    identity = document_identity(document)
    number = Numbering()
    return tuple(
        f
        if f.fingerprint
        else attrs.evolve(f, fingerprint=number(f.rule, identity, f.where.key or ""))
        for f in findings
    )


def document_identity(document: Document) -> str:
    """What identifies a document across re-reads: its kind, agency, year and title."""
    meta = document.metadata
    return "\x1f".join((document.kind, meta.agency or "", str(meta.year or ""), meta.title or ""))
