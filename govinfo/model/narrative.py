"""Narrative text: paragraphs and numbered items, in the order the document gives them."""

from __future__ import annotations

from typing import Any, TypeAlias, Union

import attrs

from govinfo.model import _validators as v
from govinfo.model.cells import SourceRef


@attrs.frozen
class Paragraph:
    """A paragraph as printed."""

    text: str = attrs.field(validator=v.instance_of(str))
    source: SourceRef | None = attrs.field(
        default=None, validator=v.optional(SourceRef), kw_only=True
    )


def _check_blocks(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    # Items nest, so the check names Item only when it runs.
    v.tuple_of((Paragraph, Item))(instance, attribute, value)


@attrs.frozen
class Item:
    """A numbered item: （一）…, 一是…, 1. …, (A) … with the text that belongs to it.

    ``marker`` is the numbering as printed, ``number`` its value (（三） and 三是 are 3),
    ``heading`` the text on the marker's own line or its lead sentence, ``content`` what
    follows it up to the next item of the same level.
    """

    marker: str = attrs.field(validator=v.instance_of(str))
    number: int = attrs.field(validator=v.int_at_least(1))
    heading: str = attrs.field(validator=v.instance_of(str))
    content: tuple[NarrativeBlock, ...] = attrs.field(default=(), validator=_check_blocks)
    source: SourceRef | None = attrs.field(
        default=None, validator=v.optional(SourceRef), kw_only=True
    )


NarrativeBlock: TypeAlias = Union[Paragraph, Item]  # noqa: UP007 (a runtime alias cattrs dispatches on)
check_blocks = _check_blocks


def plain_text(blocks: tuple[NarrativeBlock, ...]) -> str:
    """The blocks' text, one paragraph a line, items with their markers."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
        else:
            lines.append(f"{block.marker}{block.heading}")
            if block.content:
                lines.append(plain_text(block.content))
    return "\n".join(lines)
