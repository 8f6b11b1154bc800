"""Fail closed: an answer of the wrong shape (an HTML block page, `{}`, a null where a list
belongs, truncated JSON) is a failure of its operation, never an empty page, a missing row or
a verdict; a region that never answers fails within the timeouts; a cancelled scan leaves no
thread behind. Every case on both engines, against the fake AWS."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from .estate import MAIN_ACCOUNT

BLOCK_PAGE = "<html><body><h1>Access to this site is blocked</h1></body></html>"
AUDIT = "SELECT * FROM agentcore.runtime_authorization_audit"


def audit(sql) -> dict[str, dict]:
    return {row["agent_runtime_name"]: row for row in sql.dicts(AUDIT)}


def runtime_detail(estate, name: str, jwt: dict | None = None, **fields) -> dict:
    """A GetAgentRuntime answer for a seeded runtime, as AWS would give it."""
    created = estate.runtimes[name]
    answer = {
        "agentRuntimeArn": created["agentRuntimeArn"],
        "agentRuntimeId": created["agentRuntimeId"],
        "agentRuntimeName": name,
        "agentRuntimeVersion": "1",
        "status": "READY",
        "createdAt": "2026-11-01T00:00:00Z",
        "lastUpdatedAt": "2026-11-02T00:00:00Z",
        "roleArn": f"arn:aws:iam::{MAIN_ACCOUNT}:role/{name}-role",
        "lifecycleConfiguration": {},
        "networkConfiguration": {"networkMode": "PUBLIC"},
    }
    if jwt is not None:
        answer["authorizerConfiguration"] = {"customJWTAuthorizer": jwt}
    answer.update(fields)
    return answer


# A list answer of the wrong shape fails the query, naming account, region and operation.

MALFORMED_LISTS = {
    "an HTML block page": (BLOCK_PAGE, "text/html"),
    "an empty object": ("{}", "application/json"),
    "a null items key": ('{"agentRuntimes": null}', "application/json"),
    "a null item": ('{"agentRuntimes": [null]}', "application/json"),
    "an item without its ID": ('{"agentRuntimes": [{"agentRuntimeName": "x"}]}', "text/json"),
    "truncated JSON": ('{"agentRuntimes": [{"agentRuntimeId": "a', "application/json"),
}


@pytest.mark.parametrize("case", MALFORMED_LISTS)
def test_a_malformed_list_fails_the_query_and_names_what_failed(sql, aws, case):
    body, content_type = MALFORMED_LISTS[case]
    sql.set_options(regions="us-east-1,eu-west-1", profile="default")
    with aws.fault("ListAgentRuntimes", None, body=body, content_type=content_type,
                   region="eu-west-1"):  # fmt: skip
        error = sql.error(AUDIT)
    message = error.diag.message_primary
    assert message.startswith("agentcore: ListAgentRuntimes failed in account "), message
    for part in (MAIN_ACCOUNT, "eu-west-1", "MalformedResponse"):
        assert part in message, message
    assert "add it to the server option ignore_error_codes" in error.diag.message_hint


def test_an_ignored_malformed_list_leaves_the_region_out_and_says_so(sql, aws):
    sql.set_options(
        regions="us-east-1,eu-west-1", profile="default", ignore_error_codes="MalformedResponse"
    )
    with aws.fault("ListAgentRuntimes", None, body=BLOCK_PAGE, content_type="text/html",
                   region="eu-west-1"):  # fmt: skip
        regions = {row["region"] for row in audit(sql).values()}
    assert regions == {"us-east-1"}
    (warning,) = [n for n in sql.notices if "incomplete" in n]
    assert "ListAgentRuntimes failed with MalformedResponse" in warning
    assert "eu-west-1" in warning


# A detail answer of the wrong shape keeps the runtime, as error.

MALFORMED_DETAILS = {
    "an empty object": ("{}", "application/json"),
    "an HTML page": (BLOCK_PAGE, "text/html"),
    "truncated JSON": ('{"agentRuntimeId": "', "application/json"),
    "a timestamp that is no date": (None, "application/json"),
    "another runtime's answer": (None, "application/json"),
}


@pytest.mark.parametrize("case", MALFORMED_DETAILS)
def test_a_malformed_detail_keeps_the_runtime_as_error(sql, aws, estate, case):
    body, content_type = MALFORMED_DETAILS[case]
    if case == "a timestamp that is no date":
        body = json.dumps(runtime_detail(estate, "okta_agent", createdAt="yesterday-ish"))
    elif case == "another runtime's answer":
        body = json.dumps(runtime_detail(estate, "open_agent"))
    runtime_id = estate.runtime_id("okta_agent")
    sql.set_options(regions="us-east-1", profile="default")
    with aws.fault("GetAgentRuntime", None, body=body, content_type=content_type,
                   path_contains=runtime_id):  # fmt: skip
        row = audit(sql)["okta_agent"]
    assert row["status"] == "error"
    assert row["reason"].startswith(
        f"Agent runtime okta_agent ({runtime_id}) could not be read (MalformedResponse)"
    )
    (warning,) = [n for n in sql.notices if "incomplete" in n]
    assert f"GetAgentRuntime failed with MalformedResponse for agentRuntimeId {runtime_id}" in (
        warning
    )
    assert "yesterday-ish" not in warning  # an unparsable value is named, never quoted


@pytest.mark.parametrize(
    "operation, query",
    [
        ("ListUserPools", "SELECT count(*) FROM agentcore.cognito_user_pools"),
        ("ListUserPoolClients", "SELECT client_id FROM agentcore.cognito_user_pool_clients"),
        ("ListResourceServers", "SELECT scopes FROM agentcore.cognito_resource_servers"),
        ("DescribeUserPool", "SELECT user_pool_found FROM agentcore.runtime_cognito_authorizers"),
    ],
)
def test_a_malformed_cognito_answer_fails_rather_than_alarming(sql, aws, operation, query):
    sql.set_options(regions="us-east-1", profile="default")
    with aws.fault(operation, None, body="{}"):
        error = sql.error(query)
    message = error.diag.message_primary
    assert f"agentcore: {operation} failed in account {MAIN_ACCOUNT}, region us-east-1" in message
    assert "MalformedResponse" in message


# Values: a null in a list, a discovery URL that is not one, text PostgreSQL cannot store.


def test_a_null_among_allowed_clients_is_an_error_never_a_shorter_list(sql, aws, estate):
    created = estate.runtimes["cognito_agent"]
    jwt = dict(created["settings"]["authorizerConfiguration"]["customJWTAuthorizer"])
    jwt["allowedClients"] = [None]
    detail = runtime_detail(estate, "cognito_agent", jwt)
    sql.set_options(regions="us-east-1", profile="default")
    with aws.fault("GetAgentRuntime", None, answer=detail, path_contains=created["agentRuntimeId"]):
        row = sql.dicts(
            "SELECT allowed_clients, detail_error, response_problems, discovery_url "
            "FROM agentcore.agent_runtimes WHERE agent_runtime_name = 'cognito_agent'"
        )[0]
        statuses = {
            control: status
            for control, status in sql.rows(
                "SELECT control_id, status FROM agentcore.control_results WHERE resource = %s",
                (created["agentRuntimeArn"],),
            )
        }
    assert row["allowed_clients"] is None and row["detail_error"] == "MalformedResponse"
    assert row["response_problems"] == ["allowed_clients holds a null item"]
    assert row["discovery_url"] == jwt["discoveryUrl"]  # the rest of the answer is kept
    assert statuses == {
        "agentcore_runtime_authorizer_configured": "error",
        "agentcore_runtime_authorizer_restricts_callers": "error",
        "agentcore_runtime_cognito_pool_exists": "ok",
        "agentcore_runtime_cognito_clients_exist": "error",
        "agentcore_runtime_cognito_scopes_exist": "error",
        "agentcore_runtime_requires_mmdsv2": "error",
        "agentcore_runtime_vpc_network_mode": "error",
    }


@pytest.mark.parametrize(
    "discovery_url, reason_part",
    [
        ("", "names no discovery URL"),
        (None, "names no discovery URL"),
        ("https://idp.example.com/", 'discovery URL "https://idp.example.com/" is not one AWS'),
        (
            "ftp://idp.example.com/.well-known/openid-configuration",
            "is not one AWS accepts (https, a host, then /.well-known/openid-configuration or "
            "/.well-known/oauth-authorization-server)",
        ),
        (12345, "could not be read (MalformedResponse)"),
    ],
)
def test_a_discovery_url_that_is_not_one_is_error(sql, aws, estate, discovery_url, reason_part):
    jwt = {"allowedAudience": ["api://x"]}
    if discovery_url is not None:
        jwt["discoveryUrl"] = discovery_url
    runtime_id = estate.runtime_id("okta_agent")
    sql.set_options(regions="us-east-1", profile="default")
    with aws.fault(
        "GetAgentRuntime",
        None,
        answer=runtime_detail(estate, "okta_agent", jwt),
        path_contains=runtime_id,
    ):
        row = audit(sql)["okta_agent"]
    assert row["status"] == "error"
    assert reason_part in row["reason"], row["reason"]
    assert row["reason"].startswith(f"Agent runtime okta_agent ({runtime_id}) ")


def test_a_discovery_url_over_plain_http_is_an_alarm(sql, aws, estate):
    url = "http://idp.example.com/.well-known/openid-configuration"
    runtime_id = estate.runtime_id("okta_agent")
    sql.set_options(regions="us-east-1", profile="default")
    jwt = {"discoveryUrl": url, "allowedAudience": ["api://x"]}
    detail = runtime_detail(estate, "okta_agent", jwt)
    with aws.fault("GetAgentRuntime", None, answer=detail, path_contains=runtime_id):
        row = audit(sql)["okta_agent"]
    assert row["status"] == "alarm"
    assert f'discovery URL "{url}" is plain http' in row["reason"], row["reason"]


def aws_discovery_url_pattern() -> str:
    """The DiscoveryUrl pattern of the bedrock-agentcore-control model botocore holds."""
    import botocore.session

    model = botocore.session.get_session().get_service_model("bedrock-agentcore-control")
    return model.shape_for("DiscoveryUrl").metadata["pattern"]


def test_a_usable_discovery_url_is_what_aws_accepts_over_https_with_a_host(sql):
    urls = [
        "https://h/.well-known/openid-configuration",
        "https://idp.example.com/oauth2/default/.well-known/openid-configuration",
        "https://h/a/b/c/.well-known/openid-configuration",
        "https://h/.well-known/oauth-authorization-server",
        "https://h/.well-known/oauth-authorization-server/tenant/1",
        "https://h/.well-known/openid-configuration/tenant",
        "https://h_%/.well-known/openid-configuration",
        "https:///.well-known/openid-configuration",
        "https://.well-known/openid-configuration",
        "https://h.well-known/openid-configuration",
        "https://h/x.well-known/openid-configuration",
        "https://h/.well-known/openid-configuration/",
        "https://h/.well-known/openid-configurationx",
        "https://h/.well-known/openid-configuration?x=1",
        "https://h#/.well-known/openid-configuration",
        "https://h/a b/.well-known/openid-configuration",
        "https://h/a\tb/.well-known/openid-configuration",
        "https://h/\n/.well-known/openid-configuration",
        "HTTPS://h/.well-known/openid-configuration",
        "http://h/.well-known/openid-configuration",
        "http://h/.well-known/oauth-authorization-server",
        "ftp://h/.well-known/openid-configuration",
        "h/.well-known/openid-configuration",
        "https://h/.WELL-KNOWN/openid-configuration",
        "",
    ]
    aws_accepts = re.compile(aws_discovery_url_pattern())
    expected = {}
    for url in urls:
        # AWS's pattern, over http(s), for what follows the scheme: a host, then the path.
        scheme, _, rest = url.partition("://")
        usable = scheme in ("https", "http") and aws_accepts.fullmatch(rest) and rest[:1] != "/"
        expected[url] = scheme if usable else None
    judged = dict(
        sql.rows(
            "SELECT url, agentcore.discovery_url_scheme(url) FROM unnest(%s::text[]) AS url",
            (urls,),
        )
    )
    assert judged == expected
    assert list(expected.values()).count("https") == 7
    assert list(expected.values()).count("http") == 2
    usable = sql.value(
        "SELECT array_agg(url ORDER BY url) FROM unnest(%s::text[]) AS url "
        "WHERE agentcore.is_discovery_url(url)",
        (urls,),
    )
    assert usable == sorted(url for url, scheme in expected.items() if scheme == "https")


def test_text_postgresql_cannot_store_is_repaired_and_said(sql, aws, estate):
    created = estate.runtimes["cognito_agent"]
    jwt = dict(created["settings"]["authorizerConfiguration"]["customJWTAuthorizer"])
    jwt["allowedAudience"] = ["aud\x00ience", "lone\ud800surrogate"]
    detail = runtime_detail(estate, "cognito_agent", jwt, description="nul\x00here")
    summary = {
        key: created[key] for key in ("agentRuntimeArn", "agentRuntimeId", "agentRuntimeVersion")
    }
    listing = {
        "agentRuntimes": [
            dict(
                summary,
                agentRuntimeName="cognito_agent",
                description="nul\x00here",
                lastUpdatedAt="2026-11-02T00:00:00Z",
                status="READY",
            )
        ]
    }
    sql.set_options(regions="us-east-1", profile="default")
    with (
        aws.fault("ListAgentRuntimes", None, answer=listing, region="us-east-1"),
        aws.fault("GetAgentRuntime", None, answer=detail, path_contains=created["agentRuntimeId"]),
    ):
        row = sql.dicts(
            "SELECT description, allowed_audience, response_problems, detail_error "
            "FROM agentcore.agent_runtimes"
        )[0]
        (verdict,) = sql.dicts(AUDIT)
    assert row["description"] == "nul\ufffdhere"
    assert row["allowed_audience"] == ["aud\ufffdience", "lone\ufffdsurrogate"]
    assert row["detail_error"] is None
    repaired = "held characters PostgreSQL cannot store, replaced with U+FFFD"
    assert row["response_problems"] == [
        f"description {repaired}",
        f"allowed_audience {repaired}",
        f"authorizer_configuration {repaired}",  # the jsonb holds the same audience
    ]
    assert verdict["status"] == "ok"
    assert verdict["reason"].endswith(
        f"AWS's answer for it was not clean: description {repaired}; allowed_audience "
        f"{repaired}; authorizer_configuration {repaired}."
    )


# Errors without an AWS code, attempts, and time.


def test_a_bare_429_is_named_by_its_status_which_can_be_ignored(sql, aws):
    sql.set_options(regions="us-east-1,eu-west-1", profile="default", max_attempts="1")
    with aws.fault("ListAgentRuntimes", None, body="", answer_status=429, region="eu-west-1"):
        error = sql.error(AUDIT)
        assert "eu-west-1: 429" in error.diag.message_primary, error.diag.message_primary
        assert "add it to the server option ignore_error_codes" in error.diag.message_hint
        sql.set_options(ignore_error_codes="429")
        regions = {row["region"] for row in audit(sql).values()}
    assert regions == {"us-east-1"}


def test_max_attempts_counts_every_request(sql, aws):
    sql.set_options(regions="eu-west-1", profile="default", max_attempts="3")
    mark = aws.mark()
    with aws.fault("ListAgentRuntimes", "InternalServerException", status=500):
        error = sql.error(AUDIT)
    assert "InternalServerException" in error.diag.message_primary
    assert aws.count(mark, "ListAgentRuntimes") == 3


def test_throttled_requests_are_retried_and_counted_in_a_warning(sql, aws):
    sql.set_options(regions="eu-west-1", profile="default")
    mark = aws.mark()
    with aws.fault("ListAgentRuntimes", "ThrottlingException", status=400, times=2):
        names = sql.rows("SELECT agent_runtime_name FROM agentcore.agent_runtimes")
    assert names  # answered in the end: nothing is missing
    assert aws.count(mark, "ListAgentRuntimes") == 3
    throttled = [note for note in sql.notices if "AWS throttled" in note]
    assert len(throttled) == 1, sql.notices
    assert throttled[0].startswith("agentcore.agent_runtimes was read in full:")
    assert (
        "AWS throttled 2 requests, each retried with backoff (2 ListAgentRuntimes)"
        in (throttled[0])
    )


def test_a_region_that_never_answers_fails_within_the_timeouts(sql, aws):
    sql.set_options(regions="us-east-1,eu-west-1", profile="default", read_timeout="1")
    mark = aws.mark()
    with aws.fault("ListAgentRuntimes", None, hang=True, region="eu-west-1"):
        error = sql.error(AUDIT)
    message = error.diag.message_primary
    assert "ListAgentRuntimes failed in account" in message and "eu-west-1" in message
    assert "ReadTimeoutError: no answer within read_timeout = 1 s, 2 attempts" in message
    # A request that timed out is tried once more, not max_attempts (5) times.
    assert aws.count(mark, "ListAgentRuntimes", "eu-west-1") == 2


def backend_threads(pid: int) -> int:
    return len(list(Path(f"/proc/{pid}/task").iterdir()))


def test_cancelled_scans_leave_no_thread_behind(sql, aws):
    sql.set_options(regions="us-east-1", profile="default", read_timeout="2")
    pid = sql.value("SELECT pg_backend_pid()")
    sql.rows("SELECT count(*) FROM agentcore.agent_runtimes")  # modules and clients loaded
    baseline = backend_threads(pid)
    mark = aws.mark()
    with aws.fault("ListAgentRuntimes", None, hang=True):
        for _ in range(10):
            sql.execute("SET statement_timeout = '300ms'")
            error = sql.error("SELECT count(*) FROM agentcore.agent_runtimes")
            sql.execute("RESET statement_timeout")
            assert "cancel" in str(error), error
            if sql.engine == "plpython":  # Multicorn2 raises every error as XX000
                assert error.diag.sqlstate == "57014"
        deadline = time.monotonic() + 20
        while backend_threads(pid) > baseline and time.monotonic() < deadline:
            time.sleep(0.2)
        assert backend_threads(pid) <= baseline
    # Each abandoned request timed out once and was not tried again.
    assert aws.count(mark, "ListAgentRuntimes") == 10
    # And the backend still answers.
    assert sql.value("SELECT count(*) FROM agentcore.agent_runtimes") == 7
