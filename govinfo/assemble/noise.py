"""Text that is not the document: site chrome around it and spam injected into it.

The patterns are data: a line matching :data:`CHROME` is kept out of the document whole; a
run matching :data:`SPAM` is cut out of the sentence it was injected into.  Both are reported
as dropped text, never silently lost.  Each pattern is compiled when a text first needs it
(most documents have no spam).
"""

from __future__ import annotations

import itertools
import operator
import re

from govinfo.assemble.mirror import PINYIN
from govinfo.layout import Grid, Layout, LayoutBlock, TextBlock, fitted
from govinfo.model.documents import DroppedText
from govinfo.text import compiled

#: Whole lines (or blocks) that belong to the page, not the document: (pattern, why, and the
#: words one of which a line must have for the pattern to be tried: none for patterns anchored
#: at the start, which are quick to try anyway).  Patterns are matched ignoring case.
CHROME: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (r"^(网站)?首页$|^当前位置|^您的位置|^返回(首页|顶部)?$", "site navigation", ()),
    (r"^【?(打印|关闭)(本页|窗口)?】?$|^字号[:：]?|^分享到|^扫一扫", "page tools", ()),
    (
        r"ICP\s*备|公网安备|网站标识码|版权所有|copyright\s*©|^©",
        "site footer",
        ("备", "码", "版权", "©"),
    ),
    (r"^(扩展阅读|相关(新闻|链接|阅读|文件)|附件下载)[:：]?", "links to other pages", ()),
    (r"^正文$|^(上一篇|下一篇)[:：]", "page layout", ()),
    (
        r"^(news updates|news center|related news|there is currently no data)",
        "site navigation",
        (),
    ),
    (
        r"^(telephone|head office|subsidiary company|service number|subscription number)\b",
        "site footer",
        (),
    ),
    (r"^(more .* information and services|follow the official)", "site footer", ()),
    (r"^release time[:：]?$", "page layout", ()),
    (r"^[^。；;\d]{4,40}[!！]$", "a slogan of the hosting site", ("!", "！")),
)

#: Runs injected into sentences by mirror sites (gambling brands and the like), with the
#: words one of which a text must have for the pattern to be tried (ignoring case, as CHROME).
SPAM: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"[A-Za-z0-9]{1,4}星体育(登录|官网|平台|app|下载)?", ("星体育",)),
    (
        r"(体育|娱乐|棋牌|彩票|真人|电竞)(登录|官网|平台|app|下载|注册)(入口)?",
        ("体育", "娱乐", "棋牌", "彩票", "真人", "电竞"),
    ),
    (
        r"(开云|乐鱼|米乐|必威|博彩|百家乐)[\u4e00-\u9fa5A-Za-z]{0,4}(登录|官网|平台|app|入口)",
        ("开云", "乐鱼", "米乐", "必威", "博彩", "百家乐"),
    ),
)


# One quick test for all: the patterns anchored at the start in one alternation (tried at
# the start only), and the other patterns' words in another (literals: scanned for).  Only
# text that passes (page chrome and spam, rare) is tried pattern by pattern.
_ANCHORED = re.compile("|".join(f"(?:{p})" for p, _, words in CHROME if not words), re.I)
_CHROME_WORDS = re.compile("|".join(re.escape(w) for _, _, words in CHROME for w in words), re.I)
_SPAM_WORDS = re.compile("|".join(re.escape(w) for _, words in SPAM for w in words), re.I)


def chrome_reason(text: str) -> str | None:
    """Why a line is page chrome, or None if it is not."""
    stripped = text.strip()
    if stripped and (_ANCHORED.search(stripped) or _CHROME_WORDS.search(stripped)):
        for pattern, reason, _ in CHROME:
            if compiled(pattern, re.I).search(stripped):
                return reason
    return None


def strip_spam(text: str) -> tuple[str, tuple[str, ...]]:
    """The text with injected runs cut out, and the runs."""
    if not _SPAM_WORDS.search(text):
        return text, ()
    found: list[str] = []
    for regex, _ in SPAM:
        pattern = compiled(regex, re.I)
        found.extend(m.group(0) for m in pattern.finditer(text))
        text = pattern.sub("", text)
    return text, tuple(found)


def clean(layout: Layout) -> tuple[list[LayoutBlock], list[DroppedText]]:
    """The layout's blocks without page chrome and injected spam, and everything dropped (what
    the reader left out first)."""
    dropped = [DroppedText(d.text, d.reason, source=d.source) for d in layout.dropped]
    kept: list[LayoutBlock] = []
    for block in layout.blocks:
        if isinstance(block, TextBlock):
            reason = chrome_reason(block.text) if len(block.text) <= 200 else None
            if reason is not None:
                dropped.append(DroppedText(block.text, reason, source=block.source))
                continue
            text, spam = strip_spam(block.text)
            for run in spam:
                dropped.append(DroppedText(run, "spam injected into the text", source=block.source))
            if "(" in text or "（" in text:
                pinyin = PINYIN.findall(text)
                if pinyin:
                    text = PINYIN.sub("", text)
                    spam = (*spam, *pinyin)
                    dropped.append(
                        DroppedText(
                            " ".join(pinyin),
                            "pinyin injected after characters",
                            source=block.source,
                        )
                    )
            if not text.strip():
                continue
            if spam:
                block = block._replace(
                    text=text, confidence=fitted(block.confidence, block.text, text)
                )
        elif isinstance(block, Grid) and PINYIN.search(
            # (All the cells at once: pinyin never runs from one cell into the next.)
            "\n".join(map(_TEXT, itertools.chain.from_iterable(block.rows)))
        ):
            block = _unpinyin_grid(block, dropped)
        kept.append(block)
    return kept, dropped


_TEXT = operator.attrgetter("text")  # (of a GridCell)


def _unpinyin_grid(grid: Grid, dropped: list[DroppedText]) -> Grid:
    """The grid's cells without the pinyin a mirror injected into them (reported dropped)."""
    rows = []
    for row in grid.rows:
        cells = []
        for cell in row:
            pinyin = PINYIN.findall(cell.text)
            if pinyin:
                dropped.append(
                    DroppedText(
                        " ".join(pinyin), "pinyin injected after characters", source=cell.source
                    )
                )
                text = PINYIN.sub("", cell.text)
                cell = cell._replace(text=text, confidence=fitted(cell.confidence, cell.text, text))
            cells.append(cell)
        rows.append(tuple(cells))
    return grid._replace(rows=tuple(rows))
