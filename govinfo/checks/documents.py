"""Checks of the other kinds of document: the key points (K1) and the rule-of-law report (L1)."""

from __future__ import annotations

from collections.abc import Iterator

from govinfo.model.documents import Document, KeyPoints, RuleOfLawReport
from govinfo.model.findings import Finding, Location, Severity, Status
from govinfo.statute import RULE_OF_LAW_SECTIONS


def check_task_responsibility(document: Document) -> Iterator[Finding]:
    """K1: every task of the key points names the units responsible for it."""
    if not isinstance(document, KeyPoints):
        return
    for part in document.parts:
        for task in part.tasks:
            if task.responsible is None:
                yield Finding(
                    "K1",
                    Status.FAIL,
                    Severity.WARNING,
                    f"task {task.marker}{task.lead} names no responsible unit",
                    Location(section=f"{part.marker}{part.title}", labels=(part.title, task.lead)),
                    message_zh=f"任务{task.marker}{task.lead}未写明责任单位",
                )


def check_mandated_sections(document: Document) -> Iterator[Finding]:
    """L1: a rule-of-law report has the five contents 厅字〔2019〕28号 mandates."""
    if not isinstance(document, RuleOfLawReport):
        return
    for section in document.sections:
        if section.recognised_by != "absent":
            continue
        definition = next(s for s in RULE_OF_LAW_SECTIONS if s.key == section.key)
        optional = definition.optional
        yield Finding(
            "L1",
            Status.NOTE if optional else Status.FAIL,
            Severity.INFO if optional else Severity.WARNING,
            f"{definition.number}. {definition.label.zh}: "
            + ("nothing else reported" if optional else "not found in the report"),
            Location(
                section=section.key, labels=(definition.label.zh,), labels_en=(definition.label.en,)
            ),
            message_zh=f"{definition.number}. {definition.label.zh}："
            + ("无其他事项" if optional else "报告中未见此项内容"),
        )
