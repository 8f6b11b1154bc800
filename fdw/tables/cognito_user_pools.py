"""agentcore.cognito_user_pools: the Amazon Cognito user pools an authorizer can trust."""

from __future__ import annotations

from ..core.answers import member
from ..core.table import (
    BIGINT,
    TEXT,
    TIMESTAMPTZ,
    Column,
    Request,
    Table,
    common_columns,
    model_pattern,
    paged,
    with_pushdown,
)

POOL_ID = model_pattern("cognito-idp", "DescribeUserPool", "UserPoolId")


def list_user_pools(client, parent=None):
    return paged(client.list_user_pools, "UserPools", "NextToken", MaxResults=60)


def describe_user_pool(client, summary):
    return describe_user_pool_by_id(client, summary["Id"])


def describe_user_pool_by_id(client, pool_id):
    return member(client.describe_user_pool(UserPoolId=pool_id), "UserPool")


def pool_region(pool_id):
    """A pool ID starts with its region (us-east-1_AbCdEf123)."""
    return pool_id.split("_", 1)[0]


def by_pool_id(pool_ids):
    valid = sorted(pool_id for pool_id in pool_ids if "_" in pool_id)
    return Request(regions=frozenset(map(pool_region, valid)), keys=tuple(valid))


POOL_PUSHDOWN = with_pushdown(user_pool_id=by_pool_id)


def pool_stub(client, pool_id):
    # Clients and resource servers are listed by pool ID alone: no need to describe the pool.
    return {"Id": pool_id}


def issuer(item):
    # The issuer that Cognito writes into its tokens, and the prefix of the discovery URL
    # that an AgentCore authorizer names; China's regions use amazonaws.com.cn.
    region, pool_id = item["_scope"]["region"], item["Id"]
    suffix = ".cn" if region.startswith("cn-") else ""
    return f"https://cognito-idp.{region}.amazonaws.com{suffix}/{pool_id}"


def discovery_url(item):
    return issuer(item) + "/.well-known/openid-configuration"


TABLE = Table(
    name="cognito_user_pools",
    description="Amazon Cognito user pools, with the issuer and OIDC discovery URL an "
    "AgentCore authorizer uses to trust them.",
    service="cognito-idp",
    list_items=list_user_pools,
    list_operation="ListUserPools",
    identity=("Id",),
    get_detail=describe_user_pool,
    detail_operation="DescribeUserPool",
    key_column="user_pool_id",
    key_item=describe_user_pool_by_id,
    key_item_operation="DescribeUserPool",
    key_region=pool_region,
    key_pattern=POOL_ID,
    pushdown=POOL_PUSHDOWN,
    rows_per_scope=5,
    columns=common_columns()
    + (
        Column("user_pool_id", TEXT, "The pool's ID, <region>_<id>.", "Id"),
        Column("user_pool_name", TEXT, "The pool's name.", "Name"),
        Column("arn", TEXT, "The pool's ARN.", "Arn", True),
        Column("status", TEXT, "The pool's status, where Cognito reports one.", "Status", True),
        Column("mfa_configuration", TEXT, "OFF, ON or OPTIONAL.", "MfaConfiguration", True),
        Column("deletion_protection", TEXT, "ACTIVE or INACTIVE.", "DeletionProtection", True),
        Column("user_pool_tier", TEXT, "LITE, ESSENTIALS or PLUS.", "UserPoolTier", True),
        Column("domain", TEXT, "The Cognito-hosted domain prefix.", "Domain", True),
        Column("custom_domain", TEXT, "The custom domain, if any.", "CustomDomain", True),
        Column("created_at", TIMESTAMPTZ, "When the pool was created.", "CreationDate"),
        Column("last_modified_at", TIMESTAMPTZ, "When it last changed.", "LastModifiedDate"),
        Column(
            "estimated_number_of_users",
            BIGINT,
            "Cognito's estimate of the pool's users.",
            "EstimatedNumberOfUsers",
            True,
        ),
        Column("issuer", TEXT, "The issuer (iss) of the pool's tokens.", issuer),
        Column(
            "discovery_url",
            TEXT,
            "The pool's OIDC discovery URL, as an AgentCore authorizer names it.",
            discovery_url,
        ),
    ),
)
