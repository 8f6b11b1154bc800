"""agentcore.runtime_authorization_audit: ok, alarm and error, and failures that are never clean."""

from __future__ import annotations

import re

import pytest

from .estate import DENIED_REGION, MAIN_ACCOUNT, REGIONS


def audit(sql):
    return {
        row["agent_runtime_name"]: row
        for row in sql.dicts("SELECT * FROM agentcore.runtime_authorization_audit")
    }


def test_the_audit_has_the_control_result_shape(sql):
    assert [
        name
        for (name,) in sql.rows(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'agentcore' "
            "AND table_name = 'runtime_authorization_audit' ORDER BY ordinal_position"
        )
    ] == [
        "resource",
        "status",
        "reason",
        "account_id",
        "region",
        "agent_runtime_id",
        "agent_runtime_name",
        "authorizer_type",
        "discovery_url",
    ]


def test_runtimes_with_an_authorizer_are_ok_and_without_are_alarm(sql, estate):
    rows = audit(sql)
    assert {name: row["status"] for name, row in rows.items()} == {
        "open_agent": "alarm",
        "partner_open_agent": "alarm",
        "cognito_agent": "ok",
        "stale_client_agent": "ok",
        "missing_pool_agent": "ok",
        "okta_agent": "ok",
        "awkward_strings_agent": "ok",
        "any_caller_jwt_agent": "ok",
        "partner_trusting_agent": "ok",
    }
    open_agent = rows["open_agent"]
    assert open_agent["resource"] == estate.runtime_arn("open_agent")
    assert open_agent["reason"] == (
        f"Agent runtime open_agent ({estate.runtime_id('open_agent')}) has no authorizer "
        "configuration and accepts any caller that IAM allows to call InvokeAgentRuntime."
    )
    assert rows["okta_agent"]["reason"] == (
        f"Agent runtime okta_agent ({estate.runtime_id('okta_agent')}) validates bearer tokens "
        "with a custom JWT authorizer trusting "
        "https://example.okta.com/oauth2/default/.well-known/openid-configuration."
    )
    assert rows["okta_agent"]["authorizer_type"] == "CUSTOM_JWT"
    for row in rows.values():
        assert row["reason"].endswith(".") and row["agent_runtime_name"] in row["reason"]


def test_a_runtime_whose_details_are_denied_is_error_not_ok(sql, aws, estate):
    runtime_id = estate.runtime_id("cognito_agent")
    with aws.fault("GetAgentRuntime", path_contains=runtime_id):
        row = audit(sql)["cognito_agent"]
        assert (
            sql.value(
                "SELECT detail_error FROM agentcore.agent_runtimes WHERE agent_runtime_id = %s",
                (runtime_id,),
            )
            == "AccessDeniedException"
        )
    assert row["status"] == "error"
    assert row["reason"] == (
        f"Agent runtime cognito_agent ({runtime_id}) could not be read (AccessDeniedException), "
        "so whether it has an authorizer is unknown."
    )
    assert any("GetAgentRuntime failed with AccessDeniedException" in n for n in sql.notices)


@pytest.mark.parametrize(
    "member, body",
    [
        ("mutualTlsAuthorizer", {"trustStore": "s3://bucket/ca.pem"}),
        # Named like kinds that are ok or known elsewhere: still not a member the model has.
        ("aws_iam", {}),
        ("AWS_IAM", {}),
        ("none", {}),
    ],
)
def test_an_authorizer_of_an_unknown_shape_is_error_never_ok(sql, aws, estate, member, body):
    runtime_id = estate.runtime_id("okta_agent")
    detail = {
        "agentRuntimeArn": estate.runtime_arn("okta_agent"), "agentRuntimeId": runtime_id,
        "agentRuntimeName": "okta_agent", "agentRuntimeVersion": "2", "status": "READY",
        "createdAt": "2026-11-01T00:00:00Z", "lastUpdatedAt": "2026-11-02T00:00:00Z",
        "roleArn": "arn:aws:iam::123456789012:role/r", "lifecycleConfiguration": {},
        "networkConfiguration": {"networkMode": "PUBLIC"},
        "authorizerConfiguration": {member: body},
    }  # fmt: skip
    with aws.fault("GetAgentRuntime", None, path_contains=runtime_id, answer=detail):
        row = audit(sql)["okta_agent"]
    assert row["status"] == "error"
    assert row["authorizer_type"] == f"UNKNOWN({member})"
    assert "does not recognise" in row["reason"] and member in row["reason"]


def test_a_runtime_deleted_between_list_and_get_is_left_out(sql, aws, estate):
    runtime_id = estate.runtime_id("okta_agent")
    with aws.fault(
        "GetAgentRuntime", "ResourceNotFoundException", status=404, path_contains=runtime_id
    ):
        rows = audit(sql)
    assert "okta_agent" not in rows and "open_agent" in rows


def test_a_denied_region_fails_the_query_and_names_what_failed(sql, aws):
    sql.set_options(regions=f"us-east-1,{DENIED_REGION}", profile="default")
    with aws.fault("ListAgentRuntimes", region=DENIED_REGION):
        error = sql.error("SELECT * FROM agentcore.runtime_authorization_audit")
    message = error.diag.message_primary
    assert message.startswith("agentcore: ListAgentRuntimes failed")
    for part in (MAIN_ACCOUNT, DENIED_REGION, "ListAgentRuntimes", "AccessDeniedException"):
        assert part in message
    assert "ignore_error_codes" in error.diag.message_hint
    if sql.engine == "plpython":  # Multicorn2 raises every error as XX000
        assert error.diag.sqlstate == "HV000"


def test_an_ignored_error_code_skips_the_region_and_warns(sql, aws):
    sql.set_options(
        regions=f"us-east-1,{DENIED_REGION}",
        profile="default",
        ignore_error_codes="AccessDeniedException",
    )
    with aws.fault("ListAgentRuntimes", region=DENIED_REGION):
        regions = {
            region
            for (region,) in sql.rows(
                "SELECT DISTINCT region FROM agentcore.runtime_authorization_audit"
            )
        }
    assert regions == {"us-east-1"}
    (warning,) = [n for n in sql.notices if "incomplete" in n]
    assert DENIED_REGION in warning and "AccessDeniedException" in warning
    # Without the fault, that region's runtime is there.
    assert "sydney_agent" in audit(sql)


def test_throttling_is_retried_with_backoff(sql, aws):
    sql.set_options(regions="eu-west-1", profile="default")
    mark = aws.mark()
    with aws.fault(
        "ListAgentRuntimes", "ThrottlingException", status=400, region="eu-west-1", times=2
    ):
        names = [
            name
            for (name,) in sql.rows(
                "SELECT agent_runtime_name FROM agentcore.runtime_authorization_audit"
            )
        ]
    assert names == ["partner_trusting_agent"]
    assert aws.count(mark, "ListAgentRuntimes", "eu-west-1") == 3


def test_one_statement_reads_aws_once_however_often_it_names_a_table(sql, aws):
    mark = aws.mark()
    statuses = sql.rows("SELECT control_id, status FROM agentcore.control_results")
    assert len(statuses) > 9
    # Five controls read agent_runtimes; each runtime is still listed and read once.
    assert aws.count(mark, "ListAgentRuntimes") == len(REGIONS) * 2  # two accounts
    assert aws.count(mark, "GetAgentRuntime") == 9
    assert aws.count(mark, "ListUserPools") <= len(REGIONS) * 2
    # At most one DescribeUserPool per trusted pool (3) and account (2), however many
    # runtimes trust it: the multicorn engine looks pools up by ID rather than listing.
    assert aws.count(mark, "DescribeUserPool") <= 6
    assert aws.count(mark, "GetCallerIdentity") <= 2


def test_the_account_comes_from_sts(sql, estate):
    accounts = {row[0] for row in sql.rows("SELECT account_id FROM agentcore.agent_runtimes")}
    assert accounts == {MAIN_ACCOUNT, "111111111111"}
    assert all(re.fullmatch(r"\d{12}", a) for a in accounts)
