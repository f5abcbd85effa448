"""How the reader read what could be read more than one way (A1), and values recognised off a
picture that do not balance (O1)."""

from __future__ import annotations

from collections.abc import Iterator

from govinfo.model.documents import AnnualReport, Document
from govinfo.model.findings import Evidence, Finding, Severity, Status


def _notes(document: Document, rule: str, status: Status, severity: Severity) -> Iterator[Finding]:
    """The reader's notes of one rule, each a finding citing where it read."""
    if not isinstance(document, AnnualReport):
        return
    for note in document.notes:
        if note.rule != rule:
            continue
        yield Finding(
            rule,
            status,
            severity,
            note.message,
            cells=note.keys,
            message_zh=note.message_zh,
            evidence=(Evidence(note.keys[0], None, note.source),)
            if note.keys and note.source
            else (),
        )


def check_reading_notes(document: Document) -> Iterator[Finding]:
    """A1: the choices the reader made where the source allowed more than one reading."""
    return _notes(document, "A1", Status.NOTE, Severity.INFO)


def check_recognised_balance(document: Document) -> Iterator[Finding]:
    """O1: values recognised off a picture (OCR) that do not balance: the report's own error
    or a misread, which no one can tell from the picture; their cells are left unreadable."""
    return _notes(document, "O1", Status.UNCERTAIN, Severity.WARNING)
