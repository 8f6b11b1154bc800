"""Requests read, and answers written, as botocore's model of a REST-JSON operation says: where
each input member travels (path, query or body), what AWS refuses (a missing required member,
a value out of its type, range, enum or pattern), which members an output or a list summary
holds, how its timestamps are written, how a list pages.
"""

from __future__ import annotations

import base64
import copy
import json
import re
from datetime import datetime, timezone
from http import HTTPStatus
from urllib.parse import unquote

DEFAULT_PAGE_SIZE = 10  # assumed: the model gives maxResults a range (1-100), not a default
PAGING = ("maxResults", "nextToken")
# Java's \p{C} (control and invisible characters), which Python's re does not know.
JAVA_CLASSES = {r"\p{C}": r"\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff"}


class Refused(Exception):
    """An AWS error answer: its HTTP status, its x-amzn-ErrorType and its message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def invalid(message: str) -> Refused:
    return Refused(400, "ValidationException", message)


def not_found(message: str) -> Refused:
    return Refused(404, "ResourceNotFoundException", message)


def conflict(message: str) -> Refused:
    return Refused(409, "ConflictException", message)


def status_line(code: int) -> str:
    return f"{code} {HTTPStatus(code).phrase}"


# Requests.


def path_segments(environ) -> list[str]:
    """The path's segments, each unquoted by itself: a label may hold an ARN's slashes, which
    botocore quotes (%2F) and PATH_INFO would show unquoted."""
    raw = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    if raw is None:
        return environ.get("PATH_INFO", "").strip("/").split("/")
    path = re.sub(r"^[a-z]+://[^/]*", "", raw).split("?")[0]
    return [unquote(segment) for segment in path.strip("/").split("/")]


def path_labels(operation, segments: list[str]) -> dict[str, str] | None:
    """The labels of the operation's requestUri in `segments`, or None when it is not its path."""
    template = operation.http["requestUri"].split("?")[0].strip("/").split("/")
    if len(template) != len(segments):
        return None
    labels = {}
    for part, segment in zip(template, segments):
        if part.startswith("{"):
            labels[part.strip("{}+")] = segment
        elif part != segment:
            return None
    return labels


def request_body(environ) -> dict:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    if not length:
        return {}
    try:
        body = json.loads(environ["wsgi.input"].read(length))
    except ValueError as exc:
        raise invalid(f"the request body is not JSON: {exc}") from None
    if not isinstance(body, dict):
        raise invalid("the request body is not a JSON object")
    return body


def in_body(shape) -> bool:
    return "location" not in shape.serialization


def request_params(operation, labels: dict, query: dict, body: dict) -> dict:
    """The operation's input members from the path, the query (parse_qs's) and the body,
    checked as AWS checks them: required members, each top-level member's type, length,
    range, enum and pattern."""
    params = {}
    for member, shape in operation.input_shape.members.items():
        location = shape.serialization.get("location")
        key = shape.serialization.get("name", member)
        if location == "uri":
            value = labels.get(key)
        elif location == "querystring":
            value = query_value(member, shape, query.get(key, [None])[0])
        elif location is None:
            value = body.get(member)
        else:
            continue
        if value is None:
            continue
        problem = constraint_problem(shape, value)
        if problem:
            raise invalid(
                f"1 validation error detected: Value {value!r} at '{member}' failed to "
                f"satisfy constraint: {problem}"
            )
        params[member] = value
    for member in operation.input_shape.required_members:
        if member not in params:
            raise invalid(
                f"1 validation error detected: Value null at '{member}' failed to satisfy "
                "constraint: Member must not be null"
            )
    return params


def query_value(member: str, shape, text: str | None):
    if text is None or shape.type_name == "string":
        return text
    if shape.type_name == "boolean":
        return {"true": True, "false": False}.get(text, text)
    try:
        return int(text)
    except ValueError:
        raise invalid(f"{member} must be an integer, not {text!r}") from None


def constraint_problem(shape, value) -> str | None:
    metadata, kind = shape.metadata, shape.type_name
    if kind == "string":
        if not isinstance(value, str):
            return "Member must be a string"
        if "enum" in metadata and value not in metadata["enum"]:
            return f"Member must satisfy enum value set: {metadata['enum']}"
        low, high = metadata.get("min", 0), metadata.get("max")
        if len(value) < low or (high is not None and len(value) > high):
            return f"Member must have length between {low} and {high}"
        pattern = metadata.get("pattern")
        if pattern and not model_regex(pattern).fullmatch(value):
            return f"Member must satisfy regular expression pattern: {pattern}"
    elif kind in ("integer", "long"):
        if isinstance(value, bool) or not isinstance(value, int):
            return "Member must be an integer"
        low, high = metadata.get("min"), metadata.get("max")
        if (low is not None and value < low) or (high is not None and value > high):
            return f"Member must have value between {low} and {high}"
    elif kind == "boolean" and not isinstance(value, bool):
        return "Member must be a boolean"
    elif kind in ("structure", "map") and not isinstance(value, dict):
        return f"Member must be a {kind}"
    elif kind == "list" and not isinstance(value, list):
        return "Member must be a list"
    return None


_regexes: dict[str, re.Pattern] = {}


def model_regex(pattern: str) -> re.Pattern:
    if pattern not in _regexes:
        text = pattern
        for java, python in JAVA_CLASSES.items():
            text = text.replace(java, python)
        _regexes[pattern] = re.compile(text)
    return _regexes[pattern]


def is_patch_wrapper(shape) -> bool:
    """UpdatedDescription and its kind: {"optionalValue": v} sets v, {} clears the member."""
    return shape.type_name == "structure" and list(shape.members) == ["optionalValue"]


# Answers.


def unwrapped(shape):
    """The one structure an output wraps (GetHarness answers {"harness": Harness}), or itself."""
    members = list(shape.members.values())
    if len(members) == 1 and members[0].type_name == "structure":
        return members[0]
    return shape


def answer_of(operation, item: dict) -> dict:
    """`item` as the operation's output holds it: its members only, wrapped where the output
    wraps it."""
    output = operation.output_shape
    shape = unwrapped(output)
    answer = projected(item, shape)
    return answer if shape is output else {next(iter(output.members)): answer}


def projected(item: dict, shape) -> dict:
    answer = {}
    for member, member_shape in shape.members.items():
        value = item.get(member)
        if value is None:
            continue
        if member_shape.type_name == "timestamp":
            value = timestamp(value, member_shape)
        answer[member] = copy.deepcopy(value)
    return answer


def timestamp(seconds: float, shape):
    """Epoch `seconds` as the model's timestampFormat says AWS writes them (restJson's
    default: epoch seconds)."""
    if shape.serialization.get("timestampFormat") != "iso8601":
        return seconds
    moment = datetime.fromtimestamp(seconds, timezone.utc)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def page_of(operation, items: list[dict], params: dict) -> dict:
    """One page of `items` as the list operation answers it: only those matching the query's
    other members (ListRegistries' status and authorizerType), up to maxResults, and a
    nextToken when more follow."""
    for member, shape in operation.input_shape.members.items():
        if shape.serialization.get("location") == "querystring" and member not in PAGING:
            wanted = params.get(member)
            if wanted is not None:
                items = [item for item in items if item.get(member) == wanted]
    listed, listed_shape = next(
        (name, shape)
        for name, shape in operation.output_shape.members.items()
        if shape.type_name == "list"
    )
    start = token_offset(operation.name, params["nextToken"]) if "nextToken" in params else 0
    end = start + params.get("maxResults", DEFAULT_PAGE_SIZE)
    answer = {listed: [projected(item, listed_shape.member) for item in items[start:end]]}
    if end < len(items):
        answer["nextToken"] = page_token(operation.name, end)
    return answer


def page_token(operation: str, offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps([operation, offset]).encode()).decode()


def token_offset(operation: str, token: str) -> int:
    try:
        named, offset = json.loads(base64.urlsafe_b64decode(token.encode()))
    except (ValueError, TypeError):
        raise invalid("Invalid nextToken") from None
    if named != operation or not isinstance(offset, int) or offset < 0:
        raise invalid("Invalid nextToken")
    return offset
