"""The collection core alone, with botocore's Stubber: no PostgreSQL, no HTTP.

moto answers every list in one page, so paging, and the failures moto cannot produce,
are covered here.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

import boto3
import pytest
from botocore.stub import Stubber

from agentcore_fdw.core.aws import AwsContext
from agentcore_fdw.core.options import OptionError, Settings
from agentcore_fdw.core.results import AwsError
from agentcore_fdw.core.scan import scan
from agentcore_fdw.tables import TABLES

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
ACCOUNT = "210987654321"


class Stubs:
    """Stubbed clients for one AwsContext; every response must be used, in order."""

    def __init__(self, settings: Settings):
        self.stubbers: dict[tuple[str, str], Stubber] = {}
        self.context = AwsContext(settings, client_factory=self._client)
        self.add(
            "sts",
            settings.regions[0],
            "get_caller_identity",
            {"Account": ACCOUNT, "Arn": f"arn:aws:iam::{ACCOUNT}:user/x", "UserId": "x"},
        )

    def _client(self, credentials, service, region):
        return self._stubber(service, region).client

    def _stubber(self, service, region) -> Stubber:
        if (service, region) not in self.stubbers:
            client = boto3.session.Session(aws_access_key_id="k", aws_secret_access_key="s").client(
                service, region_name=region
            )
            stubber = Stubber(client)
            stubber.activate()
            self.stubbers[service, region] = stubber
        return self.stubbers[service, region]

    def add(self, service, region, method, response, params=None):
        self._stubber(service, region).add_response(method, response, params)

    def fail(self, service, region, method, code, params=None, status=400):
        self._stubber(service, region).add_client_error(
            method,
            service_error_code=code,
            service_message=f"{code} from the stub",
            http_status_code=status,
            expected_params=params,
        )

    def assert_all_used(self):
        for stubber in self.stubbers.values():
            stubber.assert_no_pending_responses()


def summary(n):
    return {
        "agentRuntimeArn": f"arn:aws:bedrock-agentcore:us-east-1:{ACCOUNT}:runtime/rt{n}-01234",
        "agentRuntimeId": f"rt{n}-0123456789",
        "agentRuntimeVersion": "1",
        "agentRuntimeName": f"rt{n}",
        "description": f"runtime {n}",
        "lastUpdatedAt": WHEN,
        "status": "READY",
    }


def detail(n, **extra):
    answer = dict(
        summary(n),
        createdAt=WHEN,
        roleArn=f"arn:aws:iam::{ACCOUNT}:role/r",
        networkConfiguration={"networkMode": "PUBLIC"},
        lifecycleConfiguration={"idleRuntimeSessionTimeout": 900, "maxLifetime": 28800},
    )
    answer.update(extra)
    return answer


def settings(**overrides):
    return Settings(**dict({"regions": ("us-east-1",), "max_concurrency": 1}, **overrides))


def test_runtimes_are_listed_through_every_page():
    stubs = Stubs(settings())
    agents = ("bedrock-agentcore-control", "us-east-1")
    stubs.add(
        *agents,
        "list_agent_runtimes",
        {"agentRuntimes": [summary(1), summary(2)], "nextToken": "p2"},
        {"maxResults": 100},
    )
    stubs.add(
        *agents,
        "list_agent_runtimes",
        {"agentRuntimes": [summary(3)], "nextToken": "p3"},
        {"maxResults": 100, "nextToken": "p2"},
    )
    stubs.add(
        *agents,
        "list_agent_runtimes",
        {"agentRuntimes": [summary(4)]},
        {"maxResults": 100, "nextToken": "p3"},
    )
    for n in (1, 2, 3, 4):
        stubs.add(*agents, "get_agent_runtime", detail(n), {"agentRuntimeId": f"rt{n}-0123456789"})
    result = scan(TABLES["agent_runtimes"], stubs.context)
    assert [row["agent_runtime_name"] for row in result.rows] == ["rt1", "rt2", "rt3", "rt4"]
    assert {row["account_id"] for row in result.rows} == {ACCOUNT}
    stubs.assert_all_used()


def test_a_runtime_deleted_between_list_and_get_is_skipped():
    stubs = Stubs(settings())
    agents = ("bedrock-agentcore-control", "us-east-1")
    stubs.add(*agents, "list_agent_runtimes", {"agentRuntimes": [summary(1), summary(2)]})
    stubs.fail(*agents, "get_agent_runtime", "ResourceNotFoundException", status=404)
    stubs.add(*agents, "get_agent_runtime", detail(2))
    result = scan(TABLES["agent_runtimes"], stubs.context)
    assert [row["agent_runtime_name"] for row in result.rows] == ["rt2"]
    assert result.warnings == []


def test_a_runtime_whose_details_are_denied_is_kept_with_detail_error():
    stubs = Stubs(settings())
    agents = ("bedrock-agentcore-control", "us-east-1")
    stubs.add(*agents, "list_agent_runtimes", {"agentRuntimes": [summary(1)]})
    stubs.fail(*agents, "get_agent_runtime", "AccessDeniedException", status=403)
    (row,) = scan(TABLES["agent_runtimes"], stubs.context).rows
    assert row["agent_runtime_name"] == "rt1"
    assert row["detail_error"] == "AccessDeniedException"
    assert row["authorizer_type"] is None and row["role_arn"] is None


def test_a_denied_list_names_account_region_operation_and_code():
    stubs = Stubs(settings())
    stubs.fail(
        "bedrock-agentcore-control",
        "us-east-1",
        "list_agent_runtimes",
        "AccessDeniedException",
        status=403,
    )
    with pytest.raises(AwsError) as raised:
        scan(TABLES["agent_runtimes"], stubs.context)
    message = str(raised.value)
    for part in (ACCOUNT, "us-east-1", "ListAgentRuntimes", "AccessDeniedException"):
        assert part in message


def test_an_ignored_error_code_skips_the_region_with_a_warning():
    stubs = Stubs(
        settings(
            regions=("us-east-1", "eu-west-1"),
            ignore_error_codes=frozenset({"AccessDeniedException"}),
        )
    )
    stubs.fail(
        "bedrock-agentcore-control",
        "us-east-1",
        "list_agent_runtimes",
        "AccessDeniedException",
        status=403,
    )
    stubs.add(
        "bedrock-agentcore-control",
        "eu-west-1",
        "list_agent_runtimes",
        {"agentRuntimes": [summary(1)]},
    )
    stubs.add("bedrock-agentcore-control", "eu-west-1", "get_agent_runtime", detail(1))
    result = scan(TABLES["agent_runtimes"], stubs.context)
    assert [row["region"] for row in result.rows] == ["eu-west-1"]
    (warning,) = result.warnings
    assert "AccessDeniedException" in warning and "us-east-1" in warning


def test_environment_variable_values_never_reach_a_row():
    stubs = Stubs(settings())
    agents = ("bedrock-agentcore-control", "us-east-1")
    stubs.add(*agents, "list_agent_runtimes", {"agentRuntimes": [summary(1)]})
    stubs.add(
        *agents,
        "get_agent_runtime",
        detail(1, environmentVariables={"TOKEN": "very-secret-value", "A": "b"}),
    )
    (row,) = scan(TABLES["agent_runtimes"], stubs.context).rows
    assert row["environment_variable_names"] == ["A", "TOKEN"]
    assert "very-secret-value" not in repr(row)


def test_user_pools_page_and_flatten_every_column():
    stubs = Stubs(settings(regions=("eu-west-1",)))
    cognito = ("cognito-idp", "eu-west-1")
    pools = [
        {
            "Id": f"eu-west-1_Pool{n}",
            "Name": f"pool{n}",
            "CreationDate": WHEN,
            "LastModifiedDate": WHEN,
        }
        for n in (1, 2)
    ]
    stubs.add(
        *cognito, "list_user_pools", {"UserPools": pools[:1], "NextToken": "t2"}, {"MaxResults": 60}
    )
    stubs.add(
        *cognito, "list_user_pools", {"UserPools": pools[1:]}, {"MaxResults": 60, "NextToken": "t2"}
    )
    for n in (1, 2):
        stubs.add(
            *cognito,
            "describe_user_pool",
            {
                "UserPool": {
                    "Id": f"eu-west-1_Pool{n}",
                    "Name": f"pool{n}",
                    "Arn": f"arn:aws:cognito-idp:eu-west-1:{ACCOUNT}:userpool/eu-west-1_Pool{n}",
                    "Status": "Enabled",
                    "MfaConfiguration": "ON",
                    "DeletionProtection": "ACTIVE",
                    "UserPoolTier": "PLUS",
                    "Domain": f"prefix{n}",
                    "CustomDomain": f"auth{n}.example.com",
                    "CreationDate": WHEN,
                    "LastModifiedDate": WHEN,
                    "EstimatedNumberOfUsers": 42,
                }
            },
            {"UserPoolId": f"eu-west-1_Pool{n}"},
        )
    rows = scan(TABLES["cognito_user_pools"], stubs.context).rows
    assert rows[1] == {
        "account_id": ACCOUNT,
        "region": "eu-west-1",
        "user_pool_id": "eu-west-1_Pool2",
        "user_pool_name": "pool2",
        "arn": f"arn:aws:cognito-idp:eu-west-1:{ACCOUNT}:userpool/eu-west-1_Pool2",
        "status": "Enabled",
        "mfa_configuration": "ON",
        "deletion_protection": "ACTIVE",
        "user_pool_tier": "PLUS",
        "domain": "prefix2",
        "custom_domain": "auth2.example.com",
        "created_at": WHEN,
        "last_modified_at": WHEN,
        "estimated_number_of_users": 42,
        "issuer": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool2",
        "discovery_url": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool2"
        "/.well-known/openid-configuration",
        "response_problems": None,
    }
    stubs.assert_all_used()


def test_app_clients_page_per_pool_and_never_keep_the_secret():
    stubs = Stubs(settings())
    cognito = ("cognito-idp", "us-east-1")
    stubs.add(*cognito, "list_user_pools", {"UserPools": [{"Id": "us-east-1_P", "Name": "p"}]})
    stubs.add(
        *cognito,
        "list_user_pool_clients",
        {
            "UserPoolClients": [
                {"ClientId": "c1", "UserPoolId": "us-east-1_P", "ClientName": "one"}
            ],
            "NextToken": "n",
        },
        {"UserPoolId": "us-east-1_P", "MaxResults": 60},
    )
    stubs.add(
        *cognito,
        "list_user_pool_clients",
        {"UserPoolClients": [{"ClientId": "c2", "UserPoolId": "us-east-1_P", "ClientName": "two"}]},
        {"UserPoolId": "us-east-1_P", "MaxResults": 60, "NextToken": "n"},
    )
    for client_id, secret in (("c1", "the-client-secret-0123456789"), ("c2", None)):
        answer = {
            "UserPoolId": "us-east-1_P",
            "ClientId": client_id,
            "ClientName": client_id,
            "AllowedOAuthFlows": ["client_credentials"],
            "AllowedOAuthScopes": ["a/b"],
            "AllowedOAuthFlowsUserPoolClient": True,
            "ExplicitAuthFlows": [],
            "CreationDate": WHEN,
            "LastModifiedDate": WHEN,
        }
        if secret:
            answer["ClientSecret"] = secret
        stubs.add(
            *cognito,
            "describe_user_pool_client",
            {"UserPoolClient": answer},
            {"UserPoolId": "us-east-1_P", "ClientId": client_id},
        )
    rows = scan(TABLES["cognito_user_pool_clients"], stubs.context).rows
    assert [(r["client_id"], r["has_client_secret"]) for r in rows] == [("c1", True), ("c2", False)]
    assert "the-client-secret-0123456789" not in repr(rows)
    stubs.assert_all_used()


def test_resource_servers_page_and_carry_full_scopes():
    stubs = Stubs(settings())
    cognito = ("cognito-idp", "us-east-1")
    stubs.add(*cognito, "list_user_pools", {"UserPools": [{"Id": "us-east-1_P", "Name": "p"}]})
    stubs.add(
        *cognito,
        "list_resource_servers",
        {
            "ResourceServers": [
                {
                    "UserPoolId": "us-east-1_P",
                    "Identifier": "api",
                    "Name": "API",
                    "Scopes": [{"ScopeName": "read", "ScopeDescription": "r"}],
                }
            ],
            "NextToken": "n",
        },
        {"UserPoolId": "us-east-1_P", "MaxResults": 50},
    )
    stubs.add(
        *cognito,
        "list_resource_servers",
        {
            "ResourceServers": [
                {
                    "UserPoolId": "us-east-1_P",
                    "Identifier": "https://x.example",
                    "Name": "X",
                    "Scopes": [],
                }
            ]
        },
        {"UserPoolId": "us-east-1_P", "MaxResults": 50, "NextToken": "n"},
    )
    rows = scan(TABLES["cognito_resource_servers"], stubs.context).rows
    assert [(r["identifier"], r["scopes"]) for r in rows] == [
        ("api", ["api/read"]),
        ("https://x.example", []),
    ]


def test_a_pool_deleted_while_its_clients_are_listed_is_skipped():
    stubs = Stubs(settings())
    cognito = ("cognito-idp", "us-east-1")
    stubs.add(*cognito, "list_user_pools", {"UserPools": [{"Id": "us-east-1_Gone", "Name": "g"}]})
    stubs.fail(*cognito, "list_user_pool_clients", "ResourceNotFoundException")
    assert scan(TABLES["cognito_user_pool_clients"], stubs.context).rows == []


def test_a_malformed_value_of_a_table_without_detail_error_fails_the_scan():
    # A timestamp as text, found only when the rows are made, after every answer is in:
    # still a failure of the scan, never a pool left out without a word.
    stubs = Stubs(settings())
    cognito = ("cognito-idp", "us-east-1")
    pool = {"Id": "us-east-1_P", "Name": "p"}
    stubs.add(*cognito, "list_user_pools", {"UserPools": [dict(pool, CreationDate="2026-01-02")]})
    stubs.add(*cognito, "describe_user_pool", {"UserPool": pool})
    with pytest.raises(AwsError) as raised:
        scan(TABLES["cognito_user_pools"], stubs.context)
    message = str(raised.value)
    for part in (ACCOUNT, "us-east-1", "ListUserPools", "MalformedResponse", "created_at"):
        assert part in message, message


def test_a_region_where_agentcore_is_not_offered_yields_no_rows():
    from botocore.exceptions import EndpointConnectionError

    stubs = Stubs(settings(regions=("af-south-1",)))
    client = stubs._stubber("bedrock-agentcore-control", "af-south-1").client

    def unreachable(**kwargs):
        raise EndpointConnectionError(
            endpoint_url="https://bedrock-agentcore-control.af-south-1.amazonaws.com"
        )

    client.list_agent_runtimes = unreachable
    result = scan(TABLES["agent_runtimes"], stubs.context)
    assert result.rows == []
    (warning,) = result.warnings  # no rows, and said so
    assert "region af-south-1 cannot be reached" in warning


def test_two_profiles_in_one_account_are_refused(tmp_path, monkeypatch):
    # Rows of one account read twice would merge, one profile's failures into the other's.
    config = tmp_path / "config"
    config.write_text(
        "[profile audit]\nregion = us-east-1\n[profile readonly]\nregion = us-east-1\n"
    )
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    stubs = Stubs(settings(profiles=("audit", "readonly")))
    identity = {"Account": ACCOUNT, "Arn": f"arn:aws:iam::{ACCOUNT}:user/y", "UserId": "y"}
    stubs.add("sts", "us-east-1", "get_caller_identity", identity)
    with pytest.raises(OptionError, match=f"profile audit and profile readonly .* {ACCOUNT}"):
        scan(TABLES["agent_runtimes"], stubs.context)


def test_an_unreachable_region_where_agentcore_is_offered_fails():
    from botocore.exceptions import EndpointConnectionError

    stubs = Stubs(settings())
    client = stubs._stubber("bedrock-agentcore-control", "us-east-1").client

    def unreachable(**kwargs):
        raise EndpointConnectionError(
            endpoint_url="https://bedrock-agentcore-control.us-east-1.amazonaws.com"
        )

    client.list_agent_runtimes = unreachable
    with pytest.raises(AwsError, match="EndpointConnectionError"):
        scan(TABLES["agent_runtimes"], stubs.context)


def test_an_unexpected_exception_names_where_it_happened_and_cannot_be_ignored():
    def broken_listing(client, parent=None):
        raise TypeError("a defect, quoting a value: very-secret-value")

    table = dataclasses.replace(TABLES["agent_runtimes"], list_items=broken_listing)
    stubs = Stubs(settings(ignore_error_codes=frozenset({"TypeError"})))
    with pytest.raises(AwsError) as raised:
        scan(table, stubs.context)
    error = raised.value
    assert error.code == "UnexpectedError"
    assert str(error).startswith(
        f"ListAgentRuntimes failed in account {ACCOUNT}, region us-east-1: UnexpectedError: "
        "TypeError at scan.py:"
    )
    assert "very-secret-value" not in str(error)
    assert "ignore_error_codes" not in error.hint and "cannot be ignored" in error.hint


def test_a_client_makes_exactly_max_attempts_and_waits_as_configured():
    context = AwsContext(settings(max_attempts=3, connect_timeout=2, read_timeout=7))
    client = context.client(context.credential_sets[0], "bedrock-agentcore-control", "us-east-1")
    config = client.meta.config
    assert config.retries["total_max_attempts"] == 3
    assert (config.connect_timeout, config.read_timeout) == (2, 7)
