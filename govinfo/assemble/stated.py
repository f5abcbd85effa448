"""What the narrative states about the tables, found by the phrasings the statute package
lists (:mod:`govinfo.statute.narrative`): figures, the shares printed with them, claims about
table 四's outcomes and the words that say no fee was charged, each with the clause it
stands in."""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TypeVar

from govinfo.assemble.tables.values import SURE
from govinfo.layout import TextBlock
from govinfo.model.cells import SourceRef
from govinfo.model.documents import StatedFigure
from govinfo.statute import (
    APPEAL_SUBJECTS,
    CLAIM_PATTERNS,
    CLAIMS,
    INCLUDES_CARRIED_OVER,
    NONE_STATED,
    SCOPE_WORDS,
    SHARE,
    STATED_FIGURES,
    WITH_CARRIED_OVER,
    ClaimPattern,
    FigurePattern,
    NoneStated,
    quantity,
)
from govinfo.text import MAX_NUMBER_DIGITS

#: Where sentences and clauses end, in Chinese and in English (a full stop before a space).
_SENTENCE_END = re.compile(r"[。；;！？!?]|\.(?=\s|$)")
_CLAUSE_END = re.compile(r"[。；;，,！？!?]|\.(?=\s|$)")
_COUNT = re.compile(r"\d\s*(?:件|条|起|宗|万元|元|%|％)|\d\s+[A-Za-z]")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_LAST_YEAR = re.compile(r"上一?年|去年|上年度|前一年")


_START = operator.methodcaller("start")  # (of a match)


class _Marks:
    """Where a block's sentences and clauses end, found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.size = len(text)
        self.sentences = list(map(_START, _SENTENCE_END.finditer(text)))

    @functools.cached_property
    def clauses(self) -> list[int]:
        """(Found when a figure is: most blocks state none.)"""
        return list(map(_START, _CLAUSE_END.finditer(self.text)))

    def back(self, position: int, *, clause: bool = False) -> int:
        """Where the sentence (or clause) that holds ``position`` begins."""
        ends = self.clauses if clause else self.sentences
        at = bisect.bisect_left(ends, position) - 1
        return ends[at] + 1 if at >= 0 else 0

    def forward(self, position: int, *, clause: bool = False) -> int:
        """Where the sentence (or clause) that holds ``position`` ends."""
        ends = self.clauses if clause else self.sentences
        at = bisect.bisect_left(ends, position)
        return ends[at] if at < len(ends) else self.size

    def spans(self) -> Iterator[tuple[int, int]]:
        """Each sentence, from its first character to its end."""
        start = 0
        for end in self.sentences:
            if end > start:
                yield start, end
            start = end + 1
        if start < self.size:
            yield start, self.size


def _another_year(before: str, clause: str, year: int | None) -> bool:
    """Whether the words before a figure put it in another year than the report's."""
    if _LAST_YEAR.search(clause):
        return True
    years = _YEAR.findall(before)
    return year is not None and bool(years) and int(years[-1]) != year


def _source(block: TextBlock, at: int) -> SourceRef | None:
    source = block.source
    if source is not None and source.offset is not None:
        return SourceRef(page=source.page, line=source.line, offset=source.offset + at)
    return source


def _scope(before: str) -> str | None:
    found = [(before.rfind(word), word) for word in SCOPE_WORDS if word in before]
    return max(found)[1] if found else None


#: Every word a pattern asks for: a block is searched once for each, and a pattern tried only
#: where one of its words is.
_WORDS = frozenset(
    word
    for patterns in (STATED_FIGURES, CLAIM_PATTERNS, NONE_STATED)
    for pattern in patterns
    for word in pattern.words
)


@functools.cache
def _word_scan() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """One pattern for all the words, the longest first where several start at one place,
    and the words each starts with (made when a narrative is first read)."""
    pattern = re.compile("|".join(map(re.escape, sorted(_WORDS, key=len, reverse=True))))
    return pattern, {word: frozenset(w for w in _WORDS if word.startswith(w)) for word in _WORDS}


def _present(text: str) -> frozenset[str]:
    """The words of the patterns that the text has: each place where a word starts is
    found by one scan (from the place after the last), and gives its longest word and the
    words that one starts with."""
    pattern, prefixes = _word_scan()
    found: set[str] = set()
    search = pattern.search
    match = search(text)
    while match is not None:
        found |= prefixes[match.group()]
        match = search(text, match.start() + 1)
    return frozenset(found)


_Pattern = TypeVar("_Pattern", FigurePattern, ClaimPattern, NoneStated)


def _by_word(patterns: Sequence[_Pattern]) -> dict[str, tuple[int, ...]]:
    """Where each word is asked for: the places of the patterns that have it."""
    places: dict[str, list[int]] = {}
    for place, pattern in enumerate(patterns):
        for word in pattern.words:
            places.setdefault(word, []).append(place)
    return {word: tuple(found) for word, found in places.items()}


_FIGURES_BY_WORD = _by_word(STATED_FIGURES)
_CLAIMS_BY_WORD = _by_word(CLAIM_PATTERNS)
_NONES_BY_WORD = _by_word(NONE_STATED)


def _asked(
    patterns: Sequence[_Pattern], by_word: dict[str, tuple[int, ...]], present: frozenset[str]
) -> list[_Pattern]:
    """The patterns one of whose words is present, in their order (looked up by the words
    present, not tried one by one)."""
    places = sorted({place for word in present for place in by_word.get(word, ())})
    return [patterns[place] for place in places]


def _in_context(
    text: str, lo: int, hi: int, context: tuple[str, ...], own: str | None, section: str | None
) -> bool:
    """Whether a sentence may state a figure that asks for ``context`` outside its own
    section: it is in that section, or it has one of the words."""
    if not context or (own is not None and section == own):
        return True
    sentence = text[lo:hi]
    return any(word in sentence for word in context)


def _figures(
    block: TextBlock, marks: _Marks, year: int | None, present: frozenset[str], section: str | None
) -> Iterator[tuple[int, StatedFigure]]:
    text = block.text
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, StatedFigure]] = []
    # Only the sentences with a count in them (12件, 3.5万元, 6 applications) are searched,
    # each by the patterns whose words it has: a crawl's table runs on for thousands of
    # characters without a count.
    sentences = []
    for lo, hi in marks.spans():
        if _COUNT.search(text, lo, hi):
            part = text[lo:hi]
            words = frozenset(w for w in present if w in part)
            sentences.append((lo, hi, words))
    if not sentences:
        return
    for figure in _asked(STATED_FIGURES, _FIGURES_BY_WORD, present):
        for match in (
            match
            for lo, hi, words in sentences
            if not words.isdisjoint(figure.words)
            for match in figure.pattern.finditer(text, lo, hi)
        ):
            start, end = match.span("n")
            if any(a < end and start < b for a, b in taken):
                continue
            sure = block.confidence
            if sure is not None and min(sure[start:end], default=0.0) < SURE:
                continue  # a figure recognised with doubt is not what the narrative states
            sentence = marks.back(match.start())
            clause = marks.back(match.start(), clause=True)
            before = text[sentence : match.start()]
            if _another_year(before, text[clause : match.start()], year):
                continue
            stop = marks.forward(match.end())
            if not _in_context(text, sentence, stop, figure.context, figure.section, section):
                continue
            if figure.after and not any(
                f.key in figure.after and sentence <= at < match.start() for at, f in found
            ):
                continue
            key = figure.key
            if key in WITH_CARRIED_OVER and INCLUDES_CARRIED_OVER.match(text, match.end()):
                key = WITH_CARRIED_OVER[key]
            number = match.group("n")
            if len(number) > MAX_NUMBER_DIGITS or not number.isascii():
                continue
            value: int | Decimal = Decimal(number) if "." in number else int(number)
            if key in ("proactive.fees.amount", "information_fees.collected"):
                value = Decimal(number)
            stop = match.end()
            percent = None
            described = quantity(key)
            share = SHARE.match(text, stop) if described and described.shares_of else None
            if share is not None:
                percent = Decimal(share.group("pct"))
                stop = share.end()
                if share.group("open"):
                    closing = [c for c in (text.find(m, stop) for m in "）)") if c >= 0]
                    stop = min(closing, default=stop - 1) + 1
            taken.append((start, end))
            found.append(
                (
                    match.start(),
                    StatedFigure(
                        key,
                        value,
                        text[clause : marks.forward(stop, clause=True)].strip(),
                        source=_source(block, match.start()),
                        percent=percent,
                        scope=_scope(before),
                    ),
                )
            )
    yield from found


def _subject(text: str) -> str | None:
    """What a claim is about, from the words before it: 复议, 诉讼, or both (``*``)."""
    named = [key for key, words in APPEAL_SUBJECTS if any(w in text for w in words)]
    if not named:
        return None
    return named[0] if len(named) == 1 else "*"


def _claims(
    block: TextBlock, marks: _Marks, year: int | None, present: frozenset[str], section: str | None
) -> Iterator[tuple[int, StatedFigure]]:
    text = block.text
    taken: list[tuple[int, int]] = []
    for pattern in _asked(CLAIM_PATTERNS, _CLAIMS_BY_WORD, present):
        for match in pattern.pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            sentence = marks.back(match.start())
            clause = marks.back(match.start(), clause=True)
            before = text[sentence : match.start()]
            if _another_year(before, text[clause : match.start()], year):
                continue
            end = marks.forward(match.end())
            if not _in_context(text, sentence, end, pattern.context, pattern.section, section):
                continue
            claim = CLAIMS[pattern.claim]
            stop = marks.forward(match.end(), clause=True)
            # The subject: the claim's own words for 未发生行政复议, else the sentence up to
            # the end of the claim's clause (行政复议7件，诉讼9件，均获维持).
            subject = _subject(match.group(0) if claim.key == "none" else text[sentence:stop])
            if subject is None:
                continue
            taken.append(match.span())
            yield (
                match.start(),
                StatedFigure(
                    f"appeals.{subject}.{claim.column}",
                    0,
                    text[sentence:stop].strip(),
                    source=_source(block, match.start()),
                    claim=claim.key,
                    scope=_scope(before),
                ),
            )


def _nones(
    block: TextBlock, marks: _Marks, year: int | None, present: frozenset[str]
) -> Iterator[tuple[int, StatedFigure]]:
    text = block.text
    for stated in _asked(NONE_STATED, _NONES_BY_WORD, present):
        for match in stated.pattern.finditer(text):
            sentence = marks.back(match.start())
            clause = marks.back(match.start(), clause=True)
            if _another_year(text[sentence : match.start()], text[clause : match.start()], year):
                continue
            for key in stated.keys:
                yield (
                    match.start(),
                    StatedFigure(
                        key,
                        0,
                        text[clause : marks.forward(match.end(), clause=True)].strip(),
                        source=_source(block, match.start()),
                    ),
                )


def stated_figures(
    blocks: Sequence[TextBlock],
    *,
    year: int | None = None,
    only: frozenset[str] | None = None,
    sections: Sequence[str | None] | None = None,
) -> tuple[StatedFigure, ...]:
    """What the narrative states about the tables, in the order of the text, each with its
    clause; a figure the words before it put in another year than ``year`` (2021年…, 上年…)
    is left out, and a figure stated twice alike is kept once.  With ``only``, the figures of
    those quantities alone, and no claims or words of none.  ``sections`` gives the section
    of each block (None where it is not known): a figure of table 四 needs no word of
    disclosure in its sentence in section 四."""
    out: dict[tuple[str, int | Decimal, str | None], StatedFigure] = {}
    for index, block in enumerate(blocks):
        text = block.text
        present = _present(text)
        if not present:
            continue
        section = sections[index] if sections is not None else None
        marks = _Marks(text)
        found = list(_figures(block, marks, year, present, section))
        if only is None:
            found += [
                *_claims(block, marks, year, present, section),
                *_nones(block, marks, year, present),
            ]
        else:
            found = [pair for pair in found if pair[1].key in only]
        for _, figure in sorted(found, key=lambda pair: pair[0]):
            out.setdefault((figure.key, figure.value, figure.claim), figure)
    return tuple(out.values())
