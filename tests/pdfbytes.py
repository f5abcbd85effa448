"""Small PDFs written byte by byte: one page, a content stream, optionally encrypted.

Encryption is the standard security handler, revision 2 (RC4, 40-bit key), as the PDF
reference gives it: enough for PDFium to ask for a password, or to open a file whose owner
password only limits what may be done with it.
"""

from __future__ import annotations

import hashlib
import struct

_PADDING = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_ID = bytes(range(16))
_PERMISSIONS = -3904  # printing and copying forbidden


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _pad(password: bytes) -> bytes:
    return (password + _PADDING)[:32]


def _encryption(user: bytes, owner: bytes) -> tuple[bytes, bytes, bytes]:
    """The file key, /O and /U for the passwords."""
    o = _rc4(hashlib.md5(_pad(owner)).digest()[:5], _pad(user))
    key = hashlib.md5(_pad(user) + o + struct.pack("<i", _PERMISSIONS) + _ID).digest()[:5]
    return key, o, _rc4(key, _PADDING)


def pdf(content: bytes, *, user: bytes | None = None, owner: bytes = b"owner") -> bytes:
    """A one-page PDF (A4) drawing ``content``, with Helvetica as /F1; encrypted when a
    ``user`` password is given (``b""``: anyone may open it, the owner password limits it)."""
    key = o = u = b""
    if user is not None:
        key, o, u = _encryption(user, owner)

    def stream(number: int, data: bytes) -> bytes:
        if key:
            object_key = hashlib.md5(key + struct.pack("<i", number)[:3] + b"\0\0").digest()
            data = _rc4(object_key[: len(key) + 5], data)
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(4, content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if key:
        objects.append(
            b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
            % (o.hex().encode(), u.hex().encode(), _PERMISSIONS)
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    encrypt = b" /Encrypt %d 0 R" % len(objects) if key else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s /ID [<%s> <%s>] >>\n" % (
        len(objects) + 1,
        encrypt,
        _ID.hex().encode(),
        _ID.hex().encode(),
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def text(*lines: str) -> bytes:
    """A content stream printing each line in Helvetica 12, from the top of the page."""
    ops = [b"BT /F1 12 Tf 72 770 Td 16 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(%s) Tj T*" % escaped.encode("latin-1"))
    ops.append(b"ET")
    return b"\n".join(ops)


#: A content stream with a filled box and no text: a page of a scan, as far as text goes.
BOX = b"0 0 0 rg 72 600 300 150 re f"
