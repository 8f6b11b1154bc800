"""agentcore.gateways: AgentCore gateways, the other door into agents, with their authorizer."""

from __future__ import annotations

from ..core.answers import without_metadata
from ..core.table import (
    TEXT,
    TIMESTAMPTZ,
    Column,
    Table,
    by_keys,
    common_columns,
    detail_error,
    model_pattern,
    paged,
    with_pushdown,
)
from .authorizers import jwt_columns

GATEWAY_ID = model_pattern("bedrock-agentcore-control", "GetGateway", "gatewayIdentifier")


def list_gateways(client, parent=None):
    return paged(client.list_gateways, "items", maxResults=100)


def gateway_arn(item) -> str:
    """The gateway's ARN: GetGateway names it, and the list's summary does not, so it is made
    from the region, account and ID where the details could not be read."""
    if item.get("gatewayArn"):
        return item["gatewayArn"]
    region, account = item["_scope"]["region"], item["_scope"]["account_id"]
    partition = (
        "aws-cn"
        if region.startswith("cn-")
        else ("aws-us-gov" if region.startswith("us-gov-") else "aws")
    )
    return f"arn:{partition}:bedrock-agentcore:{region}:{account}:gateway/{item['gatewayId']}"


def get_gateway(client, summary):
    return get_gateway_by_id(client, summary["gatewayId"])


def get_gateway_by_id(client, gateway_id):
    return without_metadata(client.get_gateway(gatewayIdentifier=gateway_id))


TABLE = Table(
    name="gateways",
    description="Amazon Bedrock AgentCore gateways, with the inbound authorizer each applies "
    "(CUSTOM_JWT, AWS_IAM, AUTHENTICATE_ONLY or NONE) flattened as for runtimes.",
    service="bedrock-agentcore-control",
    list_items=list_gateways,
    list_operation="ListGateways",
    identity=("gatewayId",),
    get_detail=get_gateway,
    detail_operation="GetGateway",
    # No change marker: a WAF web ACL is attached through wafv2, which may leave updatedAt
    # as it was, so a gateway's details are read after every TTL.
    detail_error_column="detail_error",
    key_column="gateway_id",
    key_item=get_gateway_by_id,
    key_item_operation="GetGateway",
    key_pattern=GATEWAY_ID,
    pushdown=with_pushdown(gateway_id=by_keys),
    rows_per_scope=5,
    columns=common_columns()
    + (
        Column("gateway_id", TEXT, "The gateway's ID.", "gatewayId"),
        Column("gateway_arn", TEXT, "The gateway's ARN.", gateway_arn),
        Column("name", TEXT, "The gateway's name.", "name"),
        Column("status", TEXT, "CREATING, READY, UPDATING, DELETING or a failure.", "status"),
        Column("gateway_url", TEXT, "The URL callers invoke.", "gatewayUrl", True),
        Column("protocol_type", TEXT, "MCP, or NULL for HTTP targets.", "protocolType"),
        Column(
            "authorizer_type",
            TEXT,
            "CUSTOM_JWT (a bearer token checked against an identity provider), AWS_IAM "
            "(SigV4), AUTHENTICATE_ONLY (a token checked for validity only) or NONE (anyone).",
            "authorizerType",
        ),
    )
    + jwt_columns("authorizerConfiguration")
    + (
        Column("role_arn", TEXT, "The IAM role the gateway uses.", "roleArn", True),
        Column(
            "kms_key_arn",
            TEXT,
            "The customer managed key encrypting it; NULL for an AWS owned key.",
            "kmsKeyArn",
            True,
        ),
        Column(
            "policy_engine_arn",
            TEXT,
            "The policy engine that authorizes each tool call, if any.",
            "policyEngineConfiguration.arn",
            True,
        ),
        Column(
            "policy_engine_mode",
            TEXT,
            "ENFORCE or LOG_ONLY.",
            "policyEngineConfiguration.mode",
            True,
        ),
        Column(
            "exception_level",
            TEXT,
            "DEBUG returns detailed errors to callers; NULL returns generic ones.",
            "exceptionLevel",
            True,
        ),
        Column("web_acl_arn", TEXT, "The AWS WAF web ACL in front of it.", "webAclArn", True),
        Column(
            "waf_failure_mode",
            TEXT,
            "What the gateway does when AWS WAF cannot be reached.",
            "wafConfiguration.failureMode",
            True,
        ),
        Column(
            "workload_identity_arn",
            TEXT,
            "The gateway's workload identity.",
            "workloadIdentityDetails.workloadIdentityArn",
            True,
        ),
        Column("created_at", TIMESTAMPTZ, "When the gateway was created.", "createdAt"),
        Column("last_updated_at", TIMESTAMPTZ, "When it last changed.", "updatedAt"),
        detail_error(
            "the gateway's details could not be read, in which case every detail column is NULL."
        ),
    ),
)
