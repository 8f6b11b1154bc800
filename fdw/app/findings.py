"""One control result as a finding for another tool: the name it keeps from run to run, when it
was observed, and the partition of its resource.

`check --output ocsf` (ocsf.py) and `check --to-security-hub` (asff.py, security_hub.py) give
a result the same ID, made of what tells it apart (control, resource, account, region), so that
a later run of the same control on the same resource updates the finding instead of adding one.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from ..schema.controls import BY_ID, CURRENT

PRODUCT = "agentcore-fdw"
# What makes a result the same finding in the next run.
IDENTITY = ("control_id", "resource", "account_id", "region")


def finding_id(row: dict) -> str:
    """`agentcore-fdw/<control>/<32 hex digits>`: the same for the same control, resource,
    account and region, whatever the status or the reason."""
    key = "\n".join(str(row.get(column) or "") for column in IDENTITY)
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"{PRODUCT}/{row['control_id']}/{digest}"


# What an update command repeats of a resource's settings (controls.CURRENT), by its ARN.
CURRENT_SETTINGS = """
SELECT gateway_arn AS resource, name, role_arn, authorizer_type FROM agentcore.gateways
UNION ALL
SELECT agent_runtime_arn, agent_runtime_name, role_arn, NULL FROM agentcore.agent_runtimes
"""


def current_settings(conn, rows: list[dict]) -> dict[str, dict[str, Any]]:
    """The settings that the CLI examples of `rows` in alarm repeat, by resource ARN; read in
    the report's transaction, so from the scans its controls made. Nothing when none of them
    needs any, or when the tables cannot be read (the examples keep their placeholders)."""
    import psycopg

    def repeats_settings(row: dict) -> bool:
        control = BY_ID.get(row["control_id"])
        return control is not None and any(p in control.cli for p in CURRENT)

    wanted = {row["resource"] for row in rows if row["status"] == "alarm" and repeats_settings(row)}
    if not wanted:
        return {}
    try:
        with conn.transaction(), conn.cursor(row_factory=psycopg.rows.dict_row) as cursor:
            found = cursor.execute(CURRENT_SETTINGS).fetchall()
    except psycopg.Error:
        return {}
    return {row["resource"]: row for row in found if row["resource"] in wanted}


def observed_at(data_fetched_at: datetime | None, generated_at: datetime) -> datetime:
    """When AWS was read for the results: the oldest cached read they came from, or, read for
    the report itself, its own time."""
    return data_fetched_at or generated_at


def partition(resource: str | None, region: str | None) -> str:
    """The AWS partition of a resource: its ARN's, else its region's."""
    if resource and resource.startswith("arn:") and resource.count(":") >= 5:
        return resource.split(":", 2)[1]
    if region and region.startswith("cn-"):
        return "aws-cn"
    if region and region.startswith("us-gov-"):
        return "aws-us-gov"
    return "aws"
