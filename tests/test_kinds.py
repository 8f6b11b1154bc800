"""Harnesses, registries and payment managers: their tables, their doors in
agentcore.invocation_paths and their controls. Both engines, against KINDS_REGION of the fake
AWS (estate.seed_kinds), which simulates these kinds (fdw/demo/simulated_kinds.py)."""

from __future__ import annotations

import pytest

from agentcore_fdw.tables.authorizers import declared_authorizer_type

from .estate import KINDS_KEY, KINDS_REGION, MAIN_ACCOUNT, PLAIN_IDP


@pytest.fixture
def kinds_sql(sql, kinds):
    sql.set_options(regions=KINDS_REGION, profile="default")
    return sql


def doors(sql) -> dict[tuple, dict]:
    return {
        (
            row["door_type"],
            row["door_name"],
            row["served_version"] or "",
            row["version_role"] or "",
        ): row
        for row in sql.dicts(
            "SELECT * FROM agentcore.invocation_paths WHERE door_type <> 'gateway' "
            "AND door_type <> 'runtime_endpoint'"
        )
    }


def test_registries_show_their_authorizer_and_approval(kinds_sql):
    rows = {
        row["name"]: row
        for row in kinds_sql.dicts(
            "SELECT name, authorizer_type, discovery_url, allowed_clients, auto_approval, "
            "detail_error FROM agentcore.registries"
        )
    }
    assert set(rows) == {"iam_registry", "open_catalog", "plain_http_registry"}
    assert rows["iam_registry"]["authorizer_type"] == "AWS_IAM"
    assert rows["iam_registry"]["auto_approval"] is False  # the fake fills AWS's default
    assert rows["open_catalog"]["authorizer_type"] == "CUSTOM_JWT"
    assert rows["open_catalog"]["allowed_clients"] == ["agent-caller"]
    assert rows["open_catalog"]["auto_approval"] is True
    assert rows["plain_http_registry"]["discovery_url"] == PLAIN_IDP


def test_payment_managers_show_their_authorizer_and_key(kinds_sql):
    rows = {
        row["name"]: row
        for row in kinds_sql.dicts(
            "SELECT name, authorizer_type, kms_key_arn, role_arn, workload_identity_arn "
            "FROM agentcore.payment_managers"
        )
    }
    assert rows["keyedpayments"]["authorizer_type"] == "AWS_IAM"
    assert rows["keyedpayments"]["kms_key_arn"] == KINDS_KEY
    assert rows["jwtpayments"]["authorizer_type"] == "CUSTOM_JWT"
    assert rows["jwtpayments"]["kms_key_arn"] is None
    assert rows["jwtpayments"]["role_arn"].endswith(":role/jwtpayments-role")
    assert rows["jwtpayments"]["workload_identity_arn"]


def test_every_harness_version_keeps_the_authorizer_it_was_made_with(kinds_sql):
    versions = kinds_sql.rows(
        "SELECT harness_name, harness_version, authorizer_type FROM agentcore.harness_versions "
        "ORDER BY 1, 2"
    )
    assert versions == [
        ("guarded_harness", "1", "CUSTOM_JWT"),
        ("open_harness", "1", None),
        ("open_harness", "2", "CUSTOM_JWT"),
    ]
    current = kinds_sql.rows(
        "SELECT harness_name, harness_version FROM agentcore.harnesses ORDER BY 1"
    )
    assert current == [("guarded_harness", "1"), ("open_harness", "2")]
    endpoints = kinds_sql.rows(
        "SELECT harness_name, endpoint_name, live_version, target_version "
        "FROM agentcore.harness_endpoints ORDER BY 1, 2"
    )
    assert endpoints == [
        ("guarded_harness", "prod", "1", "1"),
        ("open_harness", "moving", "1", "2"),
        ("open_harness", "stale", "1", "1"),
    ]


def test_a_harness_shows_what_its_tools_reach_never_what_they_hold(kinds_sql):
    (row,) = kinds_sql.dicts(
        "SELECT tools, environment_variable_names, memory_kind, memory_encryption_key_arn "
        "FROM agentcore.harnesses WHERE harness_name = 'guarded_harness'"
    )
    assert row["tools"] == [
        {
            "type": "remote_mcp",
            "name": "ledger",
            "config": "remoteMcp",
            "scheme": "https",
            "host": "mcp.example.com",
            "header_names": ["Authorization"],
            "outbound_auth": "awsIam",
        }
    ]
    assert row["environment_variable_names"] == ["LEDGER_TOKEN"]
    assert row["memory_kind"] == "managedMemoryConfiguration"
    assert row["memory_encryption_key_arn"] == KINDS_KEY


def test_invocation_paths_hold_every_new_door(kinds_sql):
    found = doors(kinds_sql)
    assert {key: row["status"] for key, row in found.items()} == {
        ("registry", "iam_registry", "", ""): "ok",
        ("registry", "open_catalog", "", ""): "ok",
        ("registry", "plain_http_registry", "", ""): "alarm",
        ("payment_manager", "keyedpayments", "", ""): "ok",
        ("payment_manager", "jwtpayments", "", ""): "ok",
        ("harness_endpoint", "prod", "1", "live"): "ok",
        ("harness_endpoint", "stale", "1", "live"): "alarm",
        ("harness_endpoint", "moving", "1", "live"): "alarm",
        ("harness_endpoint", "moving", "2", "target"): "ok",
    }
    assert found["harness_endpoint", "stale", "1", "live"]["reason"].startswith(
        "Endpoint stale of harness open_harness, serving version 1, has no authorizer "
        "configuration and accepts any caller that IAM allows to call InvokeHarness and "
        "InvokeAgentRuntime on the harness. "
    )
    assert found["harness_endpoint", "moving", "2", "target"]["reason"].startswith(
        "Endpoint moving of harness open_harness, serving version 2 once its update completes,"
    )
    assert found["registry", "iam_registry", "", ""]["reason"].startswith("Registry iam_registry (")
    assert (
        ") requires callers to sign with AWS credentials (AWS_IAM). "
        in found["registry", "iam_registry", "", ""]["reason"]
    )
    assert "plain http" in found["registry", "plain_http_registry", "", ""]["reason"]


def test_each_new_control_has_a_passing_and_a_failing_resource(kinds_sql):
    endpoints = kinds_sql.rows(
        "SELECT resource, status FROM agentcore.control_results "
        "WHERE control_id = 'agentcore_harness_endpoint_authorizer_configured' ORDER BY 1, 2"
    )
    assert [(arn.rsplit("/", 1)[-1], status) for arn, status in endpoints] == [
        ("prod", "ok"),
        ("moving", "alarm"),  # open_harness's ARNs sort after guarded_harness's
        ("moving", "ok"),
        ("stale", "alarm"),
    ]
    by_name = {
        row["reason"].split(" ")[1]: row["status"]
        for row in kinds_sql.dicts(
            "SELECT status, reason FROM agentcore.control_results WHERE control_id = %s",
            ("agentcore_harness_remote_mcp_secure",),
        )
    }
    assert by_name == {"guarded_harness": "ok", "open_harness": "alarm"}
    ((weak,),) = kinds_sql.rows(
        "SELECT reason FROM agentcore.agentcore_harness_remote_mcp_secure WHERE status = 'alarm'"
    )
    assert "notes (over http, no outbound auth)" in weak
    memory = kinds_sql.rows(
        "SELECT status FROM agentcore.agentcore_harness_memory_encrypted_with_cmk ORDER BY reason"
    )
    assert sorted(status for (status,) in memory) == ["alarm", "ok"]
    approval = kinds_sql.rows(
        "SELECT status, count(*) FROM agentcore.agentcore_registry_approval_required "
        "GROUP BY 1 ORDER BY 1"
    )
    assert approval == [("alarm", 1), ("ok", 2)]
    registry_authorizer = kinds_sql.rows(
        "SELECT status, count(*) FROM agentcore.agentcore_registry_authorizer_configured "
        "GROUP BY 1 ORDER BY 1"
    )
    assert registry_authorizer == [("alarm", 1), ("ok", 2)]
    payment_authorizer = kinds_sql.rows(
        "SELECT status FROM agentcore.agentcore_payment_manager_authorizer_configured"
    )
    assert sorted(payment_authorizer) == [("ok",), ("ok",)]
    keys = kinds_sql.rows(
        "SELECT status FROM agentcore.agentcore_payment_manager_encrypted_with_cmk ORDER BY 1"
    )
    assert keys == [("alarm",), ("ok",)]


@pytest.mark.parametrize(
    "answer, shown",
    [
        ({"authorizerType": "OAUTH"}, "UNKNOWN(OAUTH)"),
        ({"authorizerType": "CUSTOM_JWT", "authorizerConfiguration": None}, "CUSTOM_JWT"),
    ],
    ids=["unknown type", "jwt without configuration"],
)
def test_a_registry_authorizer_it_cannot_judge_is_error(kinds_sql, aws, answer, shown):
    (registry_id,) = kinds_sql.rows(
        "SELECT registry_id FROM agentcore.registries WHERE name = 'iam_registry'"
    )[0]
    detail = kinds_sql.dicts(
        "SELECT * FROM agentcore.registries WHERE registry_id = %s", (registry_id,)
    )
    assert detail  # the registry is there before the answer changes
    from agentcore_fdw.demo.estate import Seeder  # noqa: F401  (the fake answers as AWS)

    full = {
        "name": "iam_registry",
        "registryId": registry_id,
        "registryArn": f"arn:aws:bedrock-agentcore:{KINDS_REGION}:{MAIN_ACCOUNT}:registry/"
        f"{registry_id}",
        "status": "READY",
        "createdAt": "2026-01-01T00:00:00Z",
        "updatedAt": "2026-01-01T00:00:00Z",
        **{key: value for key, value in answer.items() if value is not None},
    }
    with aws.fault("GetRegistry", None, answer=full, path_contains=registry_id):
        door = doors(kinds_sql)["registry", "iam_registry", "", ""]
    assert door["authorizer_type"] == shown
    assert door["status"] == "error"


@pytest.mark.parametrize(
    "item, shown",
    [
        ({}, "UNKNOWN(no authorizerType)"),
        ({"authorizerType": "aws_iam"}, "UNKNOWN(aws_iam)"),
        ({"authorizerType": "AWS_IAM"}, "AWS_IAM"),
        (
            {
                "authorizerType": "CUSTOM_JWT",
                "authorizerConfiguration": {"SDK_UNKNOWN_MEMBER": {"name": "mtlsAuthorizer"}},
            },
            "UNKNOWN(mtlsAuthorizer)",
        ),  # fmt: skip
    ],
)
def test_a_declared_authorizer_type_is_what_the_model_lists_or_unknown(item, shown):
    assert declared_authorizer_type(item, "RegistryAuthorizerType") == shown


def test_counting_harness_endpoints_reads_no_harness(multicorn_sql, aws, kinds):
    multicorn_sql.set_options(regions=KINDS_REGION, profile="default")
    mark = aws.mark()
    assert multicorn_sql.value("SELECT count(*) FROM agentcore.harness_endpoints") == 3
    calls = sorted(r.operation for r in aws.since(mark) if r.operation != "GetCallerIdentity")
    assert calls == ["ListHarnessEndpoints", "ListHarnessEndpoints", "ListHarnesses"]
