"""`agentcore-fdw iam-policy`: one Allow of named actions, every one of them used, none missing.

What the policy is made of (the tables' and the core's declared calls) is held to what the code
calls, twice: by what the fake AWS receives while everything is read, and by every boto3 client
method the collection code names. The README shows the very policy the command prints.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import botocore.session
from botocore import xform_name

from agentcore_fdw.app import cli, iam_policy
from agentcore_fdw.core.permissions import iam_action
from agentcore_fdw.demo.estate import AUDIT_ROLE
from agentcore_fdw.tables import TABLES

from .estate import DOORS_REGION, KINDS_REGION, POSTURE_REGION, REGIONS

ROOT = Path(__file__).resolve().parent.parent
FDW = ROOT / "fdw"


def printed_policy(capsys) -> dict:
    assert cli.main(["iam-policy"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_policy_is_one_allow_of_actions_named_one_by_one(capsys):
    policy = printed_policy(capsys)
    assert policy["Version"] == "2012-10-17"
    [statement] = policy["Statement"]
    assert statement["Effect"] == "Allow" and statement["Resource"] == "*"
    actions = statement["Action"]
    assert actions == sorted(set(actions))
    for action in actions:
        assert re.fullmatch(r"[a-z0-9-]+:[A-Z][A-Za-z0-9]+", action), action  # no wildcard
    assert "bedrock-agentcore:ListAgentRuntimes" in actions  # a control-plane call, by IAM's name
    assert "cognito-idp:DescribeUserPool" in actions


def test_the_policy_grants_what_the_fake_aws_is_asked_and_nothing_else(
    sql,
    aws,
    posture,
    kinds,
    principals,
    organization,
    capsys,
):
    """Read every table and the whole report, then through an organization's roles, then in
    every region: each (service, operation) the fake AWS received needs an action of the policy,
    and each action of the policy was needed."""
    mark = aws.mark()
    sql.set_options(regions=",".join((*REGIONS, DOORS_REGION, POSTURE_REGION, KINDS_REGION)))
    sql.rows("SELECT * FROM agentcore.control_results")
    for name in TABLES:
        sql.rows(f"SELECT * FROM agentcore.{name}")
    sql.set_options(profile=None, organization="true", member_role_name=AUDIT_ROLE)
    sql.rows("SELECT * FROM agentcore.accounts")
    sql.set_options(organization_units=organization["unit"])
    sql.rows("SELECT * FROM agentcore.accounts")
    sql.set_options(
        organization=None, organization_units=None, member_role_name=None, profile="default",
        regions="all",
    )  # fmt: skip
    sql.rows("SELECT count(*) FROM agentcore.memories")

    received = {(request.signing_name, request.operation) for request in aws.since(mark)}
    assert all(prefix for prefix, _ in received), received  # every request was signed
    needed = {iam_action(prefix, operation) for prefix, operation in received} - {None}
    granted = set(printed_policy(capsys)["Statement"][0]["Action"])
    assert needed - granted == set(), "asked of AWS, not in the policy"
    assert granted - needed == set(), "in the policy, never asked"


def test_every_client_call_the_collection_code_names_is_declared():
    """A boto3 client method named anywhere in fdw/core or fdw/tables (called, or handed to
    paged()) is an operation the policy is made of, for each service the code names."""
    session = botocore.session.get_session()
    declared = set(iam_policy.aws_calls())
    sources = {
        path: ast.parse(path.read_text(encoding="utf-8"))
        for folder in ("core", "tables")
        for path in sorted((FDW / folder).glob("*.py"))
    }
    named = {
        node.value
        for tree in sources.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    services = {service for service, _ in declared} | (
        named & set(session.get_available_services())
    )
    methods: dict[str, set[tuple[str, str]]] = {}
    for service in services:
        for operation in session.get_service_model(service).operation_names:
            methods.setdefault(xform_name(operation), set()).add((service, operation))
    found = {
        node.attr: path.name
        for path, tree in sources.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in methods
    }
    assert "list_accounts" in found and "get_agent_runtime" in found  # the scan sees calls
    undeclared = {name: where for name, where in found.items() if not methods[name] & declared}
    assert undeclared == {}


def test_the_readme_shows_the_policy_the_command_prints(capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## IAM permissions\n", 1)[1].split("\n## ", 1)[0]
    assert "agentcore-fdw iam-policy" in section
    shown = re.search(r"```json\n(.*?)\n```", section, re.S)
    assert shown, "the IAM permissions section has no JSON policy"
    assert json.loads(shown.group(1)) == printed_policy(capsys)
