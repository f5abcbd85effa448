"""Decoding: one step for every text reader, run by the host before a reader sees the text.

It tries, in order: a byte-order mark, the charset the format declares (an HTML
``<meta charset>``), strict UTF-8, then GB18030 (the superset of GBK and GB2312).  Bytes that
are not text are refused with one line.
"""

from __future__ import annotations

import codecs

import attrs

from govinfo.errors import DecodeError
from govinfo.text import compiled

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Declared charsets that are decoded as their superset.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "euc-cn": "gb18030",
    "gb18030": "gb18030",
    "utf8": "utf-8",
    "utf-8": "utf-8",
}


@attrs.frozen
class Decoded:
    """Text and the encoding it was decoded from (``utf-8``, ``gb18030`` ...)."""

    text: str
    encoding: str
    #: The text is exactly the bytes decoded: no byte-order mark dropped, no cut last character.
    whole: bool = True


def _canonical(charset: str) -> str | None:
    name = charset.strip().strip("\"'").lower()
    if name in _SUPERSETS:
        return _SUPERSETS[name]
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def looks_binary(data: bytes) -> bool:
    """Whether bytes are binary rather than text in some encoding (NULs, control bytes)."""
    sample = data[:65536]
    if not sample or sample.startswith(_BOM_PREFIXES):
        return False
    return _binary(sample, _controls(sample))


def _controls(sample: bytes) -> int:
    """How many control bytes (not tab, line breaks, form feed or escape) the sample has."""
    # (Most text has none: a quick scan for each one first, counting only when there is one.)
    if not any(map(sample.__contains__, _CONTROL_BYTES)):
        return 0
    return len(sample) - len(sample.translate(None, _CONTROL_BYTES))


def _binary(sample: bytes, controls: int) -> bool:
    # (``0 in`` is a quick scan; counting is done only when there is a NUL to count.)
    if 0 in sample and sample.count(0) > max(2, len(sample) // 100):
        return True
    return controls > len(sample) // 20


_BOM_PREFIXES = tuple(bom for bom, _ in _BOMS)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_BAD_CHARACTERS = "[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f\ud800-\uf8ff\ufffd]"


def _control_heavy(text: str) -> bool:
    """Control, private-use or replacement characters in numbers text never has."""
    sample = text[:65536]
    return len(compiled(_BAD_CHARACTERS).findall(sample)) > max(2, len(sample) // 50)


def _misdecoded(sample: bytes, text: str, encoding: str, controls: int) -> bool:
    """Whether the text is not what the bytes say in that encoding.

    Strict UTF-8 decodes no wrong bytes into private-use or replacement characters (if the
    text has them, the file has them): only its control characters are counted, on the
    bytes (the sample's first 64 KB: ``controls`` of them, DEL apart), which is quick.
    Other codecs' output is looked at character by character.
    """
    if encoding != "utf-8":
        return _control_heavy(text)
    deletes = sample.count(0x7F) if 0x7F in sample else 0
    return controls + deletes > max(2, len(sample) // 50)


def decode(data: bytes, declared: str | None = None, *, name: str | None = None) -> Decoded:
    """Decode a document's bytes; raise DecodeError (one line) when they are not text."""
    what = name or "the input"
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding.removesuffix("-sig"), whole=False)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"{what}: starts with a {encoding} byte-order mark but is not {encoding} "
                    f"({exc.reason} at byte {exc.start})"
                ) from None
    sample = data[:65536]
    controls = _controls(sample)
    if sample and _binary(sample, controls):
        raise DecodeError(f"{what}: not text (binary data)")
    tried = []
    if declared:
        declared_encoding = _canonical(declared)
        if declared_encoding is not None:
            tried.append(declared_encoding)
            try:
                text = data.decode(declared_encoding)
                if not _misdecoded(sample, text, declared_encoding, controls):
                    return Decoded(text, declared_encoding)
            except UnicodeDecodeError:
                pass
    for encoding in ("utf-8", "gb18030"):
        if encoding in tried:
            continue
        tried.append(encoding)
        whole = True
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            if not (encoding == "utf-8" and exc.reason == "unexpected end of data"):
                continue
            # A file cut off inside its last character: the rest is UTF-8 all the same.
            text = data[: exc.start].decode(encoding, errors="strict")
            whole = False
        if not _misdecoded(sample, text, encoding, controls):
            return Decoded(text, encoding, whole=whole)
    raise DecodeError(f"{what}: not text in any encoding tried ({', '.join(tried)})")
