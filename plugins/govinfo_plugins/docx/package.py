"""A .docx as a package: the zip, its parts read with limits, and the formats that come
under a Word name refused in words.

Parts are inflated with their size checked before a byte is read and again while reading (a
zip may understate it); XML is parsed with no entities resolved, no DTD loaded, nothing
fetched, and a part declaring a DOCTYPE is refused.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import IO, Any

from lxml import etree

from govinfo.errors import LimitError, WordError
from govinfo_plugins.docx import OLE2_MAGIC

#: Largest word/document.xml read, uncompressed.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
#: Largest other part read (styles, numbering, relationships), uncompressed.
MAX_PART_BYTES = 16 * 1024 * 1024

_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_EXCEL_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))
_POWERPOINT_STREAM = "PowerPoint Document".encode("utf-16-le")


class TooLarge(LimitError):
    """A part over its size limit: refused even where the part is optional."""


class DoctypeRefused(WordError):
    """A part declaring a DOCTYPE (the way to entity attacks): refused even where optional."""


def parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        huge_tree=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )


def has_doctype(el: etree._Element) -> bool:
    """Whether the element's document declares a DOCTYPE (the way to entity attacks)."""
    docinfo: Any = el.getroottree().docinfo  # lxml-stubs lack DocInfo.doctype
    return bool(docinfo.doctype)


def sniff(data: bytes) -> None:
    """Refuse the formats people save with a .doc/.docx name before trying the zip."""
    if not data:
        raise WordError("an empty file, not a .docx")
    if data.startswith(OLE2_MAGIC):
        raise WordError(_ole2(data[: 1 << 20]))
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{\\rtf"):
        raise WordError("an RTF file (often named .doc): save it as .docx")
    if head.startswith(b"%pdf"):
        raise WordError("a PDF file, not a .docx")
    if head.startswith(b"<?xml") and (
        b"wordDocument" in data[:4096] or b"pkg:package" in data[:4096]
    ):
        raise WordError("a Word 2003 XML or Flat OPC file: save it as .docx")
    if head.startswith((b"<", b"mime-version")):
        raise WordError("an HTML or MHT page (often named .doc): save it as .docx")


def _ole2(head: bytes) -> str:
    """What an OLE2 compound file is, as far as the names of its streams tell."""
    if _ENCRYPTION_INFO in head:
        return "a password-protected .docx: remove the password and save it again"
    if _WORD_STREAM not in head:
        if any(stream in head for stream in _EXCEL_STREAMS):
            return "an Excel 97-2003 workbook, not a Word document"
        if _POWERPOINT_STREAM in head:
            return "a PowerPoint 97-2003 presentation, not a Word document"
    return "a Word 97-2003 .doc (or WPS) file: save it as .docx"


class Limited:
    """A zip member's decompressed bytes as a file for lxml, refusing past ``limit`` bytes."""

    def __init__(self, fh: IO[bytes], name: str, limit: int) -> None:
        self.fh, self.name, self.limit, self.seen = fh, name, limit, 0

    def read(self, size: int = -1) -> bytes:
        try:
            chunk = self.fh.read(size if size >= 0 else self.limit + 1 - self.seen)
        except (zipfile.BadZipFile, EOFError, zlib.error, OSError, ValueError) as e:
            raise WordError(f"a truncated or damaged .docx ({self.name}: {e})") from None
        self.seen += len(chunk)
        if self.seen > self.limit:  # the directory understated the size
            raise TooLarge(f"{self.name} is over the {self.limit}-byte limit uncompressed")
        return chunk

    def __enter__(self) -> Limited:
        return self

    def __exit__(self, *exc: object) -> None:
        self.fh.close()


class Package:
    """The zip's members by normalised name, read with size limits."""

    def __init__(self, data: bytes) -> None:
        sniff(data)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as e:
            if data.startswith(b"PK"):
                raise WordError(
                    f"a truncated or damaged .docx (its zip directory is unreadable: {e})"
                ) from None
            raise WordError("not a .docx: not a zip archive") from None
        # Some writers store "word\\document.xml" or change the case; Word reads those.
        self.members = {
            info.filename.replace("\\", "/").lstrip("/").lower(): info
            for info in self.zip.infolist()
        }

    def has(self, name: str) -> bool:
        return name.lower() in self.members

    def _info(self, name: str, limit: int) -> zipfile.ZipInfo:
        info = self.members.get(name.lower())
        if info is None:
            raise WordError(f"a .docx without its part {name}")
        if info.file_size > limit:
            raise TooLarge(
                f"{name} is {info.file_size} bytes uncompressed, over the {limit}-byte limit"
            )
        return info

    def read(self, name: str, limit: int) -> bytes | None:
        if not self.has(name):
            return None
        with self.stream(name, limit) as source:
            return source.read()

    def stream(self, name: str, limit: int) -> Limited:
        info = self._info(name, limit)
        try:
            return Limited(self.zip.open(info), name, limit)
        except RuntimeError as e:  # an encrypted member
            raise WordError(f"{name} cannot be read: {e}") from None
        except NotImplementedError as e:
            raise WordError(f"{name} uses an unsupported zip compression: {e}") from None
        except (zipfile.BadZipFile, EOFError, zlib.error, OSError, ValueError) as e:
            raise WordError(f"a truncated or damaged .docx ({name}: {e})") from None

    def xml(self, name: str, limit: int = MAX_PART_BYTES) -> etree._Element | None:
        body = self.read(name, limit)
        if body is None:
            return None
        try:
            root = etree.fromstring(body, parser())
        except etree.XMLSyntaxError as e:
            raise WordError(f"{name} is not well-formed XML: {e}") from None
        if has_doctype(root):
            raise DoctypeRefused(f"{name} declares a DOCTYPE, which no .docx part has: refused")
        return root

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """``{id: (type suffix, target part name)}`` of a part (``""`` for the package)."""
        folder, _, base = part.rpartition("/")
        rels = self.xml(f"{folder}/_rels/{base}.rels" if part else "_rels/.rels")
        found: dict[str, tuple[str, str]] = {}
        if rels is None:
            return found
        for rel in rels:
            if not isinstance(rel.tag, str) or rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            kind = (rel.get("Type") or "").rpartition("/")[2]
            found[rel.get("Id") or ""] = (kind, _join(folder, target))
        return found


def _join(folder: str, target: str) -> str:
    if target.startswith("/"):
        parts = target.lstrip("/").split("/")
    else:
        parts = (folder.split("/") if folder else []) + target.split("/")
    out: list[str] = []
    for piece in parts:
        if piece == "..":
            if out:
                out.pop()
        elif piece not in ("", "."):
            out.append(piece)
    return "/".join(out)


def main_part(pkg: Package) -> str:
    for kind, target in pkg.relationships("").values():
        if kind == "officeDocument":
            if target.lower().startswith("xl/"):
                raise WordError("an Excel workbook, not a Word document")
            if target.lower().startswith("ppt/"):
                raise WordError("a PowerPoint presentation, not a Word document")
            if pkg.has(target):
                return target
    if pkg.has("word/document.xml"):
        return "word/document.xml"
    if pkg.has("mimetype") and b"opendocument" in (pkg.read("mimetype", 1024) or b""):
        raise WordError("an OpenDocument file (.odt): save it as .docx")
    raise WordError("a zip archive but not a .docx (no word/document.xml)")
