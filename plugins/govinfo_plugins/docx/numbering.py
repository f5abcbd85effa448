"""Auto-numbering as Word prints it: a paragraph numbered by a list shows ``一、`` or ``（二）``
that its text does not hold (WPS numbers the statutory headings this way).

Counters are kept per ``w:num`` in document order, with ``startOverride`` and
``lvlOverride`` honoured; bullets print nothing.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree

from govinfo_plugins.docx.names import W, to_int

_NO_SEPARATOR_AFTER = set("、，,．。）)】]：:")


class _Level(NamedTuple):
    fmt: str
    text: str
    start: int
    legal: bool
    suffix: str


_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _chinese(n: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str:
    if n <= 0 or n >= 10000:
        return str(n)
    out, zero = [], False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d, n = divmod(n, power)
        if d:
            if zero:
                out.append(digits[0])
            out.append(digits[d] + unit)
            zero = False
        elif out:
            zero = True
    text = "".join(out)
    return text[1:] if text.startswith(digits[1] + units[0]) and digits is _CN_DIGITS else text


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                       (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                       (4, "IV"), (1, "I")):  # fmt: skip
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)


def _letter(n: int) -> str:
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "koreanCounting"):  # fmt: skip
        return _chinese(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal"):
        return _chinese(n, _CN_LEGAL, "拾佰仟")
    if fmt == "ideographDigital" or fmt == "taiwaneseDigital":
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    return str(n)


class Numbering:
    """Printed labels of auto-numbered paragraphs: counters per w:num, in document order."""

    def __init__(self, root: etree._Element | None, w: W) -> None:
        self.w = w
        self.levels: dict[str, dict[int, _Level]] = {}  # numId -> level -> definition
        self.counters: dict[str, list[int]] = {}
        self.first: dict[str, set[int]] = {}  # levels not used yet (their start override)
        if root is None:
            return
        q = w.q
        abstract: dict[str, dict[int, _Level]] = {}
        for node in root.iter(q("abstractNum")):
            abstract[node.get(q("abstractNumId")) or ""] = self._levels(node)
        for node in root.iter(q("num")):
            num_id = node.get(q("numId"))
            ref = node.find(q("abstractNumId"))
            if num_id is None or ref is None:
                continue
            levels = dict(abstract.get(ref.get(w.val) or "", {}))
            for override in node.iter(q("lvlOverride")):
                ilvl = to_int(override.get(q("ilvl")))
                if ilvl is None:
                    continue
                redefined = self._levels(override).get(ilvl)
                if redefined is not None:
                    levels[ilvl] = redefined
                start = override.find(q("startOverride"))
                if start is not None and ilvl in levels:
                    levels[ilvl] = levels[ilvl]._replace(start=to_int(start.get(w.val)) or 0)
            self.levels[num_id] = levels

    def _levels(self, node: etree._Element) -> dict[int, _Level]:
        w = self.w
        q = w.q
        found: dict[int, _Level] = {}
        for lvl in node.iter(q("lvl")):
            ilvl = to_int(lvl.get(q("ilvl")))
            if ilvl is None:
                continue
            values = {
                etree.QName(prop).localname: prop.get(w.val)
                for prop in lvl
                if isinstance(prop.tag, str)
            }
            start = to_int(values.get("start"))
            found[ilvl] = _Level(
                fmt=values.get("numFmt") or "decimal",
                text=values.get("lvlText") or "",
                start=1 if start is None else start,
                legal="isLgl" in values,
                suffix=values.get("suff") or "tab",
            )
        return found

    def label(self, num: tuple[str, int]) -> str:
        num_id, ilvl = num
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        fresh = self.first.setdefault(num_id, set(range(9)))
        for lvl in range(ilvl + 1):  # levels above never used count from their start
            if lvl in fresh and lvl in levels:
                counters[lvl] = levels[lvl].start - (1 if lvl == ilvl else 0)
                fresh.discard(lvl)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            if deeper in levels:
                counters[deeper] = levels[deeper].start - 1
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return ""

        def sub(match: re.Match[str]) -> str:
            n = int(match.group(1)) - 1
            ref = levels.get(n)
            fmt = "decimal" if (level.legal or ref is None) else ref.fmt
            return _format_number(counters[n], fmt)

        text = re.sub(r"%([1-9])", sub, level.text).strip()
        if not text or level.suffix == "nothing" or text[-1] in _NO_SEPARATOR_AFTER:
            return text
        return text + " "
