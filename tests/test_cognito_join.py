"""agentcore.runtime_cognito_authorizers and the controls built on it."""

from __future__ import annotations

from .estate import MAIN_ACCOUNT


def join(sql):
    return {
        row["agent_runtime_name"]: row
        for row in sql.dicts("SELECT * FROM agentcore.runtime_cognito_authorizers")
    }


def controls(sql, control_id):
    return {
        row["resource"]: row
        for row in sql.dicts(
            "SELECT * FROM agentcore.control_results WHERE control_id = %s", (control_id,)
        )
    }


def test_only_runtimes_trusting_cognito_are_joined(sql):
    # Okta and Entra ID providers, and runtimes without an authorizer, are not Cognito.
    assert sorted(join(sql)) == [
        "any_caller_jwt_agent",
        "cognito_agent",
        "missing_pool_agent",
        "partner_trusting_agent",
        "stale_client_agent",
    ]


def test_a_found_pool_with_known_clients_and_scopes(sql, estate):
    row = join(sql)["cognito_agent"]
    pool_id = estate.pools["agents-pool"]["id"]
    assert row == {
        "agent_runtime_arn": estate.runtime_arn("cognito_agent"),
        "agent_runtime_name": "cognito_agent",
        "account_id": MAIN_ACCOUNT,
        "region": "us-east-1",
        "discovery_url": f"https://cognito-idp.us-east-1.amazonaws.com/{pool_id}/.well-known/openid-configuration",
        "user_pool_region": "us-east-1",
        "user_pool_id": pool_id,
        "user_pool_found": True,
        "user_pool_name": "agents-pool",
        "mfa_configuration": "OFF",
        "allowed_clients": [estate.clients["agent-caller"]["id"]],
        "unknown_clients": [],
        "allowed_client_names": ["agent-caller"],
        "allowed_scopes": ["agents/invoke"],
        "unknown_scopes": [],
        "detail_error": None,
        "response_problems": None,
    }


def test_unknown_clients_and_scopes_are_named(sql):
    row = join(sql)["stale_client_agent"]
    assert row["user_pool_found"] is True
    assert row["unknown_clients"] == ["ghostclient0000000000000a"]
    assert row["allowed_client_names"] == ["agent-caller"]
    # openid is Cognito's own scope; the billing scope is defined by a second resource server.
    assert row["unknown_scopes"] == ["agents/delete"]


def test_a_missing_pool_is_not_found(sql):
    row = join(sql)["missing_pool_agent"]
    assert row["user_pool_id"] == "us-east-1_Gone12345"
    assert row["user_pool_found"] is False
    assert row["user_pool_name"] is None
    assert row["unknown_clients"] is None and row["unknown_scopes"] is None


def test_a_pool_in_another_account_is_found(sql, estate):
    row = join(sql)["partner_trusting_agent"]
    assert row["account_id"] == MAIN_ACCOUNT
    assert row["user_pool_id"] == estate.pools["partner-pool"]["id"]
    assert row["user_pool_found"] is True
    assert row["allowed_client_names"] == ["partner-client"]


def test_control_results_cover_every_control(sql):
    assert [
        name
        for (name,) in sql.rows(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'agentcore' "
            "AND table_name = 'control_results' ORDER BY ordinal_position"
        )
    ] == [
        "control_id",
        "control_title",
        "severity",
        "resource",
        "status",
        "reason",
        "account_id",
        "region",
    ]
    # Who may get workload tokens depends on the roles other tests plant in the account's IAM
    # (tests/test_invokers.py holds it): here, one row per runtime.
    assert (
        sql.value(
            "SELECT count(*) FROM agentcore.control_results "
            "WHERE control_id = 'agentcore_workload_token_for_user_id_denied'"
        )
        == 9
    )
    assert sql.rows(
        "SELECT control_id, status, count(*) FROM agentcore.control_results "
        "WHERE control_id <> 'agentcore_workload_token_for_user_id_denied' "
        "GROUP BY 1, 2 ORDER BY 1, 2"
    ) == [
        # The two open runtimes' DEFAULT endpoints: their invokers are all of the account.
        ("agentcore_door_invokers_inside", "ok", 2),
        ("agentcore_runtime_authorizer_configured", "alarm", 2),
        ("agentcore_runtime_authorizer_configured", "ok", 7),
        ("agentcore_runtime_authorizer_restricts_callers", "alarm", 1),
        ("agentcore_runtime_authorizer_restricts_callers", "ok", 6),
        ("agentcore_runtime_authorizer_restricts_callers", "skip", 2),
        ("agentcore_runtime_cognito_clients_exist", "alarm", 1),
        ("agentcore_runtime_cognito_clients_exist", "ok", 2),
        ("agentcore_runtime_cognito_clients_exist", "skip", 2),
        ("agentcore_runtime_cognito_pool_exists", "alarm", 1),
        ("agentcore_runtime_cognito_pool_exists", "ok", 4),
        ("agentcore_runtime_cognito_scopes_exist", "alarm", 1),
        ("agentcore_runtime_cognito_scopes_exist", "ok", 1),
        ("agentcore_runtime_cognito_scopes_exist", "skip", 3),
        # Every runtime's DEFAULT endpoint serves its current version.
        ("agentcore_runtime_endpoint_authorizer_configured", "alarm", 2),
        ("agentcore_runtime_endpoint_authorizer_configured", "ok", 7),
        # The test estate's runtimes are mostly PUBLIC, and none requires MMDSv2.
        ("agentcore_runtime_requires_mmdsv2", "alarm", 9),
        ("agentcore_runtime_vpc_network_mode", "alarm", 8),
        ("agentcore_runtime_vpc_network_mode", "ok", 1),
    ]
    for severity, reason in sql.rows("SELECT severity, reason FROM agentcore.control_results"):
        assert severity in ("high", "medium", "low")
        assert reason.endswith(".")


def test_control_reasons_name_the_problem(sql, estate):
    pool_id = estate.pools["agents-pool"]["id"]
    assert controls(sql, "agentcore_runtime_cognito_clients_exist")[
        estate.runtime_arn("stale_client_agent")
    ]["reason"] == (
        "Agent runtime stale_client_agent allows client IDs that are not app clients of user "
        f"pool {pool_id}: ghostclient0000000000000a."
    )
    assert controls(sql, "agentcore_runtime_cognito_pool_exists")[
        estate.runtime_arn("missing_pool_agent")
    ]["reason"] == (
        "Agent runtime missing_pool_agent trusts Cognito user pool us-east-1_Gone12345 in "
        "us-east-1, which was not found in any inventoried account."
    )
    wide_open = controls(sql, "agentcore_runtime_authorizer_restricts_callers")[
        estate.runtime_arn("any_caller_jwt_agent")
    ]
    assert wide_open["status"] == "alarm"
    assert "any audience from any client" in wide_open["reason"]
    assert controls(sql, "agentcore_runtime_cognito_scopes_exist")[
        estate.runtime_arn("stale_client_agent")
    ]["reason"].endswith(": agents/delete.")


def test_every_column_of_every_table_and_view_is_commented_for_bi_tools(sql):
    """Views, foreign tables and the tables of our own (control_history): each column says
    what it holds, in the catalog a BI tool reads."""
    uncommented = sql.rows(
        "SELECT c.relname || '.' || a.attname FROM pg_class c "
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
        "WHERE c.relnamespace = 'agentcore'::regnamespace "
        "AND c.relkind IN ('v', 'f', 'r', 'm', 'p') "
        "AND col_description(c.oid, a.attnum) IS NULL ORDER BY 1"
    )
    assert not uncommented, "no COMMENT: " + ", ".join(column for (column,) in uncommented)
    tables = sql.rows("SELECT relname FROM pg_class WHERE relnamespace = 'agentcore'::regnamespace "
                      "AND relkind = 'r'")  # fmt: skip
    assert ("control_history",) in tables


def test_every_view_is_commented_for_bi_tools(sql):
    uncommented = sql.rows(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'agentcore' AND c.relkind IN ('v', 'f', 'r') "
        "AND obj_description(c.oid, 'pg_class') IS NULL"
    )
    assert uncommented == []
    assert (
        sql.value(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'agentcore' AND c.relkind IN ('v', 'f')"
        )
        == 60
    )
