"""The body of word/document.xml, read as a stream: paragraphs and tables in reading order.

Text: ``w:t``; tabs; breaks as line breaks; runs in hyperlinks, insertions, content controls
and simple fields; field results, not field codes.  Left out: deletions, hidden runs, text
boxes (drawings, VML shapes), headers, footers, footnotes, comments.  Headings: by style
(its name), by outline level, or a short paragraph all in bold not ending a sentence.

Sources: ``line`` is the 1-based index of a paragraph among all the body's paragraphs, those
in table cells included and empty ones counted; a cell's is its first paragraph's.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from govinfo.layout import LayoutBlock, TextBlock
from govinfo.model.cells import SourceRef
from govinfo_plugins.docx.names import W, on, to_int
from govinfo_plugins.docx.numbering import Numbering
from govinfo_plugins.docx.package import Limited
from govinfo_plugins.docx.styles import Styles, num_pr
from govinfo_plugins.docx.tables import Table

#: A paragraph all in bold up to this many characters is taken for a heading.
BOLD_HEADING_MAX_CHARS = 40
_MATH_T = {
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}t",
    "{http://purl.oclc.org/ooxml/officeDocument/math}t",
}


class Reader:
    """Paragraphs and tables of one document, numbering its paragraphs as it goes."""

    def __init__(self, w: W, styles: Styles, numbering: Numbering) -> None:
        self.w = w
        self.styles = styles
        self.numbering = numbering
        self.line = 0
        # State of the paragraph being read (for the whole-bold heading test).
        self.bold_runs = False
        self.para_bold: bool | None = None
        self.some_text = self.some_plain = False

    # -- paragraphs

    def paragraph(self, p: etree._Element, *, body: bool) -> tuple[str, bool]:
        """The paragraph's printed text, and whether it reads as a heading (body only)."""
        w = self.w
        self.line += 1
        sid: str | None = None
        outline: int | None = None
        num: tuple[str, int] | None = None
        first = p[0] if len(p) else None
        if first is not None and first.tag == w.pPr:  # w:pPr comes first when present
            for prop in first:
                tag = prop.tag
                if tag == w.pStyle:
                    sid = prop.get(w.val)
                elif tag == w.outlineLvl:
                    outline = to_int(prop.get(w.val))
                elif tag == w.numPr:
                    num = num_pr(prop, w)
        if sid is None:
            sid = self.styles.default_paragraph
        if num is None:
            num = self.styles.numbering(sid)
        parts: list[str] = []
        # What the heading test needs: some run with text, and some such run not bold.
        self.some_text = self.some_plain = False
        self.bold_runs = body
        self.para_bold = self.styles.bold(sid) if body else None
        self._runs(p, parts)
        text = "".join(parts).strip()
        if num is not None and num[0] != "0":
            label = self.numbering.label(num)
            if label and text:
                text = label + text
        if not body or not text:
            return text, False
        heading = (
            (outline is not None and outline < 9)
            or (outline is None and self.styles.is_heading(sid))
            or (
                self.some_text
                and not self.some_plain
                and len(text) <= BOLD_HEADING_MAX_CHARS
                and not text.endswith("。")
            )
        )
        return text, heading

    def _runs(self, parent: etree._Element, parts: list[str]) -> None:
        w = self.w
        for child in parent:
            tag = child.tag
            if tag == w.r:
                self._run(child, parts)
            elif tag in w.run_containers:
                self._runs(child, parts)
            elif tag == w.sdt:
                content = child.find(w.sdtContent)
                if content is not None:
                    self._runs(content, parts)
            elif isinstance(tag, str) and tag.endswith(("}oMath", "}oMathPara")):
                parts.extend(t.text or "" for t in child.iter(*_MATH_T))
            # w:del, w:moveFrom, w:pPr, bookmarks, comments ranges: not printed

    def _run(self, r: etree._Element, parts: list[str]) -> None:
        w = self.w
        start = len(parts)
        run_bold: bool | None = None
        for child in r:
            tag = child.tag
            if tag == w.t:
                parts.append(child.text or "")
            elif tag == w.rPr:
                char_style = None
                for prop in child:
                    ptag = prop.tag
                    if ptag == w.vanish:
                        if on(prop, w):
                            return
                    elif ptag == w.b:
                        run_bold = on(prop, w)
                    elif ptag == w.rStyle:
                        char_style = prop.get(w.val)
                if run_bold is None and char_style is not None and self.bold_runs:
                    run_bold = self.styles.bold(char_style)
            elif tag == w.tab or tag == w.ptab:
                parts.append("\t")
            elif tag == w.br or tag == w.cr:
                parts.append("\n")
            elif tag == w.nbh:
                parts.append("-")
            # w:drawing, w:pict, mc:AlternateContent (text boxes), w:instrText, w:delText,
            # w:footnoteReference, w:sym: not read
        if self.bold_runs and "".join(parts[start:]).strip():
            self.some_text = True
            if run_bold is None:
                run_bold = (
                    self.para_bold if self.para_bold is not None else self.styles.default_bold
                )
            if not run_bold:
                self.some_plain = True

    # -- block-level content

    def block(self, el: etree._Element) -> Iterator[LayoutBlock]:
        """The blocks of one block-level element (a paragraph, a table, a content control)."""
        w = self.w
        tag = el.tag
        if tag == w.p:
            text, heading = self.paragraph(el, body=True)
            if text:
                yield TextBlock(text, SourceRef(self.line), heading)
        elif tag == w.tbl:
            table = Table(self)
            for tr in self.children(el, w.tr):
                table.add_row(tr)
            grid = table.grid()
            if grid.rows:
                yield grid
        elif tag == w.sdt:
            content = el.find(w.sdtContent)
            if content is not None:
                for child in content:
                    yield from self.block(child)
        elif tag == w.customXml:
            for child in el:
                yield from self.block(child)
        # w:sectPr, w:altChunk (embedded foreign content), bookmarks: not read

    def stream(self, source: Limited) -> Iterator[LayoutBlock]:
        """The body's blocks, parsing as it goes and dropping each part of the tree once read.

        Body-level elements are read when they end; the rows of a body-level table as each
        ends, so a table of 10^4 rows never stands whole in memory.
        """
        w = self.w
        events = etree.iterparse(
            source,
            events=("end",),
            tag=("{*}p", "{*}tr", "{*}tbl", "{*}sdt", "{*}customXml"),
            resolve_entities=False,
            huge_tree=False,
            no_network=True,
            load_dtd=False,
            remove_comments=True,
            remove_pis=True,
        )
        table: tuple[etree._Element, Table] | None = None  # the body-level table being read
        for _, el in events:
            parent = el.getparent()
            if parent is None:
                continue
            if el.tag == w.tr:
                tbl: etree._Element | None = parent
                while tbl is not None and tbl.tag in w.row_wrappers:
                    tbl = tbl.getparent()
                outer = tbl.getparent() if tbl is not None and tbl.tag == w.tbl else None
                if tbl is None or outer is None or outer.tag != w.body:
                    continue  # a nested table's row: read with its cell
                if table is None or table[0] is not tbl:
                    table = (tbl, Table(self))
                table[1].add_row(el)
                el.clear()
                if parent is tbl:
                    while el.getprevious() is not None:
                        del tbl[0]
                continue
            if parent.tag != w.body:
                continue
            if el.tag == w.tbl:
                grid = table[1].grid() if table is not None and table[0] is el else None
                table = None
                if grid is not None and grid.rows:
                    yield grid
            else:
                yield from self.block(el)
            el.clear()
            while el.getprevious() is not None:
                del parent[0]

    def cell_text(self, tc: etree._Element) -> str:
        """A cell's paragraphs joined with newlines (empty ones dropped), nested tables inline."""
        w = self.w
        lines: list[str] = []
        for child in tc:
            tag = child.tag
            if tag == w.p:
                text = self.paragraph(child, body=False)[0]
                if text:
                    lines.append(text)
            elif tag == w.tbl:
                for row in self.children(child, w.tr):
                    for cell in self.children(row, w.tc):
                        text = self.cell_text(cell)
                        if text:
                            lines.append(text)
            elif tag in w.wrappers or tag == w.sdt:
                inner = child.find(w.sdtContent) if tag == w.sdt else child
                if inner is not None:
                    text = self.cell_text(inner)
                    if text:
                        lines.append(text)
        return "\n".join(lines)

    def children(self, parent: etree._Element, tag: str) -> Iterator[etree._Element]:
        """Children with ``tag``, looking through w:sdt / w:customXml wrappers."""
        w = self.w
        for child in parent:
            if child.tag == tag:
                yield child
            elif child.tag == w.sdt:
                content = child.find(w.sdtContent)
                if content is not None:
                    yield from self.children(content, tag)
            elif child.tag == w.customXml:
                yield from self.children(child, tag)
