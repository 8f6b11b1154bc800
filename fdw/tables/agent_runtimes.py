"""agentcore.agent_runtimes: one row per AgentCore runtime (its current version)."""

from __future__ import annotations

from ..core.answers import MalformedValue, without_metadata
from ..core.table import (
    BIGINT,
    BOOLEAN,
    TEXT,
    TEXT_ARRAY,
    TIMESTAMPTZ,
    Column,
    Request,
    Table,
    by_keys,
    common_columns,
    detail_error,
    listed_state,
    model_pattern,
    paged,
    with_pushdown,
)
from .authorizers import authorizer_type, jwt_columns

SERVICE = "bedrock-agentcore-control"
RUNTIME_ID = model_pattern(SERVICE, "GetAgentRuntime", "agentRuntimeId")


def list_runtimes(client, parent=None):
    return paged(client.list_agent_runtimes, "agentRuntimes", maxResults=100)


def runtime_version(item):
    """A runtime version never changes once made: its GetAgentRuntime answer can be reused."""
    return ("runtime version", item["agentRuntimeId"], item["agentRuntimeVersion"])


def get_runtime(client, summary):
    return get_runtime_by_id(client, summary["agentRuntimeId"])


def get_runtime_by_id(client, runtime_id):
    return without_metadata(client.get_agent_runtime(agentRuntimeId=runtime_id))


def by_arn(arns):
    """ARNs name their region and account, and (arn:...:runtime/<id>) usually the runtime."""
    regions, accounts, ids = set(), set(), set()
    for arn in arns:
        parts = arn.split(":", 5)
        if len(parts) != 6 or parts[2] != "bedrock-agentcore":
            continue  # not a runtime ARN: matches no row
        regions.add(parts[3])
        accounts.add(parts[4])
        kind, _, resource = parts[5].partition("/")
        if ids is not None and kind == "runtime" and resource:
            ids.add(resource.split(":")[0])
        else:
            ids = None  # an ARN of another shape: narrow by region and account only
    return Request(
        regions=frozenset(regions),
        accounts=frozenset(accounts),
        keys=None if ids is None else tuple(sorted(ids)),
    )


def runtime_authorizer_type(item):
    return authorizer_type(item.get("authorizerConfiguration"))


def artifact_type(item):
    artifact = item.get("agentRuntimeArtifact") or {}
    for member, kind in (("containerConfiguration", "container"), ("codeConfiguration", "code")):
        if artifact.get(member) is not None:
            return kind
    return None


def environment_variable_names(item):
    # The names only: environment variable values hold secrets and never leave this function.
    variables = item.get("environmentVariables")
    if variables is None:
        return None
    if not isinstance(variables, dict):
        raise MalformedValue("is not an object of names and values")
    return sorted(variables)


# Every column of a runtime version, shared with agentcore.agent_runtime_versions.
RUNTIME_COLUMNS = (
    (
        Column("agent_runtime_id", TEXT, "The runtime's ID.", "agentRuntimeId"),
        Column("agent_runtime_arn", TEXT, "The runtime's ARN.", "agentRuntimeArn"),
        Column("agent_runtime_name", TEXT, "The runtime's name.", "agentRuntimeName"),
        Column(
            "agent_runtime_version",
            TEXT,
            "The version (in agent_runtimes, the current one).",
            "agentRuntimeVersion",
        ),
        Column("status", TEXT, "CREATING, READY, UPDATING, DELETING or a failure.", "status"),
        Column("description", TEXT, "The runtime's description.", "description"),
        Column("created_at", TIMESTAMPTZ, "When the runtime was created.", "createdAt", True),
        Column("last_updated_at", TIMESTAMPTZ, "When it last changed.", "lastUpdatedAt"),
        Column("role_arn", TEXT, "The IAM role the runtime runs as.", "roleArn", True),
        Column(
            "network_mode",
            TEXT,
            "PUBLIC or VPC.",
            "networkConfiguration.networkMode",
            True,
        ),
        Column(
            "server_protocol",
            TEXT,
            "HTTP, MCP or A2A.",
            "protocolConfiguration.serverProtocol",
            True,
        ),
        Column(
            "authorizer_type",
            TEXT,
            "CUSTOM_JWT when a custom JWT authorizer validates each call's bearer token; "
            "NULL when the runtime has no authorizer configuration and accepts any caller "
            "allowed to call InvokeAgentRuntime; UNKNOWN(name) for an authorizer kind this "
            "version's model does not define (judged error).",
            runtime_authorizer_type,
            True,
        ),
    )
    + jwt_columns("authorizerConfiguration")
    + (
        Column(
            "request_header_allowlist",
            TEXT_ARRAY,
            "Request headers passed through to the agent.",
            "requestHeaderConfiguration.requestHeaderAllowlist",
            True,
        ),
        Column(
            "workload_identity_arn",
            TEXT,
            "The runtime's workload identity.",
            "workloadIdentityDetails.workloadIdentityArn",
            True,
        ),
        Column(
            "environment_variable_names",
            TEXT_ARRAY,
            "Names of the runtime's environment variables (never their values).",
            environment_variable_names,
            True,
        ),
        Column(
            "vpc_subnets",
            TEXT_ARRAY,
            "The subnets of a VPC-mode runtime.",
            "networkConfiguration.networkModeConfig.subnets",
            True,
        ),
        Column(
            "vpc_security_groups",
            TEXT_ARRAY,
            "The security groups of a VPC-mode runtime.",
            "networkConfiguration.networkModeConfig.securityGroups",
            True,
        ),
        Column(
            "require_mmdsv2",
            BOOLEAN,
            "Whether the runtime's microVM metadata service accepts only session-token "
            "(MMDSv2) requests; NULL when not configured (v1 requests are accepted).",
            "metadataConfiguration.requireMMDSV2",
            True,
        ),
        Column(
            "idle_session_timeout",
            BIGINT,
            "Seconds an idle session is kept (lifecycleConfiguration).",
            "lifecycleConfiguration.idleRuntimeSessionTimeout",
            True,
        ),
        Column(
            "max_lifetime",
            BIGINT,
            "Seconds a session may last at most (lifecycleConfiguration).",
            "lifecycleConfiguration.maxLifetime",
            True,
        ),
        Column("artifact_type", TEXT, "container or code.", artifact_type, True),
        Column(
            "container_uri",
            TEXT,
            "The container image a container runtime runs (never the code of a code one).",
            "agentRuntimeArtifact.containerConfiguration.containerUri",
            True,
        ),
        detail_error(
            "the runtime's details could not be read, in which case every detail column is NULL."
        ),
    )
)


TABLE = Table(
    name="agent_runtimes",
    description="Amazon Bedrock AgentCore runtimes, one row per runtime (its current "
    "version), with their inbound authorizer flattened. Environment variable values are "
    "never read out; only their names are.",
    service="bedrock-agentcore-control",
    list_items=list_runtimes,
    list_operation="ListAgentRuntimes",
    identity=("agentRuntimeId", "agentRuntimeArn"),
    get_detail=get_runtime,
    detail_operation="GetAgentRuntime",
    change_marker=listed_state("agentRuntimeVersion", "lastUpdatedAt", "status"),
    detail_error_column="detail_error",
    immutable_detail=runtime_version,
    key_column="agent_runtime_id",
    key_item=get_runtime_by_id,
    key_item_operation="GetAgentRuntime",
    key_pattern=RUNTIME_ID,
    pushdown=with_pushdown(
        agent_runtime_id=by_keys,
        agent_runtime_arn=by_arn,
    ),
    lookup_columns=("agent_runtime_arn",),
    rows_per_scope=20,
    columns=common_columns() + RUNTIME_COLUMNS,
)
