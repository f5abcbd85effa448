"""Characters placed on a page, and the lines of text they make.

Coordinates are PDF points with y growing down the page (the top is 0).
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

#: A paragraph's (or a cell's) last line ends with one of these.
TERMINAL = "。！？!?…"
NUMBER = re.compile(r"^[-+−]?[\d,，]*\d(\.\d+)?%?$")


@dataclass(slots=True)
class Char:
    """One printed character: its box (the advance horizontally, the glyph vertically) and
    the line of its page it stands on (1-based, counted over all the page's text); for a
    character recognised off a picture, how sure the recogniser is of it (0–1)."""

    ch: str
    x0: float
    x1: float
    top: float
    bottom: float
    line: int = 0
    confidence: float | None = None

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Line:
    """Characters side by side, left to right, and what is known of them as a whole."""

    chars: list[Char]
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    #: The font size, estimated.
    em: float = 0.0
    #: Whether ``em`` was measured on ideographs, not guessed from glyph heights.
    em_exact: bool = False
    text: str = ""

    def finish(self) -> Line:
        self.chars.sort(key=lambda c: c.x0)
        chars = self.chars
        self.x0 = min(c.x0 for c in chars)
        self.x1 = max(c.x1 for c in chars)
        self.top = min(c.top for c in chars)
        self.bottom = max(c.bottom for c in chars)
        # A CJK glyph's advance is about 1 em; a line without one has only its tallest glyph
        # (a digit or a capital is about 0.72 em).
        wide = [c.x1 - c.x0 for c in chars if is_ideograph(c.ch)]
        self.em_exact = bool(wide)
        if wide:
            self.em = max(statistics.median(wide), 1.0)
        else:
            self.em = max(max(c.bottom - c.top for c in chars) / 0.72, 1.0)
        self.text = chars_text(chars, self.em)
        return self

    @property
    def number(self) -> int:
        """The line of the page the first character stands on."""
        return min(c.line for c in self.chars)


def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF" or ch in "“”‘’—…·"


def is_ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def chars_text(chars: Sequence[Char], em: float) -> str:
    """The characters of one line, left to right.  A space only where a gap parts two
    characters that are not CJK (Latin words, numbers): Chinese text has no spaces, and the
    gaps of justified or letter-spaced Chinese are not spaces."""
    out: list[str] = []
    previous: Char | None = None
    for c in chars:
        if (
            previous is not None
            and c.x0 - previous.x1 > 0.2 * em
            and not is_wide(previous.ch)
            and not is_wide(c.ch)
        ):
            out.append(" ")
        out.append(c.ch)
        previous = c
    return "".join(out)


def join(a: str, b: str) -> str:
    """The wrapped lines of one paragraph or cell joined: no space, except between two Latin
    letters (an English word boundary)."""
    if a and b and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return a + " " + b
    return a + b


def group_lines(chars: Sequence[Char]) -> list[Line]:
    """Characters into lines, top to bottom: a character joins the line whose band covers
    most of its own height.  Punctuation, dashes and 一 have small boxes anywhere inside the
    line's band, so only full-height glyphs widen the band."""
    lines: list[Line] = []
    open_: list[tuple[float, float, Line]] = []  # (top, bottom, line) of the latest lines
    for c in sorted(chars, key=lambda c: (c.top, c.x0)):
        height = max(c.bottom - c.top, 0.5)
        best = None
        for i in range(len(open_) - 1, max(-1, len(open_) - 4), -1):
            top, bottom, _ = open_[i]
            overlap = min(bottom, c.bottom) - max(top, c.top)
            if overlap > 0 and overlap >= 0.5 * min(height, bottom - top):
                best = i
                break
        if best is None:
            line = Line([c])
            lines.append(line)
            open_.append((c.top, c.bottom, line))
        else:
            top, bottom, line = open_[best]
            line.chars.append(c)
            if height > 0.6 * (bottom - top):
                open_[best] = (min(top, c.top), max(bottom, c.bottom), line)
    lines.sort(key=lambda line: (min(c.top for c in line.chars), line.chars[0].x0))
    return [line.finish() for line in lines]


def number_lines(chars: Sequence[Char]) -> None:
    """Give every character the number of the page's line it stands on (1-based)."""
    for number, line in enumerate(group_lines(chars), 1):
        for c in line.chars:
            c.line = number


def segments(line: Line) -> list[list[Char]]:
    """A line cut at gaps wide enough to be column gutters (not justified CJK spacing)."""
    out: list[list[Char]] = [[line.chars[0]]]
    for c in line.chars[1:]:
        if c.x0 - out[-1][-1].x1 > max(1.5 * line.em, 6.0):
            out.append([c])
        else:
            out[-1].append(c)
    return out


def cluster(values: Sequence[float], tolerance: float) -> list[float]:
    """Values closer than ``tolerance`` to their neighbour taken as one, their mean."""
    groups: list[list[float]] = []
    for value in sorted(values):
        if groups and value - groups[-1][-1] <= tolerance:
            groups[-1].append(value)
        else:
            groups.append([value])
    return [sum(g) / len(g) for g in groups]


def squeeze(text: str) -> str:
    """NFKC, without whitespace: what two texts are compared as."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def is_number(text: str) -> bool:
    return NUMBER.match(squeeze(text)) is not None


def confidences(text: str, chars: Sequence[Char]) -> tuple[float, ...] | None:
    """How sure the recogniser is of each character of ``text``, made of ``chars`` in order
    (with spaces between some): None for printed characters, 1 for the spaces."""
    if not chars or chars[0].confidence is None:
        return None
    out: list[float] = []
    pending = iter(chars)
    for ch in text:
        if ch.isspace():
            out.append(1.0)
            continue
        c = next(pending, None)
        out.append(c.confidence if c is not None and c.confidence is not None else 0.0)
    return tuple(out)


def extent(chars: Sequence[Char]) -> tuple[float, float, float, float]:
    """The box around the characters: left, top, right, bottom."""
    return (
        min(c.x0 for c in chars),
        min(c.top for c in chars),
        max(c.x1 for c in chars),
        max(c.bottom for c in chars),
    )


def lines_text(lines: Sequence[Line]) -> str:
    text = ""
    for line in lines:
        text = join(text, line.text)
    return text
