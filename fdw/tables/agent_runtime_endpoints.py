"""agentcore.agent_runtime_endpoints: the endpoints callers invoke, and the versions they serve."""

from __future__ import annotations

from ..core.table import (
    TEXT,
    TIMESTAMPTZ,
    Column,
    Table,
    by_keys,
    common_columns,
    paged,
    with_pushdown,
)
from .agent_runtime_versions import runtime_stub
from .agent_runtimes import RUNTIME_ID
from .agent_runtimes import TABLE as AGENT_RUNTIMES


def list_endpoints(client, runtime):
    return paged(
        client.list_agent_runtime_endpoints,
        "runtimeEndpoints",
        agentRuntimeId=runtime["agentRuntimeId"],
        maxResults=100,
    )


TABLE = Table(
    name="agent_runtime_endpoints",
    description="Endpoints of Amazon Bedrock AgentCore runtimes (DEFAULT and named ones): "
    "callers invoke an endpoint, which serves its live version (and, while an update is in "
    "flight, moves to its target version).",
    service="bedrock-agentcore-control",
    parent=AGENT_RUNTIMES,
    list_items=list_endpoints,
    list_operation="ListAgentRuntimeEndpoints",
    identity=("id", "agentRuntimeEndpointArn"),
    key_column="agent_runtime_id",
    key_item=runtime_stub,
    key_pattern=RUNTIME_ID,
    pushdown=with_pushdown(agent_runtime_id=by_keys),
    rows_per_scope=30,
    rows_per_key=2,
    columns=common_columns()
    + (
        Column(
            "agent_runtime_id", TEXT, "The runtime the endpoint serves.", "_parent.agentRuntimeId"
        ),
        Column("agent_runtime_arn", TEXT, "The runtime's ARN.", "agentRuntimeArn"),
        Column("endpoint_name", TEXT, "DEFAULT, or the endpoint's own name.", "name"),
        Column("endpoint_id", TEXT, "The endpoint's ID.", "id"),
        Column("endpoint_arn", TEXT, "The endpoint's ARN.", "agentRuntimeEndpointArn"),
        Column(
            "live_version",
            TEXT,
            "The runtime version the endpoint serves now.",
            "liveVersion",
        ),
        Column(
            "target_version",
            TEXT,
            "The version the endpoint is moving to; equal to live_version when no update is "
            "in flight.",
            "targetVersion",
        ),
        Column("status", TEXT, "CREATING, READY, UPDATING, DELETING or a failure.", "status"),
        Column("description", TEXT, "The endpoint's description.", "description"),
        Column("created_at", TIMESTAMPTZ, "When the endpoint was created.", "createdAt"),
        Column("last_updated_at", TIMESTAMPTZ, "When it last changed.", "lastUpdatedAt"),
    ),
)
