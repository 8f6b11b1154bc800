"""The Cognito tables through SQL: user pools, app clients, resource servers."""

from __future__ import annotations

from .estate import MAIN_ACCOUNT, PARTNER_ACCOUNT
from .test_agent_runtimes import columns_of


def test_columns_are_the_contract(sql):
    assert [name for name, _ in columns_of(sql, "cognito_user_pools")] == [
        "account_id",
        "region",
        "user_pool_id",
        "user_pool_name",
        "arn",
        "status",
        "mfa_configuration",
        "deletion_protection",
        "user_pool_tier",
        "domain",
        "custom_domain",
        "created_at",
        "last_modified_at",
        "estimated_number_of_users",
        "issuer",
        "discovery_url",
        "response_problems",
    ]
    assert columns_of(sql, "cognito_user_pool_clients") == [
        ("account_id", "text"),
        ("region", "text"),
        ("user_pool_id", "text"),
        ("client_id", "text"),
        ("client_name", "text"),
        ("allowed_oauth_flows", "ARRAY"),
        ("allowed_oauth_scopes", "ARRAY"),
        ("allowed_oauth_flows_user_pool_client", "boolean"),
        ("explicit_auth_flows", "ARRAY"),
        ("has_client_secret", "boolean"),
        ("created_at", "timestamp with time zone"),
        ("last_modified_at", "timestamp with time zone"),
        ("response_problems", "ARRAY"),
    ]
    assert columns_of(sql, "cognito_resource_servers") == [
        ("account_id", "text"),
        ("region", "text"),
        ("user_pool_id", "text"),
        ("identifier", "text"),
        ("name", "text"),
        ("scopes", "ARRAY"),
        ("response_problems", "ARRAY"),
    ]


def test_user_pools_in_both_accounts(sql, estate):
    pools = sql.dicts("SELECT * FROM agentcore.cognito_user_pools ORDER BY user_pool_name")
    assert [(p["account_id"], p["region"], p["user_pool_name"]) for p in pools] == [
        (MAIN_ACCOUNT, "us-east-1", "agents-pool"),
        (PARTNER_ACCOUNT, "eu-west-1", "partner-pool"),
    ]
    pool = pools[0]
    pool_id = estate.pools["agents-pool"]["id"]
    assert pool["user_pool_id"] == pool_id
    assert pool["arn"] == f"arn:aws:cognito-idp:us-east-1:{MAIN_ACCOUNT}:userpool/{pool_id}"
    assert pool["mfa_configuration"] == "OFF"
    assert pool["deletion_protection"] == "ACTIVE"
    assert pool["user_pool_tier"] == "ESSENTIALS"
    assert pool["domain"] == "agents-demo"
    assert pool["custom_domain"] is None
    assert pool["estimated_number_of_users"] == 0
    assert pool["created_at"].tzinfo is not None and pool["last_modified_at"] >= pool["created_at"]
    assert pool["issuer"] == f"https://cognito-idp.us-east-1.amazonaws.com/{pool_id}"
    assert pool["discovery_url"] == pool["issuer"] + "/.well-known/openid-configuration"


def test_app_clients(sql, estate):
    clients = sql.dicts("SELECT * FROM agentcore.cognito_user_pool_clients ORDER BY client_name")
    assert [c["client_name"] for c in clients] == ["agent-caller", "partner-client", "web-app"]
    caller, partner, web = clients
    assert caller["client_id"] == estate.clients["agent-caller"]["id"]
    assert caller["user_pool_id"] == estate.pools["agents-pool"]["id"]
    assert caller["allowed_oauth_flows"] == ["client_credentials"]
    assert caller["allowed_oauth_scopes"] == ["agents/invoke"]
    assert caller["allowed_oauth_flows_user_pool_client"] is True
    assert caller["has_client_secret"] is True
    assert web["has_client_secret"] is False
    assert web["explicit_auth_flows"] == ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
    assert partner["account_id"] == PARTNER_ACCOUNT and partner["has_client_secret"] is True


def test_resource_servers_carry_full_scope_strings(sql, estate):
    assert sql.rows(
        "SELECT account_id, user_pool_id, identifier, name, scopes "
        "FROM agentcore.cognito_resource_servers ORDER BY identifier"
    ) == [
        (
            MAIN_ACCOUNT,
            estate.pools["agents-pool"]["id"],
            "agents",
            "Agents API",
            ["agents/invoke", "agents/read"],
        ),
        (
            MAIN_ACCOUNT,
            estate.pools["agents-pool"]["id"],
            "https://billing.example.com",
            "Billing",
            ["https://billing.example.com/charge"],
        ),
    ]
