"""What an AWS answer must look like before anything is read from it.

The audit fails open if a malformed answer reads as an empty one: a page without its items
key is not an empty page, a detail without the item's ID is not an item without an
authorizer, and a null inside a list is not a shorter list. Everything here raises
MalformedResponse (an answer of the wrong shape, a failure of the operation like any AWS
error) or MalformedValue (one value of one row), and never guesses.
"""

from __future__ import annotations

import re
from typing import Any

MALFORMED = "MalformedResponse"
REPLACEMENT = "\ufffd"
# What PostgreSQL cannot store in text or jsonb: NUL, and UTF-16 surrogates, which JSON's
# \\ud800 escapes can produce but no UTF-8 string may hold.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


class MalformedResponse(Exception):
    """AWS answered, but not with the shape the operation promises.

    It carries a botocore-like `response`, so it is classified, ignored (MalformedResponse in
    ignore_error_codes) and kept in detail_error like any AWS error.
    """

    def __init__(self, problem: str, operation: str | None = None):
        super().__init__(problem)
        self.operation_name = operation
        self.response = {"Error": {"Code": MALFORMED, "Message": problem}}


class MalformedValue(ValueError):
    """One value of one item is not of the type its column promises. Says what, never the value."""


def items_of(answer: Any, items_key: str, operation: str | None = None) -> list:
    """The items of one page of a list call: the key must be there, and hold a list."""
    if not isinstance(answer, dict):
        raise MalformedResponse(f"the answer is {_kind(answer)}, not an object", operation)
    if items_key not in answer:
        raise MalformedResponse(f"the answer has no {items_key}", operation)
    items = answer[items_key]
    if not isinstance(items, list):
        raise MalformedResponse(f"{items_key} is {_kind(items)}, not a list", operation)
    return items


def without_metadata(answer: dict) -> dict:
    """A detail answer as the table reads it: botocore's ResponseMetadata left out."""
    answer.pop("ResponseMetadata", None)
    return answer


def member(answer: Any, key: str) -> dict:
    """The object under `key` of an answer that wraps its item (Cognito's Describe* calls)."""
    if not isinstance(answer, dict) or not isinstance(answer.get(key), dict):
        raise MalformedResponse(f"the answer has no {key} object")
    return answer[key]


def check_identity(item: Any, members: tuple[str, ...], what: str) -> None:
    """An item (listed, or a detail answer) must name itself: each member a non-empty string."""
    if not isinstance(item, dict):
        raise MalformedResponse(f"{what} is {_kind(item)}, not an object")
    for name in members:
        value = item.get(name)
        if not isinstance(value, str) or not value.strip():
            raise MalformedResponse(f"{what} has no {name}")


def check_answer(asked: dict, answer: Any, members: tuple[str, ...], what: str) -> None:
    """A detail answer must name itself, and be about the item asked for."""
    check_identity(answer, members, what)
    for name in members:
        if name in asked and answer.get(name) != asked[name]:
            raise MalformedResponse(f"{what} names another {name} than the one asked for")


def storable(value: Any) -> tuple[Any, bool]:
    """`value` with every string PostgreSQL cannot store repaired (U+FFFD), and whether any was."""
    if isinstance(value, str):
        if UNSTORABLE.search(value):
            return UNSTORABLE.sub(REPLACEMENT, value), True
        return value, False
    if isinstance(value, list):
        repaired = [storable(element) for element in value]
        return [v for v, _ in repaired], any(changed for _, changed in repaired)
    if isinstance(value, dict):
        changed = False
        clean = {}
        for key, element in value.items():
            key, key_changed = storable(key)
            clean[key], element_changed = storable(element)
            changed = changed or key_changed or element_changed
        return clean, changed
    return value, False


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "a string"}.get(type(value), "a value")
