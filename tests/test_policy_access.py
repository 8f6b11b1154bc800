"""Whether a resource policy lets in principals that no account or organisation bounds: every
family of IAM's condition operators, Deny statements, and what cannot be decided."""

from __future__ import annotations

import pytest

from agentcore_fdw.core.answers import MalformedValue
from agentcore_fdw.core.policy_access import judge

ORG = "o-a1b2c3d4e5"
ACCOUNT = "123456789012"
INVOKE = "bedrock-agentcore:InvokeAgentRuntime"
RUNTIME = f"arn:aws:bedrock-agentcore:us-east-1:{ACCOUNT}:runtime/app-1"


def allow(condition=None, principal="*", sid="Open", **more):
    statement = {"Sid": sid, "Effect": "Allow", "Principal": principal, "Action": INVOKE,
                 "Resource": RUNTIME, **more}  # fmt: skip
    if condition is not None:
        statement["Condition"] = condition
    return statement


def deny(condition, principal="*", action="*", resource="*", **more):
    return {"Sid": "Fence", "Effect": "Deny", "Principal": principal, "Action": action,
            "Resource": resource, "Condition": condition, **more}  # fmt: skip


def verdict(*statements):
    return judge({"Version": "2012-10-17", "Statement": list(statements)})


# An Allow for any principal, under one condition: does the condition bound who may call?
ALLOW_CONDITIONS = [
    # Positive operators on a bounding key, with values that name a bound: narrowed.
    ({"StringEquals": {"aws:PrincipalOrgID": ORG}}, False),
    ({"StringEquals": {"aws:SourceAccount": ACCOUNT}}, False),
    ({"StringEquals": {"aws:PrincipalAccount": [ACCOUNT, "111122223333"]}}, False),
    ({"StringEqualsIgnoreCase": {"aws:SourceOwner": ACCOUNT}}, False),
    ({"ArnLike": {"aws:PrincipalArn": f"arn:aws:iam::{ACCOUNT}:role/*"}}, False),
    ({"ArnEquals": {"aws:SourceArn": f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:f"}}, False),
    ({"StringLike": {"aws:PrincipalOrgPaths": f"{ORG}/r-ab12/ou-ab12-11111111/*"}}, False),
    ({"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": [f"{ORG}/r-ab12/*"]}}, False),
    ({"StringEquals": {"aws:SourceVpc": "vpc-0a1b2c3d4e5f60718"}}, False),
    ({"StringEquals": {"aws:SourceVpce": "vpce-0a1b2c3d"}}, False),
    ({"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}, False),
    ({"stringequals": {"AWS:PRINCIPALORGID": ORG}}, False),  # names are case-insensitive
    # The same keys under IfExists, negated, Null or set operators: not narrowed.
    ({"StringEqualsIfExists": {"aws:SourceAccount": ACCOUNT}}, True),
    ({"ArnLikeIfExists": {"aws:PrincipalArn": f"arn:aws:iam::{ACCOUNT}:*"}}, True),
    ({"StringNotEquals": {"aws:PrincipalOrgID": ORG}}, True),
    ({"ArnNotLike": {"aws:PrincipalArn": f"arn:aws:iam::{ACCOUNT}:*"}}, True),
    ({"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}, True),
    ({"Null": {"aws:SourceVpc": "true"}}, True),
    ({"Null": {"aws:PrincipalOrgID": "false"}}, True),
    ({"Bool": {"aws:SecureTransport": "true"}}, True),
    ({"ForAllValues:StringEquals": {"aws:PrincipalOrgID": ORG}}, True),
    # Values that name no bound.
    ({"StringLike": {"aws:PrincipalAccount": "*"}}, True),
    ({"StringLike": {"aws:PrincipalAccount": "12345678901?"}}, True),
    ({"StringLike": {"aws:PrincipalOrgID": "o-*"}}, True),
    ({"StringEquals": {"aws:PrincipalAccount": [ACCOUNT, "*"]}}, True),
    ({"StringEquals": {"aws:PrincipalAccount": []}}, True),
    ({"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:*"}}, True),
    ({"ArnLike": {"aws:SourceArn": "*"}}, True),
    ({"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}, True),
    ({"IpAddress": {"aws:SourceIp": "::/0"}}, True),
    ({"IpAddress": {"aws:SourceIp": "0.0.0.0/1"}}, True),
    ({"StringLike": {"aws:SourceVpc": "vpc-*"}}, True),
    # Keys that do not bound a principal.
    ({"StringEquals": {"aws:userid": "AIDAEXAMPLE"}}, True),
    ({"StringEquals": {"aws:RequestedRegion": "us-east-1"}}, True),
    ({"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}, True),
    ({"DateGreaterThan": {"aws:CurrentTime": "2026-01-01T00:00:00Z"}}, True),
    # Blocks all hold at once: one narrowing block is enough.
    ({"Null": {"aws:SourceVpc": "false"}, "StringEquals": {"aws:PrincipalOrgID": ORG}}, False),
    ({"StringEquals": {"aws:RequestedRegion": "us-east-1", "aws:SourceAccount": ACCOUNT}}, False),
]


@pytest.mark.parametrize("condition, public", ALLOW_CONDITIONS, ids=str)
def test_an_allow_for_anyone_is_public_unless_its_condition_bounds_the_caller(condition, public):
    found = verdict(allow(condition))
    assert found.allows_public is public
    assert found.public == (["Open"] if public else [])
    assert found.undecided == []


@pytest.mark.parametrize(
    "principal, public",
    [
        ("*", True),
        ({"AWS": "*"}, True),
        ({"AWS": [f"arn:aws:iam::{ACCOUNT}:root", "*"]}, True),
        ({"AWS": f"arn:aws:iam::{ACCOUNT}:root"}, False),
        ({"AWS": ["111122223333"]}, False),
        ({"Service": "bedrock-agentcore.amazonaws.com"}, False),
    ],
    ids=str,
)
def test_who_the_principal_names(principal, public):
    assert verdict(allow(principal=principal)).allows_public is public


def test_a_not_principal_allow_lets_in_everyone_else():
    statement = allow()
    del statement["Principal"]
    statement["NotPrincipal"] = {"AWS": f"arn:aws:iam::{ACCOUNT}:role/blocked"}
    assert verdict(statement).public == ["Open"]


def test_the_documented_org_only_pattern_is_not_public():
    fence = deny({"StringNotEquals": {"aws:PrincipalOrgID": ORG}})
    assert verdict(allow(), fence).allows_public is False
    # IfExists on the Deny's negated operator holds for a missing key too: still a fence.
    fence = deny({"StringNotEqualsIfExists": {"aws:PrincipalOrgID": ORG}})
    assert verdict(allow(), fence).allows_public is False
    fence = deny({"StringNotEquals": {"aws:PrincipalAccount": ACCOUNT}}, action=INVOKE,
                 resource=RUNTIME)  # fmt: skip
    assert verdict(allow(), fence).allows_public is False
    fence = deny({"StringNotEquals": {"aws:PrincipalOrgID": ORG}}, action="bedrock-agentcore:*")
    assert verdict(allow(), fence).allows_public is False


@pytest.mark.parametrize(
    "fence",
    [
        # It fences off some actions only, or another resource.
        deny({"StringNotEquals": {"aws:PrincipalOrgID": ORG}}, action="bedrock-agentcore:Get*"),
        deny({"StringNotEquals": {"aws:PrincipalOrgID": ORG}}, resource=RUNTIME + "-other"),
        # It applies only under a second condition too.
        deny(
            {"StringNotEquals": {"aws:PrincipalOrgID": ORG}, "Bool": {"aws:ViaAWSService": "false"}}
        ),  # noqa: E501
        # Its bound names nothing, or it is no bound.
        deny({"StringNotEquals": {"aws:PrincipalOrgID": "o-*"}}),
        deny({"StringEquals": {"aws:PrincipalOrgID": ORG}}),
        deny({"ForAnyValue:StringNotLike": {"aws:PrincipalOrgPaths": f"{ORG}/*"}}),
        # It is for some principals only, or by NotAction.
        deny(
            {"StringNotEquals": {"aws:PrincipalOrgID": ORG}},
            principal={"AWS": f"arn:aws:iam::{ACCOUNT}:role/x"},
        ),  # fmt: skip
        {**deny({"StringNotEquals": {"aws:PrincipalOrgID": ORG}}), "NotAction": "iam:*"},
    ],
    ids=lambda fence: str(fence.get("Condition")) + str(fence.get("Action")),
)
def test_a_deny_fences_an_open_allow_only_when_it_covers_it_for_everyone_outside(fence):
    assert verdict(allow(), fence).public == ["Open"]


def test_statements_are_named_by_sid_or_position():
    found = verdict(
        allow({"StringEquals": {"aws:PrincipalOrgID": ORG}}, sid="Org"),
        {k: v for k, v in allow().items() if k != "Sid"},
        allow(sid="Second"),
    )
    assert found.public == ["#2", "Second"]


@pytest.mark.parametrize(
    "statement, why",
    [
        (
            allow({"StringEqualz": {"aws:PrincipalOrgID": ORG}}),
            "Open: condition operator StringEqualz is not one IAM has",
        ),
        (
            allow(principal={"AWS": "arn:aws:iam::*:root"}),
            "Open: principal arn:aws:iam::*:root has a wildcard IAM does not allow there",
        ),
        (
            allow(principal="arn:aws:iam::123456789012:root"),
            "Open: principal arn:aws:iam::123456789012:root is neither * nor an object",
        ),
        (
            {"Sid": "Odd", "Effect": "Maybe", "Principal": "*", "Action": INVOKE},
            "Odd: Effect 'Maybe'",
        ),
    ],  # fmt: skip
)
def test_what_it_cannot_decide_is_undecided_never_private(statement, why):
    found = verdict(statement)
    assert found.undecided == [why]
    assert found.allows_public is None
    # A definite public statement beside it still makes the policy public.
    assert verdict(statement, allow(sid="Plain")).allows_public is True


@pytest.mark.parametrize(
    "document",
    [
        {"Statement": "everyone"},
        {"Statement": [allow(["StringEquals"])]},
        {"Statement": [allow({"StringEquals": "aws:PrincipalOrgID"})]},
        {"Statement": [allow({"StringEquals": {"aws:PrincipalOrgID": {"o": 1}}})]},
    ],
    ids=str,
)
def test_a_policy_of_another_shape_is_malformed(document):
    with pytest.raises(MalformedValue):
        judge(document)
