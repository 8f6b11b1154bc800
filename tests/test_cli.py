"""The agentcore-fdw audit command, run as a user runs it."""

from __future__ import annotations

import configparser
import os

from .test_install import agentcore_fdw


def test_audit_starts_a_private_postgres_and_prints_the_audit(aws, estate):
    credentials = configparser.ConfigParser()
    credentials.read(estate.credentials_file)
    env = dict(
        os.environ,
        AWS_ACCESS_KEY_ID=credentials["default"]["aws_access_key_id"],
        AWS_SECRET_ACCESS_KEY=credentials["default"]["aws_secret_access_key"],
    )
    endpoint = f"endpoint_url={aws.endpoint_url}"
    done = agentcore_fdw(
        "audit", "--option", endpoint, "--option", "regions=us-east-1,eu-west-1", env=env
    )
    assert done.returncode == 1, done.stderr  # open_agent is an alarm
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["status", "account_id", "region", "agent_runtime_name", "reason"]
    assert lines[2].startswith("alarm") and "open_agent" in lines[2]
    assert sum(line.startswith("ok ") for line in lines) == 7


def test_audit_without_aws_says_what_is_missing(aws):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(
        AWS_CONFIG_FILE="/nonexistent",
        AWS_SHARED_CREDENTIALS_FILE="/nonexistent",
        AWS_EC2_METADATA_DISABLED="true",
    )
    endpoint = f"endpoint_url={aws.endpoint_url}"
    done = agentcore_fdw("audit", "--option", endpoint, "--option", "regions=us-east-1", env=env)
    assert done.returncode == 2
    assert done.stderr.startswith("agentcore-fdw: error: agentcore: GetCallerIdentity failed")
    assert "NoCredentialsError" in done.stderr
    assert "hint: AWS credentials are those of the PostgreSQL server process" in done.stderr
    assert "Traceback" not in done.stderr
