"""Copies of a report on mirror sites: converted to Traditional characters with Taiwan usage
(規範性檔案 for 规范性文件, 資訊 for 信息), or with pinyin injected after characters
(``文(wen)章(zhang)``).

The statute's labels are matched in Simplified Chinese: a Traditional text is converted for
reading by OpenCC (``tw2sp``, phrases and Taiwan vocabulary included), and the document then
gets its text back as printed: OpenCC keeps a text's length, so every piece of the
converted text stands where the printed one does.  Injected pinyin is cut out of the text and
reported as dropped, like other injected runs.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from govinfo.layout import Grid, GridCell, Layout, LayoutBlock, TextBlock, fitted
from govinfo.statute import ANNUAL_REPORT_SECTIONS, KIND_LABELS, RULE_OF_LAW_SECTIONS, TABLES

#: Pinyin a mirror injects right after a character: (wen), （zhāng）.
PINYIN = re.compile("[(（](?<=[\u4e00-\u9fff][(（])[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")


def is_traditional(texts: Iterable[str], sample: int = 4000) -> bool:
    """Whether the text is written in Traditional characters: more than one in ten of its
    Chinese characters lie outside GB 2312, the Simplified standard set (a name's rare
    character does not make a text Traditional)."""
    # The texts are searched a batch at a time (a page has hundreds of cells): a line break
    # between them is no Chinese character, so the batch gives what its texts give.
    chinese: list[str] = []
    seen = 0
    batch: list[str] = []
    for text in itertools.chain(texts, (None,)):
        if text is not None:
            batch.append(text)
            if len(batch) < _BATCH:
                continue
        found = "".join(_CJK.findall("\n".join(batch)))
        batch.clear()
        chinese.append(found)
        seen += len(found)
        if seen >= sample:
            break
    letters = "".join(chinese)[:sample]
    if not letters:
        return False
    inside = len(letters.encode("gb2312", "ignore")) // 2  # two bytes a character
    return (len(letters) - inside) * 10 > len(letters)


_CJK = re.compile("[\u4e00-\u9fff]+")
#: How many texts are searched for Chinese characters at once.
_BATCH = 64


@functools.lru_cache(maxsize=4)
def _converter(config: str) -> Callable[[str], str]:
    import opencc  # (only a mirror's copy needs it)

    convert: Callable[[str], str] = opencc.OpenCC(config).convert
    return convert


def _statute_words() -> Iterator[str]:
    for definition in TABLES.values():
        for row in definition.rows:
            yield from (row.label.zh, *row.aliases, *(g.zh for g in row.groups))
            if row.block is not None:
                yield row.block.zh
            for column in row.columns:
                yield from (column.label.zh, *(g.zh for g in column.groups))
        for note in (definition.corner, definition.stub_label, definition.columns_label):
            if note is not None:
                yield note.zh
    for section in (*ANNUAL_REPORT_SECTIONS, *RULE_OF_LAW_SECTIONS):
        yield from (section.label.zh, *section.variants)
    yield from (label.zh for label in KIND_LABELS.values())


@functools.lru_cache(maxsize=1)
def _label_forms() -> tuple[re.Pattern[str], dict[str, str]]:
    """The statute's words as mirrors print them (OpenCC's Traditional and Taiwan forms), and
    the words they stand for: converting them whole keeps Taiwan usage out of the labels
    (``tw2sp`` would make the mainland 查询 of 查詢 a 查找, and a 文件 a 文档)."""
    forms: dict[str, str] = {}
    for word in dict.fromkeys(_statute_words()):
        for config in ("s2twp", "s2tw", "s2t"):
            printed = _converter(config)(word)
            if printed != word and len(printed) == len(word):
                forms.setdefault(printed, word)
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
    return pattern, forms


def _convert(text: str) -> str:
    """Text in Traditional characters (Taiwan usage) as mainland Simplified, of the same
    length (a phrase that would change it is converted character by character instead)."""
    convert = _converter("tw2sp")
    out = convert(text)
    if len(out) == len(text):
        return out
    pieces = [convert(ch) for ch in text]
    return "".join(p if len(p) == 1 else ch for p, ch in zip(pieces, text, strict=True))


def simplified(text: str) -> str:
    """The text in Simplified characters, the statute's words as the statute writes them,
    of the same length as the text."""
    pattern, forms = _label_forms()
    out: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        out.append(_convert(text[position : match.start()]))
        out.append(forms[match.group()])
        position = match.end()
    out.append(_convert(text[position:]))
    return "".join(out)


@attrs.frozen
class Printed:
    """The text of a converted layout as printed: finds where a piece of converted text
    stands and gives the printed piece there."""

    converted: str
    printed: str

    def __call__(self, text: str) -> str:
        if not text:
            return text
        at = self.converted.find(text)
        return self.printed[at : at + len(text)] if at >= 0 else text


def unmirror(layout: Layout) -> tuple[Layout, Printed | None]:
    """The layout in Simplified characters for reading, and how to get the printed text back
    (None when the layout is not Traditional)."""
    texts = [t for block in layout.blocks for t in _texts(block)]
    if not is_traditional(texts):
        return layout, None
    blocks: list[LayoutBlock] = []
    for block in layout.blocks:
        if isinstance(block, TextBlock):
            text = simplified(block.text)
            blocks.append(
                block._replace(text=text, confidence=fitted(block.confidence, block.text, text))
            )
        elif isinstance(block, Grid):
            rows = tuple(
                tuple(
                    cell._replace(
                        text=(text := simplified(cell.text)),
                        confidence=fitted(cell.confidence, cell.text, text),
                    )
                    for cell in row
                )
                for row in block.rows
            )
            blocks.append(block._replace(rows=rows))
        else:
            blocks.append(block)
    header = tuple((k, simplified(v)) for k, v in layout.header)
    converted = [t for block in blocks for t in _texts(block)]
    printed = Printed(
        "\n".join([*converted, *(v for _, v in header)]),
        "\n".join([*texts, *(v for _, v in layout.header)]),
    )
    return attrs.evolve(layout, blocks=tuple(blocks), header=header), printed


def _texts(block: LayoutBlock) -> list[str]:
    if isinstance(block, TextBlock):
        return [block.text]
    if isinstance(block, Grid):
        return [cell.text for row in block.rows for cell in row]
    return []


def restore(value: Any, printed: Printed) -> Any:
    """The document (or any part of it) with its text as printed: every string field of the
    model that holds text from the source (narrative, headings, titles, raw cell text,
    evidence) given back in the printed characters."""
    if isinstance(value, str):
        return printed(value)
    if isinstance(value, tuple):
        return tuple(restore(v, printed) for v in value)
    if isinstance(value, GridCell):
        return value
    if attrs.has(type(value)):
        changes = {}
        for field in attrs.fields(type(value)):
            if not field.init or field.name in _NOT_TEXT:
                continue
            current = getattr(value, field.name)
            if isinstance(current, (str, tuple)) or attrs.has(type(current)):
                restored = restore(current, printed)
                if restored is not current and restored != current:
                    changes[field.name.lstrip("_")] = restored
        return attrs.evolve(value, **changes) if changes else value
    return value


#: Fields that hold govinfo's own words or keys, never the source's text.
_NOT_TEXT = frozenset(
    {
        "key", "keys", "kind", "reason", "message", "marker", "language", "format_version",
        "location", "reader", "encoding", "unit", "decided_by", "version", "recognised_by",
        "prefix",
    }
)  # fmt: skip
