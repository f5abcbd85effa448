"""The HTML reader's work: an agency's web page, parsed by lxml, to layout blocks.

lxml parses the page (nothing is fetched, no external entity is resolved).  The report is
found as the smallest element holding the statutory headings, whatever the CMS calls it
(``#zoom``, ``.TRS_Editor``, ``#ivs_content`` ...); scripts, styles, navigation, share bars
and footers around it are dropped and reported.  Tables become grids in which a spanning
cell stands once, with its spans; ``<img>`` stands for a table published as a picture.
Nothing statutory happens here: that is the assembler's job.  Imported when a page is read
(:mod:`govinfo_plugins.html` registers the reader).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.etree
from lxml.etree import _Element

from govinfo import limits
from govinfo.errors import DecodeError, LimitError
from govinfo.layout import Dropped, Grid, GridCell, Image, Layout, LayoutBlock, TextBlock
from govinfo.model.cells import SourceRef
from govinfo.statute import ANNUAL_REPORT_SECTIONS
from govinfo.text import fold

_DROP_TAGS = (
    "script", "style", "noscript", "iframe", "object", "embed", "svg", "canvas", "template",
    "form", "button", "select", "input", "textarea", "nav", "head",
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    (
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "section", "article", "header", "footer", "main", "aside", "blockquote", "pre",
        "center", "address", "figure", "figcaption", "tr", "caption",
    )
)  # fmt: skip
_HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_SPAN_LIMIT = 1000
_SPAN = re.compile(r"\s*([0-9]+)")
_LABELS = tuple(
    fold(label)
    for section in ANNUAL_REPORT_SECTIONS
    for label in (section.label.zh, *section.variants)
)


def _span(value: str | None) -> int:
    """A rowspan/colspan as printed (``2;``, ``0``, ``999999``) made sane: 1 to 1000."""
    match = _SPAN.match(value or "")
    if match is None:
        return 1
    digits = match.group(1).lstrip("0")  # ASCII digits: "²" and the like are no span
    if len(digits) > len(str(_SPAN_LIMIT)):
        return _SPAN_LIMIT
    return max(1, min(int(digits or "0"), _SPAN_LIMIT))


def _source(element: _Element) -> SourceRef | None:
    return _line_source(element.sourceline)


def _line_source(line: object) -> SourceRef | None:
    return SourceRef(line) if isinstance(line, int) and line >= 1 else None


def _text(element: _Element) -> str:
    """An element's text; <br> became a line break when the page was parsed (see to_layout)."""
    if len(element) == 0:
        return element.text or ""
    # Serialising as text is lxml's quickest way to the text of a subtree.
    return lxml.etree.tostring(element, method="text", encoding=str, with_tail=False)


def _squeeze(text: str | None) -> str:
    # The section labels have no spaces and no full-width forms to fold: dropping the
    # whitespace is enough, and cheap on a whole page.
    return "".join(text.split()) if text else ""


def _squeezed(element: _Element) -> str:
    return _squeeze(_text(element))


def find_report(root: _Element) -> _Element:
    """The smallest element that holds every statutory heading the page has: going down
    from the root, the first child that holds them all, as long as there is one."""
    page = _squeezed(root)
    labels = [label for label in _LABELS if label in page]
    if not labels:
        return root
    shortest = _shortest_span(page, labels)
    best, text = root, page
    while True:
        found = _holder(best, text, labels, shortest)
        if found is None:
            return best
        best, text = found


def _shortest_span(text: str, labels: list[str]) -> int:
    """At most the length of the shortest stretch of the text that holds every label.

    (Over the occurrences in order, each stretch is measured to the end of the occurrence
    that completed it: never more than its true length.)
    """
    found = []
    for number, label in enumerate(labels):
        start = text.find(label)
        while start >= 0:
            found.append((start, start + len(label), number))
            start = text.find(label, start + 1)
    found.sort()
    counts = [0] * len(labels)
    present = 0
    first = 0
    shortest = len(text)
    for _, end, number in found:
        counts[number] += 1
        present += counts[number] == 1
        while present == len(labels):
            shortest = min(shortest, end - found[first][0])
            dropped = found[first][2]
            counts[dropped] -= 1
            present -= counts[dropped] == 0
            first += 1
    return shortest


def _holder(
    parent: _Element, text: str, labels: list[str], shortest: int
) -> tuple[_Element, str] | None:
    """The first child of ``parent`` (whose squeezed text is ``text``) holding every label,
    with its squeezed text; None when none does.

    A child's text is a piece of its parent's, and one holding every label is at least
    ``shortest`` long: once the children left (with the text between them) are shorter
    than that, none of them is looked at.
    """
    own = len(_squeeze(parent.text))
    if len(parent) == 1 and not own:
        (child,) = parent
        if isinstance(child.tag, str) and not _squeeze(child.tail):
            return child, text  # the parent's text is all the child's
    left = len(text) - own
    for child in parent:
        if left < shortest:
            return None
        if not isinstance(child.tag, str):
            left = len(text)  # (what such a node adds is unknown: count from the top again)
            continue
        child_text = _squeezed(child)
        if all(label in child_text for label in labels):  # (most fail at the first)
            return child, child_text
        left -= len(child_text) + len(_squeeze(child.tail))
    return None


def _describe(element: _Element) -> str:
    tag = str(element.tag)
    if element.get("id"):
        return f"{tag}#{element.get('id')}"
    classes = (element.get("class") or "").split()
    return f"{tag}.{'.'.join(classes)}" if classes else tag


def _grid(table: _Element) -> Grid:
    rows: list[tuple[GridCell, ...]] = []
    # Cells on one line share one (immutable) SourceRef.
    sources: dict[object, SourceRef | None] = {}
    for tr in _own_rows(table):
        cells = []
        for cell in tr:  # (iterating all children and testing the tag is quicker than a filter)
            tag = cell.tag
            if tag != "td" and tag != "th":
                continue
            line = cell.sourceline
            if line in sources:
                source = sources[line]
            else:
                source = sources[line] = _line_source(line)
            # (One call for the names is cheaper than two lookups, and most cells span nothing.)
            names = cell.keys()
            cells.append(
                GridCell(
                    _text(cell).strip(),
                    source,
                    _span(cell.get("rowspan")) if "rowspan" in names else 1,
                    _span(cell.get("colspan")) if "colspan" in names else 1,
                )
            )
        if cells:
            rows.append(tuple(cells))
    return Grid(tuple(rows), _source(table))


def _own_rows(table: _Element) -> Iterator[_Element]:
    """The table's own rows, in order: a nested table's rows are not this table's."""
    for child in table.iterchildren("tr", "thead", "tbody", "tfoot"):
        if child.tag == "tr":
            yield child
        else:
            yield from child.iterchildren("tr")


def _blocks(container: _Element) -> list[LayoutBlock]:
    """The container's blocks in reading order.

    Text is gathered until a block element (or a cell, a table, an image) ends it; each of its
    lines is then a TextBlock, a heading when it stood in <h1>…<h6> or when all of it was bold
    (<strong>, <b>); its source is the line of the element its first text stood in.
    """
    out: list[LayoutBlock] = []
    buffer: list[str] = []
    # The element the gathered text began in, and whether its words were bold: None before
    # the first, then whether every one so far was.
    first: _Element | None = None
    bold_so_far: bool | None = None

    def flush(heading: bool = False) -> None:
        nonlocal first, bold_so_far
        if not buffer:
            return
        text = "".join(buffer)
        source = None if first is None else _line_source(first.sourceline)
        heading = heading or bold_so_far is True
        buffer.clear()
        first = bold_so_far = None
        for line in text.split("\n"):
            if line := line.strip():
                out.append(TextBlock(line, source, heading))

    def gather(text: str, node: _Element, bold: bool) -> None:
        nonlocal first, bold_so_far
        if first is None:
            first = node
        buffer.append(text)
        if bold_so_far is not False and text.strip():
            bold_so_far = bold

    def walk(node: _Element, bold: bool) -> None:
        text = node.text
        if text:
            gather(text, node, bold)
        for child in node:
            tag = child.tag
            if not isinstance(tag, str):
                pass
            elif (tag := tag.lower()) == "br":
                pass  # its line break is in its tail
            elif tag == "img":
                flush()
                src = child.get("src") or ""
                if src:
                    out.append(Image(src, _source(child), child.get("alt") or ""))
            elif tag == "table":
                flush()
                if child.find(".//table") is not None:
                    walk(child, bold)  # a layout table: read what it holds
                else:
                    out.append(_grid(child))
            elif tag == "td" or tag == "th":
                walk(child, bold)
                buffer.append("\n")
            elif tag in _BLOCK_TAGS:
                flush()
                walk(child, bold or tag in _HEADING_TAGS)
                flush(heading=tag in _HEADING_TAGS)
            else:
                walk(child, bold or tag == "strong" or tag == "b")
            text = child.tail
            if text:
                gather(text, node, bold)

    walk(container, False)
    flush()
    return out


def to_layout(text: str, *, location: str | None = None, utf8: bytes | None = None) -> Layout:
    """The blocks of an HTML page: the report's container only, the rest dropped.

    ``utf8``: the bytes ``text`` was decoded from, when they are exactly its UTF-8; they are
    parsed instead of the text (the same tree, without lxml converting the text back).
    """
    # Plain lxml.etree elements: lxml.html's element classes cost a Python call for every
    # element touched, and nothing here needs them.
    parser = lxml.etree.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        huge_tree=False,
        encoding="utf-8" if utf8 is not None else None,
    )
    try:
        root = lxml.etree.fromstring(text if utf8 is None else utf8, parser=parser)
    except (lxml.etree.LxmlError, ValueError) as exc:
        raise DecodeError(
            f"{location or 'the input'}: not HTML that can be parsed ({exc})"
        ) from None
    if root is None:
        raise DecodeError(f"{location or 'the input'}: not HTML that can be parsed (no document)")
    _within_depth(root, parser, location or "the input")
    title = root.findtext(".//title") or ""
    for br in root.iter("br"):
        _set(br, "tail", "\n" + (br.tail or ""))
    for element in list(root.iter(*_DROP_TAGS)):
        parent = element.getparent()
        if parent is not None:
            tail = element.tail
            parent.remove(element)
            if tail:
                _append_text(parent, tail)
    container = find_report(root)
    dropped: list[Dropped] = []
    outside = f"outside the report ({_describe(container)})"
    node = container
    while node.getparent() is not None:
        parent = node.getparent()
        assert parent is not None
        for sibling in parent:
            if sibling is node or not isinstance(sibling.tag, str):
                continue
            text = " ".join(_text(sibling).split())
            if text:
                dropped.append(Dropped(text[:300], outside, _source(sibling)))
        node = parent
    header = (("标题", title.strip()),) if title.strip() else ()
    return Layout(tuple(_blocks(container)), header=header, dropped=tuple(dropped))


def _within_depth(root: _Element, parser: lxml.etree.HTMLParser, location: str) -> None:
    """Refuse a page nested deeper than the ``depth`` limit: the parser drops what lies below
    its own depth (256), and a page read without it would say something false about it."""
    most = limits.current().depth
    if any("Excessive depth" in e.message for e in parser.error_log):
        raise LimitError(
            f"{location}: elements nested {limits.PARSER_DEPTH} deep or more, deeper than the "
            f"HTML parser reads (the limit depth is at most {limits.PARSER_DEPTH}); what lies "
            "below would be lost"
        )
    if most >= limits.PARSER_DEPTH:
        return
    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    if deepest > most:
        raise limits.exceeded(f"{location}: elements nested", deepest, "deep", "depth", most)


def _set(element: _Element, name: str, text: str) -> None:
    """Set an element's text or tail; control characters the parser let through (lxml
    refuses them when set) become U+FFFD, as the parser makes most of them."""
    try:
        setattr(element, name, text)
    except ValueError:
        setattr(element, name, _NOT_XML.sub("\ufffd", text))


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _append_text(parent: _Element, text: str) -> None:
    children = list(parent)
    if children:
        last = children[-1]
        _set(last, "tail", (last.tail or "") + text)
    else:
        _set(parent, "text", (parent.text or "") + text)
