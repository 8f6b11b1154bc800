"""check --output ocsf: every result an OCSF Detection Finding that py-ocsf-models accepts, named
the same from run to run, timed when AWS was read. Unit tests of the renderer: no PostgreSQL."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta, timezone

from py_ocsf_models.events.findings.detection_finding import DetectionFinding

from agentcore_fdw.app import cli
from agentcore_fdw.app.findings import finding_id
from agentcore_fdw.app.report import Report
from agentcore_fdw.app.report import render as render_report
from agentcore_fdw.schema.controls import BY_ID

READ_AT = datetime(2026, 3, 4, 5, 6, 7, tzinfo=timezone.utc)
GATEWAY = "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/open-gw-0123456789"
CONTROL = "agentcore_gateway_authorizer_configured"


def result(status: str, resource: str | None = GATEWAY, **changes) -> dict:
    return {
        "control_id": CONTROL, "control_title": BY_ID[CONTROL].title, "severity": "high",
        "resource": resource, "status": status, "reason": f"The gateway is {status}.",
        "account_id": "123456789012", "region": "us-east-1", **changes,
    }  # fmt: skip


def ocsf(rows: list[dict], demo: bool = False) -> list[dict]:
    report = Report(
        rows, demo=demo, data_fetched_at=READ_AT, generated_at=READ_AT + timedelta(minutes=3)
    )
    return json.loads(render_report(report, "ocsf"))


def test_every_result_is_a_detection_finding_the_models_accept_as_written():
    rows = [
        result("ok", GATEWAY + "a"),
        result("alarm"),
        result("error", "arn:aws:bedrock-agentcore:us-east-1:123456789012:*"),
        result("skip", control_id="agentcore_gateway_authorizer_restricts_callers"),
        # What AWS could not tell us, and a control this version does not know.
        result("error", None, control_id="c1", control_title=None, severity=None, reason=None,
               account_id=None, region=None),
    ]  # fmt: skip
    findings = ocsf(rows)
    assert len(findings) == len(rows)  # ok and skip too: a consumer resolves with them
    for finding in findings:
        model = DetectionFinding.model_validate(finding)
        # Nothing the models do not know was written (pydantic would drop it silently).
        assert model.model_dump(mode="json", exclude_none=True) == finding
        assert finding["class_uid"] == 2004 and finding["type_uid"] == 200401
        assert finding["metadata"]["product"]["name"] == "agentcore-fdw"
    assert [f["status_code"] for f in findings] == ["PASS", "FAIL", "FAIL", "SKIP", "FAIL"]
    assert [f["status"] for f in findings] == ["Resolved", "New", "New", "Archived", "New"]
    assert [f["unmapped"]["agentcore_fdw"]["status"] for f in findings] == [
        "ok", "alarm", "error", "skip", "error",
    ]  # fmt: skip
    unknown = findings[-1]
    assert unknown["cloud"] == {"provider": "aws"} and "resources" not in unknown
    assert unknown["finding_info"]["title"] == "c1" and unknown["severity"] == "Unknown"


def test_a_finding_names_its_control_resource_account_region_and_when_aws_was_read():
    [finding] = ocsf([result("alarm")])
    control = BY_ID[CONTROL]
    assert finding["metadata"]["event_code"] == CONTROL
    assert finding["finding_info"]["title"] == control.title
    assert finding["finding_info"]["desc"] == control.description
    assert finding["severity_id"] == 4 and finding["severity"] == "High"
    assert finding["message"] == finding["status_detail"] == "The gateway is alarm."
    assert finding["cloud"] == {
        "provider": "aws",
        "region": "us-east-1",
        "account": {"uid": "123456789012", "name": "123456789012", "type": "AWS Account",
                    "type_id": 10},
    }  # fmt: skip
    assert finding["resources"] == [
        {"uid": GATEWAY, "type": "gateway", "region": "us-east-1", "cloud_partition": "aws"}
    ]
    # The time AWS was read (the report's "Data read from AWS at ..."), not the report's.
    assert finding["time"] == int(READ_AT.timestamp())
    assert finding["time_dt"] == "2026-03-04T05:06:07Z"
    assert finding["finding_info"]["created_time"] == finding["time"]
    # What to do, with the CLI example filled in for this resource, and the frameworks' IDs.
    assert finding["remediation"]["desc"] == (
        control.remediation + "\nAWS CLI example: " + control.cli_for(GATEWAY, "us-east-1")
    )
    assert finding["unmapped"]["compliance"]["aws_security_hub"] == ["BedrockAgentCore.2"]
    assert finding["unmapped"]["compliance"]["prowler"] == [control.frameworks["prowler"]]
    assert finding["risk_details"] == control.rationale


def test_a_finding_keeps_its_uid_whatever_its_status_or_reason():
    alarm, fixed, other = ocsf(
        [result("alarm"), result("ok", reason="Fixed."), result("alarm", GATEWAY + "x")]
    )
    uid = alarm["finding_info"]["uid"]
    assert fixed["finding_info"]["uid"] == uid == finding_id(result("alarm"))
    assert other["finding_info"]["uid"] != uid
    assert uid.startswith(f"agentcore-fdw/{CONTROL}/")
    # Another account or region is another finding.
    assert finding_id(result("alarm", region="eu-west-1")) != uid
    assert finding_id(result("alarm", account_id="111111111111")) != uid
    # An ok result carries no command to run.
    assert "AWS CLI example" not in fixed["remediation"]["desc"]


def test_demo_findings_say_so_and_control_characters_stay_escaped():
    [finding] = ocsf([result("alarm", reason="red \x1b[31m and \x9b")], demo=True)
    assert finding["metadata"]["labels"] == ["demo estate"]
    text = render_report(Report([result("alarm", reason="\x1b\x9b")]), "ocsf")
    assert "\x1b" not in text and "\x9b" not in text  # JSON escapes them


def test_without_py_ocsf_models_check_says_what_to_install_before_reading_aws(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "py_ocsf_models", None)  # import fails
    # A DSN that leads nowhere: the check must stop before it connects.
    status = cli.main(["check", "--dsn", "host=/nonexistent dbname=x", "--output", "ocsf"])
    err = capsys.readouterr().err
    assert status == 2
    assert "--output ocsf needs py-ocsf-models" in err
    assert "pip install 'agentcore-fdw[ocsf]'" in err
    assert "could not connect" not in err and "Traceback" not in err
