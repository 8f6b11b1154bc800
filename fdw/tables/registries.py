"""agentcore.registries: AgentCore registries, the catalogs of MCP servers, agents and skills
that consumers search and invoke through the registry's own authorizer."""

from __future__ import annotations

from ..core.answers import without_metadata
from ..core.table import (
    BOOLEAN,
    TEXT,
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
from .authorizers import declared_authorizer_type, jwt_columns

SERVICE = "bedrock-agentcore-control"
REGISTRY_ID = model_pattern(SERVICE, "GetRegistry", "registryId")


def list_registries(client, parent=None):
    return paged(client.list_registries, "registries", maxResults=100)


def get_registry(client, summary):
    return get_registry_by_id(client, summary["registryId"])


def get_registry_by_id(client, registry_id):
    return without_metadata(client.get_registry(registryId=registry_id))


def registry_authorizer_type(item):
    return declared_authorizer_type(item, "RegistryAuthorizerType")


TABLE = Table(
    name="registries",
    description="Amazon Bedrock AgentCore registries: the authorizer their consumers' Search "
    "and Invoke calls pass (CUSTOM_JWT or AWS_IAM), flattened as for runtimes, and whether "
    "records are approved before consumers see them. Descriptions are not read out (the API "
    "marks them sensitive).",
    service=SERVICE,
    list_items=list_registries,
    list_operation="ListRegistries",
    identity=("registryId", "registryArn"),
    get_detail=get_registry,
    detail_operation="GetRegistry",
    change_marker=listed_state("updatedAt", "status", "authorizerType"),
    detail_error_column="detail_error",
    key_column="registry_id",
    key_item=get_registry_by_id,
    key_item_operation="GetRegistry",
    key_pattern=REGISTRY_ID,
    pushdown=with_pushdown(registry_id=by_keys),
    rows_per_scope=3,
    columns=common_columns()
    + (
        Column("registry_id", TEXT, "The registry's ID.", "registryId"),
        Column("registry_arn", TEXT, "The registry's ARN.", "registryArn"),
        Column("name", TEXT, "The registry's name.", "name"),
        Column("status", TEXT, "CREATING, READY, UPDATING, DELETING or a failure.", "status"),
        Column("status_reason", TEXT, "Why it is in that status, when AWS says.", "statusReason"),
        Column("created_at", TIMESTAMPTZ, "When the registry was created.", "createdAt"),
        Column("updated_at", TIMESTAMPTZ, "When it last changed.", "updatedAt"),
        Column(
            "authorizer_type",
            TEXT,
            "CUSTOM_JWT (a bearer token from the identity provider below) or AWS_IAM (SigV4) "
            "for consumers' Search and Invoke calls; UNKNOWN(...) for a type the model does not "
            "list, none, or a configuration of another kind (judged error).",
            registry_authorizer_type,
            True,
        ),
    )
    + jwt_columns("authorizerConfiguration")
    + (
        Column(
            "auto_approval",
            BOOLEAN,
            "Whether records are approved as they are created; NULL when not set (AWS's "
            "default: each record needs an explicit approval).",
            "approvalConfiguration.autoApproval",
            True,
        ),
        detail_error("the registry's details could not be read."),
    ),
)
