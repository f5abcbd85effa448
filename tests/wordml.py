"""Hand-made .docx packages: a body's WordprocessingML in a minimal zip."""

from __future__ import annotations

import io
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def zip_of(members: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members.items():
            z.writestr(name, body)
    return out.getvalue()


def package(
    body: str,
    parts: dict[str, str] | None = None,
    *,
    namespace: str = W,
    document: str | None = None,
) -> bytes:
    """A minimal .docx around a ``w:body``'s inner XML (prefix ``w``), with extra parts by
    name; ``document`` replaces the whole of word/document.xml."""
    main = (
        document
        if document is not None
        else '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{namespace}"><w:body>{body}</w:body></w:document>'
    )
    return zip_of(
        {
            "[Content_Types].xml": _CONTENT_TYPES,
            "_rels/.rels": _RELS,
            "word/document.xml": main,
            **(parts or {}),
        }
    )


def p(text: str, ppr: str = "", rpr: str = "") -> str:
    """A paragraph of one run."""
    ppr_xml = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    rpr_xml = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:p>{ppr_xml}<w:r>{rpr_xml}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def tc(inner: str, props: str = "") -> str:
    """A table cell with its properties."""
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{inner}</w:tc>"


def big_table(rows: int, cols: int = 10) -> bytes:
    """A .docx of one table as Word writes one, its first column merged down in blocks of 5
    rows."""
    return package(big_table_xml(rows, cols))


def big_table_xml(rows: int, cols: int = 10) -> str:
    """The table of :func:`big_table`, as body XML."""
    cell = (
        '<w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/>{merge}</w:tcPr>'
        "<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"
    )
    out = ["<w:tbl><w:tblPr/><w:tblGrid>", '<w:gridCol w:w="800"/>' * cols, "</w:tblGrid>"]
    for r in range(rows):
        merge = '<w:vMerge w:val="restart"/>' if r % 5 == 0 else "<w:vMerge/>"
        first = cell.format(merge=merge, text=f"组{r // 5}" if r % 5 == 0 else "")
        rest = "".join(cell.format(merge="", text=r * cols + c) for c in range(1, cols))
        out.append(f"<w:tr>{first}{rest}</w:tr>")
    out.append("</w:tbl><w:p/>")
    return "".join(out)
