"""govinfo's exceptions: one root, each specific error also a fitting built-in."""

from __future__ import annotations


class GovinfoError(Exception):
    """The root of every error govinfo raises on purpose."""


class InvalidValueError(GovinfoError, ValueError):
    """A value the model forbids: the message names the field, what was expected and found."""


class SchemaError(GovinfoError, ValueError):
    """A JSON document that does not follow the schema; the message names the path."""


class DecodeError(GovinfoError, ValueError):
    """Bytes that cannot be read as text."""


class ReaderNotFoundError(GovinfoError, LookupError):
    """No reader takes the input, or the reader asked for does not exist."""


class UnknownDocumentError(GovinfoError, ValueError):
    """The input was read, but it is no document of a kind govinfo knows."""


class ReporterNotFoundError(GovinfoError, LookupError):
    """The reporter asked for does not exist, or cannot render the document."""


class PluginError(GovinfoError, RuntimeError):
    """A plugin that cannot be loaded or registered (a misspelt hook, a duplicate name)."""


class InputError(GovinfoError, OSError):
    """An input that cannot be read, or an output that must not be written."""


class LimitError(GovinfoError, ValueError):
    """An input beyond one of the limits set on what is read (size, cells, nesting): the
    message names the limit and how to raise it."""


class PdfError(GovinfoError, ValueError):
    """A PDF that cannot be read: not a PDF, truncated, damaged, encrypted with a password,
    or scanned (pages of images, no text to read).  The message names the file and says which."""


class WordError(GovinfoError, ValueError):
    """A Word file that cannot be read: a Word 97-2003 ``.doc`` or WPS file, a damaged or
    password-protected ``.docx``, or another format under a Word name.  The message names
    the file and says which."""


class OcrUnavailableError(GovinfoError, ImportError):
    """Text recognition (OCR) is needed to read the input (a picture, a scanned PDF), and the
    ``ocr`` extra that provides it is not installed: the message says how to install it."""
