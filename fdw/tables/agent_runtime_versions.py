"""agentcore.agent_runtime_versions: every version of every runtime, each read in full.

Callers reach a runtime through an endpoint, and an endpoint serves a version, which may be
older than the current one and have another authorizer. A version never changes once made.
"""

from __future__ import annotations

from ..core.answers import without_metadata
from ..core.table import (
    Request,
    Table,
    by_keys,
    common_columns,
    listed_state,
    model_pattern,
    paged,
    with_pushdown,
)
from .agent_runtimes import RUNTIME_COLUMNS, RUNTIME_ID, SERVICE, runtime_version
from .agent_runtimes import TABLE as AGENT_RUNTIMES


def runtime_stub(client, runtime_id):
    # Versions and endpoints are listed by runtime ID alone: no need to read the runtime.
    return {"agentRuntimeId": runtime_id}


def list_versions(client, runtime):
    return paged(
        client.list_agent_runtime_versions,
        "agentRuntimes",
        agentRuntimeId=runtime["agentRuntimeId"],
        maxResults=100,
    )


def get_version(client, summary):
    return get_version_by_id(client, summary["agentRuntimeId"], summary["agentRuntimeVersion"])


def get_version_by_id(client, runtime_id, version):
    return without_metadata(
        client.get_agent_runtime(agentRuntimeId=runtime_id, agentRuntimeVersion=version)
    )


TABLE = Table(
    name="agent_runtime_versions",
    description="Every version of every Amazon Bedrock AgentCore runtime, with the inbound "
    "authorizer that version applies: the endpoints that serve it let callers in through it. "
    "Environment variable values are never read out; only their names are.",
    service="bedrock-agentcore-control",
    parent=AGENT_RUNTIMES,
    list_items=list_versions,
    list_operation="ListAgentRuntimeVersions",
    identity=("agentRuntimeId", "agentRuntimeVersion"),
    get_detail=get_version,
    detail_operation="GetAgentRuntime",
    change_marker=listed_state("agentRuntimeVersion", "lastUpdatedAt", "status"),
    detail_error_column="detail_error",
    immutable_detail=runtime_version,
    key_column="agent_runtime_id",
    key_item=runtime_stub,
    key_pattern=RUNTIME_ID,
    subkey_column="agent_runtime_version",
    subkey_pattern=model_pattern(SERVICE, "GetAgentRuntime", "agentRuntimeVersion"),
    subkey_item=get_version_by_id,
    pushdown=with_pushdown(
        agent_runtime_id=by_keys,
        agent_runtime_version=lambda versions: Request(subkeys=tuple(sorted(versions))),
    ),
    rows_per_scope=40,
    rows_per_key=2,
    columns=common_columns() + RUNTIME_COLUMNS,
)
