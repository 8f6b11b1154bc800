"""The control catalog: one source for every control's title and severity, held to the
control files, the views, the README and the reports."""

from __future__ import annotations

import json
import re
from pathlib import Path

from agentcore_fdw.app.report import Report, known_controls, render
from agentcore_fdw.schema.controls import BY_ID, CONTROLS, FRAMEWORKS, SEVERITIES, readme_table
from agentcore_fdw.schema.install import sql_dir

README = Path(__file__).parent.parent / "README.md"


def test_every_control_file_has_a_catalog_row_and_every_row_a_file():
    assert sorted(BY_ID) == known_controls()
    assert len(BY_ID) == len(CONTROLS)


def test_catalog_rows_are_complete():
    for control in CONTROLS:
        assert control.severity in SEVERITIES, control.control_id
        assert set(control.frameworks) <= set(FRAMEWORKS), control.control_id
        for text in (control.title, control.description, control.rationale, control.remediation):
            assert text and text[0].isupper(), control.control_id
        assert control.cli.startswith("aws "), control.control_id


def test_no_control_file_repeats_a_title_or_severity():
    for path in (sql_dir() / "controls").glob("*.sql"):
        text = path.read_text()
        assert BY_ID[path.stem].title not in text, path.name
        assert "AS severity" not in text.replace(") AS severity", ""), path.name


def test_the_views_take_title_and_severity_from_the_catalog(sql):
    catalog = {
        row["control_id"]: row
        for row in sql.dicts(
            "SELECT control_id, title, severity, frameworks FROM agentcore.controls"
        )
    }
    assert {
        control_id: (row["title"], row["severity"], row["frameworks"])
        for control_id, row in catalog.items()
    } == {c.control_id: (c.title, c.severity, c.frameworks) for c in CONTROLS}
    shown = sql.rows(
        "SELECT DISTINCT control_id, control_title, severity FROM agentcore.control_results"
    )
    assert shown  # the test estate has a result for most controls
    for control_id, title, severity in shown:
        assert (title, severity) == (BY_ID[control_id].title, BY_ID[control_id].severity)


def test_the_readme_control_table_is_the_catalogs():
    text = README.read_text()
    table = re.search(r"<!-- controls:[^>]*-->\n(.*?)<!-- /controls -->", text, re.S).group(1)
    assert table == readme_table()


def test_a_report_gives_each_failing_controls_remediation_once_filled_in():
    arn = "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/open_agent-a1b2c3d4e5"
    rows = [
        {"control_id": "agentcore_runtime_authorizer_configured", "control_title": "t",
         "severity": "high", "resource": arn, "status": "alarm", "reason": "open",
         "account_id": "123456789012", "region": "eu-west-1"},
        {"control_id": "agentcore_runtime_authorizer_configured", "control_title": "t",
         "severity": "high", "resource": arn.replace("open_agent", "other"), "status": "alarm",
         "reason": "open", "account_id": "123456789012", "region": "eu-west-1"},
        {"control_id": "agentcore_gateway_authorizer_configured", "control_title": "t",
         "severity": "high", "resource": "arn:x", "status": "error", "reason": "unread",
         "account_id": "123456789012", "region": "eu-west-1"},
    ]  # fmt: skip
    report = Report(rows, framework="trend_micro")
    (remedy,) = json.loads(render(report, "json"))["remediation"]  # errors have nothing to fix
    assert remedy["control_id"] == "agentcore_runtime_authorizer_configured"
    assert remedy["commands"][0].startswith(
        "aws bedrock-agentcore-control update-agent-runtime --region eu-west-1 "
        "--agent-runtime-id open_agent-a1b2c3d4e5 "
    )
    assert len(remedy["commands"]) == 2
    text = render(report, "table")
    assert text.count("Remediation, agentcore_runtime_authorizer_configured") == 1
    assert "Enable Authorization on AgentCore Runtime" in text  # the framework's ID, beside ours
    page = render(report, "html")
    assert "<h2>Remediation</h2>" in page and "--agent-runtime-id other-a1b2c3d4e5" in page


def test_an_endpoint_remediation_names_the_runtime_and_endpoint_its_arn_holds():
    control = BY_ID["agentcore_runtime_endpoint_authorizer_configured"]
    arn = (
        "arn:aws:bedrock-agentcore:us-east-1:123456789012:"
        "runtime/orders-a1b2c3d4e5/runtime-endpoint/prod"
    )
    command = control.cli_for(arn, "us-east-1")
    assert "--agent-runtime-id orders-a1b2c3d4e5 --endpoint-name prod " in command
    assert "<runtime-id>" not in command and "<endpoint-name>" not in command
    odd = control.cli_for(arn.replace("/prod", "/pr;od"), "us-east-1")
    assert "--endpoint-name 'pr;od'" in odd  # shell-quoted, as every value


def test_an_update_command_repeats_the_settings_read_and_names_those_unread():
    control = BY_ID["agentcore_gateway_encrypted_with_cmk"]
    arn = "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/orders-gw-a1b2c3d4e5"
    read = {"name": "orders gw", "role_arn": "arn:aws:iam::123456789012:role/gw",
            "authorizer_type": "CUSTOM_JWT"}  # fmt: skip
    command = control.cli_for(arn, "us-east-1", read)
    assert (
        "--name 'orders gw' --role-arn arn:aws:iam::123456789012:role/gw "
        "--authorizer-type CUSTOM_JWT " in command
    )
    unread = control.cli_for(arn, "us-east-1")
    assert "--name <name> --role-arn <current role> --authorizer-type <current type> " in unread


def test_the_html_report_wraps_what_is_long_and_names_controls_by_title():
    arn = (
        "arn:aws:bedrock-agentcore:eu-west-1:123456789012:"
        "runtime/a_very_long_runtime_name_that_goes_on-a1b2c3d4e5/runtime-endpoint/prod"
    )
    control = BY_ID["agentcore_runtime_endpoint_authorizer_configured"]
    rows = [
        {"control_id": control.control_id, "control_title": control.title, "severity": "high",
         "resource": arn, "status": "alarm", "reason": "open " * 60,
         "account_id": "123456789012", "region": "eu-west-1"},
    ]  # fmt: skip
    page = render(Report(rows), "html")
    label = f"{control.title} <code>{control.control_id}</code>"
    assert page.count(label) == 3  # the chart, the findings and the remediation heading
    assert "<svg" not in page  # a chart of HTML, whose labels wrap instead of clipping
    style = page[page.index("<style>") : page.index("</style>")]
    assert "overflow-wrap: anywhere" in style  # an ARN breaks rather than widening the page
    assert "white-space: pre-wrap" in style  # a command wraps in its block
    assert "@media print" in style
    assert "--agent-runtime-id a_very_long_runtime_name_that_goes_on-a1b2c3d4e5" in page
