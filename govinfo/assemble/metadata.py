"""A document's metadata as it states it: title, agency, year, publication date."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence

import attrs

from govinfo.layout import LayoutBlock, TextBlock
from govinfo.statute import TITLE_ENDINGS

_ENDING = TITLE_ENDINGS["annual_report"]
_TITLE_A = re.compile(
    rf"(?P<agency>[\u4e00-\u9fa5（）()]{{2,40}}?)\s*(?P<year>20\d\d)\s*年度?\s*{_ENDING}"
)
_TITLE_B = re.compile(
    rf"(?P<year>20\d\d)\s*年?度?\s*(?P<agency>[\u4e00-\u9fa5（）()]{{2,40}}?)\s*{_ENDING}"
)
_DATE = re.compile(
    r"(?:发布)?(?:时间|日期)\s*[:：]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)


def _date(text: str) -> dt.date | None:
    match = _DATE.search(text)
    if match is None:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


@attrs.frozen
class Title:
    title: str | None
    agency: str | None
    year: int | None
    used: tuple[int, ...]  # preamble blocks that make the title


def title_of(header: dict[str, str], preamble: Sequence[LayoutBlock]) -> Title:
    """The title line and the agency and year it names.

    Looked for in the container's own title (a crawler's 标题), then in each of the first
    blocks, then in two blocks together (the agency on one line, the title on the next);
    the first that names an agency and a year wins.
    """
    candidates: list[tuple[str, tuple[int, ...]]] = []
    if "标题" in header:
        candidates.append((header["标题"], ()))
    texts = [(i, b.text) for i, b in enumerate(preamble) if isinstance(b, TextBlock)][:6]
    candidates += [(text, (i,)) for i, text in texts]
    candidates += [(a + b, (i, j)) for (i, a), (j, b) in itertools.pairwise(texts) if len(a) <= 40]
    for text, used in candidates:
        head = text[:160]
        for pattern in (_TITLE_A, _TITLE_B):
            match = pattern.search(head)
            if match is None:
                continue
            agency = re.sub(r"^(正文|标题[:：]?)", "", match.group("agency").strip()).strip()
            return Title(match.group(0).strip(), agency or None, int(match.group("year")), used)
    return Title(None, None, None, ())


def published_date(header: dict[str, str], texts: Sequence[str]) -> dt.date | None:
    """The publication date the container or the first lines state."""
    for key in ("发布时间", "发布日期", "时间", "日期"):
        if key in header:
            found = _date(f"时间:{header[key]}")
            if found is not None:
                return found
    return _date(" ".join(texts[:3]))
