"""agentcore.harness_versions: every version of every harness, each read in full.

Callers reach a harness through an endpoint, which serves a version that may be older than
the current one, with another authorizer. A version never changes once made.
"""

from __future__ import annotations

from ..core.answers import member
from ..core.table import (
    Request,
    Table,
    by_keys,
    common_columns,
    listed_state,
    model_pattern,
    paged,
    with_pushdown,
)
from .harnesses import HARNESS_COLUMNS, HARNESS_ID, SERVICE, harness_version
from .harnesses import TABLE as HARNESSES


def harness_stub(client, harness_id):
    # Versions and endpoints are listed by harness ID alone: no need to read the harness.
    return {"harnessId": harness_id}


def list_versions(client, harness):
    return paged(
        client.list_harness_versions,
        "harnessVersions",
        harnessId=harness["harnessId"],
        maxResults=100,
    )


def get_version(client, summary):
    return get_version_by_id(client, summary["harnessId"], summary["harnessVersion"])


def get_version_by_id(client, harness_id, version):
    return member(client.get_harness(harnessId=harness_id, harnessVersion=version), "harness")


TABLE = Table(
    name="harness_versions",
    description="Every version of every Amazon Bedrock AgentCore harness, with the inbound "
    "authorizer that version applies: the endpoints that serve it let callers in through it. "
    "What a harness holds in confidence is never read out (see harnesses).",
    service=SERVICE,
    parent=HARNESSES,
    list_items=list_versions,
    list_operation="ListHarnessVersions",
    identity=("harnessId", "harnessVersion"),
    get_detail=get_version,
    detail_operation="GetHarness",
    change_marker=listed_state("harnessVersion", "updatedAt", "status"),
    detail_error_column="detail_error",
    immutable_detail=harness_version,
    key_column="harness_id",
    key_item=harness_stub,
    key_pattern=HARNESS_ID,
    subkey_column="harness_version",
    subkey_pattern=model_pattern(SERVICE, "GetHarness", "harnessVersion"),
    subkey_item=get_version_by_id,
    pushdown=with_pushdown(
        harness_id=by_keys,
        harness_version=lambda versions: Request(subkeys=tuple(sorted(versions))),
    ),
    rows_per_scope=20,
    rows_per_key=2,
    columns=common_columns() + HARNESS_COLUMNS,
)
