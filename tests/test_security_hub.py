"""check --to-security-hub: the results as Security Hub findings, each in its resource's account,
updated by a rerun, resolved when fixed, archived when gone, 100 to a call, retried when
throttled; and the IAM statement it needs.

The estate here is this module's own, in a region no other test reads (it fixes and deletes
resources), imported through the command line as a user runs it against a database of theirs
(--dsn), into the fake AWS's Security Hub (fdw/demo/moto_extensions.py's SecurityHubFindings).
The tests run in order: each starts from what the one before imported.
"""

from __future__ import annotations

import json
import math
import re

import psycopg
import pytest

from agentcore_fdw.app import asff, cli
from agentcore_fdw.app.findings import finding_id
from agentcore_fdw.demo.estate import AUDIT_ROLE

from .conftest import DEFAULT_OPTIONS
from .estate import MAIN_ACCOUNT, PARTNER_ACCOUNT
from .test_iam_policy import ROOT

NAME = "agentcore_security_hub"
REGION = "ca-central-1"  # read by no other test
OTHER_REGION = "us-west-1"  # an aggregation region, for --security-hub-region
RUNTIMES = 24  # open runtimes in the main account: more than 100 results, two batches
PRODUCT = f"arn:aws:securityhub:{REGION}:{{}}:product/{{}}/default"


@pytest.fixture(scope="module")
def hub_estate(estate):
    for number in range(RUNTIMES):
        estate.add_runtime("default", REGION, f"hub_open_{number}")
    estate.add_runtime("partner", REGION, "hub_partner_agent")
    for profile in ("default", "partner"):  # as a security team turns it on, region by region
        estate.client(estate.sessions[profile], "securityhub", REGION).enable_security_hub()
    return estate


@pytest.fixture(scope="module")
def owner(postgres, aws, hub_estate):
    """A database of the user's, reading this module's region, as its owner."""
    with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {NAME}")
        conn.execute(f"CREATE DATABASE {NAME}")
    dsn = postgres.dsn(NAME)
    options = dict(DEFAULT_OPTIONS, endpoint_url=aws.endpoint_url, regions=REGION)
    arguments = [f"--option={key}={value}" for key, value in options.items()]
    assert cli.main(["install", "--dsn", dsn, "--engine", "plpython", *arguments]) == 0
    yield dsn
    with psycopg.connect(postgres.dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {NAME} WITH (FORCE)")


@pytest.fixture(autouse=True)
def cli_credentials(monkeypatch, estate):
    """The command line's own credential chain, as the server's: the estate's profiles."""
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(estate.credentials_file))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(estate.config_file))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


def check(capsys, owner: str, *args: str) -> tuple[int, str]:
    status = cli.main(["check", "--dsn", owner, "--fail-on", "never", "--output", "json", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if status == 0:
        json.loads(out)  # the report, as without --to-security-hub
    return status, err


def results(owner: str) -> list[dict]:
    with psycopg.connect(owner) as conn, conn.cursor(row_factory=psycopg.rows.dict_row) as cur:
        cur.execute("SELECT * FROM agentcore.control_results")
        return cur.fetchall()


def hub(estate, profile: str, region: str = REGION) -> dict[str, dict]:
    """Every finding of the account's hub in `region`, by Id (GetFindings, page by page)."""
    client = estate.client(estate.sessions[profile], "securityhub", region)
    found, arguments = {}, {"MaxResults": 100}
    while True:
        answer = client.get_findings(**arguments)
        found.update((finding["Id"], finding) for finding in answer["Findings"])
        if not answer.get("NextToken"):
            return found
        arguments["NextToken"] = answer["NextToken"]


def by_account(rows: list[dict]) -> dict[str, dict[str, dict]]:
    found: dict[str, dict[str, dict]] = {MAIN_ACCOUNT: {}, PARTNER_ACCOUNT: {}}
    for row in rows:
        found[row["account_id"]][finding_id(row)] = row
    return found


def finding_of(findings: dict, control_id: str, runtime_id: str) -> dict:
    [found] = [
        f
        for f in findings.values()
        if f["GeneratorId"] == control_id and f["Resources"][0]["Id"].endswith(runtime_id)
    ]
    return found


def test_the_first_import_makes_one_finding_per_result_in_its_account(owner, aws, capsys):
    rows = results(owner)
    expected = by_account(rows)
    assert len(expected[MAIN_ACCOUNT]) > 100 and expected[PARTNER_ACCOUNT]
    mark = aws.mark()
    status, err = check(capsys, owner, "--to-security-hub")
    assert status == 0, err
    assert f"imported {len(rows)} findings" in err
    calls = [r for r in aws.since(mark) if r.operation == "BatchImportFindings"]
    # 100 findings a call at most, each account's through its own credentials.
    assert len(calls) == sum(math.ceil(len(found) / 100) for found in expected.values())
    assert {r.region for r in calls} == {REGION}
    assert len({r.access_key for r in calls}) == 2


def test_each_finding_says_what_the_result_says(owner, hub_estate):
    for profile, account in (("default", MAIN_ACCOUNT), ("partner", PARTNER_ACCOUNT)):
        expected = by_account(results(owner))[account]
        found = hub(hub_estate, profile)
        assert set(found) == set(expected)  # one per result, ok and skip too
        for finding_key, row in expected.items():
            finding = found[finding_key]
            assert finding["ProductArn"] == PRODUCT.format(account, account)
            assert (
                finding["AwsAccountId"] == account and finding["GeneratorId"] == row["control_id"]
            )
            assert finding["Compliance"]["Status"] == asff.COMPLIANCE[row["status"]]
            assert finding["RecordState"] == ("ARCHIVED" if row["status"] == "skip" else "ACTIVE")
            assert finding["Resources"][0]["Id"] == row["resource"]
            assert finding["Resources"][0]["Region"] == REGION
            assert finding["Title"] == row["control_title"]
            assert finding["Description"] == row["reason"]
            label = finding["Severity"]["Label"]
            if row["status"] in ("alarm", "error"):
                assert label == row["severity"].upper()
            else:
                assert label == "INFORMATIONAL"
            assert finding["ProductFields"]["agentcore-fdw/ControlId"] == row["control_id"]
            assert finding["Remediation"]["Recommendation"]["Text"]
    runtime = hub_estate.runtime_id("hub_open_0")
    open_door = finding_of(
        hub(hub_estate, "default"), "agentcore_runtime_authorizer_configured", runtime
    )
    assert open_door["Compliance"]["Status"] == "FAILED"
    assert open_door["Workflow"]["Status"] == "NEW" and open_door["Severity"]["Label"] == "HIGH"
    assert "update-agent-runtime" in open_door["ProductFields"]["agentcore-fdw/RemediationCli"]


def test_a_rerun_updates_every_finding_and_adds_none(owner, hub_estate, capsys):
    before = hub(hub_estate, "default")
    status, err = check(capsys, owner, "--to-security-hub")
    assert status == 0, err
    after = hub(hub_estate, "default")
    assert set(after) == set(before)
    for finding_key, finding in after.items():
        assert finding["CreatedAt"] == before[finding_key]["CreatedAt"]  # first seen, kept
        assert finding["UpdatedAt"] > before[finding_key]["UpdatedAt"]
    assert "archived 0 no longer found" in err


def test_a_fixed_resource_turns_passed_and_resolved(owner, hub_estate, capsys):
    name = "hub_open_1"
    runtime = hub_estate.runtime_id(name)
    control = "agentcore_runtime_authorizer_configured"
    findings = hub(hub_estate, "default")
    before = finding_of(findings, control, runtime)
    assert before["Compliance"]["Status"] == "FAILED" and before["Workflow"]["Status"] == "NEW"
    hub_estate.update_runtime(
        name, jwt={"discoveryUrl": "https://idp.example.com/.well-known/openid-configuration",
                   "allowedAudience": ["agents"]},
    )  # fmt: skip
    status, err = check(capsys, owner, "--to-security-hub")
    assert status == 0, err
    fixed = finding_of(hub(hub_estate, "default"), control, runtime)
    assert fixed["Id"] == before["Id"] and fixed["CreatedAt"] == before["CreatedAt"]
    assert fixed["Compliance"]["Status"] == "PASSED" and fixed["RecordState"] == "ACTIVE"
    # BatchImportFindings cannot change a Workflow; BatchUpdateFindings did.
    assert fixed["Workflow"]["Status"] == "RESOLVED"
    assert fixed["Severity"]["Label"] == "INFORMATIONAL"
    # It, and the DEFAULT endpoint's finding, which now serves the fixed version.
    now = hub(hub_estate, "default")
    passed = [
        key
        for key, finding in now.items()
        if finding["Compliance"]["Status"] == "PASSED"
        and findings[key]["Compliance"]["Status"] == "FAILED"
    ]
    assert len(passed) == 2 and {now[key]["Workflow"]["Status"] for key in passed} == {"RESOLVED"}
    assert "set 2 RESOLVED" in err


def test_a_deleted_resource_turns_archived_and_resolved(owner, hub_estate, capsys):
    name = "hub_open_2"
    runtime = hub_estate.runtime_id(name)
    before = [f for f in hub(hub_estate, "default").values() if runtime in f["Resources"][0]["Id"]]
    assert any(f["RecordState"] == "ACTIVE" for f in before)
    agents = hub_estate.client(hub_estate.sessions["default"], "bedrock-agentcore-control", REGION)
    agents.delete_agent_runtime(agentRuntimeId=runtime)
    status, err = check(capsys, owner, "--to-security-hub")
    assert status == 0, err
    active = [f for f in before if f["RecordState"] == "ACTIVE"]
    assert f"archived {len(active)} no longer found" in err
    after = hub(hub_estate, "default")
    for finding in before:
        gone = after[finding["Id"]]
        assert gone["RecordState"] == "ARCHIVED"
        assert gone["Workflow"]["Status"] == "RESOLVED"
    still = finding_of(
        after, "agentcore_runtime_authorizer_configured", hub_estate.runtime_id("hub_open_3")
    )
    assert still["RecordState"] == "ACTIVE"


def test_only_a_complete_unfiltered_report_archives_and_only_its_controls(
    owner, hub_estate, capsys
):
    runtime = hub_estate.runtime_id("hub_open_4")
    agents = hub_estate.client(hub_estate.sessions["default"], "bedrock-agentcore-control", REGION)
    agents.delete_agent_runtime(agentRuntimeId=runtime)
    control = "agentcore_runtime_vpc_network_mode"

    status, err = check(capsys, owner, "--to-security-hub", "--where", "region = 'nowhere'")
    assert status == 0, err
    assert "earlier findings are not archived: --where narrowed the results" in err
    assert finding_of(hub(hub_estate, "default"), control, runtime)["RecordState"] == "ACTIVE"

    status, err = check(capsys, owner, "--to-security-hub", "--control", control)
    assert status == 0, err
    after = hub(hub_estate, "default")
    assert finding_of(after, control, runtime)["RecordState"] == "ARCHIVED"
    other = finding_of(after, "agentcore_runtime_authorizer_configured", runtime)
    assert other["RecordState"] == "ACTIVE"  # its control did not run

    status, err = check(capsys, owner, "--to-security-hub")  # the rest of it, now
    assert status == 0, err
    assert (
        finding_of(hub(hub_estate, "default"), "agentcore_runtime_authorizer_configured", runtime)[
            "RecordState"
        ]
        == "ARCHIVED"
    )


def test_a_throttled_import_is_retried(owner, aws, capsys):
    expected = by_account(results(owner))
    batches = sum(math.ceil(len(found) / 100) for found in expected.values())
    mark = aws.mark()
    with aws.fault("BatchImportFindings", "LimitExceededException", status=429, times=1):
        status, err = check(capsys, owner, "--to-security-hub")
    assert status == 0, err
    assert aws.count(mark, "BatchImportFindings") == batches + 1


def test_a_hub_not_enabled_fails_the_check_and_names_where(owner, hub_estate, capsys):
    status, err = check(capsys, owner, "--to-security-hub", "--security-hub-region", OTHER_REGION)
    assert status == 2
    assert (
        f"GetFindings failed in account {MAIN_ACCOUNT}, region {OTHER_REGION}: "
        "InvalidAccessException"
    ) in err
    assert "--security-hub-region" in err and "securityhub:GetFindings" in err

    for profile in ("default", "partner"):
        client = hub_estate.client(hub_estate.sessions[profile], "securityhub", OTHER_REGION)
        client.enable_security_hub()
    status, err = check(capsys, owner, "--to-security-hub", "--security-hub-region", OTHER_REGION)
    assert status == 0, err
    found = hub(hub_estate, "partner", OTHER_REGION)
    assert found and {f["Resources"][0]["Region"] for f in found.values()} == {REGION}
    assert {f["ProductArn"] for f in found.values()} == {
        f"arn:aws:securityhub:{OTHER_REGION}:{PARTNER_ACCOUNT}:product/{PARTNER_ACCOUNT}/default"
    }


def test_member_roles_import_each_accounts_findings_through_its_role(owner, aws, capsys):
    """With role options, the command line assumes the member role, as the server does."""
    with psycopg.connect(owner, autocommit=True) as conn:
        conn.execute(
            "ALTER SERVER agentcore OPTIONS (SET profile 'default', "
            f"ADD accounts '{PARTNER_ACCOUNT}', ADD member_role_name '{AUDIT_ROLE}', "
            "ADD include_base_account 'true')"
        )
    try:
        mark = aws.mark()
        status, err = check(capsys, owner, "--to-security-hub")
    finally:
        with psycopg.connect(owner, autocommit=True) as conn:
            conn.execute(
                "ALTER SERVER agentcore OPTIONS (SET profile 'default,partner', DROP accounts, "
                "DROP member_role_name, DROP include_base_account)"
            )
    assert status == 0, err
    assumed = [r for r in aws.since(mark) if r.operation == "AssumeRole"]
    assert any(AUDIT_ROLE in r.body and PARTNER_ACCOUNT in r.body for r in assumed)
    imports = {r.access_key for r in aws.since(mark) if r.operation == "BatchImportFindings"}
    assert len(imports) == 2  # the base account's keys, and the role's


def test_a_role_that_may_not_read_the_server_options_is_told_before_aws_is_read(owner, aws, capsys):
    role = "agentcore_hub_reader"
    with psycopg.connect(owner, autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {role}")
        conn.execute(f"CREATE ROLE {role} LOGIN")
        conn.execute(f"GRANT USAGE ON SCHEMA agentcore, agentcore_plpython TO {role}")
        conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA agentcore TO {role}")
        conn.execute("REVOKE SELECT ON pg_catalog.pg_foreign_server FROM PUBLIC")
    try:
        mark = aws.mark()
        reader = psycopg.conninfo.make_conninfo(owner, user=role)
        status, err = check(capsys, reader, "--to-security-hub")
    finally:
        with psycopg.connect(owner, autocommit=True) as conn:
            conn.execute("GRANT SELECT ON pg_catalog.pg_foreign_server TO PUBLIC")
            conn.execute(f"DROP OWNED BY {role}")
            conn.execute(f"DROP ROLE {role}")
    assert status == 2
    assert f"which role '{role}' may not read" in err
    assert aws.since(mark) == []


def test_credentials_that_cannot_reach_an_account_fail_the_check(owner, capsys, tmp_path):
    (tmp_path / "credentials").write_text("[default]\naws_access_key_id = x\n"
                                           "aws_secret_access_key = y\n")  # fmt: skip
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))
        patch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
        status, err = check(capsys, owner, "--to-security-hub")
    assert status == 2
    assert "with this command's own AWS credentials" in err and "'partner'" in err


def test_a_hub_region_without_the_import_is_refused(capsys):
    assert cli.main(["check", "--security-hub-region", REGION, "--dsn", "host=/nowhere"]) == 2
    assert "--security-hub-region goes with --to-security-hub" in capsys.readouterr().err


def test_iam_policy_with_security_hub_adds_one_statement_the_readme_shows(capsys):
    assert cli.main(["iam-policy", "--with-security-hub"]) == 0
    read, imports = json.loads(capsys.readouterr().out)["Statement"]
    assert read["Sid"] == "AgentcoreFdwRead"
    assert imports == {
        "Sid": "AgentcoreFdwSecurityHubImport",
        "Effect": "Allow",
        "Action": [
            "securityhub:BatchImportFindings",
            "securityhub:BatchUpdateFindings",
            "securityhub:GetFindings",
        ],
        "Resource": "*",
    }
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## IAM permissions\n", 1)[1].split("\n## ", 1)[0]
    shown = re.findall(r"```json\n(.*?)\n```", section, re.S)
    assert json.loads(shown[1]) == imports


def test_every_security_hub_call_the_import_makes_is_in_its_statement():
    """Each Security Hub client method security_hub.py names is one of its declared CALLS, so
    the statement iam-policy prints grants what the import calls."""
    import ast

    import botocore.session
    from botocore import xform_name

    from agentcore_fdw.app import security_hub

    model = botocore.session.get_session().get_service_model("securityhub")
    methods = {xform_name(name): name for name in model.operation_names}
    source = ast.parse((ROOT / "fdw" / "app" / "security_hub.py").read_text(encoding="utf-8"))
    named = {
        methods[node.attr]
        for node in ast.walk(source)
        if isinstance(node, ast.Attribute) and node.attr in methods
    }
    assert named == {operation for _, operation in security_hub.CALLS}


def test_a_finding_is_archived_only_where_its_control_was_judged():
    """An error row that says a control could not be judged in an account and region (its
    resource `arn:...:*`), or at all, keeps that control's earlier findings there active."""
    from datetime import datetime, timezone

    from agentcore_fdw.app.security_hub import Scope

    control = "agentcore_memory_encrypted_with_cmk"
    unjudged = {
        "control_id": control, "status": "error", "account_id": MAIN_ACCOUNT, "region": REGION,
        "resource": f"arn:aws:bedrock-agentcore:{REGION}:{MAIN_ACCOUNT}:*",
        "control_title": "t", "severity": "medium", "reason": "This control could not be judged.",
    }  # fmt: skip
    now = datetime(2026, 5, 6, tzinfo=timezone.utc)
    product = PRODUCT.format(MAIN_ACCOUNT, MAIN_ACCOUNT)
    earlier = asff.finding(
        dict(unjudged, status="alarm", resource=f"arn:aws:bedrock-agentcore:{REGION}:"
             f"{MAIN_ACCOUNT}:memory/m-1"), product, now, now,
    )  # fmt: skip
    assert earlier["Compliance"]["Status"] == "FAILED"
    error = asff.finding(unjudged, product, now, now)
    assert error["Compliance"]["Status"] == "NOT_AVAILABLE"
    assert error["Severity"]["Label"] == "MEDIUM" and error["Workflow"]["Status"] == "NEW"

    def scope(rows: list[dict], archive=True, controls=None, read=None) -> Scope:
        return Scope.of(rows, archive, controls, read or {MAIN_ACCOUNT: frozenset({REGION})})

    assert scope([]).may_archive(earlier)
    assert not scope([unjudged]).may_archive(earlier)
    assert not scope([dict(unjudged, account_id=None, region=None)]).may_archive(earlier)
    assert not scope([], archive=False).may_archive(earlier)
    assert not scope([], controls=["another"]).may_archive(earlier)
    # An error about one resource is a result like any other: the control was judged.
    assert scope([dict(unjudged, resource=earlier["Resources"][0]["Id"])]).may_archive(earlier)
    assert not scope([], read={MAIN_ACCOUNT: frozenset({"eu-west-1"})}).may_archive(earlier)
