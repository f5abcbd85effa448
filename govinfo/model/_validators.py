"""attrs validators that raise :class:`InvalidValueError` naming the class and field."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection
from decimal import Decimal
from typing import Any

import attrs

from govinfo.errors import InvalidValueError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def fail(instance: object, attribute: attrs.Attribute[Any], expected: str, value: object) -> None:
    raise InvalidValueError(
        f"{type(instance).__name__}.{attribute.name}: expected {expected}, got {value!r}"
    )


def _describe(kinds: type | tuple[type, ...]) -> str:
    if isinstance(kinds, tuple):
        return " or ".join(k.__name__ for k in kinds)
    return kinds.__name__


def _allows_bool(kinds: type | tuple[type, ...]) -> bool:
    """A bool is an int to isinstance(); it passes only where bool is named."""
    return bool in (kinds if isinstance(kinds, tuple) else (kinds,))


def instance_of(kinds: type | tuple[type, ...]) -> Validator:
    allows_bool = _allows_bool(kinds)

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kinds) or (value.__class__ is bool and not allows_bool):
            fail(instance, attribute, _describe(kinds), value)

    return check


def optional(kinds: type | tuple[type, ...]) -> Validator:
    allows_bool = _allows_bool(kinds)

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and (
            not isinstance(value, kinds) or (value.__class__ is bool and not allows_bool)
        ):
            fail(instance, attribute, _describe(kinds), value)

    return check


def one_of(values: Collection[object]) -> Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value not in values:
            fail(instance, attribute, "one of " + ", ".join(map(repr, values)), value)

    return check


def optional_one_of(values: Collection[object]) -> Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and value not in values:
            fail(instance, attribute, "None or one of " + ", ".join(map(repr, values)), value)

    return check


def tuple_of(kinds: type | tuple[type, ...]) -> Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            fail(instance, attribute, f"a tuple of {_describe(kinds)}", value)
        if all(map(isinstance, value, itertools.repeat(kinds))):
            return
        for i, item in enumerate(value):
            if not isinstance(item, kinds):
                fail(instance, attribute, f"{_describe(kinds)} at [{i}]", item)

    return check


def int_at_least(minimum: int, *, allow_none: bool = False) -> Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and allow_none:
            return
        if type(value) is not int or value < minimum:
            expected = f"an int ≥ {minimum}" + (" or None" if allow_none else "")
            fail(instance, attribute, expected, value)

    return check


def signed_int(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int:
        fail(instance, attribute, "an int", value)


def amount(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        fail(instance, attribute, "a finite Decimal ≥ 0", value)


def non_empty_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        fail(instance, attribute, "a non-empty str", value)


def optional_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        non_empty_text(instance, attribute, value)


def no_digits(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or any(map(str.isdigit, value)):
        fail(instance, attribute, "a text without digits (a number is never 'not reported')", value)
