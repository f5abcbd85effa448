"""Key points (政务公开工作要点) from a reader's blocks, in Chinese or in English translation.

The issuing notice gives the document number (国知办函办字〔2022〕495号, "Guozhiban Hanbanzi
[2022] No. 495"), the issuer and the date; then the title, the opening requirement, the parts
(一、… / "1. …") and the numbered tasks (（一）… / "(1) …"), numbered on across the parts.  A
task's closing parentheses name the units responsible, split into the lead and the others;
deadlines stated in the text are extracted.  A page summary repeating the opening is kept
once; page chrome is dropped and reported.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from govinfo.assemble.noise import chrome_reason, strip_spam
from govinfo.layout import Layout, TextBlock
from govinfo.model.documents import (
    YEARS,
    Deadline,
    DocumentNumber,
    DroppedText,
    KeyPoints,
    KeyPointsMetadata,
    Origin,
    Part,
    Responsibility,
    Task,
)
from govinfo.model.narrative import Paragraph
from govinfo.text import chinese_number, language_of, safe_date, small_int

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_EN_DATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s*(\d{4})"
)
_ZH_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NUMBER_EN = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+){0,3}) \[(\d{4})\] No\. ?(\d+)")
_NUMBER_ZH = re.compile(r"([\u4e00-\u9fa5]{2,12})〔(\d{4})〕(\d+)号")
_PART_EN = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
_PART_ZH = re.compile(r"^([一二三四五六七八九十]{1,3})、\s*(\S.*)$")
_TASK_EN = re.compile(r"^\((\d{1,2})\)\s*(\S.*)$")
_TASK_ZH = re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[）)]\s*(\S.*)$")
_TRAILING_PARENS = re.compile(r"[（(]([^（）()]{2,400})[）)]\s*[。.]?\s*$")
_UNIT_NOUN = re.compile(
    r"(department|departments|office|offices|center|centre|centers|bureau|house|unit|units|"
    r"committee|division|司|局|办公室|中心|处|部门|单位)$",
    re.I,
)


def _date(text: str) -> dt.date | None:
    for pattern, order in ((_EN_DATE, "mdy"), (_ZH_DATE, "ymd")):
        match = pattern.search(text)
        if match is None:
            continue
        if order == "mdy":
            return safe_date(match.group(3), _MONTHS[match.group(1).lower()], match.group(2))
        return safe_date(match.group(1), match.group(2), match.group(3))
    return None


# --------------------------------------------------------------------------- deadlines

_DEADLINES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), how)
    for pattern, how in (
        (r"(?:before|by|no later than)\s+((?:January|February|March|April|May|June|July|"
         r"August|September|October|November|December)\s+\d{1,2},\s*\d{4})", "date"),
        (r"(?:before|by) the end of (\d{4})", "year_end"),
        (r"within (\d{1,3}) working days", "working_days"),
        (r"(\d{4}年\d{1,2}月\d{1,2}日)(?:前|之前)", "date"),
        (r"(\d{4})年(?:底|年底)前", "year_end"),
        (r"(\d{1,3})个工作日内", "working_days"),
    )
)  # fmt: skip


def deadlines(text: str) -> tuple[Deadline, ...]:
    """The deadlines a text states, each with the words that state it."""
    found: list[Deadline] = []
    for pattern, how in _DEADLINES:
        for match in pattern.finditer(text):
            words = match.group(0)
            if how == "date":
                found.append(Deadline(words, date=_date(match.group(1))))
            elif how == "year_end":
                found.append(Deadline(words, date=safe_date(match.group(1), 12, 31)))
            elif days := small_int(match.group(1)):
                found.append(Deadline(words, working_days=days))
    return tuple(found)


# --------------------------------------------------------------------------- responsibility


def _units(text: str) -> tuple[str, ...]:
    """Units named in a list: 'A, B, and C' / 'A and the B' / '甲、乙'."""
    pieces: list[str] = []
    for part in re.split(r"\s*[,，、]\s*", text):
        part = re.sub(r"^(?:and|the)\s+", "", part.strip(), flags=re.I)
        part = re.sub(r"^the\s+", "", part, flags=re.I)
        if not part:
            continue
        # "X and Y": two units only where X is itself a unit (not "Treaty and Law Department").
        words = re.split(r"\s+and\s+(?:the\s+)?", part, flags=re.I)
        current = words[0]
        for word in words[1:]:
            if _UNIT_NOUN.search(current):
                pieces.append(current)
                current = word
            else:
                current = f"{current} and {word}"
        pieces.append(current)
    return tuple(p.strip().rstrip(".") for p in pieces if p.strip())


def responsibility(text: str) -> tuple[Responsibility | None, str]:
    """The units a task's closing parentheses name, and the task's text without them."""
    match = _TRAILING_PARENS.search(text)
    if match is None:
        return None, text
    inside = match.group(1).strip()
    english = re.search(r"\b(responsible|takes? the lead|in charge)\b", inside, re.I)
    chinese = re.search(r"(负责|牵头)", inside)
    if not (english or chinese):
        return None, text
    rest = text[: match.start()].rstrip()
    if english:
        lead_match = re.match(r"^(.*?)\s+takes? the lead\s*,?\s*(?:and\s+)?(.*)$", inside, re.I)
        lead = None
        others = inside
        if lead_match:
            lead = _units(lead_match.group(1))[0] if _units(lead_match.group(1)) else None
            others = lead_match.group(2)
        others = re.sub(r"\s+(?:is|are)\s+responsible.*$|\s+responsible.*$", "", others, flags=re.I)
        return Responsibility(inside, lead=lead, others=_units(others)), rest
    lead_match = re.match(r"^(.*?)牵头[，,、]?(.*)$", inside)
    lead = None
    others = inside
    if lead_match:
        lead = lead_match.group(1).strip() or None
        others = lead_match.group(2)
    others = re.sub(r"(按职责分工)?负责.*$", "", others)
    return Responsibility(inside, lead=lead, others=_units(others)), rest


# --------------------------------------------------------------------------- assembly


@attrs.frozen
class _Line:
    text: str
    block: TextBlock


def _lead(text: str) -> tuple[str, str]:
    match = re.search(r"[。.](?:\s|$)", text)
    if match is None:
        return text.strip(), ""
    return text[: match.start()].strip(), text[match.end() :].strip()


def _clean(layout: Layout) -> tuple[list[_Line], list[DroppedText]]:
    """The page's lines without chrome; once the page footer begins after the tasks, the rest
    of the page is footer."""
    lines: list[_Line] = []
    dropped = [DroppedText(d.text, d.reason, source=d.source) for d in layout.dropped]
    footer = False
    tasks_seen = False
    for block in layout.blocks:
        if not isinstance(block, TextBlock) or not block.text.strip():
            continue
        text = block.text.strip()
        reason = chrome_reason(text)
        if footer or (reason is not None and len(text) <= 300):
            footer = footer or tasks_seen
            dropped.append(DroppedText(text, reason or "the page footer", source=block.source))
            continue
        text, spam = strip_spam(text)
        dropped.extend(
            DroppedText(run, "spam injected into the text", source=block.source) for run in spam
        )
        if _TASK_EN.match(text) or _TASK_ZH.match(text):
            tasks_seen = True
        lines.append(_Line(text, block))
    return lines, dropped


def assemble_key_points(layout: Layout, origin: Origin) -> KeyPoints:
    """Key points from a reader's layout."""
    lines, kept_dropped = _clean(layout)
    published = None
    number: DocumentNumber | None = None
    number_at = None
    for i, line in enumerate(lines):
        iso = _ISO_DATE.match(line.text)
        if iso and published is None:
            published = safe_date(iso.group(1), iso.group(2), iso.group(3))
        found = _NUMBER_EN.search(line.text) or _NUMBER_ZH.search(line.text)
        year, serial = (small_int(found.group(g)) if found else None for g in (2, 3))
        if found and number is None and year is not None and year in YEARS and serial:
            number = DocumentNumber(found.group(0), found.group(1), year, serial)
            number_at = i
    start = number_at if number_at is not None else 0
    # The notice: addressees, text, issuer, date; then the title of the key points.
    issuer = None
    issued = None
    title = None
    notice: list[Paragraph] = []
    body_start = start + 1 if number_at is not None else 0
    for i in range(body_start, min(len(lines), body_start + 12)):
        text = lines[i].text
        date = _date(text)
        if date is not None and len(text) <= 30:
            issued = date
            issuer = lines[i - 1].text if i > 0 and len(lines[i - 1].text) <= 60 else issuer
            notice = [
                Paragraph(line.text, source=line.block.source)
                for line in lines[body_start : i - 1 if issuer else i]
            ]
            body_start = i + 1
            break
    if (
        body_start < len(lines)
        and re.search(r"key points|工作要点", lines[body_start].text, re.I)
        and len(lines[body_start].text) <= 120
    ):
        title = lines[body_start].text
        body_start += 1
    notice_title = next(
        (
            line.text
            for line in lines[:start]
            if re.search(r"notice|通知", line.text, re.I) and len(line.text) <= 200
        ),
        None,
    )
    # What stood before the notice and is not its title repeats the opening: kept once.
    for line in lines[:start]:
        if line.text in (notice_title,) or _ISO_DATE.match(line.text):
            continue
        kept_dropped.append(
            DroppedText(line.text, "a page summary repeating the opening", source=line.block.source)
        )
    opening: list[Paragraph] = []
    parts: list[Part] = []
    closing: list[Paragraph] = []
    tasks: list[Task] = []
    part: tuple[int, str, str] | None = None

    def close_part() -> None:
        nonlocal tasks
        if part is not None:
            parts.append(Part(part[0], part[1], part[2], tuple(tasks)))
        tasks = []

    for line in lines[body_start:]:
        text = line.text
        part_match = _PART_EN.match(text) or _PART_ZH.match(text)
        task_match = _TASK_EN.match(text) or _TASK_ZH.match(text)
        if part_match and len(text) <= 120 and not text.rstrip().endswith(("。", ".")):
            close_part()
            marker = part_match.group(1)
            number_value = small_int(marker) or chinese_number(marker) or 1
            part = (
                number_value,
                f"{marker}." if marker.isdigit() else f"{marker}、",
                part_match.group(2).strip(),
            )
            continue
        if task_match and part is not None:
            marker = task_match.group(1)
            number_value = small_int(marker) or chinese_number(marker) or 1
            who, rest = responsibility(task_match.group(2))
            lead, body = _lead(rest)
            tasks.append(
                Task(
                    number_value,
                    f"({marker})" if marker.isdigit() else f"（{marker}）",
                    lead,
                    body,
                    responsible=who,
                    deadlines=deadlines(rest),
                    source=line.block.source,
                )
            )
            continue
        if part is None:
            opening.append(Paragraph(text, source=line.block.source))
        else:
            closing.append(Paragraph(text, source=line.block.source))
    close_part()
    # Only the last paragraphs after the tasks close the document; others belong to it.
    agency = None
    if issuer:
        agency = issuer
    metadata = KeyPointsMetadata(
        agency=agency,
        year=number.year if number else (issued.year if issued else None),
        language=language_of(line.text for line in lines[start : start + 20]),
        title=title or notice_title,
        published=published,
        origin=origin,
        document_number=number,
        issued=issued,
    )
    closing_text = " ".join(p.text for p in closing)
    if notice_title is not None:
        source = next(line.block.source for line in lines if line.text == notice_title)
        notice.insert(0, Paragraph(notice_title, source=source))
    return KeyPoints(
        metadata,
        notice=tuple(notice),
        opening=tuple(opening),
        parts=tuple(parts),
        closing=tuple(closing),
        deadlines=deadlines(closing_text),
        dropped=tuple(kept_dropped),
    )
