"""agentcore.resource_policies: who IAM lets in, per runtime and gateway.

A resource-based policy decides which principals may invoke a runtime or a gateway at all.
One row per resource that has a policy; a resource without one has no row.
"""

from __future__ import annotations

import json

from ..core.answers import MalformedResponse, MalformedValue
from ..core.table import (
    BOOLEAN,
    JSONB,
    TEXT,
    TEXT_ARRAY,
    Column,
    Table,
    by_keys,
    common_columns,
    detail_error,
    with_pushdown,
)
from .agent_runtimes import TABLE as AGENT_RUNTIMES
from .gateways import TABLE as GATEWAYS
from .gateways import gateway_arn

# Condition keys that narrow a statement to callers of known accounts, organisations,
# networks or sources: a principal of * under one of them is not "anyone".
NARROWING_CONDITION_KEYS = frozenset(
    key.lower()
    for key in (
        "aws:PrincipalAccount",
        "aws:PrincipalArn",
        "aws:PrincipalOrgID",
        "aws:PrincipalOrgPaths",
        "aws:SourceAccount",
        "aws:SourceArn",
        "aws:SourceOrgID",
        "aws:SourceOrgPaths",
        "aws:SourceOwner",
        "aws:SourceVpc",
        "aws:SourceVpce",
        "aws:SourceIp",
        "aws:userid",
        "aws:username",
    )
)


def resource(table_name: str, item: dict) -> dict:
    """A runtime or a gateway, as listed, named as GetResourcePolicy needs it (a gateway's
    summary has no ARN: get_policy makes it)."""
    if table_name == AGENT_RUNTIMES.name:
        return {
            "resourceType": "runtime",
            "resourceId": item["agentRuntimeId"],
            "resourceArn": item["agentRuntimeArn"],
        }
    return {"resourceType": "gateway", "resourceId": item["gatewayId"]}


def get_policy(client, item):
    arn = item.get("resourceArn") or gateway_arn(dict(item, gatewayId=item["resourceId"]))
    return dict(get_policy_by_arn(client, arn), resourceId=item["resourceId"])


def get_policy_by_arn(client, arn):
    answer = client.get_resource_policy(resourceArn=arn)
    if not isinstance(answer.get("policy"), str):
        raise MalformedResponse("the answer has no policy", "GetResourcePolicy")
    return {"resourceId": arn.rsplit("/", 1)[-1], "resourceArn": arn, "policy": answer["policy"]}


def resource_type(item) -> str | None:
    if item.get("resourceType"):
        return item["resourceType"]
    kind = item["resourceArn"].split(":", 5)[-1].split("/", 1)[0]
    return "gateway" if kind == "gateway" else "runtime"


def arn_region(arn: str) -> str:
    parts = arn.split(":")
    return parts[3] if len(parts) > 3 else ""


def policy_document(item):
    text = item.get("policy")
    if text is None:
        return None
    try:
        document = json.loads(text)
    except ValueError:
        raise MalformedValue("is not JSON") from None
    if not isinstance(document, dict):
        raise MalformedValue("is not a policy document")
    return document


def statements(document) -> list:
    found = document.get("Statement", [])
    found = [found] if isinstance(found, dict) else found
    if not isinstance(found, list) or not all(isinstance(s, dict) for s in found):
        raise MalformedValue("has a Statement that is not a list of statements")
    return found


def anyone(principal) -> bool:
    """Whether a Principal names everyone: "*", {"AWS": "*"}, or a list holding "*"."""
    if principal == "*":
        return True
    if isinstance(principal, dict):
        values = principal.get("AWS", [])
        values = [values] if isinstance(values, str) else values
        return isinstance(values, list) and "*" in values
    return False


def narrowed(condition) -> bool:
    if not isinstance(condition, dict):
        return False
    for keys in condition.values():
        if isinstance(keys, dict) and any(key.lower() in NARROWING_CONDITION_KEYS for key in keys):
            return True
    return False


def public_statements(item) -> list | None:
    """The Sids (or positions) of Allow statements open to anyone, with no narrowing condition."""
    document = policy_document(item)
    if document is None:
        return None
    return [
        str(statement.get("Sid") or f"#{index + 1}")
        for index, statement in enumerate(statements(document))
        if statement.get("Effect") == "Allow"
        and (anyone(statement.get("Principal")) or statement.get("NotPrincipal") is not None)
        and not narrowed(statement.get("Condition"))
    ]


def allows_public(item):
    found = public_statements(item)
    return None if found is None else bool(found)


TABLE = Table(
    name="resource_policies",
    description="Resource-based policies of Amazon Bedrock AgentCore runtimes and gateways: "
    "which IAM principals may invoke them. One row per resource that has a policy.",
    service="bedrock-agentcore-control",
    list_items=None,
    list_operation="ListAgentRuntimes and ListGateways",
    listed_from=(AGENT_RUNTIMES, GATEWAYS),
    from_listed=resource,
    identity=("resourceId",),
    get_detail=get_policy,
    detail_operation="GetResourcePolicy",
    detail_error_column="detail_error",
    details_decide_rows=True,
    key_column="resource_arn",
    key_item=get_policy_by_arn,
    key_item_operation="GetResourcePolicy",
    key_region=arn_region,
    key_pattern=r"arn:[a-z0-9-]+:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:(runtime|gateway)/[0-9A-Za-z_-]{1,110}",
    pushdown=with_pushdown(resource_arn=by_keys),
    rows_per_scope=5,
    columns=common_columns()
    + (
        Column("resource_arn", TEXT, "The runtime's or gateway's ARN.", "resourceArn", True),
        Column("resource_type", TEXT, "runtime or gateway.", resource_type),
        Column("policy", JSONB, "The policy document.", policy_document, True),
        Column(
            "allows_public",
            BOOLEAN,
            "Whether an Allow statement lets in any AWS principal (Principal * or "
            '{"AWS": "*"}, or a NotPrincipal) with no condition narrowing it to an account, '
            "organisation, network or source.",
            allows_public,
            True,
        ),
        Column(
            "public_statements",
            TEXT_ARRAY,
            "The Sids (or #positions) of those statements.",
            public_statements,
            True,
        ),
        detail_error(
            "the policy could not be read, or MalformedResponse when it is not a policy document."
        ),
    ),
)
