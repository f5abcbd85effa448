"""How the reader read what could be read more than one way (A1)."""

from __future__ import annotations

from collections.abc import Iterator

from govinfo.model.documents import AnnualReport, Document
from govinfo.model.findings import Evidence, Finding, Severity, Status


def check_reading_notes(document: Document) -> Iterator[Finding]:
    """A1: the choices the reader made where the source allowed more than one reading."""
    if not isinstance(document, AnnualReport):
        return
    for note in document.notes:
        yield Finding(
            "A1",
            Status.NOTE,
            Severity.INFO,
            note.message,
            cells=note.keys,
            message_zh=note.message_zh,
            evidence=(Evidence(note.keys[0], None, note.source),)
            if note.keys and note.source
            else (),
        )
