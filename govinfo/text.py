"""Text: the folding used to match labels, Chinese numerals, and the language of a text.

Folding makes text comparable (full-width and ASCII forms, spaces inside labels, 其它/其他)
without touching the text kept as evidence.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import Literal

# --------------------------------------------------------------------------- patterns


@functools.cache
def compiled(regex: str, flags: int = 0) -> re.Pattern[str]:
    """A regular expression compiled once, when it is first used.

    For patterns kept as data (the phrasings of :mod:`govinfo.statute.narrative`): a report
    tries the few whose words it has, and the others cost nothing.
    """
    return re.compile(regex, flags)


# --------------------------------------------------------------------------- folding

_QUOTES = "\"'“”‘’「」『』"
_DROP = set(_QUOTES) | {"\u200b", "\ufeff", "\u00ad"}
_VARIANTS = {"它": "他", ",": "、"}  # 其它 / 其他 (它 is in no statutory label); ， and 、


@functools.lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character folded for matching: NFKC, lower case; '' for what matching ignores."""
    if ch.isspace() or ch in _DROP:
        return ""
    folded = unicodedata.normalize("NFKC", ch).lower()
    return "".join(_VARIANTS.get(c, c) for c in folded)


# Characters folding leaves as they are: ASCII digits, lower-case letters and the marks of
# labels' numbering, and the CJK ideographs but 它 (U+5B83).  Checked with one regex, text
# made only of them needs no folding (most of a report's table cells).
_UNCHANGED = re.compile("[0-9a-z().、/\\-\u4e00-\u5b82\u5b84-\u9fff]*")


def fold(text: str) -> str:
    """Text folded for matching labels: full-width forms and spaces do not count."""
    if _UNCHANGED.fullmatch(text):
        return text
    return "".join(map(fold_char, text))


def fold_with_map(text: str) -> tuple[str, tuple[int, ...]]:
    """The folded text and, for each of its characters, the index it came from in ``text``."""
    out: list[str] = []
    where: list[int] = []
    for i, folded in enumerate(map(fold_char, text)):
        if folded:
            out.append(folded)
            if len(folded) == 1:
                where.append(i)
            else:
                where.extend([i] * len(folded))
    return "".join(out), tuple(where)


# Table cells and labels are the same in every report: their folds are remembered (both
# functions are pure; the caches are bounded by count).
fold_cell = functools.lru_cache(maxsize=16384)(fold)
fold_cell_with_map = functools.lru_cache(maxsize=4096)(fold_with_map)


def normalize_digits(text: str) -> str:
    """Full-width digits and signs as ASCII, for reading numbers (evidence keeps the original)."""
    return unicodedata.normalize("NFKC", text)


# --------------------------------------------------------------------------- numerals, language

_CHINESE_DIGITS = {n: i for i, n in enumerate("零一二三四五六七八九")}

#: English numbers and ordinals as machine translations number headings and items.
ENGLISH_NUMBERS = {
    "first": 1, "one": 1, "second": 2, "two": 2, "third": 3, "three": 3,
    "fourth": 4, "four": 4, "fifth": 5, "five": 5, "sixth": 6, "six": 6,
}  # fmt: skip


def chinese_number(token: str) -> int | None:
    """The value of a Chinese numeral up to 九十九 (三, 十二, 二十三); None if not one."""
    token = token.strip()
    if not token or any(ch not in _CHINESE_DIGITS and ch != "十" for ch in token):
        return None
    if "十" not in token:
        return _CHINESE_DIGITS[token] if len(token) == 1 else None
    tens, _, ones = token.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[ones] if ones else 0)


_CJK = re.compile("[\u4e00-\u9fff]+")
_NOT_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())


def language_of(texts: Iterable[str], limit: int = 5000) -> Literal["zh", "en"]:
    """zh unless Latin letters outnumber Chinese characters four to one."""
    sample = "".join(texts)[:limit]
    # Latin letters counted on the sample's ASCII, then Chinese characters only until
    # there are enough of them (a Chinese report has a few Latin letters, at most).
    latin = len(sample.encode("ascii", "ignore").translate(None, _NOT_LETTERS))
    needed = (latin + 3) // 4  # Chinese characters ≥ latin / 4
    chinese = 0
    for run in _CJK.finditer(sample):
        if chinese >= needed:
            break
        chinese += run.end() - run.start()
    return "zh" if chinese >= needed else "en"


#: The most digits a number read from a document may have: a count, a year or a document
#: number that long is none (and Python refuses to convert 4,301 digits or more).
MAX_NUMBER_DIGITS = 18

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def small_int(text: str, most: int = MAX_NUMBER_DIGITS) -> int | None:
    """The number ASCII or full-width digits write, or None: other characters (², ⑤, 𝟓,
    Arabic-Indic digits), or more than ``most`` digits."""
    digits = text.strip().translate(_FULL_WIDTH_DIGITS)
    if not digits or len(digits) > most or not digits.isascii() or not digits.isdigit():
        return None
    return int(digits)


def safe_date(year: str | int, month: str | int, day: str | int) -> dt.date | None:
    """The date, or None for one that does not exist (2022-02-30, month 13, year 0)."""
    parts = [p if isinstance(p, int) else small_int(p, 4) for p in (year, month, day)]
    if any(p is None for p in parts):
        return None
    try:
        return dt.date(*parts)  # type: ignore[arg-type]
    except ValueError:
        return None
