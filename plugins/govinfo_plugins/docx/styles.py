"""Paragraph styles: which make headings, which make bold text, which number paragraphs.

A style counts as a heading by its name (``heading 1``, ``标题 2``, ``Title``: Chinese Word and
WPS give heading styles ids like ``1`` but English names) or by its outline level, following
the ``basedOn`` chain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from lxml import etree

from govinfo_plugins.docx.names import W, on, to_int

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*[1-9]$|^(?:title|标题)$", re.IGNORECASE)


class Style(NamedTuple):
    name: str
    based_on: str | None
    outline: int | None
    bold: bool | None
    num: tuple[str, int] | None  # (numId, ilvl)


class Styles:
    def __init__(self, root: etree._Element | None, w: W) -> None:
        self.styles: dict[str, Style] = {}
        self._heading: dict[str, bool] = {}
        self._bold: dict[str | None, bool | None] = {}
        self._num: dict[str | None, tuple[str, int] | None] = {}
        self.default_paragraph: str | None = None
        self.default_bold = False
        if root is None:
            return
        q = w.q
        rpr_default = root.find(f"{q('docDefaults')}/{q('rPrDefault')}/{w.rPr}")
        if rpr_default is not None:
            self.default_bold = bool(on(rpr_default.find(w.b), w))
        for style in root.iter(q("style")):
            sid = style.get(q("styleId"))
            if sid is None:
                continue
            name_el, based_el = style.find(q("name")), style.find(q("basedOn"))
            ppr, rpr = style.find(w.pPr), style.find(w.rPr)
            outline = num = None
            if ppr is not None:
                level = ppr.find(w.outlineLvl)
                outline = to_int(level.get(w.val) if level is not None else None)
                num = num_pr(ppr.find(w.numPr), w)
            self.styles[sid] = Style(
                name=(name_el.get(w.val, "") if name_el is not None else "").strip(),
                based_on=based_el.get(w.val) if based_el is not None else None,
                outline=outline,
                bold=on(rpr.find(w.b), w) if rpr is not None else None,
                num=num,
            )
            if style.get(q("type")) == "paragraph" and style.get(q("default")) in (
                "1",
                "true",
                "on",
            ):
                self.default_paragraph = sid

    def chain(self, sid: str | None) -> Iterator[Style]:
        seen: set[str] = set()
        while sid is not None and sid not in seen and sid in self.styles:
            seen.add(sid)
            style = self.styles[sid]
            yield style
            sid = style.based_on

    def is_heading(self, sid: str | None) -> bool:
        if sid is None:
            return False
        found = self._heading.get(sid)
        if found is None:
            found = False
            for style in self.chain(sid):
                if _HEADING_STYLE.match(style.name):
                    found = True
                    break
                if style.outline is not None:
                    found = style.outline < 9
                    break
            self._heading[sid] = found
        return found

    def bold(self, sid: str | None) -> bool | None:
        if sid not in self._bold:
            self._bold[sid] = next((s.bold for s in self.chain(sid) if s.bold is not None), None)
        return self._bold[sid]

    def numbering(self, sid: str | None) -> tuple[str, int] | None:
        if sid not in self._num:
            self._num[sid] = next((s.num for s in self.chain(sid) if s.num is not None), None)
        return self._num[sid]


def num_pr(el: etree._Element | None, w: W) -> tuple[str, int] | None:
    if el is None:
        return None
    num_el, lvl_el = el.find(w.numId), el.find(w.ilvl)
    num_id = num_el.get(w.val) if num_el is not None else None
    level = to_int(lvl_el.get(w.val) if lvl_el is not None else None) or 0
    return (num_id, min(max(level, 0), 8)) if num_id is not None else None
