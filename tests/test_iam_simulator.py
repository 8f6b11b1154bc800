"""The fake AWS answers IAM's SimulatePrincipalPolicy, which moto lacks, as AWS documents it, for
principals planted with the Seeder's helpers: who may invoke a door that relies on IAM. IAM is
the account's in every region, so every name here starts with sim-, which no other test uses."""

from __future__ import annotations

import json

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from agentcore_fdw.demo.estate import Seeder

ACCOUNT = "123456789012"  # moto's default, the Seeder's "default" profile
PARTNER = "111122223333"  # trusted by a door's resource policy, never simulated
OTHER_ACCOUNT = "555566667777"  # the Seeder's second profile, unused here
RUNTIME = f"arn:aws:bedrock-agentcore:us-east-1:{ACCOUNT}:runtime/sim_door-0123456789"
HARNESS = f"arn:aws:bedrock-agentcore:us-east-1:{ACCOUNT}:harness/sim_harness-0123456789"
INVOKE_RUNTIME = "bedrock-agentcore:InvokeAgentRuntime"
INVOKE_HARNESS = "bedrock-agentcore:InvokeHarness"
INVOKE_GATEWAY = "bedrock-agentcore:InvokeGateway"


def policy(*statements: dict) -> dict:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def allow(action, resource="*", **more) -> dict:
    return {"Effect": "Allow", "Action": action, "Resource": resource, **more}


def deny(action, resource="*", **more) -> dict:
    return {"Effect": "Deny", "Action": action, "Resource": resource, **more}


@pytest.fixture(scope="module")
def seeder(aws, tmp_path_factory):
    return Seeder(aws.endpoint_url, tmp_path_factory.mktemp("simulator"), OTHER_ACCOUNT)


@pytest.fixture(scope="module")
def iam(seeder):
    return seeder.client(seeder.sessions["default"], "iam", "us-east-1")


def simulate(iam, principal: str, *actions: str, **request) -> list[dict]:
    return iam.simulate_principal_policy(
        PolicySourceArn=principal, ActionNames=list(actions), **request
    )["EvaluationResults"]


def decisions(results: list[dict]) -> dict[str, str]:
    return {result["EvalActionName"]: result["EvalDecision"] for result in results}


def sources(statements: list[dict]) -> list[tuple[str, str]]:
    return [(s["SourcePolicyId"], s["SourcePolicyType"]) for s in statements]


def refusal(call, **request) -> str:
    with pytest.raises(ClientError) as caught:
        call(**request)
    return caught.value.response["Error"]["Code"]


def test_an_invoker_role_may_invoke_runtimes_and_nothing_else(seeder, iam):
    invoker = seeder.add_role(
        "default", "sim-invoker", policies={"invoke": policy(allow(INVOKE_RUNTIME))}
    )
    results = simulate(iam, invoker, INVOKE_RUNTIME, INVOKE_GATEWAY, ResourceArns=[RUNTIME])
    assert decisions(results) == {INVOKE_RUNTIME: "allowed", INVOKE_GATEWAY: "implicitDeny"}
    granted, refused = results
    assert sources(granted["MatchedStatements"]) == [("invoke", "IAM Policy")]
    # Where json.dumps puts the statement; AWS's answers count the same (ScottLogic's post).
    assert granted["MatchedStatements"][0]["StartPosition"] == {"Line": 1, "Column": 41}
    assert granted["EvalResourceName"] == "*"  # the type's ARN template, which the fake lacks
    assert granted["ResourceSpecificResults"] == [{
        "EvalResourceName": RUNTIME, "EvalResourceDecision": "allowed",
        "MatchedStatements": granted["MatchedStatements"], "MissingContextValues": [],
    }]  # fmt: skip
    assert refused["MatchedStatements"] == [] and refused["MissingContextValues"] == []
    assert "PermissionsBoundaryDecisionDetail" not in granted  # no boundary in effect


def test_an_admin_may_do_anything_through_a_managed_policy(seeder, iam):
    admin = seeder.add_role("default", "sim-admin", managed={"sim-admin-access": policy(
        allow("*"))})  # fmt: skip
    results = simulate(iam, admin, INVOKE_RUNTIME, INVOKE_HARNESS, "iam:CreateUser")
    assert set(decisions(results).values()) == {"allowed"}
    assert sources(results[0]["MatchedStatements"]) == [("sim-admin-access", "IAM Policy")]
    assert "ResourceSpecificResults" not in results[0]  # no resource named: "*"


def test_an_explicit_deny_wins_over_any_allow(seeder, iam):
    denied = seeder.add_role("default", "sim-denied", policies={
        "everything": policy(allow("*")),
        "no-invoking": policy(deny(INVOKE_RUNTIME, Sid="NoRuntimes")),
    })  # fmt: skip
    results = simulate(iam, denied, INVOKE_RUNTIME, INVOKE_HARNESS, ResourceArns=[RUNTIME])
    assert decisions(results) == {INVOKE_RUNTIME: "explicitDeny", INVOKE_HARNESS: "allowed"}
    assert sources(results[0]["MatchedStatements"]) == [("no-invoking", "IAM Policy")]


def test_a_half_grant_allows_one_action_of_two(seeder, iam):
    half = seeder.add_role(
        "default", "sim-half", policies={"harness-only": policy(allow(INVOKE_HARNESS))}
    )
    results = simulate(iam, half, INVOKE_HARNESS, INVOKE_RUNTIME, ResourceArns=[HARNESS])
    assert decisions(results) == {INVOKE_HARNESS: "allowed", INVOKE_RUNTIME: "implicitDeny"}


def test_one_result_per_action_as_restrictive_as_its_worst_resource(seeder, iam):
    scoped = seeder.add_role("default", "sim-scoped", policies={"sim-doors": policy(allow(
        INVOKE_RUNTIME, f"arn:aws:bedrock-agentcore:*:{ACCOUNT}:runtime/sim_door-*"))})  # fmt: skip
    other = f"arn:aws:bedrock-agentcore:us-east-1:{ACCOUNT}:runtime/other-0123456789"
    [result] = simulate(iam, scoped, INVOKE_RUNTIME, ResourceArns=[RUNTIME, other])
    assert result["EvalDecision"] == "implicitDeny"
    assert [(r["EvalResourceName"], r["EvalResourceDecision"]) for r in result[
        "ResourceSpecificResults"]] == [(RUNTIME, "allowed"), (other, "implicitDeny")]  # fmt: skip
    assert sources(result["MatchedStatements"]) == [("sim-doors", "IAM Policy")]


def test_a_conditional_grant_needs_its_context(seeder, iam):
    condition = {"StringEquals": {"aws:SourceVpce": "vpce-0sim0000000000000"}}
    vpc_only = seeder.add_role("default", "sim-vpc-only", policies={
        "from-our-vpce": policy(allow(INVOKE_RUNTIME, Condition=condition))})  # fmt: skip
    [unknown] = simulate(iam, vpc_only, INVOKE_RUNTIME, ResourceArns=[RUNTIME])
    assert unknown["EvalDecision"] == "implicitDeny"
    assert unknown["MissingContextValues"] == ["aws:SourceVpce"]
    assert unknown["ResourceSpecificResults"][0]["MissingContextValues"] == ["aws:SourceVpce"]

    def from_endpoint(vpce: str) -> dict:
        entry = {"ContextKeyName": "aws:sourcevpce", "ContextKeyValues": [vpce],
                 "ContextKeyType": "string"}  # fmt: skip
        [result] = simulate(
            iam, vpc_only, INVOKE_RUNTIME, ResourceArns=[RUNTIME], ContextEntries=[entry]
        )
        assert result["MissingContextValues"] == []
        return result["EvalDecision"]

    assert from_endpoint("vpce-0sim0000000000000") == "allowed"
    assert from_endpoint("vpce-0elsewhere000000") == "implicitDeny"


def test_a_permissions_boundary_removes_the_grant(seeder, iam):
    bounded = seeder.add_role(
        "default", "sim-bounded", policies={"invoke": policy(allow("bedrock-agentcore:Invoke*"))},
        boundary=policy(allow("s3:*")),
    )  # fmt: skip
    [result] = simulate(iam, bounded, INVOKE_RUNTIME, ResourceArns=[RUNTIME])
    assert result["EvalDecision"] == "implicitDeny" and result["MatchedStatements"] == []
    assert result["PermissionsBoundaryDecisionDetail"] == {"AllowedByPermissionsBoundary": False}
    # A boundary given with the request stands in for the role's own.
    wider = json.dumps(policy(allow("bedrock-agentcore:*")))
    [result] = simulate(iam, bounded, INVOKE_RUNTIME, PermissionsBoundaryPolicyInputList=[wider])
    assert result["EvalDecision"] == "allowed"
    assert result["PermissionsBoundaryDecisionDetail"] == {"AllowedByPermissionsBoundary": True}


def test_a_users_groups_grant_to_it(seeder, iam):
    seeder.add_group("default", "sim-operators", policies={
        "operate": policy(allow("bedrock-agentcore:invoke*"))})  # fmt: skip
    operator = seeder.add_user("default", "sim-operator", groups=("sim-operators",))
    results = simulate(iam, operator, INVOKE_GATEWAY, "bedrock-agentcore:DeleteGateway")
    assert decisions(results) == {INVOKE_GATEWAY: "allowed",
                                  "bedrock-agentcore:DeleteGateway": "implicitDeny"}  # fmt: skip
    assert sources(results[0]["MatchedStatements"]) == [("operate", "IAM Policy")]


def door_policy(*statements: dict) -> str:
    return json.dumps(policy(*statements))


def test_a_partner_accounts_grant_reaches_none_of_ours(seeder, iam):
    """The door trusts the partner account: a principal of ours is decided by its own
    policies alone."""
    trusts_partner = door_policy(
        allow(INVOKE_RUNTIME, Principal={"AWS": f"arn:aws:iam::{PARTNER}:root"})
    )
    nobody = seeder.add_role("default", "sim-nobody")
    [result] = simulate(iam, nobody, INVOKE_RUNTIME, ResourceArns=[RUNTIME],
                        ResourcePolicy=trusts_partner)  # fmt: skip
    assert result["EvalDecision"] == "implicitDeny" and result["MatchedStatements"] == []
    invoker = seeder.principals["sim-invoker"]["arn"]
    [result] = simulate(iam, invoker, INVOKE_RUNTIME, ResourceArns=[RUNTIME],
                        ResourcePolicy=trusts_partner)  # fmt: skip
    assert result["EvalDecision"] == "allowed"
    assert sources(result["MatchedStatements"]) == [("invoke", "IAM Policy")]
    assert result["EvalDecisionDetails"] == {}  # within one account, resources named


def test_a_resource_policy_grants_within_the_account_to_whom_it_names(seeder, iam):
    nobody = seeder.principals["sim-nobody"]["arn"]

    def decided(principal: str, *statements: dict) -> tuple[str, list]:
        [result] = simulate(iam, principal, INVOKE_RUNTIME, ResourceArns=[RUNTIME],
                            ResourcePolicy=door_policy(*statements))  # fmt: skip
        return result["EvalDecision"], sources(result["MatchedStatements"])

    to = {"caller": {"AWS": nobody}, "everyone": "*", "account": {"AWS": ACCOUNT}}
    granted = ("allowed", [("ResourcePolicy", "Resource Policy")])
    assert decided(nobody, allow(INVOKE_RUNTIME, Principal=to["caller"])) == granted
    assert decided(nobody, allow(INVOKE_RUNTIME, Principal=to["everyone"])) == granted
    # The account as Principal leaves the decision to the account's identity policies.
    assert decided(nobody, allow(INVOKE_RUNTIME, Principal=to["account"])) == ("implicitDeny", [])
    # A role's boundary bounds what a resource policy grants it.
    bounded = seeder.principals["sim-bounded"]["arn"]
    assert decided(bounded, allow(INVOKE_RUNTIME, Principal="*"))[0] == "implicitDeny"
    # A deny for the whole account reaches every principal in it, an admin too.
    admin = seeder.principals["sim-admin"]["arn"]
    assert decided(admin, deny(INVOKE_RUNTIME, Principal=to["account"])) == (
        "explicitDeny", [("ResourcePolicy", "Resource Policy")])  # fmt: skip


def test_across_accounts_both_sides_must_allow(seeder, iam):
    """A partner's door trusting our account, simulated for our principals: ResourceOwner says
    whose it is."""
    partner_door = RUNTIME.replace(ACCOUNT, PARTNER)
    trusts_us = door_policy(
        allow(INVOKE_RUNTIME, Principal={"AWS": f"arn:aws:iam::{ACCOUNT}:root"})
    )

    def decided(principal: str) -> dict:
        [result] = simulate(iam, seeder.principals[principal]["arn"], INVOKE_RUNTIME,
                            ResourceArns=[partner_door], ResourcePolicy=trusts_us,
                            ResourceOwner=f"arn:aws:iam::{PARTNER}:root")  # fmt: skip
        return result

    allowed, refused = decided("sim-invoker"), decided("sim-nobody")
    assert allowed["EvalDecision"] == "allowed"
    assert allowed["EvalDecisionDetails"] == {"IAM Policy": "allowed", "Resource Policy": "allowed"}
    assert refused["EvalDecision"] == "implicitDeny"
    assert refused["EvalDecisionDetails"] == {
        "IAM Policy": "implicitDeny", "Resource Policy": "allowed"}  # fmt: skip


def test_results_are_paged_by_max_items_and_marker(seeder, iam, aws):
    admin = seeder.principals["sim-admin"]["arn"]
    actions = [INVOKE_RUNTIME, INVOKE_HARNESS, INVOKE_GATEWAY]
    mark = aws.mark()
    first = iam.simulate_principal_policy(PolicySourceArn=admin, ActionNames=actions, MaxItems=1)
    assert first["IsTruncated"] is True and len(first["EvaluationResults"]) == 1
    second = iam.simulate_principal_policy(
        PolicySourceArn=admin, ActionNames=actions, MaxItems=2, Marker=first["Marker"]
    )
    assert second["IsTruncated"] is False and "Marker" not in second
    paged = first["EvaluationResults"] + second["EvaluationResults"]
    assert [result["EvalActionName"] for result in paged] == actions
    assert aws.count(mark, "SimulatePrincipalPolicy") == 2  # the request log names it
    pages = iam.get_paginator("simulate_principal_policy").paginate(
        PolicySourceArn=admin, ActionNames=actions, PaginationConfig={"PageSize": 1}
    )
    assert [len(page["EvaluationResults"]) for page in pages] == [1, 1, 1]
    assert refusal(
        iam.simulate_principal_policy, PolicySourceArn=admin, ActionNames=actions, Marker="x"
    ) == "InvalidInput"  # fmt: skip


def test_what_aws_refuses_the_fake_refuses(seeder, iam):
    call, invoker = iam.simulate_principal_policy, seeder.principals["sim-invoker"]["arn"]
    session = f"arn:aws:sts::{ACCOUNT}:assumed-role/sim-invoker/a-session"
    assert refusal(call, PolicySourceArn=session, ActionNames=[INVOKE_RUNTIME]) == "InvalidInput"
    assert refusal(call, PolicySourceArn=invoker, ActionNames=[INVOKE_RUNTIME],
                   CallerArn=session) == "InvalidInput"  # fmt: skip
    missing = f"arn:aws:iam::{ACCOUNT}:role/sim-never-made"
    assert refusal(call, PolicySourceArn=missing, ActionNames=[INVOKE_RUNTIME]) == "NoSuchEntity"
    assert refusal(call, PolicySourceArn=invoker, ActionNames=[INVOKE_RUNTIME],
                   ResourceOwner="partner") == "InvalidInput"  # fmt: skip


def test_what_the_fake_cannot_evaluate_it_says(seeder, iam):
    """A condition operator the fake does not know fails the request rather than answer
    wrong (PolicyEvaluation, a 500: botocore would retry it)."""
    once = seeder.sessions["default"].client(
        "iam", region_name="us-east-1", endpoint_url=seeder.endpoint_url,
        config=Config(retries={"total_max_attempts": 1}),
    )  # fmt: skip
    dated = json.dumps(policy(allow(INVOKE_RUNTIME, Condition={
        "DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}})))  # fmt: skip
    assert refusal(
        once.simulate_principal_policy, PolicySourceArn=seeder.principals["sim-nobody"]["arn"],
        ActionNames=[INVOKE_RUNTIME], PolicyInputList=[dated],
    ) == "PolicyEvaluation"  # fmt: skip
