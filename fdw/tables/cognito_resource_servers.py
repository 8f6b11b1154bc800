"""agentcore.cognito_resource_servers: the resource servers (custom scopes) of each pool."""

from __future__ import annotations

from ..core.answers import MalformedValue
from ..core.table import TEXT, TEXT_ARRAY, Column, Table, common_columns, paged
from .cognito_user_pools import POOL_ID, POOL_PUSHDOWN, pool_region, pool_stub
from .cognito_user_pools import TABLE as USER_POOLS


def list_resource_servers(client, pool):
    return paged(
        client.list_resource_servers,
        "ResourceServers",
        "NextToken",
        UserPoolId=pool["Id"],
        MaxResults=50,
    )


def full_scopes(item):
    # Tokens carry a custom scope as identifier/scope_name; so does an authorizer's list.
    scopes = item.get("Scopes")
    if scopes is None:
        return []
    if not isinstance(scopes, list) or not all(
        isinstance(scope, dict) and isinstance(scope.get("ScopeName"), str) for scope in scopes
    ):
        raise MalformedValue("is not a list of scopes, each with a ScopeName")
    return [f"{item['Identifier']}/{scope['ScopeName']}" for scope in scopes]


TABLE = Table(
    name="cognito_resource_servers",
    description="Resource servers of Amazon Cognito user pools, with the full custom "
    "scopes (identifier/scope_name) they define.",
    service="cognito-idp",
    parent=USER_POOLS,
    key_column="user_pool_id",
    key_item=pool_stub,
    key_region=pool_region,
    key_pattern=POOL_ID,
    pushdown=POOL_PUSHDOWN,
    list_items=list_resource_servers,
    list_operation="ListResourceServers",
    identity=("Identifier", "UserPoolId"),
    rows_per_scope=5,
    rows_per_key=2,
    columns=common_columns()
    + (
        Column("user_pool_id", TEXT, "The pool the resource server belongs to.", "UserPoolId"),
        Column("identifier", TEXT, "The resource server's identifier.", "Identifier"),
        Column("name", TEXT, "The resource server's name.", "Name"),
        Column("scopes", TEXT_ARRAY, "Full scope strings, identifier/scope_name.", full_scopes),
    ),
)
