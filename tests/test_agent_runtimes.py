"""agentcore.agent_runtimes, read through SQL from a real PostgreSQL over a moto server."""

from __future__ import annotations

from datetime import datetime, timezone

from .estate import AWKWARD_CLIENTS, MAIN_ACCOUNT, PARTNER_ACCOUNT

CONTRACT = [
    ("account_id", "text"),
    ("region", "text"),
    ("agent_runtime_id", "text"),
    ("agent_runtime_arn", "text"),
    ("agent_runtime_name", "text"),
    ("agent_runtime_version", "text"),
    ("status", "text"),
    ("description", "text"),
    ("created_at", "timestamp with time zone"),
    ("last_updated_at", "timestamp with time zone"),
    ("role_arn", "text"),
    ("network_mode", "text"),
    ("server_protocol", "text"),
    ("authorizer_type", "text"),
    ("discovery_url", "text"),
    ("allowed_audience", "ARRAY"),
    ("allowed_clients", "ARRAY"),
    ("allowed_scopes", "ARRAY"),
    ("custom_claims", "jsonb"),
    ("advertised_scope_mapping", "jsonb"),
    ("private_endpoint", "jsonb"),
    ("private_endpoint_overrides", "jsonb"),
    ("certificate_configurations", "jsonb"),
    ("allowed_workload_configuration", "jsonb"),
    ("authorizer_configuration", "jsonb"),
    ("request_header_allowlist", "ARRAY"),
    ("workload_identity_arn", "text"),
    ("environment_variable_names", "ARRAY"),
    ("vpc_subnets", "ARRAY"),
    ("vpc_security_groups", "ARRAY"),
    ("require_mmdsv2", "boolean"),
    ("idle_session_timeout", "bigint"),
    ("max_lifetime", "bigint"),
    ("artifact_type", "text"),
    ("container_uri", "text"),
    ("detail_error", "text"),
    ("response_problems", "ARRAY"),
]


def columns_of(sql, relation):
    return sql.rows(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'agentcore' AND table_name = %s ORDER BY ordinal_position",
        (relation,),
    )


def runtime(sql, name):
    rows = sql.dicts(
        "SELECT * FROM agentcore.agent_runtimes WHERE agent_runtime_name = %s", (name,)
    )
    assert len(rows) == 1, rows
    return rows[0]


def test_columns_are_the_contract(sql):
    assert columns_of(sql, "agent_runtimes") == CONTRACT


def test_a_runtime_with_a_cognito_authorizer_has_every_column(sql, estate):
    created = estate.runtimes["cognito_agent"]
    jwt = created["settings"]["authorizerConfiguration"]["customJWTAuthorizer"]
    row = runtime(sql, "cognito_agent")
    assert row["account_id"] == MAIN_ACCOUNT
    assert row["region"] == "us-east-1"
    assert row["agent_runtime_id"] == created["agentRuntimeId"]
    assert row["agent_runtime_arn"] == created["agentRuntimeArn"]
    assert row["agent_runtime_version"] == "1"
    assert row["status"] == "READY"
    assert row["description"] == "Cognito authorizer, one known client, one defined scope"
    assert row["created_at"].tzinfo is not None
    assert abs(row["created_at"] - datetime.now(timezone.utc)).total_seconds() < 3600
    assert row["last_updated_at"] >= row["created_at"]
    assert row["role_arn"] == f"arn:aws:iam::{MAIN_ACCOUNT}:role/cognito_agent-role"
    assert row["network_mode"] == "PUBLIC"
    assert row["server_protocol"] == "MCP"
    assert row["authorizer_type"] == "CUSTOM_JWT"
    assert row["discovery_url"] == jwt["discoveryUrl"]
    assert row["allowed_audience"] == ["agents-api"]
    assert row["allowed_clients"] == jwt["allowedClients"]
    assert row["allowed_scopes"] == ["agents/invoke"]
    assert row["custom_claims"] is None
    assert row["authorizer_configuration"] == {"customJWTAuthorizer": jwt}
    assert row["request_header_allowlist"] == ["X-Tenant-Id", "Authorization"]
    assert row["workload_identity_arn"].endswith("/workload-identity/" + created["agentRuntimeId"])
    assert row["environment_variable_names"] == ["LOG_LEVEL"]
    assert row["detail_error"] is None


def test_a_runtime_without_an_authorizer_has_null_authorizer_columns(sql):
    row = runtime(sql, "open_agent")
    for column in (
        "authorizer_type",
        "discovery_url",
        "allowed_audience",
        "allowed_clients",
        "allowed_scopes",
        "custom_claims",
        "authorizer_configuration",
        "request_header_allowlist",
        "server_protocol",
        "detail_error",
        "response_problems",
    ):
        assert row[column] is None, column
    assert row["environment_variable_names"] == ["DATABASE_URL", "LOG_LEVEL", "OPENAI_API_KEY"]


def test_custom_claims_arrive_as_jsonb(sql, estate):
    jwt = estate.runtimes["okta_agent"]["settings"]["authorizerConfiguration"][
        "customJWTAuthorizer"
    ]
    row = runtime(sql, "okta_agent")
    assert row["custom_claims"] == jwt["customClaims"]
    assert (
        sql.value(
            "SELECT custom_claims -> 0 ->> 'inboundTokenClaimName' FROM agentcore.agent_runtimes "
            "WHERE agent_runtime_name = 'okta_agent'"
        )
        == "department"
    )


def test_awkward_strings_survive_the_round_trip(sql):
    row = runtime(sql, "awkward_strings_agent")
    assert row["allowed_clients"] == AWKWARD_CLIENTS
    assert row["allowed_audience"] == ["api://awkward,audience", "{aud}"]
    assert row["description"] == 'Entra ID; "quotes", {braces}, commas, ünïcødé'
    # And SQL sees them as array elements, not as text to be split again.
    assert sql.value(
        "SELECT cardinality(allowed_clients) FROM agentcore.agent_runtimes "
        "WHERE agent_runtime_name = 'awkward_strings_agent'"
    ) == len(AWKWARD_CLIENTS)
    assert sql.value(
        "SELECT 'NULL' = ANY (allowed_clients) AND array_position(allowed_clients, NULL) IS NULL "
        "FROM agentcore.agent_runtimes WHERE agent_runtime_name = 'awkward_strings_agent'"
    )


def test_several_accounts_and_regions(sql):
    found = sql.rows(
        "SELECT account_id, region, count(*) FROM agentcore.agent_runtimes "
        "GROUP BY 1, 2 ORDER BY 1, 2"
    )
    assert found == [
        (PARTNER_ACCOUNT, "eu-west-1", 1),
        (MAIN_ACCOUNT, "eu-west-1", 1),
        (MAIN_ACCOUNT, "us-east-1", 7),
    ]


def test_vpc_network_mode(sql):
    assert runtime(sql, "partner_trusting_agent")["network_mode"] == "VPC"


def test_only_the_regions_asked_for_are_read(sql, aws):
    sql.set_options(regions="eu-west-1", profile="partner")
    mark = aws.mark()
    assert sql.rows("SELECT account_id, agent_runtime_name FROM agentcore.agent_runtimes") == [
        (PARTNER_ACCOUNT, "partner_open_agent")
    ]
    assert {r.region for r in aws.since(mark) if r.operation == "ListAgentRuntimes"} == {
        "eu-west-1"
    }
