"""agentcore.resource_policies: who IAM lets in, per runtime, runtime endpoint, gateway and
memory: the kinds AWS lets carry a resource-based policy
(https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/resource-based-policies.html).

A resource-based policy decides which principals may invoke a runtime, an endpoint or a
gateway, or use a memory, at all. One row per resource that has a policy; a resource without
one has no row.
"""

from __future__ import annotations

import json

from ..core.answers import MalformedResponse, MalformedValue
from ..core.policy_access import Verdict, judge
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
from .agent_runtime_endpoints import TABLE as AGENT_RUNTIME_ENDPOINTS
from .agent_runtimes import TABLE as AGENT_RUNTIMES
from .gateways import TABLE as GATEWAYS
from .gateways import gateway_arn
from .memories import TABLE as MEMORIES

ENDPOINT = "runtime-endpoint"
# What each kind's ARN names before its ID (an endpoint's: runtime/<id>/runtime-endpoint/<name>).
ARN_KINDS = {"runtime": "runtime", "gateway": "gateway", "memory": "memory"}


def resource(table_name: str, item: dict) -> dict:
    """A listed resource, named as GetResourcePolicy needs it (a gateway's summary has no
    ARN: resource_arn makes it)."""
    if table_name == AGENT_RUNTIMES.name:
        return {
            "resourceType": "runtime",
            "resourceId": item["agentRuntimeId"],
            "resourceArn": item["agentRuntimeArn"],
        }
    if table_name == AGENT_RUNTIME_ENDPOINTS.name:
        return {
            "resourceType": ENDPOINT,
            "resourceId": endpoint_id(item["_parent"]["agentRuntimeId"], item["name"]),
            "resourceArn": item["agentRuntimeEndpointArn"],
        }
    if table_name == MEMORIES.name:
        return {"resourceType": "memory", "resourceId": item["id"], "resourceArn": item["arn"]}
    return {"resourceType": "gateway", "resourceId": item["gatewayId"]}


def endpoint_id(runtime_id: str, name: str) -> str:
    return f"{runtime_id}/{ENDPOINT}/{name}"


def arn_id(arn: str) -> str:
    """What follows the kind in an ARN: a runtime's, gateway's or memory's ID; for an endpoint
    <runtime ID>/runtime-endpoint/<name>."""
    return arn.split(":", 5)[-1].split("/", 1)[-1]


def resource_arn(item) -> str:
    """The ARN GetResourcePolicy is asked about: as listed; a gateway's made from its account,
    region and ID, so that a row whose policy could not be read still names it."""
    return item.get("resourceArn") or gateway_arn(dict(item, gatewayId=item["resourceId"]))


def get_policy(client, item):
    return dict(get_policy_by_arn(client, resource_arn(item)), resourceId=item["resourceId"])


def named_by_arn(arn: str) -> dict:
    return {"resourceId": arn_id(arn), "resourceArn": arn}


def get_policy_by_arn(client, arn):
    answer = client.get_resource_policy(resourceArn=arn)
    if not isinstance(answer.get("policy"), str):
        raise MalformedResponse("the answer has no policy", "GetResourcePolicy")
    return dict(named_by_arn(arn), policy=answer["policy"])


def resource_type(item) -> str | None:
    if item.get("resourceType"):
        return item["resourceType"]
    kind, _, rest = item["resourceArn"].split(":", 5)[-1].partition("/")
    return ENDPOINT if f"/{ENDPOINT}/" in rest else ARN_KINDS.get(kind)


def arn_region(arn: str) -> str:
    parts = arn.split(":")
    return parts[3] if len(parts) > 3 else ""


def arn_account(arn: str) -> str:
    parts = arn.split(":")
    return parts[4] if len(parts) > 4 else ""


def policy_document(item):
    text = item.get("policy")
    if text is None:
        return None
    try:
        document = json.loads(text)
    except ValueError:
        raise MalformedValue("is not JSON") from None
    except RecursionError:
        raise MalformedValue("is nested deeper than a policy can be") from None
    if not isinstance(document, dict):
        raise MalformedValue("is not a policy document")
    return document


def verdict(item) -> Verdict | None:
    document = policy_document(item)
    return None if document is None else judge(document)


def public_statements(item) -> list | None:
    found = verdict(item)
    return None if found is None else found.public


def undecided_statements(item) -> list | None:
    found = verdict(item)
    return None if found is None or not found.undecided else found.undecided


def allows_public(item):
    found = verdict(item)
    return None if found is None else found.allows_public


TABLE = Table(
    name="resource_policies",
    description="Resource-based policies of Amazon Bedrock AgentCore runtimes, runtime "
    "endpoints, gateways and memories: which IAM principals may invoke or use them. One row "
    "per resource that has a policy.",
    service="bedrock-agentcore-control",
    list_items=None,
    list_operation="ListAgentRuntimes, ListAgentRuntimeEndpoints, ListGateways and ListMemories",
    listed_from=(AGENT_RUNTIMES, AGENT_RUNTIME_ENDPOINTS, GATEWAYS, MEMORIES),
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
    key_account=arn_account,
    key_named=named_by_arn,
    key_pattern=r"arn:[a-z0-9-]+:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:"
    r"((runtime|gateway|memory)/[0-9A-Za-z_-]{1,110}"
    r"|runtime/[0-9A-Za-z_-]{1,110}/runtime-endpoint/[0-9A-Za-z_-]{1,110})",
    pushdown=with_pushdown(resource_arn=by_keys),
    rows_per_scope=5,
    columns=common_columns()
    + (
        Column("resource_arn", TEXT, "The resource's ARN.", resource_arn),
        Column(
            "resource_id",
            TEXT,
            "The runtime's, gateway's or memory's ID, as its list names it; for an endpoint "
            "<runtime ID>/runtime-endpoint/<name>: what doors join on.",
            "resourceId",
        ),
        Column(
            "resource_type", TEXT, "runtime, runtime-endpoint, gateway or memory.", resource_type
        ),
        Column("policy", JSONB, "The policy document.", policy_document, True),
        Column(
            "allows_public",
            BOOLEAN,
            "Whether an Allow statement lets in any AWS principal (Principal * or "
            '{"AWS": "*"}, or a NotPrincipal) that no condition of its own, and no Deny for '
            "everyone outside, bounds to an account, organisation, network or source (IAM's "
            "condition operators: IfExists, negated operators and wildcard values bound "
            "nothing). NULL when a statement could not be judged (undecided_statements).",
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
        Column(
            "undecided_statements",
            TEXT_ARRAY,
            "Statements that could not be judged, each with why (an operator IAM does not "
            "have, a principal with a partial wildcard); NULL when none.",
            undecided_statements,
            True,
        ),
        detail_error(
            "the policy could not be read, or MalformedResponse when it is not a policy document."
        ),
    ),
)
