"""agentcore.invokers: who may invoke each door that relies on IAM, by AWS's policy simulator
(the fake's: fdw/demo/iam_simulator.py) and the doors' own resource policies. Principals here
are planted in the main account with names starting inv-, which no other test uses."""

from __future__ import annotations

import json
import time
from urllib.parse import unquote

import pytest

from .estate import DOORS_REGION, INVOKE, KINDS_REGION, MAIN_ACCOUNT, allow, iam_policy


@pytest.fixture
def doors(sql, principals):
    sql.set_options(regions=DOORS_REGION, profile="default")
    return sql


def invokers(sql, door_type: str, door_name: str) -> dict[str, dict]:
    rows = sql.dicts(
        "SELECT * FROM agentcore.invokers WHERE door_type = %s AND door_name = %s",
        (door_type, door_name),
    )
    return {
        row["principal_arn"].rsplit("/", 1)[-1]: row
        for row in rows
        if "/inv-" in row["principal_arn"] or row["granted_by"] == "resource_policy"
    }


def test_a_door_without_an_authorizer_lists_who_iam_lets_in(doors):
    found = invokers(doors, "runtime_endpoint", "prod")  # versioned_agent's version 1
    assert set(found) == {"inv-invoker", "inv-admin", "inv-conditional", "*"}
    assert found["inv-invoker"]["access"] == "allowed"
    assert found["inv-invoker"]["granted_by"] == "identity_policy"
    assert found["inv-invoker"]["matched_policies"] == ["invoke"]
    assert found["inv-invoker"]["principal_type"] == "role"
    assert found["inv-conditional"]["access"] == "conditional"
    assert found["inv-conditional"]["missing_context"] == ["aws:SourceVpce"]
    # The runtime's own policy lets anyone in on a condition: one row, principal *.
    assert found["*"]["granted_by"] == "resource_policy"
    assert found["*"]["access"] == "conditional"
    assert found["*"]["missing_context"] == ["aws:SourceAccount"]


def test_an_iam_gateway_lists_its_invokers_and_a_jwt_door_none(doors):
    found = invokers(doors, "gateway", "iam-gateway")
    assert {"inv-admin", "inv-denied", "*"} <= set(found)  # InvokeGateway is not denied them
    assert "inv-invoker" not in found
    assert found["*"]["access"] == "allowed"  # AnyoneMayInvoke
    assert invokers(doors, "gateway", "jwt-gateway") == {}
    assert invokers(doors, "runtime_endpoint", "canary") == {}  # version 2 has a JWT authorizer


def test_an_iam_registry_and_payment_manager_list_who_may_search_and_pay(sql, principals, kinds):
    sql.set_options(regions=KINDS_REGION, profile="default")
    registry = invokers(sql, "registry", "iam_registry")
    payments = invokers(sql, "payment_manager", "keyedpayments")
    # SearchRegistryRecords and ProcessPayment: inv-denied is denied only InvokeAgentRuntime.
    assert {"inv-admin", "inv-denied"} <= set(registry) and "inv-invoker" not in registry
    assert {"inv-admin", "inv-denied"} <= set(payments) and "inv-invoker" not in payments
    assert invokers(sql, "payment_manager", "jwtpayments") == {}
    (door,) = sql.dicts(
        "SELECT invoker_count, reason FROM agentcore.invocation_paths "
        "WHERE door_type = 'registry' AND door_name = 'iam_registry'"
    )
    assert door["invoker_count"] >= 2 and " IAM principals may invoke it: " in door["reason"]


def test_only_principals_whose_policies_could_grant_an_invoke_are_simulated(doors, aws):
    mark = aws.mark()
    doors.rows("SELECT * FROM agentcore.iam_invokers")
    simulated = [r.body for r in aws.since(mark) if r.operation == "SimulatePrincipalPolicy"]
    assert any("inv-invoker" in body for body in simulated)
    assert not any("inv-bystander" in body for body in simulated)
    listings = [r for r in aws.since(mark) if r.operation == "GetAccountAuthorizationDetails"]
    assert len(listings) >= 1


def test_without_iam_permissions_the_account_has_one_error_row_naming_the_action(doors, aws):
    with aws.fault("GetAccountAuthorizationDetails"):
        rows = doors.dicts("SELECT * FROM agentcore.invokers WHERE error IS NOT NULL")
        doors_still = doors.rows("SELECT count(*) FROM agentcore.invocation_paths")
    assert [row["account_id"] for row in rows] == [MAIN_ACCOUNT]
    assert "grant iam:GetAccountAuthorizationDetails" in rows[0]["error"]
    assert rows[0]["principal_arn"] is None
    assert doors_still[0][0] > 0  # everything else still works


# A 200 answer of SimulatePrincipalPolicy without its EvaluationResults.
NO_RESULTS = (
    '<SimulatePrincipalPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">'
    "<SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated>"
    "</SimulatePrincipalPolicyResult><ResponseMetadata><RequestId>0</RequestId>"
    "</ResponseMetadata></SimulatePrincipalPolicyResponse>"
)


def test_a_malformed_simulator_answer_fails_closed(doors, aws):
    with aws.fault("SimulatePrincipalPolicy", None, body=NO_RESULTS, content_type="text/xml"):
        rows = doors.dicts("SELECT * FROM agentcore.invokers WHERE error IS NOT NULL")
        statuses = doors.rows(
            "SELECT DISTINCT status FROM agentcore.agentcore_door_invokers_inside"
        )
    assert [row["account_id"] for row in rows] == [MAIN_ACCOUNT]
    assert rows[0]["error"].startswith("SimulatePrincipalPolicy failed (MalformedResponse): ")
    assert "who may invoke the doors of this account is unknown" in rows[0]["error"]
    assert statuses == [("error",)]  # never "ok" for want of an answer


def test_an_iam_door_says_how_many_may_invoke_it_and_names_the_first(doors):
    (prod,) = doors.dicts(
        "SELECT relies_on_iam, invoker_count, reason FROM agentcore.invocation_paths "
        "WHERE door_type = 'runtime_endpoint' AND door_name = 'prod'"
    )
    total = doors.value(
        "SELECT count(DISTINCT principal_arn) FROM agentcore.invokers "
        "WHERE door_type = 'runtime_endpoint' AND door_name = 'prod'"
    )
    assert prod["relies_on_iam"] is True and prod["invoker_count"] == total >= 4
    assert f" {total} IAM principals may invoke it: anyone (*), " in prod["reason"]
    assert f"and {total - 3} more." in prod["reason"]
    (canary,) = doors.dicts(
        "SELECT relies_on_iam, invoker_count FROM agentcore.invocation_paths "
        "WHERE door_type = 'runtime_endpoint' AND door_name = 'canary'"
    )
    assert canary == {"relies_on_iam": False, "invoker_count": None}  # a JWT authorizer


def test_an_iam_door_whose_invokers_cannot_be_read_keeps_its_status_and_says_so(doors, aws):
    before = doors.value(
        "SELECT status FROM agentcore.invocation_paths WHERE door_name = 'iam-gateway'"
    )
    with aws.fault("GetAccountAuthorizationDetails"):
        (gateway,) = doors.dicts(
            "SELECT status, invoker_count, reason FROM agentcore.invocation_paths "
            "WHERE door_name = 'iam-gateway'"
        )
    assert gateway["status"] == before and gateway["invoker_count"] is None
    assert "Who IAM lets invoke it could not be read: " in gateway["reason"]
    assert "grant iam:GetAccountAuthorizationDetails" in gateway["reason"]


def test_a_door_anyone_may_invoke_alarms_and_a_closed_one_passes(doors):
    rows = doors.dicts(
        "SELECT resource, status, reason FROM agentcore.control_results "
        "WHERE control_id = 'agentcore_door_invokers_inside'"
    )
    (gateway,) = [row for row in rows if ":gateway/iam-gateway-" in row["resource"]]
    assert gateway["status"] == "alarm"  # its policy lets anyone in, unconditionally
    assert "may invoke gateway" in gateway["reason"] and ": *" in gateway["reason"]
    (prod,) = [row for row in rows if row["resource"].endswith("/runtime-endpoint/prod")]
    assert prod["status"] == "ok"  # anyone (*) only on its aws:SourceAccount condition


def test_the_control_is_error_where_iam_cannot_be_read(doors, aws):
    with aws.fault("GetAccountAuthorizationDetails"):
        statuses = doors.rows(
            "SELECT DISTINCT status FROM agentcore.agentcore_door_invokers_inside"
        )
    assert statuses == [("error",)]


def test_who_may_get_a_runtimes_workload_token_for_any_user_id_is_named(doors, aws):
    rows = doors.dicts(
        "SELECT resource, status, reason FROM agentcore.agentcore_workload_token_for_user_id_denied"
    )
    assert rows and all(":workload-identity-directory/" in row["resource"] for row in rows)
    # inv-admin may call everything, GetWorkloadAccessTokenForUserId included; inv-invoker not.
    assert all(row["status"] == "alarm" and "role/inv-admin" in row["reason"] for row in rows)
    assert not any("role/inv-invoker" in row["reason"] for row in rows)
    with aws.fault("GetAccountAuthorizationDetails"):
        unread = doors.rows(
            "SELECT DISTINCT status FROM agentcore.agentcore_workload_token_for_user_id_denied"
        )
    assert unread == [("error",)]


def test_a_payment_managers_workload_token_for_any_user_id_is_judged_too(sql, principals, kinds):
    sql.set_options(regions=KINDS_REGION, profile="default")
    rows = sql.dicts(
        "SELECT status, reason FROM agentcore.agentcore_workload_token_for_user_id_denied "
        "WHERE reason LIKE '%payment manager jwtpayments (%'"
    )
    assert [row["status"] for row in rows] == ["alarm"]
    assert "IAM lets " in rows[0]["reason"] and "role/inv-admin" in rows[0]["reason"]


def simulated_roles(aws, mark) -> list[str]:
    """The roles the simulator was asked about since `mark`, by name."""
    return sorted(
        unquote(r.body).split(":role/", 1)[1].split("&", 1)[0]
        for r in aws.since(mark)
        if r.operation == "SimulatePrincipalPolicy"
    )


def test_after_the_ttl_only_a_principal_whose_policy_changed_is_simulated_again(doors, aws, estate):
    # Its policy could grant an invoke, on no door that exists: simulated, never an invoker.
    nowhere = "arn:aws:bedrock-agentcore:*:*:runtime/none-such"
    estate.add_role("default", "cache-probe-role",
                    policies={"p": iam_policy(allow(INVOKE, Resource=nowhere))})  # fmt: skip
    iam = estate.client(estate.sessions["default"], "iam", "us-east-1")
    try:
        doors.set_options(cache_ttl="1")
        doors.execute("SELECT agentcore.refresh()")
        query = "SELECT * FROM agentcore.iam_invokers ORDER BY resource_arn, principal_arn"
        mark = aws.mark()
        cold = doors.rows(query)
        assert "cache-probe-role" in simulated_roles(aws, mark)
        assert "inv-invoker" in simulated_roles(aws, mark)
        time.sleep(1.2)
        mark = aws.mark()
        assert doors.rows(query) == cold
        assert simulated_roles(aws, mark) == []  # every verdict kept under unchanged policies
        assert any(r.operation == "GetAccountAuthorizationDetails" for r in aws.since(mark))
        iam.put_role_policy(RoleName="cache-probe-role", PolicyName="p", PolicyDocument=json.dumps(
            iam_policy(allow(INVOKE, Resource=nowhere + "-either"))))  # fmt: skip
        time.sleep(1.2)
        mark = aws.mark()
        assert doors.rows(query) == cold
        assert set(simulated_roles(aws, mark)) == {"cache-probe-role"}
    finally:
        doors.set_options(cache_ttl="0")
        iam.delete_role_policy(RoleName="cache-probe-role", PolicyName="p")
        iam.delete_role(RoleName="cache-probe-role")
