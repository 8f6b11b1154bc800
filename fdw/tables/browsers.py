"""agentcore.browsers: AgentCore custom browsers, their network and session recording."""

from __future__ import annotations

from ..core.answers import MalformedValue, without_metadata
from ..core.table import (
    BOOLEAN,
    TEXT,
    Column,
    Table,
    by_keys,
    common_columns,
    detail_error,
    listed_state,
    model_pattern,
    paged,
    with_pushdown,
)

BROWSER_ID = model_pattern("bedrock-agentcore-control", "GetBrowser", "browserId")


def list_browsers(client, parent=None):
    return paged(client.list_browsers, "browserSummaries", type="CUSTOM", maxResults=100)


def get_browser(client, summary):
    return get_browser_by_id(client, summary["browserId"])


def get_browser_by_id(client, browser_id):
    return without_metadata(client.get_browser(browserId=browser_id))


def recording_location(item):
    """s3://bucket/prefix from a browser's recording configuration, or NULL."""
    location = (item.get("recording") or {}).get("s3Location")
    if location is None:
        return None
    bucket, prefix = location.get("bucket"), location.get("prefix") or ""
    if not isinstance(bucket, str) or not isinstance(prefix, str):
        raise MalformedValue("names no bucket")
    return f"s3://{bucket}/{prefix}"


TABLE = Table(
    name="browsers",
    description="Amazon Bedrock AgentCore custom browsers (AWS's own aws.browser.v1 is not "
    "listed): the network they reach and whether their sessions are recorded.",
    service="bedrock-agentcore-control",
    list_items=list_browsers,
    list_operation="ListBrowsers",
    identity=("browserId", "browserArn"),
    get_detail=get_browser,
    detail_operation="GetBrowser",
    change_marker=listed_state("lastUpdatedAt", "status"),
    detail_error_column="detail_error",
    key_column="browser_id",
    key_item=get_browser_by_id,
    key_item_operation="GetBrowser",
    key_pattern=BROWSER_ID,
    pushdown=with_pushdown(browser_id=by_keys),
    rows_per_scope=3,
    columns=common_columns()
    + (
        Column("browser_id", TEXT, "The browser's ID.", "browserId"),
        Column("arn", TEXT, "The browser's ARN.", "browserArn"),
        Column("name", TEXT, "The browser's name.", "name"),
        Column("status", TEXT, "CREATING, READY, DELETING or a failure.", "status"),
        Column(
            "network_mode",
            TEXT,
            "PUBLIC (the internet) or VPC.",
            "networkConfiguration.networkMode",
            True,
        ),
        Column(
            "recording_enabled",
            BOOLEAN,
            "Whether sessions are recorded; NULL when recording is not configured.",
            "recording.enabled",
            True,
        ),
        Column(
            "recording_s3_location",
            TEXT,
            "Where recordings go, as s3://bucket/prefix.",
            recording_location,
            True,
        ),
        Column(
            "execution_role_arn",
            TEXT,
            "The IAM role the browser runs as.",
            "executionRoleArn",
            True,
        ),
        detail_error("the browser's details could not be read."),
    ),
)
