"""Secrets never leave AWS through us: not in a column, a warning, an error or the server log."""

from __future__ import annotations

import configparser
import secrets

import psycopg

from agentcore_fdw.app.local_postgres import LocalPostgres
from agentcore_fdw.app.reader_role import set_reader_password
from agentcore_fdw.core.cache import CACHE_DIRECTORY

from .estate import DENIED_REGION, HARNESS_SECRETS, KINDS_REGION

RELATIONS = [
    "agent_runtimes",
    "agent_runtime_versions",
    "agent_runtime_endpoints",
    "gateways",
    "gateway_targets",
    "resource_policies",
    "invocation_paths",
    "cognito_authorizers",
    "cognito_user_pools",
    "cognito_user_pool_clients",
    "cognito_resource_servers",
    "runtime_authorization_audit",
    "runtime_cognito_authorizers",
    "control_results",
]


def credential_secrets(estate) -> list[str]:
    parser = configparser.ConfigParser()
    parser.read(estate.credentials_file)
    return [
        parser[section][key]
        for section in parser.sections()
        for key in ("aws_secret_access_key", "aws_session_token")
        if key in parser[section]
    ]


def test_no_secret_in_any_output(sql, aws, estate, postgres):
    secrets = estate.secrets + credential_secrets(estate)
    assert len(estate.secrets) >= 4  # two environment variable values, two client secrets
    seen: list[str] = []
    sql.set_options(cache_ttl="300")  # what the shared cache stores is output too
    for relation in RELATIONS:
        seen += map(str, sql.rows(f"SELECT * FROM agentcore.{relation}"))
    cached = [
        path for path in (postgres.cluster.data_dir / CACHE_DIRECTORY).rglob("*") if path.is_file()
    ]
    assert any(path.suffix == ".entry" for path in cached), "nothing was stored in the cache"
    assert all(path.stat().st_mode & 0o077 == 0 for path in cached)  # the server's user's alone
    stored = b"".join(path.read_bytes() for path in cached)  # marshal keeps text as UTF-8
    assert b"OPENAI_API_KEY" in stored  # a variable's name is there; its value must not be
    for secret in secrets:
        assert secret.encode() not in stored, "a secret leaked into the shared cache"
    sql.set_options(cache_ttl="0")
    # Failures: a denied detail (a warning and detail_error), a denied region (an error).
    with aws.fault("GetAgentRuntime", path_contains=estate.runtime_id("open_agent")):
        seen += map(str, sql.rows("SELECT * FROM agentcore.agent_runtimes"))
    sql.set_options(regions=f"us-east-1,{DENIED_REGION}")
    with aws.fault("ListAgentRuntimes", region=DENIED_REGION):
        error = sql.error("SELECT * FROM agentcore.agent_runtimes")
    seen += [str(error), error.diag.message_hint or "", error.diag.context or ""]
    seen += sql.notices
    seen.append(postgres.log())
    everything = "\n".join(seen)
    assert "OPENAI_API_KEY" in everything  # the names are there; the values must not be
    for secret in secrets:
        assert secret not in everything, "a secret leaked into the output"


KINDS_RELATIONS = [
    "harnesses",
    "harness_versions",
    "harness_endpoints",
    "registries",
    "payment_managers",
    "invocation_paths",
    "control_results",
]


def test_what_a_harness_holds_in_confidence_stays_in_aws(sql, aws, kinds, postgres):
    sql.set_options(regions=KINDS_REGION, profile="default", cache_ttl="300")
    seen = [str(sql.rows(f"SELECT * FROM agentcore.{relation}")) for relation in KINDS_RELATIONS]
    sql.set_options(cache_ttl="0")
    with aws.fault("ListHarnessVersions"):  # an error's text is output too
        error = sql.error("SELECT * FROM agentcore.harness_versions")
    seen += [str(error), error.diag.message_hint or "", *sql.notices, postgres.log()]
    stored = b"".join(
        path.read_bytes() for path in (postgres.cluster.data_dir / CACHE_DIRECTORY).rglob("*.entry")
    )
    everything = "\n".join(seen)
    assert "LEDGER_TOKEN" in everything and "mcp.example.com" in everything  # names are there
    for secret in HARNESS_SECRETS.values():
        assert secret not in everything, "a harness's secret leaked into the output"
        assert secret.encode() not in stored, "a harness's secret leaked into the shared cache"


def test_the_reader_password_never_reaches_the_server_log(postgres):
    password = "reader-" + secrets.token_urlsafe(12)
    with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
        conn.execute("SET log_statement = 'all'")
        set_reader_password(conn, password)
        stored = conn.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = 'agentcore_reader'"
        ).fetchone()[0]
    log = postgres.log()
    assert 'ROLE "agentcore_reader" LOGIN PASSWORD \'SCRAM-SHA-256$4096:' in log
    assert password not in log
    assert stored.startswith("SCRAM-SHA-256$4096:") and password not in stored


def test_the_server_gets_what_reaching_aws_needs_and_nothing_else(monkeypatch, tmp_path):
    monkeypatch.setenv("ROOT_SHELL_SECRET", "do-not-pass")
    monkeypatch.setenv("AWS_REGION", "eu-west-1")
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.internal:3128")
    env = LocalPostgres(tmp_path / "pg", durable=False).server_env()
    assert "ROOT_SHELL_SECRET" not in env
    assert env["AWS_REGION"] == "eu-west-1" and env["HTTPS_PROXY"].startswith("http://proxy")
    assert "PYTHONPATH" in env and "PATH" in env


def test_the_fake_aws_has_no_admin_api_to_reset_it(aws):
    import urllib.error
    import urllib.request

    for path in ("/moto-api/reset", "/moto-api/seed?a=42", "/moto-api/"):
        request = urllib.request.Request(aws.endpoint_url + path, method="POST", data=b"")
        try:
            urllib.request.urlopen(request, timeout=5)
        except urllib.error.HTTPError as refused:
            assert refused.code == 404, path
        else:
            raise AssertionError(f"{path} answered")
