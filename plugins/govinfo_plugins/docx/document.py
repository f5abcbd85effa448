"""A .docx into layout blocks: the package opened, its styles and numbering read, its body
streamed."""

from __future__ import annotations

from lxml import etree

from govinfo.errors import LimitError, WordError
from govinfo.layout import Layout, LayoutBlock
from govinfo_plugins.docx.body import Reader
from govinfo_plugins.docx.names import STRICT, TRANSITIONAL, W
from govinfo_plugins.docx.numbering import Numbering
from govinfo_plugins.docx.package import (
    MAX_DOCUMENT_BYTES,
    DoctypeRefused,
    Package,
    TooLarge,
    has_doctype,
    main_part,
)
from govinfo_plugins.docx.styles import Styles


def docx_layout(data: bytes, name: str) -> Layout:
    """The paragraphs and tables of a .docx body, in reading order.

    Anything that is not a readable .docx raises WordError (LimitError for a part over its
    limit) with one line that starts with ``name``.
    """
    try:
        return Layout(tuple(_blocks(data)))
    except (WordError, LimitError) as exc:
        raise type(exc)(f"{name}: {exc}") from None


def _blocks(data: bytes) -> list[LayoutBlock]:
    package = Package(data)
    main = main_part(package)
    w = W(_namespace(package, main))
    parts = dict(package.relationships(main).values())
    styles = Styles(_optional_xml(package, parts.get("styles", "word/styles.xml")), w)
    numbering = Numbering(_optional_xml(package, parts.get("numbering", "word/numbering.xml")), w)
    reader = Reader(w, styles, numbering)
    with package.stream(main, MAX_DOCUMENT_BYTES) as source:
        try:
            return list(reader.stream(source))
        except etree.XMLSyntaxError as e:
            raise WordError(f"{main} is not well-formed XML: {e}") from None


def _namespace(package: Package, name: str) -> str:
    """The main part's WordprocessingML namespace, from its first tag (a DOCTYPE refused)."""
    with package.stream(name, MAX_DOCUMENT_BYTES) as source:
        try:
            for _, root in etree.iterparse(
                source, events=("start",), resolve_entities=False, huge_tree=False,
                no_network=True, load_dtd=False,
            ):  # fmt: skip
                if has_doctype(root):
                    raise DoctypeRefused(
                        f"{name} declares a DOCTYPE, which no .docx part has: refused"
                    )
                qname = etree.QName(root)
                if qname.namespace in (TRANSITIONAL, STRICT) and qname.localname == "document":
                    return qname.namespace
                raise WordError(f"{name} is not a WordprocessingML document (root {root.tag!r})")
        except etree.XMLSyntaxError as e:
            raise WordError(f"{name} is not well-formed XML: {e}") from None
    raise WordError(f"{name} is empty")


def _optional_xml(package: Package, name: str) -> etree._Element | None:
    """A supporting part; a damaged one is ignored (Word too reads the body without it)."""
    try:
        return package.xml(name)
    except (TooLarge, DoctypeRefused):
        raise
    except WordError:
        return None
