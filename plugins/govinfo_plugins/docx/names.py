"""The names WordprocessingML gives its elements and attributes, and how it writes values."""

from __future__ import annotations

from lxml import etree

TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"


class W:
    """Clark-notation tag names of one WordprocessingML namespace (transitional or strict)."""

    def __init__(self, ns: str) -> None:
        self.ns = ns
        q = self.q
        self.val = q("val")
        self.body, self.p, self.r, self.t, self.tbl, self.tr, self.tc = map(
            q, ("body", "p", "r", "t", "tbl", "tr", "tc")
        )
        self.tab, self.ptab, self.br, self.cr, self.nbh = map(
            q, ("tab", "ptab", "br", "cr", "noBreakHyphen")
        )
        self.pPr, self.rPr, self.tcPr, self.trPr = map(q, ("pPr", "rPr", "tcPr", "trPr"))
        self.pStyle, self.rStyle, self.outlineLvl, self.numPr = map(
            q, ("pStyle", "rStyle", "outlineLvl", "numPr")
        )
        self.ilvl, self.numId, self.b, self.vanish = map(q, ("ilvl", "numId", "b", "vanish"))
        self.gridSpan, self.vMerge, self.hMerge, self.gridBefore = map(
            q, ("gridSpan", "vMerge", "hMerge", "gridBefore")
        )
        self.sdt, self.sdtContent, self.customXml, self.delete = map(
            q, ("sdt", "sdtContent", "customXml", "del")
        )
        #: Containers of runs inside a paragraph whose runs are printed.
        self.run_containers = frozenset(
            map(q, ("hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "customXml",
                    "bdo", "dir", "sdtContent"))
        )  # fmt: skip
        self.wrappers = frozenset((self.sdtContent, self.customXml))
        self.row_wrappers = frozenset((self.sdt, self.sdtContent, self.customXml))

    def q(self, local: str) -> str:
        """``{namespace}local``."""
        return f"{{{self.ns}}}{local}"


def on(el: etree._Element | None, w: W) -> bool | None:
    """A toggle property's value: None if absent, else its w:val ("0"/"false"/"off" = False)."""
    if el is None:
        return None
    return el.get(w.val, "true").lower() not in ("0", "false", "off", "none")


def to_int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
