"""agentcore.harness_endpoints: the endpoints callers invoke a harness through, and the
versions they serve."""

from __future__ import annotations

from ..core.table import (
    TEXT,
    TIMESTAMPTZ,
    Column,
    Table,
    by_keys,
    common_columns,
    paged,
    with_pushdown,
)
from .harness_versions import harness_stub
from .harnesses import HARNESS_ID, SERVICE
from .harnesses import TABLE as HARNESSES


def list_endpoints(client, harness):
    return paged(
        client.list_harness_endpoints,
        "endpoints",
        harnessId=harness["harnessId"],
        maxResults=100,
    )


TABLE = Table(
    name="harness_endpoints",
    description="Endpoints of Amazon Bedrock AgentCore harnesses: InvokeHarness names one "
    "(its qualifier), which serves its live version (and, while an update is in flight, moves "
    "to its target version).",
    service=SERVICE,
    parent=HARNESSES,
    list_items=list_endpoints,
    list_operation="ListHarnessEndpoints",
    identity=("harnessId", "endpointName"),
    key_column="harness_id",
    key_item=harness_stub,
    key_pattern=HARNESS_ID,
    pushdown=with_pushdown(harness_id=by_keys),
    rows_per_scope=20,
    rows_per_key=2,
    columns=common_columns()
    + (
        Column("harness_id", TEXT, "The harness the endpoint serves.", "harnessId"),
        Column("harness_name", TEXT, "The harness's name.", "harnessName"),
        Column(
            "endpoint_name",
            TEXT,
            "The endpoint's name (InvokeHarness's qualifier).",
            "endpointName",
        ),
        Column("endpoint_arn", TEXT, "The endpoint's ARN.", "arn"),
        Column("status", TEXT, "CREATING, READY, UPDATING, DELETING or a failure.", "status"),
        Column("live_version", TEXT, "The harness version the endpoint serves now.", "liveVersion"),
        Column(
            "target_version",
            TEXT,
            "The version it moves to; the live one when no update is in flight.",
            "targetVersion",
        ),
        Column("failure_reason", TEXT, "Why it failed, when it did.", "failureReason"),
        Column("created_at", TIMESTAMPTZ, "When the endpoint was created.", "createdAt"),
        Column("updated_at", TIMESTAMPTZ, "When it last changed.", "updatedAt"),
    ),
)
