"""Accounts beyond profiles: roles assumed in named accounts and in an AWS Organization's, as
a security account reads its estate, and agentcore.accounts saying how each is reached."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from agentcore_fdw.core.aws import error_message
from agentcore_fdw.core.options import Settings
from agentcore_fdw.demo.estate import AUDIT_ROLE

from .estate import MAIN_ACCOUNT, PARTNER_ACCOUNT

THIRD_ACCOUNT = "222233334444"


def role(account_id: str) -> str:
    return f"arn:aws:iam::{account_id}:role/{AUDIT_ROLE}"


@pytest.fixture(scope="session")
def third_account(estate):
    """A third account with one runtime, reached only by assuming the audit role there."""
    estate.add_account("third", THIRD_ACCOUNT)
    estate.add_runtime("third", "us-east-1", "third_account_agent")
    return THIRD_ACCOUNT


def read_by_roles(sql, *accounts: str, **options: str) -> None:
    sql.set_options(
        profile=None,
        accounts=",".join(accounts),
        member_role_name=AUDIT_ROLE,
        include_base_account="true",
        **options,
    )


def assumed(aws, mark: int) -> list[str]:
    """The account of each AssumeRole request since `mark`."""
    return sorted(
        account
        for request in aws.since(mark)
        if request.operation == "AssumeRole"
        for account in (request.body.split("arn:aws:iam::")[1][:12],)
    )


def runtimes_per_account(sql) -> dict[str, int]:
    return dict(sql.rows("SELECT account_id, count(*) FROM agentcore.agent_runtimes GROUP BY 1"))


def test_with_profiles_each_account_is_its_profiles(sql):
    rows = sql.rows(
        "SELECT account_id, reached_by, profile, role_arn, status FROM agentcore.accounts "
        "ORDER BY account_id"
    )
    assert rows == [
        (PARTNER_ACCOUNT, "profile", "partner", None, "ok"),
        (MAIN_ACCOUNT, "profile", "default", None, "ok"),
    ]


def test_three_accounts_are_read_by_assuming_a_role_in_each(sql, aws, third_account):
    read_by_roles(sql, PARTNER_ACCOUNT, third_account)
    mark = aws.mark()
    assert sql.rows(
        "SELECT account_id, reached_by, role_arn, status FROM agentcore.accounts ORDER BY 1"
    ) == [
        (PARTNER_ACCOUNT, "role", role(PARTNER_ACCOUNT), "ok"),
        (MAIN_ACCOUNT, "default credentials", None, "ok"),
        (third_account, "role", role(third_account), "ok"),
    ]
    counts = runtimes_per_account(sql)
    assert set(counts) == {MAIN_ACCOUNT, PARTNER_ACCOUNT, third_account}
    assert counts[third_account] == 1
    # Each role once, whatever the tables and regions that use it.
    assert assumed(aws, mark) == [PARTNER_ACCOUNT, third_account]


def test_a_filter_on_account_id_assumes_only_that_accounts_role(multicorn_sql, aws, third_account):
    read_by_roles(multicorn_sql, PARTNER_ACCOUNT, third_account)
    mark = aws.mark()
    names = multicorn_sql.rows(
        "SELECT agent_runtime_name FROM agentcore.agent_runtimes WHERE account_id = %s",
        (third_account,),
    )
    assert names == [("third_account_agent",)]
    assert assumed(aws, mark) == [third_account]


def test_an_account_whose_role_cannot_be_assumed_fails_the_query_naming_it(sql, aws, third_account):
    read_by_roles(sql, PARTNER_ACCOUNT, third_account)
    with aws.fault("AssumeRole", "AccessDenied", body_contains=third_account):
        error = sql.error("SELECT count(*) FROM agentcore.agent_runtimes")
    message = str(error)
    assert f"AssumeRole failed in account {third_account}" in message
    assert f"could not assume role {role(third_account)}" in message
    assert "AccessDenied" in message
    assert "sts:AssumeRole" in (error.diag.message_hint or "")


def test_an_ignored_failure_to_assume_a_role_warns_naming_the_account(sql, aws, third_account):
    read_by_roles(sql, PARTNER_ACCOUNT, third_account, ignore_error_codes="AccessDenied")
    with aws.fault("AssumeRole", "AccessDenied", body_contains=third_account):
        counts = runtimes_per_account(sql)
        status = sql.rows(
            "SELECT status, status_reason FROM agentcore.accounts WHERE account_id = %s",
            (third_account,),
        )
    assert set(counts) == {MAIN_ACCOUNT, PARTNER_ACCOUNT}
    skipped = [
        notice for notice in sql.notices if f"no rows from account {third_account}" in notice
    ]
    assert skipped and "AssumeRole failed with AccessDenied" in skipped[0]
    assert role(third_account) in skipped[0]
    assert status == [("AccessDenied", "injected by the test")]


def test_the_organizations_active_accounts_are_read_by_the_member_role(sql, aws, organization):
    sql.set_options(profile=None, organization="true", member_role_name=AUDIT_ROLE)
    accounts = {row["account_id"]: row for row in sql.dicts("SELECT * FROM agentcore.accounts")}
    assert set(accounts) == {
        MAIN_ACCOUNT, organization["member"], organization["sandbox"], organization["retired"]
    }  # fmt: skip
    assert accounts[organization["member"]]["account_name"] == "agents-prod"
    assert accounts[organization["member"]]["reached_by"] == "organization"
    assert accounts[organization["sandbox"]]["status"] == "ok"
    assert accounts[organization["retired"]]["status"] == "skipped"
    assert "not ACTIVE" in accounts[organization["retired"]]["status_reason"]
    assert accounts[MAIN_ACCOUNT]["status"] == "skipped"
    assert "include_base_account" in accounts[MAIN_ACCOUNT]["status_reason"]
    counts = runtimes_per_account(sql)
    assert counts == {organization["member"]: 1}


def test_organization_units_and_skip_accounts_narrow_the_organization(sql, organization):
    sql.set_options(
        profile=None,
        organization="true",
        member_role_name=AUDIT_ROLE,
        organization_units=organization["unit"],
    )
    assert sql.rows("SELECT account_id, status FROM agentcore.accounts") == [
        (organization["member"], "ok")
    ]
    sql.set_options(organization_units=None, skip_accounts=organization["member"])
    statuses = dict(sql.rows("SELECT account_id, status FROM agentcore.accounts"))
    assert statuses[organization["member"]] == "skipped"
    assert runtimes_per_account(sql) == {}


def test_an_organization_that_cannot_be_listed_fails_the_query(sql, aws, organization):
    sql.set_options(profile=None, organization="true", member_role_name=AUDIT_ROLE)
    with aws.fault("ListAccounts", "AccessDeniedException", status=400):
        error = sql.error("SELECT count(*) FROM agentcore.agent_runtimes")
    assert f"ListAccounts failed in account {MAIN_ACCOUNT}" in str(error)
    assert "organizations:ListAccounts" in (error.diag.message_hint or "")


def test_an_organization_account_without_a_state_fails_rather_than_being_skipped(sql, aws):
    sql.set_options(profile=None, organization="true", member_role_name=AUDIT_ROLE)
    listing = {"Accounts": [{"Id": THIRD_ACCOUNT, "Name": "no-state"}]}
    with aws.fault("ListAccounts", None, answer=listing):
        error = sql.error("SELECT count(*) FROM agentcore.agent_runtimes")
    assert "MalformedResponse" in str(error) and f"account {THIRD_ACCOUNT} has no State" in str(
        error
    )


def test_an_external_id_is_never_repeated_in_a_message():
    refused = ClientError(
        {"Error": {"Code": "ValidationError", "Message": "ExternalId 'partner-7f3a' is invalid"}},
        "AssumeRole",
    )
    settings = Settings(role_arn=role(PARTNER_ACCOUNT), external_id="partner-7f3a")
    assert error_message(refused, settings) == "ExternalId '<external_id>' is invalid"
