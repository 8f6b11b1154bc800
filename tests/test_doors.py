"""Every way in: runtime endpoints and the versions they serve, gateways and their targets,
resource policies, and agentcore.invocation_paths over them. Both engines, against the fake
AWS's DOORS_REGION (see estate.seed_doors)."""

from __future__ import annotations

import botocore.session
import pytest

from agentcore_fdw.tables import TABLES
from agentcore_fdw.tables.authorizers import (
    JWT_MEMBERS,
    botocore_problem,
    describe_botocore_problem,
)

from .estate import DOORS_REGION, MAIN_ACCOUNT


@pytest.fixture
def doors(sql):
    sql.set_options(regions=DOORS_REGION, profile="default")
    return sql


def agentcore_calls(aws, mark) -> list[str]:
    """The AgentCore operations asked since `mark`, sorted (STS's account lookup left out)."""
    return sorted(r.operation for r in aws.since(mark) if r.operation != "GetCallerIdentity")


def paths(sql) -> dict[tuple, dict]:
    return {
        (row["door_name"], row["served_version"] or "", row["version_role"] or ""): row
        for row in sql.dicts("SELECT * FROM agentcore.invocation_paths")
    }


def test_endpoints_name_the_versions_they_serve(doors, estate):
    rows = doors.rows(
        "SELECT endpoint_name, live_version, target_version, status, agent_runtime_id, "
        "agent_runtime_arn FROM agentcore.agent_runtime_endpoints "
        "WHERE agent_runtime_id = %s ORDER BY endpoint_name",
        (estate.runtime_id("versioned_agent"),),
    )
    arn, runtime_id = estate.runtime_arn("versioned_agent"), estate.runtime_id("versioned_agent")
    assert rows == [
        ("DEFAULT", "2", "2", "READY", runtime_id, arn),
        ("canary", "2", "2", "READY", runtime_id, arn),
        ("prod", "1", "1", "READY", runtime_id, arn),
    ]


def test_each_version_has_the_authorizer_it_was_made_with(doors, estate):
    rows = doors.dicts(
        "SELECT agent_runtime_version, authorizer_type, discovery_url, allowed_clients, "
        "detail_error FROM agentcore.agent_runtime_versions WHERE agent_runtime_id = %s "
        "ORDER BY agent_runtime_version",
        (estate.runtime_id("versioned_agent"),),
    )
    assert [(r["agent_runtime_version"], r["authorizer_type"]) for r in rows] == [
        ("1", None),
        ("2", "CUSTOM_JWT"),
    ]
    assert rows[1]["allowed_clients"] == [estate.clients["agent-caller"]["id"]]
    assert all(r["detail_error"] is None for r in rows)


def test_one_version_is_read_with_one_request(multicorn_sql, aws, estate):
    sql = multicorn_sql
    sql.set_options(regions=f"us-east-1,{DOORS_REGION}", profile="default,partner")
    mark = aws.mark()
    rows = sql.rows(
        "SELECT authorizer_type FROM agentcore.agent_runtime_versions WHERE region = %s "
        "AND account_id = %s AND agent_runtime_id = %s AND agent_runtime_version = '1'",
        (DOORS_REGION, MAIN_ACCOUNT, estate.runtime_id("versioned_agent")),
    )
    assert rows == [(None,)]
    assert agentcore_calls(aws, mark) == ["GetAgentRuntime"]


def test_gateways_and_their_authorizers(doors, estate):
    rows = {
        row["name"]: row
        for row in doors.dicts(
            "SELECT name, gateway_id, gateway_arn, authorizer_type, policy_engine_mode, "
            "discovery_url, allowed_audience, detail_error FROM agentcore.gateways"
        )
    }
    assert {name: row["authorizer_type"] for name, row in rows.items()} == {
        "open-gateway": "NONE",
        "authn-only-gateway": "AUTHENTICATE_ONLY",
        "enforced-gateway": "AUTHENTICATE_ONLY",
        "iam-gateway": "AWS_IAM",
        "jwt-gateway": "CUSTOM_JWT",
    }
    assert rows["enforced-gateway"]["policy_engine_mode"] == "ENFORCE"
    assert rows["authn-only-gateway"]["policy_engine_mode"] is None
    assert rows["jwt-gateway"]["allowed_audience"] == ["gateway-api"]
    assert rows["iam-gateway"]["gateway_arn"] == estate.gateways["iam-gateway"]["arn"]


def test_gateway_targets_name_credentials_never_secrets(doors, estate):
    rows = {
        row["name"]: row
        for row in doors.dicts("SELECT * FROM agentcore.gateway_targets ORDER BY name")
    }
    lambda_target, runtime_target = rows["orders-lambda"], rows["to-agent"]
    assert lambda_target["gateway_id"] == estate.gateways["jwt-gateway"]["id"]
    assert lambda_target["target_type"] == "mcp.lambda"
    assert lambda_target["credential_provider_type"] == "OAUTH"
    assert lambda_target["credential_provider_arn"].endswith("oauth2credentialprovider/orders")
    assert lambda_target["oauth_scopes"] == ["orders/read"]
    assert lambda_target["oauth_grant_type"] == "CLIENT_CREDENTIALS"
    assert lambda_target["target_runtime_arn"] is None
    assert runtime_target["target_type"] == "http.agentcoreRuntime"
    assert runtime_target["target_runtime_arn"] == estate.runtime_arn("gateway_only_agent")
    assert runtime_target["target_runtime_qualifier"] == "DEFAULT"
    # The target's configuration (an inline tool schema here) is never read out.
    assert "get_order" not in repr(rows)


def test_resource_policies_and_which_let_anyone_in(doors, estate):
    rows = {
        row["resource_arn"]: row for row in doors.dicts("SELECT * FROM agentcore.resource_policies")
    }
    gateway, runtime = estate.gateways["iam-gateway"]["arn"], estate.runtime_arn("versioned_agent")
    assert set(rows) == {gateway, runtime}  # no row where no policy is set
    assert rows[gateway]["resource_type"] == "gateway" and rows[gateway]["allows_public"]
    assert rows[gateway]["public_statements"] == ["AnyoneMayInvoke"]
    assert rows[runtime]["resource_type"] == "runtime"
    assert rows[runtime]["allows_public"] is False  # narrowed to one account
    assert rows[runtime]["policy"]["Statement"][0]["Sid"] == "OnlyOurAccount"


def test_invocation_paths_list_every_door_and_what_it_checks(doors, estate):
    found = paths(doors)
    statuses = {key: row["status"] for key, row in found.items()}
    assert statuses == {
        ("DEFAULT", "2", "live"): "ok",  # versioned_agent
        ("prod", "1", "live"): "alarm",
        ("canary", "2", "live"): "ok",
        ("DEFAULT", "1", "live"): "ok",  # gateway_only_agent
        ("open-gateway", "", ""): "alarm",
        ("authn-only-gateway", "", ""): "alarm",
        ("enforced-gateway", "", ""): "ok",
        ("iam-gateway", "DEFAULT", ""): "alarm",
        ("jwt-gateway", "", ""): "ok",
    }
    prod = found["prod", "1", "live"]
    assert prod["reason"].startswith(
        "Endpoint prod of agent runtime versioned_agent, serving version 1, has no authorizer "
        "configuration and accepts any caller that IAM allows to call InvokeAgentRuntime. "
    )
    assert "may invoke it: anyone (*)" in prod["reason"]  # who: tests/test_invokers.py
    iam = found["iam-gateway", "DEFAULT", ""]
    assert iam["agent_runtime_arn"] == estate.runtime_arn("gateway_only_agent")
    assert iam["public_policy"] is True
    assert "lets any AWS principal invoke it (AnyoneMayInvoke)" in iam["reason"]
    assert "Through it callers reach agent runtime gateway_only_agent" in iam["reason"]
    assert "(AUTHENTICATE_ONLY)" in found["authn-only-gateway", "", ""]["reason"]


def test_the_new_controls_alarm_with_reasons_that_name_the_door(doors, estate):
    results = doors.dicts(
        "SELECT control_id, resource, status, reason FROM agentcore.control_results "
        "WHERE status <> 'ok' AND control_id IN ("
        "'agentcore_runtime_endpoint_authorizer_configured', "
        "'agentcore_gateway_authorizer_configured', 'agentcore_resource_policy_not_public') "
        "ORDER BY control_id, resource"
    )
    by_control: dict[str, list[str]] = {}
    for row in results:
        assert row["status"] == "alarm", row
        by_control.setdefault(row["control_id"], []).append(row["reason"])
    assert [reason.split(",")[0] for reason in by_control.pop(
        "agentcore_runtime_endpoint_authorizer_configured")] == [
        "Endpoint prod of agent runtime versioned_agent"
    ]  # fmt: skip
    gateways = sorted(by_control.pop("agentcore_gateway_authorizer_configured"))
    assert [reason.split(" (")[0] for reason in gateways] == [
        "Gateway authn-only-gateway",
        "Gateway open-gateway",
    ]
    assert "has authorizer type NONE and accepts any caller" in gateways[1]
    (public,) = by_control.pop("agentcore_resource_policy_not_public")
    assert public == (
        f"The resource policy of gateway {estate.gateways['iam-gateway']['arn']} lets any AWS "
        "principal in (statements AnyoneMayInvoke)."
    )
    assert not by_control


# Fail closed on every door.


def test_an_endpoint_whose_version_cannot_be_read_is_error(doors, aws, estate):
    runtime_id = estate.runtime_id("versioned_agent")
    with aws.fault("GetAgentRuntime", path_contains=runtime_id):
        found = paths(doors)
    prod = found["prod", "1", "live"]
    assert prod["status"] == "error"
    # The runtime's name comes with the version's details; without them, its ID stands in.
    assert prod["reason"].startswith("Endpoint prod of agent runtime ")
    assert prod["reason"].endswith(
        ", serving version 1, could not be read (AccessDeniedException), so whether it has an "
        "authorizer is unknown."
    )


def test_a_gateway_whose_details_are_denied_is_error(doors, aws, estate):
    gateway_id = estate.gateways["jwt-gateway"]["id"]
    with aws.fault("GetGateway", path_contains=gateway_id):
        (row,) = doors.dicts(
            "SELECT status, reason FROM agentcore.agentcore_gateway_authorizer_configured "
            "WHERE resource LIKE %s",
            (f"%{gateway_id}",),
        )
    assert row["status"] == "error"
    assert "could not be read (AccessDeniedException)" in row["reason"]


def test_a_policy_that_is_not_json_is_error(doors, aws, estate):
    arn = estate.runtime_arn("versioned_agent")
    with aws.fault("GetResourcePolicy", None, answer={"policy": "{not json"},
                   path_contains=estate.runtime_id("versioned_agent")):  # fmt: skip
        (row,) = doors.dicts(
            "SELECT status, reason FROM agentcore.agentcore_resource_policy_not_public "
            "WHERE resource = %s",
            (arn,),
        )
    assert row["status"] == "error"
    assert "could not be read (MalformedResponse)" in row["reason"]


def iam_gateway_policy(doors, aws, estate, policy: dict | str) -> tuple[dict, dict]:
    """The iam-gateway's door and its not-public control row, with GetResourcePolicy
    answering `policy` for it."""
    import json

    gateway = estate.gateways["iam-gateway"]
    text = policy if isinstance(policy, str) else json.dumps(policy)
    with aws.fault("GetResourcePolicy", None, answer={"policy": text},
                   path_contains=gateway["id"]):  # fmt: skip
        door = paths(doors)["iam-gateway", "DEFAULT", ""]
        (control,) = doors.dicts(
            "SELECT status, reason FROM agentcore.agentcore_resource_policy_not_public "
            "WHERE resource = %s",
            (gateway["arn"],),
        )
    return door, control


def anyone_may_invoke(condition=None, **more) -> dict:
    statement = {"Sid": "AnyoneMayInvoke", "Effect": "Allow", "Principal": "*",
                 "Action": "bedrock-agentcore:InvokeGateway", "Resource": "*"}  # fmt: skip
    if condition:
        statement["Condition"] = condition
    return {"Version": "2012-10-17", "Statement": [statement, *more.get("then", [])]}


@pytest.mark.parametrize(
    "condition",
    [
        {"StringEqualsIfExists": {"aws:SourceAccount": MAIN_ACCOUNT}},
        {"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}},
        {"StringLike": {"aws:PrincipalAccount": "*"}},
        {"Null": {"aws:SourceVpc": "true"}},
        {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}},
        {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:*"}},
    ],
    ids=str,
)
def test_a_condition_that_bounds_no_caller_leaves_an_iam_door_open(doors, aws, estate, condition):
    door, control = iam_gateway_policy(doors, aws, estate, anyone_may_invoke(condition))
    assert door["status"] == "alarm" and door["public_policy"] is True
    assert "lets any AWS principal invoke it (AnyoneMayInvoke)" in door["reason"]
    assert control["status"] == "alarm"


def test_the_org_only_pattern_closes_an_iam_door(doors, aws, estate):
    fence = {"Sid": "OnlyOurOrg", "Effect": "Deny", "Principal": "*", "Action": "*",
             "Resource": "*",
             "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}  # fmt: skip
    door, control = iam_gateway_policy(doors, aws, estate, anyone_may_invoke(then=[fence]))
    assert (door["status"], door["public_policy"], control["status"]) == ("ok", False, "ok")


def test_a_policy_it_cannot_judge_is_error_never_ok(doors, aws, estate):
    policy = anyone_may_invoke({"StringEqualz": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})
    door, control = iam_gateway_policy(doors, aws, estate, policy)
    assert door["status"] == "error"
    assert (
        "could not be judged (AnyoneMayInvoke: condition operator StringEqualz is not one IAM "
        "has), so who may invoke it is unknown." in door["reason"]
    )
    assert control["status"] == "error" and "could not be judged" in control["reason"]


def test_a_policy_nested_absurdly_deep_is_malformed(doors, aws, estate):
    door, control = iam_gateway_policy(doors, aws, estate, '{"a":' * 5000 + "1" + "}" * 5000)
    assert door["status"] == "error"
    assert "resource policy could not be read (MalformedResponse)" in door["reason"]
    assert control["status"] == "error"


def test_a_denied_policy_read_makes_every_iam_door_error_and_names_it(doors, aws, estate):
    gateway = estate.gateways["iam-gateway"]
    with aws.fault("GetResourcePolicy", path_contains=gateway["id"]):
        door = paths(doors)["iam-gateway", "DEFAULT", ""]
        rows = doors.dicts(
            "SELECT resource, status, reason FROM agentcore.control_results "
            "WHERE control_id = 'agentcore_resource_policy_not_public'"
        )
    assert door["status"] == "error"
    assert "Its resource policy could not be read (AccessDeniedException)." in door["reason"]
    assert all(row["resource"] is not None for row in rows)
    (denied,) = [row for row in rows if row["resource"] == gateway["arn"]]
    assert denied["status"] == "error"


def test_a_door_joins_its_policy_on_the_id_its_list_gave(doors, aws, estate):
    """A GetGateway answer that spells the ARN otherwise still finds the gateway's policy."""
    gateway = estate.gateways["iam-gateway"]
    client = estate.client(estate.sessions["default"], "bedrock-agentcore-control", DOORS_REGION)
    detail = client.get_gateway(gatewayIdentifier=gateway["id"])
    detail.pop("ResponseMetadata")
    detail["gatewayArn"] = gateway["arn"].upper().replace("ARN:AWS:", "arn:aws:")
    with aws.fault("GetGateway", None, answer=detail, path_contains=gateway["id"]):
        door = paths(doors)["iam-gateway", "DEFAULT", ""]
    assert door["public_policy"] is True and door["status"] == "alarm"


# Every member of the JWT authorizer reaches a column.


def test_every_jwt_authorizer_member_has_a_column():
    model = botocore.session.get_session().get_service_model("bedrock-agentcore-control")
    members = set(model.shape_for("CustomJWTAuthorizerConfiguration").members)
    assert members == set(JWT_MEMBERS), "map every member in fdw/tables/authorizers.py"
    for table in ("agent_runtimes", "agent_runtime_versions", "gateways"):
        for column, _, _ in JWT_MEMBERS.values():
            assert column in TABLES[table].column_names, (table, column)


def test_a_botocore_too_old_to_read_every_member_is_refused_by_name():
    assert describe_botocore_problem("1.44.8", set(JWT_MEMBERS)) is None
    old = set(JWT_MEMBERS) - {"certificateConfigurations"}
    assert describe_botocore_problem("1.44.0", old) == (
        "the PostgreSQL server's botocore 1.44.0 is older than 1.44.1: its model lacks "
        "certificateConfigurations, so authorizer settings it does not know would read as NULL"
    )
    assert "older than 1.44.1, so" in describe_botocore_problem("1.43.11", set(JWT_MEMBERS))
    assert botocore_problem() is None  # the botocore the tests (and the server) run


def test_cognito_authorizers_cover_gateways_and_the_versions_endpoints_serve(sql, estate):
    sql.set_options(regions=f"us-east-1,{DOORS_REGION}", profile="default")
    rows = sql.rows(
        "SELECT authorizer_source, name, version, user_pool_found, unknown_clients "
        "FROM agentcore.cognito_authorizers WHERE region = %s ORDER BY 1, 2, 3",
        (DOORS_REGION,),
    )
    assert rows == [
        ("gateway", "jwt-gateway", None, True, []),
        ("runtime", "gateway_only_agent", "1", True, []),
        ("runtime", "versioned_agent", "2", True, []),
        ("runtime_version", "gateway_only_agent", "1", True, []),  # its DEFAULT endpoint
        ("runtime_version", "versioned_agent", "2", True, []),  # DEFAULT
        ("runtime_version", "versioned_agent", "2", True, []),  # canary; prod serves no JWT
    ]
    (pool,) = sql.dicts(
        "SELECT status, reason FROM agentcore.agentcore_gateway_cognito_pool_exists "
        "WHERE region = %s",
        (DOORS_REGION,),
    )
    assert pool == {
        "status": "ok",
        "reason": f"Gateway jwt-gateway trusts Cognito user pool "
        f"{estate.pools['agents-pool']['id']} (agents-pool) in us-east-1.",
    }


def test_pushed_down_keys_read_only_what_they_name(multicorn_sql, aws, estate):
    sql = multicorn_sql
    sql.set_options(regions=DOORS_REGION, profile="default")
    runtime_id = estate.runtime_id("versioned_agent")
    mark = aws.mark()
    endpoints = sql.rows(
        "SELECT endpoint_name FROM agentcore.agent_runtime_endpoints WHERE agent_runtime_id = %s "
        "ORDER BY 1",
        (runtime_id,),
    )
    assert endpoints == [("DEFAULT",), ("canary",), ("prod",)]
    assert agentcore_calls(aws, mark) == ["ListAgentRuntimeEndpoints"]
    mark = aws.mark()
    policies = sql.rows(
        "SELECT allows_public FROM agentcore.resource_policies WHERE resource_arn = %s",
        (estate.gateways["iam-gateway"]["arn"],),
    )
    assert policies == [(True,)]
    assert agentcore_calls(aws, mark) == ["GetResourcePolicy"]
    mark = aws.mark()
    targets = sql.rows(
        "SELECT name FROM agentcore.gateway_targets WHERE gateway_id = %s",
        (estate.gateways["iam-gateway"]["id"],),
    )
    assert targets == [("to-agent",)]
    assert agentcore_calls(aws, mark) == ["ListGatewayTargets"]  # name needs no details


@pytest.mark.parametrize(
    "query, key",
    [
        ("SELECT * FROM agentcore.agent_runtimes WHERE agent_runtime_id = %s", "../../x"),
        ("SELECT * FROM agentcore.gateways WHERE gateway_id = %s", "a/../b"),
        ("SELECT * FROM agentcore.resource_policies WHERE resource_arn = %s", "arn:aws:s3:::x"),
        ("SELECT * FROM agentcore.cognito_user_pools WHERE user_pool_id = %s", "us-east-1_../x"),
    ],
)
def test_a_key_the_api_would_refuse_never_reaches_a_request(multicorn_sql, aws, query, key):
    mark = aws.mark()
    assert multicorn_sql.rows(query, (key,)) == []
    assert agentcore_calls(aws, mark) == []


def test_a_long_key_list_is_listed_not_read_one_by_one(multicorn_sql, aws, estate):
    sql = multicorn_sql
    sql.set_options(regions=DOORS_REGION, profile="default")
    ids = [estate.runtime_id("versioned_agent")] + [f"made_up_{n}-0123456789" for n in range(300)]
    mark = aws.mark()
    rows = sql.rows(
        "SELECT agent_runtime_name FROM agentcore.agent_runtimes WHERE agent_runtime_id = ANY(%s)",
        (ids,),
    )
    assert rows == [("versioned_agent",)]
    calls = agentcore_calls(aws, mark)
    assert calls.count("ListAgentRuntimes") == 1 and len(calls) < 10, calls


def test_an_arn_of_another_account_is_asked_about_nowhere(multicorn_sql, aws, estate):
    doors = multicorn_sql
    doors.set_options(regions=DOORS_REGION, profile="default")
    ours = estate.gateways["iam-gateway"]["arn"]
    theirs = ours.replace(f":{MAIN_ACCOUNT}:", ":999999999999:")
    mark = aws.mark()
    rows = doors.rows(
        "SELECT account_id FROM agentcore.resource_policies WHERE resource_arn = ANY(%s)",
        ([ours, theirs],),
    )
    assert rows == [(MAIN_ACCOUNT,)]
    assert agentcore_calls(aws, mark) == ["GetResourcePolicy"]


def test_one_querys_keyed_lookups_are_capped(multicorn_sql, aws, estate):
    doors = multicorn_sql  # the plpython engine pushes no keys down: it lists
    doors.set_options(regions=f"{DOORS_REGION},us-east-1", profile="default", max_key_lookups="5")
    ids = [estate.runtime_id("versioned_agent")] + [f"made_up_{n}-0123456789" for n in range(2)]
    assert (
        len(
            doors.rows(
                "SELECT 1 FROM agentcore.agent_runtimes WHERE agent_runtime_id = ANY(%s)",
                (ids[:2],),
            )
        )
        == 1
    )  # 2 keys in 2 regions: 4 lookups
    mark = aws.mark()
    error = doors.error(
        "SELECT 1 FROM agentcore.agent_runtimes WHERE agent_runtime_id = ANY(%s)", (ids,)
    )
    assert "more than 5 items one by one" in str(error)
    assert "max_key_lookups" in str(error) and "agent_runtime_id" in str(error)
    assert "name fewer keys" in error.diag.message_hint
    assert len([c for c in agentcore_calls(aws, mark) if c == "GetAgentRuntime"]) <= 5


# Endpoints and memories carry resource policies of their own.


def anyone_may(action: str, sid: str) -> str:
    import json

    statement = {"Sid": sid, "Effect": "Allow", "Principal": "*", "Action": action,
                 "Resource": "*"}  # fmt: skip
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


def test_an_endpoints_own_policy_is_read_and_governs_its_door(doors, aws, estate):
    runtime_id = estate.runtime_id("versioned_agent")
    policy = anyone_may("bedrock-agentcore:InvokeAgentRuntime", "AnyoneOnCanary")
    with aws.fault("GetResourcePolicy", None, answer={"policy": policy},
                   path_contains="canary"):  # fmt: skip
        (endpoint_arn,) = doors.rows(
            "SELECT endpoint_arn FROM agentcore.agent_runtime_endpoints "
            "WHERE endpoint_name = 'canary'"
        )[0]
        (policy_row,) = doors.dicts(
            "SELECT resource_type, resource_id, allows_public FROM agentcore.resource_policies "
            "WHERE resource_arn = %s",
            (endpoint_arn,),
        )
        canary = paths(doors)["canary", "2", "live"]
        (control,) = doors.dicts(
            "SELECT status FROM agentcore.agentcore_resource_policy_not_public WHERE resource = %s",
            (endpoint_arn,),
        )
    assert policy_row == {
        "resource_type": "runtime-endpoint",
        "resource_id": f"{runtime_id}/runtime-endpoint/canary",
        "allows_public": True,
    }
    assert canary["public_policy"] is True
    assert canary["status"] == "ok"  # its JWT authorizer still checks every caller
    assert (
        "The endpoint's resource policy lets any AWS principal invoke it (AnyoneOnCanary)."
        in canary["reason"]
    )
    assert "runtime's resource policy" not in canary["reason"]  # OnlyOurAccount is not public
    assert control["status"] == "alarm"


def test_an_endpoint_policy_that_cannot_be_read_makes_that_door_error(doors, aws, estate):
    with aws.fault("GetResourcePolicy", path_contains="canary"):
        found = paths(doors)
    canary = found["canary", "2", "live"]
    assert canary["status"] == "error"
    assert (
        "The endpoint's resource policy could not be read (AccessDeniedException)."
        in canary["reason"]
    )
    assert found["DEFAULT", "2", "live"]["status"] == "ok"


def test_a_memory_policy_that_lets_anyone_in_alarms(sql, aws, posture):
    from .estate import POSTURE_REGION

    sql.set_options(regions=POSTURE_REGION, profile="default")
    ((memory_id, memory_arn),) = sql.rows(
        "SELECT memory_id, memory_arn FROM agentcore.memories WHERE name = 'plain_memory'"
    )
    policy = anyone_may("bedrock-agentcore:RetrieveMemoryRecords", "AnyoneMayRead")
    with aws.fault("GetResourcePolicy", None, answer={"policy": policy},
                   path_contains=memory_id):  # fmt: skip
        rows = sql.dicts(
            "SELECT resource, status, reason FROM agentcore.control_results "
            "WHERE control_id = 'agentcore_resource_policy_not_public'"
        )
    assert rows == [
        {
            "resource": memory_arn,
            "status": "alarm",
            "reason": f"The resource policy of memory {memory_arn} lets any AWS principal in "
            "(statements AnyoneMayRead).",
        }
    ]


@pytest.mark.parametrize("door", ["gateway", "endpoint"])
def test_a_policy_looked_up_by_arn_that_cannot_be_read_is_a_row_with_its_error(
    multicorn_sql, aws, estate, door
):
    sql = multicorn_sql
    sql.set_options(regions=DOORS_REGION, profile="default")
    if door == "gateway":
        arn, part = estate.gateways["iam-gateway"]["arn"], estate.gateways["iam-gateway"]["id"]
    else:
        arn = estate.runtime_arn("versioned_agent") + "/runtime-endpoint/canary"
        part = "canary"
    with aws.fault("GetResourcePolicy", path_contains=part):
        rows = sql.dicts(
            "SELECT resource_arn, detail_error, allows_public FROM agentcore.resource_policies "
            "WHERE resource_arn = %s",
            (arn,),
        )
    assert rows == [
        {"resource_arn": arn, "detail_error": "AccessDeniedException", "allows_public": None}
    ]
