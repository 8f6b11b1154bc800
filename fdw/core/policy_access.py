"""Whether a resource-based policy lets principals in that no account or organisation bounds.

One place for the judgement, with IAM's semantics for the condition operators on the keys
that narrow a principal. A statement that allows any principal (`*`, `{"AWS": "*"}` or a
NotPrincipal) is public unless
  - a condition of its own narrows it: a positive operator (StringEquals, ArnLike, IpAddress
    ...) without IfExists, on a key below, whose every value names an account, organisation,
    network or source (a wildcard-only value, `arn:aws:iam::*:*` or 0.0.0.0/0 names none);
    the blocks of a Condition all have to hold, so one narrowing block is enough; or
  - a Deny statement for any principal, over all of its actions and resources, applies to
    everyone outside the same bound (the documented org-only pattern: Allow `*`, Deny with
    StringNotEquals aws:PrincipalOrgID).
Negated operators, Null, Bool, IfExists, ForAllValues (true when the key is missing) and keys
not below never narrow an Allow. What this cannot decide (an operator IAM does not have, a
principal with a partial wildcard) is undecided, which the views report as error, never ok.
See the IAM User Guide, "IAM JSON policy elements: Condition operators".
"""

from __future__ import annotations

import fnmatch
import ipaddress
import re
from dataclasses import dataclass, field

from .answers import MalformedValue

ACCOUNT = re.compile(r"^[0-9]{12}$")
ORGANIZATION = re.compile(r"^o-[a-z0-9]{10,32}$")


def _arn_account(value: str) -> bool:
    parts = value.split(":")
    return len(parts) >= 6 and parts[0] == "arn" and bool(ACCOUNT.match(parts[4]))


def _org_path(value: str) -> bool:
    return bool(ORGANIZATION.match(value.split("/", 1)[0]))


def _network(prefix: str):
    def named(value: str) -> bool:
        return bool(re.match(rf"^{prefix}-[0-9a-f]{{8,17}}$", value))

    return named


def _bounded_range(value: str) -> bool:
    try:
        network = ipaddress.ip_network(value, strict=False)
    except ValueError:
        return False
    return network.prefixlen >= (8 if network.version == 4 else 32)


# Key (lower case) -> whether one value of it names a bound. A value with a wildcard in the
# part that names the account or organisation names nothing.
NARROWING_KEYS = {
    "aws:principalaccount": ACCOUNT.match,
    "aws:sourceaccount": ACCOUNT.match,
    "aws:sourceowner": ACCOUNT.match,
    "aws:principalorgid": ORGANIZATION.match,
    "aws:sourceorgid": ORGANIZATION.match,
    "aws:principalorgpaths": _org_path,
    "aws:sourceorgpaths": _org_path,
    "aws:principalarn": _arn_account,
    "aws:sourcearn": _arn_account,
    "aws:sourcevpc": _network("vpc"),
    "aws:sourcevpce": _network("vpce"),
    "aws:sourceip": _bounded_range,
}

# IAM's condition operators, by what a match means.
POSITIVE = {
    "stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike", "ipaddress"
}  # fmt: skip
NEGATED = {
    "stringnotequals", "stringnotequalsignorecase", "stringnotlike", "arnnotequals",
    "arnnotlike", "notipaddress",
}  # fmt: skip
OTHER = {
    "numericequals", "numericnotequals", "numericlessthan", "numericlessthanequals",
    "numericgreaterthan", "numericgreaterthanequals", "dateequals", "datenotequals",
    "datelessthan", "datelessthanequals", "dategreaterthan", "dategreaterthanequals", "bool",
    "binaryequals", "null",
}  # fmt: skip
SET_PREFIXES = ("foranyvalue:", "forallvalues:")


@dataclass
class Verdict:
    """What a policy lets in: the Sids (or #positions) of statements open to principals no
    account or organisation bounds, and those it could not judge, each with why."""

    public: list[str] = field(default_factory=list)
    undecided: list[str] = field(default_factory=list)

    @property
    def allows_public(self) -> bool | None:
        if self.public:
            return True
        return None if self.undecided else False


@dataclass(frozen=True)
class _Operator:
    family: str  # positive, negated or other
    if_exists: bool
    set_prefix: str


def _operator(name: str) -> _Operator:
    lowered = name.lower()
    prefix = next((p for p in SET_PREFIXES if lowered.startswith(p)), "")
    base = lowered[len(prefix) :]
    if_exists = base.endswith("ifexists") and base != "ifexists"
    base = base[: -len("ifexists")] if if_exists else base
    if base in POSITIVE:
        return _Operator("positive", if_exists, prefix)
    if base in NEGATED:
        return _Operator("negated", if_exists, prefix)
    if base in OTHER:
        return _Operator("other", if_exists, prefix)
    raise _Undecided(f"condition operator {name} is not one IAM has")


class _Undecided(Exception):
    pass


def _values(value) -> list[str]:
    values = [value] if isinstance(value, (str, bool, int, float)) else value
    if not isinstance(values, list) or not all(
        isinstance(v, (str, bool, int, float)) for v in values
    ):
        raise MalformedValue("has a condition value that is neither a string nor a list of them")
    return [str(v) for v in values]


def _blocks(condition) -> list[tuple[_Operator, str, list[str]]]:
    """A Condition as (operator, lower-case key, values), every block of it."""
    if condition is None:
        return []
    if not isinstance(condition, dict):
        raise MalformedValue("has a Condition that is not an object")
    found = []
    for name, keys in condition.items():
        if not isinstance(keys, dict):
            raise MalformedValue(f"has a condition {name} that is not an object")
        operator = _operator(str(name))
        for key, value in keys.items():
            found.append((operator, str(key).lower(), _values(value)))
    return found


def _bounds(key: str, values: list[str]) -> bool:
    names = NARROWING_KEYS.get(key)
    return names is not None and bool(values) and all(names(v) for v in values)


def _allow_is_narrowed(blocks) -> bool:
    return any(
        op.family == "positive" and not op.if_exists and op.set_prefix != "forallvalues:"
        and _bounds(key, values)
        for op, key, values in blocks
    )  # fmt: skip


def _deny_bounds_everyone_else(blocks) -> bool:
    """A Deny whose only condition is a negated operator on a bounding key: it applies to
    every caller outside the bound (with the key missing too: a negated operator then holds,
    and IfExists makes it hold as well)."""
    if len(blocks) != 1:
        return False
    op, key, values = blocks[0]
    return op.family == "negated" and not op.set_prefix and _bounds(key, values)


def _list(value) -> list[str]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise MalformedValue("has an Action or Resource that is not a string or a list of them")
    return values


def _anyone(statement: dict) -> bool:
    """Whether a statement is for any principal: `*`, {"AWS": "*"}, or a NotPrincipal."""
    if statement.get("NotPrincipal") is not None:
        return True
    principal = statement.get("Principal")
    if principal == "*":
        return True
    if isinstance(principal, dict):
        aws = principal.get("AWS", [])
        aws = [aws] if isinstance(aws, str) else aws
        if not isinstance(aws, list):
            raise MalformedValue("has a Principal whose AWS member is not a list")
        if "*" in aws:
            return True
        partial = [p for p in aws if isinstance(p, str) and ("*" in p or "?" in p)]
        if partial:
            raise _Undecided(f"principal {partial[0]} has a wildcard IAM does not allow there")
        return False
    if isinstance(principal, str):
        raise _Undecided(f"principal {principal} is neither * nor an object")
    return False


def _covers(patterns: list[str], values: list[str]) -> bool:
    """Whether every value (an action or a resource, perhaps with wildcards) is matched by a
    pattern: a wildcard value only by the same or by `*`."""

    def one(value: str) -> bool:
        for pattern in patterns:
            if pattern == "*" or pattern.lower() == value.lower():
                return True
            if (
                "*" not in value
                and "?" not in value
                and fnmatch.fnmatchcase(value.lower(), pattern.lower())
            ):
                return True
        return False

    return all(one(value) for value in values)


def _denies_all_of(deny: dict, allow: dict) -> bool:
    if "NotAction" in deny or "NotResource" in deny or not _anyone(deny):
        return False
    if "NotAction" in allow or "NotResource" in allow:
        return _list(deny.get("Action", [])) == ["*"] and _list(deny.get("Resource", "*")) == ["*"]
    return _covers(_list(deny.get("Action", [])), _list(allow.get("Action", []))) and _covers(
        _list(deny.get("Resource", "*")), _list(allow.get("Resource", "*"))
    )


def _excludes(deny: dict, allow: dict) -> bool:
    try:
        return _denies_all_of(deny, allow)
    except _Undecided:
        return False


def judge(document: dict) -> Verdict:
    """The verdict on one policy document (a parsed JSON object)."""
    found = document.get("Statement", [])
    found = [found] if isinstance(found, dict) else found
    if not isinstance(found, list) or not all(isinstance(s, dict) for s in found):
        raise MalformedValue("has a Statement that is not a list of statements")
    verdict = Verdict()
    named = [(str(s.get("Sid") or f"#{i + 1}"), s) for i, s in enumerate(found)]
    denies = []
    for _, statement in named:
        if statement.get("Effect") == "Deny":
            try:
                if _deny_bounds_everyone_else(_blocks(statement.get("Condition"))):
                    denies.append(statement)
            except _Undecided:
                pass  # a Deny it cannot read is not credited: the Allows stand as they are
    for sid, statement in named:
        if statement.get("Effect") != "Allow":
            if statement.get("Effect") != "Deny":
                verdict.undecided.append(f"{sid}: Effect {statement.get('Effect')!r}")
            continue
        try:
            if not _anyone(statement) or _allow_is_narrowed(_blocks(statement.get("Condition"))):
                continue
        except _Undecided as why:
            verdict.undecided.append(f"{sid}: {why}")
            continue
        if not any(_excludes(deny, statement) for deny in denies):
            verdict.public.append(sid)
    return verdict
