"""agentcore.harnesses: AgentCore harnesses (managed agents), one row per harness (its current
version), with their inbound authorizer flattened as for runtimes.

What a harness holds in confidence stays in AWS: environment variable values, its system
prompt, a remote MCP tool's URL path, query and header values, an inline function's schema
and a model's API base. Only names, kinds, schemes, hosts and ARNs are read out.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..core.answers import MalformedValue, member
from ..core.table import (
    BIGINT,
    JSONB,
    TEXT,
    TEXT_ARRAY,
    TIMESTAMPTZ,
    Column,
    Table,
    by_keys,
    common_columns,
    detail_error,
    listed_state,
    model_pattern,
    paged,
    with_pushdown,
)
from .agent_runtimes import environment_variable_names
from .authorizers import authorizer_type, jwt_columns

SERVICE = "bedrock-agentcore-control"
HARNESS_ID = model_pattern(SERVICE, "GetHarness", "harnessId")
# The members of botocore's HarnessModelConfiguration union, and the provider each names.
MODEL_PROVIDERS = {
    "bedrockModelConfig": "bedrock",
    "openAiModelConfig": "openai",
    "geminiModelConfig": "gemini",
    "liteLlmModelConfig": "litellm",
}


def list_harnesses(client, parent=None):
    return paged(client.list_harnesses, "harnesses", maxResults=100)


def harness_version(item):
    """A harness version never changes once made: its GetHarness answer can be reused."""
    return ("harness version", item["harnessId"], item.get("harnessVersion"))


def get_harness(client, summary):
    return get_harness_by_id(client, summary["harnessId"])


def get_harness_by_id(client, harness_id):
    return member(client.get_harness(harnessId=harness_id), "harness")


def harness_authorizer_type(item):
    return authorizer_type(item.get("authorizerConfiguration"))


def union_member(value, what: str) -> str | None:
    """The one member set in a union (botocore's unknown member by its name)."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise MalformedValue(f"is not a {what}")
    unknown = value.get("SDK_UNKNOWN_MEMBER")
    if isinstance(unknown, dict):
        return f"UNKNOWN({unknown.get('name')})"
    names = [name for name, set_to in value.items() if set_to is not None]
    if len(names) != 1:
        raise MalformedValue(f"is not a {what} of one kind")
    return names[0]


def model_provider(item):
    name = union_member(item.get("model"), "model configuration")
    return MODEL_PROVIDERS.get(name, name)


def model_id(item):
    name = union_member(item.get("model"), "model configuration")
    return None if name is None else (item["model"].get(name) or {}).get("modelId")


def tools(item):
    """Each tool by kind and name, with what it reaches: a remote MCP server's scheme, host and
    header names (never its path, query or header values), a gateway's or tool's ARN, and
    the outbound auth it signs with."""
    listed = item.get("tools")
    if listed is None:
        return None
    if not isinstance(listed, list):
        raise MalformedValue("is not a list of tools")
    found = []
    for tool in listed:
        if not isinstance(tool, dict):
            raise MalformedValue("holds a tool that is not an object")
        config = tool.get("config") or {}
        kind = union_member(config, "tool configuration") if config else None
        entry = {"type": tool.get("type"), "name": tool.get("name"), "config": kind}
        details = config.get(kind) if kind else None
        if kind == "remoteMcp" and isinstance(details, dict):
            entry.update(remote_mcp(details))
        elif kind == "agentCoreGateway" and isinstance(details, dict):
            entry["gateway_arn"] = details.get("gatewayArn")
            entry["outbound_auth"] = union_member(details.get("outboundAuth"), "outbound auth")
        elif kind in ("agentCoreBrowser", "agentCoreCodeInterpreter") and details:
            entry["arn"] = details.get("browserArn") or details.get("codeInterpreterArn")
        found.append(entry)
    return found


def remote_mcp(details: dict) -> dict:
    url = details.get("url")
    parts = urlsplit(url) if isinstance(url, str) else None
    headers = details.get("headers")
    return {
        "scheme": parts.scheme if parts else None,
        "host": parts.hostname if parts else None,
        "header_names": sorted(headers) if isinstance(headers, dict) else None,
        "outbound_auth": union_member(details.get("outboundAuth"), "outbound auth"),
    }


def skills(item):
    """Each skill's source: an S3 URI, a git URL (https, no credentials in it: the API
    refuses them) with the credential ARN it reads with, a path, or AWS's skills."""
    listed = item.get("skills")
    if listed is None:
        return None
    if not isinstance(listed, list):
        raise MalformedValue("is not a list of skills")
    found = []
    for skill in listed:
        kind = union_member(skill, "skill source")
        source = skill.get(kind)
        entry = {"source": kind}
        if kind == "s3" and isinstance(source, dict):
            entry["uri"] = source.get("uri")
        elif kind == "git" and isinstance(source, dict):
            entry["url"] = source.get("url")
            entry["credential_arn"] = (source.get("auth") or {}).get("credentialArn")
        elif kind == "path":
            entry["path"] = source
        found.append(entry)
    return found


def memory_kind(item):
    return union_member(item.get("memory"), "memory configuration")


def memory_setting(name: str):
    def setting(item):
        kind = memory_kind(item)
        chosen = (item.get("memory") or {}).get(kind) if kind else None
        return chosen.get(name) if isinstance(chosen, dict) else None

    return setting


def hook_kinds(item):
    hooks = item.get("hooks")
    if hooks is None:
        return None
    if not isinstance(hooks, list):
        raise MalformedValue("is not a list of hooks")
    return [union_member(hook, "hook") for hook in hooks]


RUNTIME_ENVIRONMENT = "environment.agentCoreRuntimeEnvironment"

# Every column of a harness version, shared with agentcore.harness_versions.
HARNESS_COLUMNS = (
    (
        Column("harness_id", TEXT, "The harness's ID.", "harnessId"),
        Column("harness_arn", TEXT, "The harness's ARN (what InvokeHarness takes).", "arn"),
        Column("harness_name", TEXT, "The harness's name.", "harnessName"),
        Column(
            "harness_version",
            TEXT,
            "The version (in harnesses, the current one).",
            "harnessVersion",
        ),
        Column("status", TEXT, "CREATING, READY, UPDATING, DELETING or a failure.", "status"),
        Column("failure_reason", TEXT, "Why it failed, when it did.", "failureReason"),
        Column("created_at", TIMESTAMPTZ, "When the harness was created.", "createdAt"),
        Column("updated_at", TIMESTAMPTZ, "When it last changed.", "updatedAt"),
        Column(
            "execution_role_arn",
            TEXT,
            "The IAM role the harness's agent runs as.",
            "executionRoleArn",
            True,
        ),
        Column(
            "authorizer_type",
            TEXT,
            "CUSTOM_JWT when a custom JWT authorizer validates each call's bearer token; "
            "NULL when the version has no authorizer configuration and accepts any caller IAM "
            "allows to call InvokeHarness (and InvokeAgentRuntime on the harness); "
            "UNKNOWN(name) for a kind this version's model does not define (judged error).",
            harness_authorizer_type,
            True,
        ),
    )
    + jwt_columns("authorizerConfiguration")
    + (
        Column(
            "environment_variable_names",
            TEXT_ARRAY,
            "Names of the harness's environment variables (never their values).",
            environment_variable_names,
            True,
        ),
        Column(
            "model_provider",
            TEXT,
            "bedrock, openai, gemini or litellm: who serves the model.",
            model_provider,
            True,
        ),
        Column("model_id", TEXT, "The model the harness calls.", model_id, True),
        Column(
            "tools",
            JSONB,
            "Each tool: type, name, config kind, and for a remote MCP server its scheme, host, "
            "header names and outbound auth (never its path, query or header values), for a "
            "gateway its ARN and outbound auth, for a browser or code interpreter its ARN.",
            tools,
            True,
        ),
        Column(
            "allowed_tools",
            TEXT_ARRAY,
            "The tools the agent may call.",
            "allowedTools",
            True,
        ),
        Column(
            "skills",
            JSONB,
            "Each skill's source: s3 (uri), git (https url, credential_arn), path or awsSkills.",
            skills,
            True,
        ),
        Column(
            "memory_kind",
            TEXT,
            "managedMemoryConfiguration, agentCoreMemoryConfiguration or disabled; NULL when "
            "not configured.",
            memory_kind,
            True,
        ),
        Column("memory_arn", TEXT, "The memory the harness keeps.", memory_setting("arn"), True),
        Column(
            "memory_encryption_key_arn",
            TEXT,
            "The customer managed KMS key of its managed memory; NULL: a key AWS owns.",
            memory_setting("encryptionKeyArn"),
            True,
        ),
        Column(
            "agent_runtime_arn",
            TEXT,
            "The runtime the harness runs in.",
            f"{RUNTIME_ENVIRONMENT}.agentRuntimeArn",
            True,
        ),
        Column(
            "network_mode",
            TEXT,
            "PUBLIC or VPC: the network of the runtime the harness runs in.",
            f"{RUNTIME_ENVIRONMENT}.networkConfiguration.networkMode",
            True,
        ),
        Column("hook_kinds", TEXT_ARRAY, "The kind of each hook it runs.", hook_kinds, True),
        Column("max_iterations", BIGINT, "Agent loop iterations at most.", "maxIterations", True),
        Column(
            "timeout_seconds", BIGINT, "Seconds an invocation may last.", "timeoutSeconds", True
        ),
        detail_error(
            "the harness's details could not be read, in which case every detail column is NULL."
        ),
    )
)


TABLE = Table(
    name="harnesses",
    description="Amazon Bedrock AgentCore harnesses (managed agents), one row per harness (its "
    "current version), with their inbound authorizer flattened. Environment variable values, "
    "system prompts, MCP tool URLs' paths and header values are never read out.",
    service=SERVICE,
    list_items=list_harnesses,
    list_operation="ListHarnesses",
    identity=("harnessId", "arn"),
    get_detail=get_harness,
    detail_operation="GetHarness",
    change_marker=listed_state("harnessVersion", "updatedAt", "status"),
    detail_error_column="detail_error",
    immutable_detail=harness_version,
    key_column="harness_id",
    key_item=get_harness_by_id,
    key_item_operation="GetHarness",
    key_pattern=HARNESS_ID,
    pushdown=with_pushdown(harness_id=by_keys),
    rows_per_scope=10,
    columns=common_columns() + HARNESS_COLUMNS,
)
