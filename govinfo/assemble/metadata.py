"""A document's metadata as it states it: title, agency, year, publication date."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence

import attrs

from govinfo.layout import LayoutBlock, TextBlock
from govinfo.model.documents import YEARS
from govinfo.statute import TITLE_ENDINGS
from govinfo.text import compiled, safe_date, small_int

_ENDING = TITLE_ENDINGS["annual_report"]
_TITLE_A = re.compile(
    rf"(?P<agency>[\u4e00-\u9fa5（）()]{{2,40}}?)\s*(?:关于)?\s*(?P<year>20\d\d)\s*年度?\s*"
    rf"{_ENDING}"
)
_TITLE_B = re.compile(
    rf"(?P<year>20\d\d)\s*年?度?\s*(?P<agency>[\u4e00-\u9fa5（）()]{{2,40}}?)\s*{_ENDING}"
)
#: Words that lead into a title without being part of the agency's name.
_LEAD_IN = re.compile(
    r"^(?:正文|标题[:：]?|(?:现|特|特此|兹|现将|予以)?(?:向社会)?(?:公开|公布|发布|印发|报送)|关于)+"
)
#: The year a report covers, where its title does not say: its statistics period, the date
#: its figures run to.  (Compiled when a title without a year is first met.)
_PERIOD = (
    r"统计(?:期限|时限|区间|时间)(?:为|是)?\s*(?:自|从)?\s*(20\d\d)\s*年\s*1\s*月\s*1\s*日"
    r"|截[止至]\s*(20\d\d)\s*年\s*12\s*月\s*31\s*日"
    r"|(20\d\d)\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|—|-)\s*(?:20\d\d\s*年\s*)?12\s*月\s*31\s*日"
)
_DATE = re.compile(
    r"(?:发布)?(?:时间|日期)\s*[:：]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)


def _date(text: str) -> dt.date | None:
    match = _DATE.search(text)
    if match is None:
        return None
    year, month, day = match.groups()
    return safe_date(year, month, day)


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
            agency = _LEAD_IN.sub("", match.group("agency").strip()).strip()
            year = small_int(match.group("year"), 4)
            return Title(
                match.group(0).strip(), agency or None, year if year in YEARS else None, used
            )
    return Title(None, None, None, ())


def period_year(texts: Sequence[str]) -> int | None:
    """The year the report's statistics period covers (统计期限自2023年1月1日起…, 截止2023年12月
    31日), None if the text states none."""
    for text in texts:
        match = compiled(_PERIOD).search(text)
        if match is not None:
            year = small_int(next(g for g in match.groups() if g), 4)
            return year if year in YEARS else None
    return None


def published_date(header: dict[str, str], texts: Sequence[str]) -> dt.date | None:
    """The publication date the container or the first lines state."""
    for key in ("发布时间", "发布日期", "时间", "日期"):
        if key in header:
            found = _date(f"时间:{header[key]}")
            if found is not None:
                return found
    return _date(" ".join(texts[:3]))
