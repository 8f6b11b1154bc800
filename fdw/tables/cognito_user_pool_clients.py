"""agentcore.cognito_user_pool_clients: the app clients of each Cognito user pool."""

from __future__ import annotations

from ..core.answers import member
from ..core.table import (
    BOOLEAN,
    TEXT,
    TEXT_ARRAY,
    TIMESTAMPTZ,
    Column,
    Table,
    common_columns,
    paged,
)
from .cognito_user_pools import POOL_ID, POOL_PUSHDOWN, pool_region, pool_stub
from .cognito_user_pools import TABLE as USER_POOLS


def list_clients(client, pool):
    return paged(
        client.list_user_pool_clients,
        "UserPoolClients",
        "NextToken",
        UserPoolId=pool["Id"],
        MaxResults=60,
    )


def describe_client(client, summary):
    answer = member(
        client.describe_user_pool_client(
            UserPoolId=summary["UserPoolId"], ClientId=summary["ClientId"]
        ),
        "UserPoolClient",
    )
    # The secret is dropped the moment it arrives: only whether there is one survives.
    answer["HasClientSecret"] = bool(answer.pop("ClientSecret", None))
    return answer


TABLE = Table(
    name="cognito_user_pool_clients",
    description="App clients of Amazon Cognito user pools: the client IDs an AgentCore "
    "authorizer can allow. Client secrets are never read out, only whether one exists.",
    service="cognito-idp",
    parent=USER_POOLS,
    key_column="user_pool_id",
    key_item=pool_stub,
    key_region=pool_region,
    key_pattern=POOL_ID,
    pushdown=POOL_PUSHDOWN,
    list_items=list_clients,
    list_operation="ListUserPoolClients",
    identity=("ClientId", "UserPoolId"),
    get_detail=describe_client,
    detail_operation="DescribeUserPoolClient",
    rows_per_scope=20,
    rows_per_key=5,
    columns=common_columns()
    + (
        Column("user_pool_id", TEXT, "The pool the client belongs to.", "UserPoolId"),
        Column("client_id", TEXT, "The app client's ID (the token's client_id).", "ClientId"),
        Column("client_name", TEXT, "The app client's name.", "ClientName"),
        Column(
            "allowed_oauth_flows",
            TEXT_ARRAY,
            "code, implicit, client_credentials.",
            "AllowedOAuthFlows",
            True,
        ),
        Column(
            "allowed_oauth_scopes",
            TEXT_ARRAY,
            "Scopes the client may request.",
            "AllowedOAuthScopes",
            True,
        ),
        Column(
            "allowed_oauth_flows_user_pool_client",
            BOOLEAN,
            "Whether the client may use the OAuth flows above.",
            "AllowedOAuthFlowsUserPoolClient",
            True,
        ),
        Column(
            "explicit_auth_flows",
            TEXT_ARRAY,
            "Authentication flows the client allows.",
            "ExplicitAuthFlows",
            True,
        ),
        Column(
            "has_client_secret",
            BOOLEAN,
            "Whether the client has a secret (the secret itself is never read out).",
            "HasClientSecret",
            True,
        ),
        Column("created_at", TIMESTAMPTZ, "When the client was created.", "CreationDate", True),
        Column("last_modified_at", TIMESTAMPTZ, "When it last changed.", "LastModifiedDate", True),
    ),
)
