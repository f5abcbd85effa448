"""The narrative builder: items and paragraphs, nothing of the text lost or repeated."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govinfo.assemble.narrative import narrative
from govinfo.layout import TextBlock
from govinfo.model.narrative import Item, NarrativeBlock, Paragraph

_FRAGMENTS = [
    "（一）", "（二）", "（三）", "(一)", "(二)", "一是", "二是", "三是", "。", "；", ";", " ",
    "主动公开", "工作", "情况", "全年", "发布信息", "12", "件", "，", "the first is ", "first, ",
    "second, ", "(A)", "(B)", "1.", "A.", "\u3000",
]  # fmt: skip


def _characters(blocks: tuple[NarrativeBlock, ...]) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block.text)
        else:
            assert isinstance(block, Item)
            out.append(block.marker + block.heading + _characters(block.content))
    return "".join(out)


def _visible(text: str) -> str:
    return "".join(text.split())


@given(st.lists(st.lists(st.sampled_from(_FRAGMENTS), max_size=25).map("".join), max_size=6))
def test_no_character_of_the_text_is_lost_or_repeated(texts: list[str]) -> None:
    blocks = [TextBlock(t) for t in texts if t.strip()]
    assert _visible(_characters(narrative(blocks))) == _visible("".join(b.text for b in blocks))


def test_items_nest_as_the_text_numbers_them() -> None:
    blocks = narrative(
        [TextBlock("（一）主动公开情况。一是发布信息12件；二是回应关切。（二）依申请公开情况")]
    )
    first, second = blocks
    assert isinstance(first, Item)
    assert isinstance(second, Item)
    assert (first.marker, first.number, first.heading) == ("（一）", 1, "主动公开情况。")
    assert [(i.marker, i.number) for i in first.content if isinstance(i, Item)] == [
        ("一是", 1),
        ("二是", 2),
    ]
    assert (second.marker, second.heading) == ("（二）", "依申请公开情况")
