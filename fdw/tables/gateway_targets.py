"""agentcore.gateway_targets: what each gateway reaches, and with which credentials.

Never a secret: a target's inline schema, an API key or an OAuth client secret is not read
out; only the kind of credential and the provider that holds it.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlparse

from ..core.answers import MalformedValue, without_metadata
from ..core.table import (
    TEXT,
    TEXT_ARRAY,
    TIMESTAMPTZ,
    Column,
    Table,
    by_keys,
    common_columns,
    detail_error,
    listed_state,
    paged,
    with_pushdown,
)
from .gateways import GATEWAY_ID
from .gateways import TABLE as GATEWAYS

# An MCP server target may be a runtime, named by its invocation URL:
# https://bedrock-agentcore.<region>.amazonaws.com/runtimes/<URL-encoded ARN>/invocations
RUNTIME_INVOCATION_PATH = re.compile(r"^/runtimes/([^/]+)/invocations/?$")


def gateway_stub(client, gateway_id):
    return {"gatewayId": gateway_id}


def list_targets(client, gateway):
    return paged(
        client.list_gateway_targets,
        "items",
        gatewayIdentifier=gateway["gatewayId"],
        maxResults=100,
    )


def get_target(client, summary):
    return without_metadata(
        client.get_gateway_target(
            gatewayIdentifier=summary["_parent"]["gatewayId"], targetId=summary["targetId"]
        )
    )


def target_type(item):
    """The member of the targetConfiguration union that is set (mcp.lambda, ...)."""
    configuration = item.get("targetConfiguration")
    if configuration is None:
        return None
    if not isinstance(configuration, dict) or len(configuration) != 1:
        raise MalformedValue("is not one kind of target")
    ((kind, inner),) = configuration.items()
    if isinstance(inner, dict) and len(inner) == 1:
        return f"{kind}.{next(iter(inner))}"
    return kind


def runtime_target(item) -> tuple[str | None, str | None]:
    """(runtime ARN, qualifier) when the target is an AgentCore runtime."""
    configuration = item.get("targetConfiguration") or {}
    runtime = (configuration.get("http") or {}).get("agentcoreRuntime")
    if isinstance(runtime, dict):
        return runtime.get("arn"), runtime.get("qualifier") or "DEFAULT"
    endpoint = ((configuration.get("mcp") or {}).get("mcpServer") or {}).get("endpoint")
    if isinstance(endpoint, str):
        url = urlparse(endpoint)
        match = RUNTIME_INVOCATION_PATH.match(url.path)
        if url.hostname and url.hostname.startswith("bedrock-agentcore.") and match:
            arn = unquote(match.group(1))
            if arn.startswith("arn:") and ":runtime/" in arn:
                return arn, parse_qs(url.query).get("qualifier", ["DEFAULT"])[0]
    return None, None


def credential(item) -> dict:
    configurations = item.get("credentialProviderConfigurations") or [{}]
    if not isinstance(configurations, list) or not isinstance(configurations[0], dict):
        raise MalformedValue("is not a list of credential provider configurations")
    return configurations[0]


def credential_provider(item) -> dict:
    provider = credential(item).get("credentialProvider") or {}
    return next(iter(provider.values()), {}) if isinstance(provider, dict) else {}


TABLE = Table(
    name="gateway_targets",
    description="Targets of Amazon Bedrock AgentCore gateways: what a caller let in by the "
    "gateway reaches (a Lambda function, an API, an MCP server, an AgentCore runtime), and "
    "the kind of credential the gateway uses for it. No secret is read out.",
    service="bedrock-agentcore-control",
    parent=GATEWAYS,
    list_items=list_targets,
    list_operation="ListGatewayTargets",
    identity=("targetId",),
    get_detail=get_target,
    detail_operation="GetGatewayTarget",
    change_marker=listed_state("updatedAt", "status"),
    detail_error_column="detail_error",
    key_column="gateway_id",
    key_item=gateway_stub,
    key_pattern=GATEWAY_ID,
    pushdown=with_pushdown(gateway_id=by_keys),
    rows_per_scope=10,
    rows_per_key=3,
    columns=common_columns()
    + (
        Column("gateway_id", TEXT, "The gateway the target belongs to.", "_parent.gatewayId"),
        Column("target_id", TEXT, "The target's ID.", "targetId"),
        Column("name", TEXT, "The target's name.", "name"),
        Column("status", TEXT, "CREATING, READY, UPDATING, DELETING or a failure.", "status"),
        Column(
            "target_type",
            TEXT,
            "What the target is: mcp.lambda, mcp.openApiSchema, mcp.smithyModel, "
            "mcp.mcpServer, mcp.apiGateway, http.agentcoreRuntime, ...",
            target_type,
            True,
        ),
        Column(
            "credential_provider_type",
            TEXT,
            "GATEWAY_IAM_ROLE, OAUTH, API_KEY, CALLER_IAM_CREDENTIALS or JWT_PASSTHROUGH.",
            lambda item: credential(item).get("credentialProviderType"),
            True,
        ),
        Column(
            "credential_provider_arn",
            TEXT,
            "The AgentCore Identity provider holding the OAuth client or API key.",
            lambda item: credential_provider(item).get("providerArn"),
            True,
        ),
        Column(
            "oauth_scopes",
            TEXT_ARRAY,
            "Scopes the gateway asks for when it gets an OAuth token for the target.",
            lambda item: credential_provider(item).get("scopes"),
            True,
        ),
        Column(
            "oauth_grant_type",
            TEXT,
            "CLIENT_CREDENTIALS, AUTHORIZATION_CODE or TOKEN_EXCHANGE.",
            lambda item: credential_provider(item).get("grantType"),
            True,
        ),
        Column(
            "target_runtime_arn",
            TEXT,
            "When the target is an AgentCore runtime, its ARN: callers reach that runtime "
            "through this gateway.",
            lambda item: runtime_target(item)[0],
            True,
        ),
        Column(
            "target_runtime_qualifier",
            TEXT,
            "The runtime endpoint (or version) the gateway invokes, DEFAULT when unnamed.",
            lambda item: runtime_target(item)[1],
            True,
        ),
        Column("created_at", TIMESTAMPTZ, "When the target was created.", "createdAt"),
        Column("last_updated_at", TIMESTAMPTZ, "When it last changed.", "updatedAt"),
        detail_error("the target's details could not be read."),
    ),
)
